"""Webbplatsen som är kommunens publicering har budgetförslaget, årsredovisningen och revisionsberättelserna.

## Vad den kontrollerar
Där `publicering.kommunens_webbplats: true` står i styrmodell.yaml – webbplatsen som `styr publicera`
gör är alltså den där kommunen håller dokumenten tillgängliga – att `publicering.dokument` har:
- styrelsens förslag till budget (`avser: budgetförslag`) för varje budgetår som repot har en budget
  för (och minst ett, om repot inte har någon budget);
- minst en årsredovisning (`avser: årsredovisning`);
- revisionsberättelsen (`avser: revisionsberättelse`) för varje år som en årsredovisning gäller;
- och att varje dokument anger var det finns: `fil:` (en fil i repot), `länk:` eller `rapport:` (en av
  rapporterna som webbplatsen själv visar, t.ex. `arsredovisning`).

Att filen finns i repot kontrollerar `styr publicera`, som också säger vilka dokument som saknas.

## Varför
KL 8 kap. 14 §: styrelsens förslag till budget ska hållas tillgängligt för allmänheten på kommunens
webbplats från tillkännagivandet av det sammanträde då budgeten ska fastställas; 15 §: årsredovisningen
från tillkännagivandet av sammanträdet då den ska godkännas; 16 a §: revisionsberättelserna från
tillkännagivandet av sammanträdet då de ska behandlas. (16 § handlar om frågor om årsredovisningen vid
sammanträdet och kräver inget dokument.)

## Exempel
Fel (årsredovisningen utan revisionsberättelse):

    publicering:
      kommunens_webbplats: true
      dokument:
        - {avser: budgetförslag, år: 2026, fil: dokument/budgetforslag-2026.pdf}
        - {avser: årsredovisning, år: 2025, rapport: arsredovisning}

Rätt:

    publicering:
      kommunens_webbplats: true
      dokument:
        - {avser: budgetförslag, år: 2026, fil: dokument/budgetforslag-2026.pdf}
        - {avser: årsredovisning, år: 2025, rapport: arsredovisning}
        - {avser: revisionsberättelse, år: 2025, länk: "https://www.grastorp.se/revision-2025.pdf"}

## Inställningar
Inga. Regeln gäller bara där `publicering.kommunens_webbplats` är sann.

## Referens
KL 8 kap. 14, 15 och 16 a §§. Läst mot lagtexten.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from styrmodell.findings import Location, Severity
from styrmodell.model.config import PublishedKind
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis

CODE = "SM904"
NAME = "publicering-enligt-kommunallagen"
SEVERITY = Severity.ERROR
REFERENCE = "KL 8 kap. 14–16 a §§"
BASIS = Basis.TEXT

SECTION = {
    PublishedKind.BUDGETFORSLAG: "KL 8 kap. 14 §",
    PublishedKind.ARSREDOVISNING: "KL 8 kap. 15 §",
    PublishedKind.REVISIONSBERATTELSE: "KL 8 kap. 16 a §",
}
WORDS = {
    PublishedKind.BUDGETFORSLAG: "styrelsens förslag till budget",
    PublishedKind.ARSREDOVISNING: "årsredovisningen",
    PublishedKind.REVISIONSBERATTELSE: "revisionsberättelsen",
}


@dataclass(frozen=True)
class Missing:
    """A document the law wants on the website that the configuration does not publish."""

    kind: PublishedKind
    year: int | None  # None: any year

    def text(self) -> str:
        year = f" för {self.year}" if self.year is not None else ""
        return f"{WORDS[self.kind]}{year} ({SECTION[self.kind]})"


def missing_documents(repo: Repository) -> list[Missing]:
    """What KL 8 kap. 14–16 a §§ want published that `publicering.dokument` lacks, in the law's order."""
    documents = repo.config.publicering.dokument
    have: dict[PublishedKind, set[int]] = {kind: set() for kind in PublishedKind}
    for document in documents:
        have[document.avser].add(document.år)
    out: list[Missing] = []
    budget_years = sorted({b.år for b in repo.budgets})
    for year in budget_years:
        if year not in have[PublishedKind.BUDGETFORSLAG]:
            out.append(Missing(PublishedKind.BUDGETFORSLAG, year))
    if not budget_years and not have[PublishedKind.BUDGETFORSLAG]:
        out.append(Missing(PublishedKind.BUDGETFORSLAG, None))
    if not have[PublishedKind.ARSREDOVISNING]:
        out.append(Missing(PublishedKind.ARSREDOVISNING, None))
    for year in sorted(have[PublishedKind.ARSREDOVISNING]):
        if year not in have[PublishedKind.REVISIONSBERATTELSE]:
            out.append(Missing(PublishedKind.REVISIONSBERATTELSE, year))
    if not have[PublishedKind.ARSREDOVISNING] and not have[PublishedKind.REVISIONSBERATTELSE]:
        out.append(Missing(PublishedKind.REVISIONSBERATTELSE, None))
    return out


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    settings = repo.config.publicering
    if not settings.kommunens_webbplats:
        return
    where = settings.where("dokument") if settings.dokument else settings.where("kommunens_webbplats")
    for missing in missing_documents(repo):
        yield f"webbplatsen är kommunens publicering men saknar {missing.text()}", where
    for document in settings.dokument:
        if document.avser in SECTION and not (document.fil or document.länk or document.rapport):
            yield (
                f"{WORDS[document.avser]} för {document.år} anger inte var dokumentet finns: skriv fil:, länk: "
                f"eller rapport: ({SECTION[document.avser]})",
                document.where("avser"),
            )
