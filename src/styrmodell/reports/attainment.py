"""Goal attainment (måluppfyllelse) of one indicator for one period.

The thresholds are the municipality's decided definitions of attainment, set under
`måluppfyllelse:` in styrmodell.yaml (for the whole chain, or per level and goal area); the
defaults are what most municipalities use.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from styrmodell.model.base import period_sort_key
from styrmodell.model.config import AttainmentSettings
from styrmodell.model.goals import Direction, Indicator
from styrmodell.svenska.numbers import counted


class Status(str, Enum):
    UPPNATT = "uppnått"
    DELVIS = "delvis uppnått"
    EJ_UPPNATT = "ej uppnått"
    EJ_MATT = "ej mätt"


# after a count other than 1: "2 delvis uppnådda" (indicators and goals alike)
PLURAL = {
    Status.UPPNATT: "uppnådda",
    Status.DELVIS: "delvis uppnådda",
    Status.EJ_UPPNATT: "ej uppnådda",
    Status.EJ_MATT: "ej mätta",
}


@dataclass(frozen=True)
class Judgement:
    status: Status
    reason: str


def _fmt(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def measured_yearly(indicator: Indicator) -> bool:
    """An indicator with outcomes only for whole years (a survey, a statistic): a part of the year
    has no outcome of its own, and a report for it shows the latest year's."""
    return bool(indicator.utfall) and all("-" not in p for p in indicator.utfall)


def period_used(indicator: Indicator, period: str) -> str:
    """The period whose outcome counts for `period`: itself, or the latest whole year before it for
    an indicator measured yearly."""
    if "-" in period and period not in indicator.utfall and measured_yearly(indicator):
        year = int(period[:4])
        earlier = [p for p, v in indicator.utfall.items() if v is not None and int(p) <= year]
        if earlier:
            return max(earlier, key=int)
    return period


def indicator_status(
    indicator: Indicator, period: str, partial_margin_percent: float = 5.0, partial_steps: int = 1
) -> Judgement:
    """Outcome for `period` against the target of its year, in the indicator's direction.

    Delvis uppnått: the outcome misses the target by at most `partial_margin_percent` of the target;
    for a qualitative indicator, by at most `partial_steps` steps of its scale.
    For a part of a year, an indicator measured yearly is judged by its latest whole year.
    """
    used = period_used(indicator, period)
    if used != period:
        judgement = indicator_status(indicator, used, partial_margin_percent, partial_steps)
        return Judgement(judgement.status, f"mäts per år, senast {used}: {judgement.reason}")
    year = int(period[:4])
    outcome = indicator.utfall.get(period)
    target = indicator.målvärden.get(year)
    interim = "-" in period and (indicator.ackumulerad or period in indicator.delmål)
    if outcome is None:
        return Judgement(Status.EJ_MATT, f"utfall saknas för {period}")
    if indicator.riktning is None:
        return Judgement(Status.EJ_MATT, "riktning saknas")
    higher = indicator.riktning == Direction.HIGHER
    if interim:
        # A cumulative outcome part-way through the year is judged against the period's interim
        # target: 36 of the year's 60 in August is on track, not "ej uppnått".
        if period in indicator.delmål:
            target = indicator.delmål[period]
        elif target is not None and (outcome >= target if higher else outcome <= target):
            return Judgement(
                Status.UPPNATT, f"ackumulerat utfall {_fmt(outcome)} har redan nått årets målvärde {_fmt(target)}"
            )
        else:
            return Judgement(Status.EJ_MATT, f"ackumulerat mått: delmål saknas för {period} (`delmål:`)")
    if target is None:
        return Judgement(Status.EJ_MATT, f"målvärde saknas för {year}")
    met = outcome >= target if higher else outcome <= target
    if indicator.qualitative:
        text = f"utfall ”{indicator.step(outcome)}” mot målvärde ”{indicator.step(target)}” på skalan"
        if met:
            return Judgement(Status.UPPNATT, text)
        if abs(outcome - target) <= partial_steps:
            steps = "ett steg" if partial_steps == 1 else f"{partial_steps} steg"
            return Judgement(Status.DELVIS, f"{text}; högst {steps} från målvärdet")
        return Judgement(Status.EJ_UPPNATT, text)
    what = f"delmålet för {period}" if interim else "målvärde"
    text = f"utfall {_fmt(outcome)} mot {what} {_fmt(target)} ({'högre' if higher else 'lägre'} är bättre)"
    if met:
        return Judgement(Status.UPPNATT, text)
    # In decimals as written, so that 1,9 against 2,0 is exactly 5 % off, not a float's hair more.
    gap = abs(Decimal(repr(outcome)) - Decimal(repr(target)))
    if gap <= abs(Decimal(repr(target))) * Decimal(repr(partial_margin_percent)) / 100:
        return Judgement(Status.DELVIS, f"{text}; inom {_fmt(partial_margin_percent)} % av målvärdet")
    return Judgement(Status.EJ_UPPNATT, text)


def latest_period(indicator: Indicator) -> str | None:
    periods = [p for p, v in indicator.utfall.items() if v is not None]
    return max(periods, key=period_sort_key) if periods else None


# --- goals -------------------------------------------------------------------------------------

