"""`styr kommentera`: the diff as one comment on the pull or merge request, updated on every push."""

from __future__ import annotations

from pathlib import Path

import typer

from styrmodell.cli.common import QUIET_HELP, say, set_quiet, warn
from styrmodell.errors import FatalError


def kommentera(
    fil: Path = typer.Argument(
        ..., metavar="FIL", help="Markdown att lägga som kommentar (från styr diff -f markdown)."
    ),
    quiet: bool = typer.Option(False, "--tyst", "--quiet", "-q", help=QUIET_HELP),
) -> None:
    """Lägg `styr diff --format markdown` som en kommentar på pull requesten (GitHub Actions) eller
    merge requesten (GitLab CI). Finns kommentaren redan uppdateras den, så en push ger ingen ny."""
    from styrmodell.review.comment import post, target_from_environment

    set_quiet(quiet)
    try:
        markdown = fil.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FatalError(f"{fil}: kan inte läsas ({getattr(exc, 'strerror', None) or exc})") from None
    target = target_from_environment()
    if target is None:
        warn("kommentera: ingen pull request eller merge request i den här CI-körningen; ingen kommentar")
        return
    done = post(target, markdown)
    say(f"{done.capitalize()} kommentaren på {'pull' if target.platform == 'github' else 'merge'} requesten.")
