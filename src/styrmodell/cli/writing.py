"""What every command that writes the repository shows: the semantic diff of a dry run, values it
refuses to overwrite, new errors it refuses to bring in, what it wrote per file, and the
validation of the repository as written."""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from styrmodell.cli.common import is_quiet, say, shown_from_cwd, warn
from styrmodell.svenska.numbers import counted, inflect

if TYPE_CHECKING:
    from styrmodell.validation.pipeline import Result
    from styrmodell.write.plan import Plan

DRY_RUN_FLAGS = ("--torrkörning", "--torrkorning", "--dry-run", "-n")
DRY_RUN_HELP = "Visa vad som skulle ändras, som `styr diff` visar det, utan att skriva något."
OVERWRITE_FLAGS = ("--skriv-över", "--skriv-over", "--overwrite")
OVERWRITE_HELP = "Ersätt värden som redan står i filerna med andra värden (annars listas de och inget skrivs)."


def _number(value: object) -> str:
    if value is None:
        return "tomt"
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def carry_out(
    root: Path, current: Result, plan: Plan, dry_run: bool, overwrite_hint: bool = True, notes: list[str] | None = None
) -> int:
    """Stage `plan`, then show it (dry run) or write it; the exit code."""
    from styrmodell.load.cache import Cache
    from styrmodell.write.stage import commit, stage

    cache = Cache()
    staged = stage(root, plan, current, cache)
    applied = staged.applied
    if applied.conflicts:
        for c in applied.conflicts:
            warn(
                f"{c.file}:{c.line}: {c.label or '.'.join(map(str, c.path))} är {_number(c.old)} i filen; "
                f"{c.origin} har {_number(c.new)}"
            )
        hint = " Ange --skriv-över för att ersätta dem." if overwrite_hint else ""
        warn(
            f"{counted(len(applied.conflicts), 'värde', 'värden')} skulle skriva över andra värden; inget skrevs.{hint}"
        )
        return 1
    for note in notes or []:
        warn(note)
    if dry_run:
        _show_diff(staged.before, staged.after, root)
        _summary(applied, "Skulle skriva")
        for finding in shown_from_cwd(staged.new_errors, root):
            warn(f"{finding.location}: {finding.severity.value} {finding.code} {finding.message} [{finding.name}]")
        say("Torrkörning: inget skrevs.")
        return 1 if staged.new_errors else 0
    if staged.new_errors:
        for finding in shown_from_cwd(staged.new_errors, root):
            warn(f"{finding.location}: {finding.severity.value} {finding.code} {finding.message} [{finding.name}]")
        warn(f"Ändringen skulle ge {len(staged.new_errors)} nya fel i styrmodellen; inget skrevs.")
        return 1
    if not applied.files:
        say(f"Inget att ändra: alla {len(applied.unchanged)} värden står redan i filerna.")
        return 0
    commit(staged)
    _summary(applied, "Skrev")
    return _validate_written(root)


def _summary(applied, verb: str) -> None:
    if is_quiet():
        return
    by_file: dict[str, list[str]] = defaultdict(list)
    for edit in applied.changed:
        line = edit.label or ".".join(map(str, edit.path))
        if not isinstance(edit.value, (dict, list)):
            line += f": {_number(edit.value)}"
        by_file[edit.file].append(line + (f" ({edit.origin})" if edit.origin else ""))
    for relpath, (old, _) in sorted(applied.files.items()):
        labels = by_file.get(relpath, [])
        if old is None:
            typer.echo(f"{verb} {relpath} (ny fil)")
        elif not labels:
            typer.echo(f"{verb} {relpath} (skrivs om)")
        else:
            typer.echo(f"{verb} {relpath}: {len(labels)} {'ändring' if len(labels) == 1 else 'ändringar'}")
        for label in labels:
            typer.echo(f"  {label}")
    if applied.unchanged:
        unchanged = len(applied.unchanged)
        place = inflect(unchanged, "filen", "filerna")
        typer.echo(
            f"{counted(unchanged, 'värde', 'värden')} stod redan i {place} och lämnades som {inflect(unchanged, 'det', 'de')} var."
        )


def _show_diff(before: Result, after: Result, root: Path) -> None:
    from styrmodell.review.diff import semantic_diff
    from styrmodell.review.output import RENDERERS

    assert before.repository is not None and after.repository is not None
    result = semantic_diff(before, after, "nu", "efter")
    names = {o.id: o.namn for o in after.repository.organs}
    names |= {"organisation": "Organisation", "kommunövergripande": "Kommunövergripande"}
    RENDERERS["text"](result, names, sys.stdout)


def _validate_written(root: Path) -> int:
    from styrmodell.load.cache import Cache
    from styrmodell.validation.pipeline import validate
    from styrmodell.validation.reporters import report

    result = validate(root, cache=Cache())
    result.findings = shown_from_cwd(result.findings, root)
    report(result, "text", quiet=is_quiet())
    return result.exit_code()
