"""The whole governance repository as one model, with indexes for the rules."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from styrmodell.model.base import Node
from styrmodell.model.compass import Catalogue, Evaluation
from styrmodell.model.config import Config
from styrmodell.model.economy import Economy
from styrmodell.model.goals import Activity, Assignment, Dialogue, Goal, Indicator, Vision
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
    | Indicator
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
    indicators: list[Indicator] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    dialogues: list[Dialogue] = field(default_factory=list)
    delegation_orders: list[DelegationOrder] = field(default_factory=list)
    documents: list[SteeringDocument] = field(default_factory=list)
    control_plans: list[ControlPlan] = field(default_factory=list)
    budgets: list[Budget] = field(default_factory=list)
    economies: list[Economy] = field(default_factory=list)
    wheels: list[AnnualWheel] = field(default_factory=list)
    compass_evaluations: list[Evaluation] = field(default_factory=list)  # Kommunkompassen (seed 002)
    compass_catalogues: list[Catalogue] = field(default_factory=list)
    kolada_fetches: list[KoladaFetch] = field(default_factory=list)  # what `styr importera kolada` fetched
    # ids of objects that failed validation: they exist, so references to them are not reported
    broken_ids: dict[str, str] = field(default_factory=dict)

    def globals(self) -> list[tuple[str, Sequence[Identified]]]:
        """Every kind whose ids share the repository-wide namespace, with its Swedish name."""
        return [
            ("organ", self.organs),
            ("förvaltning", self.administrations),
            ("enhet", self.units),
            ("roll", self.roles),
            ("mål", self.goals),
            ("indikator", self.indicators),
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


def _by_goal(objects: list) -> dict[str, list]:
    """goal id → the objects (indicators, activities) whose `mål` names it."""
    out: dict[str, list] = defaultdict(list)
    for obj in objects:
        for goal_id in obj.mål:
            out[goal_id].append(obj)
    return out
