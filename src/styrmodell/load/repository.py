"""Find → read → parse → build: a repository's configuration and model from a file source.

Parsed files come from the cache where their bytes are unchanged; the rest are parsed (on every
core when there are many) and stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from styrmodell.load.build import build
from styrmodell.load.config import load_config
from styrmodell.load.parallel import parse_all
from styrmodell.load.sources import FileSource

if TYPE_CHECKING:
    from styrmodell.load.cache import Cache


def load_repository(
    source: FileSource,
    cli_rules: dict[str, dict] | None = None,
    cache: Cache | None = None,
    raw_files: dict[str, bytes] | None = None,
    only: set[str] | None = None,
):
    """Config, model and the loader's problems for every governance file in `source` (or those in `only`)."""
    config, _ = load_config(source, cli_rules)
    max_bytes = int(config.gränser.max_filstorlek_mb * 1_000_000)
    relpaths = [p for p in source.content_files(config.ignorera) if only is None or p in only]
    raws = [(relpath, (raw_files or {}).get(relpath) or source.read(relpath) or b"") for relpath in relpaths]
    if cache is None:
        loaded = parse_all(raws, max_bytes)
    else:
        loaded_by_path = {}
        missing = []
        for relpath, raw in raws:
            key = cache.file_key(relpath, raw, max_bytes)
            hit = cache.get_file(key, relpath, raw)
            if hit is None:
                missing.append((relpath, raw, key))
            else:
                loaded_by_path[relpath] = hit
        for (relpath, _, key), parsed in zip(
            missing, parse_all([(p, r) for p, r, _ in missing], max_bytes), strict=False
        ):
            cache.put_file(key, parsed)
            loaded_by_path[relpath] = parsed
        loaded = [loaded_by_path[relpath] for relpath, _ in raws]
    repository, problems = build(config, loaded)
    return config, repository, problems
