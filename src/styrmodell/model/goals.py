"""Vision, goals, strategies, indicators, quality factors, activities, assignments and dialogue records."""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Any

from pydantic import (
    BeforeValidator,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_serializer,
    field_validator,
    model_validator,
)

from styrmodell.model.base import (
    Date,
    Decision,
    Flag,
    Id,
    Node,
    Number,
    Period,
    Ref,
    RefList,
    StepOrNumber,
    Text,
    parse_period,
)
from styrmodell.svenska.suggest import did_you_mean

KOLADA_SOURCE = re.compile(r"^kolada:(.*)$")
KOLADA_ID = re.compile(r"^[NU]\d{5}$")


def _text_or_list(value: Any) -> Any:
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return value


class Vision(Node):
    """Kommunens vision, med slogan, mission och värdegrund."""

    text: Text = Field(description="Visionens text.")
    slogan: Text | None = Field(
        default=None, description="Kommunens slogan, som står före visionen i den strategiska planen."
    )
    mission: Text | None = Field(default=None, description="Missionen: syftet med verksamheten och hur visionen nås.")
    värdegrund: Annotated[
        str | None,
        BeforeValidator(_text_or_list),
        WithJsonSchema(
            {
                "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}, {"type": "null"}],
                "description": "Värdegrunden: en text, eller en lista med en värdering per rad.",
            }
        ),
    ] = Field(default=None, description="Värdegrunden: en text, eller en lista med en värdering per rad.")
    gäller_till: int | None = Field(
        default=None, ge=1800, le=2199, description="Året som visionen gäller till, t.ex. 2030."
    )
    beslut: Decision | None = Field(default=None, description="Fullmäktiges beslut om visionen.")


class GoalKind(str, Enum):
    VERKSAMHET = "verksamhet"
    FINANSIELLT = "finansiellt"


class GoalOrigin(str, Enum):
    """Var ett nämndmål kommer ifrån: fullmäktiges uppdrag formulerat om till mål, eller nämndens eget."""

    UPPDRAG = "utifrån uppdraget"
    EGET = "eget resultatmål"


class YearSpan(Node):
    från: int = Field(ge=2000, le=2100, description="Första året.")
    till: int = Field(ge=2000, le=2100, description="Sista året.")

    @model_validator(mode="after")
    def _ordered(self) -> YearSpan:
        if self.till < self.från:
            raise ValueError(f"perioden slutar ({self.till}) före den börjar ({self.från})")
        return self


class AssessedStatus(str, Enum):
    UPPNATT = "uppnått"
    DELVIS = "delvis uppnått"
    EJ_UPPNATT = "ej uppnått"


class Assessment(Node):
    """Uppföljningen av ett mål för en period: en professionell bedömning där målet inte mäts, och
    analysen, lärdomarna och slutsatsen som rapporterna skriver ut."""

    status: AssessedStatus | None = Field(
        default=None,
        description="Bedömd status (uppnått, delvis uppnått, ej uppnått) för ett mål som inte mäts; "
        "tomt: statusen räknas ur indikatorerna.",
    )
    motivering: Text | None = Field(default=None, description="Varför målet bedöms så.")
    analys: Text | None = Field(default=None, description="Analysen av resultatet.")
    lärdomar: Text | None = Field(default=None, description="Vad verksamheten har lärt sig.")
    slutsats: Text | None = Field(default=None, description="Slutsatsen om måluppfyllelsen.")
    åtgärder: Text | None = Field(default=None, description="Vad som ska göras.")


def _owner(obj: Any) -> str | None:
    """The most specific owner: the unit, else the administration, else the organ."""
    return obj.enhet or obj.förvaltning or obj.organ


class Reconsideration(Node):
    """A goal carried into a new mandate period, to be decided again (set by `styr nytt-ar`)."""

    av: Ref = Field(description="Organet som ska besluta målet på nytt (för ett fullmäktigemål: kf).")
    inför: int = Field(ge=2000, le=2100, description="Året som det nya beslutet gäller från.")
    skäl: Text | None = Field(default=None, description="Varför målet ska omprövas, t.ex. ny mandatperiod.")


