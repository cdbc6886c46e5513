"""Fullmäktige har riktlinjer för god ekonomisk hushållning, som omfattar resultatreserven, och den heter resultatreserv.

## Vad den kontrollerar
I ett repo som har en budget eller finansiella mål:
- att styrdokumentregistret har ett dokument beslutat av fullmäktige vars titel eller
  omfattning nämner "god ekonomisk hushållning";
- att riktlinjerna, om kommunen har en resultatreserv, också omfattar hanteringen av den: titeln
  eller omfattningen nämner "resultatreserv". Kommunen har en resultatreserv när en budget tar medel
  ur den (`resultatreserv:` i budgeten, eller `undantag_balanskrav:` som nämner den) eller en
  balansräkning (`balansräkning:` i `ekonomi:`, `balansbudget:` i budgeten) anger en;
- att inget styrdokument, ingen budget och ingen ekonomisk uppföljning använder det gamla ordet
  "resultatutjämningsreserv" – den heter resultatreserv sedan 2024.

Kontrollen läser text, inte struktur, och är därför en varning.

## Varför
KL 11 kap. 1 §: "Fullmäktige ska besluta om riktlinjer för god ekonomisk hushållning för kommunen
eller regionen. Om kommunen eller regionen har en sådan resultatreserv som avses i 14 §, ska
riktlinjerna även omfatta hanteringen av den." Ordet resultatutjämningsreserv
ersattes av resultatreserv genom SFS 2023:642 den 1 januari 2024.

## Exempel
Fel: ett register utan riktlinjerna, eller titeln "Riktlinjer för resultatutjämningsreserv".

Rätt:

    - id: riktlinjer-ekonomi
      titel: Riktlinjer för god ekonomisk hushållning och resultatreserv
      typ: riktlinje
      beslutad_av: kf

## Inställningar
Inga.

## Referens
KL 11 kap. 1 § (riktlinjer för god ekonomisk hushållning och resultatreserven), 11 kap. 14 §
(resultatreserv, SFS 2023:642). Läst mot lagtexten; kontrollen av riktlinjerna läser text.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.base import Node
from styrmodell.model.goals import GoalKind
from styrmodell.model.governance import SteeringDocument
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis

CODE = "SM914"
NAME = "riktlinjer-god-ekonomisk-hushållning"
SEVERITY = Severity.WARNING
REFERENCE = "KL 11 kap. 1 §, 14 §"
BASIS = Basis.TEXT

OLD_TERM = "resultatutjämningsreserv"


def check(repo: Repository, options) -> Iterator[tuple[str, Location]]:
    if not repo.budgets and not any(g.typ == GoalKind.FINANSIELLT for g in repo.goals):
        return
    guidelines = [
        d
        for d in repo.documents
        if d.beslutad_av in repo.kf_ids and "god ekonomisk hushållning" in f"{d.titel} {d.omfattning or ''}".lower()
    ]
    if not guidelines:
        where = repo.budgets[0].where("år") if repo.budgets else repo.config.where("kommun")
        yield (
            "styrdokumentregistret har inga riktlinjer för god ekonomisk hushållning beslutade av fullmäktige "
            "(ett styrdokument vars titel eller omfattning nämner god ekonomisk hushållning) (KL 11 kap. 1 §)",
            where,
        )
    reserve = _reserve(repo)
    if guidelines and reserve is not None and not any(_covers_reserve(d) for d in guidelines):
        yield (
            f"kommunen har en resultatreserv ({reserve}), men riktlinjerna för god ekonomisk hushållning "
            f"('{guidelines[0].id}') nämner inte hanteringen av den i titel eller omfattning (KL 11 kap. 1 §)",
            guidelines[0].where("omfattning" if guidelines[0].omfattning else "titel"),
        )
    texts: list[tuple[Node, tuple[str, str], str]] = [
        (d, ("titel", "omfattning"), f"styrdokumentet '{d.id}'") for d in repo.documents
    ]
    texts += [(b, ("åtgärdsplan", "undantag_balanskrav"), f"budgeten för {b.år}") for b in repo.budgets]
    for node, fields, what in texts:
        for name in fields:
            if OLD_TERM in (getattr(node, name) or "").lower():
                yield (
                    f"{what} använder ordet resultatutjämningsreserv; det heter resultatreserv sedan 2024 "
                    "(KL 11 kap. 14 §, SFS 2023:642)",
                    node.where(name),
                )


def _covers_reserve(doc: SteeringDocument) -> bool:
    text = f"{doc.titel} {doc.omfattning or ''}".lower()
    return "resultatreserv" in text or OLD_TERM in text


def _reserve(repo: Repository) -> str | None:
    """What shows that the municipality has a resultatreserv, if anything does."""
    for budget in repo.budgets:
        if budget.resultatreserv or "resultatreserv" in (budget.undantag_balanskrav or "").lower():
            return f"budgeten för {budget.år} tar medel ur den"
        for year, sheet in budget.balansbudget.items():
            if sheet.resultatreserv:
                return f"balansbudgeten för {year} anger den"
    for economy in repo.economies:
        for key, period in economy.perioder.items():
            if period.balansräkning is not None and period.balansräkning.resultatreserv:
                return f"balansräkningen för {key} anger den"
    return None
