"""`styr validera --format sarif|gitlab|junit`: checked against the formats' schemas (tests/formats/, and
the official SARIF schema that .ci/run fetches from npm into $SARIF_SCHEMA_JSON)."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from conftest import EXAMPLES, run_styr

FORMATS = Path(__file__).parent / "formats"


def _sarif_schema() -> dict:
    path = os.environ.get("SARIF_SCHEMA_JSON")
    if not path or not Path(path).is_file():
        pytest.skip("SARIF-schemat saknas (.ci/run hämtar det från npm till SARIF_SCHEMA_JSON)")
    return json.loads(Path(path).read_text("utf-8"))


BROKEN = {
    "organ/bun/mal.yaml": [
        ["riktning: högre", "riktning: uppåt"],  # SM107, an error
        ["    ansvarig: fc-bf\n", ""],  # SM506, an error
        ["tjänar: [kf-utbildning]", 'tjänar: [kf-utbildning, "kf-<&\'x>"]'],  # a broken reference, hostile text
    ],
    "organ/kf/styrdokument.yaml": [["beslutad_av: kf", "beslutad_av: fc-bf"]],  # a warning
}


def _validate(root: Path, fmt: str, *flags: str) -> tuple[int, str]:
    proc = run_styr("validera", ".", "--format", fmt, *flags, cwd=root)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    return proc.returncode, proc.stdout


@pytest.fixture
def broken(repo_factory) -> Path:
    return repo_factory(replace=BROKEN)


def _shifted(root: Path) -> None:
    """Two comment lines at the top of every file with findings: every line number moves."""
    for name in BROKEN:
        path = root / name
        path.write_text("# en kommentar\n# och en till\n" + path.read_text("utf-8"), "utf-8")


def test_sarif_validates_against_the_sarif_2_1_0_schema_with_rule_metadata(broken):
    code, out = _validate(broken, "sarif", "--regel", "SM501=info")
    assert code == 1
    log = json.loads(out)
    schema = _sarif_schema()
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert run["tool"]["driver"]["name"] == "styrmodell"
    results = run["results"]
    assert {"error", "warning"} <= {r["level"] for r in results}
    for result in results:
        rule = rules[result["ruleIndex"]]
        assert rule["id"] == result["ruleId"]
        assert rule["shortDescription"]["text"] and "## Varför" in rule["help"]["markdown"]
        region = result["locations"][0]["physicalLocation"].get("region")
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert not uri.startswith("/") and (broken / uri).is_file()
        if region:
            assert region["startLine"] >= 1
    direction = next(r for r in results if r["ruleId"] == "SM107")
    assert direction["level"] == "error"
    assert direction["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 15,
        "startColumn": 5,
    }  # one line up: ansvarig is gone
    assert "'riktning' har värdet 'uppåt'" in direction["message"]["text"]
    assert any("kf-<&'x>" in r["message"]["text"] for r in results)  # JSON carries the text as it is
    # a rule set to another severity keeps its default in the metadata, the finding has the configured one
    sm501 = next(rule for rule in rules if rule["id"] == "SM501")
    assert sm501["defaultConfiguration"]["level"] in ("error", "warning")


def test_sarif_and_gitlab_fingerprints_survive_moved_lines(broken):
    _, before_sarif = _validate(broken, "sarif")
    _, before_gitlab = _validate(broken, "gitlab")
    _shifted(broken)
    _, after_sarif = _validate(broken, "sarif")
    _, after_gitlab = _validate(broken, "gitlab")

    def sarif_prints(text: str) -> dict[str, int]:
        results = json.loads(text)["runs"][0]["results"]
        return {
            r["partialFingerprints"]["styrmodell/v1"]: r["locations"][0]["physicalLocation"]
            .get("region", {})
            .get("startLine", 0)
            for r in results
        }

    def gitlab_prints(text: str) -> dict[str, int]:
        return {issue["fingerprint"]: issue["location"]["lines"]["begin"] for issue in json.loads(text)}

    for prints, before, after in (
        (sarif_prints, before_sarif, after_sarif),
        (gitlab_prints, before_gitlab, after_gitlab),
    ):
        old, new = prints(before), prints(after)
        assert old.keys() == new.keys() and len(old) >= 4
        assert all(new[key] in (old[key], old[key] + 2) for key in old)
        assert any(new[key] == old[key] + 2 for key in old if old[key])


def test_gitlab_code_quality_matches_gitlabs_format(broken):
    code, out = _validate(broken, "gitlab")
    assert code == 1
    issues = json.loads(out)
    schema = json.loads((FORMATS / "gitlab-codequality.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(issues)
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == len(fingerprints)  # GitLab shows one issue per fingerprint
    direction = next(issue for issue in issues if issue["check_name"].startswith("SM107"))
    assert direction["severity"] == "major"
    assert direction["location"] == {"path": "organ/bun/mal.yaml", "lines": {"begin": 15}}
    assert "'riktning' har värdet 'uppåt'" in direction["description"]
    assert {"major", "minor"} <= {issue["severity"] for issue in issues}


def test_gitlab_report_of_a_clean_repository_is_an_empty_list():
    code, out = _validate(EXAMPLES / "astorp", "gitlab")
    assert code == 0 and json.loads(out) == []


def test_junit_xml_matches_the_junit_schema_and_counts(broken):
    code, out = _validate(broken, "junit", "--regel", "SM501=info")
    assert code == 1
    schema = etree.XMLSchema(etree.parse(str(FORMATS / "junit.xsd")))
    document = etree.fromstring(out.encode("utf-8"))
    schema.assertValid(document)
    root = ET.fromstring(out)  # a second parser reads the same
    suites = root.findall("testsuite")
    cases = [case for suite in suites for case in suite.findall("testcase")]
    assert int(root.get("tests")) == len(cases)
    for suite in suites:
        assert int(suite.get("tests")) == len(suite.findall("testcase"))
        assert int(suite.get("failures")) == len(suite.findall("testcase/failure"))
    assert int(root.get("failures")) == len(root.findall("testsuite/testcase/failure"))
    failure = next(f for f in root.iter("failure") if "uppåt" in (f.get("message") or ""))
    assert failure.get("type") == "fel"
    assert failure.text.startswith("organ/bun/mal.yaml:15:5: fel SM107")
    assert any("kf-<&'x>" in (f.get("message") or "") for f in root.iter("failure"))


def test_junit_of_a_clean_repository_is_one_passing_case():
    code, out = _validate(EXAMPLES / "grastorp", "junit")
    assert code == 0
    etree.XMLSchema(etree.parse(str(FORMATS / "junit.xsd"))).assertValid(etree.fromstring(out.encode("utf-8")))
    root = ET.fromstring(out)
    assert root.get("tests") == "1" and root.get("failures") == "0"
    assert [case.get("name") for case in root.iter("testcase")] == ["19 filer kontrollerade"]


def test_output_file_is_written_whole_and_the_exit_code_stays(broken):
    proc = run_styr("validera", ".", "--format", "sarif", "--ut", "fynd.sarif", cwd=broken)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == ""
    assert "Skrev fynd.sarif" in proc.stderr
    assert json.loads((broken / "fynd.sarif").read_text("utf-8"))["version"] == "2.1.0"
    folder = run_styr("validera", ".", "--format", "junit", "--ut", "organ", cwd=broken)
    assert folder.returncode == 2 and "organ" in folder.stderr and "Traceback" not in folder.stderr
    assert (broken / "organ" / "bun" / "mal.yaml").is_file()
