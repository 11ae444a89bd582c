"""The 语料库 page's pieces: the corpus connection, the filters, the tables and charts,
and opening a corpus document in this session.

Document text (unit names, sentences, sections) is shown only in dataframe cells or
plotly labels with markup characters neutralised, never as Markdown or HTML.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from budget.application import corpus_queries as q
from budget.export import tables as export
from budget.views import corpus as view
from components import session
from components.charts import COLOURS, FONT
from components.text import md, plot

ROOT = Path(__file__).resolve().parent.parent
DEMO_CORPUS = ROOT / "build" / "demo_corpus.duckdb"
DEMO_DOCUMENTS = ROOT / "samples"
ENV_PATH = "BUDGETLENS_CORPUS"
ENV_DOCUMENTS = "BUDGETLENS_CORPUS_DOCUMENTS"

# Session-state keys this component owns.
OPEN = "corpus_open"  # sha256 of a corpus document to open (set by a row click)
_GENERATION = "corpus_generation"  # renews the clickable tables after a document opened
TAB = "corpus_tab"
LABEL_WIDTH = 16  # characters of a unit's name on a chart axis


# ---------------------------------------------------------------- configuration


def _secret(name: str) -> str | None:
    try:
        section = st.secrets.get("corpus") or {}
        value = section.get(name)
    except Exception:  # noqa: BLE001 - no secrets.toml at all is the usual case
        return None
    return str(value) if value else None


def configured() -> tuple[Path, Path | None, bool]:
    """(the corpus database, the folder of its documents or None for the one it was
    ingested from, whether it is the demo corpus). An environment variable wins over
    ``.streamlit/secrets.toml`` ([corpus] path / documents); without either, the demo."""
    path = os.environ.get(ENV_PATH) or _secret("path")
    documents = os.environ.get(ENV_DOCUMENTS) or _secret("documents")
    if path:
        return Path(path), Path(documents) if documents else None, False
    return DEMO_CORPUS, Path(documents) if documents else DEMO_DOCUMENTS, True


@st.cache_resource(max_entries=4, show_spinner=False)
def _connection(path: str, modified: float):
    # One read-only connection per corpus file and version (a re-ingested file has a new
    # modification time); queries run on cursors of it, one per query.
    return q.connect(path)


def open_corpus():
    """The connection to the configured corpus; a Chinese explanation and a stop when
    there is none."""
    path, _, demo = configured()
    if not path.is_file():
        if demo:
            st.info(
                "还没有示例语料库。运行 `make run`（首次启动时会从 samples/ 中的公开文档生成），"
                "或 `python -m budget ingest samples --db build/demo_corpus.duckdb`。"
            )
        else:
            st.error(
                f"找不到语料库文件：{md(str(path))}。请检查环境变量 {md(ENV_PATH)} 或 "
                "`.streamlit/secrets.toml` 的 `[corpus] path`。"
            )
        st.stop()
    try:
        return _connection(str(path.resolve()), path.stat().st_mtime)
    except q.CorpusError as error:
        st.error(md(str(error)))
        st.stop()


# ---------------------------------------------------------------- filters


_FILTERS = (
    ("corpus_years", "年度"),
    ("corpus_regions", "地区"),
    ("corpus_kinds", "类型"),
    ("corpus_stages", "预算/决算"),
)


def filters(info: dict) -> q.Filters:
    """Year, region, kind and stage pickers (empty = all), folded under a line that says
    what is chosen (on a phone four pickers would fill the screen)."""
    chosen = [
        "、".join(str(v) for v in st.session_state.get(key) or []) for key, _ in _FILTERS if st.session_state.get(key)
    ]
    # Region names come from documents: escaped, as the expander label is Markdown.
    with st.expander(f"筛选：{md('；'.join(chosen)) if chosen else '全部文档'}", expanded=bool(chosen)):
        years, regions, kinds, stages = st.columns([1, 2, 1, 1])
        pickers = (years, regions, kinds, stages)
        values = [
            tuple(column.multiselect(label, info[name], key=key, placeholder="全部", persist_state="session"))
            for column, (key, label), name in zip(
                pickers, _FILTERS, ("years", "regions", "kinds", "stages"), strict=True
            )
        ]
    return q.Filters(*values)


# ---------------------------------------------------------------- tables


def column_config(frame: pd.DataFrame) -> dict:
    config: dict = {}
    for column in frame.columns:
        if f"（{view.DISPLAY_UNIT}）" in column:
            config[column] = st.column_config.NumberColumn(column, format="%,.2f")
        elif column in ("占本单位支出总计", "较上年增减率", "决算/预算"):
            config[column] = st.column_config.NumberColumn(column, format="%.1f%%")
    if "单位" in frame.columns:
        longest = max([2] + [len(str(v)) for v in frame["单位"]])
        config["单位"] = st.column_config.TextColumn("单位", width=min(300, 15 * longest + 24))
    for column in ("前文", "后文"):
        if column in frame.columns:
            config[column] = st.column_config.TextColumn(column, width=380)
    if "年度" in frame.columns:
        config["年度"] = st.column_config.NumberColumn("年度", format="%d")
    return config


def _generation() -> int:
    return int(st.session_state.get(_GENERATION, 0))


def clickable_table(frame: pd.DataFrame, shas: list[str], key: str, height: int | None = None, styled=None) -> None:
    """A read-only table whose row, once selected, opens that document (one click)."""
    if height is None:
        height = min(38 + 35 * len(frame), 560)
    event = st.dataframe(
        styled if styled is not None else frame,
        hide_index=True,
        width="stretch",
        height=height,
        column_config=column_config(frame),
        on_select="rerun",
        selection_mode="single-row",
        key=f"{key}_{_generation()}",
    )
    rows = event.selection.rows if event is not None else []
    if rows and rows[0] < len(shas):
        # The next run opens it, before anything else is drawn (open_requested).
        st.session_state[OPEN] = shas[rows[0]]
        st.rerun()


def downloads(frame: Callable[[], pd.DataFrame], stem: str, key: str) -> None:
    """CSV and XLSX of a frame built only when a button is clicked."""
    left, right, _ = st.columns([1, 1, 4])
    left.download_button(
        "下载 CSV", lambda: export.frame_csv(frame()), f"{stem}.csv", "text/csv", key=f"{key}_csv", on_click="ignore"
    )
    right.download_button(
        "下载 XLSX",
        lambda: export.frame_xlsx(frame(), stem),
        f"{stem}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}_xlsx",
        on_click="ignore",
    )


def search_table(frame: pd.DataFrame, shas: list[str], key: str) -> None:
    """Hits as 前文 | 命中 | 后文 cells, the match highlighted by a cell style: the
    sentence is split into plain-text parts, never marked up."""
    styled = frame.style.set_properties(
        subset=["命中"], **{"background-color": "#FDEBD0", "color": "#A04000", "font-weight": "600"}
    ).set_properties(subset=["前文"], **{"text-align": "right"})
    clickable_table(frame, shas, key, height=min(38 + 35 * len(frame), 640), styled=styled)


# ---------------------------------------------------------------- charts


def _layout(fig: go.Figure, height: int) -> go.Figure:
    fig.update_layout(
        font={"family": FONT, "size": 13},
        margin={"t": 10, "l": 10, "r": 60, "b": 10},  # room for the last bar's figure
        height=height,
        hoverlabel={"font_family": FONT},
        separators=".,",
        plot_bgcolor="white",
    )
    fig.update_xaxes(gridcolor="#E5E8EC", zerolinecolor="#9AA5B1")
    fig.update_yaxes(gridcolor="#E5E8EC")
    return fig


def ranking_chart(bars: pd.DataFrame, basis: str, key: str) -> None:
    labels = [plot(v) for v in bars["label"]]
    # Short axis labels (a phone has room for ~14 characters), numbered so that two units
    # cut to the same words stay two bars; the whole name in the hover and the table.
    short = [f"{i}. {v if len(v) <= LABEL_WIDTH else v[: LABEL_WIDTH - 1] + '…'}" for i, v in enumerate(labels, 1)]
    fig = go.Figure(
        go.Bar(
            x=bars["value"],
            y=short,
            orientation="h",
            text=bars["text"],
            customdata=labels,
            textposition="outside",
            cliponaxis=False,
            marker_color=[COLOURS[0] if v >= 0 else COLOURS[1] for v in bars["value"]],
            hovertemplate="%{customdata}<br>%{text}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(title_text=view.BASIS_LABELS[basis], tickformat=",.0f" if basis in ("amount", "change") else None)
    st.plotly_chart(
        _layout(fig, 120 + 28 * len(bars)),
        width="stretch",
        config={"displayModeBar": False},
        key=key,
        alt=f"排名条形图：{view.BASIS_LABELS[basis]}",
    )


def histogram(hist: pd.DataFrame, basis: str, marks: list[tuple[str, float]], key: str) -> None:
    """Bins as bars; each draft's figure as a vertical line."""
    fig = go.Figure(
        go.Bar(
            x=(hist["low"] + hist["high"]) / 2,
            y=hist["units"],
            width=(hist["high"] - hist["low"]) * 0.95,
            customdata=hist["label"],
            marker_color=COLOURS[1],
            hovertemplate="%{customdata}<br>%{y} 个单位<extra></extra>",
        )
    )
    for i, (label, value) in enumerate(marks):
        fig.add_vline(x=value, line_color=COLOURS[0], line_dash="dash")
        fig.add_annotation(
            x=value, y=1, yref="paper", text=plot(label), showarrow=False, yshift=-12 - 16 * i, xanchor="left"
        )
    fig.update_xaxes(title_text=view.BASIS_LABELS[basis])
    fig.update_yaxes(title_text="单位数")
    st.plotly_chart(_layout(fig, 320), width="stretch", config={"displayModeBar": False}, key=key, alt="分布直方图")


