"""What the reports show of the money: each organ's own economy (a board's net cost against its frame,
a company's own result), investments and projects, the budget's changes during the year, action
plans for negative deviations, internbudgets and the resources set aside for goals.

Plain data for the templates, worked out from one period of `ekonomi:` and the budget. A closed year
(period `ÅÅÅÅ`) is an outcome: nothing in it is a forecast.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from styrmodell.model.budgeting import Allocation, BudgetChange, InternalBudget, Project
from styrmodell.model.economy import ActionPlan, CompanyResult, EconomyPeriod, Staff
from styrmodell.model.governance import Budget, CompanyBudget
from styrmodell.model.repository import Repository


@dataclass
class FrameChange:
    change: BudgetChange
    amount: float  # plus or minus, mnkr


@dataclass
class OrganEconomy:
    """A board's (or another organ's) own economy for a period: net cost against its frame."""

    organ_id: str
    name: str
    frame: float | None  # in force at the period's end, with the changes decided by then
    budget_frame: float | None  # the budget's own, before any change
    changes: list[FrameChange]
    outcome: float | None  # net cost so far (the whole year, when closed)
    forecast: float | None  # net cost for the whole year; None in a closed year
    previous_outcome: float | None  # the same period the year before
    closed: bool
    staff: Staff | None
    plan: ActionPlan | None
    comment: str | None

    @property
    def deviation(self) -> float | None:
        """Frame minus the year's net cost (the outcome when the year is closed): below zero is a deficit."""
        cost = self.outcome if self.closed else self.forecast
        return None if self.frame is None or cost is None else self.frame - cost

    @property
    def negative(self) -> bool:
        return self.deviation is not None and self.deviation < 0

    @property
    def plan_closes_gap(self) -> bool | None:
        """Whether the action plan's stated effect covers the deficit (None: no amount stated)."""
        if self.plan is None or self.plan.belopp is None or self.deviation is None:
            return None
        return self.plan.belopp >= -self.deviation - 1e-9


@dataclass
class CompanyEconomy:
    """A company's own economy for a period, and what the budget said of it."""

    organ_id: str
    name: str
    result: CompanyResult
    previous: CompanyResult | None
    budgeted: CompanyBudget | None  # the budget's account of the company (KL 11 kap. 6 a §)
    closed: bool

    @property
    def budget_result(self) -> float | None:
        if self.result.budget is not None:
            return self.result.budget.resultat
        return self.budgeted.resultat if self.budgeted is not None else None


@dataclass
class ProjectRow:
    project: Project
    organ_name: str
    year_budget: float | None  # the project's expenditure in the budget for the year
    outcome: float | None
    forecast: float | None
    comment: str | None
    closed: bool

    @property
    def deviation(self) -> float | None:
        spent = self.outcome if self.closed else self.forecast
        return None if self.year_budget is None or spent is None else self.year_budget - spent


@dataclass
class InvestmentFrame:
    organ_id: str
    name: str
    frame: float | None
    projects: list[ProjectRow] = field(default_factory=list)

    @property
    def outcome(self) -> float | None:
        known = [p.outcome for p in self.projects if p.outcome is not None]
        return sum(known) if known else None

    @property
    def forecast(self) -> float | None:
        known = [p.forecast for p in self.projects if p.forecast is not None]
        return sum(known) if known else None


@dataclass
class InternalRow:
    key: str
    name: str  # the unit's or administration's name, or the key itself
    amount: float
    goals: list[str]
    comment: str | None


@dataclass
class InternalBudgetView:
    budget: InternalBudget
    organ_name: str
    frame: float | None
    rows: list[InternalRow]

    @property
    def total(self) -> float:
        return self.budget.total

    @property
    def unallocated(self) -> float | None:
        return None if self.frame is None else self.frame - self.total


def period_key_last_year(key: str) -> str:
    year, _, month = key.partition("-")
    return f"{int(year) - 1}" + (f"-{month}" if month else "")


