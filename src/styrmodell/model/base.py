"""What every model object shares: strict keys and knowing where it came from."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Protocol

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from styrmodell.findings import Location

ID_PATTERN = r"^[A-Za-z0-9ÅÄÖåäöÉé][A-Za-z0-9ÅÄÖåäöÉé_.\-]*$"


class PositionTable(Protocol):
    path: str

    def position(self, path: tuple) -> tuple[int, int]: ...


class Source:
    """Where an object stands: its file's position table and its path inside that file."""

    __slots__ = ("path", "table")

    def __init__(self, table: PositionTable, path: tuple):
        self.table = table
        self.path = path

    def location(self, *fields: Any) -> Location:
        line, column = self.table.position(self.path + fields)
        return Location(self.table.path, line, column)


_SOURCE = "__källa__"


class Node(BaseModel):
    # numbers where text is expected (an id like 2026, a paragraph like 112) become text in the
    # validator's own code, not in a Python callback per field; `.nan` and `.inf` are no numbers
    # anywhere in the model. A model's validator is built when the first object of its kind is
    # read, not when its class is defined: a run builds only the kinds its repository has, and
    # a run answered by the cache none.
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        frozen=False,
        coerce_numbers_to_str=True,
        allow_inf_nan=False,
        defer_build=True,
    )

    # Where the object stands is kept in the instance dict under a name pydantic never sees
    # (a PrivateAttr costs an initialisation per object, which is most of a build).

    def where(self, *fields: Any) -> Location:
        """The `path:line:column` of this object, or of one of its fields."""
        source = self.__dict__.get(_SOURCE)
        if source is None:
            return Location("<okänd>")
        return source.location(*fields)

    @property
    def yaml_source(self) -> Source | None:
        """The file and the path inside it where this object stands (None for an object not read from a file)."""
        return self.__dict__.get(_SOURCE)

    @property
    def file(self) -> str:
        source = self.__dict__.get(_SOURCE)
        return source.table.path if source else "<okänd>"


def _may_hold_models(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_may_hold_models(arg) for arg in getattr(annotation, "__args__", ()) or ())


_MODEL_FIELDS: dict[type, tuple[str, ...]] = {}


def attach(obj: BaseModel, source: Source) -> None:
    """Give the object and every nested model its place in the file."""
    if isinstance(obj, Node):
        obj.__dict__[_SOURCE] = source
    cls = type(obj)
    names = _MODEL_FIELDS.get(cls)
    if names is None:
        names = _MODEL_FIELDS[cls] = tuple(n for n, f in cls.model_fields.items() if _may_hold_models(f.annotation))
    for name in names:
        value = getattr(obj, name)
        if isinstance(value, BaseModel):
            attach(value, Source(source.table, source.path + (name,)))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    attach(item, Source(source.table, source.path + (name, index)))
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, BaseModel):
                    attach(item, Source(source.table, source.path + (name, key)))


def _as_list(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, (str, int)):
        return [str(value)]
    return value


def _swedish_bool(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in ("ja", "nej"):
        return value.strip().lower() == "ja"
    return value


# true/false, or the Swedish words the files are written in: the schema says so too, so that the editor
# does not mark `balansdag: ja` that `styr validera` accepts
Flag = Annotated[
    bool,
    BeforeValidator(_swedish_bool),
    WithJsonSchema(
        {"anyOf": [{"type": "boolean"}, {"type": "string", "enum": ["ja", "nej", "Ja", "Nej", "JA", "NEJ"]}]}
    ),
]


def one_or_list_schema(schema: dict[str, Any]) -> None:
    """For a list field whose validator also takes one item (`organtyp: nämnd` for `[nämnd]`): the schema
    says both, so that the editor does not mark the short form `styr validera` accepts."""
    items = schema.get("items")
    if isinstance(items, dict):
        whole = {key: schema.pop(key) for key in ("type", "items") if key in schema}
        schema["anyOf"] = [items, whole]


Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=120)]
Ref = str
RefList = Annotated[
    list[Ref],
    BeforeValidator(_as_list),
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}),
]
Text = str

# A number the model keeps (an outcome, a target, an amount, a score): finite (the model config refuses
# `.nan` and `.inf`) and within what any figure of a municipality can be, so that sums, differences
# and ratios in the reports stay finite. The bounds are checked in pydantic's own code.
MAX_NUMBER = 1e15
Number = Annotated[float, Field(ge=-MAX_NUMBER, le=MAX_NUMBER)]
# An indicator's value: a number, or for a qualitative indicator a step of its scale, written as the
# step's word (the indicator's validator turns it into the step's place before this type sees it)
StepOrNumber = Annotated[
    float,
    Field(ge=-MAX_NUMBER, le=MAX_NUMBER),
    WithJsonSchema({"anyOf": [{"type": "number", "minimum": -MAX_NUMBER, "maximum": MAX_NUMBER}, {"type": "string"}]}),
]

# A date the model keeps: written ÅÅÅÅ-MM-DD (a number is not a date: pydantic would read `2026`
# as seconds after 1970), between 1800 and 2199, so that a date plus any offset the format allows
# is still a date.
MIN_DATE = dt.date(1800, 1, 1)
MAX_DATE = dt.date(2199, 12, 31)


def _date_not_number(value: Any) -> Any:
    if isinstance(value, (int, float)):
        raise ValueError(f"skriv datumet som ÅÅÅÅ-MM-DD (inom citattecken eller utan), inte som talet {value}")
    return value


Date = Annotated[
    dt.date,
    BeforeValidator(_date_not_number),
    Field(ge=MIN_DATE, le=MAX_DATE),
    WithJsonSchema({"type": "string", "format": "date"}),
]
# An offset in days (`när: {dagar: -7}`): at most a year either way.
DayOffset = Annotated[int, Field(ge=-366, le=366)]

_PERIOD = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2]))?$")


def parse_period(value: Any) -> str:
    """A follow-up period: `2025` (whole year) or `2025-08` (January to end of August)."""
    text = str(value).strip()
    if not _PERIOD.match(text):
        raise ValueError(f"perioden '{text}' ska skrivas ÅÅÅÅ (helår) eller ÅÅÅÅ-MM (t.o.m. månaden)")
    return text


# written 2025 (a number in YAML) or 2026-08 (text): the schema says both
Period = Annotated[
    str, BeforeValidator(parse_period), WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "integer"}]})
]


def period_sort_key(period: str) -> tuple[int, int]:
    year, _, month = period.partition("-")
    return int(year), int(month) if month else 13


class Decision(Node):
    """En beslutsreferens: vem som beslutade, när och under vilken paragraf."""

    organ: Ref = Field(
        description="Organet som beslutade (id); för ett beslut av en tjänsteperson, t.ex. förvaltningschefens "
        "beslut om förvaltningens mål, rollen (id)."
    )
    datum: Date = Field(description="Beslutsdatum, ÅÅÅÅ-MM-DD.")
    paragraf: Text | None = Field(default=None, description='Protokollets paragraf, t.ex. "§ 112".')
    diarienummer: Text | None = Field(default=None, description="Ärendets diarienummer.")

    def label(self) -> str:
        text = f"{self.organ} {self.datum.isoformat()}"
        return f"{text} {self.paragraf}" if self.paragraf else text
