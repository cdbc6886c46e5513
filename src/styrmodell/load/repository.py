"""Find → read → parse → build: a repository's configuration and model from a file source.

Parsed files come from the cache where their bytes and the loader's limits are unchanged; the
rest are parsed (on every core when there are many) and stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from styrmodell.load.build import build
from styrmodell.load.config import load_config
from styrmodell.load.deadline import Deadline
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
    deadline: Deadline | None = None,
):
    """Config, model and the loader's problems for every governance file in `source` (or those in `only`)."""
    config, _ = load_config(source, cli_rules)
    limits = config.gränser
    deadline = deadline or Deadline(limits.max_sekunder)
    deadline.limit(limits.max_sekunder)
    max_bytes = int(limits.max_filstorlek_mb * 1_000_000)
    budget = (max_bytes, limits.max_aliasvärden)
    relpaths = [p for p in source.content_files(config.ignorera) if only is None or p in only]
    raws = []
    for relpath in relpaths:
        raw = (raw_files or {}).get(relpath)
        raws.append((relpath, raw if raw is not None else source.read(relpath) or b""))
    deadline.check("läsningen av filerna")
    if cache is None:
        loaded = parse_all(raws, *budget, deadline=deadline)
    else:
        loaded_by_path = {}
        missing = []
        for relpath, raw in raws:
            key = cache.file_key(relpath, raw, budget)
            hit = cache.get_file(key, relpath, raw)
            if hit is None:
                missing.append((relpath, raw, key))
            else:
                loaded_by_path[relpath] = hit
        parsed_files = parse_all([(p, r) for p, r, _ in missing], *budget, deadline=deadline)
        for (relpath, _, key), parsed in zip(missing, parsed_files, strict=True):
            cache.put_file(key, parsed)
            loaded_by_path[relpath] = parsed
        loaded = [loaded_by_path[relpath] for relpath, _ in raws]
    repository, problems = build(config, loaded, deadline)
    return config, repository, problems
