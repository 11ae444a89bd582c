"""决算 (final accounts) documents, built small in the layouts they are printed in.

The national template (财政部 部门决算公开) prints nine tables: 收入支出决算总表, 收入决算表,
支出决算表, 财政拨款收入支出决算总表, 一般公共预算财政拨款支出决算表, …基本支出决算表 (人员
经费 | 公用经费 blocks side by side), …“三公”经费支出决算表 (预算数 beside 决算数),
政府性基金预算财政拨款收入支出决算表, 国有资本经营预算财政拨款支出决算表. wuhan_02 (国家信访局)
prints it as issued; xian_12 numbers it 公开01表…公开09表 and prints the 三公 as rows 预算数 /
决算数. The figures here are small and consistent, so the identities the check runs for a
决算 can be seen to hold, and to fail when one figure is changed.
"""

from __future__ import annotations

import io
from decimal import Decimal

import pytest

from budget.checks import run
from budget.model import TableKind
from loaders import load
from tests.writers import Span, docx_of

D = Decimal
K = TableKind


def amounts(line, *keys):
    return tuple(None if line.values.get(k) is None else line.values[k].amount for k in keys)


def failing(d, rule: str) -> list:
    return [f for f in run(d).findings if f.rule == rule]


def xlsx_of(*sheets) -> bytes:
    """A workbook, one sheet per table: the sheet's rows (str or Span cells, a cell under
    a merged one left out); amounts are stored as numbers with a number format."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for n, rows in enumerate(sheets):
        ws = book.create_sheet(f"表{n + 1}")
        taken: set[tuple[int, int]] = set()
        for r, row in enumerate(rows, start=1):
            c = 1
            for cell in row:
                cell = cell if isinstance(cell, Span) else Span(cell)
                while (r, c) in taken:
                    c += 1
                text = cell.text
                try:
                    value: object = float(text.replace(",", "")) if text and text[0].isdigit() and "." in text else text
                except ValueError:
                    value = text
                target = ws.cell(row=r, column=c, value=value or None)
                if isinstance(value, float):
                    target.number_format = "#,##0.00"
                if cell.cols > 1 or cell.rows > 1:
                    ws.merge_cells(start_row=r, start_column=c, end_row=r + cell.rows - 1, end_column=c + cell.cols - 1)
                for dr in range(cell.rows):
                    for dc in range(cell.cols):
                        taken.add((r + dr, c + dc))
                c += cell.cols
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- the national template

UNIT = "部门：某某局 金额单位：万元"

SUMMARY = [
    [Span("收入", 3), Span("支出", 3)],
    ["项目", "行次", "金额", "项目", "行次", "金额"],
    ["一、一般公共预算财政拨款收入", "1", "100.00", "一、一般公共服务支出", "32", "110.00"],
    ["二、政府性基金预算财政拨款收入", "2", "", "二、社会保障和就业支出", "33", "10.00"],
    ["三、事业收入", "3", "20.00", "", "34", ""],
    ["四、其他收入", "4", "5.00", "", "35", ""],
    ["本年收入合计", "5", "125.00", "本年支出合计", "36", "120.00"],
    ["使用非财政拨款结余", "6", "3.00", "结余分配", "37", "4.00"],
    ["年初结转和结余", "7", "12.00", "年末结转和结余", "38", "16.00"],
    ["总计", "8", "140.00", "总计", "39", "140.00"],
]
INCOME = [
    [Span("项目", 2), "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入"]
    + ["其他收入"],
    ["科目代码", "科目名称", "", "", "", "", "", "", ""],
    [Span("合计", 2), "125.00", "100.00", "", "20.00", "", "", "5.00"],
    ["201", "一般公共服务支出", "115.00", "90.00", "", "20.00", "", "", "5.00"],
    ["208", "社会保障和就业支出", "10.00", "10.00", "", "", "", "", ""],
]
EXPENDITURE = [
    [Span("项目", 2), "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"],
    ["科目代码", "科目名称", "", "", "", "", "", ""],
    [Span("合计", 2), "120.00", "80.00", "40.00", "", "", ""],
    ["201", "一般公共服务支出", "110.00", "70.00", "40.00", "", "", ""],
    ["208", "社会保障和就业支出", "10.00", "10.00", "", "", "", ""],
]
FISCAL = [
    [Span("收入", 3), Span("支出", 6)],
    ["项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款"]
    + ["国有资本经营预算财政拨款"],
    ["一、一般公共预算财政拨款", "1", "100.00", "一、一般公共服务支出", "30", "92.00", "92.00", "", ""],
    ["二、政府性基金预算财政拨款", "2", "", "二、社会保障和就业支出", "31", "10.00", "10.00", "", ""],
    ["本年收入合计", "3", "100.00", "本年支出合计", "32", "102.00", "102.00", "", ""],
    ["年初财政拨款结转和结余", "4", "5.00", "年末财政拨款结转和结余", "33", "3.00", "3.00", "", ""],
    ["总计", "5", "105.00", "总计", "34", "105.00", "105.00", "", ""],
]
GENERAL = [
    [Span("项目", 2), Span("本年支出", 3)],
    ["科目代码", "科目名称", "小计", "基本支出", "项目支出"],
    [Span("合计", 2), "102.00", "72.00", "30.00"],
    ["201", "一般公共服务支出", "92.00", "62.00", "30.00"],
    ["208", "社会保障和就业支出", "10.00", "10.00", ""],
]
BASIC = [
    [Span("人员经费", 3), Span("公用经费", 6)],
    ["科目代码", "科目名称", "决算数", "科目代码", "科目名称", "决算数", "科目代码", "科目名称", "决算数"],
    ["301", "工资福利支出", "50.00", "302", "商品和服务支出", "12.00", "310", "资本性支出", ""],
    ["30101", "基本工资", "50.00", "30201", "办公费", "12.00", "31002", "办公设备购置", ""],
    ["303", "对个人和家庭的补助", "10.00", "", "", "", "", "", ""],
    ["30302", "退休费", "10.00", "", "", "", "", "", ""],
    [Span("人员经费合计", 2), "60.00", Span("公用经费合计", 5), "12.00"],
]
THREE_PUBLIC = [
    [Span("预算数", 6), Span("决算数", 6)],
    [
        *("合计", "因公出国（境）费", Span("公务用车购置及运行维护费", 3), "公务接待费"),
        *("合计", "因公出国（境）费", Span("公务用车购置及运行维护费", 3), "公务接待费"),
    ],
    ["", "", "小计", "公务用车购置费", "公务用车运行维护费", "", "", "", "小计", "公务用车购置费"]
    + ["公务用车运行维护费", ""],
    ["8.00", "2.00", "4.00", "", "4.00", "2.00", "6.50", "1.50", "4.00", "", "4.00", "1.00"],
]
GOV_FUND = [
    [Span("项目", 2), "年初结转和结余", "本年收入", Span("本年支出", 3), "年末结转和结余"],
    ["功能分类科目编码", "科目名称", "", "", "小计", "基本支出", "项目支出", ""],
    [Span("合计", 2), "", "", "", "", "", ""],
]
STATE_CAPITAL = [
    [Span("项目", 2), Span("本年支出", 3)],
    ["功能分类科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    [Span("合计", 2), "", "", ""],
]
EMPTY_NOTE = "注：本部门本年度没有政府性基金预算财政拨款收入、支出，也没有结转和结余，故本表无数据。"
EMPTY_NOTE_2 = "注：本部门本年度没有国有资本经营预算财政拨款支出，故本表无数据。"

TABLES = (
    ("收入支出决算总表", SUMMARY),
    ("收入决算表", INCOME),
    ("支出决算表", EXPENDITURE),
    ("财政拨款收入支出决算总表", FISCAL),
    ("一般公共预算财政拨款支出决算表", GENERAL),
    ("一般公共预算财政拨款基本支出决算表", BASIC),
    ("一般公共预算财政拨款“三公”经费支出决算表", THREE_PUBLIC),
    ("政府性基金预算财政拨款收入支出决算表", GOV_FUND),
    ("国有资本经营预算财政拨款支出决算表", STATE_CAPITAL),
)
KINDS = [K.SUMMARY, K.INCOME, K.EXPENDITURE, K.FISCAL_SUMMARY, K.GENERAL_PUBLIC, K.BASIC_ECONOMIC]
KINDS += [K.THREE_PUBLIC, K.GOV_FUND, K.STATE_CAPITAL]


def national(tables=TABLES, numbered: bool = False) -> list:
    """The template as a Word document's items: title, unit line, table (and the empty
    tables' notes); ``numbered``: each title under its 公开NN表 number, as xian_12 prints it."""
    items: list = ["某某局2024年度部门决算"]
    for n, (title, rows) in enumerate(tables, start=1):
        items += [f"{title} 公开{n:02d}表" if numbered else title, UNIT, rows]
        if rows is GOV_FUND:
            items.append(EMPTY_NOTE)
        if rows is STATE_CAPITAL:
            items.append(EMPTY_NOTE_2)
    return items


