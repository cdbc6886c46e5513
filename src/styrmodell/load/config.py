"""The repository's configuration, layered: shipped defaults → `extends:` preset → styrmodell.yaml → CLI.

Layers are plain dicts merged into a new dict; nothing is mutated after the final model is built.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import PurePosixPath

from pydantic import ValidationError

from styrmodell.errors import FatalError
from styrmodell.load.sources import CONFIG_FILE, FileSource
from styrmodell.load.yamlload import LoadedFile, load_bytes
from styrmodell.model.base import Source, attach
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


def read_config_file(source: FileSource) -> LoadedFile:
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
    return loaded


def _preset(name: str, source: FileSource, loaded: LoadedFile) -> dict:
    line, col = loaded.position(("extends",))
    if re.fullmatch(r"[a-z0-9-]+", name):
        if name not in shipped_presets():
            raise FatalError(
                f"{CONFIG_FILE}:{line}:{col}: okänd förinställning '{name}' i extends "
                f"(finns: {', '.join(shipped_presets())})"
            )
        return _shipped(name)
    relpath = PurePosixPath(name.removeprefix("./"))
    raw = None if relpath.is_absolute() or ".." in relpath.parts else source.read(str(relpath))
    if raw is None:
        raise FatalError(f"{CONFIG_FILE}:{line}:{col}: extends pekar på '{name}', som inte är en fil i repot")
    preset = load_bytes(name, raw, MAX_CONFIG_BYTES)
    if preset.problems or not isinstance(preset.data, dict):
        raise FatalError(f"{name}: förinställningen kan inte läsas")
    return preset.data


def layers(
    source: FileSource, cli_rules: dict[str, dict] | None = None, loaded: LoadedFile | None = None
) -> list[tuple[str, dict]]:
    """The configuration's layers, first to last, each with its name: the shipped defaults, the
    `extends:` preset, the repository's styrmodell.yaml, and the command line's rules."""
    loaded = loaded or read_config_file(source)
    out = [("verktygets standard", _shipped("standard"))]
    if isinstance(loaded.data.get("extends"), str):
        name = loaded.data["extends"]
        out.append((f"förinställningen {name}", _preset(name, source, loaded)))
    out.append((CONFIG_FILE, loaded.data))
    if cli_rules:
        out.append(("--regel", {"regler": cli_rules}))
    return out


def load_config(source: FileSource, cli_rules: dict[str, dict] | None = None) -> tuple[Config, LoadedFile]:
    loaded = read_config_file(source)
    layered: dict = {}
    for _, layer in layers(source, cli_rules, loaded):
        layered = merge(layered, layer)
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
