"""What the commands share: the repository found from any subfolder, paths shown as the user
reached them, output written whole, and the quiet mode."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from styrmodell.load.sources import CONFIG_FILE
from styrmodell.svenska.text import terminal

if TYPE_CHECKING:
    from styrmodell.findings import Finding
    from styrmodell.model.repository import Repository

QUIET_HELP = 'Skriv inga lägesmeddelanden ("Skrev ...", förlopp, sammanfattning utan fynd); fel och varningar syns.'
NO_CACHE_HELP = "Läs alla filer på nytt, utan cache (och lägg inget i den)."


class _Settings:
    quiet = False
    incomplete = False  # a command rendered a repository it could not read whole: it ends with exit code 1


def reset() -> None:
    """Settings for a new run of `styr` (the tests run several in one process)."""
    _Settings.quiet = False
    _Settings.incomplete = False


def is_incomplete() -> bool:
    return _Settings.incomplete


def set_quiet(quiet: bool) -> None:
    _Settings.quiet = _Settings.quiet or quiet


def is_quiet() -> bool:
    return _Settings.quiet


def echo(message: str, err: bool = False) -> None:
    """A line for the terminal: repository text in it cannot move the cursor, colour or reorder it."""
    typer.echo(terminal(message), err=err)


def say(message: str) -> None:
    """A progress or status message for the person at the terminal, on standard error."""
    if not _Settings.quiet:
        echo(message, err=True)


def warn(message: str) -> None:
    """A warning, shown also in quiet mode."""
    echo(message, err=True)


def find_root(path: Path) -> Path:
    """The repository that `path` is in: `path` itself, or the nearest folder above it that has a
    styrmodell.yaml, as git finds its repository from any subfolder. Returned as the user would
    write it from the current folder."""
    if not path.is_dir():
        return path
    absolute = path.resolve()
    for candidate in (absolute, *absolute.parents):
        if (candidate / CONFIG_FILE).is_file():
            if candidate == absolute:
                return path
            return Path(os.path.relpath(candidate, Path.cwd().resolve()))
    return path


def shown_from_cwd(findings: list[Finding], root: Path) -> list[Finding]:
    """Findings with their paths as the user reached them, as git shows paths: relative to the current
    folder when the repository is in it or the current folder is in the repository, else absolute."""
    cwd, absolute = Path.cwd().resolve(), root.resolve()
    if absolute == cwd:
        return findings

    def shown(path: str) -> str:
        target = absolute / path
        if absolute.is_relative_to(cwd) or cwd.is_relative_to(absolute):
            return Path(os.path.relpath(target, cwd)).as_posix()
        return target.as_posix()

    return [replace(f, location=replace(f.location, path=shown(f.location.path))) for f in findings]


# The loader's findings: each means that something written in a file is not in the model (a file that
# does not parse, a duplicated key, an object with an unknown or malformed field). An empty file
# (SM104) leaves nothing out.
UNREAD_CODES = ("SM101", "SM102", "SM103", "SM105", "SM106", "SM107")


def load_model(path: Path, use_cache: bool = True) -> Repository:
    """The repository's model, for the commands that render it, with the files parsed from the same
    cache as `styr validera` uses (unless `use_cache` is off: `--ingen-cache`). What could not be
    read is said on standard error, and the command then ends with exit code 1 (`warn_unread`)."""
    from styrmodell.validation.pipeline import validate

    root = find_root(path)
    cache = None
    if use_cache:
        from styrmodell.load.cache import Cache

        cache = Cache()
    result = validate(root, cache=cache, need_model=True)
    assert result.repository is not None  # need_model always builds it
    warn_unread(result.findings, root)
    return result.repository


def warn_unread(findings: list[Finding], root: Path, side: str = "") -> None:
    """Say which files (and lines) could not be read, so that nothing is silently left out of what a
    command renders; the command's exit code becomes 1."""
    lost = [f for f in findings if f.code in UNREAD_CODES]
    if not lost:
        return
    for finding in shown_from_cwd(lost, root):
        warn(f"{finding.location}: {finding.severity.value} {finding.code} {finding.message}")
    files = len({f.location.path for f in lost})
    where = f" i {side}" if side else ""
    warn(
        f"styr: {files} {'fil' if files == 1 else 'filer'}{where} kunde inte läsas helt; det som står på "
        "raderna ovan saknas i utdata (rätta filerna; `styr validera` visar allt)"
    )
    _Settings.incomplete = True


def emit(text: str, output: Path | None) -> None:
    """`text` to standard output, or written whole to `output`."""
    from styrmodell.fileio import atomic_write

    if output is None:
        sys.stdout.write(terminal(text))
    else:
        atomic_write(output, text)
        say(f"Skrev {output}")


def stderr_console():
    from rich.console import Console

    return Console(stderr=True, emoji=False, highlight=False)
