"""`styr lsp`, driven over stdio by a real JSON-RPC client (tests/lsp_client.py), as an editor does."""

from __future__ import annotations

import json
import os
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from conftest import run_styr
from lsp_client import Client, uri
from styrmodell import __version__

BUN = "organ/bun/mal.yaml"
KF = "organ/kf/mal.yaml"


@pytest.fixture
def repo(repo_factory) -> Path:
    return repo_factory()


@pytest.fixture
def client(repo):
    c = Client(repo)
    c.initialize()
    yield c
    if c.process.poll() is None:
        c.close()


def _findings(diagnostics: dict[str, list[dict]], root: Path) -> set[tuple[str, int, str, str]]:
    out = set()
    for file_uri, items in diagnostics.items():
        relpath = Path(file_uri.removeprefix("file://")).relative_to(root.resolve()).as_posix()
        for d in items:
            out.add((relpath, d["range"]["start"]["line"] + 1, d["code"], d["message"].rsplit(" [", 1)[0]))
    return out


def _validated(root: Path) -> set[tuple[str, int, str, str]]:
    proc = run_styr("validera", ".", "--format", "json", cwd=root)
    assert proc.returncode in (0, 1), proc.stderr
    return {(f["fil"], f["rad"], f["kod"], f["meddelande"]) for f in json.loads(proc.stdout)["fynd"]}


def test_diagnostics_on_open_and_change_are_validates_findings_for_unsaved_text(client, repo):
    path = repo / BUN
    on_disk = path.read_text("utf-8")
    broken = on_disk.replace("riktning: högre", "riktning: uppåt")
    client.open(path, broken)
    diagnostics = client.wait_for_diagnostics()
    (direction,) = [d for d in diagnostics[uri(path)] if d["code"] == "SM107"]
    assert direction["range"]["start"] == {"line": 15, "character": 4}
    assert direction["range"]["end"]["line"] == 15 and direction["range"]["end"]["character"] > 4
    assert direction["severity"] == 1 and direction["source"] == "styr"
    assert "'riktning' har värdet 'uppåt'" in direction["message"]
    assert path.read_text("utf-8") == on_disk  # the buffer is checked, the file is not touched
    # the same findings as `styr validera` gives for the same contents
    path.write_text(broken, "utf-8")
    assert _findings(diagnostics, repo) == _validated(repo)
    path.write_text(on_disk, "utf-8")
    # fixed as the user types: the file's diagnostics are cleared
    client.change(path, on_disk)
    assert client.wait_for_diagnostics()[uri(path)] == []


def test_a_change_in_one_file_is_reported_in_the_file_it_breaks(client, repo):
    kf, bun = repo / KF, repo / BUN
    client.open(kf)
    client.wait_for_diagnostics()
    client.change(kf, kf.read_text("utf-8").replace("id: kf-utbildning", "id: kf-skola"))
    diagnostics = client.wait_for_diagnostics()
    broken = [d for d in diagnostics.get(uri(bun), []) if d["code"] == "SM201"]
    assert broken and "'kf-utbildning'" in broken[0]["message"] and broken[0]["range"]["start"]["line"] == 6
    client.change(kf, kf.read_text("utf-8"))
    assert not [d for d in client.wait_for_diagnostics().get(uri(bun), []) if d["code"] == "SM201"]


def test_hover_on_a_key_and_on_an_id(client, repo):
    bun = repo / BUN
    client.open(bun)
    client.wait_for_diagnostics()
    position = {"textDocument": {"uri": uri(bun)}}
    on_key = client.request("textDocument/hover", position | {"position": {"line": 15, "character": 6}})
    assert "Vilket håll som är bättre" in on_key["contents"]["value"]
    assert on_key["range"]["start"] == {"line": 15, "character": 4}
    on_id = client.request("textDocument/hover", position | {"position": {"line": 6, "character": 14}})
    text = on_id["contents"]["value"]
    assert "mål kf-utbildning" in text and "Barn och unga får en god utbildning" in text
    assert "nivå: inriktningsmål" in text and "beslut: kf 2022-11-28 § 112" in text
    assert f"{KF}:3" in text


def test_definition_references_and_rename_across_files(client, repo):
    bun, kf = repo / BUN, repo / KF
    client.open(bun)
    client.wait_for_diagnostics()
    at_ref = {"textDocument": {"uri": uri(bun)}, "position": {"line": 6, "character": 14}}
    definition = client.request("textDocument/definition", at_ref)
    assert definition["uri"] == uri(kf) and definition["range"]["start"] == {"line": 2, "character": 8}
    refs = client.request("textDocument/references", at_ref | {"context": {"includeDeclaration": True}})
    assert {(r["uri"], r["range"]["start"]["line"]) for r in refs} >= {(uri(kf), 2), (uri(bun), 6)}
    edit = client.request("textDocument/rename", at_ref | {"newName": "kf-skola"})
    for file_uri, edits in edit["changes"].items():
        path = Path(file_uri.removeprefix("file://"))
        lines = path.read_text("utf-8").splitlines(keepends=True)
        for e in sorted(
            edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]), reverse=True
        ):
            start, end = e["range"]["start"], e["range"]["end"]
            assert start["line"] == end["line"]
            row = lines[start["line"]]
            assert row[start["character"] : end["character"]] == "kf-utbildning"
            lines[start["line"]] = row[: start["character"]] + e["newText"] + row[end["character"] :]
        path.write_text("".join(lines), "utf-8")
    assert "id: kf-skola" in kf.read_text("utf-8") and "tjänar: [kf-skola]" in bun.read_text("utf-8")
    assert bun.read_text("utf-8").startswith("# Barn- och utbildningsnämndens mål\n")  # comments kept
    assert run_styr("validera", str(repo)).returncode == 0
    bad = client.request_error("textDocument/rename", at_ref | {"newName": "två ord"})
    assert "kan inte vara ett id" in bad["message"]


