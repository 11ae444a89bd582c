"""三公经费: the three items from the table, next to what the narrative says."""

import streamlit as st

from budget.views import three_public as view
from components import session, tables
from components.text import md

d = session.current_disclosure()

st.title("三公经费")
st.caption(
    "因公出国（境）费、公务用车购置及运行费、公务接待费，以及机关运行经费：表中的数字与情况说明中引用的数字并列对照。"
)

COLUMNS = ["项目", "表内金额", "说明中金额", "核对"]

st.subheader("“三公”经费")
if d.three_public is None:
    st.info("未识别到“三公”经费支出表。")
three = view.three_public_comparison(d)
tables.money_table(three.frame[COLUMNS])
if three.sentence:
    st.caption("情况说明原文")
    st.text(three.sentence)
for q in three.extra:
    st.caption(f"说明中另列：{md(q.label)} {q.amount.format()}（表中无对应项）")

st.subheader("机关运行经费")
running = view.running_costs_comparison(d)
tables.money_table(running.frame[COLUMNS])
if running.sentence:
    st.caption("情况说明原文")
    st.text(running.sentence)
else:
    st.info("情况说明中未找到机关运行经费的金额。")
