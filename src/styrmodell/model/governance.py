"""Delegation orders, steering documents, internal control, budget and the annual wheel."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from styrmodell.model.base import (
    Date,
    DayOffset,
    Decision,
    Flag,
    Id,
    Node,
    Number,
    Ref,
    RefList,
    Text,
    one_or_list_schema,
)
from styrmodell.model.budgeting import Allocation, BudgetChange, InvestmentBudget, frame_on
from styrmodell.model.organisation import OrganKind


class MatterCategory(str, Enum):
    """Det i ett delegerat ärende som lagen bryr sig om (KL 6 kap. 38–39 §§)."""

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
    """En rad i delegationsordningen: ett ärende och vem som beslutar i nämndens ställe."""

    id: Id = Field(description='Radens nummer eller id, unikt i delegationsordningen, t.ex. "3.1".')
    ärende: Text = Field(description="Ärendet som delegeras.")
    delegat: Ref = Field(description="Rollen eller utskottet som får besluta (id).")
    avsnitt: Text | None = Field(default=None, description="Avsnittet i delegationsordningen, t.ex. Personal.")
    kategori: list[MatterCategory] = Field(
        default_factory=list,
        description="Det som lagen bryr sig om i ärendet, t.ex. brådskande, principiell myndighetsutövning, "
        "laglighetsprövning (se README).",
    )
    ersättare: RefList = Field(default_factory=list, description="Vem som beslutar när delegaten har förhinder (id).")
    lagrum: Text | None = Field(default=None, description="Lagrummet, t.ex. SoL 4 kap. 1 §.")
    begränsningar: Text | None = Field(default=None, description="Begränsningar, t.ex. beloppsgränser.")
    anmäls: Flag | None = Field(default=None, description="Om beslutet anmäls till nämnden (ja/nej).")
    överklagbart: Appealable | None = Field(
        default=None,
        description="Hur beslutet kan överklagas: laglighetsprövning, förvaltningsbesvär, ja (på något sätt) "
        "eller nej; true och false betyder ja och nej.",
    )
    protokollförs_särskilt: Flag = Field(
        default=False, description="Om ett beslut som inte anmäls protokollförs särskilt (KL 7 kap. 8 §)."
    )
    vidaredelegering_tillåten: Flag = Field(
        default=False, description="Om förvaltningschefen får vidaredelegera ärendet (KL 7 kap. 6 §)."
    )
    vidaredelegerad_från: Ref | None = Field(
        default=None, description="Raden (id i samma delegationsordning) som det här är en vidaredelegering av."
    )
    kommentar: Text | None = Field(default=None, description="En kommentar.")


class DelegationOrder(Node):
    """En nämnds delegationsordning."""

    organ: Ref | None = Field(default=None, description="Nämnden vars delegationsordning det är (id).")
    beslut: Decision | None = Field(default=None, description="Nämndens beslut om delegationsordningen.")
    reviderad: Date | None = Field(default=None, description="Datum för den senaste revideringen.")
    rader: list[Delegation] = Field(default_factory=list, description="Delegationsordningens rader.")


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


class Publication(str, Enum):
    EXTERN = "extern"
    INTRANAT = "intranät"


class WholeScope(str, Enum):
    """A document for all of the municipality's activity."""

    KONCERNEN = "koncernen"  # the whole municipal activity, companies and förbund included
    KOMMUNEN = "kommunen"  # the boards and administrations, not the companies or förbund


def _scope(value: Any) -> Any:
    if isinstance(value, str) and value.strip() not in (s.value for s in WholeScope):
        return [value]
    return value


Scope = Annotated[
    WholeScope | list[Ref],
    BeforeValidator(_scope),
    WithJsonSchema(
        {
            "anyOf": [
                {"enum": [s.value for s in WholeScope]},
                {"type": "array", "items": {"type": "string"}},
                {"type": "string"},
            ],
            "description": "koncernen (hela den kommunala verksamheten, inklusive bolag och förbund), kommunen "
            "(nämnderna och förvaltningarna, utan bolag och förbund), eller de organ, förvaltningar och "
            "enheter som dokumentet är avgränsat till (id).",
        }
    ),
]


