"""Varje indikator och aktivitet tjänar ett mål.

## Vad den kontrollerar
Att varje indikator (verksamhetsmått, nyckeltal) och varje aktivitet har minst ett mål i `mål`.

## Varför
Ett mått som inte mäter något mål, eller en aktivitet som inte leder mot något mål, är arbete
utanför styrmodellen: det syns inte i uppföljningen och ingen kan säga varför det görs.

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

## Inställningar
Inga.

## Referens
Seed 000 §6.1 (aktiviteter kopplar till målen), seed 001 §3 (indikatorer med mätmetod).
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


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    for indicator in repo.indicators:
        if not indicator.mål:
            yield f"indikatorn '{indicator.id}' mäter inget mål; ange `mål:`", indicator.where("id")
    for activity in repo.activities:
        if not activity.mål:
            yield f"aktiviteten '{activity.id}' leder inte mot något mål; ange `mål:`", activity.where("id")
