"""Every rule is documented and tested; every command has help; the README keeps up."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from conftest import ROOT, TESTS, run_styr
from styrmodell.cli.app import ALIASES, COMMANDS
from styrmodell.findings import Severity
from styrmodell.rules import RULES
from styrmodell.rules.base import DOC_HEADINGS, Basis


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


LAW = re.compile(r"\b(?:KL|LKBR|DOS) \d+ kap\. \d+")


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_says_what_it_rests_on(code):
    """Every rule names its reference and its basis; a rule grounded in law names the paragraph, and a
    reading known only from a secondary source, or not verified, is a warning (law.md)."""
    rule = RULES[code]
    assert rule.reference, f"{code} saknar REFERENCE"
    assert isinstance(rule.basis, Basis), f"{code} saknar BASIS"
    if rule.basis.legal:
        assert LAW.search(rule.reference), f"{code}: referensen '{rule.reference}' anger inget lagrum"
        assert LAW.search(rule.doc.split("## Referens", 1)[1]), f"{code}: dokumentationens Referens anger inget lagrum"
    if rule.basis in (Basis.SECONDARY, Basis.UNVERIFIED):
        assert rule.severity == Severity.WARNING, f"{code} bygger på {rule.basis.value} och ska vara en varning"


@pytest.mark.parametrize("code", sorted(c for c, r in RULES.items() if r.basis and r.basis.legal))
def test_legal_rule_in_readme_with_its_reference(code):
    rule = RULES[code]
    readme = (ROOT / "README.md").read_text("utf-8")
    row = next(line for line in readme.splitlines() if line.startswith(f"| `{code}` |"))
    assert rule.reference in row, f"README:s rad för {code} anger inte {rule.reference!r}"
    if rule.basis != Basis.TEXT:
        assert rule.basis.value in row, f"README:s rad för {code} säger inte att grunden är {rule.basis.value}"


def test_rules_command_shows_reference_and_basis():
    listing = run_styr("regler")
    assert listing.returncode == 0, listing.stderr
    for rule in RULES.values():
        assert f"grund: {rule.grounds}" in listing.stdout, rule.code
    assert "grund: KL 6 kap. 37 §, 7 kap. 5 § – lagtext" in listing.stdout
    assert "grund: LKBR 13 kap. 1 § – sekundärkälla" in listing.stdout
    one = run_styr("regler", "SM923")
    assert "Grund: LKBR 13 kap. 1 § – lag, känd bara från en sekundärkälla" in one.stdout
    payload = json.loads(run_styr("regler", "--format", "json").stdout)
    by_code = {item["kod"]: item for item in payload}
    assert set(by_code) == set(RULES)
    assert by_code["SM604"] == {
        "kod": "SM604",
        "namn": "vidaredelegering",
        "allvarlighet": "fel",
        "sammanfattning": RULES["SM604"].summary,
        "referens": "KL 7 kap. 6 §",
        "grund": "lagtext",
        "lag": True,
    }
    assert by_code["SM301"]["lag"] is False and by_code["SM301"]["grund"] == "kommunens styrmodell"
    detail = json.loads(run_styr("rules", "SM401", "-f", "json").stdout)
    assert detail["standardvärden"]["max"] == 7
    assert detail["dokumentation"].startswith(RULES["SM401"].summary)
