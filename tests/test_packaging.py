"""The package as a user installs it: the suite runs against the built wheel, the wheel holds every
file of the source tree, and the version is one number everywhere."""

from __future__ import annotations

import json
import subprocess
import sysconfig
from importlib import metadata
from pathlib import Path

import styrmodell
from conftest import ROOT


def test_the_suite_tests_the_installed_wheel_not_the_source_tree():
    installed = Path(styrmodell.__file__).resolve()
    assert installed.is_relative_to(Path(sysconfig.get_paths()["purelib"]).resolve()), installed
    assert not installed.is_relative_to((ROOT / "src").resolve()), (
        "testerna kör källträdet, inte det installerade paketet"
    )
    direct_url = json.loads(metadata.distribution("styrmodell").read_text("direct_url.json") or "{}")
    assert "dir_info" not in direct_url or not direct_url["dir_info"].get("editable"), "installerat redigerbart"


def _tracked(folder: str) -> list[str]:
    listing = subprocess.run(["git", "-C", str(ROOT), "ls-files", folder], capture_output=True, text=True)
    if listing.returncode != 0 or not listing.stdout.strip():
        return sorted(
            str(p.relative_to(ROOT)) for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts
        )
    return listing.stdout.split()


def test_the_installed_package_holds_every_file_of_the_source_and_the_templates():
    """What pip installed from the wheel (its RECORD) has every file git tracks under src/styrmodell and
    templates/: a subpackage or data file left out of the build fails here."""
    installed = {str(f) for f in metadata.distribution("styrmodell").files or []}
    expected = {path.removeprefix("src/") for path in _tracked("src/styrmodell")}
    expected |= {"styrmodell/templates/" + path.removeprefix("templates/") for path in _tracked("templates")}
    missing = sorted(expected - installed)
    assert not missing, f"saknas i det installerade paketet: {missing}"
    assert not [f for f in installed if f.startswith("styrmodell/") and f.endswith(".pyc") and "__pycache__" not in f]


def test_one_version_everywhere():
    version = metadata.version("styrmodell")
    assert version == styrmodell.__version__
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    newest = next(line for line in changelog.splitlines() if line.startswith("## "))
    assert newest.startswith(f"## {version} "), f"CHANGELOG.md:s senaste version är inte {version}: {newest}"
