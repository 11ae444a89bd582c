"""The documents of this session: the sidebar uploader, the selector and the parse cache.

Uploaded documents are drafts. Their bytes live only in this session's
``st.session_state`` (never on disk, never in another session). Parsing goes through
one cached boundary, ``parse``; everything below it is plain Python.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from budget.model import Disclosure

SAMPLE_PATH = Path(__file__).resolve().parent.parent / "samples" / "seed.docx"
SAMPLE_KEY = "sample"
UPLOAD_TYPES = ["docx", "txt", "pdf", "xlsx", "xls"]

# Session-state keys this component owns.
_UPLOADER = "session_uploader"
_SELECTED = "session_selected"
_DOCUMENTS = "session_documents"  # {sha256: Document}
_ERRORS = "session_errors"  # {sha256: (name, message)}
_PUBLISHED = "session_published"  # {sha256: Document} opened from the server's corpus


# st.cache_data is shared by every session of the server. That is acceptable here only
# because the key is the content itself (the bytes are hashed) plus the name: a result
# is handed back only to a session that already holds exactly the same bytes, so no
# session can learn anything about another session's drafts. Entries are bounded so a
# long-running server does not accumulate parsed documents.
@st.cache_data(max_entries=16, show_spinner="正在解析文档…")
def parse(data: bytes, name: str) -> Disclosure:
    # Imported here so the app still starts (and shows a clear error) if a loader
    # module is broken.
    from loaders import load

    return load(data, name)


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


def _error_text(error: Exception) -> str:
    from loaders import LoadError

    if isinstance(error, LoadError):
        return error.message
    # An unexpected failure in a loader: say so plainly, keep the traceback out of the UI.
    return f"解析时发生内部错误（{type(error).__name__}），请把文档发给维护人员。"


def _try_parse(doc: Document) -> str | None:
    """Parse once; return a Chinese error message, or None when it parsed."""
    try:
        parse(doc.data, doc.name)
    except Exception as error:  # noqa: BLE001 - any failure becomes a message, not a traceback
        return _error_text(error)
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
            key = hashlib.sha256(data).hexdigest()
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
            st.error(f"无法读取《{name}》：{message}")

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


def current_disclosure() -> Disclosure:
    """The parsed disclosure of the selected document (the sample when none uploaded).

    Shows a Chinese error and stops the page if even the document cannot be read,
    never a traceback.
    """
    doc = current_document()
    try:
        return parse(doc.data, doc.name)
    except Exception as error:  # noqa: BLE001
        st.error(f"无法读取《{doc.name}》：{_error_text(error)}")
        st.stop()
        raise  # unreachable: st.stop() ends the run


def loaded_disclosures() -> list[tuple[str, Disclosure]]:
    """Every uploaded document that parsed, as (file name, disclosure), in upload order.

    The built-in sample is not among them: it is shown only when nothing is uploaded.
    """
    _leave_legacy_pages_mode()
    documents: dict[str, Document] = st.session_state.get(_DOCUMENTS) or {}
    return [(doc.name, parse(doc.data, doc.name)) for doc in documents.values()]


def draft_disclosures() -> list[tuple[str, Disclosure]]:
    """The uploaded documents that parsed (drafts), without those opened from the corpus."""
    _leave_legacy_pages_mode()
    documents: dict[str, Document] = st.session_state.get(_DOCUMENTS) or {}
    return [(doc.name, parse(doc.data, doc.name)) for doc in documents.values() if not doc.published]


def is_sample() -> bool:
    return current_document().sample
