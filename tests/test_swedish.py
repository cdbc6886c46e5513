"""Swedish numbers, percentages, amounts and dates in the reports."""

from __future__ import annotations

import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal

import pytest
from babel.numbers import format_decimal

from styrmodell.svenska import dates
from styrmodell.svenska import numbers as swedish


@pytest.mark.parametrize(
    "call, expected",
    [
        (lambda: swedish.number(1234.5), "1\u00a0234,5"),
        (lambda: swedish.number(1234567.125, 2), "1\u00a0234\u00a0567,13"),  # half up, as in accounting
        (lambda: swedish.number(2.5, 0), "3"),
        (lambda: swedish.number(-0.04, 1), "0,0"),  # no minus on a zero
        (lambda: swedish.number(-4.0, 1), "-4,0"),
        (lambda: swedish.number(0.1, 1, signed=True), "+0,1"),
        (lambda: swedish.number(None), "–"),
        (lambda: swedish.percent(12.5), "12,5\u00a0%"),
        (lambda: swedish.amount(404.6), "404,6\u00a0mnkr"),
        (lambda: swedish.with_unit(31, "dagar"), "31\u00a0dagar"),
        (lambda: swedish.with_unit(11, "antal"), "11"),
        (lambda: dates.date(dt.date(2026, 8, 31)), "31 augusti 2026"),
    ],
)
def test_swedish_forms(call, expected):
    assert call() == expected


def test_numbers_are_babels_to_the_byte():
    """The fast formatter gives what Babel's format_decimal gives, for every kind of value."""
    rng = random.Random(7)
    values = [0, 1, -1, 0.005, 0.015, -0.005, 2.675, 1e9 + 0.5, 999.995, -1234.565, 12, 7.1]
    values += [round(rng.uniform(-1e7, 1e7), rng.randint(0, 4)) for _ in range(3000)]
    values += [rng.randint(-(10**8), 10**8) for _ in range(500)]
    for value in values:
        for decimals in (None, 0, 1, 2, 3):
            if decimals is None:
                babel = format_decimal(value, format="#,##0.##", locale=swedish.LOCALE)
            else:
                rounded = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
                babel = format_decimal(
                    rounded, format="#,##0" + ("." + "0" * decimals if decimals else ""), locale=swedish.LOCALE
                )
            if babel.lstrip("-") in ("0", "0,0", "0,00", "0,000"):
                babel = babel.lstrip("-")
            assert swedish.number(value, decimals) == babel, (value, decimals)
