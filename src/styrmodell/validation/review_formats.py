"""The formats review tools read: SARIF 2.1.0 (GitHub code scanning), GitLab Code Quality, JUnit XML.

Each is a function `(result, out, quiet)` like the other reporters in `reporters.py`. The
fingerprints are stable across runs and across edits that only move a finding to another line:
they hash the rule, the file, the message and which occurrence of that triple it is, never the line.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from typing import TextIO

from styrmodell import __version__
from styrmodell.findings import Finding, Location, Severity
from styrmodell.rules import RULES
from styrmodell.svenska.text import json_text, xml_escape
from styrmodell.validation.pipeline import Result

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITLAB_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def fingerprints(findings: list[Finding]) -> Iterator[tuple[Finding, str]]:
    """Each finding with a fingerprint that survives a change of line numbers."""
    seen: Counter[tuple[str, str, str]] = Counter()
    for finding in findings:
        triple = (finding.code, finding.location.path, finding.message)
        occurrence = seen[triple]
        seen[triple] += 1
        text = "\0".join((*triple, str(occurrence)))
        yield finding, hashlib.sha256(text.encode("utf-8")).hexdigest()


def _message(finding: Finding) -> str:
    more = f" (och {finding.more} till av samma slag)" if finding.more else ""
    return finding.message + more


# --- SARIF 2.1.0 -------------------------------------------------------------------------------


def _sarif_rule(code: str) -> dict:
    rule = RULES[code]
    doc = rule.doc.strip()
    entry: dict = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": doc},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        "properties": {"tags": ["styrmodell"] + ([rule.basis.value] if rule.basis else [])},
    }
    if rule.grounds:
        entry["properties"]["referens"] = rule.grounds
    return entry


def _sarif_location(location: Location) -> dict:
    physical: dict = {"artifactLocation": {"uri": location.path, "uriBaseId": "%SRCROOT%"}}
    if location.line:
        physical["region"] = {"startLine": location.line, "startColumn": location.column or 1}
    return {"physicalLocation": physical}


def sarif(result: Result) -> dict:
    codes = sorted(RULES)
    index = {code: n for n, code in enumerate(codes)}
    results = []
    for finding, fingerprint in fingerprints(result.findings):
        entry: dict = {
            "ruleId": finding.code,
            "level": _SARIF_LEVEL[finding.severity],
            "message": {"text": _message(finding)},
            "locations": [_sarif_location(finding.location)],
            "partialFingerprints": {"styrmodell/v1": fingerprint},
        }
        if finding.code in index:
            entry["ruleIndex"] = index[finding.code]
        if finding.related:
            entry["relatedLocations"] = [
                {"id": n, **_sarif_location(place)} for n, place in enumerate(finding.related, start=1)
            ]
        results.append(entry)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "styrmodell",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "language": "sv",
                        "rules": [_sarif_rule(code) for code in codes],
                    }
                },
                "invocations": [{"executionSuccessful": True}],
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {"kommun": result.kommun, "filer": result.files},
            }
        ],
    }


def report_sarif(result: Result, out: TextIO, quiet: bool = False) -> None:
    out.write(json_text(json.dumps(sarif(result), ensure_ascii=False, indent=2)) + "\n")


# --- GitLab Code Quality ---------------------------------------------------------------------------


def gitlab(result: Result) -> list[dict]:
    return [
        {
            "description": f"{finding.code} {_message(finding)}",
            "check_name": f"{finding.code} {finding.name}",
            "fingerprint": fingerprint,
            "severity": _GITLAB_SEVERITY[finding.severity],
            "location": {"path": finding.location.path, "lines": {"begin": max(finding.location.line, 1)}},
        }
        for finding, fingerprint in fingerprints(result.findings)
    ]


def report_gitlab(result: Result, out: TextIO, quiet: bool = False) -> None:
    out.write(json_text(json.dumps(gitlab(result), ensure_ascii=False, indent=2)) + "\n")


# --- JUnit XML -------------------------------------------------------------------------------------


def _attributes(**values: object) -> str:
    return "".join(f' {name}="{xml_escape(str(value))}"' for name, value in values.items())


def junit(result: Result) -> str:
    """One test suite per file with findings, one test case per finding: errors and warnings fail,
    an info finding passes with its text as output. A repository without findings is one passing case."""
    by_file: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_file.setdefault(finding.location.path, []).append(finding)
    suites = []
    for path, findings in by_file.items():
        cases = []
        for finding in findings:
            name = f"{finding.location} {finding.code} {finding.name}"
            text = xml_escape(f"{finding.location}: {finding.severity.value} {finding.code} {_message(finding)}")
            case = f"    <testcase{_attributes(name=name, classname=path, file=path)}>\n"
            if finding.severity is Severity.INFO:
                case += f"      <system-out>{text}</system-out>\n"
            else:
                attrs = _attributes(type=finding.severity.value, message=_message(finding))
                case += f"      <failure{attrs}>{text}</failure>\n"
            cases.append(case + "    </testcase>\n")
        failures = sum(1 for f in findings if f.severity is not Severity.INFO)
        suites.append(
            f"  <testsuite{_attributes(name=path, tests=len(findings), failures=failures, errors=0, skipped=0)}>\n"
            + "".join(cases)
            + "  </testsuite>\n"
        )
    if not suites:
        suite = f"styrmodell {result.kommun}"
        case = _attributes(name=f"{result.files} filer kontrollerade", classname="styrmodell")
        suites.append(
            f"  <testsuite{_attributes(name=suite, tests=1, failures=0, errors=0, skipped=0)}>\n"
            f"    <testcase{case}/>\n  </testsuite>\n"
        )
    total = max(len(result.findings), 1)
    failed = sum(1 for f in result.findings if f.severity is not Severity.INFO)
    head = _attributes(name=f"styrmodell {result.kommun}", tests=total, failures=failed, errors=0)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites{head}>\n' + "".join(suites) + "</testsuites>\n"


def report_junit(result: Result, out: TextIO, quiet: bool = False) -> None:
    out.write(junit(result))
