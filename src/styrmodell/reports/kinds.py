"""The report types of `styr rapport`, and the period each covers when `--period` is not given."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from styrmodell.model.organisation import BOARDS, Organ, OrganKind
from styrmodell.reports.period import ReportPeriod

if TYPE_CHECKING:
    from styrmodell.reports.data import ReportData


def _this_year(today: dt.date) -> ReportPeriod:
    return ReportPeriod(today.year, 12)


def _last_year(today: dt.date) -> ReportPeriod:
    return ReportPeriod(today.year - 1, 12)


def _next_year(today: dt.date) -> ReportPeriod:
    return ReportPeriod(today.year + 1, 12)


def _interim(today: dt.date) -> ReportPeriod:
    """The latest delårsperiod (January–August) that has ended."""
    return ReportPeriod(today.year if today.month > 8 else today.year - 1, 8)


def _tertial(today: dt.date) -> ReportPeriod:
    """The latest first or second tertial that has ended (the third is the whole year: the årsredovisning)."""
    if today.month > 8:
        return ReportPeriod(today.year, 8)
    if today.month > 4:
        return ReportPeriod(today.year, 4)
    return ReportPeriod(today.year - 1, 8)


def _last_month(today: dt.date) -> ReportPeriod:
    """The latest month that has ended, within a year (after December: November, the year is closed)."""
    if today.month == 1:
        return ReportPeriod(today.year - 1, 11)
    return ReportPeriod(today.year, today.month - 1)


def _forecast_month(today: dt.date) -> ReportPeriod:
    """The latest of the forecasts per 31/3, 31/5 and 31/10 that has passed."""
    for month in (10, 5, 3):
        if today.month > month:
            return ReportPeriod(today.year, month)
    return ReportPeriod(today.year - 1, 10)


def _open_period(name: str) -> Callable[[ReportPeriod], str | None]:
    """A report on a period during the year: a closed year is an outcome, which the årsredovisning reports."""

    def refuses(period: ReportPeriod) -> str | None:
        if period.whole_year:
            return (
                f"{name} gäller en period under året; {period.year} som helår är ett avslutat år, som redovisas "
                f"med utfall i årsredovisningen (styr rapport arsredovisning --period {period.year})"
            )
        return None

    return refuses


def _any_period(period: ReportPeriod) -> str | None:
    return None


# Which organs have a report of their own under `--organ all`; fullmäktige's goal reports are the
# whole municipality's, which `--organ all` always makes.
def _goal_report(d: ReportData) -> bool:
    assert d.organ is not None  # asked only for an organ (`--organ all`)
    if not isinstance(d.organ, Organ):  # an administration or a unit: when it has goals of its own
        return bool(d.own_goals)
    if d.organ.typ == OrganKind.KF:
        return False
    return d.organ.typ in BOARDS | {OrganKind.BOLAG} or bool(d.own_goals)


def _economy_report(d: ReportData) -> bool:
    """A board or company with figures of its own for the period."""
    return isinstance(d.organ, Organ) and bool(d.own_economy or d.own_company)


def _plans_assignments(d: ReportData) -> bool:
    assert d.organ is not None
    if not isinstance(d.organ, Organ):
        return bool(d.plan_goals or d.plan_other_assignments)
    return _goal_report(d) or bool(d.plan_goals)


def _has_assignments(d: ReportData) -> bool:
    return bool(d.assignments)


def _delegates(d: ReportData) -> bool:
    return d.is_board or bool(d.delegation_orders)


def _keeps_internal_control(d: ReportData) -> bool:
    return d.expects_control_plan or bool(d.control_plans)


def _decides_documents(d: ReportData) -> bool:
    return bool(d.documents)


@dataclass(frozen=True)
class ReportType:
    name: str  # the command's word, and the template's name
    title: str  # the document's title, before the period
    describes: str  # one line for `styr rapport --help` and the README
    default_period: Callable[[dt.date], ReportPeriod]
    has_own: Callable[[ReportData], bool] = _goal_report  # whether an organ gets one under --organ all
    per_organ: bool = True  # False: only for the whole municipality
    refuses: Callable[[ReportPeriod], str | None] = _any_period  # why a period cannot be reported on


REPORTS: dict[str, ReportType] = {
    r.name: r
    for r in [
        ReportType(
            "verksamhetsplan",
            "Verksamhetsplan",
            "mål, strategier, indikatorer med målvärden, aktiviteter, kvalitetsfaktorer, budget",
            _next_year,
        ),
        ReportType(
            "uppdragsplan",
            "Uppdragsplan",
            "årets uppdrag och indikatorer under de strategiska mål de tjänar",
            _next_year,
            _plans_assignments,
        ),
        ReportType(
            "delarsrapport",
            "Delårsrapport",
            "måluppfyllelse, ekonomi med helårsprognos, personal, internkontroll",
            _interim,
            refuses=_open_period("delårsrapporten"),
        ),
        ReportType(
            "tertialrapport",
            "Tertialrapport",
            "måluppfyllelse och ekonomisk prognos per tertial",
            _tertial,
            refuses=_open_period("tertialrapporten"),
        ),
        ReportType(
            "bokslutsprognos",
            "Bokslutsprognos",
            "prognos för helåret: resultat, nämndernas och bolagens prognos mot ram och budget, investeringar, "
            "åtgärder vid negativ avvikelse",
            _forecast_month,
            _economy_report,
            refuses=_open_period("bokslutsprognosen"),
        ),
        ReportType(
            "manadsrapport",
            "Månadsrapport",
            "enklare ekonomisk redogörelse för månaden: utfall och prognos mot ram för nämnder, styrelse och bolag",
            _last_month,
            _economy_report,
            refuses=_open_period("månadsrapporten"),
        ),
        ReportType(
            "arsredovisning",
            "Årsredovisning – måluppfyllelse",
            "måluppfyllelse för varje mål och finansiellt mål, jämfört med tidigare år",
            _last_year,
        ),
        ReportType(
            "uppdragsuppfoljning",
            "Uppföljning av politiska uppdrag",
            "uppdrag som inte är genomförda",
            _this_year,
            _has_assignments,
        ),
        ReportType("delegationsordning", "Delegationsordning", "nämndens delegationsordning", _this_year, _delegates),
        ReportType(
            "internkontrollplan",
            "Internkontrollplan",
            "risker, kontroller och ansvar",
            _this_year,
            _keeps_internal_control,
        ),
        ReportType("styrdokument", "Styrdokument", "registret över styrdokument", _this_year, _decides_documents),
        ReportType(
            "kommunkompassen",
            "Kommunkompassen",
            "den senaste utvärderingen med Kommunkompassen",
            _this_year,
            per_organ=False,
        ),
    ]
}
