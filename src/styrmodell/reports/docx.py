"""A Word document (.docx) from a report template's block stream.

The block stream is UTF-8 text with one JSON object per line, its "t" naming the block:
meta, title, h, p, ul, table, pagebreak. A non-empty line that does not start with "{" is a
plain paragraph; an empty line is ignored. The same stream always gives the same bytes:
the dates come from the meta block, never from the clock, and the zip is written anew with
fixed entry dates in a fixed order.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from styrmodell.svenska.text import xml

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


def write_docx(blocks_text: str) -> bytes:
    """The .docx for a block stream; raises ValueError (in Swedish, with the line number) on a bad line."""
    document = Document()
    _set_up(document)
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
                _add_block(document, block)
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
    return _stable_zip(document)


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


def _add_block(document, block: dict) -> None:
    kind = block.get("t")
    if kind == "meta":
        _set_meta(document, block)
    elif kind == "title":
        document.add_paragraph(_text(block["text"]), style="Title")
        if block.get("subtitle"):
            document.add_paragraph(_text(block["subtitle"]), style="Subtitle")
    elif kind == "h":
        level = block["level"]
        if level not in (1, 2, 3, 4):
            raise _LineError(f"rubriknivån måste vara 1–4, inte {level!r}")
        document.add_paragraph(_text(block["text"]), style=f"Heading {level}")
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
    else:
        raise _LineError(f"okänd blocktyp {kind!r} (kända: meta, title, h, p, ul, table, pagebreak)")


def _text(value) -> str:
    """A text for Word: without the characters XML cannot hold (see svenska.text)."""
    if value is None:
        return ""
    if isinstance(value, (str, int, float)):
        return xml(str(value))
    raise _LineError(f"väntade text men fick {type(value).__name__}")


def _set_up(document) -> None:
    """A4, margins, Swedish as the language of every style, and the two paragraph styles of our own."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = section.bottom_margin = Mm(25)
        section.left_margin = section.right_margin = Mm(25)
    styles_root = document.styles.element
    lang = styles_root.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr") + "/" + qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), "sv-SE")
    theme_lang = document.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), "sv-SE")

    note = document.styles.add_style("Notering", WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = document.styles["Normal"]
    note.font.size = Pt(9)
    note.font.italic = True
    note.font.color.rgb = RGBColor(0x59, 0x59, 0x59)  # 7:1 on white
    missing = document.styles.add_style("Uppgift saknas", WD_STYLE_TYPE.PARAGRAPH)
    missing.base_style = document.styles["Normal"]
    missing.font.bold = True
    missing.font.color.rgb = RGBColor(0x9C, 0x00, 0x06)  # 8:1 on white
    document.styles["Caption"].paragraph_format.keep_with_next = True
    # the template's light blue (3.9:1 on white) is too pale for text; this one has 8.6:1
    for name in ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Caption"):
        document.styles[name].font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)

    # python-docx's template has a thumbnail of an empty page: a file browser would show that
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[rel_id]

    properties = document.core_properties
    properties.author = properties.last_modified_by = ""
    properties.comments = ""
    properties.revision = 1
    properties.language = "sv-SE"


def _set_meta(document, block: dict) -> None:
    properties = document.core_properties
    properties.title = _text(block.get("title"))
    properties.subject = _text(block.get("subject"))
    properties.author = properties.last_modified_by = _text(block.get("subject"))
    properties.language = _text(block.get("language")) or "sv-SE"
    if block.get("date"):
        try:
            day = dt.date.fromisoformat(block["date"])
        except (TypeError, ValueError):
            raise _LineError(f"datumet {block['date']!r} är inte på formen ÅÅÅÅ-MM-DD") from None
        moment = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
        properties.created = properties.modified = moment


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
    _column_widths(table, [head, *rows] + ([foot] if foot is not None else []))
    document.add_paragraph()  # Word needs a paragraph between two tables, and it spaces the next block


TEXT_WIDTH_MM = 160  # A4 less the margins


def _column_widths(table, rows: list[list]) -> None:
    """Columns as wide as their longest text suggests, so a long name does not wrap into a
    narrow column while a number gets half the page (Word gives every column the same width)."""
    columns = len(rows[0])
    weights = []
    for index in range(columns):
        texts = [_text(row[index].get("text") if isinstance(row[index], dict) else row[index]) for row in rows]
        longest = max(len(text) for text in texts)
        longest_word = max((len(word) for text in texts for word in text.split()), default=1)
        weights.append(min(max(longest, longest_word + 8, 16), 40))
    total = sum(weights)
    table.autofit = False
    for index, column in enumerate(table.columns):
        width = Mm(TEXT_WIDTH_MM * weights[index] / total)
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


def _stable_zip(document) -> bytes:
    """The package as a zip whose bytes depend on its content only: fixed dates, a fixed order."""
    raw = io.BytesIO()
    document.save(raw)
    with zipfile.ZipFile(raw) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
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
