"""对比: the documents loaded in the sidebar side by side (units, years), in one display unit."""

import streamlit as st

from budget.export import tables as export
from budget.views import compare
from components import charts, page, session, tables
from components.i18n import t
from components.text import md

entries = session.loaded_disclosures()

st.title(t("对比"))
if len(entries) < 2:
    st.info(
        t(
            "在左侧边栏一次上传两份或更多预算公开文档（如同一单位的不同年度，或不同单位），"
            "这里就会把它们的主要数字和功能分类支出并列对比。"
        )
    )
    st.stop()

left, right = st.columns([3, 1], vertical_alignment="bottom")
with left:
    st.caption(
        t(
            "{count} 份文档并列；金额先精确换算为同一单位，再保留两位小数显示；下载的表格保留全部小数。",
            count=len(entries),
        )
    )
with right:
    unit = page.unit_switch()
tables.money_table(compare.documents_frame(entries), pinned=(compare.ITEM,), words=(compare.ITEM,))
headlines = compare.headline_table(entries)
classes = compare.class_table(entries)
if headlines.change is not None:
    change = headlines.change
    st.info(
        t(
            "两份文档同为“{unit}”：增减额 = {later}年 − {earlier}年，增减率以较早的 {earlier}年 为基数。",
            unit=md(change.unit_name),
            later=change.later_year,
            earlier=change.earlier_year,
        )
    )

st.subheader(t("主要数字"))
tables.money_table(headlines.shown(unit), pinned=headlines.row_columns, words=headlines.row_columns)

st.subheader(t("功能分类（类）"))
st.caption(t("按“类”编码对应；某份文档没有的类显示为 —。单位：{unit}。", unit=t(str(unit))))
charts.grouped_bars(compare.class_bar_frame(classes, unit))
tables.money_table(classes.shown(unit), pinned=classes.row_columns)

frame = compare.export_frame(headlines, classes)
frame["分组"] = [t(v) for v in frame["分组"]]
tables.downloads(frame, export.file_stem(t("预算对比")), "预算对比", "compare")
