"""Fullmäktige fastställer budgeten före novembers utgång, med särskilda skäl i december, och ett valår det nyvalda fullmäktige.

## Vad den kontrollerar
För varje år som årshjulet beskriver (samma år som SM921: `årshjul.år`, annars
sammanträdeskalenderns och de fasta datumens år, annars mandatperiodens valår och året före –
aldrig dagens datum), om händelsen med `avser: budgetbeslut`:
- att den infaller senast den 30 november;
- att ett budgetbeslut i december bara förekommer med särskilda skäl och ett tidigare beslut om
  skattesatsen: skälen anges i `särskilda_skäl:` på händelsen (eller i budgeten för året efter),
  och fullmäktiges beslut om skattesatsen – en händelse med `avser: skattesatsbeslut`, eller
  `skattesats_beslut:` i budgeten för året efter – infaller senast den 30 november;
- att den ett valår (2022, 2026, 2030 ...) infaller tidigast den 15 oktober, när det nyvalda
  fullmäktige har tillträtt.

## Varför
KL 11 kap. 10 §: "Budgeten fastställs av fullmäktige före november månads utgång. De år då val av
fullmäktige har hållits i hela landet ska budgeten fastställas av nyvalda fullmäktige." De nyvalda
tillträder den 15 oktober (KL 5 kap. 9 §). KL 11 kap. 11 §: "Om budgeten på grund av särskilda skäl
inte kan fastställas före november månads utgång, ska fullmäktige ändå fastställa skattesatsen
[...] inom denna tid. Budgeten ska därefter fastställas före december månads utgång."
Åstorps "vid valår kan budget med flerårsplan komma att beslutas i december" är den vägen.

## Exempel
Fel (2026, ett valår):

    - id: budget-kf
      avser: budgetbeslut
      när: {möte: kf, före: "06-30"}     # fattas av det avgående fullmäktige

Rätt:

    - id: budget-kf
      avser: budgetbeslut
      när: {möte: kf, efter: "10-15", före: "11-30"}

Rätt (decembervägen):

    - id: skatt-kf
      namn: Fullmäktige fastställer skattesatsen
      avser: skattesatsbeslut
      när: {möte: kf, före: "11-30"}
    - id: budget-kf
      avser: budgetbeslut
      när: {möte: kf, efter: "11-30"}
      särskilda_skäl: Valår; det nyvalda fullmäktige behöver tid att bereda budgeten.

## Inställningar
Inga.

## Referens
KL 11 kap. 10 § första och andra stycket, KL 11 kap. 11 §, KL 5 kap. 9 § (mandattiden börjar den
15 oktober valåret). Läst mot lagtexten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules._wheel import described_years, iso, moment
from styrmodell.rules.base import Basis
from styrmodell.svenska.elections import is_election_year

CODE = "SM922"
NAME = "budgetbeslut-senast-november"
SEVERITY = Severity.ERROR
REFERENCE = "KL 11 kap. 10–11 §§, 5 kap. 9 §"
BASIS = Basis.TEXT


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    for year in described_years(repo):
        yield from _year(repo, year)


def _year(repo: Repository, year: int) -> Iterator[tuple[str, Location]]:
    decision = moment(repo, "budgetbeslut", year)
    if decision is None:
        return
    event, where = decision.event, decision.event.where("när")
    november, december = dt.date(year, 11, 30), dt.date(year, 12, 31)
    if decision.due > december:
        yield (
            f"budgetbeslutet ('{event.id}') infaller {iso(decision.due)}; budgeten ska fastställas före november "
            f"månads utgång, eller med särskilda skäl före december månads utgång, senast {iso(december)} "
            "(KL 11 kap. 10–11 §§)",
            where,
        )
    elif decision.due > november:
        yield from _december(repo, year, decision.event, decision.due)
    if is_election_year(year) and decision.start < dt.date(year, 10, 15):
        yield (
            f"{year} är ett valår: budgetbeslutet ('{event.id}') infaller {iso(decision.start)}, före den "
            "15 oktober, och fattas då inte av det nyvalda fullmäktige (KL 11 kap. 10 § andra stycket, "
            "KL 5 kap. 9 §)",
            where,
        )


def _december(repo: Repository, year: int, event, due: dt.date) -> Iterator[tuple[str, Location]]:
    """KL 11:11: a December budget needs special reasons and a tax rate set by the end of November."""
    november = dt.date(year, 11, 30)
    where = event.where("när")
    budget = next((b for b in repo.budgets if b.år == year + 1), None)
    reasons = event.särskilda_skäl or (budget.särskilda_skäl if budget is not None else None)
    if not reasons:
        yield (
            f"budgetbeslutet ('{event.id}') infaller {iso(due)}, efter november; budgeten får fastställas i "
            "december bara när särskilda skäl hindrar ett beslut före november månads utgång, och de anges "
            f"inte (`särskilda_skäl:` på händelsen eller i budgeten för {year + 1}); annars senast "
            f"{iso(november)} (KL 11 kap. 10–11 §§)",
            where,
        )
    tax = moment(repo, "skattesatsbeslut", year)
    if tax is not None:
        tax_day, tax_where = tax.due, tax.event.where("när")
    elif budget is not None and budget.skattesats_beslut is not None:
        tax_day, tax_where = budget.skattesats_beslut.datum, budget.skattesats_beslut.where("datum")
    else:
        yield (
            f"budgetbeslutet ('{event.id}') infaller {iso(due)}, i december; fullmäktige ska då ändå fastställa "
            "skattesatsen före november månads utgång, och varken årshjulet (`avser: skattesatsbeslut`) eller "
            f"budgeten för {year + 1} (`skattesats_beslut:`) har det beslutet (KL 11 kap. 11 §)",
            where,
        )
        return
    if tax_day > november:
        yield (
            f"fullmäktige fastställer skattesatsen {iso(tax_day)}; när budgeten fastställs i december ska "
            f"skattesatsen fastställas före november månads utgång, senast {iso(november)} (KL 11 kap. 11 §)",
            tax_where,
        )
