"""Real disclosures of the national corpus (../shared/corpus), one city per test: the
figures asserted are read off the printed pages (page numbers as the PDF counts them)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from budget.model import MoneyUnit, TableKind
from loaders import load, load_many
from tests.conftest import corpus_document

D = Decimal
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not here")


def corpus(name: str):
    return corpus_document(name)  # read once per run, shared with the other modules and workers


def values(line, *keys):
    return tuple(None if line.values.get(k) is None else line.values[k].amount for k in keys)


def coded(lines, code):
    return next(ln for ln in lines if ln.code == code)


def test_shenzhen_expenditure_by_unit_over_three_pages():
    """shenzhen_06 (深圳市信访局): 表3 支出总表 on pp. 18–20 with a 预算单位 column and the
    政府采购项目 columns after the amounts; 表9 三公 by year rows and fund columns (p. 31)."""
    d = corpus("shenzhen_06.pdf")
    assert (d.unit.name, d.unit.year, d.unit.money_unit) == ("深圳市信访局", 2026, MoneyUnit.WAN_YUAN)
    expenditure = d.table(TableKind.EXPENDITURE)
    assert expenditure.pages == (18, 19, 20) and len(d.tables_of(TableKind.EXPENDITURE)) == 1
    assert values(expenditure.total_line(), "total", "basic", "project") == (D("4684.30"), D("3072.01"), D("1612.29"))
    assert values(coded(d.functional, "2014001"), "total", "basic", "procurement") == (
        D("1866.84"),
        D("1866.84"),
        D("152.35"),
    )
    assert values(coded(d.functional, "2210203"), "total") == (D("553.33"),)  # the last row, p. 20
    tp = d.three_public
    assert (tp.total.amount, tp.reception.amount, tp.vehicle_operation.amount) == (D("5.58"), D("2.98"), D("2.60"))


def test_wuxi_stacked_headers():
    """wuxi_04 (无锡市统计局): 公开02表 收入总表 (p. 9), 公开05表 财政拨款支出表 with 基本支出
    over 小计/人员经费/公用经费 (p. 14), the unit from "部门：" not "第二部分"."""
    d = corpus("wuxi_04.pdf")
    assert (d.unit.name, d.unit.year, d.unit.kind) == ("无锡市统计局", 2026, "部门")
    income = d.table(TableKind.INCOME).total_line()
    assert values(income, "total", "current", "general_public") == (D("3210.10"), D("3210.10"), D("3210.10"))
    fiscal = d.table(TableKind.FISCAL_EXPENDITURE).total_line()
    assert values(fiscal, "total", "basic", "personnel", "public", "project") == (
        D("3210.10"),
        D("2235.04"),
        D("2103.71"),
        D("131.33"),
        D("975.06"),
    )
    assert values(coded(d.functional, "2010501"), "total", "basic") == (D("1429.11"), D("1429.11"))


def test_huzhou_column_numbers_and_continued_pages():
    """huzhou_04: 表03 支出总表 over pp. 20–21 with its "** | ** | 1 | 2 …" row, 基本支出 over
    人员支出/公用经费; 表07 三公 by unit with the 合计 row (p. 28)."""
    d = corpus("huzhou_04.pdf")
    expenditure = d.table(TableKind.EXPENDITURE)
    assert expenditure.pages == (20, 21)
    assert values(expenditure.total_line(), "total", "personnel", "public", "project") == (
        D("6256.31"),
        D("1487.48"),
        D("116.93"),
        D("4651.90"),
    )
    assert values(coded(d.functional, "2101103"), "total") == (D("33.27"),)
    assert (d.three_public.total.amount, d.three_public.reception.amount) == (D("1.10"), D("1.10"))


def test_changsha_three_public_under_one_group():
    """changsha_01 (长沙市信访局) p. 20: 三公经费预（决）算数 over 小计 and the items."""
    d = corpus("changsha_01.pdf")
    assert d.unit.name == "长沙市信访局"
    tp = d.three_public
    assert (tp.total.amount, tp.reception.amount, tp.vehicles.amount, tp.vehicle_operation.amount) == (
        D("8.00"),
        D("3.00"),
        D("5.00"),
        D("5.00"),
    )
    assert tp.overseas is None  # printed blank


def test_wuhan_final_accounts():
    """wuhan_02 (国家信访局 2024年度部门决算): 公开06表 in three blocks (p. 12)."""
    d = corpus("wuhan_02.pdf")
    assert (d.unit.name, d.unit.year, d.unit.stage) == ("国家信访局", 2024, "决算")
    assert values(coded(d.economic, "301"), "total", "personnel") == (D("6982.75"), D("6982.75"))
    assert values(coded(d.economic, "30231"), "total", "public") == (D("40.61"), D("40.61"))
    assert values(coded(d.economic, "31099"), "total", "public") == (D("2.58"), D("2.58"))
    # the blocks' 人员经费合计 and 公用经费合计, printed on one row, are the table's total line
    totals = {ln.name: ln.values for ln in d.tables[d.economic_table].lines if ln.is_total}
    assert list(totals) == ["人员经费合计、公用经费合计"]
    assert totals["人员经费合计、公用经费合计"]["personnel"].amount == D("7967.72")
    assert totals["人员经费合计、公用经费合计"]["public"].amount == D("2266.65")


def test_xian_final_accounts():
    """xian_12 (西安市卫生健康委员会（汇总）2022年度部门决算): 公开09表 prints the 三公 as rows
    预算数 / 决算数 (p. 162), the 决算数 row is the one read; p. 7 lists the 28 units the
    部门 sums up; the list of tables says why 公开08表 is empty."""
    d = corpus("xian_12.pdf")
    assert d.unit.stage == "决算"
    tp = d.three_public
    assert (tp.total.amount, tp.vehicles.amount, tp.vehicle_operation.amount, tp.reception.amount) == (
        D("587.55"),
        D("587.44"),
        D("450.96"),
        D("0.11"),
    )
    assert len(d.organisations) == 28 and d.organisations[0].name == "西安市卫生健康委员会本级（机关）"
    assert "不涉及" in d.table(TableKind.STATE_CAPITAL).note
    total = d.tables[d.economic_table].total_line()
    assert values(total, "personnel", "public") == (D("96513.21"), D("2093.08"))


def test_beijing_narrative_and_tables_published_apart():
    """beijing_meteo: part1 the 情况说明 (no table), part2 the 报表 (预算01表 …)."""
    part1, part2 = (CORPUS / "beijing_meteo_part1.pdf").read_bytes(), (CORPUS / "beijing_meteo_part2.pdf").read_bytes()
    alone = corpus("beijing_meteo_part1.pdf")
    assert alone.tables == () and alone.unit.name == "北京市气象局"
    d = load_many([(part1, "beijing_meteo_part1.pdf"), (part2, "beijing_meteo_part2.pdf")])
    assert (d.unit.name, d.unit.year) == ("北京市气象局", 2026)
    assert d.tables[d.functional_table].title == "预算05表 一般公共预算支出表"
    expenditure = d.table(TableKind.EXPENDITURE)  # 预算03表: functional × economic, no row codes
    assert expenditure.coded_lines() == ()
    assert values(expenditure.total_line(), "total") == (D("30775.648545"),)
    assert values(coded(d.economic, "30101"), "total", "personnel") == (D("230.170400"), D("230.170400"))


def test_xian_comprehensive_budget_in_yuan():
    """xian_15 (西安市国资委 2022年部门综合预算, 元): 表5 by function with 人员经费支出 |
    公用经费支出 | 专项业务经费支出; 表1 with three expenditure sides."""
    d = corpus("xian_15.pdf")
    assert (d.unit.name, d.unit.year, d.unit.money_unit) == (
        "西安市人民政府国有资产监督管理委员会",
        2022,
        MoneyUnit.YUAN,
    )
    summary = d.table(TableKind.SUMMARY)
    assert {ln.side for ln in summary.lines} == {
        "income",
        "expenditure",
        "expenditure.economic",
        "expenditure.government",
    }
    general = d.table(TableKind.GENERAL_PUBLIC).total_line()
    assert values(general, "total") == (D("25180591.33"),)


def test_chongqing_codes_on_the_rows_of_their_names():
    """chongqing_04 表六 (p. 14): the digits' font reports a descent that put every code
    and amount one row below its name; 301 is 工资福利支出 with 5,293.75."""
    d = corpus("chongqing_04.pdf")
    assert [(ln.code, ln.name) for ln in d.economic[:3]] == [
        ("301", "工资福利支出"),
        ("30101", "基本工资"),
        ("30102", "津贴补贴"),
    ]
    assert values(coded(d.economic, "301"), "total", "personnel") == (D("5293.75"), D("5293.75"))
    assert values(coded(d.economic, "30112"), "total") == (D("2.30"),)
    assert values(coded(d.economic, "30113"), "total") == (D("39.70"),)
    total = d.tables[d.economic_table].total_line()
    assert values(total, "total", "personnel", "public") == (D("5445.39"), D("5308.05"), D("137.34"))


def test_guangzhou_tables_ruled_with_polylines():
    """guangzhou_02: every ruling is drawn as a polyline; 表3 (p. 8) prints names over two
    lines, 表5 (p. 12) codes in brackets in the name cells."""
    d = corpus("guangzhou_02.pdf")
    assert (d.unit.name, d.unit.year) == ("广州市人民政府办公厅", 2026)
    assert values(coded(d.functional, "20103"), "total", "basic", "project") == (
        D("8801.45"),
        D("7341.47"),
        D("1459.98"),
    )
    assert coded(d.functional, "2080505").name == "机关事业单位基本养老保险缴费支出"
    general = d.table(TableKind.GENERAL_PUBLIC)
    assert values(coded(general.lines, "201"), "total", "basic", "project") == (
        D("8812.33"),
        D("7341.47"),
        D("1470.86"),
    )
    assert values(d.table(TableKind.INCOME).total_line(), "total") == (D("16410.71"),)


def test_xian_rows_and_names_the_page_layout_displaced():
    """xian_17 表5: row 24 (215 资源勘探工业信息等支出, p. 28) printed above the rulings of
    its page; xian_21 表5 (p. 22): names running on under the amounts."""
    d = corpus("xian_17.pdf")
    assert values(coded(d.functional, "215"), "total", "project") == (D("1021805239.60"), D("1005135600.00"))
    d = corpus("xian_21.pdf")
    line = coded(d.functional, "2080506")
    assert line.name.startswith("机关事业单位职业年金") and values(line, "total") == (D("43608.96"),)


def test_the_corpus_manifest_is_not_a_disclosure():
    """manifest.csv quotes the first page of every disclosure (budget words and amounts
    in plenty) but has no headings and no tables: refused, not read as a nameless 预算."""
    from loaders import LoadError

    with pytest.raises(LoadError) as refused:
        load((CORPUS / "manifest.csv").read_bytes(), "manifest.csv")
    assert "看起来不是预算公开文件" in refused.value.message


def test_a_narrative_published_alone_is_still_read():
    d = corpus("beijing_meteo_part1.pdf")
    assert d.unit.name == "北京市气象局" and not d.tables and len(d.sections) > 10


def test_a_performance_form_titled_by_its_year_keeps_the_year():
    """changsha_01 titles its forms "2026年部门整体支出绩效目标表": the year is the name's, not a
    list number (the name read "6年部门整体支出"). Its 项目支出 form names each project in a
    column of its own."""
    d = corpus("changsha_01.pdf")
    assert [p.name for p in d.performance] == [
        "基层及其他信访业务工作经费专项",
        "人民来访接待中心及特护期运行专项",
        "人民来访接待中心业务专项",
        "信访业务工作专项",
        "2026年部门整体支出",
    ]


def test_xian_fake_bold_headers_read_once():
    """xian_14 (西安市商务局) prints its headers in fake bold: each glyph two or three
    times, a few hundredths of a point apart ('序' at x0 8.55 / 8.56 / 8.55 on p. 36).
    Read once, the headers give 收支总表 (pp. 36-37), 收入总表 (p. 38), 支出总表 (p. 39),
    财政拨款收支总表 (pp. 40-41) and 三公 (p. 62), all unknown tables before
    ('序序序号号号', '单单单单单单位位位位位位')."""
    d = corpus("xian_14.pdf")
    income = d.table(TableKind.INCOME)
    assert income.pages == (38,)
    assert income.header[0] == ("序号", "单位编码", "单位名称", "部门预算")
    assert values(income.total_line(), "total", "general_public", "business") == (
        D("581242867.20"),
        D("573980610.20"),
        D("7262257.00"),
    )
    assert values(d.table(TableKind.EXPENDITURE).total_line(), "total") == (D("581242867.20"),)
    assert d.table(TableKind.SUMMARY).pages == (36, 37)
    assert d.table(TableKind.FISCAL_SUMMARY).pages == (40, 41)
    tp = d.three_public
    assert (tp.total.amount, tp.vehicle_operation.amount, tp.reception.amount) == (
        D("343000.00"),
        D("275000.00"),
        D("68000.00"),
    )
    tripled = re.compile(r"([\u4e00-\u9fff])\1\1")  # 972 such runs in its model JSON before
    assert not any(tripled.search(cell) for table in d.tables for row in table.rows for cell in row)


def test_tables_of_what_they_list_are_named_not_left_unread():
    """陕西's 会议费明细表, 培训费明细表 and 报表目录 (which tables are empty, and why), 北京's
    政府购买服务明细表: tables kept as printed, now named for what they are (the overview
    counted them 未识别); 陕西's 财政拨款上年结转资金支出表 is no 财政拨款支出表 of the year. A 三公
    table whose title names 会议费、培训费 stays the 三公 table."""
    xian = corpus_document("xian_03.pdf")
    kinds = {t.kind: t for t in xian.tables}
    assert kinds[TableKind.MEETINGS].title == "会议费明细表" and kinds[TableKind.MEETINGS].rows[0][4] == "55.85"
    assert kinds[TableKind.TRAINING].title == "培训费明细表" and kinds[TableKind.TRAINING].rows[0][4] == "805.92"
    contents = kinds[TableKind.CONTENTS]
    assert contents.columns[:3] == ("报表", "报表名称", "是否空表") and contents.rows[0][:2] == (
        "表1",
        "部门综合预算收支总表",
    )
    assert kinds[TableKind.THREE_PUBLIC].title == "部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表"
    carried = kinds[TableKind.CARRYOVER]  # last year's funds, not this year's 财政拨款支出表
    assert carried.title == "部门综合预算财政拨款上年结转资金支出表" and carried.total_line().total.amount == D(
        "131027041.73"
    )
    assert TableKind.UNKNOWN not in kinds and TableKind.FISCAL_EXPENDITURE not in kinds
    beijing = corpus_document("beijing_greening_part2.pdf")
    assert [t.title for t in beijing.tables if t.kind == TableKind.SERVICES] == ["预算11表财政拨款政府购买服务明细表"]
