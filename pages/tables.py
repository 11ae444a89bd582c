"""原始表格: every table as recognised (and the unrecognised ones), with downloads."""

import streamlit as st

from budget.export import contract
from budget.export import tables as export
from budget.model import TableKind
from components import session, tables
from components.text import md

d = session.current_disclosure()

st.title("原始表格")
st.caption(
    "文档中找到的每一张表（包括未能识别类型的表），按原样列出，可逐表下载 CSV / XLSX，或下载整个解析结果（JSON）。"
)

st.download_button(
    "下载完整解析结果（JSON）",
    lambda: contract.to_bytes(d),
    f"{export.file_stem(d.source.name)}.json",
    "application/json",
    on_click="ignore",
)

for index, table in enumerate(d.tables):
    kind = "未识别" if table.kind == TableKind.UNKNOWN else table.label
    badge = "　（空表）" if table.empty else ""
    with st.expander(f"{md(table.title) or '（无标题）'}　·　{kind}{badge}", key=f"tables_table_{index}"):
        if table.unit_line:
            st.caption(md(table.unit_line))
        frame = export.table_frame(table)
        st.dataframe(frame, hide_index=True, width="stretch", height=min(36 + 35 * len(frame), 720))
        if table.note:
            st.caption(md(table.note))
        tables.table_downloads(table, str(index))
