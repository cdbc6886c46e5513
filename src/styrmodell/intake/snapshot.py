"""The snapshot of what was fetched from Kolada, one file per year (`kolada/2024.yaml`).

Each request is kept under its address: fetching the same thing again replaces that entry, so a
value that Kolada revised shows up in the pull request as one changed line (and the new fetch
time). Values stand one to a line, sorted, with Kolada's status code; a missing value is `null`.
The files are written by `styr importera kolada`; edit the indicators, not these.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass

from styrmodell.intake.kolada import Answer, Value
from styrmodell.model.repository import Repository

FOLDER = "kolada"
HEADER = """\
# Värden hämtade ur Kolada (Källa: Kolada, RKA) av `styr importera kolada`. Filen skrivs om vid
# nästa hämtning: ändra i indikatorerna, inte här. En ny hämtning av samma adress ersätter dess
# post, så att ett värde som Kolada reviderat syns som en ändrad rad.
"""


def path_for(year: int) -> str:
    return f"{FOLDER}/{year}.yaml"


@dataclass(frozen=True)
class Revision:
    key: tuple[str, str, int, str]
    old: float | None
    new: float | None


def _existing(repo: Repository, relpath: str) -> dict[str, tuple[str, list[Value]]]:
    out: dict[str, tuple[str, list[Value]]] = {}
    for fetch in repo.kolada_fetches:
        if fetch.file != relpath:
            continue
        values = [Value(v.kpi, v.kommun, v.period, v.kön.value, v.värde, v.status or "") for v in fetch.värden]
        out[fetch.url] = (fetch.hämtad.isoformat(), values)
    return out


def snapshot_files(repo: Repository, answers: list[Answer]) -> tuple[dict[str, str], list[Revision]]:
    """relpath → the whole new text of each year's snapshot file, and the values Kolada revised."""
    by_year: dict[int, dict[str, tuple[str, list[Value]]]] = defaultdict(dict)
    for answer in answers:
        for value in answer.values:
            entry = by_year[value.period].setdefault(answer.url, (answer.fetched.isoformat(), []))
            entry[1].append(value)
    files: dict[str, str] = {}
    revisions: list[Revision] = []
    known = {k: v.värde for k, (v, _) in repo.kolada.items()}
    for year, fresh in sorted(by_year.items()):
        relpath = path_for(year)
        entries = _existing(repo, relpath)
        for _, values in fresh.values():
            for value in values:
                key = (value.kpi, value.municipality, value.period, value.gender)
                if key in known and known[key] != value.value:
                    revisions.append(Revision(key, known[key], value.value))
        entries.update(fresh)
        files[relpath] = render(entries)
    return files, revisions


def render(entries: dict[str, tuple[str, list[Value]]]) -> str:
    lines = [HEADER.rstrip("\n"), "kolada:"]
    for url in sorted(entries):
        fetched, values = entries[url]
        lines.append(f"  - url: {json.dumps(url, ensure_ascii=False)}")
        lines.append(f"    hämtad: {fetched}")
        lines.append("    värden:")
        unique = {(v.kpi, v.municipality, v.gender): v for v in values}
        for key in sorted(unique):
            v = unique[key]
            number = "null" if v.value is None else repr(v.value)
            lines.append(
                f'      - {{kpi: {v.kpi}, kommun: "{v.municipality}", period: {v.period}, kön: {v.gender}, '
                f"värde: {number}, status: {json.dumps(v.status, ensure_ascii=False)}}}"
            )
    return "\n".join(lines) + "\n"


def fetched_at(answers: list[Answer]) -> dt.datetime | None:
    return max((a.fetched for a in answers), default=None)
