"""基本与项目: basic vs project spending per 类, and what basic spending buys."""

import streamlit as st

from budget.views import basic_project as view
from budget.views.glossary import definition
from budget.views.overview import by_class
from components import charts, findings, page, session, source, tables
from components.i18n import lang, t

ctx = page.header(
    "基本与项目",
    "基本支出保障机构运转（人员经费、公用经费），项目支出用于特定任务。上图按功能分类“类”比较两者，下图把基本支出按经济分类展开。",
)
d = ctx.disclosure

st.subheader(
    t("各类支出中的基本支出与项目支出"),
    help="\n\n".join(filter(None, (definition("基本支出", lang()), definition("项目支出", lang())))),
)
charts.basic_project_bars(by_class(d, ctx.unit), ctx.unit)
source.functional_caption(ctx.document, d)

st.subheader(
    t("基本支出的经济分类构成"),
    help="\n\n".join(
        filter(None, (definition("经济分类", lang()), definition("人员经费", lang()), definition("公用经费", lang())))
    ),
)
st.caption(
    t(
        "基本支出 → 人员经费 / 公用经费 → 经济分类“类” → “款”（一般公共预算基本支出表，或经济分类支出表的基本支出列）；"
        "方块面积与金额成正比，百分比为占基本支出的比例，点击方块可放大。"
    )
)
h = view.economic_hierarchy(d, session.current_report(), ctx.unit)
split = view.split_source(d)
if not h.empty and split == "derived":
    st.info(
        t(
            "这份文档的经济分类表没有分列人员经费和公用经费：图中的人员经费（301 工资福利支出、303 对个人和家庭的补助）"
            "和公用经费（302 商品和服务支出及其余各类）是按科目编码推算的，不是文档印出的数字。"
        ),
        icon=":material/calculate:",
    )
elif not h.empty and split is None:
    st.caption(t("这份文档的基本支出表没有分列人员经费和公用经费：图中直接按经济分类“类” → “款”展开。"))
findings.at_place(h.problems, t("图中上级项目至少按下级之和绘制，标签仍显示文档中的数字。"))
if h.empty:
    st.info(t("这份文档没有可用的基本支出经济分类数据。"))
else:
    chart, listing = st.columns([3, 2], gap="medium")
    with chart:
        charts.treemap(h)
    with listing:
        tables.money_table(view.tiles_frame(h, t, ctx.unit), height=520)
        st.caption(t("图中每个方块都列在这里（小方块的标签在图中可能放不下）。"))
    source.table_caption(ctx.document, d, view.economic_table(d))
