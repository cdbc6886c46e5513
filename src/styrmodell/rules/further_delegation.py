"""Vidaredelegering: bara från förvaltningschefen, bara där nämnden tillåtit det, ett steg.

## Vad den kontrollerar
En rad med `vidaredelegerad_från: <rad-id>` är en vidaredelegering. Regeln kontrollerar att
- den rad den vidaredelegeras från har en förvaltningschef som delegat;
- nämnden har tillåtit vidaredelegering på den raden (`vidaredelegering_tillåten: true`);
- den raden inte själv är en vidaredelegering (bara ett steg);
- den nya delegaten är en anställd (inte förtroendevald, grupp eller automatiserat beslutsfattande).
Den kontrollerar också att `vidaredelegering_tillåten: true` bara står på rader där delegaten är
en förvaltningschef.

## Varför
Kommunallagen låter nämnden uppdra åt förvaltningschefen att i sin tur delegera till en annan
anställd, men bara i ett steg och bara om nämnden uttryckligen medgett det.

## Exempel
Fel:

    - id: "2.1"
      ärende: Anställning av personal
      delegat: enhetschef-forskola
      vidaredelegering_tillåten: true    # delegaten är inte förvaltningschef
      anmäls: true

Rätt:

    - id: "2.1"
      ärende: Anställning av personal
      delegat: forvaltningschef-bun
      vidaredelegering_tillåten: true
      anmäls: true
    - id: "2.1a"
      ärende: Anställning av personal inom förskolan
      delegat: enhetschef-forskola
      vidaredelegerad_från: "2.1"
      anmäls: true

## Inställningar
Inga.

## Referens
KL 7 kap. 6 § (vidaredelegering), KL 7 kap. 5 § (delegering till anställd).
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.organisation import Role, RoleKind
from styrmodell.model.repository import Repository
from styrmodell.rules._delegation import resolve

CODE = "SM604"
NAME = "vidaredelegering"
SEVERITY = Severity.ERROR

REF = "(KL 7 kap. 6 §)"


def _is_chief(repo: Repository, ident: str) -> bool:
    target = resolve(repo, ident)
    return isinstance(target, Role) and target.typ == RoleKind.FORVALTNINGSCHEF


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    for order in repo.delegation_orders:
        by_id = {row.id: row for row in order.rader}
        for row in order.rader:
            if row.vidaredelegering_tillåten and not _is_chief(repo, row.delegat):
                yield (
                    f"rad {row.id}: vidaredelegering får bara tillåtas när delegaten är förvaltningschef, "
                    f"inte '{row.delegat}' {REF}",
                    row.where("vidaredelegering_tillåten"),
                )
            source = by_id.get(row.vidaredelegerad_från or "")
            if source is None:
                continue
            if not _is_chief(repo, source.delegat):
                yield (
                    f"rad {row.id} vidaredelegerar från rad {source.id}, vars delegat '{source.delegat}' inte är "
                    f"förvaltningschef {REF}",
                    row.where("vidaredelegerad_från"),
                )
            elif not source.vidaredelegering_tillåten:
                yield (
                    f"rad {row.id} vidaredelegerar från rad {source.id}, men nämnden har inte tillåtit "
                    f"vidaredelegering där (`vidaredelegering_tillåten: true`) {REF}",
                    row.where("vidaredelegerad_från"),
                )
            if source.vidaredelegerad_från:
                yield (
                    f"rad {row.id} vidaredelegerar från rad {source.id}, som själv är en vidaredelegering; "
                    f"bara ett steg är tillåtet {REF}",
                    row.where("vidaredelegerad_från"),
                )
            delegate = resolve(repo, row.delegat)
            if isinstance(delegate, Role) and not delegate.employed:
                yield (
                    f"rad {row.id}: vidaredelegering får bara ske till en anställd, inte till '{row.delegat}' "
                    f"({delegate.typ.value}) {REF}",
                    row.where("delegat"),
                )
