"""The file format's top-level sections: which key holds which objects, and where they go in the model."""

from __future__ import annotations

from dataclasses import dataclass

from styrmodell.model.base import Node
from styrmodell.model.budgeting import InternalBudget
from styrmodell.model.compass import Catalogue, Evaluation
from styrmodell.model.economy import Economy
from styrmodell.model.followup import FollowUp
from styrmodell.model.goals import Activity, Assignment, Dialogue, Goal, Indicator, QualityFactor, Strategy, Vision
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
    description: str = ""  # what the key holds, for the editor (`styr schema`)


SECTIONS: list[Section] = [
    Section(("organisation", "organ"), Organ, "organs", description="De politiska organen."),
    Section(
        ("organisation", "förvaltningar"),
        Administration,
        "administrations",
        description="Förvaltningarna eller verksamhetsområdena.",
    ),
    Section(("organisation", "enheter"), Unit, "units", description="Verksamheterna och enheterna."),
    Section(
        ("organisation", "roller"), Role, "roles", description="Förtroendevalda, chefer, tjänstepersoner och grupper."
    ),
    Section(("vision",), Vision, "visions", many=False, description="Vision, slogan, mission och värdegrund."),
    Section(("mål",), Goal, "goals", description="Mål på målkedjans nivåer, också förvaltningars och enheters."),
    Section(("strategier",), Strategy, "strategies", description="Strategier mellan målen och aktiviteterna."),
    Section(("indikatorer",), Indicator, "indicators", description="Indikatorer (verksamhetsmått, nyckeltal)."),
    Section(
        ("kvalitetsfaktorer",),
        QualityFactor,
        "quality_factors",
        description="Kritiska kvalitetsfaktorer, som följs upp med kvalitetsindikatorer.",
    ),
    Section(("aktiviteter",), Activity, "activities", description="Aktiviteter och projekt."),
    Section(("uppdrag",), Assignment, "assignments", description="Politiska uppdrag."),
    Section(("dialoger",), Dialogue, "dialogues", description="Dokumenterade uppföljningsdialoger."),
    Section(("styrdokument",), SteeringDocument, "documents", description="Styrdokumentregistret."),
    Section(
        ("delegationsordning",),
        DelegationOrder,
        "delegation_orders",
        many=False,
        items="rader",
        description="En nämnds delegationsordning.",
    ),
    Section(
        ("internkontroll",),
        ControlPlan,
        "control_plans",
        many=False,
        items="risker",
        description="Ett organs internkontrollplan för ett år.",
    ),
    Section(("budget",), Budget, "budgets", many=False, description="Budget med flerårsplan och ramar."),
    Section(("ekonomi",), Economy, "economies", many=False, description="Den ekonomiska uppföljningen för ett år."),
    Section(
        ("internbudget",),
        InternalBudget,
        "internal_budgets",
        many=False,
        description="En nämnds internbudget: ramen fördelad på verksamheterna.",
    ),
    Section(
        ("uppföljning",),
        FollowUp,
        "follow_ups",
        many=False,
        description="Uppföljningens underlag för en period: revisorernas bedömning, klagomål och synpunkter, "
        "egenkontroller, målgruppsundersökningar ...",
    ),
    Section(
        ("årshjul",),
        AnnualWheel,
        "wheels",
        many=False,
        items="händelser",
        description="Årshjulets händelser och sammanträden.",
    ),
    Section(
        ("kommunkompass",),
        Evaluation,
        "compass_evaluations",
        many=False,
        items="områden",
        description="En utvärdering med Kommunkompassen.",
    ),
    Section(
        ("kompasskatalog",),
        Catalogue,
        "compass_catalogues",
        many=False,
        description="En egen version av Kommunkompassens frågor.",
    ),
    Section(
        ("kolada",),
        KoladaFetch,
        "kolada_fetches",
        description="Ögonblicksbilden av värden som `styr importera kolada` hämtat (kolada/ÅÅÅÅ.yaml).",
    ),
]

TOP_LEVEL_KEYS = ["organ"] + sorted({s.key[0] for s in SECTIONS})
ORGANISATION_KEYS = [s.key[1] for s in SECTIONS if s.key[0] == "organisation"]
