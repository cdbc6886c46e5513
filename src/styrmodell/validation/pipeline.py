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
from styrmodell.load.sources import CONFIG_FILE, FileSource, WorkingTree

if TYPE_CHECKING:
    from styrmodell.load.cache import Cache
    from styrmodell.model.config import Config
    from styrmodell.model.repository import Repository


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
        return sum(1 for f in self.findings if f.severity == severity)

    def exit_code(self, strict: bool = False) -> int:
        if self.count(Severity.ERROR) or (strict and self.count(Severity.WARNING)):
            return 1
        return 0


def validate(
    source: FileSource | Path,
    cli_rules: dict[str, dict] | None = None,
    cache: Cache | None = None,
    need_model: bool = False,
) -> Result:
    """Findings for `source`. With a cache and not `need_model`, an unchanged repository is answered
    from the cache without a model (`result.repository` is then None)."""
    if isinstance(source, Path):
        source = WorkingTree(source)
    result_key = None
    raw_files: dict[str, bytes] = {}
    if cache is not None:
        config_raw = source.read(CONFIG_FILE)
        if config_raw is not None:
            raw_files = {p: source.read(p) or b"" for p in source.content_files([])}
            file_keys = [(p, cache.file_key(p, raw, 0)) for p, raw in raw_files.items()]
            result_key = cache.result_key(file_keys, config_raw, json.dumps(cli_rules or {}, sort_keys=True))
            hit = None if need_model else cache.get_result(result_key)
            if hit is not None:
                meta, findings = hit
                return Result(
                    meta["kommun"], meta["filer"], findings, contents=raw_files, consequences=meta.get("följdfel", 0)
                )
    from styrmodell.load.repository import load_repository
    from styrmodell.validation import consequences
    from styrmodell.validation.checker import active_rules, run

    config, repository, problems = load_repository(source, cli_rules, cache, raw_files)
    findings, left_out = consequences.split(run(repository, problems, active_rules(config)), repository)
    findings = consequences.order(findings)
    result = Result(
        config.kommun.namn, len(repository.files), findings, config, repository, raw_files or None, left_out
    )
    if cache is not None and result_key is not None:
        meta = {"kommun": result.kommun, "filer": result.files, "följdfel": left_out}
        cache.put_result(result_key, meta, findings)
    return result
