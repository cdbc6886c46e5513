"""Incremental validation is never wrong: random edits to a generated repository, and after each one
the warm run (per-file parse cache and result cache, as `styr validera` runs) and the language
server's run (the edit as an unsaved buffer over the old file on disk) give exactly what a cold run
gives."""

from __future__ import annotations

import random
import re
import shutil
import sys
from pathlib import Path

import pytest

from styrmodell.errors import FatalError
from styrmodell.load.cache import Cache
from styrmodell.validation.pipeline import Result, validate
from styrmodell.validation.resident import Resident

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import generate

EDITS = 220


def _outcome(run) -> tuple:
    """What a run gives: its findings and counts, or the unusable input it stops at."""
    try:
        result: Result = run()
    except FatalError as exc:
        return ("oanvändbar indata", str(exc))
    return (result.kommun, result.files, result.consequences, list(result.findings))


class Editor:
    """Random edits of the kinds a controller makes (and some a controller makes by mistake)."""

    def __init__(self, root: Path, seed: int):
        self.root = root
        self.random = random.Random(seed)
        self.original = {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.yaml")}
        self.ids = sorted(set(re.findall(rb"^\s*-?\s*id: ([\w\-.]+)$", b"".join(self.original.values()), re.M)))

    def files(self) -> list[str]:
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.yaml"))

    def edit(self) -> tuple[str, bytes | None, str]:
        """(file, its new bytes or None for a deleted file, what was done); nothing is written."""
        r = self.random
        kind = r.choice(
            ["reference", "reference", "value", "delete-line", "duplicate-line", "syntax", "revert", "remove", "copy"]
            + ["config"] * 2
        )
        files = self.files()
        relpath = r.choice([f for f in files if f != "styrmodell.yaml"])
        text = (self.root / relpath).read_bytes()
        lines = text.splitlines(keepends=True)
        line = r.randrange(len(lines)) if lines else 0
        if kind == "reference" and self.ids:
            old = r.choice(self.ids)
            new = r.choice(self.ids + [old + b"x", b"finns-inte"])
            return relpath, text.replace(old, new, 1), f"{old!r} → {new!r}"
        if kind == "value" and lines:
            lines[line] = re.sub(
                rb": (\S+)$", lambda m: b": " + r.choice([b"h\xc3\xb6gre", b"2031", b"ja", b"x"]), lines[line]
            )
            return relpath, b"".join(lines), f"värde på rad {line + 1}"
        if kind == "delete-line" and lines:
            del lines[line]
            return relpath, b"".join(lines), f"rad {line + 1} borttagen"
        if kind == "duplicate-line" and lines:
            lines.insert(line, lines[line])
            return relpath, b"".join(lines), f"rad {line + 1} dubblerad"
        if kind == "syntax" and lines:
            lines[line] = lines[line].rstrip(b"\n") + b" [\n"
            return relpath, b"".join(lines), f"syntaxfel på rad {line + 1}"
        if kind == "remove":
            return relpath, None, "filen borttagen"
        if kind == "copy":
            return relpath.replace(".yaml", f"-kopia{r.randrange(3)}.yaml"), text, "filen kopierad"
        if kind == "config":
            config = self.original["styrmodell.yaml"]
            choice = r.choice(
                [
                    config.replace(b"max: 7", b"max: 2"),
                    config.replace(b"referensdatum: 2026-09-15", b"referensdatum: 2027-03-01"),
                    config.replace(b"regler:\n", b"regler:\n  SM201: varning\n"),
                    config.replace(b"regler:\n", b"regler:\n  SM501: av\n"),
                    config.replace(b"regler:\n", b"regler:\n  SM201: [\n"),  # unusable input
                    config,
                ]
            )
            return "styrmodell.yaml", choice, "konfigurationen"
        # revert: a file back to how it was generated (or back into existence)
        missing = [p for p in self.original if not (self.root / p).exists()]
        back = r.choice(missing or list(self.original))
        return back, self.original[back], "återställd"

    def write(self, relpath: str, data: bytes | None) -> None:
        path = self.root / relpath
        if data is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(data)


@pytest.mark.parametrize("seed", [2026])
def test_every_incremental_result_is_the_cold_result(tmp_path, seed):
    root = tmp_path / "S"
    generate.generate(root, generate.scaled(generate.SCALES["S"], 0.25), seed=2026)
    editor = Editor(root, seed)
    cache = Cache(tmp_path / "cache")
    validate(root, cache=cache)  # warm
    in_editor_model = Resident(root)  # the language server's resident model
    saved_model = Resident(root)  # `styr server`'s: the files as saved
    kinds: dict[str, int] = {}
    for step in range(EDITS):
        relpath, data, what = editor.edit()
        kinds[what.split()[0]] = kinds.get(what.split()[0], 0) + 1
        if data is not None:  # the language server: the edit is an unsaved buffer
            in_editor = _outcome(lambda: in_editor_model.validate({relpath: data}))  # noqa: B023 (called here)
        editor.write(relpath, data)
        cold = _outcome(lambda: validate(root))
        context = f"steg {step}: {relpath}: {what}"
        assert _outcome(lambda: validate(root, cache=cache)) == cold, context
        assert _outcome(lambda: validate(root, cache=cache)) == cold, context  # the result cache's answer
        # the resident models after the file is saved (only changed files are read and built)
        assert _outcome(lambda: saved_model.validate()) == cold, context
        assert _outcome(lambda: in_editor_model.validate()) == cold, context
        if data is not None:
            assert in_editor == cold, context
    assert sum(kinds.values()) == EDITS and len(kinds) >= 6, kinds


def test_the_edits_change_the_findings(tmp_path):
    """The equivalence above means something: the edits do make findings appear and go."""
    root = tmp_path / "S"
    generate.generate(root, generate.SCALES["S"], seed=2026)
    editor = Editor(root, 1)
    seen = set()
    for _ in range(40):
        relpath, data, _ = editor.edit()
        editor.write(relpath, data)
        seen.add(str(_outcome(lambda: validate(root))[-1])[:2000])
    assert len(seen) >= 5


def test_generated_repository_is_copied_not_shared(tmp_path):
    root = tmp_path / "S"
    generate.generate(root, generate.SCALES["S"], seed=2026)
    copy = tmp_path / "kopia"
    shutil.copytree(root, copy)
    assert validate(copy).findings == validate(root).findings == []
