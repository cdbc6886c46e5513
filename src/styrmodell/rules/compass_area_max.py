"""Varje område i en kompasskatalog har 100 poäng.

## Vad den kontrollerar
För en egen katalog i repot (`kompasskatalog:`) att maxpoängen för delfrågorna i varje område
summerar till 100 (inställbart), och att en fråga inte står två gånger. Katalogen för
Kommunkompassen 2010 följer med verktyget och uppfyller redan detta.

## Varför
Kommunkompassens åtta områden väger lika: 100 poäng vardera, 800 i allt. Bara då går det att
läsa procent och poäng som samma sak, lägga områdena på spindeldiagrammets axlar och jämföra med
andra kommuner. Ett område med 95 eller 105 poäng är nästan alltid en fråga som fallit bort eller
en felskriven maxpoäng.

## Exempel
Fel (frågorna ger 95 poäng):

    kompasskatalog:
      id: min-kompass
      namn: Vår kompass
      områden:
        - nummer: 1
          namn: Offentlighet och demokrati
          frågor:
            - {nummer: "1.1", max: 15, fråga: Finns en strategi?}
            - {nummer: "1.2", max: 80, fråga: Hur informeras medborgarna?}

Rätt: `max: 85` på fråga 1.2, så att området har 100.

## Inställningar
- `max` (100): poängen som varje område ska ha.

## Referens
Kommunkompassen (SKL, revisionen 2010): åtta huvudområden med 100 poäng vardera.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis, RuleOptions

CODE = "SM952"
NAME = "kompass-områdets-max"
SEVERITY = Severity.ERROR
REFERENCE = "Kommunkompassen (SKR): 100 poäng per område"
BASIS = Basis.STANDARD


class Options(RuleOptions):
    max: float = Field(default=100, gt=0)


def check(repo: Repository, options: Options) -> Iterator[tuple[str, Location]]:
    for catalogue in repo.compass_catalogues:
        yield from catalogue_problems(catalogue, options.max)


def catalogue_problems(catalogue, wanted: float) -> Iterator[tuple[str, Location]]:
    """What is wrong with one catalogue (also used by the tests on the shipped catalogue)."""
    from styrmodell.svenska.numbers import number as points

    seen: set[str] = set()
    numbers: set[int] = set()
    for area in catalogue.områden:
        if area.nummer in numbers:
            yield f"område {area.nummer} står två gånger i katalogen '{catalogue.id}'", area.where("nummer")
        numbers.add(area.nummer)
        if abs(area.max - wanted) > 1e-6:
            yield (
                f"område {area.nummer} ({area.namn}) har {points(area.max)} poäng sammanlagt i "
                f"frågorna, inte {points(wanted)}",
                area.where("nummer"),
            )
        for index, question in enumerate(area.frågor):
            if question.nummer in seen:
                yield (
                    f"fråga {question.nummer} står två gånger i katalogen '{catalogue.id}'",
                    area.where("frågor", index),
                )
            seen.add(question.nummer)
            if not question.nummer.startswith(f"{area.nummer}."):
                yield (
                    f"fråga {question.nummer} står under område {area.nummer}; numret ska börja med '{area.nummer}.'",
                    area.where("frågor", index),
                )
