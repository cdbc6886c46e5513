"""Shared by the delegation rules: what a delegate id resolves to, who stands on a row, how a
decision is appealed, and which administrations are a board's own."""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.model.governance import Appeal, Delegation, DelegationOrder, MatterCategory
from styrmodell.model.organisation import Organ, Role
from styrmodell.model.repository import Repository


def rows(repo: Repository) -> Iterator[tuple[DelegationOrder, Delegation]]:
    for order in repo.delegation_orders:
        for row in order.rader:
            yield order, row


def resolve(repo: Repository, ident: str) -> Role | Organ | None:
    return repo.role_by_id.get(ident) or repo.organ_by_id.get(ident)


# A field of a row, as the path `Node.where` takes: ("delegat",), ("ersättare", 2). Locations are
# looked up only for a finding: the first lookup in a file indexes its positions, which costs.
Field = tuple[str | int, ...]


def people(row: Delegation) -> Iterator[tuple[str, str, Field]]:
    """Everyone who may decide on the row: the delegate, then each substitute (ersättare).

    Yields (what, id, field), `what` being "delegaten" or "ersättaren", for messages.
    """
    yield "delegaten", row.delegat, ("delegat",)
    for index, ident in enumerate(row.ersättare):
        yield "ersättaren", ident, ("ersättare", index)


def by_legality_review(row: Delegation) -> Field | None:
    """The field saying the row's decision is appealed by laglighetsprövning (KL 13 kap.), if one does."""
    if row.överklagbart == Appeal.LAGLIGHETSPROVNING:
        return ("överklagbart",)
    if MatterCategory.LAGLIGHETSPROVNING in row.kategori:
        return ("kategori", row.kategori.index(MatterCategory.LAGLIGHETSPROVNING))
    return None


def not_appealable(row: Delegation) -> Field | None:
    """The field saying the row's decision may not be appealed under law, if one does."""
    if row.överklagbart == Appeal.NEJ:
        return ("överklagbart",)
    if MatterCategory.EJ_OVERKLAGBART in row.kategori:
        return ("kategori", row.kategori.index(MatterCategory.EJ_OVERKLAGBART))
    return None


def own_administrations(repo: Repository, board: str) -> set[str]:
    """The administrations inside the board's field of activity: those naming it in `nämnd:`, and the
    one the organ names in `förvaltning:`."""
    out = {a.id for a in repo.administrations if board in a.nämnd}
    organ = repo.organ_by_id.get(board)
    if organ is not None and organ.förvaltning:
        out.add(organ.förvaltning)
    return out
