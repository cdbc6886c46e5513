"""`styr rapport`: which documents to make, made whole in memory before anything is written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from styrmodell.errors import FatalError
from styrmodell.model.organisation import Administration, Unit
from styrmodell.model.repository import Repository
from styrmodell.reports.data import ReportData
from styrmodell.reports.engine import render
from styrmodell.reports.kinds import REPORTS, ReportType
from styrmodell.reports.period import ReportPeriod
from styrmodell.svenska.suggest import did_you_mean

EXTENSIONS = {"md": "md", "html": "html", "docx": "docx", "pdf": "pdf"}
WHOLE = "kommun"  # the file name of the whole municipality's report under --organ all


@dataclass
class Document:
    name: str  # the organ's id, or "kommun"
    scope: str  # whose report, in words
    content: bytes
    missing: list[str]
    pdf_from: str = ""  # "html" or "docx": `content` is still the PDF's source (`draft`), until `finish`
    date: dt.date | None = None  # the period's end: the PDF's dates


def file_names(names: list[str]) -> list[str]:
    """File names for the documents of `--organ all`, unique also where case does not count (macOS,
    Windows): the whole municipality keeps `kommun`; an organ whose id is taken gets `organ-ID`."""
    taken: set[str] = set()
    out = []
    for name in names:
        candidate, number = name, 2
        if candidate.casefold() in taken:
            candidate = f"organ-{name}"
        while candidate.casefold() in taken:
            candidate, number = f"organ-{name}-{number}", number + 1
        taken.add(candidate.casefold())
        out.append(candidate)
    return out


def report_type(name: str) -> ReportType:
    wanted = name.strip().lower().replace("å", "a").replace("ä", "a").replace("ö", "o")
    if wanted in REPORTS:
        return REPORTS[wanted]
    raise FatalError(f"okänd rapport '{name}'{did_you_mean(wanted, REPORTS)}; rapporterna är: {', '.join(REPORTS)}")


@dataclass
class Selection:
    organs: list[str | None]  # None is the whole municipality
    skipped: list[str]  # organs that `--organ all` leaves out: they have no report of this kind


def organs_for(repo: Repository, kind: ReportType, organ: str | None, period: ReportPeriod) -> Selection:
    """`all` is the municipality and then every organ that has a report of this kind of its own."""
    if organ is None:
        return Selection([None], [])
    if not kind.per_organ:
        if organ == "all":
            return Selection([None], [])
        raise FatalError(f"rapporten {kind.name} gäller hela kommunen; utelämna --organ")
    if organ == "all":
        chosen: list[str] = []
        skipped: list[str] = []
        for o in repo.organs:
            own = o.typ.value != "revision" and kind.has_own(ReportData(repo, period, o))
            (chosen if own else skipped).append(o.id)
        # administrations and units only where they have something of their own; never listed as skipped
        below_boards: list[Administration | Unit] = [*repo.administrations, *repo.units]
        for below in below_boards:
            if below.id not in repo.organ_by_id and kind.has_own(ReportData(repo, period, below)):
                chosen.append(below.id)
        return Selection([None] + chosen, skipped)
    if owner(repo, organ) is None:
        known = [*repo.organ_by_id, *repo.administration_by_id, *repo.unit_by_id]
        raise FatalError(
            f"--organ '{organ}' finns inte som organ, förvaltning eller enhet{did_you_mean(organ, known)} "
            "(eller skriv --organ all)"
        )
    return Selection([organ], [])


def owner(repo: Repository, ident: str):
    """The organ, administration or unit with this id."""
    return repo.organ_by_id.get(ident) or repo.administration_by_id.get(ident) or repo.unit_by_id.get(ident)


def check_period(kind: ReportType, period: ReportPeriod) -> None:
    """A report type that cannot cover the period (a forecast for a closed year) is refused, with why."""
    reason = kind.refuses(period)
    if reason:
        raise FatalError(f"--period {period.key}: {reason}")


def make(
    repo: Repository, root: Path, kind: ReportType, period: ReportPeriod, organ: str | None, fmt: str, workdir: Path
) -> Document:
    return finish(draft(repo, root, kind, period, organ, fmt), workdir)


def draft(
    repo: Repository, root: Path, kind: ReportType, period: ReportPeriod, organ: str | None, fmt: str
) -> Document:
    """The document, made from the model alone (so that many can be made side by side, `reports/batch.py`);
    a PDF is still its source here: the HTML for Chromium, or without Chromium the Word file for
    LibreOffice, printed by `finish`."""
    check_period(kind, period)
    data = ReportData(repo, period, owner(repo, organ) if organ else None)
    source = fmt
    if fmt == "pdf":
        from styrmodell.reports import pdf

        source = "html" if pdf.find_chromium() else "docx"
    rendered = render(kind.name, data, source, root, kind.title)
    content = _docx(kind, rendered.text, root) if source == "docx" else rendered.text.encode("utf-8")
    pending = source if fmt == "pdf" else ""
    return Document(organ or WHOLE, data.scope, content, rendered.missing, pending, data.period.end)


def finish(document: Document, workdir: Path) -> Document:
    """The document whole: a PDF's source printed by Chromium (the run's one, inside
    `pdf.one_browser()`) or converted by LibreOffice."""
    if not document.pdf_from:
        return document
    from styrmodell.reports import pdf

    if document.pdf_from == "html":
        content = pdf.html_to_pdf(document.content.decode("utf-8"), workdir, date=document.date)
    else:
        content = pdf.docx_to_pdf(document.content, workdir, date=document.date)
    return replace(document, content=content, pdf_from="")


def _docx(kind: ReportType, blocks: str, root: Path | None = None) -> bytes:
    """The Word file for a rendered block stream, on the repository's own Word template where it has one
    (`mallar/rapport.docx`); a stream a template made wrong is the template's error."""
    from styrmodell.reports.docx import write_docx
    from styrmodell.reports.overrides import word_template

    try:
        template = word_template(root) if root is not None else None
    except ValueError as error:
        raise FatalError(str(error)) from None
    try:
        return write_docx(blocks, template)
    except ValueError as error:
        raise FatalError(f"mallen för {kind.name} går inte att använda som Word-dokument: {error}") from None
