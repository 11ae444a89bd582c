"""绩效目标: one checklist per project, with well-formedness flags and export."""

import streamlit as st

from budget.export import tables as export
from budget.views.glossary import definition
from budget.views.display import figure
from budget.views.performance import (
    checklist_frame,
    checklists_and_goal_lists,
    goal_passages,
    project_budget,
    project_view,
)
from budget.views.tables import printed
from components import check_settings, checklist, lazy, page, session, source, tables
from components.i18n import lang, t, units
from components.text import md, unbroken

forms, goals_only = checklists_and_goal_lists(session.current_disclosure())
ctx = page.header(
    "绩效目标",
    "每个项目的绩效目标与指标（一级 → 二级 → 三级），标出不规范的指标值；逐项勾选核对，进度保存在本次会话中，可导出。",
    # Only the checklists convert their figures: a table of goals is shown as printed
    # (huzhou_04's "金额 35.00" stayed 35.00 when 元 was chosen), in the banner's 原文金额单位.
    unit_switch_shown=bool(forms),
)
d, doc = ctx.disclosure, ctx.document


def goal_cards() -> None:
    st.info(t("这份文档的绩效目标表只列出项目和绩效目标的文字，没有一级、二级、三级指标，无法逐项核对；原表如下。"))
    for table in goals_only:
        # One card per project: a goal is a paragraph, which a table cell would cut off.
        shown = printed(table)
        for row in shown.frame.itertuples(index=False):
            with st.container(border=True):
                st.text(
                    "\n".join(
                        f"{head}：{cell}"
                        for head, cell in zip(shown.frame.columns, row, strict=False)
                        if str(cell).strip()
                    )
                )
        where = source.table_source(ctx.document, d, table)
        if where:
            st.caption(where)


def goal_texts() -> bool:
    """The narrative's sections on the goals, as printed (上海's and 无锡's documents print
    no performance table, only how many projects have goals and for how much money)."""
    passages = goal_passages(d)
    if not passages:
        return False
    st.info(t("这份文档没有项目绩效目标表；正文中关于绩效目标的说明如下。"))
    for section in passages:
        with st.container(border=True):
            st.text(f"{section.heading}\n{section.text}")  # document text: never Markdown
        st.caption(source.text_source(ctx.document, d, section.page))
    return True


if not forms:
    if goals_only:
        goal_cards()
    elif not goal_texts():
        st.info(t("这份文档中没有识别到项目绩效目标表。"))
    st.stop()

check_settings.control()  # the satisfaction floor and copy threshold of the flags below
report = session.current_report()  # the flags are the 发布前检查's findings
views = [project_view(d, report, i, lang()) for i in forms]
indicator_count = sum(len(v.project.indicators) for v in views)
st.markdown(
    t(
        "共 **{projects}** 个项目、**{indicators}** 项指标；标出的问题 **{flags}** 处（一项指标可有几处）。",
        projects=len(views),
        indicators=indicator_count,
        flags=sum(v.flag_count + len(v.notes) for v in views),  # as each project's ⚠ counts them
    ),
    help=definition("绩效目标", lang()),
)

for view in views:
    done = len([i for i in checklist.ticks(doc.key) if i[0] == view.index])
    # What the project costs, beside its name (a council member's first question); each
    # part kept whole: at 390 px "已核 / 对 0" broke inside the words.
    budget = project_budget(d, view)
    parts = [md(view.project.name) if view.project.name else t(view.project.label)]
    if budget is not None:
        parts.append(unbroken(units(figure(budget, ctx.unit))))
    parts += [
        unbroken(t("{count} 项指标", count=len(view.project.indicators))),
        unbroken(t("已核对 {done}", done=done)),
    ]
    if view.flag_count or view.notes:
        parts.append(unbroken(f"⚠ {view.flag_count + len(view.notes)}"))
    label = ("　·　" if lang() == "zh" else " · ").join(parts)
    # Drawn only when opened (a rerun of this page, ~0.1 s): closed, a project's checklist
    # was in the page all the same — the sample's 13 closed projects were 3,950 DOM nodes.
    project = lazy.expander(label, f"performance_project_{view.index}_{doc.key[:8]}")  # this document's
    if project is None:
        continue
    with project:
        index = view.project.table
        where = source.table_source(doc, d, d.tables[index]) if index is not None and index < len(d.tables) else ""
        if where:
            st.caption(where)
        checklist.indicator_checklist(d, view, doc.key, ctx.unit)

if goals_only:
    goal_cards()

frame = checklist_frame(d, report, checklist.ticks(doc.key), lang())
for column in ("提示", "已核对"):
    frame[column] = [t(v) if column == "已核对" else "；".join(t(p) for p in v.split("；") if p) for v in frame[column]]
st.subheader(t("导出核对结果"))
tables.downloads(frame, export.file_stem(t("绩效指标核对")), "绩效指标核对", "performance")
