"""En nämnd eller styrelse som prognostiserar en negativ budgetavvikelse redovisar en åtgärdsplan.

## Vad den kontrollerar
Att varje nämnd och styrelse (kommunstyrelsen, en nämnd, en gemensam nämnd) vars helårsprognos i en
period under året (`ekonomi: perioder: ÅÅÅÅ-MM: nämnder:`) är högre än ramen har `åtgärdsplan:`
under sig i samma period. Ramen är nämndens `budget:` i perioden, annars budgetens `ramar:` med
de ändringar (`ändringar:`, t.ex. kompletteringsbudgeten) som beslutats till periodens slut. Ett
avslutat år (`ÅÅÅÅ`) har ingen prognos: där gäller balanskravet (SM913).

## Varför
Kommunens styrmodell säger att en nämnd som prognostiserar en negativ avvikelse mot sin ram ska ta
fram en åtgärdsplan för en budget i balans och redovisa den för kommunstyrelsen, med åtgärdernas
verksamhetsmässiga och ekonomiska effekter (så Åstorps styrmodell, avsnitt 2.5; i SMARTA-modellens
årshjul redovisas åtgärderna vid uppföljningarna i mars och maj). Rapporterna (delårsrapport, tertialrapport, bokslutsprognos) har ett avsnitt för
planerna och skriver "Uppgift saknas" där en plan fattas. Kommunstyrelsens uppsiktsplikt (KL 6 kap.
1 §) är grunden; kravet på en plan är kommunens eget, därav en varning.

## Exempel
Fel (ramen 310,0 mnkr):

    2026-05:
      nämnder:
        bun: {utfall: 130.2, prognos: 314.5}

Rätt:

    2026-05:
      nämnder:
        bun:
          utfall: 130.2
          prognos: 314.5
          åtgärdsplan:
            åtgärder: Färre vikarier och samordnade skolskjutsar under hösten.
            belopp: 4.5
            redovisad: {organ: ks, datum: 2026-06-09}

## Inställningar
Inga; stäng av regeln i `regler:` om kommunens styrmodell inte kräver planen.

## Referens
Kommunens styrmodell (t.ex. Åstorps, avsnitt 2.5); KL 6 kap. 1 § (kommunstyrelsens uppsikt).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.organisation import BOARDS
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis

CODE = "SM931"
NAME = "åtgärdsplan-vid-negativ-prognos"
SEVERITY = Severity.WARNING
REFERENCE = "kommunens styrmodell (åtgärdsplan vid negativ budgetavvikelse); KL 6 kap. 1 §"
BASIS = Basis.MUNICIPALITY


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    from styrmodell.svenska.numbers import number

    boards = {o.id: o for o in repo.organs if o.typ in BOARDS}
    budgets = {b.år: b for b in repo.budgets}
    for economy in repo.economies:
        for key, period in economy.perioder.items():
            year, _, month = key.partition("-")
            if not month:
                continue
            end = dt.date(int(year), int(month), calendar.monthrange(int(year), int(month))[1])
            budget = budgets.get(int(year))
            for organ_id, own in period.nämnder.items():
                if organ_id not in boards or own.prognos is None or own.åtgärdsplan is not None:
                    continue
                frame = own.budget if own.budget is not None else (budget.frame(organ_id, end) if budget else None)
                if frame is None or own.prognos <= frame + 1e-9:
                    continue
                yield (
                    f"{boards[organ_id].namn} prognostiserar {number(own.prognos, 1)} mnkr mot ramen "
                    f"{number(frame, 1)} mnkr per {key}, en avvikelse på {number(frame - own.prognos, 1)} mnkr; redovisa en "
                    "åtgärdsplan för en budget i balans för kommunstyrelsen (`åtgärdsplan:` under nämnden i "
                    "perioden: {åtgärder, effekter, belopp, redovisad})",
                    economy.where("perioder", key, "nämnder", organ_id),
                )
