"""The benchmark's synthetic repositories are in the real format and validate clean."""

from __future__ import annotations

import sys
from pathlib import Path

from styrmodell.validation.pipeline import validate

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import generate


def test_generated_repository_validates_clean(tmp_path):
    writer = generate.generate(tmp_path / "S", generate.SCALES["S"], seed=2026)
    result = validate(tmp_path / "S")
    assert result.findings == [], "\n".join(f"{f.location}: {f.code} {f.message}" for f in result.findings[:10])
    assert writer.objects > 300 and (tmp_path / "S" / "organ" / "kf" / "budget.yaml").is_file()


def test_generation_is_deterministic(tmp_path):
    for name in ("a", "b"):
        generate.generate(tmp_path / name, generate.scaled(generate.SCALES["M"], 0.02), seed=7)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.yaml"))
    assert files and all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)
