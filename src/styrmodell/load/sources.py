"""Where the repository's files come from: the working tree, or a git revision (see gitsource).

A source lists the governance files and reads their bytes; everything above it is the same
whichever source it is.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path, PurePosixPath
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
    """The files on disk under `root`, as git would see them in a commit.

    Symbolic links are never followed, neither to a file nor through a folder: a commit holds a
    link, not what it points to, and a link could lead out of the repository. A folder that is a
    git repository of its own (a submodule) is not part of this one, as in a commit.
    """

    def __init__(self, root: Path):
        if not root.is_dir():
            raise FatalError(f"{root}: katalogen finns inte")
        self.root = root
        self.label = str(root)

    def read(self, relpath: str) -> bytes | None:
        path = self.root / relpath
        link = self.symlink_in(relpath)
        if link is not None:
            raise FatalError(
                f"{relpath}: {'' if link == relpath else link + ' i sökvägen '}är en symbolisk länk; styr följer "
                "inga länkar (en länk kan leda ut ur repot): lägg filen själv i repot"
            )
        if not path.is_file():
            return None
        try:
            return path.read_bytes()
        except OSError as exc:
            raise FatalError(f"{relpath}: kan inte läsas ({exc.strerror})") from None

    def symlink_in(self, relpath: str) -> str | None:
        """The first part of `relpath` (below the root) that is a symbolic link, or None."""
        current = self.root
        parts = PurePosixPath(relpath).parts
        for index, part in enumerate(parts):
            current = current / part
            if current.is_symlink():
                return "/".join(parts[: index + 1])
        return None

    def content_files(self, ignore: list[str]) -> list[str]:
        found: list[str] = []
        self._walk(self.root, "", ignore, found)
        return sorted(found)

    def _walk(self, folder: Path | str, prefix: str, ignore: list[str], found: list[str]) -> None:
        # os.scandir's entries know from the directory listing whether they are links or folders,
        # so a walk costs one system call per folder, not one per file
        with os.scandir(folder) as listing:
            entries = list(listing)
        if prefix and any(entry.name == ".git" for entry in entries):
            return  # a submodule or a repository of its own
        for entry in entries:
            if entry.name.startswith(".") or entry.is_symlink():
                continue
            relpath = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                self._walk(entry.path, relpath + "/", ignore, found)
            elif is_content_file(relpath, ignore):
                found.append(relpath)


class MemorySource:
    """Files held in memory, `{relpath: bytes}`: a repository checked before it is written."""

    def __init__(self, files: dict[str, bytes], label: str = "<minnet>"):
        self.files = files
        self.label = label

    def read(self, relpath: str) -> bytes | None:
        return self.files.get(relpath)

    def content_files(self, ignore: list[str]) -> list[str]:
        return sorted(p for p in self.files if is_content_file(p, ignore))
