"""Brådskande ärenden delegeras till ordföranden eller en utsedd ledamot, också ersättaren.

## Vad den kontrollerar
Att delegaten och varje ersättare på en rad med kategorin `brådskande` är nämndens ordförande eller
en annan ledamot i nämnden: en roll med `typ: ordförande`, `vice ordförande` eller `ledamot`. En
anställd, ett utskott, presidiet eller en ersättare i nämnden får inte besluta i brådskande ärenden,
och inte heller en ledamot i ett utskott (utskottet väljs också bland nämndens ersättare). Regeln
kontrollerar också att raden inte anger `anmäls: false`: besluten ska anmälas vid nämndens nästa
sammanträde.

## Varför
KL 6 kap. 39 §: "En nämnd får uppdra åt ordföranden, eller en annan ledamot som nämnden har utsett,
att besluta på nämndens vägnar i ärenden som är så brådskande att nämndens avgörande inte kan
avvaktas." En ersättare på raden beslutar i delegatens ställe och måste därför också vara en ledamot
som nämnden utsett. KL 6 kap. 40 § andra stycket: sådana beslut ska anmälas vid nämndens nästa
sammanträde.

## Exempel
Fel:

    - id: "1.2"
      ärende: Brådskande ärenden där nämndens beslut inte kan avvaktas
      kategori: [brådskande]
      delegat: ordforande-son
      ersättare: [forvaltningschef-son]
      anmäls: true

Rätt: `delegat: ordforande-son`, `ersättare: [vice-ordforande-son]`.

## Inställningar
Inga.

## Referens
KL 6 kap. 39 § (brådskande ärenden), KL 6 kap. 40 § andra stycket (anmälan vid nästa sammanträde).
Läst mot lagtexten.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.governance import MatterCategory
from styrmodell.model.organisation import Organ, OrganKind, RoleKind
from styrmodell.model.repository import Organisation, Repository
from styrmodell.rules._delegation import people, resolve, rows
from styrmodell.rules.base import Basis

CODE = "SM606"
NAME = "brådskande-ärenden"
SEVERITY = Severity.ERROR
REFERENCE = "KL 6 kap. 39–40 §§"
BASIS = Basis.TEXT

ALLOWED = {RoleKind.ORDFORANDE, RoleKind.VICE_ORDFORANDE, RoleKind.LEDAMOT}


def _problem(repo: Repository, board: str | None, ident: str) -> str | None:
    target = resolve(repo, ident)
    if target is None:
        return None  # SM201 reports it
    if isinstance(target, Organ):
        return f"'{ident}' är ett {target.typ.value}, inte ordföranden eller en ledamot"
    if target.typ not in ALLOWED:
        return f"'{ident}' är {target.typ.value}, inte ordföranden eller en ledamot"
    organ = repo.organ_by_id.get(target.organ or "")
    if board and organ is not None and organ.typ == OrganKind.UTSKOTT and organ.under == board:
        return f"'{ident}' är {target.typ.value} i utskottet '{organ.id}', inte ledamot i nämnden '{board}'"
    return None  # an elected role of another organ, or none: SM601's finding


def context(repo: Repository, options) -> Organisation:
    return repo.organisation


def check_file(part: Repository, organisation: Organisation, options) -> Iterator[tuple[str, Location]]:
    repo = organisation.repo
    for order, row in rows(part):
        if MatterCategory.BRADSKANDE not in row.kategori:
            continue
        for what, ident, field in people(row):
            problem = _problem(repo, order.organ, ident)
            if problem:
                yield (
                    f"rad {row.id}: brådskande ärenden får bara delegeras till ordföranden eller en annan ledamot "
                    f"som nämnden utsett; {what} {problem} (KL 6 kap. 39 §)",
                    row.where(*field),
                )
        if row.anmäls is False:
            yield (
                f"rad {row.id}: brådskande beslut ska anmälas vid nämndens nästa sammanträde (KL 6 kap. 40 §)",
                row.where("anmäls"),
            )
