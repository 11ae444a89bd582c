"""The functional sunburst: click a sector, pick it in the list, or follow the breadcrumb.

The selected sector lives in the widget key ``sector``, bound to the URL query string
so a link opens the same view. Its options are every sector under any measure, so a
change of measure keeps the selection: when the new measure does not draw that sector,
the chart shows its nearest drawn ancestor and says so, and switching back returns to
it. Clicks (chart, breadcrumb, list) write the key in callbacks, which run before the
script, so the bound select box picks them up.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from budget.views import functional as view
from budget.views.display import DisplayUnit, figure
from budget.views.hierarchy import ROOT, Hierarchy
from components.charts import config, hierarchy_figure
from components.i18n import t
from components.text import md

SECTOR = "sector"  # also the query parameter name
_CHART = "sunburst_chart"
_PARENTS = "sunburst_parents"  # {node: parent} of the chart drawn last
_LEVEL = "sunburst_level"  # the node at the centre of the chart drawn last
_RING = "sunburst_ring"  # ids of the listed sectors, by row, of the list drawn last
_RING_WIDGET = "sunburst_ring_widget"  # the key of that list (one per level: a new level starts unselected)


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


def _go(node: str) -> None:
    st.session_state[SECTOR] = node


def _on_pick() -> None:
    widget = st.session_state.get(_RING_WIDGET, "")
    state = st.session_state.get(widget)
    rows = state.selection.rows if state is not None else []
    ids = st.session_state.get(_RING, [])
    if rows and rows[0] < len(ids):
        st.session_state[SECTOR] = ids[rows[0]]


def picker(labels: dict[str, str]) -> str:
    """The sector picker (every sector of the document, whatever the measure)."""
    if SECTOR in st.session_state and st.session_state[SECTOR] not in labels:
        st.session_state[SECTOR] = ROOT
    everything = t(labels[ROOT])
    return st.selectbox(
        t("选中的科目（点击图中扇区也可选择）"),
        list(labels),
        format_func=lambda node: everything if node == ROOT else labels[node],
        key=SECTOR,
        bind="query-params",
    )


def breadcrumb(h: Hierarchy, node: str) -> None:
    """全部科目 › 208 社会保障和就业支出 › 20805 …: each step a button back to it."""
    frame = h.frame.set_index("id")
    path = view.path_to(h, node)
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        for i, step in enumerate(path):
            label = t("全部科目") if step == ROOT else f"{frame.loc[step, 'code']} {md(frame.loc[step, 'name'])}"
            if i:
                st.markdown("›")
            if i == len(path) - 1:
                st.markdown(f"**{label}**")  # where we are: not a button
            else:
                st.button(label, key=f"sunburst_crumb_{step}", on_click=_go, args=(step,), type="tertiary")


def ring_list(h: Hierarchy, level: str, unit: DisplayUnit) -> None:
    """The sectors of the ring the chart opens at, with amounts and shares: the small
    ones whose labels do not fit in the chart, and on a phone every amount, are read here.
    A row picked opens that sector."""
    ring = view.ring(h, level)
    if ring.empty:
        return
    st.session_state[_RING] = list(ring["id"])
    amount = t("{label}（{unit}）", label=t("金额"), unit=t(str(unit)))
    # Two columns, so a phone shows every figure without scrolling sideways.
    frame = pd.DataFrame(
        {
            t("科目"): [f"{c} {n}" for c, n in zip(ring["code"], ring["name"], strict=False)],
            amount: [
                f"{figure(m, unit, with_unit=False)}（{s}）" if s else figure(m, unit, with_unit=False)
                for m, s in zip(ring["amount"], ring["level_share"], strict=False)
            ],
        }
    )
    widget = f"sunburst_ring_{level}"
    st.session_state[_RING_WIDGET] = widget
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        height=min(36 + 35 * len(frame), 520),
        key=widget,
        on_select=_on_pick,
        selection_mode="single-row",
        # The figures keep their width; on a phone the names give way (the picker above
        # shows the full name of the one chosen).
        # The names as narrow as a phone leaves them (a grid sized its names to their text and
        # pushed the figures out of a 390 px screen); a wider screen shares out the rest.
        column_config={
            t("科目"): st.column_config.TextColumn(width=120),
            amount: st.column_config.TextColumn(alignment="right", width=figure_width(frame[amount])),
        },
    )
    st.caption(t("点选一行即打开该科目；图中放不下标签的小扇区也列在这里。"))


def figure_width(cells: pd.Series) -> int:
    """Pixels for the widest of a column's figures ("357,233.33（91.9%）"): a fixed 170 px cut
    深圳's first figure at "357,233.33（91." at 390 px. Digits and ASCII ~8.5 px, a full-width
    bracket 14 px at the grid's font, and the cell's padding."""
    widest = max([0.0] + [sum(14 if ord(ch) > 0x2E80 else 8.5 for ch in str(v)) for v in cells])
    return max(90, int(widest + 28))


def sunburst(h: Hierarchy, labels: dict[str, str], measure_label: str, name: str, unit: DisplayUnit) -> str:
    """Draw the picker, breadcrumb, chart and ring list; return the sector shown (ROOT for all)."""
    wanted = picker(labels)
    shown = view.drawn_sector(h, wanted)
    if shown != wanted:
        st.info(
            t(
                "“{sector}”在{measure}口径下没有金额，图中显示其上级“{shown}”；切换回其他口径时仍回到该科目。",
                sector=md(labels.get(wanted, wanted)),
                measure=t(measure_label),
                shown=md(t(labels[shown]) if shown == ROOT else labels.get(shown, shown)),
            )
        )
    frame = h.frame
    st.session_state[_PARENTS] = dict(zip(frame["id"], frame["parent"], strict=False))
    # A leaf opens at its parent: a 项 alone would fill the whole circle and lose context.
    parents = st.session_state[_PARENTS]
    has_children = set(parents.values())
    level = shown if shown in has_children else parents.get(shown) or ROOT
    st.session_state[_LEVEL] = level
    if shown != ROOT:
        breadcrumb(h, shown)
    chart, listing = st.columns([1, 1], gap="medium")
    with chart:
        st.plotly_chart(
            hierarchy_figure(h, "sunburst", level=level if level != ROOT else None, height=520),
            key=_CHART,
            on_select=_on_click,
            selection_mode="points",
            width="stretch",
            config=config(name),
            alt=t("功能分类支出旭日图：类、款、项三层，扇区大小为金额"),
        )
    with listing:
        ring_list(h, level, unit)
    return shown
