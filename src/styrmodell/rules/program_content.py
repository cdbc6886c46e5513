"""Ett program bär inga egna mål eller indikatorer och är kortfattat.

## Vad den kontrollerar
- Att ett styrdokument med `typ: program` inte har några egna `mål` eller `indikatorer`, och att
  inget mål anger programmet som det styrdokument det beslutades i (`styrdokument:` på målet):
  ett mål som ett program inför är ett fynd;
- att programmet anger hur många `sidor` det är, och att det inte är längre än `max_sidor`
  (4 A4-sidor inklusive försättsbladet).

Ett program får ange vilka mål det stöder (`stöder:`, t.ex. fullmäktiges strategiska mål); de
räknas inte som programmets egna. Ett program som ett annat dokument ersätter, eller som är
upphävt, kontrolleras inte: det beslutades kanske under andra regler.

## Varför
Program beskriver kommunens långsiktiga ambitioner och vägleder nämnderna, men innehåller inga
nya mål eller indikatorer: så undviks målkonflikter, och målen står på ett ställe, i målkedjan. Ett
program som inte anger sitt sidantal kan inte kontrolleras mot kravet på kortfattade program.

## Exempel
Fel:

    - id: program-kultur
      typ: program
      mål: [mal-kultur-1]

Rätt: flytta målet till rätt nivå i målkedjan; programmet hänvisar bara till inriktningen:

    - id: program-kultur
      typ: program
      stöder: [sm-livskvalitet]
      sidor: 4

## Inställningar
- `max_sidor` (4): högsta antal sidor för ett program.
- `kräv_sidor` (true): kräv att ett program anger sitt sidantal.

## Referens
Kommunens egen styrmodell: program innehåller inga nya mål eller indikatorer och omfattar högst
fyra A4-sidor (inklusive försättsbladet).
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
    kräv_sidor: bool = True


def check(repo: Repository, options: Options) -> Iterator[tuple[str, Location]]:
    programs = {d.id for d in repo.documents if d.typ == DocumentKind.PROGRAM}
    for doc in repo.documents:
        if doc.typ != DocumentKind.PROGRAM or doc.upphävd is not None or doc.id in repo.replaced_by:
            continue
        if doc.mål:
            yield (
                f"programmet '{doc.id}' anger mål ({', '.join(doc.mål)}); ett program tillför inga egna mål "
                "(ange de mål det stöder med `stöder:`)",
                doc.where("mål"),
            )
        if doc.indikatorer:
            yield (
                f"programmet '{doc.id}' anger indikatorer ({', '.join(doc.indikatorer)}); ett program tillför "
                "inga egna indikatorer",
                doc.where("indikatorer"),
            )
        if doc.sidor is None:
            if options.kräv_sidor:
                yield (
                    f"programmet '{doc.id}' anger inte hur många sidor det är; ange `sidor:` "
                    f"(högst {options.max_sidor} A4-sidor med försättsbladet)",
                    doc.where("id"),
                )
        elif doc.sidor > options.max_sidor:
            yield (
                f"programmet '{doc.id}' är {doc.sidor} sidor; högst {options.max_sidor} A4-sidor är tillåtet",
                doc.where("sidor"),
            )
    for goal in repo.goals:
        if goal.styrdokument in programs:
            yield (
                f"målet '{goal.id}' införs i programmet '{goal.styrdokument}'; ett program tillför inga egna mål "
                "– besluta målet i målkedjan (t.ex. i mål och budget)",
                goal.where("styrdokument"),
            )
