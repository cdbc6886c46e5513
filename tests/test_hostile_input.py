"""Every input is a finding or a clean error: scalars, numbers, dates, sizes, and what the commands do
with a repository they cannot read whole. Never exit 3, never a traceback."""

from __future__ import annotations

import json
import math
import re

import pytest

from conftest import EXAMPLES, run_styr
from styrmodell.load.yamlload import load_text
from styrmodell.validation.pipeline import validate

# --- scalars: anything libyaml resolves is a value or a finding ---------------------------------


@pytest.mark.parametrize(
    "text, value, problem",
    [
        ("a: 1:30.5\n", "1:30.5", None),  # sexagesimal: text, as in YAML 1.2
        ("a: 1:30\n", "1:30", None),
        ("a: 190:20:30.15\n", "190:20:30.15", None),
        ("a: 0b_\n", "0b_", "SM101"),
        ("a: 0x_\n", "0x_", "SM101"),
        ("a: !!int abc\n", "abc", "SM101"),
        ("a: !!float abc\n", "abc", "SM101"),
        ("a: !!bool kanske\n", "kanske", "SM101"),
        ("a: !!null x\n", "x", "SM101"),
        ("a: !!binary aGVq\n", "aGVq", "SM101"),
        ("a: !foo x\n", "x", "SM101"),
        ("a: " + "9" * 5000 + "\n", "9" * 5000, None),  # beyond Python's digit limit: the text
        ("a: 0x" + "f" * 5000 + "\n", "0x" + "f" * 5000, None),
        ("a: 017\n", 15, None),  # YAML 1.1 octal, as before
        ("a: 1_000\n", 1000, None),
    ],
)
def test_every_scalar_is_a_value_or_a_finding(text, value, problem):
    loaded = load_text("f.yaml", text)
    assert loaded.data == {"a": value}
    assert [p.code for p in loaded.problems] == ([problem] if problem else [])
    assert all(p.line == 1 and p.column >= 1 for p in loaded.problems)


def test_null_list_and_mapping_keys_are_findings_and_the_rest_of_the_file_is_read():
    loaded = load_text("f.yaml", "~: 1\nnull: 2\n? [a, b]\n: 3\n? {c: 1}\n: 4\nb: 5\n")
    assert loaded.data == {"b": 5}
    assert [(p.code, p.line) for p in loaded.problems] == [("SM101", 1), ("SM101", 2), ("SM101", 3), ("SM101", 5)]


def test_non_finite_keys_equal_themselves():
    loaded = load_text("f.yaml", ".nan: 1\n.nan: 2\n")
    assert loaded.data == {".nan": 1}
    assert [(p.code, p.line) for p in loaded.problems] == [("SM102", 2)]
    assert loaded.position((".nan",)) == (1, 1)


def test_a_merge_key_that_is_no_mapping_is_a_finding():
    loaded = load_text("f.yaml", "a: &a [1]\nb:\n  <<: *a\n  c: 1\n")
    assert loaded.data["b"] == {"c": 1}
    assert [(p.code, p.line) for p in loaded.problems] == [("SM101", 3)]


def test_merge_keys_count_towards_the_alias_budget():
    keys = ", ".join(f"k{i}: {i}" for i in range(1000))
    rows = "".join("  - <<: *bas\n" for _ in range(300))
    loaded = load_text("f.yaml", f"bas: &bas {{{keys}}}\nrader:\n{rows}")
    assert loaded.data is None
    [problem] = loaded.problems
    assert problem.code == "SM105" and problem.line > 2 and "alias" in problem.message
    assert load_text("f.yaml", f"bas: &bas {{{keys}}}\nrader:\n{rows}", alias_budget=10_000_000).data is not None


def test_the_alias_budget_is_configuration(repo_factory):
    rows = "".join(f"  - <<: *bas\n    id: akt-{i}\n    namn: Aktivitet {i}\n" for i in range(40))
    text = "organ: bun\nbas: &bas {mål: [bun-behorighet], beskrivning: x}\naktiviteter:\n" + rows
    root = repo_factory(files={"organ/bun/aktiviteter.yaml": text})
    strict = root / "styrmodell.yaml"
    strict.write_text(strict.read_text("utf-8") + "gränser:\n  max_aliasvärden: 50\n", "utf-8")
    [finding] = [f for f in validate(root).findings if f.code == "SM105"]
    assert "gränser.max_aliasvärden" in finding.message and finding.location.line > 1
    strict.write_text(strict.read_text("utf-8").replace("max_aliasvärden: 50", "max_aliasvärden: 5000"), "utf-8")
    assert not [f for f in validate(root).findings if f.code == "SM105"]


