"""The command line a person meets: Swedish names with English aliases, Swedish help and errors, the
repository found from any subfolder, a quiet mode, and files written with the user's permissions."""

from __future__ import annotations

import os
import re
import shlex
import stat
import subprocess

import pytest

from conftest import EXAMPLES, STYR, run_styr
from styrmodell import __version__
from styrmodell.cli.app import ALIASES, COMMANDS

# Every spelling an earlier version documented, as CI files and scripts written for it use them.
OLD_SPELLINGS = [
    ("validate", str(EXAMPLES / "astorp"), "--strict"),
    ("validate", str(EXAMPLES / "astorp"), "--no-cache", "--rule", "SM501=av"),
    ("report", "styrdokument", str(EXAMPLES / "astorp"), "--format", "md"),
    ("rules", "SM602"),
    ("deadlines", str(EXAMPLES / "astorp"), "--within", "4v", "--datum", "2026-09-01"),
    ("arshjul", str(EXAMPLES / "astorp"), "--year", "2026"),
    ("wheel", str(EXAMPLES / "astorp"), "--år", "2026", "--organ", "kf"),
    ("kompass", str(EXAMPLES / "grastorp"), "--year", "2014", "--format", "json"),
    ("compass", str(EXAMPLES / "grastorp"), "--år", "2014"),
    ("schema", "--typ", "konfiguration"),
]


@pytest.mark.parametrize("args", OLD_SPELLINGS, ids=lambda a: " ".join(a[:1] + a[2:]))
def test_every_earlier_spelling_still_works(args):
    proc = run_styr(*args)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip()


def test_the_new_and_old_names_give_the_same_result():
    new = run_styr("frister", str(EXAMPLES / "grastorp"), "--inom", "30d", "--datum", "2026-09-01", "--strikt")
    old = run_styr("deadlines", str(EXAMPLES / "grastorp"), "--within", "30d", "--date", "2026-09-01", "--strict")
    assert new.returncode == old.returncode == 1
    assert new.stdout == old.stdout and "saknas:" in new.stdout


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_is_swedish_with_readable_placeholders(name):
    text = run_styr(name, "--hjälp").stdout
    assert text.startswith(f"Användning: styr {name} [FLAGGOR]")
    for english in (
        "Usage:",
        "Options:",
        "Arguments:",
        "Show this message",
        "[default:",
        "[required]",
        "<path>",
        "<int>",
        "<str>",
        "list[",
        "TEXT",
        "INTEGER",
        "PATH",
    ):
        assert english not in text, f"{name}: {english!r} i hjälpen"
    assert "Flaggor:" in text and "-h, --hjälp, --help" in text


def test_the_application_help_names_every_command_and_its_aliases():
    text = run_styr("--help").stdout
    assert text.startswith("Användning: styr [FLAGGOR] KOMMANDO [ARGUMENT]...")
    for name, entry in COMMANDS.items():
        label = f"{name} ({', '.join(entry.aliases)})" if entry.aliases else name
        assert re.search(rf"^  {re.escape(label)}\s", text, re.M), label
    assert "--install-completion" in text and "Installera komplettering" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["valdera"], "okänt kommando 'valdera' – menade du 'validera'?"),
        (["validate", "--stirkt"], "okänd flagga --stirkt – menade du '--strikt'?"),
        (["rapport"], "argumentet TYP saknas"),
        (["init"], "flaggan --kommun / --municipality saknas"),
        (
            ["validera", "-f", "xml"],
            "ogiltigt värde för --format / -f: 'xml' är inte ett av 'text', 'json', 'github', 'sarif', 'gitlab', 'junit'.",
        ),
        (["arshjul", "--år", "tjugo"], "ogiltigt värde för --år / --year: ska vara ett heltal."),
        (["importera", "kolada", "--tidsgräns", "0"], "ogiltigt värde för --tidsgräns / --timeout: ska vara minst 1"),
        (["validera", "--format"], "flaggan --format kräver ett värde"),
        (["regler", "SM101", "SM102"], "oväntat argument: SM102"),
    ],
)
def test_usage_errors_are_swedish(args, message):
    proc = run_styr(*args)
    assert proc.returncode == 2
    assert message in proc.stderr, proc.stderr
    if args[-1] != "--format":  # Click knows no command for an option that lacks its value
        assert "Användning: styr" in proc.stderr and "--hjälp" in proc.stderr
    assert "Error" not in proc.stderr and "Traceback" not in proc.stderr


