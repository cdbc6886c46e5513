"""Kommunkompassen worked out: catalogues, area results, comparisons and which improvements are acted on.

Rules and the `styr kompass` command share this; it returns values and prints nothing.

How the totals are counted (as seed 002's tables do): an area's result is the sum of its decimal
scores, rounded half up (area 3: 11.25 + 16.5 + 19.75 + 16.6 + 9.3 = 73.4 → 73, although the
rounded scores printed beside it add up to 74); the evaluation's total is the sum of the eight
area results as printed (Grästorp 2014: 61 + 60 + 73 + 53 + 70 + 56 + 65 + 68 = 506).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from styrmodell.model.base import Source, attach
from styrmodell.model.compass import (
    DEFAULT_CATALOGUE,
    Area,
    AreaResult,
    Catalogue,
    Evaluation,
    Improvement,
    Question,
    half_up,
)
from styrmodell.model.repository import Repository

SHIPPED = {DEFAULT_CATALOGUE: "kommunkompassen-2010.yaml"}


@cache
def shipped_catalogue(name: str) -> Catalogue | None:
    """A catalogue that ships with the tool, with positions in its data file."""
    from styrmodell.load.yamlload import load_text

    filename = SHIPPED.get(name)
    if filename is None:
        return None
    text = resources.files("styrmodell.data").joinpath(filename).read_text("utf-8")
    loaded = load_text(f"styrmodell/data/{filename}", text)
    catalogue = Catalogue.model_validate(loaded.data["kompasskatalog"])
    attach(catalogue, Source(loaded, ("kompasskatalog",)))
    return catalogue


def catalogues(repo: Repository) -> dict[str, Catalogue]:
    """Every catalogue an evaluation may name: the shipped ones, and the repository's own (which win)."""
    out = {name: found for name in SHIPPED if (found := shipped_catalogue(name)) is not None}  # all of them ship
    for catalogue in repo.compass_catalogues:
        out[catalogue.id] = catalogue
    return out


def catalogue_for(repo: Repository, evaluation: Evaluation) -> Catalogue | None:
    return catalogues(repo).get(evaluation.katalog)


def is_own(repo: Repository, evaluation: Evaluation) -> bool:
    return evaluation.kommun is None or _same_municipality(evaluation.kommun, repo.config.kommun.namn)


def municipality(repo: Repository, evaluation: Evaluation) -> str:
    return evaluation.kommun or repo.config.kommun.namn


def label(repo: Repository, evaluation: Evaluation) -> str:
    """'2014' for the repository's own evaluations, 'Örebro kommun 2013' for another municipality's."""
    if is_own(repo, evaluation):
        return str(evaluation.år)
    return f"{evaluation.kommun} {evaluation.år}"


def _same_municipality(a: str, b: str) -> bool:
    def norm(text: str) -> str:
        text = text.casefold().strip().removesuffix(" kommun").removesuffix(" stad")
        return text.removesuffix("s") if len(text) > 3 else text

    return norm(a) == norm(b)


@dataclass
class QuestionScore:
    question: Question
    achieved: float | None  # None: not scored (or only the area's total is known)

    @property
    def percent(self) -> int | None:
        return None if self.achieved is None else half_up(100 * self.achieved / self.question.max)


@dataclass
class AreaScore:
    number: int
    name: str
    max: float
    achieved: float | None  # decimal: the sum of the scores (or the printed total when only that is known)
    printed: int | None  # the total as the report printed it, if recorded
    questions: list[QuestionScore] = field(default_factory=list)
    result: AreaResult | None = None

    @property
    def rounded(self) -> int | None:
        """The area's result as a report prints it."""
        return None if self.achieved is None else half_up(self.achieved)


@dataclass
class Scored:
    evaluation: Evaluation
    catalogue: Catalogue | None
    label: str
    municipality: str
    areas: list[AreaScore]

    @property
    def total(self) -> int | None:
        """The sum of the area results as printed; None if an area has no result."""
        values = [a.rounded for a in self.areas]
        return None if not values or None in values else sum(v for v in values if v is not None)

    @property
    def max(self) -> float:
        return math.fsum(a.max for a in self.areas)

    @property
    def decimal_total(self) -> float:
        return math.fsum(a.achieved or 0.0 for a in self.areas)

    def area(self, number: int) -> AreaScore | None:
        return next((a for a in self.areas if a.number == number), None)


