"""Budgeten redogör för ekonomin i varje kommunalt koncernföretag.

## Vad den kontrollerar
Att en budget har en redogörelse för ekonomin under budgetåret (`koncernföretag:`) för varje
bolag i organisationen (organ med `typ: bolag`), och att varje nyckel i `koncernföretag:` är ett
bolag. Kravet gäller budgetar beslutade från och med den 1 januari 2024 (utan `beslut:`: budgetar
för 2025 och senare), när lagrummet trädde i kraft.

Ett bolag som inte är ett kommunalt koncernföretag – ett företag där kommunen inte har ett
bestämmande eller betydande inflytande – anges i inställningen `undantag`.

Regeln säger vad budgetfilen inte visar, inte att budgetbeslutet saknade det; därför är den en
varning.

## Varför
KL 11 kap. 6 a § (SFS 2023:642): "Budgeten ska innehålla en redogörelse för ekonomin under
budgetåret i de kommunala koncernföretagen. Med kommunala koncernföretag avses detsamma som i
2 kap. 5 § lagen (2018:597) om kommunal bokföring och redovisning."

## Exempel
Varning: organisationen har bolaget `bostader`, och budgeten har ingen `koncernföretag:`.

Rätt:

    budget:
      år: 2026
      koncernföretag:
        bostader: Bolaget budgeterar ett resultat på 6 mnkr och investerar 40 mnkr i nya hyresrätter.
        fastigheter: {redogörelse: Underhållet ökar enligt planen., resultat: 2.0, investeringar: 25.0}

## Inställningar
- `undantag` ([]): bolag (id) som inte är kommunala koncernföretag.

## Referens
KL 11 kap. 6 a §; LKBR 2 kap. 5 § (vad ett koncernföretag är, känt från sekundärkälla). Läst mot
lagtexten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.governance import Budget
from styrmodell.model.organisation import OrganKind
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis, RuleOptions

CODE = "SM918"
NAME = "koncernföretag-i-budgeten"
SEVERITY = Severity.WARNING
REFERENCE = "KL 11 kap. 6 a §"
BASIS = Basis.TEXT

IN_FORCE = dt.date(2024, 1, 1)  # SFS 2023:642


class Options(RuleOptions):
    undantag: list[str] = []


def _applies(budget: Budget) -> bool:
    if budget.beslut is not None:
        return budget.beslut.datum >= IN_FORCE
    return budget.år >= IN_FORCE.year + 1


def check(repo: Repository, options: Options) -> Iterator[tuple[str, Location]]:
    companies = [o for o in repo.organs if o.typ == OrganKind.BOLAG and o.id not in options.undantag]
    for budget in repo.budgets:
        for organ_id in budget.koncernföretag:
            kind = repo.organ_kind(organ_id)
            if kind is not None and kind != OrganKind.BOLAG.value:
                yield (
                    f"'{organ_id}' i budgetens `koncernföretag` är {kind}, inte ett bolag (KL 11 kap. 6 a §)",
                    budget.where("koncernföretag", organ_id),
                )
        if not _applies(budget):
            continue
        for company in companies:
            if company.id not in budget.koncernföretag:
                yield (
                    f"budgeten för {budget.år} har ingen redogörelse för ekonomin i koncernföretaget '{company.id}' "
                    f"({company.namn}); ange `koncernföretag: {{{company.id}: ...}}`, eller `undantag` om bolaget "
                    "inte är ett kommunalt koncernföretag (KL 11 kap. 6 a §)",
                    budget.where("koncernföretag") if budget.koncernföretag else budget.where("år"),
                )
