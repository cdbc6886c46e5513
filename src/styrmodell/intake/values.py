"""The cells of an import, read as a Swedish controller writes them: `84,1`, `1 234,5`, `−3,2`;
periods `2025`, `2026-08`, `2026-T1`; gender `T`, `K`, `M`."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

_TERTIAL_END = {1: 4, 2: 8}
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")
GENDERS = {"T": "T", "K": "K", "M": "M", "TOTALT": "T", "KVINNOR": "K", "MÄN": "M", "MAN": "M"}


def number(cell: Any) -> float | int:
    """A cell as a number; ValueError with a Swedish reason if it is not one."""
    if isinstance(cell, bool):
        raise ValueError(f"'{cell}' är inte ett tal")
    if isinstance(cell, (int, float)):
        if isinstance(cell, float) and not math.isfinite(cell):
            raise ValueError("värdet är inte ett ändligt tal")
        return cell
    text = str(cell).strip().replace("\u2212", "-").replace("\u00a0", "").replace("\u202f", "")
    text = re.sub(r"(?<=\d) (?=\d{3}\b)", "", text)  # 1 234,5
    if text.endswith("%"):
        text = text[:-1].strip()
    if not text:
        raise ValueError("värdet saknas")
    if not _NUMBER.match(text):
        raise ValueError(f"'{cell}' är inte ett tal (skriv t.ex. 84,1 eller 84.1)")
    if "," in text and "." in text:
        raise ValueError(f"'{cell}' har både decimalkomma och decimalpunkt")
    text = text.replace(",", ".")
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"'{cell}' är för stort för att vara ett värde")
    return int(value) if re.fullmatch(r"[+-]?\d+", text) else value


def period(cell: Any) -> str:
    """A cell as the period key the format writes: `2025`, `2026-08`; `2026-T1` is `2026-04`."""
    if isinstance(cell, dt.datetime | dt.date):  # Excel makes a typed 2026-08 into 1 August 2026
        if cell.day == 1:
            return f"{cell.year}-{cell.month:02d}"
        raise ValueError(f"'{cell}' är ett datum; skriv perioden ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-T1")
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = str(cell).strip()
    if re.fullmatch(r"\d{4}", text) and 1990 <= int(text) <= 2100:
        return text
    if match := re.fullmatch(r"(\d{4})-(\d{2})", text):
        if 1 <= int(match[2]) <= 12:
            return "{}-{}".format(*match.groups()) if int(match[2]) != 12 else match[1]
    if match := re.fullmatch(r"(\d{4})-?[Tt]([123])", text):
        tertial = int(match[2])
        return match[1] if tertial == 3 else f"{match[1]}-{_TERTIAL_END[tertial]:02d}"
    raise ValueError(f"perioden '{text}' ska skrivas ÅÅÅÅ (helår), ÅÅÅÅ-MM (t.o.m. månaden) eller ÅÅÅÅ-T1 (tertial)")


def gender(cell: Any) -> str:
    text = str(cell or "").strip().upper()
    if not text:
        return "T"
    if text in GENDERS:
        return GENDERS[text]
    raise ValueError(f"kön '{cell}' ska vara T (totalt), K (kvinnor) eller M (män)")
