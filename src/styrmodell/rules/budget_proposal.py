"""Styrelsens budgetförslag före oktobers utgång, eller med särskilda skäl i november.

## Vad den kontrollerar
För varje år som årshjulet beskriver (se nedan):
- att händelsen med `avser: budgetförslag` infaller senast den 31 oktober;
- att ett förslag i november (1–30 november) anger sina särskilda skäl (`särskilda_skäl:` på
  händelsen), och att årshjulet då har en händelse med `avser: skattesatsförslag` – styrelsens
  förslag till skattesats – som infaller senast den 31 oktober;
- att förslaget aldrig infaller efter november;
- att händelsen, när den anger ett organ, är styrelsens (ett organ med `typ: ks`);
- att fullmäktiges presidiums förslag till budget för revisorernas verksamhet (`avser:
  revisionsbudgetförslag`), när det finns i årshjulet, infaller senast den 31 oktober ("senast vid
  samma tidpunkt"; när styrelsens förslag lagligt upprättas i november läses tidpunkten som
  styrelsens, och presidiets förslag godtas till och med den dagen).

Året är `årshjul.år` i styrmodell.yaml om det är satt, annars varje år som sammanträdeskalendern
eller en händelse med fast datum (ÅÅÅÅ-MM-DD) gäller; ett årshjul av bara MM-DD-regler, som ser
likadant ut varje år, kontrolleras för mandatperiodens valår och året före. Dagens datum avgör
aldrig om hjulet är rätt.

## Varför
KL 11 kap. 8 §: "Förslag till budget ska upprättas av styrelsen före oktober månads utgång.
Förslag till budget för revisorernas verksamhet ska upprättas av fullmäktiges presidium senast vid
samma tidpunkt. Om det finns särskilda skäl för det, får budgetförslaget upprättas i november
månad. I så fall ska styrelsen före oktober månads utgång föreslå skattesatsen [...]."

## Exempel
Fel:

    - id: budget-ks
      avser: budgetförslag
      när: {möte: ks, före: "11-15"}

Rätt (novembervägen, t.ex. ett valår):

    - id: skatt-ks
      namn: Styrelsen föreslår skattesatsen
      avser: skattesatsförslag
      när: {möte: ks, före: "10-31"}
    - id: budget-ks
      avser: budgetförslag
      när: {möte: ks, före: "11-15"}
      särskilda_skäl: Valår; det nyvalda fullmäktige tillträder den 15 oktober.

## Inställningar
Inga (året styrs av `årshjul.år`).

## Referens
KL 11 kap. 8 § första och andra stycket. Läst mot lagtexten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.organisation import OrganKind
from styrmodell.model.repository import Repository
from styrmodell.rules._wheel import described_years, iso, moment
from styrmodell.rules.base import Basis

CODE = "SM921"
NAME = "budgetförslag-senast-oktober"
SEVERITY = Severity.ERROR
REFERENCE = "KL 11 kap. 8 §"
BASIS = Basis.TEXT

SECOND = "KL 11 kap. 8 § andra stycket"


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    for year in described_years(repo):
        yield from _year(repo, year)


def _year(repo: Repository, year: int) -> Iterator[tuple[str, Location]]:
    october, november = dt.date(year, 10, 31), dt.date(year, 11, 30)
    proposal = moment(repo, "budgetförslag", year)
    lawful_november = False
    if proposal is not None:
        event, where = proposal.event, proposal.event.where("när")
        named: list[tuple[str | None, Location]] = [
            (organ, event.where("organ", *([index] if isinstance(event.organ, list) else [])))
            for index, organ in enumerate(event.organ_ids)
        ]
        for organ, place in named or [(event.när.möte, where)]:
            if organ and repo.organ_kind(organ) not in (None, OrganKind.KS.value):
                yield (
                    f"budgetförslaget ('{event.id}') upprättas av '{organ}'; förslaget till budget upprättas av "
                    "styrelsen (KL 11 kap. 8 §)",
                    place,
                )
        if proposal.due > november:
            yield (
                f"budgetförslaget ('{event.id}') infaller {iso(proposal.due)}; styrelsen ska upprätta förslaget "
                f"före oktober månads utgång, eller med särskilda skäl i november, senast {iso(november)} "
                f"({SECOND})",
                where,
            )
        elif proposal.due > october:
            tax = moment(repo, "skattesatsförslag", year)
            if not event.särskilda_skäl:
                yield (
                    f"budgetförslaget ('{event.id}') infaller {iso(proposal.due)}, i november; det får det bara "
                    f"om det finns särskilda skäl, och händelsen anger inga (`särskilda_skäl:`); annars senast "
                    f"{iso(october)} ({SECOND})",
                    where,
                )
            if tax is None:
                yield (
                    f"budgetförslaget ('{event.id}') upprättas i november; då ska styrelsen föreslå skattesatsen "
                    "före oktober månads utgång, och årshjulet har ingen händelse med `avser: skattesatsförslag` "
                    f"({SECOND})",
                    where,
                )
            elif tax.due > october:
                yield (
                    f"styrelsens förslag till skattesats ('{tax.event.id}') infaller {iso(tax.due)}; när "
                    "budgetförslaget upprättas i november ska skattesatsen föreslås före oktober månads utgång, "
                    f"senast {iso(october)} ({SECOND})",
                    tax.event.where("när"),
                )
            lawful_november = bool(event.särskilda_skäl) and tax is not None and tax.due <= october
    auditors = moment(repo, "revisionsbudgetförslag", year)
    if auditors is not None:
        limit = proposal.due if lawful_november and proposal is not None else october
        if auditors.due > limit:
            yield (
                f"presidiets förslag till budget för revisorernas verksamhet ('{auditors.event.id}') infaller "
                f"{iso(auditors.due)}; det ska upprättas senast vid samma tidpunkt som styrelsens förslag, "
                f"senast {iso(limit)} (KL 11 kap. 8 § första stycket)",
                auditors.event.where("när"),
            )
