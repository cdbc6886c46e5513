"""The `styr` application: every command with its Swedish name and its English aliases, in one list.

Commands and flags have Swedish names; the English names (and every spelling an earlier version
used) are aliases, so scripts and CI files written for either keep working. Each command's module
imports its heavy parts inside the command, so that start-up (a pre-commit hook runs `styr` on
every commit) stays short.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import typer

from styrmodell import __version__
from styrmodell.cli import (
    comment,
    compass,
    deadlines,
    diff,
    init,
    log,
    report,
    rules,
    schema,
    settings,
    validate,
    wheel,
)
from styrmodell.cli.common import QUIET_HELP, set_quiet
from styrmodell.cli.swedish import Command, Group, install


@dataclass(frozen=True)
class Entry:
    function: Callable[..., None]
    aliases: tuple[str, ...] = ()


COMMANDS: dict[str, Entry] = {
    "validera": Entry(validate.validera, ("validate",)),
    "diff": Entry(diff.diff),
    "logg": Entry(log.logg, ("log",)),
    "init": Entry(init.init),
    "arshjul": Entry(wheel.arshjul, ("årshjul", "wheel")),
    "kompass": Entry(compass.kompass, ("compass",)),
    "rapport": Entry(report.rapport, ("report",)),
    "frister": Entry(deadlines.frister, ("deadlines",)),
    "regler": Entry(rules.regler, ("rules",)),
    "installningar": Entry(settings.installningar, ("inställningar", "config")),
    "schema": Entry(schema.schema),
    "kommentera": Entry(comment.kommentera, ("comment",)),
}

ALIASES = {alias: name for name, entry in COMMANDS.items() for alias in entry.aliases}


class StyrGroup(Group):
    aliases = ALIASES


def _version(value: bool) -> None:
    if value:
        typer.echo(f"styr {__version__}")
        raise typer.Exit()


def _root(
    version: bool = typer.Option(
        False, "--version", "-V", callback=_version, is_eager=True, help="Visa versionen och avsluta."
    ),
    quiet: bool = typer.Option(False, "--tyst", "--quiet", "-q", help=QUIET_HELP),
) -> None:
    """Styrmodell som kod: kontrollera, rapportera och granska en kommuns styrmodell i git.

    Kommandona har svenska namn; de engelska inom parentes fungerar också.
    """
    set_quiet(quiet)


def build() -> typer.Typer:
    install()
    application = typer.Typer(
        name="styr",
        cls=StyrGroup,
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    application.callback()(_root)
    for name, entry in COMMANDS.items():
        application.command(name, cls=Command)(entry.function)
    return application


app = build()
