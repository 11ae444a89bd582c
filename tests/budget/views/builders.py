"""Hand-made disclosures for the page frames (figures copied from the seed's tables)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path


from budget.views.hierarchy import Hierarchy
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
SEED = Path(__file__).resolve().parents[3] / "samples" / "seed.docx"


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


def values_by_id(h: Hierarchy) -> dict[str, Money | None]:
    return dict(zip(h.frame["id"], h.frame["amount"], strict=False))
