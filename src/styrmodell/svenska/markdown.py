"""Repository text that stays text in Markdown: no line breaks, emphasis or markup of its own."""

from __future__ import annotations


def markdown_inline(value: object) -> str:
    """Text that stays text in Markdown: no line breaks, no accidental emphasis or markup."""
    text = " ".join(str(value).split())
    for char in "\\`*_[]<>":
        text = text.replace(char, "\\" + char)
    return text


def markdown_cell(value: object) -> str:
    """Text that stays in its table cell: as `markdown_inline`, and pipes escaped."""
    return markdown_inline(value).replace("|", "\\|")
