"""What the language server knows about a place in a file, without any protocol: the key or id at a
position, its documentation, where an id is defined and used, what may be written there, and the
certain fixes. Lines and columns here are 0-based, as in the Language Server Protocol.
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import BaseModel

from styrmodell.findings import Finding
from styrmodell.model.repository import Repository

ID_CHARS = r"[\w\-.åäöÅÄÖéü]"
_TOKEN = re.compile(rf"{ID_CHARS}+")
_KEY = re.compile(r"^(\s*(?:-\s+)*)([^\s:#\-\[\]{}][^:#]*?)\s*:(\s|$)")
_SUGGESTION = re.compile(r"menade du '([^']+)'\?")
_QUOTED = re.compile(r"'([^']+)'")

# The fields whose values are ids, and which kinds of object they accept (as rules/references.py checks).
REFERENCE_KINDS: dict[str, tuple[str, ...]] = {
    "tjänar": ("mål",),
    "mål": ("mål",),
    "strategi": ("strategi",),
    "kvalitetsfaktor": ("kvalitetsfaktor",),
    "uppdrag": ("uppdrag",),
    "styrdokument": ("styrdokument",),
    "organ": ("organ", "roll"),
    "under": ("organ",),
    "nämnd": ("organ",),
    "beslutad_av": ("organ",),
    "förvaltning": ("förvaltning",),
    "enhet": ("enhet",),
    "chef": ("roll",),
    "medlemmar": ("roll",),
    "ansvarig": ("organ", "roll"),
    "delegat": ("roll", "organ"),
    "ersättare": ("roll", "organ"),
    "vidaredelegerad_från": ("roll", "organ"),
    "givare": ("organ", "roll"),
    "mottagare": ("organ", "roll", "förvaltning", "enhet"),
    "ersätter": ("styrdokument",),
    "stöder": ("styrdokument",),
    "gäller_för": ("organ", "förvaltning", "enhet"),
}


@dataclass(frozen=True)
class Span:
    line: int
    start: int
    end: int


def token_at(text: str, line: int, character: int) -> tuple[str, Span] | None:
    """The id-like word under the cursor."""
    lines = text.splitlines()
    if line >= len(lines):
        return None
    for match in _TOKEN.finditer(lines[line]):
        if match.start() <= character <= match.end():
            return match.group(), Span(line, match.start(), match.end())
    return None


def finding_span(text: str | None, finding: Finding) -> Span:
    """The range a finding marks: the word at its `line:column` (the key or the value it points at)."""
    line = max(finding.location.line - 1, 0)
    column = max(finding.location.column - 1, 0)
    lines = (text or "").splitlines()
    if not finding.location.line or line >= len(lines):
        return Span(line, 0, len(lines[line]) if line < len(lines) else 0)
    rest = lines[line][column:]
    match = re.match(r"-\s+|[^\s:,\]\}]+", rest)
    end = column + (len(match.group()) if match else 0)
    return Span(line, column, max(end, column + 1) if rest else column)


# --- keys: the documentation from the model -------------------------------------------------------


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found = []
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _models_in(typing.get_args(annotation)[0])
    if origin is not None or isinstance(annotation, types.UnionType):
        for arg in typing.get_args(annotation):
            found += _models_in(arg)
    return found


def _field(models: list[type[BaseModel]], name: str) -> tuple[type[BaseModel], Any] | None:
    for model in models:
        field = model.model_fields.get(name)
        if field is not None:
            return model, field
    return None


def key_path_at(text: str, line: int, character: int) -> tuple[tuple, Span] | None:
    """The YAML path of the key under the cursor (its last element is the key)."""
    match = _KEY.match(text.splitlines()[line] if line < len(text.splitlines()) else "")
    if not match or not (match.start(2) <= character <= match.end(2)):
        return None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    stack: list[tuple[Any, tuple]] = [(root, ())] if root is not None else []
    while stack:
        node, path = stack.pop()
        if isinstance(node, yaml.SequenceNode):
            stack += [(child, path + (n,)) for n, child in enumerate(node.value)]
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.start_mark.line == line:
                    if key.start_mark.column <= character <= key.end_mark.column:
                        return path + (key.value,), Span(line, key.start_mark.column, key.end_mark.column)
                stack.append((value, path + (key.value if isinstance(key, yaml.ScalarNode) else None,)))
    return None


def _resolve(relpath: str, path: tuple) -> tuple[type[BaseModel], Any] | str | None:
    """The model and field at `path` in a file; a section's own key gives the section's description."""
    from styrmodell.model.config import Config
    from styrmodell.model.sections import SECTIONS

    if not path:
        return None
    if relpath.rsplit("/", 1)[-1] == "styrmodell.yaml":
        models: list[type[BaseModel]] = [Config]
        rest = path
    else:
        section = next((s for s in sorted(SECTIONS, key=lambda s: -len(s.key)) if path[: len(s.key)] == s.key), None)
        if section is None:
            return None
        if len(path) == len(section.key):
            return f"**{'.'.join(section.key)}**: {section.description}"
        models, rest = [section.model], path[len(section.key) :]
    found = None
    for step in rest:
        if isinstance(step, int):
            continue
        found = _field(models, str(step))
        if found is None:
            return None
        models = _models_in(found[1].annotation)
    return found


def key_documentation(relpath: str, path: tuple) -> str | None:
    """The description of the field at `path` in a file: from the same models as `styr schema`."""
    found = _resolve(relpath, path)
    if found is None or isinstance(found, str):
        return found
    model, field = found
    title = (model.__doc__ or model.__name__).strip().splitlines()[0]
    return f"**{path[-1]}** ({title})\n\n{field.description or ''}".rstrip()


def enum_values(relpath: str, path: tuple) -> list[str]:
    """The values an enum field accepts, for completion after its key."""
    from enum import Enum

    found = _resolve(relpath, path)
    if found is None or isinstance(found, str):
        return []
    values: list[str] = []
    stack = [found[1].annotation]
    while stack:
        annotation = stack.pop()
        if isinstance(annotation, type) and issubclass(annotation, Enum):
            values += [str(member.value) for member in annotation]
        else:
            stack += list(typing.get_args(annotation))
    return values


# --- ids ------------------------------------------------------------------------------------------


def describe(repository: Repository, ident: str) -> str | None:
    """What an id refers to, for a hover: kind, text or name, level, owner, decision, and where."""
    hit = repository.lookup(ident)
    if hit is None:
        return None
    kind, obj = hit
    lines = [f"**{kind} {ident}**"]
    for name in ("text", "namn", "titel"):
        value = getattr(obj, name, None)
        if isinstance(value, str) and value:
            lines.append(value)
            break
    facts = []
    for label, name in (("nivå", "nivå"), ("organ", "organ"), ("ansvarig", "ansvarig"), ("typ", "typ")):
        value = getattr(obj, name, None)
        if value:
            facts.append(f"{label}: {getattr(value, 'value', value)}")
    decision = getattr(obj, "beslut", None)
    if decision is not None and hasattr(decision, "label"):
        facts.append(f"beslut: {decision.label()}")
    if facts:
        lines.append(" · ".join(facts))
    lines.append(f"`{obj.where('id')}`")
    return "\n\n".join(lines)


def definition(repository: Repository, ident: str) -> tuple[str, int, int] | None:
    """Where an id is defined: (file, 0-based line, 0-based column of the id's value)."""
    hit = repository.lookup(ident)
    if hit is None:
        return None
    where = hit[1].where("id")
    return where.path, max(where.line - 1, 0), max(where.column - 1, 0)


def occurrences(text: str, ident: str) -> list[Span]:
    """Every place in a file where a YAML value (or a list item) is exactly `ident`. Comments and free
    text that merely mention it are not occurrences."""
    if ident not in text:
        return []
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    found = []
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.SequenceNode):
            stack += node.value
        elif isinstance(node, yaml.MappingNode):
            stack += [value for _, value in node.value]
        elif isinstance(node, yaml.ScalarNode) and node.value == ident and node.start_mark.line == node.end_mark.line:
            start, end = node.start_mark.column, node.end_mark.column
            if node.style in ("'", '"'):
                start, end = start + 1, end - 1
            found.append(Span(node.start_mark.line, start, end))
    return sorted(found, key=lambda s: (s.line, s.start))


