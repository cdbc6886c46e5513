"""En ändring av budgeten under året anvisar hur utgiften finansieras, och beslutas av fullmäktige.

## Vad den kontrollerar
Varje beslut i budgetens `ändringar:` (kompletteringsbudget, omprövning, tilläggsbudget):
- som höjer en ram eller en investeringsram (ett positivt belopp i `ramändringar` eller
  `investeringsändringar`) har `finansiering:`, hur utgiften ska finansieras;
- är fattat av fullmäktige (`beslut: organ:` är ett organ av typen kf);
- gäller budgetåret: beslutet är fattat under året, eller senast året före.

## Varför
Fullmäktige beslutar om budgeten, och om fullmäktige beslutar om en utgift under löpande budgetår
ska beslutet också innefatta en anvisning om hur utgiften ska finansieras. En kompletteringsbudget
som höjer ramar utan att säga varifrån pengarna kommer är inte ett fullständigt beslut.

## Exempel
Fel:

    ändringar:
      - typ: kompletteringsbudget
        beslut: {organ: kf, datum: 2026-04-27}
        ramändringar: {son: 4.0}

Rätt:

    ändringar:
      - typ: kompletteringsbudget
        beslut: {organ: kf, datum: 2026-04-27, paragraf: "§ 34"}
        ramändringar: {son: 4.0}
        finansiering: Ur årets budgeterade resultat, som minskar från 18,0 till 14,0 mnkr.

## Inställningar
Inga.

## Referens
KL 11 kap. 15 § (finansieringen av en utgift under löpande budgetår), 5 kap. 1 § 2 p. (fullmäktige
beslutar om budget).
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.organisation import OrganKind
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis

CODE = "SM933"
NAME = "budgetändringens-finansiering"
SEVERITY = Severity.ERROR
REFERENCE = "KL 11 kap. 15 §, 5 kap. 1 §"
BASIS = Basis.TEXT


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    councils = {o.id for o in repo.organs if o.typ == OrganKind.KF}
    for budget in repo.budgets:
        for index, change in enumerate(budget.ändringar):
            kind = change.typ.value
            if change.increases > 0 and not change.finansiering:
                yield (
                    f"{kind} {change.beslut.datum.isoformat()} höjer anslagen med "
                    f"{_amount(change.increases)} mnkr men anvisar inte hur utgiften ska finansieras; skriv det i "
                    "`finansiering:` (KL 11 kap. 15 §)",
                    budget.where("ändringar", index),
                )
            if councils and change.beslut.organ not in councils:
                yield (
                    f"{kind} {change.beslut.datum.isoformat()} är beslutad av '{change.beslut.organ}'; en ändring av "
                    "budgeten beslutas av fullmäktige (KL 5 kap. 1 §)",
                    budget.where("ändringar", index, "beslut", "organ"),
                )
            if not budget.år - 1 <= change.beslut.datum.year <= budget.år:
                yield (
                    f"{kind} är beslutad {change.beslut.datum.isoformat()}, men ändrar budgeten för {budget.år}; "
                    f"en ändring beslutas under löpande budgetår, eller året före (KL 11 kap. 15 §)",
                    budget.where("ändringar", index, "beslut", "datum"),
                )


def _amount(value: float) -> str:
    from styrmodell.svenska.numbers import number

    return number(value, 1)
