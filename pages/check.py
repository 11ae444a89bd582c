"""发布前检查: every rule of the catalogue run over the selected document."""

import streamlit as st

from components import findings, session

d = session.current_disclosure()
report = session.current_report()  # run with the parse, in its worker and budget

st.title("发布前检查")
st.caption(
    "逐条核对表内运算、表间关系、正文引用的金额、必备内容、文字规范和绩效目标，列出每个问题的位置和两边的数字；"
    "已解释的问题可标为“已说明”，连同说明一起导出。"
)

findings.summary(report)
selection = findings.filters(report)
shown = [f for f in report.findings if selection.keep(report, f)]

by_part, by_severity = st.tabs(["按文档位置", "按严重程度"])
with by_part:
    findings.by_part(d, report, shown)
with by_severity:
    findings.by_severity(report, shown)

st.subheader("导出")
findings.downloads(report)
findings.how_we_check(report)
