"""`styr logg`: one object's history through the commits."""

from __future__ import annotations

from pathlib import Path

import typer

from styrmodell.cli.common import QUIET_HELP, find_root, set_quiet
from styrmodell.errors import FatalError


def logg(
    ident: str = typer.Argument(
        ..., metavar="ID", help="Objektets id (mål, indikator, delegeringsrad som organ/rad, ...)."
    ),
    katalog: Path = typer.Option(
        Path("."),
        "--katalog",
        "--dir",
        "-C",
        metavar="KATALOG",
        help="Styrmodellsrepot i git-repot, eller en katalog i det.",
    ),
    rev: str = typer.Option("HEAD", "--rev", metavar="REVISION", help="Historiken fram till denna revision."),
    quiet: bool = typer.Option(False, "--tyst", "--quiet", "-q", help=QUIET_HELP),
) -> None:
    """Visa ett objekts historia: varje commit som ändrade det, när, av vem, vad och under vilket beslut."""
    from rich.console import Console
    from rich.markup import escape as markup_escape

    from styrmodell.review.log import object_log
    from styrmodell.svenska.text import terminal

    def escape(text: str) -> str:  # repository text: no markup, no control characters
        return markup_escape(terminal(text))

    from styrmodell.review.output import _value

    set_quiet(quiet)
    root = find_root(katalog)
    versions = object_log(root, ident, rev)
    if not versions:
        raise FatalError(f"'{ident}' finns inte i någon commit som rör {root}")
    console = Console(highlight=False, soft_wrap=True, emoji=False)
    console.print(f"[bold]{escape(versions[-1].kind)} {escape(ident)}[/]: {escape(versions[-1].title)}")
    for v in versions:
        when = v.commit.date.strftime("%Y-%m-%d %H:%M")
        console.print(f"\n[yellow]{v.commit.short}[/] {when} {escape(v.commit.author)}: {escape(v.commit.subject)}")
        console.print(
            f"  {v.status} i {escape(v.file or '')}"
            + (f" · beslut: {escape(v.decision)}" if v.decision else " · inget beslut angivet")
        )
        for f in v.fields:
            console.print(f"    {escape(f.path)}: [red]{escape(_value(f.old))}[/] → [green]{escape(_value(f.new))}[/]")
