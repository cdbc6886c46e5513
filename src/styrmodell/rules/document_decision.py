"""Varje styrdokument anger vem som beslutade det och när.

## Vad den kontrollerar
Att varje styrdokument i registret har `beslutad_av` (ett organ eller en roll) och `beslutsdatum`.

## Varför
"Det ska alltid finnas ett beslutsdatum och vem som antagit aktuellt dokument" (seed 000 §7.4).
Askersund kräver också att varje styrdokument anger vem som beslutat det och när (seed 003).

## Exempel
Fel:

    - id: policy-inkop
      titel: Inköpspolicy
      typ: policy

Rätt:

    - id: policy-inkop
      titel: Inköpspolicy
      typ: policy
      beslutad_av: kf
      beslutsdatum: 2023-03-27
      ansvarig: ekonomichef

## Inställningar
Inga.

## Referens
Seed 000 §7.4, seed 003.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis

CODE = "SM701"
NAME = "styrdokument-beslut"
SEVERITY = Severity.ERROR
REFERENCE = "kommunens riktlinjer för styrdokument"
BASIS = Basis.MUNICIPALITY


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    for doc in repo.documents:
        missing = [f for f in ("beslutad_av", "beslutsdatum") if getattr(doc, f) is None]
        if missing:
            yield (f"styrdokumentet '{doc.id}' saknar {' och '.join(missing)}", doc.where("id"))