def test_version_agrees_with_the_package():
    from importlib.metadata import version

    proc = run_styr("--version")
    assert proc.stdout.strip() == f"styr {__version__}" == f"styr {version('styrmodell')}"


def test_the_repository_is_found_from_a_subfolder(repo_factory, monkeypatch):
    root = repo_factory(replace={"organ/bun/mal.yaml": [["riktning: högre", "riktning: uppåt"]]})
    inside = root / "organ" / "kf"
    from_inside = run_styr("validera", cwd=inside)
    assert from_inside.returncode == 1
    # paths shown as reached from the current folder, as git shows them
    assert "../bun/mal.yaml:16:5: fel SM107" in from_inside.stdout and "../../" not in from_inside.stdout
    given = run_styr("validera", str(inside))
    assert given.returncode == 1 and f"{root}/organ/bun/mal.yaml:16:5" in given.stdout.replace("/./", "/")
    report = run_styr("rapport", "styrdokument", cwd=inside)
    # rendered, but it says what it could not read (the broken indicator), and exits 1
    assert report.returncode == 1 and "# Styrdokument" in report.stdout
    assert "../bun/mal.yaml:16:5: fel SM107" in report.stderr and "1 fil kunde inte läsas helt" in report.stderr


def test_outside_a_repository_the_error_says_so(tmp_path):
    proc = run_styr("validera", cwd=tmp_path)
    assert proc.returncode == 2 and "hittar ingen styrmodell.yaml" in proc.stderr


def test_quiet_mode(tmp_path):
    loud = run_styr("rapport", "styrdokument", str(EXAMPLES / "astorp"), "--ut", str(tmp_path / "a.md"))
    assert "Skrev" in loud.stderr
    quiet = run_styr("rapport", "styrdokument", str(EXAMPLES / "astorp"), "-o", str(tmp_path / "b.md"), "--tyst")
    assert quiet.returncode == 0 and quiet.stderr == ""
    assert (tmp_path / "a.md").read_bytes() == (tmp_path / "b.md").read_bytes()
    assert run_styr("validera", str(EXAMPLES / "astorp"), "-q").stdout == ""
    assert run_styr("--tyst", "validera", str(EXAMPLES / "astorp")).stdout == ""
    assert "Inga fel" in run_styr("validera", str(EXAMPLES / "astorp")).stdout


def _styr_under_umask(umask: str, *args: str) -> subprocess.CompletedProcess:
    command = " ".join(shlex.quote(a) for a in (str(STYR), *args))
    return subprocess.run(
        ["sh", "-c", f"umask {umask} && {command}"], capture_output=True, text=True, timeout=120, env=dict(os.environ)
    )


def test_written_files_get_the_umask_and_keep_an_existing_mode(tmp_path):
    out = tmp_path / "schema.json"
    assert _styr_under_umask("022", "schema", "-o", str(out)).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    out.chmod(0o600)
    assert _styr_under_umask("022", "schema", "--typ", "konfiguration", "-o", str(out)).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and "konfiguration" in out.read_text("utf-8")
    group = tmp_path / "grupp.svg"
    assert _styr_under_umask("002", "arshjul", str(EXAMPLES / "astorp"), "-f", "svg", "-o", str(group)).returncode == 0
    assert stat.S_IMODE(group.stat().st_mode) == 0o664


def test_an_output_that_cannot_be_written_is_a_clear_error(tmp_path):
    folder = tmp_path / "en-katalog"
    folder.mkdir()
    proc = run_styr("schema", "-o", str(folder))
    assert proc.returncode == 2 and "är en katalog" in proc.stderr
    blocked = tmp_path / "fil"
    blocked.write_text("x", "utf-8")
    proc = run_styr("schema", "-o", str(blocked / "under.json"))
    assert proc.returncode == 2 and "kan inte skriva" in proc.stderr and "Traceback" not in proc.stderr


def test_aliases_point_at_commands():
    assert set(ALIASES.values()) <= set(COMMANDS)
    assert not set(ALIASES) & set(COMMANDS)
