"""The language of the interface: the 中文 / English switch and ``t()``.

Every label, message and export header goes through ``t``; document content (names,
cells, sentences, file names) never does: it stays as printed. The words themselves are
in ``budget.views.labels`` so the exports, which have no Streamlit, translate alike. The
check's findings are rendered in English from their own fields (``message``, after
``budget.views.messages``), not looked up by their Chinese.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from budget.checks.core import Finding
from budget.views import messages
from budget.views.labels import LANGUAGES, header, translate

LANG = "lang"  # widget key, and the query parameter that carries it in a shared link
# The switch shows each language in itself; a bound widget writes the shown name into the
# link, so a link reads ?lang=English.
NAMES = {"中文": "zh", "English": "en"}


def lang() -> str:
    """The language of this run: the switch, else the link's ``?lang=``, else Chinese."""
    value = st.session_state.get(LANG) or st.query_params.get(LANG)
    code = NAMES.get(value, value)
    return code if code in LANGUAGES else "zh"


def t(text: str, **fields: object) -> str:
    """``text`` (a Chinese label or template) in the current language, fields filled in."""
    out = translate(text, lang())
    return out.format(**fields) if fields else out


def th(text: str) -> str:
    """A table column header in the current language ("项目" is "Item" there, not "Project")."""
    return header(text, lang())


def units(text: str) -> str:
    """Our formatted figures ("1,065.08 万元") with the unit word in the interface language.
    Only for the labels we format, never for document text."""
    return messages.units(text, lang())


def message(finding: Finding) -> str:
    """A finding's message in the interface language (the check's Chinese, or its English)."""
    return messages.message(finding, lang())


def words() -> Callable[[str], str]:
    """``t`` with the language of this run fixed, for a widget's ``format_func``: Streamlit
    may call it outside the run (the test harness does), where the session is not at hand."""
    current = lang()
    return lambda text: translate(text, current)


def switch() -> str:
    """The language switch, in the sidebar; call once per run before st.navigation."""
    with st.sidebar:
        chosen = st.segmented_control(
            "语言 · Language",
            list(NAMES),
            default="中文",
            required=True,
            key=LANG,
            bind="query-params",
        )
    return NAMES.get(chosen or "", "zh")
