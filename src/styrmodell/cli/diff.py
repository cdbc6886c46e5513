"""`styr diff`: what a change means, object by object, with its consequences."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from styrmodell.cli.common import QUIET_HELP, find_root, set_quiet, warn_unread


class Format(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


def sources(folder: Path, a: str | None, b: str | None):
    """(base source, label, head source, label) for the revision arguments of diff."""
    from styrmodell.load.gitsource import GitRevision, merge_base, open_repo, resolve
    from styrmodell.load.sources import WorkingTree

    repo, inner = open_repo(folder)

    def at(rev: str):
        return GitRevision(repo, resolve(repo, rev), inner), rev

    if a is None:
        return (*at("HEAD"), WorkingTree(folder), "arbetskatalogen")
    if "..." in a and b is None:
        left, right = a.split("...", 1)
        left, right = left or "HEAD", right or "HEAD"
        base = merge_base(repo, left, right)
        return GitRevision(repo, base, inner), f"{left} ({base.hexsha[:7]})", *at(right)
    if ".." in a and b is None:
        left, right = a.split("..", 1)
        return (*at(left or "HEAD"), *at(right or "HEAD"))
    if b is None:
        return (*at(a), WorkingTree(folder), "arbetskatalogen")
    return (*at(a), *at(b))


def diff(
    a: Optional[str] = typer.Argument(
        None, metavar="FRÅN", help="En revision, eller A...B (mot gemensam bas, som en pull request)."
    ),
    b: Optional[str] = typer.Argument(None, metavar="TILL", help="En revision (standard: arbetskatalogen)."),
    katalog: Path = typer.Option(
        Path("."),
        "--katalog",
        "--dir",
        "-C",
        metavar="KATALOG",
        help="Styrmodellsrepot i git-repot, eller en katalog i det.",
    ),
    format: Format = typer.Option(
        Format.text, "--format", "-f", metavar="FORMAT", help="text, markdown (för en pull request) eller json."
    ),
    quiet: bool = typer.Option(False, "--tyst", "--quiet", "-q", help=QUIET_HELP),
) -> None:
    """Visa vad en ändring betyder: objekt som lagts till, tagits bort, ändrats eller flyttats, indikatorer
    som byter status, mål att se över, ändringar utan nytt beslut, och fynd som tillkommer eller åtgärdas.

    Utan argument: HEAD mot arbetskatalogen. `styr diff main...HEAD` visar det en pull request ändrar.
    """
    from styrmodell.load.cache import Cache
    from styrmodell.load.repository import load_repository
    from styrmodell.review.diff import changed_files, semantic_diff
    from styrmodell.review.output import RENDERERS
    from styrmodell.validation.pipeline import validate

    set_quiet(quiet)
    root = find_root(katalog)
    base, base_label, head, head_label = sources(root, a, b)
    cache = Cache()
    new = validate(head, cache=cache, need_model=True)
    old = validate(base, cache=cache)
    warn_unread(old.findings, root, base_label)
    warn_unread(new.findings, root, head_label)
    if old.repository is None:  # findings from the cache; the model only for the files that differ
        old.config, old.repository, _ = load_repository(base, cache=cache, only=changed_files(old, new))
    assert new.repository is not None
    result = semantic_diff(old, new, base_label, head_label)
    names = {o.id: o.namn for o in old.repository.organs} | {o.id: o.namn for o in new.repository.organs}
    names |= {"organisation": "Organisation", "kommunövergripande": "Kommunövergripande"}
    RENDERERS[format.value](result, names, sys.stdout)
