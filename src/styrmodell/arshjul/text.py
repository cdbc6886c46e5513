"""The annual wheel month by month, as text for the terminal."""

from __future__ import annotations

from collections import defaultdict

from styrmodell.arshjul.compute import Occurrence, WheelYear, month_end, occurrences_for
from styrmodell.svenska.dates import MONTHS


def when_text(o: Occurrence) -> str:
    """When an occurrence is, in a few words: `26 okt`, `hela månaden`, `jan–mar`, `1 jul–30 nov`."""
    if o.start == o.end:
        return f"{o.start.day:>2} {MONTHS[o.start.month - 1][:3]}"
    whole_months = o.start.day == 1 and o.end == month_end(o.end.year, o.end.month)
    if whole_months and (o.start.year, o.start.month) == (o.end.year, o.end.month):
        return "hela månaden"
    if whole_months:
        return f"{MONTHS[o.start.month - 1][:3]}–{MONTHS[o.end.month - 1][:3]}"
    return f"{o.start.day} {MONTHS[o.start.month - 1][:3]}–{o.end.day} {MONTHS[o.end.month - 1][:3]}"


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
            who = wheel.who(o.event)
            extra = []
            if o.meeting:
                extra.append("sammanträde")
            if o.balance:
                extra.append("balansdag")
            if o.moved_from:
                extra.append(f"flyttad från {o.moved_from.isoformat()}")
            if o.event.när.recurs:
                extra.append("återkommande")
            if o.event.när.år is not None:
                extra.append(o.event.när.år.value)
            if o.event.avser:
                extra.append(f"lagstadgad: {o.event.avser.value}")
            tail = f" ({'; '.join(extra)})" if extra else ""
            lines.append(f"  {when_text(o):<13} {who[:28]:<28} {o.event.namn} [{o.event.typ}]{tail}")
    for unresolved in wheel.unresolved.values():
        lines.append(f"\nKan inte placeras: {unresolved.event.id}: {unresolved.reason}")
    for gap in wheel.gaps.values():
        lines.append(f"\nKan inte placeras alla månader: {gap.event.id}: {gap.reason}")
    return "\n".join(lines) + "\n"
