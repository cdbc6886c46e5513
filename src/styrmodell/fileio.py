"""Writing files whole or not at all, with the permissions the user expects.

A new file gets the user's umask (0644 under the common 0022), an existing file keeps its mode,
and a write that fails leaves the old file as it was. Only a regular file is ever replaced: a
folder, a device, a pipe or a symbolic link at the target is a clear error, never overwritten.
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
    atomic_write_all({path: data})


def atomic_write_all(files: dict[Path, bytes]) -> None:
    """Write every file or none: all are written to temporary files beside their targets first, and
    only when every one is written whole are they renamed into place. If a rename fails, the files
    already replaced get their old bytes back and new ones are removed, so nothing has changed."""
    staged: list[tuple[Path, Path, bytes | None]] = []  # (temporary file, target, old bytes)
    try:
        for path, data in files.items():
            old = path.read_bytes() if path.is_file() and not path.is_symlink() else None
            staged.append((_stage(path, data), path, old))
        done: list[tuple[Path, bytes | None]] = []
        for tmp, path, old in staged:
            try:
                os.replace(tmp, path)
            except OSError as exc:
                for replaced, previous in reversed(done):
                    if previous is None:
                        replaced.unlink(missing_ok=True)
                    else:
                        _stage_and_replace(replaced, previous)
                raise FatalError(f"{path}: kan inte skriva ({exc.strerror or exc}); inget ändrades") from None
            done.append((path, old))
    finally:
        for tmp, _, _ in staged:
            tmp.unlink(missing_ok=True)


def _stage_and_replace(path: Path, data: bytes) -> None:
    tmp = _stage(path, data)
    try:
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _stage(path: Path, data: bytes) -> Path:
    """`data` in a temporary file beside `path`, with the mode `path` will have; raises FatalError."""
    try:
        target = path.lstat()
    except FileNotFoundError:
        target = None
    except (OSError, ValueError) as exc:
        raise FatalError(f"{_shown(path)}: kan inte skriva ({getattr(exc, 'strerror', None) or exc})") from None
    if target is not None:
        if stat.S_ISDIR(target.st_mode):
            raise FatalError(f"{path}: är en katalog; ange en fil att skriva")
        if stat.S_ISLNK(target.st_mode):
            raise FatalError(f"{path}: är en symbolisk länk; ange filen den pekar på om den ska skrivas över")
        if not stat.S_ISREG(target.st_mode):
            raise FatalError(f"{path}: är ingen vanlig fil (en enhet, en pipe eller ett uttag); skriver inte över den")
    mode = stat.S_IMODE(target.st_mode) if target is not None else umask_mode()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:100]}.", suffix=".tmp")
    except (OSError, ValueError) as exc:
        raise FatalError(f"{_shown(path)}: kan inte skriva ({getattr(exc, 'strerror', None) or exc})") from None
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise FatalError(f"{path}: kan inte skriva ({exc.strerror or exc})") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _shown(path: Path) -> str:
    """A path as text, with a NUL (which no file name may hold) shown as \\0."""
    return str(path).replace("\x00", "\\0")
