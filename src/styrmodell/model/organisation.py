"""Organs, administrations, units and roles."""

from __future__ import annotations

from enum import Enum

from styrmodell.model.base import Id, Node, Ref, RefList, Text


class OrganKind(str, Enum):
    KF = "kf"
    KS = "ks"
    NAMND = "nämnd"
    GEMENSAM_NAMND = "gemensam nämnd"
    UTSKOTT = "utskott"
    BEREDNING = "beredning"
    BOLAG = "bolag"
    REVISION = "revision"


# The boards in the sense of KL 3 kap. 3 §: they decide on their own business, delegate, and
# answer for their own internal control.
BOARDS = {OrganKind.KS, OrganKind.NAMND, OrganKind.GEMENSAM_NAMND}


class RoleKind(str, Enum):
    ORDFORANDE = "ordförande"
    VICE_ORDFORANDE = "vice ordförande"
    PRESIDIUM = "presidium"
    LEDAMOT = "ledamot"
    ERSATTARE = "ersättare"
    KOMMUNDIREKTOR = "kommundirektör"
    FORVALTNINGSCHEF = "förvaltningschef"
    VERKSAMHETSCHEF = "verksamhetschef"
    ENHETSCHEF = "enhetschef"
    TJANSTEPERSON = "tjänsteperson"
    AUTOMATISERAD = "automatiserat beslutsfattande"
    GRUPP = "grupp"


ELECTED = {RoleKind.ORDFORANDE, RoleKind.VICE_ORDFORANDE, RoleKind.PRESIDIUM, RoleKind.LEDAMOT, RoleKind.ERSATTARE}
EMPLOYED = {
    RoleKind.KOMMUNDIREKTOR,
    RoleKind.FORVALTNINGSCHEF,
    RoleKind.VERKSAMHETSCHEF,
    RoleKind.ENHETSCHEF,
    RoleKind.TJANSTEPERSON,
}


class Organ(Node):
    id: Id
    namn: Text
    typ: OrganKind
    under: Ref | None = None
    förvaltning: Ref | None = None
    beskrivning: Text | None = None


class Administration(Node):
    id: Id
    namn: Text
    nämnd: RefList = []
    chef: Ref | None = None
    beskrivning: Text | None = None


class Unit(Node):
    id: Id
    namn: Text
    förvaltning: Ref
    chef: Ref | None = None
    beskrivning: Text | None = None


class Role(Node):
    id: Id
    namn: Text
    typ: RoleKind
    organ: Ref | None = None
    förvaltning: Ref | None = None
    medlemmar: RefList = []

    @property
    def elected(self) -> bool:
        return self.typ in ELECTED

    @property
    def employed(self) -> bool:
        return self.typ in EMPLOYED


class Organisation(Node):
    organ: list[Organ] = []
    förvaltningar: list[Administration] = []
    enheter: list[Unit] = []
    roller: list[Role] = []
