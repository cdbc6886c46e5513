"""Varje id som nämns finns, och är av rätt slag.

## Vad den kontrollerar
Alla kopplingar mellan objekt: målets `tjänar`, `organ`, `förvaltning`, `enhet`, `uppdrag`,
`styrdokument` och `ansvarig`; strategiernas, indikatorernas och aktiviteternas `mål`, `strategi`,
`uppdrag` och `kvalitetsfaktor`; uppdragets `givare` och `mottagare`; delegeringens `delegat`,
`ersättare` och `vidaredelegerad_från`; styrdokumentets `beslutad_av`, `ansvarig`, `ersätter`,
`stöder` och `gäller_för`; budgetramarnas organ; årshjulets organ och beroenden; och nivåerna och
målområdena som `måluppfyllelse` i styrmodell.yaml har egna definitioner för. Ett id som inte
finns rapporteras med det närmaste befintliga id:t som förslag; ett id av fel slag ("är en
indikator, inte ett mål") rapporteras också. Mål, strategier, kvalitetsfaktorer, delegationsordningar
och internkontrollplaner måste ha en ägare: ett organ (på objektet eller som `organ:` överst i
filen), eller för mål, strategier och kvalitetsfaktorer en förvaltning eller enhet.

## Varför
Styrmodellens röda tråd består av kopplingar. En felstavad koppling bryter kedjan utan att det syns
i ett Word-dokument.

## Exempel
Fel:

    indikatorer:
      - id: ind-nojdhet
        namn: Nöjdhet med hemtjänsten
        mål: [mal-trygg-aldrevard]    # målet heter mal-trygg-aldreomsorg

Rätt:

    indikatorer:
      - id: ind-nojdhet
        namn: Nöjdhet med hemtjänsten
        mål: [mal-trygg-aldreomsorg]

## Inställningar
Inga.

## Referens
KL 6 kap. 37 § (en delegat ska vara en roll eller ett organ som finns).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from styrmodell.findings import Location, Severity
from styrmodell.model.base import Node
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis
from styrmodell.svenska.suggest import suggest

_MONTH_DAY = re.compile(r"^(\d{4}-)?\d{2}-\d{2}$")

CODE = "SM201"
NAME = "okänd-referens"
SEVERITY = Severity.ERROR
REFERENCE = "formatet: kopplingarna mellan objekten"
BASIS = Basis.TOOL

ORGAN = ("organ",)
ROLE = ("roll",)
ORGAN_OR_ROLE = ("organ", "roll")
GOAL = ("mål",)
OWNERS = ("organ", "förvaltning", "enhet")


@dataclass(frozen=True)
class Ids:
    """What the references of one file are checked against: every id in the repository and its kind,
    the ids of objects that could not be read, and the organs' ids."""

    kinds: dict[str, str]
    broken: dict[str, str]
    organs: tuple[str, ...]


def context(repo: Repository, options) -> Ids:
    return Ids(repo.id_kinds, repo.broken_ids, tuple(repo.organ_by_id))


class _Checker:
    def __init__(self, ids: Ids):
        self.ids = ids
        self.found: list[tuple[str, Location]] = []

    def ref(self, obj: Node, field: str, ident: str | None, kinds: tuple[str, ...], index: int | None = None) -> None:
        if ident is None or ident in self.ids.broken:
            return
        kind = self.ids.kinds.get(ident)
        if kind is not None and kind in kinds:
            return
        where = obj.where(field, index) if index is not None else obj.where(field)
        wanted = " eller ".join(kinds)
        if kind is None:
            candidates = [i for i, k in self.ids.kinds.items() if k in kinds]
            close = suggest(ident, candidates)
            hint = f" – menade du '{close}'?" if close else ""
            self.found.append((f"'{field}' pekar på '{ident}', som inte finns (väntade {wanted}){hint}", where))
        else:
            self.found.append((f"'{field}' pekar på '{ident}', som är {_a(kind)}, inte {_a(kinds[0])}", where))

    def refs(self, obj: Node, field: str, idents: list[str], kinds: tuple[str, ...]) -> None:
        for index, ident in enumerate(idents):
            self.ref(obj, field, ident, kinds, index)

    def owner(self, obj: Node, what: str, below_boards: bool = False) -> None:
        organ = getattr(obj, "organ", None)
        if below_boards:
            self.ref(obj, "förvaltning", getattr(obj, "förvaltning", None), ("förvaltning",))
            self.ref(obj, "enhet", getattr(obj, "enhet", None), ("enhet",))
            if getattr(obj, "förvaltning", None) or getattr(obj, "enhet", None):
                self.ref(obj, "organ", organ, ORGAN)
                return
        if organ is None:
            alternative = " (eller `förvaltning:` eller `enhet:`)" if below_boards else ""
            self.found.append(
                (
                    f"{what} saknar ägande organ: ange `organ:` på objektet eller överst i filen{alternative}",
                    obj.where(),
                )
            )
        else:
            self.ref(obj, "organ", organ, ORGAN)


