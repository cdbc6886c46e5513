"""Editing one YAML file in place: only the values asked for change, every other byte stays.

The file is read with ruamel.yaml's round-trip loader, which keeps comments, key order, quoting,
anchors and flow or block style, and the edited document is written with the indentation the
file already uses. ruamel.yaml writes some things its own way (a plain scalar wrapped over two
lines, `[ a, b ]` with inner spaces); so that such a line the edit does not touch stays as the user
wrote it, the new text is the original text with only the lines that the edit changed replaced
(`merge_lines`). A key added at the end of a block is placed before the comments that follow the
block, where a reader expects it, not after them.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from styrmodell.errors import FatalError

# (mapping, sequence, offset) indentations that files are commonly written with; the one that
# gives the file back unchanged is used for what the edit adds.
_INDENTS = [(2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (2, 2, 2), (3, 3, 1)]


def _yaml(indent: tuple[int, int, int]) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never fold a long line the user wrote on one line
    yaml.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
    yaml.allow_duplicate_keys = False
    return yaml


class Document:
    """One file, loaded for editing; `text()` gives it back with the edits and nothing else changed."""

    def __init__(self, relpath: str, raw: bytes):
        self.relpath = relpath
        self.bom = raw.startswith(b"\xef\xbb\xbf")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise FatalError(f"{relpath}: filen är inte UTF-8 och kan inte ändras; spara den som UTF-8") from None
        self.crlf = "\r\n" in text
        self.original = text.replace("\r\n", "\n")
        self.indent, self._base = self._pick_indent()
        try:
            self.data = _yaml(self.indent).load(self.original)
        except YAMLError as exc:  # the validation reports it with its place; here it only stops the edit
            raise FatalError(f"{relpath}: filen kan inte läsas som YAML ({str(exc).splitlines()[0]})") from None

    def _pick_indent(self) -> tuple[tuple[int, int, int], str]:
        best: tuple[int, tuple[int, int, int], str] | None = None
        for indent in _INDENTS:
            try:
                dumped = _dump(_yaml(indent), _yaml(indent).load(self.original))
            except YAMLError:
                raise FatalError(f"{self.relpath}: filen kan inte läsas som YAML; rätta den först") from None
            if dumped == self.original:
                return indent, dumped
            distance = _distance(self.original, dumped)
            if best is None or distance < best[0]:
                best = (distance, indent, dumped)
        assert best is not None
        return best[1], best[2]

    def text(self) -> str:
        edited = _dump(_yaml(self.indent), self.data)
        merged = merge_lines(self.original, self._base, edited)
        return merged.replace("\n", "\r\n") if self.crlf else merged

    def raw(self) -> bytes:
        return (b"\xef\xbb\xbf" if self.bom else b"") + self.text().encode("utf-8")

    def line_of(self, path: Sequence[Any]) -> int:
        """The 1-based line of the node at `path` (or of its nearest ancestor that exists)."""
        node: Any = self.data
        line = 1
        for part in path:
            key = find_key(node, part)
            if key is None:
                break
            if isinstance(node, CommentedMap):
                line = node.lc.key(key)[0] + 1
            elif isinstance(node, CommentedSeq):
                line = node.lc.item(key)[0] + 1
            node = node[key]
        return line


def _dump(yaml: YAML, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _distance(a: str, b: str) -> int:
    matcher = SequenceMatcher(None, a.splitlines(), b.splitlines(), autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")


def find_key(node: Any, part: Any) -> Any:
    """The key of `node` that `part` names: a YAML `2026:` is the model's "2026", and back."""
    if isinstance(node, CommentedSeq):
        return part if isinstance(part, int) and 0 <= part < len(node) else None
    if isinstance(node, CommentedMap):
        if part in node:
            return part
        wanted = str(part)
        return next((k for k in node if str(k) == wanted), None)
    return None


# --- adding keys where a reader expects them -------------------------------------------------------


def _tail(container: Any, key: Any) -> tuple[Any, Any]:
    """The (container, key) whose comment slot holds the comments after `container[key]`'s last line."""
    node = container[key]
    while isinstance(node, (CommentedMap, CommentedSeq)) and len(node) and not node.fa.flow_style():
        container, key = node, (list(node.keys())[-1] if isinstance(node, CommentedMap) else len(node) - 1)
        node = container[key]
    return container, key