@pytest.fixture(scope="module")
def template():
    return load(docx_of(*national()), "final.docx")


def test_every_table_of_the_national_template_has_its_kind(template):
    assert template.unit.stage == "决算" and template.unit.year == 2024
    assert [t.kind for t in template.tables] == KINDS


@pytest.mark.parametrize("numbered", [False, True])
def test_the_template_in_a_workbook_and_numbered_reads_the_same(template, numbered):
    """The same nine tables as sheets of a workbook (amounts as numbers), or titled with
    their 公开NN表 numbers: the same kinds and the same 决算数."""
    if numbered:
        d = load(docx_of(*national(numbered=True)), "numbered.docx")
    else:
        d = load(xlsx_of(*[[[title], [UNIT], *rows] for title, rows in TABLES]), "final.xlsx")
    assert [t.kind for t in d.tables] == KINDS
    assert [(ln.code, *amounts(ln, "total", "basic", "project")) for ln in d.functional] == [
        (ln.code, *amounts(ln, "total", "basic", "project")) for ln in template.functional
    ]
    assert d.three_public.total.amount == D("6.50")


def test_the_final_figures_are_the_ones_read(template):
    """The 决算数 is the amount: the 三公 table's 决算数 group (its 预算数 group beside is
    the year's budget), the rows of the 支出决算表 and of the 基本支出决算表's blocks."""
    tp = template.three_public
    assert (tp.total.amount, tp.overseas.amount, tp.vehicles.amount, tp.reception.amount) == (
        D("6.50"),
        D("1.50"),
        D("4.00"),
        D("1.00"),
    )
    assert [(ln.code, *amounts(ln, "total", "basic", "project")) for ln in template.functional] == [
        ("201", D("110.00"), D("70.00"), D("40.00")),
        ("208", D("10.00"), D("10.00"), None),
    ]
    economic = template.tables[template.economic_table]
    assert amounts(economic.total_line(), "total", "personnel", "public") == (None, D("60.00"), D("12.00"))
    assert [ln.code for ln in template.economic] == ["301", "30101", "303", "30302", "302", "30201", "310", "31002"]


