"""Reconciliation across tables: the same figure printed twice; part ≤ whole."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from budget.checks import Status
from budget.model import TableKind
from tests.budget.checks.helpers import edit_table, edit_three_public, money, places, rename_line, result, set_values

D = Decimal


def test_seed_reconciles_across_tables(seed):
    for rule_id in (
        "XREF-SUMMARY",
        "XREF-INCOME",
        "XREF-FISCAL",
        "XREF-PART",
        "XREF-3PUB-ECON",
        "XREF-INSURANCE",
        "XREF-NAMES",
    ):
        res = result(seed, rule_id)
        assert (rule_id, res.status, res.findings) == (rule_id, Status.PASSED, ())


def test_summary_class_differs_from_expenditure_table(seed):
    doc = set_values(seed, TableKind.SUMMARY, "公共安全支出", side="expenditure", total="276.00")
    res = result(doc, "XREF-SUMMARY")
    assert places(res) == {("summary", "公共安全支出", "合计", "error")}
    f = res.findings[0]
    assert (f.actual, f.expected, f.difference) == (D("276.00"), D("276.93"), D("-0.93"))


def test_summary_lists_a_class_the_expenditure_table_lacks(seed):
    doc = set_values(seed, TableKind.SUMMARY, "教育支出", side="expenditure", total="5.00")
    res = result(doc, "XREF-SUMMARY")
    assert ("summary", "教育支出", "合计", "error") in places(res)


def test_income_table_total_differs_from_expenditure_table(seed):
    doc = set_values(seed, TableKind.INCOME, "合计", total="1452.20")
    res = result(doc, "XREF-INCOME")
    assert places(res) == {("income", "合计", "合计", "error")}
    assert res.findings[0].difference == D("-0.01")


def test_fiscal_summary_fund_column_differs_from_general_public_table(seed):
    doc = set_values(seed, TableKind.FISCAL_SUMMARY, "支出总计", side="expenditure", general_public="1450.00")
    res = result(doc, "XREF-FISCAL")
    assert places(res) == {("fiscal_summary", "支出总计", "一般公共预算", "error")}
    assert res.findings[0].difference == D("-2.21")


def test_general_public_basic_differs_from_basic_economic(seed):
    doc = set_values(seed, TableKind.BASIC_ECONOMIC, "合计", total="388.13", personnel="356.31")
    res = result(doc, "XREF-FISCAL")
    assert places(res) == {("general_public", "合计", "基本支出", "error")}
    assert res.findings[0].expected == D("388.13")


def test_appropriation_larger_than_all_funds(seed):
    doc = set_values(seed, TableKind.GENERAL_PUBLIC, "2049999", total="300.00", basic="300.00")
    res = result(doc, "XREF-PART")
    assert places(res) == {
        ("general_public", "2049999", "合计", "error"),
        ("general_public", "2049999", "基本支出", "error"),
    }
    assert {f.difference for f in res.findings} == {D("23.07")}


def test_appropriation_smaller_is_fine(seed):
    doc = set_values(seed, TableKind.GENERAL_PUBLIC, "2049999", total="200.00", basic="200.00")
    assert result(doc, "XREF-PART").status == Status.PASSED


def test_running_costs_not_run_when_not_printed(seed):
    res = result(seed, "XREF-RUNNING")
    assert res.status == Status.NOT_RUN and "机关运行经费" in res.reason


def test_running_costs_above_public_expenditure(seed):
    doc = edit_three_public(seed, running_costs=money(seed, "40.00"))
    res = result(doc, "XREF-RUNNING")
    assert places(res) == {("three_public", "机关运行经费", "机关运行经费", "error")}
    assert res.findings[0].difference == D("8.18")


def test_running_costs_equal_to_public_expenditure(seed):
    doc = edit_three_public(seed, running_costs=money(seed, "31.82"))
    assert result(doc, "XREF-RUNNING").status == Status.PASSED


def test_economic_reception_above_three_public(seed):
    doc = edit_three_public(seed, reception=money(seed, "0.20"))
    res = result(doc, "XREF-3PUB-ECON")
    assert places(res) == {("basic_economic", "30217", "合计", "error")}
    assert res.findings[0].difference == D("0.110000")


def test_pension_mirror_differs(seed):
    doc = set_values(seed, TableKind.BASIC_ECONOMIC, "30108", total="34.00", personnel="34.00")
    res = result(doc, "XREF-INSURANCE")
    assert places(res) == {("basic_economic", "30108", "合计", "warning")}
    assert res.findings[0].expected == D("34.63")


def test_code_named_differently_in_two_tables(seed):
    doc = rename_line(seed, TableKind.GENERAL_PUBLIC, "2101101", name="行政单位医疗费")
    res = result(doc, "XREF-NAMES")
    assert places(res) == {("general_public", "2101101", None, "warning")}


def test_old_class_name_in_summary(seed):
    doc = rename_line(seed, TableKind.SUMMARY, "卫生健康支出", name="医疗卫生与计划生育支出")
    res = result(doc, "XREF-NAMES")
    assert places(res) == {("summary", "医疗卫生与计划生育支出", None, "warning")}
    # the amounts are still matched through the old name
    assert result(doc, "XREF-SUMMARY").status == Status.PASSED


def test_unit_lines_agree_in_the_seed(seed):
    assert result(seed, "XREF-UNIT").status == Status.PASSED


def test_table_copied_from_another_unit_or_year(seed):
    doc = edit_table(seed, TableKind.INCOME, unit_line="216002中共秦皇岛市海港区委宣传部 预算年度：2022 单位：万元")
    res = result(doc, "XREF-UNIT")
    assert places(res) == {("income", "表头", "编制单位", "warning")}
    assert len(res.findings) == 3  # name, code and year


def test_summary_by_basic_and_project_is_not_compared_with_classes(seed):
    summary = seed.table(TableKind.SUMMARY)
    lines = tuple(ln for ln in summary.lines if ln.side != "expenditure" or ln.is_total or "结转" in ln.name)
    lines += (
        replace(summary.lines[1], name="基本支出", values={"total": money(seed, "387.13")}, row=2),
        replace(summary.lines[1], name="项目支出", values={"total": money(seed, "1065.08")}, row=3),
    )
    doc = edit_table(seed, TableKind.SUMMARY, lines=lines)
    res = result(doc, "XREF-SUMMARY")
    assert res.status == Status.NOT_RUN and "类" in res.reason


def test_a_figure_read_blank_beside_a_printed_one_is_a_warning(seed):
    # 广州: the summary's 公共安全支出 read blank while the expenditure table prints 276.93
    doc = set_values(seed, TableKind.SUMMARY, "公共安全支出", side="expenditure", total=None)
    assert places(result(doc, "XREF-SUMMARY")) == {("summary", "公共安全支出", "合计", "warning")}


def test_more_income_than_spending_is_a_warning_less_an_error(seed):
    more = set_values(seed, TableKind.INCOME, "合计", total="1460.00")
    assert places(result(more, "XREF-INCOME")) == {("income", "合计", "合计", "warning")}
    less = set_values(seed, TableKind.INCOME, "合计", total="1400.00")
    assert places(result(less, "XREF-INCOME")) == {("income", "合计", "合计", "error")}


def _medical_split(seed, first: str, second: str):
    """The seed's 2101101 行政单位医疗 (13.92) printed as two 项, 2101101 + 2101102 事业单位医疗."""
    table = seed.table(TableKind.GENERAL_PUBLIC)
    lines = []
    for line in table.lines:
        if line.code == "2101101":
            a, b = money(seed, first), money(seed, second)
            lines.append(replace(line, values={"total": a, "basic": a, "project": None}))
            lines.append(
                replace(
                    line,
                    code="2101102",
                    name="事业单位医疗",
                    values={"total": b, "basic": b, "project": None},
                )
            )
        else:
            lines.append(line)
    return edit_table(seed, TableKind.GENERAL_PUBLIC, lines=tuple(lines))


