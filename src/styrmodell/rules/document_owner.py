"""Varje styrdokument har en ansvarig som håller det aktuellt.

## Vad den kontrollerar
Att varje styrdokument har `ansvarig`: en roll som ser till att dokumentet hålls aktuellt och är
känt i organisationen.

## Varför
"Den som antar aktuell standard utser också en ansvarig som ser till att den hålls aktuell och att
de är kända i organisationen" (seed 000 §7.4).

## Exempel
Fel: ett styrdokument utan `ansvarig:`.

Rätt: `ansvarig: hr-chef`.

## Inställningar
Inga.

## Referens
Seed 000 §7.4.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis

CODE = "SM702"
NAME = "styrdokument-ansvarig"
SEVERITY = Severity.ERROR
REFERENCE = "kommunens riktlinjer för styrdokument"
BASIS = Basis.MUNICIPALITY


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    for doc in repo.documents:
        if doc.ansvarig is None:
            yield f"styrdokumentet '{doc.id}' saknar ansvarig; ange `ansvarig:` (en roll)", doc.where("id")
