"""The `styr` program: runs the application and turns every way it can end into an exit code and a
Swedish message — never a traceback."""

from __future__ import annotations

import os
import sys

import typer

from styrmodell.errors import FatalError
from styrmodell.svenska.text import terminal

COMPLETION_HELP = {
    "install_completion": "Installera komplettering av kommandon och flaggor för skalet du använder.",
    "show_completion": "Visa kompletteringsskriptet för skalet, för att kopiera eller anpassa det.",
}


def _command():
    from styrmodell.cli import coercion
    from styrmodell.cli.app import app

    command = typer.main.get_command(app)
    for param in command.params:
        if param.name in COMPLETION_HELP:
            param.help = COMPLETION_HELP[param.name]  # type: ignore[attr-defined]
    coercion.install(command.params)  # the completion flags, which Typer adds to the built application
    return command


def main() -> None:
    """The `styr` program's entry point."""
    _exit(invoke(sys.argv[1:]))


def invoke(argv: list[str]) -> int:
    """Run `styr` with `argv`; the exit code, after every message is written."""
    # The model is hundreds of thousands of small objects that live until the process ends; the
    # cyclic collector would only rescan them again and again (a cost that grows faster than the
    # repository), and a command-line run frees everything at exit anyway.
    import gc

    gc.disable()
    from typer._click import exceptions as click_errors

    from styrmodell.cli.common import is_incomplete, reset

    reset()
    command = _command()
    try:
        # Typer returns a command's exit code, rather than raising, when it does not exit itself
        code = command.main(args=argv, prog_name="styr", standalone_mode=False)
    except click_errors.NoArgsIsHelpError as exc:
        typer.echo(exc.ctx.get_help() if exc.ctx else "")
        return 0
    except click_errors.UsageError as exc:
        from styrmodell.cli.swedish import Group, usage_error

        group = exc.ctx.command if exc.ctx is not None and isinstance(exc.ctx.command, Group) else command
        if exc.ctx is not None:
            help_option = exc.ctx.command.get_help_option(exc.ctx)
            hint = f"\nSe '{exc.ctx.command_path} {help_option.opts[0]}' för hjälp." if help_option else ""
            typer.echo(exc.ctx.get_usage() + hint, err=True)
        typer.echo(terminal(f"styr: {usage_error(exc, group)}"), err=True)
        return 2
    except click_errors.ClickException as exc:
        typer.echo(terminal(f"styr: {exc.format_message()}"), err=True)
        return exc.exit_code
    except typer.Exit as exc:
        return exc.exit_code or (1 if is_incomplete() else 0)
    except typer.Abort:
        typer.echo("styr: avbrutet", err=True)
        return 1
    except FatalError as exc:
        typer.echo(terminal(f"styr: {exc}"), err=True)
        return exc.exit_code
    except KeyboardInterrupt:
        typer.echo("styr: avbrutet", err=True)
        return 130
    except BrokenPipeError:
        return 1
    except SystemExit as exc:  # Typer ends a shell-completion request so: it too ends through `_exit`
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        typer.echo(terminal(str(exc.code)), err=True)  # as the interpreter would
        return 1
    except Exception as exc:
        if os.environ.get("STYR_DEBUG"):
            raise
        typer.echo(
            terminal(
                f"styr: internt fel ({type(exc).__name__}: {exc}). Kör med STYR_DEBUG=1 för detaljer "
                "och rapportera gärna felet."
            ),
            err=True,
        )
        return 3
    code = code if isinstance(code, int) else 0
    return code or (1 if is_incomplete() else 0)


def _exit(code: int) -> None:
    """Flush what was written and end the process, without freeing the model object by object."""
    import contextlib

    for stream in (sys.stdout, sys.stderr):
        # ValueError: the stream is closed (the language server closes stdout when it ends)
        with contextlib.suppress(BrokenPipeError, OSError, ValueError):
            stream.flush()
    os._exit(code)
