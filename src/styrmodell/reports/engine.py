"""Rendering a report: one Jinja template per report type, four formats.

A report template (templates/rapporter/<typ>.j2) describes the content once, with building
blocks from a format library (templates/format/html.j2, md.j2, docx.j2); the same template is
rendered with each library. PDF is the HTML printed by Chromium (or the Word file converted by
LibreOffice). A repository may override any template with its own under `mallar/`; all
templates are rendered in Jinja's immutable sandbox, and HTML is autoescaped, so a template or a
text from a repository can neither run code nor become markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from jinja2 import BaseLoader, ChoiceLoader, FileSystemLoader, PackageLoader, StrictUndefined, TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from styrmodell.errors import FatalError
from styrmodell.reports import charts, rows
from styrmodell.reports.data import ReportData
from styrmodell.svenska import dates, numbers
from styrmodell.svenska.markdown import markdown_cell, markdown_inline

OVERRIDES = "mallar"
LIBRARY = {"html": "html", "md": "md", "docx": "docx", "pdf": "html"}


def _compass_chart(view) -> str:
    from markupsafe import Markup

    from styrmodell.kompass import output as compassout

    return Markup(compassout.svg(view))


@dataclass
class Rendered:
    text: str
    missing: list[str] = field(default_factory=list)  # "uppgift saknas" in the report: the command warns


@lru_cache(maxsize=8)
def _environment(library: str, root: Path | None) -> ImmutableSandboxedEnvironment:
    """One environment per format and repository, so that each template is compiled once a process."""
    loaders: list[BaseLoader] = []
    if root is not None and (root / OVERRIDES).is_dir():
        loaders.append(FileSystemLoader(str(root / OVERRIDES)))
    loaders.append(PackageLoader("styrmodell.templates", ""))
    env = ImmutableSandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        autoescape=library == "html",
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        tal=numbers.number,
        procent=numbers.percent,
        belopp=numbers.amount,
        datum=dates.date,
        med_enhet=numbers.with_unit,
        md=markdown_cell,
        md_inline=markdown_inline,
    )
    env.filters.update(rows.FILTERS)
    env.tests["försenat"] = lambda assignment, data: data.overdue(assignment)
    env.globals.update(
        rows.GLOBALS,
        indikatordiagram=charts.indicator_chart,
        statusöversikt=charts.status_overview,
        kompassdiagram=_compass_chart,
    )
    return env


def render(report: str, data: ReportData, fmt: str, root: Path | None = None, title: str = "") -> Rendered:
    library = LIBRARY[fmt]
    missing: list[str] = []

    def note_missing(what: str) -> str:
        if what not in missing:
            missing.append(what)
        return ""

    env = _environment(library, root)
    try:
        template = env.get_template(f"rapporter/{report}.j2")
        text = template.render(
            d=data,
            format=library,
            bibliotek=f"format/{library}.j2",
            saknas=note_missing,
            rapportdatum=data.period.end.isoformat(),
            rapporttitel=title or report,
        )
    except SecurityError as error:
        raise FatalError(f"mallen för {report} försöker göra något som inte är tillåtet i en mall: {error}") from None
    except TemplateError as error:
        lineno = getattr(error, "lineno", None)  # a syntax error knows its place
        where = f"{getattr(error, 'filename', None)}:{lineno}: " if lineno else ""
        raise FatalError(f"{where}mallen för {report} går inte att använda: {error.message}") from None
    return Rendered(_tidy(text, library), missing)


def _tidy(text: str, library: str) -> str:
    """At most one blank line in a row (two in Markdown would be noise), and one newline at the end."""
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"