class Goal(Node):
    """Ett mål på en nivå i målkedjan, ägt av ett organ, en förvaltning eller en enhet."""

    id: Id = Field(description="Målets id, unikt i hela repot.")
    nivå: Ref = Field(description="Nivån i målkedjan (ett id under målkedja i styrmodell.yaml).")
    text: Text = Field(description="Målets formulering, som den beslutades.")
    organ: Ref | None = Field(
        default=None,
        description="Organet som äger målet (id); för en förvaltnings eller enhets mål: nämnden vars "
        "verksamhet det gäller. Kan stå överst i filen.",
    )
    förvaltning: Ref | None = Field(
        default=None, description="Förvaltningen som äger målet (id), för mål på förvaltningsnivå."
    )
    enhet: Ref | None = Field(default=None, description="Verksamheten eller enheten som äger målet (id).")
    tjänar: RefList = Field(default_factory=list, description="Målen ovanför som målet bidrar till (id).")
    typ: GoalKind = Field(
        default=GoalKind.VERKSAMHET,
        description="verksamhet eller finansiellt; finansiella mål hör till budgeten, inte till målkedjan.",
    )
    slag: GoalOrigin | None = Field(
        default=None,
        description="För en nämnds eller styrelses mål: 'utifrån uppdraget' (fullmäktiges uppdrag formulerat "
        "om till mål) eller 'eget resultatmål' (ur den egna verksamheten och dess nuläge).",
    )
    uppdrag: RefList = Field(
        default_factory=list, description="Uppdraget eller uppdragen från fullmäktige som målet formulerar om (id)."
    )
    styrdokument: Ref | None = Field(
        default=None, description="Styrdokumentet som målet beslutades i (id), t.ex. mål och budget."
    )
    beskrivning: Text | None = Field(default=None, description="En förklaring av målet, för verksamhetsplanen.")
    period: YearSpan | None = Field(default=None, description="Åren som målet gäller: {från, till}.")
    målår: int | None = Field(default=None, ge=2000, le=2100, description="Året då målet ska vara nått.")
    ansvarig: Ref | None = Field(default=None, description="Rollen eller organet som ansvarar för att målet nås (id).")
    beslut: Decision | None = Field(default=None, description="Beslutet om målet: {organ, datum, paragraf}.")
    bedömningsmetod: Text | None = Field(
        default=None,
        description="Hur förvaltningen gör sin professionella bedömning av ett mål som inte mäts, där kommunen "
        "tillåter sådana mål.",
    )
    bedömningar: dict[Period, Assessment] = Field(
        default_factory=dict,
        description="Uppföljningen per period (2026-08, 2026): status, analys, lärdomar, slutsats.",
    )

    omprövas: Reconsideration | None = Field(
        default=None,
        description="Målet förs över till en ny mandatperiod och ska beslutas på nytt: {av: kf, inför: 2027}. "
        "Ta bort nyckeln när beslutet är fattat och skrivet i beslut:.",
    )

    @property
    def owner(self) -> str | None:
        return _owner(self)

    def in_force(self, year: int) -> bool:
        """Whether the goal applies in `year`: inside its period, or not after its target year."""
        if self.period is not None:
            return self.period.från <= year <= self.period.till
        return self.målår is None or self.målår >= year


class Strategy(Node):
    """En strategi: inriktningen (vägvalet) för hur mål, uppdrag eller kvalitet ska nås; mer övergripande än
    aktiviteterna, som hänger under den."""

    id: Id = Field(description="Strategins id, unikt i hela repot.")
    namn: Text = Field(description="Strategin i en mening.")
    mål: RefList = Field(default_factory=list, description="Målen som strategin ska öka måluppfyllelsen för (id).")
    uppdrag: RefList = Field(default_factory=list, description="Uppdragen som strategin genomför (id).")
    kvalitetsfaktor: RefList = Field(
        default_factory=list, description="Kvalitetsfaktorerna som strategin ska förbättra (id)."
    )
    organ: Ref | None = Field(default=None, description="Organet vars strategi det är (id). Kan stå överst i filen.")
    förvaltning: Ref | None = Field(default=None, description="Förvaltningen som äger strategin (id).")
    enhet: Ref | None = Field(default=None, description="Enheten som äger strategin (id).")
    ansvarig: Ref | None = Field(default=None, description="Rollen som ansvarar för strategin (id).")
    period: YearSpan | None = Field(default=None, description="Åren som strategin gäller: {från, till}.")
    beskrivning: Text | None = Field(default=None, description="Vad strategin innebär.")

    @property
    def owner(self) -> str | None:
        return _owner(self)


