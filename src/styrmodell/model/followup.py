"""Follow-up material beside the figures: the auditors' written assessment and report, the analyses of
egenkontroller, complaints and suggestions, target-group surveys and comparisons (seed 001 §3, §6).

One `uppföljning:` section per period and organ (none: the whole municipality); the delårsrapport
and the årsredovisning print what the period has.
"""

from __future__ import annotations

from enum import Enum

from pydantic import Field

from styrmodell.model.base import Date, Node, Period, Ref, Text


class AuditorsAssessment(Node):
    """Revisorernas skriftliga bedömning av om resultatet är förenligt med fullmäktiges mål (KL 12 kap. 2 §)."""

    datum: Date = Field(description="Dagen bedömningen lämnades.")
    bedömning: Text = Field(description="Revisorernas bedömning, med deras ord.")
    länk: Text | None = Field(default=None, description="Adressen där bedömningen finns.")


class Discharge(str, Enum):
    TILLSTYRKER = "tillstyrker"
    AVSTYRKER = "avstyrker"


class AuditReport(Node):
    """Revisionsberättelsen för året (KL 12 kap. 12 §)."""

    datum: Date = Field(description="Revisionsberättelsens datum.")
    text: Text = Field(description="Vad revisionsberättelsen säger, i sammandrag.")
    ansvarsfrihet: Discharge | None = Field(
        default=None, description="Om revisorerna tillstyrker eller avstyrker ansvarsfrihet."
    )
    länk: Text | None = Field(default=None, description="Adressen där revisionsberättelsen med bilagor finns.")


class Complaints(Node):
    """Inkomna klagomål och synpunkter under perioden, och analysen av dem."""

    klagomål: int | None = Field(default=None, ge=0, description="Antal klagomål.")
    synpunkter: int | None = Field(default=None, ge=0, description="Antal synpunkter och förslag.")
    analys: Text = Field(description="Analysen: vad klagomålen och synpunkterna handlar om.")
    åtgärder: Text | None = Field(default=None, description="Åtgärder för att säkra kvaliteten.")


class Survey(Node):
    """En målgruppsundersökning (brukarenkät, medborgarundersökning, elevenkät ...)."""

    namn: Text = Field(description="Undersökningen.")
    år: int | None = Field(default=None, ge=1990, le=2100, description="När den gjordes.")
    resultat: Text = Field(description="Resultatet, i ord och tal.")
    analys: Text | None = Field(default=None, description="Analysen av resultatet.")


class FollowUp(Node):
    """Uppföljningens underlag för en period, för ett organ eller (utan organ) hela kommunen."""

    period: Period = Field(description="Perioden: 2025 (årsredovisningen) eller 2026-08 (delårsrapporten).")
    organ: Ref | None = Field(default=None, description="Organet (nämnd, styrelse, bolag) vars underlag det är (id).")
    revisorernas_bedömning: AuditorsAssessment | None = Field(
        default=None,
        description="Revisorernas skriftliga bedömning av resultatet i delårsrapporten eller årsredovisningen "
        "(KL 12 kap. 2 §): {datum, bedömning, länk}.",
    )
    revisionsberättelse: AuditReport | None = Field(
        default=None, description="Revisionsberättelsen (KL 12 kap. 12 §): {datum, text, ansvarsfrihet, länk}."
    )
    egenkontroller: Text | None = Field(
        default=None,
        description="Analys av egenkontroller och internkontroller: om rutinerna är förankrade och följs, och "
        "vilka förbättringsåtgärder som vidtagits.",
    )
    klagomål_och_synpunkter: Complaints | None = Field(
        default=None, description="Inkomna klagomål och synpunkter: {klagomål, synpunkter, analys, åtgärder}."
    )
    målgruppsundersökningar: list[Survey] = Field(
        default_factory=list,
        description="Redovisning och analys av målgruppsundersökningar: [{namn, år, resultat, analys}].",
    )
    jämförelser: Text | None = Field(
        default=None,
        description="Analys av resultatet med öppna jämförelser och andra verksamheters resultat.",
    )
    intressenter: Text | None = Field(default=None, description="Uppgifter från intressenter.")
    kvalitetsberättelse: Text | None = Field(
        default=None, description="Kvalitetsberättelsen ur verksamhetsberättelsen."
    )
    lagändringar: Text | None = Field(
        default=None, description="Relevanta förändringar av lagar och andra krav under perioden."
    )

    def has(self, item: str) -> bool:
        value = getattr(self, item)
        return bool(value) if isinstance(value, list) else value is not None


# The items `uppföljning:` in styrmodell.yaml may require, in the order the reports print them, and
# whose they are: the whole municipality's (the auditors report to fullmäktige) or each board's and
# company's (seed 001 §3: "från nämnder, styrelser och bolag").
ITEMS = {
    "revisorernas_bedömning": ("Revisorernas bedömning", "kommun"),
    "revisionsberättelse": ("Revisionsberättelse", "kommun"),
    "egenkontroller": ("Egenkontroller och intern kontroll", "organ"),
    "klagomål_och_synpunkter": ("Klagomål och synpunkter", "organ"),
    "målgruppsundersökningar": ("Målgruppsundersökningar", "organ"),
    "jämförelser": ("Jämförelser med andra", "organ"),
    "intressenter": ("Uppgifter från intressenter", "organ"),
    "kvalitetsberättelse": ("Kvalitetsberättelse", "organ"),
    "lagändringar": ("Förändringar av lagar och andra krav", "organ"),
}
