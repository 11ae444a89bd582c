"""支出结构: the functional classification 类 → 款 → 项 as a sunburst, with its rows."""

import streamlit as st

from budget.views import functional as view
from components import session, tables
from components.sunburst import sunburst
from components.text import md

d = session.current_disclosure()

st.title("支出结构")
st.caption("支出按功能分类（类 → 款 → 项）的构成；扇区大小为金额。点击扇区查看该科目的明细行，点击中心返回上一层。")

measure = st.segmented_control(
    "口径",
    list(view.MEASURES),
    format_func=view.MEASURES.__getitem__,
    default="total",
    required=True,
    key="measure",
    bind="query-params",
)
h = view.functional_hierarchy(d, measure)
if h.problems:
    st.warning(
        "数据有误：以下科目的金额小于其下级科目之和。图中按下级之和绘制，标签仍显示文档中的数字。\n\n"
        + "\n".join(f"- {md(p)}" for p in h.problems)
    )
if h.empty:
    st.info(f"这份文档没有{view.MEASURES[measure]}的功能分类数据。")
    st.stop()

chart_tab, table_tab = st.tabs(["图", "表"])
with chart_tab:
    sector = sunburst(h)
    rows = view.subtree_lines(d, sector)
    st.caption(f"明细：{'全部科目' if sector == view.ROOT else md(sector)}（{len(rows)} 行）")
    tables.money_table(view.lines_frame(rows, view.functional_keys(d), d.unit.money_unit))
with table_tab:
    frame = h.frame[h.frame["id"] != view.ROOT]
    tables.money_table(
        frame.rename(columns={"code": "科目编码", "name": "科目名称", "amount_label": "金额", "share_label": "占比"})[
            ["科目编码", "科目名称", "金额", "占比"]
        ]
    )
