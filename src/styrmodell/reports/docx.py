"""A Word document (.docx) from a report template's block stream.

The block stream is UTF-8 text with one JSON object per line, its "t" naming the block:
meta, title, h, p, ul, table, image, pagebreak. A non-empty line that does not start with "{" is a
plain paragraph; an empty line is ignored. The same stream always gives the same bytes:
the dates come from the meta block, never from the clock, and the zip is written anew with
fixed entry dates in a fixed order.

What a secretary files: the report's title and the municipality in the page header, "Sida X av Y"
in the footer (Word's PAGE and NUMPAGES fields), a table of contents field after the title, the
report's date, tables whose columns are as wide as their words need (measured, and left to Word's
autofit: no fixed layout), charts as pictures with alternative text. A municipality's own Word
template (`mallar/rapport.docx`, given as `template`) is the base when there is one, as pandoc's
reference document is: its styles, fonts, margins, header and footer are kept, its body is not.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from dataclasses import dataclass, field

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from styrmodell.svenska.dates import swedish_date
from styrmodell.svenska.text import xml, xml_escape

TEMPLATE = "mallar/rapport.docx"

# Light fills: black text on each has a contrast ratio above 12:1 (WCAG AA asks 4.5:1).
STATUS_FILLS = {
    "uppnått": "C6EFCE",
    "delvis": "FFEB9C",
    "ej-uppnått": "FFC7CE",
    "ej-mätt": "E7E6E6",
}
PARAGRAPH_STYLES = {"normal": "Normal", "note": "Notering", "missing": "Uppgift saknas"}
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


class _LineError(Exception):
    """A problem with one block; turned into a ValueError that names the line."""


@dataclass
class _State:
    """What the blocks tell that the end of the document needs: the title, the organ, the date, the headings."""

    title: str = ""
    organ: str = ""
    municipality: str = ""
    date: dt.date | None = None
    after_title: Paragraph | None = None  # the paragraph after which the table of contents goes
    headings: list[tuple[int, str]] = field(default_factory=list)
    images: int = 0


def write_docx(blocks_text: str, template: bytes | None = None) -> bytes:
    """The .docx for a block stream; raises ValueError (in Swedish, with the line number) on a bad line.

    `template` is a Word file (.docx) whose styles, page setup, header and footer are the base."""
    document = _base(template)
    state = _State()
    page_break = None
    for number, line in enumerate(blocks_text.splitlines(), start=1):
        text = line.strip()
        if not text:
            continue
        if page_break is not None:
            page_break = _move_page_break(page_break)
        if not text.startswith("{"):
            document.add_paragraph(xml(text))
            continue
        try:
            block = json.loads(text)
            if not isinstance(block, dict):
                raise _LineError("raden är inte ett JSON-objekt")
            if block.get("t") == "pagebreak":
                page_break = document.add_paragraph()
                page_break.add_run().add_break(WD_BREAK.PAGE)
            else:
                _add_block(document, block, state)
        except json.JSONDecodeError as error:
            raise ValueError(
                f"Blockströmmen, rad {number}: ogiltig JSON ({error.msg}, tecken {error.pos + 1})"
            ) from None
        except _LineError as error:
            raise ValueError(f"Blockströmmen, rad {number}: {error}") from None
        except (KeyError, TypeError, AttributeError) as error:
            raise ValueError(
                f"Blockströmmen, rad {number}: blocket saknar ett fält eller har fel sorts värde "
                f"({type(error).__name__}: {error})"
            ) from None
    if page_break is not None:
        _move_page_break(page_break)
    _contents(document, state)
    _header_and_footer(document, state)
    return _stable_zip(document, state)


def _base(template: bytes | None):
    """python-docx's own template set up for a report, or the municipality's template emptied of its text."""
    if template is None:
        document = Document()
        _set_up(document)
        _page(document)
        return document
    try:
        document = Document(io.BytesIO(template))
    except Exception as error:  # noqa: BLE001 - whatever is wrong with the file is the file's error
        raise ValueError(f"mallen {TEMPLATE} är inte ett Word-dokument (.docx) som går att läsa ({error})") from None
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _set_up(document, own_template=True)
    return document


def _move_page_break(page_break):
    """A page break paragraph followed by a paragraph becomes "page break before" on that paragraph, so the
    new page does not start with an empty line; before a table (or at the end) it stays. None once settled."""
    following = page_break._p.getnext()
    if following is None or following.tag == qn("w:sectPr"):
        return page_break  # nothing added after it yet (a meta block), or the end
    if following.tag == qn("w:p"):
        Paragraph(following, page_break._parent).paragraph_format.page_break_before = True
        page_break._p.getparent().remove(page_break._p)
    return None


def _add_block(document, block: dict, state: _State) -> None:
    kind = block.get("t")
    if kind == "meta":
        _set_meta(document, block, state)
    elif kind == "title":
        document.add_paragraph(_text(block["text"]), style="Title")
        last = None
        if block.get("subtitle"):
            last = document.add_paragraph(_text(block["subtitle"]), style="Subtitle")
        if state.date is not None:
            last = document.add_paragraph(swedish_date(state.date), style="Subtitle")
        if state.after_title is None:
            state.after_title = last or document.paragraphs[-1]
    elif kind == "h":
        level = block["level"]
        if level not in (1, 2, 3, 4):
            raise _LineError(f"rubriknivån måste vara 1–4, inte {level!r}")
        heading = _text(block["text"])
        document.add_paragraph(heading, style=f"Heading {level}")
        state.headings.append((level, heading))
    elif kind == "p":
        style = block.get("style") or "normal"
        if style not in PARAGRAPH_STYLES:
            raise _LineError(f"okänd stil {style!r} för stycke (tillåtna: {', '.join(PARAGRAPH_STYLES)})")
        document.add_paragraph(_text(block["text"]), style=PARAGRAPH_STYLES[style])
    elif kind == "ul":
        for item in block["items"]:
            document.add_paragraph(_text(item), style="List Bullet")
    elif kind == "table":
        _add_table(document, block)
    elif kind == "image":
        _add_image(document, block, state)
    else:
        raise _LineError(f"okänd blocktyp {kind!r} (kända: meta, title, h, p, ul, table, image, pagebreak)")


def _text(value) -> str:
    """A text for Word: without the characters XML cannot hold (see svenska.text)."""
    if value is None:
        return ""
    if isinstance(value, (str, int, float)):
        return xml(str(value))
    raise _LineError(f"väntade text men fick {type(value).__name__}")


def _page(document) -> None:
    """A4 with 25 mm margins (python-docx's template is US Letter)."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = section.bottom_margin = Mm(25)
        section.left_margin = section.right_margin = Mm(25)
        section.header_distance = section.footer_distance = Mm(12)


def _set_up(document, own_template: bool = False) -> None:
    """Swedish as the language of every style, and the styles the report uses: the template's own where it
    has them, ours (added, or made readable in python-docx's template) where it has not."""
    styles_root = document.styles.element
    lang = styles_root.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr") + "/" + qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), "sv-SE")
    theme_lang = document.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), "sv-SE")

    styles = document.styles
    names = {style.name for style in styles}
    for name, base in (
        ("Title", "Normal"),
        ("Subtitle", "Normal"),
        ("Heading 1", "Normal"),
        ("Heading 2", "Normal"),
        ("Heading 3", "Normal"),
        ("Heading 4", "Normal"),
        ("Caption", "Normal"),
        ("List Bullet", "Normal"),
        ("TOC Heading", "Heading 1"),
        ("Header", "Normal"),
        ("Footer", "Normal"),
    ):
        if name not in names:
            added = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            added.base_style = styles[base]
            if name.startswith("Heading"):
                added.font.bold = True
                added.font.size = Pt({"1": 16, "2": 13, "3": 12, "4": 11}[name[-1]])
                added.paragraph_format.keep_with_next = True
    if "Table Grid" not in names:
        grid = styles.add_style("Table Grid", WD_STYLE_TYPE.TABLE)
        borders = _element("w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            borders.append(_element(f"w:{side}", {"w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "auto"}))
        table_properties = grid.element.get_or_add_tblPr() if hasattr(grid.element, "get_or_add_tblPr") else None
        if table_properties is None:
            table_properties = _element("w:tblPr")
            grid.element.append(table_properties)
        table_properties.append(borders)
    if "Notering" not in names:
        note = styles.add_style("Notering", WD_STYLE_TYPE.PARAGRAPH)
        note.base_style = styles["Normal"]
        note.font.size = Pt(9)
        note.font.italic = True
        note.font.color.rgb = RGBColor(0x59, 0x59, 0x59)  # 7:1 on white
    if "Uppgift saknas" not in names:
        missing = styles.add_style("Uppgift saknas", WD_STYLE_TYPE.PARAGRAPH)
        missing.base_style = styles["Normal"]
        missing.font.bold = True
        missing.font.color.rgb = RGBColor(0x9C, 0x00, 0x06)  # 8:1 on white
    for name in ("Heading 1", "Heading 2", "Heading 3", "Heading 4", "Caption"):
        styles[name].paragraph_format.keep_with_next = True  # a heading or a caption never ends a page
    if not own_template:
        # the template's light blue (3.9:1 on white) is too pale for text; this one has 8.6:1
        for name in ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Caption", "TOC Heading"):
            styles[name].font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)

    # a template's thumbnail shows an empty page (or the template's): a file browser would show that
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[rel_id]

    properties = document.core_properties
    properties.author = properties.last_modified_by = ""
    properties.comments = properties.keywords = properties.category = ""
    properties.revision = 1
    properties.language = "sv-SE"


