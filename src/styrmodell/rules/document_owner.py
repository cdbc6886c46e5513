"""Varje styrdokument har en ansvarig som håller det aktuellt.

## Vad den kontrollerar
Att varje styrdokument har `ansvarig`: en roll som ser till att dokumentet hålls aktuellt och är
känt i organisationen, eller den ansvariga nämnden (ett organ) som aktualitetsgranskar det.

## Varför
Den som antar ett dokument utser också en ansvarig som ser till att det hålls aktuellt och är känt
i organisationen. Ett program aktualitetsgranskas av sin ansvariga nämnd.

## Exempel
Fel: ett styrdokument utan `ansvarig:`.

Rätt: `ansvarig: hr-chef`, eller för ett program `ansvarig: kfn` (den ansvariga nämnden).

## Inställningar
Inga.

## Referens
Kommunens egen styrmodell (riktlinjer för styrdokument): varje dokument har en ansvarig som håller det aktuellt.
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
            yield (
                f"styrdokumentet '{doc.id}' saknar ansvarig; ange `ansvarig:` (en roll eller ett organ)",
                doc.where("id"),
            )
