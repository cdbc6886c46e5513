"""Each organ's own economy in its reports, closed years as outcomes, and the forecast reports.

The figures are worked out by hand from tests/repos/smarta/organ/kf/budget.yaml and
ekonomi-2025.yaml / ekonomi-2026.yaml, and the reports are made by the real `styr` command.
"""

from __future__ import annotations

import shutil

from conftest import EXAMPLES, run_styr

SMARTA = EXAMPLES.parent / "tests" / "repos" / "smarta"


def _report(tmp_path, *args: str, repo=SMARTA) -> str:
    out = tmp_path / "rapport.md"
    proc = run_styr("rapport", *args, str(repo), "--format", "md", "-o", str(out), "--tyst")
    assert proc.returncode == 0, proc.stderr
    return out.read_text("utf-8")


def _section(markdown: str, title: str) -> str:
    """The text of the level-2 section `title`, up to the next level-2 heading, spaces made plain."""
    markdown = markdown.replace("\xa0", " ").replace("\u202f", " ")
    start = markdown.index(f"\n## {title}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end >= 0 else None]


def _row(markdown: str, label: str) -> list[str]:
    line = next(line for line in markdown.splitlines() if line.startswith(f"| {label} |"))
    return [" ".join(cell.split()) for cell in line.strip("|").split("|")]  # any no-break space as a space


def test_a_boards_interim_report_shows_its_own_figures_only(tmp_path):
    text = _report(tmp_path, "delarsrapport", "--period", "2026-08", "--organ", "son")
    economy = _section(text, "Ekonomi")
    # Socialnämnden: frame 390,0 in the budget + 4,0 by the kompletteringsbudget of 27 April = 394,0;
    # net cost 262,1 so far, 396,6 forecast: 394,0 − 396,6 = −2,6.
    assert _row(economy, "Budgetram i budgeten")[1] == "390,0 mnkr"
    assert _row(economy, "Budgetram (med ändringar under året)")[1] == "394,0 mnkr"
    assert _row(economy, "Nettokostnad januari–augusti 2026")[1] == "262,1 mnkr"
    assert _row(economy, "Nettokostnad, prognos för helåret")[1] == "396,6 mnkr"
    assert _row(economy, "Avvikelse mot ramen enligt prognosen")[1] == "-2,6 mnkr"
    # its one investment project: 3,5 in the budget for 2026, 1,2 spent, forecast 3,5: deviation 0,0;
    # its investment frame 4,0 − 3,5 = +0,5
    assert _row(economy, "Socialnämnden")[1:] == ["4,0 mnkr", "1,2 mnkr", "3,5 mnkr", "+0,5 mnkr"]
    assert "Digitala trygghetslarm" in economy and "Norrskolan" not in economy
    # the action plan for its deficit
    assert "#### Socialnämnden" in economy and "De nya schemana i hemtjänsten" in economy
    staff = _section(text, "Personal")
    assert _row(staff, "Anställda")[1] == "612" and _row(staff, "Sjukfrånvaro")[1] == "8,1 %"
    # never the municipality's figures under the board's name: its result (15,5 so far), its
    # income statement, its balance sheet and its staff (1 257), nor the other boards
    for foreign in ("Resultaträkning", "Balansräkning", "1 257", "600,5", "Barn- och bildningsnämnden"):
        assert foreign not in economy + staff, foreign


def test_a_companys_interim_report_shows_its_own_figures_only(tmp_path):
    text = _report(tmp_path, "delarsrapport", "--period", "2026-08", "--organ", "bostader")
    economy = _section(text, "Ekonomi")
    # result = intäkter − kostnader + finansnetto: 62,4 − 55,1 − 4,3 = 3,0 so far (2025: 59,8 − 53,4 − 4,1
    # = 2,3); forecast 94,0 − 82,5 − 6,5 = 5,0; budget 93,0 − 82,5 − 6,5 = 4,0
    assert _row(economy, "Resultat")[1:] == ["3,0", "2,3", "5,0", "4,0"]
    assert _row(economy, "Intäkter")[1:] == ["62,4", "59,8", "94,0", "93,0"]
    # soliditet = eget kapital / tillgångar = 118,4 / 812,0 = 14,6 %
    assert _row(economy, "Soliditet")[1] == "14,6 %"
    assert "21,0 mnkr" in economy and "35,0 mnkr" in economy  # investments so far and forecast
    staff = _section(text, "Personal")
    assert _row(staff, "Anställda")[1] == "24" and _row(staff, "Årsarbetare")[1] == "23,0"
    for foreign in ("Budgetram", "Socialnämnden", "1 257", "600,5", "1 512,0", "906,0"):
        assert foreign not in economy + staff, foreign


def test_an_organ_without_figures_is_told_so(tmp_path):
    text = _report(tmp_path, "tertialrapport", "--period", "2026-T1", "--organ", "bmn")
    assert "Uppgift saknas: nettokostnad och helårsprognos för Bygg- och miljönämnden" in _section(text, "Ekonomi")
    assert "Uppgift saknas: personaluppgifter för Bygg- och miljönämnden" in _section(text, "Personal")


def test_the_municipalitys_forecast_lists_every_board_against_its_frame(tmp_path):
    text = _report(tmp_path, "bokslutsprognos", "--period", "2026-05")
    assert text.startswith("# Bokslutsprognos per 31 maj 2026")
    economy = _section(text, "Ekonomi")
    # the result: 376,5 − 366,0 − 1,2 = 9,3 so far; 905,5 − 889,0 − 3,0 = 13,5 forecast; budget 18,0
    assert _row(economy, "Resultat")[1:] == ["9,3", "13,5", "18,0"]
    # frames after the kompletteringsbudget (son +4,0, bbn +1,5), forecasts against them
    assert _row(economy, "Socialnämnden")[1:] == ["394,0 mnkr", "165,2 mnkr", "397,0 mnkr", "-3,0 mnkr"]
    assert _row(economy, "Barn- och bildningsnämnden")[4] == "+0,3 mnkr"  # 331,5 − 331,2
    assert "Balansräkning" not in text  # a forecast is no delårsrapport with a missing balance sheet
    assert "Hemtjänstens scheman planeras om" in economy or "hemtjänstens scheman planeras om" in economy


def test_a_forecast_or_a_third_tertial_for_a_closed_year_is_refused(tmp_path):
    for args, words in (
        (("bokslutsprognos", "--period", "2026"), "ett avslutat år"),
        (("tertialrapport", "--period", "2026-T3"), "tredje tertialen slutar vid årets slut"),
        (("delarsrapport", "--period", "2025"), "ett avslutat år"),
    ):
        proc = run_styr("rapport", *args, str(SMARTA), "-o", str(tmp_path / "x.md"))
        assert proc.returncode == 2 and words in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
        assert not (tmp_path / "x.md").exists()


def test_a_closed_year_is_an_outcome_also_in_the_old_form(tmp_path):
    """The årsredovisning's economy is the outcome; a year-end written the old way (`prognos` equal to
    the outcome, or only `prognos`) still renders, and SM932 says what to write instead."""
    text = _report(tmp_path, "arsredovisning", "--period", "2025", repo=EXAMPLES / "grastorp")
    economy = _section(text, "Ekonomi")
    assert "Prognos" not in economy and "prognos" not in economy.lower().replace("helårsprognos", "")
    assert _row(economy, "Kommunstyrelsen")[1:3] == ["392,8 mnkr", "391,1 mnkr"]
    old = tmp_path / "gammal"
    shutil.copytree(EXAMPLES / "grastorp", old)
    path = old / "organ" / "kf" / "ekonomi-2025.yaml"
    path.write_text(
        path.read_text("utf-8").replace(
            "          budget: 392.8\n          utfall: 391.1\n", "          budget: 392.8\n          prognos: 391.1\n"
        ),
        "utf-8",
    )
    proc = run_styr("validera", str(old))
    assert proc.returncode == 0 and "SM932" in proc.stdout + proc.stderr, proc.stdout + proc.stderr
    again = _section(_report(tmp_path, "arsredovisning", "--period", "2025", repo=old), "Ekonomi")
    assert _row(again, "Kommunstyrelsen")[1:3] == ["392,8 mnkr", "391,1 mnkr"]


def test_the_plan_shows_investments_allocations_for_goals_and_the_internal_budget(tmp_path):
    text = _report(tmp_path, "verksamhetsplan", "--period", "2026")
    budget = _section(text, "Ekonomi och budget")
    # the project with its expenditure per year, whole expenditure and the goal it serves
    assert _row(budget, "Tillbyggnad av Norrskolan med fyra klassrum") == [
        "Tillbyggnad av Norrskolan med fyra klassrum", "Barn- och bildningsnämnden", "12,0 mnkr", "12,0 mnkr", "–",
        "24,0 mnkr", "Fler elever i årskurs 5 känner sig trygga i skolan 2026",
    ]  # fmt: skip
    # a frame linked to the goal it finances
    allocation = next(line for line in budget.splitlines() if line.startswith("| Socialnämnden | 4,0 mnkr |"))
    assert "Äldre med hemtjänst möter högst tio olika personal" in allocation
    # the board's internbudget down to the verksamhet: 118 + 92 + 140 + 36 + 4 = 390, the frame
    assert _row(budget, "Hemtjänsten")[1] == "118,0 mnkr"
    assert _row(budget, "**Summa**")[1] == "**390,0 mnkr**"
    # the koncernföretag's account (KL 11 kap. 6 a §) and the financing (KL 11 kap. 6 §)
    assert "Koncernföretagen" in budget and "Smarta Bostäder AB" in budget
    assert "Finansiering: Verksamheten finansieras med skatteintäkter" in budget


def test_the_annual_report_has_the_auditors_and_the_boards_follow_up_material(tmp_path):
    text = _report(tmp_path, "arsredovisning", "--period", "2025")
    material = _section(text, "Underlag från revisorerna och verksamheterna")
    assert "### Revisorernas bedömning" in material and "Revisorernas skriftliga bedömning 20 april 2026" in material
    assert "revisorerna tillstyrker ansvarsfrihet" in material
    assert "Inkomna under perioden: 38 klagomål och 21 synpunkter." in material
    assert "86 procent är sammantaget nöjda med hemtjänsten" in material
    # required by kräv_underlag: but given by Socialnämnden only: the others are named as lacking
    assert (
        "Uppgift saknas: egenkontroller och intern kontroll för 2025 från Kommunstyrelsen, Bygg- och "
        "miljönämnden, Barn- och bildningsnämnden, Smarta Bostäder AB" in material
    )


def test_the_monthly_report_uses_the_frames_decided_by_the_months_end(tmp_path):
    march = _section(_report(tmp_path, "manadsrapport", "--period", "2026-03"), "Nämnder och styrelse")
    # before the kompletteringsbudget of 27 April: 390,0 − 396,5 = −6,5
    assert _row(march, "Socialnämnden")[1:] == ["390,0 mnkr", "99,8 mnkr", "396,5 mnkr", "-6,5 mnkr"]
    assert "Negativ avvikelse mot ramen enligt prognosen: Socialnämnden." in march
    may = _section(_report(tmp_path, "manadsrapport", "--period", "2026-05"), "Nämnder och styrelse")
    assert _row(may, "Socialnämnden")[1] == "394,0 mnkr"  # 390,0 + 4,0
