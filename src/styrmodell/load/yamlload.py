"""Read YAML for validation: libyaml's C parser, plain Python values, and every node's position.

Validation never writes YAML back, so it composes with PyYAML's C loader (fast) and builds the
values itself, recording where each key and list item stood. Round-trip loading (ruamel.yaml)
belongs to the commands that write files.

Everything that can go wrong in a file becomes a `LoadProblem`; nothing here raises for bad input.
"""

from __future__ import annotations

import codecs
import math
import re
from dataclasses import dataclass, field
from typing import Any, cast

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

_Loader: type[yaml.CSafeLoader] | type[yaml.SafeLoader]
try:  # pragma: no cover - depends on how PyYAML was built
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

Path = tuple[Any, ...]

MAX_DEPTH = 64
# How many values aliases may expand to in one file: the default of `gränser.max_aliasvärden`. A
# legitimate file that reuses an anchor on every row of a long delegation order stays far below it.
MAX_ALIAS_EXPANSIONS = 100_000

_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_YAML_TAG = "tag:yaml.org,2002:"
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_TRUE = {"yes", "true", "on", "y"}
_FALSE = {"no", "false", "off", "n"}
# Integers beyond what any count, year or amount in a governance model can be: they stay text.
_MAX_INT = 10**18
_MAX_INT_DIGITS = {10: 19, 16: 16, 8: 21, 2: 61}

# libyaml's messages, in the words a controller understands.
_SYNTAX_TRANSLATIONS = {
    "mapping values are not allowed": "kolon på fel ställe (sätt texten inom citattecken, eller kontrollera indraget)",
    "could not find expected ':'": "kolon saknas efter nyckeln (eller fel indrag på raden ovanför)",
    "found character that cannot start any token": "tecken som inte får inleda ett värde (tabb i indraget, "
    "eller @ och ` som måste stå inom citattecken)",
    "did not find expected key": "förväntade en nyckel här (kontrollera indraget)",
    "did not find expected '-' indicator": "förväntade ett listelement '- ' här (kontrollera indraget)",
    "did not find expected ',' or ']'": "listan inom [ ] avslutas inte med ]",
    "did not find expected ',' or '}'": "mappningen inom { } avslutas inte med }",
    "found undefined alias": "aliaset (*namn) hänvisar till ett ankare (&namn) som inte finns",
    "found duplicate anchor": "samma ankare (&namn) definieras två gånger",
    "found unexpected end of stream": "filen tar slut mitt i ett värde (saknas ett avslutande citattecken?)",
    "found unknown escape character": "okänd escape-sekvens (\\) i en text inom dubbla citattecken",
    "block sequence entries are not allowed": "listelement '- ' på fel ställe (kontrollera indraget)",
    "found a tab character": "tabb i indraget; använd mellanslag",
    "control characters are not allowed": "filen innehåller otillåtna kontrolltecken",
    "special characters are not allowed": "filen innehåller otillåtna kontrolltecken",
    "expected a single document": "filen innehåller flera YAML-dokument (---); ett per fil",
    "but found another document": "filen innehåller flera YAML-dokument (---); ett per fil",
}


@dataclass(frozen=True)
class LoadProblem:
    code: str
    message: str
    line: int = 0
    column: int = 0


@dataclass
class LoadedFile:
    """One YAML file as plain values. Positions are worked out only when a finding needs one.

    A file with a syntax error is read without the list item (or top-level section) where the
    error stands: those lines are `skipped` (first and last line, 1-based), `text` is the file with
    them blanked (an alias whose anchor stood in them is read as null: `nulled`), and `lost_ids` are
    the ids that stood in them (all the file's ids when nothing
    could be read), so that references to them follow from the syntax error instead of being
    errors of their own.
    """

    path: str
    data: Any = None
    problems: list[LoadProblem] = field(default_factory=list)
    text: str | None = None
    skipped: list[tuple[int, int]] = field(default_factory=list)
    lost_ids: list[str] = field(default_factory=list)
    nulled: list[tuple[int, str]] = field(default_factory=list)  # (line, alias) read as null: its anchor was lost
    _positions: dict[Path, tuple[int, int]] | None = field(default=None, repr=False)

    @property
    def positions(self) -> dict[Path, tuple[int, int]]:
        """The position of every key and list item; composed again from the text on first use."""
        if self._positions is None:
            self._positions = _index_positions(self.text) if self.text is not None else {}
        return self._positions

    def position(self, path: Path) -> tuple[int, int]:
        """The position of `path`, or of its nearest ancestor that exists."""
        positions = self.positions
        path = tuple(path)
        while path:
            found = positions.get(path) or positions.get(path[:-1] + (_alt(path[-1]),))
            if found:
                return found
            path = path[:-1]
        return positions.get((), (1, 1))


