"""Varje nämnd och kommunstyrelsen har en internkontrollplan.

## Vad den kontrollerar
Att varje organ av typ `nämnd`, `gemensam nämnd` eller `ks` har minst en internkontrollplan
(`internkontroll:` med `organ:` satt till organet). Med `bolag: true` gäller det också bolagen.

## Varför
Nämnderna ska se till att den interne kontrollen är tillräcklig. Lagen kräver ingen plan med just
det namnet, men en årlig plan med riskbedömning är praxis (en årlig riskbedömning och en plan för de kontroller som ska göras); därför är
detta en varning.

## Exempel
Fel: `bun` har inga `internkontroll:`-filer.

Rätt: en fil `organ/bun/internkontroll-2026.yaml` med `internkontroll: {år: 2026, risker: [...]}`.

## Inställningar
- `bolag` (false): kräv plan också av bolagen.

## Referens
KL 6 kap. 6 § (tillräcklig intern kontroll).
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.organisation import BOARDS, OrganKind
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis, RuleOptions

CODE = "SM903"
NAME = "internkontrollplan-saknas"
SEVERITY = Severity.WARNING
REFERENCE = "KL 6 kap. 6 §"
BASIS = Basis.PRACTICE


class Options(RuleOptions):
    bolag: bool = False


def expected_kinds(options: Options) -> set[OrganKind]:
    """The organ types that must have a plan: the boards, and the companies if so set."""
    return BOARDS | ({OrganKind.BOLAG} if options.bolag else set())


def check(repo: Repository, options: Options) -> Iterator[tuple[str, Location]]:
    kinds = expected_kinds(options)
    planned = {plan.organ for plan in repo.control_plans}
    for organ in repo.organs:
        if organ.typ in kinds and organ.id not in planned:
            yield (f"'{organ.id}' ({organ.namn}) har ingen internkontrollplan (KL 6 kap. 6 §)", organ.where("id"))
