"""Varje indikator har enhet och riktning.

## Vad den kontrollerar
Att varje indikator anger `enhet` (t.ex. `%`, `kr/elev`, `antal`) och `riktning`
(`högre` eller `lägre`: vilket håll som är bättre). En kvalitativ indikator (med `skala:`) mäts i
skalans steg och behöver ingen enhet; dess riktning är `högre` när skalan står från sämst till bäst.

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

Rätt, en kvalitativ indikator:

    - id: ind-rutiner
      namn: Rutinerna för synpunkter och klagomål är kända i verksamheten
      skala: [saknas, påbörjade, etablerade, fullt införda]
      målvärden: {2026: etablerade}

## Inställningar
Inga.

## Referens
Kommunens egen styrmodell: för alla indikatorer behövs en mätmetod, kvalitativ eller kvantitativ.
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


def check_file(part: Repository, context: None, options) -> Iterator[tuple[str, Location]]:
    for indicator in part.indicators:
        fields = ("riktning",) if indicator.qualitative else ("enhet", "riktning")
        for field in fields:  # one finding each: one may follow from a schema error, the other not
            if getattr(indicator, field) is None:
                yield f"indikatorn '{indicator.id}' saknar {field}", indicator.where("id")
