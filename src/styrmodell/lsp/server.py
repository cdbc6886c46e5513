"""The language server: the protocol's messages wired to `styr validera` and to `analysis`.

The model stays resident: after a change (debounced), the whole repository is validated again in a
worker thread with the open buffers over the files on disk (validation/resident.py), so only what
changed is read, parsed and built again; the findings are the same as `styr validera` gives for the
same contents, published for every file they concern (and cleared where they are gone).
"""

from __future__ import annotations

import asyncio
import gc
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path

from styrmodell import __version__
from styrmodell.errors import FatalError
from styrmodell.findings import Finding, Severity
from styrmodell.lsp import analysis
from styrmodell.model.repository import Repository
from styrmodell.server.daemon import Listener
from styrmodell.validation.resident import Resident

DEBOUNCE_SECONDS = 0.05
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_FATAL_PLACE = re.compile(r"^(?P<path>[^:\n]+\.ya?ml):(?P<line>\d+)(?::(?P<column>\d+))?: ")


@dataclass
class Snapshot:
    """One validation: what it read and what it found."""

    contents: dict[str, bytes] = field(default_factory=dict)  # every file as validated
    findings: list[Finding] = field(default_factory=list)
    repository: Repository | None = None


def _path_of(uri: str) -> Path:
    return Path(unquote(urlparse(uri).path))


