"""`styr server`: keep a repository's model resident, so that `styr validera` answers at once."""

from __future__ import annotations

from pathlib import Path

import typer

from styrmodell.cli.common import QUIET_HELP, find_root, is_quiet, set_quiet

_PATH = typer.Argument(
    Path("."),
    metavar="KATALOG",
    show_default=False,
    help="Styrmodellsrepot, eller en katalog i det (standard: den aktuella).",
)
_QUIET = typer.Option(False, "--tyst", "--quiet", "-q", help=QUIET_HELP)


def server(quiet: bool = _QUIET) -> None:
    """Håll modellen av ett repo i minnet, så att `styr validera` svarar direkt.

    En server läser bara om de filer som har ändrats och bygger bara om deras del av modellen;
    svaren är desamma som utan server. `styr validera` använder en server som körs för repot av
    sig själv (`--ingen-server` låter bli). Servern stannar efter 8 timmar utan frågor.
    """
    set_quiet(quiet)


def start(
    path: Path = _PATH,
    idle: float = typer.Option(
        8.0, "--timmar", "--hours", metavar="TIMMAR", help="Stanna efter så många timmar utan frågor (0: aldrig)."
    ),
    quiet: bool = _QUIET,
) -> None:
    """Starta en server för repot (om ingen körs) och vänta tills den har läst repot."""
    from styrmodell.server import client

    set_quiet(quiet)
    root = find_root(path)
    status = client.start(root, max(idle, 0.0) * 3600)
    if not is_quiet():
        typer.echo(_described(status))


def stopp(path: Path = _PATH, quiet: bool = _QUIET) -> None:
    """Stoppa repots server."""
    from styrmodell.server import client

    set_quiet(quiet)
    root = find_root(path)
    stopped = client.stop(root)
    if not is_quiet():
        typer.echo("Servern har stoppats." if stopped else "Ingen server körs för repot.")


def status(path: Path = _PATH, quiet: bool = _QUIET) -> None:
    """Visa om en server körs för repot. Slutkod 0: den körs; 1: ingen körs."""
    from styrmodell.server import client

    set_quiet(quiet)
    answer = client.status(find_root(path))
    if not is_quiet():
        typer.echo(_described(answer) if answer else "Ingen server körs för repot.")
    raise typer.Exit(0 if answer else 1)


def _described(status: dict) -> str:
    from styrmodell.svenska.numbers import counted

    files = counted(int(status.get("filer") or 0), "fil", "filer")
    runs = counted(int(status.get("körningar") or 0), "validering", "valideringar")
    return (
        f"Servern ({status.get('slag') or 'styr server'}) körs för {status.get('rot')} "
        f"(process {status.get('pid')}, sedan {status.get('start')}): "
        f"{files} i modellen, {runs}."
    )