class QualityAspect(str, Enum):
    KVALITET = "kvalitet"
    EFFEKTIVITET = "effektivitet"


class QualityFactor(Node):
    """En kritisk kvalitetsfaktor: det som har värde för dem verksamheten är till för och som följs upp med
    kvalitetsindikatorer, också där inget mål finns."""

    id: Id = Field(description="Kvalitetsfaktorns id, unikt i hela repot.")
    namn: Text = Field(description="Kvalitetsfaktorn, t.ex. Bemötande eller Tillgänglighet.")
    avser: QualityAspect = Field(
        default=QualityAspect.KVALITET, description="Vad faktorn gäller: kvalitet eller effektivitet."
    )
    organ: Ref | None = Field(default=None, description="Organet vars verksamhet faktorn gäller (id).")
    förvaltning: Ref | None = Field(default=None, description="Förvaltningen som följer upp faktorn (id).")
    enhet: Ref | None = Field(default=None, description="Enheten som följer upp faktorn (id).")
    beskrivning: Text | None = Field(default=None, description="Varför faktorn är kritisk och för vem.")

    @property
    def owner(self) -> str | None:
        return _owner(self)


class Direction(str, Enum):
    HIGHER = "högre"
    LOWER = "lägre"


class Baseline(Node):
    år: int = Field(ge=1990, le=2100, description="Året som utgångsvärdet gäller.")
    värde: StepOrNumber = Field(description="Utgångsvärdet; för en kvalitativ indikator ett steg på skalan.")


_VALUE_FIELDS = ("bas", "målvärden", "utfall", "jämförelser")


class Gender(str, Enum):
    KVINNOR = "kvinnor"
    MAN = "män"


