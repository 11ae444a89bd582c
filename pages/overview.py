"""总览: who, which year, the headline figures and where the money goes."""

import streamlit as st

from budget.views import overview as view
from budget.views.glossary import definition
from components import charts, headline, page, source
from components.i18n import lang, t

ctx = page.header("总览", "这份预算公开文档的基本信息、主要数字及其占比，以及支出按功能分类（类）的去向。")
d = ctx.disclosure
o = view.overview(d)
missing = view.missing_part(d)
if missing == "tables":
    st.info(
        t(
            "这份文件中没有预算表格，只有文字说明。有些地方把情况说明和预算报表分成两个文件发布："
            "如果还有报表文件，请在左侧一并上传（可多选），两部分会合为一份文档。"
        )
    )
elif missing == "standard":
    st.info(
        t(
            "这份文件中没有收支总表等标准预算表格，可能只是预算公开文件的一部分："
            "如果其余部分另行发布，请在左侧一并上传（可多选），各部分会合为一份文档。"
        )
    )
headline.headline_metrics(o, ctx)

st.subheader(t("钱花在哪里"), help=definition("功能分类", lang()))
st.caption(t("按功能分类“类”汇总的支出合计，及占支出总计的比例。"))
charts.class_bars(view.by_class(d, ctx.unit), ctx.unit)
source.functional_caption(ctx.document, d)

st.subheader(t("识别结果"))
with st.container(key="cards_recognised"):
    left, middle, right, last = st.columns(4)
    left.metric(t("识别的表格"), o.recognised_tables)
    middle.metric(t("未识别的表格"), o.unknown_tables)
    right.metric(t("空表"), o.empty_tables)
    last.metric(t("绩效项目 / 指标"), f"{o.projects} / {o.indicators}")
if d.notes:
    with st.expander(t("解析说明（{count} 条）", count=len(d.notes))):
        for note in d.notes:
            st.text(note)
