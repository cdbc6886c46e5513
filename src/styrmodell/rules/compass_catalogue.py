"""En utvärdering med Kommunkompassen följer sin katalog: rätt katalog, områden och frågor.

## Vad den kontrollerar
För varje utvärdering (`kommunkompass:`) att

- katalogen den anger (`katalog:`, som standard `kommunkompassen-2010`, som följer med verktyget)
  finns – bland de medföljande eller som `kompasskatalog:` i repot;
- varje område finns i katalogen och står bara en gång;
- varje fråga under `poäng:` finns i katalogen och hör till det område den står under;
- ett område som har poäng har det för alla sina frågor, så att summan är hela områdets.

## Varför
Poängen betyder bara något mot katalogens frågor och maxpoäng. En fråga med fel nummer eller en
fråga som fallit bort ger ett områdesresultat som ser rimligt ut men är fel, och jämförelser med
tidigare år och andra kommuner blir missvisande.

## Exempel
Fel (fråga 3.6 finns inte, och 3.5 saknas):

    kommunkompass:
      år: 2014
      områden:
        - område: 3
          poäng: {"3.1": 11.25, "3.2": 16.5, "3.3": 19.75, "3.4": 16.6, "3.6": 9.3}

Rätt:

    kommunkompass:
      år: 2014
      områden:
        - område: 3
          poäng: {"3.1": 11.25, "3.2": 16.5, "3.3": 19.75, "3.4": 16.6, "3.5": 9.3}

## Inställningar
Inga.

## Referens
Kommunkompassen (SKL, revisionen 2010): åtta huvudområden med delområden och frågor.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis
from styrmodell.svenska.suggest import suggest

CODE = "SM955"
NAME = "kompass-katalog"
SEVERITY = Severity.ERROR
REFERENCE = "Kommunkompassen (SKR): katalogen"
BASIS = Basis.STANDARD


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    if not repo.compass_evaluations:
        return  # the compass's code is not even imported for a repository without evaluations
    from styrmodell.kompass.scoring import catalogue_for, catalogues

    for evaluation in repo.compass_evaluations:
        catalogue = catalogue_for(repo, evaluation)
        if catalogue is None:
            known = sorted(catalogues(repo))
            close = suggest(evaluation.katalog, known)
            hint = f" – menade du '{close}'?" if close else f" (kända: {', '.join(known)})"
            yield f"katalogen '{evaluation.katalog}' finns inte{hint}", evaluation.where("katalog")
            continue
        seen: set[int] = set()
        for result in evaluation.områden:
            area = catalogue.area(result.område)
            if area is None:
                numbers = ", ".join(str(a.nummer) for a in catalogue.områden)
                yield (
                    f"område {result.område} finns inte i {catalogue.namn} (områdena är {numbers})",
                    result.where("område"),
                )
                continue
            if result.område in seen:
                yield f"område {result.område} står två gånger i utvärderingen {evaluation.år}", result.where("område")
            seen.add(result.område)
            if not result.poäng:
                continue
            own = {q.nummer for q in area.frågor}
            for number in result.poäng:
                if number in own:
                    continue
                other = catalogue.question(number)
                if other is not None:
                    yield (
                        f"fråga {number} hör till område {number.split('.')[0]}, inte till område {result.område}",
                        result.where("poäng", number),
                    )
                else:
                    close = suggest(number, sorted(own))
                    hint = f" – menade du '{close}'?" if close else ""
                    yield (
                        f"fråga {number} finns inte i område {result.område} ({area.namn}){hint}",
                        result.where("poäng", number),
                    )
            missing = [q.nummer for q in area.frågor if q.nummer not in result.poäng]
            if missing:
                yield (
                    f"område {result.område} saknar poäng för {'fråga' if len(missing) == 1 else 'frågorna'} "
                    f"{', '.join(missing)}; områdets summa blir då för låg",
                    result.where("poäng"),
                )
