"""The frame of every page: its title, which document is on screen, the display unit.

Every page about one document starts with ``header``: the reader always sees which
document the figures come from (unit, year, file and its sha256 prefix, 示例 for the
built-in sample), even with several uploads, and picks one display unit for the whole
page (元 / 万元 / 亿元, kept in the link as ``?unit=``).
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from budget.model import Disclosure
from budget.views.display import DEFAULT_UNIT, DISPLAY_UNITS, DisplayUnit, unit_of
from budget.views.labels import short_unit
from components import check_settings, session
from components.i18n import lang, t
from components.text import md

UNIT = "unit"  # widget key and query parameter


@dataclass(frozen=True)
class PageContext:
    """What a page works on: the document, its parsed disclosure and the display unit."""

    document: session.Document
    disclosure: Disclosure
    unit: DisplayUnit


def unit_switch(label_visibility: str = "visible") -> DisplayUnit:
    """The page's display unit (bound to the link, so a shared link shows the same unit)."""
    language = lang()
    chosen = st.segmented_control(
        t("显示单位"),
        list(DISPLAY_UNITS),
        format_func=lambda unit: short_unit(str(unit), language),
        default=DEFAULT_UNIT,
        required=True,
        key=UNIT,
        bind="query-params",
        label_visibility=label_visibility,  # type: ignore[arg-type]
        help=t("页面上的金额一律换算为此单位并保留两位小数；精确数字见悬停提示、原始表格和导出文件。"),
    )
    return unit_of(chosen)


def banner(d: Disclosure, document: session.Document) -> None:
    """Which document is on screen: unit, year, kind, printed money unit, file, sha256 prefix."""
    unit = d.unit
    year = t("{year}年", year=unit.year) if unit.year else t("年度未识别")
    if document.sample:
        badge = f":orange-badge[{t('示例')}]"
    elif document.published:
        badge = f":green-badge[{t('语料库')}]"  # a published document from the server's corpus
    else:
        badge = f":blue-badge[{t('已上传')}]"
    final = unit.stage == "决算"  # final accounts: the banner must not call them a budget
    if unit.kind:
        kind = t("{kind}决算", kind=t(unit.kind)) if final else t("{kind}预算", kind=t(unit.kind))
    else:
        kind = t("决算") if final else ""
    name = md(unit.name) if unit.name else t("（未识别单位名称）")
    parts = [
        f"{badge} **{name}**",
        " ".join(p for p in (year, kind) if p),
        t("原文金额单位：{unit}", unit=t(str(unit.money_unit))),
        t("文件：{name}", name=md(document.name)),
    ]
    if not document.sample:
        parts.append(t("编号 {prefix}", prefix=session.prefix(document.key)))
    st.markdown(" · ".join(parts))
    if document.sample:
        st.caption(t("这是内置的示例文档。在左侧边栏上传自己的预算公开文档后，各页面即显示该文档。"))


def header(title: str, caption: str, unit_switch_shown: bool = True) -> PageContext:
    """Title, caption, the document banner and the unit switch; returns the page's context."""
    d = session.current_disclosure()
    document = session.current_document()
    st.title(t(title))
    st.caption(t(caption))
    if unit_switch_shown:
        left, right = st.columns([3, 1], vertical_alignment="bottom")
        with left:
            banner(d, document)
        with right:
            unit = unit_switch()
    else:
        banner(d, document)
        unit = DEFAULT_UNIT
    check_settings.linked_notice()
    return PageContext(document, d, unit)
