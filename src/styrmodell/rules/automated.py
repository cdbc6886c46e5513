"""Automatiserat beslutsfattande bara där lagen tillåter det.

## Vad den kontrollerar
Att en rad vars delegat är en roll med `typ: automatiserat beslutsfattande` inte har någon av
kategorierna `laglighetsprövning` (beslut som överklagas genom laglighetsprövning enligt KL 13 kap.),
`ej överklagbart` (beslut som inte kan överklagas), `upphandling` eller `valfrihetssystem`
(beslut enligt lagen om valfrihetssystem).

## Varför
Lagen tillåter automatiserade beslut, men inte för dessa slag av beslut.

## Exempel
Fel:

    - id: "6.3"
      ärende: Tilldelningsbeslut vid direktupphandling
      kategori: [upphandling]
      delegat: automatiskt-beslut
      anmäls: true

Rätt: delegera till en anställd, t.ex. `upphandlingschef`.

## Inställningar
Inga.

## Referens
KL 6 kap. 38 § andra stycket.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.governance import MatterCategory as M
from styrmodell.model.organisation import Role, RoleKind
from styrmodell.model.repository import Repository
from styrmodell.rules._delegation import resolve, rows

CODE = "SM603"
NAME = "automatiserat-beslut"
SEVERITY = Severity.ERROR

FORBIDDEN = {
    M.LAGLIGHETSPROVNING: "beslut som kan överklagas genom laglighetsprövning",
    M.EJ_OVERKLAGBART: "beslut som inte kan överklagas",
    M.UPPHANDLING: "beslut om upphandling",
    M.VALFRIHETSSYSTEM: "beslut enligt lagen om valfrihetssystem",
}


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    for order, row in rows(repo):
        delegate = resolve(repo, row.delegat)
        if not isinstance(delegate, Role) or delegate.typ != RoleKind.AUTOMATISERAD:
            continue
        for index, category in enumerate(row.kategori):
            if category in FORBIDDEN:
                yield (f"rad {row.id}: {FORBIDDEN[category]} får inte fattas genom automatiserat beslutsfattande "
                       "(KL 6 kap. 38 § andra stycket)", row.where("kategori", index))
