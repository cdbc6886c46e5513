"""Every rule is documented and tested; every command has help; the README keeps up."""

from __future__ import annotations

import pytest
import yaml

from conftest import ROOT, TESTS, run_styr
from styrmodell.cli.app import ALIASES, COMMANDS
from styrmodell.rules import RULES
from styrmodell.rules.base import DOC_HEADINGS


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


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_swedish_help_and_is_in_readme(name):
    readme = (ROOT / "README.md").read_text("utf-8")
    proc = run_styr(name, "--hjälp")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"Användning: styr {name} [FLAGGOR]"), proc.stdout
    assert (COMMANDS[name].function.__doc__ or "").strip(), f"{name} saknar hjälptext"
    assert f"### `styr {name}" in readme, f"kommandot {name} saknas i README"
    for alias in COMMANDS[name].aliases:
        assert f"`{alias}`" in readme, f"aliaset {alias} saknas i README"
        assert run_styr(alias, "--help").stdout == proc.stdout.replace(f"styr {name}", f"styr {alias}", 1)


def test_rules_command_prints_documentation():
    result = run_styr("regler", "SM602")
    assert result.returncode == 0
    assert "KL 6 kap. 38 §" in result.stdout
    assert "## Varför" in result.stdout
    by_name = run_styr("rules", "mål-per-nämnd")
    assert "SM401" in by_name.stdout and "Standardvärden: max=7" in by_name.stdout
    assert set(ALIASES.values()) <= set(COMMANDS)


_INTERNAL = ("seed", "domain.md", "law.md")


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_documentation_cites_no_internal_notes(code):
    """A municipality reads the rule's documentation and messages: they cite the law, its own
    documents or a plain reason, never the project's own notes."""
    from styrmodell.rules import loading

    rule = RULES[code]
    text = rule.doc.lower()
    for word in _INTERNAL:
        assert word not in text, f"{code}: dokumentationen nämner '{word}'"
    if rule.check is not None:
        module = next(m for m in _rule_modules() if code == m.CODE)
        source = (ROOT / "src" / "styrmodell" / "rules" / f"{module.__name__.rsplit('.', 1)[1]}.py").read_text("utf-8")
        messages = " ".join(line for line in source.splitlines() if 'f"' in line or "yield" in line).lower()
        for word in _INTERNAL:
            assert word not in messages, f"{code}: ett meddelande nämner '{word}'"
    else:
        assert rule in loading.RULES


def _rule_modules():
    from styrmodell.rules import _MODULES

    return _MODULES


def test_readme_rule_table_cites_no_internal_notes():
    readme = (ROOT / "README.md").read_text("utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| `SM")]
    assert len(rows) == len(RULES)
    for row in rows:
        for word in _INTERNAL:
            assert word not in row.lower(), f"README:s regeltabell nämner '{word}': {row}"


def test_presets_cite_no_internal_notes():
    for preset in (ROOT / "src" / "styrmodell" / "presets").glob("*.yaml"):
        text = preset.read_text("utf-8").lower()
        for word in _INTERNAL:
            assert word not in text, f"{preset.name} nämner '{word}'"


def _properties(schema: dict):
    """(where, key, property schema) for every key the schema describes."""
    for name, definition in [("(fil)", schema), *schema.get("$defs", {}).items()]:
        for key, prop in definition.get("properties", {}).items():
            yield name, key, prop


@pytest.mark.parametrize("kind", ["innehåll", "konfiguration"])
def test_every_key_in_the_schema_has_a_description(kind):
    """What a VS Code user sees on hover: every key says what it means, not only its type."""
    import json

    proc = run_styr("schema", "--typ", kind)
    assert proc.returncode == 0, proc.stderr
    schema = json.loads(proc.stdout)
    keys = list(_properties(schema))
    assert len(keys) > 40
    missing = [f"{where}.{key}" for where, key, prop in keys if not str(prop.get("description", "")).strip()]
    assert not missing, f"nycklar utan beskrivning: {', '.join(missing)}"
    for word in _INTERNAL:
        assert word not in proc.stdout.lower(), f"schemat nämner '{word}'"
