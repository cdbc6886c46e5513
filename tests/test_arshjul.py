"""styr arshjul (text, .ics read back by a real iCalendar parser, a wheel rendered in Chromium) and styr deadlines."""

from __future__ import annotations

import itertools

from conftest import EXAMPLES, needs_chromium, run_styr, screenshot


def test_month_by_month():
    proc = run_styr("arshjul", str(EXAMPLES / "grastorp"), "--år", "2026")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith("Årshjul 2026")
    assert out.index("Januari") < out.index("Augusti") < out.index("December")
    assert "26 okt        Kommunfullmäktige" in out and "lagstadgad: budgetbeslut" in out
    only_mbn = run_styr("arshjul", str(EXAMPLES / "grastorp"), "--år", "2026", "--organ", "kf").stdout
    assert "Kommunstyrelsen lämnar" not in only_mbn and "Fullmäktige behandlar delårsrapporten" in only_mbn
    unknown = run_styr("arshjul", str(EXAMPLES / "grastorp"), "--organ", "kff")
    assert unknown.returncode == 2 and "menade du" in unknown.stderr


def test_ics_is_read_back_with_stable_uids(tmp_path):
    from icalendar import Calendar

    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    for target in (first, second):
        proc = run_styr("arshjul", str(EXAMPLES / "astorp"), "--år", "2026", "--ics", str(target))
        assert proc.returncode == 0, proc.stderr
    assert first.read_bytes() == second.read_bytes()  # a re-export updates, never duplicates
    calendar = Calendar.from_ical(first.read_bytes())
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == 20  # every event of the Åstorp wheel
    budget = events["1277-budget-kf-2026@styrmodell"]
    assert budget.decoded("dtstart").isoformat() == "2026-11-30"
    assert str(budget["summary"]).startswith("Fullmäktige beslutar skattesats och budget")
    month = events["1277-namndsmal-internbudget-2026@styrmodell"]
    assert (month.decoded("dtstart").isoformat(), month.decoded("dtend").isoformat()) == ("2026-12-01", "2027-01-01")
    other_year = tmp_path / "c.ics"
    run_styr("arshjul", str(EXAMPLES / "astorp"), "--år", "2027", "--ics", str(other_year))
    assert "1277-budgetdag-2027@styrmodell" in other_year.read_text("utf-8")


def test_svg_is_autoescaped(repo_factory):
    wheel = (
        'årshjul:\n  händelser:\n    - {id: x, namn: "<script>alert(1)</script>", typ: budget, när: {datum: "03-15"}}\n'
    )
    root = repo_factory(files={"arshjul.yaml": wheel})
    svg = run_styr("arshjul", str(root), "--format", "svg").stdout
    assert "<script>" not in svg and "&lt;script&gt;" in svg


@needs_chromium
def test_wheel_renders_in_headless_chromium(tmp_path):
    page = tmp_path / "hjul.html"
    assert (
        run_styr("arshjul", str(EXAMPLES / "astorp"), "--år", "2026", "--format", "html", "-o", str(page)).returncode
        == 0
    )
    data = screenshot(page, tmp_path)
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000  # a drawn wheel, not a blank page


def test_deadlines_report_what_is_missing():
    proc = run_styr("frister", str(EXAMPLES / "grastorp"), "--datum", "2026-09-01", "--inom", "30d")
    assert proc.returncode == 0, proc.stderr
    assert "2026-09-28 Fullmäktige behandlar delårsrapporten (om 27 dagar)" in proc.stdout
    assert "saknas: 12 indikatorer saknar utfall för perioden 2026-08" in proc.stdout
    strict = run_styr("frister", str(EXAMPLES / "grastorp"), "--datum", "2026-09-01", "--inom", "30d", "--strikt")
    assert strict.returncode == 1
    quiet = run_styr("frister", str(EXAMPLES / "grastorp"), "--datum", "2026-07-01", "--inom", "2v", "--strikt")
    assert quiet.returncode == 0 and "inget" in quiet.stdout
    assert run_styr("frister", str(EXAMPLES / "grastorp"), "--inom", "snart").returncode == 2


def test_deadlines_check_every_report_due_as_the_report_would_print_it(tmp_path):
    """A report due in the window is made for the period it covers on that day, and what it would
    print as "Uppgift saknas" is listed under the event; filling it in removes the line."""
    import shutil

    root = tmp_path / "smarta"
    shutil.copytree(EXAMPLES.parent / "tests" / "repos" / "smarta", root)
    args = ("frister", str(root), "--datum", "2026-04-01", "--inom", "30d")
    proc = run_styr(*args)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    start = lines.index(
        "  2026-04-27 Årsredovisning och bokslut i fullmäktige, med uppföljning av den strategiska planen (om 26 dagar)"
    )
    assert lines[start + 1] == '    Årsredovisning – måluppfyllelse 2025 skulle skriva "Uppgift saknas" för:'
    listed = "\n".join(lines[start + 2 :])
    assert (
        "Smarta kommun: kommunens egen bedömning av god ekonomisk hushållning (ekonomi: god_ekonomisk_hushållning)"
        in listed
    )
    assert run_styr(*args, "--strikt").returncode == 1
    economy = root / "organ" / "kf" / "ekonomi-2025.yaml"
    text = economy.read_text("utf-8")
    economy.write_text(
        text.replace(
            "    2025:\n",
            "    2025:\n      god_ekonomisk_hushållning: Kommunen nådde god ekonomisk hushållning 2025.\n",
            1,
        ),
        "utf-8",
    )
    after = run_styr(*args)
    assert after.returncode == 0, after.stderr
    assert "god ekonomisk hushållning" not in after.stdout and "skulle skriva" in after.stdout
    # a forecast per a balance date covers the period that ends that day: per 31/5 is January–May
    may = run_styr("frister", str(root), "--datum", "2026-05-25", "--inom", "7d")
    assert "2026-05-31 Bokslutsprognos för helåret, meddelas fullmäktige (om 6 dagar)" in may.stdout
    assert "går inte att kontrollera" not in may.stdout and "skulle skriva" not in may.stdout
    forecasts = root / "organ" / "kf" / "ekonomi-2026.yaml"
    text = forecasts.read_text("utf-8")
    forecasts.write_text(text[: text.index("    2026-05:")] + text[text.index("    2026-08:") :], "utf-8")
    lines = run_styr("frister", str(root), "--datum", "2026-05-25", "--inom", "7d").stdout.splitlines()
    start = lines.index("  2026-05-31 Bokslutsprognos för helåret, meddelas fullmäktige (om 6 dagar)")
    assert lines[start + 1] == '    Bokslutsprognos januari–maj 2026 skulle skriva "Uppgift saknas" för:'
    assert (
        "Smarta kommun: resultaträkning för januari–maj 2026 (ekonomi: perioder: 2026-05: utfall)" in lines[start + 2]
    )


