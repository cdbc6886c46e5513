"""`styr report`: periods, missing data, organs, determinism, overrides in the sandbox, escaping."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from axe_check import SKIP_REASON as AXE_SKIP
from axe_check import axe_available, axe_violations, describe, serious
from conftest import EXAMPLES, needs_chromium, run_styr, screenshot
from styrmodell.errors import FatalError
from styrmodell.reports.pdf import docx_to_pdf, find_soffice
from styrmodell.reports.period import parse_period

GRASTORP = EXAMPLES / "grastorp"
ASTORP = EXAMPLES / "astorp"


@pytest.mark.parametrize(
    "text, key, label",
    [
        ("2026-08-31", "2026-08", "januari–augusti 2026"),
        ("2026-08", "2026-08", "januari–augusti 2026"),
        ("2026", "2026", "2026"),
        ("2026-T1", "2026-04", "januari–april 2026"),
        ("2026-t2", "2026-08", "januari–augusti 2026"),
        ("2024-02-29", "2024-02", "januari–februari 2024"),
    ],
)
def test_periods(text, key, label):
    period = parse_period(text)
    assert (period.key, period.label) == (key, label)


@pytest.mark.parametrize(
    "text, message",
    [
        ("2026-08-30", "slutar vid en månads utgång (t.ex. 2026-08-31)"),
        ("2026-13", "skriv ÅÅÅÅ-MM-DD"),
        ("augusti", "skriv ÅÅÅÅ-MM-DD"),
        ("2026-T4", "skriv ÅÅÅÅ-MM-DD"),
        ("2026-T3", "tredje tertialen slutar vid årets slut"),
    ],
)
def test_bad_periods(text, message):
    with pytest.raises(FatalError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_period(text)


def test_missing_data_is_visible_and_warned(repo_factory):
    root = repo_factory()
    proc = run_styr("rapport", "delarsrapport", str(root), "--period", "2026-08-31")
    assert proc.returncode == 0, proc.stderr
    assert "**Uppgift saknas: resultaträkning för januari–augusti 2026" in proc.stdout
    assert "varning: Grästorps kommun: uppgift saknas: resultaträkning för januari–augusti 2026" in proc.stderr
    assert "Traceback" not in proc.stderr
    strict = run_styr("rapport", "delarsrapport", str(root), "--period", "2026-08-31", "--strikt")
    assert strict.returncode == 1


def test_unknown_report_organ_and_binary_to_stdout_are_clear_errors():
    proc = run_styr("rapport", "delårsrapport2", str(GRASTORP))
    assert proc.returncode == 2 and "okänd rapport 'delårsrapport2' – menade du 'delarsrapport'?" in proc.stderr
    proc = run_styr("rapport", "delarsrapport", str(GRASTORP), "--organ", "bun")
    assert proc.returncode == 2 and "--organ 'bun' finns inte" in proc.stderr
    proc = run_styr("rapport", "delarsrapport", str(GRASTORP), "--format", "docx")
    assert proc.returncode == 2 and "ange --ut" in proc.stderr
    proc = run_styr("rapport", "kommunkompassen", str(GRASTORP), "--organ", "ks")
    assert proc.returncode == 2 and "gäller hela kommunen" in proc.stderr


def test_same_input_gives_the_same_bytes(tmp_path):
    for fmt in ("md", "html", "docx"):
        first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        for target in (first, second):
            proc = run_styr(
                "rapport", "delarsrapport", str(GRASTORP), "--period", "2026-08-31", "-f", fmt, "-o", str(target)
            )
            assert proc.returncode == 0, proc.stderr
        assert first.read_bytes() == second.read_bytes(), fmt


def test_organ_all_writes_one_file_per_organ_and_the_whole(tmp_path):
    out = tmp_path / "rapporter"
    proc = run_styr(
        "rapport",
        "delarsrapport",
        str(ASTORP),
        "--period",
        "2026-08-31",
        "--organ",
        "all",
        "-f",
        "html",
        "-o",
        str(out),
    )
    assert proc.returncode == 0, proc.stderr
    names = sorted(p.name for p in out.iterdir())
    assert "kommun.html" in names and "bun.html" in names and "ks.html" in names
    assert "<h1>Delårsrapport januari–augusti 2026</h1><p>Barn- och utbildningsnämnden, Åstorps kommun</p>" in (
        out / "bun.html"
    ).read_text("utf-8")


def test_repository_text_is_escaped_in_html(repo_factory):
    root = repo_factory(replace={"organ/kf/mal.yaml": [["text: ", "text: <script>alert(1)</script> "]]})
    page = run_styr("rapport", "verksamhetsplan", str(root), "--period", "2026", "-f", "html").stdout
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_municipality_can_override_a_template(repo_factory):
    template = (
        '{% import bibliotek as b with context %}{% call b.document("Vår lista", d.scope) %}'
        '{{ b.title("Vår lista", d.scope) }}{% for doc in d.documents %}{{ b.p(doc.titel | upper) }}'
        "{% endfor %}{% endcall %}"
    )
    root = repo_factory(files={"mallar/rapporter/styrdokument.j2": template})
    proc = run_styr("rapport", "styrdokument", str(root))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("# Vår lista")


@pytest.mark.parametrize(
    "hostile",
    [
        "{{ d.__class__.__mro__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ d.repo.goals.append(1) }}",
    ],
)
def test_templates_from_a_repository_run_in_the_sandbox(repo_factory, hostile):
    root = repo_factory(files={"mallar/rapporter/styrdokument.j2": hostile})
    proc = run_styr("rapport", "styrdokument", str(root))
    assert proc.returncode == 2, proc.stdout
    assert "mallen för styrdokument" in proc.stderr and "Traceback" not in proc.stderr


def test_a_broken_override_names_the_file_and_line(repo_factory):
    root = repo_factory(files={"mallar/rapporter/styrdokument.j2": "rad ett\n{% for x in %}\n"})
    proc = run_styr("rapport", "styrdokument", str(root))
    assert proc.returncode == 2
    assert "rapporter/styrdokument.j2:2:" in proc.stderr


@needs_chromium
@pytest.mark.skipif(not axe_available(), reason=AXE_SKIP)
@pytest.mark.parametrize(
    "example, report, period",
    [
        ("grastorp", "delarsrapport", "2026-08-31"),
        ("astorp", "verksamhetsplan", "2026"),
        ("grastorp", "kommunkompassen", "2026"),
        ("astorp", "delegationsordning", "2026"),
        ("astorp", "bokslutsprognos", "2026-04"),
        ("astorp", "arsredovisning", "2025"),
    ],
)
def test_html_renders_and_passes_axe(tmp_path, example, report, period):
    page = tmp_path / f"{report}.html"
    proc = run_styr("rapport", report, str(EXAMPLES / example), "--period", period, "-f", "html", "-o", str(page))
    assert proc.returncode == 0, proc.stderr
    assert len(screenshot(page, tmp_path)) > 20_000  # the browser draws it
    violations = axe_violations(page, tmp_path)
    assert not serious(violations), describe(violations)


def test_docx_has_word_headings_and_tables(tmp_path):
    import docx

    target = tmp_path / "delar.docx"
    proc = run_styr(
        "rapport", "delarsrapport", str(GRASTORP), "--period", "2026-08-31", "-f", "docx", "-o", str(target)
    )
    assert proc.returncode == 0, proc.stderr
    document = docx.Document(str(target))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == ("Title", "Delårsrapport januari–augusti 2026")
    assert ("Heading 1", "Måluppfyllelse") in headings and ("Heading 2", "God ekonomisk hushållning") in headings
    assert document.tables and document.tables[0].rows[0].cells[0].text == "Målområde"


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice saknas (installeras av .ci/run i CI)")
def test_libreoffice_opens_the_report(tmp_path):
    target = tmp_path / "arsredovisning.docx"
    proc = run_styr("rapport", "arsredovisning", str(ASTORP), "--period", "2025", "-f", "docx", "-o", str(target))
    assert proc.returncode == 0, proc.stderr
    pdf_bytes = docx_to_pdf(target.read_bytes(), tmp_path)
    assert pdf_bytes.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        (tmp_path / "a.pdf").write_bytes(pdf_bytes)
        text = subprocess.run(["pdftotext", str(tmp_path / "a.pdf"), "-"], capture_output=True, text=True).stdout
        assert "Årsredovisning – måluppfyllelse" in text and "Sammanfattning" in text


@needs_chromium
def test_pdf_report(tmp_path):
    target = tmp_path / "delar.pdf"
    proc = run_styr("rapport", "delarsrapport", str(GRASTORP), "--period", "2026-08-31", "-f", "pdf", "-o", str(target))
    assert proc.returncode == 0, proc.stderr
    assert target.read_bytes().startswith(b"%PDF")
