"""What the check page shows: parts in reading order, table fragments, marked sentences."""

from __future__ import annotations

from budget.checks import run
from budget.views.check import findings_frame, fragment, marked, parts, rules_frame
from budget.model import TableKind
from loaders import load
from tests.budget.checks.helpers import set_values
from tests.conftest import FIXTURES


def test_fragment_highlights_the_cell_at_fault(seed):
    doc = set_values(seed, TableKind.EXPENDITURE, "2013602", project="1000.00")
    finding = next(f for f in run(doc).findings if f.rule == "ARITH-ROW")
    piece = fragment(doc, finding)
    row = piece.frame.iloc[piece.row]
    assert "2013602" in list(row)
    # the row and the 款 above it both fail by 65.08: the 项目支出 cell is the one at fault
    assert piece.frame.columns[piece.column] == "项目支出"
    assert row.iloc[piece.column] == "1065.08"


def test_indicator_fragment_for_a_performance_finding(seed):
    finding = next(f for f in run(seed).findings if f.rule == "PERF-SATISFACTION")
    piece = fragment(seed, finding)
    assert piece.frame.iloc[piece.row]["指标值"] == "≥80%"
    assert piece.frame.columns[piece.column] == "指标值"


def test_goal_findings_have_no_table_fragment(seed):
    finding = next(f for f in run(seed).findings if f.rule == "FORM-PLACEHOLDER")
    assert fragment(seed, finding) is None
    assert marked(finding)[1] == "目标内容1"


def test_sentence_with_the_figure_marked(seed):
    finding = next(f for f in run(seed).findings if f.rule == "TEXT-ASSETS")
    before, figure, after = marked(finding)
    assert figure == "326.27万元"
    assert before.endswith("上年末固定资产金额为") and after.startswith("（详见下表）")


def test_parts_in_reading_order_of_a_pdf():
    doc = load((FIXTURES / "real" / "putuo_fuliyuan_2024_unit.pdf").read_bytes(), "fuliyuan.pdf")
    grouped = parts(doc, list(run(doc).findings))
    labels = [p.label for p, _ in grouped]
    assert labels[0] == "2024年单位预算编制说明"  # page 6, before the tables
    assert labels.index("收支总表") < labels.index("一般公共预算基本支出表")
    assert [p.order for p, _ in grouped] == sorted(p.order for p, _ in grouped)


def test_frames(seed):
    report = run(seed)
    key = report.findings[0].key
    frame = findings_frame(report, list(report.findings), {key: "已说明"})
    assert list(frame.columns) == ["级别", "规则", "类别", "问题", "状态"]
    assert frame.iloc[0]["状态"] == "已说明" and frame.iloc[1]["状态"] == "待处理"
    assert len(rules_frame(report)) == len(report.results)
