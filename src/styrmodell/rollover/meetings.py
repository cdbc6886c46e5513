"""A meeting calendar for a new year, proposed from the closed year's: each meeting on the same
weekday, in the same month, as the same one of the month (the second Wednesday, the last
Monday), moved to the nearest working day if that is a public holiday or an eve."""

from __future__ import annotations

import calendar
import datetime as dt

from styrmodell.svenska.holidays import non_working_reason


def _weekdays_of_month(year: int, month: int, weekday: int) -> list[dt.date]:
    days = calendar.monthrange(year, month)[1]
    return [dt.date(year, month, d) for d in range(1, days + 1) if dt.date(year, month, d).weekday() == weekday]


def project(day: dt.date, year: int) -> dt.date:
    """`day` moved to `year`: the same weekday and place in its month, on a working day."""
    same = _weekdays_of_month(day.year, day.month, day.weekday())
    index = same.index(day)
    target = _weekdays_of_month(year, day.month, day.weekday())
    proposed = target[-1] if index == len(same) - 1 else target[min(index, len(target) - 1)]
    for step in (0, 1, -1, 2, -2, 3, -3, 7, -7):
        candidate = proposed + dt.timedelta(days=step)
        if candidate.month == proposed.month and candidate.weekday() < 5 and not non_working_reason(candidate):
            return candidate
    return proposed


def calendar_for(meetings: dict[str, list[dt.date]], closed: int, year: int) -> dict[str, list[dt.date]]:
    """Per organ: the new year's meetings, from the closed year's (organs that already have the
    new year's, or had none the closed year, are left out)."""
    out = {}
    for organ, days in meetings.items():
        if any(d.year == year for d in days):
            continue
        previous = sorted(d for d in days if d.year == closed)
        if previous:
            out[organ] = sorted({project(d, year) for d in previous})
    return out
