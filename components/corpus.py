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
from budget.views.display import DEFAULT_UNIT, DisplayUnit
from components import session
from components.charts import COLOURS, FONT
from components.i18n import lang, t, th, words
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
_LINKED = "corpus_linked"  # the ?doc= prefixes already looked up in the corpus
NOT_SHOWN = "—"  # a figure the document does not report (Streamlit would write "None")
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
                t(
                    "还没有示例语料库。运行 `make run`（首次启动时会从 samples/ 中的公开文档生成），"
                    "或 `python -m budget ingest samples --db build/demo_corpus.duckdb`。"
                )
            )
        else:
            st.error(
                t(
                    "找不到语料库文件：{path}。请检查环境变量 {variable} 或 "
                    "`.streamlit/secrets.toml` 的 `[corpus] path`。",
                    path=md(str(path)),
                    variable=md(ENV_PATH),
                )
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
    # Years and region names as printed; kinds and stages (单位/部门, 预算/决算) are our words.
    ours = {"corpus_kinds", "corpus_stages"}
    chosen = [
        ("; " if lang() == "en" else "、").join(t(str(v)) if key in ours else str(v) for v in st.session_state[key])
        for key, _ in _FILTERS
        if st.session_state.get(key)
    ]
    # Region names come from documents: escaped, as the expander label is Markdown.
    label = t("筛选：{chosen}", chosen=md("；".join(chosen))) if chosen else t("筛选：全部文档")
    with st.expander(label, expanded=bool(chosen)):
        years, regions, kinds, stages = st.columns([1, 2, 1, 1])
        pickers = (years, regions, kinds, stages)
        values = [
            tuple(
                column.multiselect(
                    t(label),
                    info[name],
                    key=key,
                    placeholder=t("全部"),
                    persist_state="session",
                    format_func=words() if key in ours else str,
                )
            )
            for column, (key, label), name in zip(
                pickers, _FILTERS, ("years", "regions", "kinds", "stages"), strict=True
            )
        ]
    return q.Filters(*values)


# ---------------------------------------------------------------- tables


_AMOUNT_HEADER = tuple(f"（{unit}）" for unit in DisplayUnit)


def shown(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame of the view (Chinese headers) as the reader sees it: headers and our words
    in the cells (预算/决算, 单位/部门) in the interface language; document text as printed."""
    out = frame.copy()
    for column in view.WORD_COLUMNS:
        if column in out.columns:
            out[column] = [t(str(v)) if isinstance(v, str) and v else v for v in out[column]]
    out.columns = [_header(str(c)) for c in out.columns]
    return out


def _header(column: str) -> str:
    # "项目" heads the rows of figures (支出总计, “三公”经费…) here: an item, not a project.
    return th(column)


def column_config(frame: pd.DataFrame) -> dict:
    """Formats for a view frame's columns (by their Chinese headers), keyed as shown."""
    config: dict = {}
    for column in frame.columns:
        label = _header(str(column))
        if str(column).endswith(_AMOUNT_HEADER):
            config[label] = st.column_config.NumberColumn(label, format="%,.2f")
        elif column in ("占本单位支出总计", "较上年增减率", "决算/预算"):
            config[label] = st.column_config.NumberColumn(label, format="%.1f%%")
    if "单位" in frame.columns:
        longest = max([2] + [len(str(v)) for v in frame["单位"]])
        config[t("单位")] = st.column_config.TextColumn(t("单位"), width=min(300, 15 * longest + 24))
    for column in ("前文", "后文"):
        if column in frame.columns:
            config[t(column)] = st.column_config.TextColumn(t(column), width=380)
    if "年度" in frame.columns:
        config[t("年度")] = st.column_config.NumberColumn(t("年度"), format="%d")
    return config


def table(frame: pd.DataFrame) -> None:
    """A read-only view frame, headers and our words translated, amounts to two decimals."""
    st.dataframe(
        shown(frame), hide_index=True, width="stretch", column_config=column_config(frame), placeholder=NOT_SHOWN
    )


def _generation() -> int:
    return int(st.session_state.get(_GENERATION, 0))


def clickable_table(
    frame: pd.DataFrame,
    shas: list[str],
    key: str,
    height: int | None = None,
    style: Callable[[pd.DataFrame], object] | None = None,
) -> None:
    """A read-only table whose row, once selected, opens that document (one click);
    ``style`` styles the frame as shown (translated)."""
    if height is None:
        height = min(38 + 35 * len(frame), 560)
    display = shown(frame)
    event = st.dataframe(
        style(display) if style is not None else display,
        hide_index=True,
        width="stretch",
        height=height,
        column_config=column_config(frame),
        on_select="rerun",
        selection_mode="single-row",
        placeholder=NOT_SHOWN,
        key=f"{key}_{_generation()}",
    )
    rows = event.selection.rows if event is not None else []
    if rows and rows[0] < len(shas):
        # The next run opens it, before anything else is drawn (open_requested).
        st.session_state[OPEN] = shas[rows[0]]
        st.rerun()


def downloads(frame: Callable[[], pd.DataFrame], stem: str, key: str) -> None:
    """CSV and XLSX of a frame built only when a button is clicked: exact amounts in the
    display unit, headers in the interface language."""
    stem = export.file_stem(t(stem))
    left, right, _ = st.columns([1, 1, 4])
    left.download_button(
        t("下载 CSV"),
        lambda: export.frame_csv(shown(frame())),
        f"{stem}.csv",
        "text/csv",
        key=f"{key}_csv",
        on_click="ignore",
    )
    right.download_button(
        t("下载 XLSX"),
        lambda: export.frame_xlsx(shown(frame()), stem),
        f"{stem}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}_xlsx",
        on_click="ignore",
    )


def search_table(frame: pd.DataFrame, shas: list[str], key: str) -> None:
    """Hits as 前文 | 命中 | 后文 cells, the match highlighted by a cell style: the
    sentence is split into plain-text parts, never marked up."""
    hit, before = t("命中"), t("前文")

    def style(display: pd.DataFrame):
        return display.style.set_properties(
            subset=[hit], **{"background-color": "#FDEBD0", "color": "#A04000", "font-weight": "600"}
        ).set_properties(subset=[before], **{"text-align": "right"})

    clickable_table(frame, shas, key, height=min(38 + 35 * len(frame), 640), style=style)


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


def ranking_chart(bars: pd.DataFrame, basis: str, key: str, unit: DisplayUnit = DEFAULT_UNIT) -> None:
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
    title = t(view.basis_label(basis, unit))
    fig.update_xaxes(title_text=title, tickformat=",.0f" if basis in ("amount", "change") else None)
    st.plotly_chart(
        _layout(fig, 120 + 28 * len(bars)),
        width="stretch",
        config={"displayModeBar": False},
        key=key,
        alt=t("排名条形图：{measure}", measure=title),
    )


def histogram(
    hist: pd.DataFrame, basis: str, marks: list[tuple[str, float]], key: str, unit: DisplayUnit = DEFAULT_UNIT
) -> None:
    """Bins as bars; each draft's figure as a vertical line."""
    fig = go.Figure(
        go.Bar(
            x=(hist["low"] + hist["high"]) / 2,
            y=hist["units"],
            width=(hist["high"] - hist["low"]) * 0.95,
            customdata=hist["label"],
            marker_color=COLOURS[1],
            hovertemplate="%{customdata}<br>" + t("{count} 个单位", count="%{y}") + "<extra></extra>",
        )
    )
    for i, (label, value) in enumerate(marks):
        fig.add_vline(x=value, line_color=COLOURS[0], line_dash="dash")
        fig.add_annotation(
            x=value, y=1, yref="paper", text=plot(label), showarrow=False, yshift=-12 - 16 * i, xanchor="left"
        )
    fig.update_xaxes(title_text=t(view.basis_label(basis, unit)))
    fig.update_yaxes(title_text=t("单位数"))
    st.plotly_chart(_layout(fig, 320), width="stretch", config={"displayModeBar": False}, key=key, alt=t("分布直方图"))


def timeline_chart(frame: pd.DataFrame, key: str, height: int = 360, unit: DisplayUnit = DEFAULT_UNIT) -> None:
    fig = go.Figure()
    for i, (series, rows) in enumerate(frame.groupby("series", sort=False)):
        fig.add_trace(
            go.Scatter(
                x=rows["year"],
                y=rows["value"],
                name=plot(t(series)),
                mode="lines+markers",
                text=rows["text"],
                line={"color": COLOURS[i % len(COLOURS)]},
                hovertemplate=t("{year}年", year="%{x}")
                + f" %{{text}} {t(str(unit))}<extra>%{{fullData.name}}</extra>",
            )
        )
    fig.update_xaxes(dtick=1, tickformat="d", title_text=t("年度"))
    fig.update_yaxes(title_text=t(str(unit)), rangemode="tozero", tickformat=",.0f")
    fig.update_layout(legend={"orientation": "h", "y": -0.25})
    st.plotly_chart(
        _layout(fig, height), width="stretch", config={"displayModeBar": False}, key=key, alt=t("单位时间线")
    )


# ---------------------------------------------------------------- opening a document


def _open(con, sha: str) -> bool:
    """Read a published document from the corpus folder and hold it in this session;
    bytes that no longer match the corpus (the file changed since it was ingested) are
    refused with a message."""
    _, documents, _ = configured()
    found = q.document_file(con, sha, documents)
    if found is None:
        st.error(t("语料库中没有这份文档的文件位置。"))
        return False
    try:
        data = found.path.read_bytes()
    except OSError:
        st.error(t("语料库文件夹中找不到文档《{name}》。", name=md(found.name)))
        return False
    if hashlib.sha256(data).hexdigest() != sha:
        st.error(t("文档《{name}》在导入语料库后已被修改，请重新导入。", name=md(found.name)))
        return False
    session.open_published(sha, found.name, data)
    return True


def open_requested(con) -> None:
    """If a row was clicked: open that published document and go to its 总览."""
    sha = st.session_state.pop(OPEN, None)
    if not sha or not _open(con, sha):
        return
    st.session_state[_GENERATION] = _generation() + 1
    # Keep the link's own parameters (?doc= now names this document); a bare switch_page
    # would clear them all, which Streamlit refuses for those bound to widgets (?lang=).
    st.switch_page("pages/overview.py", query_params=session.unbound_query_params())


def open_linked() -> None:
    """A shared link to a published document (``?doc=`` its sha256 prefix, as the URL
    reads once a row is opened) in a session that does not hold it: open it from the
    server's corpus, so the link shows what its sender saw. Only published documents
    are there; a link to someone's upload still gets the "not loaded" notice. Call from
    app.py before the sidebar; each prefix is looked up once per session."""
    wanted = st.query_params.get(session.DOC)
    if not wanted or wanted == session.SAMPLE_KEY or session.holds(wanted):
        return
    tried: set[str] = st.session_state.setdefault(_LINKED, set())
    if wanted in tried:
        return
    tried.add(wanted)
    path, _, _ = configured()
    if not path.is_file():
        return
    try:
        con = _connection(str(path.resolve()), path.stat().st_mtime)
    except q.CorpusError:
        return
    sha = q.document_named(con, wanted)
    if sha is not None:
        _open(con, sha)
