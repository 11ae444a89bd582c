"""Layouts and wordings of provinces the corpus does not hold, in small Word documents.

Each document reproduces a table as other provinces title and head it (the wording comes
from published 部门预算/决算 公开 texts of those provinces, named in each test); the figures
are real ones from the corpus file named. The rules are general (title words, header
semantics, the classification the codes belong to), never one file's title.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budget.model import TableKind
from loaders import load
from tests.writers import Span, docx_of

D = Decimal


def read(*items):
    return load(docx_of(*items), "layout.docx")


def amounts(line, *keys):
    return tuple(None if line.values.get(k) is None else line.values[k].amount for k in keys)


# ---------------------------------------------------------------- spending of all funds by economic class

# beijing_meteo_part2 预算03表 (its 部门支出经济分类 column): 301 and 310 with some of their 款.
FUNCTIONAL = [
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ["", "合计", "7,362.349379", "1,222.816100", "6,139.533279"],
    ["212", "城乡社区支出", "4,256.000000", "", "4,256.000000"],
    ["21208", "国有土地使用权出让收入安排的支出", "4,256.000000", "", "4,256.000000"],
    ["2120803", "城市建设支出", "4,256.000000", "", "4,256.000000"],
    ["220", "自然资源海洋气象等支出", "3,106.349379", "1,222.816100", "1,883.533279"],
    ["22005", "气象事务", "3,106.349379", "1,222.816100", "1,883.533279"],
    ["2200504", "气象事业机构", "3,106.349379", "1,222.816100", "1,883.533279"],
]
ECONOMIC_ROWS = [
    ["", "合计", "6,290.356379", "1,222.816100", "5,067.374900"],
    ["301", "工资福利支出", "1,222.816100", "1,222.816100", ""],
    ["30101", "基本工资", "230.170400", "230.170400", ""],
    ["30102", "津贴补贴", "230.299000", "230.299000", ""],
    ["30107", "绩效工资", "762.346700", "762.346700", ""],
    ["310", "资本性支出", "5,067.374900", "", "5,067.374900"],
    ["31003", "专用设备购置", "5,067.374900", "", "5,067.374900"],
]


@pytest.mark.parametrize(
    "title, header",
    [
        # by its title (Shandong's 收支预算总表（经济分类科目） beside the functional one; the
        # 部门预算支出经济分类 tables of provinces that print one for all funds)
        ("2024年部门预算支出经济分类预算表", ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]),
        ("部门支出预算表（按经济分类科目）", ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]),
        # by its header: a 支出总表 title over the economic classes
        (
            "部门支出总表",
            ["部门预算支出经济分类科目编码", "部门预算支出经济分类科目名称", "合计", "基本支出", "项目支出"],
        ),
        # by its rows: nothing but "科目" in the header, every code an economic class
        ("部门支出预算表", ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]),
    ],
)
def test_spending_of_all_funds_by_economic_class_is_no_functional_table(title, header):
    """A table of all funds' spending by economic class (301, 30101 …) printed before the
    functional 支出总表 was read as the 支出总表 itself (the first table of that kind): the
    cross-table rules compared its 301 rows with the summary's 类. It is its own kind."""
    d = read(
        title,
        "单位：万元",
        [header, *ECONOMIC_ROWS],
        "2024年部门支出总表",
        "单位：万元",
        FUNCTIONAL,
    )
    economic = d.tables[0]
    assert economic.kind == TableKind.EXPENDITURE_ECONOMIC
    assert [ln.code for ln in economic.coded_lines()] == ["301", "30101", "30102", "30107", "310", "31003"]
    assert amounts(economic.coded_lines()[0], "total", "basic") == (D("1222.816100"), D("1222.816100"))
    assert amounts(economic.total_line(), "total", "project") == (D("6290.356379"), D("5067.374900"))
    expenditure = d.table(TableKind.EXPENDITURE)
    assert expenditure is d.tables[1] and d.functional_table == 1
    assert [ln.code for ln in d.functional][:3] == ["212", "21208", "2120803"]


