"""Delårsrapporten lämnas till fullmäktige och revisorerna inom två månader, och behandlas därefter.

## Vad den kontrollerar
Att händelsen `avser: delårsrapport-överlämnad` infaller senast två månader efter
`delårsrapport-periodslut`, och att `delårsrapport-kf` (fullmäktiges behandling) infaller efter
överlämnandet (eller, om överlämnandet saknas i hjulet, efter periodens slut).

## Varför
Styrelsen ska lämna delårsrapporten till fullmäktige och revisorerna så snart som möjligt och
senast två månader efter rapportperiodens utgång. Fullmäktige ska behandla minst en delårsrapport.

## Exempel
Fel: periodslut 08-31, överlämnad `när: {datum: "11-15"}`.
Rätt: överlämnad `när: {möte: ks, efter: "08-31", före: "10-31"}`.

## Inställningar
Inga.

## Referens
KL 11 kap. 16 §.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules._wheel import every_described_year, iso, moment
from styrmodell.rules.base import Basis

CODE = "SM924"
NAME = "delårsrapport-inom-två-månader"
SEVERITY = Severity.ERROR
REFERENCE = "KL 11 kap. 16 §"
BASIS = Basis.TEXT


def _plus_two_months(day: dt.date) -> dt.date:
    """Two months later; the last day of a month maps to the last day of the month two later."""
    month = day.month + 2
    year, month = day.year + (month - 1) // 12, (month - 1) % 12 + 1
    last = calendar.monthrange(year, month)[1]
    at_month_end = day.day == calendar.monthrange(day.year, day.month)[1]
    return dt.date(year, month, last if at_month_end else min(day.day, last))


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    yield from every_described_year(repo, _year)


def _year(repo: Repository, year: int) -> Iterator[tuple[str, Location]]:
    end = moment(repo, "delårsrapport-periodslut", year)
    handover = moment(repo, "delårsrapport-överlämnad", year)
    council = moment(repo, "delårsrapport-kf", year)
    if end is not None and handover is not None:
        limit = _plus_two_months(end.due)
        if handover.due > limit:
            yield (
                f"delårsrapporten lämnas över {iso(handover.due)}, mer än två månader efter periodens slut "
                f"{iso(end.due)}; senast {iso(limit)} (KL 11 kap. 16 §)",
                handover.event.where("när"),
            )
    before = handover or end
    if council is not None and before is not None and council.start <= before.due:
        what = "överlämnandet" if handover else "periodens slut"
        yield (
            f"fullmäktige behandlar delårsrapporten {iso(council.start)}, inte efter {what} {iso(before.due)} "
            "(KL 11 kap. 16 §)",
            council.event.where("när"),
        )
