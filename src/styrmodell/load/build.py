"""Loaded files → the repository model. Each object is validated on its own, so one broken
object costs only itself, and every schema error points to `path:line:column`.

An object whose error is in a field it can do without is kept without that field ("salvaged"),
so that the rules still see it: fixing the schema error then reveals nothing that was there all
along. What it lacks because of the error is the error's consequence, not a finding of its own
(see validation/consequences.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError

from styrmodell.findings import Location, Problem
from styrmodell.load.deadline import Deadline
from styrmodell.load.messages import describe_error
from styrmodell.load.yamlload import LoadedFile
from styrmodell.model.base import Node, Source, attach
from styrmodell.model.config import Config
from styrmodell.model.repository import Repository
from styrmodell.model.sections import ORGANISATION_KEYS, SECTIONS, TOP_LEVEL_KEYS, Section
from styrmodell.svenska.suggest import did_you_mean, suggest


def build(
    config: Config, files: Iterable[LoadedFile], deadline: Deadline | None = None
) -> tuple[Repository, list[Problem]]:
    repo = Repository(config=config)
    problems: list[Problem] = []
    for loaded in files:
        if deadline is not None:
            deadline.check(f"modellbygget av {loaded.path}")
        repo.files.append(loaded.path)
        for problem in loaded.problems:
            problems.append(Problem(problem.code, problem.message, Location(loaded.path, problem.line, problem.column)))
        for ident in loaded.lost_ids:
            repo.broken_ids.setdefault(ident, loaded.path)
        if loaded.data is None:
            continue
        _FileBuilder(repo, loaded, problems).run()
    return repo, problems


class Piece:
    """One file's part of the model, built on its own: what `build` adds to the repository for it.
    A file's objects depend on that file alone (never on the configuration or another file), so a
    resident process (the language server) keeps the pieces of unchanged files and builds only
    the changed ones; `merge` puts them together exactly as `build` would have."""

    __slots__ = ("loaded", "part", "problems", "targets")

    def __init__(self, config: Config, loaded: LoadedFile):
        self.loaded = loaded
        self.part = Repository(config=config)
        self.problems: list[Problem] = [
            Problem(p.code, p.message, Location(loaded.path, p.line, p.column)) for p in loaded.problems
        ]
        if loaded.data is not None:
            _FileBuilder(self.part, loaded, self.problems).run()
        # the kinds of object the file has: what `merge` adds to the repository
        self.targets = [(target, objects) for target in _TARGETS if (objects := getattr(self.part, target))]


_TARGETS = sorted({section.target for section in SECTIONS})


def merge(
    config: Config, pieces: Iterable[Piece], deadline: Deadline | None = None
) -> tuple[Repository, list[Problem]]:
    """The repository and problems that `build` gives for the pieces' files, in the pieces' order."""
    repo = Repository(config=config)
    problems: list[Problem] = []
    for piece in pieces:
        if deadline is not None:
            deadline.check(f"modellbygget av {piece.loaded.path}")
        repo.files.append(piece.loaded.path)
        problems.extend(piece.problems)
        for ident in piece.loaded.lost_ids:
            repo.broken_ids.setdefault(ident, piece.loaded.path)
        repo.broken_ids.update(piece.part.broken_ids)
        repo.salvaged.extend(piece.part.salvaged)
        for target, objects in piece.targets:
            getattr(repo, target).extend(objects)
    return repo, problems


class _FileBuilder:
    def __init__(self, repo: Repository, loaded: LoadedFile, problems: list[Problem]):
        self.repo = repo
        self.loaded = loaded
        self.problems = problems
        self.default_organ: str | None = None
        # where an alias was read as null because its anchor was lost to a syntax error
        nulled_lines = {line for line, _ in loaded.nulled}
        self.nulled = (
            [path for path, (line, _) in loaded.positions.items() if line in nulled_lines] if nulled_lines else []
        )

    def report(self, code: str, message: str, path: tuple) -> None:
        line, column = self.loaded.position(path)
        self.problems.append(Problem(code, message, Location(self.loaded.path, line, column)))

    def run(self) -> None:
        data = self.loaded.data
        if not isinstance(data, dict):
            self.report(
                "SM107",
                "filen ska vara en mappning med sektioner (t.ex. `mål:` eller `indikatorer:`), "
                "inte en lista eller ett enstaka värde",
                (),
            )
            return
        for key in data:
            if key not in TOP_LEVEL_KEYS:
                self.report(
                    "SM106",
                    f"okänd sektion '{key}'{did_you_mean(key, TOP_LEVEL_KEYS)} "
                    f"(kända sektioner: {', '.join(TOP_LEVEL_KEYS)})",
                    (key,),
                )
        organ = data.get("organ")
        if organ is not None:
            if isinstance(organ, (str, int)) and not isinstance(organ, bool):
                self.default_organ = str(organ)
            else:
                self.report("SM107", "'organ' överst i filen ska vara ett organs id", ("organ",))
        organisation = data.get("organisation")
        if organisation is not None:
            if not isinstance(organisation, dict):
                self.report(
                    "SM107",
                    "'organisation' ska vara en mappning med organ, förvaltningar, enheter, roller",
                    ("organisation",),
                )
            else:
                for key in organisation:
                    if key not in ORGANISATION_KEYS:
                        self.report(
                            "SM106",
                            f"okänd nyckel '{key}'{did_you_mean(key, ORGANISATION_KEYS)}",
                            ("organisation", key),
                        )
        for section in SECTIONS:
            value = _dig(data, section.key)
            if value is None:
                continue
            if section.many:
                self.many(section, value, section.key)
            else:
                obj = self.single(section, value, section.key)
                if obj is not None:
                    getattr(self.repo, section.target).append(obj)

    def many(self, section: Section, value: Any, path: tuple, sink: list | None = None) -> None:
        if not isinstance(value, list):
            self.report("SM107", f"'{path[-1]}' ska vara en lista av objekt (rader som börjar med '- ')", path)
            return
        sink = getattr(self.repo, section.target) if sink is None else sink
        for index, item in enumerate(value):
            obj = self.validate(section.model, item, path + (index,))
            if obj is not None:
                sink.append(obj)

    def single(self, section: Section, value: Any, path: tuple) -> Node | None:
        items = None
        if section.items and isinstance(value, dict) and section.items in value:
            value = dict(value)
            items = value.pop(section.items)
        obj = self.validate(section.model, value, path)
        if obj is not None and section.items and items is not None:
            item_model = _list_item_model(section.model, section.items)
            self.many(
                Section(path + (section.items,), item_model, ""),
                items,
                path + (section.items,),
                sink=getattr(obj, section.items),
            )
        return obj

    def validate(self, model: type[Node], item: Any, path: tuple) -> Node | None:
        if (
            isinstance(item, dict)
            and self.default_organ
            and "organ" in model.model_fields
            and item.get("organ") is None
        ):
            item = {**item, "organ": self.default_organ}
        try:
            obj = model.model_validate(item)
        except ValidationError as exc:
            errors = exc.errors()
            for error in errors:
                message, code = describe_error(error, model)
                self.report(code, message, path + tuple(error["loc"]))
            kept = _salvage(model, item, errors)
            if kept is None:
                if isinstance(item, dict) and isinstance(item.get("id"), (str, int)):
                    self.repo.broken_ids[str(item["id"])] = self.loaded.path
                return None
            obj, broken = kept
            attach(obj, Source(self.loaded, path))
            self.repo.salvaged.append((obj, broken | self.nulled_fields(path)))
            return obj
        attach(obj, Source(self.loaded, path))
        lost = self.nulled_fields(path)
        if lost:
            self.repo.salvaged.append((obj, lost))
        return obj

    def nulled_fields(self, path: tuple) -> frozenset[str]:
        """The object's fields (at `path`) that hold an alias read as null."""
        depth = len(path)
        return frozenset(
            str(p[depth]) for p in self.nulled if len(p) > depth and p[:depth] == path and isinstance(p[depth], str)
        )