def test_a_functional_expenditure_table_stays_one():
    """The same document with the functional classes in the first table: both are 支出总表
    (the code rule only fires when every code is an economic class)."""
    d = read("部门支出预算表", "单位：万元", FUNCTIONAL, "2024年部门支出总表", "单位：万元", FUNCTIONAL)
    assert [t.kind for t in d.tables] == [TableKind.EXPENDITURE, TableKind.EXPENDITURE]


# ---------------------------------------------------------------- a 收支总表 with four expenditure sides (山东)

SHANDONG_SUMMARY = [
    [Span("收入", 2), Span("支出", 8)],
    [
        "项目",
        "本年预算数",
        "支出类别",
        "本年预算数",
        "政府预算经济分类",
        "本年预算数",
        "部门预算经济分类",
        "本年预算数",
        "功能分类",
        "本年预算数",
    ],
    [
        "一、财政拨款收入",
        "1,250.00",
        "一、基本支出",
        "950.00",
        "一、机关工资福利支出",
        "800.00",
        "一、工资福利支出",
        "800.00",
        "一般公共服务支出",
        "1,100.00",
    ],
    [
        "二、事业收入",
        "50.00",
        "二、项目支出",
        "350.00",
        "二、机关商品和服务支出",
        "450.00",
        "二、商品和服务支出",
        "450.00",
        "社会保障和就业支出",
        "150.00",
    ],
    ["", "", "", "", "三、机关资本性支出（一）", "50.00", "三、资本性支出", "50.00", "住房保障支出", "50.00"],
    [
        "本年收入合计",
        "1,300.00",
        "本年支出合计",
        "1,300.00",
        "本年支出合计",
        "1,300.00",
        "本年支出合计",
        "1,300.00",
        "本年支出合计",
        "1,300.00",
    ],
]


def test_a_summary_with_kind_government_department_and_functional_sides():
    """Shandong's 收支预算总表 prints the spending four times: 支出类别 (基本/项目), 政府预算经济分类,
    部门预算经济分类, then 功能分类. The functional side is the table's expenditure (the one the
    cross-table rules compare with the 支出总表), each other one a side of its own; the 支出类别
    column is a name column (before, it was read as an amount column: 基本支出 and 项目支出 had no
    line, and the government classes were the "expenditure" side)."""
    d = read("2019年收支预算总表", "单位：万元", SHANDONG_SUMMARY)
    summary = d.table(TableKind.SUMMARY)
    sides = {}
    for line in summary.lines:
        sides.setdefault(line.side, []).append((line.name, amounts(line, "total")[0]))
    assert sides["expenditure"][:3] == [
        ("一般公共服务支出", D("1100.00")),
        ("社会保障和就业支出", D("150.00")),
        ("住房保障支出", D("50.00")),
    ]
    assert sides["expenditure.kind"][:2] == [("基本支出", D("950.00")), ("项目支出", D("350.00"))]
    assert sides["expenditure.government"][0] == ("机关工资福利支出", D("800.00"))
    assert sides["expenditure.economic"][2] == ("资本性支出", D("50.00"))
    assert sides["income"][0] == ("财政拨款收入", D("1250.00"))


def test_a_summary_with_one_expenditure_side_keeps_it_whatever_its_header_says():
    """Two sides only: the expenditure side is the spending, even headed by a class word."""
    two = [[Span("收入", 2), Span("支出", 2)], ["项目", "本年预算数", "支出类别", "本年预算数"]] + [
        row[:4] for row in SHANDONG_SUMMARY[2:]
    ]
    d = read("2019年收支预算总表", "单位：万元", two)
    assert {ln.side for ln in d.table(TableKind.SUMMARY).lines} == {"income", "expenditure"}


# ---------------------------------------------------------------- a 财政专户 table (云南)


def test_a_special_account_table_is_no_summary():
    """Yunnan's 决算 prints 财政专户管理资金收入支出决算表 after the 收入支出决算总表: by its words
    (收入支出) it was a second 收支总表; it is the funds of one account, kept as not understood."""
    d = read(
        "收入支出决算总表",
        "单位：万元",
        [r[:4] for r in SHANDONG_SUMMARY[1:]],
        "财政专户管理资金收入支出决算表",
        "单位：万元",
        [
            ["项目", "年初结转和结余", "本年收入", "本年支出", "年末结转和结余"],
            ["合计", "0.00", "50.00", "50.00", "0.00"],
        ],
    )
    assert [t.kind for t in d.tables] == [TableKind.SUMMARY, TableKind.UNKNOWN]