def _set_meta(document, block: dict, state: _State) -> None:
    properties = document.core_properties
    state.title = properties.title = _text(block.get("title"))
    state.organ = _text(block.get("subject"))
    state.municipality = _text(block.get("municipality"))
    properties.subject = state.organ
    properties.author = properties.last_modified_by = state.organ
    properties.language = _text(block.get("language")) or "sv-SE"
    if block.get("date"):
        try:
            day = dt.date.fromisoformat(block["date"])
        except (TypeError, ValueError):
            raise _LineError(f"datumet {block['date']!r} är inte på formen ÅÅÅÅ-MM-DD") from None
        moment = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
        properties.created = properties.modified = moment
        state.date = day


def _contents(document, state: _State) -> None:
    """A table of contents (Word's TOC field, levels 1–2) after the title, where the report has three
    headings or more on those levels. Its shown text is the headings themselves until it is updated."""
    if state.after_title is None or len(_toc_entries(state)) < TOC_LEAST:
        return
    anchor = state.after_title._p
    heading = document.add_paragraph("Innehåll", style="TOC Heading")
    heading.paragraph_format.page_break_before = False
    elements = [heading._p]
    entries = _toc_entries(state)
    for index, (level, text) in enumerate(entries):
        paragraph = document.add_paragraph(style=_toc_style(document, level))
        if index == 0:
            _field_start(paragraph, 'TOC \\o "1-2" \\h \\z \\u')
        paragraph.add_run(text)
        if index == len(entries) - 1:
            _field_end(paragraph)
        elements.append(paragraph._p)
    for element in reversed(elements):
        anchor.addnext(element)
    following = elements[-1].getnext()
    if following is not None and following.tag == qn("w:p"):
        Paragraph(following, state.after_title._parent).paragraph_format.page_break_before = True
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        settings.append(_element("w:updateFields", {"w:val": "true"}))  # Word fills in the page numbers


