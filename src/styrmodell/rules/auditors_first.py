"""Revisorernas skriftliga bedömning före fullmäktiges behandling.

## Vad den kontrollerar
Att `delårsrapport-revisorer` infaller före `delårsrapport-kf`, och `årsredovisning-revisorer`
före `årsredovisning-kf`, när händelserna finns i årshjulet.

## Varför
Revisorerna ska bedöma om resultaten i delårsrapporten och årsredovisningen är förenliga med de
mål fullmäktige beslutat. Bedömningen ska vara skriftlig och lämnas till fullmäktige inför
behandlingen.

## Exempel
Fel: revisorernas bedömning `när: {datum: "10-30"}` och fullmäktige `när: {möte: kf, efter: "08-31"}`
som blir den 28 september.

Rätt: bedömningen `när: {före: delarsrapport-kf, dagar: -7}`.

## Inställningar
Inga.

## Referens
KL 12 kap. 2 §.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules._wheel import every_described_year, iso, moment
from styrmodell.rules.base import Basis

CODE = "SM925"
NAME = "revisorernas-bedömning-först"
SEVERITY = Severity.ERROR
REFERENCE = "KL 12 kap. 2 §"
BASIS = Basis.TEXT

PAIRS = [
    ("delårsrapport-revisorer", "delårsrapport-kf", "delårsrapporten"),
    ("årsredovisning-revisorer", "årsredovisning-kf", "årsredovisningen"),
]


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    yield from every_described_year(repo, _year)


def _year(repo: Repository, year: int) -> Iterator[tuple[str, Location]]:
    for auditors_key, council_key, what in PAIRS:
        auditors, council = moment(repo, auditors_key, year), moment(repo, council_key, year)
        if auditors is not None and council is not None and auditors.due >= council.start:
            yield (
                f"revisorernas bedömning av {what} ({iso(auditors.due)}) ska finnas före fullmäktiges behandling "
                f"({iso(council.start)}) (KL 12 kap. 2 §)",
                auditors.event.where("när"),
            )
