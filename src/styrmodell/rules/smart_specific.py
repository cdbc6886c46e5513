"""S i SMARTA: målet beskriver ett resultat, inte en aktivitet eller bara ett område.

## Vad den kontrollerar
- Att målets formulering inte börjar med ett ord som beskriver en aktivitet eller prestation
  ("genomföra", "ta fram", "införa", "arbeta för" ...);
- att formuleringen anger ett resultat: ett verb ("ökar", "är", "får", "når" ...), ett mått (en
  siffra, procent) eller ett år. "En bättre individ- och familjeomsorg" anger inget av dem: det
  är ett område, inte ett mål (`kräv_resultat`).

Ordlistorna är inställbara.

## Varför
Ett mål är ett önskvärt resultat, en effekt eller prestation som har ett värde för dem
verksamheten är till för; aktiviteten beskriver hur målet ska nås. Ett bra mål uttrycker resultat
eller effekter, inte aktiviteter. Utan ett resultat går målet inte att följa upp.

## Exempel
Fel:

    text: Genomföra en kampanj för ökad källsortering
    text: En bättre individ- och familjeomsorg

Rätt:

    text: Andelen hushållsavfall som sorteras ut ökar till 60 procent 2026
    text: Fler barn och unga i behov av stöd får hjälp på hemmaplan 2026

## Inställningar
- `aktivitetsord`: orden som inte får inleda ett mål.
- `kräv_resultat` (true): rapportera mål utan verb, mått och år.
- `resultatord`: verb som räknas som ett resultat utöver dem verktyget känner igen på formen
  (presens på -ar, -er, -r, passiv på -as).
- `nivåer` ([]): vilka nivåer regeln gäller (tomt: nivåer med `mätbar: true`).

## Referens
SMARTA-kriteriet Specifika i kommunens styrmodell: ett mål är ett önskvärt resultat (effekt eller
prestation), inte en aktivitet.
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


# Finite verbs that goals use and that the endings below do not catch (irregular, short, or -s).
RESULT_WORDS = [
    "är",
    "har",
    "får",
    "går",
    "blir",
    "ska",
    "kan",
    "når",
    "gör",
    "ser",
    "tar",
    "ges",
    "finns",
    "sker",
    "bor",
    "tror",
    "mår",
    "står",
    "nås",
    "uppnås",
    "mäts",
    "växer",
    "minskar",
    "ökar",
    "håller",
    "möter",
]
# Words ending like a present-tense verb that are not verbs (adjectives, nouns that goals often use).
NOT_VERBS = ("bar", "sam", "par", "lar", "kar", "gar")
_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉé]+")
_MEASURE = re.compile(r"\d|%|procent|\bhälften\b|\balla\b", re.IGNORECASE)


class Options(SmartOptions):
    aktivitetsord: list[str] = ACTIVITY_WORDS
    kräv_resultat: bool = True
    resultatord: list[str] = []


def has_result(text: str, extra_words: list[str] = ()) -> bool:  # type: ignore[assignment]
    """Whether a goal's wording states a result: a verb, a measure or a year."""
    if _MEASURE.search(text):
        return True
    known = {w.lower() for w in RESULT_WORDS} | {w.lower() for w in extra_words}
    for word in _WORD.findall(text.lower()):
        if word in known:
            return True
        if len(word) >= 4 and word.endswith(("ar", "er", "ör", "as", "rs")) and not word.endswith(NOT_VERBS):
            return True
    return False


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
        elif options.kräv_resultat and not has_result(goal.text, options.resultatord):
            yield (
                f"målet '{goal.id}' (”{goal.text.strip()}”) anger inget resultat – inget verb, inget mått och "
                "inget år; formulera vad som ska uppnås, för vem och när",
                goal.where("text"),
            )
