"""Dates as a Swedish reader writes them: `31 augusti 2026`."""

from __future__ import annotations

import datetime as dt

from styrmodell.svenska import MISSING

MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]


def today() -> dt.date:
    """Today's date: the one source of "today" for the model and for the cache's keys."""
    return dt.date.today()


def swedish_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def date(value: dt.date | str | None) -> str:
    """A date, an ISO date text or nothing, as Swedish text (nothing is '–')."""
    if value is None:
        return MISSING
    return swedish_date(dt.date.fromisoformat(value) if isinstance(value, str) else value)
