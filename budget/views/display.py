"""Figures as a page shows them: one display unit for the page, two decimals.

A document prints its amounts in 元 or 万元; a reader picks the unit the page shows
(元, 万元 or 亿元). The conversion is exact (``Decimal``), the rounding to two decimals
happens only in the text shown; the exact printed figure stays available for tooltips,
the 原始表格 page and the exports.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from enum import StrEnum

from budget.model import Money, MoneyUnit
from budget.vocabulary import NOT_REPORTED


class DisplayUnit(StrEnum):
    YUAN = "元"
    WAN_YUAN = "万元"
    YI_YUAN = "亿元"


DISPLAY_UNITS: tuple[DisplayUnit, ...] = tuple(DisplayUnit)
DEFAULT_UNIT = DisplayUnit.WAN_YUAN  # how budgets are discussed; 元 figures overflow a card

# Yuan per unit: exact integers, so every conversion is an exact Decimal division.
_YUAN_PER = {DisplayUnit.YUAN: 1, DisplayUnit.WAN_YUAN: 10**4, DisplayUnit.YI_YUAN: 10**8}
_TWO_PLACES = Decimal("0.01")


def unit_of(value: str | MoneyUnit | DisplayUnit | None) -> DisplayUnit:
    """A display unit from its name ("万元"), a document's money unit, or the default."""
    try:
        return DisplayUnit(str(value))
    except ValueError:
        return DEFAULT_UNIT


def in_unit(money: Money, unit: DisplayUnit) -> Decimal:
    """The exact amount of ``money`` expressed in ``unit`` (no rounding)."""
    yuan_per_printed = _YUAN_PER[DisplayUnit(str(money.unit))]
    if yuan_per_printed == _YUAN_PER[unit]:
        return money.amount
    return money.amount * yuan_per_printed / _YUAN_PER[unit]


def rounded(money: Money, unit: DisplayUnit) -> Decimal:
    """The amount in ``unit`` rounded half-up to two decimals (what the screen shows)."""
    amount = in_unit(money, unit)
    # Enough digits for the whole figure: the default 28 would refuse a long one.
    with localcontext() as context:
        context.prec = max(context.prec, amount.adjusted() + 4)
        return amount.quantize(_TWO_PLACES, ROUND_HALF_UP)


def figure(money: Money | None, unit: DisplayUnit, with_unit: bool = True) -> str:
    """ "37,151.46 万元": two decimals in the display unit; "—" when not reported."""
    if money is None:
        return NOT_REPORTED
    text = f"{rounded(money, unit):,f}"
    return f"{text} {unit}" if with_unit else text


def exact(money: Money | None) -> str:
    """The figure exactly as printed, with its unit ("371,514,612.00 元"); "—" when blank."""
    return NOT_REPORTED if money is None else money.format()


def is_rounded(money: Money | None, unit: DisplayUnit) -> bool:
    """True when the two-decimal figure in ``unit`` differs from the exact amount."""
    return money is not None and rounded(money, unit) != in_unit(money, unit)


def geometry(money: Money | None, unit: DisplayUnit) -> float:
    """Bar length or sector size: a float only for drawing, never for a figure read."""
    return 0.0 if money is None else float(in_unit(money, unit))
