"""The spider chart: eight axes, one per area, 0–100 %, one polygon per evaluation."""

from __future__ import annotations

import math
from dataclasses import dataclass

from styrmodell.kompass.view import COLOURS, View
from styrmodell.svenska.numbers import number


@dataclass
class Axis:
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str
    lines: list[str]


@dataclass
class Series:
    label: str
    colour: str
    dash: str
    points: str
    dots: list[tuple[float, float, str]]  # x, y, tooltip


@dataclass
class Spider:
    width: int
    size: int  # the square the chart is drawn in; the legend comes below it
    height: int
    cx: float
    cy: float
    axes: list[Axis]
    rings: list[tuple[int, str, float, float]]  # percent, polygon points, label x, label y
    series: list[Series]
    title: str
    description: str


def spider(view: View) -> Spider:
    """Eight axes (one per area, clockwise from the top), 0–100 %, one polygon per evaluation."""
    width, size, radius = 1000, 760, 250
    cx, cy = width / 2, size / 2
    count = len(view.areas)

    def point(fraction: float, index: int) -> tuple[float, float]:
        theta = 2 * math.pi * index / count - math.pi / 2
        return cx + radius * fraction * math.cos(theta), cy + radius * fraction * math.sin(theta)

    axes = []
    for index, area in enumerate(view.areas):
        x, y = point(1, index)
        lx, ly = point(1.12, index)
        anchor = "middle" if abs(lx - cx) < 20 else ("start" if lx > cx else "end")
        axes.append(Axis(x, y, lx, ly, anchor, _wrap(f"{area.row.number}. {area.row.name}", 18)))
    rings = []
    for percent in (100, 75, 50, 25):  # quarters; the filled outer ring first, so the inner ones show on it
        corners = [point(percent / 100, i) for i in range(count)]
        rings.append(
            (percent, " ".join(f"{x:.1f},{y:.1f}" for x, y in corners), cx + 4, cy - radius * percent / 100 - 3)
        )
    series = []
    dashes = iter(["8 5", "2 4", "12 4 2 4", "4 4"] * 3)
    for column, scored in enumerate(view.evaluations):
        outline, dots = [], []
        for index, area in enumerate(view.areas):
            share = area.row.percent(column)
            x, y = point(min(1.0, (share or 0) / 100), index)
            outline.append(f"{x:.1f},{y:.1f}")
            shown = "inte bedömt" if share is None else f"{area.row.printed[column]} av {number(area.row.max)}"
            dots.append((x, y, f"{scored.label}, {area.row.number}. {area.row.name}: {shown}"))
        series.append(
            Series(
                f"{scored.municipality} {scored.evaluation.år} ({number(scored.total)} poäng)",
                COLOURS[column % len(COLOURS)],
                "" if column == view.main_index else next(dashes),
                " ".join(outline),
                dots,
            )
        )
    description = "; ".join(
        f"{s.label}: " + ", ".join(f"område {a.row.number} {number(a.row.printed[i])}" for a in view.areas)
        for i, s in enumerate(view.evaluations)
    )
    return Spider(width, size, size + 30 * len(series) + 20, cx, cy, axes, rings, series, view.title, description)


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line] if line else lines