# --- numbers: not finite, absurd -----------------------------------------------------------------

NON_FINITE = """\
organ: bun
indikatorer:
  - id: ind-a
    namn: A
    mål: [bun-behorighet]
    utfall: {2025: .nan, 2026: 1e400}
    målvärden: {2026: .inf}
    bas: {år: 2020, värde: -.inf}
  - id: ind-b
    namn: B
    mål: [bun-behorighet]
    utfall: {2025: 1.0e300}
budget:
  år: 2027
  plan:
    2027: {intäkter: .nan, kostnader: 1e16}
  ramar: {bun: .inf}
"""


def test_non_finite_and_absurd_numbers_are_findings_with_a_line(repo_factory):
    root = repo_factory(files={"organ/bun/tal.yaml": NON_FINITE})
    findings = [f for f in validate(root).findings if f.location.path == "organ/bun/tal.yaml"]
    lines = sorted(f.location.line for f in findings if f.code == "SM107")
    assert lines == [6, 6, 7, 8, 12, 16, 16, 17], [str(f.location) + " " + f.message for f in findings]
    assert any(".nan" in f.message for f in findings) and any("oändlig" in f.message for f in findings)
    assert any("orimligt stort" in f.message for f in findings)


@pytest.mark.parametrize(
    "setting",
    [
        "måluppfyllelse:\n  delvis_marginal_procent: .nan\n",
        "måluppfyllelse:\n  uppnått_gräns: .inf\n",
        "gränser:\n  max_filstorlek_mb: .nan\n",
        "regler:\n  kompass-områdesmax:\n    max: .inf\n",
    ],
)
def test_non_finite_settings_are_clean_errors_with_a_place(repo_factory, setting):
    root = repo_factory()
    config = root / "styrmodell.yaml"
    text = config.read_text("utf-8")
    if setting.startswith("regler:"):
        text = text.replace("regler:\n", setting)
    else:
        text += setting
    config.write_text(text, "utf-8")
    proc = run_styr("validera", str(root))
    assert proc.returncode == 2, proc.stderr
    assert "styrmodell.yaml:" in proc.stderr and "internt fel" not in proc.stderr


EXTREMES = """\
organ: bun
indikatorer:
  - id: ind-stor
    namn: Stort
    mål: [bun-behorighet]
    riktning: högre
    enhet: kr
    bas: {år: 2020, värde: -1e15}
    målvärden: {2025: 1e-300, 2026: 0, 2027: 1e15}
    utfall: {2024: -1e15, 2025: 1e15, 2026: 1e-300, 2026-08: 0}
  - id: ind-noll
    namn: Noll
    mål: [bun-behorighet]
    riktning: lägre
    målvärden: {2025: 0, 2026: 0}
    utfall: {2025: 0, 2026: 0}
ekonomi:
  år: 2026
  perioder:
    2026-08:
      utfall: {intäkter: 1e15, kostnader: -1e15, finansnetto: 1e15}
      prognos: {intäkter: 1e15, kostnader: -1e15}
      balansräkning: {tillgångar: 1e-300, eget_kapital: 1e15, skulder: -1e15}
      nämnder:
        bun: {budget: 1e-300, utfall: 1e15, prognos: -1e15}
      personal: {anställda: 10000000, årsarbetare: 0, sjukfrånvaro: 100}
"""


@pytest.mark.parametrize(
    "command",
    [
        *[["rapport", kind] for kind in ("delarsrapport", "arsredovisning", "tertialrapport", "verksamhetsplan")],
        ["rapport", "delarsrapport", "--format", "html"],
        ["arshjul", "--format", "svg"],
        ["frister", "--inom", "52v"],
    ],
)
def test_what_validate_lets_through_every_report_handles(repo_factory, command):
    """The largest, smallest and zero figures the model accepts, through the reports."""
    root = repo_factory(files={"organ/bun/extrema.yaml": EXTREMES})
    assert not [f for f in validate(root).findings if f.code.startswith("SM1")]
    proc = (
        run_styr(*command[:2], str(root), *command[2:])
        if command[0] == "rapport"
        else run_styr(command[0], str(root), *command[1:])
    )
    assert proc.returncode == 0, proc.stderr
    assert not re.search(r"(?i)\b(inf|infinity|nan)\b", proc.stdout)


