"""Ett negativt balanskravsresultat regleras enligt en åtgärdsplan som fullmäktige antar.

## Vad den kontrollerar
Att ett helår i `ekonomi:` (perioden `ÅÅÅÅ`, årsredovisningens) med negativt balanskravsresultat
– årets resultat minus realisationsvinster plus övriga justeringar – har en åtgärdsplan:
`åtgärdsplan:` i perioden, eller i en budget för något av de tre följande åren. Alternativet är
fullmäktiges beslut att av synnerliga skäl inte reglera underskottet, i `synnerliga_skäl:`.

## Varför
Ett negativt balanskravsresultat ska regleras under de närmast följande tre åren, och
fullmäktige ska anta en åtgärdsplan för hur det ska ske; beslutet om reglering fattas senast i
budgeten det tredje året. Fullmäktige får besluta att inte reglera om det finns synnerliga skäl.

## Exempel
Fel:

    ekonomi:
      år: 2025
      perioder:
        2025:
          utfall: {intäkter: 425.0, kostnader: 428.1, finansnetto: -1.9}

Rätt: samma period med

          åtgärdsplan: Underskottet på 5,0 mnkr återställs 2026–2027 (KF 2026-04-27 § 31).

## Inställningar
Inga.

## Referens
KL 11 kap. 12 § (reglering inom tre år, åtgärdsplan), 13 § (synnerliga skäl).
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis

CODE = "SM913"
NAME = "åtgärdsplan-vid-underskott"
SEVERITY = Severity.ERROR
REFERENCE = "KL 11 kap. 12–13 §§"
BASIS = Basis.TEXT


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    planned = {b.år for b in repo.budgets if b.åtgärdsplan}
    for economy in repo.economies:
        key = str(economy.år)
        period = economy.perioder.get(key)
        result = period.balanced_budget_result(outcome=True) if period is not None else None
        if period is None or result is None or result >= 0 or period.åtgärdsplan or period.synnerliga_skäl:
            continue
        later = range(economy.år + 1, economy.år + 4)
        if planned.intersection(later):
            continue
        from styrmodell.svenska.numbers import number

        yield (
            f"balanskravsresultatet {economy.år} är {number(result, 1)} mnkr; fullmäktige ska anta en åtgärdsplan för att "
            f"reglera det under {later[0]}–{later[-1]} (`åtgärdsplan:` i perioden eller i en budget för de åren), "
            "eller av synnerliga skäl besluta att inte reglera det (`synnerliga_skäl:`) (KL 11 kap. 12–13 §§)",
            economy.where("perioder", key),
        )
