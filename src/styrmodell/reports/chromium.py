"""One headless Chromium for a whole run, printing page after page through the DevTools protocol.

Chromium is started once with `--remote-debugging-pipe`: it reads the protocol's commands on its
file descriptor 3 and writes the answers and events on 4, each message JSON ended by a NUL byte.
Each document gets a new tab (`Target.createTarget`, attached with a session of its own), is
loaded from its file, printed with `Page.printToPDF` with the settings of Chromium's own
`--print-to-pdf` (the page's @page rules for size, margins and the page boxes with "Sida X av Y",
background graphics, a tagged PDF with the headings as its outline, no header or footer of
Chromium's), and the tab is closed again: no document sees another's state.

Chromium runs in a session (and process group) of its own with a throwaway profile. Closing the
browser asks it to quit, then kills what is left of its process group, so no renderer or helper
outlives the run. A browser that dies or does not answer in time is a `FatalError` in Swedish;
it is never waited for longer than `timeout` seconds per step.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import signal
import time
from pathlib import Path
from typing import Any

from styrmodell.errors import FatalError

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--remote-debugging-pipe",
)
# what Chromium's `--print-to-pdf --no-pdf-header-footer --generate-pdf-document-outline` asks for
PRINT = {
    "printBackground": True,
    "preferCSSPageSize": True,
    "displayHeaderFooter": False,
    "generateTaggedPDF": True,
    "generateDocumentOutline": True,
}
QUIT_SECONDS = 3.0


class Browser:
    """A running headless Chromium and its DevTools pipe; a context manager that always ends it."""

    def __init__(self, executable: str, folder: Path, timeout: float):
        self.timeout = timeout
        self.log = folder / "chromium.log"
        self._next_id = 0
        self._buffer = b""
        self._events: list[dict] = []
        to_child, self._writer = _pipe_above(4)
        self._reader, from_child = _pipe_above(4)
        log = os.open(self.log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        devnull = os.open(os.devnull, os.O_RDONLY)
        argv = [executable, *FLAGS, f"--user-data-dir={folder / 'profil'}", "about:blank"]
        try:
            self.pid = os.posix_spawn(
                executable,
                argv,
                os.environ,
                file_actions=[
                    (os.POSIX_SPAWN_DUP2, devnull, 0),
                    (os.POSIX_SPAWN_DUP2, log, 1),
                    (os.POSIX_SPAWN_DUP2, log, 2),
                    (os.POSIX_SPAWN_DUP2, to_child, 3),
                    (os.POSIX_SPAWN_DUP2, from_child, 4),
                ],
                setsid=True,
            )
        except OSError as error:
            for fd in (self._writer, self._reader):
                os.close(fd)
            raise FatalError(f"Kunde inte starta Chromium ({executable}): {error}") from None
        finally:
            for fd in (to_child, from_child, log, devnull):
                os.close(fd)
        self._status: int | None = None

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # the documents

    def print_pdf(self, page: Path) -> bytes:
        """The PDF of the HTML file `page`, printed in a tab of its own."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        try:
            self.call("Page.enable", session=session)
            self.call("Page.setLifecycleEventsEnabled", {"enabled": True}, session=session)
            navigated = self.call("Page.navigate", {"url": page.as_uri()}, session=session)
            if navigated.get("errorText"):
                raise FatalError(f"Chromium kunde inte öppna rapportens HTML: {navigated['errorText']}")
            loader = navigated.get("loaderId")
            self.wait_for(
                lambda e: (
                    e.get("sessionId") == session
                    and e.get("method") == "Page.lifecycleEvent"
                    and e["params"].get("name") == "load"
                    and (loader is None or e["params"].get("loaderId") == loader)
                ),
                "att sidan laddades",
            )
            printed = self.call("Page.printToPDF", PRINT, session=session)
        finally:
            if self._status is None:
                self.call("Target.closeTarget", {"targetId": target})
        self._events = [e for e in self._events if e.get("sessionId") != session]
        return base64.b64decode(printed["data"])

    # the protocol

    def call(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        """Send one command and wait for its answer; events that arrive meanwhile are kept."""
        self._next_id += 1
        ident = self._next_id
        message: dict[str, Any] = {"id": ident, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        self._send(message)
        answer = self.wait_for(lambda m: m.get("id") == ident, method, events=False)
        if "error" in answer:
            detail = answer["error"].get("message", "") if isinstance(answer["error"], dict) else answer["error"]
            raise FatalError(f"Chromium svarade med ett fel på {method}: {detail}")
        return answer.get("result", {})

    def wait_for(self, wanted, what: str, events: bool = True) -> dict:
        if events:
            for index, event in enumerate(self._events):
                if wanted(event):
                    return self._events.pop(index)
        deadline = time.monotonic() + self.timeout
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                try:
                    message = json.loads(raw)
                except ValueError:
                    continue
                if wanted(message):
                    return message
                if "id" not in message:
                    self._events.append(message)
            left = deadline - time.monotonic()
            if left <= 0:
                self.close()
                raise FatalError(f"Chromium svarade inte inom {self.timeout:g} sekunder (väntade på {what}).")
            ready, _, _ = select.select([self._reader], [], [], left)
            if ready:
                chunk = os.read(self._reader, 1 << 20)
                if not chunk:
                    raise FatalError(self._died(what))
                self._buffer += chunk

    def _send(self, message: dict) -> None:
        data = json.dumps(message).encode("utf-8") + b"\0"
        try:
            while data:
                data = data[os.write(self._writer, data) :]
        except OSError:
            raise FatalError(self._died(message["method"])) from None

    def _died(self, what: str) -> str:
        self.close()
        code = os.waitstatus_to_exitcode(self._status) if self._status is not None else None
        tail = ""
        try:
            lines = [line for line in self.log.read_text("utf-8", "replace").splitlines() if line.strip()]
            tail = "\n".join(lines[-5:])
        except OSError:
            pass
        return f"Chromium avslutades oväntat (slutkod {code}) medan styr väntade på {what}." + (
            f"\n{tail}" if tail else ""
        )

    # the end

    def close(self) -> None:
        """Ask Chromium to quit, then kill whatever of its process group is left, and reap it."""
        if self._status is not None:
            return
        with contextlib.suppress(OSError):
            os.write(self._writer, json.dumps({"id": 0, "method": "Browser.close"}).encode() + b"\0")
        for fd in (self._writer, self._reader):
            with contextlib.suppress(OSError):
                os.close(fd)
        # wait for it to quit without reaping it, so that its process group cannot be another's yet
        deadline = time.monotonic() + QUIT_SECONDS
        while time.monotonic() < deadline:
            if os.waitid(os.P_PID, self.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None:
                break
            time.sleep(0.02)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)  # the renderers and helpers, and Chromium if it did not quit
        _, self._status = os.waitpid(self.pid, 0)


def _pipe_above(floor: int) -> tuple[int, int]:
    """A pipe whose two ends are above `floor`, so that moving them to 3 and 4 in the child never
    finds one already there; both close on exec in this process's other children."""
    read, write = os.pipe()
    out = []
    for fd in (read, write):
        moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, floor + 1)
        os.close(fd)
        out.append(moved)
    return out[0], out[1]
