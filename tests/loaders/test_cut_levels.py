"""A 一级 label cut in two: over two rows, the merged cell's text set across the line between them
("效" on one row, "益指标" on the next, xian_17 p52's 中小企业、民营经济综合服务信息费 form), or by
a page break ("效益指" above it, "标" below, xian_05 p37-38).

The rows are that form's as read (before: 一级 "效" for the first indicator, "益指标" for the
others, and the second indicator with no 二级: a PERF-LEVELS finding)."""

from __future__ import annotations

from pathlib import Path

import pytest

from budget.model import Source
from loaders.blocks import Cell, Grid, Paragraph
from loaders.recognize import build
from tests.conftest import corpus_document

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
NAME = "中小企业、民营经济综合服务信息费"

FORM = (
    ("项目名称", NAME),
    ("主管部门", "西安市工业和信息化局"),
    ("资金金额（万元）", "实施期资金总额：", "8.00"),
    ("年度绩效指标", "一级指标", "二级指标", "指标内容", "指标值", "备注"),
    ("", "产出指标", "成本指标", "指标2：国家中小企业公共示范服务平台申报材料打印", "0.8万元", ""),
    ("", "效", "经济效益指标", "指标1：提高中小企业信息平台发展服务能力", "提升", ""),
    ("", "益指标", "", "指标2：网站和公众号的满意度", "提升", ""),
    ("", "", "社会效益指标", "指标1：提高本单位社会影响力，提高发展服务能力", "提高", ""),
    ("", "满意度指标", "服务对象满意度指标", "指标1：服务企业满意度", "≥98%", ""),
)


def levels(project):
    return [(i.level1, i.level2) for i in project.indicators]


def grid(rows, page: int) -> Grid:
    return Grid(tuple(tuple(Cell(c) for c in row) for row in rows), page)


def model(blocks, name: str):
    """The blocks recognised as a document named ``name`` (the code reads no file)."""
    return build(blocks, Source(name, "pdf", "0" * 64))


def read(rows):
    return model([Paragraph("2022年部门预算专项业务经费绩效目标表", 52), grid(rows, 52)], "xian_17.pdf")


def test_a_first_level_label_cut_over_two_rows_is_one_label():
    (project,) = read(FORM).performance
    assert levels(project) == [
        ("产出指标", "成本指标"),
        ("效益指标", "经济效益指标"),
        ("效益指标", "经济效益指标"),
        ("效益指标", "社会效益指标"),
        ("满意度指标", "服务对象满意度指标"),
    ]


def test_a_whole_first_level_label_under_a_piece_is_not_joined_to_it():
    """The second row printing "效益指标" whole: it is no end of the "效" above, the rows keep
    what they print (and the 二级 ends with the 一级, as before)."""
    rows = list(FORM)
    rows[6] = ("", "效益指标", "", "指标2：网站和公众号的满意度", "提升", "")
    (project,) = read(rows).performance
    assert levels(project)[1:3] == [("效", "经济效益指标"), ("效益指标", None)]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not here")
def test_xian_17_benefit_indicators_keep_their_levels():
    d = corpus_document("xian_17.pdf")
    project = next(p for p in d.performance if p.name == NAME)
    assert [(i.level1, i.level2) for i in project.indicators if i.level3 and i.level3.startswith("指标2：网站")] == [
        ("效益指标", "经济效益指标")
    ]
    assert {i.level1 for i in project.indicators} == {"产出指标", "效益指标", "满意度指标"}


# xian_05 p37-38, 购买中介机构审计服务: the 一级 cell 效益指标 cut by the page break, "效益指" in
# the last row of p37, "标" in the first row of p38 (and both printed again between the parts)
AUDIT_37 = (
    ("项目名称", "购买中介机构审计服务"),
    ("主管部门", "西安市审计局"),
    ("年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "分值权重（90分）"),
    ("", "产出指标", "时效指标", "参与审计项目时限", "3个月内", "9"),
    ("", "效益指", "经济效益指标", "避免财政资金损失浪费", "≥1亿元", "15"),
)
AUDIT_38 = (
    ("", "标", "社会效益指标", "带动就业与人才培养", "≥50人", "15"),
    ("", "满意度指标", "服务对象满意度指标", "聘请中介机构满意度", "≥90%", "10"),
)


def read_audit(first_page):
    blocks = [
        Paragraph("部门专项业务经费绩效目标表(2026年度)", 37),
        grid(first_page, 37),
        Paragraph("标", 37),
        Paragraph("效益指", 38),
        grid(AUDIT_38, 38),
    ]
    return model(blocks, "xian_05.pdf")


def test_the_end_of_a_label_cut_by_the_page_break_goes_back_on_its_beginning():
    (project,) = read_audit(AUDIT_37).performance
    assert levels(project) == [
        ("产出指标", "时效指标"),
        ("效益指标", "经济效益指标"),  # before: 效益指
        ("效益指标", "社会效益指标"),  # before: 效益指
        ("满意度指标", "服务对象满意度指标"),
    ]


def test_a_whole_label_above_the_page_break_is_kept_as_printed():
    """The label printed whole above the break (and "标" below it, a piece printed again): the
    cell keeps it, nothing is added."""
    first_page = (*AUDIT_37[:-1], ("", "效益指标", *AUDIT_37[-1][2:]))
    (project,) = read_audit(first_page).performance
    assert levels(project)[1:3] == [("效益指标", "经济效益指标"), ("效益指标", "社会效益指标")]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not here")
def test_xian_05_audit_benefit_indicators_read_their_whole_first_level():
    d = corpus_document("xian_05.pdf")
    project = next(p for p in d.performance if p.name == "购买中介机构审计服务")
    assert [i.level1 for i in project.indicators if i.level2 in ("经济效益指标", "社会效益指标")] == ["效益指标"] * 2
