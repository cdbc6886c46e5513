"""`styr publicera`: the whole model as a static, accessible website with open data."""

from __future__ import annotations

from pathlib import Path

import typer

from styrmodell.cli.common import NO_CACHE_HELP, QUIET_HELP, find_root, load_model, say, set_quiet, warn


def publicera(
    path: Path = typer.Argument(
        Path("."), metavar="KATALOG", show_default=False, help="Styrmodellsrepot, eller en katalog i det."
    ),
    output: Path = typer.Option(
        ...,
        "--ut",
        "--output",
        "-o",
        metavar="KATALOG",
        help="Katalogen som webbplatsen skrivs till: ny, tom eller en webbplats som styr publicera skrev.",
    ),
    pdf: bool = typer.Option(
        True,
        "--pdf/--utan-pdf",
        show_default=False,
        help="Rapporterna också som PDF, med Chromium eller LibreOffice (--no-pdf fungerar också).",
    ),
    no_pdf: bool = typer.Option(False, "--no-pdf", hidden=True),
    history: bool = typer.Option(
        True,
        "--historik/--utan-historik",
        show_default=False,
        help="Varje måls historia ur git på målets sida; utan den går det fortare (--no-history fungerar också).",
    ),
    no_history: bool = typer.Option(False, "--no-history", hidden=True),
    no_cache: bool = typer.Option(False, "--ingen-cache", "--no-cache", help=NO_CACHE_HELP),
    quiet: bool = typer.Option(False, "--tyst", "--quiet", "-q", help=QUIET_HELP),
) -> None:
    """Bygg en statisk, tillgänglig webbplats av hela styrmodellen, med rapporterna och öppna data
    (CSV, JSON och datapackage.json). Samma repo ger byte för byte samma webbplats."""
    from styrmodell.errors import FatalError
    from styrmodell.publish.output import write_site
    from styrmodell.publish.site import build_site
    from styrmodell.reports.pdf import one_browser

    set_quiet(quiet)
    pdf, history = pdf and not no_pdf, history and not no_history
    root = find_root(path)
    repo = load_model(root, use_cache=not no_cache)
    histories = None
    if history:
        from styrmodell.review.log import object_logs

        try:
            histories = object_logs(root, {g.id for g in repo.goals} | {i.id for i in repo.indicators})
        except FatalError as error:
            if "git-repo" not in str(error):
                raise
            say("Repot är inte ett git-repo: målens sidor visas utan historik.")
    with one_browser():  # one Chromium prints every PDF of the site
        built = build_site(repo, root, histories, pdf=pdf)
    written = write_site(output, built.files)
    pages = sum(1 for name in built.files if name.endswith(".html"))
    say(
        f"Skrev webbplatsen i {output}: {pages} sidor, {len(built.files)} filer "
        f"({written.changed} ändrade, {written.unchanged} oförändrade, {written.removed} borttagna)."
    )
    for note in built.notes:
        say(note)
    for text in built.warnings:
        warn(f"varning: {text}")
    if built.missing:
        for text in built.missing:
            warn(f"publicering: saknas på webbplatsen: {text}")
        if repo.config.publicering.kommunens_webbplats:
            warn(
                "styr: webbplatsen är kommunens publicering (publicering.kommunens_webbplats) men saknar "
                f"{len(built.missing)} dokument som kommunallagen kräver; lägg till dem under publicering.dokument"
            )
            raise typer.Exit(1)
