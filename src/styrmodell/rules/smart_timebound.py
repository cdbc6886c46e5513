"""T i SMARTA: målet har en tid, och ett flerårigt mål säger sitt målår.

## Vad den kontrollerar
- Att målet har en `period: {från, till}` eller ett `målår`;
- att målåret ligger inom perioden när båda anges;
- med `årtal_i_formulering: true` (Åstorp): att ett mål som sträcker sig över mer än ett år
  anger sitt målår i själva formuleringen (`text`).

## Varför
Ett mål utan tid kan inte följas upp. "Om ett mål är satt på lite längre sikt ska det tydligt i
målformuleringen anges vilket år det ska vara uppfyllt", som en av kommunerna skriver i sin styrmodell.

## Exempel
Fel (med `årtal_i_formulering: true`):

    text: Fler elever är behöriga till gymnasiet
    period: {från: 2023, till: 2026}

Rätt:

    text: Fler elever är behöriga till gymnasiet 2026
    period: {från: 2023, till: 2026}

## Inställningar
- `årtal_i_formulering` (false): kräv målåret i formuleringen för fleråriga mål.
- `nivåer` ([]): vilka nivåer regeln gäller (tomt: nivåer med `mätbar: true`).

## Referens
SMARTA-kriteriet Tidsbegränsade i kommunens styrmodell; kommunens regel om målår i formuleringen.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules._smart import SmartOptions, smart_goals
from styrmodell.rules.base import Basis

CODE = "SM505"
NAME = "smart-tidsbunden"
SEVERITY = Severity.ERROR
REFERENCE = "SMARTA-kriterierna för kommunens mål"
BASIS = Basis.MUNICIPALITY


class Options(SmartOptions):
    årtal_i_formulering: bool = False


def check(repo: Repository, options: Options) -> Iterator[tuple[str, Location]]:
    for goal in smart_goals(repo, options):
        if goal.period is None and goal.målår is None:
            yield f"målet '{goal.id}' saknar tid; ange `period: {{från, till}}` eller `målår`", goal.where("id")
            continue
        if goal.period and goal.målår and not goal.period.från <= goal.målår <= goal.period.till:
            yield (
                f"målet '{goal.id}' har målår {goal.målår} utanför sin period {goal.period.från}–{goal.period.till}",
                goal.where("målår"),
            )
        if options.årtal_i_formulering:
            if goal.period:
                start, year = goal.period.från, goal.målår or goal.period.till
            else:
                assert goal.målår is not None  # a goal without either was passed over above
                start = year = goal.målår
            if year > start and str(year) not in goal.text:
                yield (
                    f"målet '{goal.id}' sträcker sig över flera år ({start}–{year}) men anger inte målåret "
                    f"{year} i formuleringen",
                    goal.where("text"),
                )
