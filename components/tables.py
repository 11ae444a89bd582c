"""Tables on screen and their downloads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from budget.export import tables as export
from budget.model import Table


def money_table(frame: pd.DataFrame, height: int | None = None, pinned: tuple[str, ...] = ()) -> None:
    """A read-only table of pre-formatted text (amount columns right-aligned).

    ``pinned`` columns (row labels) stay in view when a wide table scrolls sideways.
    """
    config = {
        column: st.column_config.TextColumn(column, alignment="right")
        for column in frame.columns
        if "（元）" in column or "（万元）" in column or column in ("表内金额", "说明中金额", "金额", "占比", "增减率")
    }
    for column in ("科目名称", "项目"):
        if column in frame.columns:
            config[column] = st.column_config.TextColumn(column, width="large")
    for column in pinned:
        # Wide enough for its longest label (CJK characters ~16 px each), so the pinned
        # labels are not cut when the other columns need the room.
        longest = max([len(str(column))] + [len(str(v)) for v in frame[column]])
        config[column] = st.column_config.TextColumn(column, pinned=True, width=min(400, 16 * longest + 24))
    if height is None:
        # Show every row up to a screenful instead of a ten-row scroll box.
        height = min(36 + 35 * len(frame), 640)
    data = frame.style.map(_status_colour, subset=["核对"]) if "核对" in frame.columns else frame
    st.dataframe(data, hide_index=True, width="stretch", column_config=config, height=height)


def _status_colour(status: str) -> str:
    return {"不一致": "color: #C0392B; font-weight: 600", "一致": "color: #2E7D32"}.get(status, "color: #6B7280")


def table_downloads(table: Table, key: str) -> None:
    """CSV and XLSX downloads of one table as printed (built only when clicked)."""
    stem = export.file_stem(table.title or table.label)
    left, right, _ = st.columns([1, 1, 4])
    left.download_button(
        "下载 CSV",
        lambda: export.table_csv(table),
        f"{stem}.csv",
        "text/csv",
        key=f"tables_csv_{key}",
        on_click="ignore",
    )
    right.download_button(
        "下载 XLSX",
        lambda: export.table_xlsx(table),
        f"{stem}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"tables_xlsx_{key}",
        on_click="ignore",
    )
