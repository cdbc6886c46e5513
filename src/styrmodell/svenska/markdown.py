"""Repository text that stays text in Markdown (CommonMark, and GitHub's and GitLab's flavours).

Whatever a goal's text or a file's name holds, in a heading, a paragraph, a list item, a table cell
or a code span it renders as exactly that text: no emphasis, link, image, raw HTML, entity, heading,
list, quote or table of its own, and no line break. Every character that could start syntax is
escaped with a backslash (CommonMark lets any ASCII punctuation be escaped), a run of white space
(line breaks and carriage returns included) becomes one space, and control characters are shown as
their escapes (`\\x1b`, see `svenska.text`). GitHub's and GitLab's automatic links are broken too:
`www.` and `://` and `@` are escaped, so that no address in a text becomes a link.
"""

from __future__ import annotations

import re

from styrmodell.svenska.text import terminal

# Characters that start or end inline syntax anywhere in a line (emphasis, code, links and images,
# raw HTML, strikethrough, table cells), the backslash itself, and an `&` that could begin an entity.
_INLINE = re.compile(r"([\\`*_\[\]<>|~]|&(?=[#A-Za-z0-9]))")
# What counts only where the text begins a line or a list item's content (a paragraph, a list item):
# a quote, a list marker, a thematic break, an ordered list's number. A table cell and a heading's
# text are inline only.
_LINE_START = re.compile(r"^(>|[-+](?=[\s\-+]|$)|\d{1,9}(?=[.)](?:\s|$)))")
_AUTOLINK = re.compile(r"(?i)(?<=www)\.|:(?=//)|@")


def _escaped(value: object) -> str:
    text = terminal(" ".join(str(value).split()))
    text = _INLINE.sub(r"\\\1", text)
    text = _AUTOLINK.sub(lambda m: "\\" + m.group(), text)
    # '#' anywhere: an ATX heading, a heading's closing sequence, GitHub's issue links
    return text.replace("#", "\\#")


def markdown_inline(value: object) -> str:
    """Text that stays text in Markdown wherever it stands, also at the start of a line or list item:
    no line breaks, no accidental emphasis, markup, list or quote."""
    text = _escaped(value)
    match = _LINE_START.match(text)
    if match:
        marker = match.group(1)
        if marker[0].isdigit():  # "2026. Ett år" would be an ordered list: escape the dot
            return marker + "\\" + text[len(marker) :]
        return "\\" + text
    return text


def markdown_cell(value: object) -> str:
    """Text that stays in its table cell (or anywhere inline, after other text): as `markdown_inline`,
    without the escapes that only the start of a line needs (a cell is never a list)."""
    return _escaped(value)


def markdown_code(value: object, cell: bool = False) -> str:
    """Text as a code span, whatever backticks it holds; in a table cell (`cell`) pipes are escaped,
    which GitHub's tables require even inside code. Empty text is no code span at all."""
    text = terminal(" ".join(str(value).split()))
    if not text:
        return ""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    if text.startswith("`") or text.endswith("`"):
        text = f" {text} "
    if cell:
        text = text.replace("|", "\\|")
    return f"{fence}{text}{fence}"
