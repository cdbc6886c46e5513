"""The cache is never wrong: after every kind of change a warm run's findings equal a cold run's."""

from __future__ import annotations

import json

import pytest

from conftest import run_styr
from styrmodell.load.cache import Cache
from styrmodell.validation.pipeline import validate

BROKEN_GOAL = "organ: bun\nmål:\n  - id: bun-ny\n    nivå: nämndmål\n    text: Genomföra fler aktiviteter\n"


def _findings(root, cache_dir, *flags):
    proc = run_styr("validera", str(root), "--format", "json", *flags, env={"STYR_CACHE_DIR": str(cache_dir)})
    assert proc.returncode in (0, 1), proc.stderr
    return proc.stdout


def _check_warm_equals_cold(root, cache_dir):
    cold = _findings(root, cache_dir, "--ingen-cache")
    first = _findings(root, cache_dir)  # fills the cache
    warm = _findings(root, cache_dir)  # answered from it
    assert first == cold
    assert warm == cold
    return json.loads(cold)


def test_warm_equals_cold_through_edits_renames_deletes_and_config(repo_factory, tmp_path):
    root = repo_factory()
    cache_dir = tmp_path / "cache"
    assert _check_warm_equals_cold(root, cache_dir)["fel"] == 0
    (root / "organ/bun/nytt.yaml").write_text(BROKEN_GOAL, "utf-8")  # add a broken file
    assert _check_warm_equals_cold(root, cache_dir)["fel"] > 0
    (root / "organ/bun/nytt.yaml").rename(root / "organ/bun/omdopt.yaml")  # rename it
    payload = _check_warm_equals_cold(root, cache_dir)
    assert any(f["fil"].endswith("organ/bun/omdopt.yaml") for f in payload["fynd"])
    text = (root / "organ/bun/omdopt.yaml").read_text("utf-8")
    (root / "organ/bun/omdopt.yaml").write_text(text.replace("Genomföra fler", "Fler elever läser"), "utf-8")
    _check_warm_equals_cold(root, cache_dir)  # edit it
    (root / "organ/bun/omdopt.yaml").unlink()  # delete it
    assert _check_warm_equals_cold(root, cache_dir)["fel"] == 0
    config = (root / "styrmodell.yaml").read_text("utf-8")  # change the config
    (root / "styrmodell.yaml").write_text(
        config.replace("    max: 3\n", "    max: 1\n").replace("räkna_kf_mål: false", "räkna_kf_mål: true"), "utf-8"
    )
    assert _check_warm_equals_cold(root, cache_dir)["fel"] == 1  # 1 own goal + 1 KF goal > 1
    # command-line flags are part of the key
    flagged = json.loads(_findings(root, cache_dir, "--regel", "SM401=av"))
    assert flagged["fel"] == 0


def test_a_new_tool_version_never_reads_old_entries(repo_factory, tmp_path, monkeypatch):
    root = repo_factory(files={"organ/bun/nytt.yaml": BROKEN_GOAL})
    cache = Cache(tmp_path / "cache")
    cold = validate(root).findings
    assert validate(root, cache=cache).findings == cold
    import styrmodell.load.cache as cache_module

    monkeypatch.setattr(cache_module, "__version__", "99.0")
    newer = Cache(tmp_path / "cache")
    assert newer.salt != cache.salt
    keys = [(p.name, newer.file_key(p.name, p.read_bytes(), 0)) for p in root.rglob("*.yaml")]
    assert newer.get_result(newer.result_key(keys, b"", "")) is None
    assert validate(root, cache=newer).findings == cold


@pytest.mark.parametrize("garbage", [b"", b"\x00\x01\x02 inte marshal", b"\xe3" * 100])
def test_a_corrupt_cache_is_a_miss(repo_factory, tmp_path, garbage):
    root = repo_factory(files={"organ/bun/nytt.yaml": BROKEN_GOAL})
    cache_dir = tmp_path / "cache"
    cold = _findings(root, cache_dir, "--ingen-cache")
    _findings(root, cache_dir)
    for entry in cache_dir.rglob("*"):
        if entry.is_file():
            entry.write_bytes(garbage)
    assert _findings(root, cache_dir) == cold
    assert _findings(root, cache_dir) == cold


def test_the_cache_lives_outside_the_repository(repo_factory, tmp_path):
    root = repo_factory()
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    _findings(root, tmp_path / "cache")
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before
    assert any((tmp_path / "cache").rglob("*"))
