"""Budgeten upprättas så att intäkterna överstiger kostnaderna (balanskravet).

## Vad den kontrollerar
Att budgetårets resultat i `budget: plan:` (intäkter − kostnader + finansnetto) är större än noll.
Medel ur resultatreserven som budgeten tar i anspråk (`resultatreserv:`, mnkr) räknas med: ett
underskott godtas i den utsträckning de täcker det. Ett budgetår utan överskott godtas också när
budgeten anger varför i `undantag_balanskrav:` – medel ur resultatreserven eller synnerliga skäl.
Planåren kontrolleras inte: lagen gäller budgetåret.

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

      resultatreserv: 7.0        # mnkr ur resultatreserven, mer än underskottet på 6,5

eller

      undantag_balanskrav: Synnerliga skäl: kommunens andel av räddningstjänstens omstrukturering (KF 2025-11-24 § 97)

## Inställningar
Inga.

## Referens
KL 11 kap. 5 § (balanskravet i budgeten och dess undantag), 14 § (resultatreserven). Läst mot
lagtexten.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis

CODE = "SM911"
NAME = "balanskrav-i-budgeten"
SEVERITY = Severity.ERROR
REFERENCE = "KL 11 kap. 5 §"
BASIS = Basis.TEXT


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    for budget in repo.budgets:
        year = budget.plan.get(budget.år)
        reserve = budget.resultatreserv or 0.0
        if year is None or year.resultat + reserve > 0 or budget.undantag_balanskrav:
            continue
        from styrmodell.svenska.numbers import number

        used = f", också med {number(reserve, 1)} mnkr ur resultatreserven," if reserve else ""
        yield (
            f"budgeten för {budget.år} har resultatet {number(year.resultat, 1)} mnkr{used} men intäkterna ska "
            "överstiga kostnaderna; ett underskott får täckas med medel ur resultatreserven (`resultatreserv:`) "
            "eller motiveras med synnerliga skäl (`undantag_balanskrav:`) (KL 11 kap. 5 §)",
            budget.where("plan", budget.år),
        )
