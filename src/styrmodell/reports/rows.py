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


def value(indicator, number: float | None) -> str:
    """A value of an indicator as a reader reads it: a step of a qualitative indicator's scale, or a
    number with the unit."""
    if indicator.qualitative:
        return indicator.step(number) or "–"
    return numbers.with_unit(number, indicator.enhet)


def indicator_row(row: IndicatorRow) -> list:
    indicator = row.indicator
    notes = [row.trend] if row.trend else []
    notes += [f"{name}: {value(indicator, v)}" for name, v in row.comparisons]
    if row.kolada or row.kolada_comparisons:
        notes.append("Källa: Kolada")
    return [
        indicator.namn,
        row.period,
        value(indicator, row.outcome),
        _target(row),
        _status(row),
        "; ".join(notes) or "–",
    ]


def _target(row: IndicatorRow) -> str:
    """The year's target; for a cumulative indicator part-way through the year, the period's interim target."""
    indicator = row.indicator
    interim = indicator.delmål.get(row.period) if "-" in row.period else None
    if interim is None:
        return value(indicator, row.target)
    return f"{value(indicator, interim)} (delmål; helår {value(indicator, row.target)})"


def goal_row(row: GoalRow, data: ReportData) -> list:
    return [row.goal.text, row.owner_name or data.organ_name(row.goal.organ), _status(row), row.reason]


def strategy_row(row, data: ReportData) -> list:
    strategy = row.strategy
    return [
        strategy.namn,
        data.role_name(strategy.ansvarig) if strategy.ansvarig else "–",
        "; ".join(a.namn for a in row.activities) or "–",
    ]


def quality_factor_row(row: IndicatorRow, years: list[int]) -> list:
    indicator = row.indicator
    latest = [(p, v) for p, v in indicator.utfall.items() if v is not None]
    last = max(latest, key=lambda pv: (int(pv[0][:4]), pv[0])) if latest else None
    return (
        [indicator.namn, f"{value(indicator, last[1])} ({last[0]})" if last else "–"]
        + [value(indicator, indicator.målvärden.get(y)) for y in years]
        + [indicator.metod or indicator.källa]
    )


def goal_row_without_organ(row: GoalRow) -> list:
    return [row.goal.text, _status(row), row.reason]


def activity_row(activity, data: ReportData) -> list:
    when = " – ".join(dates.date(d) for d in (activity.start, activity.slut) if d) or "–"
    return [activity.namn, data.role_name(activity.ansvarig) if activity.ansvarig else "–", when, activity.status.value]


