"""Layouts of the national corpus, one pattern per test, in small Word documents.

Each document reproduces how one city prints a table (its header, its numbering, its
unit column, its page breaks), with the figures that city's document prints, and the
test asserts the model read from it. The files the patterns come from are named; the
rules are general (header words, numbering, roles of columns), never the file's title.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budget.model import MoneyUnit, TableKind
from loaders import LoadError, load, load_many
from tests.writers import PAGE_BREAK, Span, docx_of

D = Decimal


def read(*items):
    return load(docx_of(*items), "layout.docx")


def amounts(line, *keys):
    return tuple(None if line.values.get(k) is None else line.values[k].amount for k in keys)


def line_of(table, code):
    return next(ln for ln in table.lines if ln.code == code)


# ---------------------------------------------------------------- 支出总表 by 预算单位 (深圳)

SHENZHEN_HEADER = [
    [
        "预算单位",
        "科目编码",
        "科目名称",
        "支出总计",
        "基本支出",
        "项目支出",
        "事业单位经营支出",
        "对附属单位补助支出",
        "上缴上级支出",
        Span("2026年政府采购项目", 3),
    ],
    ["", "", "", "", "", "", "", "", "", "小计", "其中：中小企业", "其中：小型、微型企业"],
]
SHENZHEN_ROWS = [
    ["深圳市信访局", "", "", "4,684.30", "3,072.01", "1,612.29", "0.00", "0.00", "0.00", "1,100.30", "156.69", "0.00"],
    [
        "",
        "201",
        "一般公共服务支出",
        "3,459.13",
        "1,866.84",
        "1,592.29",
        "0.00",
        "0.00",
        "0.00",
        "1,100.30",
        "156.69",
        "0.00",
    ],
    ["", "20140", "信访事务", "3,459.13", "1,866.84", "1,592.29", "0.00", "0.00", "0.00", "1,100.30", "156.69", "0.00"],
    ["", "2014001", "行政运行", "1,866.84", "1,866.84", "0.00", "0.00", "0.00", "0.00", "152.35", "149.35", "0.00"],
    ["", "2014004", "信访业务", "1,592.29", "0.00", "1,592.29", "0.00", "0.00", "0.00", "947.95", "7.34", "0.00"],
]
SHENZHEN_MORE = [
    ["", "221", "住房保障支出", "753.24", "753.24", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"],
    ["", "22102", "住房改革支出", "753.24", "753.24", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"],
    ["", "2210201", "住房公积金", "199.91", "199.91", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"],
]


def test_unit_column_before_the_code_and_procurement_columns_after_the_amounts():
    """shenzhen_06 表3: a 预算单位 column first, its row the table's total; the
    政府采购项目 group after the amounts is not the 合计 (it was read as such before)."""
    d = read("表3", "支出总表", "部门名称：深圳市信访局 单位：万元", SHENZHEN_HEADER + SHENZHEN_ROWS)
    table = d.table(TableKind.EXPENDITURE)
    total = table.total_line()
    assert total.name == "深圳市信访局" and amounts(total, "total", "basic", "project") == (
        D("4684.30"),
        D("3072.01"),
        D("1612.29"),
    )
    assert [ln.code for ln in d.functional] == ["201", "20140", "2014001", "2014004"]
    assert amounts(d.functional[0], "total", "basic", "project", "procurement") == (
        D("3459.13"),
        D("1866.84"),
        D("1592.29"),
        D("1100.30"),
    )
    assert amounts(d.functional[2], "procurement.of_which.sme_reserve") == (D("149.35"),)
    assert {ln.unit for ln in d.functional} == {"深圳市信访局"}
    assert d.unit.name == "深圳市信访局"


def test_table_continued_under_its_number_title_and_unit_line():
    """shenzhen_06 prints 表3 over three pages, each with 表3, the title, the unit line
    and the header again: one table (before, three)."""
    d = read(
        "表3",
        "支出总表",
        "部门名称：深圳市信访局 单位：万元",
        SHENZHEN_HEADER + SHENZHEN_ROWS,
        PAGE_BREAK,
        "表3",
        "支出总表",
        "部门名称：深圳市信访局 单位：万元",
        SHENZHEN_HEADER + SHENZHEN_MORE,
    )
    assert len(d.tables_of(TableKind.EXPENDITURE)) == 1
    assert [ln.code for ln in d.functional][-3:] == ["221", "22102", "2210201"]
    assert amounts(d.functional[-1], "total") == (D("199.91"),)


# ---------------------------------------------------------------- stacked headers (无锡, 湖州)


def test_subtotals_under_their_groups_and_carried_in_columns_apart():
    """wuxi_04 公开02表: 本年收入/小计 is 本年收入 and 上年结转结余/小计 is the carry-over;
    the 上年结转结余 fund columns no longer overwrite this year's (before: 本年收入 read blank)."""
    header = [
        ["部门代码", "部门名称", "合计", Span("本年收入", 10), Span("上年结转结余", 3)],
        ["", "", "", "小计", "一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金"]
        + ["事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入"]
        + ["小计", "一般公共预算", "政府性基金预算"],
    ]
    rows = [
        [Span("合计", 2), "3,210.10", "3,210.10", "3,210.10"] + [""] * 12,
        ["327", "无锡市统计局", "3,210.10", "3,210.10", "3,210.10"] + [""] * 12,
        ["327001", "无锡市统计局（本级）", "2,663.92", "2,663.92", "2,663.92"] + [""] * 12,
    ]
    d = read("公开02表", "收入总表", "部门：无锡市统计局 单位：万元", header + rows)
    table = d.table(TableKind.INCOME)
    total = table.total_line()
    assert amounts(total, "total", "current", "general_public", "carried_in", "carried_in.general_public") == (
        D("3210.10"),
        D("3210.10"),
        D("3210.10"),
        None,
        None,
    )
    # 327 is the unit's code, not a functional class
    unit_row = next(ln for ln in table.lines if ln.name == "无锡市统计局")
    assert unit_row.code is None and amounts(unit_row, "current") == (D("3210.10"),)
    assert d.unit.name == "无锡市统计局"


