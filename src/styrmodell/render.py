"""The Jinja environment for everything the tool renders for people: HTML, SVG and Markdown.

Templates live in templates/ (installed as styrmodell.templates). HTML and SVG are autoescaped,
so text from a repository can never become markup; Markdown escapes its own table cells.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import Environment


def markdown_inline(value: object) -> str:
    """Text that stays text in Markdown: no line breaks, no accidental emphasis or markup."""
    text = " ".join(str(value).split())
    for char in "\\`*_[]<>":
        text = text.replace(char, "\\" + char)
    return text


def markdown_cell(value: object) -> str:
    """Text that stays in its table cell: as `markdown_inline`, and pipes escaped."""
    return markdown_inline(value).replace("|", "\\|")


@lru_cache(maxsize=1)
def environment() -> "Environment":
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("styrmodell.templates", ""),
        autoescape=select_autoescape(enabled_extensions=("html", "svg", "html.j2", "svg.j2"), default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    from styrmodell.reports import swedish

    env.filters["tal"] = swedish.number
    env.filters["datum"] = swedish.date
    env.filters["md"] = markdown_cell
    return env


def render(template: str, **values: object) -> str:
    return environment().get_template(template).render(**values)
