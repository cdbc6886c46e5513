"""Dates of the annual wheel: holidays, weekends, election years, and the examples' wheels pinned."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import EXAMPLES
from styrmodell.arshjul.compute import wheel_year
from styrmodell.svenska.holidays import easter_sunday, holidays, non_working_reason
from styrmodell.validation.pipeline import validate

D = dt.date


@pytest.mark.parametrize(
    "year, easter",
    [
        (2024, D(2024, 3, 31)),
        (2025, D(2025, 4, 20)),
        (2026, D(2026, 4, 5)),
        (2027, D(2027, 3, 28)),
        (2030, D(2030, 4, 21)),
    ],
)
def test_easter(year, easter):
    assert easter_sunday(year) == easter


@pytest.mark.parametrize(
    "day, reason",
    [
        (D(2026, 4, 3), "långfredagen"),
        (D(2026, 4, 6), "annandag påsk"),
        (D(2026, 5, 14), "Kristi himmelsfärdsdag"),
        (D(2026, 6, 19), "midsommarafton"),
        (D(2026, 6, 20), "midsommardagen"),
        (D(2026, 10, 31), "alla helgons dag"),
        (D(2030, 6, 21), "midsommarafton"),
        (D(2030, 11, 2), "alla helgons dag"),
        (D(2030, 4, 19), "långfredagen"),
        (D(2025, 12, 24), "julafton"),
        (D(2026, 8, 29), "lördag"),
        (D(2030, 8, 31), "lördag"),
        (D(2026, 6, 7), "söndag"),
    ],
)
def test_non_working_days(day, reason):
    assert non_working_reason(day) == reason


def test_working_days():
    for day in (D(2026, 8, 31), D(2026, 10, 30), D(2026, 11, 30), D(2030, 4, 15), D(2026, 6, 18)):
        assert non_working_reason(day) is None
    assert len(holidays(2026)) == 16


def _wheel(name, year):
    return wheel_year(validate(EXAMPLES / name).repository, year)


def test_grastorp_2026_an_election_year():
    wheel = _wheel("grastorp", 2026)
    dates = {o.event.id: (o.start, o.end) for o in wheel.ordered()}
    assert dates["arsredovisning-ks"] == (D(2026, 4, 8), D(2026, 4, 8))  # last KS meeting on/before 15 April
    assert dates["arsredovisning-kf"] == (D(2026, 4, 27), D(2026, 4, 27))  # first KF meeting after 15 April
    assert dates["revisionsberattelse"] == (D(2026, 4, 20), D(2026, 4, 20))  # a week before KF
    assert dates["delar-ks"] == (D(2026, 9, 9), D(2026, 9, 9))
    assert dates["delar-revisorer"] == (D(2026, 9, 23), D(2026, 9, 23))
    assert dates["delar-kf"] == (D(2026, 9, 28), D(2026, 9, 28))
    assert dates["budget-ks"] == (D(2026, 10, 14), D(2026, 10, 14))
    assert dates["budget-kf"] == (D(2026, 10, 26), D(2026, 10, 26))  # newly elected KF, after 15 October
    assert dates["verksamhetsplaner"] == (D(2026, 11, 1), D(2026, 11, 30))
    assert not wheel.unresolved


def test_astorp_2026():
    dates = {o.event.id: o.due for o in _wheel("astorp", 2026).ordered()}
    assert dates["budget-kf"] == D(2026, 11, 30)
    assert dates["delarsrapport-kf"] == D(2026, 9, 28)
    assert dates["delarsrapport-revisorer"] == D(2026, 9, 23)
    assert dates["planeringsforutsattningar"] == D(2026, 6, 10)


def test_2030_without_a_meeting_calendar(repo_factory):
    """Dates that follow rules alone resolve in any year; meetings need that year's calendar."""
    wheel_text = (
        "årshjul:\n  händelser:\n"
        '    - {id: slut, namn: Delårsperioden slutar, typ: delårsrapport, när: {datum: "08-31"}}\n'
        "    - {id: prognos, namn: Prognos, typ: prognos, när: {efter: slut, dagar: 14}}\n"
        '    - {id: kf, namn: KF, typ: budget, organ: kf, när: {möte: kf, före: "11-30"}}\n'
    )
    root = repo_factory(files={"arshjul.yaml": wheel_text})
    wheel = wheel_year(validate(root).repository, 2030)
    assert wheel.occurrences["slut"].due == D(2030, 8, 31)  # a Saturday: kept, and warned about
    assert wheel.occurrences["prognos"].due == D(2030, 9, 14)
    assert "inga sammanträden för 'kf' under 2030" in wheel.unresolved["kf"].reason
    moved = repo_factory(
        files={"arshjul.yaml": wheel_text},
        replace={"styrmodell.yaml": [["regler:", "årshjul:\n  helgdag: flytta före\nregler:"]]},
    )
    wheel = wheel_year(validate(moved).repository, 2030)
    assert wheel.occurrences["slut"].due == D(2030, 8, 30)
    assert wheel.occurrences["slut"].moved_from == D(2030, 8, 31)


def test_2030_is_an_election_year_for_the_budget_rule(repo_factory):
    wheel_text = (
        "årshjul:\n  händelser:\n"
        '    - {id: budget-kf, namn: Budget, typ: budget, organ: kf, avser: budgetbeslut, när: {möte: kf, före: "11-30"}}\n'
        "  sammanträden:\n    kf: [2030-06-17, 2030-09-30]\n"
    )
    config = [["regler:", "årshjul:\n  år: 2030\nregler:"]]
    root = repo_factory(files={"arshjul.yaml": wheel_text}, replace={"styrmodell.yaml": config})
    codes = [f.code for f in validate(root).findings]
    assert "SM922" in codes  # 30 September 2030 is before the new council takes office
    fixed = repo_factory(
        files={"arshjul.yaml": wheel_text.replace("2030-09-30", "2030-11-25")}, replace={"styrmodell.yaml": config}
    )
    assert "SM922" not in [f.code for f in validate(fixed).findings]
    ordinary = repo_factory(
        files={"arshjul.yaml": wheel_text.replace("2030-", "2029-")},
        replace={"styrmodell.yaml": [["regler:", "årshjul:\n  år: 2029\nregler:"]]},
    )
    assert "SM922" not in [f.code for f in validate(ordinary).findings]  # 2029: not an election year


def test_the_drawn_wheels_legend_names_every_ring():
    """Each ring's legend line names its own kind of event (it once named the last event's kind for all)."""
    import re

    from styrmodell.arshjul.drawing import svg

    repo = validate(EXAMPLES / "grastorp", need_model=True).repository
    wheel = wheel_year(repo, 2026)
    drawn = svg(wheel, None, "Årshjul 2026", None)
    legend = re.findall(r"Ring (\d+) \(inifrån\): ([^<]+)</text>", drawn)
    kinds = sorted({o.event.typ for o in wheel.ordered()})
    assert [kind for _, kind in legend] == kinds and len(kinds) > 3