TOC_LEAST = 3


def _toc_entries(state: _State) -> list[tuple[int, str]]:
    return [(level, text) for level, text in state.headings if level <= 2]


def _toc_style(document, level: int) -> str:
    name = f"toc {level}"
    if name not in {style.name for style in document.styles}:
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.paragraph_format.left_indent = Mm(6 * (level - 1))
        style.paragraph_format.space_after = Pt(2)
    return name


def _field_start(paragraph, instruction: str) -> None:
    begin = paragraph.add_run()._r
    begin.append(_element("w:fldChar", {"w:fldCharType": "begin"}))
    code = paragraph.add_run()._r
    text = _element("w:instrText", {"xml:space": "preserve"})
    text.text = f" {instruction} "
    code.append(text)
    separate = paragraph.add_run()._r
    separate.append(_element("w:fldChar", {"w:fldCharType": "separate"}))


def _field_end(paragraph) -> None:
    paragraph.add_run()._r.append(_element("w:fldChar", {"w:fldCharType": "end"}))


def _field(paragraph, instruction: str, shown: str) -> None:
    """A simple field (PAGE, NUMPAGES) with the text shown until it is updated."""
    _field_start(paragraph, instruction)
    paragraph.add_run(shown)
    _field_end(paragraph)


def _header_and_footer(document, state: _State) -> None:
    """The title and the organ in the header (not on the title page, which has them as its heading), "Sida X
    av Y" in the footer of every page; a template's own header or footer (a logo, an address) is kept."""
    for section in document.sections:
        header = section.header
        if not _has_content(header):
            paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            paragraph.style = document.styles["Header"]
            parts = [state.title, state.organ] + ([state.municipality] if state.municipality != state.organ else [])
            paragraph.text = " – ".join(part for part in parts if part)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if state.after_title is not None and not section.different_first_page_header_footer:
                section.different_first_page_header_footer = True
                _page_numbers(document, section.first_page_footer)
        if not _has_content(section.footer):
            _page_numbers(document, section.footer)


