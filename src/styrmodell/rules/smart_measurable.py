"""M i SMARTA: målets indikatorer har målvärden för målets tid.

## Vad den kontrollerar
Att minst en av målets indikatorer har målvärden, och, om målet har ett målår (`målår` eller
`period.till`), ett målvärde för det året. Mål utan indikatorer men med en godtagen
bedömningsmetod (se SM305) hoppas över.

## Varför
En indikator utan målvärde visar en riktning men inte när målet är nått; måluppfyllelsen kan då
inte bedömas i delårsrapporten eller årsredovisningen.

## Exempel
Fel: målet har `målår: 2026`, indikatorn har `målvärden: {2024: 80, 2025: 82}`.

Rätt: `målvärden: {2024: 80, 2025: 82, 2026: 85}`.

## Inställningar
- `nivåer` ([]): vilka nivåer regeln gäller (tomt: nivåer med `mätbar: true`).

## Referens
SMARTA-kriteriet Mätbara i kommunens styrmodell.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.goals import Indicator
from styrmodell.model.repository import Repository
from styrmodell.rules._smart import SmartOptions, smart_goals
from styrmodell.rules.base import Basis

CODE = "SM502"
NAME = "smart-mätbar"
SEVERITY = Severity.ERROR
REFERENCE = "SMARTA-kriterierna för kommunens mål"
BASIS = Basis.MUNICIPALITY


class Options(SmartOptions):
    pass


def context(repo: Repository, options: Options) -> dict[str, list[Indicator]]:
    """Each goal's indicators, wherever they stand."""
    return repo.indicators_by_goal


def check_file(
    part: Repository, indicators_by_goal: dict[str, list[Indicator]], options: Options
) -> Iterator[tuple[str, Location]]:
    for goal in smart_goals(part, options):
        indicators = indicators_by_goal.get(goal.id, [])
        if not indicators:
            continue
        with_targets = [i for i in indicators if i.decided_targets]
        if not with_targets:
            names = ", ".join(i.id for i in indicators)
            yield f"målet '{goal.id}' mäts av {names}, men ingen av dem har målvärden", goal.where("id")
            continue
        year = goal.målår or (goal.period.till if goal.period else None)
        if year and not any(i.target(year) is not None for i in with_targets):
            yield (
                f"målet '{goal.id}' ska nås {year}, men ingen av dess indikatorer har ett målvärde för {year}",
                goal.where("målår" if goal.målår else "period"),
            )
