// Startar `styr lsp` och kopplar den till VS Code: fynden från alla styr-regler i YAML-filerna,
// hovring, komplettering, gå till definition, hitta användningar, byt namn och snabbrättelser.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("styrmodell");
  const command = settings.get("kommando", "styr");
  const args = settings.get("argument", ["lsp"]);
  // TransportKind.stdio lägger till --stdio, som `styr lsp` tar emot
  const serverOptions = { command, args, transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "yaml" },
      { scheme: "untitled", language: "yaml" },
    ],
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{yaml,yml}"),
    },
  };
  client = new LanguageClient("styrmodell", "Styrmodell", serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start().catch((error) => {
    vscode.window.showErrorMessage(
      `Styrmodell: kunde inte starta '${command} ${args.join(" ")}' (${error.message}). ` +
        "Installera styrmodell, eller ange kommandot i inställningen styrmodell.kommando."
    );
  });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
