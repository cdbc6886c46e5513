"""Goal attainment against hand-computed cases, including the edges the reports depend on."""

from __future__ import annotations

import pytest

from styrmodell.model.goals import Indicator
from styrmodell.reports.attainment import Status, goal_status, indicator_status
from styrmodell.validation.pipeline import validate


def _indicator(direction, targets, outcomes):
    return Indicator(id="i", namn="I", enhet="%", riktning=direction, målvärden=targets, utfall=outcomes)


@pytest.mark.parametrize(
    "direction, target, outcome, status",
    [
        ("högre", 80, None, Status.EJ_MATT),  # no outcome: never a silent blank
        ("högre", 80, 80, Status.UPPNATT),  # equal to target
        ("högre", 80, 76.5, Status.DELVIS),  # 3.5 below, within 5 % of 80 (= 4)
        ("högre", 80, 75.9, Status.EJ_UPPNATT),  # 4.1 below
        ("högre", 2.0, 1.9, Status.DELVIS),  # exactly 5 % below (in floats, 0.1000…09 > 0.1)
        ("högre", 2.0, 1.89, Status.EJ_UPPNATT),
        ("lägre", 30, 29, Status.UPPNATT),  # lower is better
        ("lägre", 30, 31.5, Status.DELVIS),  # 1.5 above, within 1.5
        ("lägre", 30, 31.6, Status.EJ_UPPNATT),
    ],
)
def test_indicator_status(direction, target, outcome, status):
    indicator = _indicator(direction, {2026: target}, {"2026": outcome} if outcome is not None else {})
    assert indicator_status(indicator, "2026").status == status


def _cumulative(**fields):
    return Indicator(
        id="lgh", namn="Färdigställda lägenheter", enhet="antal", riktning="högre", ackumulerad=True,
        målvärden={2026: 60}, utfall={"2026-04": 24, "2026-08": 36, "2026": 58}, **fields,
    )  # fmt: skip


def test_a_cumulative_indicator_is_judged_against_the_interim_target_during_the_year():
    """Åstorp's flats: 36 of the year's 60 by August is on track, when the plan says 36 by August."""
    indicator = _cumulative(delmål={"2026-04": 24, "2026-08": 36})
    august = indicator_status(indicator, "2026-08")
    assert august.status == Status.UPPNATT and "utfall 36 mot delmålet för 2026-08 36" in august.reason
    assert indicator_status(indicator, "2026-04").status == Status.UPPNATT
    # 34 against the interim 36 is within 5 % of it: delvis; the year is judged against 60
    assert (
        indicator_status(
            _cumulative(delmål={"2026-08": 36}).model_copy(update={"utfall": {"2026-08": 34.5}}), "2026-08"
        ).status
        == Status.DELVIS
    )
    assert indicator_status(indicator, "2026").status == Status.DELVIS  # 58 of 60, within 5 %
    # without an interim target for the period: not measured, never "ej uppnått" against the year
    bare = _cumulative()
    judgement = indicator_status(bare, "2026-08")
    assert judgement.status == Status.EJ_MATT and "delmål saknas för 2026-08" in judgement.reason
    # the same outcome for an indicator that is not cumulative: against the year's 60
    plain = Indicator(id="p", namn="P", enhet="antal", riktning="högre", målvärden={2026: 60}, utfall={"2026-08": 36})
    assert indicator_status(plain, "2026-08").status == Status.EJ_UPPNATT


def test_an_interim_target_for_a_whole_year_is_refused():
    with pytest.raises(ValueError, match="delmål gäller en period under året"):
        _cumulative(delmål={"2026": 60})


def test_interim_period_is_judged_against_the_year_target():
    indicator = _indicator("högre", {2026: 80}, {"2026-08": 81})
    judgement = indicator_status(indicator, "2026-08")
    assert judgement.status == Status.UPPNATT and "utfall 81 mot målvärde 80" in judgement.reason
    assert indicator_status(indicator, "2027").status == Status.EJ_MATT


GOALS = """organ: bun
mål:
  - {id: bun-a, nivå: nämndmål, text: A 2026, tjänar: [kf-utbildning], period: {från: 2023, till: 2026}, ansvarig: fc-bf, beslut: {organ: bun, datum: 2022-12-14}}
  - {id: bun-b, nivå: nämndmål, text: B 2026, tjänar: [kf-utbildning], period: {från: 2023, till: 2026}, ansvarig: fc-bf, beslut: {organ: bun, datum: 2022-12-14},
     bedömningsmetod: Förvaltningens bedömning, bedömningar: {"2025": {status: ej uppnått, motivering: Fler kränkningar än året före.}}}
indikatorer:
  - {id: a1, namn: A1, mål: [bun-a], enhet: "%", riktning: högre, bas: {år: 2022, värde: 50}, målvärden: {2025: 60}, utfall: {2025: 61}}
  - {id: a2, namn: A2, mål: [bun-a], enhet: dagar, riktning: lägre, bas: {år: 2022, värde: 40}, målvärden: {2025: 30}, utfall: {2025: 31}}
"""


