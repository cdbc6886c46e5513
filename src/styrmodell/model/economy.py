"""Economic follow-up: what the delårsrapport and the årsredovisning report on the economy.

One `ekonomi:` section per year, with a record per reported period (`2026-08` for the
delårsrapport, `2026` for the year-end). Amounts are in millions of kronor (mnkr), like the
budget; the model checks nothing but shapes, the rules and the reports do the rest.
"""

from __future__ import annotations

from pydantic import Field

from styrmodell.model.base import Node, Number, Period, Ref, Text
from styrmodell.model.governance import BudgetYear


class BalanceSheet(Node):
    """Balansräkning at the end of the period."""

    tillgångar: Number
    eget_kapital: Number
    avsättningar: Number = 0.0
    skulder: Number

    @property
    def soliditet(self) -> float | None:
        """Equity as a share of assets, in percent."""
        return 100 * self.eget_kapital / self.tillgångar if self.tillgångar else None


class OrganForecast(Node):
    """A board's net cost against its budget frame: so far and forecast for the whole year."""

    budget: Number | None = None  # the frame; empty: the budget's `ramar`
    utfall: Number | None = None  # net cost so far in the period
    prognos: Number  # net cost forecast for the whole year
    kommentar: Text | None = None


class Staff(Node):
    anställda: int | None = Field(default=None, ge=0, le=10_000_000)
    årsarbetare: float | None = Field(default=None, ge=0, le=10_000_000)
    sjukfrånvaro: float | None = Field(default=None, ge=0, le=100)  # percent of scheduled time
    kommentar: Text | None = None


class EconomyPeriod(Node):
    utfall: BudgetYear | None = None  # resultaträkning for the period
    prognos: BudgetYear | None = None  # forecast for the whole year (delår)
    balansräkning: BalanceSheet | None = None
    realisationsvinster: Number = 0.0  # deducted in the balanced-budget result (KL 11:5, LKBR)
    övriga_justeringar: Number = 0.0  # other balanskravsjusteringar, + or −
    nämnder: dict[Ref, OrganForecast] = {}
    personal: Staff | None = None
    god_ekonomisk_hushållning: Text | None = None  # the municipality's own assessment, in words
    åtgärdsplan: Text | None = None  # how a negative balanced-budget result is restored (KL 11:12)
    synnerliga_skäl: Text | None = None  # why it is not restored (KL 11:13)
    kommentar: Text | None = None

    def balanced_budget_result(self, outcome: bool = False) -> float | None:
        """Balanskravsresultat from the forecast (delår) or the outcome (year-end; `outcome` insists on it)."""
        basis = self.utfall if outcome else (self.prognos or self.utfall)
        if basis is None:
            return None
        return basis.resultat - self.realisationsvinster + self.övriga_justeringar


class Economy(Node):
    år: int = Field(ge=2000, le=2100)
    perioder: dict[Period, EconomyPeriod] = {}
