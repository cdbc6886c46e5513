"""The validation pipeline: config → files → model → rules → findings. Returns values; prints nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from styrmodell.build import build
from styrmodell.checker import active_rules, run
from styrmodell.config import Config, load_config
from styrmodell.errors import FatalError
from styrmodell.findings import Finding, Severity
from styrmodell.model.repository import Repository
from styrmodell.sources import working_tree_files
from styrmodell.yamlload import load_bytes


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


def load_repository(root: Path, cli_rules: dict[str, dict] | None = None):
    """Config, model and the loader's problems for the working tree at `root`."""
    if not root.is_dir():
        raise FatalError(f"{root}: katalogen finns inte")
    config, _ = load_config(root, cli_rules)
    max_bytes = int(config.gränser.max_filstorlek_mb * 1_000_000)
    loaded = []
    for relpath, absolute in working_tree_files(root, config.ignorera):
        try:
            raw = absolute.read_bytes()
        except OSError as exc:
            raise FatalError(f"{relpath}: kan inte läsas ({exc.strerror})") from None
        loaded.append(load_bytes(relpath, raw, max_bytes))
    repository, problems = build(config, loaded)
    return config, repository, problems


def validate(root: Path, cli_rules: dict[str, dict] | None = None) -> Result:
    config, repository, problems = load_repository(root, cli_rules)
    rules = active_rules(config)
    return Result(config, repository, run(repository, problems, rules))
