"""Reading an outcome table: `.csv` (comma or semicolon, UTF-8 with or without BOM) or `.xlsx`
(the first sheet, or a named one), with the header `indikator, period, värde` and optional
`kön` and `kommentar`.

Excel files are read with openpyxl, the maintained library for the .xlsx format (it reads the
values the file stores, typed: a number is a number, not its text in the user's locale).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from styrmodell.errors import FatalError

REQUIRED = ("indikator", "period", "värde")
OPTIONAL = ("kön", "kommentar")
_ALIASES = {
    "indikator": "indikator",
    "indicator": "indikator",
    "id": "indikator",
    "period": "period",
    "år": "period",
    "värde": "värde",
    "varde": "värde",
    "utfall": "värde",
    "value": "värde",
    "kön": "kön",
    "kon": "kön",
    "gender": "kön",
    "kommentar": "kommentar",
    "comment": "kommentar",
}
MAX_ROWS = 200_000


@dataclass(frozen=True)
class Row:
    """One data row: where it stands (`utfall.csv rad 4`) and its cells by column name."""

    origin: str
    cells: dict[str, Any]


@dataclass
class Table:
    label: str
    rows: list[Row]
    ignored_columns: list[str]


def read_table(path: Path, sheet: str | None = None) -> Table:
    """The rows of the table at `path`; a FatalError for a file that is not a table of outcomes."""
    if not path.is_file():
        raise FatalError(f"{path}: filen finns inte")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        label, grid = _xlsx(path, sheet)
    elif suffix in (".csv", ".txt"):
        if sheet:
            raise FatalError(f"{path}: --blad gäller bara Excel-filer (.xlsx)")
        label, grid = path.name, _csv(path)
    elif suffix in (".xls", ".ods", ".xlsm"):
        raise FatalError(f"{path}: {suffix}-filer läses inte; spara filen som .xlsx eller .csv (UTF-8)")
    else:
        raise FatalError(f"{path}: okänd filtyp '{suffix}'; ange en .csv- eller .xlsx-fil")
    return _rows(label, grid)


def _csv(path: Path) -> list[tuple[int, list[Any]]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise FatalError(
            f"{path}:{line}: filen är inte UTF-8; spara den som 'CSV UTF-8' (i Excel: Spara som → CSV UTF-8)"
        ) from None
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise FatalError(f"{path}:{reader.line_num}: raden kan inte läsas som CSV ({exc})") from None


def _xlsx(path: Path, sheet: str | None) -> tuple[str, list[tuple[int, list[Any]]]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise FatalError(f"{path}: filen kan inte läsas som en Excel-arbetsbok (.xlsx): {exc}") from None
    try:
        if sheet is None:
            worksheet = book.worksheets[0]
        elif sheet in book.sheetnames:
            worksheet = book[sheet]
        else:
            from styrmodell.svenska.suggest import did_you_mean

            raise FatalError(
                f"{path}: bladet '{sheet}' finns inte{did_you_mean(sheet, book.sheetnames)} "
                f"(bladen: {', '.join(book.sheetnames)})"
            )
        grid = []
        for number, row in enumerate(worksheet.iter_rows(values_only=True), start=1):
            if number > MAX_ROWS:
                raise FatalError(f"{path}: bladet har fler än {MAX_ROWS} rader")
            grid.append((number, list(row)))
        return f"{path.name} blad {worksheet.title}", grid
    finally:
        book.close()


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _rows(label: str, grid: list[tuple[int, list[Any]]]) -> Table:
    lines = [(n, cells) for n, cells in grid if not all(_blank(c) for c in cells)]
    if not lines:
        raise FatalError(f"{label}: tabellen är tom; första raden ska vara rubrikerna {', '.join(REQUIRED)}")
    header_line, header = lines[0]
    columns: dict[int, str] = {}
    ignored = []
    for index, cell in enumerate(header):
        name = str(cell or "").strip().lower()
        if not name:
            continue
        canonical = _ALIASES.get(name)
        if canonical is None:
            ignored.append(str(cell).strip())
            continue
        if canonical in columns.values():
            raise FatalError(f"{label} rad {header_line}: kolumnen '{canonical}' står två gånger i rubrikraden")
        columns[index] = canonical
    missing = [c for c in REQUIRED if c not in columns.values()]
    if missing:
        shown = ", ".join(str(c).strip() for c in header if not _blank(c)) or "(tom)"
        raise FatalError(
            f"{label} rad {header_line}: rubrikraden saknar {', '.join(missing)} "
            f"(väntade indikator, period, värde och valfritt kön, kommentar; fick {shown})"
        )
    rows = []
    for number, cells in lines[1:]:
        values = {name: cells[index] if index < len(cells) else None for index, name in columns.items()}
        rows.append(Row(f"{label} rad {number}", values))
    return Table(label, rows, ignored)