def test_the_identities_of_a_final_account_hold(template):
    """收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 = 本年支出合计 + 结余分配 +
    年末结转和结余; the general budget's 基本支出 = 人员经费合计 + 公用经费合计 (the table
    prints no 合计 of both); the 三公 total = its items."""
    report = run(template)
    assert [f for f in report.findings if f.severity.value != "info" and f.rule.startswith(("XREF", "ARITH"))] == []
    passed = {r.rule.id for r in report.results if r.status == "passed"}
    assert {"XREF-INCOME", "XREF-FISCAL", "ARITH-3PUB"} <= passed


@pytest.mark.parametrize(
    "table, row, col, value, rule",
    [
        (SUMMARY, 7, 5, "5.00", "XREF-INCOME"),  # 结余分配 4.00 -> 5.00: spending is 1.00 more than the income
        (BASIC, 6, 3, "13.00", "XREF-FISCAL"),  # 公用经费合计 12.00 -> 13.00: 基本 72.00 ≠ 60.00 + 13.00
    ],
)
def test_a_changed_figure_breaks_its_identity(table, row, col, value, rule):
    changed = [list(r) for r in table]
    cells = changed[row]
    assert cells[col] not in ("", value)
    cells[col] = value
    tables = tuple((title, changed if rows is table else rows) for title, rows in TABLES)
    d = load(docx_of(*national(tables)), "changed.docx")
    found = failing(d, rule)
    assert len(found) == 1 and found[0].difference is not None and abs(found[0].difference) == D("1.00")


# ---------------------------------------------------------------- the year's budget beside the 决算数


def test_initial_and_adjusted_budget_beside_the_final_figure():
    """一般公共预算财政拨款支出决算表 as many provinces print it: 年初预算数 | 调整预算数 |
    决算数. The 决算数 is each row's total; the budget columns are kept, qualified."""
    rows = [
        ["科目代码", "科目名称", "年初预算数", "调整预算数", "决算数"],
        [Span("合计", 2), "95.00", "101.00", "102.00"],
        ["201", "一般公共服务支出", "85.00", "91.00", "92.00"],
        ["208", "社会保障和就业支出", "10.00", "10.00", "10.00"],
    ]
    d = load(docx_of("某某局2024年度部门决算", "一般公共预算财政拨款支出决算表", UNIT, rows), "v.docx")
    table = d.table(K.GENERAL_PUBLIC)
    assert list(table.column_keys) == [None, None, "budget.initial", "budget.adjusted", "total"]
    assert amounts(table.total_line(), "total", "budget.initial", "budget.adjusted") == (
        D("102.00"),
        D("95.00"),
        D("101.00"),
    )
    assert [(ln.code, ln.total.amount) for ln in d.functional] == [("201", D("92.00")), ("208", D("10.00"))]


