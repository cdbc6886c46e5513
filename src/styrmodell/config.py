"""The repository's configuration, layered: shipped defaults → `extends:` preset → styrmodell.yaml → CLI.

Layers are plain dicts merged into a new dict; nothing is mutated after the final model is built.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from pathlib import PurePosixPath
from typing import Any, Literal

from pydantic import Field, ValidationError, field_validator

from styrmodell.errors import FatalError
from styrmodell.model.base import Decision, Flag, Id, Node, Ref, RefList, Source, Text, attach
from styrmodell.model.organisation import OrganKind
from styrmodell.sources import CONFIG_FILE, FileSource
from styrmodell.yamlload import LoadedFile, load_bytes

MAX_CONFIG_BYTES = 1_000_000


class Municipality(Node):
    namn: Text
    kommunkod: Text = Field(pattern=r"^\d{4}$")

    @field_validator("kommunkod", mode="before")
    @classmethod
    def _code_as_text(cls, value: Any) -> Any:
        return f"{value:04d}" if isinstance(value, int) else value


class MandatePeriod(Node):
    från: dt.date
    till: dt.date


class Level(Node):
    id: Id
    namn: Text
    ägs_av: list[OrganKind] = []
    tjänar: RefList | None = None
    mätbar: Flag = True


class Limits(Node):
    max_filstorlek_mb: float = Field(default=5.0, gt=0, le=500)


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
    referensdatum: dt.date | None = None
    beslut: Decision | None = None

    @field_validator("regler", mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        """`SM401: av`, `SM401: varning` and `SM401: {max: 3}` all mean something."""
        if not isinstance(value, dict):
            return value
        out = {}
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
        return self.referensdatum or dt.date.today()


def merge(base: dict, override: dict) -> dict:
    """A new dict: `override` on top of `base`; nested mappings merge, everything else replaces."""
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def _shipped(name: str) -> dict:
    text = resources.files("styrmodell.presets").joinpath(f"{name}.yaml").read_bytes()
    loaded = load_bytes(f"<förinställning {name}>", text, MAX_CONFIG_BYTES)
    return loaded.data or {}


def shipped_presets() -> list[str]:
    return sorted(p.name[:-5] for p in resources.files("styrmodell.presets").iterdir()
                  if p.name.endswith(".yaml") and p.name != "standard.yaml")


def read_config_file(source: FileSource) -> LoadedFile:
    raw = source.read(CONFIG_FILE)
    if raw is None:
        raise FatalError(f"{source.label}: hittar ingen {CONFIG_FILE}; är detta ett styrmodellsrepo? "
                         "(skapa ett med `styr init`)")
    loaded = load_bytes(CONFIG_FILE, raw, MAX_CONFIG_BYTES)
    if loaded.problems:
        problem = loaded.problems[0]
        raise FatalError(f"{CONFIG_FILE}:{problem.line}:{problem.column}: {problem.message}")
    if not isinstance(loaded.data, dict):
        raise FatalError(f"{CONFIG_FILE}:1:1: konfigurationen ska vara en mappning (nyckel: värde)")
    return loaded


def _preset(name: str, source: FileSource, loaded: LoadedFile) -> dict:
    line, col = loaded.position(("extends",))
    if re.fullmatch(r"[a-z0-9-]+", name):
        if name not in shipped_presets():
            raise FatalError(f"{CONFIG_FILE}:{line}:{col}: okänd förinställning '{name}' i extends "
                             f"(finns: {', '.join(shipped_presets())})")
        return _shipped(name)
    relpath = PurePosixPath(name.removeprefix("./"))
    raw = None if relpath.is_absolute() or ".." in relpath.parts else source.read(str(relpath))
    if raw is None:
        raise FatalError(f"{CONFIG_FILE}:{line}:{col}: extends pekar på '{name}', som inte är en fil i repot")
    preset = load_bytes(name, raw, MAX_CONFIG_BYTES)
    if preset.problems or not isinstance(preset.data, dict):
        raise FatalError(f"{name}: förinställningen kan inte läsas")
    return preset.data


def load_config(source: FileSource, cli_rules: dict[str, dict] | None = None) -> tuple[Config, LoadedFile]:
    loaded = read_config_file(source)
    layered = _shipped("standard")
    if isinstance(loaded.data.get("extends"), str):
        layered = merge(layered, _preset(loaded.data["extends"], source, loaded))
    layered = merge(layered, loaded.data)
    if cli_rules:
        layered = merge(layered, {"regler": cli_rules})
    try:
        config = Config.model_validate(layered)
    except ValidationError as exc:
        from styrmodell.messages import describe_error

        first = exc.errors()[0]
        line, col = loaded.position(tuple(first["loc"]))
        message, _ = describe_error(first, Config)
        raise FatalError(f"{CONFIG_FILE}:{line}:{col}: {message}") from None
    attach(config, Source(loaded, ()))
    return config, loaded
