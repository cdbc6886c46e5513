"""En nämnd eller ett bolag har inte fler mål än kommunen bestämt.

## Vad den kontrollerar
Antalet verksamhetsmål per organ (nämnd, styrelse, utskott, bolag; inte fullmäktige, och inte
finansiella mål) jämfört med `max`. Med `räkna_kf_mål: true` räknas också de av fullmäktiges
mål som organets egna mål tjänar, så att regeln uttrycker seed 001:s "nämndens mål
tillsammans med fullmäktigemålen högst 7". Med `räkna_kf_mål: false` och `max: 3` uttrycker
den Åstorps "som mest tre mål per nämnd eller bolag".

## Varför
"Allt är viktigt men allt är inte viktigast" (seed 000 §2.1). För många mål ger ingen styrning.

## Exempel
Fel, med `max: 3` och fyra mål som ägs av `bun`.

Rätt: prioritera bort eller slå ihop ett av målen.

## Inställningar
- `max` (7): högsta antal mål per organ.
- `räkna_kf_mål` (true): räkna också de KF-mål som organets mål tjänar.
- `nivåer` ([]): räkna bara mål på dessa nivåer (tomt: alla nivåer).

## Referens
Seed 001 §3 (högst 7), seed 004 §2.1 (högst 3).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from pydantic import Field

from styrmodell.findings import Location, Severity
from styrmodell.model.goals import Goal, GoalKind
from styrmodell.model.repository import Repository
from styrmodell.rules.base import RuleOptions

CODE = "SM401"
NAME = "mål-per-nämnd"
SEVERITY = Severity.ERROR


class Options(RuleOptions):
    max: int = Field(default=7, ge=1)
    räkna_kf_mål: bool = True
    nivåer: list[str] = []


def check(repo: Repository, options: Options) -> Iterator[tuple[str, Location]]:
    kf_organs = {o.id for o in repo.organs if o.typ.value == "kf"}
    by_organ: dict[str, list[Goal]] = defaultdict(list)
    for goal in repo.goals:
        if goal.organ in kf_organs or goal.organ is None or goal.typ == GoalKind.FINANSIELLT:
            continue
        if options.nivåer and goal.nivå not in options.nivåer:
            continue
        by_organ[goal.organ].append(goal)
    for organ_id, goals in sorted(by_organ.items()):
        kf_goals: set[str] = set()
        if options.räkna_kf_mål:
            for goal in goals:
                kf_goals.update(p for p in goal.tjänar
                                if (parent := repo.goal_by_id.get(p)) is not None and parent.organ in kf_organs)
        total = len(goals) + len(kf_goals)
        if total <= options.max:
            continue
        detail = f"{len(goals)} egna mål"
        if options.räkna_kf_mål:
            detail += f" och {len(kf_goals)} av fullmäktiges mål"
        first_over = goals[max(0, min(len(goals) - 1, options.max - len(kf_goals)))]
        yield (f"'{organ_id}' har {total} mål ({detail}); högst {options.max} är tillåtet", first_over.where("id"))
