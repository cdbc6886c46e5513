"""Kommunkompassen as text, Markdown, JSON, HTML and SVG; each returns text, the command writes it."""

from __future__ import annotations

import json

from styrmodell.kompass.spider import spider
from styrmodell.kompass.templates import render
from styrmodell.kompass.view import Row, View
from styrmodell.svenska.numbers import number


def text(view: View) -> str:
    labels = view.labels
    width = max(8, *(len(label) for label in labels))
    change = view.show_change
    head = (
        f"{'':<5} {'Område / fråga':<52}"
        + "".join(f"{label:>{width + 2}}" for label in labels)
        + (f"{view.change_label:>12}" if change else "")
        + f"{'Max':>6}"
    )
    lines = [view.title, "", head, "-" * len(head)]
    for area in view.areas:
        row = area.row
        values = "".join(f"{_area_cell(row, i):>{width + 2}}" for i in range(len(labels)))
        delta = f"{number(row.change, signed=True):>12}" if change else ""
        lines.append(f"{row.number:<5} {_cut(row.name, 52):<52}{values}{delta}{number(row.max):>6}")
        for q in area.questions:
            values = "".join(f"{number(v):>{width + 2}}" for v in q.values)
            delta = f"{number(q.change, signed=True):>12}" if change else ""
            lines.append(f"  {q.number:<4} {_cut(q.name, 51):<51}{values}{delta}{number(q.max):>6}")
    lines.append("-" * len(head))
    totals = "".join(f"{number(t):>{width + 2}}" for t in view.totals)
    delta = f"{number(view.total_change, 0, signed=True):>12}" if change else ""
    max_total = number(view.evaluations[0].max)
    lines.append(f"{'':<5} {'Totalt':<52}{totals}{delta}{max_total:>6}")
    lines += ["", "Områdets resultat är summan av delfrågornas poäng, avrundad; poängen visas med decimaler."]
    lines += ["", *improvement_lines(view)]
    return "\n".join(lines) + "\n"


def _area_cell(row: Row, index: int) -> str:
    value, rounded = row.values[index], row.printed[index]
    if value is None:
        return "–"
    assert rounded is not None  # an area's result is its value rounded
    return f"{rounded} ({number(value)})" if abs(value - rounded) > 1e-9 else str(rounded)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def improvement_lines(view: View) -> list[str]:
    items = view.improvements
    lines = [f"Förbättringsområden: {len(view.linked)} av {len(items)} har ett mål eller en aktivitet kopplad."]
    if view.linked:
        lines.append("\nMed koppling:")
        for item in view.linked:
            lines.append(f"  Område {item.area}: {item.improvement.text}")
            for link in item.links:
                status = f", {link.status}" if link.status else ""
                lines.append(f"    → {link.kind} {link.ident}: {link.title or '(finns inte)'}{status}")
    if view.unlinked:
        lines.append("\nUtan koppling:")
        for item in view.unlinked:
            lines.append(f"  Område {item.area}: {item.improvement.text}")
    return lines


# --- Markdown, JSON ------------------------------------------------------------------------------


def markdown(view: View) -> str:
    return render("kompass/kompass.md.j2", view=view)


def json_text(view: View) -> str:
    def row(r: Row) -> dict:
        return {"nummer": r.number, "namn": r.name, "max": r.max, "poäng": r.values, "förändring": r.change}

    data = {
        "titel": view.title,
        "utvärderingar": [
            {"etikett": s.label, "kommun": s.municipality, "år": s.evaluation.år, "totalt": s.total}
            for s in view.evaluations
        ],
        "områden": [
            {**row(a.row), "resultat": a.row.printed, "frågor": [row(q) for q in a.questions], "styrkor": a.strengths}
            for a in view.areas
        ],
        "förbättringsområden": [
            {
                "område": i.area,
                "text": i.improvement.text,
                "kommentar": i.improvement.kommentar,
                "kopplingar": [
                    {"slag": link.kind, "id": link.ident, "titel": link.title, "status": link.status}
                    for link in i.links
                ],
            }
            for i in view.improvements
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def svg(view: View) -> str:
    return render("kompass/spindel.svg.j2", chart=spider(view))


def html(view: View) -> str:
    return render("kompass/kompass.html.j2", view=view, chart=spider(view))
