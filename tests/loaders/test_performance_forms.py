"""Performance forms (绩效目标表) whose indicator columns are more than 一级 | 二级 | 三级 |
指标值: the unit and the comparison printed in columns of their own, a header cell over two
columns before the indicator headers, and forms naming the indicator with no levels at all.
Each layout is built as a small Word document and read off a real corpus file."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from budget.checks import run
from budget.model import Money, MoneyUnit, TableKind
from budget.export.contract import disclosure_to_dict
from loaders import load
from tests.conftest import corpus_document
from tests.writers import PAGE_BREAK, Span, docx_of

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
    project, *_, whole = d.performance
    assert project.indicators[0].level3 == "总成本" and project.indicators[0].target == "≤35.78万元"
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
    # the block printed again starts the next project, with its own money and goal
    meeting, exam = d.performance
    assert (meeting.name, meeting.amount, len(meeting.indicators)) == ("法治建设会议", None, 2)
    assert (exam.name, exam.amount.amount, exam.goals, len(exam.indicators)) == (
        "国家统一法律职业资格考试",
        Decimal("360.77"),
        ("完成考试机位、场地的保障",),
        1,
    )


@needs_corpus
def test_xian_two_projects_printed_in_one_grid_are_two():
    """xian_04 p. 58: 法治建设会议's form ends and 国家统一法律职业资格考试's block follows in the same grid."""
    d = corpus_document("xian_04.pdf")
    forms = {p.name: p for p in d.performance}
    meeting, exam = forms["法治建设会议"], forms["国家统一法律职业资格考试"]
    assert (meeting.amount.amount, len(meeting.indicators)) == (Decimal("20.09"), 8)
    assert (exam.amount.amount, len(exam.indicators), exam.indicators[0].level3) == (
        Decimal("360.77"),
        15,
        "考试机位、场地租赁费（万元）",
    )
    assert exam.amount.unit == MoneyUnit.WAN_YUAN  # "资金金额（万元）"


@needs_corpus
def test_chongqing_form_over_two_pages_with_a_stray_stop_in_its_unit_header():
    """chongqing_07 p. 30–31: "计量。单位" heads the unit column; the header repeats on p. 31."""
    d = corpus_document("chongqing_07.pdf")
    form = next(p for p in d.performance if p.name == "市工业和信息化专项")
    assert form.indicators[0].level3 == "全市软件和信息服务业产值规模" and form.indicators[0].target == "≥5600亿元"
    assert len(form.indicators) == 16 and "指标名称" not in [i.level3 for i in form.indicators]


# ---------------------------------------------------------------- several projects in one form


def test_a_project_column_whose_value_changes_starts_the_next_project():
    """长沙 项目支出绩效目标表: 单位（项目）名称 | 资金总额 | 绩效目标 beside the indicators, each
    project's cells merged down its rows; the 合计 and the unit's own line come first, and a
    project's line is printed again at the top of the next page."""
    goal = "根据年终考核及综合评价情况，分档次将信访工作经费调拨至各区县（市）。"
    rows = [
        [Span(h, rows=2) for h in ("单位编码", "单位（项目）名称", "资金总额", "绩效目标")]
        + [Span("绩效指标", cols=6)],
        ["一级指标", "二级指标", "三级指标", "指标值", "度量单位", "指标值类型"],
        ["合计", "", "45.99", "", "", "", "", "", "", ""],
        ["126001", "长沙市信访局", "45.99", "", "", "", "", "", "", ""],
        [Span("126001", rows=2), Span("基层及其他信访业务工作经费专项", rows=2), Span("35.78", rows=2)]
        + [Span(goal, rows=2), "成本指标", "经济成本指标", "总成本", "35.78", "万元", "≤"],
        ["产出指标", "数量指标", "调拨经费单位数", "10", "个", "≥"],
        ["126001", "基层及其他信访业务工作经费专项", "35.78", goal, "产出指标", "时效指标", "区县经费调拨及时性"]
        + ["按时", "", "定性"],
        [Span("", rows=2), Span("人民来访接待中心及特护期运行专项", rows=2), Span("10.21", rows=2)]
        + [
            Span("按时优质搞好来访接访中心设施设备维修。", rows=2),
            "成本指标",
            "经济成本指标",
            "总成本",
            "10.21",
            "万元",
            "≤",
        ],
        ["", "社会成本指标", "不适用社会成本指标", "无", "", "定性"],
    ]
    d = read("单位：万元", "2026年项目支出绩效目标表", rows)
    assert [(p.name, p.amount.amount, p.goals, len(p.indicators)) for p in d.performance] == [
        ("基层及其他信访业务工作经费专项", Decimal("35.78"), (goal,), 3),
        ("人民来访接待中心及特护期运行专项", Decimal("10.21"), ("按时优质搞好来访接访中心设施设备维修。",), 2),
    ]
    second = d.performance[1].indicators[1]
    assert (second.level1, second.level2, second.level3) == ("成本指标", "社会成本指标", "不适用社会成本指标")


