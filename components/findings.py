"""The findings of the pre-publication check: summary, filters, cards, review, exports.

Document text is never rendered as HTML: sentences and cells are shown as escaped
Markdown or as dataframe cells. Reviewer notes live in ``st.session_state`` under keys
prefixed ``findings_`` (the canonical store is ``findings_notes``: key -> (status,
comment)), so they survive filtering and reruns and travel into the exports.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

import pandas as pd
import streamlit as st

from budget.export import reports
from budget.checks import CATEGORY_LABELS, SEVERITY_LABELS, SEVERITY_ORDER, CheckReport, Finding, Severity
from budget.views.check import findings_frame, fragment, marked, parts, rules_frame
from budget.model import Disclosure
from components.text import md

NOTES = "findings_notes"
BADGES = {
    Severity.ERROR: ":red-badge[错误]",
    Severity.WARNING: ":orange-badge[警告]",
    Severity.INFO: ":blue-badge[提示]",
}
ICONS = {Severity.ERROR: ":material/error:", Severity.WARNING: ":material/warning:", Severity.INFO: ":material/info:"}


def notes() -> dict[str, tuple[str, str]]:
    """Reviewer annotations of this session: finding key -> (status, comment)."""
    return dict(st.session_state.get(NOTES, {}))


def summary(report: CheckReport) -> None:
    s = report.summary()
    cells = st.columns(6, border=True)
    labels = [
        ("错误", s["error"]),
        ("警告", s["warning"]),
        ("提示", s["info"]),
        ("规则通过", s["passed"]),
        ("规则未通过", s["failed"]),
        ("规则未运行", s["not_run"]),
    ]
    for cell, (label, value) in zip(cells, labels, strict=False):
        cell.metric(label, value)
    annotated = notes()
    open_count = sum(1 for f in report.findings if reports.is_open(f, annotated))
    st.caption(f"待处理的错误和警告：{open_count} 项（标为“已说明”或“已改正”的不计）。")


@dataclass(frozen=True)
class Selection:
    severities: list[Severity]
    categories: list[str]
    rules: list[str]

    def keep(self, report: CheckReport, finding: Finding) -> bool:
        category = report.result(finding.rule).rule.category.value
        return (
            finding.severity in self.severities
            and category in self.categories
            and (not self.rules or finding.rule in self.rules)
        )


def filters(report: CheckReport) -> Selection:
    left, right = st.columns([1, 1])
    severities = left.pills(
        "级别",
        list(SEVERITY_LABELS),
        selection_mode="multi",
        default=list(SEVERITY_LABELS),
        format_func=lambda s: SEVERITY_LABELS[s],
        key="findings_filter_severity",
    )
    rule_ids = sorted({f.rule for f in report.findings})
    rules = right.multiselect("规则", rule_ids, key="findings_filter_rule", placeholder="全部规则")
    used = sorted({report.result(f.rule).rule.category for f in report.findings}, key=list(CATEGORY_LABELS).index)
    categories = st.pills(
        "类别",
        [c.value for c in used],
        selection_mode="multi",
        default=[c.value for c in used],
        format_func=lambda c: CATEGORY_LABELS[c],
        key="findings_filter_category",
    )
    return Selection(list(severities or []), list(categories or []), list(rules))


def _highlight(frame: pd.DataFrame, row: int | None, column: int | None):
    def style(data: pd.DataFrame) -> pd.DataFrame:
        styles = pd.DataFrame("", index=data.index, columns=data.columns)
        if row is not None:
            styles.iloc[row, :] = "background-color: #fff4ce"
            if column is not None:
                styles.iloc[row, column] = "background-color: #f9c8c4; font-weight: bold"
        return styles

    return frame.style.apply(style, axis=None)


def _save(key: str) -> None:
    store = st.session_state.setdefault(NOTES, {})
    store[key] = (st.session_state[f"findings_status_{key}"], st.session_state.get(f"findings_comment_{key}", ""))


def review(finding: Finding) -> None:
    """Status and comment of one finding, kept in the session's store."""
    status, comment = reports.annotation(notes(), finding)
    status_key, comment_key = f"findings_status_{finding.key}", f"findings_comment_{finding.key}"
    st.session_state[status_key] = status  # the store is the truth; widgets only edit it
    st.session_state[comment_key] = comment
    left, right = st.columns([1, 3])
    left.selectbox("处理状态", reports.STATUSES, key=status_key, on_change=_save, args=(finding.key,))
    right.text_input(
        "说明（导出时一并带出）",
        key=comment_key,
        on_change=_save,
        args=(finding.key,),
        placeholder="例如：差额为本年新购置资产，已在说明中解释",
    )