def test_personnel_under_basic_and_a_column_number_row_with_markers():
    """huzhou_04 表03: 基本支出 over 人员支出 | 公用经费, and a "** | ** | 1 | 2 …" row
    under the header (before, read as a row of amounts 1, 2, 3)."""
    header = [
        ["科目编码", "科目名称", "总计", Span("基本支出", 2), "项目支出", "事业单位经营支出", "上缴上级支出"]
        + ["对附属单位补助支出"],
        ["", "", "", "人员支出", "公用经费", "", "", "", ""],
        ["**", "**", "1", "2", "3", "4", "5", "6", "7"],
    ]
    rows = [
        ["", "合计", "6256.31", "1487.48", "116.93", "4651.90", "", "", ""],
        ["208", "社会保障和就业支出", "6039.81", "1270.99", "116.93", "4651.90", "", "", ""],
        ["20805", "行政事业单位养老支出", "188.49", "185.97", "2.52", "", "", "", ""],
    ]
    d = read("表03", "2026年市级部门支出预算总表", "511-退役军人事务局 单位：万元", header + rows)
    table = d.table(TableKind.EXPENDITURE)
    assert [ln.name for ln in table.lines] == ["合计", "社会保障和就业支出", "行政事业单位养老支出"]
    assert amounts(table.total_line(), "total", "personnel", "public", "project") == (
        D("6256.31"),
        D("1487.48"),
        D("116.93"),
        D("4651.90"),
    )
    assert (d.unit.code, d.unit.name) == ("511", "退役军人事务局")


# ---------------------------------------------------------------- titles and numbering


@pytest.mark.parametrize(
    ("number", "title", "kind"),
    [
        ("预算01表", "收支总表", TableKind.SUMMARY),
        ("公开05表", "一般公共预算支出表", TableKind.GENERAL_PUBLIC),
        ("表六", "2026年一般公共预算基本支出情况表", TableKind.BASIC_ECONOMIC),
        ("表4", "基本支出总表", TableKind.BASIC_ECONOMIC),
        ("表5", "项目支出总表", TableKind.PROJECT),
        ("表8", "一般公共预算支出表（按经济分类）", TableKind.GENERAL_PUBLIC_ECONOMIC),
        ("五、", "财政拨款支出表（功能科目）", TableKind.FISCAL_EXPENDITURE),
        ("表7", "部门综合预算一般公共预算基本支出明细表（按支出功能分类科目）", TableKind.GENERAL_PUBLIC_BASIC),
        ("表1", "2022年部门综合预算收支总表", TableKind.SUMMARY),
        ("公开08表", "政府性基金预算财政拨款收入支出决算表", TableKind.GOV_FUND),
    ],
)
def test_local_numbers_and_titles_name_the_table(number, title, kind):
    header = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
    d = read(number, title, "单位：万元", [header, ["201", "一般公共服务支出", "10.00", "4.00", "6.00"]])
    assert [t.kind for t in d.tables] == [kind]


def test_title_row_below_blank_rows_inside_the_grid():
    """beijing_greening_part2: the converter put blank rows, then "预算01表 收支总表",
    then the unit in the grid itself."""
    rows = [
        ["", "", "", ""],
        [Span("预算01表 收支总表", 4)],
        ["", "", "", "金额单位：万元"],
        [Span("收 入", 2), Span("支 出", 2)],
        ["项 目", "预算数", "项 目", "预算数"],
        ["一、一般公共预算拨款收入", "5,131.706333", "一、农林水支出", "5,133.737491"],
        ["本年收入合计", "5,131.706333", "本年支出合计", "5,133.737491"],
    ]
    d = read(rows)
    table = d.tables[0]
    assert (table.kind, table.title, table.money_unit) == (TableKind.SUMMARY, "预算01表收支总表", MoneyUnit.WAN_YUAN)
    first = next(ln for ln in table.lines if ln.side == "income")
    # six decimals kept exactly as printed
    assert (first.name, first.total.amount, first.level) == ("一般公共预算拨款收入", D("5131.706333"), 1)


# ---------------------------------------------------------------- where functional comes from (北京)


