"""Raden säger samma sak om hur beslutet överklagas i `överklagbart` och i `kategori`.

## Vad den kontrollerar
`överklagbart:` säger hur ett delegerat beslut överklagas:

| värde | betyder | vad reglerna gör med det |
|---|---|---|
| `laglighetsprövning` | överklagas enligt KL 13 kap. | ett beslut som inte anmäls protokollförs särskilt (SM605); ingen automatiserad beslutsfunktion (SM603) |
| `förvaltningsbesvär` | överklagas enligt en speciallag (förvaltningslagen 40–49 §§) | inget krav på särskilt protokoll |
| `nej` (eller `false`) | får enligt lag inte överklagas | ingen automatiserad beslutsfunktion (SM603) |
| `ja` (eller `true`) | får överklagas, men raden säger inte hur | inget: ange hellre hur |

Kategorierna `laglighetsprövning` och `ej överklagbart` säger samma sak som `överklagbart:
laglighetsprövning` och `överklagbart: nej`. Regeln kontrollerar att en rad som anger både
kategori och `överklagbart` inte säger emot sig själv: `laglighetsprövning` med `överklagbart:
förvaltningsbesvär` eller `nej`, eller `ej överklagbart` med ett `överklagbart` som säger att
beslutet får överklagas.

## Varför
Vad lagen kräver av raden beror på hur beslutet överklagas: särskilt protokoll gäller beslut som
får överklagas enligt 13 kap. (KL 6 kap. 40 §, 7 kap. 8 §), och en automatiserad beslutsfunktion får
inte fatta beslut som laglighetsprövas eller som inte får överklagas (KL 6 kap. 38 § andra
stycket). En rad som säger två saker kan inte kontrolleras.

## Exempel
Fel:

    - id: "3.1"
      ärende: Beslut om skolskjuts
      kategori: [laglighetsprövning]
      överklagbart: förvaltningsbesvär

Rätt:

    - id: "3.1"
      ärende: Beslut om skolskjuts
      lagrum: Skollagen 10 kap. 32 §
      överklagbart: förvaltningsbesvär

## Inställningar
Inga.

## Referens
Formatet: fälten `överklagbart` och `kategori` på en delegeringsrad.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.governance import Appeal, MatterCategory
from styrmodell.model.repository import Repository
from styrmodell.rules._delegation import rows
from styrmodell.rules.base import Basis

CODE = "SM607"
NAME = "överklagande-motsägelse"
SEVERITY = Severity.ERROR
REFERENCE = "formatet: `överklagbart` och `kategori`"
BASIS = Basis.TOOL

# what each category says, and the values of `överklagbart` that contradict it
CONTRADICTIONS = {
    MatterCategory.LAGLIGHETSPROVNING: {Appeal.FORVALTNINGSBESVAR, Appeal.NEJ},
    MatterCategory.EJ_OVERKLAGBART: {Appeal.JA, Appeal.LAGLIGHETSPROVNING, Appeal.FORVALTNINGSBESVAR},
}


def check_file(part: Repository, context: None, options) -> Iterator[tuple[str, Location]]:
    for _order, row in rows(part):
        if row.överklagbart is None:
            continue
        for category, contradicting in CONTRADICTIONS.items():
            if category in row.kategori and row.överklagbart in contradicting:
                yield (
                    f"rad {row.id} har kategorin '{category.value}' men `överklagbart: {row.överklagbart.value}`; "
                    "ange hur beslutet överklagas på ett ställe",
                    row.where("överklagbart"),
                )
