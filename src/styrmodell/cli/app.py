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
    importing,
    init,
    log,
    lsp,
    newyear,
    publish,
    report,
    rules,
    schema,
    server,
    settings,
    validate,
    wheel,
)
from styrmodell.cli.common import QUIET_HELP, set_quiet
from styrmodell.cli.swedish import Command, Group, install


@dataclass(frozen=True)
class Entry:
    """A command; with `commands`, a group of commands whose `function` takes the group's own flags."""

    function: Callable[..., None]
    aliases: tuple[str, ...] = ()
    commands: dict[str, Entry] | None = None


COMMANDS: dict[str, Entry] = {
    "validera": Entry(validate.validera, ("validate",)),
    "diff": Entry(diff.diff),
    "logg": Entry(log.logg, ("log",)),
    "init": Entry(init.init),
    "arshjul": Entry(wheel.arshjul, ("årshjul", "wheel")),
    "kompass": Entry(compass.kompass, ("compass",)),
    "rapport": Entry(report.rapport, ("report",)),
    "publicera": Entry(publish.publicera, ("publish",)),
    "frister": Entry(deadlines.frister, ("deadlines",)),
    "regler": Entry(rules.regler, ("rules",)),
    "installningar": Entry(settings.installningar, ("inställningar", "config")),
    "schema": Entry(schema.schema),
    "kommentera": Entry(comment.kommentera, ("comment",)),
    "lsp": Entry(lsp.lsp),
    "server": Entry(
        server.server,
        (),
        {
            "start": Entry(server.start),
            "stopp": Entry(server.stopp, ("stop",)),
            "status": Entry(server.status),
        },
    ),
    "nytt-ar": Entry(newyear.nytt_ar, ("nytt-år", "new-year")),
    "importera": Entry(
        importing.importera,
        ("import",),
        {
            "utfall": Entry(importing.utfall, ("outcomes",)),
            "kolada": Entry(importing.kolada),
        },
    ),
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
        if entry.commands is None:
            application.command(name, cls=Command)(entry.function)
        else:
            application.add_typer(_group(name, entry), name=name)
    return application


def _group(name: str, entry: Entry) -> typer.Typer:
    """A command with sub-commands (`styr importera utfall`), each reachable by its aliases too."""
    assert entry.commands is not None
    aliases = {alias: sub for sub, e in entry.commands.items() for alias in e.aliases}
    group = typer.Typer(
        name=name,
        cls=type(f"{name.capitalize()}Group", (Group,), {"aliases": aliases}),
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    group.callback()(entry.function)
    for sub, e in entry.commands.items():
        group.command(sub, cls=Command)(e.function)
    return group


app = build()
