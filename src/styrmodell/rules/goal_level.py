"""Målet står på en nivå i målkedjan och tjänar mål på nivån ovanför.

## Vad den kontrollerar
- `nivå` är en av nivåerna i `målkedja` i styrmodell.yaml;
- målets ägare är av ett slag som får äga mål på nivån (nivåns `ägs_av`: organtyper som `kf`
  och `nämnd`, eller `förvaltning` och `enhet` för förvaltningarnas och enheternas mål);
- varje mål i `tjänar` ligger på en nivå som målets nivå får tjäna: nivån närmast ovanför,
  eller de nivåer som nivåns `tjänar` anger;
- målen på den översta nivån tjänar inga andra mål (de tjänar visionen).

## Varför
Målkedjan ser olika ut i varje kommun (perspektiv, fokusområden och mål i en; inriktningsmål och
nämndsmål i en annan; målområden och strategiska mål, eller nämndmål, förvaltningsmål och
enhetsmål i en tredje). Den röda tråden håller bara om varje mål hakar i rätt nivå.

## Exempel
Fel (i en kedja perspektiv → fokusområde → mål):

    - id: mal-skola
      nivå: mål
      tjänar: [perspektiv-valfard]     # hoppar över fokusområdet

Rätt:

    - id: mal-skola
      nivå: mål
      tjänar: [fokus-utbildning]

## Inställningar
Nivåerna och deras `ägs_av` och `tjänar` anges i `målkedja` i styrmodell.yaml.

## Referens
Kommunens egen styrmodell: målkedjans nivåer och vem som beslutar mål på dem. KL 5 kap. 1 §
(fullmäktige beslutar mål och riktlinjer för verksamheten) och 6 kap. 6 § (nämnderna ser till att
verksamheten bedrivs enligt dem).
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis
from styrmodell.svenska.suggest import did_you_mean

CODE = "SM301"
NAME = "målnivå"
SEVERITY = Severity.ERROR
REFERENCE = "kommunens målkedja (`målkedja` i styrmodell.yaml)"
BASIS = Basis.MUNICIPALITY


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    config = repo.config
    level_ids = [lvl.id for lvl in config.målkedja]
    names = {lvl.id: lvl.namn for lvl in config.målkedja}
    for goal in repo.goals:
        level = config.level(goal.nivå)
        if level is None:
            yield (
                f"målet '{goal.id}' står på nivån '{goal.nivå}', som inte finns i målkedjan"
                f"{did_you_mean(goal.nivå, level_ids)} (nivåer: {', '.join(level_ids)})",
                goal.where("nivå"),
            )
            continue
        owner = goal.owner
        kind = repo.owner_kind(owner)
        if level.ägs_av and kind and kind not in {k.value for k in level.ägs_av}:
            allowed = ", ".join(k.value for k in level.ägs_av)
            field = "enhet" if goal.enhet else "förvaltning" if goal.förvaltning else "organ"
            yield (
                f"målet '{goal.id}' ägs av '{owner}' ({kind}), men nivån {level.namn} ägs av: {allowed}",
                goal.where(field),
            )
        allowed_levels = config.levels_served_by(goal.nivå)
        for index, parent_id in enumerate(goal.tjänar):
            parent = repo.goal_by_id.get(parent_id)
            if parent is None:
                continue
            if not allowed_levels:
                yield (
                    f"målet '{goal.id}' står på översta nivån ({level.namn}) och kan inte tjäna andra mål",
                    goal.where("tjänar", index),
                )
            elif parent.nivå not in allowed_levels:
                wanted = " eller ".join(names.get(i, i) for i in allowed_levels)
                yield (
                    f"målet '{goal.id}' ({level.namn}) tjänar '{parent_id}', som är på nivån "
                    f"{names.get(parent.nivå, parent.nivå)}; det ska tjäna ett mål på nivån {wanted}",
                    goal.where("tjänar", index),
                )
