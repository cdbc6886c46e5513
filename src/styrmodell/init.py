"""`styr init`: a new governance repository from the templates in templates/init/.

Every file is rendered before anything is written, nothing that exists is overwritten, and a
new folder appears whole (it is built beside the target and renamed into place).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from importlib import resources
from pathlib import Path

from jinja2 import Environment, StrictUndefined

from styrmodell.errors import FatalError
from styrmodell.messages import suggest
from styrmodell.rules.mandate_period import is_election_year
from styrmodell.rules.municipality_code import _normalise, municipalities

DEFAULT_INSTALLATION = "styrmodell"


def resolve_municipality(text: str) -> tuple[str, str]:
    """(kommunkod, official title) from a code like 1444 or a name like 'Grästorp'."""
    known = municipalities()
    text = text.strip()
    if text in known:
        return text, known[text]
    wanted = _normalise(text)
    for code, title in known.items():
        if _normalise(title) in (wanted, wanted.removesuffix("s")):
            return code, title
    close = suggest(text, known.values())
    hint = f" – menade du '{close}'?" if close else ""
    raise FatalError(f"hittar ingen kommun som heter eller har koden '{text}'{hint}")


def municipality_name(title: str) -> str:
    """'Grästorp' → 'Grästorps kommun', 'Ale' → 'Ale kommun', 'Borås' → 'Borås kommun'."""
    if title.endswith(("s", "x", "z", "a", "e", "i", "o", "u", "y", "å", "ä", "ö")):
        return f"{title} kommun"
    return f"{title}s kommun"


def current_mandate(today: dt.date) -> tuple[dt.date, dt.date]:
    year = today.year
    while not (is_election_year(year) and dt.date(year, 10, 15) <= today):
        year -= 1
    return dt.date(year, 10, 15), dt.date(year + 4, 10, 14)


def render_files(name: str, code: str, today: dt.date, installation: str) -> dict[str, str]:
    start, end = current_mandate(today)
    values = {"namn": name, "kod": code, "år": today.year, "idag": today.isoformat(),
              "mandat_från": start.isoformat(), "mandat_till": end.isoformat(), "installation": installation}
    env = Environment(undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)
    root = resources.files("styrmodell.templates").joinpath("init")
    files: dict[str, str] = {}

    def walk(folder, prefix: str) -> None:
        for item in sorted(folder.iterdir(), key=lambda p: p.name):
            name_part = item.name.removeprefix("dot-")
            if item.name.startswith("dot-"):
                name_part = "." + name_part
            if item.is_dir():
                walk(item, f"{prefix}{name_part}/")
            elif item.name.endswith(".j2"):
                files[prefix + name_part.removesuffix(".j2")] = env.from_string(item.read_text("utf-8")).render(values)

    walk(root, "")
    return files


def init(target: Path, kommun: str, today: dt.date | None = None, installation: str = DEFAULT_INSTALLATION,
         git: bool = True) -> list[str]:
    code, title = resolve_municipality(kommun)
    files = render_files(municipality_name(title), code, today or dt.date.today(), installation)
    if target.exists() and not target.is_dir():
        raise FatalError(f"{target}: finns redan och är inte en katalog")
    clashes = sorted(p for p in files if (target / p).exists())
    if clashes:
        raise FatalError(f"{target}: skriver inte över befintliga filer: {', '.join(clashes)}")
    parent = target.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".styr-init-", dir=parent))
    try:
        for relpath, text in files.items():
            path = staging / relpath
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
        if not target.exists():
            os.replace(staging, target)
        else:
            for relpath in files:
                (target / relpath).parent.mkdir(parents=True, exist_ok=True)
                os.replace(staging / relpath, target / relpath)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if git:
        _git_init(target)
    return sorted(files)


def _git_init(target: Path) -> None:
    import git as gitpython
    from git.exc import InvalidGitRepositoryError

    try:
        gitpython.Repo(target, search_parent_directories=True)
    except InvalidGitRepositoryError:
        gitpython.Repo.init(target)
