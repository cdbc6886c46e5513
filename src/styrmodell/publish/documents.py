"""The rendered reports on the site: each as a web page with the site's header and footer around the
report's own HTML, and as Word and PDF files to download; and the documents the law wants on the
municipality's website (KL 8 kap. 14–16 a §§), from `publicering.dokument`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from styrmodell.errors import FatalError
from styrmodell.model.config import PublishedDocument, PublishedKind
from styrmodell.model.repository import Repository
from styrmodell.publish.environment import macro
from styrmodell.publish.names import slug
from styrmodell.reports.build import make
from styrmodell.reports.kinds import REPORTS, ReportType
from styrmodell.reports.period import ReportPeriod
from styrmodell.rules.publication import SECTION

MAX_DOCUMENT_MB = 200


@dataclass
class SiteReport:
    name: str  # the file name without extension
    title: str
    period: str
    html: str  # the path of its page
    downloads: list[tuple[str, str]] = field(default_factory=list)  # (path, label)


def chosen_reports(repo: Repository) -> list[tuple[ReportType, str | None]]:
    """The whole municipality's reports that have something to show, then each board's delegation order."""
    out: list[tuple[ReportType, str | None]] = []
    wanted = {
        "verksamhetsplan": bool(repo.goals),
        "uppdragsplan": bool(repo.assignments),
        "delarsrapport": bool(repo.goals),
        "tertialrapport": bool(repo.goals),
        "arsredovisning": bool(repo.goals),
        "uppdragsuppfoljning": bool(repo.assignments),
        "internkontrollplan": bool(repo.control_plans),
        "styrdokument": bool(repo.documents),
        "kommunkompassen": bool(repo.compass_evaluations),
    }
    for name, kind in REPORTS.items():
        if wanted.get(name):
            out.append((kind, None))
    for order in repo.delegation_orders:
        if order.organ and order.organ in repo.organ_by_id and (REPORTS["delegationsordning"], order.organ) not in out:
            out.append((REPORTS["delegationsordning"], order.organ))
    return out


def pdf_available(pdf: bool) -> bool:
    from styrmodell.reports.pdf import find_chromium, find_soffice

    return pdf and bool(find_chromium() or find_soffice())


def render_report(
    repo: Repository,
    root: Path,
    workdir: Path,
    kind: ReportType,
    period: ReportPeriod,
    organ: str | None,
    name: str,
    pdf: bool,
    kommun: str,
) -> tuple[SiteReport, dict[str, bytes]]:
    """One report as a page with the site around it, and as Word (and PDF) to download."""
    html = make(repo, root, kind, period, organ, "html", workdir)
    title = kind.title if organ is None else f"{kind.title} – {repo.owner_name(organ)}"
    report = SiteReport(name, title, period.label, f"rapporter/{name}.html")
    files = {report.html: wrap(html.content.decode("utf-8"), "../", kommun).encode("utf-8")}
    if pdf:
        files[f"rapporter/{name}.pdf"] = make(repo, root, kind, period, organ, "pdf", workdir).content
        report.downloads.append((f"rapporter/{name}.pdf", "PDF"))
    files[f"rapporter/{name}.docx"] = make(repo, root, kind, period, organ, "docx", workdir).content
    report.downloads.append((f"rapporter/{name}.docx", "Word"))
    return report, files


def render_reports(
    repo: Repository, root: Path, workdir: Path, pdf: bool, kommun: str
) -> tuple[list[SiteReport], dict[str, bytes]]:
    today = repo.config.today()
    files: dict[str, bytes] = {}
    made: list[SiteReport] = []
    for kind, organ in chosen_reports(repo):
        name = kind.name if organ is None else f"{kind.name}-{slug(organ)}"
        report, own = render_report(repo, root, workdir, kind, kind.default_period(today), organ, name, pdf, kommun)
        files.update(own)
        made.append(report)
    return made, files


_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
_MAIN = re.compile(r"<main\b([^>]*)>", re.IGNORECASE)


def wrap(html: str, rot: str, kommun: str) -> str:
    """A report's own HTML document with the site's stylesheet, header (skip link, menu, search) and
    footer (the accessibility statement) around its content."""
    header = str(macro("delar.html.j2", "sidhuvud")(rot, "rapporter", kommun))
    footer = str(macro("delar.html.j2", "sidfot")(rot, kommun))
    stylesheet = f'<link rel="stylesheet" href="{rot}stil.css">\n'
    end_head = html.lower().find("</head>")
    if end_head >= 0:
        html = html[:end_head] + stylesheet + html[end_head:]
    main = _MAIN.search(html)
    if main is not None and "id=" not in main.group(1):
        html = html[: main.start()] + f'<main id="innehall"{main.group(1)}>' + html[main.end() :]
    body = _BODY.search(html)
    if body is None:
        raise FatalError("en rapportmall gav HTML utan <body>; webbplatsen kan inte visa den")
    html = html[: body.end()] + "\n" + header + html[body.end() :]
    end_body = html.lower().rfind("</body>")
    return html[:end_body] + footer + "\n" + html[end_body:]


@dataclass
class Published:
    title: str
    year: int
    kind: str
    section: str | None
    href: str | None  # relative to the site's root, or an address


KIND_TITLES = {
    PublishedKind.BUDGETFORSLAG: "Styrelsens förslag till budget",
    PublishedKind.ARSREDOVISNING: "Årsredovisning",
    PublishedKind.REVISIONSBERATTELSE: "Revisionsberättelse",
    PublishedKind.ANNAT: "Dokument",
}


def published_documents(
    repo: Repository, root: Path, reports: list[SiteReport], safe_link, render
) -> tuple[list[Published], dict[str, bytes]]:
    """`publicering.dokument` as the site lists them; a file named there is copied into dokument/. A
    file that is missing, outside the repository or not a plain file is an error with its line."""
    files: dict[str, bytes] = {}
    out: list[Published] = []
    by_name = {r.name: r for r in reports}
    for document in repo.config.publicering.dokument:
        href = _href(repo, root, document, by_name, safe_link, files, render)
        title = document.titel or f"{KIND_TITLES[document.avser]} {document.år}"
        out.append(Published(title, document.år, document.avser.value, SECTION.get(document.avser), href))
    out.sort(key=lambda p: (-p.year, p.kind, p.title))
    return out, files


def _href(repo, root: Path, document: PublishedDocument, reports, safe_link, files, render) -> str | None:
    if document.fil:
        source = (root / document.fil).resolve()
        where = document.where("fil")
        try:
            source.relative_to(root.resolve())
        except ValueError:
            raise FatalError(f"{where}: {document.fil} ligger utanför repot; lägg dokumentet i repot") from None
        if (root / document.fil).is_symlink() or not source.is_file():
            raise FatalError(f"{where}: filen {document.fil} finns inte (eller är ingen vanlig fil)")
        if source.stat().st_size > MAX_DOCUMENT_MB * 1_000_000:
            raise FatalError(f"{where}: {document.fil} är större än {MAX_DOCUMENT_MB} MB")
        suffix = slug(source.suffix.lstrip(".")) if source.suffix else "bin"
        name = f"dokument/{document.avser.value}-{document.år}-{slug(source.stem)}.{suffix}"
        name = name.replace("å", "a").replace("ä", "a").replace("ö", "o")
        files[name] = source.read_bytes()
        return name
    if document.rapport:
        wanted = document.rapport.strip().lower().replace("å", "a").replace("ä", "a").replace("ö", "o")
        kind = REPORTS.get(wanted)
        if kind is None:
            raise FatalError(
                f"{document.where('rapport')}: rapporten '{document.rapport}' finns inte; "
                f"rapporterna är: {', '.join(REPORTS)}"
            )
        period = ReportPeriod(document.år, 12)
        report = reports.get(wanted)
        if report is None or report.period != period.label:  # the report for the document's own year
            name = f"{kind.name}-{document.år}"
            report = reports.get(name) or render(kind, period, name)
            reports[name] = report
        return report.html
    if document.länk:
        return safe_link(document.länk)
    return None


def as_markup(text: str) -> Markup:
    return Markup(text)
