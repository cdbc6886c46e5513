"""Every rule's failing and passing cases, from the YAML case files in tests/cases/.

A case file `SMxxx.yaml` holds `fel:` (failing) and `rätt:` (passing) cases. Each case changes the
clean base repository (tests/base_repo) with `filer:` (add or overwrite files; `null` deletes) and
`ersätt:` (text replacements in a file), and lists the findings it expects as `path:line CODE`.
A passing case expects no finding of the rule at all, and no errors of any rule.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import TESTS
from styrmodell.findings import Severity
from styrmodell.rules import RULES
from styrmodell.validation.pipeline import validate

CASES = TESTS / "cases"
# a paragraph of law cited in parentheses: "(KL 6 kap. 38 § 3 p.)", "(... , KL 5 kap. 9 §)"
CITATION = re.compile(r"\([^()]*\b(?:KL|LKBR|DOS) \d+ kap\. \d+[^()]*\)")


def _load_cases():
    for path in sorted(CASES.glob("SM*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        code = path.stem
        for kind in ("fel", "rätt"):
            for index, case in enumerate(data.get(kind, [])):
                yield pytest.param(code, kind, case, id=f"{code}-{kind}-{index + 1}-{case.get('namn', '')}")


@pytest.mark.parametrize("code, kind, case", list(_load_cases()))
def test_rule_case(code, kind, case, repo_factory):
    root = repo_factory(case.get("filer"), case.get("ersätt"))
    result = validate(Path(root))
    got = {f"{f.location.path}:{f.location.line} {f.code}" for f in result.findings}
    described = "\n".join(f"{f.location}: {f.code} {f.message}" for f in result.findings)
    if kind == "fel":
        expected = set(case["förväntat"])
        assert expected <= got, f"saknas: {expected - got}\nfick:\n{described}"
        assert any(f.code == code for f in result.findings)
        basis = RULES[code].basis
        if basis is not None and basis.legal:
            uncited = [f.message for f in result.findings if f.code == code and not CITATION.search(f.message)]
            assert not uncited, f"{code} bygger på lag, men fyndet citerar inget lagrum: {uncited}"
    else:
        assert not [f for f in result.findings if f.code == code], described
        assert not [f for f in result.findings if f.severity == Severity.ERROR], described


def test_base_repository_is_clean():
    result = validate(TESTS / "base_repo")
    assert result.findings == []
