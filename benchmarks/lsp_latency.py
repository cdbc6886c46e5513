"""How long the language server takes from a one-line change to the diagnostics of the changed file.

    python benchmarks/lsp_latency.py REPO FILE [--changes 10]

Starts `styr lsp` (the one beside this Python), opens FILE, waits for the first diagnostics, then
sends one-line changes (a comment line added, as typing does) and measures, for each, the time from
sending `textDocument/didChange` to receiving `textDocument/publishDiagnostics` for the file. The
server's debounce is part of the figure. Prints JSON: every latency in seconds, and the time to the
first diagnostics after opening (a cold start of the model).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path


class Server:
    def __init__(self, command: list[str]):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def send(self, message: dict) -> None:
        body = json.dumps(message, ensure_ascii=False).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode("ascii") + body)
        self.process.stdin.flush()

    def receive(self) -> dict:
        stream = self.process.stdout
        assert stream is not None
        length = 0
        while True:
            line = stream.readline().strip()
            if not line:
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.lower() == "content-length":
                length = int(value)
        message = json.loads(stream.read(length))
        if "id" in message and "method" in message:
            self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
        return message

    def request(self, method: str, params) -> dict:
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == self.next_id and "method" not in message:
                return message

    def diagnostics_for(self, uri: str) -> list:
        while True:
            message = self.receive()
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                return message["params"]["diagnostics"]


def measure(root: Path, relpath: str, changes: int) -> dict:
    styr = shutil.which("styr", path=str(Path(sys.executable).parent)) or "styr"
    server = Server([styr, "lsp", "--stdio"])
    root_uri = root.resolve().as_uri()
    uri = (root / relpath).resolve().as_uri()
    server.request("initialize", {"processId": None, "rootUri": root_uri, "capabilities": {}})
    server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    text = (root / relpath).read_text("utf-8")
    start = time.perf_counter()
    server.send(
        {
            "jsonrpc": "2.0",
            "method": "textDocument/didOpen",
            "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
        }
    )
    server.diagnostics_for(uri)
    first = time.perf_counter() - start
    latencies = []
    for n in range(changes):
        text += f"# ändring {n}\n"
        start = time.perf_counter()
        server.send(
            {
                "jsonrpc": "2.0",
                "method": "textDocument/didChange",
                "params": {"textDocument": {"uri": uri, "version": n + 2}, "contentChanges": [{"text": text}]},
            }
        )
        server.diagnostics_for(uri)
        latencies.append(time.perf_counter() - start)
        time.sleep(0.2)  # a pause in the typing: every change is its own validation
    server.request("shutdown", None)
    server.send({"jsonrpc": "2.0", "method": "exit", "params": None})
    server.process.wait(timeout=30)
    return {"första_s": first, "latens_s": latencies}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo", type=Path)
    parser.add_argument("file")
    parser.add_argument("--changes", type=int, default=10)
    args = parser.parse_args()
    print(json.dumps(measure(args.repo, args.file, args.changes)))


if __name__ == "__main__":
    main()
