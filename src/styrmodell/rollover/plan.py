"""The new budget year as a plan of edits.

For the new year Y (the closed year is Y−1, and nothing of it changes):
- every indicator of a goal in force in Y that has targets gets an empty target slot for Y
  (`2027: null`), to be decided with the budget;
- the meeting calendar for Y is proposed from Y−1's (`rollover.meetings`) in a file of its own
  beside the annual wheel, so that the wheel's events for Y can be computed from their rules;
- `årshjul.år` in styrmodell.yaml, where it is set, becomes Y;
- at a new mandate period (the period in styrmodell.yaml ends in Y−1): the period moves four years
  on, and the goals that ended with the old period are carried into Y (`period.till: Y`, their
  target year kept as `målår`) and flagged `omprövas: {av, inför: Y}` for the new council (or the
  new board) to decide.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from styrmodell.errors import FatalError
from styrmodell.load.sources import CONFIG_FILE
from styrmodell.model.goals import Goal, Indicator
from styrmodell.model.organisation import BOARDS
from styrmodell.model.repository import Repository
from styrmodell.rollover.meetings import calendar_for
from styrmodell.write.plan import Plan

GOAL_FIELDS = tuple(Goal.model_fields)
# `omprövas` next to the decision it asks to be taken again
_MARKER_ORDER = tuple(f for f in GOAL_FIELDS if f != "omprövas")
MARKER_ORDER = (
    _MARKER_ORDER[: _MARKER_ORDER.index("beslut") + 1]
    + ("omprövas",)
    + _MARKER_ORDER[_MARKER_ORDER.index("beslut") + 1 :]
)
INDICATOR_FIELDS = tuple(Indicator.model_fields)
_PLAIN_ID = re.compile(r"^[A-Za-zÅÄÖåäöÉé][A-Za-z0-9ÅÄÖåäöÉé_\-]*$")
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


@dataclass
class Rollover:
    year: int
    plan: Plan
    new_period: bool
    carried: list[str] = field(default_factory=list)  # goals carried into the new mandate period
    ended: list[str] = field(default_factory=list)  # goals that end with the closed year
    slots: list[str] = field(default_factory=list)  # indicators given an empty target for the year
    meetings_file: str | None = None
    todo: list[str] = field(default_factory=list)  # what is left for the controller to do
    notes: list[str] = field(default_factory=list)


def new_year(repo: Repository, year: int) -> Rollover:
    config = repo.config
    closed = year - 1
    period = config.mandatperiod
    if period.till.year < closed:
        raise FatalError(
            f"{CONFIG_FILE}: mandatperioden slutar {period.till.isoformat()}; för {year} behöver repot först "
            f"föras fram år för år (kör `styr nytt-ar {period.till.year + 1}` först)"
        )
    if period.från.year >= year:
        raise FatalError(f"{year} ligger före mandatperioden {period.från.isoformat()}–{period.till.isoformat()}")
    new_period = period.till.year == closed
    result = Rollover(year, Plan(), new_period)
    if new_period:
        start = dt.date(closed, period.till.month, period.till.day) + dt.timedelta(days=1)
        end = dt.date(start.year + 4, start.month, start.day) - dt.timedelta(days=1)
        result.plan.set(
            CONFIG_FILE, ("mandatperiod", "från"), start, label="mandatperiod.från", anchor=0, overwrite=True
        )
        result.plan.set(CONFIG_FILE, ("mandatperiod", "till"), end, label="mandatperiod.till", anchor=0, overwrite=True)
    if config.årshjul.år is not None and config.årshjul.år < year:
        result.plan.set(CONFIG_FILE, ("årshjul", "år"), year, label="årshjul.år", anchor=0, overwrite=True)
    carried = _goals(repo, result, closed, year)
    _targets(repo, result, year, carried)
    _meetings(repo, result, closed, year)
    _todo(repo, result, year)
    return result


def _decider(repo: Repository, goal: Goal) -> str:
    if goal.beslut is not None:
        return goal.beslut.organ
    if goal.organ:
        return goal.organ
    return next(iter(sorted(repo.kf_ids)), "kf")


def _goals(repo: Repository, result: Rollover, closed: int, year: int) -> set[str]:
    """Carry the goals that end with the closed year into a new mandate period; the ids in force in `year`."""
    in_force = {g.id for g in repo.goals if g.in_force(year)}
    for goal in repo.goals:
        ends = goal.period.till if goal.period else goal.målår
        if goal.id in in_force or ends != closed:
            continue
        source = goal.yaml_source
        if not result.new_period or goal.period is None or source is None:
            if result.new_period and goal.period is None:
                result.notes.append(
                    f"målet '{goal.id}' har bara målår {closed} och förs inte över; ge det en period för att föra över det"
                )
            result.ended.append(goal.id)
            continue
        path = tuple(source.path)
        plan = result.plan
        common = {"origin": "ny mandatperiod", "order": GOAL_FIELDS, "anchor": len(path)}
        plan.set(
            source.table.path, path + ("period", "till"), year, label=f"{goal.id} period.till", overwrite=True, **common
        )
        if goal.målår is None:
            plan.set(source.table.path, path + ("målår",), closed, label=f"{goal.id} målår", **common)
        marker = {"av": _decider(repo, goal), "inför": year, "skäl": "ny mandatperiod"}
        plan.set(
            source.table.path,
            path + ("omprövas",),
            marker,
            label=f"{goal.id} omprövas av {marker['av']} inför {year}",
            origin="ny mandatperiod",
            order=MARKER_ORDER,
            anchor=len(path),
        )
        result.carried.append(goal.id)
        in_force.add(goal.id)
    return in_force


def _targets(repo: Repository, result: Rollover, year: int, in_force: set[str]) -> None:
    for indicator in repo.indicators:
        source = indicator.yaml_source
        if source is None or not indicator.decided_targets or year in indicator.målvärden:
            continue
        if not any(goal in in_force for goal in indicator.mål):
            continue
        path = tuple(source.path)
        result.plan.set(
            source.table.path,
            path + ("målvärden", str(year)),
            None,
            origin="nytt år",
            label=f"{indicator.id} målvärden.{year}",
            order=INDICATOR_FIELDS,
            anchor=len(path),
        )
        result.slots.append(indicator.id)


def _yaml_id(ident: str) -> str:
    if _PLAIN_ID.match(ident) and ident.lower() not in _YAML_WORDS:
        return ident
    return '"' + ident.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _meetings(repo: Repository, result: Rollover, closed: int, year: int) -> None:
    wheels = [w for w in repo.wheels if w.sammanträden]
    if not wheels:
        return
    meetings: dict[str, list[dt.date]] = {}
    for wheel in wheels:
        for organ, days in wheel.sammanträden.items():
            meetings.setdefault(organ, []).extend(days)
    proposed = calendar_for(meetings, closed, year)
    if not proposed:
        return
    folder = PurePosixPath(wheels[0].file).parent
    relpath = str(folder / f"sammantraden-{year}.yaml") if str(folder) != "." else f"sammantraden-{year}.yaml"
    width = max(len(_yaml_id(o)) for o in proposed)
    rows = [
        f"    {(_yaml_id(organ) + ':').ljust(width + 1)} [{', '.join(d.isoformat() for d in days)}]"
        for organ, days in proposed.items()
    ]
    text = (
        f"# Sammanträdesdagar {year}, föreslagna av `styr nytt-ar {year}` ur {closed} års kalender: samma\n"
        "# veckodag på samma plats i månaden (andra onsdagen, sista måndagen), flyttad till närmaste\n"
        "# arbetsdag från en helgdag. Justera dagarna när organen beslutat sina sammanträden; årshjulets\n"
        f"# händelser för {year} räknas fram ur dem.\n"
        "årshjul:\n  sammanträden:\n" + "\n".join(rows) + "\n"
    )
    result.plan.add_file(relpath, text)
    result.meetings_file = relpath


def _todo(repo: Repository, result: Rollover, year: int) -> None:
    if result.slots:
        result.todo.append(f"målvärden för {year} i {len(result.slots)} indikatorer (står som null)")
    if result.carried:
        result.todo.append(f"nya beslut för {len(result.carried)} mål som förts över (omprövas:)")
    if not any(b.år == year for b in repo.budgets):
        result.todo.append(f"budget för {year} med flerårsplan (budget: år: {year})")
    planned = {p.organ for p in repo.control_plans if p.år == year}
    boards = [o.id for o in repo.organs if o.typ in BOARDS and o.id not in planned]
    if boards and any(p.år == year - 1 for p in repo.control_plans):
        result.todo.append(f"internkontrollplaner för {year}: {', '.join(boards)}")
