"""Tables continued over pages: what the next page prints again is header, the rest is data.

Small Word documents with a page break inside a table, the way the corpus prints them
(the header repeated on each page, a 预算单位 section per unit); the figures are those of
the files named.
"""

from __future__ import annotations

from decimal import Decimal

from budget.model import TableKind
from loaders import load
from tests.loaders.test_layouts import SHENZHEN_HEADER, SHENZHEN_ROWS
from tests.writers import PAGE_BREAK, docx_of

D = Decimal


def read(*items):
    return load(docx_of(*items), "layout.docx")


def test_a_body_row_on_the_next_page_equal_to_a_first_row_is_kept():
    """shenzhen_06 表3 by 预算单位: the second unit on the next page prints a 201 line with the
    same figures as the first unit's, which is one of the table's first four rows. Only the
    header printed again at the top of the page is header: the line is kept (before, every
    row equal to one of the first four rows was dropped, so the second unit lost its 201)."""
    second_unit = [
        [
            "深圳市信访局机关服务中心",
            "",
            "",
            "3,459.13",
            "1,866.84",
            "1,592.29",
            "0.00",
            "0.00",
            "0.00",
            "1,100.30",
            "156.69",
            "0.00",
        ],
        SHENZHEN_ROWS[1],  # "" | 201 | 一般公共服务支出 | 3,459.13 … as the first unit's
        [
            "",
            "20140",
            "信访事务",
            "3,459.13",
            "1,866.84",
            "1,592.29",
            "0.00",
            "0.00",
            "0.00",
            "1,100.30",
            "156.69",
            "0.00",
        ],
    ]
    d = read(
        "表3",
        "支出总表",
        "部门名称：深圳市信访局 单位：万元",
        SHENZHEN_HEADER + SHENZHEN_ROWS,
        PAGE_BREAK,
        "表3",
        "支出总表",
        "部门名称：深圳市信访局 单位：万元",
        SHENZHEN_HEADER + second_unit,
    )
    tables = d.tables_of(TableKind.EXPENDITURE)
    assert len(tables) == 1
    assert len(tables[0].rows) == len(SHENZHEN_ROWS) + len(second_unit)  # the header once, every body row
    coded = [(ln.unit, ln.code) for ln in tables[0].lines if ln.code]
    assert coded[-2:] == [("深圳市信访局机关服务中心", "201"), ("深圳市信访局机关服务中心", "20140")]
    assert [ln.amount for ln in (tables[0].lines[-2].total,)] == [D("3459.13")]