def test_insurance_against_two_rounded_items_is_a_rounding_note(seed):
    # 重庆: 30110 214.62 against 2101101 162.24 + 2101102 52.39 = 214.63, three rounded figures
    res = result(_medical_split(seed, "10.00", "3.93"), "XREF-INSURANCE")
    assert places(res) == {("basic_economic", "30110", "合计", "info")}
    assert res.status == Status.PASSED
    assert (res.findings[0].actual, res.findings[0].expected) == (D("13.92"), D("13.93"))
    # beyond the rounding of three figures it is the warning it was
    res = result(_medical_split(seed, "10.00", "3.95"), "XREF-INSURANCE")
    assert places(res) == {("basic_economic", "30110", "合计", "warning")}
    # one figure printed twice has no rounding between them
    doc = set_values(seed, TableKind.GENERAL_PUBLIC, "2101101", total="13.93", basic="13.93")
    assert places(result(doc, "XREF-INSURANCE")) == {("basic_economic", "30110", "合计", "warning")}


def _without_item(seed, code):
    table = seed.table(TableKind.GENERAL_PUBLIC)
    return edit_table(seed, TableKind.GENERAL_PUBLIC, lines=tuple(ln for ln in table.lines if ln.code != code))


def test_medical_contributions_under_one_item_match_as_a_whole(seed):
    # 上海: no 2101103 line; 2101101 行政单位医疗 6,100,000 = 30110 4,220,000 + 30111 1,880,000
    one_item = set_values(
        _without_item(seed, "2101103"), TableKind.GENERAL_PUBLIC, "2101101", total="32.01", basic="32.01"
    )
    assert result(one_item, "XREF-INSURANCE").findings == ()
    # the whole a cent apart is a difference again
    apart = set_values(one_item, TableKind.GENERAL_PUBLIC, "2101101", total="32.02", basic="32.02")
    assert places(result(apart, "XREF-INSURANCE")) == {("basic_economic", "30110", "合计", "warning")}


