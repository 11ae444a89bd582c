"""Performance forms (绩效目标表) whose indicator columns are more than 一级 | 二级 | 三级 |
指标值: the unit and the comparison printed in columns of their own, a header cell over two
columns before the indicator headers, and forms naming the indicator with no levels at all.
Each layout is built as a small Word document and read off a real corpus file."""

from __future__ import annotations

from pathlib import Path

import pytest

from budget.checks import run
from budget.export.contract import disclosure_to_dict
from loaders import load
from tests.conftest import corpus_document
from tests.writers import Span, docx_of

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not here")


def read(*items):
    return load(docx_of(*items), "form.docx")


def by_name(d, name):
    return next(i for p in d.performance for i in p.indicators if i.level3 == name)


def findings(d, rule):
    return [f for f in run(d).findings if f.rule == rule]


# ---------------------------------------------------------------- 度量单位 and 指标值类型 columns (长沙)

UNIT_COLUMNS = [
    ["一级指标", "二级指标", "三级指标", "指标值", "指标值内容", "度量单位", "指标值类型", "备注"],
    ["成本指标", "经济成本指标", "总成本", "35.78", "不超过预算", "万元", "≤", ""],
    ["产出指标", "质量指标", "经费分档精准率", "95", "实际拨付档次与考核评价档次一致", "%", "≥", ""],
    ["", "时效指标", "区县经费调拨及时性", "按时", "确保资金及时调拨", "", "定性", ""],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "90%", "群众评价满意的件数/参与评价件数", "%", "≥", ""],
]


def test_the_unit_and_the_comparison_printed_beside_the_value_join_it():
    d = read("项目支出绩效目标表", UNIT_COLUMNS)
    assert by_name(d, "总成本").target == "≤35.78万元"
    assert by_name(d, "经费分档精准率").target == "≥95%"
    assert (by_name(d, "区县经费调拨及时性").target, by_name(d, "区县经费调拨及时性").comparison) == ("按时", "定性")
    assert by_name(d, "群众满意度").target == "≥90%"  # the unit already printed with the value
    assert by_name(d, "经费分档精准率").comparison == "≥"
    assert not [f for f in findings(d, "PERF-QUANT") if f.template == "no_unit"]
    printed = [i for p in disclosure_to_dict(d)["performance"] for i in p["indicators"]]
    assert {i["level3"]: i["comparison"] for i in printed}["区县经费调拨及时性"] == "定性"  # parse --json carries it


def test_the_comparison_column_before_the_value_is_not_the_value():
    """changsha_01 部门整体支出绩效目标表: 指标值类型 | 指标值 | 计量单位, in that order."""
    d = read(
        "部门整体支出绩效目标表",
        [
            ["一级指标", "二级指标", "三级指标", "指标值类型", "指标值", "计量单位", "指标解释"],
            ["产出指标", "数量指标", "接待走访群众数量", "≥", "3000", "人次", "人民来访接待中心接访人次"],
        ],
    )
    assert by_name(d, "接待走访群众数量").target == "≥3000人次"


@needs_corpus
def test_changsha_forms_carry_the_unit_of_their_unit_column():
    d = corpus_document("changsha_01.pdf")
    project, whole = d.performance
    assert project.indicators[2].level3 == "总成本" and project.indicators[2].target == "≤35.78万元"
    assert whole.indicators[0].level3 == "基本支出不超预算（不含年中调整数）"
    assert whole.indicators[0].target == "≤1517.95万元"
    assert not [f for f in findings(d, "PERF-QUANT") if f.template == "no_unit"]


# ---------------------------------------------------------------- a header cell over two columns (北京 预算12表)


def test_indicator_headers_after_a_cell_over_two_columns_keep_their_columns():
    """北京 预算12表: "其中：" spans 财政资金 and 其他资金, so every header after it stands one
    column left of its values; 绩效指标性质 is the comparison, 本年绩效指标值 the value."""
    header = [
        "项目名称",
        "项目总额",
        Span("其中：", 2),
        "绩效目标",
        "一级指标",
        "二级指标",
        "三级指标",
        "绩效指标性质",
        "本年绩效指标值",
        "绩效度量单位",
    ]
    rows = [
        header,
        ["", "", "财政资金", "其他资金", "", "", "", "", "", "", ""],
        ["千家万户赏花", "30.00", "30.00", "", "赠送国庆花坛花卉", "产出指标", "质量指标", "花卉满足花坛要求"]
        + ["定性", "满足", ""],
        ["", "", "", "", "", "成本指标", "经济成本指标", "购买花卉", "≤", "29", "万元"],
    ]
    d = read("预算12表 项目支出绩效目标表", rows)
    flowers = by_name(d, "购买花卉")
    assert (flowers.level1, flowers.level2, flowers.target, flowers.comparison) == (
        "成本指标",
        "经济成本指标",
        "≤29万元",
        "≤",
    )
    assert by_name(d, "花卉满足花坛要求").target == "满足"


