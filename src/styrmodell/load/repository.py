"""Find → read → parse → build: a repository's configuration and model from a file source.

Parsed files come from the cache where their bytes and the loader's limits are unchanged; the
rest are parsed (on every core when there are many) and stored. A resident process passes
`pieces`: each file's built part of the model, kept from the last run by the file's bytes and the
loader's limits, so that only changed files are parsed and built again (`build.Piece`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from styrmodell.load.build import Piece, build, merge
from styrmodell.load.config import load_config
from styrmodell.load.deadline import Deadline
from styrmodell.load.parallel import parse_all
from styrmodell.load.sources import FileSource

if TYPE_CHECKING:
    from styrmodell.findings import Problem
    from styrmodell.load.cache import Cache
    from styrmodell.load.yamlload import LoadedFile
    from styrmodell.model.config import Config
    from styrmodell.model.repository import Repository


def load_repository(
    source: FileSource,
    cli_rules: dict[str, dict] | None = None,
    cache: Cache | None = None,
    raw_files: dict[str, bytes] | None = None,
    only: set[str] | None = None,
    deadline: Deadline | None = None,
    pieces: dict[tuple, Piece] | None = None,
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
    if pieces is not None:
        return (config, *_from_pieces(config, raws, budget, cache, pieces, deadline))
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


def _from_pieces(
    config: Config,
    raws: list[tuple[str, bytes]],
    budget: tuple[int, int],
    cache: Cache | None,
    pieces: dict[tuple, Piece],
    deadline: Deadline,
) -> tuple[Repository, list[Problem]]:
    """The model from the pieces of unchanged files and new pieces for the rest; `pieces` is left
    holding exactly this run's pieces."""
    # a piece is known by its file's bytes themselves: an unchanged file read through the resident
    # model's memo is the same bytes object, whose hash Python keeps, so the lookup costs nothing
    keys = [(relpath, raw, budget) for relpath, raw in raws]
    missing = [(relpath, raw) for (relpath, raw), key in zip(raws, keys, strict=True) if key not in pieces]
    loaded_by_path: dict[str, LoadedFile] = {}
    to_parse: list[tuple[str, bytes]] = []
    for relpath, raw in missing:
        hit = cache.get_file(cache.file_key(relpath, raw, budget), relpath, raw) if cache is not None else None
        if hit is None:
            to_parse.append((relpath, raw))
        else:
            loaded_by_path[relpath] = hit
    parsed_files = parse_all(to_parse, budget[0], budget[1], deadline=deadline)
    for (relpath, raw), parsed in zip(to_parse, parsed_files, strict=True):
        if cache is not None:
            cache.put_file(cache.file_key(relpath, raw, budget), parsed)
        loaded_by_path[parsed.path] = parsed
    loaded = [loaded_by_path[relpath] for relpath, _ in missing]
    new = {(f.path, raw, budget): Piece(config, f) for f, (_, raw) in zip(loaded, missing, strict=True)}
    current = {key: pieces.get(key) or new[key] for key in keys}
    pieces.clear()
    pieces.update(current)
    return merge(config, (current[key] for key in keys), deadline)