def test_a_table_printed_per_unit_is_summed_over_its_units(seed):
    # 西安 部门: the 基本支出 table lists 30110 once per 预算单位 (473,304.86 + 905,672.85 = 2101101 + 2101102)
    table = seed.table(TableKind.BASIC_ECONOMIC)
    lines = []
    for line in table.lines:
        if line.code == "30110":
            for part in ("10.00", "3.92"):
                amount = money(seed, part)
                lines.append(replace(line, values={**line.values, "total": amount, "personnel": amount}))
        else:
            lines.append(line)
    per_unit = edit_table(seed, TableKind.BASIC_ECONOMIC, lines=tuple(lines))
    assert result(per_unit, "XREF-INSURANCE").findings == ()
    # one unit's row alone is not the 部门's figure
    at = next(i for i, ln in enumerate(lines) if ln.code == "30110")
    alone = edit_table(seed, TableKind.BASIC_ECONOMIC, lines=(*lines[: at + 1], *lines[at + 2 :]))
    assert places(result(alone, "XREF-INSURANCE")) == {("basic_economic", "30110", "合计", "warning")}


def test_insurance_against_basic_printed_as_personnel_and_public():
    # 西安 09: the functional table prints 人员经费支出 | 公用经费支出 | 专项业务经费支出, no 基本支出:
    # 2101101 行政单位医疗 75.7 + 2101102 事业单位医疗 39.25 (their 专项 8,300 and 6,327 left out)
    # = 30110 职工基本医疗保险缴费 25.17 + 89.78
    from tests.conftest import corpus_document

    assert result(corpus_document("xian_09.pdf"), "XREF-INSURANCE").findings == ()
    # 西安 11: 2101103 公务员医疗补助 人员经费 195,026.26 against 30111 315,050.26: still differs
    found = result(corpus_document("xian_11.pdf"), "XREF-INSURANCE").findings
    assert [(f.location.row, f.actual, f.expected) for f in found] == [("30111", D("315050.26"), D("195026.26"))]


def test_running_costs_against_the_limit_derived_from_the_codes():
    """广州 guangzhou_05 prints 行政经费（机关运行经费） 3,555.29 in its 三公 table and no 公用经费
    column: the basic 公用经费 by the codes is 1,444.48 — its 机关运行经费 counts project money
    too, as its 名词解释 says — so the limit adds the project's 302 and 310 classes: 10,720.50."""
    from tests.conftest import corpus_document

    doc = corpus_document("guangzhou_05.pdf")
    res = result(doc, "XREF-RUNNING")
    assert (res.status, res.findings) == (Status.PASSED, ())
    over = result(edit_three_public(doc, running_costs=money(doc, "10800.00")), "XREF-RUNNING")
    # a limit derived by us, not printed: a warning for the finance officer to look at
    assert places(over) == {("three_public", "机关运行经费", "机关运行经费", "warning")}
    assert (over.findings[0].expected, over.findings[0].difference) == (D("10720.50"), D("79.50"))
    assert "按经济分类推算" in over.findings[0].message


def test_running_costs_against_a_printed_public_column_stay_an_error():
    """上海 shanghai_04 prints 公用经费合计 10,679,246 元: compared as printed, an error above it."""
    from tests.conftest import corpus_document

    doc = corpus_document("shanghai_04.pdf")
    assert result(doc, "XREF-RUNNING").status == Status.PASSED
    over = result(edit_three_public(doc, running_costs=money(doc, "10679247")), "XREF-RUNNING")
    assert places(over) == {("three_public", "机关运行经费", "机关运行经费", "error")}


def test_fiscal_summary_closed_by_its_expenditure_total_row():
    # 重庆 01 closes the expenditure side of its 财政拨款收支总表 with 支出合计 18,417.70 (结转下年 blank),
    # no 支出总计: that row is the total the 一般公共预算支出表 合计 18,417.70 is held against
    from tests.conftest import corpus_document

    doc = corpus_document("chongqing_01.pdf")
    assert result(doc, "XREF-FISCAL").status == Status.PASSED
    changed = set_values(doc, TableKind.FISCAL_SUMMARY, "支出合计", side="expenditure", general_public="18400.00")
    res = result(changed, "XREF-FISCAL")
    assert places(res) == {("fiscal_summary", "支出合计", "一般公共预算", "error")}
    assert (res.findings[0].actual, res.findings[0].expected) == (D("18400.00"), D("18417.70"))
