"""Vidaredelegering: bara från den egna förvaltningens chef, där nämnden tillåtit det, ett steg, till en anställd.

## Vad den kontrollerar
En rad med `vidaredelegerad_från: <rad-id>` är en vidaredelegering. Regeln kontrollerar att
- delegaten på den rad den vidaredelegeras från är förvaltningschef *inom nämndens
  verksamhetsområde*: chef (`chef:`) för en förvaltning som hör till nämnden (förvaltningens
  `nämnd:`, eller organets `förvaltning:`), eller en roll med `typ: förvaltningschef` och
  `förvaltning:` en sådan förvaltning. En kommundirektör räknas när hen är antecknad som chef för
  nämndens förvaltning, och alltid i kommunstyrelsens ordning: direktören är chef för förvaltningen
  under styrelsen (KL 7 kap. 1 §);
- nämnden har tillåtit vidaredelegering på den raden (`vidaredelegering_tillåten: true`);
- den raden inte själv är en vidaredelegering (bara förvaltningschefen får delegera vidare, så
  bara ett steg);
- den nya delegaten, och varje ersättare på raden, är en anställd: inte ett utskott, en
  förtroendevald, en grupp eller en automatiserad beslutsfunktion.

Den kontrollerar också att `vidaredelegering_tillåten: true` bara står på rader där delegaten är
en sådan förvaltningschef.

## Varför
KL 7 kap. 6 §: "Om en nämnd med stöd av 5 § uppdrar åt en förvaltningschef inom nämndens
verksamhetsområde att fatta beslut, får nämnden överlåta åt förvaltningschefen att i sin tur uppdra
åt en annan anställd inom kommunen eller regionen att fatta beslutet." Chefen för en annan nämnds
förvaltning kan inte få den rätten, och beslutet kan bara gå vidare till en anställd.

## Exempel
Fel:

    - id: "2.1"
      ärende: Anställning av personal
      delegat: enhetschef-forskola
      vidaredelegering_tillåten: true    # delegaten är inte förvaltningschef
      anmäls: true
    - id: "2.2"
      ärende: Yttranden i personalfrågor
      delegat: bun-au                    # ett utskott är inte en anställd
      vidaredelegerad_från: "2.0"
      anmäls: true

Rätt:

    - id: "2.1"
      ärende: Anställning av personal
      delegat: forvaltningschef-bun      # förvaltning: bun-forvaltningen, som har nämnd: [bun]
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
KL 7 kap. 6 § (vidaredelegering), KL 7 kap. 5 § (delegering till anställd), KL 7 kap. 1 §
(direktören är chef för förvaltningen under styrelsen). Läst mot lagtexten.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.organisation import Organ, OrganKind, Role, RoleKind
from styrmodell.model.repository import Organisation, Repository
from styrmodell.rules._delegation import own_administrations, people, resolve
from styrmodell.rules.base import Basis

CODE = "SM604"
NAME = "vidaredelegering"
SEVERITY = Severity.ERROR
REFERENCE = "KL 7 kap. 6 §"
BASIS = Basis.TEXT

REF = "(KL 7 kap. 6 §)"


def _chief_problem(repo: Repository, board: str | None, ident: str) -> str | None:
    """None when `ident` is the förvaltningschef of the board's own administration, else why not."""
    role = resolve(repo, ident)
    if role is None:
        return None  # SM201 reports it
    if not isinstance(role, Role) or role.typ not in (RoleKind.FORVALTNINGSCHEF, RoleKind.KOMMUNDIREKTOR):
        kind = role.typ.value
        return f"'{ident}' är {kind}, inte förvaltningschef"
    if board is None:
        return None
    own = own_administrations(repo, board)
    heads = sorted(a.id for a in repo.administrations if a.chef == role.id)
    if own.intersection(heads):
        return None
    if role.typ == RoleKind.KOMMUNDIREKTOR:
        if repo.organ_kind(board) == OrganKind.KS.value:
            return None  # KL 7 kap. 1 §: the director heads the administration under the board
        return (
            f"'{ident}' är kommundirektör men inte antecknad som chef för en förvaltning inom "
            f"verksamhetsområdet för '{board}' (ange `chef: {ident}` på förvaltningen om hen är det)"
        )
    if role.förvaltning in own:
        return None
    theirs = role.förvaltning or (heads[0] if heads else None)
    if theirs is None:
        return f"'{ident}' anger inte vilken förvaltning hen är chef för (`förvaltning:`)"
    return (
        f"'{ident}' är förvaltningschef för '{theirs}', som inte hör till verksamhetsområdet för '{board}' "
        f"(ange `nämnd: [{board}]` på förvaltningen om den gör det)"
    )


def context(repo: Repository, options) -> Organisation:
    return repo.organisation


def check_file(part: Repository, organisation: Organisation, options) -> Iterator[tuple[str, Location]]:
    repo = organisation.repo
    answers: dict[tuple[str | None, str], str | None] = {}

    def chief_problem(board: str | None, ident: str) -> str | None:  # the same few pairs, many rows
        key = (board, ident)
        if key not in answers:
            answers[key] = _chief_problem(repo, board, ident)
        return answers[key]

    for order in part.delegation_orders:
        by_id = {row.id: row for row in order.rader}
        for row in order.rader:
            if row.vidaredelegering_tillåten:
                problem = chief_problem(order.organ, row.delegat)
                if problem:
                    yield (
                        f"rad {row.id}: vidaredelegering får bara tillåtas förvaltningschefen inom nämndens "
                        f"verksamhetsområde; {problem} {REF}",
                        row.where("vidaredelegering_tillåten"),
                    )
            source = by_id.get(row.vidaredelegerad_från or "")
            if source is None:
                continue
            problem = chief_problem(order.organ, source.delegat)
            if problem:
                yield (
                    f"rad {row.id} vidaredelegerar från rad {source.id}, men bara förvaltningschefen inom "
                    f"nämndens verksamhetsområde får delegera vidare; {problem} {REF}",
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
            for what, ident, field in people(row):
                target = resolve(repo, ident)
                if isinstance(target, Organ):
                    yield (
                        f"rad {row.id}: vidaredelegering får bara ske till en anställd; {what} '{ident}' är "
                        f"ett {target.typ.value} {REF}",
                        row.where(*field),
                    )
                elif isinstance(target, Role) and not target.employed:
                    yield (
                        f"rad {row.id}: vidaredelegering får bara ske till en anställd, inte till {what} "
                        f"'{ident}' ({target.typ.value}) {REF}",
                        row.where(*field),
                    )
