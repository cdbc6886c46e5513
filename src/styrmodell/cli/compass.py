"""`styr kompass`: an evaluation with Kommunkompassen, compared and drawn."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from styrmodell.cli.common import NO_CACHE_HELP, QUIET_HELP, emit, load_model, set_quiet


class Format(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"
    html = "html"
    svg = "svg"


def kompass(
    path: Path = typer.Argument(
        Path("."), metavar="KATALOG", show_default=False, help="Styrmodellsrepot, eller en katalog i det."
    ),
    year: Optional[str] = typer.Option(
        None, "--år", "--year", metavar="ÅÅÅÅ", help="Utvärderingen som visas (standard: den senaste egna)."
    ),
    compare: list[str] = typer.Option(
        [],
        "--jämför",
        "--compare",
        metavar="UTVÄRDERING",
        help="Jämför med en annan utvärdering: ett år (2010) eller kommun och år ('Örebro 2013'). Kan upprepas.",
    ),
    format: Format = typer.Option(
        Format.text,
        "--format",
        "-f",
        metavar="FORMAT",
        help="text, markdown, json, html eller svg (spindeldiagrammet).",
    ),
    output: Optional[Path] = typer.Option(
        None, "--ut", "--output", "-o", metavar="FIL", help="Skriv till en fil i stället för standard ut."
    ),
    no_cache: bool = typer.Option(False, "--ingen-cache", "--no-cache", help=NO_CACHE_HELP),
    quiet: bool = typer.Option(False, "--tyst", "--quiet", "-q", help=QUIET_HELP),
) -> None:
    """Visa en utvärdering med Kommunkompassen: poäng per område och delfråga, jämförelser, vilka
    förbättringsområden som har mål eller aktiviteter kopplade, och spindeldiagrammet (html/svg)."""
    from styrmodell.kompass import output as formats
    from styrmodell.kompass.scoring import choose
    from styrmodell.kompass.view import build_view

    set_quiet(quiet)
    repo = load_model(path, use_cache=not no_cache)
    main_scored, compared = choose(repo, year, compare)
    view = build_view(repo, main_scored, compared)
    renderers = {
        "text": formats.text,
        "markdown": formats.markdown,
        "json": formats.json_text,
        "html": formats.html,
        "svg": formats.svg,
    }
    emit(renderers[format.value](view), output)
