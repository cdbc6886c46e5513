"""`styr importera kolada` against a real HTTP server on 127.0.0.1 that answers as Kolada's API v3
does (the shape in shared/data/kolada/README.md): pages through next_url, a 500, a server that
does not answer in time, malformed JSON, and values that are null with a status. Nothing here
reaches the internet: every run points --url at the local server."""

from __future__ import annotations

import contextlib
import json
import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_styr
from test_import import changed_lines, snapshot

GOALS = "organ/ks/mal.yaml"


def entry(kpi: str, municipality: str, period: int, *values: tuple[str, float | None, str]) -> dict:
    return {
        "kpi": kpi,
        "municipality": municipality,
        "period": period,
        "values": [{"gender": g, "count": 1, "status": s, "value": v} for g, v, s in values],
    }


class Kolada:
    """The recorded answers, by path; `pages` answers a request in several pages."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.routes: dict[str, tuple[int, bytes, float]] = {}
        self.base = ""

    def answer(self, entries: list[dict], pages: int = 1) -> None:
        """Every /v3/data request answered with `entries`, split over `pages` pages."""
        size = max(1, -(-len(entries) // pages))
        chunks = [entries[i : i + size] for i in range(0, len(entries), size)] or [[]]
        self.default = []
        for index, chunk in enumerate(chunks):
            next_url = f"{self.base}/v3/page/{index + 1}" if index + 1 < len(chunks) else None
            body = {"count": len(chunk), "values": chunk, "next_url": next_url, "previous_url": None}
            self.default.append(json.dumps(body).encode())

    def handle(self, path: str) -> tuple[int, bytes, float]:
        self.requests.append(path)
        for prefix, reply in self.routes.items():
            if path.startswith(prefix):
                return reply
        if path.startswith("/v3/page/"):
            return 200, self.default[int(path.rsplit("/", 1)[1])], 0
        return 200, self.default[0], 0


@pytest.fixture
def kolada():
    state = Kolada()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            status, body, delay = state.handle(self.path)
            time.sleep(delay)
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.block_on_close = False
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def astorp(tmp_path) -> Path:
    target = tmp_path / "astorp"
    shutil.copytree(EXAMPLES / "astorp", target)
    return target


def kolada_import(root: Path, server: Kolada, *args: str):
    return run_styr("importera", "kolada", str(root), "--url", f"{server.base}/v3", *args, timeout=120)


ANSWER = [
    entry("U07451", "1277", 2024, ("T", 68.5, "")),
    entry("U07451", "0000", 2024, ("T", 69.4, "")),
    entry("N00647", "1277", 2024, ("T", 57.0, ""), ("K", 59.0, ""), ("M", 55.0, "")),
    entry("N15428", "1277", 2024, ("T", None, "M")),
]


def test_a_2024_value_from_kolada_lands_in_its_file_with_the_comparison(astorp, kolada):
    kolada.answer(ANSWER, pages=4)
    before = snapshot(astorp)
    proc = kolada_import(astorp, kolada, "--år", "2024")
    assert proc.returncode == 0, proc.stderr
    after = snapshot(astorp)
    assert changed_lines(before[GOALS], after[GOALS]) == [
        ("    utfall: {2023: 68.0, 2025: 68.0}\n", "    utfall: {2023: 68.0, 2025: 68.0, 2024: 68.5}\n"),
        ("      Riket: {2023: 69.0, 2025: 70.0}\n", "      Riket: {2023: 69.0, 2025: 70.0, 2024: 69.4}\n"),
    ]
    untouched = set(before) - {GOALS}
    assert all(after[p] == before[p] for p in untouched)
    assert set(after) - set(before) == {"kolada/2024.yaml"}
    # the requests: one per 25 ids, every page followed
    data = [r for r in kolada.requests if r.startswith("/v3/data/")]
    assert len(data) == 1 and "/municipality/0000,1277/year/2024" in data[0]
    assert [r for r in kolada.requests if r.startswith("/v3/page/")] == ["/v3/page/1", "/v3/page/2", "/v3/page/3"]
    # a missing value is reported with its status, never written
    assert "bun-ind-behorighet: Kolada saknar värde för N15428 Åstorp 2024 (status M); inget skrivs" in proc.stderr
    assert "bun-ind-behorighet" not in proc.stdout
    # the snapshot: what was asked, when, and every value with its status
    saved = (astorp / "kolada/2024.yaml").read_text("utf-8")
    assert f'url: "{kolada.base}/v3/data/kpi/' in saved
    assert '{kpi: U07451, kommun: "1277", period: 2024, kön: T, värde: 68.5, status: ""}' in saved
    assert '{kpi: N15428, kommun: "1277", period: 2024, kön: T, värde: null, status: "M"}' in saved
    assert '{kpi: N00647, kommun: "1277", period: 2024, kön: K, värde: 59.0, status: ""}' in saved
    assert "Inga fel. 32 filer kontrollerade för Åstorps kommun." in proc.stdout
    # the report credits Kolada where the value came from there
    report = run_styr("rapport", "arsredovisning", str(astorp), "--period", "2024", "--organ", "ks")
    assert report.returncode == 0, report.stderr
    row = next(line for line in report.stdout.splitlines() if line.startswith("| Företagsklimat"))
    assert "68,5" in row and "Källa: Kolada" in row, row
    other = next(line for line in report.stdout.splitlines() if line.startswith("| Medborgarundersökningen"))
    assert "Källa: Kolada" in other  # 57 stood in the file and is what Kolada has


def test_a_revision_in_kolada_shows_as_one_changed_line_and_needs_overwrite(astorp, kolada):
    kolada.answer(ANSWER)
    assert kolada_import(astorp, kolada, "--år", "2024").returncode == 0
    first = (astorp / "kolada/2024.yaml").read_text("utf-8")
    revised = [entry("U07451", "1277", 2024, ("T", 68.7, "")), *ANSWER[1:]]
    kolada.answer(revised)
    before = snapshot(astorp)
    proc = kolada_import(astorp, kolada, "--år", "2024")
    assert proc.returncode == 1
    assert "ks-ind-foretagsklimat utfall 2024 är 68,5 i filen; Kolada U07451 1277 2024 har 68,7" in proc.stderr
    assert snapshot(astorp) == before
    time.sleep(1.1)  # a new fetch time
    proc = kolada_import(astorp, kolada, "--år", "2024", "--skriv-över")
    assert proc.returncode == 0, proc.stderr
    assert "Kolada har reviderat U07451 1277 2024: 68,5 → 68,7" in proc.stderr
    second = (astorp / "kolada/2024.yaml").read_text("utf-8")
    changes = [(a, b) for a, b in zip(first.splitlines(), second.splitlines(), strict=True) if a != b]
    assert len(changes) == 2 and "hämtad:" in changes[0][0] and "68.7" in changes[1][1], changes


def test_genders_are_written_on_request(astorp, kolada):
    kolada.answer(ANSWER)
    proc = kolada_import(astorp, kolada, "--år", "2024", "--kön")
    assert proc.returncode == 0, proc.stderr
    text = (astorp / GOALS).read_text("utf-8")
    assert "    utfall_per_kön:\n      kvinnor: {2024: 59.0}\n      män: {2024: 55.0}\n" in text


def test_a_comparison_group_is_the_mean_of_its_members(astorp, kolada):
    config = astorp / "styrmodell.yaml"
    config.write_text(
        config.read_text("utf-8") + "\nkolada:\n  jämför: [Liknande kommuner]\n"
        "  grupper:\n    Liknande kommuner: [Bjuv, Klippan, 1284]\n",
        "utf-8",
    )
    kolada.answer(
        [
            entry("U07451", "1277", 2024, ("T", 68.5, "")),
            entry("U07451", "1260", 2024, ("T", 60.0, "")),
            entry("U07451", "1276", 2024, ("T", 70.0, "")),
            entry("U07451", "1284", 2024, ("T", None, "X")),
        ]
    )
    proc = kolada_import(astorp, kolada, "--år", "2024")
    assert proc.returncode == 0, proc.stderr
    data = [r for r in kolada.requests if r.startswith("/v3/data/")]
    assert all("/municipality/0000,1260,1276,1277,1284/" in r for r in data), data
    assert "      Liknande kommuner: {2024: 65.0}\n" in (astorp / GOALS).read_text("utf-8")


@pytest.mark.parametrize(
    ("route", "reply", "message"),
    [
        ("/v3/data/", (500, b'{"error": "internal"}', 0), "Kolada svarade 500"),
        ("/v3/data/", (200, b'{"values": [', 0), "svaret är inte giltig JSON"),
        ("/v3/data/", (200, b'{"count": 1, "values": [{"kpi": "U07451"}]}', 0), "har inte Koladas form"),
        ("/v3/data/", (200, b'{"values": [], "next_url": "http://example.org/v3/x"}', 0), "en annan server"),
        (
            "/v3/data/",
            (200, json.dumps({"values": [entry("U07451", '1277", x: "', 2024, ("T", 1.0, ""))]}).encode(), 0),
            "är inte en kommunkod",
        ),
        (
            "/v3/data/",
            (200, json.dumps({"values": [entry("U07451", "1277", 2024, ("T", "68", ""))]}).encode(), 0),
            "är inte ett tal",
        ),
    ],
)
def test_a_broken_answer_is_a_swedish_error_and_nothing_is_written(astorp, kolada, route, reply, message):
    kolada.answer(ANSWER)
    kolada.routes[route] = reply
    before = snapshot(astorp)
    proc = kolada_import(astorp, kolada, "--år", "2024")
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr and "Inget skrevs" in proc.stderr.replace("inget skrevs", "Inget skrevs")
    assert "Traceback" not in proc.stderr and "internt fel" not in proc.stderr
    assert snapshot(astorp) == before


def test_a_server_that_does_not_answer_in_time(astorp, kolada):
    kolada.answer(ANSWER)
    kolada.routes["/v3/data/"] = (200, json.dumps({"values": []}).encode(), 8)
    before = snapshot(astorp)
    started = time.monotonic()
    proc = kolada_import(astorp, kolada, "--år", "2024", "--tidsgräns", "2")
    assert proc.returncode == 2
    assert "Kolada svarade inte inom 2 sekunder" in proc.stderr
    assert time.monotonic() - started < 8
    assert snapshot(astorp) == before


def test_a_saved_answer_is_read_instead_of_the_network(astorp, tmp_path):
    saved = tmp_path / "svar.json"
    saved.write_text(json.dumps({"count": 1, "values": ANSWER[:2], "next_url": None}))
    proc = run_styr("importera", "kolada", str(astorp), "--år", "2024", "--från-fil", str(saved))
    assert proc.returncode == 0, proc.stderr
    assert "2024: 68.5}" in (astorp / GOALS).read_text("utf-8")
    assert 'url: "fil:svar.json"' in (astorp / "kolada/2024.yaml").read_text("utf-8")


def test_an_answer_about_a_kpi_no_indicator_has(astorp, tmp_path):
    saved = tmp_path / "svar.json"
    saved.write_text(json.dumps({"values": [entry("N00945", "1277", 2024, ("T", 31.3, ""))], "next_url": None}))
    before = snapshot(astorp)
    proc = run_styr("importera", "kolada", str(astorp), "--år", "2024", "--från-fil", str(saved))
    assert proc.returncode == 1
    assert "Kolada N00945: svaret gäller N00945, som ingen indikator har som källa (kolada:N00945)" in proc.stderr
    assert snapshot(astorp) == before


def test_a_kolada_source_that_is_not_a_kolada_id(astorp, kolada):
    goals = astorp / GOALS
    goals.write_text(goals.read_text("utf-8").replace("källa: kolada:U07451", "källa: kolada:U0745"), "utf-8")
    kolada.answer(ANSWER)
    proc = kolada_import(astorp, kolada, "--år", "2024")
    assert proc.returncode == 1
    assert f"{GOALS}:83:5: indikatorn 'ks-ind-foretagsklimat' har källa kolada:U0745" in proc.stderr
    assert kolada.requests == []


def test_bad_years_are_refused(astorp):
    proc = run_styr("importera", "kolada", str(astorp), "--år", "tjugo")
    assert proc.returncode == 2
    assert "--år 'tjugo': skriv år som 2024, 2024,2025 eller 2022-2025" in proc.stderr


def test_at_most_25_ids_a_request(kolada):
    from styrmodell.intake.kolada import fetch_all

    kolada.answer([entry("N00001", "1277", 2024, ("T", 1.0, ""))])
    kpis = [f"N{n:05d}" for n in range(1, 31)]
    answers = fetch_all(f"{kolada.base}/v3", kpis, ["1277", "0000"], [2023, 2024])
    data = [r for r in kolada.requests if r.startswith("/v3/data/")]
    assert len(answers) == len(data) == 2
    assert data[0].startswith("/v3/data/kpi/" + ",".join(kpis[:25]) + "/municipality/0000,1277/year/2023,2024")
    assert data[1].startswith("/v3/data/kpi/" + ",".join(kpis[25:]) + "/")
