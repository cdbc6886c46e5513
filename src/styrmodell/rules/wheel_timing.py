"""Varje händelse i årshjulet går att beräkna, och kommer efter det den beror på.

## Vad den kontrollerar
- Att varje händelses `när` går att räkna ut för det år som kontrolleras: sammanträdena finns i
  `sammanträden`, händelser som `före`/`efter` pekar på finns, och inga händelser beror på
  varandra i cirkel;
- att ingen händelse är klar (har sin sista dag) innan en händelse i dess `beroenden` är klar.

## Varför
Ett årshjul som inte går ihop (budgeten beslutas innan förslaget finns, ett sammanträde som inte
finns i kalendern) upptäcks annars först när fristen redan är passerad.

## Exempel
Fel: `när: {möte: kf, efter: "12-20"}` när fullmäktige inte har något sammanträde efter den
20 december.

Rätt: lägg in sammanträdet i `sammanträden: {kf: [...]}`, eller ändra tidpunkten.

## Inställningar
Inga.

## Referens
Verktygets egen regel.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules._wheel import computed, iso
from styrmodell.rules.base import Basis

CODE = "SM928"
NAME = "årshjulets-tidpunkter"
SEVERITY = Severity.ERROR
REFERENCE = "årshjulet går ihop"
BASIS = Basis.TOOL


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    year = computed(repo)
    for unresolved in year.unresolved.values():
        yield (
            f"'{unresolved.event.id}' kan inte placeras {year.year}: {unresolved.reason}",
            unresolved.event.where("när"),
        )
    for occurrence in year.ordered():
        for index, dependency in enumerate(occurrence.event.beroenden):
            before = year.occurrences.get(dependency)
            if before is not None and occurrence.due < before.due:
                yield (
                    f"'{occurrence.event.id}' ({iso(occurrence.due)}) är klar före '{dependency}' "
                    f"({iso(before.due)}), som den beror på",
                    occurrence.event.where("beroenden", index),
                )
