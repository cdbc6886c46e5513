"""Budgetens eget beslutsdatum: före novembers utgång året före, med särskilda skäl i december, valår tidigast 15 oktober.

## Vad den kontrollerar
För varje `budget:` med `beslut:` (budgetåret N, beslutet fattat året före, N−1):
- att `beslut.datum` ligger året före budgetåret, och senast den 30 november;
- att ett beslut i december bara förekommer när budgeten anger sina särskilda skäl
  (`särskilda_skäl:`) och fullmäktiges beslut om skattesatsen (`skattesats_beslut:`) med ett datum
  senast den 30 november;
- att beslutet, om N−1 är ett valår (2022, 2026, 2030 ...), är fattat tidigast den 15 oktober, av
  det nyvalda fullmäktige.

Att beslutet är fullmäktiges kontrollerar SM916. Budgetens datum kontrolleras här oberoende av
årshjulet (SM922 kontrollerar årshjulets planerade datum).

## Varför
KL 11 kap. 5 §: budgeten upprättas varje år för nästa kalenderår. KL 11 kap. 10 §: den fastställs
av fullmäktige före november månads utgång, och de år då val av fullmäktige har hållits i hela
landet av de nyvalda fullmäktige, vars mandattid börjar den 15 oktober (KL 5 kap. 9 §).
KL 11 kap. 11 §: hindrar särskilda skäl det, fastställer fullmäktige ändå skattesatsen före
november månads utgång, och budgeten före december månads utgång.

## Exempel
Fel (budgeten för 2027 fastställd av det avgående fullmäktige ett valår):

    budget:
      år: 2027
      beslut: {organ: kf, datum: 2026-06-15, paragraf: "§ 80"}

Rätt:

    budget:
      år: 2027
      beslut: {organ: kf, datum: 2026-11-30, paragraf: "§ 140"}

Rätt (december, KL 11 kap. 11 §):

    budget:
      år: 2027
      beslut: {organ: kf, datum: 2026-12-14, paragraf: "§ 160"}
      skattesats_beslut: {organ: kf, datum: 2026-11-30, paragraf: "§ 141"}
      särskilda_skäl: Valår; det nyvalda fullmäktige behövde tid att bereda budgeten.

## Inställningar
Inga.

## Referens
KL 11 kap. 5 § första stycket, 10 §, 11 §; KL 5 kap. 9 §. Läst mot lagtexten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.governance import Budget
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis
from styrmodell.svenska.elections import is_election_year

CODE = "SM915"
NAME = "budgetens-beslutsdatum"
SEVERITY = Severity.ERROR
REFERENCE = "KL 11 kap. 10–11 §§, 5 kap. 9 §"
BASIS = Basis.TEXT


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    for budget in repo.budgets:
        if budget.beslut is not None:
            yield from _budget(budget)


def _budget(budget: Budget) -> Iterator[tuple[str, Location]]:
    assert budget.beslut is not None
    day, year = budget.beslut.datum, budget.år - 1
    where = budget.beslut.where("datum")
    november = dt.date(year, 11, 30)
    if day.year != year:
        yield (
            f"budgeten för {budget.år} är fastställd {day.isoformat()}; budgeten för ett år fastställs året före, "
            f"före november månads utgång {year} (senast {november.isoformat()}), eller med särskilda skäl före "
            "december månads utgång (KL 11 kap. 5 och 10–11 §§)",
            where,
        )
        return
    if day > november:
        yield from _december(budget, day, november)
    if is_election_year(year) and day < dt.date(year, 10, 15):
        yield (
            f"{year} var ett valår: budgeten för {budget.år} är fastställd {day.isoformat()}, före den 15 oktober, "
            "och alltså inte av det nyvalda fullmäktige (KL 11 kap. 10 § andra stycket, KL 5 kap. 9 §)",
            where,
        )


def _december(budget: Budget, day: dt.date, november: dt.date) -> Iterator[tuple[str, Location]]:
    where = budget.beslut.where("datum") if budget.beslut is not None else budget.where("år")
    if not budget.särskilda_skäl:
        yield (
            f"budgeten för {budget.år} är fastställd {day.isoformat()}, i december; det får den bara om särskilda "
            "skäl hindrade ett beslut före november månads utgång, och budgeten anger inga (`särskilda_skäl:`); "
            f"annars senast {november.isoformat()} (KL 11 kap. 10–11 §§)",
            where,
        )
    tax = budget.skattesats_beslut
    if tax is None:
        yield (
            f"budgeten för {budget.år} är fastställd i december; fullmäktige ska då ändå ha fastställt skattesatsen "
            "före november månads utgång, och budgeten anger inte det beslutet (`skattesats_beslut: {organ, datum, "
            "paragraf}`) (KL 11 kap. 11 §)",
            where,
        )
    elif tax.datum > november:
        yield (
            f"skattesatsen för {budget.år} är fastställd {tax.datum.isoformat()}; när budgeten fastställs i "
            f"december ska skattesatsen fastställas före november månads utgång, senast {november.isoformat()} "
            "(KL 11 kap. 11 §)",
            tax.where("datum"),
        )
