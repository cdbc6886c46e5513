"""Table rows for the report templates: the Swedish words and numbers of one object, in the
order of the table's columns. A cell is a text, or `{"text": ..., "status": css}` for a status.
They are Jinja filters, so a municipality's own template can use them as they are."""

from __future__ import annotations

from styrmodell.reports.data import AreaSummary, GoalRow, IndicatorRow, ReportData
from styrmodell.svenska import dates, numbers


def _status(row) -> dict:
    return {"text": row.status, "status": row.status_class}


def area_row(area: AreaSummary) -> list:
    return [area.name] + [str(area.counts[s]) for s in ("uppnått", "delvis uppnått", "ej uppnått", "ej mätt")]


def indicator_row(row: IndicatorRow) -> list:
    unit = row.indicator.enhet
    notes = [row.trend] if row.trend else []
    notes += [f"{name}: {numbers.with_unit(value, unit)}" for name, value in row.comparisons]
    if row.kolada or row.kolada_comparisons:
        notes.append("Källa: Kolada")
    return [
        row.indicator.namn,
        row.period,
        numbers.with_unit(row.outcome, unit),
        numbers.with_unit(row.target, unit),
        _status(row),
        "; ".join(notes) or "–",
    ]


def goal_row(row: GoalRow, data: ReportData) -> list:
    return [row.goal.text, data.organ_name(row.goal.organ), _status(row), row.reason]


def goal_row_without_organ(row: GoalRow) -> list:
    return [row.goal.text, _status(row), row.reason]


def activity_row(activity, data: ReportData) -> list:
    when = " – ".join(dates.date(d) for d in (activity.start, activity.slut) if d) or "–"
    return [activity.namn, data.role_name(activity.ansvarig) if activity.ansvarig else "–", when, activity.status.value]


def plan_row(row: IndicatorRow, years: list[int]) -> list:
    indicator = row.indicator
    unit = indicator.enhet
    base = f"{numbers.with_unit(indicator.bas.värde, unit)} ({indicator.bas.år})" if indicator.bas else "–"
    latest = [(p, v) for p, v in indicator.utfall.items() if v is not None and "-" not in p]
    last = max(latest, key=lambda pv: int(pv[0])) if latest else None
    latest_text = f"{numbers.with_unit(last[1], unit)} ({last[0]})" if last else "–"
    return (
        [indicator.namn, base, latest_text]
        + [numbers.with_unit(indicator.målvärden.get(y), unit) for y in years]
        + [indicator.källa]
    )


def board_row(item: tuple) -> list:
    name, frame, outcome, forecast, deviation, _ = item
    return [
        name,
        numbers.amount(frame),
        numbers.amount(outcome),
        numbers.amount(forecast),
        numbers.amount(deviation, signed=True),
    ]


def quality_row(row: IndicatorRow) -> list:
    unit = row.indicator.enhet
    return [
        row.indicator.namn,
        f"{numbers.with_unit(row.outcome, unit)} ({row.period})",
        "; ".join(f"{name}: {numbers.with_unit(value, unit)}" for name, value in row.comparisons)
        + ("; Källa: Kolada" if row.kolada or row.kolada_comparisons else ""),
        _status(row),
    ]


def control_row(risk, data: ReportData, with_result: bool = False) -> list:
    value = risk.sannolikhet * risk.konsekvens
    cells = [risk.risk, f"{value} ({risk.sannolikhet}×{risk.konsekvens})", risk.kontroll, data.role_name(risk.ansvarig)]
    if with_result:
        cells.append(risk.resultat or "ej rapporterat")
    else:
        cells += [risk.frekvens or "–", risk.rapporteras or "–"]
    return cells


def assignment_row(assignment, data: ReportData) -> list:
    deadline = dates.date(assignment.senast) if assignment.senast else "–"
    if data.overdue(assignment):
        deadline += " (försenat)"
    return [
        assignment.text,
        data.organ_name(assignment.givare),
        data.organ_name(assignment.mottagare),
        deadline,
        assignment.status.value,
    ]