@needs_corpus
@pytest.mark.parametrize(
    "name, level3, target",
    [
        ("beijing_greening_part2.pdf", "购买花卉", "≤29万元"),
        ("beijing_meteo_part2.pdf", "重大安全生产事故", "=0次"),
    ],
)
def test_beijing_forms_read_the_value_and_the_name(name, level3, target):
    d = corpus_document(name)
    ind = by_name(d, level3)
    assert ind.target == target and ind.level1 in ("成本指标", "效益指标")
    values = [i.target for p in d.performance for i in p.indicators]
    assert "定性" not in values and "定量" not in values


# ---------------------------------------------------------------- indicators named with no levels (重庆)

NAMED_ONLY = [
    ["项目名称", "科技发展专项", "主管部门", "重庆市科学技术局"],
    ["当年预算", "109,703.00", "市级支出", "109,703.00"],
    ["当年绩效目标", "2026年布局关键技术不少于260项", "", ""],
    ["绩效指标", "指标名称", "指标性质", "指标值", "计量单位", "指标权重(%)", "是否核心"],
    ["", "技术合同成交额", "≥", "950", "亿元", "20", "是"],
    ["", "年度预算执行率", "=", "100", "%", "10", "否"],
]


def test_indicators_named_beside_their_value_without_levels_are_read():
    d = read("市级重点专项资金绩效目标表", NAMED_ONLY)
    (project,) = d.performance
    assert project.name == "科技发展专项"
    assert [(i.level3, i.target) for i in project.indicators] == [
        ("技术合同成交额", "≥950亿元"),
        ("年度预算执行率", "=100%"),
    ]


@needs_corpus
@pytest.mark.parametrize(
    "name, project, count, first",
    [
        ("chongqing_06.pdf", "科技发展专项", 6, ("技术合同成交额", "≥950亿元")),
        ("chongqing_05.pdf", "水库移民后期扶持", 6, ("完工项目验收率", "≥90%")),
    ],
)
def test_chongqing_special_fund_forms_have_their_indicators(name, project, count, first):
    d = corpus_document(name)
    form = next(p for p in d.performance if p.name == project)
    assert len(form.indicators) == count and (form.indicators[0].level3, form.indicators[0].target) == first
    assert not [f for f in findings(d, "PERF-LEVELS") if f.template == "none"]


# ---------------------------------------------------------------- two forms in one grid, a header printed again


def test_a_second_form_block_and_a_repeated_header_are_no_indicators():
    """西安: the next form's 项目名称 … 年度目标 rows follow the indicators in the same grid;
    重庆: the indicator header is printed again at the top of the next page."""
    header = ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值"]
    d = read(
        "项目支出绩效目标表",
        [
            ["项目名称", "法治建设会议", "", "", ""],
            header,
            ["", "产出指标", "数量指标", "法治建设会议(场)", "≥4"],
            header,
            ["", "满意度指标", "服务对象满意度指标", "服务对象满意度（%）", "≥90"],
            ["项目名称", "国家统一法律职业资格考试", "", "", ""],
            ["资金金额（万元）", "实施期资金总额：", "360.77", "", ""],
            ["年度目标", "完成考试机位、场地的保障", "", "", ""],
            header,
            ["", "产出指标", "数量指标", "客观题报考人数（人）", "≥16000"],
        ],
    )
    inds = [i for p in d.performance for i in p.indicators]
    assert [(i.level1, i.level3, i.target) for i in inds] == [
        ("产出指标", "法治建设会议(场)", "≥4"),
        ("满意度指标", "服务对象满意度（%）", "≥90"),
        ("产出指标", "客观题报考人数（人）", "≥16000"),
    ]


@needs_corpus
def test_chongqing_form_over_two_pages_with_a_stray_stop_in_its_unit_header():
    """chongqing_07 p. 30–31: "计量。单位" heads the unit column; the header repeats on p. 31."""
    d = corpus_document("chongqing_07.pdf")
    form = next(p for p in d.performance if p.name == "市工业和信息化专项")
    assert form.indicators[0].level3 == "全市软件和信息服务业产值规模" and form.indicators[0].target == "≥5600亿元"
    assert len(form.indicators) == 16 and "指标名称" not in [i.level3 for i in form.indicators]
