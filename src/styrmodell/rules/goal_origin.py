"""Ett mål utifrån uppdraget pekar på uppdraget; ett eget resultatmål har strategier eller aktiviteter.

## Vad den kontrollerar
För mål som anger sitt `slag`:
- `slag: utifrån uppdraget`: målet anger det eller de uppdrag (`uppdrag:`) från fullmäktige som det
  formulerar om, och uppdraget har getts till målets ägare (dess `mottagare`);
- ett mål med `uppdrag:` är `slag: utifrån uppdraget`, inte ett eget resultatmål;
- med `egna_kräver_strategi: true`: ett eget resultatmål har minst en strategi eller aktivitet.

## Varför
När fullmäktige har beslutat de övergripande målen sätter styrelser och nämnder sina mål på två
sätt: fullmäktiges uppdrag formuleras om till mål, och de egna resultatmålen tas fram ur den egna
verksamheten och dess nuläge. Ett mål utifrån uppdraget ska gå att spåra till uppdraget, och ett
eget mål ska av ansvarig chef kompletteras med strategier, åtgärder och indikatorer.

## Exempel
Fel:

    - id: son-hemmaplan
      slag: utifrån uppdraget
      text: Fler barn och unga får stöd på hemmaplan 2026

Rätt:

    - id: son-hemmaplan
      slag: utifrån uppdraget
      uppdrag: [kf-upp-hemmaplan]
      text: Fler barn och unga får stöd på hemmaplan 2026

## Inställningar
- `egna_kräver_strategi` (false): kräv en strategi eller aktivitet för varje eget resultatmål.

## Referens
Kommunens egen styrmodell (styrelse- och nämndmål: mål utifrån uppdraget och egna resultatmål);
KL 5 kap. 4 § (fullmäktige kan uppdra åt en nämnd att genomföra viss verksamhet).
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.goals import GoalOrigin
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis, RuleOptions

CODE = "SM307"
NAME = "målets-slag"
SEVERITY = Severity.ERROR
REFERENCE = "kommunens styrmodell (mål utifrån uppdraget och egna resultatmål)"
BASIS = Basis.MUNICIPALITY


class Options(RuleOptions):
    egna_kräver_strategi: bool = False


def check(repo: Repository, options: Options) -> Iterator[tuple[str, Location]]:
    assignments = {a.id: a for a in repo.assignments}
    for goal in repo.goals:
        if goal.slag == GoalOrigin.UPPDRAG:
            if not goal.uppdrag:
                yield (
                    f"målet '{goal.id}' är ett mål utifrån uppdraget men anger inte vilket uppdrag det formulerar "
                    "om; ange `uppdrag:`",
                    goal.where("slag"),
                )
            for index, ident in enumerate(goal.uppdrag):
                assignment = assignments.get(ident)
                if assignment is not None and assignment.mottagare not in {goal.owner, goal.organ}:
                    yield (
                        f"målet '{goal.id}' formulerar om uppdraget '{ident}', men det uppdraget gavs till "
                        f"'{assignment.mottagare}', inte till '{goal.owner}'",
                        goal.where("uppdrag", index),
                    )
        elif goal.uppdrag and goal.slag == GoalOrigin.EGET:
            yield (
                f"målet '{goal.id}' anger uppdrag ({', '.join(goal.uppdrag)}) men är ett eget resultatmål; "
                "ett mål som formulerar om ett uppdrag är `slag: utifrån uppdraget`",
                goal.where("slag"),
            )
        if options.egna_kräver_strategi and goal.slag == GoalOrigin.EGET:
            has_strategy = bool(repo.strategies_by_goal.get(goal.id))
            has_activity = any(goal.id in repo.activity_goals(a) for a in repo.activities)
            if not (has_strategy or has_activity):
                yield (
                    f"målet '{goal.id}' är ett eget resultatmål utan strategier och aktiviteter; ansvarig chef "
                    "kompletterar det med strategier, åtgärder och indikatorer",
                    goal.where("id"),
                )
