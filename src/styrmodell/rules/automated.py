"""Automatiserat beslutsfattande bara där lagen tillåter det.

## Vad den kontrollerar
Att ingen rad där delegaten *eller en ersättare* är en automatiserad beslutsfunktion (en roll med
`typ: automatiserat beslutsfattande`) gäller

1. ett ärende där beslutet överklagas genom laglighetsprövning enligt KL 13 kap. (`överklagbart:
   laglighetsprövning` eller kategorin `laglighetsprövning`);
2. ett ärende där beslutet enligt lag inte får överklagas (`överklagbart: nej` eller kategorin
   `ej överklagbart`);
3. upphandling (kategorin `upphandling`);
4. auktorisations- eller valfrihetssystem (kategorin `valfrihetssystem`).

Ett beslut som överklagas genom förvaltningsbesvär (`överklagbart: förvaltningsbesvär`) får fattas
automatiserat. `överklagbart: ja` säger inte hur beslutet överklagas, och ger därför inget fynd.

## Varför
KL 6 kap. 38 § andra stycket: beslutanderätten får inte delegeras till en automatiserad
beslutsfunktion i de fyra slagen av ärenden. En ersättare beslutar i delegatens ställe och står
därför under samma regel: en automatiserad funktion får inte heller vara ersättare där.

## Exempel
Fel:

    - id: "6.3"
      ärende: Tilldelningsbeslut vid direktupphandling
      kategori: [upphandling]
      delegat: upphandlingschef
      ersättare: [automatiskt-beslut]
      anmäls: true

Rätt: delegera till anställda, t.ex. `delegat: upphandlingschef`, `ersättare: [ekonomichef]`.

## Inställningar
Inga.

## Referens
KL 6 kap. 38 § andra stycket 1–4 p. Läst mot lagtexten.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.governance import Delegation
from styrmodell.model.governance import MatterCategory as M
from styrmodell.model.organisation import RoleKind
from styrmodell.model.repository import Organisation, Repository
from styrmodell.rules._delegation import by_legality_review, not_appealable, people, rows
from styrmodell.rules.base import Basis

CODE = "SM603"
NAME = "automatiserat-beslut"
SEVERITY = Severity.ERROR
REFERENCE = "KL 6 kap. 38 § andra stycket"
BASIS = Basis.TEXT

FORBIDDEN = {
    M.UPPHANDLING: ("3 p.", "ärenden om upphandling"),
    M.VALFRIHETSSYSTEM: ("4 p.", "ärenden om auktorisations- eller valfrihetssystem"),
}
REVIEW = ("1 p.", "ärenden där beslut överklagas genom laglighetsprövning (13 kap.)")
NOT_APPEALABLE = ("2 p.", "ärenden där beslut enligt lag eller annan författning inte får överklagas")


def _forbidden(row: Delegation) -> Iterator[tuple[tuple[str, str], Location]]:
    review = by_legality_review(row)
    if review is not None:
        yield REVIEW, row.where(*review)
    closed = not_appealable(row)
    if closed is not None:
        yield NOT_APPEALABLE, row.where(*closed)
    for index, category in enumerate(row.kategori):
        if category in FORBIDDEN:
            yield FORBIDDEN[category], row.where("kategori", index)


def context(repo: Repository, options) -> Organisation:
    return repo.organisation


def check_file(part: Repository, organisation: Organisation, options) -> Iterator[tuple[str, Location]]:
    repo = organisation.repo
    functions = {role.id for role in repo.roles if role.typ == RoleKind.AUTOMATISERAD}
    if not functions:
        return
    for _order, row in rows(part):
        if row.delegat not in functions and functions.isdisjoint(row.ersättare):
            continue
        automated = [(what, ident) for what, ident, _ in people(row) if ident in functions]
        for (point, matter), where in _forbidden(row):
            for what, ident in automated:
                yield (
                    f"rad {row.id}: {matter} får inte delegeras till en automatiserad beslutsfunktion, och "
                    f"{what} '{ident}' är en (KL 6 kap. 38 § andra stycket {point})",
                    where,
                )
