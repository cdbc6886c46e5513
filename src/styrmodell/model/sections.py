"""The file format's top-level sections: which key holds which objects, and where they go in the model."""

from __future__ import annotations

from dataclasses import dataclass

from styrmodell.model.base import Node
from styrmodell.model.compass import Catalogue, Evaluation
from styrmodell.model.economy import Economy
from styrmodell.model.goals import Activity, Assignment, Dialogue, Goal, Indicator, Vision
from styrmodell.model.governance import AnnualWheel, Budget, ControlPlan, DelegationOrder, SteeringDocument
from styrmodell.model.kolada import KoladaFetch
from styrmodell.model.organisation import Administration, Organ, Role, Unit


@dataclass(frozen=True)
class Section:
    """A top-level key of a content file: where its objects are, their model, where they go."""

    key: tuple[str, ...]
    model: type[Node]
    target: str
    many: bool = True
    items: str | None = None  # for a single container: the field whose list items are validated one by one


SECTIONS: list[Section] = [
    Section(("organisation", "organ"), Organ, "organs"),
    Section(("organisation", "förvaltningar"), Administration, "administrations"),
    Section(("organisation", "enheter"), Unit, "units"),
    Section(("organisation", "roller"), Role, "roles"),
    Section(("vision",), Vision, "visions", many=False),
    Section(("mål",), Goal, "goals"),
    Section(("indikatorer",), Indicator, "indicators"),
    Section(("aktiviteter",), Activity, "activities"),
    Section(("uppdrag",), Assignment, "assignments"),
    Section(("dialoger",), Dialogue, "dialogues"),
    Section(("styrdokument",), SteeringDocument, "documents"),
    Section(("delegationsordning",), DelegationOrder, "delegation_orders", many=False, items="rader"),
    Section(("internkontroll",), ControlPlan, "control_plans", many=False, items="risker"),
    Section(("budget",), Budget, "budgets", many=False),
    Section(("ekonomi",), Economy, "economies", many=False),
    Section(("årshjul",), AnnualWheel, "wheels", many=False, items="händelser"),
    Section(("kommunkompass",), Evaluation, "compass_evaluations", many=False, items="områden"),
    Section(("kompasskatalog",), Catalogue, "compass_catalogues", many=False),
    Section(("kolada",), KoladaFetch, "kolada_fetches"),
]

TOP_LEVEL_KEYS = ["organ"] + sorted({s.key[0] for s in SECTIONS})
ORGANISATION_KEYS = [s.key[1] for s in SECTIONS if s.key[0] == "organisation"]
