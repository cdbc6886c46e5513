"""Running a repository's own template with a bound on its time and its memory.

Jinja's sandbox keeps a template from reaching Python's objects, but not from looping for hours
(`{% for i in range(100000) %}{% for j in range(100000) %}`), from building a string of ten
gigabytes (`"a" * 10000000000`, `lipsum(1000000)`, `"{:>1000000000}".format(1)`), or from a number
whose computation never returns to Python (`10 ** 10 ** 10`). So a template from `mallar/` is
rendered in a child process forked from this one (the model is already in memory, nothing is
copied): the child may use `gränser.mall_minne_mb` more memory than the parent and
`gränser.mall_sekunder` seconds; the parent kills it when the time is up. What the child sends
back is plain values (marshal), never objects.

Where there is no fork (Windows), the template is rendered in this process without the bound.
"""

from __future__ import annotations

import marshal
import os
import select
import signal
import time
from collections.abc import Callable
from typing import Any

from styrmodell.errors import FatalError

GRACE_SECONDS = 2.0  # after the child's own alarm, before the parent kills it


class TimeUp(Exception):
    """Raised in the child when its alarm rings."""


def run_bounded(
    work: Callable[[], Any], seconds: float, memory_mb: int, describe: Callable[[BaseException], str], what: str
) -> Any:
    """`work()` in a child process; its value (plain values only), or a FatalError with `describe`'s words
    for what went wrong in the child, or for the time or memory running out."""
    if not hasattr(os, "fork"):  # pragma: no cover - Windows
        try:
            return work()
        except Exception as error:  # noqa: BLE001 - as in the child: every failure is described
            raise FatalError(describe(error)) from None
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; its coverage is the parent's tests
        os.close(read_end)
        _child(work, seconds, memory_mb, describe, write_end)
    os.close(write_end)
    chunks: list[bytes] = []
    deadline = time.monotonic() + seconds + GRACE_SECONDS
    killed = False
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                os.kill(pid, signal.SIGKILL)
                killed = True
                break
            ready, _, _ = select.select([read_end], [], [], left)
            if ready:
                chunk = os.read(read_end, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
    finally:
        os.close(read_end)
        _, status = os.waitpid(pid, 0)
    if killed:
        raise FatalError(
            f"{what} går inte att använda: den tog längre tid än {_seconds(seconds)} s (gränsen `gränser.mall_sekunder`)"
        )
    try:
        kind, value = marshal.loads(b"".join(chunks))
    except (EOFError, ValueError, TypeError):
        raise FatalError(
            f"{what} går inte att använda: den avbröts (slutstatus {os.waitstatus_to_exitcode(status)}; använde "
            f"den mer minne än {memory_mb} MB, gränsen `gränser.mall_minne_mb`?)"
        ) from None
    if kind == "fel":
        raise FatalError(value)
    return value


def _child(
    work: Callable[[], Any], seconds: float, memory_mb: int, describe: Callable[[BaseException], str], out: int
) -> None:  # pragma: no cover - runs in the child
    try:
        try:
            _limit_memory(memory_mb)
            signal.signal(signal.SIGALRM, _ring)
            signal.setitimer(signal.ITIMER_REAL, seconds)
            result: tuple[str, Any] = ("ok", work())
            signal.setitimer(signal.ITIMER_REAL, 0)
        except TimeUp:
            result = (
                "fel",
                describe(TimeUp(f"tog längre tid än {_seconds(seconds)} s (gränsen `gränser.mall_sekunder`)")),
            )
        except MemoryError:
            result = (
                "fel",
                describe(MemoryError(f"använde mer minne än {memory_mb} MB (gränsen `gränser.mall_minne_mb`)")),
            )
        except BaseException as error:  # noqa: BLE001 - the child reports every failure, then exits
            result = ("fel", describe(error))
        try:
            data = marshal.dumps(result)
        except (ValueError, MemoryError):
            data = marshal.dumps(("fel", describe(ValueError("resultatet kan inte skickas tillbaka"))))
        view = memoryview(data)
        while view:
            written = os.write(out, view)
            view = view[written:]
    finally:
        os._exit(0)


def _ring(signum: int, frame: Any) -> None:  # pragma: no cover - runs in the child
    raise TimeUp()


def _limit_memory(memory_mb: int) -> None:  # pragma: no cover - runs in the child
    """At most `memory_mb` more address space than the process has now (Linux; elsewhere no limit)."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[0])
        limit = pages * os.sysconf("SC_PAGE_SIZE") + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, OSError, ValueError):
        pass


def _seconds(seconds: float) -> str:
    return f"{seconds:g}".replace(".", ",")
