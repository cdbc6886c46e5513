"""A plan carried out in memory and checked, then written whole or not at all.

`stage` applies the plan to the files' bytes, makes sure every edited file means exactly what it
meant before plus the edits (read back with the validator's own loader), and validates the
repository as it would be (a `MemorySource`), so that the caller can show the semantic diff,
refuse an edit that brings new errors, and only then `commit`: the files are replaced together,
keeping their modes, and only if nobody changed them in between.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from styrmodell.errors import FatalError
from styrmodell.fileio import atomic_write_all
from styrmodell.findings import Finding, Severity
from styrmodell.load.cache import Cache
from styrmodell.load.sources import CONFIG_FILE, MemorySource, WorkingTree
from styrmodell.load.yamlload import load_bytes
from styrmodell.validation.pipeline import Result, validate
from styrmodell.write.plan import Applied, Plan, Set, apply, yaml_key

MAX_BYTES = 50_000_000


@dataclass
class Staged:
    root: Path
    applied: Applied
    before: Result
    after: Result
    new_errors: list[Finding]

    @property
    def files(self) -> dict[str, tuple[bytes | None, bytes]]:
        return self.applied.files


def before(root: Path, cache: Cache | None = None) -> Result:
    """The repository as it is, with its model: what a plan is built from."""
    return validate(WorkingTree(root), cache=cache or Cache(), need_model=True)


def stage(root: Path, plan: Plan, current: Result, cache: Cache | None = None) -> Staged:
    """Carry `plan` out in memory on the repository at `root`, whose validation is `current`."""
    source = WorkingTree(root)
    applied = apply(plan, source.read)
    for relpath, (old, new) in applied.files.items():
        if old is not None and relpath not in plan.new_files:
            _check_meaning(relpath, old, new, [s for s in applied.changed if s.file == relpath])
    files: dict[str, bytes] = dict(current.contents or {p: source.read(p) or b"" for p in source.content_files([])})
    config = source.read(CONFIG_FILE)
    if config is not None:
        files[CONFIG_FILE] = config
    files.update({relpath: new for relpath, (_, new) in applied.files.items()})
    after = validate(MemorySource(files, label=source.label), cache=cache or Cache(), need_model=True)
    return Staged(root, applied, current, after, _new_errors(current.findings, after.findings))


def commit(staged: Staged) -> list[str]:
    """Write the staged files; the relative paths written. Refuses if a file changed since staging."""
    source = WorkingTree(staged.root)
    for relpath, (old, _) in staged.files.items():
        if source.read(relpath) != old:
            raise FatalError(f"{relpath}: filen ändrades medan kommandot kördes; inget skrevs. Kör kommandot igen.")
    atomic_write_all({staged.root / relpath: new for relpath, (_, new) in staged.files.items()})
    return sorted(staged.files)


def _finding_key(finding: Finding) -> tuple[str, str, str]:
    return finding.code, finding.location.path, finding.message


def _new_errors(old: list[Finding], new: list[Finding]) -> list[Finding]:
    known = {_finding_key(f) for f in old}
    return [f for f in new if f.severity == Severity.ERROR and _finding_key(f) not in known]


# --- the edit means what it says, and nothing else ----------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _expected(data: Any, edits: list[Set]) -> Any:
    for edit in edits:
        node = data
        *parents, last = edit.path
        for part in parents:
            if isinstance(node, list):
                node = node[part]
                continue
            key = find_key_plain(node, part)
            if key is None:
                key = yaml_key(part)
                node[key] = {}
            node = node[key]
        key = find_key_plain(node, last)
        node[yaml_key(last) if key is None else key] = _plain(edit.value)
    return data


def find_key_plain(node: dict, part: Any) -> Any:
    if part in node:
        return part
    return next((k for k in node if str(k) == str(part)), None)


def _check_meaning(relpath: str, old: bytes, new: bytes, edits: list[Set]) -> None:
    """The edited file reads as the old one with exactly `edits` applied; anything else is a bug
    in the writing, and nothing is written."""
    before = load_bytes(relpath, old, MAX_BYTES)
    after = load_bytes(relpath, new, MAX_BYTES)
    if after.problems and not before.problems:
        problem = after.problems[0]
        raise FatalError(
            f"{relpath}: ändringen skulle göra filen oläslig ({problem.message}, rad {problem.line}); inget skrevs. "
            "Rapportera gärna felet."
        )
    if _plain(after.data) != _plain(_expected(before.data, edits)):
        raise FatalError(
            f"{relpath}: ändringen skulle ändra mer i filen än det som skulle skrivas in; inget skrevs. "
            "Rapportera gärna felet, och skriv in värdena för hand så länge."
        )
