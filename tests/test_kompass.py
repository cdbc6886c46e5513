"""Kommunkompassen: Grästorp 2014 as seed 002 prints it, the checks, comparisons and the spider chart."""

from __future__ import annotations

import json

from conftest import EXAMPLES, needs_chromium, png_colours, run_styr, screenshot
from styrmodell.kompass.scoring import shipped_catalogue
from styrmodell.rules.compass_area_max import catalogue_problems

GRASTORP = EXAMPLES / "grastorp"
PRINTED = [61, 60, 73, 53, 70, 56, 65, 68]  # seed 002, tabell 1

LATER = """\
kommunkompass:
  år: 2018
  områden:
    - {område: 1, poäng: {"1.1": 9, "1.2": 14, "1.3": 15.5, "1.4": 23, "1.5": 8}}
    - {område: 2, poäng: {"2.1": 12, "2.2": 18, "2.3": 9, "2.4": 7, "2.5": 10.5, "2.6": 9}}
    - {område: 3, poäng: {"3.1": 12, "3.2": 18, "3.3": 20, "3.4": 17, "3.5": 10}}
    - {område: 4, poäng: {"4.1": 9, "4.2": 6, "4.3": 14, "4.4": 9, "4.5": 14, "4.6": 14}}
    - {område: 5, poäng: {"5.1": 10, "5.2": 14, "5.3": 15, "5.4": 12, "5.5": 13, "5.6": 8}}
    - {område: 6, poäng: {"6.1": 9, "6.2": 13, "6.3": 15, "6.4": 9, "6.5": 11, "6.6": 5}}
    - {område: 7, poäng: {"7.1": 11, "7.2": 19, "7.3": 15, "7.4": 10, "7.5": 14}}
    - {område: 8, poäng: {"8.1": 10, "8.2": 20, "8.3": 13, "8.4": 10, "8.5": 4, "8.6": 14}}
"""

OREBRO = """\
kommunkompass:
  år: 2013
  kommun: Örebro kommun
  totalt: 605
  områden:
""" + "".join(f"    - {{område: {n}, summa: {s}}}\n" for n, s in enumerate([72, 80, 78, 75, 77, 70, 79, 74], 1))


def _grastorp_with(tmp_path, files: dict[str, str]):
    import shutil

    root = tmp_path / "grastorp"
    shutil.copytree(GRASTORP, root)
    for name, text in files.items():
        (root / name).write_text(text, "utf-8")
    return root


def test_shipped_catalogue_is_the_2010_revision():
    catalogue = shipped_catalogue("kommunkompassen-2010")
    assert [len(area.frågor) for area in catalogue.områden] == [5, 6, 5, 6, 6, 6, 5, 6]  # 45 delfrågor
    assert all(area.max == 100 for area in catalogue.områden)
    assert list(catalogue_problems(catalogue, 100)) == []


