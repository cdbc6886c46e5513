"""Styrdokument ses över minst en gång per mandatperiod och används inte efter sista giltighetsdag.

## Vad den kontrollerar
Att varje styrdokument har setts över (det senaste av `beslutsdatum` och `reviderad`) minst en gång
under varje mandatperiod, och att `gäller_till` inte har passerats. Mandatperioderna är hela
perioder från den 15 oktober ett valår (2018, 2022, 2026 ...), inte rullande fyra år: ett dokument
som senast sågs över under förra mandatperioden är i tid så länge den nuvarande pågår, och blir
försenat först när en hel mandatperiod har gått utan översyn. Dagens datum är `referensdatum` i
styrmodell.yaml, annars dagens.

Med `max_år` satt räknas i stället rullande år: översynen ska ha skett inom så många år.

Ett dokument som ett annat dokument ersätter (`ersätter:`), eller som är upphävt (`upphävd:`),
ska inte förnyas och kontrolleras inte.

## Varför
Kommunens riktlinjer för styrdokument kräver att program och policyer aktualitetsgranskas minst
en gång per mandatperiod (så Askersunds). Mandatperioden är fullmäktiges: fyra år från den 15
oktober valåret (KL 5 kap. 9 §). Ett inaktuellt styrdokument styr fel eller inte alls.

## Exempel
Fel (med dagens datum 2026-09-15): `beslutsdatum: 2015-04-20` utan senare `reviderad:` – hela
mandatperioden 2018–2022 gick utan översyn.

Rätt: `reviderad: 2021-03-29` (under förra mandatperioden; den nuvarande pågår till 2026-10-14).

## Inställningar
- `max_år` (inte satt): räkna rullande år mellan översynerna i stället för hela mandatperioder.

## Referens
Kommunens riktlinjer för styrdokument (översyn minst en gång per mandatperiod); KL 5 kap. 9 §
(mandatperioden börjar den 15 oktober valåret och är fyra år).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import Field

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis, RuleOptions
from styrmodell.rules.mandate_period import is_election_year

CODE = "SM704"
NAME = "styrdokument-aktualitet"
SEVERITY = Severity.WARNING
REFERENCE = "kommunens krav på översyn per mandatperiod; KL 5 kap. 9 § (mandatperioden)"
BASIS = Basis.MUNICIPALITY


class Options(RuleOptions):
    max_år: int | None = Field(default=None, ge=1, le=20)  # set: rolling years instead of mandate periods


def _period_start(day: dt.date) -> dt.date:
    """The first day of the mandate period that `day` falls in (15 October of an election year)."""
    year = day.year if day >= dt.date(day.year, 10, 15) else day.year - 1
    while not is_election_year(year):
        year -= 1
    return dt.date(year, 10, 15)


def _due(last: dt.date, options: Options) -> tuple[dt.date, str]:
    """The last day of the review in time after `last`, and how to say when it was due."""
    if options.max_år is not None:
        try:
            due = last.replace(year=last.year + options.max_år)
        except ValueError:  # 29 February
            due = last.replace(year=last.year + options.max_år, day=28)
        return due, f"senast {due.isoformat()}"
    start = _period_start(last)
    following = dt.date(start.year + 4, 10, 15)
    end = dt.date(following.year + 4, 10, 14)
    return end, f"under mandatperioden {following.year}–{end.year}, senast {end.isoformat()}"


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
        due, when = _due(last, options)
        if due < today:
            field = "reviderad" if doc.reviderad and doc.reviderad == last else "beslutsdatum"
            yield (
                f"styrdokumentet '{doc.id}' har inte setts över sedan {last.isoformat()}; det skulle ha "
                f"aktualitetsgranskats {when} (minst en gång per mandatperiod, KL 5 kap. 9 §)",
                doc.where(field),
            )