# ---------------------------------------------------------------- a 决算 公开01表 with its 部门 line (湖北 county)

NANZHANG_SUMMARY = [
    [Span("收入", 3), Span("支出", 3)],
    ["项目", "行次", "金额", "项目", "行次", "金额"],
    ["栏次", "", "1", "栏次", "", "2"],
    ["一、一般公共预算财政拨款收入", "1", "440.55", "一、一般公共服务支出", "29", "423.20"],
    ["二、政府性基金预算财政拨款收入", "2", "0.00", "二、外交支出", "30", "0.00"],
    ["三、上级补助收入", "3", "10.00", "三、国防支出", "31", "0.00"],
]


def test_a_final_account_summary_under_its_number_and_department_line():
    """南漳县招商服务中心 2019年部门决算 (a Hubei county): "公开01表", "部门：南漳县招商服务中心" and
    "金额单位：万元" each on a line of its own above the table. The 部门 line names the unit (before,
    it was narrative and the unit had no name); 行次 is no amount column."""
    d = read("收入支出决算总表", "公开01表", "部门：南漳县招商服务中心", "金额单位：万元", NANZHANG_SUMMARY)
    assert d.unit.name == "南漳县招商服务中心" and d.unit.stage == "决算"
    summary = d.table(TableKind.SUMMARY)
    assert "部门：南漳县招商服务中心" in summary.unit_line
    first = summary.lines[0]
    assert (first.side, first.name, amounts(first, "total")) == ("income", "一般公共预算财政拨款收入", (D("440.55"),))
    assert "部门：南漳县招商服务中心" not in d.text


def test_a_department_sentence_is_no_unit_line():
    """A sentence that starts with 部门 is text, not the preparer's line."""
    d = read(
        "部门：负责全县招商引资工作，协调解决投资项目遇到的困难。",
        "收入支出决算总表",
        "金额单位：万元",
        NANZHANG_SUMMARY,
    )
    assert d.unit.name != "负责全县招商引资工作" and "部门：负责全县招商引资工作" in d.text


# ---------------------------------------------------------------- 预算管理一体化 columns


def test_project_categories_of_the_integrated_budget_are_project_parts():
    """Provinces on 预算管理一体化 split 项目支出 into 特定目标类 and 其他运转类 项目: both are amount
    columns under 项目支出 (before, "特定目标类项目" was read as a text column for its 目标 and its
    figures were no value of the row)."""
    header = [
        ["科目编码", "科目名称", "合计", "基本支出", Span("项目支出", 3)],
        ["", "", "", "", "小计", "特定目标类项目", "其他运转类项目"],
    ]
    rows = [
        ["", "合计", "1,300.00", "950.00", "350.00", "300.00", "50.00"],
        ["201", "一般公共服务支出", "1,300.00", "950.00", "350.00", "300.00", "50.00"],
    ]
    d = read("部门支出总表", "单位：万元", header + rows)
    line = d.functional[0]
    assert amounts(line, "total", "basic", "project", "project.specific", "project.other_running") == (
        D("1300.00"),
        D("950.00"),
        D("350.00"),
        D("300.00"),
        D("50.00"),
    )


def test_funds_that_are_not_appropriations_are_not_the_appropriation():
    """A 收入总表 printing 财政拨款 beside 非财政拨款资金: the second is not a second appropriation
    column (before: "appropriation.2", its words 财政拨款 read as the fund)."""
    header = [["科目编码", "科目名称", "合计", "财政拨款", "非财政拨款资金"]]
    rows = [["", "合计", "1,300.00", "1,250.00", "50.00"], ["201", "一般公共服务支出", "1,300.00", "1,250.00", "50.00"]]
    d = read("部门收入总表", "单位：万元", header + rows)
    line = d.table(TableKind.INCOME).coded_lines()[0]
    assert amounts(line, "appropriation", "non_appropriation") == (D("1250.00"), D("50.00"))
    assert "appropriation.2" not in line.values


# ---------------------------------------------------------------- the preparer's label in the unit line

EXPENDITURE_ROWS = [
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ["201", "一般公共服务支出", "10.00", "5.00", "5.00"],
]


