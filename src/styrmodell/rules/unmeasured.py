"""Varje mål har indikatorer, eller (där kommunen tillåter det) en bedömningsmetod.

## Vad den kontrollerar
Att varje mål på en nivå med `mätbar: true` i målkedjan har minst en indikator som mäter det,
eller tjänas av mål som mäts (ett inriktningsmål följs upp genom nämndmålen under det).
Där kommunen tillåter icke mätbara mål (`tillåt_bedömning: true`, som i Åstorp) räcker det att
målet anger en `bedömningsmetod`: hur förvaltningen gör sin professionella bedömning. Anger ett
mål en bedömningsmetod där det inte är tillåtet, rapporteras det också.

## Varför
Ett mål som varken mäts eller bedöms kan inte följas upp i delårsrapporten eller årsredovisningen.

## Exempel
Fel:

    - id: mal-trygghet
      nivå: nämndmål
      text: Invånarna känner sig trygga i centrum 2026

Rätt (med indikator):

    indikatorer:
      - id: ind-trygghet
        mål: [mal-trygghet]

eller, där `tillåt_bedömning: true`:

    - id: mal-trygghet
      bedömningsmetod: Förvaltningen bedömer utifrån trygghetsvandringar och polisens lägesbild.

## Inställningar
- `tillåt_bedömning` (false): om icke mätbara mål med en bedömningsmetod är tillåtna.

## Referens
Kommunens egen styrmodell: för att kunna avgöra om ett mål är uppnått ska det helst vara mätbart;
där kommunen tillåter icke mätbara mål gör förvaltningen en professionell bedömning.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis, RuleOptions

CODE = "SM305"
NAME = "mål-utan-mätning"
SEVERITY = Severity.ERROR
REFERENCE = "målkedjan (`mätbar`, `tillåt_bedömning`)"
BASIS = Basis.MUNICIPALITY


class Options(RuleOptions):
    tillåt_bedömning: bool = False


def _measured(repo: Repository, goal_id: str, visiting: set[str]) -> bool:
    if repo.indicators_by_goal.get(goal_id):
        return True
    visiting.add(goal_id)
    return any(
        child.id not in visiting and _measured(repo, child.id, visiting) for child in repo.children.get(goal_id, [])
    )


def check(repo: Repository, options: Options) -> Iterator[tuple[str, Location]]:
    for goal in repo.goals:
        level = repo.config.level(goal.nivå)
        if level is None or not level.mätbar:
            continue
        measured = _measured(repo, goal.id, set())
        if goal.bedömningsmetod and not options.tillåt_bedömning:
            yield (
                f"målet '{goal.id}' anger en bedömningsmetod, men icke mätbara mål är inte tillåtna här "
                "(sätt `tillåt_bedömning: true` under regeln om kommunen tillåter dem)",
                goal.where("bedömningsmetod"),
            )
        elif not measured and not goal.bedömningsmetod:
            alternative = " eller en `bedömningsmetod`" if options.tillåt_bedömning else ""
            yield (f"målet '{goal.id}' har ingen indikator som mäter det{alternative}", goal.where("id"))
