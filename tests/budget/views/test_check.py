"""What the check page shows: parts in reading order, table fragments, marked sentences."""

from __future__ import annotations

from budget.checks import Finding, Location, run
from budget.views.check import aligned, findings_frame, fragment, grouped, marked, parts, rules_frame
from budget.model import TableKind
from tests.budget.checks.helpers import set_values


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


def test_parts_in_reading_order_of_a_pdf(fuliyuan):
    doc = fuliyuan
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


def test_a_pdf_total_row_stands_under_its_headers(wanli):
    # 普陀区万里街道 支出总表: the 合计 label spans the code and name columns in the PDF,
    # so its row has 4 cells against 7 columns.
    doc = wanli
    index = next(i for i, t in enumerate(doc.tables) if t.kind == TableKind.EXPENDITURE)
    table = doc.tables[index]
    total_row = next(n for n, r in enumerate(table.rows) if r[0].strip() == "合计")
    assert len(table.rows[total_row]) == 4 < len(table.columns)
    finding = Finding(
        message="合计不平",
        location=Location(
            table="expenditure",
            row="合计",
            column="合计",
            table_index=index,
            row_index=len(table.header) + total_row,
            column_index=4,
        ),
    )
    piece = fragment(doc, finding)
    total = dict(zip(piece.frame.columns, piece.frame.iloc[piece.row], strict=True))
    assert total["项目/功能分类科目编码/类"] == "合计"
    assert total["支出预算/合计"] == "156,211,123"
    assert (total["支出预算/基本支出"], total["支出预算/项目支出"]) == ("99,706,020", "56,505,103")
    assert piece.frame.columns[piece.column] == "支出预算/合计"


def test_aligned_pads_a_label_row_after_its_label_and_any_other_row_at_the_end():
    assert aligned(["合计", "10.00", "4.00"], 5) == ["合计", "", "", "10.00", "4.00"]
    assert aligned(["201", "一般公共服务支出", "10.00"], 5) == ["201", "一般公共服务支出", "10.00", "", ""]
    assert aligned(["说明文字"], 3) == ["说明文字", "", ""]  # no figures: nothing to align
    assert aligned(["a", "b", "c"], 3) == ["a", "b", "c"]


def test_findings_saying_the_same_thing_are_grouped(seed):
    report = run(seed)
    same = report.findings[0]
    twice = [same, Finding(message=same.message, location=same.location, rule=same.rule, key=same.key + "x")]
    groups = grouped([*twice, *report.findings[1:3]])
    assert [len(g.findings) for g in groups][0] == 2
    assert groups[0].keys == (same.key, same.key + "x")
