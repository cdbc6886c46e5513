"""The new year's annual wheel, checked from its rules: every event computed from the proposed
meeting calendar, and the law's dates (SM921–SM930) for that year."""

from __future__ import annotations

import dataclasses

from styrmodell.arshjul.compute import WheelYear
from styrmodell.findings import Finding
from styrmodell.model.repository import Repository
from styrmodell.validation.checker import active_rules, run

WHEEL_RULES = {f"SM92{n}" for n in range(1, 10)} | {"SM930"}


def check_wheel(repo: Repository, year: int) -> tuple[WheelYear, list[Finding]]:
    """The wheel for `year`, and what the wheel's rules find in it (as if `årshjul.år` were `year`)."""
    settings = repo.config.årshjul.model_copy(update={"år": year})
    config = repo.config.model_copy(update={"årshjul": settings})
    shifted = dataclasses.replace(repo, config=config)
    rules = [r for r in active_rules(config) if r.rule.code in WHEEL_RULES]
    return WheelYear(shifted, year), run(shifted, [], rules)