def test_functional_rows_from_the_general_budget_table_when_the_expenditure_table_is_crossed():
    """beijing_meteo_part2: the 支出总表 crosses the functional 项 with both economic
    classifications (one row per combination): functional comes from 预算05表."""
    crossed = [
        ["支出功能分类科目", "政府支出经济分类科目", "部门支出经济分类科目", "合计", "基本支出", "项目支出"],
        ["2200509-气象服务", "50205-委托业务费", "30227-委托业务费", "4,249.500000", "", "4,249.500000"],
        ["2200504-气象事业机构", "50501-工资福利支出", "30101-基本工资", "230.170400", "230.170400", ""],
        ["", "合计", "", "4,479.670400", "230.170400", "4,249.500000"],
    ]
    general = [
        [Span("功能分类科目", 2), Span("预算数", 3)],
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["2200509", "气象服务", "4,249.500000", "", "4,249.500000"],
        ["2200504", "气象事业机构", "230.170400", "230.170400", ""],
        ["", "合 计", "4,479.670400", "230.170400", "4,249.500000"],
    ]
    d = read("预算03表 支出总表", "金额单位：万元", crossed, "预算05表 一般公共预算支出表", "金额单位：万元", general)
    expenditure = d.table(TableKind.EXPENDITURE)
    assert expenditure.coded_lines() == ()
    assert d.tables[d.functional_table].kind == TableKind.GENERAL_PUBLIC
    assert [(ln.code, ln.total.amount) for ln in d.functional] == [
        ("2200509", D("4249.500000")),
        ("2200504", D("230.170400")),
    ]


def test_economic_code_of_the_department_beside_the_government_one():
    """beijing 预算06表 and xian 表6: 部门 and 政府 economic classes side by side; the
    row's code is the 部门 one (30101), not the 政府 class beside it (50101)."""
    rows = [
        ["政府支出经济分类科目", "部门支出经济分类科目", "合计", "人员经费", "公用经费"],
        ["50101-工资奖金津补贴", "30101-基本工资", "142.488000", "142.488000", ""],
        ["50201-办公经费", "30201-办公费", "5.700000", "", "5.700000"],
    ]
    d = read("预算06表 一般公共预算基本支出表", "金额单位：万元", rows)
    assert [(ln.code, ln.name, ln.level) for ln in d.economic] == [("30101", "基本工资", 2), ("30201", "办公费", 2)]
    assert amounts(d.economic[1], "total", "public") == (D("5.700000"), D("5.700000"))


def test_code_column_indented_into_two_grid_columns():
    """xian_02 表5: 类 codes at the left of the code column, 款 and 项 a step right, which
    a reader splits into two columns under one 功能科目编码 header."""
    rows = [
        [Span("功能科目编码", 2), "功能科目名称", "合计", "人员经费支出", "公用经费支出", "专项业务经费支出"],
        ["", "", "合计", "28,384,234.71", "18,119,247.51", "1,208,867.20", "9,056,120.00"],
        ["201", "", "一般公共服务支出", "22,669,300.94", "12,653,513.74", "1,079,667.20", "8,936,120.00"],
        ["", "20140", "信访事务", "22,669,300.94", "12,653,513.74", "1,079,667.20", "8,936,120.00"],
        ["", "2014001", "行政运行", "13,733,180.94", "12,653,513.74", "1,079,667.20", ""],
    ]
    d = read("表5", "部门综合预算一般公共预算支出明细表（按支出功能分类科目）", "单位：元", rows)
    assert [ln.code for ln in d.functional] == ["201", "20140", "2014001"]
    assert amounts(d.functional[0], "total", "personnel", "public", "project") == (
        D("22669300.94"),
        D("12653513.74"),
        D("1079667.20"),
        D("8936120.00"),
    )
    assert d.unit.money_unit == MoneyUnit.YUAN


def test_name_wrapped_onto_the_lines_above_and_below_its_code():
    """guangzhou_02 表3: a long name printed over two lines, one above and one below the
    line with the code and the amounts, each read as a row of its own."""
    rows = [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["", "合计", "16,410.71", "14,913.65", "1,497.06"],
        ["201", "一般公共服务支出", "8,812.33", "7,341.47", "1,470.86"],
        ["", "政府办公厅（室）及相关机构事", "", "", ""],
        ["20103", "", "8,801.45", "7,341.47", "1,459.98"],
        ["", "务", "", "", ""],
        ["2010301", "行政运行", "6,853.85", "6,853.85", "0.00"],
    ]
    d = read("表3", "本年支出总体情况表", "单位名称：广州市人民政府办公厅 单位：万元", rows)
    assert [(ln.code, ln.name) for ln in d.functional] == [
        ("201", "一般公共服务支出"),
        ("20103", "政府办公厅（室）及相关机构事务"),
        ("2010301", "行政运行"),
    ]
    assert amounts(d.functional[1], "total") == (D("8801.45"),)