def test_a_unit_name_column_is_no_project_column():
    """长沙 部门整体支出绩效目标表: 单位名称 | 资金总额 | 整体绩效目标 beside the indicators name the
    unit whose whole spending the form is about: one form, titled by its year, with that money."""
    rows = [
        [Span(h, rows=2) for h in ("单位编码", "单位名称", "资金总额", "整体绩效目标")]
        + [Span("部门整体支出年度绩效目标", cols=5)],
        ["一级指标", "二级指标", "三级指标", "指标值类型", "指标值"],
        [Span("126001", rows=2), Span("长沙市信访局", rows=2), Span("1,935.36", rows=2)]
        + [
            Span("推动信访法治化工作进一步走深走实", rows=2),
            "成本指标",
            "经济成本指标",
            "项目支出控制数",
            "≤",
            "417.41",
        ],
        ["产出指标", "数量指标", "接待走访群众数量", "≥", "3000"],
    ]
    d = read("单位：万元", "2026年部门整体支出绩效目标表", rows)
    (form,) = d.performance
    assert (form.name, form.amount.amount, form.goals, len(form.indicators)) == (
        "2026年部门整体支出",
        Decimal("1935.36"),
        ("推动信访法治化工作进一步走深走实",),
        2,
    )


@needs_corpus
def test_changsha_project_forms_are_read_project_by_project():
    d = corpus_document("changsha_01.pdf")
    assert [(p.amount.amount, len(p.indicators), len(p.goals) > 0) for p in d.performance] == [
        (Decimal("35.78"), 16, True),
        (Decimal("10.22"), 16, True),
        (Decimal("102.80"), 23, True),
        (Decimal("138.11"), 21, True),
        (Decimal("1935.36"), 25, True),
    ]
    d = corpus_document("changsha_02.pdf")
    assert all(p.name for p in d.performance)  # the forms carry no title: every name is the project's own
    upkeep = next(p for p in d.performance if p.name == "大院运行和维修经费")
    assert upkeep.amount.amount == Decimal("2791.51")
    assert "日常运转服务覆盖建筑面积" in [i.level3 for i in upkeep.indicators]
    assert not [f for f in run(d).findings if f.rule.startswith("PERF") and f.params.get("project") == ""]


@needs_corpus
@pytest.mark.parametrize(
    "name, projects, first, amount, indicators",
    [
        ("beijing_greening_part2.pdf", 15, "11000025T000003353562-千家万盆鲜花祝福祖国", Decimal("30.00"), 6),
        ("beijing_meteo_part2.pdf", 34, None, None, None),  # 16 before the forms over p33-p45 were joined
    ],
)
def test_beijing_project_forms_name_each_project(name, projects, first, amount, indicators):
    d = corpus_document(name)
    forms = [p for p in d.performance if "预算13表" not in p.name]
    assert len(forms) == projects and all(p.name.startswith("110000") and p.amount and p.goals for p in forms)
    if first:
        assert (forms[0].name, forms[0].amount.amount, len(forms[0].indicators)) == (first, amount, indicators)
    assert None not in [i.level1 for p in forms for i in p.indicators]  # no sub-header line read as one


# ---------------------------------------------------------------- levels joined in one cell (北京 预算13表)