def result_rows(economy, previous, plan, with_forecast: bool) -> list:
    """Resultaträkning: outcome for the period, the same period last year, forecast and budget."""

    def column(values, key):
        return numbers.number(getattr(values, key), 1) if values is not None else "–"

    rows = []
    for label, key in (
        ("Intäkter", "intäkter"),
        ("Kostnader", "kostnader"),
        ("Finansnetto", "finansnetto"),
        ("Resultat", "resultat"),
    ):
        row = [label, column(economy.utfall, key)]
        if previous is not None and previous.utfall is not None:
            row.append(column(previous.utfall, key))
        if with_forecast:
            row += [column(economy.prognos, key), column(plan, key)]
        rows.append(row)
    return rows


def document_row(document, data: ReportData) -> list:
    decided = data.organ_name(document.beslutad_av)
    when = dates.date(document.beslutsdatum) if document.beslutsdatum else "–"
    return [
        document.titel,
        document.typ.value,
        f"{decided}, {when}" + (f" {document.paragraf}" if document.paragraf else ""),
        data.role_name(document.ansvarig) if document.ansvarig else "–",
        dates.date(document.gäller_till) if document.gäller_till else "tills vidare",
    ]


def delegation_row(row, data: ReportData) -> list:
    reported = {True: "ja", False: "nej", None: "–"}[row.anmäls]
    return [
        row.ärende,
        data.role_name(row.delegat),
        ", ".join(data.role_name(r) for r in row.ersättare) or "–",
        row.lagrum or "–",
        row.begränsningar or "–",
        reported,
    ]


def budget_rows(budget) -> list:
    years = sorted(budget.plan)
    return [
        [label] + [numbers.number(getattr(budget.plan[y], key), 1) for y in years]
        for label, key in (
            ("Intäkter", "intäkter"),
            ("Kostnader", "kostnader"),
            ("Finansnetto", "finansnetto"),
            ("Resultat", "resultat"),
        )
    ]


def frame_row(item: tuple, data: ReportData) -> list:
    organ_id, frame = item
    return [data.organ_name(organ_id), numbers.amount(frame)]


def compass_area_row(area) -> list:
    row = area.row
    return [
        f"{row.number}. {row.name}",
        numbers.number(row.printed[0]),
        numbers.number(row.max),
        numbers.percent(row.percent(0), 0),
    ]


def compass_question_row(question) -> list:
    return [
        f"{question.number} {question.name}",
        numbers.number(question.values[0], 2),
        numbers.number(question.max),
        numbers.percent(question.percent(0), 0),
    ]


def improvement_row(item) -> list:
    links = "; ".join(
        f"{link.kind} {link.title or link.ident}" + (f" ({link.status})" if link.status else "") for link in item.links
    )
    return [str(item.area), item.improvement.text, links or {"text": "ingen koppling", "status": "ej-uppnått"}]


def sections(rows: list, attribute: str, default: str = "Övrigt") -> list[tuple[str, list]]:
    """Rows grouped by an attribute, the groups in the order they first appear (groupby sorts)."""
    out: dict[str, list] = {}
    for row in rows:
        out.setdefault(getattr(row, attribute) or default, []).append(row)
    return list(out.items())


FILTERS = {
    "områdesrad": area_row,
    "indikatorrad": indicator_row,
    "målrad": goal_row,
    "målrad_utan_organ": goal_row_without_organ,
    "aktivitetsrad": activity_row,
    "planrad": plan_row,
    "nämndrad": board_row,
    "kvalitetsrad": quality_row,
    "kontrollrad": control_row,
    "uppdragsrad": assignment_row,
    "dokumentrad": document_row,
    "delegationsrad": delegation_row,
    "ramrad": frame_row,
    "kompassområde": compass_area_row,
    "kompassfråga": compass_question_row,
    "avsnitt": sections,
    "förbättringsrad": improvement_row,
}
GLOBALS = {"resultatrader": result_rows, "budgetrader": budget_rows}
