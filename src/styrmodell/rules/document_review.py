"""Styrdokument ses över minst en gång per mandatperiod och används inte efter sista giltighetsdag.

## Vad den kontrollerar
Att det senaste av `beslutsdatum` och `reviderad` inte ligger mer än `max_år` år (4, en
mandatperiod) före dagens datum (eller `referensdatum` i styrmodell.yaml), och att
`gäller_till` inte har passerats.

## Varför
Askersund kräver att program aktualitetsgranskas minst en gång per mandatperiod (seed 003); ett
inaktuellt styrdokument styr fel eller inte alls.

## Exempel
Fel: `beslutsdatum: 2015-04-20` utan senare `reviderad:` (med dagens datum 2026).

Rätt: `reviderad: 2024-02-12` efter en aktualitetsgranskning.

## Inställningar
- `max_år` (4): högsta antal år mellan översyner.

## Referens
Seed 003 (program aktualitetsgranskas minst en gång per mandatperiod), KL 5 kap. 9 § (mandatperioden är fyra år).
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules.base import RuleOptions

CODE = "SM704"
NAME = "styrdokument-aktualitet"
SEVERITY = Severity.WARNING


class Options(RuleOptions):
    max_år: int = Field(default=4, ge=1, le=20)


def check(repo: Repository, options: Options) -> Iterator[tuple[str, Location]]:
    today = repo.config.today()
    for doc in repo.documents:
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
        try:
            due = last.replace(year=last.year + options.max_år)
        except ValueError:  # 29 February
            due = last.replace(year=last.year + options.max_år, day=28)
        if due < today:
            field = "reviderad" if doc.reviderad and doc.reviderad == last else "beslutsdatum"
            yield (
                f"styrdokumentet '{doc.id}' har inte setts över sedan {last.isoformat()}; det skulle ha "
                f"aktualitetsgranskats senast {due.isoformat()} (minst en gång per mandatperiod)",
                doc.where(field),
            )
