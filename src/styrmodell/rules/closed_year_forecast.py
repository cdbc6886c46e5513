"""Ett avslutat år har utfall, inte prognos.

## Vad den kontrollerar
Att helåret i `ekonomi:` (perioden `ÅÅÅÅ`, årsredovisningens) inte har `prognos:`, varken för
kommunen eller under `nämnder:`, `bolag:` och `investeringar:`. En prognos hör till en period
under året (`ÅÅÅÅ-MM`). Det äldre skrivsättet, där helåret hade `prognos` lika med utfallet, läses
fortfarande: en nämnd utan `utfall` i ett avslutat år redovisas med sin `prognos` som utfall.

## Varför
När året är slut finns utfallet; en "prognos" för ett avslutat år är antingen utfallet under fel
namn eller en siffra som inte längre gäller, och årsredovisningen redovisar utfallet.

## Exempel
Fel:

    2025:
      nämnder:
        bun: {budget: 594.0, utfall: 596.2, prognos: 596.2}

Rätt:

    2025:
      nämnder:
        bun: {budget: 594.0, utfall: 596.2}

## Inställningar
Inga.

## Referens
Formatet: ett avslutat år är ett utfall (LKBR 4 kap., årsredovisningen redovisar utfallet).
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis

CODE = "SM932"
NAME = "prognos-för-avslutat-år"
SEVERITY = Severity.WARNING
REFERENCE = "formatet (ett avslutat år är ett utfall)"
BASIS = Basis.TOOL


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    for economy in repo.economies:
        key = str(economy.år)
        period = economy.perioder.get(key)
        if period is None:
            continue
        what = "skriv utfallet i `utfall` och ta bort `prognos`"
        if period.prognos is not None:
            yield (
                f"helåret {key} är avslutat och har ingen prognos; {what}",
                economy.where("perioder", economy.år, "prognos"),
            )
        for group in ("nämnder", "bolag", "investeringar"):
            for ident, item in getattr(period, group).items():
                if getattr(item, "prognos", None) is not None:
                    yield (
                        f"helåret {key} är avslutat, och för '{ident}' redovisas utfall, inte prognos; {what}",
                        economy.where("perioder", economy.år, group, ident, "prognos"),
                    )
