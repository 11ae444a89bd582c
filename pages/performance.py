"""绩效目标: one checklist per project, with well-formedness flags and export."""

import streamlit as st

from budget.export import tables as export
from budget.views.glossary import definition
from budget.views.performance import checklist_frame, project_view
from components import checklist, page, session, source, tables
from components.i18n import lang, t
from components.text import md

ctx = page.header(
    "绩效目标",
    "每个项目的绩效目标与指标（一级 → 二级 → 三级），标出不规范的指标值；逐项勾选核对，进度保存在本次会话中，可导出。",
)
d, doc = ctx.disclosure, ctx.document

if not d.performance:
    st.info(t("这份文档中没有识别到项目绩效目标表。"))
    st.stop()

report = session.current_report()  # the flags are the 发布前检查's findings
views = [project_view(d, report, i) for i in range(len(d.performance))]
indicator_count = sum(len(v.project.indicators) for v in views)
st.markdown(
    t(
        "共 **{projects}** 个项目、**{indicators}** 项指标；标出的问题 **{flags}** 处（一项指标可有几处）。",
        projects=len(views),
        indicators=indicator_count,
        flags=sum(v.flag_count for v in views),
    ),
    help=definition("绩效目标", lang()),
)

for view in views:
    done = len([i for i in checklist.ticks(doc.key) if i[0] == view.index])
    label = t(
        "{name}　·　{count} 项指标　·　已核对 {done}",
        name=md(view.project.name),
        count=len(view.project.indicators),
        done=done,
    )
    if view.flag_count or view.notes:
        label += f"　·　⚠ {view.flag_count + len(view.notes)}"
    with st.expander(label, key=f"performance_project_{view.index}"):
        index = view.project.table
        where = source.table_source(doc, d, d.tables[index]) if index is not None and index < len(d.tables) else ""
        if where:
            st.caption(where)
        checklist.indicator_checklist(d, view, doc.key, ctx.unit)

frame = checklist_frame(d, report, checklist.ticks(doc.key))
for column in ("提示", "已核对"):
    frame[column] = [t(v) if column == "已核对" else "；".join(t(p) for p in v.split("；") if p) for v in frame[column]]
st.subheader(t("导出核对结果"))
tables.downloads(frame, export.file_stem(t("绩效指标核对")), "绩效指标核对", "performance")
