"""The Word writer (block stream → .docx), PDF by LibreOffice and Chromium, and the axe checker itself."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn

from axe_check import SKIP_REASON, axe_available, axe_violations, describe, serious
from styrmodell.errors import FatalError
from styrmodell.reports import pdf
from styrmodell.reports.docx import STATUS_FILLS, write_docx

needs_soffice = pytest.mark.skipif(
    pdf.find_soffice() is None, reason="LibreOffice saknas (.ci/run installerar libreoffice-writer-nogui)"
)
needs_chromium = pytest.mark.skipif(pdf.find_chromium() is None, reason="chromium saknas (installeras av .ci/run i CI)")
needs_axe = pytest.mark.skipif(not axe_available(), reason=SKIP_REASON)
PDFTOTEXT = shutil.which("pdftotext")


def line(**block) -> str:
    return json.dumps(block, ensure_ascii=False)


BLOCKS = "\n".join(
    [
        line(t="meta", title="Delårsrapport 2026", subject="Grästorps kommun", date="2026-08-31", language="sv-SE"),
        line(t="title", text="Delårsrapport januari–augusti 2026", subtitle="Grästorps kommun"),
        line(t="h", level=1, text="Måluppfyllelse"),
        line(t="p", text="Fullmäktige har fastställt fyra mål.", style="normal"),
        line(t="p", text="Källa: uppföljningssystemet.", style="note"),
        line(t="p", text="Uppgift saknas: socialnämndens prognos.", style="missing"),
        "",
        "Fri text utan JSON blir ett vanligt stycke.",
        line(t="h", level=2, text="Mål och status"),
        line(t="ul", items=["Trygg uppväxt", "Hållbar ekonomi"]),
        line(
            t="table",
            caption="Tabell 1. Målens status",
            head=["Mål", "Status", "Andel"],
            align=["l", "l", "r"],
            rows=[
                ["Trygg uppväxt", {"text": "Uppnått", "status": "uppnått"}, "92 %"],
                ["Hållbar ekonomi", {"text": "Delvis uppnått", "status": "delvis"}, "61 %"],
                ["Attraktiv kommun", {"text": "Ej uppnått", "status": "ej-uppnått"}, "12 %"],
                ["Klimat", {"text": "Ej mätt", "status": "ej-mätt"}, "–"],
            ],
            foot=["Summa", "", "4 mål"],
        ),
        line(t="h", level=3, text="Nivå tre"),
        line(t="h", level=4, text="Nivå fyra"),
        line(t="pagebreak"),
        line(t="h", level=1, text="Ekonomi"),
        line(t="table", caption="", head=["Post", "Mnkr"], align=["l", "r"], rows=[["Resultat", "14,2"]], foot=None),
    ]
)


@pytest.fixture(scope="module")
def docx_bytes() -> bytes:
    return write_docx(BLOCKS)


def test_every_block_type_reads_back_with_real_styles(docx_bytes):
    document = Document(io.BytesIO(docx_bytes))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert paragraphs[:2] == [("Title", "Delårsrapport januari–augusti 2026"), ("Subtitle", "Grästorps kommun")]
    headings = [(style, text) for style, text in paragraphs if style.startswith("Heading")]
    assert headings == [
        ("Heading 1", "Måluppfyllelse"),
        ("Heading 2", "Mål och status"),
        ("Heading 3", "Nivå tre"),
        ("Heading 4", "Nivå fyra"),
        ("Heading 1", "Ekonomi"),
    ]
    styles = {text: style for style, text in paragraphs}
    assert styles["Fullmäktige har fastställt fyra mål."] == "Normal"
    assert styles["Källa: uppföljningssystemet."] == "Notering"
    assert styles["Uppgift saknas: socialnämndens prognos."] == "Uppgift saknas"
    assert document.styles["Uppgift saknas"].font.bold and document.styles["Notering"].font.italic
    assert styles["Fri text utan JSON blir ett vanligt stycke."] == "Normal"
    assert [t for s, t in paragraphs if s == "List Bullet"] == ["Trygg uppväxt", "Hållbar ekonomi"]
    assert styles["Tabell 1. Målens status"] == "Caption"
    # the page break becomes "page break before" on the next heading: no empty line at the top of the page;
    # the first heading after the table of contents starts a page too
    breaks = [p.text for p in document.paragraphs if p.paragraph_format.page_break_before]
    assert breaks == ["Måluppfyllelse", "Ekonomi"]
    assert _page_breaks(document) == 0

    table = document.tables[0]
    assert table.style.name == "Table Grid"
    header, *body, footer = table.rows
    assert [c.text for c in header.cells] == ["Mål", "Status", "Andel"]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None, "rubrikraden ska upprepas på varje sida"
    assert all(run.bold for cell in header.cells for run in cell.paragraphs[0].runs)
    assert [c.text for c in body[1].cells] == ["Hållbar ekonomi", "Delvis uppnått", "61 %"]
    assert [c.text for c in footer.cells] == ["Summa", "", "4 mål"]
    assert all(run.bold for cell in footer.cells for run in cell.paragraphs[0].runs)
    assert footer._tr.trPr.find(qn("w:tblHeader")) is None
    # right-aligned column, header included
    assert [row.cells[2].paragraphs[0].alignment for row in table.rows] == [2] * 6
    assert body[0].cells[0].paragraphs[0].alignment is None
    fills = [row.cells[1]._tc.tcPr.find(qn("w:shd")) for row in body]
    assert [f.get(qn("w:fill")) for f in fills] == [
        STATUS_FILLS[s] for s in ("uppnått", "delvis", "ej-uppnått", "ej-mätt")
    ]
    assert body[0].cells[0]._tc.tcPr.find(qn("w:shd")) is None
    assert table._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val")) == "Tabell 1. Målens status"
    second = document.tables[1]
    assert len(second.rows) == 2 and second.rows[1].cells[1].text == "14,2"


def _page_breaks(document) -> int:
    return len(document.element.body.findall(f".//{qn('w:br')}[@{qn('w:type')}='page']"))


def test_page_break_before_a_table_or_at_the_end_is_a_break():
    table = line(t="table", head=["A"], rows=[["1"]])
    for stream in (
        f"{line(t='p', text='x')}\n{line(t='pagebreak')}\n{table}",
        f"{line(t='p', text='x')}\n{line(t='pagebreak')}\n\n",
        f"{line(t='pagebreak')}\n{line(t='pagebreak')}\n{line(t='meta', date='2026-01-01')}\nText",
    ):
        document = Document(io.BytesIO(write_docx(stream)))
        breaks = _page_breaks(document) + sum(p.paragraph_format.page_break_before is True for p in document.paragraphs)
        assert breaks == stream.count("pagebreak"), stream


def test_document_properties_page_and_language(docx_bytes):
    document = Document(io.BytesIO(docx_bytes))
    properties = document.core_properties
    assert properties.title == "Delårsrapport 2026"
    assert properties.subject == properties.author == "Grästorps kommun"
    midnight = dt.datetime(2026, 8, 31, tzinfo=dt.UTC)
    assert properties.created == properties.modified == midnight
    assert properties.language == "sv-SE"
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    lang = document.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "sv-SE"


def test_same_input_gives_same_bytes(docx_bytes):
    assert write_docx(BLOCKS) == docx_bytes
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as package:
        names = package.namelist()
        assert names[0] == "[Content_Types].xml"
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert package.testzip() is None
    assert write_docx(BLOCKS.replace("14,2", "14,3")) != docx_bytes


def test_a_line_that_is_not_an_object_is_a_paragraph():
    document = Document(io.BytesIO(write_docx('["t","p"]\n   \n  Bara text  ')))
    assert [(p.style.name, p.text) for p in document.paragraphs] == [("Normal", '["t","p"]'), ("Normal", "Bara text")]


@pytest.mark.parametrize(
    "bad, message",
    [
        ('{"t":"h","level":1,"text":"ok"}\n\n{"t":"rubrik","text":"x"}', "rad 3: okänd blocktyp 'rubrik'"),
        ('{"t":"p","text":"ok"}\n{"t":"p","text": "trasig', "rad 2: ogiltig JSON"),
        ('{"t":"h","level":7,"text":"x"}', "rad 1: rubriknivån måste vara 1–4"),
        ('{"t":"h","text":"ingen nivå"}', "rad 1: blocket saknar ett fält"),
        ('{"t":"table","head":["A"],"rows":[[{"text":"x","status":"grön"}]]}', "rad 1: okänd status 'grön'"),
        ('{"t":"table","head":["A","B"],"rows":[["bara en"]]}', "rad 1: tabellens rader"),
        ('{"t":"p","text":"x","style":"fet"}', "rad 1: okänd stil 'fet'"),
        ('{"t":"meta","date":"31 augusti"}', "rad 1: datumet"),
    ],
)
def test_malformed_line_is_a_swedish_error_with_its_line_number(bad, message):
    with pytest.raises(ValueError) as error:
        write_docx(bad)
    assert message in str(error.value)
    assert str(error.value).startswith("Blockströmmen, rad ")


def _pdf_text(data: bytes, folder) -> str | None:
    if PDFTOTEXT is None:
        return None
    path = folder / "ut.pdf"
    path.write_bytes(data)
    text = subprocess.run([PDFTOTEXT, str(path), "-"], capture_output=True, text=True, check=True).stdout
    return "\f".join(" ".join(page.split()) for page in text.split("\f"))  # lines joined, pages kept


@needs_soffice
def test_libreoffice_converts_the_docx_to_pdf(docx_bytes, tmp_path):
    first = pdf.docx_to_pdf(docx_bytes, tmp_path, date=dt.date(2026, 8, 31))
    assert first[:5] == b"%PDF-" and first.rstrip().endswith(b"%%EOF")
    assert b"/CreationDate(D:20260831000000" in first.replace(b" (", b"(")
    assert list(tmp_path.iterdir()) == [], "de tillfälliga filerna ska vara borta"
    text = _pdf_text(first, tmp_path)
    if text is not None:
        for expected in (
            "Delårsrapport januari–augusti 2026",
            "Måluppfyllelse",
            "Delvis uppnått",
            "Nivå fyra",
            "Uppgift saknas: socialnämndens prognos.",
        ):
            assert expected in text
        # the title and its table of contents, then the report, then the page break before Ekonomi
        assert text.strip("\f").count("\f") == 2, "innehållet och sidbrytningen ska ge tre sidor"
        assert "Sida 1 av 3" in text and "Sida 3 av 3" in text, "LibreOffice räknar sidorna i sidfoten"
    # the same document again: the dates and the ID are fixed, so the bytes are the same
    assert pdf.docx_to_pdf(docx_bytes, tmp_path, date=dt.date(2026, 8, 31)) == first


@needs_chromium
def test_chromium_prints_html_to_a4_pdf(tmp_path):
    page = (
        '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Prov</title></head>'
        "<body><h1>Måluppfyllelse i Grästorp</h1><p>Ett stycke.</p></body></html>"
    )
    first = pdf.html_to_pdf(page, tmp_path)
    assert first[:5] == b"%PDF-"
    width, height = map(float, re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", first).groups())
    assert (round(width * 25.4 / 72), round(height * 25.4 / 72)) == (210, 297), "A4"
    assert b"D:19800101000000" in first
    text = _pdf_text(first, tmp_path)
    if text is not None:
        assert "Måluppfyllelse i Grästorp" in text
    assert pdf.html_to_pdf(page, tmp_path) == first


def test_pdf_without_chromium_or_libreoffice_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf, "find_chromium", lambda: None)
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    for call in (
        lambda: pdf.make_pdf(tmp_path, html="<p>x</p>", docx=b"PK"),
        lambda: pdf.html_to_pdf("<p>x</p>", tmp_path),
        lambda: pdf.docx_to_pdf(b"PK", tmp_path),
    ):
        with pytest.raises(FatalError) as error:
            call()
        assert "PDF kräver Chromium eller LibreOffice" in str(error.value)
        assert "apt-get install" in str(error.value)


def test_stabilized_pdf_keeps_every_length():
    raw = (
        b"%PDF-1.4\n1 0 obj <</CreationDate (D:20261123092526+01'00') /ModDate(D:20261123092526Z)>>\n"
        b"<xmp:CreateDate>2026-11-23T09:25:13-05:00</xmp:CreateDate>\n"
        b"trailer <</ID [ <C13660B2B56A196AA7325352AEE1D387>\n<c13660b2b56a196aa7325352aee1d387> ]"
        b"/DocChecksum /16B28D3D9A38E793766A852793B6EA2E>>\n%%EOF"
    )
    fixed = pdf.stabilize_pdf(raw, dt.date(2026, 8, 31))
    assert len(fixed) == len(raw)
    assert b"(D:20260831000000+00'00')" in fixed and b"(D:20260831000000Z)" in fixed
    assert b"<xmp:CreateDate>2026-08-31T00:00:00+00:00<" in fixed
    assert b"C13660B2" not in fixed.upper()
    assert pdf.stabilize_pdf(raw.replace(b"09:25:13", b"11:11:11"), dt.date(2026, 8, 31)) == fixed


@needs_axe
def test_axe_finds_violations_on_a_bad_page(tmp_path):
    page = tmp_path / "dalig.html"
    page.write_text(
        '<!doctype html><html><head><meta charset="utf-8"></head><body>'
        '<img src="diagram.png"><p style="color:#bbb">Blek text</p></body></html>',
        encoding="utf-8",
    )
    violations = axe_violations(page, tmp_path / "axe")
    ids = {v["id"] for v in violations}
    assert {"image-alt", "html-has-lang", "document-title", "color-contrast"} <= ids, describe(violations)
    image = next(v for v in violations if v["id"] == "image-alt")
    assert image["impact"] == "critical" and image["nodes"] == 1 and image["help"]


@needs_axe
def test_axe_passes_a_good_page(tmp_path):
    page = tmp_path / "bra.html"
    page.write_text(
        '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Måluppfyllelse</title></head><body>'
        "<main><h1>Måluppfyllelse</h1><p>Fyra mål följs upp.</p>"
        '<img src="diagram.png" alt="Stapeldiagram över målen">'
        "<table><caption>Målens status</caption><thead><tr><th scope=col>Mål</th><th scope=col>Status</th></tr>"
        '</thead><tbody><tr><td>Trygg uppväxt</td><td style="background:#C6EFCE">Uppnått</td></tr></tbody></table>'
        "</main></body></html>",
        encoding="utf-8",
    )
    violations = axe_violations(page, tmp_path / "axe")
    assert serious(violations) == [], describe(violations)


CHART = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" role="img"><title>Prov</title>'
    '<rect x="10" y="10" width="120" height="40" fill="#1b5e8a"/><text x="10" y="80" font-size="12">Utfall</text></svg>'
)
REPORT = "\n".join(
    [
        line(
            t="meta",
            title="Delårsrapport 2026",
            subject="Kommunstyrelsen",
            municipality="Grästorps kommun",
            date="2026-08-31",
        ),
        line(t="title", text="Delårsrapport 2026", subtitle="Kommunstyrelsen"),
        line(t="h", level=1, text="Sammanfattning"),
        line(t="p", text="Ett stycke."),
        line(t="image", svg=CHART, alt="Utfall per år: 2025 12, 2026 14", caption="Utfall per år."),
        line(t="h", level=1, text="Måluppfyllelse"),
        line(t="h", level=2, text="Trygg uppväxt"),
        line(t="h", level=3, text="Inte i innehållet"),
        line(t="h", level=1, text="Ekonomi"),
        line(
            t="table",
            head=["Begränsningar", "Målvärde", "utbildningsnämndens"],
            align=["l", "r", "l"],
            rows=[["a", "1", "b"]],
        ),
    ]
)


def _codes(element) -> list[str]:
    return [" ".join(text.split()) for text in element.xpath(".//w:instrText/text()")]


def test_a_report_has_page_numbers_a_header_contents_date_and_pictures():
    document = Document(io.BytesIO(write_docx(REPORT)))
    section = document.sections[0]
    assert section.footer.paragraphs[0].text == "Sida 1 av 1"  # until Word or LibreOffice counts the pages
    assert _codes(section.footer._element) == ["PAGE", "NUMPAGES"]
    assert section.header.paragraphs[0].text == "Delårsrapport 2026 – Kommunstyrelsen – Grästorps kommun"
    assert section.different_first_page_header_footer, "titelsidan har rubriken själv, inte sidhuvudet"
    assert "".join(p.text for p in section.first_page_header.paragraphs) == ""
    assert _codes(section.first_page_footer._element) == ["PAGE", "NUMPAGES"]
    texts = [(p.style.name, p.text) for p in document.paragraphs]
    assert texts[:4] == [
        ("Title", "Delårsrapport 2026"),
        ("Subtitle", "Kommunstyrelsen"),
        ("Subtitle", "31 augusti 2026"),
        ("TOC Heading", "Innehåll"),
    ]
    assert _codes(document.element.body) == ['TOC \\o "1-2" \\h \\z \\u']
    assert [t for s, t in texts if s.startswith("toc ")] == [
        "Sammanfattning",
        "Måluppfyllelse",
        "Trygg uppväxt",
        "Ekonomi",
    ]
    after_contents = next(p for p in document.paragraphs if p.style.name == "Heading 1")
    assert after_contents.paragraph_format.page_break_before, "innehållet står på en sida för sig"
    assert document.settings.element.find(qn("w:updateFields")) is not None
    picture = document.element.body.find(f".//{qn('wp:docPr')}")
    assert picture.get("descr") == "Utfall per år: 2025 12, 2026 14"
    assert document.inline_shapes[0].width.mm == pytest.approx(60, abs=0.1)  # 200 units at 0.3 mm
    with zipfile.ZipFile(io.BytesIO(write_docx(REPORT))) as package:
        image = next(n for n in package.namelist() if n.startswith("word/media/"))
        assert package.read(image).startswith(b"\x89PNG")
        app = package.read("docProps/app.xml").decode()
        assert "<Application>styrmodell</Application>" in app and "<Company>Grästorps kommun</Company>" in app
        assert "Macintosh" not in app
    table = document.tables[0]
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "autofit"
    assert table._tbl.tblPr.find(qn("w:tblW")).get(qn("w:type")) == "pct"
    widths = [column.width.mm for column in table.columns]
    assert sum(widths) == pytest.approx(160, abs=0.5)
    assert widths[2] > widths[0] > widths[1], "den längsta ordet får den bredaste kolumnen"
    assert write_docx(REPORT) == write_docx(REPORT), "bilderna ritas likadant varje gång"


def test_a_short_report_has_no_table_of_contents():
    short = "\n".join(REPORT.splitlines()[:6])  # two headings
    document = Document(io.BytesIO(write_docx(short)))
    assert not any(code.startswith("TOC") for code in _codes(document.element.body))


def test_a_chart_that_is_not_svg_is_an_error_with_its_line():
    with pytest.raises(ValueError, match="rad 1: bilden måste vara en SVG-bild"):
        write_docx(line(t="image", svg="<script>x</script>", alt="x"))


def _municipal_template(path) -> bytes:
    """A municipality's Word template as Word would save it: its own fonts, colours, margins and a header."""
    from docx.shared import Mm, Pt, RGBColor

    template = Document()
    template.styles["Normal"].font.name = "Liberation Serif"
    template.styles["Normal"].font.size = Pt(12)
    template.styles["Heading 1"].font.color.rgb = RGBColor(0x8B, 0x00, 0x00)
    template.styles["Heading 1"].font.name = "Liberation Sans"
    section = template.sections[0]
    section.left_margin = section.right_margin = Mm(30)
    section.header.paragraphs[0].text = "Grästorps kommun · Logotyp"
    template.add_paragraph("Mallens egen text, som inte hör till rapporten.")
    raw = io.BytesIO()
    template.save(raw)
    return raw.getvalue()


