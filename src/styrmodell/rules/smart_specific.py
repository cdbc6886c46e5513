"""S i SMARTA: målet beskriver ett resultat, inte en aktivitet.

## Vad den kontrollerar
Att målets formulering inte börjar med ett ord som beskriver en aktivitet eller prestation
("genomföra", "ta fram", "införa", "arbeta för" ...). Ordlistan är inställbar.

## Varför
"Ett bra mål uttrycker resultat eller effekter, inte aktiviteter eller prestationer" (seed 004 §2.1).
Seed 001:s ordlista skiljer på mål (ett önskvärt resultat) och aktivitet (hur målet ska nås).

## Exempel
Fel:

    text: Genomföra en kampanj för ökad källsortering

Rätt:

    text: Andelen hushållsavfall som sorteras ut ökar till 60 procent 2026

## Inställningar
- `aktivitetsord`: orden som inte får inleda ett mål.
- `nivåer` ([]): vilka nivåer regeln gäller (tomt: nivåer med `mätbar: true`).

## Referens
Seed 004 §2.1, seed 001 §3 och ordlistan (Mål, Aktivitet).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from styrmodell.findings import Location, Severity
from styrmodell.model.repository import Repository
from styrmodell.rules._smart import SmartOptions, smart_goals
from styrmodell.rules.base import Basis

CODE = "SM501"
NAME = "smart-specifik"
SEVERITY = Severity.WARNING
REFERENCE = "SMARTA-kriterierna för kommunens mål"
BASIS = Basis.MUNICIPALITY

ACTIVITY_WORDS = [
    "genomföra",
    "genomför",
    "ta fram",
    "tar fram",
    "införa",
    "inför",
    "arbeta",
    "arbetar",
    "utbilda",
    "starta",
    "implementera",
    "upprätta",
    "anordna",
    "utreda",
    "påbörja",
    "se över",
    "projektera",
    "anställa",
    "bygga ut",
    "köpa in",
    "skapa en",
    "ta fram en",
    "verka för",
    "satsa på",
]


class Options(SmartOptions):
    aktivitetsord: list[str] = ACTIVITY_WORDS


def check(repo: Repository, options: Options) -> Iterator[tuple[str, Location]]:
    words = sorted(options.aktivitetsord, key=len, reverse=True)
    pattern = re.compile(r"^(" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
    for goal in smart_goals(repo, options):
        match = pattern.match(goal.text.strip())
        if match:
            yield (
                f"målet '{goal.id}' börjar med '{match.group(1)}' och beskriver en aktivitet, inte ett resultat; "
                "formulera vad som ska uppnås för dem verksamheten är till för",
                goal.where("text"),
            )
