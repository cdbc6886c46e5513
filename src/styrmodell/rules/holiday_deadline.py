"""En tidsfrist i årshjulet infaller på en helgdag eller en helg.

## Vad den kontrollerar
Att ingen händelse som är en tidsfrist (ett datum, inte ett sammanträde och inte en hel månad)
infaller på en lördag, söndag, allmän helgdag, midsommarafton, julafton eller nyårsafton, de år
som årshjulet beskriver (som SM921: `årshjul.år`, annars sammanträdeskalenderns och de fasta
datumens år, annars mandatperiodens valår och året före); en händelse får ett fynd med varje sådan
dag. Med `årshjul.helgdag: flytta före` eller `flytta efter` i styrmodell.yaml
flyttas sådana frister i stället till närmaste vardag, och regeln säger inget. Delårsrapportens
periodslut (`avser: delårsrapport-periodslut`) och varje datum med `balansdag: ja` ("per 31/5",
"brytpunkt 31/12") är balansdagar, inte frister: de flyttas aldrig, och regeln varnar inte för dem.

## Varför
En frist som infaller en helgdag blir i praktiken en annan dag. Det ska synas i planeringen, inte
upptäckas samma vecka.

## Exempel
Varning (2026): `när: {datum: "06-06"}` (Sveriges nationaldag, en lördag).

## Inställningar
Inga (se `årshjul.helgdag`).

## Referens
Lagen (1989:253) om allmänna helgdagar; verktygets egen regel.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules._wheel import computed, described_years, iso
from styrmodell.rules.base import Basis
from styrmodell.svenska.holidays import non_working_reason

CODE = "SM927"
NAME = "frist-på-helgdag"
SEVERITY = Severity.WARNING
REFERENCE = "lagen (1989:253) om allmänna helgdagar: vilka dagar som är helgdagar"
BASIS = Basis.TOOL


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    """One finding per event, with every day it falls on a holiday in the years the wheel describes."""
    days: dict[str, list[str]] = {}
    events = {}
    for year in described_years(repo):
        for occurrence in computed(repo, year).ordered():
            if occurrence.meeting or occurrence.start != occurrence.end or occurrence.balance:
                continue
            reason = non_working_reason(occurrence.due)
            if reason:
                events[occurrence.event.id] = occurrence.event
                days.setdefault(occurrence.event.id, []).append(f"{iso(occurrence.due)}, en {reason}")
    for event_id, found in days.items():
        when = found[0] if len(found) == 1 else ", ".join(found[:-1]) + " och " + found[-1]
        yield (
            f"'{event_id}' infaller {when}; flytta den eller sätt `årshjul.helgdag: flytta före` i styrmodell.yaml",
            events[event_id].where("när"),
        )