def test_codes_in_the_name_cells():
    """guangzhou_02 表5 prints "[201]一般公共服务支出", beijing "2130201-行政运行"."""
    rows = [
        ["功能科目名称", "合计", "基本支出", "项目支出"],
        ["合计", "15.00", "9.00", "6.00"],
        ["[201]一般公共服务支出", "15.00", "9.00", "6.00"],
        ["[20103]政府办公厅（室）及相关机构事务", "15.00", "9.00", "6.00"],
        ["2010301-行政运行", "9.00", "9.00", ""],
    ]
    d = read("一般公共预算支出情况表（按功能分类科目）", "单位：万元", rows)
    assert [(ln.code, ln.name, ln.level) for ln in d.functional] == [
        ("201", "一般公共服务支出", 1),
        ("20103", "政府办公厅（室）及相关机构事务", 2),
        ("2010301", "行政运行", 3),
    ]


def test_a_single_amount_column_is_the_total():
    """xian_02 表7 (专项业务经费) and tables of one 金额 column: that column is the row's
    total (before: kept as other.amount with the total blank)."""
    rows = [
        ["科目编码", "科目名称", "金额"],
        ["", "合计", "579.89"],
        ["213", "农林水支出", "579.89"],
        ["21398", "超长期特别国债安排的支出", "579.89"],
    ]
    d = read("政府性基金预算支出情况表", "单位：万元", rows)
    table = d.table(TableKind.GOV_FUND)
    assert [amounts(ln, "total") for ln in table.lines] == [(D("579.89"),)] * 3
    assert table.column_keys[2] == "total"


# ---------------------------------------------------------------- 收支总表 levels (深圳, 湖州)


def test_summary_rows_get_levels_from_numbering_and_from_the_coded_names():
    """shenzhen_06 表1 prints 类 numbered and 款/项 under them unnumbered; huzhou prints
    no numbers at all: the levels come from the coded 支出总表 of the same document."""
    summary = [
        [Span("收 入", 2), Span("支 出", 2)],
        ["项 目", "2026年预算数", "项 目", "2026年预算数"],
        ["一、财政拨款", "4,676.96", "一、一般公共服务支出", "3,459.13"],
        ["1.一般公共预算拨款", "4,676.96", "信访事务", "3,459.13"],
        ["二、财政专户管理资金", "0.00", "行政运行", "1,866.84"],
        ["", "", "信访业务", "1,592.29"],
        ["本年收入合计", "4,676.96", "本年支出合计", "3,459.13"],
    ]
    d = read(
        "表1",
        "收支总表",
        "部门名称：深圳市信访局 单位：万元",
        summary,
        "表3",
        "支出总表",
        SHENZHEN_HEADER + SHENZHEN_ROWS,
    )
    lines = d.table(TableKind.SUMMARY).lines
    levels = {(ln.side, ln.name): ln.level for ln in lines}
    assert levels[("income", "财政拨款")] == 1 and levels[("income", "一般公共预算拨款")] == 2
    assert levels[("income", "财政专户管理资金")] == 1
    assert [levels[("expenditure", n)] for n in ("一般公共服务支出", "信访事务", "行政运行", "信访业务")] == [
        1,
        2,
        3,
        3,
    ]
    assert levels[("income", "本年收入合计")] is None


def test_summary_with_more_expenditure_sides():
    """xian_10 表1: income, then expenditure by function, by 部门 and by 政府 economic class."""
    rows = [
        [Span("收 入", 2), Span("支 出", 6)],
        ["项 目", "预算数", "支出功能分类科目（按大类）", "预算数", "部门预算支出经济分类科目（按大类）", "预算数"]
        + ["政府预算支出经济分类科目（按大类）", "预算数"],
        ["一、部门预算", "2273583740.03", "一、部门预算", "2271233740.03", "一、部门预算", "2271233740.03"]
        + ["一、部门预算", "2271233740.03"],
        ["本年收入合计", "2273583740.03", "本年支出合计", "2271233740.03", "本年支出合计", "2271233740.03"]
        + ["本年支出合计", "2271233740.03"],
    ]
    d = read("表1", "2022年部门综合预算收支总表", "单位：元", rows)
    sides = [ln.side for ln in d.tables[0].lines if ln.name == "本年支出合计"]
    assert sides == ["expenditure", "expenditure.economic", "expenditure.government"]


# ---------------------------------------------------------------- 三公 (西安, 深圳)


def test_three_public_total_is_the_three_public_subtotal_beside_meetings_and_training():
    """xian_10 表: 2021年 | 2022年 | 增减, each over 合计, the 三公 group (小计, items, 公务
    用车 over 小计/购置/运行), 会议费, 培训费. The 三公 total is 2022's 三公 小计."""
    items = ["合计", Span("一般公共预算拨款安排的“三公”经费预算", 6), "会议费", "培训费"]
    inner = ["小计", "因公出国（境）费用", "公务接待费", Span("公务用车购置及运行维护费", 3)]
    car = ["小计", "公务用车购置费", "公务用车运行维护费"]
    header = [
        ["单位编码", "单位名称", Span("2021年", 9), Span("2022年", 9), Span("增减变化情况", 9)],
        ["", "", *items, *items, *items],
        ["", "", "", *inner, "", "", "", *inner, "", "", "", *inner, "", ""],
        ["", "", "", "", "", "", *car, "", "", "", "", "", "", *car, "", "", "", "", "", "", *car, "", ""],
    ]
    row_2021 = ["2657249.50", "57940.00", "0.00", "57940.00", "0.00", "0.00", "0.00", "679592.50", "1919717.00"]
    row_2022 = ["2893950.00", "807650.00", "0.00", "57650.00", "750000.00", "0.00", "750000.00", "165500.00"]
    row_2022.append("1920800.00")
    change = ["236700.50", "749710.00", "0.00", "-290.00", "750000.00", "0.00", "750000.00", "-514092.50", "1083.00"]
    d = read(
        "2022年部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表",
        "单位：元",
        header + [["", "合计", *row_2021, *row_2022, *change]],
    )
    tp = d.three_public
    assert (tp.total.amount, tp.overseas.amount, tp.reception.amount) == (D("807650.00"), D("0.00"), D("57650.00"))
    assert (tp.vehicles.amount, tp.vehicle_purchase.amount, tp.vehicle_operation.amount) == (
        D("750000.00"),
        D("0.00"),
        D("750000.00"),
    )
    assert tp.total_printed


