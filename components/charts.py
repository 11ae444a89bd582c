"""Plotly charts. Figures get floats only as geometry; every text shown comes
pre-formatted (from Decimal) in the frames of budget.views, in the page's display unit,
and the hover shows the exact figure as printed.

Document text (names) goes into plotly's labels escaped: plotly reads its text as a
small HTML dialect (<b>, <a href>, <br>), so a name is never allowed to format or link.
Every chart has plotly's toolbar with one button: download as PNG.
"""

from __future__ import annotations


import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from budget.views.display import DisplayUnit
from budget.views.hierarchy import ROOT, Hierarchy
from components.i18n import t, units
from components.text import plot

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


def config(name: str) -> dict:
    """Plotly's toolbar with only the PNG download (twice the screen resolution)."""
    return {
        "displayModeBar": True,
        "displaylogo": False,
        "modeBarButtons": [["toImage"]],
        "toImageButtonOptions": {"format": "png", "filename": name, "scale": 2},
    }


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
    """A sunburst (or treemap) of a Hierarchy; ``level`` opens it zoomed at a node.

    Labels are horizontal (never upside down); a label that does not fit its sector is
    hidden (``uniformtext``) and the page lists those sectors beside the chart.
    """
    frame = h.frame
    # A node without a code (the root, 人员经费, 公用经费) is named by us: translated.
    names = [
        _wrap(plot(n)) if isinstance(c, str) and c else plot(t(str(n)))
        for n, c in zip(frame["name"], frame["code"], strict=False)
    ]
    customdata = pd.DataFrame(
        {
            "amount": frame["amount_label"].map(units),
            "share": frame["share_label"].fillna(""),
            "code": frame["code"].fillna("").map(plot),
            "exact": (frame["exact_label"] if "exact_label" in frame else frame["amount_label"]).map(units),
        }
    ).to_numpy()
    exact_line = t("原文：{figure}", figure="%{customdata[3]}")
    trace_args = {
        "ids": frame["id"],
        "labels": names,
        "parents": frame["parent"],
        "values": frame["value"],
        "text": frame["text"].map(units),
        "customdata": customdata,
        "branchvalues": "total",
        "hovertemplate": (
            "<b>%{customdata[2]} %{label}</b><br>%{customdata[0]}　%{customdata[1]}<br>"
            + exact_line
            + "<extra></extra>"
        ),
        "textinfo": "label+text",
        "sort": False,
    }
    if level and level in set(frame["id"]):
        trace_args["level"] = level
    colours = _branch_colours(frame)
    if kind == "treemap":
        trace = go.Treemap(
            **trace_args,
            marker={"colors": colours, "line": {"color": "#FFFFFF", "width": 1}},
            tiling={"pad": 2},
            pathbar={"visible": False},
            maxdepth=4,
        )
    else:
        trace = go.Sunburst(
            **trace_args,
            insidetextorientation="horizontal",
            marker={"colors": colours, "line": {"color": "#FFFFFF", "width": 1}},
            maxdepth=3,
        )
    fig = go.Figure(trace)
    fig.update_layout(uniformtext={"minsize": 11, "mode": "hide"})
    return _layout(fig, height)


