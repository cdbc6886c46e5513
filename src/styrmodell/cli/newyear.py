"""`styr nytt-ar ÅÅÅÅ`: the new budget year, and at a new mandate period the period's goals
flagged for the new council, as one reviewable change."""

from __future__ import annotations

from pathlib import Path

import typer

from styrmodell.cli.common import QUIET_HELP, find_root, is_quiet, set_quiet, warn
from styrmodell.cli.writing import DRY_RUN_FLAGS, DRY_RUN_HELP, carry_out


def nytt_ar(
    år: int = typer.Argument(..., metavar="ÅÅÅÅ", show_default=False, help="Det nya budgetåret, t.ex. 2027."),
    path: Path = typer.Argument(
        Path("."), metavar="KATALOG", show_default=False, help="Styrmodellsrepot (standard: den aktuella katalogen)."
    ),
    dry_run: bool = typer.Option(False, *DRY_RUN_FLAGS, help=DRY_RUN_HELP),
    quiet: bool = typer.Option(False, "--tyst", "--quiet", "-q", help=QUIET_HELP),
) -> None:
    """Starta ett nytt budgetår: målen och indikatorerna som gäller förs in i året, indikatorerna får
    tomma målvärden för året, och sammanträdeskalendern och årshjulet startas ur reglerna.

    Det stängda året lämnas orört. Vid en ny mandatperiod flyttas mandatperioden fram och periodens
    mål förs över, märkta med omprövas: för att beslutas av det nya fullmäktige (eller nämnden).
    """
    from styrmodell.rollover.plan import new_year
    from styrmodell.rollover.wheel import check_wheel
    from styrmodell.write.stage import before

    set_quiet(quiet)
    if not 2000 <= år <= 2100:
        from styrmodell.errors import FatalError

        raise FatalError(f"året {år} ska ligga mellan 2000 och 2100")
    root = find_root(path)
    current = before(root)
    assert current.repository is not None
    rollover = new_year(current.repository, år)
    if rollover.plan.empty:
        warn(f"Repot är redan fört in i {år}: inget att ändra.")
        raise typer.Exit(0)
    code = carry_out(root, current, rollover.plan, dry_run, overwrite_hint=False, notes=rollover.notes)
    if code == 0 and not is_quiet():
        _after(root, år, rollover, dry_run, check_wheel)
    raise typer.Exit(code)


def _after(root: Path, year: int, rollover, dry_run: bool, check_wheel) -> None:
    from styrmodell.load.cache import Cache
    from styrmodell.write.stage import before

    if rollover.new_period:
        typer.echo(f"Ny mandatperiod: {len(rollover.carried)} mål förs över till {year} och ska beslutas på nytt.")
    if rollover.ended:
        typer.echo(f"Mål som slutar {year - 1} och inte förs över: {', '.join(rollover.ended)}")
    if dry_run:
        return
    repo = before(root, Cache()).repository
    assert repo is not None
    wheel, findings = check_wheel(repo, year)
    computed = len(wheel.occurrences)
    other_years = len(wheel.events) - computed - len(wheel.unresolved)
    other = f" ({other_years} gäller bara andra år)" if other_years else ""
    typer.echo(f"Årshjulet {year}: {computed} av {len(wheel.events)} händelser har ett datum{other}.")
    for unresolved in wheel.unresolved.values():
        warn(f"  {unresolved.event.id}: {unresolved.reason}")
    for gap in wheel.gaps.values():
        warn(f"  {gap.event.id}: {gap.reason}")
    for finding in findings:
        warn(f"  {finding.location}: {finding.severity.value} {finding.code} {finding.message}")
    if rollover.todo:
        typer.echo("Kvar att göra:")
        for item in rollover.todo:
            typer.echo(f"  - {item}")
