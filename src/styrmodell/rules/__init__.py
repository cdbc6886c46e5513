"""The registry: every rule, in one explicit list you can grep."""

from __future__ import annotations

from styrmodell.rules import (
    annual_report, auditors_first, budget_balance, budget_content, budget_decision, budget_proposal,
    deficit_plan, financial_guidelines, holiday_deadline, interim_handover,
    compass_area_max, compass_catalogue, compass_links, compass_over_max, compass_totals,
    interim_period, legal_moments, wheel_timing,
    automated, control_plan, delegate_kind, document_decision, document_level, document_owner,
    document_review, further_delegation, goal_level, goal_limit, indicator_basics, kf_trace, kolada_id,
    loading, mandate_period, missing_parent, municipality_code, non_delegable, program_content, references,
    reporting, smart_accepted, smart_measurable, smart_realistic, smart_responsible, smart_specific,
    smart_timebound, target_direction, unattached, unique_ids, unmeasured, urgent,
)
from styrmodell.rules.base import Rule

_MODULES = [
    references, unique_ids,
    goal_level, missing_parent, kf_trace, unattached, unmeasured,
    goal_limit,
    smart_specific, smart_measurable, smart_accepted, smart_realistic, smart_timebound, smart_responsible,
    delegate_kind, non_delegable, automated, further_delegation, reporting, urgent,
    document_decision, document_owner, document_level, document_review, program_content,
    indicator_basics, target_direction, kolada_id,
    municipality_code, mandate_period, control_plan,
    budget_balance, budget_content, deficit_plan, financial_guidelines,
    budget_proposal, budget_decision, interim_period, interim_handover, auditors_first, annual_report,
    holiday_deadline, wheel_timing, legal_moments,
    compass_over_max, compass_area_max, compass_totals, compass_links, compass_catalogue,
]

RULES: dict[str, Rule] = {rule.code: rule for rule in loading.RULES}
RULES.update((module.CODE, Rule.from_module(module)) for module in _MODULES)
BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES.values()}


def find(code_or_name: str) -> Rule | None:
    key = code_or_name.strip()
    return RULES.get(key.upper()) or BY_NAME.get(key.lower())