def _a(kind: str) -> str:
    article = {"mål": "ett", "organ": "ett", "uppdrag": "ett", "styrdokument": "ett"}.get(kind, "en")
    return f"{article} {kind}"


def check_file(repo: Repository, ids: Ids, options) -> Iterator[tuple[str, Location]]:
    c = _Checker(ids)
    for organ in repo.organs:
        c.ref(organ, "under", organ.under, ORGAN)
        c.ref(organ, "förvaltning", organ.förvaltning, ("förvaltning",))
    for adm in repo.administrations:
        c.refs(adm, "nämnd", adm.nämnd, ORGAN)
        c.ref(adm, "chef", adm.chef, ROLE)
    for unit in repo.units:
        c.ref(unit, "förvaltning", unit.förvaltning, ("förvaltning",))
        c.ref(unit, "chef", unit.chef, ROLE)
    for role in repo.roles:
        c.ref(role, "organ", role.organ, ORGAN)
        c.ref(role, "förvaltning", role.förvaltning, ("förvaltning",))
        c.refs(role, "medlemmar", role.medlemmar, ROLE)
    for vision in repo.visions:
        if vision.beslut:
            c.ref(vision.beslut, "organ", vision.beslut.organ, ORGAN)
    for goal in repo.goals:
        c.owner(goal, f"målet '{goal.id}'", below_boards=True)
        c.refs(goal, "tjänar", goal.tjänar, GOAL)
        c.refs(goal, "uppdrag", goal.uppdrag, ("uppdrag",))
        c.ref(goal, "styrdokument", goal.styrdokument, ("styrdokument",))
        c.ref(goal, "ansvarig", goal.ansvarig, ORGAN_OR_ROLE)
        if goal.beslut:  # a goal of an administration or unit is decided by its chief (a role)
            c.ref(goal.beslut, "organ", goal.beslut.organ, ORGAN_OR_ROLE)
    for strategy in repo.strategies:
        c.owner(strategy, f"strategin '{strategy.id}'", below_boards=True)
        c.refs(strategy, "mål", strategy.mål, GOAL)
        c.refs(strategy, "uppdrag", strategy.uppdrag, ("uppdrag",))
        c.refs(strategy, "kvalitetsfaktor", strategy.kvalitetsfaktor, ("kvalitetsfaktor",))
        c.ref(strategy, "ansvarig", strategy.ansvarig, ORGAN_OR_ROLE)
    for factor in repo.quality_factors:
        c.owner(factor, f"kvalitetsfaktorn '{factor.id}'", below_boards=True)
    for indicator in repo.indicators:
        c.refs(indicator, "mål", indicator.mål, GOAL)
        c.refs(indicator, "kvalitetsfaktor", indicator.kvalitetsfaktor, ("kvalitetsfaktor",))
        c.ref(indicator, "organ", indicator.organ, ORGAN)
    for activity in repo.activities:
        c.refs(activity, "mål", activity.mål, GOAL)
        c.refs(activity, "strategi", activity.strategi, ("strategi",))
        c.refs(activity, "uppdrag", activity.uppdrag, ("uppdrag",))
        c.refs(activity, "kvalitetsfaktor", activity.kvalitetsfaktor, ("kvalitetsfaktor",))
        c.ref(activity, "organ", activity.organ, ORGAN)
        c.ref(activity, "förvaltning", activity.förvaltning, ("förvaltning",))
        c.ref(activity, "enhet", activity.enhet, ("enhet",))
        c.ref(activity, "ansvarig", activity.ansvarig, ORGAN_OR_ROLE)
    for assignment in repo.assignments:
        c.ref(assignment, "givare", assignment.givare, ORGAN)
        c.ref(assignment, "mottagare", assignment.mottagare, ("organ", "förvaltning", "enhet", "roll"))
        c.refs(assignment, "mål", assignment.mål, GOAL)
        if assignment.beslut:
            c.ref(assignment.beslut, "organ", assignment.beslut.organ, ORGAN)
    for dialogue in repo.dialogues:
        c.ref(dialogue, "forum", dialogue.forum, ORGAN)
        c.refs(dialogue, "mål", dialogue.mål, GOAL)
    for doc in repo.documents:
        c.ref(doc, "beslutad_av", doc.beslutad_av, ORGAN_OR_ROLE)
        c.ref(doc, "ansvarig", doc.ansvarig, ("roll", "organ"))  # a role, or the responsible board
        c.refs(doc, "mål", doc.mål, GOAL)
        c.refs(doc, "stöder", doc.stöder, GOAL)
        c.refs(doc, "indikatorer", doc.indikatorer, ("indikator",))
        c.refs(doc, "ersätter", doc.ersätter, ("styrdokument",))
        if doc.id in doc.ersätter:
            c.found.append((f"styrdokumentet '{doc.id}' anger att det ersätter sig självt", doc.where("ersätter")))
        if isinstance(doc.gäller_för, list):
            c.refs(doc, "gäller_för", doc.gäller_för, OWNERS)
        if doc.upphävd:
            c.ref(doc.upphävd, "organ", doc.upphävd.organ, ORGAN)
    for order in repo.delegation_orders:
        c.owner(order, "delegationsordningen")
        if order.beslut:
            c.ref(order.beslut, "organ", order.beslut.organ, ORGAN)
        row_ids = {row.id for row in order.rader}
        for row in order.rader:
            c.ref(row, "delegat", row.delegat, ORGAN_OR_ROLE)
            c.refs(row, "ersättare", row.ersättare, ORGAN_OR_ROLE)
            if row.vidaredelegerad_från and row.vidaredelegerad_från not in row_ids:
                close = suggest(row.vidaredelegerad_från, row_ids)
                hint = f" – menade du '{close}'?" if close else ""
                c.found.append(
                    (
                        f"'vidaredelegerad_från' pekar på raden '{row.vidaredelegerad_från}', som inte "
                        f"finns i samma delegationsordning{hint}",
                        row.where("vidaredelegerad_från"),
                    )
                )
    for plan in repo.control_plans:
        c.owner(plan, "internkontrollplanen")
        for risk in plan.risker:
            c.ref(risk, "ansvarig", risk.ansvarig, ORGAN_OR_ROLE)
    for budget in repo.budgets:
        for organ_id in budget.ramar:
            _frame(c, budget, organ_id)
        if budget.beslut:
            c.ref(budget.beslut, "organ", budget.beslut.organ, ORGAN)
        if budget.skattesats_beslut:
            c.ref(budget.skattesats_beslut, "organ", budget.skattesats_beslut.organ, ORGAN)
        c.refs(budget, "finansiella_mål", budget.finansiella_mål, GOAL)
        for organ_id in budget.koncernföretag:
            if organ_id not in ids.organs:
                close = suggest(organ_id, ids.organs)
                hint = f" – menade du '{close}'?" if close else ""
                c.found.append(
                    (f"koncernföretaget '{organ_id}' är inte ett organ{hint}", budget.where("koncernföretag", organ_id))
                )
    for wheel in repo.wheels:
        for event in wheel.händelser:
            if isinstance(event.organ, list):
                c.refs(event, "organ", event.organ, ORGAN)
            else:
                c.ref(event, "organ", event.organ, ORGAN)
            c.refs(event, "beroenden", event.beroenden, ("händelse",))
            for point in ("från", "till"):
                value = getattr(event.när, point)
                if isinstance(value, str) and not _MONTH_DAY.match(value.strip()):
                    c.ref(event.när, point, value.strip(), ("händelse",))
            c.ref(event.när, "möte", event.när.möte, ORGAN)
        for organ_id in wheel.sammanträden:
            if organ_id not in ids.organs:
                c.found.append(
                    (
                        f"sammanträden anges för '{organ_id}', som inte är ett organ",
                        wheel.where("sammanträden", organ_id),
                    )
                )
    yield from c.found


