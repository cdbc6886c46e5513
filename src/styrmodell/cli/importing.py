"""`styr importera`: outcomes into the repository, from a table (`utfall`) or from Kolada (`kolada`)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from styrmodell.cli.common import QUIET_HELP, find_root, set_quiet, warn
from styrmodell.cli.writing import DRY_RUN_FLAGS, DRY_RUN_HELP, OVERWRITE_FLAGS, OVERWRITE_HELP, carry_out


def importera(quiet: bool = typer.Option(False, "--tyst", "--quiet", "-q", help=QUIET_HELP)) -> None:
    """Läs in utfall i styrmodellen: ur en tabell (CSV eller Excel) eller ur Kolada.

    Värdena skrivs in i indikatorernas filer; kommentarer, ordning och stil i filerna behålls.
    """
    set_quiet(quiet)


def _report_problems(problems: list) -> None:
    for problem in problems:
        warn(str(problem))
    warn(f"{len(problems)} fel i importen; inget skrevs.")


def utfall(
    fil: Path = typer.Argument(..., metavar="FIL", show_default=False, help="Tabellen: en .csv- eller .xlsx-fil."),
    path: Path = typer.Argument(
        Path("."), metavar="KATALOG", show_default=False, help="Styrmodellsrepot (standard: den aktuella katalogen)."
    ),
    blad: Optional[str] = typer.Option(
        None, "--blad", "--sheet", metavar="NAMN", help="Bladet i Excel-filen (standard: det första)."
    ),
    dry_run: bool = typer.Option(False, *DRY_RUN_FLAGS, help=DRY_RUN_HELP),
    overwrite: bool = typer.Option(False, *OVERWRITE_FLAGS, help=OVERWRITE_HELP),
    quiet: bool = typer.Option(False, "--tyst", "--quiet", "-q", help=QUIET_HELP),
) -> None:
    """Läs in utfall ur en tabell med kolumnerna indikator, period, värde (och valfritt kön, kommentar).

    Indikator är indikatorns id eller dess Kolada-id; period 2025, 2026-08 eller 2026-T1; värde med
    decimalkomma eller decimalpunkt. Hela tabellen kontrolleras först: med ett enda fel skrivs inget.
    """
    from styrmodell.intake import outcomes
    from styrmodell.intake.table import read_table
    from styrmodell.write.stage import before

    set_quiet(quiet)
    root = find_root(path)
    table = read_table(fil, blad)
    if table.ignored_columns:
        warn(f"{table.label}: kolumnerna {', '.join(table.ignored_columns)} läses inte")
    rows, problems = outcomes.from_table(table)
    current = before(root)
    assert current.repository is not None
    plan, more = outcomes.plan(current.repository, rows, overwrite)
    problems += more
    if problems:
        _report_problems(problems)
        raise typer.Exit(1)
    if not rows:
        warn(f"{table.label}: tabellen har inga rader med värden; inget skrevs.")
        raise typer.Exit(1)
    raise typer.Exit(carry_out(root, current, plan, dry_run))


def _years(text: str) -> list[int]:
    from styrmodell.errors import FatalError

    years: list[int] = []
    for part in text.replace(" ", "").split(","):
        if "-" in part and part.count("-") == 1 and all(p.isdigit() for p in part.split("-")):
            start, end = (int(p) for p in part.split("-"))
            years.extend(range(start, end + 1))
        elif part.isdigit() and len(part) == 4:
            years.append(int(part))
        else:
            raise FatalError(f"--år '{text}': skriv år som 2024, 2024,2025 eller 2022-2025")
    if not years or any(not 1990 <= y <= 2100 for y in years) or len(years) > 30:
        raise FatalError(f"--år '{text}': skriv år mellan 1990 och 2100, högst 30 stycken")
    return sorted(set(years))


def kolada(
    path: Path = typer.Argument(
        Path("."), metavar="KATALOG", show_default=False, help="Styrmodellsrepot (standard: den aktuella katalogen)."
    ),
    år: str = typer.Option(
        ..., "--år", "--year", metavar="ÅÅÅÅ[,ÅÅÅÅ...]", help="Åren att hämta: 2024, 2024,2025 eller 2022-2025."
    ),
    från_fil: Optional[Path] = typer.Option(
        None,
        "--från-fil",
        "--fran-fil",
        "--from-file",
        metavar="SVAR.json",
        help="Läs ett sparat svar från Koladas API (v3) i stället för att hämta över nätet.",
    ),
    url: str = typer.Option("https://api.kolada.se/v3", "--url", metavar="URL", help="Adressen till Koladas API (v3)."),
    tidsgräns: float = typer.Option(
        30.0, "--tidsgräns", "--timeout", metavar="SEKUNDER", min=1, help="Hur länge ett svar från Kolada får dröja."
    ),
    kön: bool = typer.Option(
        False, "--kön", "--kon", "--gender", help="Skriv också kvinnors och mäns värden (utfall_per_kön)."
    ),
    dry_run: bool = typer.Option(False, *DRY_RUN_FLAGS, help=DRY_RUN_HELP),
    overwrite: bool = typer.Option(False, *OVERWRITE_FLAGS, help=OVERWRITE_HELP),
    quiet: bool = typer.Option(False, "--tyst", "--quiet", "-q", help=QUIET_HELP),
) -> None:
    """Hämta kommunens värden ur Kolada för varje indikator med källa kolada:<id>, och jämförelserna
    som indikatorn anger (Riket, en kommun, en grupp av kommuner).

    Det som hämtades sparas i repot (kolada/ÅÅÅÅ.yaml), så att rapporterna kan göras om utan nätet
    och en revidering i Kolada syns som en ändring. Värden som saknas i Kolada skrivs aldrig in.
    """
    from styrmodell.intake import kolada as api
    from styrmodell.intake import outcomes
    from styrmodell.intake.kolada_import import build_request, outcomes_from
    from styrmodell.intake.snapshot import snapshot_files
    from styrmodell.write.stage import before

    set_quiet(quiet)
    root = find_root(path)
    years = _years(år)
    current = before(root)
    repo = current.repository
    assert repo is not None
    request, problems = build_request(repo, years)
    if problems:
        _report_problems(problems)
        raise typer.Exit(1)
    if not request.indicators:
        warn("Inga indikatorer har källa kolada:<id>; inget att hämta.")
        raise typer.Exit(0)
    if från_fil is not None:
        answers = api.read_saved(från_fil)
        if api.incomplete_pages(från_fil):
            warn(f"{från_fil}: svaret har fler sidor (next_url) än filen; bara det som står i filen läses")
    else:
        answers = api.fetch_all(url, request.kpis, request.codes, years, timeout=tidsgräns)
    found, problems, notes = outcomes_from(request, answers, genders=kön)
    plan, more = outcomes.plan(repo, found, overwrite)
    problems += more
    if problems:
        _report_problems(problems)
        raise typer.Exit(1)
    files, revisions = snapshot_files(repo, answers)
    for relpath, text in files.items():
        plan.add_file(relpath, text, replace=True)
    notes = request.skipped + notes
    notes += [
        f"Kolada har reviderat {kpi} {code} {period}{'' if gender == 'T' else ' ' + gender}: "
        f"{_shown(r.old)} → {_shown(r.new)}"
        for r in revisions
        for kpi, code, period, gender in [r.key]
    ]
    raise typer.Exit(carry_out(root, current, plan, dry_run, notes=notes))


def _shown(value: float | None) -> str:
    return "–" if value is None else f"{value:g}".replace(".", ",")
