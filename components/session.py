"""The documents of this session: the sidebar uploader, the selector and the parse cache.

Uploaded documents are drafts. Their bytes live only in this session's
``st.session_state`` (never on disk, never in another session). Each document is read
and checked once, in a worker process within a time and memory budget
(budget.application.worker), so a heavy upload never holds up the other users; the
results are kept in a small cache keyed by the content's hash.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from budget.application.worker import Parsed, Refused
from budget.checks import CheckReport
from budget.model import Disclosure
from components.text import md

SAMPLE_PATH = Path(__file__).resolve().parent.parent / "samples" / "seed.docx"
SAMPLE_KEY = "sample"
UPLOAD_TYPES = ["docx", "txt", "pdf", "xlsx", "xls"]

# Session-state keys this component owns.
_UPLOADER = "session_uploader"
_SELECTED = "session_selected"
_DOCUMENTS = "session_documents"  # {sha256: Document}
_ERRORS = "session_errors"  # {sha256: (name, message)}
_PUBLISHED = "session_published"  # {sha256: Document} opened from the server's corpus

# Parsed documents, shared by the sessions of this server. That is acceptable only
# because the key is the content itself (its sha256) plus the name: a result is handed
# back only to a session that already holds exactly the same bytes, so no session can
# learn anything about another session's drafts. Bounded, so a long-running server
# does not accumulate parsed documents; the values are immutable.
_CACHE_SIZE = 16
_cache: OrderedDict[tuple[str, str], Parsed] = OrderedDict()
_cache_lock = threading.Lock()


def parsed(key: str, data: bytes, name: str) -> Parsed:
    """The document read and checked (from the cache, or in a worker); Refused with a
    Chinese sentence when it cannot be read within the limits."""
    with _cache_lock:
        if (key, name) in _cache:
            _cache.move_to_end((key, name))
            return _cache[(key, name)]
    from budget.application import worker

    with st.spinner("正在解析和检查文档…"):
        result = worker.parse(data, name)
    with _cache_lock:
        _cache[(key, name)] = result
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return result


@dataclass(frozen=True)
class Document:
    """One document held by this session (bytes only in memory)."""

    key: str  # sha256 of the bytes, or SAMPLE_KEY
    name: str
    data: bytes
    sample: bool = False
    published: bool = False  # a published document from the corpus, not a draft

    @property
    def label(self) -> str:
        if self.sample:
            return f"示例：{self.name}"
        return f"语料库：{self.name}" if self.published else self.name


def _sample() -> Document:
    return Document(SAMPLE_KEY, SAMPLE_PATH.name, SAMPLE_PATH.read_bytes(), sample=True)


def _parsed(doc: Document) -> Parsed:
    return parsed(doc.key, doc.data, doc.name)


def _try_parse(doc: Document) -> str | None:
    """Parse once; return a Chinese error message, or None when it parsed."""
    try:
        _parsed(doc)
    except Refused as refused:
        return refused.message
    return None


def sidebar() -> None:
    """Uploader, errors and the document selector; call once per run from app.py."""
    with st.sidebar:
        st.subheader("文档")
        files = st.file_uploader(
            "上传预算公开文档（可多选）",
            type=UPLOAD_TYPES,
            accept_multiple_files=True,
            key=_UPLOADER,
            help=(
                "支持 Word（.docx）、文本（.txt）、PDF、Excel（.xlsx/.xls）。文档只保存在本次会话的内存中，不写入磁盘。"
            ),
        )
        documents: dict[str, Document] = {}
        errors: dict[str, tuple[str, str]] = {}
        # Failures are not cached by st.cache_data; remember them for this session so a
        # broken file is not parsed again on every rerun.
        known_errors: dict[str, tuple[str, str]] = st.session_state.get(_ERRORS) or {}
        for file in files or []:
            data = file.getvalue()
            key = hashlib.sha256(data).hexdigest()  # once per run; the cache and the state use it
            doc = Document(key, file.name, data)
            message = known_errors[key][1] if key in known_errors else _try_parse(doc)
            if message is None:
                documents.setdefault(key, doc)
            else:
                errors[key] = (file.name, message)
        # Published documents opened from the corpus page come after the uploads.
        for key, doc in (st.session_state.get(_PUBLISHED) or {}).items():
            documents.setdefault(key, doc)
        st.session_state[_DOCUMENTS] = documents
        st.session_state[_ERRORS] = errors

        for name, message in errors.values():
            st.error(f"无法读取《{md(name)}》：{md(message)}")

        if not documents:
            st.info("未上传文档，当前显示内置示例。")
            st.session_state.pop(_SELECTED, None)
            return
        keys = list(documents)
        if st.session_state.get(_SELECTED) not in keys:
            st.session_state[_SELECTED] = keys[0]
        if len(keys) > 1:
            st.selectbox(
                "当前查看的文档",
                keys,
                format_func=lambda k: documents[k].label,
                key=_SELECTED,
            )


def open_published(key: str, name: str, data: bytes) -> None:
    """Hold a published corpus document in this session (like an upload, in memory
    only) and select it; the next run of the sidebar lists it."""
    published: dict[str, Document] = dict(st.session_state.get(_PUBLISHED) or {})
    published[key] = Document(key, name, data, published=True)
    st.session_state[_PUBLISHED] = published
    documents: dict[str, Document] = dict(st.session_state.get(_DOCUMENTS) or {})
    documents.setdefault(key, published[key])
    st.session_state[_DOCUMENTS] = documents
    st.session_state[_SELECTED] = key


def _leave_legacy_pages_mode() -> None:
    """Run the page inside app.py's navigation, even on a shared link.

    Streamlit takes an app with a ``pages/`` folder for an old-style multipage app until
    app.py's st.navigation has run once in the server process. A link to a page that
    reaches a fresh server before anyone opened the home page would run the page file
    alone: no sidebar, no uploader, file names as navigation. Switch to st.navigation
    and run again (the same page, now through app.py).
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def use_navigation() -> None:
    """For a page that reads no document: still run inside app.py's navigation."""
    _leave_legacy_pages_mode()