def _take_trailing_comments(container: Any, key: Any) -> Any:
    """Detach the comment lines after `container[key]` (keeping its own end-of-line comment)."""
    owner, owner_key = _tail(container, key)
    slots = owner.ca.items.get(owner_key)
    index = 2 if isinstance(owner, CommentedMap) else 0
    if not slots or len(slots) <= index or slots[index] is None:
        return None
    token = slots[index]
    head, _, rest = token.value.partition("\n")
    if not rest:
        return None
    if head.strip():
        token.value = head + "\n"
    else:
        slots[index] = None
    moved = copy.copy(token)
    moved.value = "\n" + rest
    return moved


def insert_key(mapping: CommentedMap, key: Any, value: Any, order: Sequence[str] = ()) -> None:
    """Add `key` to `mapping`: after the last existing key that comes before it in `order` (a model's
    field order), else at the end; comments that followed the key before it stay below the new key."""
    keys = [str(k) for k in mapping]
    position = len(keys)
    if order and str(key) in order:
        rank = {name: i for i, name in enumerate(order)}
        before = [i for i, k in enumerate(keys) if rank.get(k, len(order)) < rank[str(key)]]
        position = before[-1] + 1 if before else (0 if keys and all(k in rank for k in keys) else len(keys))
    moved = _take_trailing_comments(mapping, list(mapping.keys())[position - 1]) if position > 0 else None
    mapping.insert(position, key, value)
    if moved is not None:
        mapping.ca.items[key] = [None, None, moved, None]


def flow_map(items: dict) -> CommentedMap:
    mapping = CommentedMap(items)
    mapping.fa.set_flow_style()
    return mapping


def flow_seq(items: list) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


# --- putting the edited lines into the original text -----------------------------------------------


def merge_lines(original: str, base: str, edited: str) -> str:
    """`original` with the lines that differ between `base` (ruamel.yaml's writing of the original)
    and `edited` (its writing after the edit) replaced. Where `base` writes the original's lines
    differently, those lines are taken from `edited` only if the edit touches them."""
    if base == original:
        return edited
    orig, old, new = original.splitlines(True), base.splitlines(True), edited.splitlines(True)
    blocks = SequenceMatcher(None, orig, old, autojunk=False).get_opcodes()
    hunks = [
        (i1, i2)
        for tag, i1, i2, _, _ in SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
        if tag != "equal"
    ]
    if not hunks:
        return original
    edit_map = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()

    def widen(start: int, end: int) -> tuple[int, int]:
        for tag, _, _, b1, b2 in blocks:
            if tag == "equal" or b1 == b2:
                continue
            if (start < b2 and b1 < end) or (start == end and b1 < start < b2):
                start, end = min(start, b1), max(end, b2)
        return start, end

    spans: list[list[int]] = []
    for i1, i2 in hunks:
        start, end = widen(i1, i2)
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])

    def to_new(index: int, at_end: bool) -> int:
        for tag, i1, i2, j1, j2 in edit_map:  # a hunk that starts (ends) here is inside the span
            if tag != "equal" and index == (i2 if at_end else i1):
                return j2 if at_end else j1
        for tag, i1, i2, j1, _ in edit_map:
            if tag == "equal" and i1 <= index <= i2:
                return j1 + index - i1
        return len(new)

    def to_orig(index: int, at_end: bool) -> int:
        for tag, a1, a2, b1, b2 in blocks:
            if tag == "equal" and b1 <= index <= b2 and (b1 < index or not at_end or b1 == b2):
                return a1 + index - b1
            if tag != "equal" and index == (b2 if at_end else b1) and b1 != b2:
                return a2 if at_end else a1
        return len(orig) if at_end else 0

    out: list[str] = []
    position = 0
    for start, end in spans:
        o1, o2 = to_orig(start, False), to_orig(end, True)
        out.extend(orig[position:o1])
        out.extend(new[to_new(start, False) : to_new(end, True)])
        position = max(position, o2)
    out.extend(orig[position:])
    return "".join(out)
