"""Varje indikator har enhet och riktning.

## Vad den kontrollerar
Att varje indikator anger `enhet` (t.ex. `%`, `kr/elev`, `antal`) och `riktning`
(`högre` eller `lägre`: vilket håll som är bättre).

## Varför
Utan enhet går värdet inte att läsa; utan riktning kan måluppfyllelsen inte beräknas och trenden
inte färgas.

## Exempel
Fel:

    - id: ind-kostnad-grundskola
      namn: Kostnad grundskola F-9, kr/elev
      källa: kolada:N15027

Rätt:

    - id: ind-kostnad-grundskola
      namn: Kostnad grundskola F-9, kr/elev
      källa: kolada:N15027
      enhet: kr/elev
      riktning: lägre

## Inställningar
Inga.

## Referens
Seed 001 §3 (indikatorer med mätmetod), seed 000 §3.7.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis

CODE = "SM801"
NAME = "indikator-enhet-riktning"
SEVERITY = Severity.ERROR
REFERENCE = "indikatorer med enhet och riktning"
BASIS = Basis.MUNICIPALITY


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    for indicator in repo.indicators:
        missing = [f for f in ("enhet", "riktning") if getattr(indicator, f) is None]
        if missing:
            yield f"indikatorn '{indicator.id}' saknar {' och '.join(missing)}", indicator.where("id")
