"""What a report shows, worked out from the repository: goals with their status and why,
indicators with their history, economy, staff, internal control, assignments, registers.

Nothing here formats text for a reader; the templates do. Everything is plain data, so a
municipality's own template (rendered in Jinja's sandbox) can use it without running code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import cast

from styrmodell.model.base import period_sort_key
from styrmodell.model.budgeting import Allocation, BudgetChange
from styrmodell.model.config import AttainmentSettings, Level
from styrmodell.model.economy import EconomyPeriod
from styrmodell.model.followup import ITEMS, FollowUp
from styrmodell.model.goals import (
    Activity,
    Assessment,
    Assignment,
    AssignmentStatus,
    Dialogue,
    Goal,
    GoalOrigin,
    Indicator,
    QualityFactor,
    Strategy,
)
from styrmodell.model.governance import Budget, ControlPlan, DelegationOrder, SteeringDocument
from styrmodell.model.organisation import BOARDS, Administration, Organ, OrganKind, Unit
from styrmodell.model.repository import Repository
from styrmodell.reports.attainment import (
    GoalJudgement,
    Judgement,
    Status,
    goal_status,
    indicator_status,
    period_used,
    settings_for,
    shown_to_kf,
)
from styrmodell.reports.economy import (
    CompanyEconomy,
    EconomyView,
    InternalBudgetView,
    InvestmentFrame,
    OrganEconomy,
    allocations,
    internal_budgets,
)
from styrmodell.reports.period import ReportPeriod
from styrmodell.svenska import dates

STATUS_CLASS = {
    Status.UPPNATT: "uppnått",
    Status.DELVIS: "delvis",
    Status.EJ_UPPNATT: "ej-uppnått",
    Status.EJ_MATT: "ej-mätt",
}


@dataclass
class Point:
    period: str
    outcome: float | None
    target: float | None


@dataclass
class IndicatorRow:
    indicator: Indicator
    judgement: Judgement
    period: str  # the period whose outcome is shown (the latest year, if measured yearly)
    outcome: float | None
    target: float | None
    history: list[Point]  # whole years, oldest first, with this period last
    comparisons: list[tuple[str, float]]
    kolada: bool = False  # the outcome shown is the value fetched from Kolada (the snapshot in kolada/)
    kolada_comparisons: bool = False  # so is a comparison shown

    @property
    def status(self) -> str:
        return self.judgement.status.value

    @property
    def status_class(self) -> str:
        return STATUS_CLASS[self.judgement.status]

    @property
    def trend(self) -> str | None:
        """Better, worse or unchanged against the previous year, in the indicator's direction."""
        values = [p for p in self.history if p.outcome is not None]
        if len(values) < 2 or self.indicator.riktning is None:
            return None
        before, now = values[-2].outcome, values[-1].outcome
        assert before is not None and now is not None  # only points with an outcome
        if now == before:
            return "oförändrat"
        better = (now > before) == (self.indicator.riktning.value == "högre")
        return f"{'bättre' if better else 'sämre'} än {values[-2].period}"


@dataclass
class StrategyRow:
    strategy: Strategy
    activities: list[Activity]


@dataclass
class GoalRow:
    goal: Goal
    level: str
    area: str | None  # the goal above it at a level that is not measured (the goal area)
    organ: Organ | None
    judgement: GoalJudgement
    assessment: Assessment | None  # the follow-up recorded for the period
    indicators: list[IndicatorRow]
    activities: list[Activity]  # the activities that carry out no strategy of the goal's
    assignments: list[Assignment]
    serves: list[Goal]
    children: list[GoalRow] = field(default_factory=list)
    strategies: list[StrategyRow] = field(default_factory=list)
    owner_name: str = ""  # who owns the goal, in words (an organ, an administration, a unit)
    reported_to_kf: list[IndicatorRow] = field(default_factory=list)  # the boards' indicators shown to KF

    @property
    def kind(self) -> str | None:
        """'mål utifrån uppdraget' or 'eget resultatmål', for a board's goal that says which."""
        return {GoalOrigin.UPPDRAG: "mål utifrån uppdraget", GoalOrigin.EGET: "eget resultatmål"}.get(
            self.goal.slag  # type: ignore[arg-type]
        )

    @property
    def children_below_boards(self) -> bool:
        return bool(self.children) and all(c.goal.förvaltning or c.goal.enhet for c in self.children)

    @property
    def status(self) -> str:
        return self.judgement.status.value

    @property
    def status_class(self) -> str:
        return STATUS_CLASS[self.judgement.status]

    @property
    def reason(self) -> str:
        return self.judgement.reason


