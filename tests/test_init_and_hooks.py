"""`styr init`, its CI files, and the pre-commit hook run by the real pre-commit tool."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from styrmodell.cli import app

from conftest import BASE_REPO, ROOT, GitRepo, run_styr

COMMANDS = {c.name or c.callback.__name__ for c in app.registered_commands}


@pytest.fixture
def initialised(tmp_path) -> Path:
    target = tmp_path / "grastorp"
    proc = run_styr("init", str(target), "--kommun", "Grästorp")
    assert proc.returncode == 0, proc.stderr
    return target


def test_init_validates_clean(initialised):
    proc = run_styr("validate", str(initialised), "--strict")
    assert proc.returncode == 0, proc.stdout
    assert "Inga fel" in proc.stdout and "Grästorps kommun" in proc.stdout
    config = (initialised / "styrmodell.yaml").read_text("utf-8")
    assert 'kommunkod: "1444"' in config
    # every kind of file, with Swedish comments explaining the fields
    for relpath in ("organisation.yaml", "vision.yaml", "arshjul.yaml", "organ/kf/mal.yaml", "organ/kf/budget.yaml",
                    "organ/kf/styrdokument.yaml", "organ/ks/mal.yaml", "organ/ks/uppdrag.yaml",
                    "organ/ks/delegationsordning.yaml", "organ/ks/internkontroll.yaml", "organ/ks/dialoger.yaml",
                    "README.md"):
        text = (initialised / relpath).read_text("utf-8")
        assert text.startswith("#"), relpath
    assert (initialised / ".git").is_dir()


def _styr_calls(script: str) -> list[list[str]]:
    calls = []
    for line in script.splitlines():
        for match in re.finditer(r"(?:^|[;&|]\s*|\s)styr\s+([^;&|>]+)", line):
            calls.append(shlex.split(match.group(1)))
    return calls


def test_ci_files_are_valid_yaml_calling_commands_that_exist(initialised):
    github = yaml.safe_load((initialised / ".github/workflows/styrmodell.yml").read_text("utf-8"))
    steps = github["jobs"]["validera"]["steps"]
    scripts = [step["run"] for step in steps if "run" in step]
    gitlab = yaml.safe_load((initialised / ".gitlab-ci.yml").read_text("utf-8"))
    scripts += gitlab["styrmodell"]["script"]
    calls = [call for script in scripts for call in _styr_calls(script)]
    assert {call[0] for call in calls} == {"validate", "diff"}
    assert {call[0] for call in calls} <= COMMANDS
    # the calls run: validate as written, diff against a branch
    for call in calls:
        if call[0] == "validate":
            assert run_styr(*call, cwd=initialised).returncode == 0
    repo = GitRepo(initialised)
    repo.commit("Första versionen")
    repo.repo.git.branch("origin-main")
    diff = run_styr("diff", "origin-main...HEAD", "--format", "markdown", cwd=initialised)
    assert diff.returncode == 0 and "Inga ändringar i styrmodellen." in diff.stdout


def test_init_never_overwrites(initialised):
    before = (initialised / "styrmodell.yaml").read_text("utf-8")
    proc = run_styr("init", str(initialised), "--kommun", "Åstorp")
    assert proc.returncode == 2 and "skriver inte över befintliga filer" in proc.stderr
    assert (initialised / "styrmodell.yaml").read_text("utf-8") == before


def test_init_unknown_municipality(tmp_path):
    proc = run_styr("init", str(tmp_path / "x"), "--kommun", "Gästorp")
    assert proc.returncode == 2 and "menade du 'Grästorp'?" in proc.stderr
    assert not (tmp_path / "x").exists()


def _pre_commit(*args, cwd):
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600)


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(),
                    reason="pre-commit try-repo behöver git och ett git-repo med styrmodell")
def test_pre_commit_hook_with_the_real_pre_commit_tool(tmp_path):
    pytest.importorskip("pre_commit")
    governance = tmp_path / "kommun"
    shutil.copytree(BASE_REPO, governance)
    GitRepo(governance).commit("Ren styrmodell")
    clean = _pre_commit("try-repo", str(ROOT), "styr-validate", "--all-files", cwd=governance)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "styr validate" in clean.stdout and "Passed" in clean.stdout
    text = (governance / "organ/bun/mal.yaml").read_text("utf-8").replace("riktning: högre", "riktning: uppåt")
    (governance / "organ/bun/mal.yaml").write_text(text, "utf-8")
    broken = _pre_commit("try-repo", str(ROOT), "styr-validate", "--all-files", cwd=governance)
    assert broken.returncode == 1
    assert "Failed" in broken.stdout and "organ/bun/mal.yaml:16:5: fel SM107" in broken.stdout