@pytest.mark.parametrize(
    "line",
    [
        "填报单位：柳城县财政局 单位：万元",  # 决算 tables
        "填报单位：柳城县财政局　　　　金额单位：万元",
        "填报单位：柳城县财政局",  # alone on its line, the money unit elsewhere
        "报送单位：柳城县财政局 单位：万元",
        "部门（单位）名称：柳城县财政局 单位：万元",  # the label of the 绩效目标表 forms (xian_10) in a unit line
    ],
)
def test_the_unit_named_by_other_preparer_labels(line):
    """Before, only 编制单位 / 预算单位 / 单位名称 / 部门名称 / 部门 named the unit: these lines left it unnamed."""
    d = read("2023年部门支出总表", line, EXPENDITURE_ROWS)
    assert d.unit.name == "柳城县财政局"


def test_a_money_unit_alone_names_no_unit():
    d = read("2023年部门支出总表", "单位：万元", EXPENDITURE_ROWS)
    assert d.unit.name != "万元"


def test_a_decrease_printed_with_the_accounting_triangle_is_negative():
    """Chinese accounts print a decrease as "△2.00"; before, the cell read as blank (not reported)."""
    header = [["科目编码", "科目名称", "合计", "基本支出", "项目支出", "比上年增减"]]
    rows = [
        ["201", "一般公共服务支出", "10.00", "5.00", "5.00", "△2.00"],
        ["20101", "人大事务", "10.00", "5.00", "5.00", "3.00"],
    ]
    d = read("2023年部门支出总表", "单位：万元", header + rows)
    assert [amounts(line, "change") for line in d.functional] == [(D("-2.00"),), (D("3.00"),)]


# ---------------------------------------------------------------- the target named 目标值 (吉林)

FORM_TOP = [["项目名称", "大通关（电子监管）项目", "", ""], ["年度目标", "提升口岸通关效率。", "", ""]]


@pytest.mark.parametrize("label", ["目标值", "指标目标值", "年度目标值", "目标值(标准)"])
def test_a_target_column_headed_as_the_target_value(label):
    """Forms that head the target 目标值 (Jilin's 绩效评价表: 目标值(标准)) instead of 指标值: before, the
    target read as empty, and every indicator was flagged for it."""
    d = read(
        "2023年项目支出绩效目标表",
        [*FORM_TOP, ["一级指标", "二级指标", "三级指标", label], ["产出指标", "数量指标", "监管车辆", "≥1000辆"]],
    )
    (indicator,) = d.performance[0].indicators
    assert (indicator.level1, indicator.level3, indicator.target) == ("产出指标", "监管车辆", "≥1000辆")


def test_jilin_evaluation_form_with_weights_scores_and_a_collected_value():
    """一级指标 | 权重 | 二级指标 | 分值 | 三级指标 | 计量单位 | 目标值(标准) | 分值 | 指标值: the target is
    目标值(标准), not the 指标值 collected beside it (left blank in the published form)."""
    header = ["一级指标", "权重", "二级指标", "分值", "三级指标", "计量单位", "目标值(标准)", "分值", "指标值"]
    row = ["预算绩效", "50", "预算管理", "75", "预算执行进度(7月)", "%", "40%", "7", ""]
    d = read("大通关(电子监管)项目支出绩效评价表", [[*FORM_TOP[0], "", "", "", "", ""], header, row])
    (indicator,) = d.performance[0].indicators
    assert (indicator.level1, indicator.level2, indicator.level3, indicator.target) == (
        "预算绩效",
        "预算管理",
        "预算执行进度(7月)",
        "40%",
    )


# ---------------------------------------------------------------- a title led by the unit's name (贵州)

# 德江县机关事务中心2025年部门预算 (https://www.dejiang.gov.cn/zwgk/xxgkml/zdlyxxgk/czxx/czyjsjsgjf/202504/
# t20250409_87494926.html): every table title opens with the unit's name and the year.
DEJIANG = "德江县机关事务中心2025年"


