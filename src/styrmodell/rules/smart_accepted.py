"""A i SMARTA: målet är beslutat, med en beslutsreferens.

## Vad den kontrollerar
Att målet har `beslut` med organ, datum och gärna paragraf.

## Varför
Ett mål är accepterat när det organ som äger det har beslutat det. Utan beslutsreferens går det inte
att se om målet i repot är det som faktiskt gäller, och `styr diff` kan inte visa att en ändring
saknar nytt beslut.

## Exempel
Fel: ett mål utan `beslut:`.

Rätt:

    beslut: {organ: kf, datum: 2022-11-28, paragraf: "§ 112"}

## Inställningar
- `nivåer` ([]): vilka nivåer regeln gäller (tomt: nivåer med `mätbar: true`).

## Referens
Seed 001 §3 (SMARTA: accepterade), KL 5 kap. 1 § (fullmäktige beslutar mål och riktlinjer).
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules._smart import SmartOptions, smart_goals
from styrmodell.rules.base import Basis

CODE = "SM503"
NAME = "smart-accepterad"
SEVERITY = Severity.ERROR
REFERENCE = "SMARTA-kriterierna för kommunens mål"
BASIS = Basis.MUNICIPALITY


class Options(SmartOptions):
    pass


def check(repo: Repository, options: Options) -> Iterator[tuple[str, Location]]:
    for goal in smart_goals(repo, options):
        if goal.beslut is None:
            yield (
                f"målet '{goal.id}' saknar beslutsreferens; ange `beslut: {{organ, datum, paragraf}}`",
                goal.where("id"),
            )
