"""Varje indikator, strategi och aktivitet tjänar ett mål, ett uppdrag eller en kvalitetsfaktor.

## Vad den kontrollerar
Att varje indikator (verksamhetsmått, nyckeltal) mäter ett mål (`mål`) eller en kvalitetsfaktor
(`kvalitetsfaktor`: en kvalitetsindikator, som mäter kvalitet eller effektivitet utan att tjäna ett
mål); att varje strategi anger de mål, uppdrag eller kvalitetsfaktorer den ska nå; och att varje
aktivitet leder mot ett mål, genomför en strategi eller ett uppdrag, eller förbättrar en
kvalitetsfaktor.

## Varför
Ett mått som inte mäter något mål eller någon kvalitet, eller en aktivitet som inte leder mot
något, är arbete utanför styrmodellen: det syns inte i uppföljningen och ingen kan säga varför det
görs. En indikator ska mäta måluppfyllelse och/eller kvalitet och effektivitet; strategier och
aktiviteter beskriver hur mål, uppdrag och kvalitet ska nås.

## Exempel
Fel:

    aktiviteter:
      - id: akt-lasfrmjande
        namn: Läsfrämjande insatser i förskolan

Rätt:

    aktiviteter:
      - id: akt-lasframjande
        namn: Läsfrämjande insatser i förskolan
        mål: [mal-utbildning]

Också rätt, en kvalitetsindikator:

    indikatorer:
      - id: ind-bemotande
        namn: Andel brukare som är nöjda med bemötandet
        kvalitetsfaktor: [kvf-bemotande]

## Inställningar
Inga.

## Referens
Kommunens egen styrmodell: aktiviteter kopplar till målen, och indikatorer mäter måluppfyllelse,
kvalitet eller effektivitet. Verktygets egen regel för spårbarhet: det som inte är kopplat kan inte följas upp.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis

CODE = "SM304"
NAME = "fristående-indikator-eller-aktivitet"
SEVERITY = Severity.ERROR
REFERENCE = "målkedjan: indikatorer och aktiviteter hör till ett mål"
BASIS = Basis.MUNICIPALITY


def check_file(part: Repository, context: None, options) -> Iterator[tuple[str, Location]]:
    for indicator in part.indicators:
        if not indicator.mål and not indicator.kvalitetsfaktor:
            yield (
                f"indikatorn '{indicator.id}' mäter inget mål och ingen kvalitetsfaktor; ange `mål:` "
                "(eller `kvalitetsfaktor:` för en kvalitetsindikator)",
                indicator.where("id"),
            )
    for strategy in part.strategies:
        if not (strategy.mål or strategy.uppdrag or strategy.kvalitetsfaktor):
            yield (
                f"strategin '{strategy.id}' anger inget mål, uppdrag eller kvalitetsfaktor; ange `mål:`",
                strategy.where("id"),
            )
    for activity in part.activities:
        if not (activity.mål or activity.strategi or activity.uppdrag or activity.kvalitetsfaktor):
            yield (
                f"aktiviteten '{activity.id}' leder inte mot något mål; ange `mål:` (eller `strategi:`, "
                "`uppdrag:` eller `kvalitetsfaktor:`)",
                activity.where("id"),
            )
