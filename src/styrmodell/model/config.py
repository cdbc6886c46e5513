"""The repository's configuration (styrmodell.yaml) as a model: the municipality, its mandate
period, its goal chain, rule settings, limits, attainment definitions and wheel settings.

Loading and layering (shipped defaults → `extends:` preset → the file → command line) is in
`load.config`; this module holds only what the layers add up to.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any, Literal

from pydantic import Field, field_validator

from styrmodell.model.base import Date, Decision, Flag, Id, Node, Ref, RefList, Text
from styrmodell.model.organisation import OrganKind, UnitKind
from styrmodell.svenska import dates


class Municipality(Node):
    namn: Text = Field(description="Kommunens namn, t.ex. Askersunds kommun.")
    kommunkod: Text = Field(
        pattern=r"^\d{4}$", description="Kommunkoden, fyra siffror inom citattecken (kontrolleras mot Kolada)."
    )

    @field_validator("kommunkod", mode="before")
    @classmethod
    def _code_as_text(cls, value: Any) -> Any:
        return f"{value:04d}" if isinstance(value, int) else value


class MandatePeriod(Node):
    från: Date = Field(description="Mandatperiodens första dag: 15 oktober valåret.")
    till: Date = Field(description="Mandatperiodens sista dag: 14 oktober fyra år senare.")


class Level(Node):
    """En nivå i målkedjan."""

    id: Id = Field(description="Nivåns id; målen anger det som nivå.")
    namn: Text = Field(description="Nivåns namn, som i rapporterna.")
    ägs_av: list[OrganKind | UnitKind] = Field(
        default_factory=list,
        description="Vilka som får äga mål på nivån: organtyper (kf, ks, nämnd, bolag ...), förvaltning eller enhet.",
    )
    tjänar: RefList | None = Field(
        default=None, description="Nivåerna som mål på nivån får tjäna; standard: nivån närmast ovanför."
    )
    mätbar: Flag = Field(
        default=True, description="Om målen på nivån mäts själva; false för t.ex. perspektiv och målområden."
    )


class Limits(Node):
    """What reading and checking a repository may cost, so that a broken or hostile file cannot
    keep a CI run busy or fill its log. The defaults are far above what a real repository needs."""

    max_filstorlek_mb: float = Field(
        default=5.0, gt=0, le=500, description="Största fil som läses, i MB; en större fil är ett fel (SM105)."
    )
    max_aliasvärden: int = Field(
        default=100_000,  # load.yamlload.MAX_ALIAS_EXPANSIONS
        ge=1,
        le=100_000_000,
        description="Hur många värden alias (*namn, också <<: *namn) får vecklas ut till i en fil (SM105).",
    )
    max_fynd_per_fil: int = Field(
        default=100,
        ge=1,
        le=1_000_000,
        description="Hur många fynd av samma regel som visas per fil; resten sammanfattas på en rad.",
    )
    max_fynd: int = Field(
        default=1000,
        ge=1,
        le=10_000_000,
        description="Hur många fynd som visas totalt; resten sammanfattas med en rad per regel.",
    )
    max_sekunder: float = Field(
        default=600,
        gt=0,
        le=86_400,
        description="Hur länge läsning och kontroll får ta innan kommandot avbryts med ett meddelande.",
    )
    mall_sekunder: float = Field(
        default=60, gt=0, le=3600, description="Hur länge en rapportmall får arbeta med ett dokument."
    )
    mall_minne_mb: int = Field(
        default=2048, ge=64, le=65_536, description="Hur mycket minne en rapportmall får använda, i MB."
    )


class AttainmentRule(Node):
    """Definitioner av måluppfyllelse som gäller för en nivå eller ett målområde, med sitt eget beslut."""

    delvis_marginal_procent: float | None = Field(
        default=None, ge=0, le=100, description="Som måluppfyllelse.delvis_marginal_procent."
    )
    metod: Literal["andel", "alla", "sämsta"] | None = Field(default=None, description="andel, alla eller sämsta.")
    uppnått_gräns: float | None = Field(default=None, gt=0, le=1, description="Som måluppfyllelse.uppnått_gräns.")
    delvis_gräns: float | None = Field(default=None, ge=0, le=1, description="Som måluppfyllelse.delvis_gräns.")
    kvalitativ_delvis_steg: int | None = Field(
        default=None, ge=0, le=10, description="Som måluppfyllelse.kvalitativ_delvis_steg."
    )
    beslut: Decision | None = Field(default=None, description="Beslutet om definitionerna för nivån eller området.")


class AttainmentSettings(Node):
    """Kommunens beslutade definitioner av måluppfyllelse.

    En indikator är delvis uppnådd när den missar målvärdet med högst `delvis_marginal_procent` av
    målvärdet. Ett mål vägs ihop av sina indikatorer och målen under det med `metod`: `andel`
    (uppnått 1, delvis ½, ej 0; medelvärdet mot de två gränserna), `alla` (uppnått bara när allt är
    det, ej uppnått när inget ens är delvis) eller `sämsta` (den sämsta statusen).
    """

    delvis_marginal_procent: float = Field(
        default=5.0,
        ge=0,
        le=100,
        description="En indikator är delvis uppnådd när den missar målvärdet med högst så många procent av det.",
    )
    metod: Literal["andel", "alla", "sämsta"] = Field(
        default="andel", description="Hur ett mål vägs ihop av sina delar: andel, alla eller sämsta."
    )
    uppnått_gräns: float = Field(
        default=0.8, gt=0, le=1, description="andel: medelvärdet (uppnått 1, delvis ½, ej 0) som krävs för uppnått."
    )
    delvis_gräns: float = Field(default=0.5, ge=0, le=1, description="andel: medelvärdet som krävs för delvis uppnått.")
    kvalitativ_delvis_steg: int = Field(
        default=1,
        ge=0,
        le=10,
        description="En kvalitativ indikator är delvis uppnådd högst så många steg under målvärdet på sin skala.",
    )
    beslut: Decision | None = Field(default=None, description="Beslutet om definitionerna av måluppfyllelse.")
    nivåer: dict[Ref, AttainmentRule] = Field(
        default_factory=dict,
        description="Egna definitioner för målen på en nivå i målkedjan: nivåns id → inställningarna som skiljer sig.",
    )
    målområden: dict[Ref, AttainmentRule] = Field(
        default_factory=dict,
        description="Egna definitioner för målen i ett målområde: målområdets (målets) id → inställningarna som "
        "skiljer sig.",
    )

    def resolved(self, *overrides: AttainmentRule | None) -> AttainmentSettings:
        """These settings with the overrides laid on top, the later winning; without nivåer and målområden."""
        values = self.model_dump(exclude={"nivåer", "målområden"})
        values["beslut"] = self.beslut
        for override in overrides:
            if override is not None:
                values.update({k: getattr(override, k) for k in override.model_fields_set})
        return AttainmentSettings.model_validate(values)


class WheelSettings(Node):
    """Hur årshjulets frister på helgdagar behandlas, och vilket år reglerna kontrollerar."""

    helgdag: Literal["varna", "flytta före", "flytta efter"] = Field(
        default="varna", description="Frister på helgdagar: varna, flytta före eller flytta efter."
    )
    år: int | None = Field(
        default=None, ge=2000, le=2100, description="Året som lagens datum kontrolleras för; standard: i år."
    )


class KoladaSettings(Node):
    """What `styr importera kolada` compares the municipality with, besides what each indicator's
    `jämförelser` already names."""

    jämför: list[Text] = Field(
        default_factory=list,
        description="Jämförelser för varje indikator med källa kolada: Riket, en kommun eller region "
        "(namn eller kod), eller en grupp under grupper.",
    )
    grupper: dict[Text, list[Text]] = Field(
        default_factory=dict,
        description="Grupper av kommuner att jämföra med, t.ex. {Liknande kommuner: [Bjuv, Klippan, 1284]}; "
        "jämförelsevärdet är medelvärdet av medlemmarnas värden (ovägt).",
    )


FollowUpItem = Literal[
    "revisorernas_bedömning",
    "revisionsberättelse",
    "egenkontroller",
    "klagomål_och_synpunkter",
    "målgruppsundersökningar",
    "jämförelser",
    "intressenter",
    "kvalitetsberättelse",
    "lagändringar",
]


class FollowUpSettings(Node):
    """Underlaget som kommunens styrmodell säger att uppföljningens rapporter ska ha utöver siffrorna; en
    rapport som saknar det skriver "Uppgift saknas", och `styr frister` listar det."""

    årsredovisning: list[FollowUpItem] = Field(
        default_factory=list,
        description="Underlag som årsredovisningen ska ha (ur `uppföljning:`), t.ex. [revisorernas_bedömning, "
        "revisionsberättelse, egenkontroller, klagomål_och_synpunkter, målgruppsundersökningar].",
    )
    delårsrapport: list[FollowUpItem] = Field(
        default_factory=list,
        description="Underlag som delårsrapporten ska ha, t.ex. [revisorernas_bedömning].",
    )


class PublishedKind(str, Enum):
    """Vad ett publicerat dokument är, med lagrummet som kräver det på kommunens webbplats."""

    BUDGETFORSLAG = "budgetförslag"  # KL 8 kap. 14 §
    ARSREDOVISNING = "årsredovisning"  # KL 8 kap. 15 §
    REVISIONSBERATTELSE = "revisionsberättelse"  # KL 8 kap. 16 a §
    ANNAT = "annat"


class PublishedDocument(Node):
    """Ett dokument som webbplatsen publicerar: en fil i repot, en adress, eller en av rapporterna som
    `styr publicera` skriver."""

    avser: PublishedKind = Field(
        description="budgetförslag (KL 8 kap. 14 §), årsredovisning (15 §), revisionsberättelse (16 a §) eller annat."
    )
    år: int = Field(
        ge=2000, le=2100, description="Året dokumentet gäller: budgetåret, räkenskapsåret eller det granskade året."
    )
    titel: Text | None = Field(default=None, description="Titeln som webbplatsen visar; standard: slaget och året.")
    fil: Text | None = Field(
        default=None, description="En fil i repot (sökväg från styrmodell.yaml) som kopieras till webbplatsen."
    )
    länk: Text | None = Field(default=None, description="Adressen där dokumentet finns, om det inte ligger i repot.")
    rapport: Text | None = Field(
        default=None,
        description="En rapport som webbplatsen själv visar (t.ex. arsredovisning): den rapporten är dokumentet.",
    )


class Contact(Node):
    """Var besökare lämnar synpunkter på webbplatsens tillgänglighet."""

    namn: Text | None = Field(default=None, description="Vem som tar emot synpunkterna, t.ex. Kommunledningskontoret.")
    epost: Text | None = Field(default=None, description="E-postadressen.")
    telefon: Text | None = Field(default=None, description="Telefonnumret.")
    webbformulär: Text | None = Field(default=None, description="Adressen till ett formulär för synpunkter.")


class AccessibilityStatement(Node):
    """Det som tillgänglighetsredogörelsen säger utöver det verktyget vet (DOS-lagen 13 §, DIGG:s föreskrifter)."""

    bedömd: Date | None = Field(default=None, description="Datum då webbplatsen senast bedömdes.")
    metod: Text | None = Field(
        default=None, description="Hur den bedömdes; standard: automatisk granskning med axe-core vid varje bygge."
    )
    brister: list[Text] = Field(
        default_factory=list, description="Kända brister i tillgängligheten, med vad som görs åt dem."
    )
    oskäligt_betungande: list[Text] = Field(
        default_factory=list,
        description="Innehåll som undantas för att en anpassning vore oskäligt betungande (DOS 12 §).",
    )


class PublishSettings(Node):
    """Hur `styr publicera` gör webbplatsen: vem den är, vem som svarar på synpunkter, och vilka dokument
    den publicerar."""

    kommunens_webbplats: Flag = Field(
        default=False,
        description="Om webbplatsen är kommunens publicering enligt KL 8 kap. 14–16 a §§: då kontrollerar "
        "`styr validera` att budgetförslaget, årsredovisningen och revisionsberättelserna finns (SM904).",
    )
    adress: Text | None = Field(default=None, description="Webbplatsens adress, t.ex. https://styrning.grastorp.se/.")
    kontakt: Contact = Field(default=Contact(), description="Synpunkter på tillgängligheten: {namn, epost, telefon}.")
    tillgänglighet: AccessibilityStatement = Field(
        default=AccessibilityStatement(), description="Tillgänglighetsredogörelsens uppgifter: {bedömd, brister}."
    )
    dokument: list[PublishedDocument] = Field(
        default_factory=list, description="Dokument som webbplatsen publicerar: {avser, år, fil, länk eller rapport}."
    )


class RuleSetting(Node):
    """En regels inställningar: på eller av, allvarlighet, och regelns egna inställningar."""

    model_config = Node.model_config | {"extra": "allow"}

    aktiv: Flag = Field(default=True, description="Om regeln körs.")
    allvarlighet: Text | None = Field(default=None, description="fel, varning eller info.")

    def options(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


def _rule_shorthands_in_schema(schema: dict[str, Any]) -> None:
    """The schema says what `_shorthand` reads, so that the editor does not mark `SM401: av`."""
    setting = schema.get("additionalProperties")
    if isinstance(setting, dict):
        schema["additionalProperties"] = {"anyOf": [{"type": "boolean"}, {"type": "string"}, setting]}


class Config(Node):
    extends: Text | None = Field(
        default=None,
        description="Förinställning att bygga på: tre-mal, smarta-7, eller en YAML-fil i repot.",
    )
    kommun: Municipality = Field(description="Kommunen: {namn, kommunkod}.")
    mandatperiod: MandatePeriod = Field(description="Den nuvarande mandatperioden: {från, till}.")
    målkedja: list[Level] = Field(min_length=1, description="Målkedjans nivåer, uppifrån och ned.")
    regler: dict[Text, RuleSetting] = Field(
        default_factory=dict,
        description="Per regel (kod eller namn): av, en allvarlighet, eller {aktiv, allvarlighet, regelns inställningar}.",
        json_schema_extra=_rule_shorthands_in_schema,
    )
    gränser: Limits = Field(default=Limits(), description="Gränser för vad som läses.")
    måluppfyllelse: AttainmentSettings = Field(
        default=AttainmentSettings(), description="Kommunens beslutade definitioner av måluppfyllelse."
    )
    årshjul: WheelSettings = Field(default=WheelSettings(), description="Hur årshjulets frister behandlas.")
    kolada: KoladaSettings = Field(
        default=KoladaSettings(), description="Vad `styr importera kolada` jämför med: `jämför`, `grupper`."
    )
    kräv_underlag: FollowUpSettings = Field(
        default=FollowUpSettings(),
        description="Underlaget (`uppföljning:` i repot) som årsredovisningen och delårsrapporten ska ha: "
        "{årsredovisning: [...], delårsrapport: [...]}.",
    )
    ignorera: list[Text] = Field(
        default_factory=list, description='Glob-mönster för filer som inte läses, t.ex. "arkiv/**".'
    )
    referensdatum: Date | None = Field(
        default=None, description="Dagens datum för regler som beror på datum; standard: i dag."
    )
    beslut: Decision | None = Field(default=None, description="Beslutet om styrmodellen själv.")
    publicering: PublishSettings = Field(
        default=PublishSettings(),
        description="Webbplatsen som `styr publicera` gör: {kommunens_webbplats, adress, kontakt, dokument}.",
    )

    @field_validator("regler", mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        """`SM401: av`, `SM401: varning` and `SM401: {max: 3}` all mean something."""
        if not isinstance(value, dict):
            return value
        out: dict[Any, Any] = {}
        for code, setting in value.items():
            if setting is False or (isinstance(setting, str) and setting.strip().lower() in ("av", "off")):
                out[code] = {"aktiv": False}
            elif setting is True or (isinstance(setting, str) and setting.strip().lower() in ("på", "on")):
                out[code] = {"aktiv": True}
            elif isinstance(setting, str):
                out[code] = {"allvarlighet": setting}
            else:
                out[code] = setting
        return out

    def level(self, level_id: str) -> Level | None:
        return next((lvl for lvl in self.målkedja if lvl.id == level_id), None)

    def levels_served_by(self, level_id: str) -> list[str]:
        """The levels a goal on `level_id` may serve: stated in config, else the level just above."""
        ids = [lvl.id for lvl in self.målkedja]
        if level_id not in ids:
            return []
        level = self.målkedja[ids.index(level_id)]
        if level.tjänar is not None:
            return list(level.tjänar)
        index = ids.index(level_id)
        return [ids[index - 1]] if index > 0 else []

    @property
    def top_level(self) -> str:
        return self.målkedja[0].id

    def today(self) -> dt.date:
        return self.referensdatum or dates.today()
