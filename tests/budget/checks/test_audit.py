"""False alarms found by reading the corpus's error findings against the documents (the
precision audit): each on the seed with the one thing changed that the corpus file had,
and the same change without it where the finding stays."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from budget.checks import Severity, run
from budget.model import Indicator, Line, Money, MoneyUnit, Section, TableKind
from tests.budget.checks.helpers import (
    edit_project,
    edit_table,
    edit_text,
    places,
    rename_line,
    result,
    set_values,
    with_table,
    without_goals,
)

D = Decimal
W = MoneyUnit.WAN_YUAN


def _row_cells(table, code, cells):
    """The table with the raw row of ``code`` replaced by ``cells`` (what the reader saw)."""
    line = next(ln for ln in table.lines if ln.code == code)
    body = line.row - len(table.header)
    rows = list(table.rows)
    rows[body] = cells
    return replace(table, rows=tuple(rows))


def _lost_row(seed, figure_cell: str, code_cell: str = "2080501"):
    """重庆: a 项 the reader did not read as a line (its code and figures run together)."""
    table = seed.table(TableKind.GENERAL_PUBLIC)
    table = _row_cells(table, "2080501", ("10", code_cell, "行政单位离退休", figure_cell, figure_cell, ""))
    lines = tuple(
        replace(ln, code=None, values=dict.fromkeys(ln.values)) if ln.code == "2080501" else ln for ln in table.lines
    )
    return with_table(seed, TableKind.GENERAL_PUBLIC, replace(table, lines=lines))


# ---------------------------------------------------------------- ARITH-HIER, READ-TABLE


def test_a_sum_short_by_a_row_the_reader_lost_is_a_warning(seed):
    res = result(_lost_row(seed, "26.91"), "ARITH-HIER")
    assert places(res) >= {("general_public", "20805", "合计", "warning")}
    assert not [f for f in res.findings if f.severity == Severity.ERROR]


def test_a_sum_short_by_another_amount_stays_an_error(seed):
    res = result(_lost_row(seed, "11.11"), "ARITH-HIER")
    assert ("general_public", "20805", "合计", "error") in places(res)


def test_two_codes_run_together_make_the_table_unread(seed):
    report = run(_lost_row(seed, "26.9134.63", code_cell="20805012080505"))
    (read,) = [f for f in report.result("READ-TABLE").findings if f.location.table == "general_public"]
    assert (read.template, read.params["glued"]) == ("unread", 1)
    assert not [f for f in report.findings if f.severity == Severity.ERROR and f.location.table == "general_public"]


def test_a_xiang_printed_without_its_kuan_counts_under_the_lei(seed):
    # 西安: 3010201 津贴补贴 straight under 301, no 30102 line
    table = seed.table(TableKind.GENERAL_PUBLIC)
    lines = tuple(ln for ln in table.lines if ln.code != "20805")
    doc = edit_table(seed, TableKind.GENERAL_PUBLIC, lines=lines)
    assert not [f for f in result(doc, "ARITH-HIER").findings if f.location.row == "208"]
    wrong = set_values(doc, TableKind.GENERAL_PUBLIC, "2080505", total="30.00", basic="30.00")
    assert ("general_public", "208", "合计", "error") in places(result(wrong, "ARITH-HIER"))


def test_the_last_lei_continued_on_a_page_read_as_text_is_not_summed(seed):
    # 广州: 2210203 购房补贴 alone on the next page, read as a section
    table = seed.table(TableKind.GENERAL_PUBLIC)
    table = replace(table, page=10, pages=(10,))
    doc = set_values(
        with_table(seed, TableKind.GENERAL_PUBLIC, table),
        TableKind.GENERAL_PUBLIC,
        "22102",
        total="30.00",
        basic="30.00",
    )
    doc = set_values(doc, TableKind.GENERAL_PUBLIC, "221", total="30.00", basic="30.00")
    doc = set_values(doc, TableKind.GENERAL_PUBLIC, "合计", total="1465.56", basic="400.48")
    assert ("general_public", "22102", "合计", "error") in places(result(doc, "ARITH-HIER"))
    page = Section("功能分类科目 合计 基本支出", "2210203 　　购房补贴 13.35 13.35 0.00\n注：无。", page=11)
    continued = replace(doc, sections=(*doc.sections, page))
    assert not [f for f in result(continued, "ARITH-HIER").findings if f.location.row in ("22102", "221")]


def test_figures_run_into_the_next_columns_names_make_a_summary_unread(seed):
    # 广州: '0.00 二、外交支出' — an income figure in the expenditure name's cell
    table = seed.table(TableKind.SUMMARY)
    rows = tuple((row[0], "", f"{row[2] or '0.00'} {row[3]}", row[4]) if len(row) == 5 else row for row in table.rows)
    report = run(edit_table(seed, TableKind.SUMMARY, rows=rows))
    unread = [f for f in report.result("READ-TABLE").findings if f.location.table == "summary"]
    assert unread and unread[0].params["mixed"] >= 3


def test_a_few_mixed_cells_in_a_long_read_table_are_no_reading_problem(seed):
    table = seed.table(TableKind.SUMMARY)
    rows = list(table.rows)
    rows[0] = (rows[0][0], "", f"{rows[0][1]} {rows[0][2]}", *rows[0][3:])
    report = run(edit_table(seed, TableKind.SUMMARY, rows=tuple(rows)))
    assert not [f for f in report.result("READ-TABLE").findings if f.location.table == "summary"]


def test_a_table_read_as_two_lines_of_twenty_is_unread(seed):
    # 西安: a 政府性基金收支表 in four column pairs came out as two lines
    table = seed.table(TableKind.SUMMARY)
    report = run(edit_table(seed, TableKind.SUMMARY, lines=table.lines[:2]))
    (read,) = [f for f in report.result("READ-TABLE").findings if f.location.table == "summary"]
    assert read.template == "unread" and "只有" in read.message


def test_a_spending_table_laid_out_by_income_source_is_unread(seed):
    # 西安: the 收入总表 (title 一般公共预算拨款) taken for the 一般公共预算支出表
    table = seed.table(TableKind.GENERAL_PUBLIC)
    keys = (None, None, None, "total", "superior_grant", "business")
    lines = tuple(
        replace(
            ln, values={"total": ln.values.get("total"), "superior_grant": ln.values.get("basic"), "business": None}
        )
        for ln in table.lines
    )
    report = run(edit_table(seed, TableKind.GENERAL_PUBLIC, column_keys=keys, lines=lines))
    assert [f.location.table for f in report.result("READ-TABLE").findings] == ["general_public"]
    assert run(seed).result("READ-TABLE").findings == ()


def test_a_page_of_the_basic_table_taken_for_the_three_public_table(seed):
    rows = tuple(
        ("51", code, name, "50502", "商品和服务支出", "3.00")
        for code, name in (("30217", "公务接待费"), ("30218", "专用材料费"), ("30226", "劳务费"))
    )
    report = run(edit_table(seed, TableKind.THREE_PUBLIC, rows=rows))
    (read,) = report.result("READ-TABLE").findings
    assert (read.template, read.params["rows"]) == ("economic_rows", 3)
    assert not [f for f in report.findings if f.severity == Severity.ERROR and f.rule == "TEXT-3PUB"]


def test_final_accounts_read_from_the_three_public_budget_row(seed):
    # 西安 决算: 预算数 and 决算数 rows; the reader took the first
    doc = replace(seed, unit=replace(seed.unit, stage="决算"))
    tp = doc.three_public
    fields = ("total", "overseas", "vehicles", "vehicle_purchase", "vehicle_operation", "reception")
    read = [str(getattr(tp, f).amount) for f in fields if getattr(tp, f) is not None]
    other = ["9.99"] * len(read)
    table_of = lambda first, second: (("预算数", *first), ("决算数", *second))  # noqa: E731
    report = run(edit_table(doc, TableKind.THREE_PUBLIC, rows=table_of(read, other)))
    assert [f.template for f in report.result("READ-TABLE").findings] == ["budget_row"]
    report = run(edit_table(doc, TableKind.THREE_PUBLIC, rows=table_of(other, read)))
    assert report.result("READ-TABLE").findings == ()


# ---------------------------------------------------------------- ARITH-ROW, ARITH-TOTALS


def test_cash_brought_from_last_year_is_a_source_of_the_row(seed):
    # 西安: 上年实户资金余额 beside the sources of 收入总表
    table = seed.table(TableKind.INCOME)
    cash = Money(D("10.00"), W)
    lines = tuple(
        replace(ln, values={**ln.values, "carried_in_cash": cash, "total": ln.values["total"] + cash})
        if ln.is_total
        else ln
        for ln in table.lines
    )
    keys = (*table.column_keys, "carried_in_cash")
    doc = edit_table(seed, TableKind.INCOME, lines=lines, column_keys=keys)
    assert not [
        f for f in result(doc, "ARITH-ROW").findings if f.location.table == "income" and f.severity != Severity.INFO
    ]
    lines = tuple(
        replace(ln, values={**ln.values, "total": ln.values["total"] + cash}) if ln.is_total else ln
        for ln in table.lines
    )
    assert ("income", "合计", "合计", "error") in places(
        result(edit_table(seed, TableKind.INCOME, lines=lines), "ARITH-ROW")
    )


def _summary_with(seed, name: str, amount: str):
    """The 收支总表 with one more income line between 本年收入合计 and 收入总计, which grows by it."""
    table = seed.table(TableKind.SUMMARY)
    extra = Money(D(amount), W)
    lines = []
    for ln in table.lines:
        if ln.side == "income" and ln.name == "收入总计":
            lines.append(Line(name=name, code=None, values={"total": extra}, row=ln.row - 1, side="income"))
            ln = replace(ln, values={"total": ln.values["total"] + extra})
        if ln.side == "expenditure" and ln.name in ("支出总计", "年终结转结余"):
            value = ln.values["total"]
            ln = replace(ln, values={"total": (value or Money(D(0), W)) + extra})
        lines.append(ln)
    return edit_table(seed, TableKind.SUMMARY, lines=tuple(lines))


def test_the_lines_between_this_years_income_and_the_total_are_added(seed):
    doc = _summary_with(seed, "上年实户资金余额", "25.00")
    assert not [f for f in result(doc, "ARITH-TOTALS").findings if f.severity == Severity.ERROR]


def test_a_total_off_by_what_no_line_accounts_for_stays_an_error(seed):
    doc = _summary_with(seed, "上年实户资金余额", "25.00")
    doc = set_values(doc, TableKind.SUMMARY, "收入总计", side="income", total="1500.00")
    assert ("summary", "收入总计", "合计", "error") in places(result(doc, "ARITH-TOTALS"))


def test_one_blank_total_breaking_two_identities_is_one_finding(seed):
    # 上海: 收入总计 printed blank: ≠ 支出总计 and ≠ 本年收入合计 + 结转, by the same amount
    doc = set_values(seed, TableKind.SUMMARY, "收入总计", side="income", total=None)
    res = result(doc, "ARITH-TOTALS")
    errors = [f for f in res.findings if f.severity == Severity.ERROR and f.location.table == "summary"]
    assert len(errors) == 1 and errors[0].difference == D("-1452.21")
    assert errors[0].consequences and errors[0].consequences[0].rule == "ARITH-TOTALS"


def test_a_total_worked_out_from_the_unrounded_items_is_a_note(seed):
    # 无锡: 本年支出 152,585.74 under 支出总计 152,585.76 (six items, 0.02 within their rounding)
    doc = set_values(seed, TableKind.SUMMARY, "本年支出合计", side="expenditure", total="1452.19")
    res = result(doc, "ARITH-TOTALS")
    assert ("summary", "支出总计", "合计", "info") in places(res)
    assert ("summary", "支出总计", "合计", "error") not in places(res)


# ---------------------------------------------------------------- COMPLETE-SECTIONS, FORM-PLACEHOLDER


def test_the_tables_part_with_a_performance_tables_text_is_not_checked_for_sections(seed):
    # 北京 part2: its only text the cells of a performance table, under no heading
    cells = "气象综合探测系统维持费项目的实施可以保障年度各类探测设备稳定运行。" * 40
    doc = replace(seed, sections=(Section("", cells), Section("预算13表 部门整体支出绩效目标表", "")))
    assert result(doc, "COMPLETE-SECTIONS").status.value == "not_run"
    doc = replace(seed, sections=(Section("一、部门职责", cells),))
    assert result(doc, "COMPLETE-SECTIONS").status.value == "failed"


def test_a_column_header_is_no_placeholder(seed):
    def texts(doc):
        return [f.params["text"] for f in result(doc, "FORM-PLACEHOLDER").findings if "指标" in f.params["text"]]

    assert texts(edit_text(seed, "五、预算绩效信息", "", "一级指标 二级指标 指标内容 指标值")) == []
    assert texts(edit_text(seed, "五、预算绩效信息", "", "指标内容1")) == ["指标内容1"]


# ---------------------------------------------------------------- XREF-INCOME, XREF-SUMMARY


def test_final_accounts_income_table_plus_what_came_from_last_year(seed):
    # 武汉 决算: 收入决算表 20,451.35 + 年初结转和结余 1,615.24 = 支出 14,572.53 + 年末 7,494.06
    doc = replace(seed, unit=replace(seed.unit, stage="决算"))
    income = doc.table(TableKind.INCOME)  # a 收入决算表: no column of last year's money
    lines = tuple(replace(ln, values={k: v for k, v in ln.values.items() if k != "carried_in"}) for ln in income.lines)
    keys = tuple(None if k == "carried_in" else k for k in income.column_keys)
    doc = edit_table(doc, TableKind.INCOME, lines=lines, column_keys=keys)
    doc = set_values(doc, TableKind.SUMMARY, "上年结转结余", side="income", total="100.00")
    doc = set_values(doc, TableKind.SUMMARY, "年终结转结余", side="expenditure", total="100.00")
    assert result(doc, "XREF-INCOME").findings == ()
    doc = set_values(doc, TableKind.SUMMARY, "上年结转结余", side="income", total="90.00")
    assert [f.severity for f in result(doc, "XREF-INCOME").findings] == [Severity.ERROR]


def test_a_lei_misnamed_in_the_summary_is_one_finding(seed):
    # 上海: 收支总表 '一般公共服务支出 7,099,698' is 支出总表 208 社会保障和就业支出
    lines = tuple(
        replace(ln, name="国防支出") if ln.name == "社会保障和就业支出" else ln
        for ln in seed.table(TableKind.SUMMARY).lines
    )
    res = result(edit_table(seed, TableKind.SUMMARY, lines=lines), "XREF-SUMMARY")
    misnamed = [f for f in res.findings if f.template == "misnamed"]
    assert len(misnamed) == 1 and misnamed[0].params["row"] == "208 社会保障和就业支出"
    assert not [f for f in res.findings if f.template == "not_in_summary"]
    assert result(seed, "XREF-SUMMARY").findings == ()


def test_the_carry_over_line_of_the_summary_is_no_lei(seed):
    doc = set_values(seed, TableKind.SUMMARY, "年终结转结余", side="expenditure", total="10.00")
    assert not [f for f in result(doc, "XREF-SUMMARY").findings if f.template == "not_in_expenditure"]


# ---------------------------------------------------------------- the narrative's figures against the tables

RUNNING = "三、机关运行经费安排情况"


def _split_office_costs(doc, first: str, second: str):
    """西安: 30201 办公费 printed on two lines, one for each 政府经济科目 it maps to."""
    table = doc.table(TableKind.BASIC_ECONOMIC)
    lines = []
    for ln in table.lines:
        if ln.code == "30201":
            for amount in (first, second):
                value = Money(D(amount), W)
                lines.append(replace(ln, values={"total": value, "personnel": None, "public": value}))
        else:
            lines.append(ln)
    return edit_table(doc, TableKind.BASIC_ECONOMIC, lines=tuple(lines))


def test_a_kemu_on_two_lines_is_their_sum(seed):
    doc = _split_office_costs(seed, "3.00", "1.75")
    assert not [f for f in result(doc, "TEXT-RUNNING").findings if "办公费" in f.message]
    doc = _split_office_costs(seed, "3.00", "1.70")
    assert [f.severity for f in result(doc, "TEXT-RUNNING").findings if "办公费" in f.message] == [Severity.ERROR]


def test_a_departments_running_costs_are_part_of_its_tables_fees(seed):
    # 西安 部门: the basic table also holds its 事业单位' 公务接待费
    doc = edit_text(seed, RUNNING, "公务接待费0.31万元", "公务接待费0.20万元")
    assert [f.severity for f in result(doc, "TEXT-RUNNING").findings if "公务接待费" in f.message] == [Severity.ERROR]
    department = replace(doc, unit=replace(doc.unit, kind="部门"))
    assert not [f for f in result(department, "TEXT-RUNNING").findings if "公务接待费" in f.message]
    more = edit_text(
        replace(seed, unit=replace(seed.unit, kind="部门")), RUNNING, "公务接待费0.31万元", "公务接待费0.50万元"
    )
    assert [f.severity for f in result(more, "TEXT-RUNNING").findings if "公务接待费" in f.message] == [Severity.ERROR]


OVERVIEW = "二、单位预算安排的总体情况"


def _with_class_split(seed):
    doc = set_values(seed, TableKind.GENERAL_PUBLIC, "201", total="1100.00", basic="34.92")
    return set_values(doc, TableKind.EXPENDITURE, "201", total="1100.00", basic="34.92")


def test_a_kemu_listed_under_the_project_spending_is_its_project_column(seed):
    # 长沙: '（二）项目支出：…其中：…公共安全支出40230.95万元'
    doc = _with_class_split(seed)
    text = "（二）项目支出：本单位项目支出1065.08万元，其中：一般公共服务支出1065.08万元，主要用于日常工作。"
    listed = edit_text(doc, OVERVIEW, "都反映在预算中。", "都反映在预算中。\n" + text)
    assert not [
        f
        for f in result(listed, "TEXT-NAMES").findings + result(listed, "TEXT-ITEMS").findings
        if f.severity == Severity.ERROR
    ]
    alone = edit_text(
        doc, OVERVIEW, "都反映在预算中。", "都反映在预算中。\n一般公共服务支出1065.08万元，主要用于日常工作。"
    )
    assert [f.severity for f in result(alone, "TEXT-NAMES").findings + result(alone, "TEXT-ITEMS").findings] == [
        Severity.ERROR
    ]


def test_money_covered_by_performance_targets_is_no_income_item(seed):
    # 西安: '绩效目标管理全覆盖，涉及…其他资金14,829.50万元'
    doc = set_values(seed, TableKind.INCOME, "合计", other="10.00")
    text = "本部门绩效目标管理全覆盖，涉及当年一般公共预算当年拨款1452.21万元，其他资金14,829.50万元。"
    covered = replace(doc, sections=(*doc.sections, Section("九、部门预算绩效目标说明", text)))
    assert not [f for f in result(covered, "TEXT-TOTALS").findings if "14,829.50" in f.message]
    stated = replace(doc, sections=(*doc.sections, Section("十、收入说明", "其他资金14,829.50万元。")))
    assert [f for f in result(stated, "TEXT-TOTALS").findings if "14,829.50" in f.message]


# ---------------------------------------------------------------- the layouts engineer's four findings


def _rekeyed(seed, kind: TableKind, rename: dict[str, str], extra: dict[str, dict[str, str]]):
    """The table of ``kind`` with some columns renamed and, on some rows (by code or name),
    amounts added to new columns (and to 合计, which grows by them)."""
    table = seed.table(kind)
    keys = tuple(rename.get(k, k) if k else k for k in table.column_keys)
    added = sorted({k for values in extra.values() for k in values})
    lines = []
    for ln in table.lines:
        values = {rename.get(k, k): v for k, v in ln.values.items()}
        for key in added:
            values.setdefault(key, None)
        for key, amount in extra.get(ln.code or ln.name, {}).items():
            value = Money(D(amount), W)
            values[key] = value
            values["total"] = values["total"] + value
        lines.append(replace(ln, values=values))
    return edit_table(seed, kind, column_keys=(*keys, *(k for k in added if k not in keys)), lines=tuple(lines))


def _row_errors(doc, table: str) -> set:
    return {p for p in places(result(doc, "ARITH-ROW")) if p[0] == table and p[3] == "error"}


def test_income_sources_printed_by_fund_are_the_appropriation(seed):
    # 西安/深圳: 收入总表 columns 一般公共预算 | 政府性基金 | 事业收入 …, no 财政拨款 column
    income = {"合计": {"gov_fund": "5.00", "business": "3.00"}, "201": {"gov_fund": "5.00", "business": "3.00"}}
    doc = _rekeyed(seed, TableKind.INCOME, {"appropriation": "general_public"}, income)
    doc = replace(
        doc,
        tables=tuple(
            replace(t, lines=tuple(replace(ln, values={**ln.values, "current": ln.values["total"]}) for ln in t.lines))
            if t.kind == TableKind.INCOME
            else t
            for t in doc.tables
        ),
    )
    assert _row_errors(doc, "income") == set()
    wrong = set_values(doc, TableKind.INCOME, "201", gov_fund="6.00")
    assert ("income", "201", "本年收入小计", "error") in _row_errors(wrong, "income")


def test_funds_alone_must_add_up_to_the_total_only_without_other_sources(seed):
    income = {"合计": {"gov_fund": "5.00"}, "201": {"gov_fund": "5.00"}}
    doc = _rekeyed(seed, TableKind.INCOME, {"appropriation": "general_public"}, income)
    doc = set_values(doc, TableKind.INCOME, "201", current=None)
    doc = edit_table(
        doc,
        TableKind.INCOME,
        lines=tuple(
            replace(ln, values={k: v for k, v in ln.values.items() if k != "current"})
            for ln in doc.table(TableKind.INCOME).lines
        ),
    )
    assert _row_errors(doc, "income") == set()
    assert ("income", "201", "合计", "error") in _row_errors(
        set_values(doc, TableKind.INCOME, "201", gov_fund="4.00"), "income"
    )


def test_basic_spending_printed_only_as_personnel_and_public(seed):
    # 北京/西安: 支出总表 合计 | 人员经费 | 公用经费 | 项目支出, no 基本支出 column
    table = seed.table(TableKind.EXPENDITURE)
    personnel = {ln.code or ln.name: ln.values for ln in seed.table(TableKind.BASIC_ECONOMIC).lines}
    lines = []
    for ln in table.lines:
        basic = ln.values.get("basic")
        values = {k: v for k, v in ln.values.items() if k != "basic"}
        values["personnel"] = basic  # all of a 类's basic spending as personnel: it still adds up
        values["public"] = None
        lines.append(replace(ln, values=values))
    keys = tuple("personnel" if k == "basic" else k for k in table.column_keys) + ("public",)
    assert personnel  # the basic table is there: the split is only moved
    doc = edit_table(seed, TableKind.EXPENDITURE, column_keys=keys, lines=tuple(lines))
    assert _row_errors(doc, "expenditure") == set()
    wrong = set_values(doc, TableKind.EXPENDITURE, "201", public="1.00")
    assert ("expenditure", "201", "合计", "error") in _row_errors(wrong, "expenditure")


def _per_unit(seed, kind: TableKind):
    """A 部门's table printed per 预算单位: the seed's rows once for each of two units."""
    table = seed.table(kind)
    total = table.total_line()
    coded = [ln for ln in table.lines if not ln.is_total]
    lines = [total]
    row = total.row
    for unit in ("某某局机关", "某某局事务中心"):
        row += 1
        lines.append(Line(name=unit, values=dict(total.values), row=row, unit=unit))
        for ln in coded:
            row += 1
            lines.append(replace(ln, row=row, unit=unit))
    doubled = {k: (v + v if v is not None else None) for k, v in total.values.items()}
    lines[0] = replace(total, values=doubled)
    return edit_table(seed, kind, lines=tuple(lines))


def test_the_hierarchy_of_a_table_printed_per_unit_is_summed_per_unit(seed):
    doc = _per_unit(seed, TableKind.GENERAL_PUBLIC)
    assert {p for p in places(result(doc, "ARITH-HIER")) if p[3] == "error"} == set()
    wrong = set_values(doc, TableKind.GENERAL_PUBLIC, "2013602", total="1000.00", project="1000.00")
    errors = [f for f in result(wrong, "ARITH-HIER").findings if f.severity == Severity.ERROR]
    assert errors and all("某某局" in f.message for f in errors)


def test_xref_part_compares_with_the_table_the_functional_rows_come_from(seed):
    index = seed.tables.index(seed.table(TableKind.EXPENDITURE))
    doc = replace(seed, functional_table=index)
    wrong = set_values(doc, TableKind.GENERAL_PUBLIC, "2013602", total="1100.00")
    assert ("general_public", "2013602", "合计", "error") in places(result(wrong, "XREF-PART"))
    # the functional rows read from the 一般公共预算支出表: the 支出总表 is laid out otherwise
    general = seed.tables.index(seed.table(TableKind.GENERAL_PUBLIC))
    assert result(replace(wrong, functional_table=general), "XREF-PART").status.value == "not_run"


def _under_a_blank_heading(seed, heading_value: str | None):
    """西安: the income items numbered under '一、部门预算', printed blank (or not)."""
    table = seed.table(TableKind.SUMMARY)
    lines = []
    for ln in table.lines:
        if ln.side == "income" and ln.row == 2:
            value = None if heading_value is None else Money(D(heading_value), W)
            lines.append(Line(name="一、部门预算", values={"total": value}, row=1, side="income", level=1))
        if ln.side == "income" and 2 <= ln.row <= 10:
            ln = replace(ln, level=2)
        lines.append(ln)
    return edit_table(seed, TableKind.SUMMARY, lines=tuple(lines))


def test_items_numbered_under_a_blank_heading_make_the_years_income(seed):
    res = result(_under_a_blank_heading(seed, None), "ARITH-TOTALS")
    assert not [f for f in res.findings if f.severity == Severity.ERROR]
    res = result(_under_a_blank_heading(seed, "1000.00"), "ARITH-TOTALS")
    assert ("summary", "本年收入合计", "合计", "error") in places(res)


def test_a_units_project_total_in_a_departments_disclosure_is_not_the_tables(seed):
    # 深圳 部门: '二、深圳市劳动人事争议仲裁院 … （五）项目支出2,149.05万元' against the 部门's 支出总表
    department = replace(seed, unit=replace(seed.unit, name="深圳市人力资源和社会保障局", kind="部门"))

    def under(heading):
        sections = (
            *department.sections,
            Section(heading, "", level=1),
            Section("（五）项目支出500.00万元，具体包括：", "劳动关系管理500.00万元。", level=2),
        )
        return replace(department, sections=sections)

    def wrong(doc):
        return [
            f for f in result(doc, "TEXT-TOTALS").findings if "500.00" in f.message and f.severity == Severity.ERROR
        ]

    assert wrong(under("二、深圳市劳动人事争议仲裁院")) == []
    assert wrong(under("二、项目支出情况"))


# ---------------------------------------------------------------- PERF-EMPTY

PROJECT = "反邪教专项资金"


def _with_rows(seed, *rows):
    project = next(p for p in seed.performance if p.name == PROJECT)
    extra = tuple(Indicator(*row, row=90 + i) for i, row in enumerate(rows))
    return edit_project(seed, PROJECT, indicators=(*project.indicators, *extra))


def _empty(doc):
    return [(f.location.row, f.template) for f in result(doc, "PERF-EMPTY").findings]


def test_an_area_in_square_metres_is_quantified(seed):
    # 长沙: '日常运转服务覆盖建筑面积 | =83300.27m2'
    area = _with_rows(seed, ("产出指标", "数量指标", "覆盖建筑面积", None, "=83300.27m2", None))
    assert [row for row, _ in _targets(area, "PERF-QUANT") if row == "覆盖建筑面积"] == []
    worded = _with_rows(seed, ("产出指标", "数量指标", "覆盖建筑面积", None, "全面覆盖", None))
    assert ("覆盖建筑面积", "default") in _targets(worded, "PERF-QUANT")


def test_a_cost_named_before_its_amount_is_in_money(seed):
    # 西安: '预算控制数 | 财政资金370万元': the ≤ is missing, the 万元 is not
    def missing(target):
        doc = _with_rows(seed, ("产出指标", "成本指标", "预算控制数", None, target, None))
        found = [f for f in result(doc, "PERF-COST").findings if f.location.row == "预算控制数"]
        return [f.params.get("missing") for f in found]

    assert missing("财政资金370万元") == ["运算符（≤）"]
    assert missing("财政资金370") == ["运算符（≤）和金额单位（万元/元）"]
    assert missing("≤370万元") == []


def test_the_next_forms_header_block_is_no_indicator(seed):
    # 西安: '实施期资金总额： | 360.77 | 执行率分值（10分）' read under the form before
    assert _empty(_with_rows(seed, ("实施期资金总额：", "360.77", "执行率分值（10分）", None, None, None))) == []
    assert _empty(_with_rows(seed, ("产出指标", "数量指标", "培训场次", None, None, None))) == [("培训场次", "default")]


def test_a_category_repeated_as_its_indicator_is_an_unused_category(seed):
    # 西安: '效益指标 | 生态效益指标 | 生态效益 | (blank)'
    assert _empty(_with_rows(seed, ("效益指标", "生态效益指标", "生态效益", None, None, None))) == []
    assert _empty(_with_rows(seed, ("效益指标", "生态效益指标", "节能减排", None, None, None))) == [
        ("节能减排", "default")
    ]


def test_a_form_of_placeholder_rows_is_one_finding(seed):
    # 西安: a 专项资金总体绩效目标表 with '......' in every row
    rows = [("产出指标", level2, "......", None, None, None) for level2 in ("数量指标", "质量指标", "时效指标")]
    res = result(_with_rows(seed, *rows), "PERF-EMPTY")
    assert [(f.template, f.params["count"]) for f in res.findings] == [("placeholder", 3)]


# ---------------------------------------------------------------- TEXT-ITEMS, TEXT-TOTALS, XREF-INCOME


def _listed(seed, text):
    return edit_text(seed, OVERVIEW, "都反映在预算中。", "都反映在预算中。\n" + text)


def test_a_kemu_listed_under_a_part_of_spending_is_that_part(seed):
    # 西安: '其中①人员经费：工资福利支出（301）…；②公用经费：商品和服务支出（302）…'
    def items(doc):
        return [(f.severity, f.params.get("actual")) for f in result(doc, "TEXT-ITEMS").findings if "302" in f.message]

    assert items(_listed(seed, "其中：②公用经费：商品和服务支出（302）31.82万元，用于日常运转。")) == []
    wrong = items(_listed(seed, "其中：②公用经费：商品和服务支出（302）30.00万元，用于日常运转。"))
    assert [severity for severity, _ in wrong] == [Severity.ERROR]
    # under 人员经费 the basic table prints no 302 figure: not comparable
    assert items(_listed(seed, "其中：①人员经费：商品和服务支出（302）5.00万元，用于日常运转。")) == []


def test_totals_under_an_appropriation_heading_are_the_appropriations(seed):
    # 西安: '（二）财政拨款收支情况 … 支出预算总计181807.13 万元' against the 财政拨款收支总表
    doc = set_values(seed, TableKind.FISCAL_SUMMARY, "支出总计", side="expenditure", total="1400.00")
    doc = set_values(doc, TableKind.FISCAL_SUMMARY, "收入总计", side="income", total="1400.00")

    def stated(heading):
        sections = (*doc.sections, Section(heading, "支出预算总计1400.00万元，全部为一般公共预算拨款。", level=2))
        return [f for f in result(replace(doc, sections=sections), "TEXT-TOTALS").findings if "1400.00" in f.message]

    assert stated("（二）财政拨款收支情况") == []
    assert [f.severity for f in stated("（二）收支预算情况")] == [Severity.ERROR]


def test_a_spending_table_that_spends_the_carried_money_is_not_short(seed):
    # 西安: 收入总表 = 支出总表 = 3,695.91 with 上年结转 among both; the summary's 结转下年 52.54
    doc = set_values(seed, TableKind.SUMMARY, "年终结转结余", side="expenditure", total="52.54")
    assert result(doc, "XREF-INCOME").findings == ()
    short = set_values(doc, TableKind.EXPENDITURE, "合计", total="1440.00")
    assert [f.severity for f in result(short, "XREF-INCOME").findings] == [Severity.ERROR]


# ---------------------------------------------------------------- XREF-UNIT, FORM-CODE


def test_the_unit_line_with_a_label_before_the_name_is_the_same_unit(seed):
    name = seed.unit.name
    for line in (
        f"公开01表部门：{name} 金额单位：万元",  # 武汉
        f"资金主管部门:{name} 单位:万元",  # 重庆
        f"{seed.unit.code}-{name} 单位：万元",  # 湖州: 606-湖州市交通运输局
        f"部门：{name.replace('（', '(').replace('）', ')')} 单位：万元",  # 无锡, half-width brackets
    ):
        assert result(edit_table(seed, TableKind.INCOME, unit_line=line), "XREF-UNIT").findings == (), line
    other = edit_table(seed, TableKind.INCOME, unit_line="公开01表部门：中共秦皇岛市海港区委宣传部 金额单位：万元")
    assert [f.params["written"] for f in result(other, "XREF-UNIT").findings] == ["中共秦皇岛市海港区委宣传部"]


def test_a_xiang_whose_kuan_is_not_printed_is_no_code_defect(seed):
    # 北京: a 一般公共预算支出表 listing only 项 (one line per project)
    table = seed.table(TableKind.GENERAL_PUBLIC)
    lines = tuple(ln for ln in table.lines if not ln.code or len(ln.code) == 7)
    assert result(edit_table(seed, TableKind.GENERAL_PUBLIC, lines=lines), "FORM-CODE").findings == ()
    # a 项 printed under another 款 of its 类 is one
    moved = rename_line(seed, TableKind.GENERAL_PUBLIC, "2080505", code="2080305")
    assert places(result(moved, "FORM-CODE")) == {("general_public", "2080305", "科目编码", "warning")}


# ---------------------------------------------------------------- TEXT-REASON-COPY

SIBLINGS = (
    "1.行政单位离退休（2080501）26.91万元，较上年增加1.91万元，增长的主要原因是：退休人员增加；\n"
    "2.机关事业单位基本养老保险缴费支出（2080505）34.63万元，较上年增加2.63万元，增长的主要原因是：{reason}；"
)


def _copied(seed, text):
    return [f.params["other"] for f in result(_listed(seed, text), "TEXT-REASON-COPY").findings]


def test_a_reason_naming_where_the_money_moved_is_no_copy(seed):
    # 无锡/西安: '…由商业服务业等支出调整为科学技术支出', '将…调整至养老服务科目核算'
    assert _copied(seed, SIBLINGS.format(reason="部分经费调整至行政单位离退休科目核算")) == []
    assert _copied(seed, SIBLINGS.format(reason="行政单位离退休经费增加")) == ["行政单位离退休"]


def test_a_lei_giving_its_xiangs_reason_is_no_copy(seed):
    # 无锡: '住房保障支出（类）…主要原因是单位提租补贴人数减少' beside '提租补贴…单位提租补贴人数减少'
    text = (
        "1.社会保障和就业支出（208）61.54万元，较上年增加2.63万元，主要原因是机关事业单位基本养老保险缴费支出增加；\n"
        "2.机关事业单位基本养老保险缴费支出（2080505）34.63万元，较上年增加2.63万元，"
        "主要原因是机关事业单位基本养老保险缴费支出增加；"
    )
    assert _copied(seed, text) == []


# ---------------------------------------------------------------- COMPLETE-3PUB-REASON


def test_a_three_public_tables_title_needs_no_reasons_of_its_own(seed):
    # 湖州: '（七）2026年市级部门一般公共预算“三公”经费支出表' a heading of its own, the reasons under （九）
    title = Section("（七）2026年市级部门一般公共预算“三公”经费支出表", "单位：万元", level=2)
    doc = replace(seed, sections=(*seed.sections, title))
    assert result(doc, "COMPLETE-3PUB-REASON").findings == ()
    unexplained = edit_text(doc, "三公", "与2022年相比无变化。", "")
    assert [f.location.section for f in result(unexplained, "COMPLETE-3PUB-REASON").findings] == [
        seed.sections[4].heading
    ]


# ---------------------------------------------------------------- PERF-QUANT, PERF-COST, PERF-GOALS


def _targets(doc, rule_id):
    return [(f.location.row, f.template) for f in result(doc, rule_id).findings if f.location.project == PROJECT]


def test_a_unit_given_in_the_indicators_name_is_its_unit(seed):
    # 西安: '人民监督员案件监督补贴（元/件） | 400'
    named = _with_rows(seed, ("产出指标", "数量指标", "人民监督员案件监督补贴（元/件）", None, "400", None))
    assert ("人民监督员案件监督补贴（元/件）", "no_unit") not in _targets(named, "PERF-QUANT")
    bare = _with_rows(seed, ("产出指标", "数量指标", "人民监督员案件监督补贴", None, "400", None))
    assert ("人民监督员案件监督补贴", "no_unit") in _targets(bare, "PERF-QUANT")


def test_a_target_read_as_its_operator_alone_is_not_judged(seed):
    # 北京: '时效指标 | ＝' with the figure in the next cell
    alone = _with_rows(seed, ("成本指标", "经济成本指标", "印刷费", None, "＝", None))
    assert not [row for row, _ in _targets(alone, "PERF-QUANT") + _targets(alone, "PERF-COST") if row == "印刷费"]
    worded = _with_rows(seed, ("成本指标", "经济成本指标", "印刷费", None, "不超过预算", None))
    assert ("印刷费", "default") in _targets(worded, "PERF-COST")


def test_a_form_named_by_its_tables_title_is_not_judged_for_goals(seed):
    # 北京: '预算12表 项目支出' taken for a project's name
    project = next(p for p in without_goals(seed, PROJECT).performance if p.name == PROJECT)
    for name, flagged in (("预算12表 项目支出", False), ("某某专项经费", True)):
        blank = without_goals(seed, PROJECT)  # the form prints no goal either
        doc = replace(blank, performance=(*seed.performance, replace(project, name=name, goals=())))
        assert bool([f for f in result(doc, "PERF-GOALS").findings if f.params["project"] == name]) is flagged


# ---------------------------------------------------------------- TEXT-KIND


def _department(seed):
    """The seed as a 部门预算: read so, and naming itself so in its headings."""
    sections = tuple(replace(s, heading=s.heading.replace("单位预算", "部门预算")) for s in seed.sections)
    return replace(seed, unit=replace(seed.unit, kind="部门"), sections=sections)


def test_a_departments_only_unit_calls_itself_this_unit(seed):
    # 长沙 部门: '长沙市信访局部门只有本级，没有其他二级预算单位' … '本单位共有公务用车2辆'
    department = _department(seed)
    said = Section("七、国有资产信息", "截至2025年12月底，本单位共有公务用车2辆。", level=1)

    def own_words(*extra):
        doc = replace(department, sections=(*department.sections, *extra, said))
        return [f.params["word"] for f in result(doc, "TEXT-KIND").findings if f.location.section == said.heading]

    assert own_words() == ["本单位"]
    one = Section("二、部门预算单位构成", "本部门只有本级，没有其他二级预算单位。", level=1)
    assert own_words(one) == []
    # 深圳 "2026年深圳市统计局（本级）部门预算" on the cover: the 部门's own unit
    title = Section("2026年深圳市统计局（本级）部门预算", "", level=1)
    doc = replace(department, sections=(title, *department.sections, said))
    assert [f for f in result(doc, "TEXT-KIND").findings if f.location.section == said.heading] == []


def test_the_kind_the_document_names_itself_by_is_its_kind(seed):
    # 深圳 '2026年深圳市医疗保障局（本级）部门预算', read as a 单位: its '本部门' is its own kind
    department = _department(seed)
    read_as_unit = replace(department, unit=replace(department.unit, kind="单位"))
    said = Section("七、国有资产信息", "主要是本部门无计划购置车辆。", level=1)
    doc = replace(read_as_unit, sections=(*read_as_unit.sections, said))
    assert [f for f in result(doc, "TEXT-KIND").findings if f.location.section == said.heading] == []
    unit = replace(seed, sections=(*seed.sections, said))  # a 单位预算 by its headings too
    assert [f.params["word"] for f in result(unit, "TEXT-KIND").findings if f.location.section == said.heading] == [
        "本部门"
    ]


def test_the_statistics_term_basic_unit_is_no_self_reference(seed):
    # 无锡 部门 主要职能: '组织实施基本单位、能源、投资…的统计调查': 基本单位 is no 本单位
    department = _department(seed)

    def own_words(text):
        doc = replace(department, sections=(*department.sections, Section("一、主要职能", text, level=1)))
        return [f.params["word"] for f in result(doc, "TEXT-KIND").findings if f.location.section == "一、主要职能"]

    assert own_words("组织实施基本单位、能源、投资、人口等基本状况的统计调查。") == []
    assert own_words("组织实施本单位、能源、投资、人口等基本状况的统计调查。") == ["本单位"]


def test_a_terms_definition_in_the_glossary_speaks_of_any_unit(seed):
    # 重庆/武汉 部门: '附属单位上缴收入:指本单位所属下级单位上缴给本单位的全部收入' under 名词解释
    department = _department(seed)
    text = "附属单位上缴收入：指本单位所属下级单位上缴给本单位的全部收入。"

    def own_words(heading):
        doc = replace(department, sections=(*department.sections, Section(heading, text, level=1)))
        return [f for f in result(doc, "TEXT-KIND").findings if f.location.section == heading]

    assert own_words("六、专业性名词解释") == []
    assert own_words("六、其他需要说明的事项")
