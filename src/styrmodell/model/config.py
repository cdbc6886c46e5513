"""The repository's configuration (styrmodell.yaml) as a model: the municipality, its mandate
period, its goal chain, rule settings, limits, attainment definitions and wheel settings.

Loading and layering (shipped defaults → `extends:` preset → the file → command line) is in
`load.config`; this module holds only what the layers add up to.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, field_validator

from styrmodell.model.base import Date, Decision, Flag, Id, Node, RefList, Text
from styrmodell.model.organisation import OrganKind
from styrmodell.svenska import dates


class Municipality(Node):
    namn: Text
    kommunkod: Text = Field(pattern=r"^\d{4}$")

    @field_validator("kommunkod", mode="before")
    @classmethod
    def _code_as_text(cls, value: Any) -> Any:
        return f"{value:04d}" if isinstance(value, int) else value


class MandatePeriod(Node):
    från: Date
    till: Date


class Level(Node):
    id: Id
    namn: Text
    ägs_av: list[OrganKind] = []
    tjänar: RefList | None = None
    mätbar: Flag = True


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


class AttainmentSettings(Node):
    """The municipality's decided definitions of attainment (seed 003).

    An indicator is delvis uppnått when it misses its target by at most `delvis_marginal_procent`
    of the target. A goal's status weighs its indicators and the goals under it by `metod`:
    `andel` (uppnått = 1, delvis = ½, ej = 0; the mean against the two limits), `alla` (uppnått only
    when everything is, ej uppnått when nothing is even partly) or `sämsta` (the worst status).
    """

    delvis_marginal_procent: float = Field(default=5.0, ge=0, le=100)
    metod: Literal["andel", "alla", "sämsta"] = "andel"
    uppnått_gräns: float = Field(default=0.8, gt=0, le=1)
    delvis_gräns: float = Field(default=0.5, ge=0, le=1)


class WheelSettings(Node):
    """How the annual wheel treats deadlines on weekends and holidays, and which year rules check."""

    helgdag: Literal["varna", "flytta före", "flytta efter"] = "varna"
    år: int | None = Field(default=None, ge=2000, le=2100)


class RuleSetting(Node):
    """One rule's settings: on/off, severity, and the rule's own options (checked by the rule)."""

    model_config = Node.model_config | {"extra": "allow"}

    aktiv: Flag = True
    allvarlighet: Text | None = None

    def options(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


class Config(Node):
    extends: Text | None = None
    kommun: Municipality
    mandatperiod: MandatePeriod
    målkedja: list[Level] = Field(min_length=1)
    regler: dict[Text, RuleSetting] = {}
    gränser: Limits = Limits()
    måluppfyllelse: AttainmentSettings = AttainmentSettings()
    årshjul: WheelSettings = WheelSettings()
    ignorera: list[Text] = []
    referensdatum: Date | None = None
    beslut: Decision | None = None

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
