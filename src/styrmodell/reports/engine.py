"""Rendering a report: one Jinja template per report type, four formats.

A report template (templates/rapporter/<typ>.j2) describes the content once, with building
blocks from a format library (templates/format/html.j2, md.j2, docx.j2); the same template is
rendered with each library. PDF is the HTML printed by Chromium (or the Word file converted by
LibreOffice). A repository may override any template with its own under `mallar/` (read as its
other files are, `overrides`); all templates are rendered in Jinja's immutable sandbox, HTML is
autoescaped, and every value a template prints loses the control characters its format cannot hold,
so a template or a text from a repository can neither run code nor become markup. A repository's
own template runs with a bound on its time and memory (`bounded`), and whatever goes wrong in a
template is a clear error that names the template and the line.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    PackageLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup

from styrmodell.errors import FatalError
from styrmodell.reports import charts, overrides, rows
from styrmodell.reports.bounded import TimeUp, run_bounded
from styrmodell.reports.data import ReportData
from styrmodell.svenska import dates, numbers, text
from styrmodell.svenska.markdown import markdown_cell, markdown_code, markdown_inline

OVERRIDES = overrides.FOLDER
MAX_OUTPUT_CHARS = 200_000_000
LIBRARY = {"html": "html", "md": "md", "docx": "docx", "pdf": "html"}


def _compass_chart(view) -> str:
    from styrmodell.kompass import output as compassout

    return Markup(compassout.svg(view))


def _xml_value(value: object) -> object:
    """A printed value without what XML cannot hold; markup stays markup (its text is escaped already)."""
    if isinstance(value, Markup):
        return Markup(text.xml(str(value)))
    return text.xml(value) if isinstance(value, str) else value


def css_text(value: object) -> Markup:
    """A text as the inside of a CSS string ("…" in `content:`), for the page header of a printed report:
    letters, digits and plain punctuation as they are, every other character as a CSS escape, so that a
    text from the repository can neither end the string nor the <style> element."""
    out = []
    for char in text.xml(str(value)):
        if char.isalnum() or char in " .,:;–-_()/":
            out.append(char)
        else:
            out.append(f"\\{ord(char):x} ")
    return Markup("".join(out))  # escaped for CSS above: no markup and no end of the string is possible


def _sentence(value: object) -> object:
    """`svenska.text.sentence` for a paragraph; markup stays markup (a full stop is no markup)."""
    if isinstance(value, Markup):
        return Markup(text.sentence(str(value)))
    return text.sentence(value)


def _terminal_value(value: object) -> object:
    return text.terminal(value) if isinstance(value, str) else value


# What every printed value loses: the control characters its format cannot hold (see svenska.text).
_FINALIZE = {"html": _xml_value, "docx": _xml_value, "md": _terminal_value}


class _TooLarge(Exception):
    """A template's output beyond what any report can be."""


@dataclass
class Rendered:
    text: str
    missing: list[str] = field(default_factory=list)  # "uppgift saknas" in the report: the command warns


@lru_cache(maxsize=8)
def _environment(library: str, root: Path | None) -> ImmutableSandboxedEnvironment:
    """One environment per format and repository, so that each template is compiled once a process."""
    loaders: list[BaseLoader] = []
    own = root is not None and overrides.present(root)
    if own:
        assert root is not None
        loaders.append(overrides.RepositoryLoader(root))
    loaders.append(PackageLoader("styrmodell.templates", ""))
    env = ImmutableSandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        autoescape=library == "html",
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_FINALIZE[library],
    )
    env.filters.update(
        tal=numbers.number,
        procent=numbers.percent,
        belopp=numbers.amount,
        datum=dates.date,
        med_enhet=numbers.with_unit,
        md=markdown_cell,
        md_inline=markdown_inline,
        md_kod=lambda value: markdown_code(value, cell=True),
        css_text=css_text,
        antal=numbers.counted,
        mening=_sentence,
    )
    env.filters.update(rows.FILTERS)
    env.tests["försenat"] = lambda assignment, data: data.overdue(assignment)
    env.globals.update(
        rows.GLOBALS,
        indikatordiagram=charts.indicator_chart,
        statusöversikt=charts.status_overview,
        kompassdiagram=_compass_chart,
        böj=numbers.inflect,
    )
    return env


