"""budget.model: Money keeps its unit and its printed digits; a blank is not zero."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budget.model import Money, MoneyUnit, total_of

YUAN, WAN = MoneyUnit.YUAN, MoneyUnit.WAN_YUAN


def test_adding_yuan_to_wan_yuan_raises():
    with pytest.raises(ValueError, match="money units differ"):
        Money(Decimal("1"), YUAN) + Money(Decimal("1"), WAN)
    with pytest.raises(ValueError):
        Money(Decimal("1"), YUAN) - Money(Decimal("1"), WAN)
    with pytest.raises(ValueError):
        _ = Money(Decimal("1"), YUAN) < Money(Decimal("1"), WAN)
    with pytest.raises(TypeError):
        Money(Decimal("1"), YUAN) + Decimal("1")  # type: ignore[operator]


def test_conversion_is_exact_and_equality_needs_the_same_unit():
    assert Money(Decimal("12121164"), YUAN).to(WAN) == Money(Decimal("1212.1164"), WAN)
    assert Money(Decimal("1212.1164"), WAN).to(YUAN).amount == Decimal("12121164")
    assert Money(Decimal("10000"), YUAN) != Money(Decimal("1"), WAN)


def test_printed_digits_and_display():
    assert Money(Decimal("1065.08"), WAN).quantum == Decimal("0.01")
    assert Money(Decimal("9501164"), YUAN).quantum == Decimal("1")
    assert Money(Decimal("14348853.34"), YUAN).plain() == "14348853.34"
    assert Money(Decimal("1065.08"), WAN).format() == "1,065.08 万元"
    assert Money(Decimal("2.250000"), WAN).format(with_unit=False) == "2.25"


def test_a_blank_is_not_zero():
    assert total_of([None, None]) is None
    assert total_of([None, Money(Decimal("0.00"), WAN)]) == Money(Decimal("0.00"), WAN)
    assert total_of([Money(Decimal("1.10"), WAN), None, Money(Decimal("2.25"), WAN)]) == Money(Decimal("3.35"), WAN)