def find_root(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        if (folder / "styrmodell.yaml").is_file():
            return folder
    return None


class StyrServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("styr", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.root: Path | None = None
        self.buffers: dict[str, bytes] = {}
        self.snapshot = Snapshot()
        self.published: set[str] = set()
        self.resident: Resident | None = None  # the model, kept between validations
        self.listener: Listener | None = None  # answering `styr validera` from the same model
        self.loop: asyncio.AbstractEventLoop | None = None
        self._due: float | None = None
        self._wake = threading.Condition()
        self._worker: threading.Thread | None = None

    # --- files and validation ------------------------------------------------------------------

    def relpath(self, uri: str) -> str | None:
        path = _path_of(uri)
        if self.root is None:
            self.root = find_root(path.parent)
        if self.root is None:
            return None
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return None

    def uri(self, relpath: str) -> str:
        assert self.root is not None
        return from_fs_path(str(self.root / relpath)) or ""

    def text(self, relpath: str) -> str:
        raw = self.buffers.get(relpath)
        if raw is None and self.root is not None:
            try:
                raw = (self.root / relpath).read_bytes()
            except OSError:
                raw = b""
        return (raw or b"").decode("utf-8", "replace")

    def request_validation(self) -> None:
        if self.root is None:
            return
        with self._wake:
            self._due = time.monotonic() + DEBOUNCE_SECONDS
            self._wake.notify()
        if self._worker is None:
            self._worker = threading.Thread(target=self._work, name="styr-validering", daemon=True)
            self._worker.start()

    def _work(self) -> None:
        while True:
            with self._wake:
                while self._due is None or time.monotonic() < self._due:
                    self._wake.wait(None if self._due is None else max(self._due - time.monotonic(), 0))
                self._due = None
                buffers = dict(self.buffers)
            snapshot = self.validate(buffers)
            if self.loop is not None:
                self.loop.call_soon_threadsafe(self._publish, snapshot)
            # The cyclic collector stays off, as on the command line (cli/main.py): with the model's
            # hundreds of thousands of objects it would rescan them again and again. What one
            # validation left behind is collected here, young generations only: the resident model
            # has moved to the old one and is not scanned again.
            gc.collect(1)

    def validate(self, buffers: dict[str, bytes]) -> Snapshot:
        assert self.root is not None
        if self.resident is None or self.resident.root != self.root:
            self.resident = Resident(self.root)
            self._listen(self.resident)
        try:
            result = self.resident.validate(buffers)
        except FatalError as exc:
            return Snapshot(findings=[_fatal_finding(str(exc))], repository=self.snapshot.repository)
        return Snapshot(result.contents or {}, result.findings, result.repository)

    def _listen(self, resident: Resident) -> None:
        """Answer `styr validera` for the repository too, from the same model (the files as saved),
        unless a server already does."""
        from styrmodell.server import client
        from styrmodell.server.daemon import Daemon

        if self.listener is not None:
            self.listener.close()
            self.listener = None
        if client.status(resident.root) is not None:
            return
        listener = Listener(resident.root, Daemon(resident.root, resident, kind="styr lsp").answer)
        try:
            listener.bind()
        except FatalError:
            return  # the editor works as well without it
        self.listener = listener
        threading.Thread(target=listener.serve, name="styr-server", daemon=True).start()

    def _publish(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        by_file: dict[str, list[types.Diagnostic]] = {}
        texts: dict[str, str] = {}
        for finding in snapshot.findings:
            path = finding.location.path
            if path not in texts:
                raw = snapshot.contents.get(path)
                texts[path] = raw.decode("utf-8", "replace") if raw is not None else self.text(path)
            by_file.setdefault(path, []).append(_diagnostic(finding, texts[path]))
        # a file that had findings, and every open file, is told when it has none
        for relpath in sorted((self.published | set(self.buffers)) - set(by_file)):
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(self.uri(relpath), []))
        for relpath, diagnostics in sorted(by_file.items()):
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(self.uri(relpath), diagnostics))
        self.published = set(by_file)


def _fatal_finding(message: str) -> Finding:
    from styrmodell.findings import Location

    match = _FATAL_PLACE.match(message)
    if match:
        where = Location(match["path"], int(match["line"]), int(match["column"] or 1))
        message = message[match.end() :]
    else:
        where = Location("styrmodell.yaml")
    return Finding("", "oanvändbar indata", Severity.ERROR, message, where)


def _range(span: analysis.Span) -> types.Range:
    return types.Range(types.Position(span.line, span.start), types.Position(span.line, span.end))


def _diagnostic(finding: Finding, text: str) -> types.Diagnostic:
    more = f" (och {finding.more} till av samma slag)" if finding.more else ""
    return types.Diagnostic(
        range=_range(analysis.finding_span(text, finding)),
        message=f"{finding.message}{more} [{finding.name}]",
        severity=_SEVERITY[finding.severity],
        code=finding.code or None,
        source="styr",
    )


server = StyrServer()


@server.feature(types.INITIALIZE)
def _initialize(ls: StyrServer, params: types.InitializeParams) -> None:
    folders = [f.uri for f in params.workspace_folders or []] or ([params.root_uri] if params.root_uri else [])
    for uri in folders:
        ls.root = ls.root or find_root(_path_of(uri))


@server.feature(types.INITIALIZED)
async def _initialized(ls: StyrServer, params: types.InitializedParams) -> None:
    ls.loop = asyncio.get_running_loop()
    ls.request_validation()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def _did_open(ls: StyrServer, params: types.DidOpenTextDocumentParams) -> None:
    relpath = ls.relpath(params.text_document.uri)
    if relpath is not None:
        ls.buffers[relpath] = params.text_document.text.encode("utf-8")
        ls.request_validation()


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def _did_change(ls: StyrServer, params: types.DidChangeTextDocumentParams) -> None:
    relpath = ls.relpath(params.text_document.uri)
    if relpath is None:
        return
    document = ls.workspace.get_text_document(params.text_document.uri)
    ls.buffers[relpath] = document.source.encode("utf-8")
    ls.request_validation()


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def _did_close(ls: StyrServer, params: types.DidCloseTextDocumentParams) -> None:
    relpath = ls.relpath(params.text_document.uri)
    if relpath is not None and ls.buffers.pop(relpath, None) is not None:
        ls.request_validation()  # the file on disk counts again


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def _did_save(ls: StyrServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.request_validation()


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def _watched(ls: StyrServer, params: types.DidChangeWatchedFilesParams) -> None:
    ls.request_validation()


# --- what the cursor is on ---------------------------------------------------------------------------


def _at(ls: StyrServer, doc: types.TextDocumentIdentifier, position: types.Position):
    relpath = ls.relpath(doc.uri)
    if relpath is None:
        return None, "", None
    text = ls.text(relpath)
    return relpath, text, analysis.token_at(text, position.line, position.character)


@server.feature(types.TEXT_DOCUMENT_HOVER)
def _hover(ls: StyrServer, params: types.HoverParams) -> types.Hover | None:
    relpath, text, token = _at(ls, params.text_document, params.position)
    if relpath is None:
        return None
    key = analysis.key_path_at(text, params.position.line, params.position.character)
    if key is not None:
        doc = analysis.key_documentation(relpath, key[0])
        if doc:
            return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, doc), _range(key[1]))
    repository = ls.snapshot.repository
    if token is None or repository is None:
        return None
    described = analysis.describe(repository, token[0])
    if described is None:
        return None
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, described), _range(token[1]))


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
def _definition(ls: StyrServer, params: types.DefinitionParams) -> types.Location | None:
    _, _, token = _at(ls, params.text_document, params.position)
    repository = ls.snapshot.repository
    if token is None or repository is None:
        return None
    place = analysis.definition(repository, token[0])
    if place is None:
        return None
    path, span = _defined_at(ls, token[0], place)
    return types.Location(ls.uri(path), _range(span))


