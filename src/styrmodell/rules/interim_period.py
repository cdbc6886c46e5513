"""Delårsrapportens period slutar vid utgången av juni, juli eller augusti.

## Vad den kontrollerar
Att händelsen med `avser: delårsrapport-periodslut` infaller den 30 juni, 31 juli eller
31 augusti: en delårsrapport omfattar minst hälften och högst två tredjedelar av räkenskapsåret,
räknat i hela månader från den 1 januari.

## Varför
En period som slutar någon annanstans uppfyller inte kravet på delårsrapportens omfattning.
Regeln bygger på en sekundärkälla (LKBR finns inte i verktygets lagtext), därför är den en varning.

## Exempel
Fel: `när: {datum: "09-30"}`. Rätt: `när: {datum: "08-31"}`.

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
from styrmodell.rules._wheel import iso, moment

CODE = "SM923"
NAME = "delårsperiod"
SEVERITY = Severity.WARNING


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    end = moment(repo, "delårsrapport-periodslut")
    if end is None:
        return
    year = end.due.year
    allowed = {dt.date(year, 6, 30), dt.date(year, 7, 31), dt.date(year, 8, 31)}
    if end.due not in allowed:
        yield (
            f"delårsrapportens period slutar {iso(end.due)}; den ska sluta vid utgången av juni, juli eller "
            "augusti, så att den omfattar hälften till två tredjedelar av året (LKBR 13 kap. 1 §)",
            end.event.where("när"),
        )
