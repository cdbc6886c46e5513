"""Shared by the SMART(A) rules: which goals they look at."""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.model.goals import Goal
from styrmodell.model.repository import Repository
from styrmodell.rules.base import RuleOptions


class SmartOptions(RuleOptions):
    nivåer: list[str] = []


def smart_goals(repo: Repository, options: SmartOptions) -> Iterator[Goal]:
    """Goals on the chosen levels; by default, every level marked `mätbar` in the chain."""
    for goal in repo.goals:
        level = repo.config.level(goal.nivå)
        if level is None:
            continue
        if options.nivåer:
            if goal.nivå in options.nivåer:
                yield goal
        elif level.mätbar:
            yield goal
