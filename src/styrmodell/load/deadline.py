"""How long a command may spend on a repository: `gränser.max_sekunder`, checked between steps.

The loader and the checker call `check` between files and between rules (and every thousand
findings of one rule), so that a repository that would take longer than its bound stops with a
clear message instead of keeping a CI run busy; no single step of the tool is unbounded on its
own (the YAML loader has its alias budget, the templates their own time and memory bound).
"""

from __future__ import annotations

import time

from styrmodell.errors import FatalError


class Deadline:
    def __init__(self, seconds: float, started: float | None = None):
        self.seconds = seconds
        self.started = time.monotonic() if started is None else started

    def limit(self, seconds: float) -> None:
        """Change the bound, counted from the same start (the configuration says it once read)."""
        self.seconds = seconds

    def check(self, step: str) -> None:
        elapsed = time.monotonic() - self.started
        if elapsed > self.seconds:
            seconds = f"{self.seconds:g}".replace(".", ",")
            raise FatalError(
                f"kontrollen avbröts vid {step}: den har tagit mer än {seconds} s, gränsen i "
                "`gränser.max_sekunder` (höj den i styrmodell.yaml om repot verkligen behöver längre tid)"
            )