def score(repo: Repository, evaluation: Evaluation) -> Scored:
    """The evaluation against its catalogue: every area of the catalogue, in order, with its questions."""
    catalogue = catalogue_for(repo, evaluation)
    areas: list[AreaScore] = []
    seen: set[int] = set()
    for area in catalogue.områden if catalogue else []:
        result = evaluation.area(area.nummer)
        seen.add(area.nummer)
        areas.append(_area_score(area, result))
    for result in evaluation.områden:  # areas the catalogue does not know (a finding of SM955)
        if result.område not in seen:
            seen.add(result.område)
            areas.append(
                AreaScore(result.område, f"område {result.område}", 100.0, result.achieved, result.summa, result=result)
            )
    return Scored(evaluation, catalogue, label(repo, evaluation), municipality(repo, evaluation), areas)


def _area_score(area: Area, result: AreaResult | None) -> AreaScore:
    scores = result.poäng if result else {}
    questions = [QuestionScore(q, scores.get(q.nummer)) for q in area.frågor]
    return AreaScore(
        area.nummer,
        area.namn,
        area.max,
        result.achieved if result else None,
        result.summa if result else None,
        questions,
        result,
    )


def own_evaluations(repo: Repository) -> list[Evaluation]:
    return sorted((e for e in repo.compass_evaluations if is_own(repo, e)), key=lambda e: e.år)


def select(repo: Repository, wanted: str) -> Evaluation | None:
    """An evaluation named by its year (the repository's own) or by municipality and year ('Örebro 2013')."""
    text = wanted.strip()
    if text.isdigit():
        return next((e for e in own_evaluations(repo) if e.år == int(text)), None)
    words = text.casefold().split()
    year = next((int(w) for w in words if w.isdigit()), None)
    names = [w for w in words if not w.isdigit()]
    for evaluation in sorted(repo.compass_evaluations, key=lambda e: -e.år):
        place = municipality(repo, evaluation).casefold()
        if (year is None or evaluation.år == year) and all(_word_in(w, place) for w in names):
            return evaluation
    return None


def choose(repo: Repository, wanted: str | None, compare: list[str]) -> tuple[Scored, list[Scored]]:
    """The evaluation to show (default: the newest of the repository's own) and those to compare it with."""
    from styrmodell.errors import FatalError

    def known() -> str:
        names = [label(repo, e) for e in sorted(repo.compass_evaluations, key=lambda e: (e.år, label(repo, e)))]
        return ", ".join(names) if names else "inga"

    if not repo.compass_evaluations:
        raise FatalError("repot har ingen utvärdering med Kommunkompassen (en fil med `kommunkompass:`)")
    if wanted is None:
        own = own_evaluations(repo)
        main = own[-1] if own else max(repo.compass_evaluations, key=lambda e: e.år)
    else:
        found = select(repo, wanted)
        if found is None:
            raise FatalError(f"--år '{wanted}': ingen sådan utvärdering (utvärderingar: {known()})")
        main = found
    others = []
    for text in compare:
        other = select(repo, text)
        if other is None:
            raise FatalError(f"--jämför '{text}': ingen sådan utvärdering (utvärderingar: {known()})")
        if other is main or other in others:
            raise FatalError(f"--jämför '{text}': utvärderingen {label(repo, other)} visas redan")
        others.append(other)
    return score(repo, main), [score(repo, e) for e in others]


def _word_in(word: str, place: str) -> bool:
    return any(part.startswith(word.removesuffix("s")) for part in place.split())


@dataclass(frozen=True)
class Link:
    kind: str  # "mål" or "aktivitet"
    ident: str
    title: str  # the goal's text or the activity's name; empty if the id does not resolve
    status: str | None = None


@dataclass
class ImprovementLinks:
    area: int
    area_name: str
    improvement: Improvement
    links: list[Link]


def improvements(repo: Repository, scored: Scored) -> list[ImprovementLinks]:
    """Every improvement area of the evaluation, with the goals and activities linked to it."""
    activities = {a.id: a for a in repo.activities}
    out = []
    for area in scored.areas:
        if area.result is None:
            continue
        for item in area.result.förbättringsområden:
            links = []
            for ident in item.mål:
                goal = repo.goal_by_id.get(ident)
                links.append(Link("mål", ident, goal.text if goal else ""))
            for ident in item.aktiviteter:
                activity = activities.get(ident)
                links.append(
                    Link(
                        "aktivitet",
                        ident,
                        activity.namn if activity else "",
                        activity.status.value if activity and activity.status else None,
                    )
                )
            out.append(ImprovementLinks(area.number, area.name, item, links))
    return out
