"""The documents of this session: the sidebar uploader, the selector and the parse cache.

Uploaded documents are drafts. Their bytes live only in this session's
``st.session_state`` (never on disk, never in another session). Parsing goes through
one bounded boundary, ``parsed``: a worker process reads and checks each file within
the limits of loaders.limits; everything below it is plain Python.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from budget.application.worker import Parsed, Refused
from budget.checks import CheckReport, Settings
from budget.model import Disclosure
from components import check_settings
from components.i18n import lang, t
from components.text import md

SAMPLE_PATH = Path(__file__).resolve().parent.parent / "samples" / "seed.docx"
SAMPLE_KEY = "sample"
UPLOAD_LIMIT_MB = 50  # server.maxUploadSize in .streamlit/config.toml
DOC = "doc"  # query parameter naming the document on screen: its sha256 prefix, or "sample"
PREFIX = 12  # hex digits of the sha256 in a link (48 bits: no two uploads collide by chance)

# Session-state keys this component owns.
_UPLOADER = "session_uploader"
_SELECTED = "session_selected"
_DOCUMENTS = "session_documents"  # {sha256: Document}
_ERRORS = "session_errors"  # {sha256: (name, Chinese message, English message)}
_SEEN = "session_seen"  # every sha256 this session has held (a removed upload is not "missing")
_FILES = "session_files"  # {sha256: Document} every uploaded file that parsed, before joining
_JOINS = "session_joins"  # {joined key: member keys} the files read as one disclosure
_SPLIT = "session_split"  # joined keys the reader split back into their files
_PUBLISHED = "session_published"  # {sha256: Document} opened from the server's corpus


# Parsed documents, shared by the sessions of this server. That is acceptable only
# because the key is the content itself (its sha256) plus the name: a result is handed
# back only to a session that already holds exactly the same bytes, so no session can
# learn anything about another session's drafts. Bounded, so a long-running server
# does not accumulate parsed documents; the values are immutable.
_CACHE_SIZE = 16
# The check's settings are part of the key: two sessions with different thresholds
# never see each other's findings for the same bytes.
_cache: OrderedDict[tuple[str, str, Settings], Parsed] = OrderedDict()
_cache_lock = threading.Lock()


def _cached(key: tuple[str, str, Settings]) -> Parsed | None:
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    return None


def _keep(key: tuple[str, str, Settings], result: Parsed) -> None:
    with _cache_lock:
        _cache[key] = result
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)


def parsed(key: str, data: bytes, name: str, settings: Settings | None = None) -> Parsed:
    """The document read and checked with ``settings`` (from the cache, or in a worker);
    Refused with a Chinese sentence when it cannot be read within the limits."""
    settings = settings or Settings()
    hit = _cached((key, name, settings))
    if hit is not None:
        return hit
    from budget.application import worker

    with st.spinner(t("正在解析和检查文档…")):
        result = worker.parse(data, name, settings)
        # Kept before the spinner is cleared: clearing it is a Streamlit call, where a
        # rerun asked for during the parse (a click on another page) stops this run; the
        # parse would be lost and start again on every click while it runs.
        _keep((key, name, settings), result)
    return result


@dataclass(frozen=True)
class Document:
    """One document held by this session (bytes only in memory): a file, or a disclosure
    published in several files (``parts``: Beijing's 情况说明 and 报表 as two PDFs)."""

    key: str  # sha256 of the bytes (of a joined document: of its parts' digests), or SAMPLE_KEY
    name: str
    data: bytes
    sample: bool = False
    parts: tuple[Document, ...] = ()
    published: bool = False  # a published document from the corpus, not a draft

    @property
    def label(self) -> str:
        if self.sample:
            return t("示例：{name}", name=self.name)
        return t("语料库：{name}", name=self.name) if self.published else self.name


def _sample() -> Document:
    return Document(SAMPLE_KEY, SAMPLE_PATH.name, SAMPLE_PATH.read_bytes(), sample=True)


def _parsed(doc: Document) -> Parsed:
    """A file read and checked in the worker; a disclosure in several files joined from
    its parts' readings and checked here (each part was already read within the limits)."""
    settings = check_settings.current()
    if not doc.parts:
        return parsed(doc.key, doc.data, doc.name, settings)
    hit = _cached((doc.key, doc.name, settings))
    if hit is not None:
        return hit
    from budget.application import worker

    whole = worker.join_parts([_parsed(part).disclosure for part in doc.parts])
    if whole is None:  # grouped by _joined, so join accepted these parts once already
        raise Refused("这些文件不能合并为一份文档。", "parts do not join")
    result = worker.checked(whole, settings)
    _keep((doc.key, doc.name, settings), result)
    return result


def disclosure_of(doc: Document) -> Disclosure:
    """The parsed disclosure of a document; a joined one from its parts."""
    return _parsed(doc).disclosure


def _partial(d: Disclosure) -> bool:
    """Only part of a disclosure: no tables (the 情况说明 alone) or no functional rows
    (the 报表's supplement, a 绩效目标表 of its own)."""
    return not d.tables or not d.functional


def _joined(parts: list[Document]) -> Document | None:
    """The parts as one disclosure, when they are parts of one: of one unit (named in
    each) and year, at least one of them partial, and ``join`` accepts them."""
    from budget.application import worker

    read = [_parsed(p).disclosure for p in parts]
    if not any(_partial(d) for d in read) or not all(d.unit.name for d in read):
        return None
    whole = worker.join_parts(read)
    if whole is None:
        return None
    return Document(whole.source.sha256, " + ".join(p.name for p in parts), b"", parts=tuple(parts))


def _grouped(files: dict[str, Document], split: set[str]) -> dict[str, Document]:
    """The documents to show: files that are parts of one disclosure joined (in upload
    order), unless the reader split that group again; every other file on its own."""
    groups: list[list[Document]] = []
    for doc in files.values():
        for group in groups:
            if _joined([*group, doc]) is not None:
                group.append(doc)
                break
        else:
            groups.append([doc])
    out: dict[str, Document] = {}
    joins: dict[str, tuple[str, ...]] = {}
    for group in groups:
        whole = _joined(group) if len(group) > 1 else None
        if whole is None:
            out.update((d.key, d) for d in group)
            continue
        joins[whole.key] = tuple(d.key for d in group)
        if whole.key in split:
            out.update((d.key, d) for d in group)
        else:
            out[whole.key] = whole
    st.session_state[_JOINS] = joins
    return out


def _toggle_join(whole: str) -> None:
    split: set[str] = st.session_state.setdefault(_SPLIT, set())
    if st.session_state.get(f"session_join_{whole}"):
        split.discard(whole)
    else:
        split.add(whole)


def _join_control(documents: dict[str, Document]) -> None:
    """For the document on screen when it is (or was) one disclosure in several files:
    its parts, and the switch that splits them again (or joins them back)."""
    joins: dict[str, tuple[str, ...]] = st.session_state.get(_JOINS) or {}
    current = st.session_state.get(_SELECTED)
    whole = next((w for w, members in joins.items() if current == w or current in members), None)
    if whole is None:
        return
    split = whole in st.session_state.get(_SPLIT, set())
    files: dict[str, Document] = st.session_state.get(_FILES) or {}
    names = [md(files[k].name) for k in joins[whole] if k in files]
    st.caption(
        t("这些文件同一单位、同一年度，是一份公开文件的几个部分：{names}", names="、".join(names))
        if split
        else t("当前文档由 {count} 个文件合并而成：{names}", count=len(names), names="、".join(names))
    )
    st.session_state[f"session_join_{whole}"] = not split
    st.toggle(t("合并为一份文档"), key=f"session_join_{whole}", on_change=_toggle_join, args=(whole,))


def _try_parse(doc: Document) -> tuple[str, str] | None:
    """Parse once; return the reason in Chinese and English, or None when it parsed."""
    try:
        _parsed(doc)
    except Refused as refused:
        return refused.message, refused.english
    return None


def _collect(files: list) -> tuple[dict[str, Document], dict[str, tuple[str, str, str]]]:
    """The uploaded files that parse (by sha256, upload order) and those that do not:
    {sha256: (file name, Chinese message, English message)}."""
    documents: dict[str, Document] = {}
    errors: dict[str, tuple[str, str, str]] = {}
    # Failures are not cached; remember them for this session so a broken file is not
    # parsed again on every rerun.
    known_errors: dict[str, tuple[str, str, str]] = st.session_state.get(_ERRORS) or {}
    for file in files:
        data = file.getvalue()
        key = hashlib.sha256(data).hexdigest()
        doc = Document(key, file.name, data)
        if key in known_errors:
            errors[key] = (file.name, *known_errors[key][1:])
            continue
        failure = _try_parse(doc)
        if failure is None:
            documents.setdefault(key, doc)
        else:
            errors[key] = (file.name, *failure)
    return documents, errors


def _uploader() -> None:
    st.file_uploader(
        t("上传预算公开文档（可多选）"),
        # No type filter: the loaders recognise the format from the content, and a file
        # they cannot read gets a Chinese message in the page instead of the browser's
        # English "files are not allowed".
        type=None,
        accept_multiple_files=True,
        key=_UPLOADER,
        help=t(
            "支持 Word（.docx/.doc/.wps）、文本（.txt）、PDF、Excel（.xlsx/.xls），单个文件不超过 {limit} MB。",
            limit=UPLOAD_LIMIT_MB,
        ),
    )
    st.caption(t("文档只保存在本次会话的内存中，不写入磁盘、不与他人共享；刷新或关闭页面后需要重新上传。"))


def prefix(key: str) -> str:
    """How a link names a document: the first characters of its sha256 ("sample" for the sample)."""
    return key if key == SAMPLE_KEY else key[:PREFIX]


def _select_from_link(documents: dict[str, Document]) -> str | None:
    """Follow the link's ``?doc=``: select the document it names; return the prefix when
    this session never held it (the page must then say so instead of showing figures)."""
    wanted = st.query_params.get(DOC)
    seen: set[str] = st.session_state.setdefault(_SEEN, set())
    seen.update(documents)
    if not wanted or wanted == SAMPLE_KEY:
        return None
    match = next((k for k in documents if k.startswith(wanted)), None)
    if match is not None:
        st.session_state[_SELECTED] = match
        return None
    # A document this session held and the user removed: follow the selection instead.
    return None if any(k.startswith(wanted) for k in seen) else wanted


# Query parameters bound to widgets (the widgets keep them in the link themselves).
BOUND = ("lang", "unit", "measure", "sector")


def unbound_query_params() -> dict[str, list[str]]:
    """The link's own parameters (``doc`` …) without those bound to widgets, for
    st.switch_page, which may neither clear nor set a bound one."""
    return {key: st.query_params.get_all(key) for key in st.query_params if key not in BOUND}


def _on_select() -> None:
    st.query_params[DOC] = prefix(st.session_state[_SELECTED])


def _forget_link() -> None:
    st.query_params.pop(DOC, None)


def _errors(errors: dict[str, tuple[str, str, str]]) -> None:
    """One message per file that could not be read, in the main area."""
    english = lang() == "en"
    for name, message, message_en in errors.values():
        reason = message_en if english and message_en else message
        st.error(t("无法读取《{name}》：{reason}", name=md(name), reason=md(reason)), icon=":material/error:")


def _missing(wanted: str, errors: dict[str, tuple[str, str, str]]) -> None:
    """The link names a document this session does not hold: say so, offer the upload."""
    st.title(t("此链接指向的文档尚未加载"))
    st.warning(
        t(
            "链接中的文档（编号 {prefix}）不在本次会话中。上传的文档只保存在上传者自己的会话里，"
            "链接只记下它的编号，不包含文档本身，所以这里不显示任何数字。"
            "请上传同一份文件（编号相同即为同一文件），页面随即显示链接所指的内容。",
            prefix=wanted,
        ),
        icon=":material/link_off:",
    )
    asked = check_settings.describe(check_settings.current())
    if asked:
        st.info(
            t("链接还带有检查设置（{settings}）：上传同一文件后，检查结果按这些设置显示。", settings=asked),
            icon=":material/tune:",
        )
    _errors(errors)
    _uploader()
    st.button(t("不打开此链接的文档，查看示例或已上传的文档"), on_click=_forget_link)


def sidebar() -> bool:
    """Uploader, errors and the document selector; call once per run from app.py.

    Returns False when the link names a document this session does not hold: the notice
    and the uploader are then in the main area, and the page must not run.
    """
    uploaded = st.session_state.get(_UPLOADER) or []
    files, errors = _collect(list(uploaded))
    documents = _grouped(files, st.session_state.get(_SPLIT, set()))
    # Published documents opened from the corpus page come after the uploads.
    for key, doc in (st.session_state.get(_PUBLISHED) or {}).items():
        documents.setdefault(key, doc)
    st.session_state[_FILES] = files
    st.session_state[_DOCUMENTS] = documents
    st.session_state[_ERRORS] = errors

    wanted = _select_from_link(documents)
    if wanted is not None:
        _missing(wanted, errors)
        return False

    with st.sidebar:
        st.subheader(t("文档"))
        _uploader()
        keys = list(documents)
        if not keys:
            st.session_state.pop(_SELECTED, None)
        else:
            if st.session_state.get(_SELECTED) not in keys:
                st.session_state[_SELECTED] = keys[0]
            if len(keys) > 1:
                st.selectbox(
                    t("当前查看的文档"),
                    keys,
                    format_func=lambda k: documents[k].label,
                    key=_SELECTED,
                    on_change=_on_select,
                )
            _join_control(documents)
    _errors(errors)
    st.query_params[DOC] = prefix(current_document().key)
    return True


def holds(prefix: str) -> bool:
    """Whether this session holds a document (upload, joined or published) the prefix names."""
    known = {**(st.session_state.get(_DOCUMENTS) or {}), **(st.session_state.get(_PUBLISHED) or {})}
    return any(key.startswith(prefix) for key in known)


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
    st.query_params[DOC] = prefix(key)  # the link names it too (else the old ?doc= wins)


def _leave_legacy_pages_mode() -> None:
    """Run the page inside app.py's navigation, even on a shared link.

    Streamlit takes an app with a ``pages/`` folder for an old-style multipage app until
    app.py's st.navigation has run once in the server process. A link to a page that
    reaches a fresh server before anyone opened the home page would run the page file
    alone: no sidebar, no uploader, file names as navigation. Switch to st.navigation
    and run again (the same page, now through app.py).

    The run is asked, not the process-wide switch: a second reader arriving while the
    first one's run is still importing starts old-style, and the first run turns the
    switch off before this page reaches here (seen: two tabs opened at once on a fresh
    server, the second without sidebar or uploader).
    """
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    if ctx is None:
        return
    # Old-style, Streamlit lists app.py itself as the home page; app.py's own
    # navigation lists only the page files (its home is a function).
    main = Path(ctx.pages_manager.main_script_path).resolve()
    scripts = (page.get("script_path") for page in ctx.pages_manager.get_pages().values())
    if any(script and Path(script).resolve() == main for script in scripts):
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
    """The selected document read and checked with this session's check settings (the
    sample when none is uploaded).

    Shows an error and stops the page if the document cannot be read, never a traceback.
    """
    doc = current_document()
    try:
        return _parsed(doc)
    except Refused as refused:
        reason = refused.english if lang() == "en" and refused.english else refused.message
        st.error(t("无法读取《{name}》：{reason}", name=md(doc.name), reason=md(reason)))
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
    return [(doc.name, disclosure_of(doc)) for doc in documents.values()]


def draft_disclosures() -> list[tuple[str, Disclosure]]:
    """The uploaded documents that parsed (drafts), without those opened from the corpus."""
    _leave_legacy_pages_mode()
    documents: dict[str, Document] = st.session_state.get(_DOCUMENTS) or {}
    return [(doc.name, disclosure_of(doc)) for doc in documents.values() if not doc.published]


def is_sample() -> bool:
    return current_document().sample
