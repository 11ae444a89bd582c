"""预算透视 BudgetLens: upload a budget disclosure and explore it."""

from __future__ import annotations

import runpy
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from components import check_settings, corpus, localise, session, style, tables
from components.i18n import switch, t

st.set_page_config(page_title="预算透视 BudgetLens", page_icon="📊", layout="wide")

# (script, Chinese title, icon, url path), in menu order. A page is one line here; the
# page tests take their list from PAGES.
PAGES: list[tuple[str, str, str, str]] = [
    ("pages/overview.py", "总览", ":material/dashboard:", "overview"),
    ("pages/functional.py", "支出结构", ":material/donut_large:", "functional"),
    ("pages/basic_project.py", "基本与项目", ":material/stacked_bar_chart:", "basic_project"),
    ("pages/three_public.py", "三公经费", ":material/directions_car:", "three_public"),
    ("pages/performance.py", "绩效目标", ":material/checklist:", "performance"),
    ("pages/tables.py", "原始表格", ":material/table:", "tables"),
    ("pages/compare.py", "对比", ":material/compare_arrows:", "compare"),
    ("pages/corpus.py", "语料库", ":material/travel_explore:", "corpus"),
    ("pages/check.py", "发布前检查", ":material/fact_check:", "check"),
    ("pages/glossary.py", "名词解释", ":material/menu_book:", "glossary"),
]

switch()  # the language first: every title below is in it
pages = [st.Page(script, title=t(title), icon=icon, url_path=path) for script, title, icon, path in PAGES]


def _not_found() -> bool:
    """This run answers an address that is no page of ours (Streamlit falls back to _home)."""
    ctx = get_script_run_ctx()
    wanted = ctx.pages_manager.intended_page_name if ctx is not None else None
    return bool(wanted) and wanted not in {path for *_, path in PAGES} | {"home"}


def _home() -> None:
    if _not_found():
        # Streamlit has queued its "page not found" notice in this run; a switch_page now
        # starts another run, and a run's start drops the messages not yet sent: on a busy
        # machine the notice never reached the browser (test_streamlit_speaks_chinese… failed
        # in full runs). 总览 is drawn here instead, in this same run.
        runpy.run_path(str(Path(__file__).parent / PAGES[0][0]), run_name="__main__")
        return
    # The app root opens 总览 at its own path, so /overview is a real address (a default
    # page would be served at / only, and /overview would be "page not found"). The
    # link's own parameters go along; a plain switch_page would clear them all, which
    # Streamlit refuses for those bound to widgets (?lang=English: the widget keeps it).
    st.switch_page(pages[0], query_params=session.unbound_query_params())


page = st.navigation([st.Page(_home, title=t("总览"), url_path="home", default=True, visibility="hidden"), *pages])
st.sidebar.caption(t("**预算透视** · 预算公开文档的可视化与核对"))
localise.chrome()
style.page_style()
tables.start_run()  # the grids' phone tables are numbered from 0 each run
check_settings.follow_link()  # a shared link's check settings, before anything is checked
corpus.open_linked()  # a shared link to a published document opens it from the corpus
if session.sidebar():
    page.run()
