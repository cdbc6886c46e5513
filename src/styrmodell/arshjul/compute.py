"""The annual wheel computed for a year: every event's date from its rule and the meeting calendar.

Resolution of `när` (see model.governance.When):
- `datum: "MM-DD"` → that day; `datum: "ÅÅÅÅ-MM-DD"` → that day, only in that year;
- `månad: M` → the whole month (due on its last day); with `dag: D` that day of the month;
- `möte: ORGAN` → a meeting from `sammanträden`: the first after `efter`, the last on or before
  `före`, both when both are given; no bound: the first meeting of the year;
- `före`/`efter` without `möte` → the date itself (a deadline), where a value that is not a date
  is another event's id and resolves to that event's date;
- `dagar: N` → N days added afterwards (negative: before);
- `varje: månad` (minus `utom`) or `månader: [...]` → one occurrence a month: the day `dag`, the
  organ's first meeting that month (`möte`), or the whole month;
- `från`/`till` → a span: a month (from its first / to its last day), a day "MM-DD" or another
  event's date; a `till` before `från` ends the year after;
- `år` → only in election years, the year after one, or years without an election (KL 5 kap. 9 §).
Deadlines that fall on a weekend or holiday are moved if `årshjul.helgdag` says so; meetings never,
and balance dates never: the delårsrapport's period end (LKBR 13 kap. 1 §, see BALANCE_DATES) and
every date marked `balansdag: ja` ("per 31/5", "brytpunkt 31/12").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from styrmodell.model.governance import Event, LegalMoment, MandateYear
from styrmodell.model.organisation import OrganKind
from styrmodell.model.repository import Repository
from styrmodell.svenska.dates import MONTHS
from styrmodell.svenska.elections import is_election_year, year_after_election
from styrmodell.svenska.holidays import next_working_day, non_working_reason, previous_working_day

# Moments that are balance dates: the day a period ends, which a holiday never moves.
BALANCE_DATES = frozenset({LegalMoment.DELAR_PERIODSLUT})

# "Bolagen", "nämnderna": an event for every organ of a kind, in words.
KIND_WORDS = {
    OrganKind.KF: "fullmäktige",
    OrganKind.KS: "kommunstyrelsen",
    OrganKind.NAMND: "nämnderna",
    OrganKind.GEMENSAM_NAMND: "de gemensamma nämnderna",
    OrganKind.UTSKOTT: "utskotten",
    OrganKind.BEREDNING: "beredningarna",
    OrganKind.BOLAG: "bolagen",
    OrganKind.REVISION: "revisionen",
    OrganKind.KOMMUNALFORBUND: "kommunalförbunden",
}

_DATE = re.compile(r"^(?:(\d{4})-)?(\d{2})-(\d{2})$")
_OTHER_YEAR = "gäller ett annat år"


@dataclass(frozen=True)
class Occurrence:
    event: Event
    start: dt.date
    end: dt.date
    meeting: bool = False
    moved_from: dt.date | None = None
    month: int | None = None  # the month of one occurrence of a recurring event
    balance: bool = False  # a balance date, which never moves

    @property
    def due(self) -> dt.date:
        return self.end

    @property
    def uid_part(self) -> str:
        """What tells this occurrence from the event's others (empty for an event that occurs once)."""
        return f"-{self.month:02d}" if self.month is not None and self.event.när.recurs else ""


@dataclass(frozen=True)
class Unresolved:
    event: Event
    reason: str
    calendar: str | None = None  # the organ whose meeting calendar for the year is missing altogether


@dataclass(frozen=True)
class Gap:
    """Months in which a recurring event cannot be placed."""

    event: Event
    months: tuple[int, ...]
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


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def belongs_to(when_year: MandateYear | None, year: int) -> bool:
    """Whether an event for some years of the mandate period (`år:`) occurs in `year`."""
    if when_year is None:
        return True
    if when_year == MandateYear.VALAR:
        return is_election_year(year)
    if when_year == MandateYear.ARET_EFTER_VAL:
        return year_after_election(year)
    return not is_election_year(year)


