"""总览: who, which year, the headline figures and where the money goes."""

import streamlit as st

from budget.views import overview as view
from components import charts, headline, session

d = session.current_disclosure()
o = view.overview(d)

st.title("总览")
st.caption("这份预算公开文档的基本信息、主要数字及其占比，以及支出按功能分类（类）的去向。")
headline.document_banner(o, session.is_sample(), d.source.name)
headline.headline_metrics(o)

st.subheader("钱花在哪里")
st.caption("按功能分类“类”汇总的支出合计，及占支出总计的比例。")
charts.class_bars(view.by_class(d))

st.subheader("识别结果")
left, middle, right, last = st.columns(4)
left.metric("识别的表格", o.recognised_tables)
middle.metric("未识别的表格", o.unknown_tables)
right.metric("空表", o.empty_tables)
last.metric("绩效项目 / 指标", f"{o.projects} / {o.indicators}")
if d.notes:
    with st.expander(f"解析说明（{len(d.notes)} 条）"):
        for note in d.notes:
            st.text(note)
