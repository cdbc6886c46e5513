"""Run the enabled rules over a built repository and collect findings."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from styrmodell.errors import FatalError
from styrmodell.findings import Finding, Problem, Severity
from styrmodell.load.messages import describe_error
from styrmodell.model.config import Config
from styrmodell.model.repository import Repository
from styrmodell.rules import RULES, Rule, find
from styrmodell.rules.base import RuleOptions
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


def run(repo: Repository, load_problems: list[Problem], rules: list[ActiveRule]) -> list[Finding]:
    findings: list[Finding] = []
    by_code = {active.rule.code: active for active in rules}
    for problem in load_problems:
        active = by_code.get(problem.code)
        if active:
            findings.append(_finding(active, problem.message, problem.location))
    for active in rules:
        if active.rule.check is None:
            continue
        for message, location in active.rule.check(repo, active.options):
            findings.append(_finding(active, message, location))
    return sorted(findings, key=Finding.sort_key)


def _finding(active: ActiveRule, message: str, location) -> Finding:
    return Finding(active.rule.code, active.rule.name, active.severity, message, location)
