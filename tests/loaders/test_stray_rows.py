"""A table row a page break left outside the rulings, with its text cell wrapped over the lines
above and below it (xian_23's 经济分类科目 comparison tables in the narrative, pp. 30-31 and 33-34):
the row and its cell go back into the table, and the table is one over both pages.

The blocks are xian_23 p30-31 as the PDF reader gives them (the row "(2)商品和服务支出（302）…" and
its 主要原因 as three lines of text between the two grids)."""

from __future__ import annotations

from pathlib import Path

import pytest

from budget.model import Source, TableKind
from loaders.blocks import Cell, Grid, Paragraph
from loaders.recognize import build
from tests.conftest import corpus_document

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"

HEADER = ("经济分类科目", "2022年", "2021年", "2022比2021", "主要原因")
PAGE_30 = (
    HEADER,
    ("合计", "93,664.77", "60,634.18", "33,030.59", ""),
    ("(1)工资福利支出（301）", "4182.68", "4516.14", "-333.46", "2022年度人员经费绩效增量标准降低导致经费减少。"),
)
PAGE_31 = (
    ("(3)对个人和家庭的补助 （303）", "202.56", "77.18", "125.38", "2022年度局机关增加37.21万元。"),
    ("(4)债务利息及费用支出（307）", "", "", "0", ""),
)
ABOVE = "2022年度人员增加，日常公用经费正常增加36.33万元，专项业"
ROW = "(2)商品和服务支出（302） 1768.13 1113.91 654.22"
BELOW = "务费增加612.10万元。"


def grid(rows, page):
    return Grid(tuple(tuple(Cell(c) for c in row) for row in rows), page)


def read(*between):
    blocks = [
        Paragraph("3.支出按经济科目分类的明细情况", 30),
        grid(PAGE_30, 30),
        *(Paragraph(text, 31) for text in between),
        grid(PAGE_31, 31),
        Paragraph("4、本部门无2021年结转财政资金一般公共预算拨款资金支出。", 31),
    ]
    return build(blocks, Source("xian_23.pdf", "pdf", "0" * 64))


def test_a_stray_row_takes_back_its_wrapped_cell_and_the_table_goes_on():
    d = read(ABOVE, ROW, BELOW)
    (table,) = d.tables
    assert table.pages == (30, 31)
    assert [row[0] for row in table.rows] == [
        "合计",
        "(1)工资福利支出（301）",
        "(2)商品和服务支出（302）",
        "(3)对个人和家庭的补助（303）",
        "(4)债务利息及费用支出（307）",
    ]
    assert table.rows[2][1:] == ("1768.13", "1113.91", "654.22", ABOVE + BELOW)
    assert ABOVE not in "".join(s.text for s in d.sections)  # in its cell, no longer narrative


def test_a_stray_row_with_its_cells_all_on_its_line_leaves_the_lines_around_it_alone():
    """The same row with its reason printed on its own line: no cell is empty for the lines
    around it, so they stay text of the page, and the parts stay two tables (as before)."""
    d = read(ABOVE, ROW + " 日常公用经费增加。", BELOW)
    assert len(d.tables) == 2
    assert d.tables[1].header == (("(2)商品和服务支出（302）", "1768.13", "1113.91", "654.22", "日常公用经费增加。"),)
    narrative = "".join(s.text for s in d.sections)
    assert ABOVE in narrative and BELOW in narrative


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not here")
def test_xian_23_comparison_tables_are_one_table_each_over_their_two_pages():
    """Before: four unknown tables (p30, p31, p33, p34), the 302 and 507 rows' 主要原因 empty and
    their words in the narrative. After: two, each over two pages, every row's reason in place."""
    d = corpus_document("xian_23.pdf")
    comparisons = [t for t in d.tables if t.kind == TableKind.UNKNOWN and t.header and t.header[0][0] == "经济分类科目"]
    assert [t.pages for t in comparisons] == [(30, 31), (33, 34)]
    rows = {row[0]: row for t in comparisons for row in t.rows}
    assert rows["(2)商品和服务支出（302）"][1:] == (
        "1768.13",
        "1113.91",
        "654.22",
        "2022年度人员增加，日常公用经费正常增加36.33万元，专项业务费增加612.10万元。",
    )
    assert rows["(6)对企业的补助（507）"][1:] == (
        "87,446.00",
        "54906.95",
        "32539.05",
        "2022年度局机关科技发展专项资金增加24000万元，金融专项资金增加8916万元。",
    )
