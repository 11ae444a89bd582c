"""budget.vocabulary: codes and levels, name comparison, money and share labels."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budget import vocabulary
from budget.model import Money, MoneyUnit


def test_levels_and_parents_of_codes():
    assert [vocabulary.level_of_code(c) for c in ("201", "20101", "2010101", "2010", "", None)] == [
        1,
        2,
        3,
        None,
        None,
        None,
    ]
    assert [vocabulary.parent_code(c) for c in ("2010101", "20101", "201")] == ["20101", "201", None]
    assert vocabulary.clean_code(" 201 01 ") == "20101" and vocabulary.clean_code("  ") is None


def test_squash_keeps_forms_fold_folds_them():
    assert vocabulary.squash(" 一般 公共\n服务（支出） ") == "一般公共服务（支出）"
    assert vocabulary.fold(" 一般 公共服务（支出）１ ") == "一般公共服务(支出)1"


def test_money_label_never_shows_blank_as_zero():
    assert vocabulary.money_label(None) == "—"
    assert vocabulary.money_label(Money(Decimal("1065.08"), MoneyUnit.WAN_YUAN)) == "1,065.08 万元"
    assert (
        vocabulary.share_label(Money(Decimal("1"), MoneyUnit.WAN_YUAN), Money(Decimal("3"), MoneyUnit.WAN_YUAN))
        == "33.3%"
    )
    # across units, exactly: 479,100 元 of 156,211,123 元 as 47.91 万元
    assert vocabulary.share(
        Money(Decimal("47.91"), MoneyUnit.WAN_YUAN), Money(Decimal("156211123"), MoneyUnit.YUAN)
    ) == Decimal("0.3")


def test_a_small_share_is_not_shown_as_nothing():
    """xian_10: 80.77 of 227,123.37 万元 rounds to 0.0 %; a zero part is 0.0 %."""
    whole = Money(Decimal("227123.37"), MoneyUnit.WAN_YUAN)
    assert vocabulary.share_label(Money(Decimal("80.77"), MoneyUnit.WAN_YUAN), whole) == "<0.1%"
    assert vocabulary.share_label(Money(Decimal("-80.77"), MoneyUnit.WAN_YUAN), whole) == ">-0.1%"
    assert vocabulary.share_label(Money(Decimal("0"), MoneyUnit.WAN_YUAN), whole) == "0.0%"


@pytest.mark.parametrize(
    ("part", "whole"),
    [
        ("1" * 40, "0.01"),  # a percent too long for quantize (InvalidOperation before)
        ("9" * 30, "0.0000001"),
        ("1", "0.00"),  # a zero total printed with places
        ("1", "Infinity"),
        ("1", "NaN"),
        ("Infinity", "5"),
        ("1E+999990", "1E-999990"),  # the quotient overflows the context
    ],
)
def test_share_is_none_when_undefined_or_absurd(part, whole):
    assert vocabulary.share(Money(Decimal(part), MoneyUnit.YUAN), Money(Decimal(whole), MoneyUnit.YUAN)) is None


def test_share_of_large_but_printable_figures():
    big = Money(Decimal("123456789012345678"), MoneyUnit.YUAN)
    assert vocabulary.share(big, Money(Decimal("1"), MoneyUnit.YUAN)) == Decimal("12345678901234567800.0")
    assert vocabulary.share(Money(Decimal("1"), MoneyUnit.YUAN), big) == Decimal("0.0")
