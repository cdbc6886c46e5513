"""R i SMARTA: målvärdena utgår från ett utgångsvärde och pekar åt rätt håll.

## Vad den kontrollerar
För varje indikator som mäter ett mål: att den har ett utgångsvärde (`bas: {år, värde}`) och att
varje målvärde ligger i indikatorns riktning från utgångsvärdet (högre eller lika för
`riktning: högre`, lägre eller lika för `riktning: lägre`).

## Varför
Ett mål är realistiskt när man vet var man står. Ett målvärde under utgångsvärdet för ett mått där
högre är bättre är ett tecken på ett skrivfel, eller på ett mål som egentligen är en sänkt ambition.

## Exempel
Fel:

    riktning: högre
    bas: {år: 2022, värde: 78}
    målvärden: {2026: 70}

Rätt:

    målvärden: {2026: 82}

## Inställningar
- `nivåer` ([]): vilka nivåer regeln gäller (tomt: nivåer med `mätbar: true`).

## Referens
SMARTA-kriteriet Realistiska och relevanta i kommunens styrmodell.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.goals import Direction
from styrmodell.model.repository import Repository
from styrmodell.rules._smart import SmartOptions, smart_goals
from styrmodell.rules.base import Basis

CODE = "SM504"
NAME = "smart-realistisk"
SEVERITY = Severity.WARNING
REFERENCE = "SMARTA-kriterierna för kommunens mål"
BASIS = Basis.MUNICIPALITY


class Options(SmartOptions):
    pass


def context(repo: Repository, options: Options) -> frozenset[str]:
    """The ids of the goals the SMART criteria apply to."""
    return frozenset(goal.id for goal in smart_goals(repo, options))


def check_file(part: Repository, smart: frozenset[str], options: Options) -> Iterator[tuple[str, Location]]:
    for indicator in part.indicators:
        if not indicator.decided_targets or smart.isdisjoint(indicator.mål):
            continue
        if indicator.bas is None:
            yield (
                f"indikatorn '{indicator.id}' har målvärden men inget utgångsvärde (`bas: {{år, värde}}`)",
                indicator.where("målvärden"),
            )
            continue
        if indicator.riktning is None:
            continue  # SM801 reports the missing direction
        base = indicator.bas.värde
        for year, target in sorted(indicator.decided_targets.items()):
            wrong = target < base if indicator.riktning == Direction.HIGHER else target > base
            if wrong:
                yield (
                    f"indikatorn '{indicator.id}' har målvärdet {target:g} för {year}, åt fel håll från "
                    f"utgångsvärdet {base:g} ({indicator.bas.år}) när {indicator.riktning.value} är bättre",
                    indicator.where("målvärden", year),
                )
