"""Kommunkompassen for people: the evaluations shown side by side, area by area and question by
question, with the change between them and the improvements that are acted on.

Every output format (`kompass.output`) and the reports work from this `View`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from styrmodell.kompass.scoring import ImprovementLinks, Scored, improvements
from styrmodell.model.repository import Repository

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
        row = Row(
            str(area.number),
            area.name,
            area.max,
            [o.achieved if o else None for o in others],
            [o.rounded if o else None for o in others],
        )
        questions = []
        for q in area.questions:
            values = []
            for other in others:
                match = (
                    next((x for x in other.questions if x.question.nummer == q.question.nummer), None)
                    if other
                    else None
                )
                values.append(match.achieved if match else None)
            questions.append(Row(q.question.nummer, q.question.fråga, q.question.max, values))
        result = area.result
        areas.append(
            AreaView(
                row,
                questions,
                list(result.styrkor) if result else [],
                [i for i in own_improvements if i.area == area.number],
            )
        )
    title = f"Kommunkompassen – {main.municipality} {main.evaluation.år}"
    if compared:
        title += " jämfört med " + ", ".join(s.label for s in compared)
    return View(
        title,
        shown,
        areas,
        [s.total for s in shown],
        own_improvements,
        "Förändring" if same_place else "Skillnad",
        shown.index(main),
    )
