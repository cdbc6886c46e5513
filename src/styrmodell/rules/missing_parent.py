"""Varje mål under den översta nivån tjänar ett mål ovanför.

## Vad den kontrollerar
Att varje verksamhetsmål under målkedjans översta nivå har minst ett mål i `tjänar`.
Finansiella mål (`typ: finansiellt`) är undantagna: de hör till budgeten, inte till kedjan.

## Varför
Ett mål utan koppling uppåt är ett lösryckt mål: ingen kan se vilket politiskt mål det bidrar till,
och det följs inte upp i fullmäktiges rapporter.

## Exempel
Fel:

    - id: bun-mal-1
      nivå: nämndmål
      text: Alla elever når godkända betyg i matematik 2026

Rätt:

    - id: bun-mal-1
      nivå: nämndmål
      text: Alla elever når godkända betyg i matematik 2026
      tjänar: [kf-mal-utbildning]

## Inställningar
Inga.

## Referens
KL 6 kap. 6 § (nämnderna ska se till att verksamheten bedrivs enligt fullmäktiges mål och riktlinjer).
Grunden är praxis: lagen kräver inte kopplingen med de orden, men styrkedjan från fullmäktiges mål
är hur nämnderna visar att de följer dem, och kommunens målkedja kräver den.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.goals import GoalKind
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis

CODE = "SM302"
NAME = "mål-utan-koppling-uppåt"
SEVERITY = Severity.ERROR
REFERENCE = "KL 6 kap. 6 §"
BASIS = Basis.PRACTICE


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    top = repo.config.top_level
    for goal in repo.goals:
        if goal.tjänar or goal.nivå == top or goal.typ == GoalKind.FINANSIELLT:
            continue
        if repo.config.level(goal.nivå) is None:
            continue  # an unknown level is SM301's finding
        wanted = " eller ".join(repo.config.levels_served_by(goal.nivå))
        yield (
            f"målet '{goal.id}' tjänar inget mål på nivån ovanför ({wanted}); ange `tjänar:` (KL 6 kap. 6 §)",
            goal.where("id"),
        )