@pytest.mark.parametrize(
    "unit, title, kind",
    [
        (DEJIANG, "部门收支总表", TableKind.SUMMARY),
        (DEJIANG, "一般公共预算基本支出明细表(按经济分类)", TableKind.BASIC_ECONOMIC),
        (DEJIANG, "国有资本经营预算预算支出表", TableKind.STATE_CAPITAL),
        (DEJIANG, "一般公共预算项目支出表", TableKind.PROJECT),
        # a unit's name holding a table's words: before, the 政府采购 / 资产 / 绩效 tables
        ("德江县政府采购中心2025年", "部门收支总表", TableKind.SUMMARY),
        ("德江县国有资产服务中心2025年", "一般公共预算支出表", TableKind.GENERAL_PUBLIC),
        ("德江县绩效评价中心2025年", "部门支出总表", TableKind.EXPENDITURE),
    ],
)
def test_a_title_led_by_the_units_name_and_the_year(unit, title, kind):
    d = read(
        f"{unit}{title}", "单位：万元", [["科目编码", "科目名称", "合计", "基本支出", "项目支出"], *FUNCTIONAL[1:]]
    )
    assert d.tables[0].kind == kind


def test_words_before_the_year_that_name_no_unit_still_count():
    """ "政府性基金2024年支出表": what precedes the year is no organisation's name, the whole title is read."""
    d = read(
        "政府性基金2024年支出表",
        "单位：万元",
        [["科目编码", "科目名称", "合计", "基本支出", "项目支出"], *FUNCTIONAL[1:]],
    )
    assert d.tables[0].kind == TableKind.GOV_FUND


# ---------------------------------------------------------------- titles of other provinces read already

# The 决算 and 预算 table lists of disclosures of provinces the corpus does not hold, each
# title as printed there (checked 2026-12, all read as the kind named).
PUBLISHED_TITLES = [
    # 四川 渠县农业综合技术服务中心 2024年度单位决算 (http://www.quxian.gov.cn/xxgk-show-64159.html)
    ("收入支出决算总表", TableKind.SUMMARY),
    ("财政拨款支出决算明细表", TableKind.FISCAL_EXPENDITURE),
    ("一般公共预算财政拨款支出决算明细表", TableKind.GENERAL_PUBLIC),
    ("一般公共预算财政拨款基本支出决算明细表", TableKind.BASIC_ECONOMIC),
    ("一般公共预算财政拨款项目支出决算表", TableKind.PROJECT),
    ("国有资本经营预算财政拨款支出决算表", TableKind.STATE_CAPITAL),
    # 四川 宣汉县 2021年度单位决算 (http://www.xuanhan.gov.cn/xxgk-show-70872.html)
    ("政府性基金预算财政拨款“三公”经费支出决算表", TableKind.THREE_PUBLIC),
    # 湖北 随州市曾都区河道堤防建设管理处 2021年度决算 (https://pdf.wenkuvip.com/archives/769xb3le5kpb0lmzpngj.html)
    ("表6：一般公共预算财政拨款基本支出决算表", TableKind.BASIC_ECONOMIC),
    ("表8：政府性基金预算财政拨款收入支出决算表", TableKind.GOV_FUND),
    # 云南 腾冲市 2019年度部门决算 (https://dhap.com.cn/info/9611/4092563.htm)
    ("“三公”经费、行政参公单位机关运行经费情况表", TableKind.THREE_PUBLIC),
    ("财政专户管理资金收入支出决算表", TableKind.UNKNOWN),
    # 山东省商业集团 2018年部门预算 (https://docsplayer.com/amp/106989306-2018年山东省商业集团有限公司部门预算.html)
    ("财政拨款安排的基本支出预算表", TableKind.FISCAL_BASIC_ECONOMIC),
    ("一般公共预算 三公 经费支出表", TableKind.THREE_PUBLIC),
    ("2016年收支预算总表(经济分类科目)", TableKind.SUMMARY),
    ("高等学校财政拨款收支决算总表", TableKind.FISCAL_SUMMARY),
    # 贵州 德江县 2025年部门预算 (URL above)
    ("一般公共预算“三公”经费支出表", TableKind.THREE_PUBLIC),
    ("项目支出绩效目标表", TableKind.PERFORMANCE),
]


@pytest.mark.parametrize("title, kind", PUBLISHED_TITLES)
def test_published_titles_of_other_provinces(title, kind):
    from loaders.recognize.classify import classify_title

    assert classify_title(title) == kind
