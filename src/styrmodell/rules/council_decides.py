"""Budgeten, skattesatsen, de översta målen och årsredovisningen beslutas av fullmäktige.

## Vad den kontrollerar
Att ett beslut som lagen ger fullmäktige inte anger ett annat organ:
- budgetens `beslut:` och `skattesats_beslut:` (KL 5 kap. 1 § 2 p., 11 kap. 10–11 §§);
- målen på målkedjans översta nivå: de ägs av fullmäktige (`organ:` ett organ med `typ: kf`), och
  varje mål som fullmäktige äger – också de finansiella målen – har ett `beslut:` av fullmäktige
  (KL 5 kap. 1 § 1 p. och 2 p., 11 kap. 6 §);
- årshjulets händelser för fullmäktiges beslut – `avser: budgetbeslut`, `skattesatsbeslut`,
  `årsredovisning-kf`, `ansvarsfrihet` och `delårsrapport-kf` – har, när de anger ett organ eller ett
  sammanträde, fullmäktige (KL 5 kap. 1 § 7 p., 5 kap. 24 §, 11 kap. 10, 11, 16 och 21 §§).

En nämnds eller ett bolags egna mål, också finansiella, beslutas av nämnden eller bolaget och
kontrolleras inte här; budgetens finansiella mål (KL 11 kap. 6 §) är fullmäktiges.

## Varför
KL 5 kap. 1 §: fullmäktige beslutar i ärenden av principiell beskaffenhet eller annars av större
vikt, främst mål och riktlinjer för verksamheten (1 p.), budget, skatt och andra viktiga
ekonomiska frågor (2 p.) och årsredovisning och ansvarsfrihet (7 p.). KL 5 kap. 2 §: de ärendena
får inte delegeras till nämnderna. Ett beslut av ett annat organ i sådana ärenden saknar laglig
grund.

## Exempel
Fel:

    budget:
      år: 2026
      beslut: {organ: ks, datum: 2025-11-12, paragraf: "§ 140"}

Rätt:

    budget:
      år: 2026
      beslut: {organ: kf, datum: 2025-11-24, paragraf: "§ 98"}

## Inställningar
Inga.

## Referens
KL 5 kap. 1–2 §§; 11 kap. 10, 11, 16 och 21 §§; 5 kap. 24 §. Läst mot lagtexten.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.base import Decision
from styrmodell.model.goals import GoalKind
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis

CODE = "SM916"
NAME = "beslutas-av-fullmäktige"
SEVERITY = Severity.ERROR
REFERENCE = "KL 5 kap. 1–2 §§"
BASIS = Basis.TEXT

MOMENTS = {
    "budgetbeslut": ("budgetbeslutet", "KL 5 kap. 1 § 2 p. och 2 §, 11 kap. 10 §"),
    "skattesatsbeslut": ("beslutet om skattesatsen", "KL 5 kap. 1 § 2 p. och 2 §, 11 kap. 11 §"),
    "årsredovisning-kf": ("godkännandet av årsredovisningen", "KL 5 kap. 1 § 7 p. och 2 §, 11 kap. 21 §"),
    "ansvarsfrihet": ("beslutet om ansvarsfrihet", "KL 5 kap. 1 § 7 p. och 2 §, 5 kap. 24 §"),
    "delårsrapport-kf": ("behandlingen av delårsrapporten", "KL 11 kap. 16 §"),
}


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    yield from _budgets(repo)
    yield from _goals(repo)
    yield from _wheel(repo)


def _other(repo: Repository, organ: str | None) -> bool:
    """Whether `organ` is a known organ or role that is not fullmäktige (unknown ids are SM201's)."""
    if not organ or organ in repo.kf_ids:
        return False
    return organ in repo.organ_by_id or organ in repo.role_by_id


def _decision(repo: Repository, decision: Decision | None) -> bool:
    return decision is not None and _other(repo, decision.organ)


def _budgets(repo: Repository) -> Iterator[tuple[str, Location]]:
    for budget in repo.budgets:
        if _decision(repo, budget.beslut):
            assert budget.beslut is not None
            yield (
                f"budgeten för {budget.år} är beslutad av '{budget.beslut.organ}'; budgeten fastställs av "
                "fullmäktige och får inte delegeras (KL 5 kap. 1 § 2 p. och 2 §, 11 kap. 10 §)",
                budget.beslut.where("organ"),
            )
        if _decision(repo, budget.skattesats_beslut):
            assert budget.skattesats_beslut is not None
            yield (
                f"skattesatsen för {budget.år} är beslutad av '{budget.skattesats_beslut.organ}'; skattesatsen "
                "fastställs av fullmäktige och får inte delegeras (KL 5 kap. 1 § 2 p. och 2 §, 11 kap. 11 §)",
                budget.skattesats_beslut.where("organ"),
            )


def _goals(repo: Repository) -> Iterator[tuple[str, Location]]:
    top = repo.config.top_level
    for goal in repo.goals:
        financial = goal.typ == GoalKind.FINANSIELLT
        point = "1 § 2 p." if financial else "1 § 1 p."
        if goal.nivå == top and _other(repo, goal.organ):
            yield (
                f"målet '{goal.id}' står på målkedjans översta nivå men ägs av '{goal.organ}'; mål och riktlinjer "
                f"för verksamheten beslutas av fullmäktige (KL 5 kap. {point} och 2 §)",
                goal.where("organ"),
            )
        elif goal.organ in repo.kf_ids and _decision(repo, goal.beslut):
            assert goal.beslut is not None
            what = "ett finansiellt mål för god ekonomisk hushållning" if financial else "fullmäktiges mål"
            extra = ", 11 kap. 6 §" if financial else ""
            yield (
                f"målet '{goal.id}' är {what} men beslutat av '{goal.beslut.organ}'; det beslutas av fullmäktige "
                f"och får inte delegeras (KL 5 kap. {point} och 2 §{extra})",
                goal.beslut.where("organ"),
            )


def _wheel(repo: Repository) -> Iterator[tuple[str, Location]]:
    for wheel in repo.wheels:
        for event in wheel.händelser:
            if event.avser is None or event.avser.value not in MOMENTS:
                continue
            what, ref = MOMENTS[event.avser.value]
            several = isinstance(event.organ, list)
            places: list[tuple[str, str | None, Location]] = [
                ("organ", organ, event.where("organ", index) if several else event.where("organ"))
                for index, organ in enumerate(event.organ_ids)
            ]
            places.append(("sammanträde", event.när.möte, event.när.where("möte")))
            for field, organ, place in places:
                if _other(repo, organ):
                    yield (
                        f"'{event.id}' är {what}, men händelsens {field} är '{organ}'; det beslutet fattas av "
                        f"fullmäktige ({ref})",
                        place,
                    )
