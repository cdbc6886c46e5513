"""What a rule is. A rule module defines CODE, NAME, SEVERITY, REFERENCE, BASIS, an `Options`
model, a `check` generator yielding `(message, location)`, and a docstring that *is* its
documentation.

A rule whose findings are each about one file's objects may say so, so that a resident process
re-runs it only for files that changed: instead of `check` it defines
- `check_file(part, context, options)`: the findings about the objects of `part` (a repository
  holding one file's objects, or all of them), each located in that part;
- `context(repo, options)`: everything `check_file` reads from outside the part, as plain values
  or the model's objects; two contexts that are equal (`==`) give the same findings;
- optionally `check_whole(repo, options)`: the rest (findings about the configuration).
`check` is then `check_file(repo, context(repo, options), options)` followed by `check_whole`: one code path
for a cold run and an incremental one. tests/test_rules_per_file.py checks both promises on every
repository the tests have.

REFERENCE says what the rule rests on (a paragraph of law, the municipality's own model, a
standard) and BASIS how: for a rule grounded in law, how sure the tool's reading is, as
law.md marks it (`[text]`, `[2nd]`, `[?]`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from types import ModuleType
from typing import Any

from pydantic import BaseModel, ConfigDict

from styrmodell.findings import Location, Severity

DOC_HEADINGS = ("Vad den kontrollerar", "Varför", "Exempel", "Inställningar", "Referens")


class Basis(str, Enum):
    """What a rule rests on; for the first three, how sure the reading of the law is."""

    TEXT = "lagtext"  # law, read against the statute text
    SECONDARY = "sekundärkälla"  # law, known from a reliable secondary source only
    UNVERIFIED = "overifierad"  # law, not verified: such a rule is a warning
    PRACTICE = "praxis"  # rests on a paragraph of law, but asks more than its letter
    MUNICIPALITY = "kommunens styrmodell"  # the municipality's own model, set in styrmodell.yaml
    STANDARD = "standard"  # a standard outside the law: YAML, Kolada, SCB, Kommunkompassen
    TOOL = "verktyget"  # the format and the tool's own consistency

    @property
    def legal(self) -> bool:
        """Whether the rule is grounded in law (its findings cite the paragraph)."""
        return self in LEGAL

    @property
    def description(self) -> str:
        return _DESCRIPTIONS[self]


LEGAL = {Basis.TEXT, Basis.SECONDARY, Basis.UNVERIFIED, Basis.PRACTICE}
_DESCRIPTIONS = {
    Basis.TEXT: "lag, läst mot lagtexten",
    Basis.SECONDARY: "lag, känd bara från en sekundärkälla (lagtexten finns inte i verktyget)",
    Basis.UNVERIFIED: "lag, inte verifierad",
    Basis.PRACTICE: "praxis med stöd i lagen, men mer än lagens bokstav",
    Basis.MUNICIPALITY: "kommunens egen styrmodell",
    Basis.STANDARD: "en standard utanför lagen",
    Basis.TOOL: "formatet och verktygets egen kontroll",
}


class RuleOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class NoOptions(RuleOptions):
    pass


Check = Callable[..., Iterable[tuple[str, Location]]]


class Same:
    """An object in a rule's context that is equal only to itself: for an object whose place
    (`file:line`) a finding in another file names, which an equal object elsewhere would not keep."""

    __slots__ = ("obj",)

    def __init__(self, obj: Any):
        self.obj = obj

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and other.obj is self.obj

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True)
class PerFile:
    """How a rule checks one file at a time (see the module's docstring)."""

    check_file: Callable[..., Iterable[tuple[str, Location]]]
    context: Callable[[Any, Any], Any] | None = None
    check_whole: Check | None = None

    def check(self, repo: Any, options: Any) -> Iterator[tuple[str, Location]]:
        yield from self.check_file(repo, self.context(repo, options) if self.context else None, options)
        if self.check_whole is not None:
            yield from self.check_whole(repo, options)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    doc: str
    reference: str = ""
    basis: Basis | None = None
    options: type[RuleOptions] = NoOptions
    check: Check | None = None  # None: the loader reports this rule's findings
    per_file: PerFile | None = None  # set when the rule can check one file at a time

    @property
    def grounds(self) -> str:
        """The reference and the basis in one line: `KL 6 kap. 37 § – lagtext`."""
        if self.basis is None:
            return self.reference
        return f"{self.reference} – {self.basis.value}" if self.reference else self.basis.value

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].strip()

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        per_file = None
        if hasattr(module, "check_file"):
            per_file = PerFile(
                module.check_file, getattr(module, "context", None), getattr(module, "check_whole", None)
            )
        return cls(
            code=module.CODE,
            name=module.NAME,
            severity=module.SEVERITY,
            doc=module.__doc__ or "",
            reference=getattr(module, "REFERENCE", ""),
            basis=getattr(module, "BASIS", None),
            options=getattr(module, "Options", NoOptions),
            check=per_file.check if per_file else module.check,
            per_file=per_file,
        )
