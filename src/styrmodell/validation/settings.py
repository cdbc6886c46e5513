"""The settings in force: what the configuration's layers add up to, with every rule's severity
and options and the layers that set them (`styr installningar`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from styrmodell.load.config import load_config, read_layers
from styrmodell.load.sources import FileSource
from styrmodell.rules import RULES, find
from styrmodell.validation.checker import active_rules


@dataclass
class RuleInForce:
    code: str
    name: str
    active: bool
    severity: str | None  # None when the rule is off
    options: dict[str, Any]
    set_by: list[str] = field(default_factory=list)  # the layers that mention the rule


@dataclass
class Settings:
    kommun: str
    layers: list[str]
    config: dict[str, Any]  # everything but the rules, as the layers add it up
    rules: list[RuleInForce]


def settings_in_force(source: FileSource, cli_rules: dict[str, dict] | None = None) -> Settings:
    config, _ = load_config(source, cli_rules)
    named = read_layers(source).with_rules(cli_rules)
    set_by: dict[str, list[str]] = {}
    for name, layer in named:
        for key in (layer.get("regler") or {}) if isinstance(layer.get("regler"), dict) else {}:
            rule = find(str(key))
            if rule is not None and name not in set_by.setdefault(rule.code, []):
                set_by[rule.code].append(name)
    active = {a.rule.code: a for a in active_rules(config)}
    rules = []
    for code, rule in RULES.items():
        running = active.get(code)
        rules.append(
            RuleInForce(
                code,
                rule.name,
                running is not None,
                running.severity.value if running else None,
                running.options.model_dump(mode="json") if running else {},
                set_by.get(code, []),
            )
        )
    values = config.model_dump(mode="json", exclude={"regler"}, exclude_none=True)
    return Settings(config.kommun.namn, [name for name, _ in named], values, rules)
