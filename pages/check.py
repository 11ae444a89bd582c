"""发布前检查: every rule of the catalogue run over the selected document, with review."""

import streamlit as st

from budget.checks import CheckReport

from components import check_settings, findings, page, session
from components.i18n import t

ctx = page.header(
    "发布前检查",
    "逐条核对表内运算、表间关系、正文引用的金额、必备内容、文字规范和绩效目标，列出每个问题的位置和两边的数字；"
    "已解释的问题可标为“已说明”，连同说明一起导出，下一稿可导入沿用。",
    unit_switch_shown=False,
)
d = ctx.disclosure
check_settings.control()  # the thresholds every page's findings follow

report = session.current_report()  # run with the parse, in its worker and budget


@st.fragment
def review(report: CheckReport) -> None:
    """The findings and what a review changes: a status set, a part or tab opened, a
    filter reruns this alone, not the page above it (its header, settings, the app's
    sidebar). The counts and the exports are inside: they follow the notes."""
    findings.summary(report)
    findings.import_previous(report)
    selection = findings.filters(report)
    annotated = findings.notes()
    shown = [f for f in report.findings if selection.keep(report, f, annotated)]

    # Only the open tab is drawn (a tab switch reruns): both were in the page before.
    by_part, by_severity = st.tabs([t("按文档位置"), t("逐条列表")], on_change="rerun", key="findings_view")
    if by_part.open:
        with by_part:
            findings.by_part(d, report, shown)
    if by_severity.open:
        with by_severity:
            findings.by_severity(report, shown)

    st.subheader(t("导出"))
    findings.downloads(report)


review(report)
findings.how_we_check(report)
