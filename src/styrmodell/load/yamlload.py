"""Read YAML for validation: libyaml's C parser, plain Python values, and every node's position.

Validation never writes YAML back, so it composes with PyYAML's C loader (fast) and builds the
values itself, recording where each key and list item stood. Round-trip loading (ruamel.yaml)
belongs to the commands that write files.

Everything that can go wrong in a file becomes a `LoadProblem`; nothing here raises for bad input.
"""

from __future__ import annotations

import codecs
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
MAX_ALIAS_EXPANSIONS = 10_000

_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_KNOWN_SCALAR_TAGS = {_INT, _FLOAT, _BOOL, _NULL, _STR, "tag:yaml.org,2002:timestamp"}

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
    """One YAML file as plain values. Positions are worked out only when a finding needs one."""

    path: str
    data: Any = None
    problems: list[LoadProblem] = field(default_factory=list)
    text: str | None = None
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


def load_bytes(path: str, raw: bytes, max_bytes: int) -> LoadedFile:
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
    return load_text(path, text, result)


def size_text(n_bytes: int) -> str:
    """`6,2 MB`, `5 MB`, `850 kB`: sizes as a Swedish reader writes them."""
    value, unit = (n_bytes / 1e6, "MB") if n_bytes >= 1e6 else (n_bytes / 1e3, "kB")
    return f"{value:.1f}".removesuffix(".0").replace(".", ",") + f" {unit}"


def load_text(path: str, text: str, result: LoadedFile | None = None) -> LoadedFile:
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
            return result
        text = " ".join(str(part) for part in (exc.problem, exc.context) if part) or str(exc)
        result.problems.append(LoadProblem("SM101", _translate(text), line, column))
        return result
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
    builder = _Builder(result)
    try:
        result.data = builder.value(node, ())
    except _Abort as abort:
        result.data = None
        result.problems.append(abort.problem)
    return result


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
    """Turns a composed node graph into plain values, guarding against alias bombs."""

    def __init__(self, result: LoadedFile):
        self.result = result
        self.seen: set[int] = set()
        self.expansions = 0

    def value(self, node: Node, stack: tuple[int, ...]) -> Any:
        if node.__class__ is ScalarNode:
            return node.value if node.tag == _STR else self.scalar(node)
        ident = id(node)
        if ident in self.seen:
            self.expansions += 1
            if ident in stack:
                raise _Abort(self._problem("SM105", "rekursivt alias (ett ankare som refererar till sig självt)", node))
            if self.expansions > MAX_ALIAS_EXPANSIONS:
                raise _Abort(
                    self._problem(
                        "SM105", "för många alias-expansioner (en så kallad alias-bomb); filen läses inte", node
                    )
                )
        self.seen.add(ident)
        if len(stack) > MAX_DEPTH:
            raise _Abort(self._problem("SM105", f"filen är nästlad djupare än {MAX_DEPTH} nivåer", node))
        inner = stack + (ident,)
        if node.__class__ is SequenceNode:
            return [self.value(child, inner) for child in node.value]
        return self.mapping(cast(MappingNode, node), inner)  # the only kind of node left

    def mapping(self, node: MappingNode, stack: tuple[int, ...]) -> dict:
        out: dict = {}
        merged: dict | None = None
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                merged = merged or {}
                for source in value_node.value if isinstance(value_node, SequenceNode) else [value_node]:
                    data = self.value(source, stack)
                    if isinstance(data, dict):
                        for key, val in data.items():
                            merged.setdefault(key, val)
                continue
            if key_node.__class__ is not ScalarNode:
                raise _Abort(
                    self._problem("SM101", "en nyckel måste vara en enkel text, inte en lista eller mappning", key_node)
                )
            key = key_node.value if key_node.tag == _STR else self.scalar(key_node)
            if key is None:
                key = key_node.value
            if key in out:
                first = next(
                    k
                    for k, _ in node.value
                    if k.__class__ is ScalarNode
                    and k.tag != _MERGE
                    and (k.value if k.tag == _STR else self.scalar(k)) == key
                )
                if first.value == key_node.value:
                    message = (
                        f"nyckeln '{key}' förekommer två gånger (första gången på rad "
                        f"{first.start_mark.line + 1}); den senare skulle tyst skriva över den första"
                    )
                else:
                    message = (
                        f"nycklarna '{first.value}' (rad {first.start_mark.line + 1}) och '{key_node.value}' "
                        f"är samma tal för YAML, och den senare skulle tyst skriva över den första; skriv "
                        f'dem inom citattecken: "{key_node.value}"'
                    )
                self.result.problems.append(self._problem("SM102", message, key_node))
                continue
            out[key] = self.value(value_node, stack)
        if merged:
            for key, val in merged.items():
                out.setdefault(key, val)
        return out

    @staticmethod
    def scalar(node: ScalarNode) -> Any:
        tag, text = node.tag, node.value
        if tag == _STR or tag not in _KNOWN_SCALAR_TAGS:
            return text
        if tag == _INT:
            return _int(text)
        if tag == _FLOAT:
            return _float(text)
        if tag == _BOOL:
            return text.lower() in ("yes", "true", "on", "y")
        if tag == _NULL:
            return None
        return text  # timestamps stay text; the model parses dates itself

    def _problem(self, code: str, message: str, node: Node) -> LoadProblem:
        return LoadProblem(code, message, node.start_mark.line + 1, node.start_mark.column + 1)


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
                if not isinstance(key_node, ScalarNode):
                    continue
                key = key_node.value if key_node.tag == _STR else _Builder.scalar(key_node)
                child_path = path + (key,)
                positions.setdefault(child_path, (key_node.start_mark.line + 1, key_node.start_mark.column + 1))
                stack.append((value_node, child_path))
    return positions


def _int(text: str) -> int:
    cleaned = text.replace("_", "")
    sign = -1 if cleaned.startswith("-") else 1
    cleaned = cleaned.lstrip("+-")
    if cleaned.startswith("0x"):
        return sign * int(cleaned[2:], 16)
    if cleaned.startswith("0o"):
        return sign * int(cleaned[2:], 8)
    if cleaned.startswith("0b"):
        return sign * int(cleaned[2:], 2)
    if ":" in cleaned:  # sexagesimal, YAML 1.1
        value = 0
        for part in cleaned.split(":"):
            value = value * 60 + int(part)
        return sign * value
    if len(cleaned) > 1 and cleaned.startswith("0"):
        return sign * int(cleaned, 8)
    return sign * int(cleaned)


def _float(text: str) -> float:
    cleaned = text.replace("_", "").lower()
    if cleaned in (".inf", "+.inf"):
        return float("inf")
    if cleaned == "-.inf":
        return float("-inf")
    if cleaned == ".nan":
        return float("nan")
    return float(cleaned)
