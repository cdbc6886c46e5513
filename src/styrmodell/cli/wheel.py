"""`styr arshjul`: the annual wheel of a year, as text, a drawn wheel or a calendar file."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from styrmodell.cli.common import NO_CACHE_HELP, QUIET_HELP, emit, load_model, say, set_quiet
from styrmodell.errors import FatalError


class Format(str, Enum):
    text = "text"
    svg = "svg"
    html = "html"


def arshjul(
    path: Path = typer.Argument(
        Path("."), metavar="KATALOG", show_default=False, help="Styrmodellsrepot, eller en katalog i det."
    ),
    year: Optional[int] = typer.Option(None, "--år", "--year", metavar="ÅÅÅÅ", help="Året (standard: innevarande)."),
    organ: Optional[str] = typer.Option(None, "--organ", metavar="ORGAN", help="Bara ett organs händelser."),
    format: Format = typer.Option(
        Format.text, "--format", "-f", metavar="FORMAT", help="text, svg eller html (ett hjul)."
    ),
    output: Optional[Path] = typer.Option(
        None, "--ut", "--output", "-o", metavar="FIL", help="Skriv till en fil i stället för standard ut."
    ),
    ics: Optional[Path] = typer.Option(
        None, "--ics", metavar="FIL", help="Skriv också en kalenderfil (RFC 5545) med stabila UID:n."
    ),
    day: Optional[str] = typer.Option(
        None,
        "--datum",
        "--date",
        metavar="ÅÅÅÅ-MM-DD",
        help="Dagens datum: hjulets markering för i dag och kalenderfilens ändringsdatum (standard: "
        "referensdatum i styrmodell.yaml, annars i dag), så att samma hjul kan ritas igen.",
    ),
    no_cache: bool = typer.Option(False, "--ingen-cache", "--no-cache", help=NO_CACHE_HELP),
    quiet: bool = typer.Option(False, "--tyst", "--quiet", "-q", help=QUIET_HELP),
) -> None:
    """Visa årshjulet månad för månad, rita det som ett hjul (svg/html) eller exportera det som kalender (.ics)."""
    from styrmodell.arshjul import drawing, text
    from styrmodell.arshjul import ics as calendar_file
    from styrmodell.arshjul.compute import wheel_year
    from styrmodell.fileio import atomic_write_bytes
    from styrmodell.model.base import MAX_DATE, MIN_DATE

    set_quiet(quiet)
    chosen_day = _day(day) if day is not None else None
    if year is None and chosen_day is not None:
        year = chosen_day.year
    if year is not None and not MIN_DATE.year <= year <= MAX_DATE.year:
        raise FatalError(f"--år {year}: ett år mellan {MIN_DATE.year} och {MAX_DATE.year}")
    repo = load_model(path, use_cache=not no_cache)
    if organ is not None and organ not in repo.organ_by_id:
        from styrmodell.svenska.suggest import did_you_mean

        raise FatalError(f"--organ '{organ}' finns inte{did_you_mean(organ, repo.organ_by_id)}")
    wheel = wheel_year(repo, year)
    names = {o.id: o.namn for o in repo.organs}
    title = f"Årshjul {wheel.year} – {repo.config.kommun.namn}" + (f", {names[organ]}" if organ else "")
    today = chosen_day or repo.config.today()
    renderers = {
        "text": lambda: text.month_by_month(wheel, organ, names),
        "svg": lambda: drawing.svg(wheel, organ, title, today),
        "html": lambda: drawing.html(wheel, organ, title, today, names),
    }
    emit(renderers[format.value](), output)
    if ics is not None:
        atomic_write_bytes(
            ics, calendar_file.ics(wheel, organ, repo.config.kommun.namn, repo.config.kommun.kommunkod, today)
        )
        say(f"Skrev {ics}")


def _day(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise FatalError(f"--datum '{text}': skriv ett datum på formen ÅÅÅÅ-MM-DD, till exempel 2026-09-15") from None
