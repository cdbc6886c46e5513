"""Shared by the delegation rules: what a delegate id resolves to."""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.model.governance import Delegation, DelegationOrder
from styrmodell.model.organisation import Organ, Role
from styrmodell.model.repository import Repository


def rows(repo: Repository) -> Iterator[tuple[DelegationOrder, Delegation]]:
    for order in repo.delegation_orders:
        for row in order.rader:
            yield order, row


def resolve(repo: Repository, ident: str) -> Role | Organ | None:
    return repo.role_by_id.get(ident) or repo.organ_by_id.get(ident)
