"""The loading rules. Their findings come from the loader and the model builder, which see
the files before any rule can, so they are defined together here rather than one module each."""

from styrmodell.findings import Severity
from styrmodell.rules.base import Basis, Rule

YAML_SYNTAX = Rule(
    "SM101",
    "yaml-syntax",
    Severity.ERROR,
    """\
Filen går inte att läsa som YAML.

## Vad den kontrollerar
Att varje fil är giltig YAML. Felet pekar på raden och kolumnen där läsaren gav upp. Också ett fel
på ett enskilt värde eller en nyckel: ett värde som inte är vad dess tagg säger (`!!int abc`, eller
`0x_`, som ser ut som ett tal men inte är det), en tagg som verktyget inte läser (`!!binary`,
`!!python/...`, `!egen`), en tom nyckel (`~:`), en lista eller mappning som nyckel, och en
sammanslagning (`<<:`) som inte pekar på en mappning. Resten av filen läses då ändå.

## Varför
En fil som inte går att läsa kan inte kontrolleras alls; resten av repot kontrolleras ändå.

## Exempel
Fel:

    mål:
      - id: m1
        text: Trygg skola: för alla      # kolon i en text utan citattecken

Rätt:

    mål:
      - id: m1
        text: "Trygg skola: för alla"

## Inställningar
Inga.

## Referens
YAML 1.1; verktyget läser med libyaml.
""",
    reference="YAML 1.1 (libyaml)",
    basis=Basis.STANDARD,
)

DUPLICATE_KEY = Rule(
    "SM102",
    "dubblettnyckel",
    Severity.ERROR,
    """\
Samma nyckel står två gånger i samma mappning.

## Vad den kontrollerar
Att ingen nyckel förekommer två gånger på samma nivå.

## Varför
De flesta YAML-läsare behåller tyst det sista värdet, så en ändring kan försvinna utan att någon märker det.

## Exempel
Fel:

    - id: m1
      text: Trygg skola
      text: Trygg förskola

Rätt: ta bort eller slå ihop den ena raden.

## Inställningar
Inga.

## Referens
YAML 1.2 kap. 3.2.1.1 (nycklar ska vara unika).
""",
    reference="YAML 1.2 kap. 3.2.1.1",
    basis=Basis.STANDARD,
)

ENCODING = Rule(
    "SM103",
    "teckenkodning",
    Severity.ERROR,
    """\
Filen är inte UTF-8-kodad text.

## Vad den kontrollerar
Att filen är UTF-8 (med eller utan BOM) och inte binär eller UTF-16.

## Varför
Å, ä och ö blir fel eller oläsliga om kodningen är en annan, och binära filer hör inte hemma bland YAML-filerna.

## Exempel
Fel: en fil sparad som Windows-1252 ("ANSI") i Anteckningar.
Rätt: spara som "UTF-8".

## Inställningar
Inga.

## Referens
YAML 1.2 kap. 5.2 (teckenkodning).
""",
    reference="YAML 1.2 kap. 5.2",
    basis=Basis.STANDARD,
)

EMPTY_FILE = Rule(
    "SM104",
    "tom-fil",
    Severity.WARNING,
    """\
Filen är tom.

## Vad den kontrollerar
Att varje YAML-fil innehåller något utöver kommentarer.

## Varför
En tom fil är oftast ett misstag (en avbruten kopiering eller en glömd mall).

## Exempel
Fel: en fil med bara `# mål för 2027`.
Rätt: fyll i innehåll eller ta bort filen.

## Inställningar
Inga.

## Referens
Verktygets egen regel.
""",
    reference="en tom fil är nästan alltid ett misstag",
    basis=Basis.TOOL,
)

UNSAFE_FILE = Rule(
    "SM105",
    "ohanterlig-fil",
    Severity.ERROR,
    """\
Filen är för stor, för djupt nästlad eller en alias-bomb.

## Vad den kontrollerar
Att filen är mindre än gränsen (`gränser.max_filstorlek_mb`, 5 MB som standard), inte nästlad
djupare än 64 nivåer och inte använder alias så att innehållet växer explosivt: alla värden som
alias (`*namn`, också i en sammanslagning `<<: *namn`) vecklas ut till räknas, och de får vara högst
`gränser.max_aliasvärden` (100 000 som standard). Felet pekar på raden där utvecklingen tog slut.

## Varför
Repot kan komma från någon annan. En fil som är byggd för att fylla minnet ska ge ett tydligt fel,
inte stoppa CI.

## Exempel
Fel:

    a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
    # ... och så vidare

Rätt: skriv ut värdena, eller dela upp en stor fil i flera.

## Inställningar
`gränser.max_filstorlek_mb` och `gränser.max_aliasvärden` i styrmodell.yaml.

## Referens
Verktygets egen regel (säkerhet).
""",
    reference="säkerhet: filens storlek, djup och alias",
    basis=Basis.TOOL,
)

UNKNOWN_KEY = Rule(
    "SM106",
    "okänd-nyckel",
    Severity.ERROR,
    """\
En nyckel som formatet inte känner till.

## Vad den kontrollerar
Att varje nyckel finns i formatet. Felet föreslår den närmaste kända nyckeln ("menade du ...?").

## Varför
En felstavad nyckel (`tjäner:` för `tjänar:`) skulle annars tyst ignoreras, och kopplingen saknas.

## Exempel
Fel:

    - id: m1
      tjäner: [fokus-1]

Rätt:

    - id: m1
      tjänar: [fokus-1]

## Inställningar
Inga.

## Referens
Repots format, se README.
""",
    reference="formatet (docs/format.md, `styr schema`)",
    basis=Basis.TOOL,
)

SCHEMA = Rule(
    "SM107",
    "schemafel",
    Severity.ERROR,
    """\
Ett värde har fel typ, saknas eller är inte tillåtet.

## Vad den kontrollerar
Att varje objekt följer formatet: obligatoriska fält finns, datum är datum, tal är tal och
uppräknade värden (t.ex. `riktning: högre|lägre`) har ett tillåtet värde.

## Varför
Regler och rapporter bygger på att värdena går att tolka. Ett felaktigt objekt hoppas över,
men resten av filen kontrolleras ändå.

## Exempel
Fel:

    - id: ind-1
      namn: Nöjda brukare
      riktning: uppåt

Rätt:

    - id: ind-1
      namn: Nöjda brukare
      riktning: högre

## Inställningar
Inga.

## Referens
Repots format, se README och `styr schema`.
""",
    reference="formatet (docs/format.md, `styr schema`)",
    basis=Basis.TOOL,
)

RULES = [YAML_SYNTAX, DUPLICATE_KEY, ENCODING, EMPTY_FILE, UNSAFE_FILE, UNKNOWN_KEY, SCHEMA]
