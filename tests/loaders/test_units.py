"""Amounts printed in 千元 or 亿元, which the contract has no unit for (only 万元 | 元).

Some provinces print their tables in 千元 ("金额单位：千元") or, for large departments, in
亿元; read as 万元 or 元 they would be silently wrong by 10x to 10,000x. They are read
exactly in the contract's unit (千元 -> 元 x1000, 亿元 -> 万元 x10000, no rounding), the
printed unit stays on the table (``Table.printed_unit``) and in the disclosure's notes.
The figures are beijing_meteo_part2's 预算03表 (万元), printed in the other units.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budget.checks import run
from budget.model import Money as Money_, MoneyUnit, TableKind
from loaders import load
from loaders.recognize.text import label_unit_in, money_unit_in, printed_unit_in, scaled
from tests.loaders.test_provinces import FUNCTIONAL
from tests.writers import docx_of

D = Decimal

# 预算03表 of beijing_meteo_part2 in 万元 (7,362.349379 万元 in all), as test_provinces has it
HEADER, *IN_WAN = FUNCTIONAL
# the same in 千元 (x10) and in 亿元 (/10000), as those provinces print them
IN_QIAN = [[*r[:2], *(f"{D(c.replace(',', '')) * 10:,f}" if c else "" for c in r[2:])] for r in IN_WAN]
IN_YI = [[*r[:2], *(f"{(D(c.replace(',', '')) / 10000):f}" if c else "" for c in r[2:])] for r in IN_WAN]


def read(*items):
    return load(docx_of(*items), "units.docx")


def totals(table):
    line = table.total_line()
    return tuple(line.values[k] for k in ("total", "basic", "project"))


@pytest.mark.parametrize(
    "text, printed, unit",
    [
        ("单位：千元", "千元", MoneyUnit.YUAN),
        ("金额单位：千元", "千元", MoneyUnit.YUAN),
        ("单位:亿元", "亿元", MoneyUnit.WAN_YUAN),
        ("（单位：人民币千元）", "千元", MoneyUnit.YUAN),
        ("单位：万元", "万元", MoneyUnit.WAN_YUAN),
        ("单位：元", "元", MoneyUnit.YUAN),
    ],
)
def test_a_unit_line_names_its_printed_unit_and_the_contract_unit_it_is_read_in(text, printed, unit):
    assert printed_unit_in(text) == printed
    assert money_unit_in(text) == unit


def test_units_in_header_labels():
    assert label_unit_in("金额（千元）") == "千元"
    assert label_unit_in("预算数(亿元)") == "亿元"
    assert label_unit_in("合计（单位：千元）") == "千元"
    assert label_unit_in("人数（人）") is None
    assert label_unit_in("项目名称") is None


def test_scaling_is_exact_and_keeps_a_whole_unit():
    from budget.model import Money

    assert scaled(Money(D("1.234"), MoneyUnit.YUAN), 3) == Money(D("1234"), MoneyUnit.YUAN)
    assert scaled(Money(D("0.7362349379"), MoneyUnit.WAN_YUAN), 4).amount == D("7362.349379")
    twelve = scaled(Money(D("12"), MoneyUnit.YUAN), 3)
    assert twelve.plain() == "12000" and twelve.quantum == 1  # not 1.2E+4
    assert scaled(None, 3) is None


@pytest.mark.parametrize(
    "unit_line, rows, money_unit, printed, total",
    [
        # 千元 -> 元: 73,623.49379 千元 is 73,623,493.79 元
        ("金额单位：千元", IN_QIAN, MoneyUnit.YUAN, "千元", (D("73623493.79"), D("12228161"), D("61395332.79"))),
        # 亿元 -> 万元: 0.7362349379 亿元 is 7,362.349379 万元
        ("单位：亿元", IN_YI, MoneyUnit.WAN_YUAN, "亿元", (D("7362.349379"), D("1222.8161"), D("6139.533279"))),
        # 万元 as printed: nothing scaled (the case where it does not fire)
        ("单位：万元", IN_WAN, MoneyUnit.WAN_YUAN, None, (D("7362.349379"), D("1222.816100"), D("6139.533279"))),
    ],
)
def test_a_table_in_qian_or_yi_yuan_is_read_exactly_in_a_contract_unit(unit_line, rows, money_unit, printed, total):
    d = read("2024年部门支出总表", unit_line, [HEADER, *rows])
    table = d.table(TableKind.EXPENDITURE)
    assert table.money_unit == money_unit and table.printed_unit == printed
    assert d.unit.money_unit == money_unit
    assert tuple(m.amount for m in totals(table)) == total
    assert all(m.unit == money_unit for m in totals(table))
    assert [ln.code for ln in d.functional] == ["212", "21208", "2120803", "220", "22005", "2200504"]
    if printed:
        assert any(f"原以{printed}列示" in note for note in d.notes)
        # the figures still add up: no rounding on the way
        assert not [f for f in run(d).findings if f.rule.startswith("ARITH") and f.severity == "error"]
    else:
        assert not any("列示" in note for note in d.notes)


def test_a_table_without_a_unit_line_takes_the_documents_printed_unit():
    """The second table prints no unit: it is in the document's 千元, not in 元 as printed."""
    d = read(
        "2024年部门支出总表",
        "金额单位：千元",
        [HEADER, *IN_QIAN],
        "2024年一般公共预算支出表",
        [HEADER, *IN_QIAN],
    )
    second = d.table(TableKind.GENERAL_PUBLIC)
    assert second.printed_unit == "千元" and second.money_unit == MoneyUnit.YUAN
    assert second.total_line().total.amount == D("73623493.79")
    assert d.notes.count("本文件金额原以千元列示，已按元换算（未作舍入）。") == 1


