"""The functional sunburst: click a sector (or pick it in the list) to select it.

The selected sector lives in the widget key ``sector``, bound to the URL query string
so a link opens the same view. A click on the chart writes that key in a callback
(callbacks run before the script, so the bound select box picks it up).
"""

from __future__ import annotations

import streamlit as st

from budget.views.hierarchy import ROOT, Hierarchy
from components.charts import hierarchy_figure

SECTOR = "sector"  # also the query parameter name
_CHART = "sunburst_chart"
_PARENTS = "sunburst_parents"  # {node: parent} of the chart drawn last
_LEVEL = "sunburst_level"  # the node at the centre of the chart drawn last


def _on_click() -> None:
    event = st.session_state.get(_CHART)
    points = (event or {}).get("selection", {}).get("points", []) if event else []
    if points:
        node = points[0].get("id")
        if node and node == st.session_state.get(_LEVEL, ROOT):
            # A click on the centre is plotly's "zoom out": follow it to the parent.
            node = st.session_state.get(_PARENTS, {}).get(node) or ROOT
        if node:
            st.session_state[SECTOR] = node


def sunburst(h: Hierarchy) -> str:
    """Draw the chart and the sector picker; return the selected node id (ROOT for all)."""
    frame = h.frame
    ids = list(frame["id"])
    names = dict(zip(frame["id"], frame["name"], strict=False))
    codes = dict(zip(frame["id"], frame["code"], strict=False))
    labels = {i: _label(i, codes, names) for i in ids}
    st.session_state[_PARENTS] = dict(zip(frame["id"], frame["parent"], strict=False))
    # A sector kept from another measure that is not drawn now: show all. (On the first
    # run the value is still only in the URL; the bound select box validates it.)
    if SECTOR in st.session_state and st.session_state[SECTOR] not in ids:
        st.session_state[SECTOR] = ROOT
    selected = st.session_state.get(SECTOR)
    if selected is None:
        from_url = st.query_params.get(SECTOR)
        selected = next((i for i, label in labels.items() if label == from_url), ROOT)

    # A leaf opens at its parent: a 项 alone would fill the whole circle and lose context.
    parents = st.session_state[_PARENTS]
    has_children = set(parents.values())
    level = selected if selected in has_children else parents.get(selected)
    st.session_state[_LEVEL] = level or ROOT
    st.plotly_chart(
        hierarchy_figure(h, "sunburst", level=level if level and level != ROOT else None),
        key=_CHART,
        on_select=_on_click,
        selection_mode="points",
        width="stretch",
        config={"displayModeBar": False},
        alt="功能分类支出旭日图：类、款、项三层，扇区大小为金额",
    )
    return st.selectbox(
        "选中的科目（点击图中扇区也可选择）",
        ids,
        format_func=labels.__getitem__,
        key=SECTOR,
        bind="query-params",
    )


def _label(node: str, codes: dict, names: dict) -> str:
    return "全部科目" if node == ROOT else f"{codes[node]} {names[node]}"
