"""One error, one finding: leave out the findings that only follow from an error the loader found.

Two kinds of loss follow from a broken file. A syntax error costs the object it stands in (the
loader reads the rest of the file, see load/yamlload.py), and a schema error costs the field it
is in (the builder keeps the object without it, see load/build.py). What the rules then say about
the lost object, or about the lost field of a kept object, is not a second error: it is the first
one seen again. Those findings are left out and counted, and the loader's findings (the causes)
come first in the list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from styrmodell.findings import Finding, Location
from styrmodell.model.repository import Repository

LOADER_CODES = frozenset({"SM101", "SM102", "SM103", "SM104", "SM105", "SM106", "SM107"})
_QUOTED = re.compile(r"'([^']+)'")


def _mentions(message: str, names: Iterable[str]) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", message) for name in names)


def split(findings: list[Finding], repo: Repository) -> tuple[list[Finding], int]:
    """(the findings to show, causes first; how many were left out as consequences)."""
    if not repo.broken_ids and not repo.salvaged:
        return findings, 0
    lost = set(repo.broken_ids)
    kept_without: dict[Location, set[str]] = {}
    for obj, fields in repo.salvaged:
        places = {obj.where(), obj.where("id")} | {obj.where(f) for f in fields}
        for place in places:
            kept_without.setdefault(place, set()).update(fields)
    shown: list[Finding] = []
    left_out = 0
    for finding in findings:
        if finding.code not in LOADER_CODES and _follows(finding, lost, kept_without):
            left_out += 1
        else:
            shown.append(finding)
    return shown, left_out


def _follows(finding: Finding, lost: set[str], kept_without: dict[Location, set[str]]) -> bool:
    if any(ident in lost for ident in _QUOTED.findall(finding.message)):
        return True  # about an object that could not be read
    fields = kept_without.get(finding.location)
    return fields is not None and _mentions(finding.message, fields)


def order(findings: list[Finding]) -> list[Finding]:
    """The loader's findings first (a later finding may follow from them), each group by place."""
    return sorted(findings, key=lambda f: (f.code not in LOADER_CODES, *f.sort_key()))