def render(report: str, data: ReportData, fmt: str, root: Path | None = None, title: str = "") -> Rendered:
    library = LIBRARY[fmt]
    name = f"rapporter/{report}.j2"
    env = _environment(library, root)

    def work() -> tuple[str, list[str]]:
        missing: list[str] = []

        def note_missing(what: str) -> str:
            if what not in missing:
                missing.append(what)
            return ""

        # compiled here too: Jinja computes constant expressions while it compiles
        template = env.get_template(name)
        output = template.render(
            d=data,
            format=library,
            bibliotek=f"format/{library}.j2",
            saknas=note_missing,
            rapportdatum=data.period.end.isoformat(),
            rapporttitel=title or report,
        )
        if len(output) > MAX_OUTPUT_CHARS:
            raise _TooLarge(f"mallen skriver mer än {MAX_OUTPUT_CHARS // 1_000_000} miljoner tecken")
        return output, missing

    def describe(error: BaseException) -> str:
        return _template_error(error, report, root)

    if root is not None and overrides.present(root):  # the repository's own templates: bounded
        limits = data.repo.config.gränser
        what = f"mallen för {report}"
        output, missing = run_bounded(work, limits.mall_sekunder, limits.mall_minne_mb, describe, what)
    else:
        try:
            output, missing = work()
        except Exception as error:  # noqa: BLE001 - whatever a template does wrong is the template's error
            raise FatalError(describe(error)) from None
    return Rendered(tidy(output), list(missing))


def _template_error(error: BaseException, report: str, root: Path | None) -> str:
    """`FIL:RAD: mallen för TYP går inte att använda: VAD`, in Swedish, for anything a template can do wrong."""
    where = _place(error, root)
    prefix = f"{where}: " if where else ""
    if isinstance(error, SecurityError):
        return f"{prefix}mallen för {report} försöker göra något som inte är tillåtet i en mall: {error}"
    if isinstance(error, TemplateNotFound):
        reason = f"mallen '{error.name}' finns inte"
    elif isinstance(error, overrides.RepositoryTemplateError):
        reason = str(error.message)
    elif isinstance(error, UndefinedError):
        reason = f"odefinierat värde ({error.message})"
    elif isinstance(error, TemplateError):
        reason = str(error.message or error)
    elif isinstance(error, RecursionError):
        reason = "mallen anropar sig själv utan slut (rekursion)"
    elif isinstance(error, ZeroDivisionError):
        reason = "division med noll"
    elif isinstance(error, MemoryError):
        reason = str(error) or "mallen använder för mycket minne"
    elif isinstance(error, (TimeUp, _TooLarge)):
        reason = str(error)
    else:
        reason = f"{type(error).__name__}: {error}"
    return f"{prefix}mallen för {report} går inte att använda: {reason}"


def _place(error: BaseException, root: Path | None) -> str:
    """The template file and line where `error` happened: from a syntax error, or from the frames Jinja
    gives the template's own lines."""
    filename, line = getattr(error, "filename", None), getattr(error, "lineno", None)
    if not (isinstance(error, TemplateSyntaxError) and filename and line):
        filename, line = None, None
        frames = traceback.extract_tb(error.__traceback__) if error.__traceback__ else []
        for frame in frames:
            if frame.filename.endswith(".j2") and frame.lineno:
                filename, line = frame.filename, frame.lineno
    if not filename:
        return ""
    return f"{_shown_template(filename, root)}:{line}" if line else _shown_template(filename, root)


def _shown_template(filename: str, root: Path | None) -> str:
    path = Path(filename)
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    parts = path.parts
    if "templates" in parts:  # the tool's own template
        return "/".join(parts[len(parts) - parts[::-1].index("templates") :]) + " (inbyggd)"
    return filename


def tidy(text: str) -> str:
    """At most one blank line in a row (two in Markdown would be noise), none at the start or the end,
    no trailing spaces, and one newline at the end."""
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"