def test_three_public_by_year_rows_and_fund_columns():
    """shenzhen_06 表9: rows 2025年 / 2026年 / 增减变化金额, each item split by fund."""
    funds = ["一般公共预算", "政府性基金预算", "国有资本经营预算"]
    header = [
        ["预算单位", "年度", Span("总计", 3), Span("因公出国(境)费", 3), Span("公务接待费", 3)]
        + [Span("公务用车购置及运行维护费", 9)],
        ["", "", "", "", "", "", "", "", "", "", "", Span("小计", 3), Span("公务用车购置费", 3)]
        + [Span("公务用车运行维护费", 3)],
        ["", "", *funds, *funds, *funds, *funds, *funds, *funds],
    ]
    row = ["5.58", "0.00", "0.00", "0.00", "0.00", "0.00", "2.98", "0.00", "0.00"]
    row += ["2.60", "0.00", "0.00", "0.00", "0.00", "0.00", "2.60", "0.00", "0.00"]
    body = [
        ["深圳市信访局", "2025年", *row],
        ["", "2026年", *row],
        ["", "增减变化金额", *(["0.00"] * 18)],
    ]
    d = read("表9", "财政拨款“三公”经费支出表", "部门名称：深圳市信访局 单位：万元", header + body)
    tp = d.three_public
    assert (tp.total.amount, tp.reception.amount, tp.vehicles.amount, tp.vehicle_operation.amount) == (
        D("5.58"),
        D("2.98"),
        D("2.60"),
        D("2.60"),
    )


def test_three_public_title_over_two_lines_ending_with_meetings_and_training():
    """xian_20 表13: the title's second line "会议费、培训费支出预算表（不含上年结转）" named a
    支出总表 on its own, so the two lines were not joined and the table was read as the
    支出总表 (twice, one per page). Joined, it is the 三公 table."""
    header = [
        ["序号", "单位编码", "单位名称", "合计", Span("一般公共预算拨款安排的“三公”经费预算", 6), "会议费", "培训费"],
        ["", "", "", "", "小计", "因公出国（境）费用", "公务接待费", Span("公务用车购置及运行费", 3), "", ""],
        ["", "", "", "", "", "", "", "小计", "公务用车购置费", "公务用车运行费", "", ""],
    ]
    row = ["", "", "合计", "500,000.00", "310,840.00", "0.00", "127,840.00", "183,000.00", "0.00", "183,000.00"]
    d = read(
        "2021年部门综合预算一般公共预算拨款“三公”经费及",
        "会议费、培训费支出预算表（不含上年结转）",
        "单位：元",
        header + [[*row, "90,000.00", "99,160.00"]],
    )
    assert [t.kind for t in d.tables] == [TableKind.THREE_PUBLIC]
    tp = d.three_public
    assert (tp.total.amount, tp.vehicles.amount, tp.reception.amount) == (
        D("310840.00"),
        D("183000.00"),
        D("127840.00"),
    )


# ---------------------------------------------------------------- 决算 (武汉)