def current_document() -> Document:
    """The document selected in the sidebar; the built-in sample when none is uploaded."""
    _leave_legacy_pages_mode()
    documents: dict[str, Document] = st.session_state.get(_DOCUMENTS) or {}
    selected = st.session_state.get(_SELECTED)
    if selected in documents:
        return documents[selected]
    return _sample()


def current_parsed() -> Parsed:
    """The selected document read and checked (the sample when none is uploaded).

    Shows a Chinese error and stops the page if the document cannot be read, never a
    traceback.
    """
    doc = current_document()
    try:
        return _parsed(doc)
    except Refused as refused:
        st.error(f"无法读取《{md(doc.name)}》：{md(refused.message)}")
        st.stop()
        raise  # unreachable: st.stop() ends the run


def current_disclosure() -> Disclosure:
    """The parsed disclosure of the selected document (the sample when none uploaded)."""
    return current_parsed().disclosure


def current_report() -> CheckReport:
    """The check of the selected document, run with its parse in the worker."""
    return current_parsed().report


def loaded_disclosures() -> list[tuple[str, Disclosure]]:
    """Every uploaded document that parsed, as (file name, disclosure), in upload order.

    The built-in sample is not among them: it is shown only when nothing is uploaded.
    """
    _leave_legacy_pages_mode()
    documents: dict[str, Document] = st.session_state.get(_DOCUMENTS) or {}
    return [(doc.name, _parsed(doc).disclosure) for doc in documents.values()]


def draft_disclosures() -> list[tuple[str, Disclosure]]:
    """The uploaded documents that parsed (drafts), without those opened from the corpus."""
    _leave_legacy_pages_mode()
    documents: dict[str, Document] = st.session_state.get(_DOCUMENTS) or {}
    return [(doc.name, _parsed(doc).disclosure) for doc in documents.values() if not doc.published]


def is_sample() -> bool:
    return current_document().sample
