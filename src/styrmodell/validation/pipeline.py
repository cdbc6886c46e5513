"""The validation pipeline: config → files → model → rules → findings. Returns values; prints nothing.

With a cache, a run whose files, configuration and flags are all unchanged is answered from the
cache without building the model, and a run where some files changed parses only those.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from styrmodell.findings import Finding, Severity
from styrmodell.load.deadline import Deadline
from styrmodell.load.sources import FileSource, WorkingTree

DEFAULT_SECONDS = 600.0  # until the configuration's `gränser.max_sekunder` is read

if TYPE_CHECKING:
    from styrmodell.load.cache import Cache
    from styrmodell.model.config import Config
    from styrmodell.model.repository import Repository
    from styrmodell.validation.checker import PerFileFindings


@dataclass
class Result:
    kommun: str
    files: int
    findings: list[Finding]
    config: Config | None = None
    repository: Repository | None = None
    contents: dict[str, bytes] | None = None  # every YAML file read, for diff to compare
    consequences: int = 0  # findings left out because they only follow from a loader's finding

    def count(self, severity: Severity) -> int:
        return sum(f.count for f in self.findings if f.severity == severity)

    def exit_code(self, strict: bool = False) -> int:
        if self.count(Severity.ERROR) or (strict and self.count(Severity.WARNING)):
            return 1
        return 0


def validate(
    source: FileSource | Path,
    cli_rules: dict[str, dict] | None = None,
    cache: Cache | None = None,
    need_model: bool = False,
    deadline: Deadline | None = None,
    pieces: dict | None = None,
    per_file: PerFileFindings | None = None,
) -> Result:
    """Findings for `source`. With a cache and not `need_model`, an unchanged repository is answered
    from the cache without a model (`result.repository` is then None). A resident process passes
    `pieces` (kept between runs) so that only changed files are parsed and built again, and a
    `per_file` store so that the rules that check one file at a time run only on those; it keeps
    its model, so the whole-result cache is not used then (the cache still holds parsed files)."""
    if isinstance(source, Path):
        source = WorkingTree(source)
    deadline = deadline or Deadline(DEFAULT_SECONDS)
    result_key = None
    raw_files: dict[str, bytes] = {}
    if cache is not None and pieces is None:
        from styrmodell.load.cache import ResultInputs
        from styrmodell.load.config import read_layers

        layers = read_layers(source)
        raw_files = {p: source.read(p) or b"" for p in source.content_files([])}
        inputs = ResultInputs(
            files=[(p, cache.file_key(p, raw, ())) for p, raw in raw_files.items()],
            config=layers.inputs,
            flags=json.dumps(cli_rules or {}, sort_keys=True),
            reference_date=_reference_date(layers.layered),
        )
        result_key = cache.result_key(inputs)
        hit = None if need_model else cache.get_result(result_key)
        if hit is not None:
            meta, findings = hit
            return Result(
                meta["kommun"], meta["filer"], findings, contents=raw_files, consequences=meta.get("följdfel", 0)
            )
    from styrmodell.load.repository import load_repository
    from styrmodell.validation import consequences
    from styrmodell.validation.checker import active_rules, run

    config, repository, problems = load_repository(
        source, cli_rules, cache, raw_files, deadline=deadline, pieces=pieces
    )
    found = run(
        repository,
        problems,
        active_rules(config),
        deadline,
        pieces=list(pieces.values()) if pieces is not None else None,
        per_file=per_file,
    )
    findings, left_out = consequences.split(found, repository)
    findings = consequences.order(findings)
    result = Result(
        config.kommun.namn, len(repository.files), findings, config, repository, raw_files or None, left_out
    )
    if cache is not None and result_key is not None:
        meta = {"kommun": result.kommun, "filer": result.files, "följdfel": left_out}
        cache.put_result(result_key, meta, findings)
    return result


def _reference_date(layered: dict) -> str:
    """The date the date rules treat as today: `referensdatum` when the configuration sets it."""
    from styrmodell.svenska import dates

    given = layered.get("referensdatum")
    return str(given) if given is not None else dates.today().isoformat()
