"""Economic follow-up: what the delårsrapport and the årsredovisning report on the economy.

One `ekonomi:` section per year, with a record per reported period (`2026-08` for the
delårsrapport, `2026` for the year-end). Amounts are in millions of kronor (mnkr), like the
budget; the model checks nothing but shapes, the rules and the reports do the rest.
"""

from __future__ import annotations

from pydantic import Field

from styrmodell.model.base import Node, Number, Period, Ref, Text
from styrmodell.model.governance import BalanceSheet, BudgetYear

__all__ = ["BalanceSheet", "BudgetYear", "Economy", "EconomyPeriod", "OrganForecast", "Staff"]


class OrganForecast(Node):
    """En nämnds nettokostnad mot budgetramen: hittills och prognos för helåret."""

    budget: Number | None = Field(default=None, description="Budgetramen; tomt: budgetens ramar.")
    utfall: Number | None = Field(default=None, description="Nettokostnad hittills under perioden.")
    prognos: Number = Field(description="Nettokostnad, prognos för helåret.")
    kommentar: Text | None = Field(default=None, description="Förklaring till avvikelsen.")


class Staff(Node):
    anställda: int | None = Field(default=None, ge=0, le=10_000_000, description="Antal anställda.")
    årsarbetare: float | None = Field(default=None, ge=0, le=10_000_000, description="Antal årsarbetare.")
    sjukfrånvaro: float | None = Field(
        default=None, ge=0, le=100, description="Sjukfrånvaro i procent av ordinarie arbetstid."
    )
    kommentar: Text | None = Field(default=None, description="En kommentar om personalen.")


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
        default={}, description="Organ (id) → {budget, utfall, prognos, kommentar}."
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
        default={}, description="Period (2026-08, 2026) → utfall, prognos, balansräkning, nämnder, personal ..."
    )
