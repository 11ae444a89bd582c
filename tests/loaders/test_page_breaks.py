"""Ruled forms whose tall merged cells run over a page break (loaders/rulings.py and the
continuation of forms in loaders/recognize/assemble.py).

A long 项目支出绩效目标表 prints one project per row group: its name, amounts and goal in tall
cells on the left, its indicators row by row on the right. Where the page breaks inside a
group, the tall cells have no rule under them on that page (and none over them on the next):
their vertical rules run to the table's last rule, drawn under the indicators only. The
tables below are read from the corpus files named; the small grids are built from the
coordinates of beijing_meteo_part2 p33 (points, top down).
"""

from __future__ import annotations

import functools
from decimal import Decimal
from pathlib import Path

import pytest

from budget.model import TableKind
from loaders import pdf
from loaders.blocks import Grid
from loaders.rulings import find_tables
from tests.conftest import corpus_document

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not here")


@functools.cache
def blocks(name: str) -> tuple:
    return tuple(pdf.read((CORPUS / name).read_bytes()))


def grids_on(name: str, page: int) -> list[Grid]:
    return [b for b in blocks(name) if isinstance(b, Grid) and b.page == page]


def width(grid: Grid) -> int:
    return max(sum(c.span for c in row) for row in grid.rows)


# ---------------------------------------------------------------- the grid of a page (rulings)

LEFT = [58.9, 127.7, 191.9, 256.1, 320.3]  # project name | amounts | … | goal: the tall cells' sides
RIGHT = [439.3, 494.2, 549.0, 603.8, 660.4, 725.8, 782.3]  # the indicators' columns
TOP, BOTTOM = 76.6, 497.8
ROWS = [97.2, 117.4, 300.0]


def page_33(extra_h=(), extra_v=(), right_bottom=BOTTOM):
    """The page's rulings: a rule across the top, the indicators' row rules, the last rule
    under the indicators only; the tall cells' sides run down to it."""
    h = [(LEFT[0], TOP, RIGHT[-1], TOP)] + [(RIGHT[0], y, RIGHT[-1], y) for y in [*ROWS, BOTTOM]]
    v = [(x, TOP, x, BOTTOM) for x in LEFT] + [(x, TOP, x, right_bottom) for x in RIGHT]
    return h + list(extra_h), v + list(extra_v)


def columns(cells) -> list[float]:
    return sorted({c[0] for c in cells})


def test_cells_left_open_by_the_page_end_are_closed_at_the_last_rule():
    (table,) = find_tables(*page_33())
    assert columns(table) == [*LEFT, *RIGHT[:-1]]  # 11 columns, the tall cells among them
    assert (LEFT[0], TOP, LEFT[1], BOTTOM) in table  # the project name's cell, top to bottom


def test_a_rule_that_does_not_end_its_table_is_not_drawn_on():
    """The indicators' sides go on past the rule (the table goes on below it): the rule is not
    where the page stops the table, the tall cells are not closed there."""
    (table,) = find_tables(
        *page_33(right_bottom=BOTTOM + 40, extra_h=[(RIGHT[0], BOTTOM + 40, RIGHT[-1], BOTTOM + 40)])
    )
    assert columns(table) == RIGHT[:-1]


def test_a_rule_with_another_rule_below_its_span_is_not_drawn_on():
    """A rule lower on the page over the tall cells' columns (a chart's axis, another table):
    the last rule is not the page's end there."""
    below = (LEFT[0], BOTTOM + 60, LEFT[-1], BOTTOM + 60)
    tables = find_tables(*page_33(extra_h=[below]))
    assert columns(tables[0]) == RIGHT[:-1]


def test_verticals_of_another_table_beside_the_rule_are_not_joined():
    """Verticals ending on the rule's line that meet only rules of their own, away from the
    rule's table, belong to another table: the rule is not drawn over to them."""
    h, v = page_33()
    v = [e for e in v if e[0] not in LEFT]
    other = [(20.0, 400.0, 50.0, 400.0)]
    tables = find_tables(h + other, v + [(20.0, 400.0, 20.0, BOTTOM), (50.0, 400.0, 50.0, BOTTOM)])
    assert all(min(c[0] for c in t) >= RIGHT[0] for t in tables)


# ---------------------------------------------------------------- real pages


@needs_corpus
def test_meteo_p33_grid_has_the_tall_cells_beside_the_indicators():
    """beijing_meteo_part2 p33: the project 气象综合探测系统维持费 goes on from p32 over the
    page; before, p33 came out as the six indicator columns only and the tall cells' text as
    paragraphs."""
    (grid,) = grids_on("beijing_meteo_part2.pdf", 33)
    assert width(grid) == 11
    first = [c.text for c in grid.rows[0]]
    assert first[0].replace("\n", "").startswith("11000021T000000125622")
    assert first[1] == first[2] == "1,088.030000"
    assert first[7] == "数据上报率和准确率"


@needs_corpus
def test_meteo_projects_go_on_over_the_pages():
    """预算12表 项目支出绩效目标表 runs p17–p45; p34–p45 were one unknown table of 141 rows."""
    d = corpus_document("beijing_meteo_part2.pdf")
    projects = {p.name: p for p in d.performance}
    assert not [t for t in d.tables if t.kind is TableKind.UNKNOWN and t.page and t.page >= 33]
    detection = projects["11000021T000000125622-气象综合探测系统维持费"]
    names = [i.level3 for i in detection.indicators]
    assert len(names) == 22  # 17 rows on p33, 5 on p34
    assert names[1] == "观测站维护数量" and names[-2] == "用户抽样满意度"
    hail = projects["11000022T000000433310-人工防雹项目"]
    assert hail.amount.amount == Decimal("454.110000")
    assert [i.level3 for i in hail.indicators][0] == "机构运行正常"
    assert len(hail.indicators) == 6


@needs_corpus
def test_xian_forms_have_their_side_columns_on_every_page():
    """xian_18 p35 and xian_14 p79: the side label, 一级 and 二级 cells open at both ends of the
    page (the whole page inside one group): closed at the page's first and last rules."""
    (grid,) = grids_on("xian_18.pdf", 35)  # before: 指标内容 | 指标值 only
    assert width(grid) == 6 and [c.text for c in grid.rows[0][:3]] == ["", "产出指标", "质量指标"]
    (grid,) = grids_on("xian_14.pdf", 79)
    assert [c.text for c in grid.rows[0][:3]] == ["年度绩效指标", "", "成本指标"]  # before: 指标4… first
    d = corpus_document("xian_14.pdf")
    assert not [t for t in d.tables if t.kind is TableKind.UNKNOWN and t.page in (78, 79, 80)]


@needs_corpus
def test_a_chart_of_bars_of_one_height_is_not_a_table():
    """xian_17 p12: two bars of one height standing on the axis, under the chart's gridlines:
    their tops are not a table's last rule (the page goes on below them), no grid between."""
    assert all(any(c.text for row in g.rows for c in row) for g in grids_on("xian_17.pdf", 12))


@needs_corpus
def test_sides_drawn_on_under_a_whole_row_close_no_cell():
    """beijing_greening_part2 p1 预算01表: the columns' sides run on 14 pt below the table's
    last rule (收入总计 | 支出总计), over a tiny rule at the right edge: no tall cell is open
    there, so no empty row is added under the totals."""
    (grid,) = grids_on("beijing_greening_part2.pdf", 1)
    assert [c.text for c in grid.rows[-1]][1:4:2] == ["收入总计", "支出总计"]
