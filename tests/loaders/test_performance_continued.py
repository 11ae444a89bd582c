"""Performance forms (绩效目标表) running over two or more pages, read off real corpus files:
the continuation page repeats no title and often no indicator header, only the indicator rows,
and its indicators belong to the form before it."""

from __future__ import annotations

from pathlib import Path

import pytest

from budget.model import TableKind
from loaders import load
from tests.conftest import corpus_document
from tests.writers import docx_of

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not here")


def project(d, name):
    return next(p for p in d.performance if p.name == name)


def indicator(p, name):
    return next(i for i in p.indicators if i.level3 == name)


def levels(i):
    return i.level1, i.level2, i.level3, i.target


def test_rows_spread_over_other_columns_on_the_next_page_go_on_in_the_form():
    """xian_05 p43: the 部门整体支出 form's rows go on in six cells over six columns where p42
    spread them over eight, under pieces of the cut side label ("数量指", "标", "年度" …)
    (before: a table not understood, the form with 10 indicators of 22)."""
    d = corpus_document("xian_05.pdf")
    assert TableKind.UNKNOWN not in {t.kind for t in d.tables}
    form = project(d, "部门整体支出绩效目标表（2026年度）")
    assert len(form.indicators) == 22
    assert levels(indicator(form, "促进被审计单位建立完善管理制度（项）")) == (
        "产出指标",
        "数量指标",
        "促进被审计单位建立完善管理制度（项）",
        "≥18",
    )


def test_rows_without_the_side_column_go_on_under_the_levels_above():
    """xian_06 p51: the side label's column is not printed on the new page (five cells for the
    form's six), and the 二级 质量指标 of the rows above goes on (before: 19 indicators of 25)."""
    d = corpus_document("xian_06.pdf")
    form = project(d, "部门整体支出绩效目标表（2026年度）")
    assert len(form.indicators) == 25
    assert levels(indicator(form, "社情民意调查访问覆盖率（%）")) == (
        "产出指标",
        "质量指标",
        "社情民意调查访问覆盖率（%）",
        "100",
    )
    assert levels(indicator(form, "数据上报及时率（%）"))[:2] == ("产出指标", "时效指标")


def test_rows_with_a_side_column_of_their_own_go_on_in_the_form():
    """xian_18 pp. 41-43: the form of p40 prints no side column, its next pages print the side
    label in one more cell at the left (before: two tables not understood, 14 indicators of 100)."""
    d = corpus_document("xian_18.pdf")
    assert TableKind.UNKNOWN not in {t.kind for t in d.tables}
    form = project(d, "西安市安全生产监督管理局")
    assert len(form.indicators) == 100
    assert levels(indicator(form, "指标1：工矿商贸企业事故死亡人数")) == (
        "产出指标",
        "质量指标",
        "指标1：工矿商贸企业事故死亡人数",
        "有一定幅度下降",
    )
    assert levels(indicator(form, "指标2：加强对全市安全生产状况的掌控"))[:2] == ("效益指标", "社会效益指标")


def test_rows_under_the_table_number_printed_again_go_on_in_the_form():
    """xian_20 p84 ("表16" again above the rows) and xian_14 p83 (a name that ends in 指标,
    "专项资金不涉及该项指标", is no level)."""
    special = project(corpus_document("xian_20.pdf"), "专项资金")
    assert len(special.indicators) == 20
    name = "保障城市和农村居民的最低生活，让困难群众及时得到救助，实现团结稳定"
    assert levels(indicator(special, name)) == ("效益指标", "社会效益指标", name, "有效提升")
    trade = project(corpus_document("xian_14.pdf"), "外经贸发展专项资金")
    assert len(trade.indicators) == 70
    name = "指标11：对完成投资和建设的公共服务和创新创业平台项目奖补标准"
    assert levels(indicator(trade, name))[1:] == ("成本指标", name, "按投资额30% 且≤100万元/家")


def test_the_next_form_without_an_indicator_header_is_the_next_project():
    """xian_09 p63 prints the last 专项资金 form with no 一级指标 | 二级指标 row: it is read under
    the header of the form before, in the same layout (before: a table not understood)."""
    d = corpus_document("xian_09.pdf")
    assert TableKind.UNKNOWN not in {t.kind for t in d.tables}
    last = d.performance[-1]
    assert (last.name, len(last.indicators)) == ("技工学校国家助学金和免学费", 9)
    assert levels(last.indicators[0]) == (
        "产出指标",
        "数量指标",
        "指标：申报国家助学金人数；申报免学费人数",
        "7375人；30195人",
    )
    assert [p.name for p in d.performance][-2] == "城乡居民养老保险"  # the form before keeps its own
    assert len(d.performance[-2].indicators) == 9


def test_a_titled_table_after_a_form_is_a_table_of_its_own():
    """wuhan_02 p48: 表2：综合评价得分情况表 after the 项目年度绩效指标表, its header naming 一级指标:
    a table of its own, the form before unchanged."""
    d = corpus_document("wuhan_02.pdf")
    assert [t.kind for t in d.tables][-2:] == [TableKind.PERFORMANCE, TableKind.UNKNOWN]
    assert d.tables[-1].title == "表2：综合评价得分情况表"
    assert len(d.performance[-1].indicators) == 9


# ---------------------------------------------------------------- a 一级 label printed below its first rows


def test_a_level1_printed_below_its_first_rows_is_theirs():
    """xian_11: the 一级 cell 产出指标 begins on one page and prints its label on the next, below
    13 数量指标 rows (before: 13 indicators with no 一级); xian_21 其他履职经费: 效益指标 printed
    in the middle of its cell, the 社会效益指标 cell beside it going on (before: no 二级)."""
    form = project(corpus_document("xian_11.pdf"), "2022年部门整体支出")
    assert levels(indicator(form, "媒体宣传等")) == ("产出指标", "数量指标", "媒体宣传等", "10-15项")
    assert not [i for i in form.indicators if i.level1 is None]
    other = project(corpus_document("xian_21.pdf"), "其他履职经费")
    assert levels(indicator(other, "指标 1：最大限度地减轻气象灾害造成的损失"))[:2] == ("效益指标", "经济效益指标")
    assert levels(indicator(other, "指标 3：西安城市安全运行"))[:2] == ("效益指标", "社会效益指标")


FORM = [
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["", "数量指标", "培训人次", "≥200"],
    ["", "", "培训场次", "≥4"],
    ["产出指标", "", "培训覆盖率", "100%"],
    ["效益指标", "社会效益指标", "业务水平", "提升"],
]


def test_a_level1_is_given_to_the_rows_above_only_where_the_framework_puts_their_level2():
    d = load(docx_of("项目支出绩效目标表", FORM), "form.docx")
    assert [(i.level1, i.level2) for i in d.performance[0].indicators] == [
        ("产出指标", "数量指标"),
        ("产出指标", "数量指标"),
        ("产出指标", "数量指标"),
        ("效益指标", "社会效益指标"),
    ]
    own = [FORM[0], ["", "工作指标", "培训人次", "≥200"], *FORM[2:]]  # a 二级 of the form's own name
    d = load(docx_of("项目支出绩效目标表", own), "form.docx")
    assert [(i.level1, i.level2) for i in d.performance[0].indicators] == [
        (None, "工作指标"),
        (None, "工作指标"),
        ("产出指标", None),
        ("效益指标", "社会效益指标"),
    ]
