"""Run the enabled rules over a built repository and collect findings."""

from __future__ import annotations

from dataclasses import dataclass, replace

from pydantic import ValidationError

from styrmodell.errors import FatalError
from styrmodell.findings import Finding, Problem, Severity
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


def run(
    repo: Repository, load_problems: list[Problem], rules: list[ActiveRule], deadline: Deadline | None = None
) -> list[Finding]:
    """Every finding, sorted, and capped as `gränser` says (`max_fynd_per_fil`, `max_fynd`)."""
    findings: list[Finding] = []
    by_code = {active.rule.code: active for active in rules}
    for problem in load_problems:
        active = by_code.get(problem.code)
        if active:
            findings.append(_finding(active, problem.message, problem.location))
    for active in rules:
        if active.rule.check is None:
            continue
        if deadline is not None:
            deadline.check(f"regeln {active.rule.code}")
        for index, (message, location) in enumerate(active.rule.check(repo, active.options)):
            findings.append(_finding(active, message, location))
            if deadline is not None and index % 1000 == 999:
                deadline.check(f"regeln {active.rule.code}")
    limits = repo.config.gränser
    return cap(sorted(findings, key=Finding.sort_key), limits.max_fynd_per_fil, limits.max_fynd)


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
