"""`styr lsp`: the language server for the editor, over standard in and out."""

from __future__ import annotations

import typer

from styrmodell.cli.common import QUIET_HELP, set_quiet


def lsp(
    stdio: bool = typer.Option(
        True, "--stdio", help="Tala LSP över standard in och ut (det enda sättet; flaggan finns för editorerna)."
    ),
    quiet: bool = typer.Option(False, "--tyst", "--quiet", "-q", help=QUIET_HELP),
) -> None:
    """Starta språkservern: fynden från alla regler medan du skriver, dokumentation vid hovring,
    komplettering av id:n, gå till definition, hitta användningar, byt namn och säkra rättelser.

    Editorn startar den (VS Code-tillägget i editors/vscode, Neovim, Emacs); den läser repot som
    filen du öppnar ligger i.
    """
    set_quiet(quiet)
    from styrmodell.lsp.server import serve

    serve()