def test_final_accounts_and_their_basic_table_in_blocks():
    """wuhan_02 公开06表: 人员经费 | 公用经费 | 公用经费 blocks side by side, each code,
    name and 决算数; the document is a 决算."""
    header = [
        [Span("人员经费", 3), Span("公用经费", 6)],
        ["科目代码", "科目名称", "决算数", "科目代码", "科目名称", "决算数", "科目代码", "科目名称", "决算数"],
    ]
    rows = [
        ["301", "工资福利支出", "6,982.75", "302", "商品和服务支出", "2,239.41", "310", "资本性支出", "27.24"],
        ["30101", "基本工资", "1,857.40", "30201", "办公费", "83.92", "31002", "办公设备购置", "24.67"],
        [Span("人员经费合计", 2), "7,967.72", Span("公用经费合计", 5), "2,266.65"],
    ]
    income = [
        ["项目", "", "本年收入合计", "财政拨款收入", "其他收入"],
        ["科目代码", "科目名称", "", "", ""],
        ["", "合计", "20,451.35", "19,572.91", "878.44"],
        ["201", "一般公共服务支出", "16,770.89", "15,892.45", "878.44"],
    ]
    d = read(
        "国家信访局2024年度部门决算",
        "收入决算表",
        "部门：国家信访局 金额单位：万元",
        income,
        "一般公共预算财政拨款基本支出决算表",
        "部门：国家信访局 金额单位：万元",
        header + rows,
    )
    assert (d.unit.stage, d.unit.name, d.unit.year) == ("决算", "国家信访局", 2024)
    assert [(ln.code, *amounts(ln, "total", "personnel", "public")) for ln in d.economic] == [
        ("301", D("6982.75"), D("6982.75"), None),
        ("30101", D("1857.40"), D("1857.40"), None),
        ("302", D("2239.41"), None, D("2239.41")),
        ("30201", D("83.92"), None, D("83.92")),
        ("310", D("27.24"), None, D("27.24")),
        ("31002", D("24.67"), None, D("24.67")),
    ]
    # the one printed total row, both blocks' 合计 on it: the table's total (人员 and 公用)
    totals = [ln for ln in d.tables[d.economic_table].lines if ln.is_total]
    assert [(ln.name, ln.values) for ln in totals] == [
        ("人员经费合计、公用经费合计", {"personnel": d.money("7967.72"), "public": d.money("2266.65")}),
    ]
    assert d.tables[d.economic_table].total_line() == totals[0]


def test_a_budget_is_no_final_account():
    d = read(
        "2026年部门收支总体情况表",
        "单位：万元",
        [["项目", "预算数", "项目", "预算数"], ["合计", "1.00", "合计", "1.00"]],
    )
    assert d.unit.stage == "预算"


# ---------------------------------------------------------------- the unit


def test_unit_from_the_department_line_never_a_part_heading():
    """wuxi_04: "第二部分" over the tables' part, then "部门：无锡市统计局 单位：万元"."""
    d = read(
        "第二部分",
        "2026年度无锡市统计局部门预算表",
        "公开03表",
        "支出总表",
        "部门：无锡市统计局 单位：万元",
        [
            ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
            ["201", "一般公共服务支出", "2,404.17", "1,429.11", "975.06"],
        ],
    )
    assert (d.unit.name, d.unit.year, d.unit.kind) == ("无锡市统计局", 2026, "部门")


def test_unit_from_a_cover_set_over_two_lines():
    """guangzhou_02's cover: "2026年" over "广州市人民政府办公厅部门预算"."""
    d = read(
        "2026年",
        "广州市人民政府办公厅部门预算",
        "收入总体情况表",
        "单位：万元",
        [["科目编码", "科目名称", "合计"], ["201", "一般公共服务支出", "8,812.33"]],
    )
    assert (d.unit.name, d.unit.year) == ("广州市人民政府办公厅", 2026)


# ---------------------------------------------------------------- parts of one disclosure (北京)

NARRATIVE = [
    "第一部分2026年度部门预算情况说明",
    "一、部门情况说明",
    "（一）本部门职责情况",
    "北京市气象局属于公益性事业单位，职责是制定地方气象事业发展规划。",
    "二、收入预算情况说明",
    "2026年度收入预算30775.65万元，比2025年年初预算数43702.84万元减少12927.19万元。",
    "三、支出预算情况说明",
    "2026年支出预算30775.65万元，其中基本支出预算2018.97万元，项目支出预算28756.68万元。",
    "四、财政拨款“三公”经费预算情况说明",
    "2026年财政拨款“三公”经费预算15.62万元。",
    "五、其他情况说明",
    "（一）政府采购预算说明",
    "2026年北京市气象局政府采购预算总额8606.06万元。",
    "（二）机关运行经费说明",
    "六、名词解释",
    "财政拨款收入：指本级财政当年拨付的资金。",
]
TABLES = [
    "预算05表 一般公共预算支出表",
    "金额单位：万元",
    [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["2200509", "气象服务", "4,249.500000", "", "4,249.500000"],
        ["2200504", "气象事业机构", "2,010.968210", "2,010.968210", ""],
        ["", "合 计", "6,260.468210", "2,010.968210", "4,249.500000"],
    ],
]


def test_a_narrative_alone_is_a_disclosure():
    """beijing_meteo_part1: the 情况说明 without a single table (before: 不是预算公开文件)."""
    d = read(*NARRATIVE)
    assert d.tables == () and d.functional == ()
    assert (d.unit.name, d.unit.year, d.unit.kind) == ("北京市气象局", 2026, "部门")
    assert any("三公" in s.heading for s in d.sections)


def test_a_text_that_is_no_budget_is_still_refused():
    with pytest.raises(LoadError):
        read("会议纪要", "今天讨论了明年的工作安排。", "下次会议定于三月。")


def test_parts_of_one_disclosure_join():
    narrative, tables = docx_of(*NARRATIVE), docx_of(*TABLES)
    d = load_many([(narrative, "part1.docx"), (tables, "part2.docx")])
    assert [p.name for p in d.parts] == ["part1.docx", "part2.docx"]
    assert d.source.name == "part1.docx + part2.docx"
    assert (d.unit.name, d.unit.year) == ("北京市气象局", 2026)
    assert [ln.code for ln in d.functional] == ["2200509", "2200504"]
    assert d.tables[d.functional_table].kind == TableKind.GENERAL_PUBLIC
    assert d.sections[0].heading.startswith("第一部分")


