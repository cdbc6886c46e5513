"""A cache of parsed files and of whole results, keyed by everything they depend on, outside the repository.

Entries live under `$STYR_CACHE_DIR`, else `$XDG_CACHE_HOME/styrmodell`, else `~/.cache/styrmodell`.

The cache is never wrong, because a key covers every input of what it stores:
- the tool itself (`Cache.salt`): its version, a hash of its installed code (the wheel's RECORD,
  which lists every installed file with its sha256; a source tree hashes its files), the versions
  of the libraries whose words or values reach a result, and the format of the entries;
- for a parsed file: its path, its bytes and the loader's limits (`gränser`);
- for a whole result: every governance file's key, the bytes of styrmodell.yaml and of every
  preset file its `extends:` reaches, the command-line rule flags, and the reference date the
  date rules use (`referensdatum`, else today).

Each entry carries a checksum of its key and its content; an entry that fails it, cannot be
read or is not what its kind stores is a miss, never an error. Entries are `marshal` data —
plain values only, nothing that can run code.

Extending it (incremental validation, the language server): a new kind of entry is a name for
its folder, a key made with `key(...)` from everything the value depends on, and `get`/`put`;
the typed helpers below (`file_key`, `get_file`, `result_key`, `get_result`, ...) are built that way.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from styrmodell.findings import Finding, from_rows, to_rows
from styrmodell.load.identity import cache_root, digest, identity
from styrmodell.load.yamlload import LoadedFile, LoadProblem, blank_lines

FORMAT = 2
_MAGIC = b"styr-cache\x02"
_CHECKSUM = 32  # bytes of sha256


@dataclass(frozen=True)
class ResultInputs:
    """Everything a whole result of `styr validera` depends on, besides the tool."""

    files: list[tuple[str, str]]  # (relative path, file key) of every YAML file
    config: list[tuple[str, bytes]]  # styrmodell.yaml and every preset file it extends, by name
    flags: str  # the command-line rule flags, as canonical JSON
    reference_date: str  # the date the date rules treat as today


class Cache:
    def __init__(self, root: Path | None = None):
        self.root = root or cache_root()
        self.salt = identity(FORMAT)

    def key(self, *parts: bytes | str) -> str:
        """A key for an entry: the tool's identity and every part the entry's value depends on."""
        return digest(self.salt, *parts)

    def _path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / key[2:]

    def get(self, kind: str, key: str) -> Any:
        """The value stored under `key`, or None: for a missing, unreadable or damaged entry."""
        try:
            raw = self._path(kind, key).read_bytes()
        except OSError:
            return None
        head, checksum, payload = (
            raw[: len(_MAGIC)],
            raw[len(_MAGIC) : len(_MAGIC) + _CHECKSUM],
            raw[len(_MAGIC) + _CHECKSUM :],
        )
        if head != _MAGIC or checksum != _checksum(kind, key, payload):
            return None
        try:
            return marshal.loads(payload)
        except (EOFError, ValueError, TypeError):
            return None

    def put(self, kind: str, key: str, value: Any) -> None:
        """Store `value` (plain values only) under `key`, whole or not at all; a cache that cannot be
        written is a cache that misses, never an error."""
        path = self._path(kind, key)
        try:
            payload = marshal.dumps(value)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(_MAGIC + _checksum(kind, key, payload) + payload)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except (OSError, ValueError):
            pass

    # parsed files

    def file_key(self, relpath: str, raw: bytes, limits: tuple[int, ...]) -> str:
        """The key of one file as the loader reads it with `limits` (max bytes, alias budget)."""
        return self.key("fil", relpath, ",".join(map(str, limits)), raw)

    def get_file(self, key: str, relpath: str, raw: bytes) -> LoadedFile | None:
        value = self.get("filer", key)
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
            if data is not None:
                loaded.text = blank_lines(raw.decode("utf-8-sig"), loaded.skipped, loaded.nulled)
        except (TypeError, ValueError, UnicodeDecodeError):
            return None
        return loaded

    def put_file(self, key: str, loaded: LoadedFile) -> None:
        problems = [(p.code, p.message, p.line, p.column) for p in loaded.problems]
        entry = (loaded.data, problems, list(loaded.skipped), list(loaded.lost_ids), list(loaded.nulled))
        self.put("filer", key, entry)

    # whole results

    def result_key(self, inputs: ResultInputs) -> str:
        listing = "\n".join(f"{path}\t{key}" for path, key in inputs.files)
        config = [part for name, raw in inputs.config for part in (name, raw)]
        return self.key("resultat", listing, str(len(inputs.config)), *config, inputs.flags, inputs.reference_date)

    def get_result(self, key: str) -> tuple[dict, list[Finding]] | None:
        value = self.get("resultat", key)
        try:
            meta, rows = value
            findings = from_rows(rows)
        except (TypeError, ValueError):
            return None
        return (meta, findings) if isinstance(meta, dict) else None

    def put_result(self, key: str, meta: dict, findings: list[Finding]) -> None:
        self.put("resultat", key, (meta, to_rows(findings)))


def _checksum(kind: str, key: str, payload: bytes) -> bytes:
    return hashlib.sha256(f"{kind}/{key}\0".encode() + payload).digest()
