"""Årsredovisningen lämnas senast den 15 april, godkänns före ansvarsfriheten, båda före juli.

## Vad den kontrollerar
Att `årsredovisning-överlämnad` infaller senast den 15 april, att `årsredovisning-kf`
(fullmäktiges godkännande) inte infaller efter `ansvarsfrihet`, och att båda infaller senast
den 30 juni.

## Varför
Årsredovisningen ska lämnas till fullmäktige och revisorerna så snart som möjligt och senast den
15 april året efter räkenskapsåret. Fullmäktige ska godkänna den, och pröva frågan om
ansvarsfrihet före utgången av juni; godkännandet ska inte komma efter ansvarsfriheten.

## Exempel
Fel: `årsredovisning-kf` den 15 september.

Rätt: `när: {möte: kf, efter: "04-15", före: "06-30"}`.

## Inställningar
Inga.

## Referens
KL 11 kap. 20–21 §§ (årsredovisningen), KL 5 kap. 24 § (ansvarsfrihet före juni månads utgång).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules._wheel import every_described_year, iso, moment
from styrmodell.rules.base import Basis

CODE = "SM926"
NAME = "årsredovisningens-datum"
SEVERITY = Severity.ERROR
REFERENCE = "KL 11 kap. 20–21 §§, 5 kap. 24 §"
BASIS = Basis.TEXT


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    yield from every_described_year(repo, _year)


def _year(repo: Repository, year: int) -> Iterator[tuple[str, Location]]:
    handover = moment(repo, "årsredovisning-överlämnad", year)
    approval = moment(repo, "årsredovisning-kf", year)
    discharge = moment(repo, "ansvarsfrihet", year)
    if handover is not None and handover.due > dt.date(year, 4, 15):
        yield (
            f"årsredovisningen lämnas över {iso(handover.due)}; senast den 15 april (KL 11 kap. 20 §)",
            handover.event.where("när"),
        )
    june = dt.date(year, 6, 30)
    for item, what, ref in (
        (approval, "godkännandet av årsredovisningen", "KL 11 kap. 21 §"),
        (discharge, "beslutet om ansvarsfrihet", "KL 5 kap. 24 §"),
    ):
        if item is not None and item.due > june:
            yield f"{what} infaller {iso(item.due)}; senast den 30 juni ({ref})", item.event.where("när")
    if approval is not None and discharge is not None and approval.start > discharge.start:
        yield (
            f"årsredovisningen godkänns {iso(approval.start)}, efter beslutet om ansvarsfrihet "
            f"{iso(discharge.start)}; den ska godkännas först (KL 11 kap. 21 §, KL 5 kap. 24 §)",
            approval.event.where("när"),
        )
