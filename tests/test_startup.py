"""Start-up: a command imports only what it needs (read from `python -X importtime`), and the values
given on the command line are what Typer would make of them, without Typer's Pydantic machinery."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer._click import Context
from typer._coercion import build_runtime_param

from conftest import EXAMPLES, run_styr
from styrmodell.cli.app import COMMANDS
from styrmodell.cli.coercion import PlainRuntimeParam
from styrmodell.cli.main import _command

OTHER_COMMANDS = [f"styrmodell.cli.{e.target.partition(':')[0]}" for n, e in COMMANDS.items() if n != "validera"]


def imported(*args: str, cwd: Path, cache: Path) -> tuple[subprocess.CompletedProcess, set[str]]:
    """`styr ARGS` run as `python -X importtime -m styrmodell`, and every module it imported."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "styrmodell", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "STYR_CACHE_DIR": str(cache)},
        timeout=120,
    )
    modules = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "styrmodell.cli.main" in modules, proc.stderr[-2000:]
    return proc, modules


def _under(modules: set[str], package: str) -> set[str]:
    return {m for m in modules if m == package or m.startswith(package + ".")}


@pytest.fixture
def astorp(tmp_path) -> Path:
    """An example without compass data (the compass evaluation is Grästorp's)."""
    repo = tmp_path / "astorp"
    shutil.copytree(EXAMPLES / "astorp", repo)
    assert not any("kompass" in p.name for p in repo.rglob("*.yaml"))
    return repo


def test_validate_imports_neither_babel_nor_the_compass_nor_other_commands(astorp, tmp_path):
    proc, modules = imported("validera", "--ingen-cache", cwd=astorp, cache=tmp_path / "cache")
    assert proc.returncode == run_styr("validera", str(astorp), "--ingen-cache").returncode
    assert "styrmodell.model.repository" in modules  # the model was built: this was a whole run
    assert not _under(modules, "babel")
    assert not _under(modules, "styrmodell.kompass")
    assert not set(OTHER_COMMANDS) & modules
    assert not _under(modules, "styrmodell.reports")


def test_a_result_from_the_cache_needs_no_model_and_no_pydantic(astorp, tmp_path):
    cache = tmp_path / "cache"
    first, cold = imported("validera", cwd=astorp, cache=cache)
    again, warm = imported("validera", cwd=astorp, cache=cache)
    assert first.returncode == again.returncode
    assert "styrmodell.model.repository" in cold
    assert not _under(warm, "styrmodell.model")
    assert not _under(warm, "pydantic") and not _under(warm, "pydantic_core")
    assert not _under(warm, "styrmodell.rules")


def test_compass_data_does_bring_the_compass(tmp_path):
    """The other side of the first test: the compass's rules run where there is an evaluation."""
    _, modules = imported("validera", "--ingen-cache", cwd=EXAMPLES / "grastorp", cache=tmp_path / "cache")
    assert "styrmodell.kompass.scoring" in modules


def _parameters():
    """Every parameter of every command, with a context of its command."""
    root = _command()
    context = Context(root)
    found = [(root, p) for p in root.params] + [(root, root.get_help_option(context))]
    for name in COMMANDS:
        command = root.get_command(context, name)
        commands = [command, *getattr(command, "commands", {}).values()]
        for each in commands:
            found += [(each, p) for p in each.params] + [(each, each.get_help_option(Context(each)))]
    return found


def _outcome(convert, value, param, ctx):
    try:
        result = convert(value, param=param, ctx=ctx)
    except Exception as exc:  # noqa: BLE001 (whatever either raises: the same kind, with the same words)
        return ("fel", type(exc).__name__, getattr(exc, "message", str(exc)))
    return ("värde", type(result), result)


