"""Where a repository's server listens: a Unix socket in a folder only the user can open.

The folder is `$XDG_RUNTIME_DIR/styrmodell`, else the cache's `server/` folder; a socket's address is
at most about 100 bytes, so a longer one moves to `/tmp/styrmodell-<uid>/`. A folder that another
user owns or others may write to is never used.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from styrmodell.errors import FatalError
from styrmodell.load.identity import cache_root, digest

_MAX_ADDRESS = 100  # sun_path is 108 bytes on Linux, 104 on macOS


def socket_path(root: Path) -> Path:
    name = f"{digest(str(root.resolve()))[:24]}.sock"
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    folder = Path(runtime) / "styrmodell" if runtime else cache_root() / "server"
    if len(os.fsencode(folder / name)) > _MAX_ADDRESS:
        folder = Path(tempfile.gettempdir()) / f"styrmodell-{os.getuid()}"
    return folder / name


def private_folder(folder: Path) -> Path:
    """`folder`, made if missing, after checking that it is the user's own and closed to others."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(folder)
    except OSError as exc:
        raise FatalError(f"{folder}: kan inte skapa serverns katalog ({exc.strerror})") from None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise FatalError(
            f"{folder}: serverns katalog ska vara din egen och stängd för andra (chmod 700); styr använder den inte"
        )
    return folder
