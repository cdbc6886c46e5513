"""Varje delegeringsrad säger om beslutet anmäls till nämnden.

## Vad den kontrollerar
- Att varje rad anger `anmäls: true` eller `anmäls: false`;
- att en rad med `anmäls: false` och kategorin `laglighetsprövning` (beslutet får överklagas enligt
  KL 13 kap.) anger `protokollförs_särskilt: true`: ett sådant beslut som inte anmäls ska
  protokollföras särskilt.

## Varför
Nämnden bestämmer i vilken utsträckning delegerade beslut ska anmälas till den. Anmälan avgör
också när överklagandetiden börjar löpa för beslut som överklagas genom laglighetsprövning.

## Exempel
Fel:

    - id: "3.4"
      ärende: Yttrande över serveringstillstånd
      delegat: alkoholhandlaggare

    - id: "5.2"
      ärende: Beslut om föreningsbidrag
      kategori: [laglighetsprövning]
      delegat: fritidschef
      anmäls: false

Rätt:

    - id: "3.4"
      ärende: Yttrande över serveringstillstånd
      delegat: alkoholhandlaggare
      anmäls: true

    - id: "5.2"
      ärende: Beslut om föreningsbidrag
      kategori: [laglighetsprövning]
      delegat: fritidschef
      anmäls: false
      protokollförs_särskilt: true

## Inställningar
Inga.

## Referens
KL 6 kap. 40 § (anmälan av beslut fattade av förtroendevalda och utskott), KL 7 kap. 8 § (anmälan
av beslut fattade av anställda); båda: beslut som inte anmäls och får överklagas enligt 13 kap.
ska protokollföras särskilt.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.governance import MatterCategory
from styrmodell.model.organisation import Role
from styrmodell.model.repository import Repository
from styrmodell.rules._delegation import resolve, rows

CODE = "SM605"
NAME = "anmälan-av-delegationsbeslut"
SEVERITY = Severity.ERROR


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    for _order, row in rows(repo):
        delegate = resolve(repo, row.delegat)
        ref = "KL 7 kap. 8 §" if isinstance(delegate, Role) and delegate.employed else "KL 6 kap. 40 §"
        if row.anmäls is None:
            yield (
                f"rad {row.id} anger inte om beslutet anmäls till nämnden; ange `anmäls: true` eller "
                f"`anmäls: false` ({ref})",
                row.where("id"),
            )
        elif not row.anmäls and MatterCategory.LAGLIGHETSPROVNING in row.kategori and not row.protokollförs_särskilt:
            yield (
                f"rad {row.id}: ett beslut som får överklagas genom laglighetsprövning och inte anmäls ska "
                f"protokollföras särskilt; ange `protokollförs_särskilt: true` ({ref})",
                row.where("anmäls"),
            )
