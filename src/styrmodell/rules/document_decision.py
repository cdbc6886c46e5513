"""Varje styrdokument anger vem som beslutade det och när, och det kommunen kräver mer.

## Vad den kontrollerar
Att varje styrdokument i registret har `beslutad_av` (ett organ eller en roll) och `beslutsdatum`,
och de fält som kommunen dessutom kräver med `kräv`: vilken tidsperiod dokumentet gäller för
(`gäller_från`, och `gäller_till` om det inte gäller tills vidare), vad det gäller (`gäller_för`:
hela den kommunala verksamheten inklusive bolag och förbund, kommunen, eller en avgränsad del),
vilket tidigare dokument det ersätter (`ersätter`, där `ersätter: []` säger att det inte ersätter
något), `paragraf`, `publicering` eller `länk`. Varje fält som saknas är ett eget fynd.

## Varför
Det ska alltid gå att se vem som antog ett dokument och när. En kommun som vill ha ordning och
reda bland sina styrande dokument kräver också att varje dokument säger vilken period det gäller,
om det gäller hela verksamheten eller en del av den, och vad det ersätter; annars går det inte att
se hur dokumenten hänger ihop.

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

och med `kräv: [beslutad_av, beslutsdatum, gäller_från, gäller_för, ersätter]` också:

      gäller_från: 2023-04-01
      gäller_för: koncernen
      ersätter: [policy-inkop-2016]

## Inställningar
- `kräv` ([beslutad_av, beslutsdatum]): fälten varje styrdokument ska ange; också `gäller_från`,
  `gäller_till`, `gäller_för`, `ersätter`, `paragraf`, `ansvarig`, `publicering`, `länk`, `sidor`.
- `typer` ([]): vilka slag av dokument kraven gäller (tomt: alla).

## Referens
Kommunens egen styrmodell: varje styrdokument anger vem som beslutade det och när (och, där
kommunen kräver det, period, omfattning och vad det ersätter).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis, RuleOptions

CODE = "SM701"
NAME = "styrdokument-beslut"
SEVERITY = Severity.ERROR
REFERENCE = "kommunens riktlinjer för styrdokument"
BASIS = Basis.MUNICIPALITY

Required = Literal[
    "beslutad_av",
    "beslutsdatum",
    "gäller_från",
    "gäller_till",
    "gäller_för",
    "ersätter",
    "paragraf",
    "ansvarig",
    "publicering",
    "länk",
    "sidor",
]

_WHAT = {
    "gäller_från": "från när det gäller",
    "gäller_till": "till när det gäller",
    "gäller_för": "vad det gäller (koncernen, kommunen, eller de organ och förvaltningar det är avgränsat till)",
    "ersätter": "vilket tidigare dokument det ersätter (`ersätter: []` om inget)",
    "publicering": "var det publiceras (extern eller intranät)",
}


class Options(RuleOptions):
    kräv: list[Required] = ["beslutad_av", "beslutsdatum"]
    typer: list[str] = []


def check(repo: Repository, options: Options) -> Iterator[tuple[str, Location]]:
    for doc in repo.documents:
        if options.typer and doc.typ.value not in options.typer:
            continue
        missing = [
            f for f in options.kräv if (f not in doc.model_fields_set if f == "ersätter" else getattr(doc, f) is None)
        ]
        for f in missing:
            what = f" ({_WHAT[f]})" if f in _WHAT else ""
            yield (f"styrdokumentet '{doc.id}' saknar {f}{what}", doc.where("id"))
