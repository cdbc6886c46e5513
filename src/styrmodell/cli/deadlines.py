"""`styr frister`: what in the annual wheel is due soon, and what it still lacks."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from styrmodell.cli.common import NO_CACHE_HELP, QUIET_HELP, echo, find_root, load_model, set_quiet
from styrmodell.errors import FatalError


def frister(
    path: Path = typer.Argument(
        Path("."), metavar="KATALOG", show_default=False, help="Styrmodellsrepot, eller en katalog i det."
    ),
    within: str = typer.Option(
        "30d", "--inom", "--within", metavar="TID", help="Hur långt fram: 30d (dagar) eller 4v (veckor)."
    ),
    datum: Optional[str] = typer.Option(
        None, "--datum", "--date", metavar="ÅÅÅÅ-MM-DD", help="Räkna från detta datum i stället för i dag."
    ),
    strict: bool = typer.Option(
        False, "--strikt", "--strict", help="Slutkod 1 om något som förfaller saknar underlag."
    ),
    no_cache: bool = typer.Option(False, "--ingen-cache", "--no-cache", help=NO_CACHE_HELP),
    quiet: bool = typer.Option(False, "--tyst", "--quiet", "-q", help=QUIET_HELP),
) -> None:
    """Visa vad i årshjulet som förfaller snart och vad det fortfarande saknar (för ett schemalagt CI-jobb).

    En händelse med `rapport:` kontrolleras som rapporten: det rapporten för perioden skulle skriva
    som "Uppgift saknas" listas under händelsen."""
    import datetime as dt

    from styrmodell.arshjul.deadlines import due_soon, parse_window
    from styrmodell.reports.due import report_gaps

    set_quiet(quiet)
    days = parse_window(within)
    repo = load_model(path, use_cache=not no_cache)
    from styrmodell.model.base import MAX_DATE, MIN_DATE

    try:
        today = dt.date.fromisoformat(datum) if datum else repo.config.today()
    except ValueError:
        raise FatalError(f"--datum '{datum}': skriv ÅÅÅÅ-MM-DD") from None
    if not MIN_DATE <= today <= MAX_DATE:
        raise FatalError(f"--datum '{datum}': ett datum mellan {MIN_DATE.year} och {MAX_DATE.year}")
    items = due_soon(repo, today, days)
    root = find_root(path)
    echo(f"Förfaller inom {days} dagar från {today.isoformat()} ({repo.config.kommun.namn}):")
    if not items:
        echo("  inget")
    lacking = 0
    for item in items:
        when = "i dag" if item.days_left == 0 else f"om {item.days_left} dagar"
        echo(f"  {item.occurrence.due.isoformat()} {item.occurrence.event.namn} ({when})")
        for line in item.missing:
            echo(f"    saknas: {line}")
        gaps = report_gaps(repo, root, item.occurrence)
        if gaps is not None and gaps.problem:
            echo(f"    rapporten {gaps.report.lower()} går inte att kontrollera: {gaps.problem}")
        elif gaps is not None and gaps.missing:
            assert gaps.period is not None
            echo(f'    {gaps.report} {gaps.period.label} skulle skriva "Uppgift saknas" för:')
            for line in gaps.missing:
                echo(f"      {line}")
        lacking += bool(item.missing or (gaps is not None and (gaps.missing or gaps.problem)))
    if lacking:
        echo(f"{lacking} av {len(items)} händelser saknar underlag.")
    raise typer.Exit(1 if strict and lacking else 0)
