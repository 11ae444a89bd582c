"""名词解释: plain definitions of the budget words the pages use (also shown on hover)."""

import streamlit as st

from budget.views.glossary import TERMS
from components.i18n import lang, t

st.title(t("名词解释"))
st.caption(t("预算公开文档里常见的名词，用平实的话解释；各页面上把鼠标移到 ⓘ 标记上也能看到。"))

english = lang() == "en"
for entry in TERMS:
    with st.container(border=True):
        if english:
            st.markdown(f"**{entry.english}** · {entry.term}")
            st.markdown(entry.en)
        else:
            st.markdown(f"**{entry.term}** · {entry.english}")
            st.markdown(entry.zh)
