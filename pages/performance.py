"""绩效目标: one checklist per project, with well-formedness flags and export."""

import streamlit as st

from budget.export import tables as export
from budget.views.performance import checklist_frame, project_view
from components import checklist, session
from components.text import md

d = session.current_disclosure()
doc = session.current_document()

st.title("绩效目标")
st.caption(
    "每个项目的绩效目标与指标（一级 → 二级 → 三级），标出不规范的指标值；逐项勾选核对，进度保存在本次会话中，可导出。"
)

if not d.performance:
    st.info("这份文档中没有识别到项目绩效目标表。")
    st.stop()

views = [project_view(d, i) for i in range(len(d.performance))]
indicator_count = sum(len(v.project.indicators) for v in views)
st.markdown(
    f"共 **{len(views)}** 个项目、**{indicator_count}** 项指标；"
    f"需要注意的指标 **{sum(v.flag_count for v in views)}** 项。"
)

for view in views:
    done = len([i for i in checklist.ticks(doc.key) if i[0] == view.index])
    label = f"{md(view.project.name)}　·　{len(view.project.indicators)} 项指标　·　已核对 {done}"
    if view.flag_count or view.notes:
        label += f"　·　⚠ {view.flag_count + len(view.notes)}"
    with st.expander(label, key=f"performance_project_{view.index}"):
        checklist.indicator_checklist(d, view, doc.key)

frame = checklist_frame(d, checklist.ticks(doc.key))
st.subheader("导出核对结果")
left, right, _ = st.columns([1, 1, 4])
left.download_button("下载 CSV", lambda: export.frame_csv(frame), "绩效指标核对.csv", "text/csv", on_click="ignore")
right.download_button(
    "下载 XLSX",
    lambda: export.frame_xlsx(frame, "绩效指标核对"),
    "绩效指标核对.xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    on_click="ignore",
)
