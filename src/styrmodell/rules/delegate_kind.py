"""Delegaten är av ett slag som nämnden får delegera till.

## Vad den kontrollerar
Att varje delegat och ersättare i en delegationsordning är en av dem som kommunallagen tillåter:
nämndens presidium, ett utskott under nämnden, en ledamot eller ersättare i nämnden, en anställd
(en roll som förvaltningschef, enhetschef, tjänsteperson) eller automatiserat beslutsfattande.
En grupp (`typ: grupp` eller `ledningsgrupp`) är inte tillåten, vare sig av anställda eller blandad av förtroendevalda
och anställda ("blandad delegering"). Ett utskott måste höra till nämnden (`under:`), och en
förtroendevald roll måste sitta i nämnden (`organ:`).

## Varför
Beslut som fattas av någon som inte kan vara delegat är fattade utan befogenhet och kan upphävas
vid laglighetsprövning.

## Exempel
Fel:

    roller:
      - {id: ledningsgrupp-son, namn: Socialförvaltningens ledningsgrupp, typ: grupp}
    ...
    rader:
      - {id: "4.1", ärende: Beslut om bistånd, delegat: ledningsgrupp-son, anmäls: true}

Rätt:

    rader:
      - {id: "4.1", ärende: Beslut om bistånd, delegat: enhetschef-ifo, anmäls: true}

## Inställningar
Inga.

## Referens
KL 6 kap. 37 § (vem en nämnd får delegera till), KL 7 kap. 5 § (delegering till anställd).
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.organisation import GROUPS, Organ, OrganKind
from styrmodell.model.repository import Repository
from styrmodell.rules._delegation import resolve, rows

CODE = "SM601"
NAME = "otillåten-delegat"
SEVERITY = Severity.ERROR


def _problem(repo: Repository, board: str | None, ident: str) -> str | None:
    target = resolve(repo, ident)
    if target is None:
        return None  # SM201 reports it
    if isinstance(target, Organ):
        if target.typ != OrganKind.UTSKOTT:
            return f"'{ident}' är {target.typ.value}; en nämnd kan delegera till ett utskott, inte till ett annat organ"
        if board and target.under != board:
            return f"utskottet '{ident}' hör inte till '{board}' (ange `under: {board}` om det gör det)"
        return None
    if target.typ in GROUPS:
        members = [repo.role_by_id[m] for m in target.medlemmar if m in repo.role_by_id]
        mixed = any(m.elected for m in members) and any(m.employed for m in members)
        if mixed:
            return f"'{ident}' är en grupp av förtroendevalda och anställda: blandad delegering är inte tillåten"
        return f"'{ident}' är en grupp; delegering får bara ske till en enskild anställd, ledamot eller ersättare"
    if (
        target.elected
        and board
        and target.organ
        and target.organ != board
        and repo.organ_kind(target.organ) != OrganKind.UTSKOTT.value
    ):
        return f"'{ident}' är förtroendevald i '{target.organ}', inte i '{board}'"
    return None


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    for order, row in rows(repo):
        for field, idents in (("delegat", [row.delegat]), ("ersättare", row.ersättare)):
            for index, ident in enumerate(idents):
                problem = _problem(repo, order.organ, ident)
                if problem:
                    where = row.where(field) if field == "delegat" else row.where(field, index)
                    yield f"rad {row.id}: {problem} (KL 6 kap. 37 §)", where
