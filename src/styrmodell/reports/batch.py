"""The documents of one `styr rapport` run, made on every core.

The documents of `--organ all` are independent: each is made from the model alone
(`build.draft`). The first (the whole municipality's) is made here; that also compiles the
templates. When the rest would take a while (`PARALLEL_SECONDS`, estimated from the first), or
the user asked for a number of workers (`--jobb`), they are made in worker processes forked
from this one (the model and the compiled templates are already in memory; nothing is copied
until a page is written to), and come back as plain documents in the order asked for. A PDF
comes back as its HTML and is printed here, by the run's one Chromium (`pdf.one_browser()`),
while the workers make the next ones. A worker makes exactly what a serial run makes, so the
bytes are the same (`jobs=1` is the serial run). Where there is no fork (Windows) or forking is
turned off (`load.parallel.Workers`), the documents are made one after the other in this process.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from styrmodell.errors import FatalError
from styrmodell.load.parallel import Workers
from styrmodell.reports.build import Document, draft, finish

# Below this much estimated work for the documents after the first, starting workers costs more than it saves.
PARALLEL_SECONDS = 1.0

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from styrmodell.model.repository import Repository
    from styrmodell.reports.kinds import ReportType
    from styrmodell.reports.period import ReportPeriod


def default_jobs() -> int:
    """As many workers as this process may use cores."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


@dataclass
class _Job:
    repo: Repository
    root: Path
    kind: ReportType
    period: ReportPeriod
    fmt: str


_JOB: _Job | None = None  # what the forked workers make documents of


def _worker_start() -> None:
    """A worker leaves Ctrl-C to the command, which ends the workers and writes nothing."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _draft_one(organ: str | None) -> tuple[str, Document | str]:
    """In a worker: the document, or the Swedish message of the error that stopped it."""
    assert _JOB is not None
    try:
        return "ok", draft(_JOB.repo, _JOB.root, _JOB.kind, _JOB.period, organ, _JOB.fmt)
    except FatalError as error:
        return "fel", str(error)


class Documents:
    """The documents for `organs`, in that order, on at most `jobs` cores (None: as many as there are
    and the work is worth); a context manager that always ends its workers. Makes the first document
    and forks when it is entered, so enter it before starting any thread."""

    def __init__(
        self,
        repo: Repository,
        root: Path,
        kind: ReportType,
        period: ReportPeriod,
        organs: list[str | None],
        fmt: str,
        workdir: Path,
        jobs: int | None = None,
    ):
        self.job = _Job(repo, root, kind, period, fmt)
        self.organs = organs
        self.workdir = workdir
        self.jobs = jobs
        self._first: Document | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future] = []

    def __enter__(self) -> Documents:
        if not self.organs:
            return self
        job = self.job
        started = time.perf_counter()
        self._first = draft(job.repo, job.root, job.kind, job.period, self.organs[0], job.fmt)
        rest = self.organs[1:]
        estimate = (time.perf_counter() - started) * len(rest)
        workers = min(self.jobs or default_jobs(), len(rest))
        worth = self.jobs is not None or estimate >= PARALLEL_SECONDS
        if workers > 1 and worth and hasattr(os, "fork") and Workers.may_fork:
            self._start(workers, rest)
        return self

    def _start(self, workers: int, organs: list[str | None]) -> None:
        global _JOB
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        _JOB = self.job
        try:
            self._pool = ProcessPoolExecutor(
                max_workers=workers, mp_context=multiprocessing.get_context("fork"), initializer=_worker_start
            )
            self._futures = [self._pool.submit(_draft_one, organ) for organ in organs]
        finally:
            _JOB = None  # the workers have forked with it; this process keeps no reference

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __iter__(self) -> Iterator[Document]:
        if self._first is None:
            return
        yield finish(self._first, self.workdir)
        if self._pool is None:
            job = self.job
            for organ in self.organs[1:]:
                yield finish(draft(job.repo, job.root, job.kind, job.period, organ, job.fmt), self.workdir)
            return
        for future in self._futures:
            kind, value = future.result()
            if kind == "fel":
                assert isinstance(value, str)
                raise FatalError(value)
            assert isinstance(value, Document)
            yield finish(value, self.workdir)
