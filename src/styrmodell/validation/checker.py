"""Run the enabled rules over a built repository and collect findings."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from pydantic import ValidationError

from styrmodell.errors import FatalError
from styrmodell.findings import Finding, Location, Problem, Severity
from styrmodell.load.build import Piece
from styrmodell.load.deadline import Deadline
from styrmodell.load.messages import describe_error
from styrmodell.model.config import Config
from styrmodell.model.repository import Repository
from styrmodell.rules import RULES, Rule, find
from styrmodell.rules.base import RuleOptions
from styrmodell.svenska.numbers import number
from styrmodell.svenska.suggest import did_you_mean


@dataclass(frozen=True)
class ActiveRule:
    rule: Rule
    severity: Severity
    options: RuleOptions


def active_rules(config: Config) -> list[ActiveRule]:
    """The rules this repository runs, with severities and options from its configuration."""
    # A rule may be set by code in one layer and by name in another: later settings win, key by key.
    settings: dict[str, tuple[str, dict]] = {}
    for key, value in config.regler.items():
        rule = find(key)
        if rule is None:
            line_col = config.where("regler", key)
            known = list(RULES) + [r.name for r in RULES.values()]
            raise FatalError(f"{line_col}: okänd regel '{key}'{did_you_mean(key, known)} (se `styr regler`)")
        explicit = {name: getattr(value, name) for name in value.model_fields_set} | value.options()
        settings[rule.code] = (key, settings.get(rule.code, ("", {}))[1] | explicit)
    active = []
    for code, rule in RULES.items():
        key, setting = settings.get(code, ("", None))
        if setting is not None and not setting.pop("aktiv", True):
            continue
        severity = rule.severity
        options = rule.options()
        if setting is not None:
            level = setting.pop("allvarlighet", None)
            if level:
                try:
                    severity = Severity.parse(level)
                except ValueError:
                    raise FatalError(
                        f"{config.where('regler', key)}: okänd allvarlighet '{level}' "
                        "(använd fel, varning, info eller av)"
                    ) from None
            try:
                options = rule.options.model_validate(setting)
            except ValidationError as exc:
                error = exc.errors()[0]
                field = str(error["loc"][0]) if error["loc"] else ""
                known = list(rule.options.model_fields)
                if error["type"] == "extra_forbidden":
                    text = f"regeln {code} har ingen inställning '{field}'{did_you_mean(field, known)}"
                    text += f" (inställningar: {', '.join(known) or 'inga'})"
                else:
                    message, _ = describe_error(error, rule.options)
                    text = f"regeln {code}: {message}"
                raise FatalError(f"{config.where('regler', key, field)}: {text}") from None
        active.append(ActiveRule(rule, severity, options))
    return active


class PerFileFindings:
    """What the rules that check one file at a time found in each file's piece of the model, kept by
    a resident process between runs: a piece's findings of a rule are reused while the piece, the
    configuration, the rule's options and the rule's context are the same (rules/base.py)."""

    def __init__(self) -> None:
        self.config: Config | None = None
        self.by_piece: dict[int, tuple[Piece, dict[str, tuple[Any, Any, list]]]] = {}

    def begin(self, config: Config, pieces: list[Piece]) -> list[dict[str, tuple[Any, Any, list]]]:
        """This run's store for each piece, in order; everything else is forgotten."""
        if self.config is None or self.config != config:
            self.by_piece = {}
        self.config = config
        kept = {}
        for piece in pieces:
            entry = self.by_piece.get(id(piece))
            kept[id(piece)] = entry if entry is not None and entry[0] is piece else (piece, {})
            piece.part.config = config  # a piece keeps the configuration it was built with
        self.by_piece = kept
        return [kept[id(piece)][1] for piece in pieces]


