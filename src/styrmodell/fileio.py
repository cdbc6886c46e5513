"""Writing files whole or not at all, with the permissions the user expects.

A new file gets the user's umask (0644 under the common 0022), an existing file keeps its mode,
and a write that fails leaves the old file as it was.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from styrmodell.errors import FatalError


def umask_mode(mode: int = 0o666) -> int:
    """`mode` as the user's umask leaves it (0o666 → 0o644 under umask 022)."""
    current = os.umask(0)
    os.umask(current)
    return mode & ~current


def atomic_write(path: Path, text: str) -> None:
    """Write `text` as UTF-8 through a temporary file and an atomic rename."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and an atomic rename.

    A problem the user can fix (a missing or read-only folder, a full disk, a path that is a
    folder) is a FatalError naming the path; nothing is left behind.
    """
    try:
        if path.is_dir():
            raise FatalError(f"{path}: är en katalog; ange en fil att skriva")
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except FileNotFoundError:
            mode = umask_mode()
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise FatalError(f"{path}: kan inte skriva ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise FatalError(f"{path}: kan inte skriva ({exc.strerror or exc})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def replace_files(files: dict[Path, bytes]) -> None:
    """Write several files as one change: every new text goes to a temporary file beside its target
    first, and only when all are written are they renamed into place. If a rename fails, the files
    already replaced get their old bytes back, so the repository is left as it was.

    Existing files keep their mode; new files (and folders) get the user's umask.
    """
    staged: list[tuple[Path, str, bytes | None]] = []  # (target, temporary file, old bytes)
    try:
        for path, data in files.items():
            if path.is_dir():
                raise FatalError(f"{path}: är en katalog; ange en fil att skriva")
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                mode = stat.S_IMODE(path.stat().st_mode)
                old = path.read_bytes()
            except FileNotFoundError:
                mode, old = umask_mode(), None
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            staged.append((path, tmp, old))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp, mode)
    except OSError as exc:
        for _, tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise FatalError(f"kan inte skriva ({exc.strerror or exc}); inget ändrades") from None
    except BaseException:
        for _, tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    done: list[tuple[Path, bytes | None]] = []
    try:
        for path, tmp, old in staged:
            os.replace(tmp, path)
            done.append((path, old))
    except OSError as exc:
        for _, tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        for path, old in reversed(done):
            if old is None:
                path.unlink(missing_ok=True)
            else:
                atomic_write_bytes(path, old)
        raise FatalError(f"{path}: kan inte skriva ({exc.strerror or exc}); inget ändrades") from None
