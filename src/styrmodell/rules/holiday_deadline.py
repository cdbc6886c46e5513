"""En tidsfrist i årshjulet infaller på en helgdag eller en helg.

## Vad den kontrollerar
Att ingen händelse som är en tidsfrist (ett datum, inte ett sammanträde och inte en hel månad)
infaller på en lördag, söndag, allmän helgdag, midsommarafton, julafton eller nyårsafton, för det
år som kontrolleras. Med `årshjul.helgdag: flytta före` eller `flytta efter` i styrmodell.yaml
flyttas sådana frister i stället till närmaste vardag, och regeln säger inget. Delårsrapportens
periodslut (`avser: delårsrapport-periodslut`) är en balansdag, inte en frist: den flyttas aldrig,
och regeln varnar inte för den.

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

from styrmodell.arshjul.compute import BALANCE_DATES
from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules._wheel import computed, iso
from styrmodell.rules.base import Basis
from styrmodell.svenska.holidays import non_working_reason

CODE = "SM927"
NAME = "frist-på-helgdag"
SEVERITY = Severity.WARNING
REFERENCE = "lagen (1989:253) om allmänna helgdagar: vilka dagar som är helgdagar"
BASIS = Basis.TOOL


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    for occurrence in computed(repo).ordered():
        if occurrence.meeting or occurrence.start != occurrence.end or occurrence.event.avser in BALANCE_DATES:
            continue
        reason = non_working_reason(occurrence.due)
        if reason:
            yield (
                f"'{occurrence.event.id}' infaller {iso(occurrence.due)}, en {reason}; flytta den eller sätt "
                "`årshjul.helgdag: flytta före` i styrmodell.yaml",
                occurrence.event.where("när"),
            )
