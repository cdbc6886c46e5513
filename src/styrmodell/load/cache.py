"""A cache of parsed files and of whole results, keyed by content, outside the repository.

Entries live under `$STYR_CACHE_DIR`, else `$XDG_CACHE_HOME/styrmodell`, else `~/.cache/styrmodell`.
Every key includes the tool's version and the file's bytes (or, for a whole result, every file's
hash, the configuration and the command-line rule flags), so an entry is either exactly right or
never found. Entries are `marshal` data — plain values only, nothing that can run code — and an
unreadable or corrupt entry counts as a miss.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from pathlib import Path
from typing import Any

from styrmodell import __version__
from styrmodell.findings import Finding, Location, Severity
from styrmodell.load.yamlload import LoadedFile, LoadProblem, blank_lines

FORMAT = 2


def cache_root() -> Path:
    if os.environ.get("STYR_CACHE_DIR"):
        return Path(os.environ["STYR_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "styrmodell"


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


class Cache:
    def __init__(self, root: Path | None = None):
        self.root = root or cache_root()
        self.salt = f"styrmodell {__version__} format {FORMAT}"

    def _path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / key[2:]

    def _get(self, kind: str, key: str) -> Any:
        try:
            return marshal.loads(self._path(kind, key).read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return None

    def _put(self, kind: str, key: str, value: Any) -> None:
        path = self._path(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                handle.write(marshal.dumps(value))
            os.replace(tmp, path)
        except (OSError, ValueError):
            pass  # a cache that cannot be written is a cache that misses; never an error

    # parsed files

    def file_key(self, relpath: str, raw: bytes, max_bytes: int) -> str:
        return digest(self.salt, relpath, str(max_bytes), raw)

    def get_file(self, key: str, relpath: str, raw: bytes) -> LoadedFile | None:
        value = self._get("filer", key)
        if not (isinstance(value, tuple) and len(value) == 5):
            return None
        data, problems, skipped, lost_ids, nulled = value
        try:
            loaded = LoadedFile(
                relpath,
                data,
                [LoadProblem(*p) for p in problems],
                skipped=[(int(a), int(b)) for a, b in skipped],
                lost_ids=[str(i) for i in lost_ids],
                nulled=[(int(line), str(name)) for line, name in nulled],
            )
        except (TypeError, ValueError):
            return None
        if data is not None:
            loaded.text = blank_lines(raw.decode("utf-8-sig"), loaded.skipped, loaded.nulled)
        return loaded

    def put_file(self, key: str, loaded: LoadedFile) -> None:
        problems = [(p.code, p.message, p.line, p.column) for p in loaded.problems]
        entry = (loaded.data, problems, list(loaded.skipped), list(loaded.lost_ids), list(loaded.nulled))
        self._put("filer", key, entry)

    # whole results

    def result_key(self, file_keys: list[tuple[str, str]], config_raw: bytes, flags: str) -> str:
        listing = "\n".join(f"{path}\t{key}" for path, key in file_keys)
        return digest(self.salt, listing, config_raw, flags)

    def get_result(self, key: str) -> tuple[dict, list[Finding]] | None:
        value = self._get("resultat", key)
        try:
            meta, rows = value
            findings = [
                Finding(code, name, Severity(sev), message, Location(path, line, column))
                for code, name, sev, message, path, line, column in rows
            ]
            return meta, findings
        except (TypeError, ValueError):
            return None

    def put_result(self, key: str, meta: dict, findings: list[Finding]) -> None:
        rows = [
            (f.code, f.name, f.severity.value, f.message, f.location.path, f.location.line, f.location.column)
            for f in findings
        ]
        self._put("resultat", key, (meta, rows))
