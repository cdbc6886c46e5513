"""A repository's own templates under `mallar/`, read the way its YAML files are read.

A template is a regular file inside the repository: a symbolic link (the file, `mallar/` or a folder
between) is refused, as the YAML loader and `extends:` refuse it, because it could lead out of the
repository; so is `..` or an absolute path in an `{% include %}`. A file that cannot be read, is not
UTF-8 or is larger than a template can sensibly be is a clear error, not a crash.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jinja2 import BaseLoader, Environment, TemplateError, TemplateNotFound
from jinja2.loaders import split_template_path

FOLDER = "mallar"
MAX_TEMPLATE_BYTES = 2_000_000
WORD_TEMPLATE = "rapport.docx"  # the municipality's own Word template: styles, logo, fonts, margins
MAX_WORD_TEMPLATE_BYTES = 20_000_000


class RepositoryTemplateError(TemplateError):
    """A template of the repository that cannot be used at all (a link, unreadable, not UTF-8)."""


def present(root: Path) -> bool:
    """Whether the repository has a `mallar/` of its own (a link there counts, and is refused on use)."""
    folder = root / FOLDER
    return folder.is_symlink() or folder.is_dir()


class RepositoryLoader(BaseLoader):
    """Templates from `ROOT/mallar/`; a name not found there is looked up in the tool's own."""

    def __init__(self, root: Path):
        self.root = root

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        parts = split_template_path(template)  # TemplateNotFound for '..'
        relpath = "/".join((FOLDER, *parts))
        current = self.root
        for part in (FOLDER, *parts):
            current = current / part
            if current.is_symlink():
                shown = current.relative_to(self.root).as_posix()
                raise RepositoryTemplateError(
                    f"{shown} är en symbolisk länk; mallar läses bara från filer i repot (en länk kan leda "
                    "ut ur repot): lägg mallen själv i mallar/"
                )
        if not current.is_file():
            raise TemplateNotFound(template)
        try:
            size = current.stat().st_size
            if size > MAX_TEMPLATE_BYTES:
                raise RepositoryTemplateError(f"{relpath} är {size // 1000} kB; en mall får vara högst 2 MB")
            raw = current.read_bytes()
            mtime = current.stat().st_mtime
        except OSError as error:
            raise RepositoryTemplateError(f"{relpath} kan inte läsas ({error.strerror})") from None
        try:
            source = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            raise RepositoryTemplateError(f"{relpath}:{line}: mallen är inte UTF-8; spara den som UTF-8") from None
        path = current

        def uptodate() -> bool:
            try:
                return path.stat().st_mtime == mtime
            except OSError:
                return False

        return source, str(current), uptodate


def word_template(root: Path) -> bytes | None:
    """`mallar/rapport.docx`, the base of every Word report, or None where the repository has none.
    A link, a folder or a file too large to be a template is refused with a Swedish message (ValueError)."""
    current = root
    for part in (FOLDER, WORD_TEMPLATE):
        current = current / part
        if current.is_symlink():
            raise ValueError(
                f"{current.relative_to(root).as_posix()} är en symbolisk länk; Word-mallen läses bara från en fil i "
                "repot: lägg den själv i mallar/"
            )
    if not current.exists():
        return None
    shown = f"{FOLDER}/{WORD_TEMPLATE}"
    if not current.is_file():
        raise ValueError(f"{shown} är inte en fil")
    try:
        size = current.stat().st_size
        if size > MAX_WORD_TEMPLATE_BYTES:
            raise ValueError(f"{shown} är {size // 1_000_000} MB; Word-mallen får vara högst 20 MB")
        return current.read_bytes()
    except OSError as error:
        raise ValueError(f"{shown} kan inte läsas ({error.strerror})") from None