def _salvage(model: type[Node], item: Any, errors: list) -> tuple[Node, frozenset[str]] | None:
    """The object without the fields its errors are in, if it can do without them; and the names of
    those fields (for an unknown key, also the known key it was probably meant to be)."""
    if not isinstance(item, dict):
        return None
    fields = model.model_fields
    removed: set[str] = set()
    broken: set[str] = set()
    for error in errors:
        loc = error.get("loc") or ()
        if not loc or not isinstance(loc[0], str):
            return None  # about the whole object
        name = loc[0]
        if name in fields and fields[name].is_required():
            return None  # it cannot do without this field
        removed.add(name)
        broken.add(name)
        if error["type"] == "extra_forbidden" and len(loc) == 1:
            meant = suggest(name, list(fields))
            if meant:
                broken.add(meant)
    try:
        obj = model.model_validate({k: v for k, v in item.items() if k not in removed})
    except ValidationError:
        return None
    return obj, frozenset(broken)


def _dig(data: dict, key: tuple[str, ...]) -> Any:
    value: Any = data
    for part in key:
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _list_item_model(model: type[BaseModel], field: str) -> type[Node]:
    annotation = model.model_fields[field].annotation
    assert annotation is not None  # a field of items is annotated list[X]
    return annotation.__args__[0]  # list[X] → X
