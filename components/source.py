"""Where a figure comes from: its table and page, linked to that page of the PDF.

The PDF's bytes are handed to Streamlit's in-memory media store for this session only
(the same store a download button uses: nothing is written to disk, the address is a
digest of the content, so only someone who already has the file could name it). The
browser's PDF viewer opens the link at ``#page=N``.
"""

from __future__ import annotations

import streamlit as st

from budget.model import TABLE_LABELS, Disclosure, Format, Table, TableKind
from components.i18n import t
from components.session import Document
from components.text import unbroken

_COORDINATES = "budget.source_pdf"


def pdf_url(document: Document, d: Disclosure, table: Table | None = None) -> str | None:
    """The address of this PDF in the session's media store (None for other formats).
    Of a disclosure in several files: the file ``table`` is printed in."""
    if document.parts and table is not None:
        from components.session import disclosure_of

        for part in document.parts:
            printed = disclosure_of(part)
            if any(t is table for t in printed.tables):
                return pdf_url(part, printed)
        return None
    if d.source.format != Format.PDF or not document.data:
        return None
    try:
        from streamlit.runtime import get_instance

        return get_instance().media_file_mgr.add(document.data, "application/pdf", f"{_COORDINATES}.{document.key}")
    except Exception:  # noqa: BLE001 - no runtime (bare script): no link, the page number still shows
        return None


def page_text(page: int | None) -> str:
    return t("第 {page} 页", page=page) if page else ""


def table_source(document: Document, d: Disclosure, table: Table | None) -> str:
    """Markdown: "来源：支出总表 · 第 5 页" with the page linked into the PDF; "" without a table."""
    if table is None:
        return ""
    label = t(TABLE_LABELS[table.kind]) if table.kind != TableKind.UNKNOWN else t("表格")
    if not table.page:
        return t("来源：{table}", table=label)
    url = pdf_url(document, d, table)
    page = unbroken(page_text(table.page))  # at 390 px "第" ended a line and "146 页 ↗" began the next
    link = f"[{page}\u00a0↗]({url}#page={table.page})" if url else page
    return t("来源：{table} · {page}", table=label, page=link)


def text_source(document: Document, d: Disclosure, page: int | None) -> str:
    """Markdown: "来源：正文 · 第 12 页" with the page linked into the PDF (a figure the
    narrative states and no table prints)."""
    if not page:
        return t("来源：正文")
    url = pdf_url(document, d)
    shown = unbroken(page_text(page))
    link = f"[{shown}\u00a0↗]({url}#page={page})" if url else shown
    return t("来源：正文 · {page}", page=link)


def kind_source(document: Document, d: Disclosure, kind: TableKind | None) -> str:
    return table_source(document, d, d.table(kind)) if kind is not None else ""


def caption(document: Document, d: Disclosure, kind: TableKind | None) -> None:
    text = kind_source(document, d, kind)
    if text:
        st.caption(text)


def table_caption(document: Document, d: Disclosure, table: Table | None) -> None:
    text = table_source(document, d, table)
    if text:
        st.caption(text)


def functional_caption(document: Document, d: Disclosure) -> None:
    """The source of the functional rows: the table they were read from (the 支出总表, or
    where it lists funding sources instead, as 西安's does, the 一般公共预算支出表)."""
    if d.functional_table is None or not 0 <= d.functional_table < len(d.tables):
        caption(document, d, TableKind.EXPENDITURE)
        return
    text = table_source(document, d, d.tables[d.functional_table])
    if text:
        st.caption(text)
