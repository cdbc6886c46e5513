"""Ett förbättringsområde i Kommunkompassen pekar på mål och aktiviteter som finns.

## Vad den kontrollerar
Ett förbättringsområde kan skrivas som en mappning med `mål:` och `aktiviteter:` – de mål och
aktiviteter som kommunen satt upp för att åtgärda det. Regeln kontrollerar att varje id finns och
är av rätt slag (ett mål under `mål:`, en aktivitet under `aktiviteter:`), med det närmaste
befintliga id:t som förslag. Vilka förbättringsområden som saknar koppling visar `styr kompass`.

## Varför
Kommunkompassens förbättringsområden ska leda till handlingsplaner, och en ny utvärdering några
år senare visar om förbättringarna tog. Kopplingen gör det möjligt att följa varje
förbättringsområde till det som görs åt det – men bara om den pekar rätt.

## Exempel
Fel:

    förbättringsområden:
      - text: Ledarutvecklingsprogram
        aktiviteter: [akt-medledarskapet]   # aktiviteten heter akt-medledarskap

Rätt:

    förbättringsområden:
      - text: Ledarutvecklingsprogram
        mål: [mal-medledare]
        aktiviteter: [akt-medledarskap]
      - Internationellt utbyte för att utvecklas    # utan koppling räcker texten

## Inställningar
Inga.

## Referens
Kommunkompassen (SKL): till utpekade förbättringsområden kopplar kommunen handlingsplaner för
förändring.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis
from styrmodell.svenska.suggest import suggest

CODE = "SM954"
NAME = "kompass-koppling"
SEVERITY = Severity.ERROR
REFERENCE = "Kommunkompassen (SKR): förbättringsområden med handlingsplaner"
BASIS = Basis.STANDARD

_ARTICLE = {"mål": "ett", "organ": "ett", "uppdrag": "ett", "styrdokument": "ett"}


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    for evaluation in repo.compass_evaluations:
        for result in evaluation.områden:
            for item in result.förbättringsområden:
                for field, kind in (("mål", "mål"), ("aktiviteter", "aktivitet")):
                    for index, ident in enumerate(getattr(item, field)):
                        message = _problem(repo, field, ident, kind)
                        if message:
                            yield message, item.where(field, index)


def _problem(repo: Repository, field: str, ident: str, kind: str) -> str | None:
    if ident in repo.broken_ids:
        return None
    hit = repo.lookup(ident)
    if hit is None:
        close = suggest(ident, [i for i, (k, _) in repo.index.items() if k == kind])
        hint = f" – menade du '{close}'?" if close else ""
        return f"förbättringsområdet pekar på '{ident}' under '{field}', som inte finns (väntade {kind}){hint}"
    if hit[0] != kind:
        return (
            f"förbättringsområdet pekar på '{ident}' under '{field}', som är {_ARTICLE.get(hit[0], 'en')} "
            f"{hit[0]}, inte {_ARTICLE.get(kind, 'en')} {kind}"
        )
    return None