class SteeringDocument(Node):
    """Ett styrdokument i kommunens register: policy, riktlinje, program, plan, reglemente, rutin ..."""

    id: Id = Field(description="Dokumentets id, unikt i hela repot.")
    titel: Text = Field(description="Dokumentets titel.")
    typ: DocumentKind = Field(
        description="Slag: policy, riktlinje, regel, strategi, program, plan, reglemente, arbetsordning, "
        "bolagsordning, ägardirektiv, delegationsordning, taxa, rutin, handbok, processbeskrivning, anvisning."
    )
    beslutad_av: Ref | None = Field(default=None, description="Organet eller rollen som beslutade dokumentet (id).")
    beslutsdatum: Date | None = Field(default=None, description="Datum för beslutet.")
    paragraf: Text | None = Field(default=None, description='Protokollets paragraf, t.ex. "§ 38".')
    ansvarig: Ref | None = Field(
        default=None,
        description="Den som håller dokumentet aktuellt: en roll, eller ett organ (den ansvariga nämnden) (id).",
    )
    gäller_från: Date | None = Field(default=None, description="Första dagen dokumentet gäller.")
    gäller_till: Date | None = Field(default=None, description="Sista dagen dokumentet gäller; tomt: tills vidare.")
    gäller_för: Scope | None = Field(
        default=None,
        description="Vad dokumentet gäller: koncernen (inklusive bolag och förbund), kommunen, eller de organ, "
        "förvaltningar och enheter det är avgränsat till.",
    )
    reviderad: Date | None = Field(
        default=None, description="Datum för den senaste översynen (aktualitetsgranskningen) eller revideringen."
    )
    ersätter: RefList = Field(
        default_factory=list,
        description="Det eller de tidigare dokument som dokumentet ersätter (id i registret); [] för inget.",
    )
    upphävd: Decision | None = Field(default=None, description="Beslutet om att upphäva dokumentet.")
    omfattning: Text | None = Field(default=None, description="Vad dokumentet handlar om och omfattar, i ord.")
    sidor: int | None = Field(default=None, ge=1, le=1_000_000, description="Antal A4-sidor, försättsbladet inräknat.")
    mål: RefList = Field(
        default_factory=list, description="Mål som dokumentet självt inför (id); ett program inför inga."
    )
    indikatorer: RefList = Field(
        default_factory=list, description="Indikatorer som dokumentet självt inför (id); ett program inför inga."
    )
    stöder: RefList = Field(
        default_factory=list,
        description="De mål (t.ex. fullmäktiges strategiska mål) som dokumentet stöder, utan att vara dess egna (id).",
    )
    publicering: Publication | None = Field(
        default=None, description="Var dokumentet publiceras: extern (kommunens webbplats) eller intranät."
    )
    länk: Text | None = Field(default=None, description="Adressen där dokumentet finns.")


class Risk(Node):
    """En risk i internkontrollplanen, med kontrollen som ska göras."""

    id: Id = Field(description="Riskens id, unikt i planen.")
    risk: Text = Field(description="Risken.")
    process: Text | None = Field(default=None, description="Processen som risken hör till.")
    sannolikhet: int = Field(ge=1, le=4, description="Sannolikhet 1–4.")
    konsekvens: int = Field(ge=1, le=4, description="Konsekvens 1–4.")
    kontroll: Text = Field(description="Kontrollen som görs.")
    ansvarig: Ref = Field(description="Rollen eller organet som ansvarar för kontrollen (id).")
    frekvens: Text | None = Field(default=None, description="Hur ofta kontrollen görs.")
    rapporteras: Text | None = Field(default=None, description="När och till vem resultatet rapporteras.")
    resultat: Text | None = Field(default=None, description="Kontrollens resultat.")

    @property
    def riskvärde(self) -> int:
        return self.sannolikhet * self.konsekvens


class ControlPlan(Node):
    """Ett organs internkontrollplan för ett år."""

    organ: Ref | None = Field(default=None, description="Organet vars plan det är (id).")
    år: int = Field(ge=2000, le=2100, description="Året planen gäller.")
    beslut: Decision | None = Field(default=None, description="Beslutet om planen.")
    risker: list[Risk] = Field(default_factory=list, description="Riskerna och kontrollerna.")


