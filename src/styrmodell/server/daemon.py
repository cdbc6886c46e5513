"""The server process: one repository's model, resident, answering on a Unix socket.

    python -m styrmodell.server.daemon ROOT [IDLE_SECONDS]   (started by `styr server start`)

One request per connection, a line of JSON each way (`client.py` says what is asked). Requests are
answered one at a time, each validation the same as a cold `styr validera` of the files as they are
on disk (validation/resident.py). The server stops when asked, when it has been idle for
IDLE_SECONDS, or when its socket is removed or taken over; it never runs anything from the
repository.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import socket
import sys
import time
from pathlib import Path

from styrmodell.errors import FatalError
from styrmodell.findings import to_rows
from styrmodell.server.address import private_folder, socket_path
from styrmodell.server.client import MAX_MESSAGE, identity, read_message
from styrmodell.svenska import dates
from styrmodell.validation.resident import Resident

CHECK_SOCKET_SECONDS = 5.0  # how often an idle server checks that its socket is still its own


class Daemon:
    def __init__(self, root: Path):
        self.root = root
        self.resident = Resident(root)
        self.started = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        self.validations = 0
        self.files = 0

    def answer(self, request: dict) -> tuple[dict, bool]:
        """The answer to one request, and whether the server should stop after it."""
        asked = request.get("fråga")
        if asked == "stopp":
            return {"svar": "stoppad"}, True
        if asked == "status":
            status = {"pid": os.getpid(), "rot": str(self.root), "start": self.started}
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


def serve(root: Path, idle_seconds: float) -> None:
    path = socket_path(root)
    private_folder(path.parent)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        path.unlink(missing_ok=True)  # a socket left by a server that died (start checks that none answers)
        listener.bind(str(path))
        os.chmod(path, 0o600)
        listener.listen(16)
    except OSError as exc:
        raise FatalError(f"{path}: servern kan inte lyssna ({exc.strerror})") from None
    own = os.stat(path).st_ino
    listener.settimeout(CHECK_SOCKET_SECONDS)
    daemon = Daemon(root)
    last = time.monotonic()
    try:
        while True:
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                if idle_seconds and time.monotonic() - last > idle_seconds:
                    return
                try:
                    if os.stat(path).st_ino != own:
                        return  # another server took the address over
                except OSError:
                    return  # the socket was removed: `styr server stopp` after a crash, or a cleanup
                continue
            with connection:
                stop = _handle(daemon, connection)
            last = time.monotonic()
            if stop:
                return
    finally:
        listener.close()
        try:
            if os.stat(path).st_ino == own:
                path.unlink()
        except OSError:
            pass


def _handle(daemon: Daemon, connection: socket.socket) -> bool:
    connection.settimeout(30)
    try:
        request = read_message(connection)
    except (OSError, ValueError):
        return False
    answer, stop = daemon.answer(request if isinstance(request, dict) else {})
    try:
        data = json.dumps(answer, ensure_ascii=False).encode("utf-8") + b"\n"
        if len(data) > MAX_MESSAGE:
            data = json.dumps({"svar": "vägran", "text": "svaret är för stort"}).encode("utf-8") + b"\n"
        connection.sendall(data)
    except OSError:
        pass
    return stop


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
