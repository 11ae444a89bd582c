"""Arithmetic within tables: each rule fires on a seed with one figure changed."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from budget.checks import Status
from budget.model import TableKind
from tests.budget.checks.helpers import edit_table, edit_three_public, money, places, result, set_values

D = Decimal


def test_rows_reconcile_in_the_seed(seed):
    res = result(seed, "ARITH-ROW")
    assert res.status == Status.PASSED
    assert res.findings == ()


def test_row_total_not_equal_to_parts(seed):
    doc = set_values(seed, TableKind.EXPENDITURE, "2013602", project="1000.00")
    res = result(doc, "ARITH-ROW")
    assert res.status == Status.FAILED
    assert places(res) == {("expenditure", "2013602", "合计", "error")}
    (f,) = res.findings
    assert (f.actual, f.expected, f.difference) == (D("1065.08"), D("1000.00"), D("65.08"))
    assert f.location.table_index == 2 and f.location.row_index is not None


def test_row_difference_inside_rounding_envelope_is_a_note(seed):
    # 人员经费 355.31 + 公用经费 31.83 = 387.14 against 387.13: one cent over two rounded items
    doc = set_values(seed, TableKind.BASIC_ECONOMIC, "合计", public="31.83")
    res = result(doc, "ARITH-ROW")
    assert res.status == Status.PASSED
    assert places(res) == {("basic_economic", "合计", "合计", "info")}
    assert res.findings[0].difference == D("-0.01")


def test_hierarchy_reconciles_in_the_seed(seed):
    assert result(seed, "ARITH-HIER").status == Status.PASSED


def test_kuan_not_equal_to_its_xiang(seed):
    doc = set_values(seed, TableKind.GENERAL_PUBLIC, "2101103", total="18.19", basic="18.19")
    res = result(doc, "ARITH-HIER")
    assert res.status == Status.FAILED
    assert places(res) == {
        ("general_public", "21011", "合计", "error"),
        ("general_public", "21011", "基本支出", "error"),
    }
    assert {f.difference for f in res.findings} == {D("-0.10")}


def test_total_row_not_equal_to_classes(seed):
    doc = set_values(seed, TableKind.INCOME, "合计", total="1452.91", current="1452.91", appropriation="1452.91")
    res = result(doc, "ARITH-HIER")
    assert ("income", "合计", "合计", "error") in places(res)
    assert all(f.difference == D("0.70") for f in res.findings)


def test_summary_totals_balance_in_the_seed(seed):
    assert result(seed, "ARITH-TOTALS").status == Status.PASSED


def test_income_total_not_equal_to_expenditure_total(seed):
    doc = set_values(seed, TableKind.SUMMARY, "收入总计", side="income", total="1452.31")
    res = result(doc, "ARITH-TOTALS")
    assert res.status == Status.FAILED
    assert {p[:2] for p in places(res)} == {("summary", "收入总计")}
    assert {f.difference for f in res.findings} == {D("0.10")}


def test_current_total_not_equal_to_items(seed):
    doc = set_values(
        seed, TableKind.FISCAL_SUMMARY, "公共安全支出", side="expenditure", total="276.00", general_public="276.00"
    )
    res = result(doc, "ARITH-TOTALS")
    assert ("fiscal_summary", "本年支出合计", "合计", "error") in places(res)
    assert ("fiscal_summary", "本年支出合计", "一般公共预算", "error") in places(res)


def test_three_public_sums_in_the_seed(seed):
    res = result(seed, "ARITH-3PUB")
    assert res.status == Status.PASSED


def test_vehicles_not_equal_purchase_plus_operation(seed):
    doc = edit_three_public(seed, vehicle_operation=money(seed, "2.00"))
    res = result(doc, "ARITH-3PUB")
    assert places(res) == {("three_public", "公务用车购置及运行费", "公务用车购置及运行费", "error")}
    assert res.findings[0].difference == D("0.25")


def test_three_public_printed_total(seed):
    doc = edit_three_public(seed, total=money(seed, "3.00"), total_printed=True)
    res = result(doc, "ARITH-3PUB")
    assert places(res) == {("three_public", "合计", "合计", "error")}
    assert res.findings[0].expected == D("2.560000")


def test_procurement_lines_in_the_seed(seed):
    assert result(seed, "ARITH-PROC").status == Status.PASSED


def test_procurement_quantity_times_price(seed):
    lines = tuple(replace(p, quantity=D(5)) if p.item == "复印纸" else p for p in seed.procurement)
    res = result(replace(seed, procurement=lines), "ARITH-PROC")
    assert places(res) == {("procurement", "复印纸", "金额", "error")}
    f = res.findings[0]
    assert (f.expected, f.actual, f.difference) == (D("0.75"), D("0.60"), D("-0.15"))


def test_procurement_total(seed):
    lines = tuple(replace(p, amount=money(seed, "10.50")) if p.item == "其他印刷服务" else p for p in seed.procurement)
    # the unit price 0.01 × 1000 no longer gives 10.50 either: both findings, each in its place
    res = result(replace(seed, procurement=lines), "ARITH-PROC")
    assert ("procurement", "合计", "金额", "error") in places(res)


def test_assets_in_the_seed(seed):
    assert result(seed, "ARITH-ASSETS").status == Status.PASSED


def test_assets_total_not_equal_to_items(seed):
    assets = tuple(replace(a, value=money(seed, "14.16")) if a.item.startswith("2、车辆") else a for a in seed.assets)
    res = result(replace(seed, assets=assets), "ARITH-ASSETS")
    assert places(res) == {("assets", "资产总额", "价值", "error")}
    assert res.findings[0].difference == D("-0.10")


def test_assets_not_run_without_table(seed):
    res = result(replace(seed, assets=()), "ARITH-ASSETS")
    assert res.status == Status.NOT_RUN and res.reason


def test_summary_items_with_their_breakdown(seed):
    # 人员经费 and 公用经费 printed under an item they add up to: not counted twice
    summary = seed.table(TableKind.SUMMARY)
    lines = []
    for line in summary.lines:
        if line.side == "expenditure" and line.name == "公共安全支出":
            lines.append(line)
            lines.append(replace(line, name="人员经费", values={"total": money(seed, "200.00")}))
            lines.append(replace(line, name="公用经费", values={"total": money(seed, "76.93")}))
        else:
            lines.append(line)
    doc = edit_table(seed, TableKind.SUMMARY, lines=tuple(lines))
    assert result(doc, "ARITH-TOTALS").status == Status.PASSED
    # … and a breakdown that does not add up is still reported
    wrong = [replace(ln, values={"total": money(seed, "70.00")}) if ln.name == "公用经费" else ln for ln in lines]
    doc = edit_table(seed, TableKind.SUMMARY, lines=tuple(wrong))
    assert result(doc, "ARITH-TOTALS").status == Status.FAILED


def test_three_public_fund_columns(seed):
    doc = set_values(seed, TableKind.THREE_PUBLIC, "公务接待费", general_public="0.30")
    res = result(doc, "ARITH-ROW")
    assert places(res) == {("three_public", "公务接待费", "合计", "error")}
    assert res.findings[0].difference == D("0.010000")


def test_total_worked_out_from_the_rounded_xiang_is_a_note(seed):
    # 合计 over five 类 that hold seven rounded 项: 0.03 is within 7 x 0.005
    doc = set_values(seed, TableKind.GENERAL_PUBLIC, "合计", total="1452.24")
    res = result(doc, "ARITH-HIER")
    assert places(res) == {("general_public", "合计", "合计", "info")}
    assert res.findings[0].difference == D("0.03")


def test_total_off_beyond_the_rounding_of_its_xiang(seed):
    doc = set_values(seed, TableKind.GENERAL_PUBLIC, "合计", total="1452.25")
    res = result(doc, "ARITH-HIER")
    assert places(res) == {("general_public", "合计", "合计", "error")}
    assert res.findings[0].difference == D("0.04")
