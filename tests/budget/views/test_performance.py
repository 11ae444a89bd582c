"""budget.views.performance: the frames of its page; the flags are the check's findings."""

from __future__ import annotations

from decimal import Decimal

from budget.checks import Settings, Severity, run
from budget.views import performance
from tests.budget.checks.helpers import edit_indicator
from tests.budget.views.builders import m


def flags_of(view):
    """indicator name -> the rule ids flagged on it."""
    return {
        ind.level3: [f.code for f in flags]
        for _, items in view.groups
        for _, entries in items
        for _, ind, flags in entries
    }


def test_the_flags_are_the_check_findings_on_each_indicator(seed):
    report = run(seed)
    view = performance.project_view(seed, report, 0)  # 反邪教专项资金
    flags = flags_of(view)
    assert flags["社会环境净化提升"] == ["PERF-QUANT"]  # "效果明显"
    assert flags["营造和谐稳定社会氛围"] == ["PERF-QUANT", "PERF-COPY"]
    assert flags["“双清”工作费用控制数"] == []  # "≤5万元"
    (flag,) = [
        f
        for _, items in view.groups
        for _, e in items
        for _, ind, fl in e
        if ind.level3 == "社会环境净化提升"
        for f in fl
    ]
    (finding,) = [f for f in report.findings if f.rule == "PERF-QUANT" and f.location.row == "社会环境净化提升"]
    assert (flag.severity, flag.text) == ("warning", finding.message)
    # project-level findings of the check are its notes: 绩效目标 numbered twice, a doubled word
    assert view.notes == (
        "“反邪教专项资金”绩效目标编号重复：“3.3、”",
        "“反邪教专项资金 绩效目标”中“不发生不发生”重复了“不发生”",
    )
    assert view.flag_count == 3


def test_the_satisfaction_floor_is_the_check_setting(seed):
    """见义勇为奖励经费's satisfaction target ≥80%: below the check's 85 % by default, not at 80."""
    name = "见义勇为行为人对见义勇为行为确认、表彰、奖励各个环节无异议，对回复速度、办理结果、处置效率满意评价。"
    default = flags_of(performance.project_view(seed, run(seed), 2))[name]
    lenient = flags_of(performance.project_view(seed, run(seed, Settings(satisfaction_threshold=Decimal(80))), 2))
    assert "PERF-SATISFACTION" in default and "PERF-SATISFACTION" not in lenient[name]


def test_placeholder_goals_and_caps_come_from_the_check(seed):
    report = run(seed)
    view = performance.project_view(seed, report, 1)  # 海防工作经费: "1.目标内容1"
    assert view.notes == (
        "“海防工作经费 绩效目标”中有占位文字“目标内容1”",
        "“海防工作经费 绩效目标”中有占位文字“目标内容2”",
    )
    assert [(ind.level3, cap) for ind, cap in view.caps] == [("费用预算控制数", m("20"))]
    # a cap above the project's budget is the check's PERF-COST-CAP error, shown as a note
    d = edit_indicator(seed, "海防工作经费", "费用预算控制数", target="≤2000万元")
    report = run(d)
    (error,) = [f for f in report.findings if f.rule == "PERF-COST-CAP" and f.location.project == "海防工作经费"]
    assert error.severity == Severity.ERROR
    assert error.message in performance.project_view(d, report, 1).notes
    assert not any(f.rule == "PERF-COST-CAP" for f in run(seed).findings)


def test_project_view_procurement_and_groups(seed):
    report = run(seed)
    view = performance.project_view(seed, report, 0)
    assert [l1 for l1, _ in view.groups] == ["产出指标", "效益指标", "满意度指标"]
    assert performance.project_budget(seed, view) is None and view.procurement == ()
    view = performance.project_view(seed, report, 7)  # 社会治安综合治理经费, in the 政府采购预算表
    assert [p.item for p in view.procurement] == ["其他印刷服务"]
    assert performance.project_budget(seed, view) == m("100.00")


def test_checklist_frame(seed):
    frame = performance.checklist_frame(seed, run(seed), {(0, 1)})
    assert len(frame) == 90
    assert list(frame["已核对"][:3]) == ["否", "是", "否"]
    row = frame[frame["三级指标"] == "社会环境净化提升"].iloc[0]
    # "效果明显" is the target of six indicators: one finding of the check, shown on each of them
    assert row["提示"].startswith("6 个指标的指标值都写“效果明显”，没有量化：“反邪教专项资金”“社会环境净化提升”")
    other = frame[frame["三级指标"] == "提升见义勇为参与率"].iloc[0]
    assert other["提示"] == row["提示"]


def test_goal_passages_are_the_sections_on_the_goals_that_say_something():
    """无锡's 十五、预算绩效目标设置情况说明 is the one; 北京's 情况说明 lists "十二、项目支出
    绩效目标表" among its contents, a heading over no text, and gives none, as does the
    seed's "五、预算绩效信息" (its tables follow it)."""
    import pytest

    from tests.conftest import CORPUS, corpus_document, parsed

    if not CORPUS.exists():
        pytest.skip("../shared/corpus not available")
    (wuxi,) = performance.goal_passages(corpus_document("wuxi_03.pdf"))
    assert wuxi.heading == "十五、预算绩效目标设置情况说明" and wuxi.page == 40
    assert "本单位共35个项目纳入绩效目标管理，涉及财政性资金合计128,818.12万元" in wuxi.text
    assert performance.goal_passages(corpus_document("beijing_greening_part1.pdf")) == []
    assert "五、预算绩效信息" in [s.heading for s in parsed("seed.pdf").sections]
    assert performance.goal_passages(parsed("seed.pdf")) == []
