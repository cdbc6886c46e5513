"""What the tool is, as installed, and where it keeps its state: the identity that the cache's keys
and `styr server`'s answers depend on, and the cache's folder. Kept apart from the cache
(load/cache.py) so that asking a server imports nothing more."""

from __future__ import annotations

import hashlib
import os
import sys
from functools import lru_cache
from pathlib import Path

from styrmodell import __version__

# The libraries whose versions change what a result says (pydantic's messages, libyaml's parsing).
_LIBRARIES = ("pydantic", "pydantic-core", "PyYAML", "Babel")


def cache_root() -> Path:
    if os.environ.get("STYR_CACHE_DIR"):
        return Path(os.environ["STYR_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "styrmodell"


def identity(entry_format: int) -> str:
    """The tool as installed: its version, its code, the libraries that reach a result, and the format
    of what is stored or sent."""
    return f"styrmodell {__version__}; kod {code_identity()}; {_libraries()}; format {entry_format}"


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_identity() -> str:
    """A hash of the tool's code as installed: the wheel's RECORD, or every file of a source tree."""
    import styrmodell

    package = Path(styrmodell.__file__).resolve().parent
    record = _record(package)
    if record is not None:
        return digest("RECORD", record)
    h = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return "källträd " + h.hexdigest()


def _record(package: Path) -> str | None:
    """The RECORD of the distribution installed at `package` (beside it in site-packages), else None."""
    beside = package.parent / f"styrmodell-{__version__}.dist-info" / "RECORD"
    try:
        text = beside.read_text("utf-8")
    except OSError:
        import importlib.metadata

        try:
            dist = importlib.metadata.distribution("styrmodell")
            text = dist.read_text("RECORD") or ""
            if Path(str(dist.locate_file("styrmodell/__init__.py"))).resolve().parent != package:
                return None  # an editable install: the RECORD does not list the code that runs
        except (importlib.metadata.PackageNotFoundError, OSError):
            return None
    return text if "styrmodell/__init__.py," in text else None


@lru_cache(maxsize=1)
def _libraries() -> str:
    """The versions of the libraries whose words or values reach a result, from the dist-info folders
    beside the tool (one listing; importlib.metadata only for a library installed elsewhere)."""
    import styrmodell

    site = Path(styrmodell.__file__).resolve().parent.parent
    try:
        folders = [name.removesuffix(".dist-info") for name in os.listdir(site) if name.endswith(".dist-info")]
        installed = {
            name.rsplit("-", 1)[0].lower().replace("_", "-"): name.rsplit("-", 1)[1] for name in folders if "-" in name
        }
    except OSError:
        installed = {}
    versions = []
    for name in _LIBRARIES:
        version = installed.get(name.lower())
        if version is None:
            import importlib.metadata

            try:
                version = importlib.metadata.version(name)
            except importlib.metadata.PackageNotFoundError:
                version = "-"
        versions.append(f"{name} {version}")
    return f"Python {sys.version_info[:3]}; " + "; ".join(versions)
