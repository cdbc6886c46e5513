"""The Jinja environment for everything the tool renders for people: HTML, SVG and Markdown.

Templates live in templates/ (installed as styrmodell.templates). HTML and SVG are autoescaped,
so text from a repository can never become markup; Markdown escapes its own table cells.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from styrmodell.calendar import swedish_date

if TYPE_CHECKING:
    from jinja2 import Environment


def number(value: float | None, decimals: int = 2, signed: bool = False) -> str:
    """6.75 → '6,75', 13.0 → '13', +1.5 → '+1,5', None → '–': as a Swedish reader writes numbers."""
    if value is None:
        return "–"
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", "0"):
        return "0"
    text = text.replace(".", ",").replace("-", "−")
    return "+" + text if signed and value > 0 else text


def markdown_cell(value: object) -> str:
    """Text that stays in its table cell: pipes and line breaks escaped."""
    return str(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


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
    env.filters["tal"] = number
    env.filters["datum"] = swedish_date
    env.filters["md"] = markdown_cell
    return env


def render(template: str, **values: object) -> str:
    return environment().get_template(template).render(**values)
