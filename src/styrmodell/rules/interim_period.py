"""Delårsrapportens period omfattar hälften till två tredjedelar av året: den slutar 30 juni–31 augusti.

## Vad den kontrollerar
Att händelsen med `avser: delårsrapport-periodslut` infaller någon dag från och med den 30 juni
till och med den 31 augusti: en delårsrapport omfattar minst hälften och högst två tredjedelar av
räkenskapsåret, räknat från den 1 januari. Månadsskiften är praxis, men ett periodslut mitt i en
månad (15 juli) är lika lagligt. Periodens slut är en balansdag: den flyttas aldrig för en helgdag
(också med `årshjul.helgdag: flytta före`), och SM927 varnar inte för den.

## Varför
En period som slutar någon annanstans uppfyller inte kravet på delårsrapportens omfattning.
Regeln bygger på en sekundärkälla: LKBR finns inte i verktygets lagtext. Därför är den en varning.

## Exempel
Fel: `när: {datum: "09-30"}`. Rätt: `när: {datum: "08-31"}` eller `när: {datum: "07-15"}`.

## Inställningar
Inga.

## Referens
LKBR (2018:597) 13 kap. 1 §, räkenskapsåret är kalenderåret (LKBR 1 kap. 5 §). Kontrollerad mot
sekundärkälla, inte lagtext.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules._wheel import every_described_year, iso, moment
from styrmodell.rules.base import Basis

CODE = "SM923"
NAME = "delårsperiod"
SEVERITY = Severity.WARNING
REFERENCE = "LKBR 13 kap. 1 §"
BASIS = Basis.SECONDARY


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    yield from every_described_year(repo, _year)


def _year(repo: Repository, year_number: int) -> Iterator[tuple[str, Location]]:
    end = moment(repo, "delårsrapport-periodslut", year_number)
    if end is None:
        return
    year = end.due.year
    first, last = dt.date(year, 6, 30), dt.date(year, 8, 31)
    if not first <= end.due <= last:
        yield (
            f"delårsrapportens period slutar {iso(end.due)}; den ska omfatta hälften till två tredjedelar av "
            f"året och sluta någon dag {iso(first)}–{iso(last)} (LKBR 13 kap. 1 §)",
            end.event.where("när"),
        )
