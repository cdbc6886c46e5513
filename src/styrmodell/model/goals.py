"""Vision, goals, indicators, activities, assignments and dialogue records."""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema, field_validator, model_validator

from styrmodell.model.base import Decision, Id, Node, Period, Ref, RefList, Text, parse_period

KOLADA_SOURCE = re.compile(r"^kolada:(.*)$")
KOLADA_ID = re.compile(r"^[NU]\d{5}$")


def _text_or_list(value: Any) -> Any:
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return value


class Vision(Node):
    text: Text
    mission: Text | None = None
    värdegrund: Annotated[
        str | None,
        BeforeValidator(_text_or_list),
        WithJsonSchema(
            {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}, {"type": "null"}]}
        ),
    ] = None
    gäller_till: int | None = None
    beslut: Decision | None = None


class GoalKind(str, Enum):
    VERKSAMHET = "verksamhet"
    FINANSIELLT = "finansiellt"


class YearSpan(Node):
    från: int = Field(ge=2000, le=2100)
    till: int = Field(ge=2000, le=2100)

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
    """The follow-up of a goal for one period: a professional assessment of its status where the
    goal is not measured (seed 004 §2.1), and the analysis the reports print (seed 000 §6.4)."""

    status: AssessedStatus | None = None  # empty: the status comes from the indicators
    motivering: Text | None = None
    analys: Text | None = None
    lärdomar: Text | None = None
    slutsats: Text | None = None
    åtgärder: Text | None = None


class Reconsideration(Node):
    """A goal carried into a new mandate period, to be decided again (set by `styr nytt-ar`)."""

    av: Ref = Field(description="Organet som ska besluta målet på nytt (för ett fullmäktigemål: kf).")
    inför: int = Field(ge=2000, le=2100, description="Året som det nya beslutet gäller från.")
    skäl: Text | None = Field(default=None, description="Varför målet ska omprövas, t.ex. ny mandatperiod.")


class Goal(Node):
    id: Id
    nivå: Ref
    text: Text
    organ: Ref | None = None
    tjänar: RefList = []
    typ: GoalKind = GoalKind.VERKSAMHET
    beskrivning: Text | None = None
    period: YearSpan | None = None
    målår: int | None = Field(default=None, ge=2000, le=2100)
    ansvarig: Ref | None = None
    beslut: Decision | None = None
    bedömningsmetod: Text | None = None
    bedömningar: dict[Period, Assessment] = {}
    omprövas: Reconsideration | None = Field(
        default=None,
        description="Målet förs över till en ny mandatperiod och ska beslutas på nytt: {av: kf, inför: 2027}. "
        "Ta bort nyckeln när beslutet är fattat och skrivet i beslut:.",
    )

    def in_force(self, year: int) -> bool:
        """Whether the goal applies in `year`: inside its period, or not after its target year."""
        if self.period is not None:
            return self.period.från <= year <= self.period.till
        return self.målår is None or self.målår >= year


class Direction(str, Enum):
    HIGHER = "högre"
    LOWER = "lägre"


class Baseline(Node):
    år: int = Field(ge=1990, le=2100)
    värde: float


class Gender(str, Enum):
    KVINNOR = "kvinnor"
    MAN = "män"


class Indicator(Node):
    id: Id
    namn: Text
    mål: RefList = []
    organ: Ref | None = None
    enhet: Text | None = None
    riktning: Direction | None = None
    källa: Text = "egen"
    metod: Text | None = None
    bas: Baseline | None = None
    målvärden: dict[int, float | None] = Field(
        default={},
        description="Målvärde per år; null är ett år vars målvärde ännu inte är beslutat (`styr nytt-ar` lägger till det).",
    )
    utfall: dict[Period, float | None] = {}
    utfall_per_kön: dict[Gender, dict[Period, float | None]] = Field(
        default={},
        description="Utfall för kvinnor och män var för sig: {kvinnor: {2024: 81.0}, män: {2024: 86.5}}.",
    )
    jämförelser: dict[Text, dict[Period, float | None]] = {}
    beskrivning: Text | None = None

    @field_validator("målvärden", mode="before")
    @classmethod
    def _years(cls, value: Any) -> Any:
        if isinstance(value, dict):
            for key in value:
                if not re.fullmatch(r"\d{4}", str(key)):
                    raise ValueError(f"målvärden anges per år (ÅÅÅÅ), inte '{key}'")
        return value

    @field_validator("utfall", mode="before")
    @classmethod
    def _periods(cls, value: Any) -> Any:
        if isinstance(value, dict):
            for key in value:
                parse_period(key)
        return value

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


class ActivityStatus(str, Enum):
    PLANERAD = "planerad"
    PAGAR = "pågår"
    GENOMFORD = "genomförd"
    FORSENAD = "försenad"
    AVBRUTEN = "avbruten"


class Activity(Node):
    id: Id
    namn: Text
    mål: RefList = []
    organ: Ref | None = None
    enhet: Ref | None = None
    ansvarig: Ref | None = None
    start: dt.date | None = None
    slut: dt.date | None = None
    status: ActivityStatus = ActivityStatus.PLANERAD
    beskrivning: Text | None = None


class AssignmentStatus(str, Enum):
    EJ_PABORJAT = "ej påbörjat"
    PAGAR = "pågår"
    GENOMFORT = "genomfört"
    AVSLUTAT = "avslutat"
    EJ_GENOMFORT = "ej genomfört"


class Assignment(Node):
    id: Id
    text: Text
    givare: Ref
    mottagare: Ref
    beslut: Decision | None = None
    senast: dt.date | None = None
    status: AssignmentStatus = AssignmentStatus.EJ_PABORJAT
    mål: RefList = []
    återrapportering: Text | None = None
    kommentar: Text | None = None


class Dialogue(Node):
    id: Id
    datum: dt.date
    forum: Ref
    tema: Text
    deltagare: list[Text] = []
    mål: RefList = []
    anteckningar: Text | None = None
    lärdomar: Text | None = None
    slutsatser: Text | None = None
