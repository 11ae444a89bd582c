"""One display unit per page: exact conversion, two decimals only in the text shown."""

from __future__ import annotations

from decimal import Decimal

from budget.model import Money, MoneyUnit
from budget.views.display import DisplayUnit, exact, figure, geometry, in_unit, is_rounded, unit_of

Y, W, YI = DisplayUnit.YUAN, DisplayUnit.WAN_YUAN, DisplayUnit.YI_YUAN


def test_a_yuan_figure_in_every_unit():
    # 上海市普陀区社会福利院 支出总计, printed in 元
    total = Money(Decimal("12121164.00"), MoneyUnit.YUAN)
    assert in_unit(total, W) == Decimal("1212.1164")
    assert figure(total, Y) == "12,121,164.00 元"
    assert figure(total, W) == "1,212.12 万元"
    assert figure(total, YI, with_unit=False) == "0.12"
    assert exact(total) == "12,121,164.00 元"
    assert is_rounded(total, W) and not is_rounded(total, Y)


def test_a_wan_yuan_figure_in_every_unit():
    three = Money(Decimal("2.56"), MoneyUnit.WAN_YUAN)  # the seed's 三公经费
    assert figure(three, Y) == "25,600.00 元"
    assert figure(three, W) == "2.56 万元"
    assert figure(three, YI) == "0.00 亿元"
    assert exact(three) == "2.56 万元"
    assert geometry(three, Y) == 25600.0


def test_half_up_rounding_and_blank_cells():
    assert figure(Money(Decimal("0.005"), MoneyUnit.WAN_YUAN), W) == "0.01 万元"
    assert figure(Money(Decimal("-1.005"), MoneyUnit.WAN_YUAN), W) == "-1.01 万元"
    assert figure(None, W) == "—" and exact(None) == "—" and geometry(None, W) == 0.0


def test_unit_names():
    assert unit_of("亿元") == YI and unit_of(MoneyUnit.YUAN) == Y
    assert unit_of("nonsense") == W and unit_of(None) == W
