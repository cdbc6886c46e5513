"""Where the repository's files come from. The working tree now; git revisions build on this."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator
from pathlib import Path

from styrmodell.config import CONFIG_FILE

YAML_SUFFIXES = (".yaml", ".yml")


def is_content_file(relpath: str, ignore: list[str]) -> bool:
    """A governance file: YAML, not hidden, not the config, not ignored by the config."""
    parts = relpath.split("/")
    if any(part.startswith(".") for part in parts):
        return False
    if not relpath.endswith(YAML_SUFFIXES) or relpath == CONFIG_FILE:
        return False
    return not any(fnmatch.fnmatch(relpath, pattern) for pattern in ignore)


def working_tree_files(root: Path, ignore: list[str]) -> Iterator[tuple[str, Path]]:
    """(relative path with '/', absolute path) of every content file, sorted for stable output."""
    found = []
    for directory, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            absolute = Path(directory) / name
            relpath = absolute.relative_to(root).as_posix()
            if is_content_file(relpath, ignore) and not absolute.is_symlink():
                found.append((relpath, absolute))
    yield from sorted(found)
