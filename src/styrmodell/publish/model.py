"""What the site shows, computed once from the repository: the period it speaks of, every page's file
name, and the goals, indicators and organs with their statuses and relations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from styrmodell.model.goals import Goal, Indicator
from styrmodell.model.organisation import Organ, OrganKind
from styrmodell.model.repository import Repository
from styrmodell.publish.names import unique_names
from styrmodell.reports.data import GoalRow, IndicatorRow, ReportData
from styrmodell.reports.period import ReportPeriod
from styrmodell.review.log import Version


def site_period(repo: Repository) -> ReportPeriod:
    """The latest period with an outcome that has ended by the repository's date (`referensdatum`, else
    today); without outcomes, last year."""
    today = repo.config.today()
    best: ReportPeriod | None = None
    for indicator in repo.indicators:
        for key, value in indicator.utfall.items():
            if value is None:
                continue
            year, _, month = key.partition("-")
            if not year.isdigit() or (month and not month.isdigit()):
                continue
            period = ReportPeriod(int(year), int(month) if month else 12)
            if not 1 <= period.month <= 12 or period.end > today:
                continue
            if best is None or (period.year, period.month) > (best.year, best.month):
                best = period
    return best or ReportPeriod(today.year - 1, 12)


@dataclass
class Link:
    href: str  # relative to the site's root
    text: str


@dataclass
class SiteModel:
    repo: Repository
    period: ReportPeriod
    histories: dict[str, list[Version]] | None = None  # None: the repository is not in git
    reports: list[Link] = field(default_factory=list)  # the rendered reports, filled in by the builder
    delegation_pages: dict[str, str] = field(default_factory=dict)  # organ id → its delegation order's page

    @cached_property
    def data(self) -> ReportData:
        return ReportData(self.repo, self.period, None)

    @cached_property
    def goal_names(self) -> dict[str, str]:
        return unique_names([g.id for g in self.repo.goals])

    @cached_property
    def indicator_names(self) -> dict[str, str]:
        return unique_names([i.id for i in self.repo.indicators])

    @cached_property
    def organ_names(self) -> dict[str, str]:
        idents = [o.id for o in self.repo.organs] + [a.id for a in self.repo.administrations]
        return unique_names(idents + [u.id for u in self.repo.units])

    def goal_href(self, ident: str) -> str | None:
        name = self.goal_names.get(ident)
        return f"mal/{name}.html" if name else None

    def indicator_href(self, ident: str) -> str | None:
        name = self.indicator_names.get(ident)
        return f"indikatorer/{name}.html" if name else None

    def organ_href(self, ident: str | None) -> str | None:
        name = self.organ_names.get(ident or "")
        return f"organ/{name}.html" if name else None

    # --- goals ------------------------------------------------------------------------------
    def _levels(self) -> dict[str, int]:
        return {level.id: i for i, level in enumerate(self.repo.config.målkedja)}

    def measured(self, goal: Goal) -> bool:
        level = self.repo.config.level(goal.nivå)
        return bool(level.mätbar) if level else True

    def level_name(self, goal: Goal) -> str:
        level = self.repo.config.level(goal.nivå)
        return level.namn if level else goal.nivå

    def data_for(self, goal: Goal) -> ReportData:
        """The report data a goal is judged in: the municipality's for fullmäktige's goals, else its owner's."""
        owner = goal.owner
        if owner is None or owner in self.repo.kf_ids:
            return self.data
        obj = (
            self.repo.organ_by_id.get(owner)
            or self.repo.administration_by_id.get(owner)
            or self.repo.unit_by_id.get(owner)
        )
        return ReportData(self.repo, self.period, obj) if obj is not None else self.data

    def row(self, goal: Goal) -> GoalRow:
        return self._rows[goal.id]

    @cached_property
    def _rows(self) -> dict[str, GoalRow]:
        return {g.id: self.data_for(g).goal_row(g, with_children=False) for g in self.repo.goals}

    def ancestors(self, goal: Goal) -> list[list[Goal]]:
        """The red thread upwards: each path from the goal's parents to a goal that serves none, top first."""
        paths: list[list[Goal]] = []

        def walk(current: Goal, path: list[Goal], seen: frozenset[str]) -> None:
            parents = [self.repo.goal_by_id[p] for p in current.tjänar if p in self.repo.goal_by_id and p not in seen]
            if not parents:
                if path:
                    paths.append(list(reversed(path)))
                return
            for parent in parents:
                walk(parent, [*path, parent], seen | {parent.id})

        walk(goal, [], frozenset({goal.id}))
        return paths

    def children(self, goal: Goal) -> list[Goal]:
        return list(self.repo.children.get(goal.id, []))

    @cached_property
    def top_goals(self) -> list[Goal]:
        """The goals that serve none (the goal areas, perspectives, or fullmäktige's goals), in file order."""
        return [g for g in self.repo.goals if not [p for p in g.tjänar if p in self.repo.goal_by_id]]

    @cached_property
    def kf_goals(self) -> list[Goal]:
        return [
            g
            for g in self.repo.goals
            if g.owner in self.repo.kf_ids and self.measured(g) and g.typ.value != "finansiellt"
        ]

    def goals_of(self, owner: str) -> list[Goal]:
        return [g for g in self.repo.goals if g.owner == owner]

    def indicators_of(self, owner: str) -> list[Indicator]:
        return [i for i in self.repo.indicators if i.organ == owner]

    def indicator_row(self, indicator: Indicator) -> IndicatorRow:
        return self.data.indicator_row(indicator)

    @cached_property
    def goals_by_indicator(self) -> dict[str, list[Goal]]:
        return {
            i.id: [self.repo.goal_by_id[g] for g in i.mål if g in self.repo.goal_by_id] for i in self.repo.indicators
        }

    def organ_kind(self, owner: Organ) -> str:
        return {OrganKind.KF: "fullmäktige", OrganKind.KS: "kommunstyrelsen"}.get(owner.typ, owner.typ.value)

    @property
    def today(self) -> dt.date:
        return self.repo.config.today()