def test_goals_roll_up_to_the_kf_goal(repo_factory):
    config = [["regler:", "regler:\n  mål-utan-mätning: {tillåt_bedömning: true}"]]
    root = repo_factory(files={"organ/bun/extra.yaml": GOALS}, replace={"styrmodell.yaml": config})
    repo = validate(root).repository
    # bun-a: a1 met (1), a2 misses 30 by 1, within 1.5 (½): mean 0.75 < 0.8 → delvis
    a = goal_status(repo, "bun-a", "2025")
    assert a.status == Status.DELVIS
    assert a.reason == "2 indikatorer: 1 uppnått, 1 delvis uppnått (vägd andel)"
    # bun-b is not measurable; the recorded assessment decides, with its reasons
    b = goal_status(repo, "bun-b", "2025")
    assert b.status == Status.EJ_UPPNATT and "Fler kränkningar" in b.reason
    assert goal_status(repo, "bun-b", "2026").status == Status.EJ_MATT
    # the KF goal: bun-behorighet (outcome 85.6 ≥ 85 → uppnått, 1), bun-a (½), bun-b (0): mean ½ → delvis
    kf = goal_status(repo, "kf-utbildning", "2025")
    assert kf.status == Status.DELVIS
    assert kf.reason == "3 mål under: 1 uppnått, 1 delvis uppnått, 1 ej uppnått (vägd andel)"
    assert {part[0]: part[1] for part in kf.parts} == {
        "bun-behorighet": Status.UPPNATT,
        "bun-a": Status.DELVIS,
        "bun-b": Status.EJ_UPPNATT,
    }


@pytest.mark.parametrize(
    "method, expected", [("alla", Status.DELVIS), ("sämsta", Status.EJ_UPPNATT), ("andel", Status.DELVIS)]
)
def test_the_method_is_the_municipalitys_choice(repo_factory, method, expected):
    config = [
        ["regler:", f"måluppfyllelse: {{metod: {method}}}\nregler:\n  mål-utan-mätning: {{tillåt_bedömning: true}}"]
    ]
    root = repo_factory(files={"organ/bun/extra.yaml": GOALS}, replace={"styrmodell.yaml": config})
    assert goal_status(validate(root).repository, "kf-utbildning", "2025").status == expected


def test_nothing_measured_is_ej_matt(repo_factory):
    repo = validate(repo_factory()).repository
    judgement = goal_status(repo, "kf-utbildning", "2027")
    assert judgement.status == Status.EJ_MATT


def test_a_yearly_indicator_in_an_interim_period_is_judged_by_its_latest_year():
    survey = _indicator("högre", {2025: 70, 2026: 72}, {"2024": 66, "2025": 71})
    judgement = indicator_status(survey, "2026-08")
    # no outcome of its own for January–August: the 2025 survey against the 2025 target
    assert judgement.status == Status.UPPNATT
    assert judgement.reason == "mäts per år, senast 2025: utfall 71 mot målvärde 70 (högre är bättre)"
    monthly = _indicator("högre", {2026: 80}, {"2025-08": 79, "2025": 81})
    assert indicator_status(monthly, "2026-08").status == Status.EJ_MATT  # measured per period: missing


def test_an_analysis_without_a_status_does_not_override_the_indicators(repo_factory):
    config = [["regler:", "regler:\n  mål-utan-mätning: {tillåt_bedömning: true}"]]
    extra = GOALS.replace(
        "ansvarig: fc-bf, beslut: {organ: bun, datum: 2022-12-14}}\n  - {id: bun-b",
        "ansvarig: fc-bf, beslut: {organ: bun, datum: 2022-12-14}, "
        'bedömningar: {"2025": {analys: Fler ansökningar än väntat., slutsats: Rutinen ses över.}}}\n  - {id: bun-b',
        1,
    )
    root = repo_factory(files={"organ/bun/extra.yaml": extra}, replace={"styrmodell.yaml": config})
    repo = validate(root).repository
    assert repo.goal_by_id["bun-a"].bedömningar["2025"].analys == "Fler ansökningar än väntat."
    assert goal_status(repo, "bun-a", "2025").status == Status.DELVIS  # still from a1 and a2


SCALE = ["saknas", "påbörjade", "etablerade", "fullt införda"]


@pytest.mark.parametrize(
    "target, outcome, steps, status",
    [
        ("etablerade", "etablerade", 1, Status.UPPNATT),
        ("etablerade", "fullt införda", 1, Status.UPPNATT),
        ("etablerade", "påbörjade", 1, Status.DELVIS),  # one step below
        ("etablerade", "saknas", 1, Status.EJ_UPPNATT),  # two steps below
        ("etablerade", "påbörjade", 0, Status.EJ_UPPNATT),  # the municipality allows no step
    ],
)
def test_a_qualitative_indicator_is_judged_on_its_scale(target, outcome, steps, status):
    indicator = Indicator.model_validate(
        {"id": "i", "namn": "Rutiner", "skala": SCALE, "målvärden": {2026: target}, "utfall": {"2026": outcome}}
    )
    judgement = indicator_status(indicator, "2026", partial_steps=steps)
    assert judgement.status == status
    assert f"utfall ”{outcome}” mot målvärde ”{target}”" in judgement.reason
    # what `styr diff` compares and shows are the scale's words, not its step numbers
    assert indicator.model_dump(mode="json")["utfall"] == {"2026": outcome}


def test_a_value_off_the_scale_is_a_schema_error():
    with pytest.raises(ValueError, match="'etablerad' är inte ett steg på skalan – menade du 'etablerade'"):
        Indicator.model_validate({"id": "i", "namn": "R", "skala": SCALE, "utfall": {"2026": "etablerad"}})
