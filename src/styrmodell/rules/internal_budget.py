"""En nämnds internbudget fördelar nämndens ram, varken mer eller mindre.

## Vad den kontrollerar
Att summan av verksamheternas belopp i `internbudget:` är lika med ramen som fördelas: `ram:` i
internbudgeten, annars nämndens ram i fullmäktiges budget för året (`ramar:`). Och att
internbudgeten säger vems den är (`organ:`, i filen eller i sektionen) och att organet finns.

## Varför
Internbudgeten är nämndens fördelning av den ram fullmäktige gett den ned till verksamheterna.
Fördelar den mer än ramen har nämnden budgeterat ett underskott; fördelar den mindre står en del
av ramen ofördelad, och uppföljningen per verksamhet går inte ihop med nämndens.

## Exempel
Fel (ramen 390,0 mnkr):

    internbudget:
      år: 2026
      verksamheter: {hemtjansten: 118.0, ifo: 92.0, Särskilt boende: 140.0}

Rätt: verksamheterna summerar till 390,0, eller `ram:` anger den ram som fördelas.

## Inställningar
Inga.

## Referens
Verktygets egen: internbudgeten ska gå ihop med fullmäktiges ram (KL 11 kap. 2 § säger att
fullmäktige anvisar nämnderna anslag).
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis

CODE = "SM934"
NAME = "internbudget-mot-ram"
SEVERITY = Severity.WARNING
REFERENCE = "verktygets egen (internbudgeten fördelar fullmäktiges ram)"
BASIS = Basis.TOOL


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    from styrmodell.svenska.numbers import number

    budgets = {b.år: b for b in repo.budgets}
    for internal in repo.internal_budgets:
        if internal.organ is None or internal.organ not in repo.organ_by_id:
            yield (
                f"internbudgeten {internal.år} säger inte vilken nämnd den gäller (`organ:`), eller organet "
                f"'{internal.organ}' finns inte",
                internal.where("organ") if internal.organ else internal.where(),
            )
            continue
        budget = budgets.get(internal.år)
        frame = internal.ram if internal.ram is not None else (budget.ramar.get(internal.organ) if budget else None)
        if frame is None or not internal.verksamheter:
            continue
        total = internal.total
        if abs(total - frame) > 0.05:
            name = repo.organ_by_id[internal.organ].namn
            what = "mer än" if total > frame else "mindre än"
            yield (
                f"{name}s internbudget {internal.år} fördelar {number(total, 1)} mnkr, {what} ramen "
                f"{number(frame, 1)} mnkr; fördela hela ramen på verksamheterna, eller ange den ram som fördelas i `ram:`",
                internal.where("verksamheter"),
            )
