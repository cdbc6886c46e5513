"""The site's templates (templates/webbplats/): Jinja with autoescape, strict, and without the control
characters HTML cannot hold in any printed value; every text from the repository is escaped."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import PackageLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from styrmodell.reports import rows
from styrmodell.reports.engine import tidy
from styrmodell.svenska import dates, numbers, text


def _finalize(value: object) -> object:
    if isinstance(value, Markup):
        return Markup(text.xml(str(value)))
    return text.xml(value) if isinstance(value, str) else value


@lru_cache(maxsize=1)
def environment() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        loader=PackageLoader("styrmodell.templates", "webbplats"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize,
    )
    env.filters.update(
        tal=numbers.number,
        datum=dates.date,
        värde=rows.value,
    )
    return env


def render(template: str, **values: object) -> str:
    return tidy(environment().get_template(template).render(**values))


def macro(template: str, name: str):
    """A macro of a template, to call from Python (the site's header and footer around a report)."""
    return getattr(environment().get_template(template).module, name)
