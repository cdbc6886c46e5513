"""`styr rapport --organ all` makes its documents on every core with the bytes of a serial run, and
prints every PDF of a run with one Chromium; a document that fails, a Chromium that dies or hangs,
are a Swedish error with nothing written and no process left behind."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from conftest import CHROMIUM, EXAMPLES, needs_chromium, run_styr

ASTORP = EXAMPLES / "astorp"
INTERIM = ["rapport", "delarsrapport", str(ASTORP), "--period", "2026-08-31", "--organ", "all"]


def _files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _make(tmp_path, name, fmt, *flags, env=None):
    out = tmp_path / name
    proc = run_styr(*INTERIM, "-f", fmt, "-o", str(out), *flags, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return _files(out), proc


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_the_parallel_run_gives_the_bytes_of_the_serial_run(tmp_path, fmt):
    serial, _ = _make(tmp_path, "serie", fmt, "--jobb", "1")
    parallel, _ = _make(tmp_path, "parallell", fmt, "--jobs", "3")  # three workers even on one core
    default, _ = _make(tmp_path, "standard", fmt)
    assert len(serial) >= 5 and f"kommun.{fmt}" in serial and f"bun.{fmt}" in serial
    assert parallel == serial
    assert default == serial


def _counting_chromium(tmp_path):
    """A `chromium` first on PATH that notes each start and then runs the real one."""
    folder = tmp_path / "bin"
    folder.mkdir()
    log = tmp_path / "starter.log"
    script = folder / "chromium"
    script.write_text(f'#!/bin/sh\necho start >> "{log}"\nexec "{CHROMIUM}" "$@"\n', "utf-8")
    script.chmod(0o755)
    return {"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}, log


def _processes_mentioning(text: str) -> list[str]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as handle:
                command = handle.read().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if text in command:
            found.append(f"{entry}: {command[:200]}")
    return found


@needs_chromium
def test_one_chromium_prints_every_pdf_of_the_run_with_the_bytes_of_a_serial_run(tmp_path):
    env, log = _counting_chromium(tmp_path)
    # a temporary folder of the run's own, with a short path (Chromium's socket path has a limit)
    temp = Path(tempfile.mkdtemp(prefix="styr-t-", dir="/tmp"))
    env["TMPDIR"] = str(temp)
    try:
        _one_chromium(tmp_path, env, log, temp)
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def _one_chromium(tmp_path, env, log, temp):
    parallel, _ = _make(tmp_path, "parallell", "pdf", "--jobb", "3", env=env)
    assert len(parallel) >= 5 and all(data.startswith(b"%PDF-") for data in parallel.values())
    assert log.read_text("utf-8").count("start") == 1, "en Chromium för hela körningen"
    serial, _ = _make(tmp_path, "serie", "pdf", "--jobb", "1", env=env)
    assert serial == parallel
    assert log.read_text("utf-8").count("start") == 2
    assert not _processes_mentioning(str(temp)), "ingen Chromium-process finns kvar"
    assert not list(temp.iterdir()), "inga temporära filer kvar"


def test_a_document_that_fails_stops_the_run_with_its_error_and_writes_nothing(tmp_path):
    root = tmp_path / "astorp"
    shutil.copytree(ASTORP, root)
    template = root / "mallar" / "rapporter" / "delarsrapport.j2"
    template.parent.mkdir(parents=True)
    template.write_text('{% if "Barn" in d.scope %}{{ 1 // 0 }}{% endif %}Rapporten.\n', "utf-8")
    for jobs in ("1", "3"):
        out = tmp_path / f"ut-{jobs}"
        proc = run_styr(*INTERIM[:2], str(root), *INTERIM[3:], "-o", str(out), "--jobb", jobs)
        assert proc.returncode == 2, proc.stderr
        assert "mallar/rapporter/delarsrapport.j2:1: mallen för delarsrapport går inte att använda" in proc.stderr
        assert "Traceback" not in proc.stderr and "internt fel" not in proc.stderr
        assert not out.exists()


def _fake_chromium(tmp_path, body: str):
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "chromium"
    script.write_text("#!/bin/sh\n" + body, "utf-8")
    script.chmod(0o755)
    return {"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}


def test_a_chromium_that_dies_is_a_clear_error(tmp_path):
    env = _fake_chromium(tmp_path, 'echo "Chromium: kan inte öppna skärmen" >&2\nexit 3\n')
    out = tmp_path / "ut"
    proc = run_styr(*INTERIM, "-f", "pdf", "-o", str(out), env=env)
    assert proc.returncode == 2, proc.stderr
    assert "Chromium avslutades oväntat (slutkod 3)" in proc.stderr
    assert "kan inte öppna skärmen" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not out.exists()


def test_a_chromium_that_hangs_is_ended_with_its_processes(tmp_path):
    """A browser that never answers: after the time limit (here 2 s) a Swedish error, and its whole
    process group is gone, also what it started in the background."""
    pidfile = tmp_path / "barn.pid"
    env = _fake_chromium(tmp_path, f'sleep 300 &\necho $! > "{pidfile}"\nwait\n')
    out = tmp_path / "ut"
    script = (
        "import sys; import styrmodell.reports.pdf as p; p.TIMEOUT = 2; "
        "from styrmodell.cli.main import main; sys.argv[0] = 'styr'; main()"
    )
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", script, *INTERIM, "-f", "pdf", "-o", str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )
    assert proc.returncode == 2, proc.stderr
    assert "Chromium svarade inte inom 2 sekunder" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert time.monotonic() - started < 60
    assert not out.exists()
    child = int(pidfile.read_text().strip())
    time.sleep(0.2)
    try:
        with open(f"/proc/{child}/status", encoding="ascii") as handle:
            state = next(line for line in handle if line.startswith("State:"))
    except FileNotFoundError:
        state = "borta"
    assert state == "borta" or "Z" in state, f"sleep {child} lever kvar: {state}"


def test_jobs_must_be_a_whole_number_of_at_least_one(tmp_path):
    for value, message in (("0", "--jobb 0: ange hur många dokument som görs samtidigt, minst 1"), ("tre", "heltal")):
        proc = run_styr(*INTERIM, "-o", str(tmp_path / "ut"), "--jobb", value)
        assert proc.returncode == 2 and message in proc.stderr, proc.stderr
        assert not (tmp_path / "ut").exists()


@needs_chromium
def test_a_run_that_is_killed_leaves_no_chromium_and_no_profile_behind(tmp_path):
    """`kill` (SIGTERM) while the PDFs are printed: the run ends as with Ctrl-C (130), its Chromium and every
    one of its processes with it, the temporary profile removed, and no file written."""
    from conftest import STYR

    temp = Path(tempfile.mkdtemp(prefix="styr-k-", dir="/tmp"))
    out = tmp_path / "ut"
    try:
        proc = subprocess.Popen(
            [str(STYR), *INTERIM, "-f", "pdf", "-o", str(out), "--jobb", "1"],
            env={**os.environ, "TMPDIR": str(temp)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 60
        while not _processes_mentioning(f"--user-data-dir={temp}"):  # the run's Chromium is printing
            assert time.monotonic() < deadline and proc.poll() is None, "Chromium startade aldrig"
            time.sleep(0.05)
        proc.terminate()
        _, stderr = proc.communicate(timeout=30)
        assert proc.returncode == 130, stderr
        assert "Traceback" not in stderr  # as Ctrl-C: exit code 130
        time.sleep(0.3)
        assert not _processes_mentioning(str(temp))
        assert not list(temp.iterdir())
        assert not out.exists()
    finally:
        shutil.rmtree(temp, ignore_errors=True)
