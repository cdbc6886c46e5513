"""`styr importera utfall`: a table of outcomes (CSV or Excel, made here by the real tools) written
into the indicators' files, byte for byte the same except the lines that take the values; and an
import with a single error writes nothing."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_styr

GOALS = "organ/ks/mal.yaml"
LINE = "    utfall: {2023: 68.0, 2025: 68.0}\n"


@pytest.fixture
def astorp(tmp_path) -> Path:
    target = tmp_path / "astorp"
    shutil.copytree(EXAMPLES / "astorp", target)
    return target


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def changed_lines(before: bytes, after: bytes) -> list[tuple[str, str]]:
    """The lines that differ, pairwise; the files must have the same number of lines."""
    old, new = before.decode().splitlines(True), after.decode().splitlines(True)
    assert len(old) == len(new), "raderna ska bara ändras, inte läggas till eller tas bort"
    return [(a, b) for a, b in zip(old, new, strict=True) if a != b]


def assert_only(root: Path, before: dict[str, bytes], relpath: str, line: str, new_line: str) -> None:
    after = snapshot(root)
    assert set(after) == set(before)
    for path in before:
        if path != relpath:
            assert after[path] == before[path], f"{path} ändrades"
    assert changed_lines(before[relpath], after[relpath]) == [(line, new_line)]


def write_xlsx(path: Path, rows: list[list], sheet: str = "Utfall", first: str | None = None) -> None:
    from openpyxl import Workbook

    book = Workbook()
    if first:
        book.active.title = first
        book.active.append(["det här bladet är en sammanfattning"])
        worksheet = book.create_sheet(sheet)
    else:
        worksheet = book.active
        worksheet.title = sheet
    for row in rows:
        worksheet.append(row)
    book.save(path)


def test_a_2024_value_from_csv_lands_in_its_file_and_nothing_else_changes(astorp, tmp_path):
    table = tmp_path / "utfall.csv"
    table.write_bytes("\ufeffindikator;period;värde\nks-ind-foretagsklimat;2024;68,5\n".encode())
    os.chmod(astorp / GOALS, 0o640)
    before = snapshot(astorp)
    proc = run_styr("importera", "utfall", str(table), str(astorp))
    assert proc.returncode == 0, proc.stderr
    assert_only(astorp, before, GOALS, LINE, "    utfall: {2023: 68.0, 2025: 68.0, 2024: 68.5}\n")
    assert stat.S_IMODE((astorp / GOALS).stat().st_mode) == 0o640
    assert f"Skrev {GOALS}: 1 ändring" in proc.stdout
    assert "ks-ind-foretagsklimat utfall 2024: 68,5 (utfall.csv rad 2)" in proc.stdout
    assert "Inga fel. 31 filer kontrollerade för Åstorps kommun." in proc.stdout
    assert run_styr("validera", str(astorp)).returncode == 0
    report = run_styr("rapport", "arsredovisning", str(astorp), "--period", "2024", "--organ", "ks")
    assert report.returncode == 0, report.stderr
    row = next(line for line in report.stdout.splitlines() if "Företagsklimat" in line and "| 2024 |" in line)
    assert "68,5" in row, row


def test_a_2024_value_from_excel_lands_in_its_file(astorp, tmp_path):
    table = tmp_path / "utfall.xlsx"
    write_xlsx(
        table,
        [["Indikator", "Period", "Värde", "Kommentar"], ["ks-ind-foretagsklimat", 2024, 68.5, None]],
        first="Sammanfattning",
    )
    before = snapshot(astorp)
    proc = run_styr("import", "outcomes", str(table), str(astorp), "--sheet", "Utfall")
    assert proc.returncode == 0, proc.stderr
    assert_only(astorp, before, GOALS, LINE, "    utfall: {2023: 68.0, 2025: 68.0, 2024: 68.5}\n")


def test_excel_first_sheet_by_default_and_an_unknown_sheet_is_named(astorp, tmp_path):
    table = tmp_path / "utfall.xlsx"
    write_xlsx(table, [["indikator", "period", "värde"], ["ks-ind-foretagsklimat", "2024", "68,5"]])
    proc = run_styr("importera", "utfall", str(table), str(astorp), "--torrkörning")
    assert proc.returncode == 0, proc.stderr
    assert "utfall.2024: – → 68,5" in proc.stdout
    missing = run_styr("importera", "utfall", str(table), str(astorp), "--blad", "Utfal")
    assert missing.returncode == 2
    assert "bladet 'Utfal' finns inte – menade du 'Utfall'?" in missing.stderr


def test_a_comment_is_kept_with_the_value_and_every_comment_of_the_file_survives(astorp, tmp_path):
    table = tmp_path / "utfall.csv"
    table.write_text('indikator,period,värde,kommentar\nks-ind-foretagsklimat,2024,"68,5",Mätt av SKR i efterhand\n')
    proc = run_styr("importera", "utfall", str(table), str(astorp))
    assert proc.returncode == 0, proc.stderr
    text = (astorp / GOALS).read_text("utf-8")
    assert "    utfall: {2023: 68.0, 2025: 68.0, 2024: 68.5}  # 2024: Mätt av SKR i efterhand\n" in text
    original = (EXAMPLES / "astorp" / GOALS).read_text("utf-8")
    for line in original.splitlines():
        if "#" in line:
            assert line in text


def test_periods_genders_and_kolada_ids(astorp, tmp_path):
    table = tmp_path / "utfall.csv"
    table.write_text(
        "indikator;period;värde;kön\n"
        "bun-ind-behorighet;2026-T2;81,2;T\n"  # tertial 2: January–August
        "N15452;2026-08;69,5;\n"  # a Kolada id names the indicator whose källa it is
        "bun-ind-behorighet;2025;82,0;K\n"
        "bun-ind-behorighet;2025;77,3;M\n"
    )
    proc = run_styr("importera", "utfall", str(table), str(astorp))
    assert proc.returncode == 0, proc.stderr
    text = (astorp / "organ/bun/mal.yaml").read_text("utf-8")
    assert "    utfall: {2023: 77.4, 2024: 80.9, 2025: 79.6, 2026-08: 81.2}\n" in text
    assert "    utfall_per_kön:\n      kvinnor: {2025: 82.0}\n      män: {2025: 77.3}\n    jämförelser:" in text
    assert "    utfall: {2023: 62.0, 2024: 66.0, 2025: 68.5, 2026-08: 69.5}\n" in text
    assert run_styr("validera", str(astorp)).returncode == 0


def test_a_broken_import_names_every_bad_row_and_writes_nothing(astorp, tmp_path):
    table = tmp_path / "utfall.csv"
    table.write_text(
        "indikator;period;värde\n"
        "ks-ind-foretagsklimat;2024;68,5\n"
        "ks-ind-foretagsklimatet;2024;1\n"
        "ks-ind-svar;2024-13;57\n"
        "ks-ind-svar;2025;hög\n"
        "ks-ind-foretagsklimat;2024;68,9\n"
        "N99999;2024;3\n"
        "ks-ind-svar;2023;1e400\n"
    )
    before = snapshot(astorp)
    proc = run_styr("importera", "utfall", str(table), str(astorp))
    assert proc.returncode == 1
    err = proc.stderr
    assert "utfall.csv rad 3: okänd indikator 'ks-ind-foretagsklimatet' – menade du 'ks-ind-foretagsklimat'?" in err
    assert "utfall.csv rad 4: perioden '2024-13' ska skrivas ÅÅÅÅ (helår)" in err
    assert "utfall.csv rad 5: värde: 'hög' är inte ett tal" in err
    assert (
        "utfall.csv rad 6: utfall 2024 för 'ks-ind-foretagsklimat' står redan i utfall.csv rad 2 (ett annat värde)"
        in err
    )
    assert "utfall.csv rad 7: ingen indikator har källa kolada:N99999" in err
    assert "utfall.csv rad 8: värde: '1e400' är för stort för att vara ett värde" in err
    assert "6 fel i importen; inget skrevs." in err
    assert "Traceback" not in err and "internt fel" not in err
    assert snapshot(astorp) == before


def test_a_different_value_is_not_overwritten_without_the_flag(astorp, tmp_path):
    table = tmp_path / "utfall.csv"
    table.write_text("indikator;period;värde\nks-ind-svar;2024;58\nks-ind-svar;2025;56\n")
    before = snapshot(astorp)
    proc = run_styr("importera", "utfall", str(table), str(astorp))
    assert proc.returncode == 1
    assert f"{GOALS}:99: ks-ind-svar utfall 2024 är 57 i filen; utfall.csv rad 2 har 58" in proc.stderr
    assert "Ange --skriv-över för att ersätta dem." in proc.stderr
    assert snapshot(astorp) == before
    proc = run_styr("importera", "utfall", str(table), str(astorp), "--skriv-över")
    assert proc.returncode == 0, proc.stderr
    assert "1 värde stod redan i filen och lämnades som det var" in proc.stdout
    assert_only(
        astorp,
        before,
        GOALS,
        "    utfall: {2023: 55.0, 2024: 57.0, 2025: 56.0}\n",
        "    utfall: {2023: 55.0, 2024: 58, 2025: 56.0}\n",
    )


def test_dry_run_shows_the_semantic_diff_and_writes_nothing(astorp, tmp_path):
    table = tmp_path / "utfall.csv"
    table.write_text("indikator;period;värde\nks-ind-foretagsklimat;2024;66\n")
    before = snapshot(astorp)
    proc = run_styr("importera", "utfall", str(table), str(astorp), "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert "~ ändrad    indikator ks-ind-foretagsklimat" in proc.stdout
    assert "utfall.2024: – → 66" in proc.stdout
    assert "ks-ind-foretagsklimat 2024: ej mätt → delvis uppnått" in proc.stdout
    assert "Torrkörning: inget skrevs." in proc.stderr
    assert snapshot(astorp) == before


def test_unreadable_tables_are_clear_errors(astorp, tmp_path):
    latin = tmp_path / "latin.csv"
    latin.write_bytes("indikator;period;värde\n".encode("latin-1"))
    bad_header = tmp_path / "rubrik.csv"
    bad_header.write_text("id;år;namn\nx;2024;y\n")
    not_excel = tmp_path / "trasig.xlsx"
    not_excel.write_text("inte en arbetsbok")
    cases = [
        (latin, "filen är inte UTF-8"),
        (bad_header, "rubrikraden saknar värde"),
        (not_excel, "kan inte läsas som en Excel-arbetsbok"),
        (tmp_path / "saknas.csv", "filen finns inte"),
    ]
    for path, message in cases:
        proc = run_styr("importera", "utfall", str(path), str(astorp))
        assert proc.returncode == 2, (path, proc.stderr)
        assert message in proc.stderr, proc.stderr
        assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("args", "usage"),
    [
        (["importera", "utfall"], "Användning: styr importera utfall [FLAGGOR] FIL [KATALOG]"),
        (["import", "outcomes"], "Användning: styr import outcomes [FLAGGOR] FIL [KATALOG]"),
        (["importera", "kolada"], "Användning: styr importera kolada [FLAGGOR] [KATALOG]"),
        (["nytt-ar"], "Användning: styr nytt-ar [FLAGGOR] ÅÅÅÅ [KATALOG]"),
    ],
)
def test_the_writing_commands_have_swedish_help(args, usage):
    text = run_styr(*args, "--hjälp").stdout
    assert text.startswith(usage), text
    for english in ("Usage:", "Options:", "TEXT", "PATH", "INTEGER", "FLOAT", "[default:"):
        assert english not in text, english
    assert "--torrkörning" in text and "-h, --hjälp, --help" in text


def test_a_mistyped_sub_command_gets_a_suggestion():
    proc = run_styr("importera", "utfal")
    assert proc.returncode == 2
    assert "okänt kommando 'utfal' – menade du 'utfall'?" in proc.stderr
