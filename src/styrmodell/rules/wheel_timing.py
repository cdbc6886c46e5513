"""Varje händelse i årshjulet går att beräkna, och kommer efter det den beror på.

## Vad den kontrollerar
För varje år som årshjulet beskriver (`årshjul.år`, annars sammanträdeskalenderns och de fasta
datumens år, annars mandatperiodens valår och året före – aldrig dagens datum):
- att varje händelses `när` går att räkna ut: sammanträdena finns i `sammanträden`, händelser som
  `före`/`efter`/`från`/`till` pekar på finns och infaller en gång om året, och inga händelser beror
  på varandra i cirkel;
- att en återkommande händelse med `möte:` har ett sammanträde varje månad den återkommer;
- att ingen händelse är klar (har sin sista dag) innan en händelse i dess `beroenden` är klar.
  En återkommande händelse jämförs inte med sina beroenden.

Ett år utan någon sammanträdeskalender för ett organ är inte ett fel i händelserna: det säger
SM930 en gång för året, och den här regeln tiger om de händelser som väntar på kalendern.

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
from styrmodell.rules._wheel import computed, every_described_year, iso
from styrmodell.rules.base import Basis

CODE = "SM928"
NAME = "årshjulets-tidpunkter"
SEVERITY = Severity.ERROR
REFERENCE = "årshjulet går ihop"
BASIS = Basis.TOOL


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    yield from every_described_year(repo, _year)


def _year(repo: Repository, year_number: int) -> Iterator[tuple[str, Location]]:
    year = computed(repo, year_number)
    for unresolved in year.unresolved.values():
        if unresolved.calendar is not None:
            continue  # the year's calendar is missing altogether: SM930, once
        yield (
            f"'{unresolved.event.id}' kan inte placeras {year.year}: {unresolved.reason}",
            unresolved.event.where("när"),
        )
    for gap in year.gaps.values():
        yield f"'{gap.event.id}' kan inte placeras varje månad: {gap.reason}", gap.event.när.where("möte")
    for occurrence in year.ordered():
        if occurrence.event.när.recurs:
            continue
        for index, dependency in enumerate(occurrence.event.beroenden):
            before = year.occurrences.get(dependency)
            if before is None or year.events[dependency].när.recurs:
                continue
            if occurrence.due < before.due:
                yield (
                    f"'{occurrence.event.id}' ({iso(occurrence.due)}) är klar före '{dependency}' "
                    f"({iso(before.due)}), som den beror på",
                    occurrence.event.where("beroenden", index),
                )
