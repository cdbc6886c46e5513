"""Ett program bär inga egna mål eller indikatorer och är kortfattat.

## Vad den kontrollerar
Att ett styrdokument med `typ: program` inte har några `mål` eller `indikatorer`, och, när antalet
`sidor` är angivet, att det inte är längre än `max_sidor` (4 A4-sidor inklusive försättsbladet).

## Varför
Program beskriver långsiktiga ambitioner och vägleder nämnderna; de får inte lägga till mål eller
indikatorer vid sidan av målkedjan (seed 003, Askersund).

## Exempel
Fel:

    - id: program-kultur
      typ: program
      mål: [mal-kultur-1]

Rätt: flytta målet till rätt nivå i målkedjan; programmet hänvisar bara till inriktningen.

## Inställningar
- `max_sidor` (4): högsta antal sidor för ett program.

## Referens
Seed 003 (program: inga mål eller indikatorer, högst fyra A4-sidor).
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from styrmodell.findings import Location, Severity
from styrmodell.model.governance import DocumentKind
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis, RuleOptions

CODE = "SM705"
NAME = "program-utan-mål"
SEVERITY = Severity.ERROR
REFERENCE = "kommunens riktlinjer för program"
BASIS = Basis.MUNICIPALITY


class Options(RuleOptions):
    max_sidor: int = Field(default=4, ge=1)


def check(repo: Repository, options: Options) -> Iterator[tuple[str, Location]]:
    for doc in repo.documents:
        if doc.typ != DocumentKind.PROGRAM:
            continue
        if doc.mål:
            yield (
                f"programmet '{doc.id}' anger mål ({', '.join(doc.mål)}); ett program tillför inga egna mål",
                doc.where("mål"),
            )
        if doc.indikatorer:
            yield (
                f"programmet '{doc.id}' anger indikatorer ({', '.join(doc.indikatorer)}); ett program tillför "
                "inga egna indikatorer",
                doc.where("indikatorer"),
            )
        if doc.sidor and doc.sidor > options.max_sidor:
            yield (
                f"programmet '{doc.id}' är {doc.sidor} sidor; högst {options.max_sidor} A4-sidor är tillåtet",
                doc.where("sidor"),
            )
