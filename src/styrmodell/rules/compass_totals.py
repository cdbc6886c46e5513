"""De tryckta summorna i Kommunkompassen stämmer med delfrågornas poäng.

## Vad den kontrollerar
En utvärdering anger poängen per delfråga med decimaler (`poäng:`) och kan dessutom ange de
heltal som rapporten tryckte: områdets `summa:` och hela utvärderingens `totalt:`. Regeln räknar
som rapportens tabeller gör och jämför:

- ett områdes resultat är summan av delfrågornas poäng, avrundad (0,5 uppåt);
- `totalt` är summan av de åtta områdenas resultat.

## Varför
Rapporten trycker avrundade tal, och de avrundade delfrågorna summerar inte alltid till det
tryckta områdesresultatet. Decimalerna avgör: i Grästorps utvärdering 2014 trycks område 3 med
delfrågorna 11 + 17 + 20 + 17 + 9 = 74 men resultatet 73, eftersom poängen är 11,25 + 16,5 +
19,75 + 16,6 + 9,3 = 73,4. Stämmer en summa inte är en delfråga felskriven eller avrundad – och
då stämmer inte heller jämförelser och spindeldiagram.

## Exempel
Fel (poängen ger 73,4, alltså 73):

    - område: 3
      summa: 74
      poäng: {"3.1": 11.25, "3.2": 16.5, "3.3": 19.75, "3.4": 16.6, "3.5": 9.3}

Rätt:

    - område: 3
      summa: 73
      poäng: {"3.1": 11.25, "3.2": 16.5, "3.3": 19.75, "3.4": 16.6, "3.5": 9.3}

## Inställningar
- `tolerans` (0): hur många poäng en tryckt summa får skilja, för rapporter som räknat på annat sätt.

## Referens
Kommunkompassen (SKL): utvärderingsrapportens tabeller trycker heltal, poängen sätts med decimaler.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis, RuleOptions

CODE = "SM953"
NAME = "kompass-summor"
SEVERITY = Severity.ERROR
REFERENCE = "Kommunkompassen (SKR): summorna"
BASIS = Basis.STANDARD


class Options(RuleOptions):
    tolerans: int = Field(default=0, ge=0)


def check(repo: Repository, options: Options) -> Iterator[tuple[str, Location]]:
    if not repo.compass_evaluations:
        return  # the compass's code is not even imported for a repository without evaluations
    from styrmodell.kompass.scoring import score
    from styrmodell.svenska.numbers import number as points

    for evaluation in repo.compass_evaluations:
        scored = score(repo, evaluation)
        for area in scored.areas:
            result = area.result
            if result is None or result.summa is None or not result.poäng:
                continue
            assert area.rounded is not None  # the area has scores
            if abs(area.rounded - result.summa) > options.tolerans:
                yield (
                    f"område {area.number} har summan {result.summa}, men delfrågornas poäng ger "
                    f"{points(area.achieved)}, avrundat {area.rounded} ({scored.label})",
                    result.where("summa"),
                )
        total = scored.total
        if evaluation.totalt is not None and total is not None and abs(total - evaluation.totalt) > options.tolerans:
            parts = " + ".join(str(a.rounded) for a in scored.areas)
            yield (
                f"totalt {evaluation.totalt}, men områdenas resultat ger {parts} = {total} ({scored.label})",
                evaluation.where("totalt"),
            )