class BudgetYear(Node):
    intäkter: Number = Field(description="Intäkter, miljoner kronor.")
    kostnader: Number = Field(description="Kostnader, miljoner kronor.")
    finansnetto: Number = Field(default=0.0, description="Finansnetto, miljoner kronor.")

    @property
    def resultat(self) -> float:
        return self.intäkter - self.kostnader + self.finansnetto


class BalanceSheet(Node):
    """Balansräkningen vid en periods slut (utfall) eller ett budgetårs slut (balansbudget)."""

    tillgångar: Number = Field(description="Tillgångar, miljoner kronor.")
    eget_kapital: Number = Field(description="Eget kapital, miljoner kronor.")
    avsättningar: Number = Field(default=0.0, description="Avsättningar, miljoner kronor.")
    skulder: Number = Field(description="Skulder, miljoner kronor.")
    resultatreserv: Number | None = Field(
        default=None, ge=0, description="Varav resultatreserv i det egna kapitalet, mnkr (KL 11 kap. 14 §)."
    )

    @property
    def soliditet(self) -> float | None:
        """Equity as a share of assets, in percent."""
        return 100 * self.eget_kapital / self.tillgångar if self.tillgångar else None


class CompanyBudget(Node):
    """The budget's account of one koncernföretag's economy in the budget year (KL 11:6 a)."""

    redogörelse: Text = Field(description="Redogörelsen för företagets ekonomi under budgetåret, i ord.")
    intäkter: Number | None = None
    kostnader: Number | None = None
    resultat: Number | None = Field(default=None, description="Budgeterat resultat efter finansiella poster, mnkr.")
    investeringar: Number | None = None

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
    """Fullmäktiges budget med flerårsplan och nämndernas ramar."""

    år: int = Field(ge=2000, le=2100, description="Budgetåret.")
    beslut: Decision | None = Field(default=None, description="Fullmäktiges beslut om budgeten.")
    skattesats: float | None = Field(default=None, gt=0, lt=50, description="Skattesatsen i procent.")
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
    plan: dict[int, BudgetYear] = Field(
        default_factory=dict, description="Per år: {intäkter, kostnader, finansnetto}; budgetåret och planåren."
    )
    ramar: dict[Ref, Number] = Field(default_factory=dict, description="Organ (id) → ram i miljoner kronor.")
    finansiering: Text | None = Field(
        default=None, description="Hur verksamheten ska finansieras under budgetåret (KL 11 kap. 6 §)."
    )
    balansbudget: dict[int, BalanceSheet] = Field(
        default_factory=dict,
        description="Den beräknade balansräkningen vid årets slut, per år: den ekonomiska ställningen vid "
        "budgetårets slut (KL 11 kap. 6 §).",
    )
    finansiella_mål: RefList = Field(
        default_factory=list,
        description="Fullmäktiges finansiella mål som budgetens plan för ekonomin innehåller, för alla planens "
        "år (KL 11 kap. 6 § tredje stycket).",
    )
    koncernföretag: Annotated[dict[Ref, CompanyBudget], WithJsonSchema(_COMPANIES_SCHEMA)] = Field(
        default_factory=dict,
        description="Redogörelsen för ekonomin under budgetåret i varje kommunalt koncernföretag, per bolag "
        "(KL 11 kap. 6 a §).",
    )
    resultatreserv: Number | None = Field(
        default=None,
        ge=0,
        description="Medel ur resultatreserven som budgetåret tar i anspråk, mnkr (KL 11 kap. 5 § 1 p., 14 §).",
    )
    åtgärdsplan: Text | None = Field(
        default=None, description="Hur ett tidigare års negativa balanskravsresultat regleras (KL 11 kap. 12 §)."
    )
    undantag_balanskrav: Text | None = Field(
        default=None,
        description="Varför budgetåret inte har ett överskott: medel ur resultatreserven eller synnerliga skäl "
        "(KL 11 kap. 5 §).",
    )
    investeringar: InvestmentBudget | None = Field(
        default=None,
        description="Investeringsbudgeten: {ramar: organ → investeringsram, projekt: [{id, namn, organ, utgift, "
        "år, mål}]}.",
    )
    satsningar: list[Allocation] = Field(
        default_factory=list,
        description="Resurser inom ramarna som avsätts för mål: [{organ, belopp, mål, beskrivning}].",
    )
    ändringar: list[BudgetChange] = Field(
        default_factory=list,
        description="Beslut som ändrar årets budget: kompletteringsbudget (i april), omprövning (i november), "
        "tilläggsbudget: [{typ, beslut, ramändringar, investeringsändringar, finansiering}].",
    )

    def frame(self, organ: str, day: dt.date | None = None) -> float | None:
        """The organ's frame: the budget's, with the changes decided by `day` (all, without a day)."""
        return frame_on(self.ramar, self.ändringar, organ, day or dt.date.max)

    def investment_frame(self, organ: str, day: dt.date | None = None) -> float | None:
        frames = self.investeringar.ramar if self.investeringar else {}
        return frame_on(frames, self.ändringar, organ, day or dt.date.max, investment=True)

    def changes_by(self, day: dt.date) -> list[BudgetChange]:
        return [c for c in self.ändringar if c.beslut.datum <= day]


