"""`styr regler`: the rules, what each rests on, and each rule's documentation."""

from __future__ import annotations

import json
from enum import Enum
from typing import Optional

import typer

from styrmodell.cli.common import QUIET_HELP, set_quiet
from styrmodell.errors import FatalError


class Format(str, Enum):
    text = "text"
    json = "json"


def regler(
    code: Optional[str] = typer.Argument(None, metavar="KOD", help="En regels kod (SM401) eller namn (mål-per-nämnd)."),
    format: Format = typer.Option(
        Format.text, "--format", "-f", metavar="FORMAT", help="text eller json (kod, namn, grund, referens)."
    ),
    quiet: bool = typer.Option(False, "--tyst", "--quiet", "-q", help=QUIET_HELP),
) -> None:
    """Lista reglerna med vad var och en bygger på (lagrum och hur säker läsningen är), eller visa en regels
    dokumentation."""
    from styrmodell.rules import RULES, find
    from styrmodell.svenska.suggest import did_you_mean

    set_quiet(quiet)
    if code is None:
        rules = list(RULES.values())
    else:
        rule = find(code)
        if rule is None:
            known = list(RULES) + [r.name for r in RULES.values()]
            raise FatalError(f"okänd regel '{code}'{did_you_mean(code, known)} (se `styr regler`)")
        rules = [rule]
    if format == Format.json:
        payload = [_as_dict(rule, with_doc=code is not None) for rule in rules]
        typer.echo(json.dumps(payload[0] if code is not None else payload, ensure_ascii=False, indent=2))
        return
    if code is None:
        for listed in rules:
            typer.echo(f"{listed.code}  {listed.name:<38} {listed.severity.value:<8} {listed.summary}")
            typer.echo(f"{'':7}grund: {listed.grounds}")
        return
    rule = rules[0]
    typer.echo(f"{rule.code} {rule.name} (standard: {rule.severity.value})")
    if rule.basis is not None:
        typer.echo(f"Grund: {rule.reference} – {rule.basis.description}")
    typer.echo("")
    typer.echo(rule.doc.strip())
    defaults = rule.options().model_dump()
    if defaults:
        typer.echo("\nStandardvärden: " + ", ".join(f"{k}={v!r}" for k, v in defaults.items()))


def _as_dict(rule, with_doc: bool) -> dict:
    out = {
        "kod": rule.code,
        "namn": rule.name,
        "allvarlighet": rule.severity.value,
        "sammanfattning": rule.summary,
        "referens": rule.reference,
        "grund": rule.basis.value if rule.basis else None,
        "lag": bool(rule.basis and rule.basis.legal),
    }
    if with_doc:
        out["dokumentation"] = rule.doc.strip()
        out["standardvärden"] = rule.options().model_dump()
    return out
