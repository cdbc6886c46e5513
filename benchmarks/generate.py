"""Write a synthetic but realistic governance repository in the project's real format.

    python benchmarks/generate.py M /tmp/styr-m            # Stockholm-sized
    python benchmarks/generate.py S /tmp/styr-s --seed 7   # Grästorp-sized
    python benchmarks/generate.py M /tmp/styr-m-half --fraction 0.5

Scales (objects are organs, roles, goals, indicators, activities, delegation rows, risks, ...):
  S  about 5 boards and 400 objects
  M  about 45 organs and 50,000 objects: 20,000 delegation rows, 10,000 activities,
     indicators with five years of outcomes, in about 1,200 files
  L  290 municipalities of about 5,000 objects each, one folder per municipality

The output validates clean with `styr validate`, has Swedish text, comments and åäö, and is the
same for the same seed.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BOARD_NAMES = [
    "Barn- och utbildningsnämnden",
    "Socialnämnden",
    "Äldrenämnden",
    "Kulturnämnden",
    "Idrottsnämnden",
    "Miljö- och hälsoskyddsnämnden",
    "Stadsbyggnadsnämnden",
    "Trafiknämnden",
    "Exploateringsnämnden",
    "Arbetsmarknadsnämnden",
    "Fastighetsnämnden",
    "Servicenämnden",
    "Överförmyndarnämnden",
    "Valnämnden",
    "Stadsdelsnämnd Norr",
    "Stadsdelsnämnd Söder",
    "Stadsdelsnämnd Öster",
    "Stadsdelsnämnd Väster",
    "Stadsdelsnämnd Centrum",
    "Stadsdelsnämnd Älvsjö",
    "Stadsdelsnämnd Hägersten",
    "Stadsdelsnämnd Skärholmen",
    "Stadsdelsnämnd Farsta",
    "Stadsdelsnämnd Enskede",
    "Stadsdelsnämnd Spånga",
    "Stadsdelsnämnd Rinkeby",
    "Stadsdelsnämnd Hässelby",
    "Stadsdelsnämnd Bromma",
    "Stadsdelsnämnd Kungsholmen",
    "Stadsdelsnämnd Östermalm",
    "Stadsdelsnämnd Södermalm",
    "Stadsdelsnämnd Skarpnäck",
    "Utbildningsnämnden",
    "Förskolenämnden",
    "Funktionsstödsnämnden",
    "Krisledningsnämnden",
    "Patientnämnden",
    "Kyrkogårdsnämnden",
    "Näringslivsnämnden",
    "Digitaliseringsnämnden",
]
COMPANY_NAMES = [
    "Bostadsbolaget AB",
    "Energibolaget AB",
    "Hamnbolaget AB",
    "Parkeringsbolaget AB",
    "Fastighetsbolaget AB",
]
GOAL_THEMES = [
    ("Fler elever når kunskapskraven", "elever som når kunskapskraven", "%", "högre"),
    (
        "Färre invånare är långvarigt beroende av försörjningsstöd",
        "invånare med långvarigt försörjningsstöd",
        "%",
        "lägre",
    ),
    ("Äldre är nöjda med sin hemtjänst", "brukarbedömning hemtjänst, nöjdhet", "%", "högre"),
    ("Invånarna känner sig trygga i sitt bostadsområde", "invånare som känner sig trygga", "%", "högre"),
    ("Kostnaden per brukare ligger i nivå med jämförbara kommuner", "kostnad per brukare", "kr", "lägre"),
    ("Fler ungdomar deltar i fritidsverksamhet", "deltagartillfällen per invånare 7–20 år", "antal", "högre"),
    ("Handläggningstiden för bygglov blir kortare", "handläggningstid bygglov, median", "dagar", "lägre"),
]
MATTERS = [
    ("Beslut om bistånd enligt socialtjänstlagen", "SoL 4 kap. 1 §", True),
    ("Beslut om skolskjuts", "Skollagen 10 kap. 32 §", True),
    ("Attest av fakturor upp till 100 000 kr", "Attestreglementet", False),
    ("Beslut om tillfälliga serveringstillstånd", "Alkohollagen 8 kap. 2 §", True),
    ("Yttrande i ärenden om strandskyddsdispens", "Miljöbalken 7 kap.", False),
    ("Avskrivning av fordringar upp till ett halvt prisbasbelopp", "Ekonomiska riktlinjer", False),
    ("Beslut om förlängd provanställning", "LAS 6 §", False),
    ("Beslut om bygglov för enbostadshus", "PBL 9 kap. 2 §", True),
]
ACTIVITY_VERBS = ["Införa", "Utveckla", "Genomföra", "Kartlägga", "Utbilda personal i", "Följa upp", "Pröva"]
ACTIVITY_OBJECTS = [
    "digitala besök",
    "språkutvecklande arbetssätt",
    "tidiga insatser",
    "samverkan med föreningslivet",
    "trygghetsvandringar",
    "nya rutiner för dokumentation",
    "medborgardialoger",
    "läxhjälp",
]


@dataclass(frozen=True)
class Scale:
    boards: int
    companies: int
    goals_per_board: int
    indicators_per_goal: int
    units_per_board: int
    activities_per_unit: int
    rows_per_board: int
    risks_per_board: int


SCALES = {
    "S": Scale(
        boards=4,
        companies=1,
        goals_per_board=3,
        indicators_per_goal=2,
        units_per_board=3,
        activities_per_unit=4,
        rows_per_board=20,
        risks_per_board=5,
    ),
    "M": Scale(
        boards=40,
        companies=5,
        goals_per_board=6,
        indicators_per_goal=55,
        units_per_board=15,
        activities_per_unit=15,
        rows_per_board=444,
        risks_per_board=20,
    ),
}
L_MUNICIPALITY = Scale(
    boards=6,
    companies=1,
    goals_per_board=5,
    indicators_per_goal=8,
    units_per_board=6,
    activities_per_unit=15,
    rows_per_board=250,
    risks_per_board=12,
)


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


class Writer:
    def __init__(self, root: Path, rng: random.Random):
        self.root = root
        self.rng = rng
        self.files = 0
        self.objects = 0

    def write(self, relpath: str, text: str) -> None:
        path = self.root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self.files += 1


def generate(root: Path, scale: Scale, seed: int, name: str = "Grästorps kommun", code: str = "1444") -> Writer:
    rng = random.Random(seed)
    w = Writer(root, rng)
    w.write(
        "styrmodell.yaml",
        f"""# Syntetisk styrmodell för prestandamätning (benchmarks/generate.py, seed {seed}).
