"""Reporters: one function per output format, picked from a dict by name."""

from __future__ import annotations

import json
import os
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


def report_text(result: Result, out: TextIO, quiet: bool = False) -> None:
    """The findings for a person: coloured by Rich on a terminal. Elsewhere (CI, a pipe, a file) Rich
    writes the same lines without colour, and then they are written here without importing Rich,
    a tenth of a small repository's `styr validera` (a test checks that the text is the same)."""
    lines = None if _colours(out) else _plain_lines(result, quiet)
    if lines is None:
        _report_rich(result, out, quiet)
    else:
        out.write("".join(line + "\n" for line in lines))


def _colours(out: TextIO) -> bool:
    """Whether Rich would write terminal codes to `out` (its `Console.is_terminal`)."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force = os.environ.get("FORCE_COLOR")
    if force is not None:
        return force != ""
    isatty = getattr(out, "isatty", None)
    try:
        return bool(isatty is not None and isatty())
    except ValueError:  # a closed file, as Rich
        return False


def _plain_lines(result: Result, quiet: bool) -> list[str] | None:
    """The lines Rich writes where it writes no colour, or None for text that Rich lays out itself
    (a tab, which it expands, or a line break inside a finding)."""
    lines = [terminal(text_line(f)) for f in result.findings]
    if not quiet:
        lines.append(terminal(_summary(result)))
    if any("\t" in line or "\n" in line for line in lines):
        return None
    return lines


def _report_rich(result: Result, out: TextIO, quiet: bool) -> None:
    """The lines in colour. Repository text is given to Rich as text, never as markup, so that a
    `[red]` or a backslash in a file name or a message is shown as it stands."""
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, highlight=False, soft_wrap=True, emoji=False)
    colours = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
    for f in result.findings:
        style = colours[f.severity]
        console.print(
            Text.assemble(
                (terminal(str(f.location)), "bold"),
                ": ",
                (f.severity.value, style),
                " ",
                (f.code, style),
                " ",
                terminal(f.message),
                " ",
                (f"[{terminal(f.name)}]", "dim"),
            )
        )
    if not quiet:
        console.print(Text(terminal(_summary(result)), style="red" if result.count(Severity.ERROR) else "green"))


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


def _review_format(name: str) -> Callable[[Result, TextIO, bool], None]:
    """A reporter from `review_formats`, imported when used (it needs every rule's documentation)."""

    def reporter(result: Result, out: TextIO, quiet: bool = False) -> None:
        from styrmodell.validation import review_formats

        getattr(review_formats, f"report_{name}")(result, out, quiet)

    return reporter


REPORTERS: dict[str, Callable[[Result, TextIO, bool], None]] = {
    "text": report_text,
    "json": report_json,
    "github": report_github,
    "sarif": _review_format("sarif"),
    "gitlab": _review_format("gitlab"),
    "junit": _review_format("junit"),
}


def report(result: Result, fmt: str, out: TextIO = sys.stdout, quiet: bool = False) -> None:
    """Write `result` in format `fmt`; `quiet` leaves out the summary line."""
    REPORTERS[fmt](result, out, quiet)
