"""The server process: one repository's model, resident, answering on a Unix socket.

    python -m styrmodell.server.daemon ROOT [IDLE_SECONDS]   (started by `styr server start`)

One request per connection, a line of JSON each way (`client.py` says what is asked). Requests are
answered one at a time, each validation the same as a cold `styr validera` of the files as they are
on disk (validation/resident.py). The server stops when asked, when it has been idle for
IDLE_SECONDS, or when its socket is removed or taken over; it never runs anything from the
repository.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import os
import socket
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from styrmodell.errors import FatalError
from styrmodell.findings import to_rows
from styrmodell.server.address import private_folder, socket_path
from styrmodell.server.client import MAX_MESSAGE, identity, read_message
from styrmodell.svenska import dates
from styrmodell.validation.resident import Resident

CHECK_SOCKET_SECONDS = 5.0  # how often an idle server checks that its socket is still its own


class Daemon:
    """The answers of a server: validations of `resident`'s repository as it is on disk."""

    def __init__(self, root: Path, resident: Resident | None = None, kind: str = "styr server"):
        self.root = root
        self.resident = resident or Resident(root)
        self.kind = kind
        self.started = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        self.validations = 0
        self.files = 0

    def answer(self, request: dict) -> tuple[dict, bool]:
        """The answer to one request, and whether the server should stop after it."""
        asked = request.get("fråga")
        if asked == "stopp":
            return {"svar": "stoppad"}, True
        if asked == "status":
            status = {"pid": os.getpid(), "rot": str(self.root), "start": self.started, "slag": self.kind}
            status |= {"körningar": self.validations, "filer": self.files, "identitet": identity()}
            return {"svar": "status", **status}, False
        if asked != "validera":
            return {"svar": "vägran", "text": f"okänd fråga {asked!r}"}, False
        if request.get("identitet") != identity():
            return {"svar": "vägran", "text": "servern kör en annan version av styr"}, False
        if request.get("idag") != dates.today().isoformat():
            return {"svar": "vägran", "text": "servern har ett annat datum som dagens"}, False
        rules = request.get("regler") or {}
        try:
            result = self.resident.validate(cli_rules=rules if isinstance(rules, dict) else {})
        except FatalError as exc:
            return {"svar": "fel", "text": str(exc), "kod": exc.exit_code}, False
        finally:
            gc.collect(1)  # what the validation left behind; the resident model is in the old generation
        self.validations += 1
        self.files = result.files
        answer = {"svar": "resultat", "kommun": result.kommun, "filer": result.files}
        return answer | {"följdfel": result.consequences, "fynd": to_rows(result.findings)}, False


class Listener:
    """The socket of a repository's server, answering with `answer` one connection at a time."""

    def __init__(self, root: Path, answer: Callable[[dict], tuple[dict, bool]]):
        self.path = socket_path(root)
        self.answer = answer
        self.socket: socket.socket | None = None
        self.inode: int | None = None
        self.stopped = threading.Event()

    def bind(self) -> None:
        private_folder(self.path.parent)
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            self.path.unlink(missing_ok=True)  # a socket left by a server that died (callers check that none answers)
            listener.bind(str(self.path))
            os.chmod(self.path, 0o600)
            listener.listen(16)
        except OSError as exc:
            listener.close()
            raise FatalError(f"{self.path}: servern kan inte lyssna ({exc.strerror})") from None
        listener.settimeout(CHECK_SOCKET_SECONDS)
        self.socket, self.inode = listener, os.stat(self.path).st_ino

    def serve(self, idle_seconds: float = 0.0) -> None:
        """Answer until asked to stop, idle for `idle_seconds` (0: never), or the socket is not ours."""
        assert self.socket is not None
        last = time.monotonic()
        try:
            while not self.stopped.is_set():
                try:
                    connection, _ = self.socket.accept()
                except TimeoutError:
                    if idle_seconds and time.monotonic() - last > idle_seconds:
                        return
                    if not self._own():
                        return  # removed (a cleanup) or taken over by another server
                    continue
                except OSError:
                    return  # closed by `close()` from another thread
                with connection:
                    stop = self._handle(connection)
                last = time.monotonic()
                if stop:
                    return
        finally:
            self.close()

    def close(self) -> None:
        self.stopped.set()
        if self.socket is not None:
            self.socket.close()
        if self._own():
            with contextlib.suppress(OSError):
                self.path.unlink()

    def _own(self) -> bool:
        try:
            return os.stat(self.path).st_ino == self.inode
        except OSError:
            return False

    def _handle(self, connection: socket.socket) -> bool:
        connection.settimeout(30)
        try:
            request = read_message(connection)
        except (OSError, ValueError):
            return False
        answer, stop = self.answer(request if isinstance(request, dict) else {})
        try:
            data = json.dumps(answer, ensure_ascii=False).encode("utf-8") + b"\n"
            if len(data) > MAX_MESSAGE:
                data = json.dumps({"svar": "vägran", "text": "svaret är för stort"}).encode("utf-8") + b"\n"
            connection.sendall(data)
        except OSError:
            pass
        return stop


def serve(root: Path, idle_seconds: float) -> None:
    listener = Listener(root, Daemon(root).answer)
    listener.bind()
    listener.serve(idle_seconds)


def main(argv: list[str]) -> None:
    gc.disable()  # as on the command line: the model lives as long as the process (cli/main.py)
    root = Path(argv[0]).resolve()
    idle = float(argv[1]) if len(argv) > 1 else 0.0
    code = 0
    try:
        serve(root, idle)
    except FatalError as exc:
        print(f"styr server: {exc}", file=sys.stderr)
        code = exc.exit_code
    except Exception as exc:  # noqa: BLE001 - the server's log says what stopped it, never a traceback
        print(f"styr server: internt fel: {type(exc).__name__}: {exc}", file=sys.stderr)
        code = 3
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    main(sys.argv[1:])
