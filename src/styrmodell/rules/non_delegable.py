"""Ärenden som inte får delegeras.

## Vad den kontrollerar
Att ingen rad i en delegationsordning har en `kategori` som kommunallagen undantar från delegering:

| kategori | KL 6 kap. 38 § |
|---|---|
| `mål och inriktning` | 1 p. – verksamhetens mål, inriktning, omfattning eller kvalitet |
| `framställning till fullmäktige` | 2 p. – framställningar eller yttranden till fullmäktige |
| `yttrande över överklagat beslut` | 2 p. – yttranden när nämndens eller fullmäktiges beslut överklagats |
| `principiell myndighetsutövning` | 3 p. – myndighetsutövning som är av principiell beskaffenhet eller annars av större vikt |
| `medborgarförslag` | 4 p. – ärenden som väckts genom medborgarförslag och överlåtits till nämnden |
| `ej delegerbart enligt annan lag` | 5 p. – ärenden som enligt lag eller annan författning inte får delegeras |

## Varför
Sådana beslut ska fattas av hela nämnden. Ett delegationsbeslut i ett sådant ärende saknar laglig grund.

## Exempel
Fel:

    - id: "1.1"
      ärende: Fastställa verksamhetsplan med mål
      kategori: [mål och inriktning]
      delegat: forvaltningschef-bun
      anmäls: true

Rätt: ta bort raden; ärendet beslutas av nämnden.

## Inställningar
Inga.

## Referens
KL 6 kap. 38 § första stycket 1–5 p.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.governance import MatterCategory as M
from styrmodell.model.repository import Repository
from styrmodell.rules._delegation import rows
from styrmodell.rules.base import Basis

CODE = "SM602"
NAME = "ej-delegerbart-ärende"
SEVERITY = Severity.ERROR
REFERENCE = "KL 6 kap. 38 § första stycket"
BASIS = Basis.TEXT

POINTS = {
    M.MAL_OCH_INRIKTNING: ("1 p.", "ärenden som avser verksamhetens mål, inriktning, omfattning eller kvalitet"),
    M.FRAMSTALLNING_TILL_KF: ("2 p.", "framställningar eller yttranden till fullmäktige"),
    M.OVERKLAGAT_HELA_NAMNDEN: (
        "2 p.",
        "yttranden med anledning av att nämndens eller fullmäktiges beslut överklagats",
    ),
    M.MYNDIGHETSUTOVNING_PRINCIPIELL: (
        "3 p.",
        "myndighetsutövning mot enskilda som är av principiell beskaffenhet eller annars av större vikt",
    ),
    M.MEDBORGARFORSLAG: ("4 p.", "ärenden som väckts genom medborgarförslag och som överlåtits till nämnden"),
    M.ANNAN_LAG: ("5 p.", "ärenden som enligt lag eller annan författning inte får delegeras"),
}


def check_file(part: Repository, context: None, options) -> Iterator[tuple[str, Location]]:
    for _order, row in rows(part):
        for index, category in enumerate(row.kategori):
            if category in POINTS:
                point, what = POINTS[category]
                yield (
                    f"rad {row.id} ('{row.ärende}') kan inte delegeras: {what} (KL 6 kap. 38 § {point})",
                    row.where("kategori", index),
                )
