"""A form's title and its project's name, read off real corpus files: the preparer's line under
the title is no part of it, and a table's own title is no project's name."""

from __future__ import annotations

from pathlib import Path

import pytest

from budget.model import TableKind
from loaders.recognize.text import is_unit_line
from tests.conftest import corpus_document

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not here")


def test_the_unit_name_line_under_a_title_is_the_tables_unit_line():
    """chongqing_07 p28: "单位名称:重庆市经济和信息化委员会" under 2026年部门整体绩效目标表 (the
    title was lost and the form was a table not understood, its 11 indicators unread)."""
    d = corpus_document("chongqing_07.pdf")
    form = next(t for t in d.tables if t.page == 28)
    assert (form.kind, form.title) == (TableKind.PERFORMANCE, "2026年部门整体绩效目标表")
    assert form.unit_line == "单位名称:重庆市经济和信息化委员会"
    assert TableKind.UNKNOWN not in {t.kind for t in d.tables}
    project = next(p for p in d.performance if p.page == 28)
    assert len(project.indicators) == 11
    assert (project.indicators[0].level3, project.indicators[0].target) == ("技改专项贷融资金额", "≥100亿元")


def test_a_unit_name_line_is_a_label_and_a_name_alone():
    assert is_unit_line(["单位名称:重庆市经济和信息化委员会"])
    assert is_unit_line(["单位名称： 重庆市人民政府办公厅"])
    assert not is_unit_line(["单位名称", "编制人数", "实有人数"])  # a header row
    assert not is_unit_line(["单位名称：重庆市气象局，负责全市气象工作。"])  # a sentence


def test_a_budget_unit_line_on_a_cover_stays_in_the_narrative():
    """shanghai_01's cover prints "预算单位：上海交通职业技术学院" under its heading: text of the
    cover, not the unit line of the first table (which prints its own)."""
    d = corpus_document("shanghai_01.pdf")
    assert any(s.text == "预算单位：上海交通职业技术学院" for s in d.sections)


def test_a_table_title_that_names_no_project_is_no_projects_name():
    """wuhan_02 p46: 表1：项目年度绩效指标表 in a 绩效评价报告 is a table's number and a form's words:
    its project is left unnamed, not named by the title nor after the form before it (another
    project's 自评表)."""
    d = corpus_document("wuhan_02.pdf")
    assert [p.name for p in d.performance] == [
        "信访干部培训专项",
        "信访研究宣传立法专项",
        "资产运行维护",
        "信息化运行维护",
        "",
    ]
    assert len(d.performance[-1].indicators) == 9
    assert d.tables[d.performance[-1].table].title == "表1：项目年度绩效指标表"  # the table keeps its title


def test_a_forms_header_block_alone_on_its_page_goes_on_in_the_indicators_under_its_number():
    """xian_20 pp. 81-82: the 部门整体支出 form's header block fills p81, its indicators follow on p82
    under their own header and the number "表15" printed again (before: a project with no
    indicators and one named "表15" with 23); xian_12's 自评表 over two pages keeps its name."""
    d = corpus_document("xian_20.pdf")
    assert [(p.name, len(p.indicators)) for p in d.performance] == [
        ("市民政局专项业务", 23),
        ("2021年部门整体支出", 23),
        ("专项资金", 20),
    ]
    assert d.performance[1].goals[0] == "目标1：保障城市和农村困难群众基本生活，实现应报尽保；"
    first = corpus_document("xian_12.pdf").performance[0]
    assert (first.name, len(first.indicators)) == ("西安市卫生健康委员会部门整体支出绩效自评表（2022年度）", 20)


def test_a_goal_label_alone_in_its_row_has_the_goal_under_it():
    """chongqing_07 p28: "当年整体绩效目标" fills its row, the goal is the row under it (before: no
    goal read); xian_06 p50's "年度总体目标" row over the indicator header, left blank, reads none."""
    form = next(p for p in corpus_document("chongqing_07.pdf").performance if p.page == 28)
    assert len(form.goals) == 1 and form.goals[0].startswith("全市规模工业增加值不低于5%,全市生产新能源汽车120万辆")
    blank = next(p for p in corpus_document("xian_06.pdf").performance if p.name.startswith("部门整体支出"))
    assert blank.goals == () and len(blank.indicators) == 25