def test_budget_and_final_groups_over_basic_and_project():
    """预算数 and 决算数 groups, each over 合计 | 基本支出 | 项目支出: the 决算数 group is
    the table's own; the 预算数 group's columns are "budget.…"."""
    rows = [
        [Span("项目", 2), Span("预算数", 3), Span("决算数", 3)],
        ["科目代码", "科目名称", "合计", "基本支出", "项目支出", "合计", "基本支出", "项目支出"],
        [Span("合计", 2), "100.00", "70.00", "30.00", "102.00", "72.00", "30.00"],
        ["201", "一般公共服务支出", "90.00", "60.00", "30.00", "92.00", "62.00", "30.00"],
    ]
    d = load(docx_of("一般公共预算财政拨款支出决算表", UNIT, rows), "v.docx")
    table = d.table(K.GENERAL_PUBLIC)
    assert list(table.column_keys)[2:] == ["budget", "budget.basic", "budget.project", "total", "basic", "project"]
    assert amounts(d.functional[0], "total", "basic", "project") == (D("92.00"), D("62.00"), D("30.00"))


def test_last_years_final_figure_beside_this_years_budget_is_not_the_amount():
    """A budget's 三公 table "2025年决算数 | 2026年预算数": this year's 预算数 is read (the
    决算数 of an earlier year is no final figure of this table)."""
    rows = [
        ["项目", "2025年决算数", "2026年预算数"],
        ["合计", "9.00", "8.00"],
        ["因公出国（境）费", "3.00", "2.00"],
        ["公务用车购置及运行维护费", "4.00", "4.00"],
        ["公务接待费", "2.00", "2.00"],
    ]
    d = load(docx_of("2026年“三公”经费支出预算表", "单位：万元", rows), "v.docx")
    assert (d.three_public.total.amount, d.three_public.overseas.amount) == (D("8.00"), D("2.00"))


def test_three_public_rows_budget_and_final():
    """xian_12 公开09表: rows 预算数 / 决算数 under one header of items (三公 小计, its
    items, 会议费, 培训费): the 决算数 row is read (before: the 预算数 row, 593.46 for 587.55)."""
    header = [
        ["项目", Span("财政拨款安排的“三公”经费", 6), "会议费", "培训费"],
        ["", "小计", "因公出国（境）费用", Span("公务用车购置及运行维护费", 3), "公务接待费", "", ""],
        ["", "", "", "小计", "公务用车购置费", "公务用车运行维护费", "", "", ""],
    ]
    body = [
        ["预算数", "593.46", "", "591.60", "136.48", "455.12", "1.86", "86.81", "2,795.78"],
        ["决算数", "587.55", "", "587.44", "136.48", "450.96", "0.11", "86.81", "2,795.78"],
    ]
    d = load(docx_of("财政拨款“三公”经费及会议费、培训费支出决算表", UNIT, header + body), "v.docx")
    tp = d.three_public
    assert (tp.total.amount, tp.vehicles.amount, tp.vehicle_operation.amount, tp.reception.amount) == (
        D("587.55"),
        D("587.44"),
        D("450.96"),
        D("0.11"),
    )


def test_three_public_items_down_the_rows_with_budget_and_final_columns():
    """The 三公 items down the first column, 预算数 | 决算数 columns: the 决算数 is read."""
    rows = [
        ["项目", "预算数", "决算数"],
        ["合计", "8.00", "6.50"],
        ["因公出国（境）费", "2.00", "1.50"],
        ["公务用车购置及运行维护费", "4.00", "4.00"],
        ["公务接待费", "2.00", "1.00"],
    ]
    d = load(docx_of("某某局2024年度部门决算", "“三公”经费支出决算表", UNIT, rows), "v.docx")
    tp = d.three_public
    assert (tp.total.amount, tp.overseas.amount, tp.reception.amount) == (D("6.50"), D("1.50"), D("1.00"))


# ---------------------------------------------------------------- the list of units (西安)