def _page_numbers(document, footer) -> None:
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.style = document.styles["Footer"]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("Sida ")
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(" av ")
    _field(paragraph, "NUMPAGES", "1")


def _has_content(part) -> bool:
    """Whether a header or footer of the template has text, a picture or a field of its own."""
    if part.is_linked_to_previous:
        return False
    element = part._element
    return bool(
        "".join(element.itertext()).strip()
        or element.findall(".//" + qn("w:drawing"))
        or element.findall(".//" + qn("w:fldSimple"))
        or element.findall(".//" + qn("w:pict"))
    )


def _add_image(document, block: dict, state: _State) -> None:
    """A chart (SVG) as a picture: drawn to PNG by CairoSVG, as wide as the text at most, with its
    alternative text (Word's "Alternativ text"), and the caption under it."""
    svg = block["svg"]
    if not isinstance(svg, str) or not svg.lstrip().startswith("<svg"):
        raise _LineError('bilden måste vara en SVG-bild (svg: "<svg …>")')
    alt = _text(block.get("alt"))
    png, width_units = _png(svg)
    state.images += 1
    width = Mm(min(_text_width_mm(document), width_units * 0.3))
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.keep_with_next = True
    run = paragraph.add_run()
    run.add_picture(io.BytesIO(png), width=width)
    properties = run._r.find(".//" + qn("wp:docPr"))
    if properties is not None:
        properties.set("name", f"Diagram {state.images}")
        properties.set("descr", alt)
    caption = _text(block.get("caption"))
    if caption:
        document.add_paragraph(caption, style="Caption").paragraph_format.keep_with_next = False


def _png(svg: str) -> tuple[bytes, float]:
    """The SVG drawn at twice its size (sharp in print), and its width in SVG units."""
    match = re.search(r'viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)', svg)
    width = float(match.group(1)) if match else 520.0
    try:
        import cairosvg  # type: ignore[import-untyped]
    except (ImportError, OSError) as error:
        raise _LineError(f"diagrammet kan inte ritas: CairoSVG eller Cairo saknas ({error})") from None
    try:
        return cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=2, unsafe=False), width
    except Exception as error:  # noqa: BLE001 - a picture that cannot be drawn is the block's error
        raise _LineError(f"diagrammet kan inte ritas ({type(error).__name__}: {error})") from None


