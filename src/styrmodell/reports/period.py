"""The period a report covers, from `--period`: a date, a year or a tertial.

A period has the key under which the repository records outcomes: `2026` for a whole year,
`2026-08` for January up to and including August.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from styrmodell.errors import FatalError
from styrmodell.model.base import MAX_DATE, MIN_DATE
from styrmodell.svenska.dates import MONTHS

_TERTIAL_END = {1: 4, 2: 8}


@dataclass(frozen=True)
class ReportPeriod:
    year: int
    month: int  # the last month: 12 for a whole year

    @property
    def key(self) -> str:
        return str(self.year) if self.month == 12 else f"{self.year}-{self.month:02d}"

    @property
    def whole_year(self) -> bool:
        return self.month == 12

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def label(self) -> str:
        """'januari–augusti 2026', or '2026' for a whole year."""
        if self.whole_year:
            return str(self.year)
        return f"januari–{MONTHS[self.month - 1]} {self.year}"

    @property
    def tertial(self) -> int | None:
        return next((t for t, m in _TERTIAL_END.items() if m == self.month), None)


FIRST_YEAR, LAST_YEAR = MIN_DATE.year, MAX_DATE.year  # the years a date in the model may have


def parse_period(text: str) -> ReportPeriod:
    """`2026-08-31` (the period ends that day, at a month's end), `2026-08`, `2026`, `2026-T1`, `2026-T2`
    (the third tertial is the whole year: refused, the year is written `2026`)."""
    period = _parse(text.strip())
    if not FIRST_YEAR <= period.year <= LAST_YEAR:
        raise FatalError(f"--period '{text.strip()}': ett år mellan {FIRST_YEAR} och {LAST_YEAR}")
    return period


def _parse(value: str) -> ReportPeriod:
    if match := re.fullmatch(r"(\d{4})-[Tt]([123])", value):
        if match[2] == "3":
            raise FatalError(
                f"--period {value}: tredje tertialen slutar vid årets slut, och ett avslutat år redovisas i "
                f"årsredovisningen; skriv --period {match[1]} (eller {match[1]}-T1, {match[1]}-T2)"
            )
        return ReportPeriod(int(match[1]), _TERTIAL_END[int(match[2])])
    if re.fullmatch(r"\d{4}", value):
        return ReportPeriod(int(value), 12)
    if match := re.fullmatch(r"(\d{4})-(\d{2})", value):
        year, month = int(match[1]), int(match[2])
        if 1 <= month <= 12:
            return ReportPeriod(year, month)
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        day = None
    if day is not None:
        if day.day != calendar.monthrange(day.year, day.month)[1]:
            raise FatalError(
                f"--period {value}: en rapportperiod slutar vid en månads utgång "
                f"(t.ex. {day.year}-{day.month:02d}-{calendar.monthrange(day.year, day.month)[1]})"
            )
        return ReportPeriod(day.year, day.month)
    raise FatalError(f"--period '{value}': skriv ÅÅÅÅ-MM-DD (periodens sista dag), ÅÅÅÅ-MM, ÅÅÅÅ eller ÅÅÅÅ-T1")
