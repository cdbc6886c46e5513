"""Findings and where they point."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "fel"
    WARNING = "varning"
    INFO = "info"

    @classmethod
    def parse(cls, text: str) -> Severity:
        aliases = {
            "error": cls.ERROR,
            "fel": cls.ERROR,
            "warning": cls.WARNING,
            "varning": cls.WARNING,
            "info": cls.INFO,
        }
        try:
            return aliases[text.strip().lower()]
        except KeyError:
            raise ValueError(text) from None

    @property
    def rank(self) -> int:
        return {"fel": 0, "varning": 1, "info": 2}[self.value]


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file: path relative to the repository root, 1-based line and column."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.column or 1}"
        return self.path


@dataclass(frozen=True)
class Finding:
    code: str
    name: str
    severity: Severity
    message: str
    location: Location
    related: tuple[Location, ...] = field(default=())
    more: int = 0  # findings of the same kind this one stands for, beyond itself (output is capped)

    @property
    def count(self) -> int:
        return 1 + self.more

    def sort_key(self) -> tuple:
        return (self.location.path, self.location.line, self.location.column, self.code, self.message)

    def as_dict(self) -> dict:
        return {
            "kod": self.code,
            "namn": self.name,
            "allvarlighet": self.severity.value,
            "meddelande": self.message,
            "fil": self.location.path,
            "rad": self.location.line,
            "kolumn": self.location.column,
        } | ({"utelämnade": self.more} if self.more else {})


@dataclass(frozen=True)
class Problem:
    """What a rule or the loader reports, before configuration gives it a name and a severity."""

    code: str
    message: str
    location: Location


def to_rows(findings: list[Finding]) -> list[tuple]:
    """Findings as plain values (for the cache and the server's answers); `from_rows` reads them back."""
    return [
        (
            f.code,
            f.name,
            f.severity.value,
            f.message,
            f.location.path,
            f.location.line,
            f.location.column,
            [(r.path, r.line, r.column) for r in f.related],
            f.more,
        )
        for f in findings
    ]


def from_rows(rows) -> list[Finding]:
    """The findings `to_rows` gave; TypeError or ValueError for anything else."""
    return [
        Finding(
            code, name, Severity(sev), message, Location(path, line, column), tuple(Location(*r) for r in related), more
        )
        for code, name, sev, message, path, line, column, related, more in rows
    ]
