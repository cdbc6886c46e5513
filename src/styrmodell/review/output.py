"""Render a semantic diff: text for the terminal, Markdown for a pull-request comment, JSON."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict
from typing import Any, TextIO

from styrmodell.review.diff import MISSING, Change, DiffResult
from styrmodell.svenska.markdown import markdown_cell, markdown_code, markdown_inline
from styrmodell.svenska.numbers import counted
from styrmodell.svenska.text import json_text, terminal

_ICON = {"tillagd": "+", "borttagen": "−", "ändrad": "~", "flyttad": "→"}
_VERB = {"tillagd": "Tillkommer", "borttagen": "Utgår", "ändrad": "Ändras", "flyttad": "Flyttas"}


def _value(value: Any) -> str:
    if value is MISSING:
        return "–"
    if value is None:
        return "tomt"
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    if isinstance(value, list):
        return ", ".join(_value(v) for v in value) or "–"
    return str(value)


def _md_cell(value: Any) -> str:
    return markdown_cell(_value(value))


def _md_code(value: Any, cell: bool = False) -> str:
    return markdown_code(_value(value), cell)


def _grouped(changes: list[Change]) -> dict[str, list[Change]]:
    groups: dict[str, list[Change]] = defaultdict(list)
    for change in changes:
        groups[change.organ].append(change)
    return dict(sorted(groups.items(), key=lambda item: (item[0] != "kommunövergripande", item[0])))


def _summary(result: DiffResult) -> str:
    parts = [counted(len(result.changes), "ändrat objekt", "ändrade objekt")]
    if result.status_changes:
        parts.append(f"{len(result.status_changes)} indikatorstatus ändras")
    if result.affected:
        parts.append(f"{len(result.affected)} mål att se över")
    if result.provenance:
        parts.append(counted(len(result.provenance), "ändring", "ändringar") + " utan nytt beslut")
    parts.append(counted(len(result.findings_added), "nytt fynd", "nya fynd"))
    parts.append(counted(len(result.findings_fixed), "åtgärdat fynd", "åtgärdade fynd"))
    return " · ".join(parts)


def _where(change: Change) -> str:
    if change.status == "flyttad" or (change.old_file and change.new_file and change.old_file != change.new_file):
        return f"{change.old_file} → {change.new_file}"
    return change.new_file or change.old_file or ""


def render_markdown(result: DiffResult, organ_names: dict[str, str], out: TextIO) -> None:
    """The pull-request comment. Every text from the repository, a revision's name or a path is
    escaped (`svenska.markdown`): it cannot add a heading, a link, an image or HTML of its own."""
    w = out.write
    w(f"## Ändringar i styrmodellen ({markdown_inline(result.base)} → {markdown_inline(result.head)})\n\n")
    if result.empty:
        w("Inga ändringar i styrmodellen.\n")
        return
    w(f"**{_summary(result)}**\n\n")
    if result.provenance:
        w("### Ändringar utan nytt beslut\n\n")
        for note in result.provenance:
            w(f"- ⚠️ {markdown_inline(note.message)}\n")
        w("\n")
    if result.status_changes:
        w("### Indikatorer som byter status\n\n| indikator | period | före | efter | varför |\n|---|---|---|---|---|\n")
        for s in result.status_changes:
            w(
                f"| {_md_cell(s.name)} ({_md_code(s.indicator, cell=True)}) | {_md_cell(s.period)} | {_md_cell(s.old.value)} | "
                f"**{_md_cell(s.new.value)}** | {_md_cell(s.reason)} |\n"
            )
        w("\n")
    if result.affected:
        w("### Mål som berörs av en ändrad formulering\n\n")
        for a in result.affected:
            w(f"- {_md_code(a.goal)} {_md_cell(a.text)} – berörs av ändring i {_md_code(a.because_of)}\n")
        w("\n")
    if result.findings_added:
        w("### Nya fynd\n\n")
        for f in result.findings_added:
            w(f"- **{f.severity.value}** {f.code} {_md_code(f.location)}: {_md_cell(f.message)}\n")
        w("\n")
    if result.findings_fixed:
        w("### Åtgärdade fynd\n\n")
        for f in result.findings_fixed:
            w(f"- ~~{f.code} {_md_code(f.location.path)}: {_md_cell(f.message)}~~\n")
        w("\n")
    w("### Ändringar per organ\n\n")
    for organ, changes in _grouped(result.changes).items():
        name = organ_names.get(organ, organ)
        w(f"#### {markdown_inline(name)}" + (f" ({_md_code(organ)})" if name != organ else "") + "\n\n")
        for change in changes:
            w(
                f"- **{_VERB[change.status]}:** {change.key.kind} {_md_code(change.key.ident)} "
                f"{_md_cell(change.title)} <sub>{markdown_inline(_where(change))}</sub>\n"
            )
            if change.fields:
                w("\n  | fält | före | efter |\n  |---|---|---|\n")
                for fc in change.fields:
                    w(f"  | {_md_cell(fc.path)} | {_md_cell(fc.old)} | {_md_cell(fc.new)} |\n")
                w("\n")
        w("\n")


def render_text(result: DiffResult, organ_names: dict[str, str], out: TextIO) -> None:
    from rich.console import Console
    from rich.markup import escape as markup_escape

    def escape(text: str) -> str:  # repository text: no markup, no control characters
        return markup_escape(terminal(text))

    console = Console(file=out, highlight=False, soft_wrap=True, emoji=False)
    console.print(f"[bold]Ändringar i styrmodellen[/] ({escape(result.base)} → {escape(result.head)})")
    if result.empty:
        console.print("Inga ändringar i styrmodellen.")
        return
    console.print(escape(_summary(result)) + "\n")
    styles = {"tillagd": "green", "borttagen": "red", "ändrad": "yellow", "flyttad": "cyan"}
    for organ, changes in _grouped(result.changes).items():
        console.print(f"[bold]{escape(organ_names.get(organ, organ))}[/]")
        for change in changes:
            style = styles[change.status]
            console.print(
                f"  [{style}]{_ICON[change.status]} {change.status:<9}[/] {change.key.kind} "
                f"[bold]{escape(change.key.ident)}[/] {escape(change.title)} [dim]{escape(_where(change))}[/]"
            )
            for f in change.fields:
                console.print(
                    f"      {escape(f.path)}: [red]{escape(_value(f.old))}[/] → [green]{escape(_value(f.new))}[/]"
                )
    sections = [
        ("Ändringar utan nytt beslut", [f"⚠ {n.message}" for n in result.provenance]),
        (
            "Indikatorer som byter status",
            [f"{s.indicator} {s.period}: {s.old.value} → {s.new.value} ({s.reason})" for s in result.status_changes],
        ),
        (
            "Mål som berörs av en ändrad formulering",
            [f"{a.goal}: berörs av ändring i {a.because_of}" for a in result.affected],
        ),
        ("Nya fynd", [f"{f.location}: {f.severity.value} {f.code} {f.message}" for f in result.findings_added]),
        ("Åtgärdade fynd", [f"{f.location.path}: {f.code} {f.message}" for f in result.findings_fixed]),
    ]
    for heading, lines in sections:
        if lines:
            console.print(f"\n[bold]{heading}[/]")
            for line in lines:
                console.print("  " + escape(line))


def render_json(result: DiffResult, organ_names: dict[str, str], out: TextIO) -> None:
    payload = asdict(result)
    payload["findings_added"] = [f.as_dict() for f in result.findings_added]
    payload["findings_fixed"] = [f.as_dict() for f in result.findings_fixed]
    out.write(json_text(json.dumps(_swedish_keys(payload), ensure_ascii=False, indent=2, default=str)) + "\n")


_KEYS = {
    "base": "från",
    "head": "till",
    "changes": "ändringar",
    "status_changes": "statusändringar",
    "affected": "berörda_mål",
    "provenance": "utan_nytt_beslut",
    "findings_added": "nya_fynd",
    "findings_fixed": "åtgärdade_fynd",
    "key": "objekt",
    "kind": "slag",
    "ident": "id",
    "status": "status",
    "organ": "organ",
    "title": "titel",
    "old_file": "fil_före",
    "new_file": "fil_efter",
    "fields": "fält",
    "path": "fält",
    "old": "före",
    "new": "efter",
    "indicator": "indikator",
    "name": "namn",
    "period": "period",
    "reason": "skäl",
    "goal": "mål",
    "text": "text",
    "because_of": "på_grund_av",
    "message": "meddelande",
}


def _swedish_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {_KEYS.get(k, k): _swedish_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_swedish_keys(v) for v in value]
    if value is MISSING:
        return None
    if hasattr(value, "value") and not isinstance(value, (str, int, float)):
        return value.value
    return value


RENDERERS: dict[str, Callable[[DiffResult, dict[str, str], TextIO], None]] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
}
