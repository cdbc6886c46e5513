"""What the command line asks a repository's server, and starting and stopping it.

A request is one line of JSON: `{"fråga": "validera", "identitet": ..., "idag": ..., "regler": {...}}`,
`{"fråga": "status"}` or `{"fråga": "stopp"}`; the answer is one line back. The server answers a
validation only when it runs the same styr (the cache's identity of the installed code and
libraries) and has the same date as today, else it declines and the command validates in its own
process: a server can make a run faster, never different.
"""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from styrmodell.errors import FatalError
from styrmodell.server.address import private_folder, socket_path

if TYPE_CHECKING:
    from styrmodell.validation.pipeline import Result

MAX_MESSAGE = 256 * 1024 * 1024
START_SECONDS = 20.0  # for the server process to listen
IDLE_SECONDS = 8 * 3600.0  # a server nobody asks for this long stops by itself


PROTOCOL = 1  # the requests' and answers' format


def identity() -> str:
    from styrmodell.load.identity import identity as installed

    return installed(PROTOCOL)


def read_message(connection: socket.socket) -> Any:
    chunks = []
    size = 0
    while True:
        chunk = connection.recv(1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if chunk.endswith(b"\n"):
            break
        if size > MAX_MESSAGE:
            raise ValueError("för stort meddelande")
    return json.loads(b"".join(chunks).decode("utf-8"))


def ask(root: Path, request: dict, timeout: float | None = 600.0) -> dict | None:
    """The server's answer, or None when no server answers for `root`."""
    path = socket_path(root)
    if not path.exists():
        return None
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.settimeout(timeout)
            connection.connect(str(path))
            connection.sendall(json.dumps(request, ensure_ascii=False).encode("utf-8") + b"\n")
            connection.shutdown(socket.SHUT_WR)
            answer = read_message(connection)
    except (OSError, ValueError):
        return None
    return answer if isinstance(answer, dict) else None


def validate(root: Path, cli_rules: dict[str, dict] | None = None) -> Result | None:
    """The server's `styr validera` of `root`, or None when there is no server or it declines."""
    from styrmodell.svenska import dates

    request = {"fråga": "validera", "identitet": identity(), "idag": dates.today().isoformat()}
    answer = ask(root, request | {"regler": cli_rules or {}})
    if answer is None:
        return None
    if answer.get("svar") == "fel":
        error = FatalError(str(answer.get("text")))
        error.exit_code = int(answer.get("kod") or 2)
        raise error
    if answer.get("svar") != "resultat":
        return None
    from styrmodell.findings import from_rows
    from styrmodell.validation.pipeline import Result

    try:
        findings = from_rows(answer["fynd"])
        return Result(str(answer["kommun"]), int(answer["filer"]), findings, consequences=int(answer["följdfel"]))
    except (KeyError, TypeError, ValueError):
        return None


def status(root: Path) -> dict | None:
    answer = ask(root, {"fråga": "status"}, timeout=10.0)
    return answer if answer is not None and answer.get("svar") == "status" else None


def stop(root: Path) -> bool:
    """Whether a server was running for `root` (it has stopped when this returns)."""
    answer = ask(root, {"fråga": "stopp"}, timeout=60.0)
    path = socket_path(root)
    deadline = time.monotonic() + 10
    while answer is not None and path.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    return answer is not None


def start(root: Path, idle_seconds: float = IDLE_SECONDS) -> dict:
    """Start a server for `root` (unless one runs) and wait until it has read the repository once;
    its status."""
    running = status(root)
    if running is not None:
        return running
    path = socket_path(root)
    private_folder(path.parent)
    log = path.with_suffix(".log")
    with open(log, "wb") as errors:
        command = [sys.executable, "-m", "styrmodell.server.daemon", str(root.resolve()), str(idle_seconds)]
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors, start_new_session=True
        )
    deadline = time.monotonic() + START_SECONDS
    while status(root) is None:
        if process.poll() is not None or time.monotonic() > deadline:
            said = log.read_text("utf-8", "replace").strip() if log.exists() else ""
            if process.poll() is None:
                process.kill()
            raise FatalError(said.removeprefix("styr server: ") or "servern startade inte")
        time.sleep(0.05)
    # the first reading of the repository, so that the next run is fast; a repository that cannot be
    # used as it is gets its message from `styr validera`
    with contextlib.suppress(FatalError):
        validate(root)
    return status(root) or {}