def test_a_unit_in_the_header_labels_when_no_unit_line_says_it():
    header = ["科目编码", "科目名称", "合计（千元）", "基本支出（千元）", "项目支出（千元）"]
    d = read("2024年部门支出总表", [header, *IN_QIAN], "2024年一般公共预算支出表", "单位：万元", [HEADER, *IN_WAN])
    first = d.table(TableKind.EXPENDITURE)
    assert first.printed_unit == "千元" and first.money_unit == MoneyUnit.YUAN
    assert first.total_line().total.amount == D("73623493.79")
    # each table in its own contract unit, the note names the one printed otherwise
    assert d.table(TableKind.GENERAL_PUBLIC).money_unit == MoneyUnit.WAN_YUAN
    assert [n for n in d.notes if "列示" in n] == ["2024年部门支出总表：本表金额原以千元列示，已按元换算（未作舍入）。"]


def test_tables_in_different_units_compare_in_the_check():
    """A 千元 支出总表 beside a 万元 一般公共预算支出表 of the same figures: the cross-table
    rules convert (元 and 万元), so the same amounts agree and no rule reports a difference."""
    d = read(
        "2024年部门支出总表",
        "金额单位：千元",
        [HEADER, *IN_QIAN],
        "2024年一般公共预算支出表",
        "单位：万元",
        [HEADER, *IN_WAN],
    )
    assert d.table(TableKind.EXPENDITURE).money_unit == MoneyUnit.YUAN
    assert d.table(TableKind.GENERAL_PUBLIC).money_unit == MoneyUnit.WAN_YUAN
    expenditure = d.table(TableKind.EXPENDITURE).total_line().total
    general = d.table(TableKind.GENERAL_PUBLIC).total_line().total
    assert expenditure.to(MoneyUnit.WAN_YUAN) == general
    errors = [f for f in run(d).findings if f.severity == "error" and f.rule.startswith(("ARITH", "XREF"))]
    assert not errors


# xian_09's 专项（项目）名称 form (社保大厦物业费, 123.50 万元), its amount printed in 千元
FORM = [
    ["专项（项目）名称", "社保大厦物业费"],
    ["主管部门", "西安市人力资源和社会保障局"],
    ["资金金额（千元）", "实施期资金总额：", "1235.0"],
    ["年度目标", "保障社保大厦正常运转"],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "物业服务面积", "≥30000平方米"],
    ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%"],
]


@pytest.mark.parametrize(
    "label, amount",
    [
        ("资金金额（千元）", Money_(D("1235000"), MoneyUnit.YUAN)),
        ("资金金额（万元）", Money_(D("1235.0"), MoneyUnit.WAN_YUAN)),
    ],
)
def test_a_forms_amount_in_qian_yuan_is_read_in_yuan(label, amount):
    form = [FORM[0], FORM[1], [label, *FORM[2][1:]], *FORM[3:]]
    d = read("2024年部门支出总表", "单位：万元", [HEADER, *IN_WAN], "2020年部门专项业务经费重点项目绩效目标表", form)
    (project,) = d.performance
    assert project.name == "社保大厦物业费"
    assert project.amount == amount
