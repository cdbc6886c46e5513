"""Every rule is documented and tested; every command has help; the README keeps up."""

from __future__ import annotations

import pytest
import yaml
from typer.testing import CliRunner

from styrmodell.cli import app
from styrmodell.rules import RULES
from styrmodell.rules.base import DOC_HEADINGS

from conftest import ROOT, TESTS


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_has_documentation(code):
    rule = RULES[code]
    for heading in DOC_HEADINGS:
        assert f"## {heading}" in rule.doc, f"{code} saknar rubriken '{heading}'"
    assert rule.summary and not rule.summary.startswith("#")


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_has_failing_and_passing_cases(code):
    path = TESTS / "cases" / f"{code}.yaml"
    assert path.is_file(), f"{code} saknar fallfil {path.name}"
    cases = yaml.safe_load(path.read_text("utf-8"))
    assert cases.get("fel"), f"{code} saknar ett fallerande fall"
    assert cases.get("rätt"), f"{code} saknar ett godkänt fall"
    for case in cases["fel"]:
        assert any(line.endswith(code) for line in case["förväntat"]), case


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_is_in_readme(code):
    readme = (ROOT / "README.md").read_text("utf-8")
    assert f"`{code}`" in readme, f"{code} saknas i README:s regellista"


def test_every_command_has_help_and_is_in_readme():
    runner = CliRunner()
    readme = (ROOT / "README.md").read_text("utf-8")
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, result.output
        assert (command.callback.__doc__ or "").strip(), f"{name} saknar hjälptext"
        assert f"styr {name}" in readme, f"kommandot {name} saknas i README"


def test_rules_command_prints_documentation():
    runner = CliRunner()
    result = runner.invoke(app, ["rules", "SM602"])
    assert result.exit_code == 0
    assert "KL 6 kap. 38 §" in result.output
    assert "## Varför" in result.output
    by_name = runner.invoke(app, ["rules", "mål-per-nämnd"])
    assert "SM401" in by_name.output and "Standardvärden: max=7" in by_name.output
