"""Budgeten upprättas så att intäkterna överstiger kostnaderna (balanskravet).

## Vad den kontrollerar
Att budgetårets resultat i `budget: plan:` (intäkter − kostnader + finansnetto) är större än noll.
Ett budgetår utan överskott godtas när budgeten anger varför i `undantag_balanskrav:` – medel ur
resultatreserven eller synnerliga skäl. Planåren kontrolleras inte: lagen gäller budgetåret.

## Varför
Kommunen ska varje år upprätta en budget där intäkterna överstiger kostnaderna. Undantag får
göras bara i den utsträckning medel ur en resultatreserv tas i anspråk, eller om det finns
synnerliga skäl – och då ska det framgå av beslutet.

## Exempel
Fel:

    budget:
      år: 2026
      plan:
        2026: {intäkter: 640.0, kostnader: 645.0, finansnetto: -1.5}

Rätt: ett resultat över noll, eller

      undantag_balanskrav: 4,0 mnkr ur resultatreserven för omställningen av äldreomsorgen (KL 11 kap. 14 §)

## Inställningar
Inga.

## Referens
KL 11 kap. 5 § (balanskravet i budgeten och dess undantag).
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository

CODE = "SM911"
NAME = "balanskrav-i-budgeten"
SEVERITY = Severity.ERROR


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    for budget in repo.budgets:
        year = budget.plan.get(budget.år)
        if year is None or year.resultat > 0 or budget.undantag_balanskrav:
            continue
        from styrmodell.svenska.numbers import number

        yield (
            f"budgeten för {budget.år} har resultatet {number(year.resultat, 1)} mnkr; intäkterna ska överstiga "
            "kostnaderna, och ett undantag (resultatreserv eller synnerliga skäl) anges i `undantag_balanskrav:` "
            "(KL 11 kap. 5 §)",
            budget.where("plan", budget.år),
        )
