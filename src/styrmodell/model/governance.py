"""Delegation orders, steering documents, internal control, budget and the annual wheel."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from styrmodell.model.base import Decision, Flag, Id, Node, Ref, RefList, Text


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


class Appeal(str, Enum):
    """How a delegated decision is appealed (`överklagbart:`), which decides what the law asks of the row."""

    LAGLIGHETSPROVNING = "laglighetsprövning"  # KL 13 kap.: separate minutes if not reported (KL 6:40, 7:8)
    FORVALTNINGSBESVAR = "förvaltningsbesvär"  # under a special law (förvaltningslagen 40–49 §§)
    JA = "ja"  # appealable, the way not stated (`true`)
    NEJ = "nej"  # may not be appealed under law: no automated decision (KL 6:38 2nd para 2 p.)


def _appeal(value: Any) -> Any:
    if isinstance(value, bool):
        return Appeal.JA if value else Appeal.NEJ
    if isinstance(value, str):
        return value.strip().lower()
    return value


Appealable = Annotated[
    Appeal,
    BeforeValidator(_appeal),
    WithJsonSchema(
        {
            "anyOf": [{"type": "boolean"}, {"enum": [a.value for a in Appeal]}],
            "description": "Hur beslutet överklagas: laglighetsprövning (KL 13 kap.), förvaltningsbesvär, "
            "ja/true (sättet inte angivet) eller nej/false (får inte överklagas).",
        }
    ),
]


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
    överklagbart: Appealable | None = None
    protokollförs_särskilt: Flag = False
    vidaredelegering_tillåten: Flag = False
    vidaredelegerad_från: Ref | None = None
    kommentar: Text | None = None


class DelegationOrder(Node):
    organ: Ref | None = None
    beslut: Decision | None = None
    reviderad: dt.date | None = None
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
    beslutsdatum: dt.date | None = None
    paragraf: Text | None = None
    ansvarig: Ref | None = None
    gäller_från: dt.date | None = None
    gäller_till: dt.date | None = None
    reviderad: dt.date | None = None
    ersätter: RefList = []
    omfattning: Text | None = None
    sidor: int | None = Field(default=None, ge=1)
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
    intäkter: float
    kostnader: float
    finansnetto: float = 0.0

    @property
    def resultat(self) -> float:
        return self.intäkter - self.kostnader + self.finansnetto


class BalanceSheet(Node):
    """Balansräkning at the end of a period (outcome) or of a budget year (balansbudget)."""

    tillgångar: float
    eget_kapital: float
    avsättningar: float = 0.0
    skulder: float
    resultatreserv: float | None = Field(
        default=None, ge=0, description="Varav resultatreserv i det egna kapitalet, mnkr (KL 11 kap. 14 §)."
    )

    @property
    def soliditet(self) -> float | None:
        """Equity as a share of assets, in percent."""
        return 100 * self.eget_kapital / self.tillgångar if self.tillgångar else None


class CompanyBudget(Node):
    """The budget's account of one koncernföretag's economy in the budget year (KL 11:6 a)."""

    redogörelse: Text = Field(description="Redogörelsen för företagets ekonomi under budgetåret, i ord.")
    intäkter: float | None = None
    kostnader: float | None = None
    resultat: float | None = Field(default=None, description="Budgeterat resultat efter finansiella poster, mnkr.")
    investeringar: float | None = None

    @model_validator(mode="before")
    @classmethod
    def _text(cls, value: Any) -> Any:
        """`bolag: En mening om bolagets ekonomi.` is the short form of `{redogörelse: ...}`."""
        return {"redogörelse": value} if isinstance(value, str) else value


_COMPANIES_SCHEMA = {
    "type": "object",
    "additionalProperties": {
        "anyOf": [
            {"type": "string", "description": "Redogörelsen för bolagets ekonomi under budgetåret."},
            {
                "type": "object",
                "properties": {
                    "redogörelse": {"type": "string"},
                    **{key: {"type": "number"} for key in ("intäkter", "kostnader", "resultat", "investeringar")},
                },
                "required": ["redogörelse"],
                "additionalProperties": False,
            },
        ]
    },
}


class Budget(Node):
    år: int = Field(ge=2000, le=2100)
    beslut: Decision | None = None
    skattesats: float | None = Field(default=None, gt=0, lt=50)
    skattesats_beslut: Decision | None = Field(
        default=None,
        description="Fullmäktiges beslut om skattesatsen, när det fattas för sig före budgeten "
        "(senast 30 november när budgeten av särskilda skäl fastställs i december, KL 11 kap. 11 §).",
    )
    särskilda_skäl: Text | None = Field(
        default=None,
        description="De särskilda skäl som gjorde att budgeten inte kunde fastställas före november månads "
        "utgång (KL 11 kap. 11 §).",
    )
    plan: dict[int, BudgetYear] = {}
    ramar: dict[Ref, float] = {}
    finansiering: Text | None = Field(
        default=None, description="Hur verksamheten ska finansieras under budgetåret (KL 11 kap. 6 §)."
    )
    balansbudget: dict[int, BalanceSheet] = Field(
        default={},
        description="Den beräknade balansräkningen vid årets slut, per år: den ekonomiska ställningen vid "
        "budgetårets slut (KL 11 kap. 6 §).",
    )
    finansiella_mål: RefList = Field(
        default=[],
        description="Fullmäktiges finansiella mål som budgetens plan för ekonomin innehåller, för alla planens "
        "år (KL 11 kap. 6 § tredje stycket).",
    )
    koncernföretag: Annotated[dict[Ref, CompanyBudget], WithJsonSchema(_COMPANIES_SCHEMA)] = Field(
        default={},
        description="Redogörelsen för ekonomin under budgetåret i varje kommunalt koncernföretag, per bolag "
        "(KL 11 kap. 6 a §).",
    )
    resultatreserv: float | None = Field(
        default=None,
        ge=0,
        description="Medel ur resultatreserven som budgetåret tar i anspråk, mnkr (KL 11 kap. 5 § 1 p., 14 §).",
    )
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
    dagar: int | None = None


class LegalMoment(str, Enum):
    """Moments of the year that the law sets dates for (law.md, 'Budget and the annual wheel')."""

    BUDGETFORSLAG = "budgetförslag"  # KL 11:8 first para: by KS before the end of October
    SKATTESATSFORSLAG = "skattesatsförslag"  # KL 11:8 second para: KS proposes the tax rate by October
    REVISIONSBUDGETFORSLAG = "revisionsbudgetförslag"  # KL 11:8 first para: KF's presidium
    BUDGETBESLUT = "budgetbeslut"  # KL 11:10
    SKATTESATSBESLUT = "skattesatsbeslut"  # KL 11:11: KF sets the tax rate by November
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
    särskilda_skäl: Text | None = Field(
        default=None,
        description="De särskilda skäl som gör att budgetförslaget upprättas i november (KL 11 kap. 8 § andra "
        "stycket) eller budgeten fastställs i december (KL 11 kap. 11 §); bara för `avser: budgetförslag` och "
        "`avser: budgetbeslut`.",
    )
    rapport: Text | None = None
    beroenden: RefList = []
    beskrivning: Text | None = None

    @model_validator(mode="after")
    def _reasons_only_where_read(self) -> Event:
        if self.särskilda_skäl and self.avser not in (LegalMoment.BUDGETFORSLAG, LegalMoment.BUDGETBESLUT):
            raise ValueError(
                "`särskilda_skäl` gäller bara en händelse med `avser: budgetförslag` (KL 11 kap. 8 §) eller "
                "`avser: budgetbeslut` (KL 11 kap. 11 §)"
            )
        return self


class AnnualWheel(Node):
    händelser: list[Event] = []
    sammanträden: dict[Ref, list[dt.date]] = {}
