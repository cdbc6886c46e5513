"""The semantic difference between two states of a governance repository.

Objects are matched by kind and id, never by line: a moved or reformatted object is the same
object. Besides the changes themselves the diff works out their consequences: indicators whose
status flips, goals below a reworded goal, findings introduced and fixed, and decided objects
changed without a new decision reference.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from styrmodell.findings import Finding
from styrmodell.model.base import Node
from styrmodell.model.goals import Assignment, Dialogue
from styrmodell.model.governance import SteeringDocument
from styrmodell.model.repository import Repository
from styrmodell.reports.attainment import Status, indicator_status
from styrmodell.validation.pipeline import Result

# container fields whose items are tracked as objects of their own
_NESTED = {"rader", "risker", "händelser"}
_IGNORED_FIELDS = {"id"}


@dataclass(frozen=True)
class Key:
    kind: str
    ident: str

    def __str__(self) -> str:
        return f"{self.kind} {self.ident}"


class _Missing:
    """A field that one side does not have at all, unlike one written `null` (a target not yet decided)."""

    def __repr__(self) -> str:
        return "MISSING"

    def __copy__(self) -> _Missing:
        return self

    def __deepcopy__(self, memo: dict) -> _Missing:
        return self


MISSING = _Missing()


@dataclass(frozen=True)
class FieldChange:
    path: str
    old: Any
    new: Any


@dataclass
class Change:
    key: Key
    status: str  # tillagd, borttagen, ändrad, flyttad
    organ: str
    title: str
    old_file: str | None = None
    new_file: str | None = None
    fields: list[FieldChange] = field(default_factory=list)


@dataclass(frozen=True)
class StatusChange:
    indicator: str
    name: str
    period: str
    old: Status
    new: Status
    reason: str


@dataclass(frozen=True)
class Affected:
    goal: str
    text: str
    because_of: str


@dataclass(frozen=True)
class ProvenanceNote:
    key: Key
    message: str


@dataclass
class DiffResult:
    base: str
    head: str
    changes: list[Change]
    status_changes: list[StatusChange]
    affected: list[Affected]
    provenance: list[ProvenanceNote]
    findings_added: list[Finding]
    findings_fixed: list[Finding]

    @property
    def empty(self) -> bool:
        return not (self.changes or self.findings_added or self.findings_fixed)


@dataclass
class _Entry:
    key: Key
    obj: Node
    organ: str
    title: str
    data: dict


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            out.update(_flatten(v, f"{prefix}.{k}" if prefix else str(k)))
        return out or {prefix: {}}
    return {prefix: value}


def _dump(obj: Node) -> dict:
    data = obj.model_dump(mode="json", exclude_none=True, exclude=_NESTED & set(type(obj).model_fields))
    return {k: v for k, v in _flatten(data).items() if k not in _IGNORED_FIELDS and v not in ([], {})}


def entries(repo: Repository, files: set[str] | None = None) -> dict[Key, _Entry]:
    """Every object by key; with `files`, only the objects that stand in those files."""
    out: dict[Key, _Entry] = {}

    def add(key: Key, obj: Node, organ: str | None, title: str) -> None:
        if files is not None and obj.file not in files and key.kind != "konfiguration":
            return
        out.setdefault(key, _Entry(key, obj, organ or "kommunövergripande", title, _dump(obj)))

    for kind, objects in repo.globals():
        for obj in objects:
            organ = getattr(obj, "organ", None)
            if kind in ("organ", "förvaltning", "enhet", "roll"):
                organ = "organisation"
            elif isinstance(obj, SteeringDocument):  # styrdokument
                organ = obj.beslutad_av
            elif isinstance(obj, Assignment):  # uppdrag
                organ = obj.givare
            elif isinstance(obj, Dialogue):  # dialog
                organ = obj.forum
            title = (
                getattr(obj, "text", None)
                or getattr(obj, "namn", None)
                or getattr(obj, "titel", None)
                or getattr(obj, "tema", None)
                or ""
            )
            add(Key(kind, obj.id), obj, organ, title)
    for order in repo.delegation_orders:
        add(Key("delegationsordning", order.organ or "?"), order, order.organ, "delegationsordning")
        for row in order.rader:
            add(Key("delegeringsrad", f"{order.organ}/{row.id}"), row, order.organ, row.ärende)
    for plan in repo.control_plans:
        plan_id = f"{plan.organ}/{plan.år}"
        add(Key("internkontrollplan", plan_id), plan, plan.organ, f"internkontrollplan {plan.år}")
        for risk in plan.risker:
            add(Key("risk", f"{plan_id}/{risk.id}"), risk, plan.organ, risk.risk)
    for budget in repo.budgets:
        add(Key("budget", str(budget.år)), budget, "kf", f"budget {budget.år}")
    for index, vision in enumerate(repo.visions):
        add(Key("vision", str(index + 1)), vision, "kf", "vision")
    for wheel_index, wheel in enumerate(repo.wheels):
        add(Key("årshjul", str(wheel_index + 1)), wheel, "kommunövergripande", "sammanträden")
    add(Key("konfiguration", "styrmodell.yaml"), repo.config, "kommunövergripande", "styrmodell.yaml")
    return out


def field_changes(old: dict, new: dict) -> list[FieldChange]:
    changes = []
    for path in sorted(set(old) | set(new)):
        before, after = old.get(path, MISSING), new.get(path, MISSING)
        if before != after:
            changes.append(FieldChange(path, before, after))
    return changes


def _changes(old: dict[Key, _Entry], new: dict[Key, _Entry]) -> list[Change]:
    changes = []
    for key in sorted(set(old) | set(new), key=lambda k: (k.kind, k.ident)):
        before, after = old.get(key), new.get(key)
        if before is None:
            assert after is not None  # the key is on one side at least
            changes.append(Change(key, "tillagd", after.organ, after.title, new_file=after.obj.file))
        elif after is None:
            changes.append(Change(key, "borttagen", before.organ, before.title, old_file=before.obj.file))
        else:
            fields = field_changes(before.data, after.data)
            moved = before.obj.file != after.obj.file
            if fields or moved:
                changes.append(
                    Change(
                        key,
                        "ändrad" if fields else "flyttad",
                        after.organ,
                        after.title,
                        before.obj.file,
                        after.obj.file,
                        fields,
                    )
                )
    return changes


def _status_changes(old: Result, new: Result, files: set[str] | None) -> list[StatusChange]:
    assert old.config is not None and new.config is not None
    assert old.repository is not None and new.repository is not None
    margin_old = old.config.måluppfyllelse.delvis_marginal_procent
    margin_new = new.config.måluppfyllelse.delvis_marginal_procent
    if margin_old != margin_new:
        files = None  # the definition of attainment changed: every indicator may flip
    before = {i.id: i for i in old.repository.indicators}
    out = []
    for indicator in new.repository.indicators:
        if files is not None and indicator.file not in files:
            continue
        previous = before.get(indicator.id)
        if previous is None:
            continue
        periods = {p for p, v in indicator.utfall.items() if v is not None}
        periods |= {p for p, v in previous.utfall.items() if v is not None}
        for period in sorted(periods):
            was = indicator_status(previous, period, margin_old)
            now = indicator_status(indicator, period, margin_new)
            if was.status != now.status:
                out.append(StatusChange(indicator.id, indicator.namn, period, was.status, now.status, now.reason))
    return out


def _affected(changes: list[Change], new_repo: Repository) -> list[Affected]:
    reworded = [
        c.key.ident
        for c in changes
        if c.key.kind == "mål" and c.status == "ändrad" and any(f.path == "text" for f in c.fields)
    ]
    out: dict[str, Affected] = {}
    for goal_id in reworded:
        stack = list(new_repo.children.get(goal_id, []))
        while stack:
            child = stack.pop()
            if child.id not in out:
                out[child.id] = Affected(child.id, child.text, goal_id)
                stack.extend(new_repo.children.get(child.id, []))
    return sorted(out.values(), key=lambda a: a.goal)


_DECISION_FIELDS = ("beslut.", "beslutsdatum", "reviderad", "paragraf")


def _decision_changed(change: Change | None) -> bool:
    return change is not None and (
        change.status == "tillagd" or any(f.path.startswith(_DECISION_FIELDS) for f in change.fields)
    )


def _provenance(changes: list[Change], new_repo: Repository) -> Iterator[ProvenanceNote]:
    by_key = {c.key: c for c in changes}
    for change in changes:
        kind = change.key.kind
        if change.status not in ("ändrad", "tillagd", "borttagen"):
            continue
        carried = [f for f in change.fields if f.path.startswith("omprövas.") and f.new is not MISSING]
        if kind == "mål" and change.status == "ändrad" and carried:
            goal = next((g for g in new_repo.goals if g.id == change.key.ident), None)
            if goal is not None and goal.omprövas is not None:
                yield ProvenanceNote(
                    change.key,
                    f"mål {change.key.ident} förs över till {goal.omprövas.inför} och ska beslutas på nytt av "
                    f"{goal.omprövas.av}" + (f" ({goal.omprövas.skäl})" if goal.omprövas.skäl else ""),
                )
                continue
        if kind in ("mål", "styrdokument") and change.status == "ändrad":
            substantive = [f for f in change.fields if not f.path.startswith(_DECISION_FIELDS)]
            if substantive and not _decision_changed(change):
                what = ", ".join(f.path for f in substantive)
                yield ProvenanceNote(
                    change.key, f"{kind} {change.key.ident} ändrades ({what}) utan ny eller ändrad beslutsreferens"
                )
        elif kind == "indikator" and change.status == "ändrad":
            # a target slot added empty (`2027: null`) is not a decided target
            targets = [f for f in change.fields if f.path.startswith("målvärden.") and f.new is not None]
            indicator = next((i for i in new_repo.indicators if i.id == change.key.ident), None)
            if targets and indicator is not None:
                if not any(_decision_changed(by_key.get(Key("mål", g))) for g in indicator.mål):
                    years = ", ".join(f.path.split(".", 1)[1] for f in targets)
                    yield ProvenanceNote(
                        change.key,
                        f"målvärden för {years} ändrades i {change.key.ident} utan att "
                        f"beslutet för målet ({', '.join(indicator.mål)}) ändrades",
                    )
        elif kind == "delegeringsrad":
            organ = change.key.ident.split("/", 1)[0]
            if not _decision_changed(by_key.get(Key("delegationsordning", organ))):
                yield ProvenanceNote(
                    change.key,
                    f"delegeringsrad {change.key.ident} är {change.status} utan nytt "
                    "beslut eller revideringsdatum för delegationsordningen",
                )


_LOCATION = re.compile(r"\S+:\d+:\d+")


def _finding_key(finding: Finding) -> tuple[str, str, str]:
    return finding.code, finding.location.path, _LOCATION.sub("…", finding.message)


def _finding_delta(old: list[Finding], new: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    old_keys = {_finding_key(f) for f in old}
    new_keys = {_finding_key(f) for f in new}
    return ([f for f in new if _finding_key(f) not in old_keys], [f for f in old if _finding_key(f) not in new_keys])


def changed_files(old: Result, new: Result) -> set[str] | None:
    """Files whose bytes differ between the two sides; None when either side's contents are unknown."""
    if old.contents is None or new.contents is None:
        return None
    return {p for p in set(old.contents) | set(new.contents) if old.contents.get(p) != new.contents.get(p)}


def semantic_diff(old: Result, new: Result, base_label: str, head_label: str) -> DiffResult:
    """`old` may be built from only the changed files (its findings then come from the cache)."""
    assert old.repository is not None and new.repository is not None  # the caller builds both models
    files = changed_files(old, new)
    changes = _changes(entries(old.repository, files), entries(new.repository, files))
    added, fixed = _finding_delta(old.findings, new.findings)
    return DiffResult(
        base=base_label,
        head=head_label,
        changes=changes,
        status_changes=_status_changes(old, new, files),
        affected=_affected(changes, new.repository),
        provenance=list(_provenance(changes, new.repository)),
        findings_added=added,
        findings_fixed=fixed,
    )