WHOLE_JOINED = [
    [Span("部门名称", cols=2), "首都绿化委员会办公室", "", "", ""],
    [Span("总体资金情况（万元）", cols=2, rows=3), "预算支出总额", Span("财政拨款", cols=3)],
    ["", "合计", "基本支出", "项目支出"],
    ["5,133.737491", "5,133.737491", "950.088291", "4,183.649200"],
    [Span("整体绩效目标", cols=2), Span("在市委市政府和首都绿化委员会的坚强领导下，认真贯彻落实。", cols=4)],
    ["", "活动", "绩效指标", "指标性质", "指标值", "度量单位"],
    ["", "重大植树活动保障", "产出指标数量指标白皮松、车梁木等花卉苗木", "＝", "413200", "株"],
    ["", "全民义务植树补助", "成本指标经济成本指标国市级基地一等补助", "≤", "100", "万元"],
    ["", "全民义务植树补助", "效益指标社会效益指标推动义务植树创新组织形式", "定性", "效果显著", ""],
]


def test_levels_and_name_printed_in_one_indicator_cell_are_split():
    d = read("预算13表 部门整体支出绩效目标表（2026年度）", WHOLE_JOINED)
    (form,) = d.performance
    assert [(i.level1, i.level2, i.level3, i.target) for i in form.indicators] == [
        ("产出指标", "数量指标", "白皮松、车梁木等花卉苗木", "=413200株"),
        ("成本指标", "经济成本指标", "国市级基地一等补助", "≤100万元"),
        ("效益指标", "社会效益指标", "推动义务植树创新组织形式", "效果显著"),
    ]
    assert form.goals == ("在市委市政府和首都绿化委员会的坚强领导下，认真贯彻落实。",)
    assert form.amount == Money(Decimal("5133.737491"), MoneyUnit.WAN_YUAN)  # under 预算支出总额


def test_a_name_cell_not_starting_with_a_level_is_kept_whole():
    rows = [r[:] for r in WHOLE_JOINED]
    rows[6] = ["", "重大植树活动保障", "白皮松、车梁木等花卉苗木", "＝", "413200", "株"]
    d = read("预算13表 部门整体支出绩效目标表（2026年度）", rows)
    first = d.performance[0].indicators[0]
    assert (first.level1, first.level2, first.level3) == (None, None, "白皮松、车梁木等花卉苗木")


@needs_corpus
def test_beijing_whole_department_form_has_its_indicators():
    d = corpus_document("beijing_greening_part2.pdf")
    whole = d.performance[-1]
    assert whole.name.startswith("预算13表") and len(whole.indicators) == 54  # 0 before
    assert (whole.indicators[0].level1, whole.indicators[0].level2, whole.indicators[0].target) == (
        "产出指标",
        "数量指标",
        "=413200株",
    )
    assert whole.amount.amount == Decimal("5133.737491")
    assert whole.goals[0].startswith("在市委市政府和首都绿化委员会的坚强领导下")  # was "良好", a target


# ---------------------------------------------------------------- goals and money printed under their labels

BLOCK = [
    ["项目名称", "社科院院落提升改造维修项目", "", ""],
    ["资金金额（万元）", "实施期资金总额：", "28.5", ""],
    ["总体目标", "年度目标", "", ""],
    ["", "完成院落地面、锅炉房、花坛整修等修缮工程", "", ""],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "修缮面积（平方米）", "≥800"],
]


def test_a_goal_under_its_sub_label_and_money_in_the_labels_unit():
    d = read("单位：元", "部门专项业务经费绩效目标表", BLOCK)
    (form,) = d.performance
    assert form.goals == ("完成院落地面、锅炉房、花坛整修等修缮工程",)  # not "年度目标"
    assert form.amount == Money(Decimal("28.5"), MoneyUnit.WAN_YUAN)  # the label's unit, not the page's


