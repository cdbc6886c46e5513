"""Brådskande ärenden delegeras till ordföranden eller en utsedd ledamot.

## Vad den kontrollerar
Att en rad med kategorin `brådskande` har som delegat ordföranden, vice ordföranden eller en
ledamot (en roll med `typ: ordförande`, `vice ordförande` eller `ledamot`), inte en anställd.

## Varför
Nämnden får uppdra åt ordföranden eller en annan ledamot som nämnden utsett att besluta i ärenden
som är så brådskande att nämndens avgörande inte kan avvaktas. Besluten ska anmälas vid nämndens
nästa sammanträde.

## Exempel
Fel:

    - id: "1.2"
      ärende: Brådskande ärenden där nämndens beslut inte kan avvaktas
      kategori: [brådskande]
      delegat: forvaltningschef-son
      anmäls: true

Rätt: `delegat: ordforande-son`.

## Inställningar
Inga.

## Referens
KL 6 kap. 39 § (brådskande ärenden), KL 6 kap. 40 § (anmälan vid nästa sammanträde).
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.governance import MatterCategory
from styrmodell.model.organisation import Role, RoleKind
from styrmodell.model.repository import Repository
from styrmodell.rules._delegation import resolve, rows

CODE = "SM606"
NAME = "brådskande-ärenden"
SEVERITY = Severity.ERROR

ALLOWED = {RoleKind.ORDFORANDE, RoleKind.VICE_ORDFORANDE, RoleKind.LEDAMOT}


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    for _order, row in rows(repo):
        if MatterCategory.BRADSKANDE not in row.kategori:
            continue
        delegate = resolve(repo, row.delegat)
        if isinstance(delegate, Role) and delegate.typ in ALLOWED:
            if row.anmäls is False:
                yield (
                    f"rad {row.id}: brådskande beslut ska anmälas vid nämndens nästa sammanträde (KL 6 kap. 40 §)",
                    row.where("anmäls"),
                )
            continue
        if delegate is None:
            continue
        yield (
            f"rad {row.id}: brådskande ärenden får bara delegeras till ordföranden eller en ledamot som "
            f"nämnden utsett, inte till '{row.delegat}' (KL 6 kap. 39 §)",
            row.where("delegat"),
        )
