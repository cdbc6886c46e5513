"""Kommunkompassen for people: the evaluation as a table, comparisons, improvements, a spider chart.

Everything here works on `compass.Scored` evaluations and returns text; the command writes it.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

from styrmodell.compass import ImprovementLinks, Scored, improvements
from styrmodell.model.repository import Repository
from styrmodell.render import render
from styrmodell.reports.swedish import number

COLOURS = ["#1b5e8a", "#c2410c", "#2e7d32", "#7b1fa2", "#00796b", "#8d6e00"]


@dataclass
class Row:
    """One area or question across the evaluations shown: values, and the change from first to last."""

    number: str
    name: str
    max: float
    values: list[float | None]
    printed: list[int | None] = field(default_factory=list)  # areas: the results as printed (rounded)

    @property
    def change(self) -> float | None:
        """From the first to the second of exactly two evaluations; with more, no single change."""
        values = self.printed or self.values  # an area changes by its result as printed, like the total
        if len(values) != 2 or values[0] is None or values[-1] is None:
            return None
        return values[-1] - values[0]

    def percent(self, index: int) -> float | None:
        value = self.values[index]
        return None if value is None else 100 * value / self.max


@dataclass
class AreaView:
    row: Row
    questions: list[Row]
    strengths: list[str]
    improvements: list[ImprovementLinks]


@dataclass
class View:
    """What every format shows: the evaluations side by side, area by area and question by question."""

    title: str
    evaluations: list[Scored]
    areas: list[AreaView]
    totals: list[int | None]
    improvements: list[ImprovementLinks]
    change_label: str = "Förändring"
    main_index: int = 0  # the evaluation shown in detail, among `evaluations`

    @property
    def labels(self) -> list[str]:
        return [s.label for s in self.evaluations]

    @property
    def show_change(self) -> bool:
        return len(self.evaluations) == 2

    @property
    def total_change(self) -> int | None:
        if not self.show_change or self.totals[0] is None or self.totals[-1] is None:
            return None
        return self.totals[-1] - self.totals[0]

    @property
    def linked(self) -> list[ImprovementLinks]:
        return [i for i in self.improvements if i.improvement.linked]

    @property
    def unlinked(self) -> list[ImprovementLinks]:
        return [i for i in self.improvements if not i.improvement.linked]


def build_view(repo: Repository, main: Scored, compared: list[Scored]) -> View:
    """`main` is shown in detail (strengths, improvements); `compared` beside it, question by question.

    Evaluations of one municipality stand in time order, so the change reads from old to new;
    other municipalities stand after the main evaluation, and the difference is theirs minus it.
    """
    shown = [main, *compared]
    same_place = all(s.municipality == main.municipality for s in shown)
    if same_place:
        shown.sort(key=lambda s: s.evaluation.år)
    areas = []
    own_improvements = improvements(repo, main)
    for area in main.areas:
        others = [s.area(area.number) for s in shown]
        row = Row(str(area.number), area.name, area.max, [o.achieved if o else None for o in others],
                  [o.rounded if o else None for o in others])
        questions = []
        for q in area.questions:
            values = []
            for other in others:
                match = next((x for x in other.questions if x.question.nummer == q.question.nummer), None) \
                    if other else None
                values.append(match.achieved if match else None)
            questions.append(Row(q.question.nummer, q.question.fråga, q.question.max, values))
        result = area.result
        areas.append(AreaView(row, questions, list(result.styrkor) if result else [],
                              [i for i in own_improvements if i.area == area.number]))
    title = f"Kommunkompassen – {main.municipality} {main.evaluation.år}"
    if compared:
        title += " jämfört med " + ", ".join(s.label for s in compared)
    return View(title, shown, areas, [s.total for s in shown], own_improvements,
                "Förändring" if same_place else "Skillnad", shown.index(main))


# --- text ----------------------------------------------------------------------------------------

def text(view: View) -> str:
    labels = view.labels
    width = max(8, *(len(label) for label in labels))
    change = view.show_change
    head = f"{'':<5} {'Område / fråga':<52}" + "".join(f"{label:>{width + 2}}" for label in labels) + \
        (f"{view.change_label:>12}" if change else "") + f"{'Max':>6}"
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
        return {"nummer": r.number, "namn": r.name, "max": r.max, "poäng": r.values,
                "förändring": r.change}

    data = {
        "titel": view.title,
        "utvärderingar": [{"etikett": s.label, "kommun": s.municipality, "år": s.evaluation.år,
                           "totalt": s.total} for s in view.evaluations],
        "områden": [{**row(a.row), "resultat": a.row.printed, "frågor": [row(q) for q in a.questions],
                     "styrkor": a.strengths} for a in view.areas],
        "förbättringsområden": [{"område": i.area, "text": i.improvement.text, "kommentar": i.improvement.kommentar,
                                 "kopplingar": [{"slag": link.kind, "id": link.ident, "titel": link.title,
                                                 "status": link.status} for link in i.links]}
                                for i in view.improvements],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- the spider chart ----------------------------------------------------------------------------

@dataclass
class Axis:
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str
    lines: list[str]


@dataclass
class Series:
    label: str
    colour: str
    dash: str
    points: str
    dots: list[tuple[float, float, str]]  # x, y, tooltip


@dataclass
class Spider:
    width: int
    size: int      # the square the chart is drawn in; the legend comes below it
    height: int
    cx: float
    cy: float
    axes: list[Axis]
    rings: list[tuple[int, str, float, float]]  # percent, polygon points, label x, label y
    series: list[Series]
    title: str
    description: str


def spider(view: View) -> Spider:
    """Eight axes (one per area, clockwise from the top), 0–100 %, one polygon per evaluation."""
    width, size, radius = 1000, 760, 250
    cx, cy = width / 2, size / 2
    count = len(view.areas)

    def point(fraction: float, index: int) -> tuple[float, float]:
        theta = 2 * math.pi * index / count - math.pi / 2
        return cx + radius * fraction * math.cos(theta), cy + radius * fraction * math.sin(theta)

    axes = []
    for index, area in enumerate(view.areas):
        x, y = point(1, index)
        lx, ly = point(1.12, index)
        anchor = "middle" if abs(lx - cx) < 20 else ("start" if lx > cx else "end")
        axes.append(Axis(x, y, lx, ly, anchor, _wrap(f"{area.row.number}. {area.row.name}", 26)))
    rings = []
    for percent in (20, 40, 60, 80, 100):
        corners = [point(percent / 100, i) for i in range(count)]
        rings.append((percent, " ".join(f"{x:.1f},{y:.1f}" for x, y in corners), cx + 4,
                      cy - radius * percent / 100 - 3))
    series = []
    dashes = iter(["8 5", "2 4", "12 4 2 4", "4 4"] * 3)
    for column, scored in enumerate(view.evaluations):
        corners, dots = [], []
        for index, area in enumerate(view.areas):
            percent = area.row.percent(column)
            x, y = point(min(1.0, (percent or 0) / 100), index)
            corners.append(f"{x:.1f},{y:.1f}")
            shown = "inte bedömt" if percent is None else f"{area.row.printed[column]} av {number(area.row.max)}"
            dots.append((x, y, f"{scored.label}, {area.row.number}. {area.row.name}: {shown}"))
        series.append(Series(f"{scored.municipality} {scored.evaluation.år} ({number(scored.total)} poäng)",
                             COLOURS[column % len(COLOURS)], "" if column == view.main_index else next(dashes),
                             " ".join(corners), dots))
    description = "; ".join(
        f"{s.label}: " + ", ".join(f"område {a.row.number} {number(a.row.printed[i])}" for a in view.areas)
        for i, s in enumerate(view.evaluations))
    return Spider(width, size, size + 30 * len(series) + 20, cx, cy, axes, rings, series, view.title, description)


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line] if line else lines


def svg(view: View) -> str:
    return render("kompass/spindel.svg.j2", chart=spider(view))


def html(view: View) -> str:
    return render("kompass/kompass.html.j2", view=view, chart=spider(view))
