"""Shared look-ups of budget.checks.places (the overview reads the summary totals through them)."""

from __future__ import annotations

from decimal import Decimal

from budget.views import overview
from budget.checks.places import side_line
from budget.model import Money, MoneyUnit, TableKind
from tests.budget.checks.helpers import set_values


def test_side_line_printed_skips_a_blank_total(seed):
    summary = seed.table(TableKind.SUMMARY)
    assert side_line(summary, "income", "收入总计").total == Money(Decimal("1452.21"), MoneyUnit.WAN_YUAN)
    blank = set_values(seed, TableKind.SUMMARY, "收入总计", side="income", total=None)
    table = blank.table(TableKind.SUMMARY)
    assert side_line(table, "income", "收入总计").total is None
    assert side_line(table, "income", "收入总计", printed="total") is None
    # the overview then falls back to the income table's 合计
    assert overview.income_total(blank) == Money(Decimal("1452.21"), MoneyUnit.WAN_YUAN)