def test_a_self_evaluation_reads_the_expected_goal_and_no_money_of_two_budgets():
    """自评表: 预期目标 | 实际完成情况 side by side, 年初预算数 | 全年预算数 under 项目资金."""
    rows = [
        ["项目名称", "信访干部培训专项", "", "", ""],
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数"],
        ["", "年度资金总额：", "180.61", "180.03", "180.03"],
        ["年度总体目标", "预期目标", "", "", "实际完成情况"],
        ["", "分级分类抓好信访系统干部培训", "", "", "总体上完成了设定目标"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"],
        ["产出指标", "数量指标", "培训班次", "≥4期", "4期"],
    ]
    d = read("信访干部培训专项项目绩效自评表", rows)
    (form,) = d.performance
    # not the 实际完成情况 header, nor the 实际完成值 column under the line that says "完成了设定目标"
    assert form.goals == ("分级分类抓好信访系统干部培训",)
    assert form.amount is None  # which budget the targets were set by is not printed


def test_a_goal_cell_over_two_pages_goes_on_where_the_project_line_is_printed_again():
    """A project's merged goal cell printed on two pages: the next page's line holds the rest."""
    rows = [
        ["单位（项目）名称", "资金总额", "绩效目标", "一级指标", "二级指标", "三级指标", "指标值"],
        [
            "信访业务工作专项",
            "138.11",
            "1.认真做好群众走访接待工作；2.推动",
            "成本指标",
            "经济成本指标",
            "总成本",
            "≤138.11万元",
        ],
        ["信访业务工作专项", "138.11", "信访问题化解。", "产出指标", "数量指标", "化解信访问题数量", "≥4000件"],
    ]
    (project,) = read("单位：万元", "项目支出绩效目标表", rows).performance
    assert project.goals == ("1.认真做好群众走访接待工作；2.推动信访问题化解。",)
    assert len(project.indicators) == 2


# ---------------------------------------------------------------- the name under 指标内容 (西安)


def test_the_indicator_named_under_its_content_header_is_read():
    """西安 2022 forms: 一级指标 | 二级指标 | 指标内容 | 指标值, with no 三级指标 column."""
    rows = [
        ["项目名称", "其他履职尽责专项业务费", "", "", ""],
        ["", "一级指标", "二级指标", "指标内容", "指标值"],
        ["", "产出指标", "数量指标", "媒体宣传等", "10-15项"],
        ["", "", "成本指标", "委托业务费", "≤20万元"],
    ]
    (form,) = read("2022年部门预算专项业务经费绩效目标表", rows).performance
    assert [(i.level1, i.level2, i.level3, i.target) for i in form.indicators] == [
        ("产出指标", "数量指标", "媒体宣传等", "10-15项"),
        ("产出指标", "成本指标", "委托业务费", "≤20万元"),
    ]


def test_a_level_column_with_its_header_unprinted_is_still_the_first_level():
    """xian_17 部门整体支出绩效目标表: the header row prints 二级指标 | 指标内容 | 指标值, not 一级指标."""
    rows = [
        ["部门（单位）名称", "西安市工业和信息化局", "", "", ""],
        ["年度总体目标", "目标1：积极宣传国家和省级各类支持政策", "", "", ""],
        ["", "", "二级指标", "指标内容", "指标值"],
        ["", "产出指标", "数量指标", "指标1：人员工资支付率", "100%"],
    ]
    (form,) = read("2022年部门整体支出绩效目标表", rows).performance
    assert [(i.level1, i.level2, i.level3, i.target) for i in form.indicators] == [
        ("产出指标", "数量指标", "指标1：人员工资支付率", "100%")
    ]


NUMBERED = [
    ["", "一级指标", "二级指标", "指标内容", "指标值"],
    ["", "效益指标", "经济效益指标", "指标 1：最大限度地减轻气象灾害造成的损失", "保护人民群众生命财产安全"],
    ["", "", "", "指标 2：做好抗旱减灾、森林防火及治污减霾工", "减少公共财政支出"],
    ["", "", "", "作", ""],
    ["", "", "", "指标 3：特色农业气象服务", "促进农业增产，农民增收"],
]


def test_a_numbered_name_wrapped_onto_a_line_of_its_own_goes_on():
    (form,) = read("部门预算专项业务经费绩效目标表", NUMBERED).performance
    assert [i.level3 for i in form.indicators] == [
        "指标 1：最大限度地减轻气象灾害造成的损失",
        "指标 2：做好抗旱减灾、森林防火及治污减霾工作",
        "指标 3：特色农业气象服务",
    ]


def test_a_name_without_a_target_in_an_unnumbered_form_stays_an_indicator():
    rows = [
        [cell.replace("指标 1：", "").replace("指标 2：", "").replace("指标 3：", "") for cell in r] for r in NUMBERED
    ]
    (form,) = read("部门预算专项业务经费绩效目标表", rows).performance
    assert [i.level3 for i in form.indicators][2:] == ["作", "特色农业气象服务"]
    assert [f.params["indicator"] for f in findings(read("部门预算专项业务经费绩效目标表", rows), "PERF-EMPTY")] == [
        "作"
    ]


@needs_corpus
def test_xian_forms_name_their_indicators():
    d = corpus_document("xian_11.pdf")
    first = d.performance[0].indicators[0]
    assert (first.level2, first.level3, first.target) == ("数量指标", "媒体宣传等", "10-15项")  # the name was None
    d = corpus_document("xian_17.pdf")
    whole = next(p for p in d.performance if p.name == "2022年部门整体支出")
    assert [(i.level1, i.level3, i.target) for i in whole.indicators][0] == (
        "产出指标",
        "指标1：人员工资支付率",
        "100%",
    )
    d = corpus_document("xian_21.pdf")
    names = [i.level3 for p in d.performance for i in p.indicators]
    assert "指标 2：做好抗旱减灾、森林防火及治污减霾工作" in names and "作" not in names


def test_a_form_continued_in_an_untitled_grid_is_named_by_the_form_before():
    """xian_12: the 部门整体支出自评表's tasks on one page, its goals and indicators in a grid of their
    own on the next, with no title and no 项目名称."""
    tasks = [
        ["部门（单位）名称", "西安市卫生健康委员会", "", ""],
        ["年度主要任务完成情况", "任务名称", "主要内容", "全年预算数（万元）"],
        ["", "一般公共服务支出", "保证日常经济运行调节方面支出。", "56"],
    ]
    indicators = [
        ["年度绩效指标完成情况", "一级指标", "二级指标", "指标内容", "年度指标值"],
        ["", "产出指标", "数量指标", "指标1：委直属医院提供门诊诊疗人次", "≥800万人次"],
        ["", "满意度指标", "服务对象满意度指标", "指标1：群众满意率", "≥80%"],
    ]
    d = read("西安市卫生健康委员会部门整体支出绩效自评表（2022年度）", tasks, PAGE_BREAK, indicators)
    assert [(p.name, len(p.indicators)) for p in d.performance] == [
        ("西安市卫生健康委员会部门整体支出绩效自评表（2022年度）", 2)
    ]
    assert not [f for f in run(d).findings if f.params.get("project") == ""]


@needs_corpus
def test_xian_12_projects_all_have_names():
    d = corpus_document("xian_12.pdf")
    assert "" not in [p.name for p in d.performance]
    assert not [f for f in run(d).findings if f.rule == "PERF-COST-CAP" and f.params.get("project") == ""]


# ---------------------------------------------------------------- a character wrapped onto the next 二级 row (西安)

WRAPPED_INTO_A_GROUP = [
    ["", "一级指标", "二级指标", "指标内容", "指标值"],
    ["", "效益指标", "社会效益指标", "发展决策水平", "明显提升"],
    ["", "", "", "1：执法程序合法率；2：执法形象；3：行政执法权威", "1：>=95%；2：有所提升"],
    ["", "", "生态效益指标", "性", ""],
    ["", "", "可持续影响指标", "交通运输行业健康发展", "长期"],
]


def test_one_character_alone_under_a_group_of_its_own_ends_the_name_above():
    d = read("2022年部门专项业务经费绩效目标表", WRAPPED_INTO_A_GROUP)
    (form,) = d.performance
    assert [(i.level2, i.level3) for i in form.indicators] == [
        ("社会效益指标", "发展决策水平"),
        ("社会效益指标", "1：执法程序合法率；2：执法形象；3：行政执法权威性"),
        ("生态效益指标", None),
        ("可持续影响指标", "交通运输行业健康发展"),
    ]
    assert not findings(d, "PERF-EMPTY")


def test_a_name_of_two_characters_under_a_group_of_its_own_is_an_indicator():
    rows = [[c.replace("性", "工期") for c in r] for r in WRAPPED_INTO_A_GROUP]
    d = read("2022年部门专项业务经费绩效目标表", rows)
    assert [i.level3 for i in d.performance[0].indicators][2] == "工期"
    assert [f.params["indicator"] for f in findings(d, "PERF-EMPTY")] == ["工期"]


@needs_corpus
def test_xian_08_reads_the_wrapped_character_into_the_name_above():
    d = corpus_document("xian_08.pdf")
    form = next(p for p in d.performance if p.name == "委托咨询业务")
    names = [i.level3 for i in form.indicators]
    assert "1：执法程序合法率；2：执法形象；3：行政执法权威性" in names and "性" not in names
    assert not [f for f in findings(d, "PERF-EMPTY") if f.params.get("project") == "委托咨询业务"]


# ---------------------------------------------------------------- a goal run out under its table (长沙)

CUT_GOAL = "移动警务终端是民警开展移动警务工作的基础性装备，为警务工作提供更可靠"
WHOLE_GOAL = CUT_GOAL + "的支撑，助推我局移动警务进入全国第一方阵。"
PROJECT_HEADER = [
    ["单位（项目）名称", "资金总额", "绩效目标", "一级指标", "二级指标", "三级指标", "指标值"],
    ["", "", "", "", "", "", ""],
]


def overflowing_form(between):
    return (
        "单位：万元",
        "项目支出绩效目标表",
        [
            *PROJECT_HEADER,
            [
                "警务辅助人员经费",
                "15470.00",
                "提升辅警的业务能力。",
                "满意度指标",
                "服务对象满意度指标",
                "辅警满意度",
                "≥90%",
            ],
            ["警务通通讯租赁费", "212.51", CUT_GOAL, "成本指标", "经济成本指标", "租赁费用", "≤284元/台"],
        ],
        *between,
        PAGE_BREAK,
        "单位：万元",
        [
            *PROJECT_HEADER,
            ["警务通通讯租赁费", "212.51", WHOLE_GOAL, "成本指标", "经济成本指标", "成本控制率", "≤100%"],
            ["", "", "", "产出指标", "数量指标", "警务通配备率", "=100%"],
        ],
    )


def test_a_goal_run_out_under_its_table_and_printed_again_whole_joins_the_pages():
    d = read(*overflowing_form(["的支撑，助推我局移动警务", "进入全国第一方阵。"]))
    assert [(p.name, len(p.indicators)) for p in d.performance] == [("警务辅助人员经费", 1), ("警务通通讯租赁费", 3)]
    assert d.performance[1].goals == (WHOLE_GOAL,)


def test_a_paragraph_between_two_forms_that_the_next_does_not_print_keeps_them_apart():
    d = read(*overflowing_form(["的支撑，助推我局移动警务", "另一段不在表中的文字。"]))
    assert [(p.name, len(p.indicators)) for p in d.performance] == [
        ("警务辅助人员经费", 1),
        ("警务通通讯租赁费", 1),
        ("警务通通讯租赁费", 2),
    ]


@needs_corpus
def test_changsha_02_reads_the_project_cut_at_the_foot_of_its_page_as_one():
    d = corpus_document("changsha_02.pdf")
    forms = [p for p in d.performance if p.name == "警务通通讯租赁费"]
    assert [(len(p.indicators), p.amount) for p in forms] == [(14, Money(Decimal("212.51"), MoneyUnit.WAN_YUAN))]
    assert forms[0].goals[0].endswith("更可靠的支撑，助推我局移动警务进入全国第一方阵。")


# ---------------------------------------------------------------- the inner columns of a form on the next pages (西安)

WHOLE_FORM = [
    ["部门（单位）名称", "西安市工业和信息化局", "", ""],
    ["年度总体目标", "目标1：积极宣传国家和省级各类支持政策。", "", ""],
    ["", "", "二级指标", "指标内容", "指标值"],
    ["", "产出指标", "数量指标", "指标1：人员工资支付率", "100%"],
]
INNER = [  # 二级 | 指标内容 | 指标值: the side label and the 一级 column printed without rulings
    ["", "指标2：审计专项资金户数", "≥700户"],
    ["质量指标", "指标1：人员履职能力", "提升"],
]
OUTER = [  # 一级 | 二级 | 指标内容 | 指标值
    ["", "", "指标2：竣工验收合格率", "≥99%"],
    ["效益指标", "社会效益指标", "指标1：人员工作状态", "提升"],
]


def test_a_form_going_on_in_its_inner_columns_on_the_next_pages_is_one_form():
    d = read("2022年部门整体支出绩效目标表", WHOLE_FORM, PAGE_BREAK, INNER, "年度绩效指标", PAGE_BREAK, OUTER)
    (form,) = d.performance
    assert [(i.level1, i.level2, i.level3, i.target) for i in form.indicators] == [
        ("产出指标", "数量指标", "指标1：人员工资支付率", "100%"),
        ("产出指标", "数量指标", "指标2：审计专项资金户数", "≥700户"),
        ("产出指标", "质量指标", "指标1：人员履职能力", "提升"),
        ("产出指标", "质量指标", "指标2：竣工验收合格率", "≥99%"),
        ("效益指标", "社会效益指标", "指标1：人员工作状态", "提升"),
    ]
    assert [t.kind for t in d.tables].count("unknown") == 0


def test_a_narrow_grid_without_levels_where_the_form_holds_them_is_a_table_of_its_own():
    other = [["", "审计专项资金户数", "≥700户"], ["重点工作", "人员履职能力", "提升"]]
    d = read("2022年部门整体支出绩效目标表", WHOLE_FORM, PAGE_BREAK, other)
    assert [len(p.indicators) for p in d.performance] == [1]
    assert len(d.tables) == 2


@needs_corpus
def test_xian_17_whole_department_form_reads_its_indicators_on_every_page():
    d = corpus_document("xian_17.pdf")
    whole = next(p for p in d.performance if p.name == "2022年部门整体支出")
    assert len(whole.indicators) == 69
    names = {i.level3: i for i in whole.indicators}
    assert (names["指标8：设备质量"].level2, names["指标8：设备质量"].target) == ("质量指标", "合格")
    assert names["指标1：人员工作状态"].level1 == "效益指标" and names["指标1：人员工作状态"].target == "提升"
    assert names["指标6：信息服务费"].level2 == "成本指标"  # the group goes on over the page


def test_a_numbered_group_is_under_the_level_printed_in_its_middle():
    """xian_09 p50 网络建设维护: the 成本指标 cell is as tall as its 13 numbered rows and prints
    its label beside 指标5, so 指标1–4 (机房基础环境维护 18万元/年 …) carried the 时效指标 above.
    The numbering starts again at 指标1 there: the group is 成本指标 from its first row. The
    时效 row before it (指标1：完成时间节点) keeps its own label."""
    project = next(p for p in corpus_document("xian_09.pdf").performance if p.name == "网络建设维护")
    levels = {i.level3: i.level2 for i in project.indicators}
    assert levels["指标1：完成时间节点"] == "时效指标"
    assert levels["指标1：机房基础环境维护"] == "成本指标" and levels["指标4: 短信使用费"] == "成本指标"
    assert [i.level2 for i in project.indicators].count("成本指标") == 13


# ---------------------------------------------------------------- a list of projects and their goals (广东)


def test_a_list_of_projects_with_goals_and_no_indicators_is_a_project_a_row():
    """深圳's and 广州's 重点项目绩效目标 table: 项目 | 预算数 | 绩效目标, a row a project, no indicators."""
    rows = [
        ["项目", "预算数（单位：万元）", "绩效目标"],
        ["公共交通财政补贴", "300,000", "通过开展公共交通财政补贴，主要达到如下目标：安排专项资金。"],
        ["公交电动化财政补贴", "12,000", "1.推广新能源公交车；\n2.提高公交电动化水平。"],
        ["合计", "312,000", ""],
    ]
    d = read("单位：元", "2026年，本部门重点项目绩效目标情况如下：", rows)
    assert [(p.name, p.amount, p.goals, p.indicators) for p in d.performance] == [
        (
            "公共交通财政补贴",
            Money(Decimal("300000"), MoneyUnit.WAN_YUAN),  # the header's unit, not the document's
            ("通过开展公共交通财政补贴，主要达到如下目标：安排专项资金。",),
            (),
        ),
        (
            "公交电动化财政补贴",
            Money(Decimal("12000"), MoneyUnit.WAN_YUAN),
            ("1.推广新能源公交车；2.提高公交电动化水平。",),
            (),
        ),
    ]


def test_a_departments_list_names_each_project_with_its_unit():
    """Units' projects of one name in a department's list are projects of their own."""
    rows = [
        ["二级预算单位名称", "一级项目名称", "预算数（万元）", "绩效目标"],
        ["某某局（本级）", "社会保障管理", "243.17", "为全市伤残职工提供劳动能力鉴定。"],
        ["某某中心", "社会保障管理", "684.15", "确保社保业务正常有序开展。"],
        ["", "社会保险专项经费", "29.40", "落实财政补贴相关政策。"],  # under the 中心's cell, printed once
    ]
    d = read("2026年，本部门重点项目绩效目标情况如下：", rows)
    assert [(p.name, p.amount) for p in d.performance] == [
        ("社会保障管理（某某局（本级））", Money(Decimal("243.17"), MoneyUnit.WAN_YUAN)),
        ("社会保障管理（某某中心）", Money(Decimal("684.15"), MoneyUnit.WAN_YUAN)),
        ("社会保险专项经费（某某中心）", Money(Decimal("29.40"), MoneyUnit.WAN_YUAN)),
    ]


@needs_corpus
def test_guangdong_lists_of_key_projects_are_read_project_by_project():
    one_unit = corpus_document("shenzhen_01.pdf")
    (project,) = one_unit.performance
    assert project.name == "管养维护项目" and project.amount == Money(Decimal("2573.40"), MoneyUnit.WAN_YUAN)
    # the goal the page cut (p. 14 to p. 15) is one goal
    assert project.goals[0].startswith("保持盐坝高速坝光收费站") and project.goals[-1].endswith("支撑作用。")
    department = corpus_document("shenzhen_02.pdf")
    assert len(department.performance) == 56
    assert len({p.name for p in department.performance}) == 56  # 社会保障管理 of 14 units, each its own
    assert department.performance[13].name == "劳动关系管理（深圳市劳动人事争议仲裁院）"
    guangzhou = corpus_document("guangzhou_01.pdf")
    assert len(guangzhou.performance) == 60 and not any(p.indicators for p in guangzhou.performance)
    (loan,) = [p for p in guangzhou.performance if p.name == "凤凰山隧道还本付息项目"]
    assert loan.amount == Money(Decimal("21379.97"), MoneyUnit.WAN_YUAN)
    assert loan.goals == (loan.goals[0],) and "年度贷款利息支出不超过63799705.73元；6." in loan.goals[0]
    # 湖州's 项目支出绩效表: 单位名称 | 项目名称 | 金额 | 项目总体绩效目标, a row of "**" under its header
    huzhou = corpus_document("huzhou_04.pdf")
    assert [(p.name, p.amount) for p in huzhou.performance][:2] == [
        ("军供保障（湖州市军用饮食供应和供水站）", Money(Decimal("35.00"), MoneyUnit.WAN_YUAN)),
        ("退役军人事务服务管理（湖州市退役军人服务中心）", Money(Decimal("2.37"), MoneyUnit.WAN_YUAN)),
    ]
    assert len(huzhou.performance) == 7 and not any(p.name.startswith("*") for p in huzhou.performance)
    # the marks are no part of its column labels (the 绩效目标 page's cards read "金额/**：35.00")
    (table, *_) = [t for t in huzhou.tables if t.kind == TableKind.PERFORMANCE]
    assert table.columns == ("单位名称", "项目名称", "金额", "项目总体绩效目标")
