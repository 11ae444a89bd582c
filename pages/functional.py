"""支出结构: the functional classification 类 → 款 → 项 as a sunburst, with its rows."""

import streamlit as st

from budget.views import functional as view
from budget.views.glossary import definition
from components import findings, page, session, source, tables
from components.i18n import lang, t, words
from components.sunburst import sunburst
from components.text import md

ctx = page.header(
    "支出结构",
    "支出按功能分类（类 → 款 → 项）的构成；扇区大小为金额。"
    "点击扇区或图旁列表中的一行查看该科目，点击中心或上方路径返回上一层。",
)
d = ctx.disclosure

measure_words = words()
measure = st.segmented_control(
    t("口径"),
    list(view.MEASURES),
    format_func=lambda key: measure_words(view.MEASURES[key]),
    default="total",
    required=True,
    key="measure",
    bind="query-params",
    help=definition("功能分类", lang()),
)
h = view.functional_hierarchy(d, session.current_report(), measure, ctx.unit)
findings.at_place(h.problems, t("图中上级科目至少按下级之和绘制，标签仍显示文档中的数字。"))
if h.empty:
    st.info(t("这份文档没有{measure}的功能分类数据。", measure=t(view.MEASURES[measure])))
    st.stop()

chart_tab, table_tab = st.tabs([t("图"), t("表")])
with chart_tab:
    sector = sunburst(h, view.sector_labels(d), view.MEASURES[measure], t("支出结构"), ctx.unit)
    rows = view.measure_lines(d, h, sector)
    keys = [measure] + [k for k in view.functional_keys(d) if k != measure]
    where = t("全部科目") if sector == view.ROOT else md(view.sector_labels(d)[sector])
    st.caption(t("明细：{sector}（{count} 行）", sector=where, count=len(rows)))
    tables.money_table(view.lines_frame(rows, keys, ctx.unit))
with table_tab:
    frame = h.frame[h.frame["id"] != view.ROOT]
    tables.money_table(
        frame.rename(columns={"code": "科目编码", "name": "科目名称", "amount_label": "金额", "share_label": "占比"})[
            ["科目编码", "科目名称", "金额", "占比"]
        ]
    )
source.functional_caption(ctx.document, d)
