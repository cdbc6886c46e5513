"""Ett mål som förts över till en ny mandatperiod beslutas på nytt innan året det förts över till börjar.

## Vad den kontrollerar
Mål märkta `omprövas: {av, inför}` (som `styr nytt-ar` märker periodens mål med vid en ny
mandatperiod):
- att `av` är ett organ i repot;
- att målet, när året `inför` har börjat (referensdatum eller i dag), har ett beslut från den
  nya mandatperioden (`beslut.datum` på eller efter `mandatperiod.från`);
- att `omprövas` tas bort när det nya beslutet står i `beslut`.

## Varför
Vid en ny mandatperiod gäller den gamla periodens mål bara tills de nya fullmäktige (och
nämnderna) beslutat sina mål. Ett mål som följs upp under ett år utan att ha beslutats för det
året är inte accepterat i SMARTA:s mening, och en kvarglömd märkning får verksamhetsplanen att
säga att målet ännu ska beslutas.

## Exempel
Fel (referensdatum 2027-02-01, mandatperioden från 2026-10-15):

    beslut: {organ: bun, datum: 2022-12-13}
    omprövas: {av: bun, inför: 2027}

Rätt, när nämnden beslutat målet på nytt:

    beslut: {organ: bun, datum: 2026-12-10, paragraf: "§ 101"}

## Inställningar
Inga.

## Referens
KL 5 kap. 1 § 1 p. (fullmäktige beslutar mål och riktlinjer), 5 kap. 9 § (mandattiden räknas från
den 15 oktober valåret), 6 kap. 6 § (nämnderna arbetar efter fullmäktiges mål). Lagen säger inte
att ett mål upphör vid en ny mandatperiod; att det beslutas på nytt är praxis, därav en varning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis

CODE = "SM306"
NAME = "mål-att-ompröva"
SEVERITY = Severity.WARNING
REFERENCE = "kommunens styrmodell (accepterade mål); KL 5 kap. 1 § 1 p. och 9 §"
BASIS = Basis.MUNICIPALITY


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    start = repo.config.mandatperiod.från
    today = repo.config.today()
    for goal in repo.goals:
        marker = goal.omprövas
        if marker is None:
            continue
        if marker.av not in repo.organ_by_id:
            yield (
                f"målet '{goal.id}' ska omprövas av '{marker.av}', som inte är ett organ i repot",
                goal.where("omprövas", "av"),
            )
            continue
        decided = goal.beslut is not None and goal.beslut.datum >= start
        if decided:
            assert goal.beslut is not None
            yield (
                f"målet '{goal.id}' är beslutat på nytt ({goal.beslut.label()}); ta bort omprövas",
                goal.where("omprövas"),
            )
        elif today >= dt.date(marker.inför, 1, 1):
            name = repo.organ_by_id[marker.av].namn
            yield (
                f"målet '{goal.id}' gäller {marker.inför} men är inte beslutat på nytt av {name} under "
                f"mandatperioden från {start.isoformat()}; skriv beslutet i beslut och ta bort omprövas "
                "(KL 5 kap. 1 § 1 p., 9 §)",
                goal.where("omprövas"),
            )