def plan_row(row: IndicatorRow, years: list[int]) -> list:
    indicator = row.indicator
    base = f"{value(indicator, indicator.bas.värde)} ({indicator.bas.år})" if indicator.bas else "–"
    latest = [(p, v) for p, v in indicator.utfall.items() if v is not None and "-" not in p]
    last = max(latest, key=lambda pv: int(pv[0])) if latest else None
    latest_text = f"{value(indicator, last[1])} ({last[0]})" if last else "–"
    return (
        [indicator.namn, base, latest_text]
        + [value(indicator, indicator.målvärden.get(y)) for y in years]
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
    indicator = row.indicator
    return [
        indicator.namn,
        f"{value(indicator, row.outcome)} ({row.period})",
        "; ".join(f"{name}: {value(indicator, v)}" for name, v in row.comparisons)
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
    """The assignment as it stood at the report's period end: a status report in May shows May's status."""
    deadline = dates.date(assignment.senast) if assignment.senast else "–"
    if data.overdue(assignment):
        deadline += " (försenat)"
    status = data.status_on_end(assignment).value
    if assignment.genomfört is not None and assignment.genomfört <= data.period.end:
        status += f" {dates.date(assignment.genomfört)}"
        if assignment.completed_late:
            status += " (efter sista dag)"
    return [
        assignment.text,
        data.organ_name(assignment.givare),
        data.organ_name(assignment.mottagare),
        deadline,
        status,
    ]


def plan_assignment_row(assignment, data: ReportData) -> list:
    deadline = dates.date(assignment.senast) if assignment.senast else "–"
    return [assignment.text, data.organ_name(assignment.mottagare), deadline, assignment.återrapportering or "–"]


_INCOME_LINES = (
    ("Intäkter", "intäkter"),
    ("Kostnader", "kostnader"),
    ("Finansnetto", "finansnetto"),
    ("Resultat", "resultat"),
)


def _income_figure(values, key: str) -> str:
    return numbers.number(getattr(values, key), 1) if values is not None else "–"


def result_rows(economy, previous, plan, with_forecast: bool) -> list:
    """Resultaträkning: outcome for the period, the same period last year, forecast and budget."""
    rows = []
    for label, key in _INCOME_LINES:
        row = [label, _income_figure(economy.utfall, key)]
        if previous is not None and previous.utfall is not None:
            row.append(_income_figure(previous.utfall, key))
        if with_forecast:
            row += [_income_figure(economy.prognos, key), _income_figure(plan, key)]
        rows.append(row)
    return rows


def organ_economy_row(economy, closed: bool) -> list:
    """A board's net cost against its frame: frame, outcome, (forecast), deviation."""
    cells = [economy.name, numbers.amount(economy.frame), numbers.amount(economy.outcome)]
    if not closed:
        cells.append(numbers.amount(economy.forecast))
    cells.append(numbers.amount(economy.deviation, signed=True))
    return cells


def own_economy_rows(economy, label: str, previous_year: int) -> list:
    """One board's own economy as a two-column table: frame, outcome, last year's, forecast, deviation."""
    rows = [["Budgetram" + (" (med ändringar under året)" if economy.changes else ""), numbers.amount(economy.frame)]]
    if economy.changes:
        rows.insert(0, ["Budgetram i budgeten", numbers.amount(economy.budget_frame)])
    rows.append([f"Nettokostnad {label}", numbers.amount(economy.outcome)])
    if economy.previous_outcome is not None:
        rows.append([f"Nettokostnad samma period {previous_year}", numbers.amount(economy.previous_outcome)])
    if not economy.closed:
        rows.append(["Nettokostnad, prognos för helåret", numbers.amount(economy.forecast)])
    rows.append(
        [
            "Avvikelse mot ramen" + ("" if economy.closed else " enligt prognosen"),
            numbers.amount(economy.deviation, signed=True),
        ]
    )
    return rows


def company_rows(company) -> list:
    """A company's own income statement: outcome, last year's, (forecast,) budget."""
    result, previous = company.result, company.previous
    rows = []
    for label, key in _INCOME_LINES:
        row = [label, _income_figure(result.utfall, key)]
        if previous is not None and previous.utfall is not None:
            row.append(_income_figure(previous.utfall, key))
        if not company.closed:
            row.append(_income_figure(result.prognos, key))
        budget = result.budget
        row.append(
            _income_figure(budget, key)
            if budget is not None
            else (numbers.number(company.budget_result, 1) if key == "resultat" else "–")
        )
        rows.append(row)
    return rows


def company_row(company) -> list:
    """A company in the whole municipality's table: result so far, (forecast,) budgeted result."""
    result = company.result
    cells = [company.name, numbers.amount(result.utfall.resultat if result.utfall else None)]
    if not company.closed:
        cells.append(numbers.amount(result.prognos.resultat if result.prognos else None))
    cells.append(numbers.amount(company.budget_result))
    return cells


def balance_rows(sheet) -> list:
    return [
        ["Tillgångar", numbers.number(sheet.tillgångar, 1)],
        ["Eget kapital", numbers.number(sheet.eget_kapital, 1)],
        ["Avsättningar", numbers.number(sheet.avsättningar, 1)],
        ["Skulder", numbers.number(sheet.skulder, 1)],
        ["Soliditet", numbers.percent(sheet.soliditet)],
    ]


def investment_frame_row(frame, closed: bool) -> list:
    cells = [frame.name, numbers.amount(frame.frame), numbers.amount(frame.outcome)]
    if not closed:
        cells.append(numbers.amount(frame.forecast))
    spent = frame.outcome if closed else frame.forecast
    cells.append(numbers.amount(None if frame.frame is None or spent is None else frame.frame - spent, signed=True))
    return cells


def project_row(row, closed: bool) -> list:
    cells = [row.project.namn, row.organ_name, numbers.amount(row.year_budget), numbers.amount(row.outcome)]
    if not closed:
        cells.append(numbers.amount(row.forecast))
    cells.append(numbers.amount(row.deviation, signed=True))
    return cells


def planned_project_row(project, years: list[int], data: ReportData) -> list:
    return (
        [project.namn, data.organ_name(project.organ)]
        + [numbers.amount(project.år.get(y)) for y in years]
        + [numbers.amount(project.utgift), "; ".join(data.goal_texts(project.mål)) or "–"]
    )


def allocation_row(allocation, data: ReportData) -> list:
    return [
        data.organ_name(allocation.organ),
        numbers.amount(allocation.belopp),
        "; ".join(data.goal_texts(allocation.mål)),
        allocation.beskrivning or "–",
    ]


def internal_row(row, data: ReportData) -> list:
    return [row.name, numbers.amount(row.amount), "; ".join(data.goal_texts(row.goals)) or "–", row.comment or "–"]


def change_row(change, data: ReportData) -> list:
    decided = f"{data.organ_name(change.beslut.organ)} {dates.date(change.beslut.datum)}"
    if change.beslut.paragraf:
        decided += f" {change.beslut.paragraf}"
    mine = (lambda organ: organ == data.organ.id) if data.organ is not None else (lambda organ: True)
    parts = [
        f"{data.organ_name(o)} {numbers.amount(v, signed=True)}" for o, v in change.ramändringar.items() if mine(o)
    ]
    parts += [
        f"investeringar {data.organ_name(o)} {numbers.amount(v, signed=True)}"
        for o, v in change.investeringsändringar.items()
        if mine(o)
    ]
    return [change.typ.value, decided, "; ".join(parts) or "–", change.finansiering or "–"]


def company_budget_row(item: tuple, data: ReportData) -> list:
    organ_id, company = item
    return [
        data.organ_name(organ_id),
        numbers.amount(company.resultat),
        numbers.amount(company.investeringar),
        company.redogörelse,
    ]


def balance_budget_rows(budget) -> list:
    years = sorted(budget.balansbudget)
    return [
        [label] + [numbers.number(getattr(budget.balansbudget[y], key), 1) for y in years]
        for label, key in (
            ("Tillgångar", "tillgångar"),
            ("Eget kapital", "eget_kapital"),
            ("Avsättningar", "avsättningar"),
            ("Skulder", "skulder"),
        )
    ] + [["Soliditet"] + [numbers.percent(budget.balansbudget[y].soliditet) for y in years]]


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


def scope_text(document, data: ReportData) -> str:
    scope = document.gäller_för
    if scope is None:
        return "–"
    if not isinstance(scope, list):
        return {"koncernen": "hela koncernen, med bolag och förbund", "kommunen": "kommunen, utan bolag och förbund"}[
            scope.value
        ]
    return ", ".join(data.organ_name(i) for i in scope)


def validity_text(document, data: ReportData) -> str:
    """From when to when a document is in force, or that it is replaced or repealed."""
    replaced = data.replaced_by(document)
    if document.upphävd is not None:
        return f"upphävt {dates.date(document.upphävd.datum)} ({data.organ_name(document.upphävd.organ)})"
    if replaced:
        return "ersatt av " + ", ".join(d.titel for d in replaced)
    start = dates.date(document.gäller_från) if document.gäller_från else None
    end = dates.date(document.gäller_till) if document.gäller_till else "tills vidare"
    return f"{start} – {end}" if start else end


def register_row(document, data: ReportData) -> list:
    """A row of the register: everything the register shows of one document."""
    title = document.titel
    extra = []
    if document.sidor:
        extra.append(f"{document.sidor} sidor")
    if document.publicering is not None:
        extra.append("på intranätet" if document.publicering.value == "intranät" else "på webbplatsen")
    if extra:
        title += f" ({', '.join(extra)})"
    decided = data.organ_name(document.beslutad_av) if document.beslutad_av else "–"
    when = dates.date(document.beslutsdatum) if document.beslutsdatum else "–"
    review = data.last_review(document)
    replaces = [(data.repo.document_by_id[i].titel if i in data.repo.document_by_id else i) for i in document.ersätter]
    scope = scope_text(document, data)
    return [
        title,
        f"{decided}, {when}" + (f" {document.paragraf}" if document.paragraf else ""),
        data.role_name(document.ansvarig) if document.ansvarig else "–",
        validity_text(document, data) + ("" if scope == "–" else f"; för {scope}"),
        dates.date(review) if review else "–",
        "; ".join(replaces) or "–",
    ]


def link_item(document) -> str:
    return f"{document.titel}: {document.länk}"


def delegation_row(row, data: ReportData) -> list:
    """A row of the published delegation order: its number first (delegated decisions are reported by it),
    the legal reference kept on one line with its "§", and who may delegate further, and to whom."""
    reported = {True: "ja", False: "nej", None: "–"}[row.anmäls]
    return [
        row.id,
        row.ärende,
        data.role_name(row.delegat),
        ", ".join(data.role_name(r) for r in row.ersättare) or "–",
        legal_reference(row.lagrum) if row.lagrum else "–",
        row.begränsningar or "–",
        reported,
        _further(row, data),
    ]


def legal_reference(text: str) -> str:
    """ "KL 6 kap. 39 §" with no-break spaces before "§" and "kap.", so a line never starts with "§" alone."""
    out = ""
    for word in text.split():
        glue = "\u00a0" if word.strip("§") == "" or word == "kap." else " "
        out = f"{out}{glue}{word}" if out else word
    return out


def _further(row, data: ReportData) -> str:
    """Further delegation (KL 7 kap. 6 §): the rows this one was passed on to, or the row it came from."""
    order = next((o for o in data.delegation_orders if any(r is row for r in o.rader)), None)
    onward = [r for r in (order.rader if order else []) if r.vidaredelegerad_från == row.id]
    if onward:
        return "vidaredelegerad till " + ", ".join(f"{data.role_name(r.delegat)} (nr {r.id})" for r in onward)
    if row.vidaredelegerad_från:
        return f"vidaredelegerad från nr {row.vidaredelegerad_från}"
    if row.vidaredelegering_tillåten:
        return "får vidaredelegeras"
    return "–"


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
    "planuppdragsrad": plan_assignment_row,
    "dokumentrad": document_row,
    "registerrad": register_row,
    "länkrad": link_item,
    "strategirad": strategy_row,
    "kvalitetsfaktorrad": quality_factor_row,
    "delegationsrad": delegation_row,
    "ramrad": frame_row,
    "kompassområde": compass_area_row,
    "kompassfråga": compass_question_row,
    "avsnitt": sections,
    "förbättringsrad": improvement_row,
    "organekonomirad": organ_economy_row,
    "bolagsrad": company_row,
    "investeringsramrad": investment_frame_row,
    "projektrad": project_row,
    "planerad_projektrad": planned_project_row,
    "satsningsrad": allocation_row,
    "internbudgetrad": internal_row,
    "ändringsrad": change_row,
    "koncernföretagsrad": company_budget_row,
}
GLOBALS = {
    "resultatrader": result_rows,
    "budgetrader": budget_rows,
    "egen_ekonomi_rader": own_economy_rows,
    "bolagsrader": company_rows,
    "balansrader": balance_rows,
    "balansbudgetrader": balance_budget_rows,
}
