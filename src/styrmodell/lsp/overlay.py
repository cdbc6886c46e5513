"""The repository as the editor sees it: the files on disk, with the open buffers' unsaved text over them."""

from __future__ import annotations

from pathlib import Path

from styrmodell.load.sources import WorkingTree, is_content_file


class OverlaySource(WorkingTree):
    """A working tree where `buffers` (relpath → bytes) stand for the files' contents on disk."""

    def __init__(self, root: Path, buffers: dict[str, bytes]):
        super().__init__(root)
        self.buffers = dict(buffers)

    def read(self, relpath: str) -> bytes | None:
        if relpath in self.buffers:
            return self.buffers[relpath]
        return super().read(relpath)

    def content_files(self, ignore: list[str]) -> list[str]:
        on_disk = set(super().content_files(ignore))
        return sorted(on_disk | {p for p in self.buffers if is_content_file(p, ignore)})
