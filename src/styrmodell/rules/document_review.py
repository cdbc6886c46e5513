"""Styrdokument ses över minst en gång per mandatperiod och används inte efter sista giltighetsdag.

## Vad den kontrollerar
- Att varje styrdokument har beslutats eller setts över (`beslutsdatum`, `reviderad`) inom varje
  mandatperiod efter den då det senast beslutades eller sågs över: en mandatperiod som har gått
  till ända utan översyn är ett fynd. Mandatperioderna är fullmäktiges, från den 15 oktober
  valåret (2018, 2022, 2026 ...) fyra år framåt;
- att `gäller_till` inte har passerats.

Ett dokument som ett annat dokument ersätter (`ersätter:`), eller som är upphävt (`upphävd:`),
ska inte förnyas och kontrolleras inte.

## Varför
Ett inaktuellt styrdokument styr fel eller inte alls. "Minst en gång per mandatperiod" betyder en
gång inom varje mandatperiod, inte vart fjärde år räknat från beslutet: ett program som beslutades
2019 och sågs över i november 2022 har setts över i den mandatperiod som började i oktober 2022.

## Exempel
Fel (med dagens datum i december 2026): `beslutsdatum: 2021-03-29` utan senare `reviderad:`;
mandatperioden 2022–2026 har gått utan översyn.

Rätt: `reviderad: 2024-02-12` efter en aktualitetsgranskning, eller ett nytt dokument med
`ersätter: [det-gamla]`.

## Inställningar
- `max_år` (ingen): högsta antal år mellan översyner, räknat från den senaste; om det anges
  kontrolleras det också.

## Referens
KL 5 kap. 9 § (fullmäktiges mandatperiod: fyra år från den 15 oktober valåret). Kommunens egen
styrmodell: programmen aktualitetsgranskas minst en gång per mandatperiod.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import Field

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules.base import RuleOptions

CODE = "SM704"
NAME = "styrdokument-aktualitet"
SEVERITY = Severity.WARNING


class Options(RuleOptions):
    max_år: int | None = Field(default=None, ge=1, le=20)


def mandate_period(day: dt.date) -> tuple[dt.date, dt.date]:
    """The mandate period `day` falls in: from 15 October of an election year to 14 October four years on."""
    year = day.year - (day.year - 2022) % 4
    start = dt.date(year, 10, 15)
    if day < start:
        start = dt.date(year - 4, 10, 15)
    return start, dt.date(start.year + 4, 10, 14)


def check(repo: Repository, options: Options) -> Iterator[tuple[str, Location]]:
    today = repo.config.today()
    for doc in repo.documents:
        if doc.upphävd is not None or doc.id in repo.replaced_by:
            continue  # replaced or repealed: not to be renewed
        if doc.gäller_till and doc.gäller_till < today:
            yield (
                f"styrdokumentet '{doc.id}' gällde till {doc.gäller_till.isoformat()}; förnya eller avveckla det",
                doc.where("gäller_till"),
            )
            continue
        dates = [d for d in (doc.beslutsdatum, doc.reviderad) if d]
        if not dates:
            continue
        last = max(dates)
        field = "reviderad" if doc.reviderad and doc.reviderad == last else "beslutsdatum"
        _, end = mandate_period(last)
        next_start, next_end = end + dt.timedelta(days=1), dt.date(end.year + 4, 10, 14)
        if next_end < today:
            yield (
                f"styrdokumentet '{doc.id}' har inte setts över sedan {last.isoformat()}; det skulle ha "
                f"aktualitetsgranskats under mandatperioden {next_start.isoformat()}–{next_end.isoformat()} "
                "(minst en gång per mandatperiod, KL 5 kap. 9 §)",
                doc.where(field),
            )
            continue
        if options.max_år is not None:
            try:
                due = last.replace(year=last.year + options.max_år)
            except ValueError:  # 29 February
                due = last.replace(year=last.year + options.max_år, day=28)
            if due < today:
                yield (
                    f"styrdokumentet '{doc.id}' har inte setts över sedan {last.isoformat()}; det skulle ha "
                    f"setts över senast {due.isoformat()} (högst {options.max_år} år mellan översyner)",
                    doc.where(field),
                )