def timeline_chart(frame: pd.DataFrame, key: str, height: int = 360) -> None:
    fig = go.Figure()
    for i, (series, rows) in enumerate(frame.groupby("series", sort=False)):
        fig.add_trace(
            go.Scatter(
                x=rows["year"],
                y=rows["value"],
                name=plot(series),
                mode="lines+markers",
                text=rows["text"],
                line={"color": COLOURS[i % len(COLOURS)]},
                hovertemplate="%{x}年 %{text} 万元<extra>%{fullData.name}</extra>",
            )
        )
    fig.update_xaxes(dtick=1, tickformat="d", title_text="年度")
    fig.update_yaxes(title_text="万元", rangemode="tozero", tickformat=",.0f")
    fig.update_layout(legend={"orientation": "h", "y": -0.25})
    st.plotly_chart(_layout(fig, height), width="stretch", config={"displayModeBar": False}, key=key, alt="单位时间线")


# ---------------------------------------------------------------- opening a document


def open_requested(con) -> None:
    """If a row was clicked: read that published document from the corpus folder, hold
    it in this session and go to its 总览. Bytes that no longer match the corpus (the
    file changed since it was ingested) are refused."""
    sha = st.session_state.pop(OPEN, None)
    if not sha:
        return
    _, documents, _ = configured()
    found = q.document_file(con, sha, documents)
    if found is None:
        st.error("语料库中没有这份文档的文件位置。")
        return
    try:
        data = found.path.read_bytes()
    except OSError:
        st.error(f"语料库文件夹中找不到文档《{md(found.name)}》。")
        return
    if hashlib.sha256(data).hexdigest() != sha:
        st.error(f"文档《{md(found.name)}》在导入语料库后已被修改，请重新导入。")
        return
    session.open_published(sha, found.name, data)
    st.session_state[_GENERATION] = _generation() + 1
    # Keep the link's own parameters (?doc= now names this document); a bare switch_page
    # would clear them all, which Streamlit refuses for those bound to widgets (?lang=).
    st.switch_page("pages/overview.py", query_params=session.unbound_query_params())
