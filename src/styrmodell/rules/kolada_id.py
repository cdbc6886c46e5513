"""Kolada-id är välformade.

## Vad den kontrollerar
Att en indikator med `källa: kolada:<id>` har ett id av formen `N` eller `U` följt av fem siffror
(t.ex. `kolada:N15428`). `N` är kommunala nyckeltal, `U` nyckeltal för organisatoriska enheter.

## Varför
Ett felskrivet id gör att utfall inte kan hämtas eller jämföras med andra kommuner.

## Exempel
Fel: `källa: kolada:N1542` eller `källa: kolada:n15428`.

Rätt: `källa: kolada:N15428`.

## Inställningar
Inga.

## Referens
Kolada (RKA), https://www.kolada.se; KKiK-gruppen GKPI118.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.goals import KOLADA_ID
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis

CODE = "SM803"
NAME = "kolada-id"
SEVERITY = Severity.ERROR
REFERENCE = "Kolada (RKA): formen på nyckeltalens id"
BASIS = Basis.STANDARD


def check_file(part: Repository, context: None, options) -> Iterator[tuple[str, Location]]:
    for indicator in part.indicators:
        kpi = indicator.kolada_id
        if kpi is not None and not KOLADA_ID.match(kpi):
            yield (
                f"indikatorn '{indicator.id}' har Kolada-id '{kpi}', som inte har formen N eller U följt av "
                "fem siffror (t.ex. N15428)",
                indicator.where("källa"),
            )
