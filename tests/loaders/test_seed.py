"""seed.docx and seed.txt are one document in two forms: both must give the same, exact
model. Expected values are read from the document, not from the parser."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from budget.model import MoneyUnit, TableKind
from budget.export.contract import disclosure_to_dict
from tests.seed_values import ECONOMIC, FUNCTIONAL

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
    assert (u.code, u.name, u.year, u.money_unit, u.kind) == (
        "216001",
        "中共秦皇岛市海港区委政法委员会本级",
        2023,
        MoneyUnit.WAN_YUAN,
        "单位",
    )


def test_standard_tables_recognised_in_order(seed):
    kinds = [t.kind for t in seed.tables if t.kind not in (TableKind.PERFORMANCE,)]
    assert kinds == [
        TableKind.SUMMARY,
        TableKind.INCOME,
        TableKind.EXPENDITURE,
        TableKind.FISCAL_SUMMARY,
        TableKind.GENERAL_PUBLIC,
        TableKind.BASIC_ECONOMIC,
        TableKind.GOV_FUND,
        TableKind.STATE_CAPITAL,
        TableKind.THREE_PUBLIC,
        TableKind.ORGANISATION,
        TableKind.PROCUREMENT,
        TableKind.ASSETS,
    ]


def test_income_and_expenditure_totals(seed):
    summary = seed.table(TableKind.SUMMARY)
    by_name = {(ln.side, ln.name): ln.total for ln in summary.lines}
    assert by_name[("income", "收入总计")].amount == D("1452.21")
    assert by_name[("expenditure", "支出总计")].amount == D("1452.21")
    assert by_name[("expenditure", "一般公共服务支出")].amount == D("1065.08")
    assert by_name[("expenditure", "外交支出")] is None  # blank is not zero
    total = seed.table(TableKind.EXPENDITURE).total_line()
    assert (total.total.amount, total.basic.amount, total.project.amount) == (D("1452.21"), D("387.13"), D("1065.08"))
    basic = seed.table(TableKind.BASIC_ECONOMIC).total_line()
    assert (basic.total.amount, basic.personnel.amount, basic.public.amount) == (D("387.13"), D("355.31"), D("31.82"))


def _plain(m):
    return None if m is None else format(m.amount, "f")


def test_all_functional_rows(seed):
    got = [(ln.code, ln.name, _plain(ln.total), _plain(ln.basic), _plain(ln.project)) for ln in seed.functional]
    assert got == FUNCTIONAL
    assert [ln.level for ln in seed.functional[:3]] == [1, 2, 3]


def test_all_economic_rows(seed):
    got = [(ln.code, ln.name, _plain(ln.total), _plain(ln.personnel), _plain(ln.public)) for ln in seed.economic]
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
    assert (i.level1, i.level2, i.level3, i.target, i.basis) == (
        "产出指标",
        "数量指标",
        "开展清理活动次数",
        "≥4次",
        "年度工作计划",
    )
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
    for expected in (
        "一、单位职责及机构设置情况",
        "二、单位预算安排的总体情况",
        "三、机关运行经费安排情况",
        "五、预算绩效信息",
        "六、政府采购预算情况",
        "七、国有资产信息",
        "八、名词解释",
        "九、其他需要说明的事项",
    ):
        assert expected in headings
    three = next(s for s in seed.sections if "三公" in s.heading)
    assert "2.56万元" in three.text
    running = next(s for s in seed.sections if s.heading.startswith("三、机关运行经费"))
    assert running.text.startswith("机关运行经费共计安排支出31.82万元")
