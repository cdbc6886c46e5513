"""`styr init`: a new governance repository, complete and validating clean."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from styrmodell.cli.common import QUIET_HELP, echo, is_quiet, set_quiet


def init(
    katalog: Path = typer.Argument(
        Path("."), metavar="KATALOG", show_default=False, help="Katalogen för det nya repot (skapas om den inte finns)."
    ),
    kommun: str = typer.Option(
        ...,
        "--kommun",
        "--municipality",
        metavar="KOMMUN",
        help="Kommunens namn eller kommunkod, t.ex. Grästorp eller 1444.",
    ),
    installation: Optional[str] = typer.Option(
        None,
        "--installation",
        "--install",
        metavar="PIP-SPEC",
        help="Vad CI-filerna installerar med pip: en git-URL med tagg eller commit "
        "(git+https://…/styrmodell.git@v0.2.0). Standard: samma källa som det här styr installerades från.",
    ),
    git: bool = typer.Option(
        True,
        "--git/--utan-git",
        show_default=False,
        help="Gör katalogen till ett git-repo om den inte är det (--no-git fungerar också).",
    ),
    no_git: bool = typer.Option(False, "--no-git", hidden=True),
    quiet: bool = typer.Option(False, "--tyst", "--quiet", "-q", help=QUIET_HELP),
) -> None:
    """Skapa ett nytt styrmodellsrepo: konfiguration, ett skelett av varje filtyp med svenska
    kommentarer, en README för kommunen, pre-commit och CI för GitHub Actions och GitLab CI."""
    from styrmodell.scaffold.create import init as create

    set_quiet(quiet)
    files = create(katalog, kommun, installation=installation, git=git and not no_git)
    if is_quiet():
        return
    echo(f"Skapade {len(files)} filer i {katalog}:")
    for relpath in files:
        echo(f"  {relpath}")
    echo(f"Nästa steg: redigera filerna och kör `styr validera {katalog}`.")
