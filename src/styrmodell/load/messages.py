"""Swedish wording for pydantic's validation errors, with "menade du ...?" suggestions."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from enum import Enum
from typing import Any

from pydantic import BaseModel

from styrmodell.model.base import MAX_NUMBER
from styrmodell.svenska.suggest import did_you_mean


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """Follow `loc` through nested models to the model that owns the last key."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int) or current is None:
            continue
        fields = getattr(current, "model_fields", {})
        field = fields.get(part)
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


_TYPE_WORDS = {
    "string_type": "ska vara en text",
    "int_type": "ska vara ett heltal",
    "int_parsing": "ska vara ett heltal",
    "int_from_float": "ska vara ett heltal",
    "float_type": "ska vara ett tal",
    "float_parsing": "ska vara ett tal (decimaltecken är punkt i YAML: 12.5)",
    "bool_type": "ska vara ja eller nej (true/false)",
    "bool_parsing": "ska vara ja eller nej (true/false)",
    "date_type": "ska vara ett datum ÅÅÅÅ-MM-DD",
    "date_parsing": "ska vara ett datum ÅÅÅÅ-MM-DD",
    "date_from_datetime_parsing": "ska vara ett datum ÅÅÅÅ-MM-DD",
    "date_from_datetime_inexact": "ska vara ett datum utan klockslag",
    "list_type": "ska vara en lista",
    "dict_type": "ska vara en mappning (nyckel: värde)",
    "model_type": "ska vara en mappning (nyckel: värde)",
    "model_attributes_type": "ska vara en mappning (nyckel: värde)",
    "too_short": "är för kort (får inte vara tom)",
    "string_too_long": "är för lång",
}


def describe_error(error: Mapping[str, Any], model: type[BaseModel]) -> tuple[str, str]:
    """(Swedish message, rule code) for one pydantic error: SM106 unknown key, else SM107."""
    kind = error["type"]
    loc = tuple(error.get("loc", ()))
    if loc and loc[-1] == "[key]":  # a mapping's key, not its value, is wrong: name the key
        loc = loc[:-1]
    field = str(loc[-1]) if loc else ""
    where = f"'{field}'" if field and not field.isdigit() else "värdet"
    if kind == "extra_forbidden":
        owner = _model_at(model, loc)
        known = list(owner.model_fields) if owner else []
        return f"okänd nyckel '{field}'{did_you_mean(field, known)}", "SM106"
    if kind == "missing":
        return f"fältet '{field}' saknas", "SM107"
    if kind in ("enum", "literal_error"):
        value = error.get("input")
        allowed = _allowed_values(error)
        hint = did_you_mean(value, allowed) if isinstance(value, str) else ""
        listing = ", ".join(f"'{a}'" for a in allowed)
        return f"{where} har värdet '{value}', som inte är tillåtet{hint} (tillåtna: {listing})", "SM107"
    if kind == "string_pattern_mismatch":
        if field == "kommunkod":
            return 'kommunkoden ska vara fyra siffror inom citattecken, t.ex. "1444"', "SM107"
        return (
            f"{where} har fel form ('{error.get('input')}'): använd bokstäver, siffror, punkt, bindestreck "
            "och understreck, utan mellanslag",
            "SM107",
        )
    if kind == "finite_number":
        return f"{where} ska vara ett tal, inte {_non_finite(error.get('input'))}", "SM107"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        ctx = error.get("ctx", {})
        bound = next(iter(ctx.values()), "?")
        if isinstance(bound, float) and abs(bound) == MAX_NUMBER:
            return (
                f"{where} är orimligt stort (är {error.get('input')}; ett tal i styrmodellen är högst "
                "en miljon miljarder åt vardera hållet)",
                "SM107",
            )
        if isinstance(bound, dt.date):
            bound = bound.isoformat()
        elif isinstance(bound, str) and (match := re.fullmatch(r"datetime\.date\((\d+), (\d+), (\d+)\)", bound)):
            bound = dt.date(*map(int, match.groups())).isoformat()  # pydantic's text for a date bound
        words = {
            "greater_than_equal": "minst",
            "greater_than": "större än",
            "less_than_equal": "högst",
            "less_than": "mindre än",
        }
        return f"{where} ska vara {words[kind]} {bound} (är {error.get('input')})", "SM107"
    if kind == "value_error":
        text = str(error.get("ctx", {}).get("error", error.get("msg", "")))
        return f"{where}: {text}", "SM107"
    if kind in _TYPE_WORDS:
        value = error.get("input")
        shown = "" if isinstance(value, (dict, list)) else f" (är '{value}')"
        return f"{where} {_TYPE_WORDS[kind]}{shown}", "SM107"
    return f"{where}: {error.get('msg', kind)}", "SM107"


def _non_finite(value: Any) -> str:
    """How a number that is not finite was written: `.nan` or `.inf` (a huge number like 1e400 is `.inf`)."""
    text = str(value).lower()
    if "nan" in text:
        return "'.nan' (inte ett tal)"
    return "oändligheten ('.inf', eller ett tal så stort att det blir oändligt)"


def _allowed_values(error: Mapping[str, Any]) -> list[str]:
    expected = error.get("ctx", {}).get("expected", "")
    return [part.strip().strip("'") for part in expected.replace(" or ", ",").split(",") if part.strip()]


def enum_values(enum: type[Enum]) -> list[str]:
    return [member.value for member in enum]
