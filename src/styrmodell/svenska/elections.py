"""The election calendar: ordinary elections to fullmäktige and the mandate periods they start.

Ordinary elections are held every fourth year (four-year terms since 1994), on the second Sunday
of September (vallagen 1 kap. 3 §). The newly elected fullmäktige takes office on 15 October of the
election year (KL 5 kap. 9 §). An extra election (KL 5 kap. 10 §) never moves the ordinary years.
"""

from __future__ import annotations

import datetime as dt


def is_election_year(year: int) -> bool:
    return year >= 1994 and (year - 2022) % 4 == 0


def election_day(year: int) -> dt.date | None:
    """The second Sunday of September of an election year (None in other years)."""
    if not is_election_year(year):
        return None
    first = dt.date(year, 9, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7)


def year_after_election(year: int) -> bool:
    """The first whole year of a mandate period."""
    return is_election_year(year - 1)
