"""A third and a fourth municipality: a SMARTA model (goals, strategies, enhetsmål, quality
factors, qualitative indicators, status history) and Askersund's (strategic goals, uppdragsplaner,
programs and "ordning och reda" among the steering documents). Both validate clean through the
real `styr`, and every report renders what their models say.
"""

from __future__ import annotations

import json

import pytest
import yaml

from axe_check import SKIP_REASON as AXE_SKIP
from axe_check import axe_available, axe_violations, describe, serious
from conftest import TESTS, needs_chromium, run_styr, screenshot

REPOS = TESTS / "repos"
SMARTA = REPOS / "smarta"
ASKERSUND = REPOS / "askersund"


@pytest.mark.parametrize("repo, kommun", [(SMARTA, "Smarta kommun"), (ASKERSUND, "Askersunds kommun")])
def test_repository_validates_clean(repo, kommun):
    proc = run_styr("validera", str(repo), "--strikt", "--ingen-cache")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("Inga fel.") and kommun in proc.stdout


def report(repo, kind, *args) -> str:
    proc = run_styr("rapport", kind, str(repo), *args)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


# --- the SMARTA model -------------------------------------------------------------------------


def test_verksamhetsplan_shows_goal_kinds_strategies_and_quality_factors():
    text = report(SMARTA, "verksamhetsplan", "--organ", "son", "--period", "2026")
    assert "*Mitt i livet*" in text  # the slogan before the vision
    assert "Styrelse- och nämndmål, mål utifrån uppdraget." in text
    assert "Styrelse- och nämndmål, eget resultatmål." in text
    assert "*Strategier – Äldre med hemtjänst möter högst tio olika personal under två veckor 2026*" in text
    assert "| Hemtjänsten organiseras i mindre arbetsgrupper med egna brukare | Socialchef |" in text
    assert "Förvaltningarnas och enheternas mål under" in text
    section = text.split("## Kritiska kvalitetsfaktorer och kvalitetsindikatorer", 1)[1]
    assert "### Bemötande" in section and "### Kostnadseffektiv hemtjänst" in section
    # a qualitative indicator: its outcome and targets are steps on its scale
    assert (
        "| Rutinerna för synpunkter och klagomål är kända och följs i verksamheten | etablerade (2025) | fullt införda |"
        in section
    )


def test_a_unit_has_its_own_verksamhetsplan():
    text = report(SMARTA, "verksamhetsplan", "--organ", "hemtjansten", "--period", "2026")
    assert text.startswith("# Verksamhetsplan 2026\n\nHemtjänsten, Smarta kommun")
    assert "#### Varje brukare i hemtjänsten har en fast omsorgskontakt 2026" in text
    assert "Schemalägga så att brukaren möter sin omsorgskontakt varje vecka" in text


def test_the_may_and_november_status_reports_show_the_status_then():
    may_2024 = report(SMARTA, "uppdragsuppfoljning", "--organ", "sof", "--period", "2024-05-31")
    november_2024 = report(SMARTA, "uppdragsuppfoljning", "--organ", "sof", "--period", "2024-11-30")
    may_2026 = report(SMARTA, "uppdragsuppfoljning", "--organ", "sof", "--period", "2026-05-31")
    plan = "| Ta fram en plan för hemtjänstens lokaler i de sex områdena | Socialnämnden | Socialförvaltningen |"
    assert f"{plan} 30 juni 2025 | ej påbörjat |" in may_2024
    assert f"{plan} 30 juni 2025 | pågår |" in november_2024
    assert "Utred digitala nattillsyner" not in november_2024  # not yet given
    # carried out in time: done, and never late
    assert f"{plan} 30 juni 2025 | genomfört 12 maj 2025 |" in may_2026
    assert "31 mars 2026 (försenat) | pågår |" in may_2026


def test_organ_all_includes_administrations_and_units_with_their_own(tmp_path):
    proc = run_styr(
        "rapport", "verksamhetsplan", str(SMARTA), "--organ", "all", "--period", "2026", "-o", str(tmp_path / "ut")
    )
    assert proc.returncode == 0, proc.stderr
    names = sorted(p.stem for p in (tmp_path / "ut").iterdir())
    assert {"kommun", "ks", "son", "bbn", "bmn", "bostader", "hemtjansten"} <= set(names)
    assert "saknas" not in proc.stderr, proc.stderr


# --- Askersund --------------------------------------------------------------------------------


def test_uppdragsplan_groups_one_years_assignments_under_the_strategic_goals():
    text = report(ASKERSUND, "uppdragsplan", "--organ", "bin", "--period", "2026")
    assert text.index("### Livskvalitet hela livet") < text.index(
        "#### Fler barn och unga fullföljer sin utbildning och står väl rustade för framtiden 2030"
    )
    assert (
        "| Inför en modell för tidig uppföljning av frånvaro i grundskolan och redovisa effekten | Bildningsförvaltningen |"
        in text
    )
    assert "### Attraktiv organisation" in text
    assert "Utred förskolans lokalbehov" not in text  # the 2025 plan's assignment
    assert "*3 uppdrag för 2026" in text


def test_fullmaktige_sees_the_indicators_the_boards_report_to_it():
    kommun = report(ASKERSUND, "arsredovisning", "--period", "2025")
    board = report(ASKERSUND, "arsredovisning", "--organ", "bin", "--period", "2025")
    assert "Elever i åk 9 som är behöriga till yrkesprogram" in kommun  # till_fullmäktige: ja
    assert "mer än 15 procents frånvaro" not in kommun
    assert "mer än 15 procents frånvaro" in board


