"""A bar chart's gridlines, ruled like a table but with no word in any cell (xian_17's and
xian_21's charts in their 部门人员情况 and 收支说明 sections): not a table, its figures are text
of the page; a table's rows of figures cut off on the next page stay in the table.

The blocks are xian_17 p9 as the PDF reader gives it: the chart's axis and title as lines of
text, its gridlines as a grid of five rows, the bars' labels in two of its cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from budget.model import Source, TableKind
from loaders.blocks import Cell, Grid, Paragraph
from loaders.recognize import build
from tests.conftest import corpus_document

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"

INTRO = "2022年本部门当年一般公共预算拨款支出105364.27万元，较上年增加29447.58万元。"
CHART = (("", ""), ("", ""), ("", ""), ("1419.73", ""), ("458.2 186.84 653.23", ""))
AFTER = "2、支出按功能科目分类的明细情况。"


def grid(rows, page):
    return Grid(tuple(tuple(Cell(c) for c in row) for row in rows), page)


# xian_17 p6, the table before the charts
UNITS = (
    ("序号", "单位名称", "拟变动情况"),
    ("1", "西安市工业和信息化局（机关）", "无"),
    ("2", "西安市节能监察支队", "无"),
)


def read(*blocks):
    before = [Paragraph("纳入本部门2022年部门预算编制范围的二级预算单位共有6个，包括：", 6), grid(UNITS, 6)]
    heading = Paragraph("1、一般公共预算当年拨款规模变化情况。", 9)
    return build([*before, heading, *blocks], Source("xian_17.pdf", "pdf", "0" * 64))


def test_a_chart_is_text_of_its_page():
    d = read(Paragraph(INTRO, 9), Paragraph("100000", 9), grid(CHART, 9), Paragraph("80000", 9), Paragraph(AFTER, 9))
    assert [t.kind for t in d.tables] == [TableKind.ORGANISATION]  # before: and an unknown of five rows
    text = "\n".join(s.text for s in d.sections)
    assert "100000\n1419.73\n458.2 186.84 653.23\n80000" in text


def test_figures_of_a_table_cut_off_on_the_next_page_are_not_a_chart():
    """The same number of cells, but filled: a table's last rows (amounts under the header of the
    page before) stay a table."""
    rows = (("1419.73", "458.2"), ("186.84", "653.23"), ("102180.52", "465.73"))
    d = read(Paragraph(INTRO, 9), grid(rows, 9))
    table = d.tables[-1]
    assert len(d.tables) == 2
    assert "1419.73" in [c for row in (*table.header, *table.rows) for c in row]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not here")
def test_xian_17_and_xian_21_charts_are_no_tables():
    """Before: 5 unknown tables in xian_17 (pp. 7, 9, 11, 12, 13) and 3 in xian_21 (pp. 7, 8, 10),
    each a chart's gridlines; after: none, the bars' labels in the narrative where printed."""
    d17, d21 = corpus_document("xian_17.pdf"), corpus_document("xian_21.pdf")
    assert [t.page for t in d17.tables if t.kind == TableKind.UNKNOWN] == []
    # xian_21's one unknown table left is the figures under its chart, a table with a header
    assert [(t.page, t.header[0]) for t in d21.tables if t.kind == TableKind.UNKNOWN] == [
        (10, ("年度", "总收入支出", "专项业务费", "基本支出"))
    ]
    text = "\n".join(s.text for s in d17.sections)
    assert "\n1419.73\n458.2 186.84 653.23\n" in text
    assert "\n3910.86 4620.92 279.28 73.21\n" in text
