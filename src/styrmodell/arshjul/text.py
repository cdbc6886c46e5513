"""The annual wheel month by month, as text for the terminal."""

from __future__ import annotations

from collections import defaultdict

from styrmodell.arshjul.compute import Occurrence, WheelYear, occurrences_for
from styrmodell.svenska.dates import MONTHS


def month_by_month(wheel: WheelYear, organ: str | None, organ_names: dict[str, str]) -> str:
    by_month: dict[int, list[Occurrence]] = defaultdict(list)
    for o in occurrences_for(wheel, organ):
        by_month[o.start.month].append(o)
    lines = [f"Årshjul {wheel.year}" + (f" – {organ_names.get(organ, organ)}" if organ else "")]
    for month in range(1, 13):
        lines.append(f"\n{MONTHS[month - 1].capitalize()}")
        if not by_month[month]:
            lines.append("  –")
        for o in by_month[month]:
            when = "hela månaden" if o.start != o.end else f"{o.start.day:>2} {MONTHS[month - 1][:3]}"
            who = organ_names.get(o.event.organ or "", o.event.organ or "")
            extra = []
            if o.meeting:
                extra.append("sammanträde")
            if o.moved_from:
                extra.append(f"flyttad från {o.moved_from.isoformat()}")
            if o.event.avser:
                extra.append(f"lagstadgad: {o.event.avser.value}")
            tail = f" ({'; '.join(extra)})" if extra else ""
            lines.append(f"  {when:<13} {who[:28]:<28} {o.event.namn} [{o.event.typ}]{tail}")
    for unresolved in wheel.unresolved.values():
        lines.append(f"\nKan inte placeras: {unresolved.event.id}: {unresolved.reason}")
    return "\n".join(lines) + "\n"
