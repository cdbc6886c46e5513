"""The annual wheel computed for a year: every event's date from its rule and the meeting calendar.

Resolution of `när` (see model.governance.When):
- `datum: "MM-DD"` → that day; `datum: "ÅÅÅÅ-MM-DD"` → that day, only in that year;
- `månad: M` → the whole month (due on its last day);
- `möte: ORGAN` → a meeting from `sammanträden`: the first after `efter`, the last on or before
  `före`, both when both are given; no bound: the first meeting of the year;
- `före`/`efter` without `möte` → the date itself (a deadline), where a value that is not a date
  is another event's id and resolves to that event's date;
- `dagar: N` → N days added afterwards (negative: before).
Deadlines that fall on a weekend or holiday are moved if `årshjul.helgdag` says so; meetings never,
and balance dates never (the delårsrapport's period end, LKBR 13 kap. 1 §: see BALANCE_DATES).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from styrmodell.model.governance import Event, LegalMoment
from styrmodell.model.repository import Repository
from styrmodell.svenska.holidays import next_working_day, non_working_reason, previous_working_day

# Moments that are balance dates: the day a period ends, which a holiday never moves.
BALANCE_DATES = frozenset({LegalMoment.DELAR_PERIODSLUT})

_DATE = re.compile(r"^(?:(\d{4})-)?(\d{2})-(\d{2})$")


@dataclass(frozen=True)
class Occurrence:
    event: Event
    start: dt.date
    end: dt.date
    meeting: bool = False
    moved_from: dt.date | None = None

    @property
    def due(self) -> dt.date:
        return self.end


@dataclass(frozen=True)
class Unresolved:
    event: Event
    reason: str


def parse_day(text: str, year: int) -> dt.date | Literal[False] | None:
    """A date in `year`, None if `text` is not a date, False if it is a date of another year."""
    match = _DATE.match(text.strip())
    if not match:
        return None
    fixed_year, month, day = match.groups()
    if fixed_year and int(fixed_year) != year:
        return False
    try:
        return dt.date(year, int(month), int(day))
    except ValueError:
        return None


class WheelYear:
    def __init__(self, repo: Repository, year: int):
        self.repo = repo
        self.year = year
        self.events = {e.id: e for wheel in repo.wheels for e in wheel.händelser}
        self.meetings: dict[str, list[dt.date]] = {}
        for wheel in repo.wheels:
            for organ, days in wheel.sammanträden.items():
                self.meetings.setdefault(organ, []).extend(d for d in days if d.year == year)
        for days in self.meetings.values():
            days.sort()
        self.policy = repo.config.årshjul.helgdag
        self.occurrences: dict[str, Occurrence] = {}
        self.unresolved: dict[str, Unresolved] = {}
        self._resolving: set[str] = set()
        for event_id in self.events:
            self.resolve(event_id)

    def resolve(self, event_id: str) -> Occurrence | None:
        if event_id in self.occurrences:
            return self.occurrences[event_id]
        if event_id in self.unresolved or event_id not in self.events:
            return None
        event = self.events[event_id]
        if event_id in self._resolving:
            self.unresolved[event_id] = Unresolved(event, "tidpunkten beror på sig själv (cirkel av före/efter)")
            return None
        self._resolving.add(event_id)
        try:
            result = self._compute(event)
        finally:
            self._resolving.discard(event_id)
        if isinstance(result, Occurrence):
            self.occurrences[event_id] = result
            return result
        if result:
            self.unresolved[event_id] = Unresolved(event, result)
        return None

    def _bound(self, text: str | None, event: Event) -> dt.date | str | None:
        if text is None:
            return None
        day = parse_day(text, self.year)
        if day is False:
            return "gäller ett annat år"
        if day is not None:
            return day
        other = self.resolve(text.strip())
        if other is None:
            if text.strip() not in self.events:
                return f"'{text}' är varken ett datum (MM-DD) eller en händelse i årshjulet"
            return f"händelsen '{text}' som tidpunkten bygger på kunde inte beräknas"
        return other.due

    def _compute(self, event: Event) -> Occurrence | str:
        when = event.när
        after = self._bound(when.efter, event)
        before = self._bound(when.före, event)
        for bound in (after, before):
            if isinstance(bound, str):
                return "" if bound == "gäller ett annat år" else bound
        assert not isinstance(after, str) and not isinstance(before, str)  # returned above
        shift = dt.timedelta(days=when.dagar or 0)
        if when.möte:
            days = self.meetings.get(when.möte, [])
            if not days:
                return f"inga sammanträden för '{when.möte}' under {self.year} i sammanträdeskalendern"
            candidates = [d for d in days if (after is None or d > after) and (before is None or d <= before)]
            if not candidates:
                window = " och ".join(
                    p for p in (f"efter {after}" if after else "", f"senast {before}" if before else "") if p
                )
                return f"inget sammanträde för '{when.möte}' {window} under {self.year}"
            day = candidates[-1] if before is not None and after is None else candidates[0]
            return Occurrence(event, day + shift, day + shift, meeting=True)
        if when.datum:
            parsed = parse_day(when.datum, self.year)
            if parsed is False:
                return ""
            if parsed is None:
                return f"datum '{when.datum}' ska skrivas MM-DD eller ÅÅÅÅ-MM-DD"
            return self._deadline(event, parsed + shift)
        if when.månad:
            start = dt.date(self.year, when.månad, 1)
            end = (
                dt.date(self.year + 1, 1, 1) if when.månad == 12 else dt.date(self.year, when.månad + 1, 1)
            ) - dt.timedelta(days=1)
            return Occurrence(event, start + shift, end + shift)
        if before is not None:
            return self._deadline(event, before + shift)
        if after is not None:
            return self._deadline(event, after + shift)
        return "anger ingen tidpunkt (datum, månad, möte, före eller efter)"

    def _deadline(self, event: Event, day: dt.date) -> Occurrence:
        if non_working_reason(day) and self.policy != "varna" and event.avser not in BALANCE_DATES:
            moved = previous_working_day(day) if self.policy == "flytta före" else next_working_day(day)
            return Occurrence(event, moved, moved, moved_from=day)
        return Occurrence(event, day, day)

    def by_moment(self) -> dict[str, Occurrence]:
        return {o.event.avser.value: o for o in self.occurrences.values() if o.event.avser is not None}

    def ordered(self) -> list[Occurrence]:
        return sorted(self.occurrences.values(), key=lambda o: (o.start, o.end, o.event.id))


def wheel_year(repo: Repository, year: int | None = None) -> WheelYear:
    return WheelYear(repo, year or repo.config.årshjul.år or repo.config.today().year)


def occurrences_for(wheel: WheelYear, organ: str | None) -> list[Occurrence]:
    """The year's occurrences in date order: all, or those of one organ (its own or its meetings')."""
    return [o for o in wheel.ordered() if organ is None or o.event.organ == organ or (o.event.när.möte == organ)]