def test_parts_of_two_units_or_the_same_file_twice_are_refused():
    other = docx_of(*[p.replace("北京市气象局", "首都绿化委员会办公室") for p in NARRATIVE])
    tables = docx_of(*TABLES[:2], [*TABLES[2], ["部门名称", "北京市气象局", "", "", ""]])
    with pytest.raises(LoadError, match="同一单位"):
        load_many([(other, "a.docx"), (tables, "b.docx")])
    with pytest.raises(LoadError, match="两次"):
        load_many([(tables, "b.docx"), (tables, "b.docx")])


# ---------------------------------------------------------------- more of 西安 and 深圳


def test_a_name_running_on_into_the_amount_cell():
    """xian_21 表5/表2: a name longer than its cell runs on under the amount beside it,
    after it ("缴费支出43608.96") or through it ("障中18心39311.66", the hidden words and
    the digits interleaved)."""
    rows = [
        ["功能科目编码", "功能科目名称", "合计", "人员经费支出", "公用经费支出", "专项业务经费支出"],
        ["", "合计", "43608.96", "43608.96", "0", "0"],
        ["208", "社会保障和就业支出", "43608.96", "43608.96", "0", "0"],
        ["20805", "行政事业单位养老支出", "43608.96", "43608.96", "0", "0"],
        ["2080506", "机关事业单位职业年金", "缴费支出43608.96", "43608.96", "0", "0"],
    ]
    d = read("表5", "2022年部门综合预算一般公共预算支出明细表（按功能科目分）", "金额单位：元", rows)
    assert (d.functional[-1].name, d.functional[-1].total.amount) == ("机关事业单位职业年金缴费支出", D("43608.96"))
    units = [
        ["单位编码", "单位名称", "合计", "一般公共预算拨款"],
        ["", "合计", "18999011.66", "18999011.66"],
        ["234002", "西安市人工影响天气服务保", "障中18心39311.66", "1839311.66"],
    ]
    d = read("表2", "2022年部门综合预算收入总表", "金额单位：元", units)
    line = d.table(TableKind.INCOME).lines[-1]
    assert (line.name, line.total.amount) == ("西安市人工影响天气服务保障中心", D("1839311.66"))


def test_a_row_left_outside_the_grids_at_a_page_break():
    """xian_17 表5: the first row of the next page is printed above its rulings, so it
    comes as a line of text between the two parts of the table."""
    header = ["序号", "功能科目编码", "功能科目名称", "合计", "人员经费支出", "公用经费支出", "专项业务经费支出"]
    first = [
        header,
        ["1", "", "合计", "27,180,093.28", "23,412,035.17", "1,868,760.19", "1,899,297.92"],
        ["2", "205", "教育支出", "14,197,328.85", "11,765,769.48", "1,186,511.45", "1,245,047.92"],
    ]
    second = [
        header,
        ["25", "21505", "工业和信息产业监管", "12,982,764.43", "11,646,265.69", "682,248.74", "654,250.00"],
    ]
    d = read(
        "表5",
        "一般公共预算支出明细表（按功能科目分）",
        "金额单位：元",
        first,
        PAGE_BREAK,
        "24 211 节能环保支出 12982764.43 11646265.69 682248.74 654250.00",
        second,
    )
    assert [ln.code for ln in d.functional] == ["205", "211", "21505"]
    assert amounts(d.functional[1], "total", "project") == (D("12982764.43"), D("654250.00"))


def test_final_account_blocks_named_by_their_total_rows():
    """xian_12 公开06表: the 人员经费 | 公用经费 group row is not printed with the table;
    the blocks' 合计 rows name them, 公用经费合计 spanning the last two blocks."""
    rows = [
        ["科目代码", "科目名称", "决算数", "科目代码", "科目名称", "决算数", "科目代码", "科目名称", "决算数"],
        ["301", "工资福利支出", "92,835.98", "302", "商品和服务支出", "2,085.91", "310", "资本性支出", "7.17"],
        ["303", "对个人和家庭的补助", "3,677.23", "30201", "办公费", "279.66", "31002", "办公设备购置", "7.17"],
        [Span("人员经费合计", 2), "96,513.21", Span("公用经费合计", 5), "2,093.08"],
    ]
    d = read("一般公共预算财政拨款基本支出决算表", "金额单位：万元", rows)
    assert [(ln.code, sorted(ln.values)) for ln in d.economic] == [
        ("301", ["personnel", "total"]),
        ("303", ["personnel", "total"]),
        ("302", ["public", "total"]),
        ("30201", ["public", "total"]),
        ("310", ["public", "total"]),
        ("31002", ["public", "total"]),
    ]


