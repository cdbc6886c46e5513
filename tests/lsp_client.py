"""A small Language Server Protocol client: JSON-RPC 2.0 with Content-Length framing over the pipes of
a real `styr lsp` subprocess, as an editor talks to it."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

from conftest import STYR


def uri(path: Path) -> str:
    return path.resolve().as_uri()


class Client:
    def __init__(self, root: Path, command: list[str] | None = None):
        self.root = root
        self.process = subprocess.Popen(
            command or [str(STYR), "lsp", "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self._next_id = 0
        self._responses: dict[int, queue.Queue] = {}
        self.notifications: queue.Queue = queue.Queue()
        self.diagnostics: dict[str, list[dict]] = {}
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    # --- framing -------------------------------------------------------------------------------

    def _send(self, message: dict) -> None:
        body = json.dumps(message, ensure_ascii=False).encode("utf-8")
        assert self.process.stdin is not None
        with self._lock:
            self.process.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode("ascii") + body)
            self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            body = json.loads(stream.read(int(headers["content-length"])).decode("utf-8"))
            if "id" in body and "method" in body:  # a request from the server: answer it
                self._send({"jsonrpc": "2.0", "id": body["id"], "result": None})
            elif "id" in body:
                self._responses.setdefault(body["id"], queue.Queue()).put(body)
            else:
                if body["method"] == "textDocument/publishDiagnostics":
                    self.diagnostics[body["params"]["uri"]] = body["params"]["diagnostics"]
                self.notifications.put(body)

    # --- messages ------------------------------------------------------------------------------

    def request(self, method: str, params: Any, timeout: float = 60) -> Any:
        self._next_id += 1
        ident = self._next_id
        box = self._responses.setdefault(ident, queue.Queue())
        self._send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        answer = box.get(timeout=timeout)
        assert "error" not in answer, answer
        return answer.get("result")

    def request_error(self, method: str, params: Any, timeout: float = 60) -> dict:
        self._next_id += 1
        ident = self._next_id
        box = self._responses.setdefault(ident, queue.Queue())
        self._send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        answer = box.get(timeout=timeout)
        assert "error" in answer, answer
        return answer["error"]

    def notify(self, method: str, params: Any) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def initialize(self) -> dict:
        result = self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": uri(self.root),
                "workspaceFolders": [{"uri": uri(self.root), "name": self.root.name}],
                "capabilities": {"textDocument": {"publishDiagnostics": {}, "hover": {}, "rename": {}}},
            },
        )
        self.notify("initialized", {})
        return result

    def wait_for_diagnostics(self, timeout: float = 60) -> dict[str, list[dict]]:
        """The diagnostics after the next round of publications (all files of one validation)."""
        deadline = time.monotonic() + timeout
        got = False
        while time.monotonic() < deadline:
            try:
                message = self.notifications.get(timeout=0.5 if got else max(deadline - time.monotonic(), 0.01))
            except queue.Empty:
                if got:
                    return dict(self.diagnostics)
                continue
            if message["method"] == "textDocument/publishDiagnostics":
                got = True
        raise AssertionError("inga diagnoser från servern")

    def open(self, path: Path, text: str | None = None) -> None:
        text = path.read_text("utf-8") if text is None else text
        self.versions = getattr(self, "versions", {})
        self.versions[uri(path)] = 1
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri(path), "languageId": "yaml", "version": 1, "text": text}},
        )

    def change(self, path: Path, text: str) -> None:
        self.versions[uri(path)] += 1
        self.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri(path), "version": self.versions[uri(path)]},
                "contentChanges": [{"text": text}],
            },
        )

    def close(self) -> int:
        self.request("shutdown", None)
        self.notify("exit", None)
        try:
            return self.process.wait(timeout=30)
        finally:
            if self.process.poll() is None:
                self.process.kill()
