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


# --- seed 001's whole "Översikt Året", one event per cell --------------------------------------

SMARTA = EXAMPLES.parent / "tests" / "repos" / "smarta"

# Every cell of the overview, by the id it has in tests/repos/smarta/arshjul.yaml; the two cells
# of monthly reports (one in each half of the year) are one recurring event.
CELLS = {
    "strategisk-plan", "upptakt", "atgarder-mars", "budgetsamtal", "atgarder-maj", "rambudget-kf",
    "manadsrapporter", "revisorer-ar", "arsredovisning-kf", "motioner-var", "uppdrag-maj",
    "info-kf-atgarder-mars", "partistod", "bolag-arsredovisning", "bolag-rapport-mars", "bolag-andamal",
    "bolagsstamma", "bolag-rapport-maj", "bolag-forbattring", "sammanstallning-bokslut",
    "atgarder-oktober", "verksamhetsplaner-kf", "omprovning", "delar-period", "info-kf-atgarder-maj",
    "delar-revisorer", "motioner-host", "delar-kf", "uppdrag-november", "brytpunkt-ar",
    "atgarder-resultat", "internkontroll-ks", "bolag-delar", "bolag-rapport-oktober", "affarsplan-kf",
    "verksamhetsplanering", "verksamhetsplaner-beslut",
}  # fmt: skip


def _day(year: int, text: str) -> D:
    return D(year, int(text[:2]), int(text[3:]))


# Worked out by hand from the rules in arshjul.yaml and the meeting calendar: (start, end) or a day.
# 2026 is an election year; 2027 the first year of the new mandate period.
EXPECTED = {
    2026: {
        "upptakt": ("02-01", "02-28"), "atgarder-mars": ("03-01", "03-31"), "budgetsamtal": ("04-01", "04-30"),
        "atgarder-maj": ("05-01", "05-31"),
        "revisorer-ar": "04-20", "arsredovisning-kf": "04-27", "motioner-var": "04-27", "uppdrag-maj": "05-19",
        "info-kf-atgarder-mars": "04-27", "partistod": "06-30",
        "bolag-arsredovisning": "02-27",  # 1 March 2026 is a Sunday: the deadline moves to the Friday before
        "bolag-rapport-mars": "03-31", "bolag-andamal": "04-30", "bolagsstamma": "04-30",
        "bolag-rapport-maj": "05-31",  # a Sunday, but "per 31/5" is a balance date: it stays
        "bolag-forbattring": "06-30", "sammanstallning-bokslut": ("01-01", "03-31"),
        "atgarder-oktober": ("10-01", "10-31"), "verksamhetsplaner-kf": "11-23", "omprovning": "11-23",
        "delar-period": "08-31", "info-kf-atgarder-maj": "09-28", "delar-revisorer": "10-19", "motioner-host": "10-26",
        "delar-kf": "10-26", "uppdrag-november": "11-10",
        "brytpunkt-ar": "12-31",  # nyårsafton, but a balance date
        "atgarder-resultat": "12-08",
        "internkontroll-ks": "12-30",  # a deadline on nyårsafton moves to the day before
        "bolag-delar": "08-31", "bolag-rapport-oktober": "10-31", "affarsplan-kf": "12-14",
        "verksamhetsplanering": ("07-01", "11-30"), "verksamhetsplaner-beslut": ("11-01", "11-30"),
        "arsredovisning-ks": "04-14", "ansvarsfrihet": "04-27", "delar-ks": "09-15",
        "skattesats-ks-valar": "10-13", "rambudget-ks-valar": "11-10", "skattesats-kf-valar": "11-23",
        "rambudget-kf-valar": "12-14",
    },
    2027: {
        "strategisk-plan": "06-14",  # the year after the election: KF's last meeting by June
        "upptakt": ("02-01", "02-28"), "atgarder-mars": ("03-01", "03-31"), "budgetsamtal": ("04-01", "04-30"),
        "atgarder-maj": ("05-01", "05-31"), "rambudget-kf": "06-14",
        "revisorer-ar": "04-19", "arsredovisning-kf": "04-26", "motioner-var": "04-26", "uppdrag-maj": "05-18",
        "info-kf-atgarder-mars": "04-26", "partistod": "06-30", "bolag-arsredovisning": "03-01",
        "bolag-rapport-mars": "03-31", "bolag-andamal": "04-30", "bolagsstamma": "04-30", "bolag-rapport-maj": "05-31",
        "bolag-forbattring": "06-30", "sammanstallning-bokslut": ("01-01", "03-31"),
        "atgarder-oktober": ("10-01", "10-31"), "verksamhetsplaner-kf": "11-22", "omprovning": "11-22",
        "delar-period": "08-31", "info-kf-atgarder-maj": "09-27", "delar-revisorer": "10-18", "motioner-host": "10-25",
        "delar-kf": "10-25", "uppdrag-november": "11-09", "brytpunkt-ar": "12-31", "atgarder-resultat": "12-07",
        "internkontroll-ks": "12-30", "bolag-delar": "08-31",
        "bolag-rapport-oktober": "10-31",  # a Sunday: stays
        "affarsplan-kf": "12-13", "verksamhetsplanering": ("07-01", "11-30"),
        "verksamhetsplaner-beslut": ("11-01", "11-30"),
        "arsredovisning-ks": "04-13", "ansvarsfrihet": "04-26", "delar-ks": "09-14", "rambudget-ks": "05-18",
    },
}  # fmt: skip
MONTHLY = {
    2026: ["01-20", "02-10", "03-17", "04-14", "05-19", "08-25", "09-15", "10-13", "11-10", "12-08"],
    2027: ["01-19", "02-09", "03-16", "04-13", "05-18", "08-24", "09-14", "10-12", "11-09", "12-07"],
}


