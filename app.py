"""预算透视 BudgetLens: upload a budget disclosure and explore it."""

from __future__ import annotations

import os

import streamlit as st

from components import session

st.set_page_config(page_title="预算透视", page_icon="📊", layout="wide")

HERE = os.path.dirname(os.path.abspath(__file__))

pages = [
    st.Page("pages/overview.py", title="总览", icon=":material/dashboard:", url_path="overview", default=True),
    st.Page("pages/functional.py", title="支出结构", icon=":material/donut_large:", url_path="functional"),
    st.Page(
        "pages/basic_project.py", title="基本与项目", icon=":material/stacked_bar_chart:", url_path="basic_project"
    ),
    st.Page("pages/three_public.py", title="三公经费", icon=":material/directions_car:", url_path="three_public"),
    st.Page("pages/performance.py", title="绩效目标", icon=":material/checklist:", url_path="performance"),
    st.Page("pages/tables.py", title="原始表格", icon=":material/table:", url_path="tables"),
    st.Page("pages/compare.py", title="对比", icon=":material/compare_arrows:", url_path="compare"),
    st.Page("pages/corpus.py", title="语料库", icon=":material/travel_explore:", url_path="corpus"),
]
# The pre-publication check page is written separately; register it once it exists.
if os.path.exists(os.path.join(HERE, "pages", "check.py")):
    pages.append(st.Page("pages/check.py", title="发布前检查", icon=":material/fact_check:", url_path="check"))

page = st.navigation(pages)
st.sidebar.caption("**预算透视** · 预算公开文档的可视化与核对")
session.sidebar()
page.run()
