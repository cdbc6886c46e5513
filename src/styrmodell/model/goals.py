"""Vision, goals, indicators, activities, assignments and dialogue records."""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema, field_validator, model_validator

from styrmodell.model.base import Date, Decision, Id, Node, Number, Period, Ref, RefList, Text, parse_period

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
    gäller_till: int | None = Field(default=None, ge=1800, le=2199)
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
    värde: Number


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
    målvärden: dict[int, Number] = {}
    utfall: dict[Period, Number | None] = {}
    jämförelser: dict[Text, dict[Period, Number | None]] = {}
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
    start: Date | None = None
    slut: Date | None = None
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
    senast: Date | None = None
    status: AssignmentStatus = AssignmentStatus.EJ_PABORJAT
    mål: RefList = []
    återrapportering: Text | None = None
    kommentar: Text | None = None


class Dialogue(Node):
    id: Id
    datum: Date
    forum: Ref
    tema: Text
    deltagare: list[Text] = []
    mål: RefList = []
    anteckningar: Text | None = None
    lärdomar: Text | None = None
    slutsatser: Text | None = None