class EconomyView:
    """The money of one period, for the whole municipality or one organ."""

    def __init__(self, repo: Repository, key: str, end: dt.date, budget: Budget | None, economy: EconomyPeriod | None):
        self.repo = repo
        self.key = key
        self.end = end
        self.budget = budget
        self.economy = economy
        self.closed = "-" not in key
        self.previous = _period(repo, period_key_last_year(key))

    def _name(self, organ_id: str) -> str:
        organ = self.repo.organ_by_id.get(organ_id)
        return organ.namn if organ else organ_id

    def frame_changes(self, organ_id: str) -> list[FrameChange]:
        if self.budget is None:
            return []
        return [
            FrameChange(c, c.ramändringar[organ_id])
            for c in self.budget.changes_by(self.end)
            if organ_id in c.ramändringar
        ]

    def organ(self, organ_id: str) -> OrganEconomy | None:
        """The organ's own economy for the period (None: the period has no figures for it)."""
        own = self.economy.nämnder.get(organ_id) if self.economy else None
        if own is None:
            return None
        budget_frame = self.budget.ramar.get(organ_id) if self.budget else None
        frame: float | None
        changes: list[FrameChange]
        if own.budget is not None:
            frame, changes = own.budget, []
        else:
            frame = self.budget.frame(organ_id, self.end) if self.budget else None
            changes = self.frame_changes(organ_id)
        before = self.previous.nämnder.get(organ_id) if self.previous else None
        return OrganEconomy(
            organ_id,
            self._name(organ_id),
            frame,
            budget_frame,
            changes,
            own.utfall if own.utfall is not None or not self.closed else own.prognos,  # the old closed-year form
            None if self.closed else own.prognos,
            before.utfall if before else None,
            self.closed,
            own.personal,
            own.åtgärdsplan,
            own.kommentar,
        )

    @property
    def organs(self) -> list[OrganEconomy]:
        if self.economy is None:
            return []
        return [o for o in (self.organ(i) for i in self.economy.nämnder) if o is not None]

    @property
    def deficits(self) -> list[OrganEconomy]:
        """Organs whose forecast exceeds their frame in a period during the year."""
        return [o for o in self.organs if not self.closed and o.negative]

    def company(self, organ_id: str) -> CompanyEconomy | None:
        result = self.economy.bolag.get(organ_id) if self.economy else None
        if result is None:
            return None
        before = self.previous.bolag.get(organ_id) if self.previous else None
        budgeted = self.budget.koncernföretag.get(organ_id) if self.budget else None
        return CompanyEconomy(organ_id, self._name(organ_id), result, before, budgeted, self.closed)

    @property
    def companies(self) -> list[CompanyEconomy]:
        if self.economy is None:
            return []
        return [c for c in (self.company(i) for i in self.economy.bolag) if c is not None]

    def investments(self, organ_id: str | None = None) -> list[InvestmentFrame]:
        """Per organ with an investment frame or a project: the frame, and its projects' outcome and forecast."""
        if self.budget is None or self.budget.investeringar is None:
            return []
        year = self.budget.år
        plan = self.budget.investeringar
        organs = list(dict.fromkeys([*plan.ramar, *(p.organ for p in plan.projekt)]))
        outcomes = self.economy.investeringar if self.economy else {}
        out = []
        for ident in organs:
            if organ_id is not None and ident != organ_id:
                continue
            rows = [
                ProjectRow(
                    p,
                    self._name(p.organ),
                    p.år.get(year),
                    outcomes[p.id].utfall if p.id in outcomes else None,
                    None if self.closed else (outcomes[p.id].prognos if p.id in outcomes else None),
                    outcomes[p.id].kommentar if p.id in outcomes else None,
                    self.closed,
                )
                for p in plan.projekt
                if p.organ == ident
            ]
            out.append(InvestmentFrame(ident, self._name(ident), self.budget.investment_frame(ident, self.end), rows))
        return out

    @property
    def changes(self) -> list[BudgetChange]:
        return self.budget.changes_by(self.end) if self.budget else []


def _period(repo: Repository, key: str) -> EconomyPeriod | None:
    year = int(key[:4])
    for economy in repo.economies:
        if economy.år == year and key in economy.perioder:
            return economy.perioder[key]
    return None


def internal_budgets(repo: Repository, year: int, organ_id: str | None) -> list[InternalBudgetView]:
    """The year's internbudgets: every board's, or one organ's."""
    budget = next((b for b in repo.budgets if b.år == year), None)
    views = []
    for internal in repo.internal_budgets:
        if internal.år != year or (organ_id is not None and internal.organ != organ_id):
            continue
        organ = repo.organ_by_id.get(internal.organ or "")
        frame = internal.ram
        if frame is None and budget is not None and internal.organ:
            frame = budget.frame(internal.organ, dt.date(year, 1, 1))
        rows = [
            InternalRow(key, repo.owner_name(key) if repo.owner_kind(key) else key, a.belopp, list(a.mål), a.kommentar)
            for key, a in internal.verksamheter.items()
        ]
        views.append(InternalBudgetView(internal, organ.namn if organ else (internal.organ or "–"), frame, rows))
    return views


def allocations(budget: Budget | None, organ_id: str | None = None, goal_id: str | None = None) -> list[Allocation]:
    if budget is None:
        return []
    return [
        a
        for a in budget.satsningar
        if (organ_id is None or a.organ == organ_id) and (goal_id is None or goal_id in a.mål)
    ]
