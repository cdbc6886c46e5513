"""Numbers, percentages and amounts as a Swedish reader writes them (locale sv_SE).

`1 234,5`, `12,5 %`, `3,2 mnkr`. The space in large numbers is a no-break space, so a
number never breaks over two lines.

Numbers are formatted with the locale's symbols from Babel but without Babel's pattern engine,
which took most of the time of a large report (hundreds of thousands of numbers in the charts);
the output is Babel's to the byte, which a test checks. Babel is imported when the first number is
written, not with this module: importing it and reading its locale data takes about as long as a
whole `styr validera` of a small repository, which often writes no number at all.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal

from styrmodell.svenska import MISSING

LOCALE = "sv_SE"
_COUNTS = {"antal", "st", "stycken", "index", "poäng"}
_symbols: tuple[str, str] | None = None  # the locale's group and decimal symbols, once looked up
_HUNDREDTHS = Decimal("0.01")
# Wide enough for every finite float to the hundredth (the default context's 28 digits are not).
_WIDE = Context(prec=400, Emax=999_999, Emin=-999_999)


def _locale_symbols() -> tuple[str, str]:
    """The locale's group and decimal symbols, from Babel."""
    global _symbols
    if _symbols is None:
        from babel.numbers import get_decimal_symbol, get_group_symbol

        _symbols = (get_group_symbol(LOCALE), get_decimal_symbol(LOCALE))
    return _symbols


def _format(value: Decimal, decimals: int | None) -> str:
    """As Babel's `format_decimal` with the pattern `#,##0.##` (decimals None) or `#,##0.000…`."""
    group, point = _symbols or _locale_symbols()
    negative = value.is_signed()
    value = abs(value)
    if decimals is None:
        whole, _, fraction = f"{value.quantize(_HUNDREDTHS, context=_WIDE):f}".partition(".")  # half to even, as Babel
        fraction = fraction.rstrip("0")
    else:
        whole, _, fraction = f"{value.quantize(Decimal(1).scaleb(-decimals), context=_WIDE):f}".partition(".")
    text = f"{int(whole):,}".replace(",", group) + (point + fraction if fraction else "")
    return "-" + text if negative else text


def number(value: float | int | None, decimals: int | None = None, signed: bool = False) -> str:
    """1234.5 → '1 234,5'; with `decimals`, exactly that many (1 → '1 234,5', 0 → '1 235').

    Nothing, and a figure that is no number (a ratio of figures the model let through may be), is '–'.
    """
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return MISSING
    exact: Decimal | float | int = value
    if decimals is not None:  # 0,5 rounds up, as in accounting, not to the even digit
        exact = Decimal(repr(float(value))).quantize(
            Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP, context=_WIDE
        )
    text = _format(exact if isinstance(exact, Decimal) else Decimal(str(exact)), decimals)
    if text.lstrip("-−") in ("0", "0,0", "0,00"):
        text = text.lstrip("-−")
    if signed and exact > 0 and text != "0":
        text = "+" + text
    return text


def percent(value: float | None, decimals: int = 1) -> str:
    """A value already in percent: 12.5 → '12,5 %'."""
    text = number(value, decimals)
    return text if text == MISSING else f"{text}\u00a0%"


def amount(value: float | None, decimals: int = 1, signed: bool = False) -> str:
    """Millions of kronor: 12.5 → '12,5 mnkr'."""
    text = number(value, decimals, signed)
    return text if text == MISSING else f"{text}\u00a0mnkr"


def with_unit(value: float | None, unit: str | None) -> str:
    """An indicator's value with its unit: '85,0 %' for percent, '31 dagar', '4,1 av 5'."""
    if value is None:
        return MISSING
    if unit in ("%", "procent"):
        return percent(value)
    text = number(value)
    if not unit or unit.lower() in _COUNTS or text == MISSING:  # '11', not '11 antal'
        return text
    return f"{text}\u00a0{unit}"


def inflect(count: int, singular: str, plural: str) -> str:
    """The word that goes with a count in Swedish: the singular after 1 ("1 uppnått", "1 ändrat objekt"),
    the plural after every other count, 0 included ("0 uppnådda", "3 ändrade objekt")."""
    return singular if count == 1 else plural


def counted(count: int, singular: str, plural: str) -> str:
    """A count and its word: "1 indikator", "2 indikatorer"."""
    return f"{number(count)} {inflect(count, singular, plural)}"
