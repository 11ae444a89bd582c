"""Tables on screen and their downloads.

Headers and our own cell words (一致, 是 …) are translated; document cells never are.
Amount columns are right-aligned text formatted from the Decimal, with separators.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd
import streamlit as st

from budget.export import tables as export
from budget.model import Table
from budget.views.labels import one
from components.i18n import lang, t, th, units
from components.text import md, whole_words

_AMOUNT = re.compile(r"（(元|万元|亿元)）$")
AMOUNT_COLUMNS = {"表内金额", "说明中金额", "金额", "占比", "增减率", "增减额"}
WIDE_COLUMNS = ("科目名称", "项目", "科目")
# Seven digits at most: a small column leaves a phone room for the first figure (at 390 px
# 支出结构's 合计 showed "2,570.7" cut off behind a default-width code column).
CODE_COLUMNS = ("科目编码",)
STATUS = "核对"
_STATUS_COLOURS = {
    "错误": "color: #C0392B; font-weight: 600",  # the check's verdicts (budget.views.check.verdict)
    "警告": "color: #B9770E; font-weight: 600",
    "一致": "color: #2E7D32",
    "一致（四舍五入）": "color: #2E7D32",
    "未超过": "color: #2E7D32",
}


def is_amount(column: str) -> bool:
    return bool(_AMOUNT.search(str(column))) or column in AMOUNT_COLUMNS


def money_table(
    frame: pd.DataFrame,
    height: int | None = None,
    pinned: tuple[str, ...] = (),
    words: tuple[str, ...] = (),
    wide: int = 150,
) -> None:
    """A read-only table of pre-formatted text (amount columns right-aligned).

    ``pinned`` columns (row labels) stay in view when a wide table scrolls sideways;
    ``words`` columns hold our own words (statuses), translated like the headers;
    ``wide`` is the least width of the name column in pixels: with a small code column and
    figure-wide amount columns it leaves a 390 px phone the first figure whole (a desktop
    table stretches every column to its width).
    """
    frame = frame.copy()
    colours = None
    if STATUS in frame.columns:
        colours = [_STATUS_COLOURS.get(s, "color: #6B7280") for s in frame[STATUS]]
    for column in (*words, STATUS):
        if column in frame.columns:
            frame[column] = [t(str(v)) if v else v for v in frame[column]]
    for column in frame.columns:
        if is_amount(str(column)):
            frame[column] = [units(v) if isinstance(v, str) else v for v in frame[column]]
    config: dict[str, object] = {}
    for column in frame.columns:
        label = th(str(column))
        if is_amount(str(column)):
            # A column as wide as its long header ("深圳市信访局 2026年（万元）", "合计（万元）")
            # pushed its right-aligned figures off a phone's screen: as wide as the figures
            # instead (the header may be cut; its tooltip has it whole). A desktop table
            # still stretches to its width.
            longest = max([4] + [len(str(v)) for v in frame[column]])
            config[label] = st.column_config.TextColumn(label, alignment="right", width=min(220, 9 * longest + 40))
        elif column in WIDE_COLUMNS:
            config[label] = st.column_config.TextColumn(label, width=wide)
        elif column in CODE_COLUMNS:
            config[label] = st.column_config.TextColumn(label, width="small")
    for column in pinned:
        # Wide enough for its longest label (CJK characters ~16 px each), so the pinned
        # labels are not cut when the other columns need the room.
        longest = max([len(str(column))] + [len(str(v)) for v in frame[column]])
        config[th(str(column))] = st.column_config.TextColumn(
            th(str(column)), pinned=True, width=min(400, 16 * longest + 24)
        )
    amount_labels = [th(str(c)) for c in frame.columns if is_amount(str(c))]
    frame.columns = [th(str(c)) for c in frame.columns]
    if height is None:
        # Show every row up to a screenful instead of a ten-row scroll box.
        height = min(36 + 35 * len(frame), 640)
    data = frame
    if colours is not None:
        status = t(STATUS)
        data = frame.style.apply(lambda _: colours, subset=[status])  # type: ignore[assignment]
    # A side-by-side comparison (pinned row labels, a column per document) stays a grid on
    # a phone too: it scrolls sideways with its labels in view, which a static table cannot.
    names = [th(c) for c in WIDE_COLUMNS if th(c) in frame.columns]
    if not names or pinned or len(frame) > PHONE_ROWS:
        st.dataframe(data, hide_index=True, width="stretch", column_config=config, height=height)
        return
    # A phone gets the same rows as a table that wraps: at 390 px the grid cut every long
    # 科目 name ("30108 机关事业单…", "人员经费（按科目推算"), and a grid cell never wraps. The
    # page CSS (components.style) shows one of the two by the screen's width.
    n = _next_pair()
    with st.container(key=f"{WIDE}{n}"):
        st.dataframe(data, hide_index=True, width="stretch", column_config=config, height=height)
    with st.container(key=f"{NARROW}{n}"):
        _phone_table(frame, names[0], amount_labels, colours)


PHONE_ROWS = 200  # longer tables stay a grid alone (a phone scrolls in it)
WIDE, NARROW = "tables_wide_", "tables_narrow_"  # container key prefixes (components.style)
_PAIRS = "tables_pairs"  # how many grid/phone pairs this run has drawn (their keys)
_INDENT = re.compile("^\u3000+")


def start_run() -> None:
    """Number the grid/phone pairs from 0 again (app.py, once a run): their keys stay the
    same from run to run, so nothing is drawn anew."""
    st.session_state[_PAIRS] = 0


def _next_pair() -> int:
    n = st.session_state.get(_PAIRS, 0)
    st.session_state[_PAIRS] = n + 1
    return n


def _phone_table(frame: pd.DataFrame, name: str, amounts: list[str], colours: list[str] | None) -> None:
    """The rows of a grid as a static table: names wrap, a level's indent (leading 　)
    becomes a margin, figures stay on one line and right-aligned. A code column joins its
    name ("2080505 机关事业单位…", the code says the level): at 390 px 支出结构's five columns
    left the names one character a line."""
    code = next((th(c) for c in CODE_COLUMNS if th(c) in frame.columns), None)
    if code is not None:
        merged = [f"{c} {str(n).lstrip(chr(0x3000))}".strip() for c, n in zip(frame[code], frame[name], strict=True)]
        frame = frame.drop(columns=[code]).assign(**{name: merged})
    depth = [len(m.group(0)) if (m := _INDENT.match(str(v))) else 0 for v in frame[name]]
    css = _column_css(frame, amounts, colours)
    css[name] = [f"padding-left: {0.5 + d}em" if d else "" for d in depth]
    status = t(STATUS)
    # Our headers may wrap anywhere here, even inside their unit ("金额（万 / 元）"): five
    # columns at 390 px leave the names little room, and a unit kept whole took 11 px a
    # column from them (支出结构's 明细: names five lines deep, 69 px wide).
    static_table(frame, css, whole=(status,) if status in frame.columns else ())


def small_table(frame: pd.DataFrame, words: tuple[str, ...] = ()) -> None:
    """A short table drawn whole (``st.table``): long names wrap instead of pushing the
    figures off a phone's screen; amounts right-aligned, the check's verdict (一致 / 错误 /
    警告) coloured."""
    # A column every row leaves blank (检查说明 where the check found nothing) says nothing and
    # took a quarter of a phone's width: the verdicts beside it wrapped a word to a line.
    frame = frame[[c for c in frame.columns if any(v is not None and str(v).strip() for v in frame[c])]].copy()
    colours = [_STATUS_COLOURS.get(s, "color: #6B7280") for s in frame[STATUS]] if STATUS in frame.columns else None
    for column in words:
        if column in frame.columns:
            frame[column] = [t(str(v)) if v else v for v in frame[column]]
    if STATUS in frame.columns:  # one verdict a row: "Note", not the summary's "Notes"
        frame[STATUS] = [one(str(v), lang()) if v else v for v in frame[STATUS]]
    amounts = [th(str(c)) for c in frame.columns if is_amount(str(c))]
    frame.columns = [th(str(c)) for c in frame.columns]
    # A verdict is one word ("表中未列示", "一致（四舍五入）"): at 390 px its narrow column broke it
    # a character or two a line. Its characters are joined (a break stays possible at a
    # bracket or a space, so English verdicts wrap between words). So are our headers: at
    # 390 px 三公经费's "说明中金额（万元）" broke as "说明中金 / 额（万元）".
    status = t(STATUS)
    css = _column_css(frame, amounts, colours)
    static_table(frame, css, whole=(status,) if status in frame.columns else (), headers=whole_words)


def _column_css(frame: pd.DataFrame, amounts: list[str], colours: list[str] | None) -> pd.DataFrame:
    """The CSS of each cell: amounts right-aligned on one line, the verdicts coloured."""
    css = pd.DataFrame("", index=frame.index, columns=frame.columns)
    for column in amounts:
        css[column] = "text-align: right !important; white-space: nowrap"
    status = t(STATUS)
    if colours is not None and status in frame.columns:
        css[status] = colours
    return css


def _inert(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else md(str(value))


def static_table(
    frame: pd.DataFrame,
    css: pd.DataFrame | None = None,
    whole: tuple[str, ...] = (),
    headers: Callable[[str], str] | None = None,
) -> None:
    """``st.table`` with every cell and header shown as typed: st.table renders its cells
    and its headers as Markdown, and they hold document text. ``css``: the style of each
    cell, by position (worked out on the raw values). ``whole`` columns hold our own short
    words, wrapped only at a space or a bracket; ``headers`` joins the characters of our
    own headers where they must not wrap (whole_words; never a document's)."""

    # Streamlit takes the headers from the frame's columns, not from the Styler's
    # format_index (which was all this escaped): a document's header (发布前检查's evidence
    # shows a table's own) went to the browser as Markdown, "**" bold, so the columns
    # themselves are escaped.
    names: list[str] = []
    for column in frame.columns:
        name = _inert(column)
        name = headers(name) if headers is not None else name
        while name in names:  # two headers alike once escaped stay two columns (the Styler needs them unique)
            name += "\u200b"
        names.append(name)
    positions = {column: i for i, column in enumerate(frame.columns)}
    shown = frame.set_axis(names, axis=1)
    styler = shown.style
    if css is not None:
        styles = css.set_axis(shown.index, axis=0).set_axis(shown.columns, axis=1)
        styler = styler.apply(lambda _: styles, axis=None)
    styler = styler.format(_inert)
    if whole:
        subset = [shown.columns[positions[c]] for c in whole]
        styler = styler.format(lambda v: whole_words(_inert(v)), subset=subset)
    st.table(styler, hide_index=True)


def printed_table(frame: pd.DataFrame, amount_columns: set[int], height: int | None = None) -> None:
    """A table as printed: every cell text as in the document, the amount columns
    right-aligned (their text already carries the document's separators)."""
    config = {
        str(column): st.column_config.TextColumn(str(column), alignment="right")
        for i, column in enumerate(frame.columns)
        if i in amount_columns
    }
    if height is None:
        height = min(36 + 35 * len(frame), 720)
    st.dataframe(frame, hide_index=True, width="stretch", column_config=config, height=height)


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download_pair(csv: Callable[[], bytes], xlsx: Callable[[], bytes], stem: str, keys: tuple[str, str]) -> None:
    """A CSV and an XLSX button side by side, a small gap apart (a row of fixed columns left
    the second button a column's width away); each file is built only when clicked."""
    row = st.container(horizontal=True, gap="small")
    row.download_button(t("下载 CSV"), csv, f"{stem}.csv", "text/csv", key=keys[0], on_click="ignore")
    row.download_button(t("下载 XLSX"), xlsx, f"{stem}.xlsx", XLSX_MIME, key=keys[1], on_click="ignore")


def downloads(frame: pd.DataFrame, stem: str, sheet: str, key: str) -> None:
    """CSV and XLSX of a frame, headers in the interface language (built only when clicked)."""
    translated = frame.rename(columns=lambda c: th(str(c)))
    download_pair(
        lambda: export.frame_csv(translated),
        lambda: export.frame_xlsx(translated, t(sheet)),
        stem,
        (f"{key}_csv", f"{key}_xlsx"),
    )


def table_downloads(table: Table, key: str) -> None:
    """CSV and XLSX downloads of one table as printed (built only when clicked)."""
    download_pair(
        lambda: export.table_csv(table),
        lambda: export.table_xlsx(table),
        export.file_stem(table.title or table.label),
        (f"tables_csv_{key}", f"tables_xlsx_{key}"),
    )
