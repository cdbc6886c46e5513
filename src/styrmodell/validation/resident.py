"""A repository's model kept between validations, for a process that stays running (the language
server, `styr server`).

Each validation is the same as a cold `styr validera` of the same contents — the random-edit test
(tests/test_incremental.py) compares them — but it does only what a change requires:
- a file is read again only when its size, times or inode changed since it was last read
  (`ResidentTree`); a file changed so recently that its clock tick is not yet over is read again
  every time, as git does with "racily clean" files, so an edit within the same tick is never missed;
- only changed files are parsed and built again (`load.build.Piece`), and the whole-result cache
  is not consulted (the model is at hand; the cache still holds parsed files for a restart);
- the rules that check one file at a time keep their findings for unchanged files while what they
  read from other files is the same (`checker.PerFileFindings`, rules/base.py).
"""

from __future__ import annotations

import os
import stat
import threading
import time
from pathlib import Path

from styrmodell.load.sources import WorkingTree
from styrmodell.validation.checker import PerFileFindings
from styrmodell.validation.pipeline import Result, validate

# A file whose modification time is this close to the moment it was read may still change within
# the same tick of the file system's clock without changing its time: it is not remembered.
RACY_NANOSECONDS = 2_000_000_000


class ResidentTree(WorkingTree):
    """The working tree, with `buffers` (relpath → bytes: an editor's unsaved text) over the files
    on disk, read through `memo` (relpath → (signature, bytes)) kept between runs."""

    def __init__(self, root: Path, memo: dict[str, tuple[tuple[int, ...], bytes]], buffers: dict[str, bytes]):
        super().__init__(root)
        self.memo = memo
        self.buffers = dict(buffers)
        self.contents: dict[str, bytes] = {}  # what this run read, by relpath

    def read(self, relpath: str) -> bytes | None:
        raw = self.buffers[relpath] if relpath in self.buffers else self._read_disk(relpath)
        if raw is not None:
            self.contents[relpath] = raw
        return raw

    def _read_disk(self, relpath: str) -> bytes | None:
        try:
            info = os.lstat(self.root / relpath)
        except OSError:
            self.memo.pop(relpath, None)
            return super().read(relpath)
        if not stat.S_ISREG(info.st_mode):
            self.memo.pop(relpath, None)
            return super().read(relpath)  # a link or no file: the working tree says what it is
        signature = (info.st_mtime_ns, info.st_ctime_ns, info.st_size, info.st_ino, info.st_dev)
        known = self.memo.get(relpath)
        if known is not None and known[0] == signature:
            return known[1]
        now = time.time_ns()
        raw = super().read(relpath)
        if raw is None or now - max(info.st_mtime_ns, info.st_ctime_ns) < RACY_NANOSECONDS:
            self.memo.pop(relpath, None)
        else:
            self.memo[relpath] = (signature, raw)
        return raw

    def content_files(self, ignore: list[str]) -> list[str]:
        from styrmodell.load.sources import is_content_file

        on_disk = set(super().content_files(ignore))
        return sorted(on_disk | {p for p in self.buffers if is_content_file(p, ignore)})


class Resident:
    """One repository's model, kept between validations; one validation at a time."""

    def __init__(self, root: Path):
        self.root = root
        self.pieces: dict = {}
        self.memo: dict[str, tuple[tuple[int, ...], bytes]] = {}
        self.per_file = PerFileFindings()
        self.lock = threading.Lock()

    def validate(self, buffers: dict[str, bytes] | None = None, cli_rules: dict[str, dict] | None = None) -> Result:
        """What `styr validera` finds for the repository as it is now, with `buffers` over its files;
        `result.contents` holds every YAML file's bytes as read."""
        from styrmodell.load.cache import Cache

        with self.lock:
            source = ResidentTree(self.root, self.memo, buffers or {})
            result = validate(source, cli_rules, Cache(), need_model=True, pieces=self.pieces, per_file=self.per_file)
            files = set(result.repository.files) if result.repository is not None else set()
            result.contents = {p: raw for p, raw in source.contents.items() if p in files}
            for gone in set(self.memo) - set(source.contents):
                del self.memo[gone]  # a file removed, or no longer a governance file
            return result
