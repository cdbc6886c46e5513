"""Fullmäktige har riktlinjer för god ekonomisk hushållning, och resultatreserven heter resultatreserv.

## Vad den kontrollerar
I ett repo som har en budget eller finansiella mål:
- att styrdokumentregistret har ett dokument beslutat av fullmäktige vars titel eller
  omfattning nämner "god ekonomisk hushållning";
- att inget styrdokument, ingen budget och ingen ekonomisk uppföljning använder det gamla ordet
  "resultatutjämningsreserv" – den heter resultatreserv sedan 2024.

Kontrollen läser text, inte struktur, och är därför en varning.

## Varför
Fullmäktige ska besluta om riktlinjer för god ekonomisk hushållning, och om kommunen har en
resultatreserv ska riktlinjerna omfatta hanteringen av den. Ordet resultatutjämningsreserv
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
KL 11 kap. 1 § (riktlinjer för god ekonomisk hushållning), 11 kap. 14 § (resultatreserv, SFS 2023:642).
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.base import Node
from styrmodell.model.goals import GoalKind
from styrmodell.model.repository import Repository

CODE = "SM914"
NAME = "riktlinjer-god-ekonomisk-hushållning"
SEVERITY = Severity.WARNING

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