@dataclass
class WheelYear:
    repo: Repository
    year: int
    events: dict[str, Event] = field(init=False)
    meetings: dict[str, list[dt.date]] = field(init=False)
    occurrences: dict[str, Occurrence] = field(init=False)  # the (first) occurrence: what others refer to
    series: dict[str, list[Occurrence]] = field(init=False)  # every occurrence, a recurring event's all
    unresolved: dict[str, Unresolved] = field(init=False)
    gaps: dict[str, Gap] = field(init=False)
    absent: set[str] = field(init=False)  # events that do not occur this year (another year, `år:`)

    def __post_init__(self) -> None:
        repo, year = self.repo, self.year
        self.events = {e.id: e for wheel in repo.wheels for e in wheel.händelser}
        self.meetings = {}
        for wheel in repo.wheels:
            for organ, days in wheel.sammanträden.items():
                self.meetings.setdefault(organ, []).extend(d for d in days if d.year == year)
        for days in self.meetings.values():
            days.sort()
        self.policy = repo.config.årshjul.helgdag
        self.occurrences, self.series, self.unresolved, self.gaps, self.absent = {}, {}, {}, {}, set()
        self._resolving: set[str] = set()
        for event_id in self.events:
            self.resolve(event_id)

    def resolve(self, event_id: str) -> Occurrence | None:
        if event_id in self.occurrences:
            return self.occurrences[event_id]
        if event_id in self.unresolved or event_id in self.absent or event_id not in self.events:
            return None
        event = self.events[event_id]
        if event_id in self._resolving:
            self.unresolved[event_id] = Unresolved(event, "tidpunkten beror på sig själv (cirkel av före/efter)")
            return None
        self._resolving.add(event_id)
        try:
            result = self._compute(event) if belongs_to(event.när.år, self.year) else ""
        finally:
            self._resolving.discard(event_id)
        if isinstance(result, list):
            self.series[event_id] = result
            self.occurrences[event_id] = result[0]
            return result[0]
        if isinstance(result, Unresolved):
            self.unresolved[event_id] = result
        elif result:
            self.unresolved[event_id] = Unresolved(event, result)
        else:
            self.absent.add(event_id)
        return None

    # --- the parts of `när` ---------------------------------------------------------------------
    def _bound(self, text: str | None) -> dt.date | str | Unresolved | None:
        if text is None:
            return None
        day = parse_day(text, self.year)
        if day is False:
            return _OTHER_YEAR
        if day is not None:
            return day
        ident = text.strip()
        other = self.resolve(ident)
        if other is None:
            if ident not in self.events:
                return f"'{text}' är varken ett datum (MM-DD) eller en händelse i årshjulet"
            if ident in self.absent:
                return _OTHER_YEAR
            waiting = self.unresolved.get(ident)
            if (
                waiting is not None and waiting.calendar is not None
            ):  # it waits for the year's calendar, and so does this
                return waiting
            return f"händelsen '{text}' som tidpunkten bygger på kunde inte beräknas"
        if self.events[ident].när.recurs:
            return f"händelsen '{text}' återkommer under året; en tidpunkt kan bara bygga på en händelse som infaller en gång"
        return other.due

    def _compute(self, event: Event) -> list[Occurrence] | Unresolved | str:
        when = event.när
        if when.varje is not None or when.månader:
            return self._recurring(event)
        if when.spans:
            return self._span(event)
        after = self._bound(when.efter)
        before = self._bound(when.före)
        for bound in (after, before):
            if isinstance(bound, Unresolved):
                return self._waits(event, bound)
            if isinstance(bound, str):
                return "" if bound == _OTHER_YEAR else bound
        assert isinstance(after, dt.date | None) and isinstance(before, dt.date | None)  # returned above
        shift = dt.timedelta(days=when.dagar or 0)
        if when.möte:
            days = self.meetings.get(when.möte, [])
            if not days:
                return self._no_calendar(event, when.möte)
            candidates = [d for d in days if (after is None or d > after) and (before is None or d <= before)]
            if not candidates:
                window = " och ".join(
                    p for p in (f"efter {after}" if after else "", f"senast {before}" if before else "") if p
                )
                return f"inget sammanträde för '{when.möte}' {window} under {self.year}"
            day = candidates[-1] if before is not None and after is None else candidates[0]
            return [Occurrence(event, day + shift, day + shift, meeting=True)]
        if when.datum:
            parsed = parse_day(when.datum, self.year)
            if parsed is False:
                return ""
            if parsed is None:
                return f"datum '{when.datum}' ska skrivas MM-DD eller ÅÅÅÅ-MM-DD"
            return [self._deadline(event, parsed + shift)]
        if when.månad:
            if when.dag is not None:
                return [self._deadline(event, self._day_in(when.månad, when.dag) + shift, when.månad)]
            start = dt.date(self.year, when.månad, 1)
            return [Occurrence(event, start + shift, month_end(self.year, when.månad) + shift)]
        if before is not None:
            return [self._deadline(event, before + shift)]
        if after is not None:
            return [self._deadline(event, after + shift)]
        return "anger ingen tidpunkt (datum, månad, möte, före, efter, varje, månader eller från och till)"

    def _waits(self, event: Event, other: Unresolved) -> Unresolved:
        reason = f"bygger på '{other.event.id}', som väntar på sammanträdeskalendern för '{other.calendar}' {self.year}"
        return Unresolved(event, reason, calendar=other.calendar)

    def _no_calendar(self, event: Event, organ: str) -> Unresolved:
        return Unresolved(
            event, f"inga sammanträden för '{organ}' under {self.year} i sammanträdeskalendern", calendar=organ
        )

    def _day_in(self, month: int, day: int | str) -> dt.date:
        last = calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, last if day == "sista" else min(int(day), last))

    def _recurring(self, event: Event) -> list[Occurrence] | Unresolved | str:
        when = event.när
        shift = dt.timedelta(days=when.dagar or 0)
        out: list[Occurrence] = []
        missing: list[int] = []
        if when.möte and not self.meetings.get(when.möte):
            return self._no_calendar(event, when.möte)
        for month in when.recurring_months:
            if when.möte:
                days = [d for d in self.meetings[when.möte] if d.month == month]
                if not days:
                    missing.append(month)
                    continue
                out.append(Occurrence(event, days[0] + shift, days[0] + shift, meeting=True, month=month))
            elif when.dag is not None:
                out.append(self._deadline(event, self._day_in(month, when.dag) + shift, month))
            else:
                start = dt.date(self.year, month, 1)
                out.append(Occurrence(event, start + shift, month_end(self.year, month) + shift, month=month))
        if missing:
            names = ", ".join(MONTHS[m - 1] for m in missing)
            self.gaps[event.id] = Gap(
                event, tuple(missing), f"inget sammanträde för '{when.möte}' i {names} {self.year}"
            )
        if not out:
            return f"inget sammanträde för '{when.möte}' i någon av händelsens månader under {self.year}"
        return out

    def _point(self, value: int | str, end: bool, year: int) -> dt.date | str | Unresolved:
        if isinstance(value, int):
            return month_end(year, value) if end else dt.date(year, value, 1)
        day = parse_day(value, year)
        if day is False:
            return _OTHER_YEAR
        if day is not None:
            return day
        bound = self._bound(value)
        return bound if bound is not None else "saknar tidpunkt"

    def _span(self, event: Event) -> list[Occurrence] | Unresolved | str:
        when = event.när
        assert when.från is not None and when.till is not None  # the model requires both
        start = self._point(when.från, False, self.year)
        end = self._point(when.till, True, self.year)
        for point in (start, end):
            if isinstance(point, Unresolved):
                return self._waits(event, point)
            if isinstance(point, str):
                return "" if point == _OTHER_YEAR else point
        assert isinstance(start, dt.date) and isinstance(end, dt.date)
        if end < start:
            if isinstance(when.till, str) and parse_day(when.till, self.year) is None:
                return f"spannet slutar ({end}) före det börjar ({start})"
            later = self._point(when.till, True, self.year + 1)
            if not isinstance(later, dt.date):
                return f"spannet slutar ({end}) före det börjar ({start})"
            end = later
        return [Occurrence(event, start, end)]

    def _deadline(self, event: Event, day: dt.date, month: int | None = None) -> Occurrence:
        balance = event.avser in BALANCE_DATES or event.när.balansdag
        if non_working_reason(day) and self.policy != "varna" and not balance:
            moved = previous_working_day(day) if self.policy == "flytta före" else next_working_day(day)
            return Occurrence(event, moved, moved, moved_from=day, month=month)
        return Occurrence(event, day, day, month=month, balance=balance)

    # --- views --------------------------------------------------------------------------------
    def by_moment(self) -> dict[str, Occurrence]:
        return {o.event.avser.value: o for o in self.occurrences.values() if o.event.avser is not None}

    def ordered(self) -> list[Occurrence]:
        every = [o for occurrences in self.series.values() for o in occurrences]
        return sorted(every, key=lambda o: (o.start, o.end, o.event.id))

    def organs(self, event: Event) -> list[str]:
        """The organs an event is for: those it names, and every organ of the kinds it names."""
        ids = list(event.organ_ids)
        kinds = set(event.organtyp)
        ids += [o.id for o in self.repo.organs if o.typ in kinds and o.id not in ids]
        return ids

    def who(self, event: Event) -> str:
        """Whom an event is for, in words: the organs' names, and "nämnderna", "bolagen" for a kind."""
        names = [self.repo.organ_by_id[i].namn if i in self.repo.organ_by_id else i for i in event.organ_ids]
        names += [KIND_WORDS[k] for k in event.organtyp]
        text = ", ".join(names[:-1]) + " och " + names[-1] if len(names) > 1 else (names[0] if names else "")
        return text[:1].upper() + text[1:]


def wheel_year(repo: Repository, year: int | None = None) -> WheelYear:
    return WheelYear(repo, year or repo.config.årshjul.år or repo.config.today().year)


def occurrences_for(wheel: WheelYear, organ: str | None) -> list[Occurrence]:
    """The year's occurrences in date order: all, or those of one organ (its own, its kind's, its meetings')."""
    if organ is None:
        return wheel.ordered()
    return [o for o in wheel.ordered() if organ in wheel.organs(o.event) or o.event.när.möte == organ]