kommun:
  namn: {name}
  kommunkod: "{code}"
mandatperiod:
  från: 2022-10-15
  till: 2026-10-14
referensdatum: 2026-09-15
målkedja:
  - id: inriktningsmål
    namn: Inriktningsmål
    ägs_av: [kf]
  - id: nämndmål
    namn: Nämndmål
    ägs_av: [ks, nämnd, bolag]
regler:
  mål-per-nämnd:
    max: 7
    räkna_kf_mål: false
""",
    )
    boards = [
        (f"n{i:02d}", BOARD_NAMES[i % len(BOARD_NAMES)] + ("" if i < len(BOARD_NAMES) else f" {i}"), "nämnd")
        for i in range(scale.boards)
    ]
    boards += [(f"bolag{i:02d}", COMPANY_NAMES[i % len(COMPANY_NAMES)], "bolag") for i in range(scale.companies)]
    organs = [
        "  organ:",
        "    - {id: kf, namn: Kommunfullmäktige, typ: kf}",
        "    - {id: ks, namn: Kommunstyrelsen, typ: ks}",
    ]
    roles = [
        "  roller:",
        "    - {id: kommundirektor, namn: Kommundirektör, typ: kommundirektör}",
        "    - {id: ekonomidirektor, namn: Ekonomidirektör, typ: tjänsteperson}",
    ]
    admins = ["  förvaltningar:"]
    units = ["  enheter:"]
    w.objects += 4
    for organ_id, organ_name, kind in boards + [("ks", "Kommunstyrelsen", "ks")]:
        if organ_id != "ks":
            organs.append(f"    - {{id: {organ_id}, namn: {_q(organ_name)}, typ: {kind}, förvaltning: f-{organ_id}}}")
        admins.append(
            f"    - {{id: f-{organ_id}, namn: {_q('Förvaltningen för ' + organ_name.lower())}, "
            f"nämnd: [{organ_id}], chef: fc-{organ_id}}}"
        )
        roles.append(
            f"    - {{id: ordf-{organ_id}, namn: {_q('Ordförande i ' + organ_name.lower())}, "
            f"typ: ordförande, organ: {organ_id}}}"
        )
        roles.append(
            f"    - {{id: fc-{organ_id}, namn: Förvaltningschef, typ: förvaltningschef, förvaltning: f-{organ_id}}}"
        )
        roles.append(
            f"    - {{id: handl-{organ_id}, namn: Handläggare, typ: tjänsteperson, förvaltning: f-{organ_id}}}"
        )
        w.objects += 5
        for u in range(scale.units_per_board):
            units.append(
                f"    - {{id: e-{organ_id}-{u}, namn: {_q(f'Enhet {u + 1} inom {organ_name.lower()}')}, "
                f"förvaltning: f-{organ_id}, chef: ec-{organ_id}-{u}}}"
            )
            roles.append(
                f"    - {{id: ec-{organ_id}-{u}, namn: Enhetschef, typ: enhetschef, förvaltning: f-{organ_id}}}"
            )
            w.objects += 2
    w.write(
        "organisation.yaml",
        "# Organisationen: organ, förvaltningar, enheter och roller.\norganisation:\n"
        + "\n".join(organs + admins + units + roles)
        + "\n",
    )

    kf_goals = []
    lines = ["# Fullmäktiges inriktningsmål.", "organ: kf", "mål:"]
    for i, (theme, _, _, _) in enumerate(GOAL_THEMES):
        goal_id = f"kf-{i + 1}"
        kf_goals.append(goal_id)
        lines += [
            f"  - id: {goal_id}",
            "    nivå: inriktningsmål",
            f"    text: {_q(theme + ' i hela kommunen 2026')}",
            "    period: {från: 2023, till: 2026}",
            "    ansvarig: ks",
            '    beslut: {organ: kf, datum: 2022-11-28, paragraf: "§ 112"}',
        ]
        w.objects += 1
    # the financial goal the budget names (KL 11 kap. 6 §), with its measure
    lines += [
        "  - id: kf-fin-resultat",
        "    nivå: inriktningsmål",
        "    typ: finansiellt",
        "    text: Resultatet är minst 1 procent av skatteintäkter och generella statsbidrag varje år",
        "    period: {från: 2023, till: 2026}",
        "    ansvarig: ks",
        '    beslut: {organ: kf, datum: 2022-11-28, paragraf: "§ 113"}',
        "indikatorer:",
        "  - id: kf-fin-resultat-procent",
        "    namn: Resultat i procent av skatteintäkter och generella statsbidrag",
        "    mål: [kf-fin-resultat]",
        '    enhet: "%"',
        "    riktning: högre",
        "    bas: {år: 2022, värde: 0.8}",
        "    målvärden: {2023: 1.0, 2024: 1.0, 2025: 1.0, 2026: 1.0}",
        "    utfall: {2023: 1.2, 2024: 0.9, 2025: 1.1}",
    ]
    w.objects += 2
    w.write("organ/kf/mal.yaml", "\n".join(lines) + "\n")
    docs = [
        "# Styrdokumentregistret.",
        "styrdokument:",
        "  - id: riktlinjer-ekonomi",
        "    titel: Riktlinjer för god ekonomisk hushållning och resultatreserv",
        "    typ: riktlinje",
        "    beslutad_av: kf",
        "    beslutsdatum: 2024-03-25",
        '    paragraf: "§ 30"',
        "    ansvarig: kommundirektor",
    ]
    w.objects += 1
    for i in range(max(10, scale.boards * 2)):
        docs += [
            f"  - id: dok-{i}",
            f"    titel: {_q(f'Riktlinje för ärendehantering, del {i + 1}')}",
            "    typ: riktlinje",
            "    beslutad_av: ks",
            f"    beslutsdatum: 2024-{(i % 12) + 1:02d}-15",
            "    ansvarig: kommundirektor",
        ]
        w.objects += 1
    w.write("organ/kf/styrdokument.yaml", "\n".join(docs) + "\n")
    frames = "\n".join(f"    {organ_id}: {rng.randint(80, 2500)}.0" for organ_id, _, _ in boards)
    companies = "".join(
        f"\n    {organ_id}: {_q(name + ' budgeterar ett positivt resultat och investerar enligt ägardirektivet.')}"
        for organ_id, name, kind in boards
        if kind == "bolag"
    )
    koncern = f"  koncernföretag:{companies}\n" if companies else ""
    w.write(
        "organ/kf/budget.yaml",
        f"""# Budget med flerårsplan, miljoner kronor.