@pytest.mark.parametrize("year", [2026, 2027])
def test_the_overview_of_the_year_in_2026_and_2027(year):
    repo = validate(SMARTA).repository
    events = {e.id for w in repo.wheels for e in w.händelser}
    assert events >= CELLS and len(CELLS) == 37  # 38 cells; the monthly reports are one event
    wheel = wheel_year(repo, year)
    assert not wheel.unresolved and not wheel.gaps
    got = {}
    for event_id, occurrence in wheel.occurrences.items():
        if event_id in ("manadsrapporter", "bokslutsprognoser"):
            continue
        got[event_id] = (occurrence.start, occurrence.end)
    expected = {
        event_id: (_day(year, v[0]), _day(year, v[1])) if isinstance(v, tuple) else (_day(year, v), _day(year, v))
        for event_id, v in EXPECTED[year].items()
    }
    assert got == expected
    # recurring: monthly to kommunstyrelsen except June and July, at its first meeting of the month
    assert [o.start for o in wheel.series["manadsrapporter"]] == [_day(year, d) for d in MONTHLY[year]]
    # the forecasts per 31/3, 31/5 and 31/10 are balance dates: never moved
    prognoses = wheel.series["bokslutsprognoser"]
    assert [o.due for o in prognoses] == [D(year, 3, 31), D(year, 5, 31), D(year, 10, 31)]
    assert all(o.balance and o.moved_from is None for o in prognoses)
    # mandate-relative: the election year has its own budget route, the year after the strategic plan
    absent = (
        {"strategisk-plan", "rambudget-kf", "rambudget-ks"}
        if year == 2026
        else {"skattesats-ks-valar", "rambudget-ks-valar", "skattesats-kf-valar", "rambudget-kf-valar"}
    )
    assert absent == wheel.absent


def test_balance_dates_never_move_whatever_the_holiday_setting(repo_factory):
    wheel_text = (
        "årshjul:\n  händelser:\n"
        '    - {id: per, namn: Per 31/5, typ: prognos, när: {datum: "05-31", balansdag: ja}}\n'
        '    - {id: frist, namn: Senast 31/5, typ: prognos, när: {datum: "05-31"}}\n'
        "    - {id: brytpunkt, namn: Brytpunkt, typ: årsredovisning, när: {månader: [5, 10], dag: sista, balansdag: ja}}\n"
    )
    for policy, moved in (("flytta före", D(2026, 5, 29)), ("flytta efter", D(2026, 6, 1))):
        root = repo_factory(
            files={"arshjul.yaml": wheel_text},
            replace={"styrmodell.yaml": [["regler:", f"årshjul:\n  helgdag: {policy}\nregler:"]]},
        )
        wheel = wheel_year(validate(root).repository, 2026)
        assert wheel.occurrences["per"].due == D(2026, 5, 31) and wheel.occurrences["per"].moved_from is None
        assert wheel.occurrences["frist"].due == moved
        assert [o.due for o in wheel.series["brytpunkt"]] == [D(2026, 5, 31), D(2026, 10, 31)]
    codes = [f.code for f in validate(repo_factory(files={"arshjul.yaml": wheel_text})).findings]
    assert (
        codes.count("SM927") == 1
    )  # the deadline on a weekend is warned about (2025 and 2026), the balance dates never


