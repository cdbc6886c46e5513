"""`styr init`: a new governance repository from the templates in templates/init/.

Every file is rendered and checked (the governance files validate clean, the CI files are YAML)
before anything is written; nothing that exists is overwritten, a dangling symlink included; a
new folder appears whole (it is built beside the target and renamed into place), and files added
to an existing folder are all moved in or, if one cannot be, all taken out again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import tempfile
from importlib import resources
from pathlib import Path

from jinja2 import Environment, StrictUndefined

from styrmodell.errors import FatalError
from styrmodell.fileio import umask_mode
from styrmodell.rules.mandate_period import is_election_year
from styrmodell.rules.municipality_code import municipalities, normalise
from styrmodell.scaffold import installation as installation_spec
from styrmodell.svenska.suggest import suggest


def resolve_municipality(text: str) -> tuple[str, str]:
    """(kommunkod, official title) from a code like 1444 or a name like 'Grästorp'."""
    known = municipalities()
    text = text.strip()
    if text in known:
        return text, known[text]
    wanted = normalise(text)
    for code, title in known.items():
        if normalise(title) in (wanted, wanted.removesuffix("s")):
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
    values = {
        "namn": name,
        "kod": code,
        "år": today.year,
        "idag": today.isoformat(),
        "mandat_från": start.isoformat(),
        "mandat_till": end.isoformat(),
        "installation": installation,
    }
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


def check_rendered(files: dict[str, str]) -> None:
    """The rendered repository validates clean and its CI files are YAML; else it is the tool's own fault."""
    import yaml

    from styrmodell.findings import Severity
    from styrmodell.load.sources import MemorySource
    from styrmodell.validation.pipeline import validate

    for relpath, text in files.items():
        if relpath.endswith((".yml", ".yaml")):
            try:
                yaml.safe_load(text)
            except yaml.YAMLError as exc:
                raise FatalError(f"internt fel i mallen för {relpath}: {exc}") from None
    result = validate(MemorySource({p: t.encode("utf-8") for p, t in files.items()}, "<styr init>"))
    errors = [f for f in result.findings if f.severity == Severity.ERROR]
    if errors:
        listing = "; ".join(f"{f.location}: {f.code} {f.message}" for f in errors[:5])
        raise FatalError(f"internt fel: det nya repot validerar inte ({listing})")


def init(
    target: Path, kommun: str, today: dt.date | None = None, installation: str | None = None, git: bool = True
) -> list[str]:
    code, title = resolve_municipality(kommun)
    spec = installation_spec.check(installation) if installation else installation_spec.default()
    files = render_files(municipality_name(title), code, today or dt.date.today(), spec)
    check_rendered(files)
    if os.path.lexists(target) and not target.is_dir():
        raise FatalError(f"{target}: finns redan och är inte en katalog")
    clashes = sorted(p for p in files if os.path.lexists(target / p))
    if clashes:
        raise FatalError(f"{target}: skriver inte över befintliga filer: {', '.join(clashes)}")
    links = sorted({link for p in files if (link := _link_on_the_way(target, p)) is not None})
    if links:
        raise FatalError(
            f"{target}: {', '.join(links)} är en symbolisk länk; styr init skriver bara i katalogen själv, "
            "aldrig dit en länk pekar"
        )
    parent = target.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".styr-init-", dir=parent))
    except OSError as exc:
        raise FatalError(f"{target}: kan inte skapa katalogen ({exc.strerror})") from None
    try:
        os.chmod(staging, umask_mode(0o777))
        for relpath, text in files.items():
            path = staging / relpath
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
        if not target.exists():
            os.replace(staging, target)
        else:
            _move_all(staging, target, list(files))
    except OSError as exc:
        raise FatalError(f"{target}: kan inte skriva ({exc.strerror}); inget har ändrats") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if git:
        _git_init(target)
    return sorted(files)


def _link_on_the_way(target: Path, relpath: str) -> str | None:
    """The first folder between `target` and `relpath` that is a symbolic link, or None."""
    current = target
    parts = Path(relpath).parts[:-1]
    for index, part in enumerate(parts):
        current = current / part
        if current.is_symlink():
            return "/".join(parts[: index + 1])
        if not current.exists():
            return None
    return None


def _move_all(staging: Path, target: Path, relpaths: list[str]) -> None:
    """Move every file into `target`, or, if one cannot be moved, none: those moved are taken out again."""
    moved: list[Path] = []
    made: list[Path] = []
    try:
        for relpath in relpaths:
            destination = target / relpath
            for folder in reversed(destination.parents):
                if not folder.exists():
                    folder.mkdir()
                    made.append(folder)
            os.replace(staging / relpath, destination)
            moved.append(destination)
    except OSError:
        for path in moved:
            path.unlink(missing_ok=True)
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def _git_init(target: Path) -> None:
    import git as gitpython
    from git.exc import GitError, InvalidGitRepositoryError

    try:
        gitpython.Repo(target, search_parent_directories=True)
    except InvalidGitRepositoryError:
        try:
            gitpython.Repo.init(target)
        except (GitError, OSError) as exc:
            raise FatalError(
                f"{target}: filerna är skrivna, men katalogen kunde inte göras till ett git-repo ({exc}); "
                "kör `git init` själv"
            ) from None
