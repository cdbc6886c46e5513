""" "Menade du ...?": the closest known word to a misspelt one."""

from __future__ import annotations

import difflib
from typing import Any


def suggest(word: str, candidates: Any, cutoff: float = 0.6) -> str | None:
    matches = difflib.get_close_matches(str(word), [str(c) for c in candidates], n=1, cutoff=cutoff)
    return matches[0] if matches else None


def did_you_mean(word: str, candidates: Any) -> str:
    match = suggest(word, candidates)
    return f" – menade du '{match}'?" if match else ""
