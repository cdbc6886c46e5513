"""A i SMARTA: målet har en ansvarig.

## Vad den kontrollerar
Att målet anger `ansvarig`: den roll (t.ex. förvaltningschef) eller det organ som ansvarar för
att målet nås. Att id:t finns kontrolleras av SM201.

## Varför
Ett ansvarsfördelat mål har någon som ser till att aktiviteter tas fram och att målet följs upp.

## Exempel
Fel: ett nämndmål utan `ansvarig:`.

Rätt:

    ansvarig: forvaltningschef-bun

## Inställningar
- `nivåer` ([]): vilka nivåer regeln gäller (tomt: nivåer med `mätbar: true`).

## Referens
SMARTA-kriteriet Ansvarsfördelade i kommunens styrmodell.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules._smart import SmartOptions, smart_goals
from styrmodell.rules.base import Basis

CODE = "SM506"
NAME = "smart-ansvarsfördelad"
SEVERITY = Severity.ERROR
REFERENCE = "SMARTA-kriterierna för kommunens mål"
BASIS = Basis.MUNICIPALITY


class Options(SmartOptions):
    pass


def check(repo: Repository, options: Options) -> Iterator[tuple[str, Location]]:
    for goal in smart_goals(repo, options):
        if goal.ansvarig is None:
            yield f"målet '{goal.id}' saknar ansvarig; ange `ansvarig:` (en roll eller ett organ)", goal.where("id")
