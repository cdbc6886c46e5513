"""The cache is never wrong: after every kind of change a warm run's findings equal a cold run's."""

from __future__ import annotations

import json
import marshal
import subprocess
import sys

import pytest

from conftest import run_styr
from styrmodell.load.cache import Cache
from styrmodell.load.identity import code_identity, digest
from styrmodell.validation.pipeline import validate

BROKEN_GOAL = "organ: bun\nmål:\n  - id: bun-ny\n    nivå: nämndmål\n    text: Genomföra fler aktiviteter\n"


def _findings(root, cache_dir, *flags, today: str | None = None):
    env = {"STYR_CACHE_DIR": str(cache_dir)}
    if today is None:
        proc = run_styr("validera", str(root), "--format", "json", *flags, env=env)
    else:  # the real command, on a day of the test's choosing (the model's and the cache's one "today")
        script = (
            "import datetime, sys; import styrmodell.svenska.dates as d; "
            f"d.today = lambda: datetime.date.fromisoformat({today!r}); "
            "from styrmodell.cli.main import main; sys.argv[0] = 'styr'; main()"
        )
        proc = subprocess.run(
            [sys.executable, "-c", script, "validera", str(root), "--format", "json", *flags],
            capture_output=True,
            text=True,
            env={**__import__("os").environ, **env},
            timeout=120,
        )
    assert proc.returncode in (0, 1), proc.stderr
    return proc.stdout


def _check_warm_equals_cold(root, cache_dir, today: str | None = None):
    cold = _findings(root, cache_dir, "--ingen-cache", today=today)
    first = _findings(root, cache_dir, today=today)  # fills the cache
    warm = _findings(root, cache_dir, today=today)  # answered from it
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


def test_warm_equals_cold_after_editing_a_preset_the_configuration_extends(repo_factory, tmp_path):
    """The preset lives in a hidden folder, so it is no governance file: only the config's key covers it."""
    root = repo_factory(
        files={".styr/förinställning.yaml": "regler:\n  mål-per-nämnd:\n    max: 3\n    räkna_kf_mål: false\n"},
        replace={"styrmodell.yaml": [["kommun:", "extends: ./.styr/förinställning.yaml\nkommun:"]]},
    )
    config = (root / "styrmodell.yaml").read_text("utf-8")
    config = config.replace("regler:\n  mål-per-nämnd:\n    max: 3\n    räkna_kf_mål: false\n", "")
    (root / "styrmodell.yaml").write_text(config, "utf-8")  # the preset decides
    cache_dir = tmp_path / "cache"
    assert _check_warm_equals_cold(root, cache_dir)["fel"] == 0
    (root / ".styr/förinställning.yaml").write_text(
        "regler:\n  mål-per-nämnd:\n    max: 1\n    räkna_kf_mål: true\n", "utf-8"
    )
    assert _check_warm_equals_cold(root, cache_dir)["fel"] == 1


def test_warm_equals_cold_after_the_date_moves_past_a_documents_end(repo_factory, tmp_path):
    root = repo_factory(replace={"styrmodell.yaml": [["referensdatum: 2026-09-15\n", ""]]})
    path = root / "organ/kf/styrdokument.yaml"
    path.write_text(
        path.read_text("utf-8").replace("    beslutsdatum: 2023-03-27\n", "    beslutsdatum: 2025-03-27\n"), "utf-8"
    )
    path.write_text(
        path.read_text("utf-8").replace(
            '    paragraf: "§ 31"\n', '    paragraf: "§ 31"\n    gäller_till: 2026-12-31\n', 1
        ),
        "utf-8",
    )
    cache_dir = tmp_path / "cache"
    before = _check_warm_equals_cold(root, cache_dir, today="2026-12-31")
    assert not [f for f in before["fynd"] if f["kod"] == "SM704"], before
    after = _check_warm_equals_cold(root, cache_dir, today="2027-01-01")
    assert [f["kod"] for f in after["fynd"]].count("SM704") == 1, after


def test_a_damaged_entry_is_a_miss_even_when_it_still_reads(repo_factory, tmp_path):
    """An entry whose content was changed (here: to say "no findings", in valid marshal data) fails its
    checksum; so does one moved under another key."""
    root = repo_factory(files={"organ/bun/nytt.yaml": BROKEN_GOAL})
    cache_dir = tmp_path / "cache"
    cold = _findings(root, cache_dir, "--ingen-cache")
    assert json.loads(cold)["fel"] > 0
    _findings(root, cache_dir)
    results = [p for p in (cache_dir / "resultat").rglob("*") if p.is_file()]
    assert len(results) == 1
    raw = results[0].read_bytes()
    head, payload = raw[:43], raw[43:]  # b"styr-cache\x02", the sha256, the marshal data
    meta, _rows = marshal.loads(payload)
    results[0].write_bytes(head + marshal.dumps((meta, [])))  # "Inga fel", with the old checksum
    assert _findings(root, cache_dir) == cold
    files = sorted(p for p in (cache_dir / "filer").rglob("*") if p.is_file())
    assert len(files) >= 2
    files[0].write_bytes(files[1].read_bytes())  # one file's entry in another's place
    results[0].unlink()
    assert _findings(root, cache_dir) == cold


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


def test_the_key_covers_the_tools_code_and_version(repo_factory, tmp_path, monkeypatch):
    import importlib.metadata

    record = importlib.metadata.distribution("styrmodell").read_text("RECORD")
    assert record and code_identity() == digest("RECORD", record)  # the installed wheel's every file
    root = repo_factory(files={"organ/bun/nytt.yaml": BROKEN_GOAL})
    cache = Cache(tmp_path / "cache")
    cold = validate(root).findings
    assert validate(root, cache=cache).findings == cold
    import styrmodell.load.identity as cache_module

    with monkeypatch.context() as patch:
        patch.setattr(cache_module, "__version__", "99.0")
        newer = Cache(tmp_path / "cache")
    assert newer.salt != cache.salt
    assert newer.key("resultat") != cache.key("resultat")
    assert validate(root, cache=newer).findings == cold

    cache_module.code_identity.cache_clear()
    try:
        with monkeypatch.context() as patch:
            patch.setattr(cache_module, "_record", lambda package: None)
            source_tree = Cache(tmp_path / "cache")  # no RECORD: the package's own files are hashed
    finally:
        cache_module.code_identity.cache_clear()
    assert source_tree.salt != cache.salt and "källträd" in source_tree.salt


def test_the_cache_lives_outside_the_repository(repo_factory, tmp_path):
    root = repo_factory()
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    _findings(root, tmp_path / "cache")
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before
    assert any((tmp_path / "cache").rglob("*"))