def test_every_event_of_the_wheel_is_labelled_in_the_drawing(tmp_path):
    """A printed wheel says what it shows: each event's number stands in the drawing beside its marks, and
    the numbered key under the wheel has the event's whole name (wrapped over lines) after that number."""
    import re
    import xml.etree.ElementTree as ET

    from styrmodell.arshjul.compute import occurrences_for, wheel_year
    from styrmodell.validation.pipeline import validate

    for example in ("grastorp", "astorp"):
        target = tmp_path / f"{example}.svg"
        proc = run_styr("arshjul", str(EXAMPLES / example), "--år", "2026", "-f", "svg", "-o", str(target))
        assert proc.returncode == 0, proc.stderr
        root = ET.fromstring(target.read_text("utf-8"))
        texts = [("".join(t.itertext()), t) for t in root.iter("{http://www.w3.org/2000/svg}text")]
        repo = validate(EXAMPLES / example, need_model=True).repository
        events = list({o.event.id: o.event for o in occurrences_for(wheel_year(repo, 2026), None)}.values())
        assert len(events) > 10
        badges = [text for text, element in texts if element.get("font-size") == "11"]
        key_numbers = [text for text, element in texts if element.get("text-anchor") == "end" and text.isdigit()]
        assert key_numbers == [str(n) for n in range(1, len(events) + 1)]
        key = " ".join(text for text, element in texts if element.get("font-size") == "12" and not text.isdigit())
        key = re.sub(r"\s+", " ", key)
        for number, event in enumerate(events, start=1):
            assert str(number) in badges, f"{example}: nummer {number} ({event.namn}) står inte i hjulet"
            assert " ".join(event.namn.split()) in key, f"{example}: {event.namn} står inte i förteckningen"


def test_the_wheel_s_rings_differ_in_greyscale_and_by_shape():
    from styrmodell.arshjul.drawing import PALETTE, SHAPES

    def lightness(colour: str) -> float:
        r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    for first, second in itertools.pairwise(PALETTE):
        assert abs(lightness(first) - lightness(second)) > 0.2, (first, second)
    assert len(set(SHAPES)) == 4


def test_datum_sets_today_in_the_wheel_and_the_calendar(tmp_path):
    import vobject
    from icalendar import Calendar

    svg_a, svg_b = tmp_path / "a.svg", tmp_path / "b.svg"
    for target in (svg_a, svg_b):
        proc = run_styr("arshjul", str(EXAMPLES / "grastorp"), "-f", "svg", "--datum", "2026-09-15", "-o", str(target))
        assert proc.returncode == 0, proc.stderr
    assert svg_a.read_bytes() == svg_b.read_bytes()
    assert "i dag, 15 september 2026" in svg_a.read_text("utf-8")

    early, late = tmp_path / "early.ics", tmp_path / "late.ics"
    for day, target in (("2026-03-01", early), ("2026-09-15", late)):
        proc = run_styr("arshjul", str(EXAMPLES / "astorp"), "--år", "2026", "--datum", day, "--ics", str(target))
        assert proc.returncode == 0, proc.stderr
    # icalendar and vobject, two independent parsers, read the same events with the same stamps
    first = {str(e["uid"]): e for e in Calendar.from_ical(early.read_bytes()).walk("VEVENT")}
    second = {str(e["uid"]): e for e in Calendar.from_ical(late.read_bytes()).walk("VEVENT")}
    assert first.keys() == second.keys() and len(first) == 20
    for uid, event in second.items():
        assert int(event["sequence"]) > int(first[uid]["sequence"]), "en senare export är en uppdatering"
        assert event.decoded("dtstamp") > first[uid].decoded("dtstamp")
    parsed = vobject.readOne(late.read_text("utf-8"))
    events = {e.uid.value: e for e in parsed.vevent_list}
    assert events.keys() == second.keys()
    budget = events["1277-budget-kf-2026@styrmodell"]
    assert budget.dtstamp.value.isoformat() == "2026-09-15T00:00:00+00:00"
    assert int(budget.sequence.value) == int(second["1277-budget-kf-2026@styrmodell"]["sequence"])
    assert budget.dtstart.value.isoformat() == "2026-11-30"
    assert budget.summary.value.startswith("Fullmäktige beslutar skattesats och budget")
    assert "Typ: budget" in budget.description.value

    bad = run_styr("arshjul", str(EXAMPLES / "astorp"), "--datum", "15 sept")
    assert bad.returncode == 2 and "ÅÅÅÅ-MM-DD" in bad.stderr and "Traceback" not in bad.stderr