def _add_table(document, block: dict) -> None:
    head = block["head"]
    rows = block.get("rows") or []
    foot = block.get("foot")
    align = block.get("align") or []
    columns = len(head)
    if any(len(row) != columns for row in rows) or (foot is not None and len(foot) != columns):
        raise _LineError(f"tabellens rader måste ha lika många celler som rubrikraden ({columns})")
    caption = _text(block.get("caption"))
    if caption:
        document.add_paragraph(caption, style="Caption")

    table = document.add_table(rows=0, cols=columns)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    _cell_margins(table)
    if caption:
        _table_caption(table, caption)

    right = [i < len(align) and align[i] == "r" for i in range(columns)]
    _add_row(table, head, right, bold=True, header=True)
    for row in rows:
        _add_row(table, row, right)
    if foot is not None:
        _add_row(table, foot, right, bold=True)
    _column_widths(table, [head, *rows] + ([foot] if foot is not None else []), _text_width_mm(document))
    document.add_paragraph()  # Word needs a paragraph between two tables, and it spaces the next block


TEXT_WIDTH_MM = 160  # A4 less the margins
TABLE_TEXT_PT = 10
SMALLEST_TABLE_PT = 8
CHAR_MM = 2.3  # a letter at 10 pt, on the wide side (DejaVu, which LibreOffice puts in for a missing Calibri)
BOLD_CHAR_MM = 2.6
CELL_PADDING_MM = 3.2  # the cell margins left and right (85 twentieths of a point each) and a little


def _text_width_mm(document) -> float:
    section = document.sections[-1]
    try:
        return float((section.page_width - section.left_margin - section.right_margin) / Mm(1))
    except TypeError:  # a template without page size or margins
        return TEXT_WIDTH_MM


def _words(text: str) -> list[str]:
    """The parts of a text that a line cannot break inside: a no-break space joins ("6\u00a0kap."), a soft
    hyphen ("Begräns\u00adningar") is a place to break."""
    return [word for word in re.split(r"[ \t\n\u00ad]+", text) if word]


def _column_widths(table, rows: list[list], text_width: float) -> None:
    """Columns as wide as their words need. No column is narrower than its longest word (so no word is broken
    in the middle, "Begräns|ningar"), the room left goes to the columns with the longest texts, and the table
    keeps Word's autofit layout (never "fixed"), so Word may still fit it to its own fonts. LibreOffice, which
    does not autofit, uses these widths as they are."""
    columns = len(rows[0])
    least, wanted = [], []
    for index in range(columns):
        cells = [
            (_text(row[index].get("text") if isinstance(row[index], dict) else row[index]), n)
            for n, row in enumerate(rows)
        ]
        per = [BOLD_CHAR_MM if n == 0 else CHAR_MM for _, n in cells]
        word = max((len(w) * per[i] for i, (text, _) in enumerate(cells) for w in _words(text)), default=0.0)
        whole = max((len(text) * per[i] for i, (text, _) in enumerate(cells)), default=0.0)
        least.append(max(word, 8.0) + CELL_PADDING_MM)
        wanted.append(max(whole, 8.0) + CELL_PADDING_MM)
    if sum(wanted) <= text_width:  # everything on one line: the spare room in proportion to what each has
        widths = [w * text_width / sum(wanted) for w in wanted]
    elif sum(least) <= text_width:  # every word whole: the rest to the columns that wrap, as much as they lack
        spare = text_width - sum(least)
        lacking = [w - m for w, m in zip(wanted, least, strict=True)]
        widths = [m + spare * lack / (sum(lacking) or 1) for m, lack in zip(least, lacking, strict=True)]
    else:  # more long words than the page has room for: smaller text (down to 8 pt) before a broken word
        letters = sum(m - CELL_PADDING_MM for m in least)
        scale = max(SMALLEST_TABLE_PT / TABLE_TEXT_PT, (text_width - CELL_PADDING_MM * columns) / letters)
        least = [(m - CELL_PADDING_MM) * scale + CELL_PADDING_MM for m in least]
        widths = [m * text_width / sum(least) for m in least]
        size = Pt(round(TABLE_TEXT_PT * scale * 2) / 2)
        for run in table._tbl.iter(qn("w:r")):
            run_size = run.get_or_add_rPr().get_or_add_sz()
            run_size.val = size
    table.autofit = True
    properties = table._tbl.tblPr
    for old in properties.findall(qn("w:tblW")):
        properties.remove(old)
    style = properties.find(qn("w:tblStyle"))
    table_width = _element("w:tblW", {"w:w": "5000", "w:type": "pct"})  # the whole text width
    if style is not None:
        style.addnext(table_width)
    else:
        properties.insert(0, table_width)
    for index, column in enumerate(table.columns):
        width = Mm(widths[index])
        column.width = width
        for cell in column.cells:
            cell.width = width


