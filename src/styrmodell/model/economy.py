"""Economic follow-up: what the delårsrapport and the årsredovisning report on the economy.

One `ekonomi:` section per year, with a record per reported period (`2026-03` for a forecast or a
monthly report, `2026-08` for the delårsrapport, `2026` for the year-end, which is closed: an
outcome, not a forecast). Each period has the municipality's figures, and each board's and
company's own. Amounts are in millions of kronor (mnkr), like the budget; the model checks nothing
but shapes, the rules and the reports do the rest.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, WithJsonSchema, model_validator

from styrmodell.model.base import Decision, Node, Number, Period, Ref, Text
from styrmodell.model.governance import BalanceSheet, BudgetYear

__all__ = [
    "ActionPlan",
    "BalanceSheet",
    "BudgetYear",
    "CompanyResult",
    "Economy",
    "EconomyPeriod",
    "OrganForecast",
    "ProjectOutcome",
    "Staff",
]


class ActionPlan(Node):
    """Åtgärderna för en budget i balans som en nämnd med negativ budgetavvikelse redovisar för styrelsen,
    med deras verksamhetsmässiga och ekonomiska effekter."""

    åtgärder: Text = Field(description="Vilka åtgärder nämnden vidtar för att hålla ramen.")
    effekter: Text | None = Field(
        default=None, description="Åtgärdernas verksamhetsmässiga och ekonomiska effekter, i ord."
    )
    belopp: Number | None = Field(
        default=None, ge=0, description="Hur mycket åtgärderna beräknas förbättra helårsprognosen, mnkr."
    )
    redovisad: Decision | None = Field(
        default=None, description="När och för vem planen redovisades, t.ex. {organ: ks, datum: 2026-04-14}."
    )

    @model_validator(mode="before")
    @classmethod
    def _text(cls, value: Any) -> Any:
        """`åtgärdsplan: En mening.` is the short form of `{åtgärder: En mening.}`."""
        return {"åtgärder": value} if isinstance(value, str) else value


_ACTION_PLAN_SCHEMA = {
    "anyOf": [
        {"type": "string", "description": "Åtgärderna, i ord."},
        {
            "type": "object",
            "properties": {
                "åtgärder": {"type": "string"},
                "effekter": {"type": "string"},
                "belopp": {"type": "number", "minimum": 0},
                "redovisad": {"type": "object"},
            },
            "required": ["åtgärder"],
            "additionalProperties": False,
        },
    ]
}


class OrganForecast(Node):
    """En nämnds eller styrelses ekonomi för perioden: nettokostnad mot budgetramen, hittills och prognos
    för helåret (i ett avslutat år bara utfallet), personal och åtgärder."""

    budget: Number | None = Field(default=None, description="Budgetramen; tomt: budgetens ramar och ändringar.")
    utfall: Number | None = Field(
        default=None, description="Nettokostnad hittills under perioden (helåret: årets nettokostnad)."
    )
    prognos: Number | None = Field(
        default=None,
        description="Nettokostnad, prognos för helåret; bara i en period under året (ett avslutat år har utfall).",
    )
    personal: Staff | None = Field(default=None, description="Organets personal vid periodens slut.")
    åtgärdsplan: Annotated[ActionPlan, WithJsonSchema(_ACTION_PLAN_SCHEMA)] | None = Field(
        default=None,
        description="Åtgärder för en budget i balans när prognosen visar en negativ avvikelse: en text, eller "
        "{åtgärder, effekter, belopp, redovisad}.",
    )
    kommentar: Text | None = Field(default=None, description="Förklaring till avvikelsen.")


class Staff(Node):
    anställda: int | None = Field(default=None, ge=0, le=10_000_000, description="Antal anställda.")
    årsarbetare: float | None = Field(default=None, ge=0, le=10_000_000, description="Antal årsarbetare.")
    sjukfrånvaro: float | None = Field(
        default=None, ge=0, le=100, description="Sjukfrånvaro i procent av ordinarie arbetstid."
    )
    kommentar: Text | None = Field(default=None, description="En kommentar om personalen.")


class CompanyResult(Node):
    """Ett koncernföretags (bolags) egen ekonomi för perioden: resultat, prognos, ställning och personal."""

    utfall: BudgetYear | None = Field(default=None, description="Bolagets resultaträkning för perioden.")
    prognos: BudgetYear | None = Field(default=None, description="Prognos för helåret (i en period under året).")
    budget: BudgetYear | None = Field(default=None, description="Bolagets budget för helåret.")
    balansräkning: BalanceSheet | None = Field(default=None, description="Bolagets balansräkning vid periodens slut.")
    investeringar: Number | None = Field(default=None, description="Investeringar hittills under perioden, mnkr.")
    investeringar_prognos: Number | None = Field(default=None, description="Investeringar, prognos för helåret.")
    personal: Staff | None = Field(default=None, description="Bolagets personal vid periodens slut.")
    kommentar: Text | None = Field(default=None, description="En kommentar om bolagets ekonomi.")


class ProjectOutcome(Node):
    """Ett investeringsprojekts utgift hittills och prognos för helåret."""

    utfall: Number | None = Field(default=None, description="Utgift hittills under året (helåret: årets utgift), mnkr.")
    prognos: Number | None = Field(default=None, description="Utgift för helåret, prognos (under året), mnkr.")
    kommentar: Text | None = Field(default=None, description="Förklaring till avvikelsen.")


class EconomyPeriod(Node):
    utfall: BudgetYear | None = Field(default=None, description="Resultaträkningen för perioden.")
    prognos: BudgetYear | None = Field(default=None, description="Prognos för helåret (i ett delår).")
    balansräkning: BalanceSheet | None = Field(default=None, description="Balansräkningen vid periodens slut.")
    realisationsvinster: Number = Field(
        default=0.0, description="Realisationsvinster, som avgår i balanskravsresultatet (miljoner kronor)."
    )
    övriga_justeringar: Number = Field(
        default=0.0, description="Övriga balanskravsjusteringar, plus eller minus (miljoner kronor)."
    )
    nämnder: dict[Ref, OrganForecast] = Field(
        default_factory=dict,
        description="Organ (id) → {budget, utfall, prognos, personal, åtgärdsplan, kommentar}: nämndens och "
        "styrelsens egen ekonomi.",
    )
    bolag: dict[Ref, CompanyResult] = Field(
        default_factory=dict,
        description="Bolag (id) → bolagets egen ekonomi: {utfall, prognos, budget, balansräkning, investeringar, "
        "personal, kommentar}.",
    )
    investeringar: dict[Text, ProjectOutcome] = Field(
        default_factory=dict,
        description="Investeringsprojekt (id i budgetens `investeringar: projekt:`) → {utfall, prognos, kommentar}.",
    )
    personal: Staff | None = Field(default=None, description="Personaluppgifter för perioden.")
    god_ekonomisk_hushållning: Text | None = Field(
        default=None, description="Kommunens egen bedömning av god ekonomisk hushållning, i ord."
    )
    åtgärdsplan: Text | None = Field(
        default=None, description="Hur ett negativt balanskravsresultat återställs (KL 11 kap. 12 §)."
    )
    synnerliga_skäl: Text | None = Field(
        default=None, description="Varför ett underskott inte återställs (KL 11 kap. 13 §)."
    )
    kommentar: Text | None = Field(default=None, description="En sammanfattning av perioden.")

    def balanced_budget_result(self, outcome: bool = False) -> float | None:
        """Balanskravsresultat from the forecast (delår) or the outcome (year-end; `outcome` insists on it)."""
        basis = self.utfall if outcome else (self.prognos or self.utfall)
        if basis is None:
            return None
        return basis.resultat - self.realisationsvinster + self.övriga_justeringar


class Economy(Node):
    """Den ekonomiska uppföljningen för ett år, en post per rapporterad period."""

    år: int = Field(ge=2000, le=2100, description="Året.")
    perioder: dict[Period, EconomyPeriod] = Field(
        default_factory=dict,
        description="Period (2026-08, 2026) → utfall, prognos, balansräkning, nämnder, personal ...",
    )
