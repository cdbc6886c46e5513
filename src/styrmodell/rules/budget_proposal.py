"""Kommunstyrelsens budgetförslag senast den 31 oktober.

## Vad den kontrollerar
Att årshjulets händelse med `avser: budgetförslag` infaller senast den 31 oktober det år som
kontrolleras (`årshjul.år` i styrmodell.yaml, annars årets).

## Varför
Styrelsen ska upprätta förslaget till budget före oktober månads utgång. Om det finns särskilda
skäl får förslaget upprättas senast i november, men då ska skattesatsen föreslås före oktobers
utgång – det undantaget får anges genom att stänga av regeln för året.

## Exempel
Fel:

    - id: budget-ks
      avser: budgetförslag
      när: {möte: ks, före: "11-15"}

Rätt:

    - id: budget-ks
      avser: budgetförslag
      när: {möte: ks, före: "10-31"}

## Inställningar
Inga (året styrs av `årshjul.år`).

## Referens
KL 11 kap. 8 §.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules._wheel import computed, iso, moment

CODE = "SM921"
NAME = "budgetförslag-senast-oktober"
SEVERITY = Severity.ERROR


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    proposal = moment(repo, "budgetförslag")
    if proposal is None:
        return
    limit = dt.date(computed(repo).year, 10, 31)
    if proposal.due > limit:
        yield (
            f"budgetförslaget ('{proposal.event.id}') infaller {iso(proposal.due)}; styrelsen ska upprätta "
            f"förslaget före oktober månads utgång, senast {iso(limit)} (KL 11 kap. 8 §)",
            proposal.event.where("när"),
        )