def test_spans_recurrence_and_organ_kinds(repo_factory):
    wheel_text = (
        "årshjul:\n  händelser:\n"
        "    - {id: vinter, namn: Över årsskiftet, typ: budget, när: {från: 11, till: 2}}\n"
        '    - {id: efter-budget, namn: Efter budgeten, typ: budget, när: {från: budget, till: "11-30"}}\n'
        '    - {id: budget, namn: Budget, typ: budget, organ: kf, när: {datum: "06-15"}}\n'
        "    - {id: kvartal, namn: Kvartal, typ: prognos, organtyp: [ks, nämnd], när: {månader: [mar, jun, sep, dec], dag: 15}}\n"
        "    - {id: bun-och-ks, namn: Två organ, typ: dialog, organ: [bun, ks], när: {månad: 9}}\n"
    )
    root = repo_factory(files={"arshjul.yaml": wheel_text})
    repo = validate(root).repository
    wheel = wheel_year(repo, 2026)
    assert (wheel.occurrences["vinter"].start, wheel.occurrences["vinter"].end) == (D(2026, 11, 1), D(2027, 2, 28))
    assert (wheel.occurrences["efter-budget"].start, wheel.occurrences["efter-budget"].end) == (
        D(2026, 6, 15),
        D(2026, 11, 30),
    )
    assert [o.due.month for o in wheel.series["kvartal"]] == [3, 6, 9, 12]
    assert wheel.organs(wheel.events["kvartal"]) == ["ks", "bun"]
    assert wheel.who(wheel.events["kvartal"]) == "Kommunstyrelsen och nämnderna"
    assert wheel.who(wheel.events["bun-och-ks"]) == "Barn- och utbildningsnämnden och Kommunstyrelsen"
    from styrmodell.arshjul.compute import occurrences_for

    assert {o.event.id for o in occurrences_for(wheel, "bun")} == {"kvartal", "bun-och-ks"}


def test_a_wheel_for_next_year_without_its_calendar_is_reported_once(repo_factory):
    wheel_text = (
        "årshjul:\n  händelser:\n"
        '    - {id: a, namn: A, typ: budget, organ: kf, när: {möte: kf, före: "06-30"}}\n'
        '    - {id: b, namn: B, typ: budget, organ: kf, när: {möte: kf, efter: "08-31"}}\n'
        "    - {id: c, namn: C, typ: uppföljning, organ: ks, när: {varje: månad, utom: [7], möte: ks}}\n"
        "    - {id: d, namn: D, typ: uppföljning, organ: ks, när: {efter: b, dagar: 7}}\n"
        "  sammanträden:\n    kf: [2026-06-15, 2026-09-28]\n    ks: [2026-01-20]\n"
    )
    root = repo_factory(
        files={"arshjul.yaml": wheel_text}, replace={"styrmodell.yaml": [["regler:", "årshjul:\n  år: 2027\nregler:"]]}
    )
    findings = [f for f in validate(root).findings if f.code in ("SM928", "SM930")]
    assert [f.code for f in findings] == ["SM930"], [f.message for f in findings]
    assert findings[0].message.startswith("sammanträdeskalendern för 2027 saknas för kf, ks: 4 händelser")
    assert "styr nytt-ar 2027" in findings[0].message


def test_the_election_year_budget_route_in_the_smarta_wheel(tmp_path):
    """2026: December with a November tax-rate decision and stated reasons is lawful (KL 11 kap. 11 §);
    without the reasons it is an error that cites KL 11 kap. 10–11 §§."""
    import shutil

    assert not [f for f in validate(SMARTA).findings if f.code in ("SM921", "SM922")]
    root = tmp_path / "smarta"
    shutil.copytree(SMARTA, root)
    path = root / "arshjul.yaml"
    text = path.read_text("utf-8")
    start = text.index("      särskilda_skäl: >\n        Valår: det nyvalda fullmäktige tillträdde")
    end = text.index("      beroenden: [rambudget-ks-valar, skattesats-kf-valar]")
    path.write_text(text[:start] + text[end:], "utf-8")
    found = [f for f in validate(root).findings if f.code == "SM922"]
    assert len(found) == 1, [f.message for f in found]
    assert "2026-12-14, efter november" in found[0].message
    assert found[0].message.endswith("(KL 11 kap. 10–11 §§)")
    without_tax = text.replace("      avser: skattesatsbeslut\n", "")
    path.write_text(without_tax, "utf-8")
    messages = [f.message for f in validate(root).findings if f.code == "SM922"]
    assert any("skattesatsen före november månads utgång" in m and m.endswith("(KL 11 kap. 11 §)") for m in messages)


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