def _wrap(name: str, width: int = 7) -> str:
    """Break a long name into balanced lines ("机关事业单位<br>基本养老保险"): horizontal
    labels need short lines to fit a sector."""
    if len(name) <= width or "&" in name:
        return name
    lines = -(-len(name) // width)
    step = -(-len(name) // lines)
    return "<br>".join(name[i : i + step] for i in range(0, len(name), step))


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


ROW = 54  # px per labelled bar: a line of text above a bar


BAR = 0.42  # bar thickness, in rows


def _labelled_rows(fig: go.Figure, labels: list[str], row_px: float) -> int:
    """A line of text above each bar (names and figures), instead of tick labels to the
    left: on a phone the bars keep the width and the figures are never cut at the edge.
    Returns the height of the plot area that gives each row ``row_px``: the labels sit
    ``row_px``-based offsets above their bars, and a plot area squeezed below that (the
    height was 30 px + a row a bar, for a range of a row and a half more) drew each bar
    over the next row's name (huzhou_04, guangzhou_04: 住房保障支出 under the bar above)."""
    for i, label in enumerate(labels):
        fig.add_annotation(
            x=0,
            y=i,
            xref="x",
            yref="y",
            text=label,
            showarrow=False,
            xanchor="left",
            yanchor="bottom",
            align="left",
            yshift=BAR / 2 * row_px + 3,  # just clear of the bar's top edge
        )
    low, high = -0.6, len(labels) - 0.2  # the top row's label fits in the 0.8 row above its bar
    fig.update_yaxes(visible=False, range=[low, high], fixedrange=True)
    fig.update_xaxes(visible=False, fixedrange=True)
    return round(row_px * (high - low))


def class_bars(frame: pd.DataFrame, unit: DisplayUnit, name: str = "支出按功能分类") -> None:
    """Bars of the total per 类 (largest at the top), each with its name, amount and share above it."""
    if frame.empty:
        st.info(t("没有可显示的功能分类数据。"))
        return
    frame = frame.iloc[::-1].reset_index(drop=True)
    labels = [
        f"<b>{plot(n)}</b>　{units(a)}　{s}" if s else f"<b>{plot(n)}</b>　{units(a)}"
        for n, a, s in zip(frame["name"], frame["total_label"], frame["share_label"], strict=False)
    ]
    exact_line = t("原文：{figure}", figure="%{customdata[1]}")
    fig = go.Figure(
        go.Bar(
            x=frame["total_value"],
            y=list(range(len(frame))),
            orientation="h",
            width=BAR,
            marker_color=PROJECT_COLOUR,
            customdata=pd.DataFrame(
                {"name": frame["name"].map(plot), "exact": frame["total_exact"].map(units)}
            ).to_numpy(),
            hovertemplate="<b>%{customdata[0]}</b><br>" + exact_line + "<extra></extra>",
        )
    )
    plot_area = _labelled_rows(fig, labels, ROW)
    fig.update_xaxes(range=[0, float(frame["total_value"].max()) * 1.02 or 1])
    _layout(fig, 20 + plot_area)  # the margins of _layout, 10 px above and below
    st.plotly_chart(fig, width="stretch", config=config(t(name)))


def _short(name: str, width: int = 14) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def basic_project_bars(frame: pd.DataFrame, unit: DisplayUnit) -> None:
    """Stacked bars of 基本支出 and 项目支出 per 类, both parts written above each bar."""
    if frame.empty:
        st.info(t("没有可显示的功能分类数据。"))
        return
    frame = frame.iloc[::-1].reset_index(drop=True)
    positions = list(range(len(frame)))
    fig = go.Figure()
    for key, label, colour in (("basic", "基本支出", BASIC_COLOUR), ("project", "项目支出", PROJECT_COLOUR)):
        exact_line = t("原文：{figure}", figure="%{customdata[2]}")
        fig.add_bar(
            name=t(label),
            x=frame[f"{key}_value"],
            y=positions,
            orientation="h",
            width=BAR,
            marker_color=colour,
            customdata=pd.DataFrame(
                {
                    "name": frame["name"].map(plot),
                    "label": frame[f"{key}_label"].map(units),
                    "exact": frame[f"{key}_exact"].map(units),
                }
            ).to_numpy(),
            hovertemplate=f"%{{customdata[0]}}<br>{t(label)}：%{{customdata[1]}}<br>{exact_line}<extra></extra>",
        )
    # Both parts in words (Decimal labels, not plotly's float sums), so a part too thin
    # to see is still read.
    basic, project = t("基本"), t("项目")
    # Name on one line, both parts on the next: a phone's width holds each.
    labels = [
        f"<b>{plot(n)}</b><br><span style='color:{BASIC_COLOUR}'>{basic} {units(b)}</span>"
        f"　<span style='color:{PROJECT_COLOUR}'>{project} {units(p)}</span>"
        for n, b, p in zip(frame["name"], frame["basic_label"], frame["project_label"], strict=False)
    ]
    # Two lines of text and a bar a row: the lines take about 40 px, which must fit between
    # the bar's top edge and the bottom edge of the bar above, (1 - BAR) of a row.
    row = int(ROW * 1.6)
    plot_area = _labelled_rows(fig, labels, row)
    fig.update_layout(
        barmode="stack",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "traceorder": "normal"},
    )
    fig.update_xaxes(range=[0, float(frame["total_value"].max()) * 1.02 or 1])
    _layout(fig, 40 + plot_area)
    fig.update_layout(margin={"t": 30})  # the legend's line, above the plot area
    st.plotly_chart(fig, width="stretch", config=config(t("基本支出与项目支出")))


def treemap(h: Hierarchy, height: int = 520, name: str = "基本支出经济分类") -> None:
    """One treemap of the whole tree, so every tile is drawn to scale with every other
    (人员经费 and 公用经费 in one picture, not two pictures of the same size)."""
    st.plotly_chart(
        hierarchy_figure(h, "treemap", height=height),
        width="stretch",
        config=config(t(name)),
        key="charts_treemap",
    )


def grouped_bars(frame: pd.DataFrame) -> None:
    """Bars grouped by category (one colour per series, e.g. per document), the category's
    name above its group and each bar's amount on it (inside when it fits, so the longest
    bar's figure is never cut at a phone's edge). ``frame``: series, category, value,
    label, exact."""
    if frame.empty:
        st.info(t("没有可显示的功能分类数据。"))
        return
    categories = list(dict.fromkeys(frame["category"]))
    series = list(dict.fromkeys(frame["series"]))
    position = {c: i for i, c in enumerate(reversed(categories))}  # the first category on top
    fig = go.Figure()
    # Horizontal groups stack their bars upwards: add the series last-first so the first
    # document's bar is the top one, and list the legend the other way round.
    for n, name in reversed(list(enumerate(series))):
        part = frame[frame["series"] == name]
        exact_line = t("原文：{figure}", figure="%{customdata}")
        fig.add_bar(
            name=plot(name),
            x=part["value"],
            y=[position[c] for c in part["category"]],
            orientation="h",
            marker_color=COLOURS[(n + 1) % len(COLOURS)],
            text=part["label"].map(units),
            textposition="auto",
            insidetextanchor="end",
            cliponaxis=False,
            customdata=(part["exact"] if "exact" in part else part["label"]).map(units),
            hovertemplate=f"{plot(name)}：%{{text}}<br>{exact_line}<extra></extra>",
        )
    row = 44 + 26 * len(series)
    for category, i in position.items():
        fig.add_annotation(
            x=0,
            y=i,
            text=f"<b>{plot(category)}</b>",
            showarrow=False,
            xanchor="left",
            yanchor="bottom",
            align="left",
            yshift=0.55 / 2 * row + 2,
        )
    fig.update_layout(
        barmode="group",
        bargap=0.45,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "traceorder": "reversed"},
    )
    fig.update_xaxes(visible=False, fixedrange=True, range=[0, float(frame["value"].max()) * 1.08 or 1])
    fig.update_yaxes(visible=False, fixedrange=True, range=[-0.6, len(categories) - 0.15])
    _layout(fig, 60 + row * len(categories))
    fig.update_layout(margin={"t": 40})
    st.plotly_chart(fig, width="stretch", config=config(t("对比")))
