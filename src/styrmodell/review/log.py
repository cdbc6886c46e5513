"""The history of one object through the commits: what changed, when, by whom, under which decision.

Only commits that touch a file mentioning the id are looked at, and only those files are built,
so a log stays quick in a large repository.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from styrmodell.errors import FatalError
from styrmodell.load.build import build
from styrmodell.load.config import load_config
from styrmodell.load.gitsource import CommitInfo, GitRevision, history, info, open_repo
from styrmodell.load.yamlload import load_bytes
from styrmodell.review.diff import FieldChange, entries, field_changes


@dataclass
class Version:
    commit: CommitInfo
    status: str  # tillagd, ändrad, flyttad, borttagen
    file: str | None
    kind: str
    title: str
    decision: str | None
    fields: list[FieldChange] = field(default_factory=list)


def _snapshot(revision: GitRevision, ident: str):
    """(kind, data, file, title, decision) of the object at this revision, or None."""
    try:
        config, _ = load_config(revision)
    except FatalError:
        return None
    needle = ident.rsplit("/", 1)[-1].encode("utf-8")
    max_bytes = int(config.gränser.max_filstorlek_mb * 1_000_000)
    loaded = []
    for relpath in revision.content_files(config.ignorera):
        raw = revision.read(relpath) or b""
        if needle in raw:
            loaded.append(load_bytes(relpath, raw, max_bytes, config.gränser.max_aliasvärden))
    repo, _ = build(config, loaded)
    for key, entry in entries(repo).items():
        if key.ident == ident:
            return key.kind, entry.data, entry.obj.file, entry.title, _decision(repo, key.kind, entry.obj)
    return None


def _decision(repo, kind: str, obj) -> str | None:
    """The decision an object stands under: its own, its goals' (indicator), or its order's (row)."""
    decisions = []
    if getattr(obj, "beslut", None) is not None:
        decisions.append(obj.beslut)
    elif kind == "indikator":
        decisions = [g.beslut for g in repo.goals if g.id in obj.mål and g.beslut is not None]
    elif kind == "delegeringsrad":
        decisions = [o.beslut for o in repo.delegation_orders if obj in o.rader and o.beslut is not None]
    labels = sorted({d.label() for d in decisions})
    return "; ".join(labels) or None


def object_log(folder, ident: str, rev: str = "HEAD") -> list[Version]:
    repo, inner = open_repo(folder)
    versions: list[Version] = []
    previous = None
    for commit in history(repo, inner, rev):
        current = _snapshot(GitRevision(repo, commit, inner), ident)
        meta = info(commit)
        if previous is None and current is not None:
            kind, _data, file, title, decision = current
            versions.append(Version(meta, "tillagd", file, kind, title, decision))
        elif previous is not None and current is None:
            versions.append(Version(meta, "borttagen", previous[2], previous[0], previous[3], previous[4]))
        elif previous is not None and current is not None:
            changes = field_changes(previous[1], current[1])
            if changes or previous[2] != current[2]:
                status = "ändrad" if changes else "flyttad"
                versions.append(Version(meta, status, current[2], current[0], current[3], current[4], changes))
        previous = current
    return versions


def object_logs(folder, idents: set[str], rev: str = "HEAD") -> dict[str, list[Version]]:
    """The history of many objects at once (`styr publicera` shows every goal's): each commit's whole
    model is built once, instead of once per object."""
    from styrmodell.review.diff import Key

    repo, inner = open_repo(folder)
    out: dict[str, list[Version]] = {ident: [] for ident in idents}
    previous: dict[str, tuple] = {}
    if rev == "HEAD" and not repo.head.is_valid():  # a new repository without commits: no history yet
        return out
    for commit in history(repo, inner, rev):
        revision = GitRevision(repo, commit, inner)
        try:
            config, _ = load_config(revision)
        except FatalError:
            continue
        max_bytes = int(config.gränser.max_filstorlek_mb * 1_000_000)
        loaded = [
            load_bytes(relpath, revision.read(relpath) or b"", max_bytes, config.gränser.max_aliasvärden)
            for relpath in revision.content_files(config.ignorera)
        ]
        model, _ = build(config, loaded)
        current: dict[str, tuple] = {}
        for key, entry in entries(model).items():
            if key.ident in idents and key.ident not in current and isinstance(key, Key):
                current[key.ident] = (
                    key.kind,
                    entry.data,
                    entry.obj.file,
                    entry.title,
                    _decision(model, key.kind, entry.obj),
                )
        meta = info(commit)
        for ident in sorted(set(previous) | set(current)):
            old, new = previous.get(ident), current.get(ident)
            if old is None and new is not None:
                out[ident].append(Version(meta, "tillagd", new[2], new[0], new[3], new[4]))
            elif old is not None and new is None:
                out[ident].append(Version(meta, "borttagen", old[2], old[0], old[3], old[4]))
            elif old is not None and new is not None:
                changes = field_changes(old[1], new[1])
                if changes or old[2] != new[2]:
                    status = "ändrad" if changes else "flyttad"
                    out[ident].append(Version(meta, status, new[2], new[0], new[3], new[4], changes))
        previous = current
    return out