def card(doc: Disclosure, report: CheckReport, finding: Finding) -> None:
    """One finding: what is wrong, where, the evidence, and the reviewer's note."""
    rule = report.result(finding.rule).rule
    with st.container(border=True):
        st.markdown(f"{BADGES[finding.severity]} `{finding.rule}` {md(rule.title)} · {md(reports.place(finding))}")
        st.markdown(md(finding.message))
        piece = fragment(doc, finding)
        if piece is not None:
            st.dataframe(_highlight(piece.frame, piece.row, piece.column), hide_index=True)
        quote = marked(finding)
        if quote is not None:
            before, figure, after = quote
            mark = f":red-background[【{md(figure)}】]" if figure else ""
            st.markdown(f"> {md(before)}{mark}{md(after)}")
        st.caption(f"怎么改：{rule.guidance}")
        review(finding)


def by_part(doc: Disclosure, report: CheckReport, findings: list[Finding]) -> None:
    if not findings:
        st.success("没有符合筛选条件的问题。")
        return
    for part, items in parts(doc, findings):
        worst = min(items, key=lambda f: SEVERITY_ORDER[f.severity]).severity
        with st.expander(f"{md(part.label)}（{len(items)}）", expanded=worst == Severity.ERROR, icon=ICONS[worst]):
            for finding in items:
                card(doc, report, finding)


def by_severity(report: CheckReport, findings: list[Finding]) -> None:
    statuses = {k: v[0] for k, v in notes().items()}
    for severity, items in reports.by_severity(findings):
        st.subheader(f"{SEVERITY_LABELS[severity]}（{len(items)}）")
        st.dataframe(
            findings_frame(report, items, statuses),
            hide_index=True,
            column_config={"问题": st.column_config.TextColumn(width="large")},
        )


def downloads(report: CheckReport) -> None:
    stem = PurePath(report.source.name).stem or "document"
    annotated = notes()
    left, middle, right = st.columns(3)
    left.download_button(
        "下载 JSON",
        reports.to_json(report, annotated),
        file_name=f"{stem}_发布前检查.json",
        mime="application/json",
        key="findings_download_json",
        on_click="ignore",
    )
    middle.download_button(
        "下载检查表（XLSX）",
        reports.to_xlsx(report, annotated),
        file_name=f"{stem}_发布前检查.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="findings_download_xlsx",
        on_click="ignore",
    )
    right.download_button(
        "下载报告（HTML）",
        reports.to_html(report, annotated),
        file_name=f"{stem}_发布前检查.html",
        mime="text/html",
        key="findings_download_html",
        on_click="ignore",
    )


def how_we_check(report: CheckReport) -> None:
    with st.expander("我们怎么检查"):
        st.markdown(
            "每条规则是一个独立的检查：表内运算、表间核对、文字与表格一致、完整性、文字规范和绩效目标。"
            "金额一律按十进制精确计算；多个四舍五入的数相加，与合计相差不超过“项数 × 末位半个单位”时只作提示。"
            "正文用万元、表格用元时先精确换算，再按正文数字的精度比较。"
        )
        st.dataframe(
            rules_frame(report), hide_index=True, column_config={"怎么改": st.column_config.TextColumn(width="large")}
        )
        st.caption(f"规则版本 {report.ruleset}")