MONTH_NAMES = {
    name: number
    for number, names in enumerate(
        [
            ("januari", "jan"),
            ("februari", "feb"),
            ("mars", "mar"),
            ("april", "apr"),
            ("maj",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("augusti", "aug"),
            ("september", "sep"),
            ("oktober", "okt"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}


def _month(value: Any) -> Any:
    """A month: 1–12, or its Swedish name (`juni`, `jun`)."""
    if isinstance(value, str) and value.strip().lower() in MONTH_NAMES:
        return MONTH_NAMES[value.strip().lower()]
    return value


def _months(value: Any) -> Any:
    if isinstance(value, (int, str)) and not isinstance(value, bool):
        value = [value]
    return [_month(v) for v in value] if isinstance(value, list) else value


Month = Annotated[int, BeforeValidator(_month), Field(ge=1, le=12)]
Months = Annotated[
    list[Month],
    BeforeValidator(_months),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1, "maximum": 12},
                {"type": "string"},
                {
                    "type": "array",
                    "items": {"anyOf": [{"type": "integer", "minimum": 1, "maximum": 12}, {"type": "string"}]},
                },
            ]
        }
    ),
]


class MandateYear(str, Enum):
    """Which years of the mandate period an event belongs to (KL 5 kap. 9 §, ordinary elections every fourth year)."""

    VALAR = "valår"  # 2022, 2026, 2030 ...
    ARET_EFTER_VAL = "året efter valår"  # the first whole year of a mandate period: 2023, 2027 ...
    INTE_VALAR = "inte valår"  # every year without an ordinary election


_MANDATE_ALIASES = {
    "val": "valår",
    "valåret": "valår",
    "året efter val": "året efter valår",
    "året efter valåret": "året efter valår",
    "övriga år": "inte valår",
    "ej valår": "inte valår",
    "andra år": "inte valår",
}


def _mandate_year(value: Any) -> Any:
    if isinstance(value, str):
        text = " ".join(value.strip().lower().split())
        return _MANDATE_ALIASES.get(text, text)
    return value


