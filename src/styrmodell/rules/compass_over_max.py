"""Uppnådda poäng i Kommunkompassen är inte högre än frågans (eller områdets) max.

## Vad den kontrollerar
För varje utvärdering (`kommunkompass:`) att varje delfrågas poäng under `poäng:` är högst
frågans max i katalogen (Kommunkompassen 2010: t.ex. 15 för fråga 1.1), och att ett område som
bara har sin summa (`summa:` utan `poäng:`, som för en jämförd kommun) inte har mer än områdets max.
Negativa poäng är redan ett schemafel (SM107).

## Varför
Ett poängtal över max är alltid ett skrivfel – oftast procent eller avrundat värde i fel kolumn,
eller en fråga med fel nummer. Det blåser upp områdets summa och spindeldiagrammet.

## Exempel
Fel (fråga 1.1 har max 15):

    kommunkompass:
      år: 2014
      områden:
        - område: 1
          poäng: {"1.1": 45, "1.2": 13, ...}     # 45 är procenten, inte poängen

Rätt:

    kommunkompass:
      år: 2014
      områden:
        - område: 1
          poäng: {"1.1": 6.75, "1.2": 13, ...}   # 45 % av 15

## Inställningar
Inga.

## Referens
Kommunkompassen (SKL, revisionen 2010): varje delfråga har en maxpoäng, och utvärderingsrapporten
redovisar uppnådda poäng, max och procent per delfråga.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis

CODE = "SM951"
NAME = "kompass-poäng-över-max"
SEVERITY = Severity.ERROR
REFERENCE = "Kommunkompassen (SKR): poängen per delfråga"
BASIS = Basis.STANDARD


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    if not repo.compass_evaluations:
        return  # the compass's code is not even imported for a repository without evaluations
    from styrmodell.kompass.scoring import catalogue_for
    from styrmodell.svenska.numbers import number as points

    for evaluation in repo.compass_evaluations:
        catalogue = catalogue_for(repo, evaluation)
        if catalogue is None:
            continue  # SM955
        for result in evaluation.områden:
            area = catalogue.area(result.område)
            for number, achieved in result.poäng.items():
                question = catalogue.question(number)
                if question is not None and achieved > question.max + 1e-9:
                    yield (
                        f"fråga {number} har {points(achieved)} poäng, mer än frågans max "
                        f"{points(question.max)} ({evaluation.år}, {catalogue.namn})",
                        result.where("poäng", number),
                    )
            if area is not None and not result.poäng and result.summa is not None and result.summa > area.max + 1e-9:
                yield (
                    f"område {result.område} har summan {result.summa}, mer än områdets max "
                    f"{points(area.max)} ({evaluation.år})",
                    result.where("summa"),
                )
