"""The Jinja environment for Kommunkompassen's own pages: HTML, SVG and Markdown.

Templates live in templates/kompass/ (installed as styrmodell.templates). HTML and SVG are
autoescaped, so text from a repository can never become markup; Markdown escapes its own cells.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from styrmodell.svenska.markdown import markdown_cell, markdown_code, markdown_inline
from styrmodell.svenska.text import xml

if TYPE_CHECKING:
    from jinja2 import Environment


@lru_cache(maxsize=1)
def environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    from styrmodell.svenska import dates, numbers

    env = Environment(
        loader=PackageLoader("styrmodell.templates", ""),
        autoescape=select_autoescape(enabled_extensions=("html", "svg", "html.j2", "svg.j2"), default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize,
    )
    env.filters["tal"] = numbers.number
    env.filters["datum"] = dates.date
    env.filters["md"] = markdown_cell
    env.filters["md_inline"] = markdown_inline
    env.filters["md_kod"] = lambda value: markdown_code(value, cell=True)
    return env


def _finalize(value: object) -> object:
    """No control characters from the repository in any page (XML does not allow them; see svenska.text)."""
    from markupsafe import Markup

    if isinstance(value, Markup):
        return Markup(xml(str(value)))
    return xml(value) if isinstance(value, str) else value


def render(template: str, **values: object) -> str:
    return environment().get_template(template).render(**values)
