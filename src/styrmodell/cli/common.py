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

if TYPE_CHECKING:
    from styrmodell.findings import Finding
    from styrmodell.model.repository import Repository

QUIET_HELP = 'Skriv inga lägesmeddelanden ("Skrev ...", förlopp, sammanfattning utan fynd); fel och varningar syns.'


class _Settings:
    quiet = False


def set_quiet(quiet: bool) -> None:
    _Settings.quiet = _Settings.quiet or quiet


def is_quiet() -> bool:
    return _Settings.quiet


def say(message: str) -> None:
    """A progress or status message for the person at the terminal, on standard error."""
    if not _Settings.quiet:
        typer.echo(message, err=True)


def warn(message: str) -> None:
    """A warning, shown also in quiet mode."""
    typer.echo(message, err=True)


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


def load_model(path: Path) -> Repository:
    """The repository's model, for the commands that render it."""
    from styrmodell.validation.pipeline import validate

    repository = validate(find_root(path), need_model=True).repository
    assert repository is not None  # need_model always builds it
    return repository


def emit(text: str, output: Path | None) -> None:
    """`text` to standard output, or written whole to `output`."""
    from styrmodell.fileio import atomic_write

    if output is None:
        sys.stdout.write(text)
    else:
        atomic_write(output, text)
        say(f"Skrev {output}")


def stderr_console():
    from rich.console import Console

    return Console(stderr=True)
