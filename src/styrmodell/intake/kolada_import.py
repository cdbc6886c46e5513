"""From the indicators whose `källa` is `kolada:<KPI>` to what to ask Kolada, and from Kolada's
answer to outcomes: the municipality's own values into `utfall`, the comparisons the indicator
asks for into `jämförelser`.

An indicator asks for the comparisons its `jämförelser` already names and those that
`kolada.jämför` in styrmodell.yaml names for every Kolada indicator. A name is Riket, a
municipality or region in Kolada (by name or code), or a group under `kolada.grupper`, whose
value is the unweighted mean of the members' values, as Kolada computes a group's mean.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from styrmodell.intake.kolada import Answer, Value
from styrmodell.intake.outcomes import Outcome, Problem
from styrmodell.model.goals import KOLADA_ID, Indicator
from styrmodell.model.repository import Repository
from styrmodell.rules.municipality_code import normalise
from styrmodell.svenska.suggest import did_you_mean


@cache
def areas() -> dict[str, str]:
    """Every Kolada area: code → title (290 municipalities, 21 regions, Riket 0000)."""
    raw = resources.files("styrmodell.data").joinpath("municipalities.json").read_text("utf-8")
    return {m["id"]: m["title"] for m in json.loads(raw)}


def area_code(name: str) -> str | None:
    """A municipality, a region or Riket by code or name (`Grästorp`, `Grästorps kommun`, `1444`)."""
    text = name.strip()
    if text in areas():
        return text
    wanted = normalise(text)
    for code, title in areas().items():
        official = normalise(title)
        if wanted in (official, official + "s") or (wanted.endswith("s") and wanted[:-1] == official):
            return code
    return None


@dataclass(frozen=True)
class Comparison:
    name: str
    codes: tuple[str, ...]
    group: bool = False


@dataclass
class Request:
    municipality: str
    years: list[int]
    indicators: list[Indicator]
    comparisons: dict[str, list[Comparison]] = field(default_factory=dict)  # indicator id → its comparisons
    skipped: list[str] = field(default_factory=list)  # names that are not something Kolada knows

    @property
    def kpis(self) -> list[str]:
        return sorted({i.kolada_id for i in self.indicators if i.kolada_id})

    @property
    def codes(self) -> list[str]:
        wanted = {self.municipality}
        for comparisons in self.comparisons.values():
            for comparison in comparisons:
                wanted.update(comparison.codes)
        return sorted(wanted)


def build_request(repo: Repository, years: list[int]) -> tuple[Request, list[Problem]]:
    """What to ask Kolada for, and what is wrong with the repository's Kolada sources."""
    settings = repo.config.kolada
    problems: list[Problem] = []
    groups: dict[str, Comparison] = {}
    for name, members in settings.grupper.items():
        codes = []
        for member in members:
            code = area_code(str(member))
            if code is None:
                problems.append(
                    Problem(
                        "styrmodell.yaml",
                        f"kolada.grupper.{name}: '{member}' är ingen kommun i Kolada"
                        f"{did_you_mean(str(member), list(areas().values()))}",
                    )
                )
            else:
                codes.append(code)
        groups[name] = Comparison(name, tuple(codes), group=True)
    for name in settings.jämför:
        if name not in groups and area_code(name) is None:
            problems.append(
                Problem(
                    "styrmodell.yaml",
                    f"kolada.jämför: '{name}' är varken Riket, en kommun eller region i Kolada eller en grupp "
                    f"under kolada.grupper{did_you_mean(name, [*groups, *areas().values()])}",
                )
            )
    request = Request(repo.config.kommun.kommunkod, years, [])
    for indicator in repo.indicators:
        kpi = indicator.kolada_id
        if kpi is None:
            continue
        if not KOLADA_ID.match(kpi):
            problems.append(
                Problem(
                    f"{indicator.where('källa')}",
                    f"indikatorn '{indicator.id}' har källa kolada:{kpi}, men ett Kolada-id är N eller U och fem "
                    "siffror (t.ex. kolada:N15428)",
                )
            )
            continue
        request.indicators.append(indicator)
        chosen = []
        for name in dict.fromkeys([*indicator.jämförelser, *settings.jämför]):
            if name in groups:
                chosen.append(groups[name])
            elif (code := area_code(name)) is not None:
                chosen.append(Comparison(name, (code,)))
            else:
                request.skipped.append(f"{indicator.id}: jämförelsen '{name}' hämtas inte ur Kolada (okänt namn)")
        request.comparisons[indicator.id] = chosen
    return request, problems


def outcomes_from(
    request: Request, answers: list[Answer], genders: bool = False
) -> tuple[list[Outcome], list[Problem], list[str]]:
    """Outcomes from Kolada's answers; problems (an answer about something no indicator asked for)
    and notes (values Kolada does not have, with its status code)."""
    table: dict[tuple[str, str, int, str], Value] = {}
    for answer in answers:
        for value in answer.values:
            table[(value.kpi, value.municipality, value.period, value.gender)] = value
    problems: list[Problem] = []
    notes: list[str] = []
    asked = set(request.kpis)
    for unasked in sorted({v.kpi for v in table.values()} - asked):
        problems.append(
            Problem(
                f"Kolada {unasked}", f"svaret gäller {unasked}, som ingen indikator har som källa (kolada:{unasked})"
            )
        )
    own = request.municipality
    if table and not any(key[1] == own for key in table):
        problems.append(
            Problem("Kolada", f"svaret har inga värden för kommunen ({own} {areas().get(own, '')})".rstrip())
        )
    out: list[Outcome] = []
    for indicator in request.indicators:
        kpi = indicator.kolada_id or ""  # only Kolada indicators are in the request
        for year in request.years:
            for gender in ("T", "K", "M") if genders else ("T",):
                own_value = table.get((kpi, own, year, gender))
                origin = f"Kolada {kpi} {own} {year}" + ("" if gender == "T" else f" {gender}")
                if own_value is None or own_value.value is None:
                    if gender == "T":
                        notes.append(_missing(indicator, kpi, areas().get(own, own), year, own_value))
                    continue
                out.append(Outcome(origin, indicator.id, str(year), own_value.value, gender))
            for comparison in request.comparisons.get(indicator.id, []):
                found = [table.get((kpi, code, year, "T")) for code in comparison.codes]
                known = [v.value for v in found if v is not None and v.value is not None]
                if not known or (not comparison.group and len(known) < len(comparison.codes)):
                    notes.append(_missing(indicator, kpi, comparison.name, year, found[0] if found else None))
                    continue
                mean = round(sum(known) / len(known), 2) if comparison.group else known[0]
                origin = f"Kolada {kpi} {comparison.name} {year}"
                if comparison.group:
                    origin += f" (medel av {len(known)} av {len(comparison.codes)} kommuner)"
                out.append(Outcome(origin, indicator.id, str(year), mean, "T", comparison=comparison.name))
    return out, problems, notes


def _missing(indicator: Indicator, kpi: str, whose: str, year: int, value: Value | None) -> str:
    if value is None:
        return f"{indicator.id}: Kolada har inget värde för {kpi} {whose} {year}"
    status = f" (status {value.status})" if value.status else ""
    return f"{indicator.id}: Kolada saknar värde för {kpi} {whose} {year}{status}; inget skrivs"
