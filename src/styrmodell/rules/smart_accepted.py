"""A i SMARTA: målet är beslutat, med en beslutsreferens, av den som äger det.

## Vad den kontrollerar
- Att målet har `beslut` med organ, datum och gärna paragraf;
- att beslutet är fattat av målets ägare (`beslutat_av_ägaren`): ett organs mål av organet självt
  (ett utskotts mål av utskottet eller dess nämnd); en förvaltnings mål av dess chef eller av
  nämnden som förvaltningen tjänar; en enhets mål av enhetens chef, av förvaltningens chef eller
  av nämnden.

## Varför
Ett mål är accepterat när den som äger det har beslutat det. Utan beslutsreferens går det inte
att se om målet i repot är det som faktiskt gäller, och `styr diff` kan inte visa att en ändring
saknar nytt beslut. Ett mål som ett annat organ har beslutat åt ägaren är inte ägarens mål:
styrelser och nämnder beslutar sina mål och uppdrag till förvaltningarna, och förvaltningarna
beslutar mål och aktiviteter till enheterna.

## Exempel
Fel: ett mål utan `beslut:`, eller ett nämndmål för `bun` med `beslut: {organ: kf, ...}`.

Rätt:

    beslut: {organ: bun, datum: 2022-12-14, paragraf: "§ 140"}

och för ett förvaltningsmål, förvaltningschefens beslut:

    förvaltning: bf
    beslut: {organ: fc-bf, datum: 2023-01-20}

## Inställningar
- `beslutat_av_ägaren` (true): kräv att beslutet är fattat av målets ägare.
- `nivåer` ([]): vilka nivåer regeln gäller (tomt: nivåer med `mätbar: true`).

## Referens
SMARTA-kriteriet Accepterade i kommunens styrmodell; KL 5 kap. 1 § (fullmäktige beslutar mål och
riktlinjer för verksamheten) och 6 kap. 6 § (nämnderna ser till att verksamheten bedrivs enligt dem).
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.goals import Goal
from styrmodell.model.organisation import CHIEFS
from styrmodell.model.repository import Repository
from styrmodell.rules._smart import SmartOptions, smart_goals
from styrmodell.rules.base import Basis

CODE = "SM503"
NAME = "smart-accepterad"
SEVERITY = Severity.ERROR
REFERENCE = "SMARTA-kriterierna för kommunens mål"
BASIS = Basis.MUNICIPALITY


class Options(SmartOptions):
    beslutat_av_ägaren: bool = True


def _chiefs(repo: Repository, ident: str | None) -> set[str]:
    """The roles that lead an administration or unit: its `chef`, and chiefs employed in it."""
    out: set[str] = set()
    unit = repo.unit_by_id.get(ident or "")
    administration = repo.administration_by_id.get(ident or "")
    if unit is not None and unit.chef:
        out.add(unit.chef)
    if administration is not None:
        if administration.chef:
            out.add(administration.chef)
        out |= {r.id for r in repo.roles if r.förvaltning == administration.id and r.typ in CHIEFS}
    return out


def deciders(repo: Repository, goal: Goal) -> set[str]:
    """Who may decide a goal: its owner, as the module documentation says."""
    if goal.enhet:
        unit = repo.unit_by_id.get(goal.enhet)
        administration = unit.förvaltning if unit else None
        return _chiefs(repo, goal.enhet) | _chiefs(repo, administration) | set(repo.boards_of(goal.enhet))
    if goal.förvaltning:
        return _chiefs(repo, goal.förvaltning) | set(repo.boards_of(goal.förvaltning))
    organ = repo.organ_by_id.get(goal.organ or "")
    if organ is None:
        return set()
    return {organ.id} | ({organ.under} if organ.under else set())


def check(repo: Repository, options: Options) -> Iterator[tuple[str, Location]]:
    for goal in smart_goals(repo, options):
        if goal.beslut is None:
            yield (
                f"målet '{goal.id}' saknar beslutsreferens; ange `beslut: {{organ, datum, paragraf}}`",
                goal.where("id"),
            )
            continue
        if not options.beslutat_av_ägaren:
            continue
        allowed = deciders(repo, goal)
        if allowed and goal.beslut.organ not in allowed:
            yield (
                f"målet '{goal.id}' ägs av '{goal.owner}' men beslutades av '{goal.beslut.organ}'; ett mål är "
                f"accepterat när dess ägare har beslutat det ({', '.join(sorted(allowed))})",
                goal.beslut.where("organ"),
            )
