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


def test_a_thirty_digit_amount_in_a_word_table_reaches_every_page():
    data = edit_document(seed_docx(), lambda xml: xml.replace(">1065.08<", ">" + "9" * 30 + ".125<"))
    assert exercise("regression", data, "big.docx") is not None