def test_kompass_scores_at_the_bounds(repo_factory):
    compass = (EXAMPLES / "grastorp" / "kommunkompassen-2014.yaml").read_text("utf-8")
    compass = compass.replace("3.1: ", "3.1: 1000000000000000 #", 1)
    root = repo_factory(files={"kompass.yaml": compass})
    for fmt in ("text", "markdown", "json", "svg", "html"):
        proc = run_styr("kompass", str(root), "--format", fmt)
        assert proc.returncode in (0, 1), proc.stderr
        assert "internt fel" not in proc.stderr


# --- dates at the calendar's edge ----------------------------------------------------------------

DATES = """\
organ: bun
aktiviteter:
  - {id: akt-1, namn: A, mål: [bun-behorighet], start: 0001-01-01}
  - {id: akt-2, namn: B, mål: [bun-behorighet], start: 10000-01-01}
  - {id: akt-3, namn: C, mål: [bun-behorighet], start: 9998-12-31}
  - {id: akt-4, namn: D, mål: [bun-behorighet], start: 2026}
uppdrag:
  - {id: upp-1, text: U, givare: kf, mottagare: bun, beslut: {organ: kf, datum: 9998-01-01}}
"""


def test_dates_at_the_calendars_edge_are_findings(repo_factory):
    root = repo_factory(files={"organ/bun/datum.yaml": DATES})
    findings = [f for f in validate(root).findings if f.location.path == "organ/bun/datum.yaml"]
    assert sorted(f.location.line for f in findings if f.code == "SM107") == [3, 4, 5, 6, 8]
    assert any("minst 1800-01-01" in f.message for f in findings)
    assert any("ÅÅÅÅ-MM-DD" in f.message and "2026" in f.message for f in findings)


def test_an_offset_of_a_billion_days_is_a_finding_and_the_wheel_still_draws(repo_factory):
    wheel = (
        "årshjul:\n  händelser:\n"
        "    - {id: evig, namn: Evig, typ: uppföljning, när: {datum: '03-01', dagar: 999999999}}\n"
        "    - {id: bakåt, namn: Bakåt, typ: uppföljning, när: {datum: '03-01', dagar: -999999999}}\n"
    )
    root = repo_factory(files={"hjul.yaml": wheel})
    findings = [f for f in validate(root).findings if f.location.path == "hjul.yaml" and f.code == "SM107"]
    assert [f.location.line for f in findings] == [3, 4]
    assert all("högst 366" in f.message or "minst -366" in f.message for f in findings)
    for args in (["arshjul", str(root)], ["arshjul", str(root), "-f", "svg"], ["frister", str(root)]):
        proc = run_styr(*args)
        assert proc.returncode == 1 and "hjul.yaml:3" in proc.stderr, proc.stderr


@pytest.mark.parametrize(
    "args, words",
    [
        (["arshjul", "--år", "-5"], "--år -5"),
        (["arshjul", "--år", "10000"], "--år 10000"),
        (["arshjul", "--år", "0"], "--år 0"),
        (["frister", "--inom", "99999999999d"], "--inom"),
        (["frister", "--inom", "100000v"], "högst 3660 dagar"),
        (["frister", "--datum", "9999-12-31"], "--datum"),
        (["frister", "--datum", "0001-01-01"], "--datum"),
        (["rapport", "delarsrapport", ".", "--period", "0000"], "--period"),
        (["rapport", "delarsrapport", ".", "--period", "9999-T3"], "--period"),
        (["rapport", "verksamhetsplan", ".", "--period", "9999-12-31"], "--period"),
    ],
)
def test_calendar_edges_on_the_command_line_are_clean_errors(repo_factory, args, words):
    root = repo_factory()
    proc = run_styr(*args, cwd=root)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert words in proc.stderr and "internt fel" not in proc.stderr


def test_a_reference_date_beyond_the_bounds_is_a_clean_error(repo_factory):
    root = repo_factory(replace={"styrmodell.yaml": [["referensdatum: 2026-09-15", "referensdatum: 9999-12-31"]]})
    proc = run_styr("validera", str(root))
    assert proc.returncode == 2 and "styrmodell.yaml:8:" in proc.stderr and "2199-12-31" in proc.stderr


# --- size and cost ---------------------------------------------------------------------------------


