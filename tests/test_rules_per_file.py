"""The rules that check one file at a time keep their two promises (rules/base.py), on every
repository the tests have: the examples, the seed repositories, the clean base and every case of
those rules (tests/cases), which is where their findings are.

1. Each file's findings are about that file: every finding of `check_file` on one file's piece of
   the model is located in that file.
2. One file at a time is the whole: the findings of `check_file` over each file's piece, with the
   context of the whole repository, are the findings of `check` on the whole repository.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import BASE_REPO, EXAMPLES, TESTS
from styrmodell.load.repository import load_repository
from styrmodell.load.sources import WorkingTree
from styrmodell.rules import RULES
from styrmodell.validation.checker import active_rules
from styrmodell.validation.pipeline import validate
from styrmodell.validation.resident import Resident

PER_FILE = sorted(code for code, rule in RULES.items() if rule.per_file is not None)
REPOSITORIES = [EXAMPLES / "grastorp", EXAMPLES / "astorp", TESTS / "repos" / "smarta", TESTS / "repos" / "askersund"]


def _cases():
    for code in PER_FILE:
        path = TESTS / "cases" / f"{code}.yaml"
        data = yaml.safe_load(path.read_text("utf-8")) if path.exists() else {}
        for kind in ("fel", "rätt"):
            for index, case in enumerate(data.get(kind, [])):
                yield pytest.param(case, id=f"{code}-{kind}-{index + 1}")


def _check_promises(root: Path) -> int:
    pieces: dict = {}
    config, repo, _ = load_repository(WorkingTree(root), pieces=pieces)
    found = 0
    for active in active_rules(config):
        per_file = active.rule.per_file
        if per_file is None:
            continue
        whole = sorted(per_file.check(repo, active.options), key=repr)
        context = per_file.context(repo, active.options) if per_file.context else None
        parts = []
        for piece in pieces.values():
            piece.part.config = config
            for message, location in per_file.check_file(piece.part, context, active.options):
                assert location.path == piece.loaded.path, (active.rule.code, message, location)
                parts.append((message, location))
        if per_file.check_whole is not None:
            parts.extend(per_file.check_whole(repo, active.options))
        assert sorted(parts, key=repr) == whole, active.rule.code
        found += len(whole)
    return found


def test_the_rules_that_check_one_file_at_a_time():
    assert {"SM201", "SM601", "SM604", "SM504", "SM502", "SM802"} <= set(PER_FILE)


@pytest.mark.parametrize("root", REPOSITORIES + [BASE_REPO], ids=lambda p: p.name)
def test_per_file_rules_on_the_repositories(root):
    _check_promises(root)


@pytest.mark.parametrize("case", list(_cases()))
def test_per_file_rules_on_their_cases(case, repo_factory):
    root = repo_factory(case.get("filer"), case.get("ersätt"))
    _check_promises(Path(root))


def test_a_change_in_one_file_changes_the_findings_in_another(tmp_path):
    """The delegation rules read the organisation from its own file: when a role changes there, the
    resident model's findings in the delegation order change with it, as a cold run's do."""
    root = tmp_path / "grastorp"
    shutil.copytree(EXAMPLES / "grastorp", root)
    resident = Resident(root)
    assert resident.validate().findings == validate(root).findings == []
    organisation = root / "organisation.yaml"
    before = organisation.read_text("utf-8")
    # an administration's chief becomes an elected member: a delegation to them is no longer allowed
    changed = before.replace("typ: förvaltningschef", "typ: ledamot", 1)
    assert changed != before
    organisation.write_text(changed, "utf-8")
    cold = validate(root).findings
    assert any(f.code == "SM601" and f.location.path != "organisation.yaml" for f in cold)
    assert resident.validate().findings == cold
    organisation.write_text(before, "utf-8")
    assert resident.validate().findings == validate(root).findings == []


def test_a_file_read_long_ago_is_read_again_when_it_changes(tmp_path):
    """The resident model remembers a file by its size, times and inode; an edit that keeps the size
    and puts the old modification time back still changes the inode's change time."""
    import os
    import time

    root = tmp_path / "grastorp"
    shutil.copytree(EXAMPLES / "grastorp", root)
    target = next(
        p for p in sorted(root.rglob("*.yaml")) if "mål:" in p.read_text("utf-8") and p.name != "styrmodell.yaml"
    )
    old = time.time() - 3600
    for path in root.rglob("*.yaml"):
        os.utime(path, (old, old))
    time.sleep(2.1)  # past the "racily clean" window: the files are remembered, not read again
    resident = Resident(root)
    assert resident.validate().findings == []
    assert resident.memo, "the files are remembered"
    raw = target.read_bytes()
    broken = raw.replace("mål:".encode(), "mål:\n  - {id: [ , }\n".encode(), 1)[: len(raw)]  # same size
    target.write_bytes(broken)
    os.utime(target, (old, old))
    assert resident.validate().findings == validate(root).findings != []
