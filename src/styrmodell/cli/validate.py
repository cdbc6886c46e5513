"""`styr validera`: every rule over the whole repository, each finding with its place."""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from styrmodell.cli.common import QUIET_HELP, find_root, is_quiet, set_quiet, shown_from_cwd
from styrmodell.errors import FatalError

if TYPE_CHECKING:
    from styrmodell.load.sources import FileSource


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    gitlab = "gitlab"
    junit = "junit"


def parse_rule_flags(flags: list[str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for flag in flags:
        code, sep, value = flag.partition("=")
        if not sep or not code.strip() or not value.strip():
            raise FatalError(f"--regel '{flag}': skriv KOD=fel|varning|info|av, t.ex. --regel SM501=av")
        value = value.strip().lower()
        out[code.strip()] = {"aktiv": False} if value in ("av", "off") else {"allvarlighet": value}
    return out


def validera(
    path: Path = typer.Argument(
        Path("."),
        metavar="KATALOG",
        show_default=False,
        help="Styrmodellsrepot, eller en katalog i det (standard: den aktuella).",
    ),
    format: Optional[Format] = typer.Option(
        None,
        "--format",
        "-f",
        metavar="FORMAT",
        help="text, json, github (väljs automatiskt i GitHub Actions), sarif (GitHub code scanning), "
        "gitlab (GitLab Code Quality) eller junit (JUnit XML).",
    ),
    output: Optional[Path] = typer.Option(
        None,
        "--ut",
        "--output",
        "-o",
        metavar="FIL",
        help="Skriv fynden till FIL i stället för till terminalen (slutkoden är densamma).",
    ),
    strict: bool = typer.Option(False, "--strikt", "--strict", help="Avsluta med kod 1 även för varningar."),
    regel: list[str] = typer.Option(
        [],
        "--regel",
        "--rule",
        metavar="KOD=NIVÅ",
        help="Ändra en regel för den här körningen: KOD=fel|varning|info|av (kan upprepas).",
    ),
    rev: Optional[str] = typer.Option(
        None,
        "--rev",
        metavar="REVISION",
        help="Kontrollera en incheckad git-revision (t.ex. HEAD~1, main) utan att checka ut den.",
    ),
    no_cache: bool = typer.Option(
        False, "--ingen-cache", "--no-cache", help="Läs och kontrollera allt på nytt, utan cache."
    ),
    use_server: bool = typer.Option(
        False, "--server", help="Starta en server för repot om ingen körs, och fråga den (se `styr server`)."
    ),
    no_server: bool = typer.Option(
        False, "--ingen-server", "--no-server", help="Fråga inte en server som körs för repot; validera här."
    ),
    quiet: bool = typer.Option(False, "--tyst", "--quiet", "-q", help=QUIET_HELP),
) -> None:
    """Kontrollera repot: läs alla filer, bygg modellen, kör alla regler och rapportera varje fynd.

    När en server körs för repot (`styr server start`) svarar den, med samma fynd men utan att
    läsa och bygga om det som inte har ändrats.

    Slutkod 0: inga fel. 1: fel (eller varningar med --strikt). 2: oanvändbar indata.
    """
    from styrmodell.validation.pipeline import validate
    from styrmodell.validation.reporters import report

    set_quiet(quiet)
    root = find_root(path)
    chosen = format.value if format else ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    source: FileSource | Path = root
    if rev is not None:
        from styrmodell.load.gitsource import revision

        source = revision(root, rev)
    if use_server and (no_server or no_cache or rev is not None):
        raise FatalError("--server går inte ihop med --ingen-server, --ingen-cache eller --rev")
    flags = parse_rule_flags(regel)
    result = None
    if rev is None and not no_cache and not no_server:
        from styrmodell.server import client

        if use_server:
            client.start(root)
        result = client.validate(root, flags)
    if result is None:
        cache = None
        if not no_cache:
            from styrmodell.load.cache import Cache

            cache = Cache()
        result = validate(source, flags, cache)
    result.findings = shown_from_cwd(result.findings, root)
    if output is None:
        report(result, chosen, quiet=is_quiet())
    else:
        import io

        from styrmodell.cli.common import emit

        buffer = io.StringIO()
        report(result, chosen, buffer, quiet=is_quiet())
        emit(buffer.getvalue(), output)
    raise typer.Exit(result.exit_code(strict))
