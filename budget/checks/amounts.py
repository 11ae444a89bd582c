"""Exact comparison of printed amounts, with the rounding envelope.

Every printed figure is rounded to its last digit. A total of n rounded items may
therefore differ from the sum of the items by up to n × half a unit of that digit: a
difference inside this envelope is a rounding note, outside it an error. Amounts in
different units (a 万元 sentence against a 元 table) are compared in the finer unit,
after an exact conversion.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from budget.model import Money, MoneyUnit

HALF = Decimal("0.5")
WAN = Decimal(10000)


def finer(units: Sequence[MoneyUnit]) -> MoneyUnit:
    return MoneyUnit.YUAN if MoneyUnit.YUAN in units else MoneyUnit.WAN_YUAN


def quantum_in(money: Money, unit: MoneyUnit) -> Decimal:
    """One unit of the figure's last printed digit, expressed in ``unit``."""
    if money.unit == unit:
        return money.quantum
    if unit == MoneyUnit.YUAN:
        return money.quantum * WAN
    return money.quantum / WAN


@dataclass(frozen=True, slots=True)
class Comparison:
    actual: Money  # the printed figure
    expected: Money  # what the other figures say (a sum, or the figure elsewhere)
    tolerance: Decimal  # the rounding envelope, in the unit of actual/expected
    items: int  # how many rounded figures were summed

    @property
    def difference(self) -> Money:
        return self.actual - self.expected

    @property
    def equal(self) -> bool:
        return self.actual.amount == self.expected.amount

    @property
    def rounding(self) -> bool:
        """Different, but by no more than rounding explains."""
        return not self.equal and abs(self.difference.amount) <= self.tolerance

    @property
    def mismatch(self) -> bool:
        return abs(self.difference.amount) > self.tolerance


def envelope(figures: Sequence[Money], items: int, unit: MoneyUnit) -> Decimal:
    """n × half a unit of the coarsest last digit among the non-zero figures.

    Zeros are skipped: "0" is often printed without decimals in a table of 万元 with two.
    """
    quanta = [quantum_in(f, unit) for f in figures if f.amount != 0]
    if not quanta:
        return Decimal(0)
    return max(quanta) * HALF * max(items, 1)


def compare_sum(actual: Money, parts: Sequence[Money | None], rounded: int | None = None) -> Comparison:
    """The printed ``actual`` against the sum of the reported ``parts`` (blanks skipped).

    ``rounded``: how many rounded figures lie under the sum when more than the parts (a
    total worked out from the unrounded 项 below the printed 类)."""
    present = [p for p in parts if p is not None]
    unit = finer([actual.unit, *(p.unit for p in present)])
    total = Money(Decimal(0), unit)
    for part in present:
        total = total + part.to(unit)
    printed = actual.to(unit)
    items = max(len(present), rounded or 0)
    tolerance = envelope([actual, *present], items, unit)
    return Comparison(printed, total, tolerance, items)


def compare(actual: Money, expected: Money) -> Comparison:
    """Two printings of the same figure (in the same or another unit)."""
    return compare_sum(actual, [expected])


def exceeds(part: Money, whole: Money) -> Comparison | None:
    """The comparison when ``part`` is larger than ``whole`` beyond rounding, else None."""
    comparison = compare(part, whole)
    if comparison.difference.amount > comparison.tolerance:
        return comparison
    return None


def add_up(figures: Sequence[Money]) -> Money | None:
    """The sum of figures printed in one unit; None when there are none."""
    return sum(figures[1:], figures[0]) if figures else None


def zero(unit: MoneyUnit) -> Money:
    return Money(Decimal(0), unit)


def or_zero(money: Money | None, unit: MoneyUnit) -> Money:
    return money if money is not None else zero(unit)
