"""The annual wheel drawn: twelve months around a circle, one ring per kind of event (SVG), and a
standalone HTML page with the wheel and a table of every event."""

from __future__ import annotations

import datetime as dt
import math

from styrmodell.arshjul.compute import WheelYear, occurrences_for
from styrmodell.svenska.dates import MONTHS, swedish_date
from styrmodell.svenska.text import xml_escape as escape

PALETTE = ["#1b5e8a", "#a23b72", "#2e7d32", "#b35c00", "#5e35b1", "#00796b", "#8d6e00", "#c62828", "#455a64"]


def svg(wheel: WheelYear, organ: str | None, title: str, today: dt.date | None, rings_by: str = "typ") -> str:
    """Twelve months around a circle, one ring per kind of event (or organ), today marked."""
    occurrences = occurrences_for(wheel, organ)
    keys = sorted({(o.event.typ if rings_by == "typ" else (wheel.who(o.event) or "–")) for o in occurrences})
    size, centre = 900, 450
    inner, outer = 120, 380
    ring_width = (outer - inner) / max(1, len(keys))
    year_days = (dt.date(wheel.year + 1, 1, 1) - dt.date(wheel.year, 1, 1)).days

    def angle(day: dt.date) -> float:
        return 2 * math.pi * ((day - dt.date(wheel.year, 1, 1)).days / year_days) - math.pi / 2

    def point(radius: float, theta: float) -> tuple[float, float]:
        return centre + radius * math.cos(theta), centre + radius * math.sin(theta)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size + 40 + 22 * len(keys)}" '
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
            parts.append(
                f'<path d="M {x1:.1f} {y1:.1f} A {radius:.1f} {radius:.1f} 0 0 1 {x2:.1f} {y2:.1f}" '
                f'stroke="{colour}" stroke-width="{max(4.0, ring_width / 3):.1f}" fill="none" '
                f'stroke-linecap="round" opacity="0.75"><title>{label}</title></path>'
            )
        else:
            x, y = point(radius, angle(o.start) + math.pi / year_days)
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="{colour}" stroke="#ffffff" stroke-width="2">'
                f"<title>{label}</title></circle>"
            )
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
            f'<circle cx="40" cy="{y + 8}" r="7" fill="{colour}"/>'
            f'<text x="56" y="{y + 13}" font-size="15" fill="#263238">Ring {index + 1} '
            f"(inifrån): {escape(ring)}</text>"
        )
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
