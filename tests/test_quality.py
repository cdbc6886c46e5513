"""The project's own habits, checked like everything else: ruff (lint and format), mypy, and the
import-linter contracts that keep the layers apart (pyproject.toml)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = BIN / name
    if not found.exists():
        found = Path(shutil.which(name) or name)
    return str(found)


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "src", "tests", "benchmarks"],
        ["ruff", "format", "--check", "src", "tests", "benchmarks"],
        ["mypy"],
        ["lint-imports"],
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_tool_passes(command):
    proc = subprocess.run([_tool(command[0]), *command[1:]], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_projects_own_pre_commit_files_are_valid():
    for command in (["validate-manifest", ".pre-commit-hooks.yaml"], ["validate-config", ".pre-commit-config.yaml"]):
        proc = subprocess.run(
            [sys.executable, "-m", "pre_commit", *command], cwd=ROOT, capture_output=True, text=True, timeout=120
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr
