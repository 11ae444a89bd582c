"""基本与项目: basic vs project spending per 类, and what basic spending buys."""

import streamlit as st

from budget.views import basic_project as view
from budget.views.overview import by_class
from components import charts, session
from components.text import md

d = session.current_disclosure()

st.title("基本与项目")
st.caption(
    "基本支出保障机构运转（人员经费、公用经费），项目支出用于特定任务。上图按功能分类“类”比较两者，下图把基本支出按经济分类展开。"
)

st.subheader("各类支出中的基本支出与项目支出")
charts.basic_project_bars(by_class(d))

st.subheader("基本支出的经济分类构成")
st.caption(
    "基本支出 → 人员经费 / 公用经费 → 经济分类“类” → “款”（一般公共预算基本支出表）；"
    "百分比为占基本支出的比例，点击方块可放大。"
)
h = view.economic_hierarchy(d)
if h.problems:
    st.warning(
        "数据有误：以下项目的金额小于其下级之和，图中按下级之和绘制。\n\n" + "\n".join(f"- {md(p)}" for p in h.problems)
    )
if h.empty:
    st.info("这份文档没有可用的基本支出经济分类数据。")
else:
    charts.basic_treemaps(h)
