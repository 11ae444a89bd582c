"""Side-by-side frames: the Hebei seed (万元) next to the Shanghai welfare home (元), and
one unit in two years (a second year derived from the seed with dataclasses.replace)."""

from __future__ import annotations

import io
from dataclasses import replace
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from budget.export import tables as export
from budget.views import compare
from budget.views.display import DisplayUnit
from budget.model import Money, MoneyUnit, TableKind

W = MoneyUnit.WAN_YUAN
SEED = "中共秦皇岛市海港区委政法委员会本级 2023年"
FULIYUAN = "上海市普陀区社会福利院 2024年"


@pytest.fixture(scope="module")
def pair(seed_docx, fuliyuan):
    return [("seed.docx", seed_docx), ("putuo_fuliyuan_2024_unit.pdf", fuliyuan)]


def wan(text: str) -> Money:
    return Money(Decimal(text), W)


def test_headlines_converted_exactly_to_wan_yuan(pair):
    table = compare.headline_table(pair)
    assert table.documents == (SEED, FULIYUAN)
    assert table.change is None  # two units: no 增减
    amounts = table.amounts.set_index(compare.ITEM)
    # 12,121,164 元 = 1212.1164 万元, exactly (no rounding to 2 places)
    assert amounts.loc["支出总计", FULIYUAN] == wan("1212.1164")
    assert amounts.loc["支出总计", FULIYUAN].amount == Decimal("12121164") / 10000
    assert amounts.loc["基本支出", FULIYUAN] == wan("950.1164")
    assert amounts.loc["公用经费", FULIYUAN] == wan("212.095")
    assert amounts.loc["支出总计", SEED] == wan("1452.21")
    assert amounts.loc["项目支出", SEED] == wan("1065.08")
    assert amounts.loc["“三公”经费", SEED] == wan("2.56")
    assert amounts.loc["　公务接待费", SEED] == wan("0.31")
    assert amounts.loc["“三公”经费", FULIYUAN] == wan("6.4")  # the Shanghai 三公 table prints 万元
    # blank stays blank (not reported), never 0
    assert amounts.loc["　　其中：公务用车购置费", FULIYUAN] is None
    # no 政府采购预算表: the total its text states ("政府采购预算120.60万元")
    assert amounts.loc["政府采购", FULIYUAN] == wan("120.60")
    # on screen: two decimals in the page's display unit (the export keeps every decimal)
    shown = table.frame.set_index(compare.ITEM)
    assert shown.loc["支出总计", f"{FULIYUAN}（万元）"] == "1,212.12"
    assert shown.loc["项目支出", f"{FULIYUAN}（万元）"] == "262.00"
    assert shown.loc["政府采购", f"{FULIYUAN}（万元）"] == "120.60"
    assert shown.loc["　　其中：公务用车购置费", f"{FULIYUAN}（万元）"] == "—"
    assert list(shown.columns) == [f"{SEED}（万元）", f"{FULIYUAN}（万元）"]
    in_yi = table.shown(DisplayUnit.YI_YUAN).set_index(compare.ITEM)
    assert in_yi.loc["支出总计", f"{FULIYUAN}（亿元）"] == "0.12"  # 0.12121164 亿元
    assert in_yi.loc["支出总计", f"{SEED}（亿元）"] == "0.15"  # 0.1452210 亿元
    in_yuan = table.shown(DisplayUnit.YUAN).set_index(compare.ITEM)
    assert in_yuan.loc["支出总计", f"{FULIYUAN}（元）"] == "12,121,164.00"


def test_classes_matched_by_code(pair):
    table = compare.class_table(pair)
    amounts = table.amounts.set_index("科目编码")
    assert list(amounts.index) == ["201", "204", "208", "210", "221"]
    assert amounts.loc["208", compare.CLASS_NAME] == "社会保障和就业支出"
    assert amounts.loc["208", FULIYUAN] == wan("1128.1624")  # 11,281,624 元
    assert amounts.loc["208", SEED] == wan("61.54")
    assert amounts.loc["201", SEED] == wan("1065.08")
    assert amounts.loc["201", FULIYUAN] is None  # the welfare home has no 201
    bars = compare.class_bar_frame(table)
    assert len(bars) == 10
    row = bars[(bars["series"] == FULIYUAN) & (bars["category"] == "社会保障和就业支出")].iloc[0]
    assert row["label"] == "1,128.16" and row["value"] == pytest.approx(1128.1624)
    assert row["exact"] == "1,128.1624 万元"


