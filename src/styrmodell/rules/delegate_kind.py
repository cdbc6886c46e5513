"""Delegaten och ersättaren är någon som nämnden får delegera till.

## Vad den kontrollerar
Att varje delegat och varje ersättare på en rad i en nämnds delegationsordning är någon som
kommunallagen låter nämnden delegera till:

- nämndens presidium (en roll med `typ: presidium` och `organ:` nämnden);
- ett utskott under nämnden (`typ: utskott`, `under:` nämnden);
- en ledamot eller ersättare i nämnden eller i ett av dess utskott (en förtroendevald roll vars
  `organ:` är nämnden eller ett utskott under den; utskottet väljs bland nämndens ledamöter och
  ersättare);
- en anställd (kommundirektör, förvaltningschef, verksamhetschef, enhetschef, tjänsteperson);
- en automatiserad beslutsfunktion (`typ: automatiserat beslutsfattande`).

En grupp (`typ: grupp` eller `ledningsgrupp`) är inte tillåten, vare sig av anställda eller blandad av förtroendevalda
och anställda ("blandad delegering"). En förtroendevald som sitter i en annan nämnd eller i en
annan nämnds utskott är inte en tillåten delegat, och inte heller en förtroendevald roll som inte
anger något organ. Fullmäktiges egna uppdrag åt nämnderna (KL 5 kap. 2 §) är inte delegering enligt
6 kap. 37 § och kontrolleras inte här.

## Varför
KL 6 kap. 37 §: "En nämnd får delegera beslutanderätten till presidiet, ett utskott, en ledamot, en
ersättare eller en automatiserad beslutsfunktion i ett visst ärende eller en viss grupp av ärenden.
En nämnd får även uppdra åt en anställd att besluta enligt 7 kap. 5–8 §§." Presidiet, ledamoten och
ersättaren är nämndens egna; utskottet är nämndens eget (6 kap. 41–42 §§). Ett beslut av någon som
inte kan vara delegat är fattat utan befogenhet och kan upphävas vid laglighetsprövning.

## Exempel
Fel:

    roller:
      - {id: ledningsgrupp-son, namn: Socialförvaltningens ledningsgrupp, typ: grupp}
      - {id: ledamot-tn-au, namn: Ledamot i tekniska nämndens arbetsutskott, typ: ledamot, organ: tn-au}
    ...
    rader:
      - {id: "4.1", ärende: Beslut om bistånd, delegat: ledningsgrupp-son, anmäls: true}
      - {id: "4.2", ärende: Yttrande i remiss, delegat: ledamot-tn-au, anmäls: true}  # i socialnämndens ordning

Rätt:

    rader:
      - {id: "4.1", ärende: Beslut om bistånd, delegat: enhetschef-ifo, ersättare: [ledamot-son-au], anmäls: true}

## Inställningar
Inga.

## Referens
KL 6 kap. 37 § (vem en nämnd får delegera till), 6 kap. 41–42 §§ (utskottet och dess ledamöter),
KL 7 kap. 5 § (delegering till anställd). Läst mot lagtexten.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.organisation import GROUPS, Organ, OrganKind, Role, RoleKind
from styrmodell.model.repository import Organisation, Repository
from styrmodell.rules._delegation import people, resolve, rows
from styrmodell.rules.base import Basis

CODE = "SM601"
NAME = "otillåten-delegat"
SEVERITY = Severity.ERROR
REFERENCE = "KL 6 kap. 37 §, 7 kap. 5 §"
BASIS = Basis.TEXT


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
    if target.elected and board:
        return _elected(repo, board, target)
    return None


def _elected(repo: Repository, board: str, role: Role) -> str | None:
    """An elected delegate sits in this board, or in one of its utskott (presidium: the board's own)."""
    if role.organ is None:
        return (
            f"'{role.id}' är förtroendevald ({role.typ.value}) men anger inte sitt organ; ange `organ: {board}` "
            "eller ett av nämndens utskott"
        )
    if role.organ == board:
        return None
    organ = repo.organ_by_id.get(role.organ)
    if organ is None:
        return None  # SM201 reports it
    if organ.typ == OrganKind.UTSKOTT:
        if role.typ == RoleKind.PRESIDIUM:
            return f"'{role.id}' är presidiet i utskottet '{organ.id}'; nämnden kan delegera till sitt eget presidium"
        if organ.under == board:
            return None
        return f"'{role.id}' sitter i utskottet '{organ.id}', som hör till '{organ.under}', inte till '{board}'"
    return f"'{role.id}' är förtroendevald i '{role.organ}', inte i '{board}' eller i ett av dess utskott"


def context(repo: Repository, options) -> Organisation:
    return repo.organisation


def check_file(part: Repository, organisation: Organisation, options) -> Iterator[tuple[str, Location]]:
    repo = organisation.repo
    for order, row in rows(part):
        if repo.organ_kind(order.organ) == OrganKind.KF.value:
            continue  # fullmäktige's assignments to the boards are KL 5 kap. 2 §, not 6 kap. 37 §
        for _what, ident, field in people(row):
            problem = _problem(repo, order.organ, ident)
            if problem:
                yield f"rad {row.id}: {problem} (KL 6 kap. 37 §)", row.where(*field)
