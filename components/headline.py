"""Headline figures of a disclosure as metric cards."""

from __future__ import annotations

import streamlit as st

from budget.views.overview import Overview
from components.text import md


def document_banner(o: Overview, sample: bool, source_name: str) -> None:
    """Which document is on screen: unit, year, money unit; the sample is labelled 示例."""
    year = f"{o.year}年" if o.year else "年度未识别"
    badge = ":orange-badge[示例]" if sample else ":blue-badge[已上传]"
    st.markdown(
        f"{badge} **{md(o.unit_name)}** · {year}{o.kind}预算 · 金额单位：{o.money_unit} · 文件：{md(source_name)}"
    )
    if sample:
        st.caption("这是内置的示例文档。在左侧边栏上传自己的预算公开文档后，各页面即显示该文档。")


def headline_metrics(o: Overview, per_row: int = 4) -> None:
    """The headline figures, four to a row, each with its share when it has one."""
    heads = list(o.headlines)
    for start in range(0, len(heads), per_row):
        columns = st.columns(per_row, border=True)
        for column, head in zip(columns, heads[start : start + per_row], strict=False):
            with column:
                # The unit goes into the label so the figure itself fits the card.
                value = "—" if head.amount is None else head.amount.format(with_unit=False)
                st.metric(f"{head.label}（{head.amount.unit if head.amount else o.money_unit}）", value)
                st.caption(head.share_label or "\u00a0")
