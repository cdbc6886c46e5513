"""The money side of the budget beyond the frames: investments and projects, the resources set aside
for goals, changes during the year (kompletteringsbudget, omprövning), and a board's internbudget.

Amounts are in millions of kronor (mnkr), like the rest of the budget.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema, field_validator

from styrmodell.model.base import Decision, Id, Node, Number, Ref, RefList, Text


class Project(Node):
    """Ett investeringsprojekt i investeringsbudgeten."""

    id: Id = Field(description="Projektets id, unikt i budgeten; uppföljningen i `ekonomi:` pekar på det.")
    namn: Text = Field(description="Projektet, som det står i rapporterna.")
    organ: Ref = Field(description="Nämnden eller styrelsen vars investeringsram projektet ligger i (id).")
    utgift: Number | None = Field(default=None, ge=0, description="Projektets hela utgift, alla år (mnkr).")
    år: dict[int, Number] = Field(
        default_factory=dict, description="Utgiften per år i budgetens plan: {2026: 8.0, 2027: 10.0} (mnkr)."
    )
    mål: RefList = Field(default_factory=list, description="Målen som investeringen ska bidra till (id).")
    beskrivning: Text | None = Field(default=None, description="Vad investeringen är och varför.")


class InvestmentBudget(Node):
    """Investeringsbudgeten: ramar per nämnd och styrelse, och projekten."""

    ramar: dict[Ref, Number] = Field(
        default_factory=dict, description="Organ (id) → investeringsram för budgetåret (mnkr)."
    )
    projekt: list[Project] = Field(default_factory=list, description="Investeringsprojekten, med utgift per år.")


class Allocation(Node):
    """Resurser som budgeten avsätter inom en ram för ett eller flera mål (en satsning)."""

    organ: Ref = Field(description="Organet vars ram satsningen ligger i (id).")
    belopp: Number = Field(description="Beloppet inom ramen, mnkr.")
    mål: RefList = Field(description="Målen som beloppet finansierar (id), t.ex. fullmäktiges prioriterade mål.")
    beskrivning: Text | None = Field(default=None, description="Vad pengarna används till.")


class ChangeKind(str, Enum):
    KOMPLETTERINGSBUDGET = "kompletteringsbudget"  # KF changes the year's budget with the årsredovisning in April
    OMPROVNING = "omprövning"  # the budget reconsidered in late November (seed 001 §5)
    TILLAGGSBUDGET = "tilläggsbudget"  # any other change of appropriations during the year


class BudgetChange(Node):
    """Ett beslut som ändrar årets budget: kompletteringsbudget, omprövning eller tilläggsbudget."""

    typ: ChangeKind = Field(description="kompletteringsbudget, omprövning eller tilläggsbudget.")
    beslut: Decision = Field(description="Fullmäktiges beslut om ändringen.")
    ramändringar: dict[Ref, Number] = Field(
        default_factory=dict, description="Organ (id) → hur mycket ramen ändras, plus eller minus (mnkr)."
    )
    investeringsändringar: dict[Ref, Number] = Field(
        default_factory=dict, description="Organ (id) → hur mycket investeringsramen ändras, plus eller minus (mnkr)."
    )
    finansiering: Text | None = Field(
        default=None,
        description="Hur en utgift som beslutas under budgetåret ska finansieras (KL 11 kap. 15 §).",
    )
    beskrivning: Text | None = Field(default=None, description="Vad ändringen gäller och varför.")

    @property
    def increases(self) -> float:
        """How much the change adds to the year's appropriations (frames and investment frames)."""
        return sum(v for v in self.ramändringar.values() if v > 0) + sum(
            v for v in self.investeringsändringar.values() if v > 0
        )


def _allocation_amount(value: Any) -> Any:
    """`verksamheter: {hemtjansten: 120.0}` or `{hemtjansten: {belopp: 120.0, ...}}`."""
    return {"belopp": value} if isinstance(value, (int, float)) and not isinstance(value, bool) else value


class InternalAllocation(Node):
    """En verksamhets del av nämndens ram i internbudgeten."""

    belopp: Number = Field(description="Verksamhetens budget (nettokostnad), mnkr.")
    mål: RefList = Field(default_factory=list, description="Målen som verksamhetens pengar ska bidra till (id).")
    kommentar: Text | None = Field(default=None, description="En kommentar.")


InternalAllocationField = Annotated[
    InternalAllocation,
    BeforeValidator(_allocation_amount),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "description": "Verksamhetens budget, mnkr."},
                {
                    "type": "object",
                    "properties": {
                        "belopp": {"type": "number"},
                        "mål": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
                        "kommentar": {"type": "string"},
                    },
                    "required": ["belopp"],
                    "additionalProperties": False,
                },
            ]
        }
    ),
]


class InternalBudget(Node):
    """En nämnds eller styrelses internbudget: ramen fördelad på verksamheterna, beslutad av nämnden själv."""

    organ: Ref | None = Field(default=None, description="Nämnden eller styrelsen vars internbudget det är (id).")
    år: int = Field(ge=2000, le=2100, description="Budgetåret.")
    beslut: Decision | None = Field(default=None, description="Nämndens eget beslut om internbudgeten.")
    ram: Number | None = Field(
        default=None, description="Ramen som fördelas (mnkr); tomt: ramen i fullmäktiges budget för året."
    )
    verksamheter: dict[Text, InternalAllocationField] = Field(
        default_factory=dict,
        description="Verksamhet → belopp (mnkr): en enhets eller förvaltnings id, eller verksamhetens namn; "
        "eller {belopp, mål, kommentar}.",
    )
    kommentar: Text | None = Field(default=None, description="En kommentar om fördelningen.")

    @field_validator("verksamheter", mode="before")
    @classmethod
    def _names_as_text(cls, value: Any) -> Any:
        return {str(k): v for k, v in value.items()} if isinstance(value, dict) else value

    @property
    def total(self) -> float:
        return sum(a.belopp for a in self.verksamheter.values())


def frame_on(frames: dict[str, float], changes: list[BudgetChange], organ: str, day: dt.date, investment: bool = False):
    """An organ's frame as decided by `day`: the budget's, with every change decided on or before it."""
    base = frames.get(organ)
    deltas = [
        (c.investeringsändringar if investment else c.ramändringar).get(organ) for c in changes if c.beslut.datum <= day
    ]
    known = [d for d in deltas if d is not None]
    if base is None and not known:
        return None
    return (base or 0.0) + sum(known)
