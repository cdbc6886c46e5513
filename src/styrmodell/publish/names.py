"""File names for the site's pages: one per object, safe on every file system and web server.

An id may hold å, ä, ö and capitals; two ids may differ only in case (the same file on macOS and
Windows). Each object gets a lower-case ASCII name, unique within its folder, the same every time.
"""

from __future__ import annotations

import re
import unicodedata

_FOLDED = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "Å": "a", "Ä": "a", "Ö": "o", "É": "e"})


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.translate(_FOLDED)).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return cleaned[:80] or "objekt"


def unique_names(idents: list[str]) -> dict[str, str]:
    """id → file name (without .html), in the order given; a name taken gets -2, -3 …"""
    taken: set[str] = set()
    out: dict[str, str] = {}
    for ident in idents:
        if ident in out:
            continue
        base = slug(ident)
        name, number = base, 2
        while name in taken or name == "index":
            name, number = f"{base}-{number}", number + 1
        taken.add(name)
        out[ident] = name
    return out
