"""What is due soon in the annual wheel, and what it still lacks."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from styrmodell.arshjul.compute import Occurrence, wheel_year
from styrmodell.errors import FatalError
from styrmodell.model.organisation import BOARDS
from styrmodell.model.repository import Repository
from styrmodell.svenska.numbers import counted


@dataclass
class Due:
    occurrence: Occurrence
    days_left: int
    missing: list[str] = field(default_factory=list)


MAX_WINDOW_DAYS = 3660  # ten years ahead is as far as an annual wheel is worth looking


def parse_window(text: str) -> int:
    match = re.fullmatch(r"\s*(\d{1,9})\s*([dDvVwW]?)\s*", text)
    if not match:
        raise FatalError(f"--inom '{text}': skriv antal dagar som 30d, eller veckor som 4v")
    number, unit = int(match.group(1)), match.group(2).lower()
    days = number * 7 if unit in ("v", "w") else number
    if days > MAX_WINDOW_DAYS:
        raise FatalError(f"--inom '{text}': högst {MAX_WINDOW_DAYS} dagar (tio år) framåt")
    return days


def _measured_indicators(repo: Repository):
    levels = {lvl.id for lvl in repo.config.målkedja if lvl.mätbar}
    measured_goals = {g.id for g in repo.goals if g.nivå in levels}
    return [i for i in repo.indicators if set(i.mål) & measured_goals]


def _lacking_outcomes(repo: Repository, period: str) -> str | None:
    lacking = [i for i in _measured_indicators(repo) if i.utfall.get(period) is None]
    if not lacking:
        return None
    return f"{counted(len(lacking), 'indikator', 'indikatorer')} saknar utfall för perioden {period}"


def _interim_period(repo: Repository, year: int) -> str:
    end = wheel_year(repo, year).by_moment().get("delårsrapport-periodslut")
    return f"{year}-{(end.due.month if end else 8):02d}"


def missing_for(repo: Repository, occurrence: Occurrence) -> list[str]:
    event, year = occurrence.event, occurrence.due.year
    missing = []
    report = (event.rapport or "").lower()
    if report == "delarsrapport" or (event.avser and event.avser.value.startswith("delårsrapport")):
        missing.append(_lacking_outcomes(repo, _interim_period(repo, year)))
    elif report == "arsredovisning" or (event.avser and event.avser.value.startswith("årsredovisning")):
        missing.append(_lacking_outcomes(repo, str(year - 1)))
    elif report == "tertialrapport":
        missing.append(_lacking_outcomes(repo, f"{year}-04"))
    if event.typ == "internkontroll" and event.när.månad in (10, 11, 12):
        boards = [o.id for o in repo.organs if o.typ in BOARDS]
        planned = {p.organ for p in repo.control_plans if p.år == year + 1}
        lacking = [b for b in boards if b not in planned]
        if lacking:
            missing.append(f"internkontrollplan för {year + 1} saknas för {', '.join(lacking)}")
    if report == "verksamhetsplan":
        lacking = [i.id for i in _measured_indicators(repo) if i.target(year + 1) is None]
        if lacking:
            missing.append(f"{counted(len(lacking), 'indikator', 'indikatorer')} saknar målvärde för {year + 1}")
    if event.avser is not None and event.avser.value == "budgetbeslut":
        if not any(b.år == year + 1 for b in repo.budgets):
            missing.append(f"budget för {year + 1} saknas i repot")
    return [m for m in missing if m]


def due_soon(repo: Repository, today: dt.date, within_days: int) -> list[Due]:
    horizon = today + dt.timedelta(days=within_days)
    items = []
    for year in sorted({today.year, horizon.year}):
        for occurrence in wheel_year(repo, year).ordered():
            if today <= occurrence.due <= horizon:
                items.append(Due(occurrence, (occurrence.due - today).days, missing_for(repo, occurrence)))
    return sorted(items, key=lambda d: (d.occurrence.due, d.occurrence.event.id))
