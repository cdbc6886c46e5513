"""Kommunkompassen (seed 002): a catalogue of areas and questions, and evaluations that score it.

The catalogue (the 2010 revision ships with the tool, see data/kommunkompassen-2010.yaml) holds
each area's questions with their maximum points; an evaluation lists only its scores, question
number → achieved points, kept with decimals. Totals the report printed (rounded integers) can be
recorded beside them, so that the rules can compare.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema

from styrmodell.model.base import MAX_NUMBER, Id, Node, RefList, Text

DEFAULT_CATALOGUE = "kommunkompassen-2010"
QUESTION_NUMBER = r"^\d+\.\d+$"


def _question_number(value: Any) -> Any:
    """`1.1` may be written without quotes; YAML then reads a number, which becomes '1.1' again."""
    if isinstance(value, float) and math.isfinite(value):
        value = repr(value)
    if isinstance(value, (str, int)) and not isinstance(value, bool) and not re.match(QUESTION_NUMBER, str(value)):
        raise ValueError('frågans nummer skrivs område.fråga, t.ex. "1.1"')
    return value


QuestionNumber = Annotated[
    str, BeforeValidator(_question_number), WithJsonSchema({"type": "string", "pattern": QUESTION_NUMBER})
]
Points = Annotated[float, Field(ge=0, le=MAX_NUMBER)]


def _text_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


TextList = Annotated[
    list[Text],
    BeforeValidator(_text_list),
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}),
]


class Question(Node):
    nummer: QuestionNumber = Field(description='Frågans nummer, område.fråga, t.ex. "1.1".')
    fråga: Text = Field(description="Frågan.")
    max: float = Field(ge=0.01, le=MAX_NUMBER, description="Frågans maxpoäng.")


class Area(Node):
    nummer: int = Field(ge=1, le=1000, description="Områdets nummer.")
    namn: Text = Field(description="Områdets namn.")
    rubriker: list[Text] = Field(default_factory=list, description="Områdets underrubriker.")
    frågor: list[Question] = Field(default_factory=list, description="Områdets frågor.")

    @property
    def max(self) -> float:
        return math.fsum(q.max for q in self.frågor)


class Catalogue(Node):
    """Områdena och frågorna i en version av Kommunkompassen."""

    id: Id = Field(description="Katalogens id; en utvärdering pekar på det med katalog:.")
    namn: Text = Field(description="Katalogens namn.")
    källa: Text | None = Field(default=None, description="Varifrån frågorna kommer.")
    områden: list[Area] = Field(default_factory=list, description="Områdena med sina frågor.")

    def area(self, number: int) -> Area | None:
        return next((a for a in self.områden if a.nummer == number), None)

    def question(self, number: str) -> Question | None:
        return next((q for a in self.områden for q in a.frågor if q.nummer == number), None)


class Improvement(Node):
    """Ett förbättringsområde som utvärderarna pekade ut, och de mål och aktiviteter som tar hand om det."""

    text: Text = Field(description="Förbättringsområdet, som utvärderarna skrev det.")
    mål: RefList = Field(default_factory=list, description="Mål som tar hand om förbättringsområdet (id).")
    aktiviteter: RefList = Field(default_factory=list, description="Aktiviteter som tar hand om det (id).")
    kommentar: Text | None = Field(default=None, description="En kommentar.")

    @property
    def linked(self) -> bool:
        return bool(self.mål or self.aktiviteter)


def _improvement(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class _OrText:
    """In the JSON Schema: the model, or a plain text."""

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict:
        return {"anyOf": [{"type": "string"}, handler(core_schema)]}


ImprovementItem = Annotated[Improvement, BeforeValidator(_improvement), _OrText()]


class AreaResult(Node):
    """Ett område i en utvärdering: poängen, summan som rapporten tryckte, styrkor och förbättringsområden."""

    område: int = Field(ge=1, le=1000, description="Områdets nummer (1–8).")
    poäng: dict[QuestionNumber, Points] = Field(
        default_factory=dict, description='Fråga → poäng med decimaler: {"3.1": 11.25}.'
    )
    summa: int | None = Field(
        default=None, ge=0, le=MAX_NUMBER, description="Områdets resultat som rapporten tryckte det (avrundat)."
    )
    styrkor: list[Text] = Field(default_factory=list, description="Styrkor som utvärderarna såg.")
    förbättringsområden: list[ImprovementItem] = Field(
        default_factory=list, description="Förbättringsområden: en text, eller {text, mål, aktiviteter, kommentar}."
    )
    kommentar: Text | None = Field(default=None, description="En kommentar.")

    @property
    def achieved(self) -> float | None:
        """The decimal total: the sum of the scores, or the printed total when only that is known."""
        if self.poäng:
            return math.fsum(self.poäng.values())
        return float(self.summa) if self.summa is not None else None


class Evaluation(Node):
    """En utvärdering med Kommunkompassen: av den egna kommunen, eller av en annan att jämföra med."""

    år: int = Field(ge=1990, le=2100, description="Utvärderingens år.")
    kommun: Text | None = Field(
        default=None, description="En annan kommuns utvärdering att jämföra med; tomt för den egna."
    )
    katalog: Text = Field(default=DEFAULT_CATALOGUE, description="Katalogens id (standard kommunkompassen-2010).")
    utvärderare: TextList = Field(default_factory=list, description="Vilka som utvärderade.")
    genomförd: Text | None = Field(default=None, description="När utvärderingen gjordes.")
    rapport: Text | None = Field(default=None, description="Rapporten som utvärderingen redovisades i.")
    totalt: int | None = Field(default=None, ge=0, le=MAX_NUMBER, description="Totalen som rapporten tryckte den.")
    kommentar: Text | None = Field(default=None, description="En kommentar.")
    områden: list[AreaResult] = Field(default_factory=list, description="En post per område.")

    def area(self, number: int) -> AreaResult | None:
        return next((a for a in self.områden if a.område == number), None)


def half_up(value: float) -> int:
    """Rounded the way a report prints it: 0.5 goes up (13.5 → 14), not to the even number."""
    return math.floor(round(value, 6) + 0.5)
