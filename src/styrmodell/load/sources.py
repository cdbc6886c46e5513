"""Where the repository's files come from: the working tree, or a git revision (see gitsource).

A source lists the governance files and reads their bytes; everything above it is the same
whichever source it is.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import Protocol

from styrmodell.errors import FatalError

CONFIG_FILE = "styrmodell.yaml"
YAML_SUFFIXES = (".yaml", ".yml")


class FileSource(Protocol):
    label: str

    def read(self, relpath: str) -> bytes | None:
        """The file's bytes, or None if it does not exist."""

    def content_files(self, ignore: list[str]) -> list[str]:
        """Relative paths ('/'-separated, sorted) of every governance file."""


def is_content_file(relpath: str, ignore: list[str]) -> bool:
    """A governance file: YAML, not hidden, not the config, not ignored by the config."""
    parts = relpath.split("/")
    if any(part.startswith(".") for part in parts):
        return False
    if not relpath.endswith(YAML_SUFFIXES) or relpath == CONFIG_FILE:
        return False
    return not any(fnmatch.fnmatch(relpath, pattern) for pattern in ignore)


class WorkingTree:
    def __init__(self, root: Path):
        if not root.is_dir():
            raise FatalError(f"{root}: katalogen finns inte")
        self.root = root
        self.label = str(root)

    def read(self, relpath: str) -> bytes | None:
        path = self.root / relpath
        if not path.is_file():
            return None
        try:
            return path.read_bytes()
        except OSError as exc:
            raise FatalError(f"{relpath}: kan inte läsas ({exc.strerror})") from None

    def content_files(self, ignore: list[str]) -> list[str]:
        found = []
        for directory, dirnames, filenames in os.walk(self.root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in filenames:
                absolute = Path(directory) / name
                relpath = absolute.relative_to(self.root).as_posix()
                if is_content_file(relpath, ignore) and not absolute.is_symlink():
                    found.append(relpath)
        return sorted(found)


class MemorySource:
    """Files held in memory, `{relpath: bytes}`: a repository checked before it is written."""

    def __init__(self, files: dict[str, bytes], label: str = "<minnet>"):
        self.files = files
        self.label = label

    def read(self, relpath: str) -> bytes | None:
        return self.files.get(relpath)

    def content_files(self, ignore: list[str]) -> list[str]:
        return sorted(p for p in self.files if is_content_file(p, ignore))
