"""`styr nytt-ar`: both examples carried into 2027 (a new mandate period) validate, the closed year
is untouched, the new year's wheel is computed from the proposed meetings, and `styr diff` between
before and after reads as the README shows it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, GitRepo, run_styr
from test_import import snapshot

README = (ROOT / "README.md").read_text("utf-8")


@pytest.fixture(params=["astorp", "grastorp"])
def example(request, tmp_path) -> Path:
    target = tmp_path / request.param
    shutil.copytree(EXAMPLES / request.param, target)
    return target


def test_the_new_year_on_both_examples_validates_and_leaves_the_closed_year(example):
    before = snapshot(example)
    proc = run_styr("nytt-ar", "2027", str(example))
    assert proc.returncode == 0, proc.stderr
    assert "Inga fel." in proc.stdout
    assert run_styr("validera", str(example), "--strikt").returncode == 0
    after = snapshot(example)
    assert set(after) - set(before) == {"sammantraden-2027.yaml"}
    for relpath, old in before.items():
        new = after[relpath]
        if new == old or relpath == "styrmodell.yaml":  # the mandate period moves on (checked below)
            continue
        old_lines, new_lines = old.decode().splitlines(), new.decode().splitlines()
        # nothing of the closed year goes away: every line is still there, or grew by the new year
        remaining = iter(new_lines)
        for line in old_lines:
            for candidate in remaining:
                if candidate == line or _grown(line, candidate):
                    break
            else:
                raise AssertionError(f"{relpath}: raden {line!r} finns inte kvar")
    config = after["styrmodell.yaml"].decode()
    assert "  från: 2026-10-15\n  till: 2030-10-14\n" in config
    meetings = after["sammantraden-2027.yaml"].decode()
    assert re.search(r"^    kf: +\[2027-", meetings, re.M)
    assert "2026-" not in meetings.split("årshjul:")[1]
    assert "Årshjulet 2027:" in proc.stdout and "Kvar att göra:" in proc.stdout


def _grown(old: str, new: str) -> bool:
    """A line of the closed year that the new year extended: a target slot, the period's end."""
    if new == old.replace("till: 2026}", "till: 2027}"):
        return True
    return old.endswith("}") and new == old[:-1] + ", 2027: null}"


def test_goals_of_the_closed_period_are_carried_and_flagged(tmp_path):
    root = tmp_path / "astorp"
    shutil.copytree(EXAMPLES / "astorp", root)
    assert run_styr("nytt-ar", "2027", str(root)).returncode == 0
    text = (root / "organ/bun/mal.yaml").read_text("utf-8")
    assert "    period: {från: 2023, till: 2027}\n    målår: 2026\n" in text
    assert (
        '    beslut: {organ: bun, datum: 2022-12-13, paragraf: "§ 98"}\n'
        "    omprövas: {av: bun, inför: 2027, skäl: ny mandatperiod}\n    bedömningar:\n"
    ) in text
    assert "    målvärden: {2023: 78, 2024: 80, 2025: 83, 2026: 85, 2027: null}\n" in text
    plan = run_styr("rapport", "verksamhetsplan", str(root), "--period", "2027", "--organ", "bun")
    assert plan.returncode == 0, plan.stderr
    assert "Målet ska beslutas på nytt av Barn- och utbildningsnämnden inför 2027 (ny mandatperiod)." in plan.stdout


def test_the_next_year_is_an_ordinary_year(tmp_path):
    root = tmp_path / "astorp"
    shutil.copytree(EXAMPLES / "astorp", root)
    assert run_styr("nytt-ar", "2027", str(root)).returncode == 0
    again = run_styr("nytt-ar", "2027", str(root))
    assert again.returncode == 0 and "inget att ändra" in again.stderr
    proc = run_styr("nytt-ar", "2028", str(root))
    assert proc.returncode == 0, proc.stderr
    assert "Ny mandatperiod" not in proc.stdout
    assert "Mål som slutar 2027 och inte förs över: bmn-bygglov" in proc.stdout
    assert (root / "sammantraden-2028.yaml").is_file()
    assert "till: 2030-10-14" in (root / "styrmodell.yaml").read_text("utf-8")
    assert run_styr("validera", str(root)).returncode == 0


def test_the_current_year_needs_nothing(tmp_path):
    root = tmp_path / "astorp"
    shutil.copytree(EXAMPLES / "astorp", root)
    before = snapshot(root)
    proc = run_styr("new-year", "2026", str(root))
    assert proc.returncode == 0
    assert "Repot är redan fört in i 2026: inget att ändra." in proc.stderr
    assert snapshot(root) == before


def test_a_year_too_far_ahead_is_refused(tmp_path):
    root = tmp_path / "astorp"
    shutil.copytree(EXAMPLES / "astorp", root)
    proc = run_styr("nytt-ar", "2032", str(root))
    assert proc.returncode == 2
    assert "kör `styr nytt-ar 2027` först" in proc.stderr


def test_dry_run_writes_nothing(tmp_path):
    root = tmp_path / "grastorp"
    shutil.copytree(EXAMPLES / "grastorp", root)
    before = snapshot(root)
    proc = run_styr("nytt-år", "2027", str(root), "--torrkorning")
    assert proc.returncode == 0, proc.stderr
    assert "mandatperiod.från: 2022-10-15 → 2026-10-15" in proc.stdout
    assert "Torrkörning: inget skrevs." in proc.stderr
    assert snapshot(root) == before


def new_year_scenario(folder: Path) -> str:
    """The change behind the README's new-year diff: Åstorp's example committed, then `styr nytt-ar 2027`."""
    shutil.copytree(EXAMPLES / "astorp", folder)
    GitRepo(folder).commit("Styrmodellen 2026")
    proc = run_styr("nytt-ar", "2027", cwd=folder)
    assert proc.returncode == 0, proc.stderr
    shown = run_styr("diff", cwd=folder)
    assert shown.returncode == 0, shown.stderr
    return shown.stdout


def test_the_diff_shown_in_the_readme_is_what_styr_diff_prints(tmp_path):
    written = new_year_scenario(tmp_path / "astorp").splitlines()
    block = README.split("<!-- nytt-ar-diff -->", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    position = 0
    for line in block.splitlines():
        if line.strip() in ("...", "…", ""):
            continue
        matches = [i for i in range(position, len(written)) if written[i].rstrip() == line.rstrip()]
        assert matches, f"raden {line!r} skrivs inte (efter rad {position}):\n" + "\n".join(written)
        position = matches[0] + 1
