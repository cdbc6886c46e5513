"""The validation pipeline: config → files → model → rules → findings. Returns values; prints nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from styrmodell.build import build
from styrmodell.checker import active_rules, run
from styrmodell.config import Config, load_config
from styrmodell.findings import Finding, Severity
from styrmodell.model.repository import Repository
from styrmodell.sources import FileSource, WorkingTree
from styrmodell.parallel import parse_all


@dataclass
class Result:
    config: Config
    repository: Repository
    findings: list[Finding]

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def exit_code(self, strict: bool = False) -> int:
        if self.count(Severity.ERROR) or (strict and self.count(Severity.WARNING)):
            return 1
        return 0


def load_repository(source: FileSource, cli_rules: dict[str, dict] | None = None):
    """Config, model and the loader's problems for every governance file in `source`."""
    config, _ = load_config(source, cli_rules)
    max_bytes = int(config.gränser.max_filstorlek_mb * 1_000_000)
    files = [(relpath, source.read(relpath) or b"") for relpath in source.content_files(config.ignorera)]
    repository, problems = build(config, parse_all(files, max_bytes))
    return config, repository, problems


def validate(source: FileSource | Path, cli_rules: dict[str, dict] | None = None) -> Result:
    if isinstance(source, Path):
        source = WorkingTree(source)
    config, repository, problems = load_repository(source, cli_rules)
    rules = active_rules(config)
    return Result(config, repository, run(repository, problems, rules))
