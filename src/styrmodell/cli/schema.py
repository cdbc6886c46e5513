"""`styr schema`: the format's JSON Schema, for the editor."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from styrmodell.cli.common import QUIET_HELP, emit, set_quiet


class Kind(str, Enum):
    innehåll = "innehåll"
    konfiguration = "konfiguration"


def schema(
    kind: Kind = typer.Option(
        Kind.innehåll,
        "--typ",
        "--kind",
        metavar="TYP",
        help="innehåll (alla filer) eller konfiguration (styrmodell.yaml).",
    ),
    output: Optional[Path] = typer.Option(
        None, "--ut", "--output", "-o", metavar="FIL", help="Skriv till en fil i stället för standard ut."
    ),
    quiet: bool = typer.Option(False, "--tyst", "--quiet", "-q", help=QUIET_HELP),
) -> None:
    """Skriv formatets JSON Schema, för komplettering och felmarkering i VS Code (yaml-language-server)."""
    from styrmodell.model.schema import render

    set_quiet(quiet)
    emit(render(kind.value), output)
