"""Ett uppdrags status, historik och genomförandedatum stämmer, och uppdraget går att följa upp.

## Vad den kontrollerar
- Att datumen i `historik` och `genomfört` inte ligger efter dagens datum (eller `referensdatum`);
- att den angivna `status` är den senaste i historiken;
- att ett uppdrag med `genomfört:` har status `genomfört` eller `avslutat`;
- med `kräv_uppföljning: true`: att uppdraget går att följa upp, med en sista dag (`senast`) eller en
  beskriven återrapportering (`återrapportering`).

## Varför
Statusen för politiskt beslutade uppdrag som inte är verkställda rapporteras till
kommunstyrelsen två gånger om året. Rapporterna visar statusen som den var vid rapportens datum,
ur historiken; en historik som motsäger den nuvarande statusen ger två olika svar på samma fråga.
Ett uppdrag ska vara uppföljningsbart: det ska gå att utvärdera om det har genomförts.

## Exempel
Fel:

    status: pågår
    genomfört: 2026-04-20

Rätt:

    status: genomfört
    genomfört: 2026-04-20
    historik:
      - {datum: 2025-11-15, status: pågår, kommentar: Utredningen är påbörjad.}
      - {datum: 2026-04-20, status: genomfört}

## Inställningar
- `kräv_uppföljning` (false): kräv `senast` eller `återrapportering` på varje uppdrag.

## Referens
Kommunens egen styrmodell: alla politiska beslut verkställs och återredovisas; status på
uppdrag som inte är verkställda rapporteras till kommunstyrelsen (till exempel i maj och november).
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.goals import DONE
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis, RuleOptions

CODE = "SM308"
NAME = "uppdragets-status"
SEVERITY = Severity.ERROR
REFERENCE = "kommunens styrmodell (uppföljning av politiska uppdrag)"
BASIS = Basis.MUNICIPALITY


class Options(RuleOptions):
    kräv_uppföljning: bool = False


def check(repo: Repository, options: Options) -> Iterator[tuple[str, Location]]:
    today = repo.config.today()
    for assignment in repo.assignments:
        for entry in assignment.historik:
            if entry.datum > today:
                yield (
                    f"uppdraget '{assignment.id}' har en status daterad {entry.datum.isoformat()}, efter dagens "
                    f"datum {today.isoformat()}",
                    entry.where("datum"),
                )
        if assignment.historik and "status" in assignment.model_fields_set:
            latest = max(assignment.historik, key=lambda e: e.datum)
            if latest.status != assignment.status:
                yield (
                    f"uppdraget '{assignment.id}' har status '{assignment.status.value}', men den senaste i "
                    f"historiken ({latest.datum.isoformat()}) är '{latest.status.value}'",
                    assignment.where("status"),
                )
        if assignment.genomfört is not None:
            if assignment.genomfört > today:
                yield (
                    f"uppdraget '{assignment.id}' anges som genomfört {assignment.genomfört.isoformat()}, efter "
                    f"dagens datum {today.isoformat()}",
                    assignment.where("genomfört"),
                )
            if assignment.status not in DONE:
                yield (
                    f"uppdraget '{assignment.id}' har ett genomförandedatum men status '{assignment.status.value}'; "
                    "ange `status: genomfört` (eller avslutat)",
                    assignment.where("genomfört"),
                )
        if options.kräv_uppföljning and assignment.senast is None and not assignment.återrapportering:
            yield (
                f"uppdraget '{assignment.id}' går inte att följa upp: ange `senast:` (sista dag) eller "
                "`återrapportering:`",
                assignment.where("id"),
            )
