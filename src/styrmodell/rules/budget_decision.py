"""Fullmäktiges budgetbeslut före november månads utgång – och valår av det nyvalda fullmäktige.

## Vad den kontrollerar
Att händelsen med `avser: budgetbeslut` infaller senast den 30 november det år som kontrolleras,
och att den ett valår (2026, 2030, ...) infaller tidigast den 15 oktober, när det nyvalda
fullmäktige har tillträtt.

## Varför
Budgeten ska fastställas av fullmäktige före november månads utgång. Ett valår ska budgeten
fastställas av de nyvalda fullmäktige, vars mandattid börjar den 15 oktober.

## Exempel
Fel (2026, ett valår):

    - id: budget-kf
      avser: budgetbeslut
      när: {möte: kf, före: "06-30"}     # fattas av det avgående fullmäktige

Rätt:

    - id: budget-kf
      avser: budgetbeslut
      när: {möte: kf, efter: "10-15", före: "11-30"}

## Inställningar
Inga.

## Referens
KL 11 kap. 10–11 §§ (budgeten fastställs före november, valår av nyvalda fullmäktige),
KL 5 kap. 9 § (mandattiden börjar den 15 oktober valåret).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules._wheel import computed, iso, moment
from styrmodell.rules.mandate_period import is_election_year

CODE = "SM922"
NAME = "budgetbeslut-senast-november"
SEVERITY = Severity.ERROR


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    decision = moment(repo, "budgetbeslut")
    if decision is None:
        return
    year = computed(repo).year
    where = decision.event.where("när")
    if decision.due > dt.date(year, 11, 30):
        yield (
            f"budgetbeslutet ('{decision.event.id}') infaller {iso(decision.due)}; fullmäktige ska fastställa "
            f"budgeten före november månads utgång, senast {year}-11-30 (KL 11 kap. 10 §)",
            where,
        )
    if is_election_year(year) and decision.start < dt.date(year, 10, 15):
        yield (
            f"{year} är ett valår: budgetbeslutet ('{decision.event.id}') infaller {iso(decision.start)}, före "
            f"den 15 oktober, och fattas då inte av det nyvalda fullmäktige (KL 11 kap. 11 §, KL 5 kap. 9 §)",
            where,
        )
