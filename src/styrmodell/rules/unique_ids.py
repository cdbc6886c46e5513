"""Varje id finns bara en gång.

## Vad den kontrollerar
Att organ, förvaltningar, enheter, roller, mål, indikatorer, aktiviteter, uppdrag, dialoger,
styrdokument och årshjulets händelser har id:n som är unika i hela repot, och att raderna i en
delegationsordning och riskerna i en internkontrollplan har unika id:n inom sin ordning eller plan.

## Varför
Kopplingar, rapporter och `styr diff` följer objekt på deras id. Två objekt med samma id gör
kopplingarna tvetydiga.

## Exempel
Fel:

    mål:
      - id: mal-1
        text: Fler i arbete
      - id: mal-1
        text: Fler bostäder

Rätt: ge det andra målet ett eget id, t.ex. `mal-bostader`.

## Inställningar
Inga.

## Referens
Verktygets egen regel.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.base import Node
from styrmodell.model.governance import Delegation, Risk
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis, Same

CODE = "SM202"
NAME = "dubblett-id"
SEVERITY = Severity.ERROR
REFERENCE = "formatet: varje id finns en gång"
BASIS = Basis.TOOL


def _duplicates(objects: Iterable[Delegation | Risk], what: str) -> Iterator[tuple[str, Location]]:
    first: dict[str, tuple[str, Node]] = {}
    for obj in objects:
        seen = first.get(obj.id)
        if seen is None:
            first[obj.id] = (what, obj)
            continue
        kind, other = seen
        yield (f"id:t '{obj.id}' används redan av {kind} på {other.where('id')}", obj.where("id"))


def context(repo: Repository, options) -> dict[str, tuple[str, Same]]:
    """For each id defined more than once in the repository: its first definition (`Repository.index`),
    and what it is."""
    first = repo.index
    repeated: dict[str, tuple[str, Same]] = {}
    for _kind, objects in repo.globals():
        for obj in objects:
            kind, defined = first[obj.id]
            if defined is not obj and obj.id not in repeated:
                repeated[obj.id] = (kind, Same(defined))
    return repeated


def check_file(part: Repository, repeated: dict[str, tuple[str, Same]], options) -> Iterator[tuple[str, Location]]:
    for _kind, objects in part.globals():
        for obj in objects:
            hit = repeated.get(obj.id)
            if hit is not None and hit[1].obj is not obj:
                kind, other = hit[0], hit[1].obj
                yield (f"id:t '{obj.id}' används redan av {kind} på {other.where('id')}", obj.where("id"))
    for order in part.delegation_orders:
        yield from _duplicates(order.rader, "en annan rad")
    for plan in part.control_plans:
        yield from _duplicates(plan.risker, "en annan risk")
