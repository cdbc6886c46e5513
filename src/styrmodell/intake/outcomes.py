"""Outcomes into the indicators that measure them: checked as a whole, then a plan of edits.

Each outcome names an indicator (its id, or the Kolada id in its `källa`), a period, a value and
a gender. Everything wrong with the import is collected before anything is planned: an unknown
indicator ("menade du ...?"), a period that does not parse, a value that is not a number, a row
that says the same thing twice. The value goes into `utfall` (total), `utfall_per_kön` (women,
men) or `jämförelser` of the indicator, in the file where the indicator is defined.
"""

from __future__ import annotations

from dataclasses import dataclass

from styrmodell.intake import values
from styrmodell.intake.table import Table
from styrmodell.model.goals import KOLADA_ID, Indicator
from styrmodell.model.repository import Repository
from styrmodell.svenska.suggest import did_you_mean
from styrmodell.write.plan import Plan

GENDER_KEY = {"K": "kvinnor", "M": "män"}
INDICATOR_FIELDS = tuple(Indicator.model_fields)


@dataclass(frozen=True)
class Outcome:
    origin: str  # where the value came from: "utfall.csv rad 4", "Kolada N15428 1277 2024"
    indicator: str  # an indicator's id, or a Kolada id
    period: str
    value: float | int
    gender: str = "T"
    comment: str | None = None
    comparison: str | None = None  # the name in `jämförelser` (Riket, Liknande kommuner ...)

    @property
    def what(self) -> str:
        if self.comparison:
            return f"jämförelse {self.comparison} {self.period}"
        return f"utfall {self.period}" + (f" ({GENDER_KEY[self.gender]})" if self.gender in GENDER_KEY else "")


@dataclass(frozen=True)
class Problem:
    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


def from_table(table: Table) -> tuple[list[Outcome], list[Problem]]:
    """The table's rows as outcomes; every row that cannot be read is a problem naming the row."""
    outcomes: list[Outcome] = []
    problems: list[Problem] = []
    for row in table.rows:
        ident = str(row.cells.get("indikator") or "").strip()
        errors = []
        if not ident:
            errors.append("indikator saknas")
        try:
            period = values.period(row.cells.get("period") if row.cells.get("period") is not None else "")
        except ValueError as exc:
            errors.append(str(exc))
        try:
            value = values.number(row.cells.get("värde") if row.cells.get("värde") is not None else "")
        except ValueError as exc:
            errors.append(f"värde: {exc}")
        try:
            gender = values.gender(row.cells.get("kön"))
        except ValueError as exc:
            errors.append(str(exc))
        if errors:
            problems.extend(Problem(row.origin, e) for e in errors)
            continue
        comment = row.cells.get("kommentar")
        comment_text = str(comment).strip() if comment is not None and str(comment).strip() else None
        outcomes.append(Outcome(row.origin, ident, period, value, gender, comment_text))
    return outcomes, problems


def resolve(repo: Repository, ident: str) -> list[Indicator] | str:
    """The indicators an import row means: the one with the id, or every one whose källa is
    `kolada:<ident>`; a Swedish reason when there is none."""
    by_id = [i for i in repo.indicators if i.id == ident]
    if by_id:
        return by_id
    if KOLADA_ID.match(ident):
        by_kpi = [i for i in repo.indicators if i.kolada_id == ident]
        if by_kpi:
            return by_kpi
        return f"ingen indikator har källa kolada:{ident}"
    known = [i.id for i in repo.indicators]
    return f"okänd indikator '{ident}'{did_you_mean(ident, known)}"


def plan(repo: Repository, outcomes: list[Outcome], overwrite: bool = False) -> tuple[Plan, list[Problem]]:
    """The edits that write `outcomes` into their indicators, and every problem with them."""
    problems: list[Problem] = []
    seen: dict[tuple[str, str, str, str | None], Outcome] = {}
    result = Plan()
    for outcome in outcomes:
        targets = resolve(repo, outcome.indicator)
        if isinstance(targets, str):
            problems.append(Problem(outcome.origin, targets))
            continue
        for indicator in targets:
            key = (indicator.id, outcome.period, outcome.gender, outcome.comparison)
            earlier = seen.get(key)
            if earlier is not None:
                same = "samma" if values_equal(earlier.value, outcome.value) else "ett annat"
                problems.append(
                    Problem(
                        outcome.origin,
                        f"{outcome.what} för '{indicator.id}' står redan i {earlier.origin} ({same} värde)",
                    )
                )
                continue
            seen[key] = outcome
            source = indicator.yaml_source
            if source is None:
                problems.append(Problem(outcome.origin, f"indikatorn '{indicator.id}' har ingen fil att skriva i"))
                continue
            if outcome.comparison:
                field: tuple[str, ...] = ("jämförelser", outcome.comparison, outcome.period)
            elif outcome.gender in GENDER_KEY:
                field = ("utfall_per_kön", GENDER_KEY[outcome.gender], outcome.period)
            else:
                field = ("utfall", outcome.period)
            result.set(
                source.table.path,
                tuple(source.path) + field,
                outcome.value,
                origin=outcome.origin,
                label=f"{indicator.id} {outcome.what}",
                order=INDICATOR_FIELDS,
                overwrite=overwrite,
                comment=outcome.comment,
                anchor=len(source.path),
            )
    return result, problems


def _shown(value: float | int) -> str:
    return f"{value:g}".replace(".", ",") if isinstance(value, float) else str(value)


def values_equal(a: float | int, b: float | int) -> bool:
    return abs(float(a) - float(b)) < 1e-9
