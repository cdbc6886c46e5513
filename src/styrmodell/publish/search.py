"""The prebuilt search index: every page's title, kind and text, as a small script the search page
loads (a script, not JSON fetched at run time, so that search works from a file:// copy too)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import unescape


@dataclass
class Entry:
    href: str
    title: str
    kind: str
    html: str


_TAGS = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.DOTALL | re.IGNORECASE)
_MAIN = re.compile(r"<main\b[^>]*>(.*?)</main>", re.DOTALL | re.IGNORECASE)
MAX_TEXT = 2000


def page_text(html: str) -> str:
    """The words of a page's main content, without markup."""
    found = _MAIN.search(html)
    words = unescape(_TAGS.sub(" ", found.group(1) if found else html)).split()
    return " ".join(words)[:MAX_TEXT]


def index_script(entries: list[Entry]) -> bytes:
    records = [
        {"u": e.href, "t": e.title, "k": e.kind, "x": page_text(e.html)}
        for e in sorted(entries, key=lambda e: (e.kind, e.title, e.href))
    ]
    data = json.dumps(records, ensure_ascii=False, separators=(",", ":"))
    # inside a <script> element only "</" could end it early; JSON allows "<\/"
    data = data.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.STYR_SOKINDEX = {data};\n".encode()
