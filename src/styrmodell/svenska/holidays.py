"""Swedish public holidays and working days.

Helgdagar per lagen (1989:253) om allmänna helgdagar, plus the eves that are days off in
practice (midsommarafton, julafton, nyårsafton), which a deadline should not fall on either.
"""

from __future__ import annotations

import datetime as dt
from functools import cache


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter (the anonymous algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _saturday_between(year: int, month: int, first: int, last: int) -> dt.date:
    return next(dt.date(year, month, d) for d in range(first, last + 1) if dt.date(year, month, d).weekday() == 5)


@cache
def holidays(year: int) -> dict[dt.date, str]:
    easter = easter_sunday(year)
    midsummer_day = _saturday_between(year, 6, 20, 26)
    all_saints = next(d for d in (dt.date(year, 10, 31) + dt.timedelta(days=i) for i in range(7)) if d.weekday() == 5)
    days = {
        dt.date(year, 1, 1): "nyårsdagen",
        dt.date(year, 1, 6): "trettondedag jul",
        easter - dt.timedelta(days=2): "långfredagen",
        easter: "påskdagen",
        easter + dt.timedelta(days=1): "annandag påsk",
        dt.date(year, 5, 1): "första maj",
        easter + dt.timedelta(days=39): "Kristi himmelsfärdsdag",
        easter + dt.timedelta(days=49): "pingstdagen",
        dt.date(year, 6, 6): "Sveriges nationaldag",
        midsummer_day - dt.timedelta(days=1): "midsommarafton",
        midsummer_day: "midsommardagen",
        all_saints: "alla helgons dag",
        dt.date(year, 12, 24): "julafton",
        dt.date(year, 12, 25): "juldagen",
        dt.date(year, 12, 26): "annandag jul",
        dt.date(year, 12, 31): "nyårsafton",
    }
    return days


def non_working_reason(day: dt.date) -> str | None:
    """Why `day` is not a working day ('lördag', 'påskdagen', ...), or None."""
    name = holidays(day.year).get(day)
    if name:
        return name
    if day.weekday() == 5:
        return "lördag"
    if day.weekday() == 6:
        return "söndag"
    return None


def previous_working_day(day: dt.date) -> dt.date:
    while non_working_reason(day):
        day -= dt.timedelta(days=1)
    return day


def next_working_day(day: dt.date) -> dt.date:
    while non_working_reason(day):
        day += dt.timedelta(days=1)
    return day
