"""原始表格: amounts get separators, digits as printed; amount columns found."""

from __future__ import annotations

from dataclasses import replace

from budget.model import TableKind
from budget.views.tables import amount_columns, printed, with_separators


def test_separators_keep_every_printed_digit():
    assert with_separators("14348853.34") == "14,348,853.34"
    assert with_separators("-1536") == "-1,536"
    assert with_separators("1,536.00") == "1,536.00"  # already separated
    assert with_separators("2013602 ") == "2,013,602"  # only called on amount columns
    assert with_separators("—") == "—" and with_separators("") == ""


def test_expenditure_table_of_the_seed(seed_docx):
    table = seed_docx.table(TableKind.EXPENDITURE)
    shown = printed(table)
    assert shown.amount_columns == frozenset(i for i, k in enumerate(table.column_keys) if k is not None)
    first = list(shown.frame.iloc[0])
    assert "1,452.21" in first
    codes = shown.frame.iloc[:, 1]
    assert "2013602" in list(codes)  # the code column is not an amount column


def test_unrecognised_tables_get_their_amount_columns_from_the_cells(seed_docx):
    # the seed's expenditure table as if its kind had not been recognised: no column keys
    table = replace(seed_docx.table(TableKind.EXPENDITURE), kind=TableKind.UNKNOWN, column_keys=())
    shown = printed(table)
    # 合计, 基本支出, 项目支出 hold amounts with decimals; 序号 and the codes are bare digits;
    # the blank columns (经营支出 …) hold nothing to align
    assert shown.amount_columns == frozenset({3, 4, 5})
    assert amount_columns(table, shown.frame) == frozenset({3, 4, 5})