class Indicator(Node):
    """En indikator (verksamhetsmått, nyckeltal) med mätmetod, målvärden och utfall; kvantitativ, eller
    kvalitativ med en skala."""

    id: Id = Field(description="Indikatorns id, unikt i hela repot.")
    namn: Text = Field(description="Indikatorns namn, som i rapporterna.")
    mål: RefList = Field(default_factory=list, description="Målen som indikatorn mäter (id).")
    kvalitetsfaktor: RefList = Field(
        default_factory=list,
        description="Kvalitetsfaktorerna som indikatorn mäter (id); en kvalitetsindikator behöver inget mål.",
    )
    organ: Ref | None = Field(default=None, description="Organet som följer upp indikatorn (id).")
    till_fullmäktige: Flag = Field(
        default=False,
        description="Om nämndens indikator också redovisas för fullmäktige (i kommunens rapporter under "
        "fullmäktiges mål).",
    )
    enhet: Text | None = Field(default=None, description='Måttenhet, t.ex. "%", "kr/elev" eller "antal".')
    riktning: Direction | None = Field(
        default=None,
        description="Vilket håll som är bättre: högre eller lägre (för en kvalitativ indikator: högre, "
        "om skalan står från sämst till bäst).",
    )
    källa: Text = Field(default="egen", description="Källan: egen, enkät: <namn>, eller kolada:<N/U + fem siffror>.")
    metod: Text | None = Field(default=None, description="Mätmetoden: hur och när indikatorn mäts.")
    skala: list[Text] = Field(
        default_factory=list,
        description="För en kvalitativ indikator: skalans steg från sämst till bäst; målvärden och utfall "
        "anges då som ett av stegen.",
    )
    bas: Baseline | None = Field(default=None, description="Utgångsvärdet: {år, värde}.")
    målvärden: dict[int, StepOrNumber | None] = Field(
        default_factory=dict,
        description="Målvärde per år: {2026: 85}; för en kvalitativ indikator ett steg på skalan. null är ett år "
        "vars målvärde ännu inte är beslutat (`styr nytt-ar` lägger till det).",
    )
    utfall: dict[Period, StepOrNumber | None] = Field(
        default_factory=dict,
        description="Utfall per period: {2025: 84.1, 2026-08: 85.0}; null där värdet saknas; för en kvalitativ "
        "indikator ett steg på skalan.",
    )
    ackumulerad: Flag = Field(
        default=False,
        description="Utfallet räknas ihop över året eller flera år (t.ex. färdigställda lägenheter): under året "
        "bedöms det mot periodens `delmål`, inte mot helårets målvärde.",
    )
    delmål: dict[Period, StepOrNumber] = Field(
        default_factory=dict,
        description="Målvärde för en period under året, för en ackumulerad indikator: {2026-08: 36} (36 av årets "
        "60 i augusti är enligt plan).",
    )
    utfall_per_kön: dict[Gender, dict[Period, Number | None]] = Field(
        default_factory=dict,
        description="Utfall för kvinnor och män var för sig: {kvinnor: {2024: 81.0}, män: {2024: 86.5}}.",
    )
    jämförelser: dict[Text, dict[Period, StepOrNumber | None]] = Field(
        default_factory=dict, description="Jämförelsevärden per jämförelse och period: {Riket: {2025: 83.2}}."
    )
    beskrivning: Text | None = Field(default=None, description="Vad indikatorn visar.")

    @field_validator("skala")
    @classmethod
    def _distinct_steps(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("skalans steg ska vara olika")
        if len(value) == 1:
            raise ValueError("en skala har minst två steg")
        return value

    @field_validator("bas", "målvärden", "delmål", "utfall", "jämförelser", mode="before")
    @classmethod
    def _steps_to_numbers(cls, value: Any, info: ValidationInfo) -> Any:
        """A qualitative indicator's values are steps on its scale; the model keeps them as numbers
        1, 2, 3 … (the step's place), so that targets, outcomes and directions work as for any other."""
        scale = info.data.get("skala") or []
        if not scale:
            return value
        return _to_steps(value, scale, info.field_name or "")

    @field_validator("målvärden", mode="before")
    @classmethod
    def _years(cls, value: Any) -> Any:
        if isinstance(value, dict):
            for key in value:
                if not re.fullmatch(r"\d{4}", str(key)):
                    raise ValueError(f"målvärden anges per år (ÅÅÅÅ), inte '{key}'")
        return value

    @field_validator("delmål", mode="before")
    @classmethod
    def _interim_periods(cls, value: Any) -> Any:
        if isinstance(value, dict):
            for key in value:
                if "-" not in parse_period(key):
                    raise ValueError(
                        f"delmål gäller en period under året (ÅÅÅÅ-MM), inte '{key}': helåret har målvärden"
                    )
        return value

    @field_validator("utfall", mode="before")
    @classmethod
    def _periods(cls, value: Any) -> Any:
        if isinstance(value, dict):
            for key in value:
                parse_period(key)
        return value

    @model_validator(mode="after")
    def _scale_is_higher(self) -> Indicator:
        if self.skala and self.riktning is None:
            self.riktning = Direction.HIGHER
        return self

    @field_serializer("bas", "målvärden", "utfall", "jämförelser", when_used="json")
    def _numbers_to_steps(self, value: Any) -> Any:
        """In JSON (what `styr diff` compares and shows) a qualitative indicator's values are its words."""
        if not self.skala:
            return value.model_dump(mode="json") if isinstance(value, Baseline) else value
        return _from_steps(value, self.skala)

    @property
    def qualitative(self) -> bool:
        return bool(self.skala)

    def step(self, value: float | None) -> str | None:
        """The word for a value on a qualitative indicator's scale (None for a quantitative indicator)."""
        if not self.skala or value is None:
            return None
        index = round(value) - 1
        return self.skala[index] if 0 <= index < len(self.skala) else None

    def target(self, year: int) -> float | None:
        """The decided target for `year` (None: none, or a slot not yet decided)."""
        return self.målvärden.get(year)

    @property
    def decided_targets(self) -> dict[int, float]:
        """The targets that have a value, by year (slots written `null` left out)."""
        return {year: value for year, value in self.målvärden.items() if value is not None}

    @property
    def kolada_id(self) -> str | None:
        match = KOLADA_SOURCE.match(self.källa.strip())
        return match.group(1).strip() if match else None


def _to_step(value: Any, scale: list[str], where: str) -> Any:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueError(
            f"{where}: en kvalitativ indikator anges med ett av skalans steg ({', '.join(scale)}), inte {value}"
        )
    text = str(value).strip()
    if text not in scale:
        raise ValueError(
            f"{where}: '{text}' är inte ett steg på skalan{did_you_mean(text, scale)} ({', '.join(scale)})"
        )
    return float(scale.index(text) + 1)


def _to_steps(value: Any, scale: list[str], field: str) -> Any:
    if field == "bas":
        if isinstance(value, dict) and "värde" in value:
            return {**value, "värde": _to_step(value["värde"], scale, "bas")}
        return value
    if field == "jämförelser":
        if isinstance(value, dict):
            return {
                name: _to_steps(values, scale, f"jämförelser {name}") if isinstance(values, dict) else values
                for name, values in value.items()
            }
        return value
    if isinstance(value, dict):
        return {key: _to_step(item, scale, f"{field} {key}") for key, item in value.items()}
    return value


def _from_steps(value: Any, scale: list[str]) -> Any:
    def word(number: Any) -> Any:
        if isinstance(number, (int, float)) and 1 <= round(number) <= len(scale):
            return scale[round(number) - 1]
        return number

    if isinstance(value, Baseline):
        return {"år": value.år, "värde": word(value.värde)}
    if isinstance(value, dict):
        return {k: (_from_steps(v, scale) if isinstance(v, dict) else word(v)) for k, v in value.items()}
    return value


class ActivityStatus(str, Enum):
    PLANERAD = "planerad"
    PAGAR = "pågår"
    GENOMFORD = "genomförd"
    FORSENAD = "försenad"
    AVBRUTEN = "avbruten"


class Activity(Node):
    """En aktivitet eller ett projekt som ska öka måluppfyllelsen eller kvaliteten; mer detaljerad än en
    strategi."""

    id: Id = Field(description="Aktivitetens id, unikt i hela repot.")
    namn: Text = Field(description="Aktiviteten i en mening.")
    mål: RefList = Field(default_factory=list, description="Målen som aktiviteten leder mot (id).")
    strategi: RefList = Field(
        default_factory=list, description="Strategin eller strategierna som aktiviteten genomför (id)."
    )
    uppdrag: RefList = Field(default_factory=list, description="Uppdragen som aktiviteten genomför (id).")
    kvalitetsfaktor: RefList = Field(
        default_factory=list, description="Kvalitetsfaktorerna som aktiviteten förbättrar (id)."
    )
    organ: Ref | None = Field(default=None, description="Organet vars aktivitet det är (id). Kan stå överst i filen.")
    förvaltning: Ref | None = Field(default=None, description="Förvaltningen som genomför aktiviteten (id).")
    enhet: Ref | None = Field(default=None, description="Enheten som genomför aktiviteten (id).")
    ansvarig: Ref | None = Field(default=None, description="Rollen eller organet som ansvarar (id).")
    start: Date | None = Field(default=None, description="Startdatum.")
    slut: Date | None = Field(default=None, description="Slutdatum.")
    status: ActivityStatus = Field(
        default=ActivityStatus.PLANERAD, description="planerad, pågår, genomförd, försenad eller avbruten."
    )
    beskrivning: Text | None = Field(default=None, description="Vad som görs och hur.")

    @property
    def owner(self) -> str | None:
        return _owner(self)


class AssignmentStatus(str, Enum):
    EJ_PABORJAT = "ej påbörjat"
    PAGAR = "pågår"
    GENOMFORT = "genomfört"
    AVSLUTAT = "avslutat"
    EJ_GENOMFORT = "ej genomfört"


DONE = {AssignmentStatus.GENOMFORT, AssignmentStatus.AVSLUTAT}


class StatusEntry(Node):
    """Ett uppdrags status vid ett datum, t.ex. i statusrapporten till kommunstyrelsen i maj."""

    datum: Date = Field(description="Datum då statusen gällde eller rapporterades.")
    status: AssignmentStatus = Field(description="Statusen då: ej påbörjat, pågår, genomfört, avslutat, ej genomfört.")
    kommentar: Text | None = Field(default=None, description="Vad som rapporterades.")


class Assignment(Node):
    """Ett politiskt uppdrag, som ska verkställas och återrapporteras."""

    id: Id = Field(description="Uppdragets id, unikt i hela repot.")
    text: Text = Field(description="Uppdraget, som det beslutades.")
    givare: Ref = Field(description="Organet som gav uppdraget (id).")
    mottagare: Ref = Field(description="Den som ska utföra uppdraget: ett organ, en förvaltning eller en roll (id).")
    beslut: Decision | None = Field(default=None, description="Beslutet om uppdraget: {organ, datum, paragraf}.")
    år: int | None = Field(
        default=None,
        ge=2000,
        le=2100,
        description="Året vars uppdragsplan uppdraget hör till; standard: året för senast, annars beslutets år.",
    )
    senast: Date | None = Field(default=None, description="Sista dag för att genomföra uppdraget.")
    status: AssignmentStatus = Field(
        default=AssignmentStatus.EJ_PABORJAT,
        description="Nuvarande status: ej påbörjat, pågår, genomfört, avslutat eller ej genomfört; standard: "
        "den senaste i historiken, eller genomfört när genomfört-datumet är angivet.",
    )
    genomfört: Date | None = Field(
        default=None, description="Datum då uppdraget genomfördes; ett uppdrag som genomförts i tid är aldrig försenat."
    )
    historik: list[StatusEntry] = Field(
        default_factory=list,
        description="Statusen vid olika datum, så att statusrapporterna i maj och november visar statusen då.",
    )
    mål: RefList = Field(
        default_factory=list, description="De strategiska mål eller andra mål som uppdraget tjänar (id)."
    )
    återrapportering: Text | None = Field(default=None, description="Hur och när uppdraget återrapporteras.")
    kommentar: Text | None = Field(default=None, description="En kommentar, t.ex. varför uppdraget dröjer.")

    @model_validator(mode="after")
    def _status_from_history(self) -> Assignment:
        if "status" not in self.model_fields_set:
            if self.historik:
                self.status = max(self.historik, key=lambda e: e.datum).status
            elif self.genomfört is not None:
                self.status = AssignmentStatus.GENOMFORT
        return self

    @property
    def plan_year(self) -> int | None:
        if self.år is not None:
            return self.år
        if self.senast is not None:
            return self.senast.year
        return self.beslut.datum.year if self.beslut else None

    def status_on(self, day: dt.date) -> AssignmentStatus | None:
        """The status as it stood on `day` (None: the assignment was not yet given)."""
        if self.beslut is not None and self.beslut.datum > day:
            return None
        if self.historik:
            earlier = [e for e in self.historik if e.datum <= day]
            if self.genomfört is not None and self.genomfört <= day and self.status in DONE:
                return self.status
            return max(earlier, key=lambda e: e.datum).status if earlier else AssignmentStatus.EJ_PABORJAT
        if self.genomfört is not None and self.genomfört > day and self.status in DONE:
            return AssignmentStatus.PAGAR
        return self.status

    def done_on(self, day: dt.date) -> bool:
        return self.status_on(day) in DONE

    def late_on(self, day: dt.date) -> bool:
        """Past its last day on `day` and not carried out by then (one carried out in time never is)."""
        return self.senast is not None and self.senast < day and not self.done_on(day)

    @property
    def completed_late(self) -> bool:
        return self.genomfört is not None and self.senast is not None and self.genomfört > self.senast


class Dialogue(Node):
    """En dokumenterad uppföljningsdialog, t.ex. i ett utskott."""

    id: Id = Field(description="Dialogens id, unikt i hela repot.")
    datum: Date = Field(description="Datum för dialogen.")
    forum: Ref = Field(description="Organet där dialogen fördes (id), t.ex. ett utskott.")
    tema: Text = Field(description="Dialogens tema.")
    deltagare: list[Text] = Field(default_factory=list, description="Vilka som deltog.")
    mål: RefList = Field(default_factory=list, description="Målen som dialogen följde upp (id).")
    anteckningar: Text | None = Field(default=None, description="Vad som sades.")
    lärdomar: Text | None = Field(default=None, description="Lärdomar.")
    slutsatser: Text | None = Field(default=None, description="Slutsatser.")
