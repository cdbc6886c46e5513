"""Shared by the annual-wheel rules: the wheel computed once per repository and year."""

from __future__ import annotations

import datetime as dt

from styrmodell.arshjul.compute import Occurrence, WheelYear, wheel_year
from styrmodell.model.repository import Repository


def computed(repo: Repository) -> WheelYear:
    cache = repo.__dict__.setdefault("_wheel_years", {})
    year = repo.config.årshjul.år or repo.config.today().year
    if year not in cache:
        cache[year] = wheel_year(repo, year)
    return cache[year]


def moment(repo: Repository, name: str) -> Occurrence | None:
    return computed(repo).by_moment().get(name)


def iso(day: dt.date) -> str:
    return day.isoformat()