def test_numbered_parts_under_unnumbered_items():
    """shenzhen_06 表6: "财政拨款" over "1.一般公共预算拨款" …, "上年结余、结转" over
    "1.一般公共预算拨款结余、结转": the unnumbered rows are the items."""
    rows = [
        [Span("收入", 2), Span("支出", 2)],
        ["项目", "2026年预算数", "项目", "2026年预算数"],
        ["财政拨款", "4,676.96", "一、一般公共服务支出", "3,459.13"],
        ["1.一般公共预算拨款", "4,676.96", "信访事务", "3,459.13"],
        ["2.政府性基金预算拨款", "0.00", "", ""],
        ["本年收入合计", "4,676.96", "本年支出合计", "4,684.30"],
        ["上年结余、结转", "7.34", "结转下年", "0.00"],
        ["1.一般公共预算拨款结余、结转", "7.34", "", ""],
        ["收入总计", "4,684.30", "支出总计", "4,684.30"],
    ]
    d = read("表6", "财政拨款收支总表", "部门名称：深圳市信访局 单位：万元", rows)
    levels = {ln.name: ln.level for ln in d.tables[0].lines if ln.side == "income"}
    assert (levels["财政拨款"], levels["一般公共预算拨款"], levels["政府性基金预算拨款"]) == (1, 2, 2)
    assert (levels["上年结余、结转"], levels["一般公共预算拨款结余、结转"]) == (None, 2)


def test_a_title_with_its_qualifier_on_the_next_line():
    """xian_08 表6: "…一般公共预算支出明细表" over "（按经济分类科目分）"."""
    rows = [
        ["部门经济科目编码", "部门经济科目名称", "合计", "人员经费支出", "公用经费支出", "专项业务经费支出"],
        ["301", "工资福利支出", "17067.93", "17067.93", "", ""],
        ["30101", "基本工资", "560.70", "560.70", "", ""],
    ]
    d = read("表6", "2022年部门综合预算一般公共预算支出明细表", "（按经济分类科目分）", "金额单位：万元", rows)
    assert d.tables[0].kind == TableKind.GENERAL_PUBLIC_ECONOMIC
    assert d.tables[0].title == "2022年部门综合预算一般公共预算支出明细表（按经济分类科目分）"


def test_first_item_with_its_amount_blank_is_no_header_row():
    """xian_09 表1: "一、部门预算" heads the items with no amount of its own."""
    rows = [
        [Span("收入", 2), Span("支出", 2)],
        ["项目", "预算数", "支出功能分类", "预算数"],
        ["一、部门预算", "", "一、部门预算", ""],
        ["1、财政拨款", "", "1、一般公共服务", "56.52"],
        ["本年收入合计", "182066.56", "本年支出合计", "182066.56"],
    ]
    d = read("表1", "2020年部门综合预算收支总表", "金额单位：万元", rows)
    table = d.tables[0]
    assert table.header == (("收入", "支出"), ("项目", "预算数", "支出功能分类", "预算数"))
    assert any(ln.name == "部门预算" and ln.side == "expenditure" for ln in table.lines)


def test_sections_headed_by_a_unit_code_in_the_code_column():
    """xian_18 表8: each unit's section starts with its six-digit code and name in the
    科目 columns; the rows under it belong to that unit."""
    rows = [
        ["部门经济科目编码", "部门经济科目名称", "合计", "人员经费支出", "公用经费支出"],
        ["", "合计", "1,348.47", "1,223.79", "124.68"],
        ["125001", "西安市安全生产监督管理局", "1,071.87", "972.99", "98.88"],
        ["301", "工资福利支出", "970.84", "970.84", ""],
        ["302", "商品和服务支出", "98.88", "", "98.88"],
        ["125002", "西安市安全生产宣传教育中心", "276.60", "250.80", "25.80"],
        ["301", "工资福利支出", "248.49", "248.49", ""],
    ]
    d = read("2019年部门综合预算一般公共预算基本支出明细表（按支出经济分类科目）", "单位：万元", rows)
    assert [(ln.code, ln.unit) for ln in d.economic] == [
        ("301", "西安市安全生产监督管理局"),
        ("302", "西安市安全生产监督管理局"),
        ("301", "西安市安全生产宣传教育中心"),
    ]
    units = [ln for ln in d.tables[0].lines if not ln.code and not ln.is_total]
    assert [(ln.name, ln.total.amount) for ln in units] == [
        ("西安市安全生产监督管理局", D("1071.87")),
        ("西安市安全生产宣传教育中心", D("276.60")),
    ]


def test_a_summary_amount_column_under_an_unreadable_label():
    """xian_18 表1: header texts overprint each other ("部门预预算算数支"); the column of
    amounts under it is still the side's amount column."""
    rows = [
        [Span("收 入", 2), Span("支 出", 2)],
        ["项 目", "预算数", "支出功能分类科目（按大类）", "部门预预算算数支"],
        ["1、财政拨款", "3,643.37", "8、社会保障和就业", "183.60"],
        ["本年收入合计", "3,643.37", "本年支出合计", "3,643.37"],
        ["收入总计", "3,695.91", "支出总计", "3,695.91"],
    ]
    d = read("2019年部门综合预算收支总表", "单位：万元", rows)
    spent = {ln.name: ln.total for ln in d.tables[0].lines if ln.side == "expenditure"}
    assert spent["支出总计"].amount == D("3695.91") and spent["社会保障和就业"].amount == D("183.60")
