"""Inline SVG charts for the reports: an indicator's outcomes against its targets over the years,
and the goals' statuses per goal area. Every text is escaped; each chart has a title and a
description for screen readers, and the reports print the same figures in a table beside it."""

from __future__ import annotations

import math

from markupsafe import Markup

from styrmodell.reports.data import AreaSummary, IndicatorRow
from styrmodell.svenska.numbers import number
from styrmodell.svenska.text import xml_escape as escape

STATUS_COLOURS = {"uppnått": "#2e7d32", "delvis uppnått": "#f2b705", "ej uppnått": "#c62828", "ej mätt": "#90a4ae"}
OUTCOME, TARGET = "#1b5e8a", "#6d4c41"


def nice_ticks(low: float, high: float, most: int = 6) -> list[float]:
    """Round axis ticks that cover low–high: a step of 1, 2, 2.5 or 5 times a power of ten, at most `most`
    ticks (17,7 / 18,4 / 19,0 becomes 17,5 / 18,0 / 18,5 / 19,0)."""
    if high <= low:
        low, high = low - 1, high + 1
    raw = (high - low) / max(1, most - 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.floor(low / step + 1e-9) * step
    last = math.ceil(high / step - 1e-9) * step
    while round((last - first) / step) + 1 > most:  # rounding out added a tick too many: the next step
        step = next(m * power for m in (1, 2, 2.5, 5, 10, 20) if m * power > step)
        first, last = math.floor(low / step + 1e-9) * step, math.ceil(high / step - 1e-9) * step
    count = round((last - first) / step) + 1
    return [round(first + i * step, 10) for i in range(count)]


def _decimals(step: float) -> int:
    """How many decimals a tick of this step needs: 0 for 5, 1 for 2,5 or 0,5, 2 for 0,25."""
    for decimals in range(4):
        if abs(step * 10**decimals - round(step * 10**decimals)) < 1e-9:
            return decimals
    return 3


def indicator_chart(row: IndicatorRow, ident: str) -> Markup:
    points = [p for p in row.history if p.outcome is not None or p.target is not None]
    if len(points) < 2:
        return Markup("")
    width, height, left, right, top, bottom = 520, 220, 56, 16, 20, 46
    values = [v for p in points for v in (p.outcome, p.target) if v is not None]
    low, high = min(values), max(values)
    if low == high:
        low, high = low - 1, high + 1
    pad = (high - low) * 0.1
    low, high = (0 if low >= 0 and low - pad < 0 else low - pad), high + pad
    ticks = nice_ticks(low, high)
    low, high = ticks[0], ticks[-1]
    decimals = _decimals(ticks[1] - ticks[0])

    def x(i: int) -> float:
        return left + (width - left - right) * i / (len(points) - 1)

    def y(v: float) -> float:
        return top + (height - top - bottom) * (1 - (v - low) / (high - low))

    name = escape(row.indicator.namn)
    unit = escape(row.indicator.enhet or "")
    described = "; ".join(f"{p.period}: utfall {number(p.outcome)}, målvärde {number(p.target)}" for p in points)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{ident}-t {ident}-d" class="diagram" font-family="system-ui, sans-serif">',
        f'<title id="{ident}-t">{name}: utfall och målvärden</title>',
        f'<desc id="{ident}-d">{escape(described)}</desc>',
    ]
    for v in ticks:
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#e0e6ea"/>'
            f'<text x="{left - 6}" y="{y(v) + 4:.1f}" font-size="12" text-anchor="end" fill="#37474f">'
            f"{escape(number(v, decimals))}</text>"
        )
    for i, p in enumerate(points):
        parts.append(
            f'<text x="{x(i):.1f}" y="{height - bottom + 16}" font-size="12" text-anchor="middle" '
            f'fill="#37474f">{escape(p.period)}</text>'
        )
    for key, colour, dash in (("target", TARGET, "6 4"), ("outcome", OUTCOME, "")):
        coords = [(x(i), y(getattr(p, key))) for i, p in enumerate(points) if getattr(p, key) is not None]
        if len(coords) > 1:
            parts.append(
                f'<polyline points="{" ".join(f"{a:.1f},{b:.1f}" for a, b in coords)}" fill="none" '
                f'stroke="{colour}" stroke-width="2.5"' + (f' stroke-dasharray="{dash}"' if dash else "") + "/>"
            )
        for a, b in coords:
            shape = (
                f'<circle cx="{a:.1f}" cy="{b:.1f}" r="4" fill="{colour}"/>'
                if key == "outcome"
                else f'<rect x="{a - 3.5:.1f}" y="{b - 3.5:.1f}" width="7" height="7" fill="{colour}"/>'
            )
            parts.append(shape)
    legend_y = height - 12
    parts.append(
        f'<circle cx="{left}" cy="{legend_y - 4}" r="4" fill="{OUTCOME}"/>'
        f'<text x="{left + 8}" y="{legend_y}" font-size="12" fill="#263238">Utfall{" (" + unit + ")" if unit else ""}</text>'
        f'<rect x="{left + 150}" y="{legend_y - 7.5}" width="7" height="7" fill="{TARGET}"/>'
        f'<text x="{left + 162}" y="{legend_y}" font-size="12" fill="#263238">Målvärde (streckad)</text>'
    )
    parts.append("</svg>")
    return Markup("".join(parts))  # every text in it is escaped above


def status_overview(areas: list[AreaSummary], ident: str = "oversikt") -> Markup:
    """One horizontal bar per goal area, split by status, with the counts written in the bars."""
    if not areas:
        return Markup("")
    label_width, bar_width, row, top = 330, 330, 34, 10
    height = top + row * len(areas) + 40
    width = label_width + bar_width + 20
    most = max(a.total for a in areas) or 1
    described = "; ".join(f"{a.name}: " + ", ".join(f"{n} {s}" for s, n in a.counts.items() if n) for a in areas)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{ident}-t {ident}-d" class="diagram" font-family="system-ui, sans-serif">',
        f'<title id="{ident}-t">Måluppfyllelse per målområde</title>',
        f'<desc id="{ident}-d">{escape(described)}</desc>',
    ]
    for i, area in enumerate(areas):
        y = top + i * row
        name = area.name if len(area.name) <= 42 else area.name[:41] + "…"
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 18}" font-size="14" text-anchor="end" fill="#263238">'
            f"{escape(name)}</text>"
        )
        x = float(label_width)
        for status, count in area.counts.items():
            if not count:
                continue
            w = bar_width * count / most
            dark = status in ("uppnått", "ej uppnått")
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="22" fill="{STATUS_COLOURS[status]}">'
                f"<title>{escape(area.name)}: {count} {status}</title></rect>"
                f'<text x="{x + w / 2:.1f}" y="{y + 19}" font-size="14" text-anchor="middle" '
                f'fill="{"#ffffff" if dark else "#111111"}">{count}</text>'
            )
            x += w
    legend_y = top + row * len(areas) + 22
    x = 10.0
    for status, colour in STATUS_COLOURS.items():
        parts.append(
            f'<rect x="{x}" y="{legend_y - 11}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{x + 17}" y="{legend_y}" font-size="14" fill="#263238">{status.capitalize()}</text>'
        )
        x += 130
    parts.append("</svg>")
    return Markup("".join(parts))  # every text in it is escaped above
