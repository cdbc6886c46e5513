"""Repository text that stays text wherever it is shown: no control characters of its own.

A text in a YAML file may hold any character a double-quoted string can escape: an escape
sequence (`"\\e[31m"`) that would colour or clear the terminal or a CI log, a carriage return that
would overwrite the line before it, a bell, NUL, or a bidirectional override (U+202E) that shows
the text in another order than it is written. Shown in a terminal, each becomes its visible
escape (`\\x1b`, `\\u202e`); in XML (SVG, HTML, Word), where most of them are not even allowed,
each becomes U+FFFD.
"""

from __future__ import annotations

import html
import re

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(text: str) -> str:
    """`text` for a terminal or a CI log: line breaks and tabs kept, every other control shown as its escape."""
    return _CONTROLS.sub(_visible, text) if _CONTROLS.search(text) else text


def json_text(text: str) -> str:
    """JSON for a terminal: as `terminal`, with each escape written the way JSON writes it (`\\u001b`),
    so the JSON means exactly what it meant."""
    return _CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text) if _CONTROLS.search(text) else text


def xml(text: str) -> str:
    """`text` with every character XML 1.0 does not allow (and every bidirectional override) as U+FFFD."""
    return _NOT_XML.sub("\ufffd", text) if _NOT_XML.search(text) else text


_DOUBLED = re.compile(r"(?<![.])([.!?…])[.](?![.])")


def sentence(value: object) -> str:
    """A paragraph's text without the doubled punctuation that joining texts gives: a text that ends with
    a full stop, put before ".", becomes "8.." – that is "8."; "?." and "!." lose the full stop too.
    An ellipsis ("...") stays."""
    return _DOUBLED.sub(r"\1", str(value))


def xml_escape(text: str) -> str:
    """`text` as the content or an attribute value of an XML or HTML element: `xml`, then escaped.
    Cut a text to length before this, never after (a cut entity is malformed XML)."""
    return html.escape(xml(text))
