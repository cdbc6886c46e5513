"""En nämnd eller ett bolag har inte fler mål än kommunen bestämt.

## Vad den kontrollerar
Antalet verksamhetsmål per organ (nämnd, styrelse, utskott, bolag; inte fullmäktige, inte
finansiella mål, och inte förvaltningarnas och enheternas mål) jämfört med `max`. Med
`räkna_kf_mål: true` räknas också de av fullmäktiges mål som organets egna mål tjänar, så att
regeln uttrycker en styrmodell där "nämndens mål tillsammans med fullmäktigemålen ska bli högst 7".
Med `räkna_kf_mål: false` och `max: 3` uttrycker den en styrmodell där "en nämnd eller ett bolag
bör ha som mest tre mål".

Målen räknas för varje år de gäller (`period:`, eller `målår:` som sista år), så att
nästa mandatperiods mål kan läggas in bredvid de nuvarande utan att räknas ihop med dem. Ett mål
utan period och målår gäller alla år.

## Varför
Allt är viktigt, men allt är inte viktigast: för många mål ger ingen styrning, och målen ska vara
få för att kunna prioriteras inom de ekonomiska ramarna.

## Exempel
Fel, med `max: 3` och fyra mål som ägs av `bun`.

Rätt: prioritera bort eller slå ihop ett av målen. Också rätt: tre mål för 2023–2026 och tre nya
för 2027–2030.

## Inställningar
- `max` (7): högsta antal mål per organ.
- `räkna_kf_mål` (true): räkna också de KF-mål som organets mål tjänar.
- `nivåer` ([]): räkna bara mål på dessa nivåer (tomt: alla nivåer).

## Referens
Kommunens egen styrmodell, som beslutar hur många mål en nämnd får ha (förinställningarna
`smarta-7`: högst sju med fullmäktiges mål, och `tre-mal`: högst tre).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from pydantic import Field

from styrmodell.findings import Location, Severity
from styrmodell.model.goals import Goal, GoalKind
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis, RuleOptions

CODE = "SM401"
NAME = "mål-per-nämnd"
SEVERITY = Severity.ERROR
REFERENCE = "kommunens högsta antal mål per nämnd (`max`)"
BASIS = Basis.MUNICIPALITY


class Options(RuleOptions):
    max: int = Field(default=7, ge=1)
    räkna_kf_mål: bool = True
    nivåer: list[str] = []


def check(repo: Repository, options: Options) -> Iterator[tuple[str, Location]]:
    kf_organs = repo.kf_ids
    by_organ: dict[str, list[Goal]] = defaultdict(list)
    for goal in repo.goals:
        if goal.organ in kf_organs or goal.organ is None or goal.typ == GoalKind.FINANSIELLT:
            continue
        if goal.förvaltning or goal.enhet:
            continue  # an administration's or unit's goal is not the board's
        if options.nivåer and goal.nivå not in options.nivåer:
            continue
        by_organ[goal.organ].append(goal)
    for organ_id, all_goals in sorted(by_organ.items()):
        over = []  # (total, year, goals, kf goals) for each year over the limit
        for year in _years(all_goals):
            goals = [g for g in all_goals if year is None or g.in_force(year)]
            kf_goals: set[str] = set()
            if options.räkna_kf_mål:
                for goal in goals:
                    kf_goals.update(
                        p
                        for p in goal.tjänar
                        if (parent := repo.goal_by_id.get(p)) is not None and parent.organ in kf_organs
                    )
            if len(goals) + len(kf_goals) > options.max:
                over.append((len(goals) + len(kf_goals), year, goals, kf_goals))
        if not over:
            continue
        total, _, goals, kf_goals = max(over, key=lambda o: o[0])
        detail = f"{len(goals)} egna mål"
        if options.räkna_kf_mål:
            detail += f" och {len(kf_goals)} av fullmäktiges mål"
        years = [o[1] for o in over if o[1] is not None]
        when = f" som gäller {_spans(years)}" if years else ""
        first_over = goals[max(0, min(len(goals) - 1, options.max - len(kf_goals)))]
        yield (
            f"'{organ_id}' har {total} mål{when} ({detail}); högst {options.max} är tillåtet",
            first_over.where("id"),
        )


def _span(goal: Goal) -> tuple[int | None, int | None]:
    """The first and last year a goal is in force; None where it is open."""
    if goal.period is not None:
        return goal.period.från, goal.period.till
    return None, goal.målår


def _years(goals: list[Goal]) -> list[int | None]:
    """Every year from the first to the last one named (None: no goal names a year)."""
    named = [y for goal in goals for y in _span(goal) if y is not None]
    return list(range(min(named), max(named) + 1)) if named else [None]


def _spans(years: list[int]) -> str:
    """2023, 2024, 2025, 2027 → '2023–2025 och 2027'."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    parts = [f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs]
    return ", ".join(parts[:-1]) + " och " + parts[-1] if len(parts) > 1 else parts[0]