def test_the_municipality_s_word_template_is_the_base(tmp_path):
    document = Document(io.BytesIO(write_docx(REPORT, _municipal_template(tmp_path))))
    assert document.styles["Normal"].font.name == "Liberation Serif"
    assert document.styles["Normal"].font.size.pt == 12
    heading = next(p for p in document.paragraphs if p.text == "Måluppfyllelse" and p.style.name != "toc 1")
    assert heading.style.name == "Heading 1"
    assert heading.style.font.color.rgb == (0x8B, 0x00, 0x00) and heading.style.font.name == "Liberation Sans"
    section = document.sections[0]
    assert round(section.left_margin.mm) == 30
    assert section.header.paragraphs[0].text == "Grästorps kommun · Logotyp", "mallens sidhuvud står kvar"
    assert _codes(section.footer._element) == ["PAGE", "NUMPAGES"], "en mall utan sidfot får sidnumren"
    assert "Mallens egen text" not in "\n".join(p.text for p in document.paragraphs)
    text_width = section.page_width.mm - 60  # the template's page (US Letter) less its margins
    assert sum(c.width.mm for c in document.tables[0].columns) == pytest.approx(text_width, abs=0.5)


def test_a_file_that_is_no_word_template_is_a_swedish_error():
    with pytest.raises(ValueError, match=r"mallar/rapport\.docx är inte ett Word-dokument"):
        write_docx(REPORT, b"inte en zip")


def test_a_table_with_more_long_words_than_the_page_holds_gets_smaller_text_first():
    head = ["Risk", "Riskvärde", "Kontroll", "Ansvarig", "Frekvens", "Rapportering", "Metod"]
    row = ["attestförteckningen", "kommunstyrelsen", "Stickprovskontroller", "Ekonomichefen", "Kvartalsvis",
           "Kommunstyrelsen", "Dokumentgranskning"]  # fmt: skip
    document = Document(io.BytesIO(write_docx(line(t="table", head=head, rows=[row]))))
    table = document.tables[0]
    sizes = {run.font.size.pt for r in table.rows for c in r.cells for p in c.paragraphs for run in p.runs}
    assert sizes == {8.0}
    assert sum(c.width.mm for c in table.columns) == pytest.approx(160, abs=0.5)
    roomy = Document(io.BytesIO(write_docx(line(t="table", head=head[:3], rows=[row[:3]]))))
    assert {run.font.size.pt for c in roomy.tables[0].rows[1].cells for run in c.paragraphs[0].runs} == {10.0}