def _add_row(table, cells: list, right: list[bool], bold: bool = False, header: bool = False) -> None:
    row = table.add_row()
    row_properties = row._tr.get_or_add_trPr()
    if header:
        row_properties.append(_element("w:tblHeader"))  # repeated at the top of every page
    row_properties.append(_element("w:cantSplit"))
    for index, (cell, value) in enumerate(zip(row.cells, cells, strict=False)):
        status = None
        if isinstance(value, dict):
            status = value.get("status")
            value = value.get("text")
            if status is not None and status not in STATUS_FILLS:
                raise _LineError(f"okänd status {status!r} (tillåtna: {', '.join(STATUS_FILLS)})")
        paragraph = cell.paragraphs[0]
        run = paragraph.add_run(_text(value))
        run.font.size = Pt(TABLE_TEXT_PT)
        if bold:
            run.bold = True
        if right[index]:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if status:
            cell._tc.get_or_add_tcPr().append(
                _element("w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": STATUS_FILLS[status]})
            )


def _cell_margins(table) -> None:
    """A little air around the text of every cell (in twentieths of a point)."""
    margins = _element("w:tblCellMar")
    for side, width in (("top", 29), ("left", 85), ("bottom", 29), ("right", 85)):
        margins.append(_element(f"w:{side}", {"w:w": str(width), "w:type": "dxa"}))
    properties = table._tbl.tblPr
    look = properties.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        properties.append(margins)


def _table_caption(table, caption: str) -> None:
    """The caption as the table's alternative text too (Word's "Rubrik" under Alternativ text)."""
    properties = table._tbl.tblPr
    element = _element("w:tblCaption", {"w:val": caption})
    look = properties.find(qn("w:tblLook"))
    if look is not None:
        look.addnext(element)
    else:
        properties.append(element)


def _element(tag: str, attributes: dict[str, str] | None = None):
    element = OxmlElement(tag)
    for name, value in (attributes or {}).items():
        element.set(qn(name), value)
    return element


APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>styrmodell</Application><Company>{company}</Company></Properties>"
)


def _stable_zip(document, state: _State | None = None) -> bytes:
    """The package as a zip whose bytes depend on its content only: fixed dates, a fixed order, and the
    application properties of this document (python-docx's say "Microsoft Macintosh Word", one page)."""
    raw = io.BytesIO()
    document.save(raw)
    with zipfile.ZipFile(raw) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    if "docProps/app.xml" in entries:
        company = xml_escape(state.municipality if state else "")
        entries["docProps/app.xml"] = APP_XML.format(company=company).encode("utf-8")
    first = [name for name in ("[Content_Types].xml", "_rels/.rels") if name in entries]
    order = first + sorted(name for name in entries if name not in first)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, entries[name], compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    return out.getvalue()
