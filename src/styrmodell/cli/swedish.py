"""The command line in Swedish: help, usage lines and usage errors, and command aliases.

Typer and its Click print their own words in English ("Usage:", "Show this message and exit.",
"No such option"). Every command here is built from `Command` and the application from `Group`,
which write those words in Swedish; `usage_error` words Click's usage errors for the user.
"""

from __future__ import annotations

import re
from typing import Any

import typer.core
from typer.core import TyperArgument, TyperCommand, TyperGroup

from styrmodell.cli import coercion
from styrmodell.svenska.suggest import did_you_mean, suggest

HELP_OPTIONS = ["--hjälp", "--help", "-h"]
USAGE = "Användning: "
OPTIONS_METAVAR = "[FLAGGOR]"

# The section headings and notes Typer writes through gettext.
_WORDS = {
    "Arguments": "Argument",
    "Options": "Flaggor",
    "Commands": "Kommandon",
    "required": "krävs",
    "default: {default}": "standard: {default}",
    "env var: {var}": "miljövariabel: {var}",
    "(dynamic)": "(beräknas)",
    "Aborted!": "Avbrutet.",
    "Missing command.": "Ange ett kommando.",
}


def translate(text: str) -> str:
    return _WORDS.get(text, text)


def install() -> None:
    """Let Typer write its headings and notes ("Options", "default: ...") in Swedish."""
    typer.core._ = translate  # type: ignore[assignment]  # Typer's gettext function (its argument is named `message`)


class _Swedish:
    """What a command and the group share: the usage line, the help flag and the argument listing."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix=USAGE)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [OPTIONS_METAVAR]
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            if isinstance(param, TyperArgument):
                name = param.metavar or str(param.name).upper()
                name = name if param.required else f"[{name}]"
                pieces.append(name + ("..." if param.nargs != 1 else ""))
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces

    def get_help_option_names(self, ctx: Any) -> list[str]:
        taken = {opt for param in self.params for opt in (*param.opts, *param.secondary_opts)}  # type: ignore[attr-defined]
        return [name for name in HELP_OPTIONS if name not in taken]

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = "Visa den här hjälpen och avsluta."
            coercion.install([option])
        return option

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if isinstance(param, TyperArgument):  # its name only: no Python type beside it
                arguments.append((param.metavar or str(param.name).upper(), record[1]))
            else:
                options.append(record)
        if arguments:
            with formatter.section("Argument"):
                formatter.write_dl(arguments)
        if options:
            with formatter.section("Flaggor"):
                formatter.write_dl(options)


class Command(_Swedish, TyperCommand):
    """A command whose help and usage line are in Swedish (and whose values need no Pydantic)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["context_settings"] = {"help_option_names": HELP_OPTIONS, **(kwargs.get("context_settings") or {})}
        super().__init__(*args, **kwargs)
        coercion.install(self.params)


class Group(_Swedish, TyperGroup):
    """The `styr` application: Swedish help, and each command reachable by its aliases too.

    A subclass sets `aliases`, a mapping from every alias to the command's own name.
    """

    aliases: dict[str, str] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["subcommand_metavar"] = "KOMMANDO [ARGUMENT]..."
        kwargs["context_settings"] = {"help_option_names": HELP_OPTIONS, **(kwargs.get("context_settings") or {})}
        kwargs["suggest_commands"] = False  # `usage_error` suggests, in Swedish
        super().__init__(*args, **kwargs)
        coercion.install(self.params)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        return super().get_command(ctx, self.aliases.get(cmd_name, cmd_name))

    def known_names(self) -> list[str]:
        return [*self.commands, *self.aliases]

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [*super().collect_usage_pieces(ctx), self.subcommand_metavar]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            others = [alias for alias, target in self.aliases.items() if target == name]
            label = f"{name} ({', '.join(others)})" if others else name
            rows.append((label, command.get_short_help_str(formatter.width - 6 - len(label))))
        if rows:
            with formatter.section("Kommandon"):
                formatter.write_dl(rows)