def test_grastorp_2014_comes_out_as_printed():
    proc = run_styr("kompass", str(GRASTORP), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["utvärderingar"] == [{"etikett": "2014", "kommun": "Grästorps kommun", "år": 2014, "totalt": 506}]
    assert [area["resultat"] for area in data["områden"]] == [[p] for p in PRINTED]
    assert sum(len(area["frågor"]) for area in data["områden"]) == 45
    area3 = data["områden"][2]
    assert [q["poäng"][0] for q in area3["frågor"]] == [11.25, 16.5, 19.75, 16.6, 9.3]  # decimals kept
    assert sum(int(q["poäng"][0] + 0.5) for q in area3["frågor"]) == 74 and area3["resultat"] == [73]


def test_grastorp_validates_clean_and_a_broken_variant_is_caught(tmp_path):
    assert run_styr("validera", str(GRASTORP), "--strikt").returncode == 0
    root = _grastorp_with(tmp_path, {})
    path = root / "kommunkompassen-2014.yaml"
    text = path.read_text("utf-8")
    text = text.replace('"1.1": 6.75', '"1.1": 45')  # the percentage, not the points
    text = text.replace("summa: 73     #", "summa: 74     #")  # the rounded sub-scores' sum
    path.write_text(text, "utf-8")
    proc = run_styr("validera", str(root))
    assert proc.returncode == 1
    lines = text.splitlines()
    over = next(i for i, line in enumerate(lines, 1) if '"1.1": 45' in line)
    area3 = next(i for i, line in enumerate(lines, 1) if "summa: 74" in line)
    total = next(i for i, line in enumerate(lines, 1) if line.startswith("  totalt:"))
    out = proc.stdout
    assert f"kommunkompassen-2014.yaml:{over}:" in out and "fråga 1.1 har 45 poäng, mer än frågans max 15" in out
    assert (
        f"kommunkompassen-2014.yaml:{area3}:" in out
        and "område 3 har summan 74, men delfrågornas poäng ger 73,4" in out
    )
    assert f"kommunkompassen-2014.yaml:{total}:" in out and "totalt 506, men områdenas resultat ger 99 + 60" in out


def test_improvements_with_and_without_a_goal_or_activity():
    out = run_styr("kompass", str(GRASTORP)).stdout
    assert "Förbättringsområden: 7 av 41 har ett mål eller en aktivitet kopplad." in out
    linked, unlinked = out.split("Med koppling:")[1].split("Utan koppling:")
    assert "Ledarutvecklingsprogram\n    → aktivitet akt-medledarskap: Introduktion i medledarskap" in linked
    assert "Område 8: Internationellt utbyte för att utvecklas" in unlinked
    assert "Internationellt utbyte" not in linked


def test_comparison_question_by_question(tmp_path):
    root = _grastorp_with(tmp_path, {"kompass-2018.yaml": LATER})
    proc = run_styr("kompass", str(root), "--jämför", "2014", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert [e["etikett"] for e in data["utvärderingar"]] == ["2014", "2018"]  # old to new
    area1 = data["områden"][0]
    assert area1["resultat"] == [61, 70]
    assert area1["förändring"] == 9  # 61 → 70 as printed
    assert [round(q["förändring"], 2) for q in area1["frågor"]] == [2.25, 1, 3.75, 0.8, 0.9]
    text = run_styr("kompass", str(root), "--jämför", "2014").stdout
    assert "Kommunkompassen – Grästorps kommun 2018 jämfört med 2014" in text
    assert "Förändring" in text and "+2,25" in text
    assert [line.split()[-4:-1] for line in text.splitlines() if line.strip().startswith("Totalt")] == [
        ["506", "553", "+47"]
    ]


def test_unknown_evaluation_is_a_clear_error(tmp_path):
    proc = run_styr("kompass", str(GRASTORP), "--jämför", "2010")
    assert proc.returncode == 2
    assert "--jämför '2010': ingen sådan utvärdering (utvärderingar: 2014)" in proc.stderr
    assert "Traceback" not in proc.stderr
    proc = run_styr("kompass", str(EXAMPLES / "astorp"))
    assert proc.returncode == 2 and "ingen utvärdering med Kommunkompassen" in proc.stderr


def test_html_escapes_repository_text(tmp_path):
    root = _grastorp_with(
        tmp_path,
        {
            "kompass-2018.yaml": LATER.replace(
                "    - {område: 1, poäng:",
                '    - område: 1\n      styrkor: ["<script>alert(1)</script>"]\n      poäng:',
            ).replace('"1.5": 8}}', '"1.5": 8}')
        },
    )
    page = run_styr("kompass", str(root), "--format", "html").stdout
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_markdown_keeps_table_cells_whole(tmp_path):
    root = _grastorp_with(tmp_path, {"orebro.yaml": OREBRO.replace("Örebro kommun", "Örebro | kommun")})
    text = run_styr("kompass", str(root), "--jämför", "Örebro 2013", "--format", "markdown").stdout
    assert "| Område | 2014 | Örebro \\| kommun 2013 | Skillnad | Max |" in text
    assert "| 2. Tillgänglighet och brukarorientering | 60 | 80 | +20 | 100 |" in text
    assert "| 2.1 Finns det en kommunövergripande strategi för brukarorientering? | 12 | – | – | 15 | 80 % |" in text


@needs_chromium
def test_spider_chart_renders_in_headless_chromium(tmp_path):
    root = _grastorp_with(tmp_path, {"orebro.yaml": OREBRO})
    page = tmp_path / "kompass.html"
    proc = run_styr("kompass", str(root), "--jämför", "Örebro 2013", "--format", "html", "-o", str(page))
    assert proc.returncode == 0, proc.stderr
    svg = run_styr("kompass", str(root), "--jämför", "Örebro 2013", "--format", "svg").stdout
    assert svg.count("<polygon") == 4 + 2  # rings at 25, 50, 75 and 100 %, one polygon per evaluation
    import re

    labels = re.findall(r'font-size="16" fill="#607d8b">(\d+)</text>', svg)
    assert labels == ["100", "75", "50", "25"], "den fyllda yttre ringen först, så att de inre syns på den"
    colours = png_colours(screenshot(page, tmp_path, "1000,1000"))

    def pixels(rgb: tuple[int, int, int]) -> int:  # the browser's colour management shifts hues a little
        return sum(n for c, n in colours.items() if sum(abs(a - b) for a, b in zip(c, rgb, strict=False)) <= 40)

    # both polygons' outlines are drawn: Grästorp in blue, Örebro in orange (dashed)
    assert pixels((0x1B, 0x5E, 0x8A)) > 1000
    assert pixels((0xC2, 0x41, 0x0C)) > 500
