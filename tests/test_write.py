"""The writing mechanism on its own: a file edited in place keeps every byte the edit does not
touch, whatever style the user wrote it in; a plan that fails half-way leaves every file as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from styrmodell.errors import FatalError
from styrmodell.fileio import atomic_write_all
from styrmodell.model.goals import Indicator
from styrmodell.write.plan import Plan, apply

FIELDS = tuple(Indicator.model_fields)


def edit(text: str | bytes, *sets: tuple) -> bytes:
    raw = text if isinstance(text, bytes) else text.encode("utf-8")
    plan = Plan()
    for path, value, *rest in sets:
        plan.set("f.yaml", path, value, order=FIELDS, comment=rest[0] if rest else None)
    applied = apply(plan, lambda relpath: raw)
    assert not applied.conflicts, applied.conflicts
    return applied.files["f.yaml"][1] if applied.files else raw


def diff(before: str, after: bytes) -> list[tuple[str | None, str | None]]:
    import difflib

    old, new = before.splitlines(), after.decode("utf-8-sig").replace("\r\n", "\n").splitlines()
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag != "equal":
            out.append(("\n".join(old[i1:i2]) or None, "\n".join(new[j1:j2]) or None))
    return out


UNUSUAL = """\
# Indikatorer, skrivna med indrag som ruamel.yaml inte själv skulle välja.
indikatorer:
- id: a            # första
  namn: En text som fortsätter
    på nästa rad utan citattecken
  mål: [ m1, m2 ]
  målvärden:
    2025: 10
    2026: 12

  # --- nästa indikator ---
- id: b
  namn: 'B med enkla citattecken'
  utfall: {2024: 1.50, 2025: 2.0}
"""


def test_a_file_in_an_unusual_style_keeps_every_line_but_the_edited_one():
    after = edit(UNUSUAL, (("indikatorer", 1, "utfall", "2026-08"), 2.25))
    assert diff(UNUSUAL, after) == [
        ("  utfall: {2024: 1.50, 2025: 2.0}", "  utfall: {2024: 1.50, 2025: 2.0, 2026-08: 2.25}")
    ]


def test_a_new_key_goes_in_the_fields_order_and_before_the_comments_that_follow():
    after = edit(UNUSUAL, (("indikatorer", 0, "utfall", "2025"), 9.5))
    assert diff(UNUSUAL, after) == [(None, "  utfall: {2025: 9.5}")]
    lines = after.decode().splitlines()
    assert lines[lines.index("  utfall: {2025: 9.5}") - 1] == "    2026: 12"
    assert lines[lines.index("  utfall: {2025: 9.5}") + 2] == "  # --- nästa indikator ---"


def test_a_block_mapping_gets_a_block_entry():
    after = edit(UNUSUAL, (("indikatorer", 0, "målvärden", "2027"), None))
    assert diff(UNUSUAL, after) == [(None, "    2027:")]


def test_crlf_and_bom_are_kept():
    text = "\ufeffindikatorer:\r\n  - id: a\r\n    namn: A\r\n    utfall: {2024: 1}\r\n"
    after = edit(text.encode("utf-8"), (("indikatorer", 0, "utfall", "2025"), 2))
    assert after == "\ufeffindikatorer:\r\n  - id: a\r\n    namn: A\r\n    utfall: {2024: 1, 2025: 2}\r\n".encode()


def test_a_comment_goes_at_the_end_of_the_value_line():
    text = "indikatorer:\n  - id: a\n    utfall:   # per år\n      2024: 1\n"
    after = edit(text, (("indikatorer", 0, "utfall", "2025"), 2, "preliminärt"))
    assert (
        after.decode()
        == "indikatorer:\n  - id: a\n    utfall:   # per år\n      2024: 1\n      2025: 2  # preliminärt\n"
    )


def test_an_anchor_used_elsewhere_is_not_edited():
    text = "indikatorer:\n  - id: a\n    utfall: &u {2024: 1}\n  - id: b\n    utfall: *u\n"
    with pytest.raises(FatalError, match="YAML-ankare"):
        edit(text, (("indikatorer", 0, "utfall", "2025"), 2))


def test_the_same_value_is_no_change_and_a_different_one_is_a_conflict():
    text = "indikatorer:\n  - id: a\n    utfall: {2024: 1.0, 2025: null}\n"
    raw = text.encode()
    plan = Plan()
    plan.set("f.yaml", ("indikatorer", 0, "utfall", "2024"), 1, label="a utfall 2024")
    plan.set("f.yaml", ("indikatorer", 0, "utfall", "2025"), 3)  # an empty value may be filled
    plan.set("f.yaml", ("indikatorer", 0, "utfall", "2024"), 2, label="a utfall 2024", origin="rad 3")
    applied = apply(plan, lambda relpath: raw)
    assert len(applied.unchanged) == 1 and len(applied.changed) == 1
    [conflict] = applied.conflicts
    assert (conflict.line, conflict.old, conflict.new, conflict.origin) == (3, 1.0, 2, "rad 3")


def test_a_failed_rename_puts_back_the_files_already_replaced(tmp_path, monkeypatch):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text("a: 1\n")
    second.write_text("b: 1\n")
    os.chmod(first, 0o600)
    real = os.replace
    calls = []

    def failing(src, dst):
        calls.append(dst)
        if Path(dst) == second:
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(FatalError, match="inget ändrades"):
        atomic_write_all({first: b"a: 2\n", second: b"b: 2\n", tmp_path / "ny.yaml": b"c: 1\n"})
    monkeypatch.setattr(os, "replace", real)
    assert first.read_text() == "a: 1\n" and second.read_text() == "b: 1\n"
    assert (first.stat().st_mode & 0o777) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "b.yaml"]
