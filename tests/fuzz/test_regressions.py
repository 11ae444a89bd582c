"""Every input the fuzz suite found that failed, kept as a small named test."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budget.model import Money, MoneyUnit
from tests.fuzz.harness import exercise
from tests.hostile import edit_document, seed_docx


@pytest.mark.parametrize(
    ("amount", "places", "printed"),
    [
        ("1E+30", None, "1,000,000,000,000,000,000,000,000,000,000"),
        ("99999999999999999999999999.99", 2, "99,999,999,999,999,999,999,999,999.99"),
        ("123456789012345678901234567890.125000", None, "123,456,789,012,345,678,901,234,567,890.125000"),
        ("1E-30", None, "0.000000000000000000000000000001"),
        ("2.250000", None, "2.25"),
    ],
)
def test_money_format_of_absurd_amounts(amount, places, printed):
    """model fuzz: InvalidOperation in Money.format (quantize over 28 digits) on a
    30-digit amount, which any table cell can print."""
    assert Money(Decimal(amount), MoneyUnit.WAN_YUAN).format(with_unit=False, places=places) == printed


def test_a_blank_figure_over_printed_parts_is_compared_as_a_printable_zero():
    """model fuzz (ARITH-HIER and ARITH-TOTALS on a model in 元): a blank figure over
    printed parts is compared as zero through Money(0, unit), an int amount that
    Money.format could not print (AttributeError, which the engine reports as
    "规则运行出错" and the rule as not run)."""
    from budget.checks import arithmetic
    from budget.checks.core import Context, Settings
    from loaders import load

    d = load(seed_docx(), "seed.docx")
    table = d.tables[0]
    comparison = arithmetic._printed_against_sum(
        Context(d, Settings()), table, None, [None, Money(Decimal("7"), MoneyUnit.WAN_YUAN)]
    )
    assert comparison is not None and comparison.actual.format() == "0 万元"


def test_a_thirty_digit_amount_in_a_word_table_reaches_every_page():
    data = edit_document(seed_docx(), lambda xml: xml.replace(">1065.08<", ">" + "9" * 30 + ".125<"))
    assert exercise("regression", data, "big.docx") is not None