def test_attainment_definitions_per_level_and_goal_area():
    text = report(ASKERSUND, "arsredovisning", "--period", "2025")
    arbetsgivare = text.split("#### Kommunen behåller och rekryterar", 1)[1].split("####", 1)[0]
    utbildning = text.split("#### Fler barn och unga fullföljer", 1)[1].split("####", 1)[0]
    assert "(alla måste vara uppnådda)" in arbetsgivare  # the goal area's own definition
    assert "(vägd andel)" in utbildning
    assert (
        "*Definitionerna av måluppfyllelse är beslutade: för hela målkedjan av Kommunfullmäktige 25 november 2024 "
        "§ 131; för nivån Strategiskt mål av Kommunfullmäktige 25 november 2024 § 131; för målområdet Attraktiv "
        "organisation av Kommunfullmäktige 16 juni 2025 § 77.*"
    ) in text


def test_the_register_shows_validity_replacement_scope_pages_and_publication():
    text = report(ASKERSUND, "styrdokument")
    assert "| Kulturpolitiskt program 2012 (9 sidor, på webbplatsen) |" in text
    assert "| ersatt av Kulturprogram; för kommunen, utan bolag och förbund |" in text
    assert "| Kulturprogram (4 sidor, på webbplatsen) |" in text and "| Kulturpolitiskt program 2012 |" in text
    assert "upphävt 17 juni 2024 (Kommunfullmäktige)" in text
    assert "Riktlinje för attest (på intranätet)" in text
    assert "; för hela koncernen, med bolag och förbund" in text
    assert "| 1 mars 2020 – tills vidare; för Socialnämnden, Socialförvaltningen | 16 oktober 2023 |" in text
    # addresses in repository text are escaped so that GitHub/GitLab do not make them links (issue 13);
    # a reader of the rendered Markdown sees the address as written
    assert "- Styrmodellen i Askersunds kommun: https\\://www\\.askersund.se/styrdokument/styrmodell" in text
    # --organ: what the board is responsible for, not only what it decided
    board = report(ASKERSUND, "styrdokument", "--organ", "bin")
    assert "Kulturprogram (4 sidor" in board and "Bildningsförvaltningens verksamhetsplan 2026" in board


def test_an_administration_is_a_recipient_of_its_own():
    text = report(ASKERSUND, "uppdragsuppfoljning", "--organ", "bif", "--period", "2026-05-31")
    assert text.startswith("# Uppföljning av politiska uppdrag januari–maj 2026\n\nBildningsförvaltningen")
    assert "| Bildningsnämnden | Bildningsförvaltningen | 30 juni 2026 | pågår |" in text


def test_a_verksamhetsplan_of_an_administration_shows_how_it_carries_out_the_assignments():
    proc = run_styr("rapport", "verksamhetsplan", str(ASKERSUND), "--organ", "bif", "--period", "2026")
    assert proc.returncode == 0 and "saknas" not in proc.stderr, proc.stderr
    assert "### Så genomförs uppdragen" in proc.stdout
    assert (
        "| Frånvarotrappa med kontakt med vårdnadshavare från första ogiltiga frånvaron | Rektor Centralskolan |"
        in proc.stdout
    )


@needs_chromium
@pytest.mark.skipif(not axe_available(), reason=AXE_SKIP)
@pytest.mark.parametrize(
    "repo, kind, args",
    [
        (SMARTA, "verksamhetsplan", ["--organ", "son", "--period", "2026"]),
        (ASKERSUND, "uppdragsplan", ["--organ", "bin", "--period", "2026"]),
        (ASKERSUND, "styrdokument", []),
    ],
)
def test_new_sections_render_in_html_and_pass_axe(tmp_path, repo, kind, args):
    page = tmp_path / f"{kind}.html"
    proc = run_styr("rapport", kind, str(repo), *args, "-f", "html", "-o", str(page))
    assert proc.returncode == 0, proc.stderr
    assert len(screenshot(page, tmp_path)) > 20_000
    violations = axe_violations(page, tmp_path)
    assert not serious(violations), describe(violations)


# --- the settings in force --------------------------------------------------------------------


def test_settings_in_force_after_extends():
    proc = run_styr("installningar", str(SMARTA))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[1] == "# verktygets standard → förinställningen smarta-7 → styrmodell.yaml"
    settings = yaml.safe_load(proc.stdout)
    assert settings["kommun"] == {"namn": "Smarta kommun", "kommunkod": "9999"}
    assert settings["regler"]["SM501"]["allvarlighet"] == "fel"  # every letter an error under SMARTA
    assert settings["regler"]["SM401"]["max"] == 7
    assert settings["regler"]["SM901"] == "av"
    assert "  SM307:  # målets-slag; satt av styrmodell.yaml" in proc.stdout
    assert "  SM401:  # mål-per-nämnd; satt av förinställningen smarta-7" in proc.stdout
    as_json = json.loads(run_styr("config", str(SMARTA), "--format", "json", "--regel", "SM704=av").stdout)
    assert as_json["regler"]["SM704"]["aktiv"] is False and as_json["regler"]["SM704"]["satt_av"] == ["--regel"]
    assert as_json["lager"][-1] == "--regel"
