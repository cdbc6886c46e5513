"""`styr installningar`: the settings in force after `extends:` and every layer, rule by rule."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from styrmodell.cli.common import QUIET_HELP, emit, find_root, set_quiet


class Format(str, Enum):
    yaml = "yaml"
    json = "json"


def installningar(
    path: Path = typer.Argument(
        Path("."), metavar="KATALOG", show_default=False, help="Styrmodellsrepot, eller en katalog i det."
    ),
    format: Format = typer.Option(Format.yaml, "--format", "-f", metavar="FORMAT", help="yaml eller json."),
    regel: list[str] = typer.Option(
        [],
        "--regel",
        "--rule",
        metavar="KOD=NIVÅ",
        help="Visa inställningarna med en regel ändrad, som `styr validera --regel` (kan upprepas).",
    ),
    output: Optional[Path] = typer.Option(
        None, "--ut", "--output", "-o", metavar="FIL", help="Skriv till en fil i stället för standard ut."
    ),
    quiet: bool = typer.Option(False, "--tyst", "--quiet", "-q", help=QUIET_HELP),
) -> None:
    """Visa inställningarna som gäller: verktygets standard, förinställningen i extends: och
    styrmodell.yaml lagda på varandra, med varje regels allvarlighet och inställningar och vilket
    lager som satte dem."""
    from styrmodell.cli.validate import parse_rule_flags
    from styrmodell.load.sources import WorkingTree
    from styrmodell.validation.settings import settings_in_force

    set_quiet(quiet)
    settings = settings_in_force(WorkingTree(find_root(path)), parse_rule_flags(regel) or None)
    if format == Format.json:
        payload = {
            "kommun": settings.kommun,
            "lager": settings.layers,
            "inställningar": settings.config,
            "regler": {
                r.code: {
                    "namn": r.name,
                    "aktiv": r.active,
                    "allvarlighet": r.severity,
                    "inställningar": r.options,
                    "satt_av": r.set_by,
                }
                for r in settings.rules
            },
        }
        emit(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", output)
        return
    emit(_yaml(settings), output)


def _yaml(settings) -> str:
    import yaml

    lines = [
        f"# Inställningarna som gäller för {settings.kommun}, lager för lager:",
        "# " + " → ".join(settings.layers),
        "",
    ]
    body = yaml.safe_dump(settings.config, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
    lines += body.rstrip("\n").splitlines()
    lines.append("regler:")
    for rule in settings.rules:
        note = f"  # {rule.name}" + (f"; satt av {', '.join(rule.set_by)}" if rule.set_by else "")
        if not rule.active:
            lines.append(f"  {rule.code}: av{note}")
            continue
        lines.append(f"  {rule.code}:{note}")
        lines.append(f"    allvarlighet: {rule.severity}")
        for key, value in rule.options.items():
            lines.append(f"    {key}: {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"
