"""Goal attainment (måluppfyllelse) of one indicator for one period.

The thresholds are the municipality's "decided definitions of attainment" (seed 003), set under
`måluppfyllelse:` in styrmodell.yaml; the defaults are what most municipalities use.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from styrmodell.model.goals import Direction, Indicator
from styrmodell.model.base import period_sort_key


class Status(str, Enum):
    UPPNATT = "uppnått"
    DELVIS = "delvis uppnått"
    EJ_UPPNATT = "ej uppnått"
    EJ_MATT = "ej mätt"


@dataclass(frozen=True)
class Judgement:
    status: Status
    reason: str


def _fmt(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def indicator_status(indicator: Indicator, period: str, partial_margin_percent: float = 5.0) -> Judgement:
    """Outcome for `period` against the target of its year, in the indicator's direction.

    Delvis uppnått: the outcome misses the target by at most `partial_margin_percent` of the target.
    """
    year = int(period[:4])
    outcome = indicator.utfall.get(period)
    target = indicator.målvärden.get(year)
    if outcome is None:
        return Judgement(Status.EJ_MATT, f"utfall saknas för {period}")
    if target is None:
        return Judgement(Status.EJ_MATT, f"målvärde saknas för {year}")
    if indicator.riktning is None:
        return Judgement(Status.EJ_MATT, "riktning saknas")
    higher = indicator.riktning == Direction.HIGHER
    met = outcome >= target if higher else outcome <= target
    text = f"utfall {_fmt(outcome)} mot målvärde {_fmt(target)} ({'högre' if higher else 'lägre'} är bättre)"
    if met:
        return Judgement(Status.UPPNATT, text)
    gap = abs(outcome - target)
    if gap <= abs(target) * partial_margin_percent / 100:
        return Judgement(Status.DELVIS, f"{text}; inom {_fmt(partial_margin_percent)} % av målvärdet")
    return Judgement(Status.EJ_UPPNATT, text)


def latest_period(indicator: Indicator) -> str | None:
    periods = [p for p, v in indicator.utfall.items() if v is not None]
    return max(periods, key=period_sort_key) if periods else None