def test_every_value_becomes_what_typer_would_make_of_it(tmp_path):
    folder = tmp_path / "katalog"
    folder.mkdir()
    file = folder / "fil.yaml"
    file.write_text("a: 1\n", "utf-8")
    texts = ["x", "", "åäö", "\x1b[31mröd", "text", "TEXT", "json", "sarif", "html", "pdf", "md", "styrdokument"]
    texts += ["-", ".", "./a", "a/", str(folder), str(file), str(tmp_path / "saknas"), "a\x00b", "3", "tjugo", "1.5"]
    values = [*texts, Path("."), file, 3, None, (), ("a", "b"), ["x", "y"], ("a", 3), True, False]
    compared = 0
    for command, param in _parameters():
        plain = param.get_runtime_param()
        assert isinstance(plain, PlainRuntimeParam), param.name
        by_typer = build_runtime_param(param.type_descriptor)
        ctx = Context(command)
        for value in values:
            ours, typers = _outcome(plain.coerce, value, param, ctx), _outcome(by_typer.coerce, value, param, ctx)
            assert ours == typers, (command.name, param.name, value)
            compared += 1
    assert compared > 2000


def test_a_completion_request_ends_like_every_other_run(monkeypatch, capsys):
    """Typer ends a shell's completion request with sys.exit; `invoke` returns its code instead, so
    that `styr` flushes and leaves through os._exit as after every command."""
    from styrmodell.cli.main import invoke

    monkeypatch.setenv("_STYR_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", "styr validera -f ")
    monkeypatch.setenv("COMP_CWORD", "3")
    assert invoke([]) == 0
    assert capsys.readouterr().out.split() == ["text", "json", "github", "sarif", "gitlab", "junit"]


HOSTILE = [
    "enkel text",
    "[bold]inte fet[/] [/] [red] \\[x] \\ slutar med \\",
    ":smile: :thumbs_up: ingen emoji",
    "  inledande och avslutande blanksteg  ",
    "bred 漢字 och 👍🏽 och e\u0301 och \u202eomvänd\u202c",
    "styrsekvens \x1b[31m röd \x07 \x08 \r vagnretur \x0b \x0c \x00 \x7f",
    "lång " + "ord " * 400,
    "tab\tinne",
    "två\nrader",
]


@pytest.mark.parametrize("quiet", [False, True])
@pytest.mark.parametrize("message", HOSTILE, ids=range(len(HOSTILE)))
def test_text_without_colour_is_what_rich_writes(message, quiet, monkeypatch):
    """Where Rich would write no colour (a pipe, a file, CI), the text reporter writes the lines
    itself; they are Rich's to the byte, for any text a repository can put in a finding."""
    import io

    from styrmodell.findings import Finding, Location, Severity
    from styrmodell.validation import reporters
    from styrmodell.validation.pipeline import Result

    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    findings = [
        Finding("SM201", "trasig-referens", severity, message, Location(f"organ/{message[:30]}.yaml", 3, 7))
        for severity in Severity
    ] + [Finding("SM101", message, Severity.ERROR, "x", Location("a.yaml"))]
    result = Result(kommun=message, files=3, findings=findings)
    ours, rich = io.StringIO(), io.StringIO()
    reporters.report_text(result, ours, quiet)
    reporters._report_rich(result, rich, quiet)
    assert ours.getvalue() == rich.getvalue()
    assert ours.getvalue().count("SM201") == 3


def test_a_terminal_gets_rich_colours(monkeypatch):
    import io

    from styrmodell.findings import Finding, Location, Severity
    from styrmodell.validation import reporters
    from styrmodell.validation.pipeline import Result

    result = Result("Kommun", 1, [Finding("SM201", "x", Severity.ERROR, "fel", Location("a.yaml", 1, 1))])
    monkeypatch.setenv("FORCE_COLOR", "1")
    out = io.StringIO()
    reporters.report_text(result, out)
    assert "\x1b[" in out.getvalue()
    monkeypatch.setenv("FORCE_COLOR", "")
    out = io.StringIO()
    reporters.report_text(result, out)
    assert "\x1b[" not in out.getvalue() and "a.yaml:1:1: fel SM201 fel [x]" in out.getvalue()