def test_a_list_of_the_units_budgeted_for_is_the_departments_organisation():
    """xian_12 / xian_13: "纳入本部门预算编制范围的二级预算单位共有3个，包括：" over 序号 |
    单位名称 | 拟变动情况. A list of units (before: kind unknown): the 机构设置 of the 部门."""
    rows = [
        ["序号", "单位名称", "拟变动情况"],
        ["1", "某某局本级", ""],
        ["2", "某某局信息中心", ""],
        ["3", "某某局服务中心", "拟撤销"],
    ]
    d = load(docx_of("纳入本部门2024年部门预算编制范围的二级预算单位共有3个，包括：", rows), "v.docx")
    assert [t.kind for t in d.tables] == [K.ORGANISATION]
    assert [o.name for o in d.organisations] == ["某某局本级", "某某局信息中心", "某某局服务中心"]


def test_a_list_of_units_with_amounts_is_no_list_of_units():
    rows = [["序号", "单位名称", "金额"], ["1", "某某局本级", "12.00"], ["2", "某某局信息中心", "3.00"]]
    d = load(docx_of("二级预算单位", "单位：万元", rows, "一般公共预算财政拨款支出决算表", UNIT, GENERAL), "v.docx")
    assert [t.kind for t in d.tables] == [K.UNKNOWN, K.GENERAL_PUBLIC] and d.organisations == ()


def test_the_older_templates_general_budget_income_and_expenditure_table():
    """Before 2019 the template's 表5 is 一般公共预算财政拨款收入支出决算表: 年初结转和结余 |
    本年收入 | 本年支出 (小计, 基本, 项目) | 年末结转和结余 by 科目, as the fund tables. It is
    the general budget's table (before: a second 财政拨款收支总表), and its 本年支出 is what
    the 财政拨款收入支出决算总表's 一般公共预算 column spends."""
    older = [
        [Span("项目", 2), "年初结转和结余", "本年收入", Span("本年支出", 3), "年末结转和结余"],
        ["科目代码", "科目名称", "", "", "小计", "基本支出", "项目支出", ""],
        [Span("合计", 2), "5.00", "100.00", "102.00", "72.00", "30.00", "3.00"],
        ["201", "一般公共服务支出", "5.00", "90.00", "92.00", "62.00", "30.00", "3.00"],
        ["208", "社会保障和就业支出", "", "10.00", "10.00", "10.00", "", ""],
    ]
    tables = tuple(
        ("一般公共预算财政拨款收入支出决算表", older) if rows is GENERAL else (title, rows) for title, rows in TABLES
    )
    d = load(docx_of(*national(tables)), "older.docx")
    assert [t.kind for t in d.tables] == KINDS
    total = d.table(K.GENERAL_PUBLIC).total_line()
    assert amounts(total, "total", "basic", "project", "carried_in", "carried_out") == (
        D("102.00"),
        D("72.00"),
        D("30.00"),
        D("5.00"),
        D("3.00"),
    )
    assert failing(d, "XREF-FISCAL") == []


# ---------------------------------------------------------------- the list of tables (西安)


@pytest.mark.parametrize(("flag", "explained"), [("是", True), ("", False)])
def test_the_list_of_tables_explains_an_empty_table(flag, explained):
    """xian_01…xian_24: the list of tables at the front says which are empty and why
    ("是否空表 是 | 表格为空的理由 不涉及"); the empty table itself prints only what it
    reflects. Its note gets the listed reason, so it is no unexplained 空表 (before: a
    COMPLETE-EMPTY warning in 19 西安 documents); not marked empty, it stays unexplained."""
    directory = [
        ["报表", "报表名称", "是否空表", "表格为空的理由"],
        ["表1", "收入支出决算总表", "", ""],
        ["表8", "政府性基金预算财政拨款收入支出决算表", flag, "不涉及" if flag else ""],
    ]
    items = national()
    at = items.index(EMPTY_NOTE)
    items[at] = "注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。"
    d = load(docx_of(items[0], "报表目录", directory, *items[1:]), "listed.docx")
    assert (
        d.tables[0].kind == K.CONTENTS and d.tables[0].rows[1][1] == "政府性基金预算财政拨款收入支出决算表"
    )  # kept as printed
    fund = d.table(K.GOV_FUND)
    assert fund.empty and ("不涉及" in fund.note) is explained
    assert [f.location.table for f in failing(d, "COMPLETE-EMPTY")] == ([] if explained else ["gov_fund"])
