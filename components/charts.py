"""Plotly charts. Figures get floats only as geometry; every text shown comes
pre-formatted (from Decimal) in the frames of budget.views"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from budget.views.hierarchy import ROOT, Hierarchy
from components.text import md, plot

FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif'
BASIC_COLOUR = "#2E86AB"
PROJECT_COLOUR = "#C0392B"
COLOURS = [
    "#C0392B",
    "#2E86AB",
    "#E0A100",
    "#3C9D5D",
    "#7D5BA6",
    "#D35400",
    "#16A085",
    "#8E6C4F",
    "#5D6D7E",
    "#B03A77",
    "#1F618D",
    "#9C640C",
]


def _layout(fig: go.Figure, height: int) -> go.Figure:
    fig.update_layout(
        font={"family": FONT, "size": 14},
        margin={"t": 10, "l": 10, "r": 10, "b": 10},
        height=height,
        hoverlabel={"font_family": FONT},
        separators=".,",
    )
    return fig


def hierarchy_figure(h: Hierarchy, kind: str = "sunburst", level: str | None = None, height: int = 640) -> go.Figure:
    """A sunburst (or treemap) of a Hierarchy; ``level`` opens it zoomed at a node."""
    frame = h.frame
    # Long names wrap instead of overflowing the sector; plotly hides what cannot fit.
    names = [_wrap(n) for n in frame["name"]]
    trace_args = {
        "ids": frame["id"],
        "labels": names,
        "parents": frame["parent"],
        "values": frame["value"],
        "text": frame["text"],  # amounts and shares joined by <br> (no document text)
        "customdata": frame[["amount_label", "share_label", "code"]].fillna("").map(plot).to_numpy(),
        "branchvalues": "total",
        "hovertemplate": "<b>%{customdata[2]} %{label}</b><br>%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
        "textinfo": "label+text",
        "sort": False,
    }
    if level and level in set(frame["id"]):
        trace_args["level"] = level
    colours = _branch_colours(frame)
    if kind == "treemap":
        trace = go.Treemap(**trace_args, marker={"colors": colours}, tiling={"pad": 2}, pathbar={"visible": True})
    else:
        trace = go.Sunburst(
            **trace_args,
            insidetextorientation="auto",
            marker={"colors": colours, "line": {"color": "#FFFFFF", "width": 1}},
            maxdepth=4,
        )
    fig = go.Figure(trace)
    fig.update_layout(uniformtext={"minsize": 11, "mode": "hide"})
    return _layout(fig, height)


def _wrap(name: str, width: int = 9) -> str:
    """Break a long name into balanced lines ("机关事业单位<br>基本养老保险"), each
    escaped for Plotly (the name is document text; only the <br> is markup)."""
    if len(name) <= width:
        return plot(name)
    lines = -(-len(name) // width)
    step = -(-len(name) // lines)
    return "<br>".join(plot(name[i : i + step]) for i in range(0, len(name), step))


def _branch_colours(frame: pd.DataFrame) -> list[str]:
    """One colour per first-level branch, lighter further out, so a branch reads as one."""
    parent = dict(zip(frame["id"], frame["parent"], strict=False))
    # Largest branch first, so the dominant 类 gets the strongest colour.
    tops = [
        i
        for _, i in sorted(
            ((-v, i) for i, p, v in zip(frame["id"], frame["parent"], frame["value"], strict=False) if p == ROOT),
            key=lambda pair: pair[0],
        )
    ]
    colour_of = {top: COLOURS[n % len(COLOURS)] for n, top in enumerate(tops)}
    out = []
    for node in frame["id"]:
        if node == ROOT:
            out.append("#FFFFFF")
            continue
        depth, top = 0, node
        while parent.get(top) not in (ROOT, "", None):
            top = parent[top]
            depth += 1
        out.append(_lighten(colour_of.get(top, "#999999"), 0.28 * depth))
    return out


def _lighten(hex_colour: str, amount: float) -> str:
    amount = min(amount, 0.7)
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    r, g, b = (round(c + (255 - c) * amount) for c in (r, g, b))
    return f"#{r:02X}{g:02X}{b:02X}"


def class_bars(frame: pd.DataFrame, height_per_bar: int = 34) -> None:
    """Horizontal bars of the total per 类 (largest at the top), labelled with amount and share."""
    if frame.empty:
        st.info("没有可显示的功能分类数据。")
        return
    frame = frame.iloc[::-1]
    labels = [f"{a}  {s}" if s else a for a, s in zip(frame["total_label"], frame["share_label"], strict=False)]
    fig = go.Figure(
        go.Bar(
            x=frame["total_value"],
            y=[plot(_short(n)) for n in frame["name"]],
            orientation="h",
            text=labels,
            textposition="outside",
            cliponaxis=False,
            marker_color=PROJECT_COLOUR,
            hovertemplate="%{y}<br>%{text}<extra></extra>",
        )
    )
    fig.update_xaxes(visible=False, range=[0, float(frame["total_value"].max()) * 1.45 or 1])
    fig.update_yaxes(automargin=True)
    _layout(fig, max(160, 40 + height_per_bar * len(frame)))
    st.plotly_chart(fig, width="stretch", config={"displayModeBar": False})


def _short(name: str, width: int = 14) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def basic_project_bars(frame: pd.DataFrame) -> None:
    """Stacked horizontal bars: 基本支出 and 项目支出 per 类."""
    if frame.empty:
        st.info("没有可显示的功能分类数据。")
        return
    frame = frame.iloc[::-1]
    names = [plot(_short(n)) for n in frame["name"]]
    fig = go.Figure()
    for key, label, colour in (("basic", "基本支出", BASIC_COLOUR), ("project", "项目支出", PROJECT_COLOUR)):
        fig.add_bar(
            name=label,
            x=frame[f"{key}_value"],
            y=names,
            orientation="h",
            marker_color=colour,
            customdata=frame[f"{key}_label"],
            hovertemplate=f"%{{y}}<br>{label}：%{{customdata}}<extra></extra>",
        )
    # Totals written at the end of each bar (Decimal labels, not plotly's float sums).
    fig.add_scatter(
        x=frame["total_value"],
        y=names,
        mode="text",
        text=[f"  {t}" for t in frame["total_label"]],
        textposition="middle right",
        showlegend=False,
        hoverinfo="skip",
        cliponaxis=False,
    )
    fig.update_layout(
        barmode="stack",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "traceorder": "normal"},
    )
    fig.update_xaxes(visible=False, range=[0, float(frame["total_value"].max()) * 1.4 or 1])
    fig.update_yaxes(automargin=True)
    _layout(fig, max(200, 80 + 38 * len(frame)))
    fig.update_layout(margin={"t": 40})
    st.plotly_chart(fig, width="stretch", config={"displayModeBar": False})


def basic_treemaps(h: Hierarchy) -> None:
    """人员经费 and 公用经费 side by side, each with its own space (公用经费 is often a
    small share and would be a sliver in one shared treemap)."""
    frame = h.frame.set_index("id")
    parts = [p for p in ("personnel", "public") if p in frame.index]
    for column, part in zip(st.columns(len(parts)), parts, strict=False):
        with column:
            row = frame.loc[part]
            share = f"（{row['share_label']}）" if row["share_label"] else ""
            st.markdown(f"**{md(row['name'])}** {md(row['amount_label'])}{md(share)}")
            st.plotly_chart(
                hierarchy_figure(h, "treemap", level=part, height=460),
                width="stretch",
                config={"displayModeBar": False},
                key=f"charts_treemap_{part}",
            )


def grouped_bars(frame: pd.DataFrame) -> None:
    """Horizontal bars grouped by category, one colour per series (e.g. per document),
    each bar labelled with its exact amount. ``frame``: series, category, value, label."""
    if frame.empty:
        st.info("没有可显示的功能分类数据。")
        return
    categories = list(dict.fromkeys(frame["category"]))
    series = list(dict.fromkeys(frame["series"]))
    fig = go.Figure()
    for n, name in enumerate(series):
        part = frame[frame["series"] == name]
        fig.add_bar(
            name=plot(name),
            x=part["value"],
            y=[plot(_short(c)) for c in part["category"]],
            orientation="h",
            marker_color=COLOURS[(n + 1) % len(COLOURS)],
            text=part["label"],
            textposition="outside",
            cliponaxis=False,
            meta=plot(name),  # the document's name, never inside the template itself
            hovertemplate="%{y}<br>%{meta}：%{text}<extra></extra>",
        )
    fig.update_layout(
        barmode="group",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "traceorder": "normal"},
    )
    fig.update_xaxes(visible=False, range=[0, float(frame["value"].max()) * 1.25 or 1])
    fig.update_yaxes(automargin=True, autorange="reversed")
    _layout(fig, max(220, 90 + (26 if len(series) < 3 else 20) * len(series) * len(categories)))
    fig.update_layout(margin={"t": 40})
    st.plotly_chart(fig, width="stretch", config={"displayModeBar": False})