def test_findings_are_capped_per_file_and_in_all_with_exact_counts(repo_factory):
    duplicates = "organ: bun\naktiviteter:\n  - id: akt-dubbel\n    mål: [bun-behorighet]\n" + "    namn: a\n" * 20_000
    broken = "organ: bun\nmål:\n" + "".join(
        f"  - {{id: fel-{i}, nivå: okänd, text: x, extra: 1}}\n" for i in range(150)
    )
    files = {f"organ/bun/trasig-{n}.yaml": broken.replace("fel-", f"fel{n}-") for n in range(12)}
    root = repo_factory(files={"organ/bun/dubbletter.yaml": duplicates, **files})
    proc = run_styr("validera", "--format", "json", cwd=root)
    assert proc.returncode == 1
    payload = json.loads(proc.stdout)
    duplicated = [f for f in payload["fynd"] if f["fil"] == "organ/bun/dubbletter.yaml" and f["kod"] == "SM102"]
    assert len(duplicated) == 101
    assert duplicated[-1]["meddelande"] == "… och 19\u00a0899 fel till av samma slag i filen"
    assert duplicated[-1]["utelämnade"] == 19_898 and duplicated[-1]["rad"] == 106
    assert 1000 < len(payload["fynd"]) <= 1000 + 10  # the rest summarised, one line per rule
    assert payload["fel"] == sum(1 + f.get("utelämnade", 0) for f in payload["fynd"] if f["allvarlighet"] == "fel")
    # the counts are those of every finding: the same as without the caps
    config = root / "styrmodell.yaml"
    config.write_text(config.read_text("utf-8") + "gränser:\n  max_fynd_per_fil: 100000\n  max_fynd: 1000000\n")
    uncapped = json.loads(run_styr("validera", "--format", "json", cwd=root).stdout)
    assert uncapped["fel"] == payload["fel"] == len([f for f in uncapped["fynd"] if f["allvarlighet"] == "fel"])
    config.write_text(
        config.read_text("utf-8").replace("gränser:\n  max_fynd_per_fil: 100000\n  max_fynd: 1000000\n", "")
    )
    text = run_styr("validera", cwd=root)
    assert text.stdout.count("\n") < 1100
    assert "… och 19\u00a0899 fel till av samma slag i filen" in text.stdout
    assert "högst 1\u00a0000 fynd visas" in text.stdout


def test_a_repository_that_takes_longer_than_its_bound_stops_with_a_message(repo_factory):
    rows = "".join(f"  - {{id: akt-{i}, namn: Aktivitet {i}, mål: [bun-behorighet]}}\n" for i in range(3000))
    root = repo_factory(
        files={
            f"organ/bun/aktiviteter-{n}.yaml": "organ: bun\naktiviteter:\n" + rows.replace("akt-", f"a{n}-")
            for n in range(4)
        },
        replace={"styrmodell.yaml": [["regler:", "gränser:\n  max_sekunder: 0.001\nregler:"]]},
    )
    proc = run_styr("validera", str(root), "--ingen-cache")
    assert proc.returncode == 2, proc.stdout
    assert "kontrollen avbröts" in proc.stderr and "gränser.max_sekunder" in proc.stderr


# --- commands say what they could not read ---------------------------------------------------------

BROKEN = "organ: bun\nmål:\n  - id: trasig\n    text: [inte stängd\n"


@pytest.mark.parametrize(
    "args",
    [
        ["rapport", "delarsrapport", "{root}"],
        ["rapport", "styrdokument", "{root}", "--format", "html"],
        ["arshjul", "{root}"],
        ["frister", "{root}"],
        ["diff", "-C", "{root}"],
    ],
)
def test_reading_commands_name_what_they_could_not_read_and_exit_1(git_repo, args):
    git_repo.change(files={"organ/bun/trasig.yaml": BROKEN})
    root = git_repo.root
    proc = run_styr(*[a.format(root=root) for a in args], cwd=root)
    assert proc.returncode == 1, proc.stderr
    assert "organ/bun/trasig.yaml:4:11: fel SM101" in proc.stderr
    assert "1 fil" in proc.stderr and "kunde inte läsas helt" in proc.stderr


def test_kompass_names_what_it_could_not_read(repo_factory):
    compass = (EXAMPLES / "grastorp" / "kommunkompassen-2014.yaml").read_text("utf-8")
    root = repo_factory(files={"kompass.yaml": compass, "organ/bun/trasig.yaml": BROKEN})
    proc = run_styr("kompass", str(root))
    assert proc.returncode == 1 and "organ/bun/trasig.yaml:4:11: fel SM101" in proc.stderr


def test_a_whole_repository_renders_with_exit_0_when_it_reads_whole(repo_factory):
    root = repo_factory()
    proc = run_styr("rapport", "styrdokument", str(root))
    assert proc.returncode == 0 and proc.stderr == ""


def test_number_formatting_of_values_no_model_holds():
    from styrmodell.svenska.numbers import amount, number, percent

    assert number(math.inf) == number(math.nan) == percent(math.nan) == amount(-math.inf) == "–"
    assert number(1e300).startswith("1\u00a0000\u00a0000") and number(1e300, 1).endswith(",0")