_BAD_VALUE = [
    (re.compile(r"^(.*) is not one of (.*)\.$"), r"\1 är inte ett av \2."),
    (re.compile(r"^(.*) is not a valid integer\.?$"), r"\1 är inte ett heltal."),
    (re.compile(r"^(.*) is not a valid float\.?$"), r"\1 är inte ett tal."),
    (re.compile(r"^(.*) is not a valid boolean\.?$"), r"\1 är inte ja eller nej."),
    (re.compile(r"^(?:File|Directory|Path) (.*) does not exist\.$"), r"\1 finns inte."),
    (re.compile(r"^(?:File|Directory|Path) (.*) is a file\.$"), r"\1 är en fil, inte en katalog."),
    (re.compile(r"^(?:File|Directory|Path) (.*) is a directory\.$"), r"\1 är en katalog, inte en fil."),
    (re.compile(r"^(.*) is not in the range (.*)\.$"), r"\1 ligger inte inom \2."),
    (re.compile(r"^Input should be a valid integer.*$"), "ska vara ett heltal."),
    (re.compile(r"^Input should be a valid (?:number|float).*$"), "ska vara ett tal."),
    (re.compile(r"^Input should be a valid boolean.*$"), "ska vara ja eller nej."),
    (re.compile(r"^Input should be greater than or equal to (.*)$"), r"ska vara minst \1"),
    (re.compile(r"^Input should be less than or equal to (.*)$"), r"ska vara högst \1"),
    (re.compile(r"^Input should be greater than (.*)$"), r"ska vara större än \1"),
    (re.compile(r"^Input should be less than (.*)$"), r"ska vara mindre än \1"),
    (re.compile(r"^Input should be (.*)$"), r"ska vara \1"),
]


def _bad_value(message: str) -> str:
    for pattern, swedish in _BAD_VALUE:
        if pattern.match(message):
            return pattern.sub(swedish, message)
    return message


def usage_error(error: Any, group: Group) -> str:
    """A Swedish sentence for one of Click's usage errors."""
    from typer._click import exceptions as click_errors

    if isinstance(error, click_errors.NoSuchOption):
        return f"okänd flagga {error.option_name}{did_you_mean(error.option_name, error.possibilities or [])}"
    if isinstance(error, click_errors.MissingParameter):
        param = error.param
        if param is not None and getattr(param, "param_type_name", "") == "option":
            return f"flaggan {' / '.join(param.opts)} saknas"
        name = (getattr(param, "metavar", None) or getattr(param, "name", "") or "").upper() if param else ""
        return f"argumentet {name} saknas".replace("  ", " ")
    if isinstance(error, click_errors.BadParameter):
        error.message = error.message.removeprefix("Value error, ")
        hint = error.param_hint if isinstance(error.param_hint, str) else None
        if hint is None and error.param is not None:
            hint = " / ".join(getattr(error.param, "opts", []) or [str(error.param.name).upper()])
        where = f" för {hint}" if hint else ""
        return f"ogiltigt värde{where}: {_bad_value(error.message)}"
    message = error.message
    match = re.match(r"^No such command '(.*)'\.?", message)
    if match:
        close = suggest(match.group(1), group.known_names())
        hint = f" – menade du '{group.aliases.get(close, close)}'?" if close else ""
        return f"okänt kommando '{match.group(1)}'{hint}"
    match = re.match(r"^Option '(.*)' requires an argument\.?$", message)
    if match:
        return f"flaggan {match.group(1)} kräver ett värde"
    match = re.match(r"^Option '(.*)' does not take a value\.?$", message)
    if match:
        return f"flaggan {match.group(1)} tar inget värde"
    match = re.match(r"^Got unexpected extra argument(?:s|\(s\))? \((.*)\)$", message)
    if match:
        return f"oväntat argument: {match.group(1)}"
    return translate(message)
