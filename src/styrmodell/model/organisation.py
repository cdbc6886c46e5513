"""Organs, administrations, units and roles."""

from __future__ import annotations

from enum import Enum

from pydantic import Field

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
    KOMMUNALFORBUND = "kommunalförbund"


# The boards in the sense of KL 3 kap. 3 §: they decide on their own business, delegate, and
# answer for their own internal control.
BOARDS = {OrganKind.KS, OrganKind.NAMND, OrganKind.GEMENSAM_NAMND}


class UnitKind(str, Enum):
    """Tjänstepersonsorganisationens nivåer som kan äga mål, strategier och aktiviteter under nämnderna."""

    FORVALTNING = "förvaltning"
    ENHET = "enhet"


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
    LEDNINGSGRUPP = "ledningsgrupp"


ELECTED = {RoleKind.ORDFORANDE, RoleKind.VICE_ORDFORANDE, RoleKind.PRESIDIUM, RoleKind.LEDAMOT, RoleKind.ERSATTARE}
EMPLOYED = {
    RoleKind.KOMMUNDIREKTOR,
    RoleKind.FORVALTNINGSCHEF,
    RoleKind.VERKSAMHETSCHEF,
    RoleKind.ENHETSCHEF,
    RoleKind.TJANSTEPERSON,
}
GROUPS = {RoleKind.GRUPP, RoleKind.LEDNINGSGRUPP}
CHIEFS = {RoleKind.KOMMUNDIREKTOR, RoleKind.FORVALTNINGSCHEF, RoleKind.VERKSAMHETSCHEF, RoleKind.ENHETSCHEF}


class Organ(Node):
    """Ett politiskt organ: fullmäktige, styrelse, nämnd, utskott, beredning, bolag, revision eller förbund."""

    id: Id = Field(description="Organets id, unikt i hela repot (t.ex. kf, ks, bun).")
    namn: Text = Field(description="Organets namn, som det skrivs i rapporterna.")
    typ: OrganKind = Field(
        description="Slag av organ: kf, ks, nämnd, gemensam nämnd, utskott, beredning, bolag, revision "
        "eller kommunalförbund."
    )
    under: Ref | None = Field(
        default=None, description="Organet som utskottet eller beredningen hör till (id), t.ex. ks."
    )
    förvaltning: Ref | None = Field(default=None, description="Förvaltningen som tjänar organet (id).")
    beskrivning: Text | None = Field(
        default=None, description="Organets uppdrag med egna ord; verksamhetsplanen inleds med det."
    )


class Administration(Node):
    """En förvaltning (eller ett verksamhetsområde) med tjänstepersoner, ledd av en förvaltningschef."""

    id: Id = Field(description="Förvaltningens id, unikt i hela repot.")
    namn: Text = Field(description="Förvaltningens namn.")
    nämnd: RefList = Field(default_factory=list, description="Nämnden eller nämnderna som förvaltningen tjänar (id).")
    chef: Ref | None = Field(default=None, description="Rollen som leder förvaltningen (id), t.ex. förvaltningschefen.")
    beskrivning: Text | None = Field(default=None, description="Vad förvaltningen ansvarar för.")


class Unit(Node):
    """En verksamhet eller enhet under en förvaltning: en skola, en hemtjänstgrupp, en resultatenhet."""

    id: Id = Field(description="Enhetens id, unikt i hela repot.")
    namn: Text = Field(description="Enhetens namn.")
    förvaltning: Ref = Field(description="Förvaltningen som enheten hör till (id).")
    chef: Ref | None = Field(
        default=None, description="Rollen som leder enheten (id), t.ex. enhetschefen eller rektorn."
    )
    beskrivning: Text | None = Field(default=None, description="Vad enheten gör.")


class Role(Node):
    """En roll: en förtroendevald, en chef, en tjänsteperson, en grupp eller en funktion för automatiserade beslut."""

    id: Id = Field(description="Rollens id, unikt i hela repot; delegationsordningen och målen pekar på det.")
    namn: Text = Field(description="Rollens benämning, t.ex. Socialchef.")
    typ: RoleKind = Field(
        description="Slag av roll: ordförande, vice ordförande, presidium, ledamot, ersättare, kommundirektör, "
        "förvaltningschef, verksamhetschef, enhetschef, tjänsteperson, automatiserat beslutsfattande, grupp "
        "eller ledningsgrupp."
    )
    organ: Ref | None = Field(default=None, description="För en förtroendevald: organet hen sitter i (id).")
    förvaltning: Ref | None = Field(default=None, description="För en anställd: förvaltningen hen arbetar i (id).")
    medlemmar: RefList = Field(
        default_factory=list, description="För en grupp eller ledningsgrupp: rollerna som ingår (id)."
    )

    @property
    def elected(self) -> bool:
        return self.typ in ELECTED

    @property
    def employed(self) -> bool:
        return self.typ in EMPLOYED


class Organisation(Node):
    organ: list[Organ] = Field(default_factory=list, description="De politiska organen.")
    förvaltningar: list[Administration] = Field(
        default_factory=list, description="Förvaltningarna eller verksamhetsområdena."
    )
    enheter: list[Unit] = Field(default_factory=list, description="Verksamheterna och enheterna under förvaltningarna.")
    roller: list[Role] = Field(
        default_factory=list, description="Förtroendevalda, chefer, tjänstepersoner och grupper."
    )
