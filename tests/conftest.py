"""Shared fixtures: repositories built from a dict of files, on top of the clean base repository.

The suite is hermetic: before any test runs, the home folder, the caches (styr's, pre-commit's,
pip's, XDG's) and git's global configuration point into a fresh temporary folder, so that a cold
run on a new machine is what every run sees. The package under test is the one installed in the
running Python (a wheel, as a user installs it; tests/test_packaging.py makes sure of that), and
the CLI is its real `styr` console script.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
BASE_REPO = TESTS / "base_repo"
ROOT = TESTS.parent
EXAMPLES = ROOT / "examples"
STYR = Path(sys.executable).with_name("styr")


def _hermetic_environment() -> Path:
    """A fresh home and fresh caches for this test session, also for every subprocess it starts."""
    axe = os.environ.get("AXE_CORE_JS")  # a test input fetched by .ci/run, not state of the home folder
    home = Path(tempfile.mkdtemp(prefix="styr-test-home-"))
    (home / ".gitconfig").write_text(
        "[user]\n\tname = Test Testsson\n\temail = test@example.org\n"
        "[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n",
        "utf-8",
    )
    values = {
        "HOME": str(home),
        "STYR_CACHE_DIR": str(home / "styr-cache"),
        "PRE_COMMIT_HOME": str(home / "pre-commit"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_RUNTIME_DIR": str(home / "run"),  # where `styr server` listens
        "PIP_CACHE_DIR": str(home / "pip-cache"),
        "GIT_CONFIG_GLOBAL": str(home / ".gitconfig"),
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    os.environ.update(values)
    for variable in ("STYR_DEBUG", "GITHUB_ACTIONS", "GITLAB_CI", "CI"):
        os.environ.pop(variable, None)
    if axe:
        os.environ["AXE_CORE_JS"] = axe
    return home


HOME = _hermetic_environment()
SESSION_CACHE = os.environ["STYR_CACHE_DIR"]


def make_repo(
    target: Path,
    files: dict[str, str | bytes | None] | None = None,
    replace: dict[str, list[list[str]]] | None = None,
    base: Path | None = BASE_REPO,
) -> Path:
    """Copy `base` to `target`, then apply text replacements and add, overwrite or delete files."""
    if base is not None:
        shutil.copytree(base, target)
    else:
        target.mkdir(parents=True)
    _apply(target, files, replace)
    return target


@pytest.fixture
def repo_factory(tmp_path):
    counter = iter(range(1000))

    def factory(files=None, replace=None, base=BASE_REPO) -> Path:
        return make_repo(tmp_path / f"repo{next(counter)}", files, replace, base)

    return factory


def run_styr(
    *args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 120
) -> subprocess.CompletedProcess:
    """The real `styr` command in a subprocess, as a user or CI runs it."""
    environment = dict(os.environ)
    environment.update(env or {})
    return subprocess.run([str(STYR), *args], cwd=cwd, env=environment, capture_output=True, text=True, timeout=timeout)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium saknas (installeras av .ci/run i CI)")


def screenshot(page: Path, folder: Path, size: str = "1000,1400") -> bytes:
    """What a browser draws of `page`: a PNG from headless Chromium, with its own throwaway profile."""
    png = folder / f"{page.stem}.png"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={folder / 'profil'}",
            f"--screenshot={png}",
            f"--window-size={size}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
    )
    return png.read_bytes()


def png_colours(data: bytes) -> dict[tuple[int, int, int], int]:
    """How many pixels of each colour a (non-interlaced, 8-bit RGB or RGBA) PNG has."""
    import struct
    import zlib
    from collections import Counter

    assert data[:8] == b"\x89PNG\r\n\x1a\n", "inte en PNG"
    pos, chunks, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    assert depth == 8 and colour_type in (2, 6) and interlace == 0, header
    step = 3 if colour_type == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * step
    previous = bytearray(stride)
    counts: Counter = Counter()
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - step] if i >= step else 0
            up = previous[i]
            corner = previous[i - step] if i >= step else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                guess = left + up - corner
                best = min((abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - corner), 2, corner))
                line[i] = (line[i] + best[2]) & 255
        counts.update(zip(line[0::step], line[1::step], line[2::step], strict=False))
        previous = line
    return dict(counts)


class GitRepo:
    """A real git repository made by the test, committed to step by step."""

    def __init__(self, root: Path):
        import git

        self.root = root
        self.repo = git.Repo.init(root, initial_branch="main")
        with self.repo.config_writer() as writer:
            writer.set_value("user", "name", "Test Testsson")
            writer.set_value("user", "email", "test@example.org")
            writer.set_value("commit", "gpgsign", "false")

    def change(self, files=None, replace=None, move=None) -> None:
        _apply(self.root, files, replace)
        for old, new in (move or {}).items():
            (self.root / new).parent.mkdir(parents=True, exist_ok=True)
            self.repo.git.mv(old, new)

    def commit(self, message: str, author: str | None = None) -> str:
        import git

        self.repo.git.add(A=True)
        actor = git.Actor(author, "a@example.org") if author else None
        return self.repo.index.commit(message, author=actor, committer=actor).hexsha


def _apply(root: Path, files=None, replace=None) -> None:
    """Text replacements in existing files, then files added, overwritten or (None) deleted."""
    for relpath, pairs in (replace or {}).items():
        path = root / relpath
        text = path.read_text("utf-8")
        for old, new in pairs:
            assert old in text, f"{relpath}: hittar inte {old!r}"
            text = text.replace(old, new, 1)
        path.write_text(text, "utf-8")
    for relpath, content in (files or {}).items():
        path = root / relpath
        if content is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, dict):  # {kodning: latin-1, text: ..., gånger: N} in a case file
            path.write_bytes((content["text"] * content.get("gånger", 1)).encode(content["kodning"]))
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")


@pytest.fixture
def git_repo(tmp_path) -> GitRepo:
    """The base repository as the first commit of a new git repository."""
    root = tmp_path / "styrmodell"
    shutil.copytree(BASE_REPO, root)
    repo = GitRepo(root)
    repo.commit("Styrmodellen som den beslutades", author="Anna Controller")
    return repo


@pytest.fixture(scope="session", autouse=True)
def required_tools():
    """In CI (.ci/run sets STYR_TEST_REQUIRE_TOOLS) a missing tool fails the run instead of skipping its tests."""
    if not os.environ.get("STYR_TEST_REQUIRE_TOOLS"):
        return
    missing = [tool for tool in ("chromium", "soffice", "pdftotext", "pdftoppm", "git") if shutil.which(tool) is None]
    axe = os.environ.get("AXE_CORE_JS")
    if not axe or not Path(axe).is_file():
        missing.append("axe-core (AXE_CORE_JS)")
    sarif = os.environ.get("SARIF_SCHEMA_JSON")
    if not sarif or not Path(sarif).is_file():
        missing.append("SARIF-schemat (SARIF_SCHEMA_JSON)")
    vsix = os.environ.get("STYR_VSIX")
    if not vsix or not Path(vsix).is_file():
        missing.append("VS Code-tillägget (STYR_VSIX)")
    assert not missing, f"saknas i CI: {', '.join(missing)}"
