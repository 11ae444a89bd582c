"""budget.analysis on hand-made disclosures (figures copied from the seed's tables) and
on the real seed once its loader is there."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from budget import analysis
from budget.model import (
    Disclosure,
    Format,
    Indicator,
    Line,
    Money,
    MoneyUnit,
    PerformanceProject,
    ProcurementLine,
    Section,
    Source,
    Table,
    TableKind,
    ThreePublic,
    Unit,
)
from tests.seed_values import FUNCTIONAL

W = MoneyUnit.WAN_YUAN
SEED = Path(__file__).resolve().parents[2] / "samples" / "seed.docx"


def m(text: str | None) -> Money | None:
    return None if text is None else Money(Decimal(text), W)


EXPENDITURE = FUNCTIONAL  # the seed's 支出总表

# the first rows of the seed's 基本支出表 (enough for the tree)
ECONOMIC = [
    ("301", "工资福利支出", "328.34", "328.34", None),
    ("30101", "基本工资", "80.29", "80.29", None),
    ("30102", "津贴补贴", "248.05", "248.05", None),
    ("302", "商品和服务支出", "31.82", None, "31.82"),
    ("30201", "办公费", "4.75", None, "4.75"),
    ("30207", "邮电费", "7.76", None, "7.76"),
    ("30217", "公务接待费", "0.31", None, "0.31"),
    ("30231", "公务用车运行维护费", "2.25", None, "2.25"),
    ("30239", "其他交通费用", "9.12", None, "9.12"),
    ("30299", "其他商品和服务支出", "7.63", None, "7.63"),
    ("303", "对个人和家庭的补助", "26.97", "26.97", None),
    ("30302", "退休费", "26.97", "26.97", None),
]

RUNNING = (
    "机关运行经费共计安排支出31.82万元，主要用于单位日常办公运转所需支出。包括：办公费4.75万元、"
    "邮电费7.76万元、公务接待费0.31万元、工会经费3.98万元、福利费3.06万元，公务用车运行维护费2.25万元，"
    "其他交通费用9.12万元，其他商品和服务支出0.59万元。"
)
THREE = (
    "2023年，我部门财政拨款“三公”经费预算安排2.56万元，其中因公出国（境）费0万元；公务用车购置及运维费"
    "2.25万元（其中：公务用车购置费为0万元，公务用车运行费1.92万元，公务用车保险0.33万元)；公务接待费"
    "0.31万元。与2022年相比无变化。"
)


def _level(code: str) -> int:
    return {3: 1, 5: 2, 7: 3}[len(code)]


def make_disclosure(expenditure=EXPENDITURE, total=("1452.21", "387.13", "1065.08")) -> Disclosure:
    lines = [
        Line(name, {"total": m(t), "basic": m(b), "project": m(p)}, code, _level(code), row=i + 1)
        for i, (code, name, t, b, p) in enumerate(expenditure)
    ]
    total_line = Line("合计", {"total": m(total[0]), "basic": m(total[1]), "project": m(total[2])}, is_total=True)
    economic = [
        Line(name, {"total": m(t), "personnel": m(pe), "public": m(pu)}, code, 1 if len(code) == 3 else 2)
        for code, name, t, pe, pu in ECONOMIC
    ]
    economic_total = Line("合计", {"total": m("387.13"), "personnel": m("355.31"), "public": m("31.82")}, is_total=True)
    summary_lines = (
        Line("本年收入合计", {"total": m("1452.21")}, is_total=True, side="income"),
        Line("收入总计", {"total": m("1452.21")}, is_total=True, side="income"),
        Line("支出总计", {"total": m("1452.21")}, is_total=True, side="expenditure"),
    )
    tables = (
        Table(TableKind.SUMMARY, "单位预算收支总表", (), (), lines=summary_lines),
        Table(TableKind.EXPENDITURE, "单位预算支出总表", (), (), lines=(total_line, *lines)),
        Table(TableKind.BASIC_ECONOMIC, "基本支出表", (), (), lines=(economic_total, *economic)),
        Table(TableKind.UNKNOWN, "单位机构设置情况", (("单位名称",),), (("政法委",),)),
    )
    indicators = (
        Indicator(
            "产出指标", "数量指标", "开展清理活动次数", "每季度开展反宣品集中清理活动一次", "≥4次", "年度工作计划"
        ),
        Indicator("产出指标", "成本指标", "“双清”工作费用控制数", "印制宣传单", "≤5万元", "年度工作计划"),
        Indicator("效益指标", "社会效益指标", "营造和谐稳定社会氛围", "号召群众广泛参与", "效果明显", "年度工作计划"),
        Indicator("满意度指标", "服务对象满意度指标", "人民群众满意度", "人民群众满意度", "≥80%", None),
        Indicator("产出指标", "成本指标", "印刷费用", "印刷", "3", "年度工作计划"),
    )
    performance = (
        PerformanceProject("社会治安综合治理经费", ("1.目标内容1",), indicators),
        PerformanceProject("精神障碍患者管控经费", ("对危险精神障碍患者进行收治",), indicators[:1]),
    )
    procurement = (
        ProcurementLine(None, "合  计", None, None, None, None, m("47.80"), is_total=True),
        ProcurementLine(
            "精神障碍患者管控经费", "其他服务", "C99000000", "1", Decimal(3600), m("0.01"), m("36.00"), m("36.00")
        ),
        ProcurementLine(
            "社会治安综合治理经费", "其他印刷服务", "C23090199", "1", Decimal(1000), m("0.01"), m("10.00"), m("100.00")
        ),
    )
    return Disclosure(
        source=Source("hand.docx", Format.DOCX, "0" * 64),
        unit=Unit("216001", "中共秦皇岛市海港区委政法委员会本级", 2023, W, "单位"),
        tables=tables,
        sections=(Section("三、机关运行经费安排情况", RUNNING), Section("四、三公", THREE)),
        functional=tuple(lines),
        economic=tuple(economic),
        three_public=ThreePublic(m("2.56"), m("0"), m("2.25"), m("0"), m("2.25"), m("0.31")),
        performance=performance,
        procurement=procurement,
    )


def values_by_id(h: analysis.Hierarchy) -> dict[str, Money | None]:
    return dict(zip(h.frame["id"], h.frame["amount"], strict=False))


def test_functional_hierarchy_total():
    h = analysis.functional_hierarchy(make_disclosure(), "total")
    v = values_by_id(h)
    assert v["root"] == m("1452.21")
    assert {k: v[k] for k in ("201", "204", "208", "210", "221")} == {
        "201": m("1065.08"),
        "204": m("276.93"),
        "208": m("61.54"),
        "210": m("32.01"),
        "221": m("16.65"),
    }
    parents = dict(zip(h.frame["id"], h.frame["parent"], strict=False))
    assert parents["2080505"] == "20805" and parents["20805"] == "208" and parents["208"] == "root"
    assert h.problems == ()
    row = h.frame.set_index("id").loc["201"]
    assert row["amount_label"] == "1,065.08 万元"
    assert row["share"] == Decimal("73.3")
    assert row["text"] == "1,065.08 万元<br>73.3%"


def test_measure_switch_changes_values():
    d = make_disclosure()
    basic = values_by_id(analysis.functional_hierarchy(d, "basic"))
    project = values_by_id(analysis.functional_hierarchy(d, "project"))
    assert "201" not in basic and basic["204"] == m("276.93") and basic["root"] == m("387.13")
    assert set(project) == {"root", "201", "20136", "2013602"}
    assert project["201"] == m("1065.08")


def test_parent_smaller_than_children_still_draws():
    rows = [r if r[0] != "208" else ("208", "社会保障和就业支出", "50.00", "50.00", None) for r in EXPENDITURE]
    h = analysis.functional_hierarchy(make_disclosure(rows), "total")
    assert len(h.problems) == 1 and "208" in h.problems[0] and "11.54 万元" in h.problems[0]
    frame = h.frame.set_index("id")
    # geometry at least the children's sum, label still the printed figure
    assert frame.loc["208", "value"] >= frame.loc["20805", "value"]
    assert frame.loc["208", "amount_label"] == "50.00 万元"
    assert frame.loc["root", "value"] >= frame.loc[["201", "204", "208", "210", "221"], "value"].sum()


def test_orphan_row_attaches_to_root():
    rows = [r for r in EXPENDITURE if r[0] not in ("221", "22102")]
    h = analysis.functional_hierarchy(make_disclosure(rows), "total")
    parents = dict(zip(h.frame["id"], h.frame["parent"], strict=False))
    assert parents["2210201"] == "root"


def test_economic_hierarchy():
    h = analysis.economic_hierarchy(make_disclosure())
    v = values_by_id(h)
    assert v["root"] == m("387.13") and v["personnel"] == m("355.31") and v["public"] == m("31.82")
    assert v["public/302"] == m("31.82") and v["personnel/30101"] == m("80.29")
    parents = dict(zip(h.frame["id"], h.frame["parent"], strict=False))
    assert parents["public/30201"] == "public/302" and parents["personnel/301"] == "personnel"


def test_overview_headlines_and_shares():
    o = analysis.overview(make_disclosure())
    heads = {h.label: h for h in o.headlines}
    assert heads["收入总计"].amount == m("1452.21")
    assert heads["支出总计"].amount == m("1452.21")
    assert heads["基本支出"].amount == m("387.13") and heads["基本支出"].share_label == "占支出总计 26.7%"
    assert heads["项目支出"].share_label == "占支出总计 73.3%"
    assert heads["人员经费"].amount == m("355.31") and heads["人员经费"].share_label == "占基本支出 91.8%"
    assert heads["“三公”经费"].amount == m("2.56")
    assert heads["政府采购"].amount == m("47.80")
    assert (o.recognised_tables, o.unknown_tables, o.projects, o.indicators) == (3, 1, 2, 6)


def test_by_class_sorted_with_labels():
    frame = analysis.by_class(make_disclosure())
    assert list(frame["code"]) == ["201", "204", "208", "210", "221"]
    assert frame.loc[0, "project"] == m("1065.08") and frame.loc[0, "basic"] is None
    assert frame.loc[0, "basic_label"] == "—"


def test_three_public_comparison():
    c = analysis.three_public_comparison(make_disclosure())
    rows = {r["项目"]: r for r in c.frame.to_dict("records")}
    assert rows["“三公”经费合计"]["quoted"] == m("2.56") and rows["“三公”经费合计"]["核对"] == "一致"
    assert rows["因公出国（境）费"]["quoted"] == m("0")
    assert rows["其中：公务用车运行（维护）费"]["quoted"] == m("1.92")
    assert rows["其中：公务用车运行（维护）费"]["核对"] == "不一致"
    assert [q.label for q in c.extra] == ["公务用车保险"]


def test_running_costs_comparison():
    c = analysis.running_costs_comparison(make_disclosure())
    rows = {r["项目"]: r for r in c.frame.to_dict("records")}
    total = rows["机关运行经费（对照基本支出表公用经费）"]
    assert total["table"] == m("31.82") and total["核对"] == "一致"
    assert rows["30201 办公费"]["核对"] == "一致"
    assert rows["30299 其他商品和服务支出"]["table"] == m("7.63")
    assert rows["30299 其他商品和服务支出"]["核对"] == "不一致"
    assert rows["工会经费"]["核对"] == "表中未列示"


def test_parse_target():
    def parts(text):
        t = analysis.parse_target(text)
        return None if t is None else (t.operator, t.number, t.unit)

    assert parts("≥90%") == ("≥", Decimal(90), "%")
    assert parts("≤5万元") == ("≤", Decimal(5), "万元")
    assert parts("4次") == (None, Decimal(4), "次")
    assert parts("效果明显") is None


def test_indicator_flags():
    d = make_disclosure()
    inds = d.performance[0].indicators
    codes = [{f.code for f in analysis.indicator_flags(i)} for i in inds]
    assert codes[0] == set()
    assert codes[1] == set()
    assert codes[2] == {"qualitative"}
    assert codes[3] == {"satisfaction_low", "basis_missing", "description_copy"}
    assert codes[4] == {"unit_missing", "cost_form"}
    assert analysis.indicator_flags(Indicator("产出指标", "数量指标", "x", "y", None, "z"))[0].code == "target_missing"


def test_project_view_caps_and_procurement():
    d = make_disclosure()
    view = analysis.project_view(d, 0)
    assert [cap for _, cap in view.caps] == [m("5")]
    assert [p.item for p in view.procurement] == ["其他印刷服务"]
    assert analysis.project_budget(d, view) == m("100.00")
    assert [l1 for l1, _ in view.groups] == ["产出指标", "效益指标", "满意度指标"]
    assert [l2 for l2, _ in view.groups[0][1]] == ["数量指标", "成本指标"]
    assert any("占位" in n for n in view.notes)
    # a cap above the project's budget is noted
    small = analysis.project_view(d, 0)
    assert not any("高于项目预算" in n for n in small.notes)


def test_checklist_frame():
    d = make_disclosure()
    frame = analysis.checklist_frame(d, {(0, 1)})
    assert len(frame) == 6
    assert list(frame["已核对"]) == ["否", "是", "否", "否", "否", "否"]


def test_many_rows_share_labels_stay_exact():
    rows = [("201", "一般公共服务支出", "60.00", None, "60.00"), ("20101", "人大事务", "60.00", None, "60.00")]
    rows += [(f"20101{i:02d}", f"项目{i}", "1.00", None, "1.00") for i in range(1, 61)]
    h = analysis.functional_hierarchy(make_disclosure(rows, ("60.00", None, "60.00")), "total")
    assert len(h.frame) == 63 and h.problems == ()
    assert set(h.frame.loc[h.frame["level"] == 3, "share_label"]) == {"1.7%"}


def test_seed_document():
    from loaders import load

    d = load(SEED.read_bytes(), SEED.name)
    v = values_by_id(analysis.functional_hierarchy(d, "total"))
    assert v["root"] == m("1452.21")
    assert (v["201"], v["204"], v["208"], v["210"], v["221"]) == (
        m("1065.08"),
        m("276.93"),
        m("61.54"),
        m("32.01"),
        m("16.65"),
    )
    o = analysis.overview(d)
    heads = {h.label: h.amount for h in o.headlines}
    assert heads["基本支出"] == m("387.13") and heads["人员经费"] == m("355.31")
    assert heads["“三公”经费"] == m("2.56") and heads["政府采购"] == m("47.80")
    assert (o.projects, o.indicators) == (13, 90)
    c = analysis.running_costs_comparison(d)
    rows = {r["项目"]: r for r in c.frame.to_dict("records")}
    assert rows["机关运行经费（对照基本支出表公用经费）"]["quoted"] == m("31.82")


def test_shanghai_three_public_listed_over_paragraphs():
    """Shanghai style: "其中：" then （一）（二）（三） paragraphs; the table is in 万元 while
    the document is in 元."""
    from loaders import load

    path = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "real" / "putuo_wanli_2024_dept.pdf"
    if not path.exists():
        pytest.skip("Shanghai fixture not available")
    d = load(path.read_bytes(), path.name)
    assert d.unit.money_unit == MoneyUnit.YUAN
    rows = {r["项目"]: r for r in analysis.three_public_comparison(d).frame.to_dict("records")}
    w = lambda s: Money(Decimal(s), W)  # noqa: E731
    assert rows["“三公”经费合计"]["quoted"] == w("47.91")
    assert rows["公务用车购置及运行（维护）费"]["quoted"] == w("46.56")
    assert rows["其中：公务用车购置费"]["quoted"] == w("25")
    assert rows["其中：公务用车运行（维护）费"]["quoted"] == w("21.56")
    assert rows["公务接待费"]["quoted"] == w("1.35")
    assert {r["核对"] for r in rows.values()} == {"一致"}
    # shares across units: the 三公 table is in 万元, the totals in 元
    heads = {h.label: h for h in analysis.overview(d).headlines}
    assert heads["“三公”经费"].share_label == "占支出总计 0.3%"  # 479,100 元 / 156,211,123 元
    assert heads["基本支出"].share_label == "占支出总计 63.8%"


@pytest.mark.parametrize(
    ("part", "whole"),
    [
        ("1" * 40, "0.01"),  # a percent too long for quantize (InvalidOperation before)
        ("9" * 30, "0.0000001"),
        ("1", "0.00"),  # a zero total printed with places
        ("1", "Infinity"),
        ("1", "NaN"),
        ("Infinity", "5"),
        ("1E+999990", "1E-999990"),  # the quotient overflows the context
    ],
)
def test_share_is_none_when_undefined_or_absurd(part, whole):
    assert analysis.share(Money(Decimal(part), MoneyUnit.YUAN), Money(Decimal(whole), MoneyUnit.YUAN)) is None


def test_share_of_large_but_printable_figures():
    big = Money(Decimal("123456789012345678"), MoneyUnit.YUAN)
    assert analysis.share(big, Money(Decimal("1"), MoneyUnit.YUAN)) == Decimal("12345678901234567800.0")
    assert analysis.share(Money(Decimal("1"), MoneyUnit.YUAN), big) == Decimal("0.0")
