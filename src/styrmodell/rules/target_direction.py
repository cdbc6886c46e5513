"""Målvärdena år för år går åt indikatorns håll.

## Vad den kontrollerar
Att en indikators målvärden, i årsordning, aldrig går åt fel håll: för `riktning: högre` ska varje
års målvärde vara minst lika högt som föregående års, för `riktning: lägre` högst lika högt.

## Varför
Ett målvärde som sjunker för ett mått där högre är bättre är nästan alltid ett skrivfel (ett år
eller en siffra som bytt plats), och gör uppföljningen missvisande.

## Exempel
Fel:

    riktning: högre
    målvärden: {2024: 85, 2025: 58, 2026: 88}

Rätt:

    målvärden: {2024: 85, 2025: 86, 2026: 88}

## Inställningar
Inga.

## Referens
Verktygets egen regel: ett verksamhetsmått ger en indikation på vägen mot målet, och målvärdena
visar den vägen år för år.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.goals import Direction
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis

CODE = "SM802"
NAME = "målvärden-mot-riktning"
SEVERITY = Severity.ERROR
REFERENCE = "målvärdena följer indikatorns riktning"
BASIS = Basis.TOOL


def check_file(part: Repository, context: None, options) -> Iterator[tuple[str, Location]]:
    for indicator in part.indicators:
        targets = indicator.decided_targets
        if indicator.riktning is None or len(targets) < 2:
            continue
        years = sorted(targets)
        for before, after in itertools.pairwise(years):
            a, b = targets[before], targets[after]
            wrong = b < a if indicator.riktning == Direction.HIGHER else b > a
            if wrong:
                yield (
                    f"indikatorn '{indicator.id}' har målvärdet {b:g} för {after} efter {a:g} för {before}, "
                    f"fast {indicator.riktning.value} är bättre",
                    indicator.where("målvärden", after),
                )
