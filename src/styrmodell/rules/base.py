"""What a rule is. A rule module defines CODE, NAME, SEVERITY, an `Options` model, a `check`
generator yielding `(message, location)`, and a docstring that *is* its documentation."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType

from pydantic import BaseModel, ConfigDict

from styrmodell.findings import Location, Severity

DOC_HEADINGS = ("Vad den kontrollerar", "Varför", "Exempel", "Inställningar", "Referens")


class RuleOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class NoOptions(RuleOptions):
    pass


Check = Callable[..., Iterable[tuple[str, Location]]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    doc: str
    options: type[RuleOptions] = NoOptions
    check: Check | None = None  # None: the loader reports this rule's findings

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].strip()

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        return cls(
            code=module.CODE,
            name=module.NAME,
            severity=module.SEVERITY,
            doc=module.__doc__ or "",
            options=getattr(module, "Options", NoOptions),
            check=module.check,
        )
