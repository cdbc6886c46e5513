"""What a report that falls due in the annual wheel would print as "Uppgift saknas".

`styr frister` asks this for every event with `rapport:` that is due in its window: the report is
made the way `styr rapport` makes it, for the period it covers on that day and for the organs the
event is for, and what it lacks is listed. A controller sees in February what the årsredovisning
in April still has no figures for.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from styrmodell.arshjul.compute import Occurrence, wheel_year
from styrmodell.errors import FatalError
from styrmodell.model.organisation import OrganKind
from styrmodell.model.repository import Repository
from styrmodell.reports.build import make, organs_for
from styrmodell.reports.kinds import REPORTS, ReportType
from styrmodell.reports.period import ReportPeriod

# Organs whose reports are the whole municipality's: a report for fullmäktige is the municipality's,
# and the forecasts and monthly reports to kommunstyrelsen are about every board and company.
_WHOLE = {OrganKind.KF}
_WHOLE_FOR_KS = {"bokslutsprognos", "manadsrapport"}


@dataclass
class ReportGaps:
    report: str  # the report type's title
    period: ReportPeriod | None
    missing: list[str] = field(default_factory=list)  # "<whose>: <what>"
    problem: str | None = None  # why the report could not be checked


def period_for(kind: ReportType, occurrence: Occurrence) -> ReportPeriod:
    """The period a report due on the occurrence's day covers: at a balance date the period that ends
    that day ("per 31/5"), otherwise the latest period of its kind that has ended by then."""
    due = occurrence.due
    if occurrence.balance:
        return ReportPeriod(due.year, due.month)
    return kind.default_period(due)


def report_gaps(repo: Repository, root: Path, occurrence: Occurrence) -> ReportGaps | None:
    """What the event's report lacks (None: the event has no report, or one the tool does not make)."""
    kind = REPORTS.get((occurrence.event.rapport or "").strip().lower())
    if kind is None:
        return None
    period = period_for(kind, occurrence)
    gaps = ReportGaps(kind.title, period)
    reason = kind.refuses(period)
    if reason:
        gaps.problem = reason
        return gaps
    wheel = wheel_year(repo, occurrence.due.year)
    named = [o for o in wheel.organs(occurrence.event) if o in repo.organ_by_id]
    kinds = {repo.organ_by_id[o].typ for o in named}
    whole = not named or bool(kinds & _WHOLE) or not kind.per_organ
    if kind.name in _WHOLE_FOR_KS and kinds == {OrganKind.KS} and not occurrence.event.organtyp:
        named, whole = [], True
    try:
        own = set(organs_for(repo, kind, "all", period).organs) if kind.per_organ else set()
        targets: list[str | None] = [None] if whole else []
        targets += [o for o in named if o in own and repo.organ_by_id[o].typ not in _WHOLE]
        with tempfile.TemporaryDirectory(prefix="styr-frister-") as tmp:
            for organ in targets:
                document = make(repo, root, kind, period, organ, "md", Path(tmp))
                gaps.missing += [f"{document.scope}: {line}" for line in document.missing]
    except FatalError as error:
        gaps.problem = str(error)
    return gaps
