"""`styr server`: a resident model that answers `styr validera` with exactly the in-process answer,
started, asked and stopped through the real command line."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_styr
from styrmodell.server import client
from styrmodell.server.address import socket_path


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "grastorp"
    shutil.copytree(EXAMPLES / "grastorp", root)
    yield root
    client.stop(root)  # never leave a server behind, whatever the test did


def _started(root: Path) -> None:
    started = run_styr("server", "start", str(root))
    assert started.returncode == 0, started.stderr
    assert "Servern (styr server) körs för" in started.stdout and "filer i modellen" in started.stdout


def test_the_server_answers_as_validation_in_process_does(repo):
    _started(repo)
    status = run_styr("server", "status", str(repo))
    assert status.returncode == 0 and "1 validering" in status.stdout
    goals = repo / "organ" / "mbn" / "mal.yaml"
    goals.write_text(goals.read_text("utf-8").replace("tjänar: [", "tjänar: [mal-finns-inte, ", 1), "utf-8")
    for args in ([], ["--format", "json"], ["--regel", "SM201=varning"], ["--strikt", "--regel", "SM201=varning"]):
        served = run_styr("validera", str(repo), *args)
        local = run_styr("validera", str(repo), "--ingen-server", *args)
        assert (served.returncode, served.stdout, served.stderr) == (local.returncode, local.stdout, local.stderr)
    assert "mal-finns-inte" in served.stdout and served.returncode == 1
    # the server did answer: it counts its validations
    assert "5 valideringar" in run_styr("server", "status", str(repo)).stdout
    # an edit is seen at once, and so is its undoing
    goals.write_text(goals.read_text("utf-8").replace("mal-finns-inte, ", ""), "utf-8")
    served = run_styr("validera", str(repo), "--format", "json")
    assert served.returncode == 0 and json.loads(served.stdout)["fynd"] == []
    stopped = run_styr("server", "stopp", str(repo))
    assert stopped.returncode == 0 and "stoppats" in stopped.stdout
    assert not socket_path(repo).exists()
    again = run_styr("server", "status", str(repo))
    assert again.returncode == 1 and "Ingen server körs" in again.stdout


def test_validate_with_server_starts_one(repo):
    first = run_styr("validera", str(repo), "--server")
    assert first.returncode == 0, first.stderr
    assert run_styr("server", "status", str(repo)).returncode == 0
    both = run_styr("validera", str(repo), "--server", "--ingen-cache")
    assert both.returncode == 2 and "--server går inte ihop med" in both.stderr


def test_an_unusable_configuration_is_the_same_error_through_the_server(repo):
    _started(repo)
    config = repo / "styrmodell.yaml"
    config.write_text(config.read_text("utf-8").replace("regler:\n", "regler:\n  SM999: av\n", 1), "utf-8")
    served = run_styr("validera", str(repo))
    local = run_styr("validera", str(repo), "--ingen-server")
    assert served.returncode == local.returncode == 2
    assert served.stderr == local.stderr and "okänd regel 'SM999'" in served.stderr


def test_a_server_of_another_version_is_not_asked(repo):
    _started(repo)
    answer = client.ask(repo, {"fråga": "validera", "identitet": "styrmodell 0.0.1", "idag": "2026-12-01"})
    assert answer is not None and answer["svar"] == "vägran" and "annan version" in answer["text"]
    answer = client.ask(repo, {"fråga": "validera", "identitet": client.identity(), "idag": "1999-01-01"})
    assert answer is not None and answer["svar"] == "vägran" and "datum" in answer["text"]


def test_a_server_whose_socket_is_removed_stops_by_itself(repo):
    _started(repo)
    pid = int(client.status(repo)["pid"])
    socket_path(repo).unlink()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("servern stannade inte när dess socket togs bort")
    # and validation goes on in process
    assert run_styr("validera", str(repo)).returncode == 0


def test_a_socket_folder_open_to_others_is_refused(repo):
    folder = socket_path(repo).parent
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o777)
    try:
        started = run_styr("server", "start", str(repo))
        assert started.returncode == 2
        assert "stängd för andra" in started.stderr and "Traceback" not in started.stderr
    finally:
        folder.chmod(0o700)