class When(Node):
    """När en händelse infaller ett år.

    datum: "MM-DD" varje år, eller ett "ÅÅÅÅ-MM-DD"; månad: hela månaden; möte: ett sammanträde med
    organet, det sista senast `före` och/eller det första efter `efter`; före/efter utan möte: en frist,
    eller en annan händelses id; dagar: dagar som läggs till efteråt. Återkommande: `varje: månad`
    (med `utom`) eller `månader`, den dagen (`dag`), organets sammanträde den månaden (`möte`) eller
    hela månaden. Ett spann: `från` och `till`. `år`: bara valår, året efter valår eller andra år.
    `balansdag`: dagen flyttas aldrig för en helgdag.
    """

    datum: Text | None = Field(default=None, description='"MM-DD" varje år, eller "ÅÅÅÅ-MM-DD" ett visst år.')
    månad: int | None = Field(default=None, ge=1, le=12, description="Hela månaden (1–12), klar vid månadens slut.")
    möte: Ref | None = Field(default=None, description="Ett sammanträde med organet (id).")
    före: Text | None = Field(default=None, description='Senast detta datum ("MM-DD") eller före händelsen (id).')
    efter: Text | None = Field(default=None, description='Efter detta datum ("MM-DD") eller efter händelsen (id).')
    dagar: DayOffset | None = Field(default=None, description="Dagar som läggs till (eller dras av) efteråt.")
    varje: Literal["månad"] | None = Field(
        default=None,
        description="`månad`: händelsen återkommer varje månad (utom de i `utom`), i årshjulet en händelse.",
    )
    månader: Months = Field(
        default_factory=list,
        description="Månaderna som händelsen återkommer i: [3, 5, 10] eller [mars, maj, oktober].",
    )
    utom: Months = Field(
        default_factory=list, description="Månader som en återkommande händelse hoppar över, t.ex. [juni, juli]."
    )
    dag: Annotated[int, Field(ge=1, le=31)] | Literal["sista"] | None = Field(
        default=None,
        description="Dagen i månaden (1–31, eller `sista`) för en återkommande händelse eller en `månad`; "
        "31 är månadens sista dag i en kortare månad.",
    )
    från: int | Text | None = Field(
        default=None,
        description='Där ett spann börjar: en månad (1–12, från den första), "MM-DD" eller en händelse (id).',
    )
    till: int | Text | None = Field(
        default=None,
        description='Där ett spann slutar: en månad (1–12, till den sista), "MM-DD" eller en händelse (id); '
        "före `från` betyder året efter.",
    )
    år: Annotated[MandateYear, BeforeValidator(_mandate_year)] | None = Field(
        default=None,
        description="Bara vissa år av mandatperioden: valår, året efter valår (mandatperiodens första hela år) "
        "eller inte valår; tomt: varje år.",
    )
    balansdag: Flag = Field(
        default=False,
        description='Datumet är en balansdag ("per 31/5", "brytpunkt 31/12"), inte en frist: det flyttas '
        "aldrig för en helgdag.",
    )

    @property
    def recurs(self) -> bool:
        return self.varje is not None or len(self.recurring_months) > 1

    @property
    def recurring_months(self) -> list[int]:
        """The months a recurring event falls in (empty: not recurring)."""
        if self.varje is not None:
            months = list(range(1, 13))
        elif self.månader:
            months = sorted(set(self.månader))
        else:
            return []
        return [m for m in months if m not in self.utom]

    @property
    def spans(self) -> bool:
        return self.från is not None or self.till is not None

    @model_validator(mode="after")
    def _one_way(self) -> When:
        if self.varje is not None and self.månader:
            raise ValueError("skriv antingen `varje: månad` (med `utom`) eller `månader`, inte båda")
        if self.utom and self.varje is None and not self.månader:
            raise ValueError("`utom` gäller en återkommande händelse (`varje: månad` eller `månader`)")
        recurring = self.varje is not None or bool(self.månader)
        if recurring and (self.datum or self.månad or self.före or self.efter or self.spans):
            raise ValueError(
                "en återkommande händelse (`varje` eller `månader`) placeras i varje månad med `dag`, `möte` "
                "eller som hela månaden; `datum`, `månad`, `före`, `efter`, `från` och `till` gäller inte den"
            )
        if recurring and not self.recurring_months:
            raise ValueError("`utom` tar bort alla månader; händelsen infaller aldrig")
        if self.spans and (self.från is None or self.till is None):
            raise ValueError("ett spann anges med både `från` och `till`")
        if self.spans and (self.datum or self.månad or self.möte or self.före or self.efter or self.dag):
            raise ValueError(
                "ett spann (`från`, `till`) anges utan `datum`, `månad`, `möte`, `före`, `efter` och `dag`"
            )
        for name in ("från", "till"):
            value = getattr(self, name)
            if isinstance(value, int) and not 1 <= value <= 12:
                raise ValueError(f'`{name}: {value}` ska vara en månad 1–12, ett datum "MM-DD" eller en händelse')
        if self.dag is not None and not (recurring or self.månad):
            raise ValueError('`dag` gäller en återkommande händelse eller en `månad`; skriv annars `datum: "MM-DD"`')
        return self


