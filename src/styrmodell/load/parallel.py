"""Parse many files on every core. Parsing is the bulk of a cold run on a large repository, and
each file parses on its own; the model is then built in one process, in file order."""

from __future__ import annotations

import os

from styrmodell.load.deadline import Deadline
from styrmodell.load.yamlload import MAX_ALIAS_EXPANSIONS, LoadedFile, load_bytes

# Below this much YAML, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD_BYTES = 2_000_000


class Workers:
    """Whether parsing may fork worker processes. A process with threads of its own (the language
    server) turns it off: a child forked from a threaded process can inherit a lock that another
    thread held, and hang."""

    may_fork = True


def _parse_chunk(args: tuple[list[tuple[str, bytes]], int, int], deadline: Deadline | None = None) -> list[LoadedFile]:
    files, max_bytes, alias_budget = args
    out = []
    for relpath, raw in files:
        if deadline is not None:
            deadline.check(f"läsningen av {relpath}")
        out.append(load_bytes(relpath, raw, max_bytes, alias_budget))
    return out


def parse_all(
    files: list[tuple[str, bytes]],
    max_bytes: int,
    alias_budget: int = MAX_ALIAS_EXPANSIONS,
    deadline: Deadline | None = None,
) -> list[LoadedFile]:
    workers = min(os.cpu_count() or 1, 8)
    total = sum(len(raw) for _, raw in files)
    if workers < 2 or total < PARALLEL_THRESHOLD_BYTES or not hasattr(os, "fork") or not Workers.may_fork:
        return _parse_chunk((files, max_bytes, alias_budget), deadline)
    # contiguous chunks of about equal size keep the results in file order
    chunks: list[list[tuple[str, bytes]]] = [[] for _ in range(workers * 4)]
    target = total / len(chunks) + 1
    index, filled = 0, 0
    for item in files:
        if filled >= target and index < len(chunks) - 1:
            index, filled = index + 1, 0
        chunks[index].append(item)
        filled += len(item[1])
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor  # imported only where it is used: 5 ms of a small run

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        results = pool.map(_parse_chunk, [(chunk, max_bytes, alias_budget) for chunk in chunks if chunk])
        parsed = [loaded for chunk in results for loaded in chunk]
    if deadline is not None:
        deadline.check("läsningen av filerna")
    return parsed
