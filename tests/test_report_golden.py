"""Every report type for both examples, for the whole municipality and for one organ, in all four
formats. Golden files pin the Markdown and the HTML byte for byte.

When a change to a template or to the examples is meant, write the golden files anew and review
the diff like any other change:

    STYR_GOLDEN=uppdatera python -m pytest tests/test_report_golden.py
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest

from conftest import CHROMIUM, EXAMPLES, needs_chromium, run_styr
from styrmodell.reports.build import Document, make, organs_for
from styrmodell.reports.kinds import REPORTS
from styrmodell.reports.period import parse_period
from styrmodell.validation.pipeline import validate

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("STYR_GOLDEN") == "uppdatera"

# The organ each example's single-organ reports are made for: Grästorp's kommunstyrelse, which
# works on fullmäktige's goals, and Åstorp's socialnämnd, which has goals of its own.
ORGAN = {"grastorp": "ks", "astorp": "son"}
PERIOD = {
    "verksamhetsplan": "2026",
    "uppdragsplan": "2026",
    "delarsrapport": "2026-08-31",
    "tertialrapport": "2026-T1",
    "bokslutsprognos": "2026-04",
    "manadsrapport": "2026-08",
    "arsredovisning": "2025",
}
# What an example truly lacks: Åstorp has never been evaluated with Kommunkompassen.
LACKS = {("astorp", "kommunkompassen"): ["en utvärdering med Kommunkompassen (en fil med kommunkompass:)"]}

CASES = [
    (example, name, organ)
    for example in ORGAN
    for name, kind in REPORTS.items()
    for organ in ([None, ORGAN[example]] if kind.per_organ else [None])
]
IDS = [f"{e}-{n}-{o or 'kommun'}" for e, n, o in CASES]


@cache
def _repo(example: str):
    return validate(EXAMPLES / example, need_model=True).repository


def render(example: str, name: str, organ: str | None, fmt: str, workdir: Path) -> Document:
    period = parse_period(PERIOD.get(name, "2026"))
    return make(_repo(example), EXAMPLES / example, REPORTS[name], period, organ, fmt, workdir)


def _compare(actual: str, golden: Path) -> None:
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, "utf-8", newline="\n")
        return
    assert golden.exists(), f"{golden} saknas: kör STYR_GOLDEN=uppdatera python -m pytest {Path(__file__).name}"
    expected = golden.read_text("utf-8")
    if actual != expected:
        diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(), str(golden), "utdata", lineterm="")
        pytest.fail("rapporten skiljer sig från golden-filen:\n" + "\n".join(list(diff)[:80]))


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("example, name, organ", CASES, ids=IDS)
def test_report_matches_its_golden_file(tmp_path, example, name, organ, fmt):
    document = render(example, name, organ, fmt, tmp_path)
    assert document.missing == LACKS.get((example, name), [])
    _compare(document.content.decode("utf-8"), GOLDEN / example / f"{name}-{organ or 'kommun'}.{fmt}")


@pytest.mark.parametrize("example", ORGAN)
def test_every_organ_of_organ_all_has_its_data(tmp_path, example):
    """`--organ all` makes a report for each organ that has one of its own, and none lacks data."""
    repo = _repo(example)
    for name, kind in REPORTS.items():
        period = parse_period(PERIOD.get(name, "2026"))
        selection = organs_for(repo, kind, "all", period)
        for organ in selection.organs:
            document = make(repo, EXAMPLES / example, kind, period, organ, "md", tmp_path)
            assert document.missing == LACKS.get((example, name), []), (name, organ)
        if kind.per_organ:
            assert "revision" in selection.skipped
    assert {"ks"} <= set(organs_for(repo, REPORTS["delarsrapport"], "all", parse_period("2026-08")).organs)


def _headings(markdown: str) -> list[str]:
    return [line.lstrip("#").strip() for line in markdown.splitlines() if line.startswith("#")]


@pytest.mark.parametrize("example, name, organ", CASES, ids=IDS)
def test_word_has_the_same_headings_as_markdown(tmp_path, example, name, organ):
    import io

    import docx

    markdown = render(example, name, organ, "md", tmp_path).content.decode("utf-8")
    document = docx.Document(io.BytesIO(render(example, name, organ, "docx", tmp_path).content))
    styled = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Title", "Heading"))]
    assert [text for _, text in styled] == _headings(markdown)
    assert styled[0][0] == "Title" and all(style.startswith("Heading") for style, _ in styled[1:])
    assert len(document.tables) == sum(1 for line in markdown.splitlines() if line.startswith("|---"))


@needs_chromium
@pytest.mark.parametrize("example, name, organ", CASES, ids=IDS)
def test_pdf_prints_the_report(tmp_path, example, name, organ):
    content = render(example, name, organ, "pdf", tmp_path).content
    assert content.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        (tmp_path / "r.pdf").write_bytes(content)
        text = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True).stdout
        title = _headings(render(example, name, organ, "md", tmp_path).content.decode("utf-8"))[0]
        assert " ".join(title.split()) in " ".join(text.split())


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
def test_organ_all_in_every_format_from_the_command_line(tmp_path, fmt):
    if fmt == "pdf" and CHROMIUM is None:
        pytest.skip("chromium saknas (installeras av .ci/run i CI)")
    out = tmp_path / "ut"
    proc = run_styr(
        "rapport", "delegationsordning", str(EXAMPLES / "grastorp"), "--organ", "all", "-f", fmt, "-o", str(out)
    )
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == [f"kommun.{fmt}", f"ks.{fmt}", f"mbn.{fmt}"]
    assert "Hoppar över Kommunfullmäktige, Allmänna utskottet" in proc.stderr
    assert "saknas" not in proc.stderr


def _fields(part) -> list[str]:
    """The field codes (PAGE, TOC …) of a part of a Word document."""
    return [" ".join(text.split()) for text in part.xpath(".//w:instrText/text()")]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice saknas (.ci/run installerar den)")
def test_every_word_report_is_one_to_file_and_libreoffice_converts_it(tmp_path):
    """Every report type of both examples as Word: page numbers in the footer, the title and the municipality
    in the header, a table of contents where there are headings to list, tables without a fixed layout whose
    columns are never narrower than their longest word, a picture with alternative text for each chart the
    HTML has; and LibreOffice opens and converts every one of them."""
    import io

    import docx
    from docx.oxml.ns import qn

    from styrmodell.reports.pdf import find_soffice

    folder = tmp_path / "word"
    folder.mkdir()
    for example, name, organ in CASES:
        label = f"{example}-{name}-{organ or 'kommun'}"
        content = render(example, name, organ, "docx", tmp_path).content
        (folder / f"{label}.docx").write_bytes(content)
        document = docx.Document(io.BytesIO(content))
        section = document.sections[0]
        assert _fields(section.footer._element) == ["PAGE", "NUMPAGES"], label
        assert section.footer.paragraphs[0].text.startswith("Sida "), label
        municipality = _repo(example).config.kommun.namn
        assert municipality in section.header.paragraphs[0].text, label
        assert document.core_properties.title in section.header.paragraphs[0].text, label
        headings = [p for p in document.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
        toc = [code for code in _fields(document.element.body) if code.startswith("TOC")]
        assert toc == (['TOC \\o "1-2" \\h \\z \\u'] if len(headings) >= 3 else []), label
        body = document.element.body
        assert not body.findall(f".//{qn('w:tblLayout')}[@{qn('w:type')}='fixed']"), label
        for table in document.tables:
            longest = [
                max((len(w) for c in column.cells for w in c.text.split()), default=0) for column in table.columns
            ]
            if sum(n * 2.6 + 3.2 for n in longest) <= 160:  # the words fit the page: none is broken
                for n, column in zip(longest, table.columns, strict=True):
                    assert column.width.mm >= n * 2.3, (label, column.cells[0].text)
        html = (GOLDEN / example / f"{name}-{organ or 'kommun'}.html").read_text("utf-8")
        pictures = body.findall(f".//{qn('wp:docPr')}")
        assert len(pictures) == html.count("<figure><svg"), label
        assert all(p.get("descr") for p in pictures), label
        assert document.core_properties.author == document.core_properties.subject != "python-docx"
    soffice = find_soffice()
    assert soffice is not None
    profile = (tmp_path / "profil").as_uri()
    files = sorted(str(p) for p in folder.iterdir())
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            *files,
        ],
        capture_output=True,
        timeout=600,
        check=True,
    )
    converted = sorted(p.stem for p in (tmp_path / "pdf").iterdir() if p.read_bytes().startswith(b"%PDF"))
    assert converted == sorted(Path(f).stem for f in files)
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(tmp_path / "pdf" / "grastorp-delarsrapport-kommun.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        pages = text.count("\f")
        assert f"Sida {pages} av {pages}" in text, "LibreOffice räknar fram sidnumren i sidfoten"
