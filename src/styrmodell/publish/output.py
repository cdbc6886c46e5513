"""Writing the site into its folder: every changed file at once or none, unchanged files left as they
are (their times too, so a web server or a Pages deploy sees only what changed), and the files an
earlier build wrote but this one does not removed. A folder that holds anything else is refused."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from styrmodell.errors import FatalError
from styrmodell.fileio import atomic_write_all

MANIFEST = ".styr-webbplats"


@dataclass
class Written:
    changed: int
    unchanged: int
    removed: int


def write_site(folder: Path, files: dict[str, bytes]) -> Written:
    if folder.exists() and not folder.is_dir():
        raise FatalError(f"{folder}: finns och är ingen katalog")
    if folder.is_symlink():
        raise FatalError(f"{folder}: är en symbolisk länk; ange katalogen själv")
    manifest = folder / MANIFEST
    previous: list[str] = []
    if folder.is_dir():
        if manifest.is_file():
            previous = [line for line in manifest.read_text("utf-8").splitlines() if line and not line.startswith("#")]
        elif any(folder.iterdir()):
            raise FatalError(
                f"{folder}: katalogen finns och är inte tom, och den är inte en webbplats som styr publicera har "
                "skrivit; ange en ny eller tom katalog"
            )
    listing = "# Filerna som styr publicera skrev; nästa bygge tar bort dem som inte längre finns.\n"
    files = {**files, MANIFEST: (listing + "".join(f"{p}\n" for p in sorted(files))).encode("utf-8")}
    changed: dict[Path, bytes] = {}
    for relpath, data in files.items():
        target = folder / relpath
        for parent in target.parents:
            if parent == folder:
                break
            if parent.is_symlink() or (parent.exists() and not parent.is_dir()):
                raise FatalError(f"{parent}: är ingen katalog; webbplatsen kan inte skrivas där")
        if target.is_symlink():
            raise FatalError(f"{target}: är en symbolisk länk; styr publicera skriver inte genom den")
        if target.is_file() and target.read_bytes() == data:
            continue
        changed[target] = data
    for target in changed:
        target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_all(changed)
    removed = 0
    for relpath in previous:
        if relpath in files or ".." in Path(relpath).parts or Path(relpath).is_absolute():
            continue
        stale = folder / relpath
        if stale.is_file() and not stale.is_symlink():
            stale.unlink()
            removed += 1
            parent = stale.parent
            while parent != folder and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
    changed_site = len([t for t in changed if t.name != MANIFEST or t.parent != folder])
    return Written(changed_site, len(files) - 1 - changed_site, removed)