_SCORE = {Status.UPPNATT: 1.0, Status.DELVIS: 0.5, Status.EJ_UPPNATT: 0.0}
_ORDER = [Status.EJ_UPPNATT, Status.DELVIS, Status.UPPNATT]
_ASSESSED = {
    "uppnått": Status.UPPNATT,
    "delvis uppnått": Status.DELVIS,
    "ej uppnått": Status.EJ_UPPNATT,
    "ej mätt": Status.EJ_MATT,
}


@dataclass(frozen=True)
class GoalJudgement:
    goal: str
    status: Status
    reason: str
    parts: tuple[tuple[str, Status, str], ...] = ()  # (indicator or goal id, status, reason)


def _combine(statuses: list[Status], settings) -> Status:
    measured = [s for s in statuses if s != Status.EJ_MATT]
    if not measured:
        return Status.EJ_MATT
    if settings.metod == "sämsta":
        return min(measured, key=_ORDER.index)
    if settings.metod == "alla":
        if all(s == Status.UPPNATT for s in measured):
            return Status.UPPNATT
        return Status.EJ_UPPNATT if all(s == Status.EJ_UPPNATT for s in measured) else Status.DELVIS
    score = sum(_SCORE[s] for s in measured) / len(measured)
    if score >= settings.uppnått_gräns:
        return Status.UPPNATT
    return Status.DELVIS if score >= settings.delvis_gräns else Status.EJ_UPPNATT


def _summary(parts: list[tuple[str, Status, str]], kind: str) -> str:
    counts = {s: sum(1 for _, st, _ in parts if st == s) for s in Status}
    words = [counted(counts[s], s.value, PLURAL[s]) for s in Status if counts[s]]
    singular = {"indikatorer": "indikator", "mål under": "mål under"}
    return f"{len(parts)} {singular[kind] if len(parts) == 1 else kind}: " + ", ".join(words)


def settings_for(repo, goal) -> AttainmentSettings:
    """The definitions of attainment for a goal: the chain's, with those of its level and then of its
    goal area (the goal itself or the nearest goal above it that has its own) laid on top."""
    base = repo.config.måluppfyllelse
    if not base.nivåer and not base.målområden:
        return base
    area = None
    stack, seen = [goal], set()
    while stack and area is None:
        current = stack.pop(0)
        if current.id in seen:
            continue
        seen.add(current.id)
        area = base.målområden.get(current.id)
        stack += [repo.goal_by_id[p] for p in current.tjänar if p in repo.goal_by_id]
    return base.resolved(base.nivåer.get(goal.nivå), area)


def shown_to_kf(repo, indicator: Indicator) -> bool:
    """Whether fullmäktige's reports follow up an indicator: its own, and a board's that is marked
    `till_fullmäktige` (when any is marked; otherwise every indicator, as before there was a mark)."""
    if not repo.marks_kf_indicators:
        return True
    return indicator.till_fullmäktige or indicator.organ is None or indicator.organ in repo.kf_ids


def goal_status(repo, goal_id: str, period: str, _seen: frozenset = frozenset(), for_kf: bool = False) -> GoalJudgement:
    """A goal's status for a period: a recorded assessment if there is one, else its indicators and
    the goals that serve it, combined by the municipality's method; the reason says why. For
    fullmäktige's reports (`for_kf`), only the indicators that are shown to fullmäktige count."""
    goal = repo.goal_by_id[goal_id]
    settings = settings_for(repo, goal)
    assessment = goal.bedömningar.get(period)
    if assessment is not None and assessment.status:
        status = _ASSESSED.get(assessment.status.value)
        if status is not None:
            why = f": {assessment.motivering}" if assessment.motivering else ""
            return GoalJudgement(goal_id, status, f"professionell bedömning{why}")
    parts: list[tuple[str, Status, str]] = []
    for indicator in repo.indicators_by_goal.get(goal_id, []):
        if for_kf and not shown_to_kf(repo, indicator):
            continue
        judgement = indicator_status(
            indicator, period, settings.delvis_marginal_procent, settings.kvalitativ_delvis_steg
        )
        parts.append((indicator.id, judgement.status, judgement.reason))
    children = [c for c in repo.children.get(goal_id, []) if c.id not in _seen]
    for child in children:
        child_judgement = goal_status(repo, child.id, period, _seen | {goal_id})
        parts.append((child.id, child_judgement.status, child_judgement.reason))
    if not parts:
        reason = (
            "ingen indikator och inget mål under det har utfall"
            if goal.bedömningsmetod is None
            else f"ingen registrerad bedömning för {period} (bedömningsmetod: {goal.bedömningsmetod.strip()})"
        )
        return GoalJudgement(goal_id, Status.EJ_MATT, reason)
    status = _combine([s for _, s, _ in parts], settings)
    indicators = [p for p in parts if p[0] not in {c.id for c in children}]
    below = [p for p in parts if p[0] in {c.id for c in children}]
    reasons = []
    if indicators:
        reasons.append(_summary(indicators, "indikatorer"))
    if below:
        reasons.append(_summary(below, "mål under"))
    method = {"andel": "vägd andel", "alla": "alla måste vara uppnådda", "sämsta": "sämsta avgör"}[settings.metod]
    return GoalJudgement(goal_id, status, "; ".join(reasons) + f" ({method})", tuple(parts))
