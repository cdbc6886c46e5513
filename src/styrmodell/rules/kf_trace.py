"""Varje nämndmål leder, steg för steg, upp till ett av fullmäktiges mål.

## Vad den kontrollerar
Att varje mål som ägs av en nämnd, styrelse, utskott, ett bolag, en förvaltning eller en enhet
via sina `tjänar`-kopplingar (i ett eller flera steg) når ett mål som ägs av kommunfullmäktige (ett
organ med `typ: kf`): enhetens mål via förvaltningens, förvaltningens via nämndens.
Regeln rapporterar också kopplingar i cirkel (A tjänar B som tjänar A).

## Varför
Nämnderna ska se till att verksamheten bedrivs i enlighet med de mål och riktlinjer som
fullmäktige har bestämt. Ett nämndmål som inte leder till ett KF-mål saknar det mandatet.

## Exempel
Fel: `bun-mal-1` tjänar `bun-mal-0`, som inte tjänar något mål alls.

Rätt:

    - id: bun-mal-1
      tjänar: [kf-mal-utbildning]   # ägs av kf

## Inställningar
Inga.

## Referens
KL 6 kap. 6 § (nämnderna ska se till att verksamheten bedrivs i enlighet med fullmäktiges mål och riktlinjer).
Grunden är praxis: lagen kräver inte kopplingen med de orden, men en nämnds mål som inte leder upp
till fullmäktiges visar inte att nämnden följer dem.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.goals import GoalKind
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis

CODE = "SM303"
NAME = "spårbarhet-till-kf"
SEVERITY = Severity.ERROR
REFERENCE = "KL 6 kap. 6 §"
BASIS = Basis.PRACTICE


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    kf_organs = repo.kf_ids
    reaches: dict[str, bool] = {}
    in_cycle: set[str] = set()

    def reach(goal_id: str, path: tuple[str, ...]) -> bool:
        if goal_id in reaches:
            return reaches[goal_id]
        goal = repo.goal_by_id.get(goal_id)
        if goal is None:
            return True  # a missing goal is SM201's finding; don't pile on
        if goal_id in path:
            in_cycle.update(path[path.index(goal_id) :])
            return False
        if goal.organ in kf_organs and not (goal.förvaltning or goal.enhet):
            reaches[goal_id] = True
            return True
        result = any(reach(parent, path + (goal_id,)) for parent in goal.tjänar)
        reaches[goal_id] = result
        return result

    for goal in repo.goals:
        below_boards = bool(goal.förvaltning or goal.enhet)
        if goal.typ == GoalKind.FINANSIELLT or goal.owner is None or (goal.organ in kf_organs and not below_boards):
            continue
        if repo.owner_kind(goal.owner) is None:
            continue  # an owner that does not exist is SM201's finding
        if not reach(goal.id, ()):
            if goal.id in in_cycle:
                yield (
                    f"målet '{goal.id}' ingår i en cirkel av tjänar-kopplingar och leder aldrig upp till "
                    "fullmäktiges mål (KL 6 kap. 6 §)",
                    goal.where("tjänar"),
                )
            elif goal.tjänar:
                yield (
                    f"målet '{goal.id}' leder inte upp till något av fullmäktiges mål via "
                    f"{', '.join(goal.tjänar)} (KL 6 kap. 6 §)",
                    goal.where("tjänar"),
                )
            else:
                yield (
                    f"målet '{goal.id}' ({goal.owner}) är inte kopplat till något av fullmäktiges mål (KL 6 kap. 6 §)",
                    goal.where("id"),
                )