def run(
    repo: Repository,
    load_problems: list[Problem],
    rules: list[ActiveRule],
    deadline: Deadline | None = None,
    pieces: list[Piece] | None = None,
    per_file: PerFileFindings | None = None,
) -> list[Finding]:
    """Every finding, sorted, and capped as `gränser` says (`max_fynd_per_fil`, `max_fynd`). With the
    pieces `repo` was merged from and a `per_file` store, the rules that check one file at a time
    are run only on the pieces whose findings are not known."""
    findings: list[Finding] = []
    by_code = {active.rule.code: active for active in rules}
    for problem in load_problems:
        active = by_code.get(problem.code)
        if active:
            findings.append(_finding(active, problem.message, problem.location))
    stores = per_file.begin(repo.config, pieces) if per_file is not None and pieces is not None else None
    for active in rules:
        if active.rule.check is None:
            continue
        if deadline is not None:
            deadline.check(f"regeln {active.rule.code}")
        found: Iterable[tuple[str, Location]]
        if stores is not None and pieces is not None and active.rule.per_file is not None:
            found = _per_file(active, repo, pieces, stores)
        else:
            found = active.rule.check(repo, active.options)
        for index, (message, location) in enumerate(found):
            findings.append(_finding(active, message, location))
            if deadline is not None and index % 1000 == 999:
                deadline.check(f"regeln {active.rule.code}")
    limits = repo.config.gränser
    return cap(sorted(findings, key=Finding.sort_key), limits.max_fynd_per_fil, limits.max_fynd)


def _per_file(
    active: ActiveRule, repo: Repository, pieces: list[Piece], stores: list[dict[str, tuple[Any, Any, list]]]
) -> Iterator[tuple[str, Location]]:
    per_file, options = active.rule.per_file, active.options
    assert per_file is not None
    context = per_file.context(repo, options) if per_file.context else None
    code = active.rule.code
    same: dict[int, bool] = {}  # a run's pieces share one earlier context: it is compared once
    for piece, store in zip(pieces, stores, strict=True):
        known = store.get(code)
        if known is not None:
            key = id(known[1])
            if key not in same:
                same[key] = known[0] == options and known[1] == context
            if same[key]:
                yield from known[2]
                continue
        found = list(per_file.check_file(piece.part, context, options))
        store[code] = (options, context, found)
        yield from found
    if per_file.check_whole is not None:
        yield from per_file.check_whole(repo, options)


def cap(findings: list[Finding], per_file: int, total: int) -> list[Finding]:
    """At most `per_file` findings of one rule in one file and `total` in all; each run of findings
    left out is one finding that says how many it stands for ("… och 99 800 fel till av samma slag"),
    so that counts and exit codes stay exact while the output stays readable."""
    shown: list[Finding] = []
    left_out: dict[tuple[str, str], list[Finding]] = {}
    seen: dict[tuple[str, str], int] = {}
    for finding in findings:
        key = (finding.location.path, finding.code)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= per_file:
            shown.append(finding)
        else:
            left_out.setdefault(key, []).append(finding)
    for rest in left_out.values():
        shown.append(_summarised(rest, "i filen"))
    shown.sort(key=Finding.sort_key)
    if len(shown) <= total:
        return shown
    kept, beyond = shown[:total], shown[total:]
    by_code: dict[str, list[Finding]] = {}
    for finding in beyond:
        by_code.setdefault(finding.code, []).append(finding)
    kept += [_summarised(rest, f"i repot (högst {number(total)} fynd visas)") for rest in by_code.values()]
    return kept


def _summarised(rest: list[Finding], where: str) -> Finding:
    first = rest[0]
    count = sum(f.count for f in rest)
    words = {Severity.ERROR: "fel", Severity.WARNING: "varningar", Severity.INFO: "info"}
    if count == 1:
        words = {Severity.ERROR: "fel", Severity.WARNING: "varning", Severity.INFO: "info"}
    message = f"… och {number(count)} {words[first.severity]} till av samma slag {where}"
    return replace(first, message=message, more=count - 1)


def _finding(active: ActiveRule, message: str, location) -> Finding:
    return Finding(active.rule.code, active.rule.name, active.severity, message, location)
