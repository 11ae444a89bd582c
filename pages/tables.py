"""原始表格: every table as recognised (and the unrecognised ones), with downloads."""

import streamlit as st

from budget.export import contract
from budget.export import tables as export
from budget.model import TableKind
from budget.views.tables import printed
from components import lazy, page, source, tables
from components.i18n import t
from components.text import md, unbroken

ctx = page.header(
    "原始表格",
    "文档中找到的每一张表（包括未能识别类型的表），按原样列出（金额加千位分隔符，数字不变），"
    "可逐表下载 CSV / XLSX，或下载整个解析结果（JSON）。",
    unit_switch_shown=False,
)
d = ctx.disclosure

st.download_button(
    t("下载完整解析结果（JSON）"),
    lambda: contract.to_bytes(d),
    f"{export.file_stem(d.source.name)}.json",
    "application/json",
    on_click="ignore",
)

for index, table in enumerate(d.tables):
    kind = t("未识别") if table.kind == TableKind.UNKNOWN else t(table.label)
    badge = t("　（空表）") if table.empty else ""
    page_label = f"　·　{unbroken(source.page_text(table.page))}" if table.page else ""
    title = md(table.title) or t("（无标题）")
    # the kind, unless the title is its very name (会议费明细表 · 会议费明细表)
    named = "" if kind == (table.title or "").strip() else f"　·　{kind}"
    # drawn only when opened (closed, xian_12's tables were 8,316 DOM nodes and 1.6 s a rerun)
    box = lazy.expander(f"{title}{named}{badge}{page_label}", f"tables_table_{index}_{ctx.document.key[:8]}")
    if box is None:
        continue
    with box:
        where = source.table_source(ctx.document, d, table)
        if table.unit_line:
            st.caption(md(table.unit_line) + (f"　·　{where}" if where else ""))
        elif where:
            st.caption(where)
        shown = printed(table)
        tables.printed_table(shown.frame, set(shown.amount_columns))
        if table.note:
            st.caption(md(table.note))
        tables.table_downloads(table, str(index))
