"""Styrdokumentets slag passar den som beslutade det.

## Vad den kontrollerar
Att `beslutad_av` för varje styrdokument är ett organ eller en roll av ett slag som får anta den
sortens dokument, enligt inställningen `beslutsnivåer` (dokumenttyp → tillåtna organ- eller
rolltyper). Standard, efter hur kommuner vanligen fördelar besluten:
policy, strategi, program, reglemente, arbetsordning, bolagsordning, ägardirektiv och taxa av `kf`;
plan av `kf`, `ks` eller `nämnd`; riktlinje och regel av `kf`, `ks` eller `nämnd`;
delegationsordning av `ks` eller `nämnd`; rutin, handbok, processbeskrivning och anvisning av
kommundirektör, förvaltningschef, verksamhetschef eller enhetschef.

## Varför
Policys har ofta principiell karaktär och antas av fullmäktige; förtydligande dokument antas av
chefer. Ett dokument antaget på fel nivå har antingen för svag eller för stark förankring.

## Exempel
Fel: `typ: policy` med `beslutad_av: forvaltningschef-son`.

Rätt: `beslutad_av: kf`.

## Inställningar
- `beslutsnivåer`: mappning från dokumenttyp till listan av tillåtna organtyper
  (`kf`, `ks`, `nämnd`, `utskott`, `bolag`, ...) och rolltyper (`förvaltningschef`, ...).

## Referens
KL 5 kap. 1 § (fullmäktige beslutar i ärenden av principiell beskaffenhet eller annars av större
vikt); kommunens egna riktlinjer för styrdokument (vem som antar vilket slag).
"""

from __future__ import annotations

from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.organisation import Organ
from styrmodell.model.repository import Repository
from styrmodell.rules.base import Basis, RuleOptions

CODE = "SM703"
NAME = "styrdokument-beslutsnivå"
SEVERITY = Severity.WARNING
REFERENCE = "kommunens beslutsnivåer för styrdokument (`beslutsnivåer`)"
BASIS = Basis.MUNICIPALITY

_CHIEFS = ["kommundirektör", "förvaltningschef", "verksamhetschef", "enhetschef"]
DEFAULT_LEVELS = {
    "policy": ["kf"],
    "strategi": ["kf"],
    "program": ["kf"],
    "reglemente": ["kf"],
    "arbetsordning": ["kf"],
    "bolagsordning": ["kf"],
    "ägardirektiv": ["kf"],
    "taxa": ["kf"],
    "plan": ["kf", "ks", "nämnd"],
    "riktlinje": ["kf", "ks", "nämnd"],
    "regel": ["kf", "ks", "nämnd"],
    "delegationsordning": ["ks", "nämnd"],
    "rutin": _CHIEFS,
    "handbok": _CHIEFS,
    "processbeskrivning": _CHIEFS,
    "anvisning": _CHIEFS,
}


class Options(RuleOptions):
    beslutsnivåer: dict[str, list[str]] = DEFAULT_LEVELS


def check(repo: Repository, options: Options) -> Iterator[tuple[str, Location]]:
    levels = {**DEFAULT_LEVELS, **options.beslutsnivåer}
    for doc in repo.documents:
        if doc.beslutad_av is None:
            continue
        decider = repo.organ_by_id.get(doc.beslutad_av) or repo.role_by_id.get(doc.beslutad_av)
        if decider is None:
            continue
        kind = decider.typ.value
        allowed = levels.get(doc.typ.value)
        if allowed and kind not in allowed:
            what = "organet" if isinstance(decider, Organ) else "rollen"
            yield (
                f"styrdokumentet '{doc.id}' är en {doc.typ.value}, som antas av {', '.join(allowed)}; "
                f"{what} '{doc.beslutad_av}' är {kind}",
                doc.where("beslutad_av"),
            )
