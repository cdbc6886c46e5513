"""Shared by the annual-wheel rules: the wheel computed once per repository and year."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

from styrmodell.arshjul.compute import Occurrence, WheelYear, wheel_year
from styrmodell.findings import Location
from styrmodell.model.governance import MandateYear
from styrmodell.model.repository import Repository
from styrmodell.svenska.elections import is_election_year

_FIXED = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def computed(repo: Repository, year: int | None = None) -> WheelYear:
    cache = repo.__dict__.setdefault("_wheel_years", {})
    year = year or repo.config.årshjul.år or repo.config.today().year
    if year not in cache:
        cache[year] = wheel_year(repo, year)
    return cache[year]


def moment(repo: Repository, name: str, year: int | None = None) -> Occurrence | None:
    return computed(repo, year).by_moment().get(name)


def described_years(repo: Repository) -> list[int]:
    """The years whose budget process the wheel describes, never depending on today's date.

    `årshjul.år` when it is set; otherwise every year of the meeting calendar and of the events'
    fixed dates (ÅÅÅÅ-MM-DD); otherwise — a wheel of month-day rules, the same every year — one
    election year and one year without elections: the election year that ends the mandate period in
    styrmodell.yaml, and the year before it (and the year after it, when an event is for the year
    after an election).
    """
    if repo.config.årshjul.år:
        return [repo.config.årshjul.år]
    years: set[int] = set()
    for wheel in repo.wheels:
        for days in wheel.sammanträden.values():
            years.update(day.year for day in days)
        for event in wheel.händelser:
            for text in (event.när.datum, event.när.före, event.när.efter):
                if text and _FIXED.match(text.strip()):
                    years.add(int(text.strip()[:4]))
    if years:
        return sorted(years)
    election = repo.config.mandatperiod.till.year
    while not is_election_year(election):
        election += 1
    described = [election - 1, election]
    if any(e.när.år == MandateYear.ARET_EFTER_VAL for w in repo.wheels for e in w.händelser):
        described.append(election + 1)  # the first whole year of the next mandate period
    return described


def iso(day: dt.date) -> str:
    return day.isoformat()


Found = Iterator[tuple[str, Location]]


def every_described_year(repo: Repository, check_year: Callable[[Repository, int], Found]) -> Found:
    """`check_year` for every year the wheel describes; a finding that only differs in its year is said once."""
    seen: set[tuple[str, str]] = set()
    for year in described_years(repo):
        for message, where in check_year(repo, year):
            key = (re.sub(rf"\b{year}\b", "ÅÅÅÅ", message), str(where))
            if key not in seen:
                seen.add(key)
                yield message, where
