"""Budgeten innehåller det lagen kräver: skattesats, anslag, finansiella mål och en treårsplan.

## Vad den kontrollerar
För varje `budget:`
- att `skattesats` och `ramar` (anslagen) är angivna;
- att `plan` har budgetåret och de två följande åren (en plan för ekonomin för tre år, med
  budgetåret först);
- att fullmäktige har minst ett finansiellt mål (`typ: finansiellt`) och minst ett verksamhetsmål
  som gäller budgetåret – målen för god ekonomisk hushållning.

## Varför
Budgeten ska ange skattesatsen och anslagen, de finansiella mål som är av betydelse för en god
ekonomisk hushållning, en plan för verksamheten med mål och riktlinjer, och en plan för ekonomin
för en period av tre år där budgetåret alltid är det första.

## Exempel
Fel: `budget: {år: 2026, plan: {2026: ..., 2027: ...}}` – planen slutar 2027.

Rätt: `plan` med 2026, 2027 och 2028, och ett mål med `typ: finansiellt` för 2026.

## Inställningar
Inga.

## Referens
KL 11 kap. 6 § (budgetens innehåll).
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.goals import GoalKind
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis

CODE = "SM912"
NAME = "budgetens-innehåll"
SEVERITY = Severity.ERROR
REFERENCE = "KL 11 kap. 6 §"
BASIS = Basis.TEXT


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    for budget in repo.budgets:
        where = budget.where("år")
        if budget.skattesats is None:
            yield f"budgeten för {budget.år} anger ingen skattesats (KL 11 kap. 6 §)", where
        if not budget.ramar:
            yield f"budgeten för {budget.år} anger inga anslag (`ramar:`) (KL 11 kap. 6 §)", where
        missing = [y for y in (budget.år, budget.år + 1, budget.år + 2) if y not in budget.plan]
        if missing:
            yield (
                f"budgetens plan för ekonomin ska omfatta tre år med budgetåret först, {budget.år}–"
                f"{budget.år + 2}; {', '.join(map(str, missing))} saknas (KL 11 kap. 6 §)",
                budget.where("plan") if budget.plan else where,
            )
        goals = [g for g in repo.goals if g.organ in repo.kf_ids and g.in_force(budget.år)]
        if not any(g.typ == GoalKind.FINANSIELLT for g in goals):
            yield (
                f"fullmäktige har inga finansiella mål för {budget.år}; budgeten ska ange de finansiella mål "
                "som är av betydelse för en god ekonomisk hushållning (KL 11 kap. 6 §)",
                where,
            )
        if not any(g.typ != GoalKind.FINANSIELLT for g in goals):
            yield (
                f"fullmäktige har inga mål för verksamheten {budget.år}; budgeten ska innehålla en plan för "
                "verksamheten med mål och riktlinjer för en god ekonomisk hushållning (KL 11 kap. 6 §)",
                where,
            )
