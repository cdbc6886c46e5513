"""Mandatperioden börjar den 15 oktober ett valår och är fyra år.

## Vad den kontrollerar
Att `mandatperiod.från` i styrmodell.yaml är den 15 oktober ett valår (2018, 2022, 2026, 2030, ...)
och att `mandatperiod.till` är dagen före samma datum fyra år senare (14 oktober).

## Varför
Fullmäktige väljs för fyra år räknat från den 15 oktober valåret. Regler om översyn per
mandatperiod och valårets budgetregler bygger på rätt period.

## Exempel
Fel:

    mandatperiod: {från: 2023-01-01, till: 2026-12-31}

Rätt:

    mandatperiod: {från: 2022-10-15, till: 2026-10-14}

## Inställningar
Inga.

## Referens
KL 5 kap. 9 § (mandattiden), vallagen (ordinarie val andra söndagen i september vart fjärde år).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis
from styrmodell.svenska.elections import is_election_year

CODE = "SM902"
NAME = "mandatperiod"
SEVERITY = Severity.ERROR
REFERENCE = "KL 5 kap. 9 §"
BASIS = Basis.TEXT


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    period = repo.config.mandatperiod
    start = period.från
    if not (start.month == 10 and start.day == 15 and is_election_year(start.year)):
        yield (
            f"mandatperioden börjar {start.isoformat()}; den ska börja den 15 oktober ett valår, "
            f"t.ex. {_nearest(start.year)}-10-15 (KL 5 kap. 9 §)",
            period.where("från"),
        )
        return
    expected_end = dt.date(start.year + 4, 10, 14)
    if period.till != expected_end:
        yield (
            f"mandatperioden slutar {period.till.isoformat()}; den ska sluta {expected_end.isoformat()}, "
            "fyra år efter starten (KL 5 kap. 9 §)",
            period.where("till"),
        )


def _nearest(year: int) -> int:
    return min((y for y in range(2018, 2060, 4)), key=lambda y: abs(y - year))
