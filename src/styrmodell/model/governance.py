"""Delegation orders, steering documents, internal control, budget and the annual wheel."""

from __future__ import annotations

from enum import Enum

from pydantic import Field

from styrmodell.model.base import Date, DayOffset, Decision, Flag, Id, Node, Number, Ref, RefList, Text


class MatterCategory(str, Enum):
    """Properties of a delegated matter that the law cares about (KL 6:38, 6:39)."""

    MAL_OCH_INRIKTNING = "mål och inriktning"  # KL 6:38 1 p.
    FRAMSTALLNING_TILL_KF = "framställning till fullmäktige"  # KL 6:38 2 p.
    OVERKLAGAT_HELA_NAMNDEN = "yttrande över överklagat beslut"  # KL 6:38 2 p.
    MYNDIGHETSUTOVNING_PRINCIPIELL = "principiell myndighetsutövning"  # KL 6:38 3 p.
    MEDBORGARFORSLAG = "medborgarförslag"  # KL 6:38 4 p.
    ANNAN_LAG = "ej delegerbart enligt annan lag"  # KL 6:38 5 p.
    BRADSKANDE = "brådskande"  # KL 6:39
    LAGLIGHETSPROVNING = "laglighetsprövning"  # KL 6:38 2 st.
    EJ_OVERKLAGBART = "ej överklagbart"  # KL 6:38 2 st.
    UPPHANDLING = "upphandling"  # KL 6:38 2 st.
    VALFRIHETSSYSTEM = "valfrihetssystem"  # KL 6:38 2 st.
    MYNDIGHETSUTOVNING = "myndighetsutövning"


class Delegation(Node):
    id: Id
    ärende: Text
    delegat: Ref
    avsnitt: Text | None = None
    kategori: list[MatterCategory] = []
    ersättare: RefList = []
    lagrum: Text | None = None
    begränsningar: Text | None = None
    anmäls: Flag | None = None
    överklagbart: Flag | None = None
    protokollförs_särskilt: Flag = False
    vidaredelegering_tillåten: Flag = False
    vidaredelegerad_från: Ref | None = None
    kommentar: Text | None = None


class DelegationOrder(Node):
    organ: Ref | None = None
    beslut: Decision | None = None
    reviderad: Date | None = None
    rader: list[Delegation] = []


class DocumentKind(str, Enum):
    POLICY = "policy"
    RIKTLINJE = "riktlinje"
    REGEL = "regel"
    STRATEGI = "strategi"
    PROGRAM = "program"
    PLAN = "plan"
    REGLEMENTE = "reglemente"
    ARBETSORDNING = "arbetsordning"
    BOLAGSORDNING = "bolagsordning"
    AGARDIREKTIV = "ägardirektiv"
    DELEGATIONSORDNING = "delegationsordning"
    TAXA = "taxa"
    RUTIN = "rutin"
    HANDBOK = "handbok"
    PROCESSBESKRIVNING = "processbeskrivning"
    ANVISNING = "anvisning"


class SteeringDocument(Node):
    id: Id
    titel: Text
    typ: DocumentKind
    beslutad_av: Ref | None = None
    beslutsdatum: Date | None = None
    paragraf: Text | None = None
    ansvarig: Ref | None = None
    gäller_från: Date | None = None
    gäller_till: Date | None = None
    reviderad: Date | None = None
    ersätter: RefList = []
    omfattning: Text | None = None
    sidor: int | None = Field(default=None, ge=1, le=1_000_000)
    mål: RefList = []
    indikatorer: RefList = []
    länk: Text | None = None


class Risk(Node):
    id: Id
    risk: Text
    process: Text | None = None
    sannolikhet: int = Field(ge=1, le=4)
    konsekvens: int = Field(ge=1, le=4)
    kontroll: Text
    ansvarig: Ref
    frekvens: Text | None = None
    rapporteras: Text | None = None
    resultat: Text | None = None

    @property
    def riskvärde(self) -> int:
        return self.sannolikhet * self.konsekvens


class ControlPlan(Node):
    organ: Ref | None = None
    år: int = Field(ge=2000, le=2100)
    beslut: Decision | None = None
    risker: list[Risk] = []


class BudgetYear(Node):
    intäkter: Number
    kostnader: Number
    finansnetto: Number = 0.0

    @property
    def resultat(self) -> float:
        return self.intäkter - self.kostnader + self.finansnetto


class Budget(Node):
    år: int = Field(ge=2000, le=2100)
    beslut: Decision | None = None
    skattesats: float | None = Field(default=None, gt=0, lt=50)
    plan: dict[int, BudgetYear] = {}
    ramar: dict[Ref, Number] = {}
    åtgärdsplan: Text | None = None
    undantag_balanskrav: Text | None = None


class When(Node):
    """When an event happens in a year (see wheel.py for how each combination resolves).

    datum: "MM-DD" every year, or one "ÅÅÅÅ-MM-DD"; månad: the whole month; möte: a meeting of
    that organ, the last on or before `före` and/or the first after `efter`; före/efter without
    möte: a deadline date, or another event's id; dagar: days added after resolving.
    """

    datum: Text | None = None
    månad: int | None = Field(default=None, ge=1, le=12)
    möte: Ref | None = None
    före: Text | None = None
    efter: Text | None = None
    dagar: DayOffset | None = None


class LegalMoment(str, Enum):
    """Moments of the year that the law sets dates for (law.md, 'Budget and the annual wheel')."""

    BUDGETFORSLAG = "budgetförslag"
    BUDGETBESLUT = "budgetbeslut"
    DELAR_PERIODSLUT = "delårsrapport-periodslut"
    DELAR_OVERLAMNAD = "delårsrapport-överlämnad"
    DELAR_REVISORER = "delårsrapport-revisorer"
    DELAR_KF = "delårsrapport-kf"
    AR_OVERLAMNAD = "årsredovisning-överlämnad"
    AR_REVISORER = "årsredovisning-revisorer"
    AR_KF = "årsredovisning-kf"
    ANSVARSFRIHET = "ansvarsfrihet"


class Event(Node):
    id: Id
    namn: Text
    typ: Text
    organ: Ref | None = None
    när: When
    avser: LegalMoment | None = None
    rapport: Text | None = None
    beroenden: RefList = []
    beskrivning: Text | None = None


class AnnualWheel(Node):
    händelser: list[Event] = []
    sammanträden: dict[Ref, list[Date]] = {}
