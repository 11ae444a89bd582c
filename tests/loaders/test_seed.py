"""seed.docx and seed.txt are one document in two forms: both must give the same, exact
model. Expected values are read from the document, not from the parser."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from budget.model import MoneyUnit, TableKind
from budget.serialize import disclosure_to_dict

D = Decimal


@pytest.fixture(params=["seed_docx", "seed_txt"])
def seed(request):
    return request.getfixturevalue(request.param)


def test_docx_and_txt_give_identical_models(seed_docx, seed_txt):
    a, b = disclosure_to_dict(seed_docx), disclosure_to_dict(seed_txt)
    a.pop("source"), b.pop("source")
    assert json.dumps(a, ensure_ascii=False, sort_keys=True) == json.dumps(b, ensure_ascii=False, sort_keys=True)


def test_unit(seed):
    u = seed.unit
    assert (u.code, u.name, u.year, u.money_unit, u.kind) == ("216001", "中共秦皇岛市海港区委政法委员会本级", 2023, MoneyUnit.WAN_YUAN, "单位")


def test_standard_tables_recognised_in_order(seed):
    kinds = [t.kind for t in seed.tables if t.kind not in (TableKind.PERFORMANCE,)]
    assert kinds == [
        TableKind.SUMMARY, TableKind.INCOME, TableKind.EXPENDITURE, TableKind.FISCAL_SUMMARY,
        TableKind.GENERAL_PUBLIC, TableKind.BASIC_ECONOMIC, TableKind.GOV_FUND, TableKind.STATE_CAPITAL,
        TableKind.THREE_PUBLIC, TableKind.ORGANISATION, TableKind.PROCUREMENT, TableKind.ASSETS,
    ]


def test_income_and_expenditure_totals(seed):
    summary = seed.table(TableKind.SUMMARY)
    by_name = {(l.side, l.name): l.total for l in summary.lines}
    assert by_name[("income", "收入总计")].amount == D("1452.21")
    assert by_name[("expenditure", "支出总计")].amount == D("1452.21")
    assert by_name[("expenditure", "一般公共服务支出")].amount == D("1065.08")
    assert by_name[("expenditure", "外交支出")] is None  # blank is not zero
    total = seed.table(TableKind.EXPENDITURE).total_line()
    assert (total.total.amount, total.basic.amount, total.project.amount) == (D("1452.21"), D("387.13"), D("1065.08"))
    basic = seed.table(TableKind.BASIC_ECONOMIC).total_line()
    assert (basic.total.amount, basic.personnel.amount, basic.public.amount) == (D("387.13"), D("355.31"), D("31.82"))


FUNCTIONAL = [
    ("201", "一般公共服务支出", "1065.08", None, "1065.08"),
    ("20136", "其他共产党事务支出", "1065.08", None, "1065.08"),
    ("2013602", "一般行政管理事务", "1065.08", None, "1065.08"),
    ("204", "公共安全支出", "276.93", "276.93", None),
    ("20499", "其他公共安全支出", "276.93", "276.93", None),
    ("2049999", "其他公共安全支出", "276.93", "276.93", None),
    ("208", "社会保障和就业支出", "61.54", "61.54", None),
    ("20805", "行政事业单位养老支出", "61.54", "61.54", None),
    ("2080501", "行政单位离退休", "26.91", "26.91", None),
    ("2080505", "机关事业单位基本养老保险缴费支出", "34.63", "34.63", None),
    ("210", "卫生健康支出", "32.01", "32.01", None),
    ("21011", "行政事业单位医疗", "32.01", "32.01", None),
    ("2101101", "行政单位医疗", "13.92", "13.92", None),
    ("2101103", "公务员医疗补助", "18.09", "18.09", None),
    ("221", "住房保障支出", "16.65", "16.65", None),
    ("22102", "住房改革支出", "16.65", "16.65", None),
    ("2210201", "住房公积金", "16.65", "16.65", None),
]


def _plain(m):
    return None if m is None else format(m.amount, "f")


def test_all_functional_rows(seed):
    got = [(l.code, l.name, _plain(l.total), _plain(l.basic), _plain(l.project)) for l in seed.functional]
    assert got == FUNCTIONAL
    assert [l.level for l in seed.functional[:3]] == [1, 2, 3]


ECONOMIC = [
    ("301", "工资福利支出", "328.34", "328.34", None),
    ("30101", "基本工资", "80.29", "80.29", None),
    ("30102", "津贴补贴", "77.39", "77.39", None),
    ("30103", "奖金", "46.96", "46.96", None),
    ("30107", "绩效工资", "38.03", "38.03", None),
    ("30108", "机关事业单位基本养老保险缴费", "34.63", "34.63", None),
    ("30110", "职工基本医疗保险缴费", "13.92", "13.92", None),
    ("30111", "公务员医疗补助缴费", "18.09", "18.09", None),
    ("30112", "其他社会保障缴费", "2.38", "2.38", None),
    ("30113", "住房公积金", "16.65", "16.65", None),
    ("302", "商品和服务支出", "31.82", None, "31.82"),
    ("30201", "办公费", "4.75", None, "4.75"),
    ("30207", "邮电费", "7.76", None, "7.76"),
    ("30217", "公务接待费", "0.31", None, "0.31"),
    ("30228", "工会经费", "3.98", None, "3.98"),
    ("30229", "福利费", "3.06", None, "3.06"),
    ("30231", "公务用车运行维护费", "2.25", None, "2.25"),
    ("30239", "其他交通费用", "9.12", None, "9.12"),
    ("30299", "其他商品和服务支出", "0.59", None, "0.59"),
    ("303", "对个人和家庭的补助", "26.97", "26.97", None),
    ("30302", "退休费", "26.49", "26.49", None),
    ("30309", "奖励金", "0.48", "0.48", None),
]


def test_all_economic_rows(seed):
    got = [(l.code, l.name, _plain(l.total), _plain(l.personnel), _plain(l.public)) for l in seed.economic]
    assert got == ECONOMIC
    # 22 coded rows plus the 合计 row: the 23 printed rows of the table.
    assert len(seed.table(TableKind.BASIC_ECONOMIC).lines) == 23


def test_three_public(seed):
    tp = seed.three_public
    assert tp.total.amount == D("2.56") and not tp.total_printed  # the table prints no total row
    assert (tp.overseas.amount, tp.vehicles.amount, tp.reception.amount) == (D("0"), D("2.25"), D("0.31"))
    assert (tp.vehicle_purchase.amount, tp.vehicle_operation.amount) == (D("0"), D("2.25"))


def test_performance_projects_and_indicators(seed):
    assert len(seed.performance) == 13
    assert sum(len(p.indicators) for p in seed.performance) == 90
    first = seed.performance[0]
    assert first.name == "反邪教专项资金"
    assert len(first.goals) == 3 and first.goals[0].startswith("1.对新发现及反复的")
    i = first.indicators[0]
    assert (i.level1, i.level2, i.level3, i.target, i.basis) == ("产出指标", "数量指标", "开展清理活动次数", "≥4次", "年度工作计划")
    # 一级 is merged down the rows it spans.
    assert [x.level1 for x in first.indicators] == ["产出指标"] * 4 + ["效益指标"] * 2 + ["满意度指标"]
    assert seed.performance[1].goals == ("1.目标内容1", "2.目标内容2")
    assert seed.performance[4].name == "流动人口专管员补助经费（劳务派遣）"
    assert all(len(p.indicators) >= 6 for p in seed.performance)


def test_empty_fund_tables_keep_their_notes(seed):
    for kind in (TableKind.GOV_FUND, TableKind.STATE_CAPITAL):
        table = seed.table(kind)
        assert table.empty and table.note.startswith("注：无") and "空表列示" in table.note


def test_procurement_assets_and_organisation(seed):
    lines = [p for p in seed.procurement if not p.is_total]
    assert [(p.project, p.item, _plain(p.amount)) for p in lines] == [
        ("2023年日常公用经费预算（三保）", "复印纸", "0.60"),
        ("2023年日常公用经费预算（三保）", "鼓粉盒", "1.20"),
        ("精神障碍患者管控经费", "其他服务", "36.00"),
        ("社会治安综合治理经费", "其他印刷服务", "10.00"),
    ]
    assert seed.procurement[0].is_total and seed.procurement[0].amount.amount == D("47.80")
    assert [(a.item, _plain(a.value)) for a in seed.assets][0] == ("资产总额", "344.74")
    assert seed.assets[0].quantity is None  # "——"
    assert seed.organisations[0].nature == "行政"


def test_narrative_sections(seed):
    headings = [s.heading for s in seed.sections]
    for expected in ("一、单位职责及机构设置情况", "二、单位预算安排的总体情况", "三、机关运行经费安排情况",
                     "五、预算绩效信息", "六、政府采购预算情况", "七、国有资产信息", "八、名词解释", "九、其他需要说明的事项"):
        assert expected in headings
    three = next(s for s in seed.sections if "三公" in s.heading)
    assert "2.56万元" in three.text
    running = next(s for s in seed.sections if s.heading.startswith("三、机关运行经费"))
    assert running.text.startswith("机关运行经费共计安排支出31.82万元")
