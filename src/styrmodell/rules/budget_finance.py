"""Budgeten visar finansieringen, den ekonomiska ställningen vid årets slut och de finansiella målen för planens år.

## Vad den kontrollerar
För varje `budget:`
- att `finansiering:` säger hur verksamheten ska finansieras;
- att `balansbudget:` har budgetåret: hur den ekonomiska ställningen beräknas vara vid budgetårets
  slut (tillgångar, eget kapital, avsättningar, skulder);
- att planen för ekonomin innehåller finansiella mål för vart och ett av planens år efter
  budgetåret: fullmäktige har ett finansiellt mål (`typ: finansiellt`) som gäller det året, eller
  budgeten anger vilka finansiella mål planen innehåller (`finansiella_mål:`, som då gäller hela
  planen);
- att varje mål i `finansiella_mål:` är ett finansiellt mål som fullmäktige äger.

Att budgeten har skattesats, anslag, en treårsplan och mål för budgetåret kontrollerar SM912.
Regeln säger vad budgetfilen inte visar, inte att budgetbeslutet saknade det; därför är den en
varning.

## Varför
KL 11 kap. 6 §: "Av budgeten ska det vidare framgå hur verksamheten ska finansieras och hur den
ekonomiska ställningen beräknas vara vid budgetårets slut. [...] Budgeten ska också innehålla en
plan för ekonomin för en period av tre år. [...] Planen ska innehålla sådana finansiella mål som
anges i första stycket."

## Exempel
Varning:

    budget:
      år: 2026
      plan: {2026: ..., 2027: ..., 2028: ...}       # målen gäller bara till 2026

Rätt:

    budget:
      år: 2026
      finansiering: Skatteintäkter, generella statsbidrag och utjämning; investeringarna med egna medel.
      balansbudget:
        2026: {tillgångar: 812.0, eget_kapital: 301.0, avsättningar: 38.0, skulder: 473.0}
      finansiella_mål: [fin-resultat, fin-investeringar]

## Inställningar
Inga.

## Referens
KL 11 kap. 6 § första och tredje stycket. Läst mot lagtexten.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.goals import GoalKind
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis

CODE = "SM917"
NAME = "budgetens-finansiering-och-ställning"
SEVERITY = Severity.WARNING
REFERENCE = "KL 11 kap. 6 §"
BASIS = Basis.TEXT


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    financial = [g for g in repo.goals if g.organ in repo.kf_ids and g.typ == GoalKind.FINANSIELLT]
    for budget in repo.budgets:
        where = budget.where("år")
        if not budget.finansiering:
            yield (
                f"budgeten för {budget.år} säger inte hur verksamheten ska finansieras (`finansiering:`) "
                "(KL 11 kap. 6 § första stycket)",
                where,
            )
        if budget.år not in budget.balansbudget:
            yield (
                f"budgeten för {budget.år} säger inte hur den ekonomiska ställningen beräknas vara vid budgetårets "
                f"slut (`balansbudget: {{{budget.år}: {{tillgångar, eget_kapital, avsättningar, skulder}}}}`) "
                "(KL 11 kap. 6 § första stycket)",
                budget.where("balansbudget") if budget.balansbudget else where,
            )
        named = set(budget.finansiella_mål)
        for index, ident in enumerate(budget.finansiella_mål):
            goal = repo.goal_by_id.get(ident)
            if goal is not None and (goal.typ != GoalKind.FINANSIELLT or goal.organ not in repo.kf_ids):
                yield (
                    f"'{ident}' i budgetens `finansiella_mål` är inte ett av fullmäktiges finansiella mål "
                    "(KL 11 kap. 6 §)",
                    budget.where("finansiella_mål", index),
                )
        if named:
            continue
        plan_years = sorted(y for y in budget.plan if y > budget.år)
        missing = [y for y in plan_years if not any(g.in_force(y) for g in financial)]
        if missing:
            yield (
                f"budgetens plan för ekonomin ska innehålla de finansiella målen, men inget av fullmäktiges "
                f"finansiella mål gäller {', '.join(map(str, missing))}; ange målen för planen i "
                "`finansiella_mål:` eller målens period (KL 11 kap. 6 § tredje stycket)",
                budget.where("plan", missing[0]),
            )
