"""Årshjulet har de händelser som lagen sätter datum för.

## Vad den kontrollerar
Att ett repo som har ett årshjul har händelser märkta med `avser:` för styrelsens budgetförslag,
fullmäktiges budgetbeslut, delårsrapportens periodslut och fullmäktiges behandling av den,
årsredovisningens överlämnande och fullmäktiges godkännande av den. Först då kan reglerna
SM921–SM926 kontrollera lagens datum.

## Varför
Ett årshjul utan dessa händelser kan inte visa att kommunen håller lagens frister.

## Exempel
Varning: årshjulet har en budgethändelse men ingen med `avser: budgetbeslut`.

Rätt:

    - id: budget-kf
      namn: Fullmäktige beslutar budget och skattesats
      typ: budget
      organ: kf
      avser: budgetbeslut
      när: {möte: kf, före: "11-30"}

## Inställningar
- `händelser`: vilka `avser`-värden som krävs. Också `revisionsbudgetförslag` (fullmäktiges
  presidiums förslag till revisorernas budget, KL 11 kap. 8 §), `skattesatsförslag` och
  `skattesatsbeslut` kan krävas; de är inte med som standard.

## Referens
KL 11 kap. 8, 10, 16, 20–21 §§. Läst mot lagtexten.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis, RuleOptions

CODE = "SM929"
NAME = "lagens-händelser-i-årshjulet"
SEVERITY = Severity.WARNING
REFERENCE = "KL 11 kap. 8, 10, 16, 20–21 §§"
BASIS = Basis.TEXT

REQUIRED = [
    "budgetförslag",
    "budgetbeslut",
    "delårsrapport-periodslut",
    "delårsrapport-kf",
    "årsredovisning-överlämnad",
    "årsredovisning-kf",
]


class Options(RuleOptions):
    händelser: list[str] = REQUIRED


def check(repo: Repository, options: Options) -> Iterator[tuple[str, Location]]:
    if not repo.wheels:
        return
    present = {e.avser.value for w in repo.wheels for e in w.händelser if e.avser is not None}
    missing = [m for m in options.händelser if m not in present]
    if missing:
        yield (
            f"årshjulet saknar händelser med `avser:` {', '.join(missing)}; lagens datum kan inte kontrolleras "
            "(KL 11 kap. 8, 10, 16, 20–21 §§)",
            repo.wheels[0].where(),
        )
