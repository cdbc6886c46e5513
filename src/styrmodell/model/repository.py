"""The whole governance repository as one model, with indexes for the rules."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from styrmodell.model.base import Node
from styrmodell.model.budgeting import InternalBudget
from styrmodell.model.compass import Catalogue, Evaluation
from styrmodell.model.config import Config
from styrmodell.model.economy import Economy
from styrmodell.model.followup import FollowUp
from styrmodell.model.goals import Activity, Assignment, Dialogue, Goal, Indicator, QualityFactor, Strategy, Vision
from styrmodell.model.governance import AnnualWheel, Budget, ControlPlan, DelegationOrder, Event, SteeringDocument
from styrmodell.model.kolada import KoladaFetch, KoladaValue
from styrmodell.model.organisation import Administration, Organ, OrganKind, Role, Unit

# The kinds whose ids share the repository-wide namespace (`Repository.globals`).
Identified = (
    Organ
    | Administration
    | Unit
    | Role
    | Goal
    | Strategy
    | Indicator
    | QualityFactor
    | Activity
    | Assignment
    | Dialogue
    | SteeringDocument
    | Event
)


@dataclass
class Repository:
    config: Config
    files: list[str] = field(default_factory=list)
    organs: list[Organ] = field(default_factory=list)
    administrations: list[Administration] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    visions: list[Vision] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    strategies: list[Strategy] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    quality_factors: list[QualityFactor] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    dialogues: list[Dialogue] = field(default_factory=list)
    delegation_orders: list[DelegationOrder] = field(default_factory=list)
    documents: list[SteeringDocument] = field(default_factory=list)
    control_plans: list[ControlPlan] = field(default_factory=list)
    budgets: list[Budget] = field(default_factory=list)
    economies: list[Economy] = field(default_factory=list)
    internal_budgets: list[InternalBudget] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)  # auditors, complaints, surveys (seed 001 §3)
    wheels: list[AnnualWheel] = field(default_factory=list)
    compass_evaluations: list[Evaluation] = field(default_factory=list)  # Kommunkompassen (seed 002)
    compass_catalogues: list[Catalogue] = field(default_factory=list)
    kolada_fetches: list[KoladaFetch] = field(default_factory=list)  # what `styr importera kolada` fetched
    # ids of objects that failed validation or could not be read: they exist, so references to them
    # are not reported (id → the file they stand in)
    broken_ids: dict[str, str] = field(default_factory=dict)
    # objects kept without the fields that failed validation (object → those fields): a finding about
    # what such an object lacks may follow from the schema error and is left out (validation/checker.py)
    salvaged: list[tuple[Node, frozenset[str]]] = field(default_factory=list)

    def globals(self) -> list[tuple[str, Sequence[Identified]]]:
        """Every kind whose ids share the repository-wide namespace, with its Swedish name."""
        return [
            ("organ", self.organs),
            ("förvaltning", self.administrations),
            ("enhet", self.units),
            ("roll", self.roles),
            ("mål", self.goals),
            ("strategi", self.strategies),
            ("indikator", self.indicators),
            ("kvalitetsfaktor", self.quality_factors),
            ("aktivitet", self.activities),
            ("uppdrag", self.assignments),
            ("dialog", self.dialogues),
            ("styrdokument", self.documents),
            ("händelse", [e for w in self.wheels for e in w.händelser]),
        ]

    @cached_property
    def index(self) -> dict[str, tuple[str, Node]]:
        """id → (kind, object); the first definition wins (duplicates are a finding)."""
        out: dict[str, tuple[str, Node]] = {}
        for kind, objects in self.globals():
            for obj in objects:
                out.setdefault(obj.id, (kind, obj))
        return out

    def lookup(self, ident: str) -> tuple[str, Node] | None:
        return self.index.get(ident)

    @cached_property
    def organisation(self) -> Organisation:
        """The organs, administrations, units and roles alone: what the delegation rules read from
        the organisation's files when they check one file at a time (rules/base.py)."""
        alone = Repository(
            config=self.config,
            organs=self.organs,
            administrations=self.administrations,
            units=self.units,
            roles=self.roles,
        )
        return Organisation(alone)

    @cached_property
    def id_kinds(self) -> dict[str, str]:
        """id → its kind, as `index` has it (the first definition wins)."""
        return {ident: kind for ident, (kind, _) in self.index.items()}

    @cached_property
    def organ_by_id(self) -> dict[str, Organ]:
        return {o.id: o for o in self.organs}

    @cached_property
    def kf_ids(self) -> set[str]:
        """Fullmäktige's id (a set: a repository with none, or a mistaken second, still works)."""
        return {o.id for o in self.organs if o.typ == OrganKind.KF}

    @cached_property
    def role_by_id(self) -> dict[str, Role]:
        return {r.id: r for r in self.roles}

    @cached_property
    def goal_by_id(self) -> dict[str, Goal]:
        return {g.id: g for g in reversed(self.goals)}

    @cached_property
    def indicators_by_goal(self) -> dict[str, list[Indicator]]:
        return _by_goal(self.indicators)

    @cached_property
    def activities_by_goal(self) -> dict[str, list[Activity]]:
        return _by_goal(self.activities)

    @cached_property
    def children(self) -> dict[str, list[Goal]]:
        """goal id → the goals that serve it."""
        out: dict[str, list[Goal]] = defaultdict(list)
        for goal in self.goals:
            for parent in goal.tjänar:
                out[parent].append(goal)
        return out

    @cached_property
    def kolada(self) -> dict[tuple[str, str, int, str], tuple[KoladaValue, KoladaFetch]]:
        """(kpi, kommun, år, kön) → the value Kolada gave and the fetch it came with; the latest fetch wins."""
        out: dict[tuple[str, str, int, str], tuple[KoladaValue, KoladaFetch]] = {}
        for fetch in sorted(self.kolada_fetches, key=lambda f: f.hämtad.timestamp()):
            for value in fetch.värden:
                out[(value.kpi, value.kommun, value.period, value.kön.value)] = (value, fetch)
        return out

    def organ_kind(self, organ_id: str | None) -> str | None:
        organ = self.organ_by_id.get(organ_id or "")
        return organ.typ.value if organ else None

    @cached_property
    def administration_by_id(self) -> dict[str, Administration]:
        return {a.id: a for a in self.administrations}

    @cached_property
    def unit_by_id(self) -> dict[str, Unit]:
        return {u.id: u for u in self.units}

    @cached_property
    def document_by_id(self) -> dict[str, SteeringDocument]:
        return {d.id: d for d in self.documents}

    def owner_kind(self, ident: str | None) -> str | None:
        """What owns a goal, strategy or activity: an organ's type (kf, nämnd ...), förvaltning or enhet."""
        if ident in self.unit_by_id:
            return "enhet"
        if ident in self.administration_by_id:
            return "förvaltning"
        return self.organ_kind(ident)

    def owner_name(self, ident: str | None) -> str:
        for table in (self.organ_by_id, self.administration_by_id, self.unit_by_id, self.role_by_id):
            found = table.get(ident or "")
            if found is not None:
                return found.namn
        return ident or "–"

    def boards_of(self, ident: str | None) -> list[str]:
        """The organs an owner answers to: an organ itself; an administration's boards; a unit's
        administration's boards."""
        if ident in self.organ_by_id:
            return [ident] if ident else []
        unit = self.unit_by_id.get(ident or "")
        administration = self.administration_by_id.get(unit.förvaltning if unit else (ident or ""))
        return list(administration.nämnd) if administration else []

    def administration_of(self, ident: str | None) -> str | None:
        """The administration an administration or unit belongs to (itself, or the unit's)."""
        if ident in self.administration_by_id:
            return ident
        unit = self.unit_by_id.get(ident or "")
        return unit.förvaltning if unit else None

    @cached_property
    def marks_kf_indicators(self) -> bool:
        """Whether any indicator says it is reported to fullmäktige (`till_fullmäktige`)."""
        return any(i.till_fullmäktige for i in self.indicators)

    @cached_property
    def strategies_by_goal(self) -> dict[str, list[Strategy]]:
        return _by_goal(self.strategies)

    @cached_property
    def replaced_by(self) -> dict[str, list[SteeringDocument]]:
        """document id → the documents that say they replace it."""
        out: dict[str, list[SteeringDocument]] = defaultdict(list)
        for doc in self.documents:
            for old in doc.ersätter:
                out[old].append(doc)
        return out

    def activity_goals(self, activity: Activity) -> list[str]:
        """The goals an activity leads towards: its own, and those of the strategies it carries out."""
        goals = list(activity.mål)
        strategies = {s.id: s for s in self.strategies}
        for strategy_id in activity.strategi:
            strategy = strategies.get(strategy_id)
            if strategy is not None:
                goals += [g for g in strategy.mål if g not in goals]
        return goals


class Organisation:
    """A repository's organisation (`Repository.organisation`), equal to another while their organs,
    administrations, units and roles are equal: the same objects, or objects with the same values."""

    __slots__ = ("repo",)

    def __init__(self, repo: Repository):
        self.repo = repo

    def _objects(self) -> tuple[list, ...]:
        return (self.repo.organs, self.repo.administrations, self.repo.units, self.repo.roles)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Organisation) and self._objects() == other._objects()

    __hash__ = None  # type: ignore[assignment]


def _by_goal(objects: list) -> dict[str, list]:
    """goal id → the objects (indicators, activities) whose `mål` names it."""
    out: dict[str, list] = defaultdict(list)
    for obj in objects:
        for goal_id in obj.mål:
            out[goal_id].append(obj)
    return out
