"""The commands that render the model (`rapport`, `arshjul`, `kompass`, `frister`) read parsed files
from the same cache as `styr validera`, give the same bytes warm as cold, and never trust a damaged
entry; `--ingen-cache` reads everything anew and stores nothing."""

from __future__ import annotations

import shutil

import pytest

from conftest import EXAMPLES, run_styr
from styrmodell.load.cache import Cache

VISION = "I Grästorp växer vi tillsammans."
COMMANDS = {
    "rapport": ["rapport", "verksamhetsplan", "--period", "2026"],
    "arshjul": ["arshjul", "--datum", "2026-09-15"],
    "kompass": ["kompass", "--format", "markdown"],
    "frister": ["frister", "--datum", "2026-09-15", "--inom", "60d"],
}


def _entries(cache_dir):
    return {p: p.stat().st_mtime_ns for p in (cache_dir / "filer").rglob("*") if p.is_file()}


def _run(command, root, cache_dir, *flags):
    proc = run_styr(*COMMANDS[command], str(root), *flags, env={"STYR_CACHE_DIR": str(cache_dir)})
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_a_second_run_reads_the_files_from_the_cache_and_gives_the_same_bytes(command, tmp_path):
    root = tmp_path / "grastorp"
    shutil.copytree(EXAMPLES / "grastorp", root)
    cache_dir = tmp_path / "cache"
    cold = _run(command, root, cache_dir, "--ingen-cache")
    assert not cache_dir.exists()  # --ingen-cache stores nothing
    first = _run(command, root, cache_dir)
    stored = _entries(cache_dir)
    yaml_files = [p for p in root.rglob("*.yaml") if p.name != "styrmodell.yaml"]
    assert len(stored) == len(yaml_files)  # one parsed entry per governance file
    second = _run(command, root, cache_dir)
    assert first == second == cold
    assert _entries(cache_dir) == stored  # the warm run parsed nothing anew: no entry was written


def test_the_report_uses_what_the_cache_holds_and_never_a_damaged_entry(tmp_path):
    """A valid entry under a file's key is what the loader uses (so the files do come from the cache);
    the same entry with one byte changed is a miss, and the file is parsed again."""
    root = tmp_path / "grastorp"
    shutil.copytree(EXAMPLES / "grastorp", root)
    cache_dir = tmp_path / "cache"
    cold = _run("rapport", root, cache_dir, "--ingen-cache")
    assert VISION in cold
    assert _run("rapport", root, cache_dir) == cold
    cache = Cache(cache_dir)
    for path in _entries(cache_dir):
        key = path.parent.name + path.name
        value = cache.get("filer", key)
        if isinstance(value, tuple) and isinstance(value[0], dict) and "vision" in value[0]:
            break
    else:
        pytest.fail("ingen post i cachen för vision.yaml")
    data = dict(value[0])
    data["vision"] = {**data["vision"], "text": "Visionen ur cachen."}
    cache.put("filer", key, (data, *value[1:]))
    from_cache = _run("rapport", root, cache_dir)
    assert "Visionen ur cachen." in from_cache and VISION not in from_cache
    raw = bytearray(path.read_bytes())
    raw[-1] ^= 0x01  # damaged: the checksum no longer holds
    path.write_bytes(bytes(raw))
    assert _run("rapport", root, cache_dir) == cold
    assert _run("rapport", root, cache_dir, "--no-cache") == cold
