"""Kommunkoden finns i Kolada och hör till kommunens namn.

## Vad den kontrollerar
Att `kommun.kommunkod` i styrmodell.yaml är en av Koladas 290 kommuner (typ K), och att
`kommun.namn` stämmer med kommunens namn där ("Grästorps kommun" och "Grästorp" räknas som samma).

## Varför
Kommunkoden används för jämförelser med andra kommuner och för att hämta nyckeltal; en felaktig
kod ger andra kommuners siffror.

## Exempel
Fel:

    kommun: {namn: Grästorps kommun, kommunkod: "1277"}   # 1277 är Åstorp

Rätt:

    kommun: {namn: Grästorps kommun, kommunkod: "1444"}

## Inställningar
Inga.

## Referens
Kolada (RKA): kommunlistan, januari 2024. SCB:s kommunkoder.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis

CODE = "SM901"
NAME = "kommunkod"
SEVERITY = Severity.ERROR
REFERENCE = "Kolada (RKA) och SCB: kommunkoderna"
BASIS = Basis.STANDARD


@cache
def municipalities() -> dict[str, str]:
    raw = resources.files("styrmodell.data").joinpath("municipalities.json").read_text("utf-8")
    return {m["id"]: m["title"] for m in json.loads(raw) if m["type"] == "K"}


def normalise(name: str) -> str:
    name = re.sub(r"\s+(kommun|stad)$", "", name.strip(), flags=re.IGNORECASE)
    return name.lower()


def _matches(name: str, title: str) -> bool:
    given, official = normalise(name), normalise(title)
    # "Grästorps kommun" is the genitive of "Grästorp"
    return given in (official, official + "s") or given.rstrip("s") == official


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    kommun = repo.config.kommun
    known = municipalities()
    title = known.get(kommun.kommunkod)
    if title is None:
        yield (
            f"kommunkoden '{kommun.kommunkod}' finns inte bland Sveriges 290 kommuner i Kolada",
            kommun.where("kommunkod"),
        )
    elif not _matches(kommun.namn, title):
        yield (
            f"kommunkoden {kommun.kommunkod} är {title}, men kommun.namn är '{kommun.namn}'",
            kommun.where("kommunkod"),
        )