def check_whole(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    """What the configuration's `måluppfyllelse` names."""
    attainment = repo.config.måluppfyllelse
    level_ids = [lvl.id for lvl in repo.config.målkedja]
    for level_id in attainment.nivåer:
        if level_id not in level_ids:
            close = suggest(level_id, level_ids)
            hint = f" – menade du '{close}'?" if close else ""
            yield (
                f"måluppfyllelse.nivåer anger nivån '{level_id}', som inte finns i målkedjan{hint}",
                repo.config.where("måluppfyllelse", "nivåer", level_id),
            )
    for goal_id in attainment.målområden:
        if goal_id not in repo.goal_by_id and goal_id not in repo.broken_ids:
            close = suggest(goal_id, repo.goal_by_id)
            hint = f" – menade du '{close}'?" if close else ""
            yield (
                f"måluppfyllelse.målområden anger '{goal_id}', som inte är ett mål{hint}",
                repo.config.where("måluppfyllelse", "målområden", goal_id),
            )


def _frame(c: _Checker, budget, organ_id: str) -> None:
    if organ_id not in c.ids.organs:
        close = suggest(organ_id, c.ids.organs)
        hint = f" – menade du '{close}'?" if close else ""
        c.found.append((f"budgetram för '{organ_id}', som inte är ett organ{hint}", budget.where("ramar", organ_id)))
