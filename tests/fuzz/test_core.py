"""Property: the recognition core gives a Disclosure or a LoadError for any blocks a
reader can produce, and the check and every page frame run on it; and the check and
the pages run on real models whose figures are absurd (zero, negative, huge, blank)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from budget.model import Disclosure, Format, Line, Money
from loaders.blocks import Cell, Grid, Paragraph
from tests.fuzz import seeds
from tests.fuzz.harness import exercise_blocks, exercise_model
from tests.fuzz.mutate import NASTY_TEXT, Chooser, Draw

# Words real tables and narratives are made of, so random blocks often look like one.
WORDS = [
    "收支预算总表",
    "一般公共预算财政拨款支出表",
    "部门收入总表",
    "“三公”经费支出表",
    "项目绩效目标表",
    "政府采购预算表",
    "科目编码",
    "科目名称",
    "功能分类科目",
    "经济分类科目",
    "项目",
    "合计",
    "总计",
    "小计",
    "基本支出",
    "项目支出",
    "人员经费",
    "公用经费",
    "本年收入",
    "本年支出",
    "预算数",
    "金额",
    "栏次",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
    "产出指标",
    "数量指标",
    "单位：万元",
    "单位：元",
    "201",
    "20101",
    "2010101",
    "301",
    "30101",
    "1,065.08",
    "53.84",
    "0",
    "0.00",
    "-",
    "",
    "一、收支预算总体情况",
    "二、收入预算情况",
    "（一）",
    "1.",
    "注：",
    "一般公共服务支出（类）53.84万元，比上年增加1.39%。",
    "“三公”经费预算2.56万元。",
] + NASTY_TEXT

texts = st.sampled_from(WORDS)
cells = st.builds(Cell, texts, st.integers(1, 4))
rows = st.lists(cells, min_size=1, max_size=8).map(tuple)
grids = st.builds(Grid, st.lists(rows, min_size=1, max_size=12).map(tuple), st.none() | st.integers(1, 30))
paragraphs = st.builds(Paragraph, texts, st.none() | st.integers(1, 30), st.booleans())


@given(st.lists(st.one_of(grids, paragraphs), min_size=1, max_size=30), st.sampled_from(list(Format)))
def test_recognition_of_random_blocks(blocks, fmt):
    exercise_blocks("blocks", blocks, fmt)


ABSURD = [None, "0", "-0.00", "-1065.08", "0.01", "1E+30", "99999999999999999999999999.99", "1E-30", "7"]


def _money(value: Money | None, chooser: Chooser) -> Money | None:
    choice = chooser.choice(ABSURD)
    if value is None:
        return None if chooser.integer(0, 1) else Money(Decimal(choice or "1"), unit=_UNIT[0])
    return None if choice is None else Money(Decimal(choice), value.unit)


_UNIT: list = []


def _line(line: Line, chooser: Chooser) -> Line:
    return dataclasses.replace(line, values={k: _money(v, chooser) for k, v in line.values.items()})


def absurd_model(d: Disclosure, chooser: Chooser) -> Disclosure:
    """The model with some of its figures replaced by absurd ones, some tables' lines
    dropped and some sections emptied: what a document could print."""
    _UNIT[:] = [d.unit.money_unit]
    tables = []
    for table in d.tables:
        action = chooser.integer(0, 5)
        if action == 0:
            table = dataclasses.replace(table, lines=tuple(_line(ln, chooser) for ln in table.lines))
        elif action == 1:
            table = dataclasses.replace(table, lines=table.lines[:1], rows=table.rows[:1])
        elif action == 2:
            table = dataclasses.replace(table, lines=(), rows=(), empty=True)
        tables.append(table)
    sections = tuple(
        dataclasses.replace(s, text=chooser.choice(NASTY_TEXT)) if chooser.integer(0, 3) == 0 else s for s in d.sections
    )
    three = d.three_public
    if three is not None:
        three = dataclasses.replace(
            three,
            **{
                f.name: _money(getattr(three, f.name), chooser)
                for f in dataclasses.fields(three)
                if f.name != "total_printed"
            },
        )
    return dataclasses.replace(
        d,
        tables=tuple(tables),
        sections=sections,
        functional=tuple(_line(ln, chooser) for ln in d.functional),
        economic=tuple(_line(ln, chooser) for ln in d.economic),
        three_public=three,
        performance=d.performance[: chooser.integer(0, len(d.performance))],
    )


@given(st.data(), st.sampled_from(["seed", "fuliyuan"]))
def test_check_and_pages_on_absurd_figures(data, name):
    exercise_model("model", absurd_model(seeds.models()[name], Draw(data)))
