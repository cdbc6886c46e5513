"""The `styr` application: every command with its Swedish name and its English aliases, in one list.

Commands and flags have Swedish names; the English names (and every spelling an earlier version
used) are aliases, so scripts and CI files written for either keep working. A pre-commit hook runs
`styr` on every commit, so start-up must stay short: a command's module is imported, and its Typer
command built, only when that command runs (or when the help lists them all), and each module
imports its heavy parts inside the command.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import typer
import typer.main

from styrmodell import __version__
from styrmodell.cli.common import QUIET_HELP, set_quiet
from styrmodell.cli.swedish import Command, Group, install


@dataclass(frozen=True)
class Entry:
    """A command, as `module:function` in styrmodell.cli; with `commands`, a group of commands whose
    `function` takes the group's own flags."""

    target: str
    aliases: tuple[str, ...] = ()
    commands: dict[str, Entry] | None = None

    @property
    def function(self) -> Callable[..., None]:
        module, _, name = self.target.partition(":")
        return getattr(importlib.import_module(f"styrmodell.cli.{module}"), name)


COMMANDS: dict[str, Entry] = {
    "validera": Entry("validate:validera", ("validate",)),
    "diff": Entry("diff:diff"),
    "logg": Entry("log:logg", ("log",)),
    "init": Entry("init:init"),
    "arshjul": Entry("wheel:arshjul", ("årshjul", "wheel")),
    "kompass": Entry("compass:kompass", ("compass",)),
    "rapport": Entry("report:rapport", ("report",)),
    "publicera": Entry("publish:publicera", ("publish",)),
    "frister": Entry("deadlines:frister", ("deadlines",)),
    "regler": Entry("rules:regler", ("rules",)),
    "installningar": Entry("settings:installningar", ("inställningar", "config")),
    "schema": Entry("schema:schema"),
    "kommentera": Entry("comment:kommentera", ("comment",)),
    "lsp": Entry("lsp:lsp"),
    "server": Entry(
        "server:server",
        (),
        {
            "start": Entry("server:start"),
            "stopp": Entry("server:stopp", ("stop",)),
            "status": Entry("server:status"),
        },
    ),
    "nytt-ar": Entry("newyear:nytt_ar", ("nytt-år", "new-year")),
    "importera": Entry(
        "importing:importera",
        ("import",),
        {
            "utfall": Entry("importing:utfall", ("outcomes",)),
            "kolada": Entry("importing:kolada"),
        },
    ),
}

ALIASES = {alias: name for name, entry in COMMANDS.items() for alias in entry.aliases}


class StyrGroup(Group):
    """The application: its commands are built from COMMANDS when they are first asked for."""

    aliases = ALIASES

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def known_names(self) -> list[str]:
        return [*COMMANDS, *self.aliases]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        name = self.aliases.get(cmd_name, cmd_name)
        if name not in self.commands and name in COMMANDS:
            self.commands[name] = _click_command(name, COMMANDS[name])
        return super().get_command(ctx, name)


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
    """The application, with no command built yet (`StyrGroup.get_command` builds them)."""
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
    return application


def _click_command(name: str, entry: Entry) -> Any:
    """One command (or group of commands) of the application, built as Typer would build it there."""
    holder = typer.Typer(pretty_exceptions_enable=False, rich_markup_mode=None)
    if entry.commands is None:
        holder.command(name, cls=Command)(entry.function)
        return typer.main.get_command_from_info(
            holder.registered_commands[0],
            pretty_exceptions_short=app.pretty_exceptions_short,
            rich_markup_mode=app.rich_markup_mode,
        )
    holder.add_typer(_group(name, entry), name=name)
    return typer.main.get_group_from_info(
        holder.registered_groups[0],
        pretty_exceptions_short=app.pretty_exceptions_short,
        rich_markup_mode=app.rich_markup_mode,
        suggest_commands=app.suggest_commands,
    )


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
