"""One error, one finding: a slip in one file does not cascade, and fixing it reveals nothing new.

A syntax error costs the object it stands in, not the file; a schema error costs the field it is
in, not the object. What follows from the loss is left out, counted in the summary, and the cause
comes first. Every run goes through the real `styr` command.
"""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import EXAMPLES, run_styr

# (file, text in it, the slip): each breaks one object of Grästorp's example in a way a person does
SLIPS = [
    (
        "organisation.yaml",
        "{id: ryrskolan, namn: Ryrskolan F–6, förvaltning: bildning, chef: ec-ryrskolan}",
        "{id: ryrskolan, namn: Ryrskolan F–6, förvaltning: bildning, chef: ec-ryrskolan",
    ),
    ("organisation.yaml", "      namn: Kommunstyrelsen\n", "      namn: Kommunstyrelsen: styrelse\n"),
    ("organ/kf/mal.yaml", 'paragraf: "§ 112"}', 'paragraf: "§ 112"'),
    ("organ/ks/verksamhetsmatt.yaml", "riktning: högre", "riktning: uppåt"),
    ("organ/kf/mal.yaml", "    tjänar:", "    tjäner:"),
]


def _copy(tmp_path, file, old, new):
    root = tmp_path / "grastorp"
    shutil.copytree(EXAMPLES / "grastorp", root)
    path = root / file
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    return root


@pytest.mark.parametrize("file, old, new", SLIPS, ids=[f"{f}:{n[:24]}" for f, _, n in SLIPS])
def test_one_slip_is_one_finding(tmp_path, file, old, new):
    root = _copy(tmp_path, file, old, new)
    proc = run_styr("validera", "--format", "json", "--ingen-cache", cwd=root)
    assert proc.returncode == 1, proc.stderr
    result = json.loads(proc.stdout)
    findings = result["fynd"]
    assert len(findings) == 1, "\n".join(f"{f['fil']}:{f['rad']} {f['kod']} {f['meddelande']}" for f in findings)
    [finding] = findings
    assert finding["fil"] == file and finding["kod"] in ("SM101", "SM106", "SM107")
    line = next(i for i, text in enumerate((root / file).read_text("utf-8").splitlines(), 1) if new.strip() in text)
    assert finding["rad"] == line  # at the cause, not where libyaml noticed it


def test_consequences_are_counted_in_the_summary(tmp_path):
    root = _copy(tmp_path, "organ/kf/mal.yaml", 'paragraf: "§ 112"}', 'paragraf: "§ 112"')
    proc = run_styr("validera", "--ingen-cache", cwd=root)
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 2 and "SM101" in lines[0]
    assert "fynd som följer av felen ovan visas inte" in lines[-1]
    cached = run_styr("validera", cwd=root)
    assert cached.stdout == proc.stdout
    cached = run_styr("validera", cwd=root)  # answered from the cache, with the same count
    assert cached.stdout == proc.stdout


def test_fixing_a_schema_error_reveals_nothing_that_was_there_all_along(tmp_path):
    """The indicator with a wrong direction also lacks its unit: that finding is there from the start."""
    root = _copy(tmp_path, "organ/ks/verksamhetsmatt.yaml", "riktning: högre", "riktning: uppåt")
    path = root / "organ/ks/verksamhetsmatt.yaml"
    text = path.read_text("utf-8")
    start = text.index("riktning: uppåt")
    unit = text.rfind("    enhet:", 0, start)
    end = text.index("\n", unit)
    path.write_text(text[:unit] + text[end + 1 :], "utf-8")
    before = json.loads(run_styr("validera", "-f", "json", "--ingen-cache", cwd=root).stdout)["fynd"]
    path.write_text(path.read_text("utf-8").replace("riktning: uppåt", "riktning: högre", 1), "utf-8")
    after = json.loads(run_styr("validera", "-f", "json", "--ingen-cache", cwd=root).stdout)["fynd"]
    assert [(f["kod"], f["meddelande"].split()[-1]) for f in after] == [("SM801", "enhet")], after
    assert {(f["kod"], f["meddelande"]) for f in after} < {(f["kod"], f["meddelande"]) for f in before}, before
    assert not any(f["meddelande"].endswith("riktning") for f in before)  # that follows from the SM107


def test_loader_findings_come_first(tmp_path):
    root = _copy(tmp_path, "organisation.yaml", "      namn: Kommunstyrelsen\n", "      namn: Kommunstyrelsen: x\n")
    (root / "arshjul.yaml").write_text(
        (root / "arshjul.yaml").read_text("utf-8").replace("organ: ks", "organ: kss", 1), "utf-8"
    )
    findings = json.loads(run_styr("validera", "-f", "json", "--ingen-cache", cwd=root).stdout)["fynd"]
    assert findings[0]["kod"] == "SM101" and findings[0]["fil"] == "organisation.yaml"
    assert any(f["kod"] == "SM201" and f["fil"] == "arshjul.yaml" for f in findings[1:])