class LegalMoment(str, Enum):
    """Tidpunkter under året som lagen sätter datum för (KL 11 och 12 kap.)."""

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


def _kinds(value: Any) -> Any:
    """`organtyp: nämnd` is the short form of `[nämnd]`; the words as in `organisation: organ: typ`."""
    if isinstance(value, str):
        value = [value]
    return [v.strip().lower() if isinstance(v, str) else v for v in value] if isinstance(value, list) else value


class Event(Node):
    """En händelse i årshjulet: en frist, ett sammanträde, en rapport."""

    id: Id = Field(description="Händelsens id, unikt i hela repot.")
    namn: Text = Field(description="Händelsen, som den står i årshjulet.")
    typ: Text = Field(
        description="Slag, t.ex. budget, delårsrapport, årsredovisning, verksamhetsplan, internkontroll, prognos."
    )
    organ: Ref | list[Ref] | None = Field(
        default=None,
        description="Organet som händelsen gäller (id), eller flera organ: [son, bbn, bmn].",
    )
    organtyp: Annotated[list[OrganKind], BeforeValidator(_kinds)] = Field(
        default_factory=list,
        description='Händelsen gäller varje organ av ett slag: nämnd, ks, bolag ... ("styrelser och nämnder": '
        '[ks, nämnd]; "bolagen": bolag).',
        json_schema_extra=one_or_list_schema,
    )
    när: When = Field(
        description="När händelsen infaller: {datum, månad, möte, före, efter, dagar}, återkommande {varje, "
        "månader, utom, dag}, ett spann {från, till}, mandatperiodens år {år} och {balansdag}."
    )
    avser: LegalMoment | None = Field(
        default=None, description="Den tidpunkt som lagen sätter datum för, som händelsen är (t.ex. budgetbeslut)."
    )
    särskilda_skäl: Text | None = Field(
        default=None,
        description="De särskilda skäl som gör att budgetförslaget upprättas i november (KL 11 kap. 8 § andra "
        "stycket) eller budgeten fastställs i december (KL 11 kap. 11 §); bara för `avser: budgetförslag` och "
        "`avser: budgetbeslut`.",
    )
    rapport: Text | None = Field(default=None, description="Rapporten som hör till händelsen.")
    beroenden: RefList = Field(default_factory=list, description="Händelser som måste vara klara före (id).")
    beskrivning: Text | None = Field(default=None, description="En förklaring.")

    @property
    def organ_ids(self) -> list[str]:
        """The organs named in `organ` (one or several)."""
        if self.organ is None:
            return []
        return [self.organ] if isinstance(self.organ, str) else list(self.organ)

    @model_validator(mode="after")
    def _once_a_year_in_law(self) -> Event:
        if self.avser is not None and (self.när.recurs or self.när.spans):
            raise ValueError(
                f"`avser: {self.avser.value}` är en tidpunkt som lagen sätter en gång om året; en sådan händelse "
                "återkommer inte och spänner inte över flera månader"
            )
        return self

    @model_validator(mode="after")
    def _reasons_only_where_read(self) -> Event:
        if self.särskilda_skäl and self.avser not in (LegalMoment.BUDGETFORSLAG, LegalMoment.BUDGETBESLUT):
            raise ValueError(
                "`särskilda_skäl` gäller bara en händelse med `avser: budgetförslag` (KL 11 kap. 8 §) eller "
                "`avser: budgetbeslut` (KL 11 kap. 11 §)"
            )
        return self


class AnnualWheel(Node):
    """Årshjulet: händelser och sammanträdeskalendern."""

    händelser: list[Event] = Field(default_factory=list, description="Årshjulets händelser.")
    sammanträden: dict[Ref, list[Date]] = Field(default_factory=dict, description="Organ (id) → sammanträdesdatum.")
