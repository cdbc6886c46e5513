"""A plan of edits to a repository: every value to set and every file to add, checked as a whole
before anything is written.

A capability (an import, the new year) builds a `Plan` from the model: each `Set` names a file,
the path inside it (the same path the model objects know, `obj.where(...)`), the value, and whether
a different value already there may be replaced. `apply` carries the plan out in memory and says
what it would change, what it leaves because the value is already there, and what it refuses to
overwrite; nothing touches the disk until `stage.commit`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from styrmodell.errors import FatalError
from styrmodell.write.roundtrip import Document, find_key, flow_map, flow_seq, insert_key


@dataclass(frozen=True)
class Set:
    """Set `path[-1]` in the mapping at `path[:-1]` of `file` to `value`, creating missing mappings.

    `order` is the field order of the object the new key goes into (so that `utfall` lands after
    `målvärden`); `flow` writes a new mapping of values on one line (`{2024: 84.1}`); `overwrite`
    allows a different existing value to be replaced. `origin` says where the value came from, for
    messages (`utfall.csv rad 4`, `Kolada N15428 2024`).
    """

    file: str
    path: tuple[Any, ...]
    value: Any
    origin: str = ""
    label: str = ""  # what the edit writes, for the summary: "bun-ind-behorighet utfall 2024: 84,1"
    order: Sequence[str] = ()
    overwrite: bool = False
    comment: str | None = None  # written as a YAML comment at the end of the value's line
    anchor: int = (
        2  # how many leading path parts name the object itself (`("indikatorer", 3)`); the rest are its fields
    )


@dataclass(frozen=True)
class Conflict:
    file: str
    line: int
    path: tuple[Any, ...]
    old: Any
    new: Any
    origin: str
    label: str


@dataclass
class Plan:
    """What to change: values to set in existing files, and whole new files."""

    sets: list[Set] = field(default_factory=list)
    new_files: dict[str, str] = field(default_factory=dict)
    replaced_files: set[str] = field(default_factory=set)  # new files that may replace one the tool wrote

    def set(self, *args: Any, **kwargs: Any) -> None:
        self.sets.append(Set(*args, **kwargs))

    def add_file(self, relpath: str, text: str, replace: bool = False) -> None:
        """A whole file; with `replace`, one the tool owns and writes anew (a snapshot)."""
        self.new_files[relpath] = text
        if replace:
            self.replaced_files.add(relpath)

    @property
    def empty(self) -> bool:
        return not self.sets and not self.new_files


@dataclass
class Applied:
    """The plan carried out in memory."""

    files: dict[str, tuple[bytes | None, bytes]]  # relpath → (bytes before or None for a new file, bytes after)
    changed: list[Set]
    unchanged: list[Set]
    conflicts: list[Conflict]


def same_value(old: Any, new: Any) -> bool:
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new
    if isinstance(old, (int, float)) and isinstance(new, (int, float)):
        return math.isclose(float(old), float(new), rel_tol=0, abs_tol=1e-9)
    if isinstance(old, (dt.date, str)) and isinstance(new, (dt.date, str)):
        return str(old) == str(new)
    return old == new


def to_yaml(value: Any) -> Any:
    """A plain value as ruamel.yaml should write it: mappings of values on one line."""
    if isinstance(value, dict):
        return flow_map({k: to_yaml(v) for k, v in value.items()})
    if isinstance(value, list):
        return flow_seq([to_yaml(v) for v in value])
    return value


def apply(plan: Plan, read: Any) -> Applied:
    """Carry the plan out in memory; `read(relpath)` gives a file's current bytes (None: no such file)."""
    documents: dict[str, Document] = {}
    before: dict[str, bytes] = {}
    changed: list[Set] = []
    unchanged: list[Set] = []
    conflicts: list[Conflict] = []
    for edit in plan.sets:
        document = documents.get(edit.file)
        if document is None:
            raw = read(edit.file)
            if raw is None:
                raise FatalError(f"{edit.file}: filen finns inte längre; kör kommandot igen")
            before[edit.file] = raw
            document = documents[edit.file] = Document(edit.file, raw)
        outcome = _set(document, edit)
        if isinstance(outcome, Conflict):
            conflicts.append(outcome)
        elif outcome:
            changed.append(edit)
        else:
            unchanged.append(edit)
    files: dict[str, tuple[bytes | None, bytes]] = {}
    for relpath, document in documents.items():
        after = document.raw()
        if after != before[relpath]:
            files[relpath] = (before[relpath], after)
    for relpath, text in plan.new_files.items():
        existing = read(relpath)
        data = text.encode("utf-8")
        if existing is not None and relpath not in plan.replaced_files:
            raise FatalError(f"{relpath}: filen finns redan; flytta eller ta bort den först")
        if existing != data:
            files[relpath] = (existing, data)
    return Applied(files, changed, unchanged, conflicts)


