"""Varje delegeringsrad säger om beslutet anmäls till nämnden.

## Vad den kontrollerar
- Att varje rad anger `anmäls: true` eller `anmäls: false`;
- att en rad med `anmäls: false` vars beslut överklagas genom laglighetsprövning enligt KL 13 kap.
  (`överklagbart: laglighetsprövning`, eller kategorin `laglighetsprövning`) anger
  `protokollförs_särskilt: true`: ett sådant beslut som inte anmäls ska protokollföras särskilt.
  Ett beslut som bara kan överklagas genom förvaltningsbesvär (`överklagbart: förvaltningsbesvär`)
  behöver det inte, och inte heller ett som inte får överklagas; `överklagbart: ja` säger inte hur,
  och ger inget fynd.

## Varför
Nämnden ska besluta i vilken utsträckning delegerade beslut ska anmälas till den. "Beslut som inte
anmäls ska protokollföras särskilt, om beslutet får överklagas enligt bestämmelserna i 13 kap."
(KL 6 kap. 40 § och 7 kap. 8 §). Anmälan eller protokollet avgör när tiden för laglighetsprövning
börjar löpa.

## Exempel
Fel:

    - id: "3.4"
      ärende: Yttrande över serveringstillstånd
      delegat: alkoholhandlaggare

    - id: "5.2"
      ärende: Beslut om föreningsbidrag
      överklagbart: laglighetsprövning
      delegat: fritidschef
      anmäls: false

Rätt:

    - id: "3.4"
      ärende: Yttrande över serveringstillstånd
      delegat: alkoholhandlaggare
      anmäls: true

    - id: "5.2"
      ärende: Beslut om föreningsbidrag
      överklagbart: laglighetsprövning
      delegat: fritidschef
      anmäls: false
      protokollförs_särskilt: true

## Inställningar
Inga.

## Referens
KL 6 kap. 40 § första stycket (beslut fattade av förtroendevalda, utskott och automatiserade
beslutsfunktioner), KL 7 kap. 8 § (beslut fattade av anställda). Läst mot lagtexten.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.organisation import Role
from styrmodell.model.repository import Organisation, Repository
from styrmodell.rules._delegation import by_legality_review, resolve, rows
from styrmodell.rules.base import Basis

CODE = "SM605"
NAME = "anmälan-av-delegationsbeslut"
SEVERITY = Severity.ERROR
REFERENCE = "KL 6 kap. 40 §, 7 kap. 8 §"
BASIS = Basis.TEXT


def context(repo: Repository, options) -> Organisation:
    return repo.organisation


def check_file(part: Repository, organisation: Organisation, options) -> Iterator[tuple[str, Location]]:
    repo = organisation.repo
    for _order, row in rows(part):
        delegate = resolve(repo, row.delegat)
        ref = "KL 7 kap. 8 §" if isinstance(delegate, Role) and delegate.employed else "KL 6 kap. 40 §"
        if row.anmäls is None:
            yield (
                f"rad {row.id} anger inte om beslutet anmäls till nämnden; ange `anmäls: true` eller "
                f"`anmäls: false` ({ref})",
                row.where("id"),
            )
        elif not row.anmäls and by_legality_review(row) is not None and not row.protokollförs_särskilt:
            yield (
                f"rad {row.id}: ett beslut som får överklagas genom laglighetsprövning och inte anmäls ska "
                f"protokollföras särskilt; ange `protokollförs_särskilt: true` ({ref})",
                row.where("anmäls"),
            )
