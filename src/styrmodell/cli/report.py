"""`styr rapport`: the reports, rendered from the repository, byte for byte the same each time."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from styrmodell.cli.common import (
    NO_CACHE_HELP,
    QUIET_HELP,
    find_root,
    is_quiet,
    load_model,
    say,
    set_quiet,
    stderr_console,
    warn,
)
from styrmodell.errors import FatalError


class Format(str, Enum):
    md = "md"
    html = "html"
    docx = "docx"
    pdf = "pdf"


def rapport(
    typ: str = typer.Argument(
        ...,
        metavar="TYP",
        help="verksamhetsplan, uppdragsplan, delarsrapport, tertialrapport, bokslutsprognos, manadsrapport, "
        "arsredovisning, uppdragsuppfoljning, delegationsordning, internkontrollplan, styrdokument, "
        "kommunkompassen",
    ),
    path: Path = typer.Argument(
        Path("."), metavar="KATALOG", show_default=False, help="Styrmodellsrepot, eller en katalog i det."
    ),
    period: Optional[str] = typer.Option(
        None,
        "--period",
        metavar="PERIOD",
        help="ÅÅÅÅ-MM-DD (periodens sista dag), ÅÅÅÅ-MM, ÅÅÅÅ, ÅÅÅÅ-T1 eller ÅÅÅÅ-T2; standard: rapportens "
        "senaste period.",
    ),
    organ: Optional[str] = typer.Option(
        None,
        "--organ",
        metavar="ORGAN",
        help="Ett organs, en förvaltnings eller en enhets id, eller all för hela kommunen och var och en som "
        "har en egen rapport.",
    ),
    format: Format = typer.Option(Format.md, "--format", "-f", metavar="FORMAT", help="md, html, docx eller pdf."),
    output: Optional[Path] = typer.Option(
        None,
        "--ut",
        "--output",
        "-o",
        metavar="FIL",
        help="Fil att skriva (en katalog med --organ all); md och html skrivs annars till standard ut.",
    ),
    strict: bool = typer.Option(False, "--strikt", "--strict", help="Slutkod 1 om någon uppgift saknas i rapporten."),
    jobs: Optional[int] = typer.Option(
        None,
        "--jobb",
        "--jobs",
        "-j",
        metavar="ANTAL",
        help="Hur många dokument som görs samtidigt med --organ all (standard: ett per kärna när det finns så "
        "mycket att göra att det lönar sig; 1 gör dem ett i taget).",
        show_default=False,
    ),
    no_cache: bool = typer.Option(False, "--ingen-cache", "--no-cache", help=NO_CACHE_HELP),
    quiet: bool = typer.Option(False, "--tyst", "--quiet", "-q", help=QUIET_HELP),
) -> None:
    """Skriv en rapport ur repot: verksamhetsplan, delårsrapport, årsredovisning med flera, som
    Markdown, HTML, Word eller PDF. Samma indata ger byte för byte samma utdata."""
    import contextlib
    import tempfile

    from styrmodell.fileio import atomic_write_all, atomic_write_bytes
    from styrmodell.reports.batch import Documents
    from styrmodell.reports.build import EXTENSIONS, Document, check_period, file_names, organs_for, report_type
    from styrmodell.reports.pdf import one_browser
    from styrmodell.reports.period import parse_period
    from styrmodell.svenska.text import terminal

    set_quiet(quiet)
    if jobs is not None and jobs < 1:
        raise FatalError(f"--jobb {jobs}: ange hur många dokument som görs samtidigt, minst 1")
    kind = report_type(typ)
    root = find_root(path)
    repo = load_model(root, use_cache=not no_cache)
    chosen = parse_period(period) if period else kind.default_period(repo.config.today())
    check_period(kind, chosen)
    selection = organs_for(repo, kind, organ, chosen)
    organs = selection.organs
    binary = format.value in ("docx", "pdf")
    if output is None and (binary or len(organs) > 1):
        raise FatalError(
            f"--format {format.value}{' med --organ all' if len(organs) > 1 else ''} skrivs till filer: ange --ut"
        )
    documents: list[Document] = []
    with contextlib.ExitStack() as run:
        workdir = Path(run.enter_context(tempfile.TemporaryDirectory(prefix="styr-rapport-")))
        if format.value == "pdf":
            run.enter_context(one_browser())  # one Chromium prints every document of the run
        made = run.enter_context(Documents(repo, root, kind, chosen, organs, format.value, workdir, jobs))
        if len(organs) > 1 and not is_quiet():
            from rich.progress import Progress

            with Progress(transient=True, console=stderr_console()) as progress:
                task = progress.add_task(f"{kind.title} {chosen.label}", total=len(organs))
                for document in made:
                    documents.append(document)
                    progress.advance(task)
        else:
            documents.extend(made)
    if selection.skipped:
        skipped = ", ".join(repo.organ_by_id[o].namn for o in selection.skipped)
        say(f"Hoppar över {skipped}: inget eget underlag för {kind.title.split(' –')[0].lower()}.")
    for document in documents:
        for what in document.missing:
            warn(f"varning: {document.scope}: uppgift saknas: {what}")
    if output is None:
        sys.stdout.write(terminal(documents[0].content.decode("utf-8")))
    elif len(documents) == 1:
        atomic_write_bytes(output, documents[0].content)
        say(f"Skrev {output}")
    else:
        names = file_names([d.name for d in documents])
        for document, name in zip(documents, names, strict=True):
            if name != document.name:
                say(
                    f"{document.scope} skrivs som {name}.{EXTENSIONS[format.value]} (namnet {document.name} är upptaget)"
                )
        if output.exists() and not output.is_dir():
            raise FatalError(f"{output}: finns och är ingen katalog; med --organ all är --ut en katalog")
        atomic_write_all(
            {output / f"{name}.{EXTENSIONS[format.value]}": d.content for d, name in zip(documents, names, strict=True)}
        )
        say(f"Skrev {len(documents)} filer i {output}")
    missing = sum(len(d.missing) for d in documents)
    if missing:
        warn(f"{missing} {'uppgift' if missing == 1 else 'uppgifter'} saknas i rapporten.")
    raise typer.Exit(1 if strict and missing else 0)
