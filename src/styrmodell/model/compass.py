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
    nummer: QuestionNumber
    fråga: Text
    max: float = Field(ge=0.01, le=MAX_NUMBER)


class Area(Node):
    nummer: int = Field(ge=1, le=1000)
    namn: Text
    rubriker: list[Text] = []
    frågor: list[Question] = []

    @property
    def max(self) -> float:
        return math.fsum(q.max for q in self.frågor)


class Catalogue(Node):
    """The areas and questions of one revision of Kommunkompassen."""

    id: Id
    namn: Text
    källa: Text | None = None
    områden: list[Area] = []

    def area(self, number: int) -> Area | None:
        return next((a for a in self.områden if a.nummer == number), None)

    def question(self, number: str) -> Question | None:
        return next((q for a in self.områden for q in a.frågor if q.nummer == number), None)


class Improvement(Node):
    """An improvement area the evaluators named, and the goals and activities that address it."""

    text: Text
    mål: RefList = []
    aktiviteter: RefList = []
    kommentar: Text | None = None

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
    """One area of an evaluation: its scores, the total the report printed, strengths and improvements."""

    område: int = Field(ge=1, le=1000)
    poäng: dict[QuestionNumber, Points] = {}
    summa: int | None = Field(
        default=None, ge=0, le=MAX_NUMBER
    )  # as printed (rounded); alone when the scores are unknown
    styrkor: list[Text] = []
    förbättringsområden: list[ImprovementItem] = []
    kommentar: Text | None = None

    @property
    def achieved(self) -> float | None:
        """The decimal total: the sum of the scores, or the printed total when only that is known."""
        if self.poäng:
            return math.fsum(self.poäng.values())
        return float(self.summa) if self.summa is not None else None


class Evaluation(Node):
    """One evaluation with Kommunkompassen: of this municipality, or of another one to compare with."""

    år: int = Field(ge=1990, le=2100)
    kommun: Text | None = None  # another municipality's evaluation, for comparison; empty: the repository's own
    katalog: Text = DEFAULT_CATALOGUE
    utvärderare: TextList = []
    genomförd: Text | None = None
    rapport: Text | None = None
    totalt: int | None = Field(default=None, ge=0, le=MAX_NUMBER)  # as printed
    kommentar: Text | None = None
    områden: list[AreaResult] = []

    def area(self, number: int) -> AreaResult | None:
        return next((a for a in self.områden if a.område == number), None)


def half_up(value: float) -> int:
    """Rounded the way a report prints it: 0.5 goes up (13.5 → 14), not to the even number."""
    return math.floor(round(value, 6) + 0.5)