def test_documents_frame_says_unit_year_kind_and_money_unit(pair):
    frame = compare.documents_frame(pair).set_index(compare.ITEM)
    assert frame.loc["年度"].tolist() == ["2023年", "2024年"]
    assert frame.loc["金额单位（原文）"].tolist() == ["万元", "元"]
    assert frame.loc["预算类型"].tolist() == ["单位预算", "单位预算"]
    assert frame.loc["文件", FULIYUAN] == "putuo_fuliyuan_2024_unit.pdf"


def test_same_budget_twice_gets_distinct_columns(seed_docx, seed_txt):
    table = compare.headline_table([("seed.docx", seed_docx), ("seed.txt", seed_txt)])
    assert table.documents == ("2023年（seed.docx）", "2023年（seed.txt）")
    assert table.change is None  # same year: nothing to compare over time


def _next_year(d):
    """The seed as if published a year later: 支出总计 1452.21 -> 1500.00, 类 201
    1065.08 -> 1112.87, 公务接待费 0.31 -> 0.25 (总计 2.56 -> 2.50)."""
    expenditure = d.table(TableKind.EXPENDITURE)
    total = expenditure.total_line()
    new_total = replace(total, values={**total.values, "total": wan("1500.00")})
    new_table = replace(expenditure, lines=tuple(new_total if line is total else line for line in expenditure.lines))
    functional = tuple(
        replace(line, values={**line.values, "total": wan("1112.87")}) if line.code == "201" else line
        for line in d.functional
    )
    return replace(
        d,
        unit=replace(d.unit, year=2024),
        tables=tuple(new_table if t is expenditure else t for t in d.tables),
        functional=functional,
        three_public=replace(d.three_public, reception=wan("0.25"), total=wan("2.50")),
    )


def test_one_unit_two_years_gives_the_change(seed_docx):
    later = _next_year(seed_docx)
    # Loaded later year first: the columns still go earlier -> later.
    entries = [("seed-2024.docx", later), ("seed.docx", seed_docx)]
    change = compare.year_change(entries)
    assert (change.earlier_year, change.later_year) == (2023, 2024)
    table = compare.headline_table(entries)
    assert table.documents == ("2023年", "2024年")  # one unit: the year says which
    amounts = table.amounts.set_index(compare.ITEM)
    assert amounts.loc["支出总计", compare.CHANGE] == wan("47.79")
    assert amounts.loc["支出总计", compare.RATE] == Decimal("47.79") / Decimal("1452.21") * 100
    assert amounts.loc["　公务接待费", compare.CHANGE] == wan("-0.06")
    assert amounts.loc["　因公出国（境）费", compare.RATE] is None  # 0 -> 0: no rate
    assert amounts.loc["收入总计", compare.CHANGE] == wan("0")
    shown = table.frame.set_index(compare.ITEM)
    assert shown.loc["支出总计", "增减额（万元）"] == "+47.79"
    assert shown.loc["支出总计", "增减率"] == "+3.29%"
    assert shown.loc["　公务接待费", "增减率"] == "-19.35%"
    classes = compare.class_table(entries).amounts.set_index("科目编码")
    assert classes.loc["201", compare.CHANGE] == wan("47.79")


def test_export_keeps_exact_decimals(pair, seed_docx):
    entries = [("seed.docx", seed_docx), ("b.docx", _next_year(seed_docx))]
    frame = compare.export_frame(compare.headline_table(entries), compare.class_table(entries))
    assert list(frame.columns) == [
        "分组",
        "科目编码",
        "名称",
        "2023年（万元）",
        "2024年（万元）",
        "增减额（万元）",
        "增减率（%）",
    ]
    sheet = load_workbook(io.BytesIO(export.frame_xlsx(frame, "预算对比"))).active
    rows = {r[2]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["支出总计"][3:] == (1452.21, 1500, 47.79, 3.29)
    assert rows["一般公共服务支出"][1] == "201"
    mixed = compare.export_frame(compare.headline_table(pair), compare.class_table(pair))
    csv = export.frame_csv(mixed).decode("utf-8-sig")
    assert "主要数字,,支出总计,1452.21,1212.1164" in csv
    assert "功能分类（类）,208,社会保障和就业支出,61.54,1128.1624" in csv
