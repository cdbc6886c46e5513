"""The repository's configuration, layered: shipped defaults → `extends:` preset → styrmodell.yaml → CLI.

Layers are plain dicts merged into a new dict; nothing is mutated after the final model is built.
The layers alone (`read_layers`) need no model, so that a run answered from the cache never
imports pydantic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from styrmodell.errors import FatalError
from styrmodell.load.sources import CONFIG_FILE, FileSource
from styrmodell.load.yamlload import LoadedFile, load_bytes

if TYPE_CHECKING:
    from styrmodell.model.config import Config

MAX_CONFIG_BYTES = 1_000_000


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
    return sorted(
        p.name[:-5]
        for p in resources.files("styrmodell.presets").iterdir()
        if p.name.endswith(".yaml") and p.name != "standard.yaml"
    )


def _read_config(source: FileSource) -> tuple[LoadedFile, bytes]:
    raw = source.read(CONFIG_FILE)
    if raw is None:
        raise FatalError(
            f"{source.label}: hittar ingen {CONFIG_FILE}; är detta ett styrmodellsrepo? (skapa ett med `styr init`)"
        )
    loaded = load_bytes(CONFIG_FILE, raw, MAX_CONFIG_BYTES)
    if loaded.problems:
        problem = loaded.problems[0]
        raise FatalError(f"{CONFIG_FILE}:{problem.line}:{problem.column}: {problem.message}")
    if not isinstance(loaded.data, dict):
        raise FatalError(f"{CONFIG_FILE}:1:1: konfigurationen ska vara en mappning (nyckel: värde)")
    return loaded, raw


@dataclass
class Layers:
    """The configuration's layers before the model is built: what the files say, and which files they are."""

    loaded: LoadedFile  # styrmodell.yaml with its positions
    layered: dict  # shipped defaults → `extends:` preset → styrmodell.yaml
    inputs: list[tuple[str, bytes]]  # every file of the repository read for it: styrmodell.yaml and its preset
    named: list[tuple[str, dict]]  # each layer with its name, first to last (what `styr installningar` shows)

    def with_rules(self, cli_rules: dict[str, dict] | None) -> list[tuple[str, dict]]:
        """The named layers, with the command line's rule flags as the last."""
        return self.named + ([("--regel", {"regler": cli_rules})] if cli_rules else [])


def read_layers(source: FileSource) -> Layers:
    """styrmodell.yaml and the preset it extends, layered on the shipped defaults (no model yet).

    A preset in the repository is read like every file of it: a symbolic link is refused (see
    `sources`), as is a path outside the repository. Shipped presets are the tool's own files.
    """
    loaded, raw_config = _read_config(source)
    inputs = [(CONFIG_FILE, raw_config)]
    named = [("verktygets standard", _shipped("standard"))]
    extends = loaded.data.get("extends")
    if extends is not None:
        if not isinstance(extends, str):
            line, col = loaded.position(("extends",))
            raise FatalError(
                f"{CONFIG_FILE}:{line}:{col}: extends ska vara namnet på en förinställning "
                f"({', '.join(shipped_presets())}) eller en fil i repot, t.ex. ./förinställning.yaml"
            )
        preset, raw = _preset(extends, source, loaded)
        named.append((f"förinställningen {extends}", preset))
        if raw is not None:
            inputs.append((extends, raw))
    named.append((CONFIG_FILE, loaded.data))
    layered: dict = {}
    for _, layer in named:
        layered = merge(layered, layer)
    return Layers(loaded, layered, inputs, named)


def _preset(name: str, source: FileSource, loaded: LoadedFile) -> tuple[dict, bytes | None]:
    """The preset's values, and its bytes when it is a file of the repository."""
    line, col = loaded.position(("extends",))
    if re.fullmatch(r"[a-z0-9-]+", name):
        if name not in shipped_presets():
            raise FatalError(
                f"{CONFIG_FILE}:{line}:{col}: okänd förinställning '{name}' i extends "
                f"(finns: {', '.join(shipped_presets())})"
            )
        return _shipped(name), None
    relpath = PurePosixPath(name.removeprefix("./"))
    raw = None if relpath.is_absolute() or ".." in relpath.parts else source.read(str(relpath))
    if raw is None:
        raise FatalError(f"{CONFIG_FILE}:{line}:{col}: extends pekar på '{name}', som inte är en fil i repot")
    preset = load_bytes(name, raw, MAX_CONFIG_BYTES)
    if preset.problems:
        problem = preset.problems[0]
        raise FatalError(f"{name}:{problem.line}:{problem.column}: förinställningen kan inte läsas: {problem.message}")
    if not isinstance(preset.data, dict):
        raise FatalError(f"{name}:1:1: förinställningen ska vara en mappning (nyckel: värde), som styrmodell.yaml")
    return preset.data, raw


def load_config(source: FileSource, cli_rules: dict[str, dict] | None = None) -> tuple[Config, LoadedFile]:
    from pydantic import ValidationError

    from styrmodell.model.base import Source, attach
    from styrmodell.model.config import Config

    layers = read_layers(source)
    loaded, layered = layers.loaded, layers.layered
    if cli_rules:
        layered = merge(layered, {"regler": cli_rules})
    try:
        config = Config.model_validate(layered)
    except ValidationError as exc:
        from styrmodell.load.messages import describe_error

        first = exc.errors()[0]
        line, col = loaded.position(tuple(first["loc"]))
        message, _ = describe_error(first, Config)
        raise FatalError(f"{CONFIG_FILE}:{line}:{col}: {message}") from None
    attach(config, Source(loaded, ()))
    return config, loaded