budget:
  år: 2026
  beslut: {{organ: kf, datum: 2025-11-24, paragraf: "§ 98"}}
  skattesats: 30.55
  plan:
    2026: {{intäkter: 64000.0, kostnader: 63200.0, finansnetto: -150.0}}
    2027: {{intäkter: 65500.0, kostnader: 64600.0, finansnetto: -160.0}}
    2028: {{intäkter: 67000.0, kostnader: 66000.0, finansnetto: -170.0}}
  ramar:
    ks: 1200.0
{frames}
  finansiering: Skatteintäkter, generella statsbidrag och utjämning; investeringarna med egna medel och lån.
  balansbudget:
    2026: {{tillgångar: 98000.0, eget_kapital: 41000.0, avsättningar: 6500.0, skulder: 50500.0}}
  finansiella_mål: [kf-fin-resultat]
{koncern}""",
    )
    w.objects += 1
    served = iter(range(10**9))
    for organ_id, organ_name, _kind in boards + [("ks", "Kommunstyrelsen", "ks")]:
        _board(w, rng, scale, organ_id, organ_name, kf_goals, served)
    return w


def _board(
    w: Writer, rng: random.Random, scale: Scale, organ_id: str, organ_name: str, kf_goals: list[str], served
) -> None:
    folder = f"organ/{organ_id}"
    goal_ids = []
    for g in range(scale.goals_per_board):
        theme, measure, unit, direction = GOAL_THEMES[(g + len(organ_id)) % len(GOAL_THEMES)]
        goal_id = f"{organ_id}-mal-{g + 1}"
        goal_ids.append(goal_id)
        lines = [
            f"# {organ_name}: mål {g + 1} med indikatorer.",
            f"organ: {organ_id}",
            "mål:",
            f"  - id: {goal_id}",
            "    nivå: nämndmål",
            f"    text: {_q(theme + ' inom nämndens ansvar 2026')}",
            f"    tjänar: [{kf_goals[next(served) % len(kf_goals)]}]",
            "    period: {från: 2023, till: 2026}",
            f"    ansvarig: fc-{organ_id}",
            f'    beslut: {{organ: {organ_id}, datum: 2022-12-14, paragraf: "§ {140 + g}"}}',
            "indikatorer:",
        ]
        w.objects += 1
        for k in range(scale.indicators_per_goal):
            base = round(rng.uniform(40, 90), 1) if unit == "%" else float(rng.randint(20, 900))
            step = 1.0 if direction == "högre" else -1.0
            targets = ", ".join(f"{year}: {round(base + step * (year - 2022) * 0.8, 1)}" for year in range(2023, 2027))
            outcomes = "\n".join(
                f"      {year}: {round(base + step * rng.uniform(-1.5, 3.5), 1)}" for year in range(2021, 2026)
            )
            lines += [
                f"  - id: {goal_id}-ind-{k + 1}",
                f"    namn: {_q(f'{measure.capitalize()}, mått {k + 1}')}",
                f"    mål: [{goal_id}]",
                f"    enhet: {_q(unit)}",
                f"    riktning: {direction}",
                "    källa: egen",
                "    metod: Verksamhetssystemet, helår",
                f"    bas: {{år: 2022, värde: {base}}}",
                f"    målvärden: {{{targets}}}",
                "    utfall:  # fem års utfall",
                outcomes,
            ]
            w.objects += 1
        w.write(f"{folder}/mal-{g + 1}.yaml", "\n".join(lines) + "\n")
    for u in range(scale.units_per_board):
        lines = [f"# Aktiviteter för enhet {u + 1} inom {organ_name.lower()}.", f"organ: {organ_id}", "aktiviteter:"]
        for a in range(scale.activities_per_unit):
            name = f"{rng.choice(ACTIVITY_VERBS)} {rng.choice(ACTIVITY_OBJECTS)} ({a + 1})"
            lines += [
                f"  - id: akt-{organ_id}-{u}-{a}",
                f"    namn: {_q(name)}",
                f"    mål: [{rng.choice(goal_ids)}]",
                f"    enhet: e-{organ_id}-{u}",
                f"    ansvarig: ec-{organ_id}-{u}",
                f"    status: {rng.choice(['planerad', 'pågår', 'genomförd'])}",
            ]
            w.objects += 1
        w.write(f"{folder}/enheter/enhet-{u + 1}.yaml", "\n".join(lines) + "\n")
    rows = [
        f"# Delegationsordning för {organ_name.lower()}.",
        f"organ: {organ_id}",
        "delegationsordning:",
        f'  beslut: {{organ: {organ_id}, datum: 2023-02-15, paragraf: "§ 12"}}',
        "  rader:",
        '    - id: "1.1"',
        "      ärende: Brådskande ärenden där nämndens avgörande inte kan avvaktas",
        "      kategori: [brådskande]",
        f"      delegat: ordf-{organ_id}",
        "      anmäls: true",
        '    - id: "1.2"',
        "      ärende: Anställning av personal",
        f"      delegat: fc-{organ_id}",
        "      vidaredelegering_tillåten: true",
        "      anmäls: false",
    ]
    for r in range(scale.rows_per_board - 2):
        matter, law, appealable = MATTERS[r % len(MATTERS)]
        delegate = rng.choice(
            [f"handl-{organ_id}", f"fc-{organ_id}"] + [f"ec-{organ_id}-{u}" for u in range(scale.units_per_board)]
        )
        rows += [
            f'    - id: "{2 + r // 50}.{r % 50 + 1}"',
            f"      ärende: {_q(f'{matter} (avsnitt {r // 50 + 2})')}",
            f"      delegat: {delegate}",
            f"      lagrum: {_q(law)}",
            f"      överklagbart: {str(appealable).lower()}",
            f"      anmäls: {str(rng.random() < 0.7).lower()}",
        ]
        if delegate.startswith("ec-"):
            rows.append('      vidaredelegerad_från: "1.2"')
    w.objects += scale.rows_per_board
    w.write(f"{folder}/delegationsordning.yaml", "\n".join(rows) + "\n")
    risks = [
        f"# Internkontrollplan 2026 för {organ_name.lower()}.",
        f"organ: {organ_id}",
        "internkontroll:",
        "  år: 2026",
        f'  beslut: {{organ: {organ_id}, datum: 2025-11-19, paragraf: "§ 101"}}',
        "  risker:",
    ]
    for k in range(scale.risks_per_board):
        risks += [
            f"    - id: ik-{k + 1}",
            f"      risk: {_q(f'Risk {k + 1}: felaktiga utbetalningar eller brister i rutiner')}",
            f"      sannolikhet: {rng.randint(1, 4)}",
            f"      konsekvens: {rng.randint(1, 4)}",
            "      kontroll: Stickprov två gånger per år",
            f"      ansvarig: fc-{organ_id}",
        ]
    w.objects += scale.risks_per_board
    w.write(f"{folder}/internkontroll.yaml", "\n".join(risks) + "\n")
    assignments = [f"# Uppdrag till {organ_name.lower()}.", "uppdrag:"]
    for k in range(3):
        assignments += [
            f"  - id: uppdrag-{organ_id}-{k + 1}",
            f"    text: {_q(f'Utreda och återrapportera förslag {k + 1}')}",
            "    givare: kf",
            f"    mottagare: {organ_id}",
            "    senast: 2026-12-31",
            "    status: pågår",
        ]
    w.objects += 3
    w.write(f"{folder}/uppdrag.yaml", "\n".join(assignments) + "\n")


def generate_l(root: Path, seed: int, fraction: float = 1.0) -> Writer:
    codes = json.loads((ROOT / "src/styrmodell/data/municipalities.json").read_text("utf-8"))
    municipalities = [m for m in codes if m["type"] == "K"]
    total = Writer(root, random.Random(seed))
    for index, municipality in enumerate(municipalities[: max(1, int(len(municipalities) * fraction))]):
        name = municipality["title"]
        one = generate(
            root / municipality["id"],
            L_MUNICIPALITY,
            seed + index,
            f"{name} kommun" if name.endswith(("s", "a", "e", "o", "å", "ö")) else f"{name}s kommun",
            municipality["id"],
        )
        total.files += one.files
        total.objects += one.objects
    return total


def scaled(scale: Scale, fraction: float) -> Scale:
    if fraction == 1.0:
        return scale
    return Scale(
        boards=max(1, round(scale.boards * fraction)),
        companies=max(1, round(scale.companies * fraction)),
        goals_per_board=scale.goals_per_board,
        indicators_per_goal=scale.indicators_per_goal,
        units_per_board=scale.units_per_board,
        activities_per_unit=scale.activities_per_unit,
        rows_per_board=scale.rows_per_board,
        risks_per_board=scale.risks_per_board,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Skriv ett syntetiskt styrmodellsrepo.")
    parser.add_argument("scale", choices=["S", "M", "L"])
    parser.add_argument("target", type=Path)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--fraction", type=float, default=1.0, help="andel av skalan, t.ex. 0.25")
    args = parser.parse_args(argv)
    if args.target.exists() and any(args.target.iterdir()):
        sys.exit(f"{args.target} finns redan och är inte tom")
    if args.scale == "L":
        writer = generate_l(args.target, args.seed, args.fraction)
    else:
        writer = generate(args.target, scaled(SCALES[args.scale], args.fraction), args.seed)
    print(json.dumps({"skala": args.scale, "andel": args.fraction, "filer": writer.files, "objekt": writer.objects}))


if __name__ == "__main__":
    main()
