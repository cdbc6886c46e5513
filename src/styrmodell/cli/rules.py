"""`styr regler`: the rules, and each rule's documentation."""

from __future__ import annotations

from typing import Optional

import typer

from styrmodell.errors import FatalError


def regler(
    code: Optional[str] = typer.Argument(None, metavar="KOD", help="En regels kod (SM401) eller namn (mål-per-nämnd)."),
) -> None:
    """Lista reglerna, eller visa en regels dokumentation."""
    from styrmodell.rules import RULES, find
    from styrmodell.svenska.suggest import did_you_mean

    if code is None:
        for listed in RULES.values():
            typer.echo(f"{listed.code}  {listed.name:<38} {listed.severity.value:<8} {listed.summary}")
        return
    rule = find(code)
    if rule is None:
        known = list(RULES) + [r.name for r in RULES.values()]
        raise FatalError(f"okänd regel '{code}'{did_you_mean(code, known)} (se `styr regler`)")
    typer.echo(f"{rule.code} {rule.name} (standard: {rule.severity.value})\n")
    typer.echo(rule.doc.strip())
    defaults = rule.options().model_dump()
    if defaults:
        typer.echo("\nStandardvärden: " + ", ".join(f"{k}={v!r}" for k, v in defaults.items()))
