"""Sammanträdeskalendern finns för de år årshjulet beskriver.

## Vad den kontrollerar
För varje år som årshjulet beskriver (`årshjul.år`, annars sammanträdeskalenderns och de fasta
datumens år, annars mandatperiodens valår och året före): att de organ vars sammanträden
händelserna bygger på (`möte:`) har sammanträden det året i `sammanträden:`. Ett år utan
kalender sägs en gång – med organen och hur många händelser som väntar på den – i stället för ett
fel per händelse (SM928 tiger om dem).

## Varför
Ett årshjul för nästa år skrivs ofta innan fullmäktige och styrelsen har beslutat nästa års
sammanträdesdagar. Det är inte ett fel i hjulet, men hjulet kan inte visa nästa års datum förrän
kalendern finns: `styr nytt-ar ÅÅÅÅ` föreslår den.

## Exempel
Varning: `årshjul: {år: 2027}` i styrmodell.yaml när `sammanträden:` bara har datum för 2026.

Rätt: lägg in 2027 års sammanträden, t.ex. med `styr nytt-ar 2027`.

## Inställningar
Inga.

## Referens
Verktygets egen regel.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules._wheel import computed, described_years
from styrmodell.rules.base import Basis

CODE = "SM930"
NAME = "sammanträdeskalender-saknas"
SEVERITY = Severity.WARNING
REFERENCE = "årshjulets datum bygger på sammanträdeskalendern"
BASIS = Basis.TOOL


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    if not repo.wheels:
        return
    for year_number in described_years(repo):
        waiting: dict[str, list[str]] = {}
        for unresolved in computed(repo, year_number).unresolved.values():
            if unresolved.calendar is not None:
                waiting.setdefault(unresolved.calendar, []).append(unresolved.event.id)
        if not waiting:
            continue
        organs = ", ".join(sorted(waiting))
        events = sorted(e for ids in waiting.values() for e in ids)
        count = f"{len(events)} {'händelse' if len(events) == 1 else 'händelser'}"
        wheel = next((w for w in repo.wheels if w.sammanträden), repo.wheels[0])
        where = wheel.where("sammanträden") if wheel.sammanträden else wheel.where()
        yield (
            f"sammanträdeskalendern för {year_number} saknas för {organs}: {count} som bygger på sammanträden "
            f"kan inte placeras {year_number} ({', '.join(events[:5])}{' …' if len(events) > 5 else ''}); lägg in "
            f"{year_number} års sammanträden i `sammanträden:` (`styr nytt-ar {year_number}` föreslår dem)",
            where,
        )