def _defined_at(ls: StyrServer, ident: str, place: tuple[str, int, int]) -> tuple[str, analysis.Span]:
    """The id's value where it is defined (the key's line; the value, when it stands on that line)."""
    path, line, column = place
    on_line = [s for s in analysis.occurrences(ls.text(path), ident) if s.line == line]
    return path, on_line[0] if on_line else analysis.Span(line, column, column + len(ident))


def _all_occurrences(ls: StyrServer, ident: str) -> list[tuple[str, analysis.Span]]:
    files = sorted(set(ls.snapshot.contents) | set(ls.buffers))
    return [(relpath, span) for relpath in files for span in analysis.occurrences(ls.text(relpath), ident)]


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
def _references(ls: StyrServer, params: types.ReferenceParams) -> list[types.Location]:
    _, _, token = _at(ls, params.text_document, params.position)
    if token is None or ls.snapshot.repository is None or ls.snapshot.repository.lookup(token[0]) is None:
        return []
    found = _all_occurrences(ls, token[0])
    if not params.context.include_declaration:
        place = analysis.definition(ls.snapshot.repository, token[0])
        defined = _defined_at(ls, token[0], place) if place is not None else None
        found = [(p, s) for p, s in found if (p, s) != defined]
    return [types.Location(ls.uri(p), _range(s)) for p, s in found]


@server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
def _prepare_rename(ls: StyrServer, params: types.PrepareRenameParams) -> types.Range | None:
    _, _, token = _at(ls, params.text_document, params.position)
    if token is None or ls.snapshot.repository is None or ls.snapshot.repository.lookup(token[0]) is None:
        return None
    return _range(token[1])


@server.feature(types.TEXT_DOCUMENT_RENAME)
def _rename(ls: StyrServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
    _, _, token = _at(ls, params.text_document, params.position)
    if token is None or ls.snapshot.repository is None or ls.snapshot.repository.lookup(token[0]) is None:
        return None
    if not re.fullmatch(rf"{analysis.ID_CHARS}+", params.new_name):
        from pygls.exceptions import JsonRpcInvalidParams

        raise JsonRpcInvalidParams(f"'{params.new_name}' kan inte vara ett id (bokstäver, siffror, - . _)")
    changes: dict[str, list[types.TextEdit]] = {}
    for relpath, span in _all_occurrences(ls, token[0]):
        changes.setdefault(ls.uri(relpath), []).append(types.TextEdit(_range(span), params.new_name))
    return types.WorkspaceEdit(changes=changes)


@server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=["[", " ", ",", ":"]))
def _completion(ls: StyrServer, params: types.CompletionParams) -> types.CompletionList:
    relpath = ls.relpath(params.text_document.uri)
    items: list[types.CompletionItem] = []
    if relpath is not None:
        text = ls.text(relpath)
        line, character = params.position.line, params.position.character
        name = analysis.field_before(text, line, character)
        repository = ls.snapshot.repository
        if name is not None and repository is not None:
            for ident, kind, label in analysis.id_candidates(repository, name):
                items.append(
                    types.CompletionItem(
                        ident, kind=types.CompletionItemKind.Reference, detail=kind, documentation=label or None
                    )
                )
        if name is not None and not items:
            row = text.splitlines()[line] if line < len(text.splitlines()) else ""
            key = analysis.key_path_at(text, line, row.find(name))
            if key is not None:
                for value in analysis.enum_values(relpath, key[0]):
                    items.append(types.CompletionItem(value, kind=types.CompletionItemKind.EnumMember))
    return types.CompletionList(is_incomplete=False, items=items)


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION)
def _code_action(ls: StyrServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    relpath = ls.relpath(params.text_document.uri)
    if relpath is None:
        return []
    text = ls.text(relpath)
    actions = []
    wanted = params.range
    for finding in ls.snapshot.findings:
        if finding.location.path != relpath or not (wanted.start.line <= finding.location.line - 1 <= wanted.end.line):
            continue
        fix = analysis.certain_fix(text, finding)
        if fix is None:
            continue
        span, value = fix
        edit = types.WorkspaceEdit(changes={params.text_document.uri: [types.TextEdit(_range(span), value)]})
        actions.append(
            types.CodeAction(
                f"Ersätt med '{value}'",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[_diagnostic(finding, text)],
                edit=edit,
                is_preferred=True,
            )
        )
    return actions


@server.feature(types.SHUTDOWN)
def _shutdown(ls: StyrServer, params: None) -> None:
    if ls.listener is not None:
        ls.listener.close()


def serve() -> None:
    from styrmodell.load.parallel import Workers

    Workers.may_fork = False  # the server has threads: parse in this process (see Workers)
    try:
        server.start_io()
    finally:
        if server.listener is not None:
            server.listener.close()
