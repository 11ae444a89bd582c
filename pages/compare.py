"""对比: the documents loaded in the sidebar side by side (units, years), in 万元."""

import streamlit as st

from budget.export import tables as export
from budget.views import compare
from components import charts, session, tables
from components.text import md

entries = session.loaded_disclosures()

st.title("对比")
if len(entries) < 2:
    st.info(
        "在左侧边栏一次上传两份或更多预算公开文档（如同一单位的不同年度，或不同单位），"
        "这里就会把它们的主要数字和功能分类支出并列对比。"
    )
    st.stop()

st.caption(f"{len(entries)} 份文档并列；金额一律精确换算为{compare.DISPLAY_UNIT}（元 ÷ 10,000，不四舍五入）。")
tables.money_table(compare.documents_frame(entries), pinned=(compare.ITEM,))
headlines = compare.headline_table(entries)
classes = compare.class_table(entries)
if headlines.change is not None:
    st.info(md(headlines.change.caption))  # names the documents

st.subheader("主要数字")
tables.money_table(headlines.frame, pinned=headlines.row_columns)

st.subheader("功能分类（类）")
st.caption(f"按“类”编码对应；某份文档没有的类显示为 —。单位：{compare.DISPLAY_UNIT}。")
charts.grouped_bars(compare.class_bar_frame(classes))
tables.money_table(classes.frame, pinned=classes.row_columns)

frame = compare.export_frame(headlines, classes)
left, right, _ = st.columns([1, 1, 4])
left.download_button("下载 CSV", lambda: export.frame_csv(frame), "预算对比.csv", "text/csv", on_click="ignore")
right.download_button(
    "下载 XLSX",
    lambda: export.frame_xlsx(frame, "预算对比"),
    "预算对比.xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    on_click="ignore",
)
