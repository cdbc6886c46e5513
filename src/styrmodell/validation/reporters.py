"""Reporters: one function per output format, picked from a dict by name."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import TextIO

from styrmodell.findings import Finding, Severity
from styrmodell.svenska.text import json_text, terminal
from styrmodell.validation.pipeline import Result


def _summary(result: Result) -> str:
    errors, warnings = result.count(Severity.ERROR), result.count(Severity.WARNING)
    infos = result.count(Severity.INFO)
    files = result.files
    if not result.findings:
        return f"Inga fel. {files} filer kontrollerade för {result.kommun}."
    parts = [f"{errors} fel", f"{warnings} varning" if warnings == 1 else f"{warnings} varningar"] + (
        [f"{infos} info"] if infos else []
    )
    summary = f"{', '.join(parts)} i {files} filer ({result.kommun})."
    if result.consequences:
        summary += f" {result.consequences} fynd som följer av felen ovan visas inte; rätta dem och kör igen."
    return summary


def text_line(finding: Finding) -> str:
    return f"{finding.location}: {finding.severity.value} {finding.code} {finding.message} [{finding.name}]"


def _safe(text: str) -> str:
    """Repository text for the console: no markup, no control characters (see svenska.text)."""
    from rich.markup import escape

    return escape(terminal(text))


def report_text(result: Result, out: TextIO, quiet: bool = False) -> None:
    from rich.console import Console

    escape = _safe
    console = Console(file=out, highlight=False, soft_wrap=True, emoji=False)
    colours = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
    for f in result.findings:
        style = colours[f.severity]
        console.print(
            f"[bold]{escape(str(f.location))}[/]: [{style}]{f.severity.value}[/] "
            f"[{style}]{f.code}[/] {escape(f.message)} [dim]\\[{escape(f.name)}][/]"
        )
    if not quiet:
        console.print(("[green]" if not result.count(Severity.ERROR) else "[red]") + escape(_summary(result)) + "[/]")


def report_json(result: Result, out: TextIO, quiet: bool = False) -> None:
    payload = {
        "kommun": result.kommun,
        "filer": result.files,
        "fel": result.count(Severity.ERROR),
        "varningar": result.count(Severity.WARNING),
        "följdfel": result.consequences,
        "fynd": [f.as_dict() for f in result.findings],
    }
    out.write(json_text(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def report_github(result: Result, out: TextIO, quiet: bool = False) -> None:
    """GitHub Actions workflow commands: one annotation per finding."""
    levels = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    for f in result.findings:
        props = [f"file={_escape_property(f.location.path)}"]
        if f.location.line:
            props += [f"line={f.location.line}", f"col={f.location.column or 1}"]
        props.append(f"title={_escape_property(f'{f.code} {f.name}')}")
        out.write(terminal(f"::{levels[f.severity]} {','.join(props)}::{_escape_data(f.message)}") + "\n")
    if not quiet:
        out.write(terminal(_summary(result)) + "\n")


REPORTERS: dict[str, Callable[[Result, TextIO, bool], None]] = {
    "text": report_text,
    "json": report_json,
    "github": report_github,
}


def report(result: Result, fmt: str, out: TextIO = sys.stdout, quiet: bool = False) -> None:
    """Write `result` in format `fmt`; `quiet` leaves out the summary line."""
    REPORTERS[fmt](result, out, quiet)
