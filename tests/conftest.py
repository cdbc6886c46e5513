"""Shared fixtures: repositories built from a dict of files, on top of the clean base repository."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
BASE_REPO = TESTS / "base_repo"
ROOT = TESTS.parent
EXAMPLES = ROOT / "examples"


def make_repo(target: Path, files: dict[str, str | bytes | None] | None = None,
              replace: dict[str, list[list[str]]] | None = None, base: Path | None = BASE_REPO) -> Path:
    """Copy `base` to `target`, then apply text replacements and add, overwrite or delete files."""
    if base is not None:
        shutil.copytree(base, target)
    else:
        target.mkdir(parents=True)
    for relpath, pairs in (replace or {}).items():
        path = target / relpath
        text = path.read_text("utf-8")
        for old, new in pairs:
            assert old in text, f"{relpath}: hittar inte {old!r}"
            text = text.replace(old, new, 1)
        path.write_text(text, "utf-8")
    for relpath, content in (files or {}).items():
        path = target / relpath
        if content is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, dict):  # {kodning: latin-1, text: ...} in a case file
            path.write_bytes((content["text"] * content.get("gånger", 1)).encode(content["kodning"]))
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")
    return target


@pytest.fixture
def repo_factory(tmp_path):
    counter = iter(range(1000))

    def factory(files=None, replace=None, base=BASE_REPO) -> Path:
        return make_repo(tmp_path / f"repo{next(counter)}", files, replace, base)

    return factory


def run_styr(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """The real CLI in a subprocess, as a user or CI runs it."""
    import os

    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "styrmodell", *args], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=120)
