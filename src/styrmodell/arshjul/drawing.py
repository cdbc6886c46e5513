"""The annual wheel drawn: twelve months around a circle, one ring per kind of event (SVG), and a
standalone HTML page with the wheel and a table of every event.

Every event is labelled, so that a printed wheel says what it shows: each event has a number, drawn
beside each of its occurrences (a dot for a day, an arc for a span), and a numbered key under the
wheel gives the number, the date or dates and the event's name. Numbers that would overlap on a ring
are moved along it, with a thin line to the mark. The rings' colours alternate dark and light and
each ring has its own marker shape, so that the rings stay apart in greyscale print."""

from __future__ import annotations

import datetime as dt
import math
import textwrap

from styrmodell.arshjul.compute import WheelYear, occurrences_for
from styrmodell.svenska.dates import MONTHS, swedish_date
from styrmodell.svenska.text import xml_escape as escape

# Alternately dark and light (greyscale lightness about 25 %, 60 %, 35 %, 70 % …), every one at least 3:1
# against the white wheel; with the shapes below, two neighbouring rings differ in greyscale too.
PALETTE = ["#1b5e8a", "#e08a00", "#6a1b9a", "#4caf50", "#b71c1c", "#29b6f6", "#3e2723", "#f06292", "#263238"]
SHAPES = ["circle", "square", "diamond", "triangle"]
KEY_COLUMNS = 2
KEY_ROW = 22
KEY_WIDTH = 60  # characters of a line of the key (the dates and the name, wrapped)
KEY_LINE = 15


def _marker(shape: str, x: float, y: float, colour: str, title: str) -> str:
    """A day's mark: the ring's shape in its colour, with a white edge, and its text for screen readers."""
    edge = 'stroke="#ffffff" stroke-width="2"'
    inner = f"<title>{title}</title>"
    if shape == "square":
        return f'<rect x="{x - 6:.1f}" y="{y - 6:.1f}" width="12" height="12" fill="{colour}" {edge}>{inner}</rect>'
    if shape == "diamond":
        d = f"M {x:.1f} {y - 8:.1f} L {x + 8:.1f} {y:.1f} L {x:.1f} {y + 8:.1f} L {x - 8:.1f} {y:.1f} Z"
        return f'<path d="{d}" fill="{colour}" {edge}>{inner}</path>'
    if shape == "triangle":
        d = f"M {x:.1f} {y - 8:.1f} L {x + 7.5:.1f} {y + 6:.1f} L {x - 7.5:.1f} {y + 6:.1f} Z"
        return f'<path d="{d}" fill="{colour}" {edge}>{inner}</path>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="{colour}" {edge}>{inner}</circle>'


def _key_columns(
    numbers: dict[str, int], names: dict[str, str], dates: dict[str, list[tuple[dt.date, dt.date]]]
) -> list[list[tuple[int, list[str]]]]:
    """The key's entries, each with its lines (dates and the whole name, wrapped), in columns that
    hold about as many lines each."""
    entries = [
        (n, textwrap.wrap(f"{_when(dates[ident])}: {names[ident]}", KEY_WIDTH) or [""]) for ident, n in numbers.items()
    ]
    total = sum(len(lines) for _, lines in entries)
    columns: list[list[tuple[int, list[str]]]] = [[] for _ in range(KEY_COLUMNS)]
    used, column = 0, 0
    for entry in entries:
        if column < KEY_COLUMNS - 1 and used >= total * (column + 1) / KEY_COLUMNS:
            column += 1
        columns[column].append(entry)
        used += len(entry[1])
    return columns


def _key_height(numbers, names, dates) -> float:
    return max(
        (
            sum(KEY_ROW + KEY_LINE * (len(lines) - 1) for _, lines in column)
            for column in _key_columns(numbers, names, dates)
        ),
        default=0.0,
    )


def _when(dates: list[tuple[dt.date, dt.date]]) -> str:
    """An event's dates in the key: "17 juni", "1 mars – 30 april", or the first few of a recurring event."""

    def one(start: dt.date, end: dt.date) -> str:
        day = f"{start.day} {MONTHS[start.month - 1]}"
        return day if start == end else f"{day} – {end.day} {MONTHS[end.month - 1]}"

    if len(dates) == 1:
        return one(*dates[0])
    return (
        f"{one(*dates[0])} och {len(dates) - 1} till"
        if len(dates) == 2
        else f"från {one(*dates[0])}, {len(dates)} gånger"
    )