def _alt(key: Any) -> Any:
    """Keys the model turned into text may have been numbers in the file (`2026:`), and back."""
    if isinstance(key, str) and key.isdigit():
        return int(key)
    if isinstance(key, int) and not isinstance(key, bool):
        return str(key)
    if isinstance(key, str) and key.count(".") == 1 and key.replace(".", "").isdigit():
        return float(key)  # a question number like `1.1:` (Kommunkompassen) is a number to YAML
    return key


class _Abort(Exception):
    def __init__(self, problem: LoadProblem):
        self.problem = problem


def decode(raw: bytes) -> tuple[str | None, LoadProblem | None]:
    """Decode a file's bytes as UTF-8, or say precisely why not."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return None, LoadProblem("SM103", "filen är kodad som UTF-16/UTF-32; spara den som UTF-8", 1, 1)
    if b"\x00" in raw[:8192]:
        return None, LoadProblem("SM103", "filen är binär (innehåller NUL-tecken), inte en YAML-textfil", 1, 1)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        hint = " (ser ut som Latin-1/Windows-1252)" if _looks_latin1(raw) else ""
        return None, LoadProblem("SM103", f"filen är inte giltig UTF-8{hint}; spara den som UTF-8", line, column)
    return text, None


def _looks_latin1(raw: bytes) -> bool:
    return any(b in raw for b in (b"\xe5", b"\xe4", b"\xf6", b"\xc5", b"\xc4", b"\xd6"))


def load_bytes(path: str, raw: bytes, max_bytes: int, alias_budget: int = MAX_ALIAS_EXPANSIONS) -> LoadedFile:
    result = LoadedFile(path)
    if len(raw) > max_bytes:
        result.problems.append(
            LoadProblem(
                "SM105",
                f"filen är {size_text(len(raw))}, över gränsen {size_text(max_bytes)} "
                "(ändra `gränser.max_filstorlek_mb` i styrmodell.yaml om den är legitim)",
                1,
                1,
            )
        )
        return result
    text, problem = decode(raw)
    if problem:
        result.problems.append(problem)
        return result
    assert text is not None  # decode gives either the text or a problem
    return load_text(path, text, result, alias_budget)


def size_text(n_bytes: int) -> str:
    """`6,2 MB`, `5 MB`, `850 kB`: sizes as a Swedish reader writes them."""
    value, unit = (n_bytes / 1e6, "MB") if n_bytes >= 1e6 else (n_bytes / 1e3, "kB")
    return f"{value:.1f}".removesuffix(".0").replace(".", ",") + f" {unit}"


def load_text(
    path: str, text: str, result: LoadedFile | None = None, alias_budget: int = MAX_ALIAS_EXPANSIONS
) -> LoadedFile:
    result = result or LoadedFile(path)
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        result.problems.append(LoadProblem("SM104", "filen är tom", 1, 1))
        return result
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if nesting_depth(text) > MAX_DEPTH:  # libyaml's own depth limit, in whatever words its version uses
            result.problems.append(
                LoadProblem("SM105", f"filen är nästlad djupare än {MAX_DEPTH} nivåer", line, column)
            )
            result.lost_ids = _ids_in(text)
            return result
        recovered = _recover(text, exc)
        result.problems.extend(recovered.problems)
        result.skipped = recovered.skipped
        result.lost_ids = recovered.lost_ids
        result.nulled = recovered.nulled
        if recovered.node is None:
            return result
        node, text = recovered.node, recovered.text
    except yaml.YAMLError as exc:
        result.problems.append(LoadProblem("SM101", _translate(str(exc)), 1, 1))
        return result
    except RecursionError:
        result.problems.append(LoadProblem("SM105", f"filen är nästlad djupare än {MAX_DEPTH} nivåer", 1, 1))
        return result
    if node is None:
        result.problems.append(LoadProblem("SM104", "filen är tom", 1, 1))
        return result
    result.text = text
    builder = _Builder(result, alias_budget)
    try:
        result.data = builder.value(node, ())
    except _Abort as abort:
        result.data = None
        result.problems.append(abort.problem)
        result.lost_ids = _ids_in(text)
    return result


@dataclass
class _Recovered:
    problems: list[LoadProblem]
    skipped: list[tuple[int, int]]
    lost_ids: list[str]
    node: Node | None = None
    text: str = ""
    nulled: list[tuple[int, str]] = field(default_factory=list)


MAX_RECOVERIES = 50
_ID_IN_TEXT = re.compile(r"""(?:^|[\s{,])id\s*:\s*["']?([^"'\s,}\]#]+)""")
_ALIAS = re.compile(r"\*([^\s,\]}]+)")
_ONE_DOCUMENT = ("expected a single document", "but found another document")


# Where an unclosed construct began is where the slip is, not where libyaml noticed it.
_AT_START = ("while parsing a flow", "while scanning a quoted scalar")


def _syntax_problem(exc: yaml.MarkedYAMLError) -> LoadProblem:
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark is not None and any(words in str(exc.context or "") for words in _AT_START):
        mark = exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    text = " ".join(str(part) for part in (exc.problem, exc.context) if part) or str(exc)
    return LoadProblem("SM101", _translate(text), line, column)


def _recover(text: str, error: yaml.MarkedYAMLError) -> _Recovered:
    """Read what can be read of a file with syntax errors: blank the object (the outermost list item,
    or the top-level section) where each error stands, keeping every other line where it was, and
    parse again.

    One slip then costs one object, not the whole file, and every line number stays right. Each
    error found on the way is a problem of its own; the ids in the blanked lines are returned so
    that references to them are not reported as errors of their own. A file that cannot be read
    this way is reported with its first error, and all its ids are lost.
    """
    original = text.split("\n")
    lines = list(original)
    problems: list[LoadProblem] = []
    skipped: list[tuple[int, int]] = []
    first = _syntax_problem(error)
    nulled: list[tuple[int, str]] = []
    for _ in range(MAX_RECOVERIES):
        alias = _lost_alias(error, lines, original, skipped)
        span: tuple[int, int] | None = None
        if alias is not None:  # its anchor stood in a blanked object: read it as null, not as a new error
            line, name, column = alias
            lines[line] = lines[line][:column] + "null" + lines[line][column + len(name) + 1 :]
            nulled.append((line + 1, name))
            span = (-1, -1)
        else:
            problem = _syntax_problem(error)
            if problem not in problems:
                problems.append(problem)
            message = " ".join(str(p) for p in (error.problem, error.context) if p)
            if any(words in message for words in _ONE_DOCUMENT):
                break
        for mark in (error.context_mark, error.problem_mark) if span is None else ():
            if mark is None or mark.line >= len(lines):
                continue
            candidate = _object_span(lines, mark.line)
            if candidate is not None and any(lines[i].strip() for i in range(candidate[0], candidate[1] + 1)):
                span = candidate
                break
        if span is None:
            break
        if span != (-1, -1):
            skipped.append((span[0] + 1, span[1] + 1))
            for index in range(span[0], span[1] + 1):
                lines[index] = ""
        try:
            node = yaml.compose("\n".join(lines), Loader=_Loader)
        except yaml.MarkedYAMLError as exc:
            error = exc
            continue
        except (yaml.YAMLError, RecursionError):
            break
        if node is None:
            break
        lost = "\n".join(original[i - 1] for a, b in skipped for i in range(a, b + 1))
        return _Recovered(problems, sorted(skipped), _ids_in(lost), node, "\n".join(lines), nulled)
    return _Recovered([first], [], _ids_in(text))


def _lost_alias(
    error: yaml.MarkedYAMLError, lines: list[str], original: list[str], skipped: list[tuple[int, int]]
) -> tuple[int, str, int] | None:
    """(line, name, column) of an undefined alias whose anchor (`&name`) stood in a blanked object."""
    mark = error.problem_mark
    if mark is None or "found undefined alias" not in str(error.problem or "") or mark.line >= len(lines):
        return None
    found = _ALIAS.match(lines[mark.line][mark.column :])
    if found is None:
        return None
    name = found.group(1)
    anchor = re.compile(rf"&{re.escape(name)}(?![^\s,\]}}])")
    blanked = (original[i - 1] for first, last in skipped for i in range(first, last + 1))
    if not any(anchor.search(line) for line in blanked):
        return None
    return mark.line, name, mark.column


def blank_lines(text: str, skipped: list[tuple[int, int]], nulled: list[tuple[int, str]] | None = None) -> str:
    """The file as it was read: the skipped lines (first, last; 1-based) blanked, lost aliases null."""
    if not skipped:
        return text
    lines = text.split("\n")
    for first, last in skipped:
        for index in range(first - 1, min(last, len(lines))):
            lines[index] = ""
    for line, name in nulled or []:
        if 0 < line <= len(lines):
            lines[line - 1] = re.sub(rf"\*{re.escape(name)}(?![^\s,\]}}])", "null", lines[line - 1], count=1)
    return "\n".join(lines)


def _ids_in(text: str) -> list[str]:
    return list(dict.fromkeys(m.group(1) for line in text.splitlines() for m in _ID_IN_TEXT.finditer(line)))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_item(line: str) -> bool:
    stripped = line.lstrip(" ")
    return stripped == "-" or stripped.startswith("- ")


def _empty(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("#")


def _object_span(lines: list[str], index: int) -> tuple[int, int] | None:
    """The lines (first, last; 0-based) of the object around line `index`: the outermost list item
    it stands in (a goal, an organ, a delegation row), or the top-level section when it is in none."""
    while index > 0 and _empty(lines[index]):
        index -= 1
    if _empty(lines[index]):
        return None
    bound = _indent(lines[index]) + 1  # the line itself may be the item
    outer: tuple[int, int] | None = None
    top = None
    for j in range(index, -1, -1):
        line = lines[j]
        if _empty(line):
            continue
        indent = _indent(line)
        if indent >= bound:
            continue  # a sibling's contents, not a line on the way up
        if _is_item(line):
            outer = (j, indent)
        bound = indent
        if indent == 0:
            top = j
            break
    if outer is not None:
        start, depth = outer
    elif top is not None:
        start, depth = top, 0
    else:
        return None
    end = start
    for j in range(start + 1, len(lines)):
        line = lines[j]
        if _empty(line):
            continue
        if outer is not None and _indent(line) <= depth:
            break  # the next item, or the key after the list
        if outer is None and _indent(line) == 0 and not _is_item(line):
            break  # the next top-level section
        end = j
    return start, end


def nesting_depth(text: str) -> int:
    """How deep the file nests, counted from its brackets and indentation without parsing it.

    Used when libyaml refuses a file, to tell a file nested too deep from other syntax errors
    whatever message the installed libyaml gives. Quoted text and comments are skipped.
    """
    deepest = flow = 0
    indents: list[int] = []
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        if flow == 0:
            indent = len(line) - len(stripped)
            while indents and indents[-1] >= indent:
                indents.pop()
            indents.append(indent)
            dashes = len(stripped) - len(stripped.lstrip("- ")) if stripped.startswith("- ") else 0
            deepest = max(deepest, len(indents) + stripped[:dashes].count("-"))
        quote = ""
        for index, char in enumerate(stripped):
            if quote:
                if char == quote:
                    quote = ""
            elif char in "'\"" and (index == 0 or stripped[index - 1] in " [{,:"):
                quote = char
            elif char == "#" and (index == 0 or stripped[index - 1] == " "):
                break
            elif char in "[{":
                flow += 1
                deepest = max(deepest, len(indents) + flow)
            elif char in "]}":
                flow = max(0, flow - 1)
    return deepest


def _translate(problem: str) -> str:
    for english, swedish in _SYNTAX_TRANSLATIONS.items():
        if english in problem:
            return f"YAML-syntaxfel: {swedish}"
    return f"YAML-syntaxfel: {problem}"


class _Builder:
    """Turns a composed node graph into plain values, guarding against alias and merge-key bombs.

    Every node built again because an alias (`*a`, also in `<<: *a`) points to it counts towards
    the alias budget, scalars included: what a bomb costs is the values it expands to, not the
    number of aliases written. Problems are recorded once, where the node stands, not again
    for each expansion.
    """

    def __init__(self, result: LoadedFile, alias_budget: int):
        self.result = result
        self.seen: set[int] = set()
        self.expanded = 0
        self.budget = alias_budget
        self.at: Node | None = None  # the last key read outside any alias: where an expansion is written

    def value(self, node: Node, stack: tuple[int, ...], expanding: bool = False) -> Any:
        if node.__class__ is ScalarNode:
            if expanding:
                self._spend(node)
            if node.tag == _STR:
                return node.value
            value, problem = resolve(node)
            if problem and not expanding:
                self.result.problems.append(self._problem("SM101", problem, node))
            return value
        ident = id(node)
        if ident in self.seen:
            if ident in stack:
                raise _Abort(self._problem("SM105", "rekursivt alias (ett ankare som refererar till sig självt)", node))
            expanding = True
        else:
            self.seen.add(ident)
        if expanding:
            self._spend(node)
        if len(stack) > MAX_DEPTH:
            raise _Abort(self._problem("SM105", f"filen är nästlad djupare än {MAX_DEPTH} nivåer", node))
        if node.tag not in _COLLECTION_TAGS and not expanding:
            self.result.problems.append(self._problem("SM101", _unsupported_tag(node.tag), node))
        inner = stack + (ident,)
        if node.__class__ is SequenceNode:
            return [self.value(child, inner, expanding) for child in node.value]
        return self.mapping(cast(MappingNode, node), inner, expanding)  # the only kind of node left

    def _spend(self, node: Node) -> None:
        self.expanded += 1
        if self.expanded > self.budget:
            raise _Abort(
                self._problem(
                    "SM105",
                    f"aliasen (*namn, också i <<: *namn) blir fler än {f'{self.budget:,}'.replace(',', ' ')} "
                    "värden när de vecklas ut (en så kallad alias-bomb); filen läses inte "
                    "(ändra `gränser.max_aliasvärden` i styrmodell.yaml om den är legitim)",
                    self.at or node,
                )
            )

    def mapping(self, node: MappingNode, stack: tuple[int, ...], expanding: bool) -> dict:
        out: dict = {}
        first: dict[Any, ScalarNode] = {}
        merged: dict | None = None
        for key_node, value_node in node.value:
            if not expanding:
                self.at = key_node
            if key_node.tag == _MERGE:
                merged = merged if merged is not None else {}
                sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
                for source in sources:
                    data = self.value(source, stack, expanding)
                    if not isinstance(data, dict):
                        if not expanding:
                            self.result.problems.append(
                                self._problem(
                                    "SM101",
                                    "en sammanslagning (<<) ska peka på en mappning, t.ex. `<<: *ankare`",
                                    key_node,
                                )
                            )
                        continue
                    for key, val in data.items():
                        merged.setdefault(key, val)
                continue
            if key_node.__class__ is not ScalarNode:
                if not expanding:
                    self.result.problems.append(
                        self._problem(
                            "SM101", "en nyckel måste vara en enkel text, inte en lista eller mappning", key_node
                        )
                    )
                continue
            scalar = key_node
            key = key_value(scalar)
            if key is None:
                if not expanding:
                    self.result.problems.append(
                        self._problem("SM101", "nyckeln är tom (null); skriv ett namn före kolonet", key_node)
                    )
                continue
            if expanding:
                self._spend(key_node)
            earlier = first.get(key)
            if earlier is not None:
                if not expanding:
                    self.result.problems.append(self._problem("SM102", _duplicate(earlier, scalar, key), key_node))
                continue
            first[key] = scalar
            out[key] = self.value(value_node, stack, expanding)
        if merged:
            for key, val in merged.items():
                out.setdefault(key, val)
        return out

    def _problem(self, code: str, message: str, node: Node) -> LoadProblem:
        return LoadProblem(code, message, node.start_mark.line + 1, node.start_mark.column + 1)


def _duplicate(first: ScalarNode, again: ScalarNode, key: Any) -> str:
    line = first.start_mark.line + 1
    if first.value == again.value:
        return (
            f"nyckeln '{key}' förekommer två gånger (första gången på rad {line}); "
            "den senare skulle tyst skriva över den första"
        )
    return (
        f"nycklarna '{first.value}' (rad {line}) och '{again.value}' är samma tal för YAML, och den senare "
        f'skulle tyst skriva över den första; skriv dem inom citattecken: "{again.value}"'
    )


def _unsupported_tag(tag: str) -> str:
    shown = "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag
    return f"taggen '{shown}' stöds inte (styr läser bara vanliga texter, tal, listor och mappningar); ta bort den"


def key_value(node: ScalarNode) -> Any:
    """A mapping key as the model sees it: text, a number or a truth value; None for a null key.

    A key that is not a finite number stays the text it was written as (`.nan:` is '.nan'), so
    that every key can be found again and equals itself.
    """
    if node.tag == _STR:
        return node.value
    value, problem = resolve(node)
    if problem or (isinstance(value, float) and not math.isfinite(value)):
        return node.value
    return value


def resolve(node: ScalarNode) -> tuple[Any, str | None]:
    """The value of a scalar libyaml has tagged, and what is wrong with it if it is not what its tag says."""
    tag, text = node.tag, node.value
    if tag == _STR:
        return text, None
    if tag == _INT:
        return _int(text)
    if tag == _FLOAT:
        return _float(text)
    if tag == _BOOL:
        lowered = text.lower()
        if lowered in _TRUE or lowered in _FALSE:
            return lowered in _TRUE, None
        return text, f"'{_shown(text)}' är inte ja eller nej (true/false)"
    if tag == _NULL:
        if text in ("", "~") or text.lower() == "null":
            return None, None
        return text, f"'{_shown(text)}' är inte ett tomt värde (null)"
    if tag == _TIMESTAMP:
        return text, None  # timestamps stay text; the model parses dates itself
    return text, _unsupported_tag(tag)


def _shown(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def _index_positions(text: str) -> dict[Path, tuple[int, int]]:
    """Every key's and list item's position, for a file that loaded (so it composes cleanly)."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return {}
    positions: dict[Path, tuple[int, int]] = {(): (1, 1)}
    stack: list[tuple[Node, Path]] = [(root, ())] if root is not None else []
    expanded: set[int] = set()
    while stack:
        node, path = stack.pop()
        if id(node) in expanded or len(path) > MAX_DEPTH:
            continue  # an alias: its contents were indexed where the anchor stands
        expanded.add(id(node))
        if isinstance(node, SequenceNode):
            for index, child in enumerate(node.value):
                child_path = path + (index,)
                positions.setdefault(child_path, (child.start_mark.line + 1, child.start_mark.column + 1))
                stack.append((child, child_path))
        elif isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode) or key_node.tag == _MERGE:
                    continue
                key = key_value(key_node)
                if key is None:
                    continue
                child_path = path + (key,)
                positions.setdefault(child_path, (key_node.start_mark.line + 1, key_node.start_mark.column + 1))
                stack.append((value_node, child_path))
    return positions


def _int(text: str) -> tuple[Any, str | None]:
    """A YAML 1.1 integer: decimal, 0x hexadecimal, 0b binary, 0 octal, with `_` between digits.

    Sexagesimal numbers (`1:30`) stay text, as in YAML 1.2: what a controller writes with a colon is
    a time or a ratio, not a count of seconds. An integer too large for any count in a governance
    model (more than 18 digits) stays the text it was written as, so that a text field keeps it and a
    number field says it is out of range.
    """
    cleaned = text.replace("_", "")
    sign = -1 if cleaned.startswith("-") else 1
    digits = cleaned.lstrip("+-")
    if ":" in digits:
        return text, None
    base, body = 10, digits
    if digits[:2] in ("0x", "0X"):
        base, body = 16, digits[2:]
    elif digits[:2] in ("0b", "0B"):
        base, body = 2, digits[2:]
    elif digits[:2] in ("0o", "0O"):
        base, body = 8, digits[2:]
    elif len(digits) > 1 and digits.startswith("0"):
        base, body = 8, digits[1:]
    if len(body) > _MAX_INT_DIGITS[base]:
        return text, None
    try:
        value = sign * int(body, base)
    except ValueError:
        return text, f"'{_shown(text)}' kan inte läsas som ett heltal; sätt det inom citattecken om det är en text"
    if abs(value) > _MAX_INT:
        return text, None
    return value, None


def _float(text: str) -> tuple[Any, str | None]:
    """A YAML 1.1 float, `.inf` and `.nan` included (the model refuses numbers that are not finite)."""
    cleaned = text.replace("_", "").lower()
    if ":" in cleaned:  # sexagesimal: text, as for integers
        return text, None
    if cleaned in (".inf", "+.inf"):
        return math.inf, None
    if cleaned == "-.inf":
        return -math.inf, None
    if cleaned == ".nan":
        return math.nan, None
    try:
        return float(cleaned), None
    except ValueError:
        return text, f"'{_shown(text)}' kan inte läsas som ett tal; sätt det inom citattecken om det är en text"
