"""Automatiserat beslutsfattande bara där lagen tillåter det.

## Vad den kontrollerar
Att en rad vars delegat är en roll med `typ: automatiserat beslutsfattande` inte har någon av
kategorierna `laglighetsprövning` (beslut som överklagas genom laglighetsprövning enligt KL 13 kap.),
`ej överklagbart` (beslut som enligt lag inte får överklagas), `upphandling` eller
`valfrihetssystem` (auktorisations- eller valfrihetssystem).

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
KL 6 kap. 38 § andra stycket 1–4 p.
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
    M.LAGLIGHETSPROVNING: ("1 p.", "ärenden där beslut överklagas genom laglighetsprövning (13 kap.)"),
    M.EJ_OVERKLAGBART: ("2 p.", "ärenden där beslut enligt lag eller annan författning inte får överklagas"),
    M.UPPHANDLING: ("3 p.", "ärenden om upphandling"),
    M.VALFRIHETSSYSTEM: ("4 p.", "ärenden om auktorisations- eller valfrihetssystem"),
}


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    for _order, row in rows(repo):
        delegate = resolve(repo, row.delegat)
        if not isinstance(delegate, Role) or delegate.typ != RoleKind.AUTOMATISERAD:
            continue
        for index, category in enumerate(row.kategori):
            if category in FORBIDDEN:
                point, what = FORBIDDEN[category]
                yield (
                    f"rad {row.id}: {what} får inte delegeras till en automatiserad beslutsfunktion "
                    f"(KL 6 kap. 38 § andra stycket {point})",
                    row.where("kategori", index),
                )