def test_completion_offers_the_ids_the_field_accepts_and_enum_values(client, repo):
    bun = repo / BUN
    text = bun.read_text("utf-8").replace("tjänar: [kf-utbildning]", "tjänar: [")
    client.open(bun, text)
    client.wait_for_diagnostics()
    items = client.request(
        "textDocument/completion", {"textDocument": {"uri": uri(bun)}, "position": {"line": 6, "character": 13}}
    )["items"]
    labels = {item["label"] for item in items}
    assert {"kf-utbildning", "kf-resultat"} <= labels
    assert "fc-bf" not in labels and "bun" not in labels  # a role and an organ are not goals
    assert all(item["detail"] == "mål" for item in items)
    text = bun.read_text("utf-8").replace("riktning: högre", "riktning: ")
    client.change(bun, text)
    client.wait_for_diagnostics()
    items = client.request(
        "textDocument/completion", {"textDocument": {"uri": uri(bun)}, "position": {"line": 15, "character": 14}}
    )["items"]
    assert {item["label"] for item in items} == {"högre", "lägre"}


def test_code_action_replaces_a_misspelt_id_with_the_suggestion(client, repo):
    bun = repo / BUN
    text = bun.read_text("utf-8").replace("tjänar: [kf-utbildning]", "tjänar: [kf-utbildnig]")
    client.open(bun, text)
    diagnostics = client.wait_for_diagnostics()[uri(bun)]
    (broken,) = [d for d in diagnostics if d["code"] == "SM201"]
    assert "menade du 'kf-utbildning'?" in broken["message"]
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri(bun)}, "range": broken["range"], "context": {"diagnostics": [broken]}},
    )
    (action,) = actions
    assert action["title"] == "Ersätt med 'kf-utbildning'" and action["kind"] == "quickfix"
    (edit,) = action["edit"]["changes"][uri(bun)]
    assert edit["range"]["start"] == {"line": 6, "character": 13} and edit["newText"] == "kf-utbildning"


def test_a_broken_configuration_is_a_diagnostic_and_the_server_exits_cleanly(client, repo):
    config = repo / "styrmodell.yaml"
    client.open(config, config.read_text("utf-8").replace('kommunkod: "1444"', "kommunkod: [1444"))
    diagnostics = client.wait_for_diagnostics()
    assert diagnostics[uri(config)] and diagnostics[uri(config)][0]["severity"] == 1
    assert client.close() == 0
    assert b"Traceback" not in client.process.stderr.read()


def test_validate_is_answered_by_the_language_servers_model_while_it_runs(client, repo):
    from styrmodell.server.address import socket_path

    client.open(repo / BUN)
    client.wait_for_diagnostics()
    status = run_styr("server", "status", str(repo))
    assert status.returncode == 0 and "Servern (styr lsp) körs för" in status.stdout
    goals = repo / KF
    goals.write_text(goals.read_text("utf-8").replace("id: kf-utbildning", "id: kf-skolan", 1), "utf-8")
    served = run_styr("validera", str(repo), "--format", "json")
    local = run_styr("validera", str(repo), "--format", "json", "--ingen-server")
    assert (served.returncode, served.stdout) == (local.returncode, local.stdout) and served.returncode == 1
    assert "1 validering" in run_styr("server", "status", str(repo)).stdout  # the language server answered
    assert client.close() == 0
    assert not socket_path(repo).exists()  # the editor closed: nothing left behind


def test_the_server_announces_what_it_does(repo):
    c = Client(repo)
    capabilities = c.initialize()["capabilities"]
    for name in ("hoverProvider", "definitionProvider", "referencesProvider", "codeActionProvider"):
        assert capabilities.get(name), name
    assert capabilities["renameProvider"] and capabilities["completionProvider"]
    assert capabilities["textDocumentSync"]["change"] == 1  # whole buffers
    assert c.close() == 0


VSIX = os.environ.get("STYR_VSIX")


@pytest.mark.skipif(not VSIX, reason="STYR_VSIX saknas (.ci/run bygger tillägget med npm och @vscode/vsce)")
def test_the_vscode_extension_package_starts_styr_lsp(repo):
    with zipfile.ZipFile(VSIX) as vsix:
        names = set(vsix.namelist())
        manifest = json.loads(vsix.read("extension/package.json"))
        identity = ET.fromstring(vsix.read("extension.vsixmanifest")).find(".//{*}Identity")
        source = vsix.read("extension/extension.js").decode("utf-8")
    assert identity is not None and identity.get("Version") == __version__ == manifest["version"]
    assert identity.get("Id") == "styrmodell" and identity.get("Publisher") == "styrmodell"
    assert "extension/" + manifest["main"].removeprefix("./") in names
    assert "extension/node_modules/vscode-languageclient/package.json" in names  # bundled, no npm for the user
    assert "workspaceContains:styrmodell.yaml" in manifest["activationEvents"]
    properties = manifest["contributes"]["configuration"]["properties"]
    command, args = properties["styrmodell.kommando"]["default"], properties["styrmodell.argument"]["default"]
    assert (command, args) == ("styr", ["lsp"]) and "TransportKind.stdio" in source
    # what the extension starts (the languageclient adds --stdio) is a server that answers
    c = Client(repo, [str(Path(sys.executable).with_name(command)), *args, "--stdio"])
    assert c.initialize()["serverInfo"]["name"] == "styr"
    assert c.close() == 0