@dataclass
class QualityRow:
    factor: QualityFactor
    indicators: list[IndicatorRow]


@dataclass
class PlanGoal:
    """One strategic goal in an uppdragsplan: the year's assignments that serve it, and its indicators."""

    goal: Goal
    area: str | None
    assignments: list[Assignment]
    indicators: list[IndicatorRow]
    level: str = ""

    @property
    def heading(self) -> str:
        return self.area or self.level


Owner = Organ | Administration | Unit


@dataclass
class AreaSummary:
    name: str
    counts: dict[str, int]  # status → number of goals

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class FollowUpSection:
    """One kind of follow-up material in a report: whose it is and what it says, and who lacks it."""

    key: str  # the field in `uppföljning:`
    title: str
    entries: list[tuple[str, object]]  # (whose, the text or object)
    missing: list[str]


@dataclass
class ReportData:
    """Everything any report template may use, for one organ, administration or unit (`organ`), or
    (organ None) the whole municipality."""

    repo: Repository
    period: ReportPeriod
    organ: Owner | None

    @property
    def is_organ(self) -> bool:
        return isinstance(self.organ, Organ)

    @property
    def owner_kind(self) -> str:
        """kommun, organ, förvaltning or enhet: what the report is for."""
        if self.organ is None:
            return "kommun"
        return (
            "organ"
            if isinstance(self.organ, Organ)
            else "förvaltning"
            if isinstance(self.organ, Administration)
            else "enhet"
        )

    @cached_property
    def _units(self) -> set[str]:
        """The owner and the administrations and units under it (an organ: its administrations)."""
        if self.organ is None:
            return set()
        ids = {self.organ.id}
        if isinstance(self.organ, Organ):
            ids |= {a.id for a in self.repo.administrations if self.organ.id in a.nämnd}
        if isinstance(self.organ, (Organ, Administration)):
            ids |= {u.id for u in self.repo.units if u.förvaltning in ids}
        return ids

    @cached_property
    def _recipients(self) -> set[str]:
        """Who stands for an administration or unit as an assignment's receiver: itself, its units, and
        the roles employed in them (an assignment to the head of social services is the administration's)."""
        return self._units | {r.id for r in self.repo.roles if r.förvaltning in self._units}

    def _owned(self, obj) -> bool:
        """Whether a goal, strategy, activity or quality factor is this report's owner's own."""
        if self.organ is None:
            return True
        return obj.owner == self.organ.id

    # --- who and what ------------------------------------------------------------------------
    @property
    def municipality(self) -> str:
        return self.repo.config.kommun.namn

    @property
    def kommunkod(self) -> str:
        return self.repo.config.kommun.kommunkod

    @property
    def scope(self) -> str:
        """Whose report: the organ's name, or the municipality's."""
        return self.organ.namn if self.organ else self.municipality

    @property
    def vision(self):
        return self.repo.visions[0] if self.repo.visions else None

    @cached_property
    def kf(self) -> Organ | None:
        return next((o for o in self.repo.organs if o.typ.value == "kf"), None)

    def organ_name(self, ident: str | None) -> str:
        """An organ's name; where an administration, a unit or a role may stand (an assignment's
        receiver), theirs."""
        return self.repo.owner_name(ident)

    def role_name(self, ident: str | None) -> str:
        """A role's name; where an organ may stand (`ansvarig: ks`), the organ's."""
        role = self.repo.role_by_id.get(ident or "")
        return role.namn if role else self.organ_name(ident)

    def _role_or_id(self, ident: str | None) -> str:
        role = self.repo.role_by_id.get(ident or "")
        return role.namn if role else (ident or "–")

    # --- goals -------------------------------------------------------------------------------
    @cached_property
    def _levels(self) -> dict[str, Level]:
        return {level.id: level for level in self.repo.config.målkedja}

    def _level_name(self, goal: Goal) -> str:
        level = self._levels.get(goal.nivå)
        return level.namn if level else goal.nivå

    def _measured(self, goal: Goal) -> bool:
        level = self._levels.get(goal.nivå)
        return bool(level.mätbar) if level else True

    def _area(self, goal: Goal) -> str | None:
        for parent_id in goal.tjänar:
            parent = self.repo.goal_by_id.get(parent_id)
            if parent is not None and not self._measured(parent):
                return parent.text
        return None

    def indicator_row(
        self, indicator: Indicator, key: str | None = None, settings: AttainmentSettings | None = None
    ) -> IndicatorRow:
        """The indicator as of the report's period, or as of `key` (an earlier period), judged by the
        definitions of attainment of the goal it is shown under (`settings`)."""
        key = key or self.period.key
        settings = settings or self.repo.config.måluppfyllelse
        judgement = indicator_status(indicator, key, settings.delvis_marginal_procent, settings.kvalitativ_delvis_steg)
        used = period_used(indicator, key)
        year = int(used[:4])
        years = sorted(
            {int(p) for p in indicator.utfall if "-" not in p and int(p) <= year}
            | {y for y in indicator.målvärden if y <= self.period.year}
        )
        if indicator.bas is not None and indicator.bas.år not in years and indicator.bas.år <= year:
            years = sorted(set(years) | {indicator.bas.år})
        history = []
        for y in years:
            outcome = indicator.utfall.get(str(y))
            if outcome is None and indicator.bas is not None and indicator.bas.år == y:
                outcome = indicator.bas.värde
            history.append(Point(str(y), outcome, indicator.målvärden.get(y)))
        if "-" in used:
            history = [p for p in history if int(p.period) < year]
            history.append(Point(used, indicator.utfall.get(used), indicator.målvärden.get(year)))
        comparisons = []
        from_kolada = False
        for name, values in sorted(indicator.jämförelser.items()):
            known = [(p, v) for p, v in values.items() if v is not None and p[:4] <= used[:4]]
            if known:
                period, value = max(known)
                comparisons.append((f"{name} {period}", value))
                from_kolada = from_kolada or self._from_kolada(indicator, period, value, None)
        outcome = indicator.utfall.get(used)
        return IndicatorRow(
            indicator,
            judgement,
            used,
            outcome,
            indicator.målvärden.get(year),
            history,
            comparisons,
            kolada=self._from_kolada(indicator, used, outcome, self.kommunkod),
            kolada_comparisons=from_kolada,
        )

    def _from_kolada(self, indicator: Indicator, period: str, value: float | None, code: str | None) -> bool:
        """Whether `value` for `period` is what Kolada gave (for the municipality `code`, or for any area)."""
        kpi = indicator.kolada_id
        if kpi is None or value is None or not period.isdigit() or not self.repo.kolada_fetches:
            return False
        year = int(period)
        for (k, area, y, gender), (fetched, _) in self.repo.kolada.items():
            if k == kpi and y == year and gender == "T" and (code is None or area == code):
                if fetched.värde is not None and abs(fetched.värde - value) < 1e-9:
                    return True
        return False

    def goal_row(self, goal: Goal, with_children: bool = True) -> GoalRow:
        children = (
            [self.goal_row(c, False) for c in self.repo.children.get(goal.id, []) if self._measured(c)]
            if with_children
            else []
        )
        settings = settings_for(self.repo, goal)
        for_kf = self.organ is None
        indicators = [
            self.indicator_row(i, settings=settings)
            for i in self.repo.indicators_by_goal.get(goal.id, [])
            if not for_kf or shown_to_kf(self.repo, i)
        ]
        strategies = [
            StrategyRow(s, [a for a in self.repo.activities if s.id in a.strategi])
            for s in self.repo.strategies_by_goal.get(goal.id, [])
        ]
        in_strategies = {a.id for row in strategies for a in row.activities}
        reported = []
        if for_kf and self.repo.marks_kf_indicators:
            seen = {row.indicator.id for row in indicators}
            for child in children:
                for row in child.indicators:
                    if row.indicator.till_fullmäktige and row.indicator.id not in seen:
                        seen.add(row.indicator.id)
                        reported.append(row)
        return GoalRow(
            goal=goal,
            level=self._level_name(goal),
            area=self._area(goal),
            organ=self.repo.organ_by_id.get(goal.organ or ""),
            judgement=goal_status(self.repo, goal.id, self.period.key, for_kf=for_kf),
            assessment=goal.bedömningar.get(self.period.key),
            indicators=indicators,
            activities=[a for a in self.repo.activities_by_goal.get(goal.id, []) if a.id not in in_strategies],
            assignments=[a for a in self.repo.assignments if goal.id in a.mål],
            serves=[self.repo.goal_by_id[g] for g in goal.tjänar if g in self.repo.goal_by_id],
            children=children,
            strategies=strategies,
            owner_name=self.repo.owner_name(goal.owner),
            reported_to_kf=reported,
        )

    def _follows_up(self, goal: Goal) -> bool:
        return self._measured(goal) and goal.in_force(self.period.year) and goal.typ.value != "finansiellt"

    @cached_property
    def _owner(self) -> str | None:
        return self.organ.id if self.organ else (self.kf.id if self.kf else None)

    @cached_property
    def attainment_decisions(self) -> list[tuple[str, str]]:
        """(what the definitions of attainment apply to, the decision in words), where decided."""
        settings = self.repo.config.måluppfyllelse
        out = []
        if settings.beslut:
            out.append(("för hela målkedjan", self._decision(settings.beslut)))
        for level_id, rule in settings.nivåer.items():
            if rule.beslut:
                level = self._levels.get(level_id)
                out.append((f"för nivån {level.namn if level else level_id}", self._decision(rule.beslut)))
        for goal_id, rule in settings.målområden.items():
            goal = self.repo.goal_by_id.get(goal_id)
            if rule.beslut and goal is not None:
                out.append((f"för målområdet {goal.text}", self._decision(rule.beslut)))
        return out

    def _decision(self, decision) -> str:
        text = f"{self.organ_name(decision.organ)} {dates.date(decision.datum)}"
        return f"{text} {decision.paragraf}" if decision.paragraf else text

    @cached_property
    def own_goals(self) -> list[Goal]:
        return [g for g in self.repo.goals if g.owner == self._owner and self._follows_up(g)]

    @cached_property
    def goals(self) -> list[GoalRow]:
        """The measured goals this report follows up: the organ's own, or fullmäktige's (with the
        board goals under them) for the whole municipality. An organ without goals of its own
        (Grästorp's kommunstyrelse works on fullmäktige's goals) follows up the goals its
        indicators and activities serve. Financial goals are in `financial_goals`."""
        chosen = self.own_goals or self.served_goals
        return [self.goal_row(g, bool(self.own_goals) or self.organ is None) for g in chosen]

    @cached_property
    def served_goals(self) -> list[Goal]:
        """For an organ: the goals of fullmäktige (or of the organ it is under) that its indicators
        and activities serve. Another board's goals are that board's to report."""
        if self.organ is None:
            return []
        ident = self.organ.id
        ids = {g for i in self.repo.indicators if i.organ == ident for g in i.mål}
        ids |= {g for a in self.repo.activities if ident in (a.organ, a.förvaltning, a.enhet) for g in a.mål}
        ids |= {g for s in self.repo.strategies if s.owner == ident for g in s.mål}
        if isinstance(self.organ, Organ):
            above = {self.kf.id if self.kf else None, self.organ.under}
            return [
                g
                for g in self.repo.goals
                if g.id in ids and g.owner in above and not (g.förvaltning or g.enhet) and self._follows_up(g)
            ]
        boards = set(self.repo.boards_of(ident)) | {self.kf.id if self.kf else None}
        administration = self.repo.administration_of(ident)
        above = boards | ({administration} if administration and administration != ident else set())
        return [g for g in self.repo.goals if g.id in ids and g.owner in above and self._follows_up(g)]

    @cached_property
    def indicator_rows(self) -> list[IndicatorRow]:
        """The indicators of the goals followed up and of the goals under them, each once."""
        seen: set[str] = set()
        rows = []
        for goal in self.goals:
            for row in goal.indicators + [i for child in goal.children for i in child.indicators]:
                if row.indicator.id not in seen:
                    seen.add(row.indicator.id)
                    rows.append(row)
        return rows

    @cached_property
    def financial_goals(self) -> list[GoalRow]:
        return [
            self.goal_row(g, False)
            for g in self.repo.goals
            if g.owner == self._owner and g.typ.value == "finansiellt" and g.in_force(self.period.year)
        ]

    @cached_property
    def quality(self) -> list[QualityRow]:
        """The critical quality factors of the owner (of the whole municipality: all), with their indicators."""
        rows = []
        for factor in self.repo.quality_factors:
            if self.organ is not None and factor.owner not in self._units:
                continue
            indicators = [self.indicator_row(i) for i in self.repo.indicators if factor.id in i.kvalitetsfaktor]
            rows.append(QualityRow(factor, indicators))
        return rows

    @cached_property
    def strategies(self) -> list[Strategy]:
        return [s for s in self.repo.strategies if self.organ is None or s.owner in self._units]

    @cached_property
    def areas(self) -> list[AreaSummary]:
        """Goals per goal area and status, for the overview chart."""
        out: dict[str, dict[str, int]] = {}
        for row in self.goals + self.financial_goals:
            name = row.area or ("Finansiella mål" if row.goal.typ.value == "finansiellt" else row.level)
            counts = out.setdefault(name, {s.value: 0 for s in Status})
            counts[row.status] += 1
        return [AreaSummary(name, counts) for name, counts in out.items()]

    @property
    def status_counts(self) -> dict[str, int]:
        counts = {s.value: 0 for s in Status}
        for row in self.goals + self.financial_goals:
            counts[row.status] += 1
        return counts

    @cached_property
    def current_state(self) -> list[IndicatorRow]:
        """The indicators as they stood at their latest outcome up to the period: a plan's starting point."""
        rows = []
        source = self.indicator_rows
        if not source and isinstance(self.organ, (Administration, Unit)):
            # an administration that works on its board's assignments starts from the board's indicators
            boards = set(self.repo.boards_of(self.organ.id))
            source = [self.indicator_row(i) for i in self.repo.indicators if i.organ in boards]
        for row in source:
            known = [
                p
                for p, v in row.indicator.utfall.items()
                if v is not None and period_sort_key(p) <= period_sort_key(self.period.key)
            ]
            rows.append(self.indicator_row(row.indicator, max(known, key=period_sort_key)) if known else row)
        return rows

    # --- activities, assignments, dialogue --------------------------------------------------------
    def _mine(self, organ_id: str | None, goal_ids: Sequence[str] = ()) -> bool:
        if self.organ is None:
            return True
        if organ_id == self.organ.id:
            return True
        return any(
            self.repo.goal_by_id.get(g) is not None and self.repo.goal_by_id[g].owner == self.organ.id for g in goal_ids
        )

    @cached_property
    def activities(self) -> list[Activity]:
        if isinstance(self.organ, (Administration, Unit)):
            return [
                a
                for a in self.repo.activities
                if a.förvaltning in self._units or a.enhet in self._units or self._mine(None, a.mål)
            ]
        return [a for a in self.repo.activities if self._mine(a.organ, a.mål)]

    @cached_property
    def assignments(self) -> list[Assignment]:
        """The assignments given by or to the owner (an administration: to it or its units), given by the
        period's end."""
        if self.organ is None:
            rows = list(self.repo.assignments)
        elif isinstance(self.organ, Organ):
            rows = [a for a in self.repo.assignments if self.organ.id in (a.mottagare, a.givare)]
        else:
            rows = [a for a in self.repo.assignments if a.mottagare in self._recipients]
        return [a for a in rows if a.status_on(self.period.end) is not None]

    def status_on_end(self, assignment: Assignment) -> AssignmentStatus:
        """The assignment's status as it stood at the period's end (the date of a status report)."""
        return assignment.status_on(self.period.end) or AssignmentStatus.EJ_PABORJAT

    @cached_property
    def open_assignments(self) -> list[Assignment]:
        """Assignments not yet carried out at the period's end, the overdue first."""
        rows = [a for a in self.assignments if not a.done_on(self.period.end)]
        return sorted(rows, key=lambda a: (a.senast is None, a.senast or self.period.end, a.id))

    @cached_property
    def done_assignments(self) -> list[Assignment]:
        return [a for a in self.assignments if a.done_on(self.period.end)]

    def overdue(self, assignment: Assignment) -> bool:
        """Past its last day at the period's end and not carried out by then."""
        return assignment.late_on(self.period.end)

    @cached_property
    def plan_goals(self) -> list[PlanGoal]:
        """An uppdragsplan: the year's assignments of the owner (given by it; for the whole municipality,
        all) under the goals they serve, with the owner's indicators for those goals."""
        mine = self._plan_assignments
        indicators = [
            i
            for i in self.repo.indicators
            if (self.organ is None and shown_to_kf(self.repo, i))
            or (self.organ is not None and i.organ == self.organ.id)
        ]
        rows = []
        for goal in self.repo.goals:
            if goal.typ.value == "finansiellt" or not self._measured(goal):
                continue
            assignments = [a for a in mine if goal.id in a.mål]
            measured = [i for i in indicators if goal.id in i.mål]
            if assignments or measured:
                settings = settings_for(self.repo, goal)
                shown = [self.indicator_row(i, settings=settings) for i in measured]
                rows.append(PlanGoal(goal, self._area(goal), assignments, shown, self._level_name(goal)))
        return rows

    @cached_property
    def assignment_activities(self) -> list[tuple[Assignment, list[Activity]]]:
        """The owner's activities that carry out assignments, under each assignment (a verksamhetsplan that
        describes how the administration carries out the board's assignments)."""
        rows = []
        for assignment in self.repo.assignments:
            doing = [a for a in self.activities if assignment.id in a.uppdrag]
            if doing:
                rows.append((assignment, doing))
        return rows

    @property
    def plan_assignment_count(self) -> int:
        return sum(len(row.assignments) for row in self.plan_goals) + len(self.plan_other_assignments)

    @cached_property
    def plan_other_assignments(self) -> list[Assignment]:
        """The year's assignments in the plan that serve none of the goals."""
        placed = {a.id for row in self.plan_goals for a in row.assignments}
        return [a for a in self._plan_assignments if a.id not in placed]

    @cached_property
    def _plan_assignments(self) -> list[Assignment]:
        """The year's assignments of the plan's owner (given or received by it; for the whole
        municipality, all)."""
        if self.organ is None:
            mine = list(self.repo.assignments)
        elif isinstance(self.organ, Organ):
            mine = [a for a in self.repo.assignments if self.organ.id in (a.givare, a.mottagare)]
        else:
            mine = [a for a in self.repo.assignments if a.mottagare in self._recipients]
        return [a for a in mine if a.plan_year == self.period.year]

    @cached_property
    def dialogues(self) -> list[Dialogue]:
        start = f"{self.period.year}-01-01"
        rows = [
            d
            for d in self.repo.dialogues
            if start <= d.datum.isoformat() <= self.period.end.isoformat()
            and (self.organ is None or self.organ.id == d.forum or self._mine(None, d.mål))
        ]
        return sorted(rows, key=lambda d: (d.datum, d.id))

    # --- economy -------------------------------------------------------------------------------
    @cached_property
    def budget(self) -> Budget | None:
        """The budget for the period's year, else the latest budget whose plan covers that year."""
        exact = next((b for b in self.repo.budgets if b.år == self.period.year), None)
        if exact is not None:
            return exact
        covering = [b for b in self.repo.budgets if self.period.year in b.plan]
        return max(covering, key=lambda b: b.år) if covering else None

    @cached_property
    def economy(self) -> EconomyPeriod | None:
        for economy in self.repo.economies:
            if economy.år == self.period.year and self.period.key in economy.perioder:
                return economy.perioder[self.period.key]
        return None

    @cached_property
    def economy_previous_year(self) -> EconomyPeriod | None:
        for economy in self.repo.economies:
            if economy.år == self.period.year - 1:
                key = (
                    str(self.period.year - 1)
                    if self.period.whole_year
                    else f"{self.period.year - 1}-{self.period.month:02d}"
                )
                if key in economy.perioder:
                    return economy.perioder[key]
        return None

    @property
    def closed(self) -> bool:
        """Whether the period is a closed year: its economy is an outcome, not a forecast."""
        return self.period.whole_year

    @property
    def balanced_budget_result(self) -> float | None:
        return self.economy.balanced_budget_result(outcome=self.closed) if self.economy else None

    def frame(self, organ_id: str) -> float | None:
        """The organ's frame at the period's end: the budget's, with the changes decided by then."""
        forecast = self.economy.nämnder.get(organ_id) if self.economy else None
        if forecast is not None and forecast.budget is not None:
            return forecast.budget
        return self.budget.frame(organ_id, self.period.end) if self.budget else None

    @cached_property
    def board_forecasts(self) -> list[tuple[str, float | None, float | None, float | None, float | None, str | None]]:
        """(organ, frame, outcome so far, forecast, deviation, comment) per board; the deviation is the frame
        minus the forecast, or in a closed year minus the outcome. Kept for municipalities' own templates:
        the shipped ones use `organ_economies`."""
        return [
            (o.name, o.frame, o.outcome, o.forecast, o.deviation, o.comment)
            for o in self.organ_economies
            if not self.is_company
        ]

    # --- each organ's own money ----------------------------------------------------------------
    @cached_property
    def money(self) -> EconomyView:
        return EconomyView(self.repo, self.period.key, self.period.end, self.budget, self.economy)

    @property
    def is_company(self) -> bool:
        return isinstance(self.organ, Organ) and self.organ.typ == OrganKind.BOLAG

    @cached_property
    def organ_economies(self) -> list[OrganEconomy]:
        """Every board's own economy (for the whole municipality), or the organ's own."""
        if self.organ is None:
            return self.money.organs
        if not isinstance(self.organ, Organ):
            return []
        own = self.money.organ(self.organ.id)
        return [own] if own is not None else []

    @cached_property
    def own_economy(self) -> OrganEconomy | None:
        return self.organ_economies[0] if self.organ is not None and self.organ_economies else None

    @cached_property
    def companies(self) -> list[CompanyEconomy]:
        """The companies' own economy (for the whole municipality), or the company's own."""
        if self.organ is None:
            return self.money.companies
        own = self.money.company(self.organ.id) if self.is_company else None
        return [own] if own is not None else []

    @cached_property
    def own_company(self) -> CompanyEconomy | None:
        return self.companies[0] if self.is_company and self.companies else None

    @property
    def staff(self):
        """The staff of the report's owner: the municipality's, or the organ's or company's own."""
        if self.organ is None:
            return self.economy.personal if self.economy else None
        if self.own_company is not None:
            return self.own_company.result.personal
        return self.own_economy.staff if self.own_economy is not None else None

    @cached_property
    def deficits(self) -> list[OrganEconomy]:
        """Boards that forecast a negative deviation in a period during the year (the owner, if one)."""
        boards = {o.id for o in self.repo.organs if o.typ in BOARDS}
        return [o for o in self.organ_economies if not self.closed and o.negative and o.organ_id in boards]

    @cached_property
    def investments(self) -> list[InvestmentFrame]:
        if self.organ is not None and not isinstance(self.organ, Organ):
            return []
        return self.money.investments(self.organ.id if self.organ is not None else None)

    @cached_property
    def budget_changes(self) -> list[BudgetChange]:
        """The changes of the year's budget decided by the period's end (an organ: those of its frames)."""
        changes = self.money.changes
        if self.organ is None:
            return changes
        ident = self.organ.id
        return [c for c in changes if ident in c.ramändringar or ident in c.investeringsändringar]

    @cached_property
    def internal_budgets(self) -> list[InternalBudgetView]:
        if self.organ is not None and not isinstance(self.organ, Organ):
            board = self.repo.boards_of(self.organ.id)
            views = [v for b in board for v in internal_budgets(self.repo, self.period.year, b)]
            for view in views:
                view.rows = [r for r in view.rows if r.key in self._units]
            return [v for v in views if v.rows]
        return internal_budgets(self.repo, self.period.year, self.organ.id if self.organ else None)

    def allocations(self, goal_id: str | None = None) -> list[Allocation]:
        """What the budget sets aside within the frames for goals: the owner's, or those for one goal."""
        organ_id = self.organ.id if isinstance(self.organ, Organ) and goal_id is None else None
        return allocations(self.budget, organ_id, goal_id)

    def goal_texts(self, ids: Sequence[str]) -> list[str]:
        return [self.repo.goal_by_id[g].text if g in self.repo.goal_by_id else g for g in ids]

    @property
    def good_financial_management(self) -> tuple[str, str]:
        """(assessment, why): god ekonomisk hushållning from the financial goals and the activity goals."""
        financial = [r.judgement.status for r in self.financial_goals]
        activity = [r.judgement.status for r in self.goals]
        measured_f = [s for s in financial if s != Status.EJ_MATT]
        measured_a = [s for s in activity if s != Status.EJ_MATT]
        f_ok = sum(1 for s in measured_f if s == Status.UPPNATT)
        a_ok = sum(1 for s in measured_a if s in (Status.UPPNATT, Status.DELVIS))
        why = (
            f"{f_ok} av {len(measured_f)} bedömda finansiella mål uppnås; {a_ok} av {len(measured_a)} bedömda "
            f"verksamhetsmål uppnås helt eller delvis"
        )
        if not measured_f and not measured_a:
            return "kan inte bedömas", "inga mål har utfall för perioden"
        if measured_f and f_ok == len(measured_f) and (not measured_a or 2 * a_ok >= len(measured_a)):
            return "uppnås", why
        if (measured_f and f_ok * 2 >= len(measured_f)) or (not measured_f and 2 * a_ok >= len(measured_a)):
            return "uppnås delvis", why
        return "uppnås inte", why

    @cached_property
    def compass(self):
        return compass_view(self)

    # --- follow-up material: the auditors, complaints, egenkontroller, surveys -----------------------
    @cached_property
    def _follow_ups(self) -> dict[str | None, FollowUp]:
        """The period's `uppföljning:` by organ (None: the whole municipality, also written `organ: kf`)."""
        out: dict[str | None, FollowUp] = {}
        for item in self.repo.follow_ups:
            if item.period == self.period.key:
                key = None if item.organ is None or item.organ in self.repo.kf_ids else item.organ
                out.setdefault(key, item)
        return out

    def _providers(self) -> list[Organ]:
        """Whose material a whole-municipality report gathers: the boards' and companies' (seed: "från
        nämnder, styrelser och bolag")."""
        kinds = BOARDS | {OrganKind.BOLAG}
        return [o for o in self.repo.organs if o.typ in kinds]

    def follow_up_sections(self, report: str) -> list[FollowUpSection]:
        """The follow-up material a report (`årsredovisning` or `delårsrapport`) prints: every item the
        municipality requires (`kräv_underlag:`) or the period has, with whose it is and who lacks it."""
        required = getattr(self.repo.config.kräv_underlag, report, [])
        sections = []
        for key, (title, scope) in ITEMS.items():
            if scope == "kommun" and self.organ is not None:
                continue
            if scope == "kommun":
                owners: list[tuple[str | None, str]] = [(None, self.municipality)]
            elif self.organ is None:
                owners = [(None, self.municipality)] + [(o.id, o.namn) for o in self._providers()]
            else:
                owners = [(self.organ.id, self.organ.namn)]
            entries = []
            lacking = []
            for ident, name in owners:
                found = self._follow_ups.get(ident)
                if found is not None and found.has(key):
                    entries.append((name, getattr(found, key)))
                elif ident is not None or scope == "kommun" or self.organ is not None:
                    lacking.append((ident, name))
            if not entries and key not in required:
                continue
            missing = []
            if key in required and lacking:
                names = ", ".join(name for _, name in lacking)
                where = "uppföljning: period: " + self.period.key + ("" if scope == "kommun" else ", organ: …")
                missing.append(f"{title.lower()} för {self.period.label} från {names} ({where}, {key})")
            sections.append(FollowUpSection(key, title, entries, missing))
        return sections

    # --- registers ---------------------------------------------------------------------------
    @property
    def is_board(self) -> bool:
        """The whole municipality, or a board in the sense of KL: these delegate and keep internal control."""
        return self.organ is None or (isinstance(self.organ, Organ) and self.organ.typ in BOARDS)

    @cached_property
    def expects_control_plan(self) -> bool:
        """Whether this organ should have an internal-control plan, as rule SM903 is set for the repository."""
        if self.organ is None:
            return True
        if not isinstance(self.organ, Organ):
            return False
        from styrmodell.rules import control_plan
        from styrmodell.validation.checker import active_rules

        for active in active_rules(self.repo.config):
            if active.rule.code == control_plan.CODE:
                return self.organ.typ in control_plan.expected_kinds(cast(control_plan.Options, active.options))
        return False

    @cached_property
    def control_plans(self) -> list[ControlPlan]:
        return [
            c
            for c in self.repo.control_plans
            if c.år == self.period.year and (self.organ is None or c.organ == self.organ.id)
        ]

    @cached_property
    def delegation_orders(self) -> list[DelegationOrder]:
        return [d for d in self.repo.delegation_orders if self.organ is None or d.organ == self.organ.id]

    @cached_property
    def documents(self) -> list[SteeringDocument]:
        """The register: every document, or those the owner decided or is responsible for (itself, or
        through a role in it or in its administrations)."""
        if self.organ is None:
            rows = list(self.repo.documents)
        else:
            people = {r.id for r in self.repo.roles if r.organ in self._units or r.förvaltning in self._units}
            mine = self._units | people
            rows = [d for d in self.repo.documents if d.beslutad_av in mine or d.ansvarig in mine]
        return sorted(rows, key=lambda d: (d.typ.value, d.titel))

    def replaced_by(self, document: SteeringDocument) -> list[SteeringDocument]:
        return self.repo.replaced_by.get(document.id, [])

    def last_review(self, document: SteeringDocument) -> dt.date | None:
        dates = [d for d in (document.beslutsdatum, document.reviderad) if d]
        return max(dates) if dates else None


def compass_view(data: ReportData):
    """The latest own evaluation with Kommunkompassen, as `styr kompass` shows it (None: there is none)."""
    from styrmodell.kompass.scoring import own_evaluations, score
    from styrmodell.kompass.view import build_view

    own = own_evaluations(data.repo)
    if not own:
        return None
    latest = [e for e in own if e.år <= data.period.year] or own
    return build_view(data.repo, score(data.repo, latest[-1]), [])