def _set(document: Document, edit: Set) -> bool | Conflict:
    """Apply one edit: True if it changed the document, False if the value was already there."""
    node: Any = document.data
    parent: Any = None
    *parents, last = edit.path
    for depth, part in enumerate(parents):
        key = find_key(node, part)
        if key is None:
            if not isinstance(node, CommentedMap):
                raise FatalError(f"{document.relpath}: {'.'.join(map(str, edit.path[:depth]))} har inte väntad form")
            child = CommentedMap()
            leaf = depth == len(parents) - 1
            if leaf:
                child.fa.set_flow_style()
            insert_key(node, yaml_key(part), child, edit.order if depth == edit.anchor else ())
            key = yaml_key(part)
        child = node[key]
        if not isinstance(child, (CommentedMap, CommentedSeq)):
            where = ".".join(map(str, edit.path[: depth + 1]))
            raise FatalError(
                f"{document.relpath}:{document.line_of(edit.path[: depth + 1])}: {where} ska vara en mappning "
                f"för att {edit.origin or 'värdet'} ska kunna skrivas in"
            )
        if getattr(child, "anchor", None) is not None and child.anchor.value:
            raise FatalError(
                f"{document.relpath}:{document.line_of(edit.path[: depth + 1])}: {'.'.join(map(str, edit.path[: depth + 1]))} "
                f"är ett YAML-ankare (&{child.anchor.value}) som kan användas på fler ställen; ändra det för hand"
            )
        parent, node = (node, key), child
    if not isinstance(node, CommentedMap):
        raise FatalError(f"{document.relpath}: {'.'.join(map(str, parents))} ska vara en mappning")
    key = find_key(node, last)
    if key is not None:
        old = node[key]
        if same_value(old, edit.value):
            return False
        if old is not None and not edit.overwrite:
            return Conflict(
                document.relpath, document.line_of(edit.path), edit.path, old, edit.value, edit.origin, edit.label
            )
        node[key] = to_yaml(edit.value)
    else:
        key = yaml_key(last)
        insert_key(node, key, to_yaml(edit.value), edit.order if len(parents) == edit.anchor else ())
    if edit.comment:
        if node.fa.flow_style() and parent is not None:
            add_comment(parent[0], parent[1], f"{last}: {edit.comment}")
        else:
            add_comment(node, key, edit.comment)
    return True


def add_comment(mapping: CommentedMap, key: Any, text: str) -> None:
    """`# text` at the end of the line of `mapping[key]`, after any comment already there."""
    text = " ".join(text.split())
    slots = mapping.ca.items.get(key)
    token = slots[2] if slots and len(slots) > 2 else None
    if token is not None and token.value.lstrip().startswith("#"):
        head, newline, rest = token.value.partition("\n")
        token.value = f"{head.rstrip()}; {text}{newline}{rest}"
    elif token is not None:
        token.value = f"# {text}{token.value}"
    else:
        mapping.yaml_add_eol_comment(f"# {text}", key)


def yaml_key(part: Any) -> Any:
    """A key as the file should carry it: a year is a number (`2026:`), a period like `2026-08` text."""
    if isinstance(part, str) and part.isdigit() and len(part) == 4:
        return int(part)
    return part
