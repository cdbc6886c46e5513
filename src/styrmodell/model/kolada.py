"""What `styr importera kolada` fetched from Kolada, kept in the repository (`kolada/ÅÅÅÅ.yaml`).

One fetch is one request to Kolada's API (with its pages): the address asked, when, and every
value it gave for the municipality and the comparisons, as Kolada published it, status code
included. A report can then be reproduced without the network, and a revision in Kolada shows up
as a changed line when the snapshot is fetched again.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import Field

from styrmodell.model.base import Node, Number, Text


class KoladaGender(str, Enum):
    T = "T"  # totalt
    K = "K"  # kvinnor
    M = "M"  # män


class KoladaValue(Node):
    kpi: Text = Field(pattern=r"^[NU]\d{5}$", description="Koladas id för nyckeltalet, t.ex. N15428.")
    kommun: Text = Field(pattern=r"^\d{4}$", description="Kommunens eller regionens id i Kolada (Riket: 0000).")
    period: int = Field(ge=1990, le=2100, description="Året värdet gäller.")
    kön: KoladaGender = Field(default=KoladaGender.T, description="T (totalt), K (kvinnor) eller M (män).")
    värde: Number | None = Field(description="Värdet som Kolada publicerade det; null när det saknas.")
    status: Text | None = Field(default=None, description="Koladas statuskod för värdet (tom när värdet finns).")


class KoladaFetch(Node):
    url: Text = Field(description="Adressen som frågades (den första sidan).")
    hämtad: dt.datetime = Field(description="När svaret hämtades.")
    värden: list[KoladaValue] = Field(
        default_factory=list, description="Värdena i svaret, ett per KPI, kommun, period och kön."
    )