# --- completion and fixes -------------------------------------------------------------------------


def field_before(text: str, line: int, character: int) -> str | None:
    """The key whose value the cursor is in (`tjänar: [kf-|` → tjänar), looking back over a flow list."""
    lines = text.splitlines()
    if line >= len(lines):
        return None
    current = lines[line][:character]
    match = re.match(r"^\s*(?:-\s+)?([^\s:#]+)\s*:\s*(.*)$", current)
    if match:
        return match.group(1)
    if re.match(r"^\s*-\s*" + ID_CHARS + "*$", current):  # an item of a block list: the key above it
        for previous in reversed(lines[:line]):
            key = re.match(r"^\s*(?:-\s+)?([^\s:#]+)\s*:\s*$", previous)
            if key:
                return key.group(1)
            if not re.match(r"^\s*-", previous):
                return None
    return None


def id_candidates(repository: Repository, field: str) -> list[tuple[str, str, str]]:
    """(id, kind, label) for every object the field accepts."""
    kinds = REFERENCE_KINDS.get(field)
    if kinds is None:
        return []
    out = []
    for ident, (kind, obj) in repository.index.items():
        if kind in kinds:
            label = next((getattr(obj, n) for n in ("text", "namn", "titel") if getattr(obj, n, None)), "")
            out.append((ident, kind, str(label)))
    return sorted(out)


def certain_fix(text: str, finding: Finding) -> tuple[Span, str] | None:
    """For a finding that suggests one value ("menade du 'x'?"), the wrong value's place on the
    finding's line and the value to write, when the wrong value stands there exactly once."""
    suggestion = _SUGGESTION.search(finding.message)
    if suggestion is None or not finding.location.line:
        return None
    quoted = _QUOTED.findall(finding.message[: suggestion.start()])
    lines = text.splitlines()
    line = finding.location.line - 1
    if line >= len(lines) or not quoted:
        return None
    wrong = quoted[-1]
    row = lines[line]
    colon = row.find(":")
    spots = [
        m.start()
        for m in re.finditer(rf"(?<!{ID_CHARS}){re.escape(wrong)}(?!{ID_CHARS})", row)
        if m.start() > colon and "#" not in row[: m.start()]
    ]
    if len(spots) != 1:
        return None
    return Span(line, spots[0], spots[0] + len(wrong)), suggestion.group(1)
