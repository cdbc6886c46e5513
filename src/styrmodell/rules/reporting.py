"""Varje delegeringsrad säger om beslutet anmäls till nämnden.

## Vad den kontrollerar
- Att varje rad anger `anmäls: true` eller `anmäls: false`;
- att en rad med `anmäls: false` och `överklagbart: true` anger `protokollförs_särskilt: true`:
  ett överklagbart beslut som inte anmäls ska protokollföras särskilt.

## Varför
Nämnden bestämmer i vilken utsträckning delegerade beslut ska anmälas till den. Anmälan avgör
också när överklagandetiden börjar löpa för beslut som överklagas genom laglighetsprövning.

## Exempel
Fel:

    - id: "3.4"
      ärende: Yttrande över serveringstillstånd
      delegat: alkoholhandlaggare

Rätt:

    - id: "3.4"
      ärende: Yttrande över serveringstillstånd
      delegat: alkoholhandlaggare
      anmäls: true

## Inställningar
Inga.

## Referens
KL 6 kap. 40 § (anmälan till nämnden), KL 7 kap. 8 § (särskilt protokoll).
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules._delegation import rows

CODE = "SM605"
NAME = "anmälan-av-delegationsbeslut"
SEVERITY = Severity.ERROR


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    for order, row in rows(repo):
        if row.anmäls is None:
            yield (f"rad {row.id} anger inte om beslutet anmäls till nämnden; ange `anmäls: true` eller "
                   "`anmäls: false` (KL 6 kap. 40 §)", row.where("id"))
        elif not row.anmäls and row.överklagbart and not row.protokollförs_särskilt:
            yield (f"rad {row.id}: ett överklagbart beslut som inte anmäls ska protokollföras särskilt; ange "
                   "`protokollförs_särskilt: true` (KL 7 kap. 8 §)", row.where("anmäls"))