def svg(wheel: WheelYear, organ: str | None, title: str, today: dt.date | None, rings_by: str = "typ") -> str:
    """Twelve months around a circle, one ring per kind of event (or organ), today marked."""
    occurrences = occurrences_for(wheel, organ)
    keys = sorted({(o.event.typ if rings_by == "typ" else (wheel.who(o.event) or "–")) for o in occurrences})
    size, centre = 900, 450
    inner, outer = 120, 380
    ring_width = (outer - inner) / max(1, len(keys))
    year_days = (dt.date(wheel.year + 1, 1, 1) - dt.date(wheel.year, 1, 1)).days

    numbers: dict[str, int] = {}
    dates: dict[str, list[tuple[dt.date, dt.date]]] = {}
    names: dict[str, str] = {}
    for o in occurrences:
        numbers.setdefault(o.event.id, len(numbers) + 1)
        dates.setdefault(o.event.id, []).append((o.start, o.end))
        names[o.event.id] = o.event.namn
    height = round(size + 40 + 22 * len(keys) + 40 + _key_height(numbers, names, dates))

    def angle(day: dt.date) -> float:
        return 2 * math.pi * ((day - dt.date(wheel.year, 1, 1)).days / year_days) - math.pi / 2

    def point(radius: float, theta: float) -> tuple[float, float]:
        return centre + radius * math.cos(theta), centre + radius * math.sin(theta)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {height}" '
        f'role="img" aria-labelledby="hjul-titel" font-family="system-ui, sans-serif">',
        f'<title id="hjul-titel">{escape(title)}</title>',
        '<rect width="100%" height="100%" fill="#ffffff"/>',
    ]
    for index, _key in enumerate(keys):
        radius = inner + (index + 0.5) * ring_width
        parts.append(
            f'<circle cx="{centre}" cy="{centre}" r="{radius:.1f}" fill="none" stroke="#e8eef3" '
            f'stroke-width="{ring_width - 2:.1f}"/>'
        )
    for month in range(1, 13):
        start = angle(dt.date(wheel.year, month, 1))
        x1, y1 = point(inner - 10, start)
        x2, y2 = point(outer + 10, start)
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#90a4ae" stroke-width="1"/>'
        )
        middle_day = dt.date(wheel.year, month, 15)
        lx, ly = point(outer + 35, angle(middle_day))
        parts.append(
            f'<text x="{lx:.1f}" y="{ly:.1f}" font-size="18" text-anchor="middle" dominant-baseline="middle" '
            f'fill="#263238">{MONTHS[month - 1].capitalize()[:3]}</text>'
        )
    placed: dict[int, list[float]] = {}  # per ring, the angles where a number already stands
    labels: list[str] = []
    for o in occurrences:
        key = o.event.typ if rings_by == "typ" else (wheel.who(o.event) or "–")
        index = keys.index(key)
        radius = inner + (index + 0.5) * ring_width
        colour = PALETTE[index % len(PALETTE)]
        label = escape(
            f"{o.event.namn} – {swedish_date(o.start)}" + (f" till {swedish_date(o.end)}" if o.end != o.start else "")
        )
        if o.end != o.start:
            a1, a2 = angle(o.start), angle(o.end + dt.timedelta(days=1))
            x1, y1 = point(radius, a1)
            x2, y2 = point(radius, a2)
            large = 1 if a2 - a1 > math.pi else 0
            parts.append(
                f'<path d="M {x1:.1f} {y1:.1f} A {radius:.1f} {radius:.1f} 0 {large} 1 {x2:.1f} {y2:.1f}" '
                f'stroke="{colour}" stroke-width="{max(4.0, ring_width / 3):.1f}" fill="none" '
                f'stroke-linecap="round" opacity="0.75"><title>{label}</title></path>'
            )
            mark = a1
        else:
            mark = angle(o.start) + math.pi / year_days
            x, y = point(radius, mark)
            parts.append(_marker(SHAPES[index % len(SHAPES)], x, y, colour, label))
        # the number just outside the mark, moved along the ring past the numbers already there
        label_radius = radius + min(ring_width / 2 - 2, 14) if ring_width > 24 else radius + 11
        gap = 17 / label_radius
        wanted = mark + gap * 0.6
        at = wanted
        for taken in sorted(placed.setdefault(index, [])):
            if abs(at - taken) < gap:
                at = taken + gap
        placed[index].append(at)
        lx, ly = point(label_radius, at)
        if abs(at - wanted) > gap / 2:
            mx, my = point(radius, mark)
            labels.append(
                f'<line x1="{mx:.1f}" y1="{my:.1f}" x2="{lx:.1f}" y2="{ly:.1f}" stroke="#607d8b" stroke-width="0.8"/>'
            )
        labels.append(
            f'<circle cx="{lx:.1f}" cy="{ly:.1f}" r="8.5" fill="#ffffff" stroke="#455a64" stroke-width="0.8"/>'
            f'<text x="{lx:.1f}" y="{ly + 4:.1f}" font-size="11" font-weight="700" text-anchor="middle" '
            f'fill="#1a1a1a">{numbers[o.event.id]}</text>'
        )
    parts.extend(labels)
    if today is not None and today.year == wheel.year:
        x1, y1 = point(inner - 20, angle(today))
        x2, y2 = point(outer + 15, angle(today))
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#d32f2f" '
            f'stroke-width="3"><title>I dag {swedish_date(today)}</title></line>'
        )
    parts.append(
        f'<text x="{centre}" y="{centre - 12}" font-size="34" font-weight="700" text-anchor="middle" '
        f'fill="#263238">{wheel.year}</text>'
    )
    parts.append(
        f'<text x="{centre}" y="{centre + 22}" font-size="15" text-anchor="middle" fill="#455a64">'
        f"{escape(_cut(title.split(' – ')[-1], 40))}</text>"
    )
    legend_y = size + 10
    for index, ring in enumerate(keys):
        colour = PALETTE[index % len(PALETTE)]
        y = legend_y + 22 * index
        parts.append(
            _marker(SHAPES[index % len(SHAPES)], 40, y + 8, colour, escape(ring))
            + f'<text x="56" y="{y + 13}" font-size="15" fill="#263238">Ring {index + 1} '
            f"(inifrån): {escape(ring)}</text>"
        )
    key_y = legend_y + 22 * len(keys) + 24
    parts.append(f'<text x="40" y="{key_y}" font-size="16" font-weight="700" fill="#263238">Händelserna</text>')
    for column, entries in enumerate(_key_columns(numbers, names, dates)):
        y = key_y + 12.0
        x = 40 + column * (size - 80) / KEY_COLUMNS
        for n, lines in entries:
            y += KEY_ROW
            parts.append(
                f'<text x="{x + 22:.1f}" y="{y:.1f}" font-size="12" font-weight="700" text-anchor="end" '
                f'fill="#263238">{n}</text>'
            )
            for index, text in enumerate(lines):
                parts.append(
                    f'<text x="{x + 28:.1f}" y="{y + index * KEY_LINE:.1f}" font-size="12" fill="#263238">'
                    f"{escape(text)}</text>"
                )
            y += KEY_LINE * (len(lines) - 1)
    if today is not None and today.year == wheel.year:
        parts.append(
            f'<text x="{size - 40}" y="{legend_y + 13}" font-size="15" text-anchor="end" fill="#d32f2f">'
            f"Röd linje: i dag, {swedish_date(today)}</text>"
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def html(wheel: WheelYear, organ: str | None, title: str, today: dt.date | None, organ_names: dict[str, str]) -> str:
    rows = []
    for o in occurrences_for(wheel, organ):
        when = swedish_date(o.start) if o.start == o.end else f"{swedish_date(o.start)} – {swedish_date(o.end)}"
        rows.append(
            f"<tr><td>{escape(when)}</td><td>{escape(o.event.namn)}</td><td>{escape(o.event.typ)}</td>"
            f"<td>{escape(wheel.who(o.event) or '–')}</td>"
            f"<td>{escape(o.event.avser.value if o.event.avser else '')}</td></tr>"
        )
    return f"""<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #263238; }}
figure {{ margin: 0; }} svg {{ max-width: 100%; height: auto; }}
table {{ border-collapse: collapse; width: 100%; margin-top: 2rem; }}
th, td {{ border-bottom: 1px solid #cfd8dc; padding: .4rem .6rem; text-align: left; vertical-align: top; }}
@media print {{ @page {{ size: A4; margin: 15mm; }} body {{ margin: 0; }} }}
</style>
</head>
<body>
<main>
<h1>{escape(title)}</h1>
<figure>
{svg(wheel, organ, title, today)}
<figcaption>Tolv månader medsols från januari högst upp; en ring per typ av händelse.</figcaption>
</figure>
<h2>Händelser</h2>
<table>
<thead><tr><th scope="col">När</th><th scope="col">Händelse</th><th scope="col">Typ</th><th scope="col">Organ</th><th scope="col">Lagstadgad tidpunkt</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
</main>
</body>
</html>
"""


def _cut(text: str, width: int) -> str:
    """At most `width` characters, cut before escaping (an entity cut in half would be malformed XML)."""
    return text if len(text) <= width else text[: width - 1] + "…"
