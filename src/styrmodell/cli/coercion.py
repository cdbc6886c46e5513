"""Command-line values turned into their Python types without Pydantic, as Typer would turn them.

Typer (0.29) converts every value given to a command with a Pydantic `TypeAdapter`, built when the
command runs. Importing Pydantic's type machinery for that and building the adapters takes about
70 ms of every run: a third of a `styr validera` that finds its result in the cache, which needs
no Pydantic otherwise. The values the commands take are plain: text, paths, a choice from an Enum,
lists of text. `install` gives each parameter of a command a converter that handles those with
Typer's own functions for paths and choices, to the same values and the same error messages (a test
compares the two for every parameter of every command). Any other type or value (a number, a
date, a path flag such as `allow_dash`) goes to Typer's own converter, built only when such a value
is actually given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

from typer._click.exceptions import BadParameter
from typer._click.utils import _escape_control_characters
from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
from typer._param_types import coerce_cli_choice, coerce_cli_path, lenient_issubclass, routes_to_path
from typer.core import _TyperParameter


def install(params: list[Any]) -> None:
    """Give each of a command's Typer parameters the converter below (booleans need none)."""
    for param in params:
        if isinstance(param, _TyperParameter) and param._runtime_param is None:
            descriptor = param.type_descriptor
            param._runtime_param = PlainRuntimeParam(
                parameter_info=descriptor.parameter_info, annotation=descriptor.annotation, descriptor=descriptor
            )


def _leaf(annotation: Any, descriptor: TypeDescriptor) -> str | None:
    """What kind of plain value `annotation` is ("text", "choice", "path"), or None."""
    info = descriptor.parameter_info
    if info.parser is not None:
        return None
    if annotation is str:
        return "text"
    if lenient_issubclass(annotation, Enum):
        return "choice"
    if (
        lenient_issubclass(annotation, Path)
        and routes_to_path(annotation, info)
        and info.path_type is None
        and not info.allow_dash
    ):
        return "path"
    return None


class _NotPlain(Exception):
    """A value that Typer's own converter must turn into its type."""


@dataclass(frozen=True)
class PlainRuntimeParam(RuntimeParam):
    """A parameter's converter: plain values here, anything else by Typer's own (Pydantic) converter."""

    descriptor: TypeDescriptor
    _typer: list[RuntimeParam] = field(default_factory=list, compare=False, repr=False)

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            return self._plain(value, param, ctx)
        except _NotPlain:
            return self._by_typer()._coerce_value(value, param=param, ctx=ctx)
        except ValueError as exc:  # as Pydantic words an error raised in Typer's validator
            raise BadParameter(_escape_control_characters(f"Value error, {exc}"), ctx=ctx, param=param) from None

    def _plain(self, value: Any, param: Any, ctx: Any) -> Any:
        """What Typer's validator gives for `value` (it runs the same functions), or _NotPlain."""
        descriptor = self.descriptor
        annotation, info = descriptor.annotation, descriptor.parameter_info
        if descriptor.file_annotation is not None:
            raise _NotPlain
        if get_origin(annotation) is list and len(get_args(annotation)) == 1:
            text = _leaf(get_args(annotation)[0], descriptor) == "text"
            if text and isinstance(value, (list, tuple)) and all(type(item) is str for item in value):
                return list(value)
            raise _NotPlain
        kind = _leaf(annotation, descriptor)
        if kind == "text" and type(value) is str:
            return value
        if kind == "choice":
            return coerce_cli_choice(value, choices=list(annotation), case_sensitive=info.case_sensitive, ctx=ctx)
        if kind == "path" and isinstance(value, annotation):
            return coerce_cli_path(value, info, path_type=annotation, param=param, ctx=ctx)
        # a text that Path writes the same is checked as Typer checks the Path it would make of it;
        # another ("./a", "a/") Typer converts and checks itself
        if kind == "path" and type(value) is str and str(annotation(value)) == value:
            checked = coerce_cli_path(value, info, path_type=None, param=param, ctx=ctx)
            return checked if isinstance(checked, annotation) else annotation(checked)
        raise _NotPlain

    def _by_typer(self) -> RuntimeParam:
        if not self._typer:
            self._typer.append(build_runtime_param(self.descriptor))
        return self._typer[0]
