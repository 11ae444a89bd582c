"""三公经费: the three items from the table, next to what the narrative says."""

import pandas as pd
import streamlit as st

from budget.model import TableKind
from budget.views import three_public as view
from budget.views.display import figure
from budget.views.glossary import definition
from components import page, session, source, tables
from components.i18n import lang, t, units
from components.text import md

ctx = page.header(
    "三公经费",
    "因公出国（境）费、公务用车购置及运行费、公务接待费，以及机关运行经费：表中的数字与情况说明中引用的数字并列对照。",
)
d = ctx.disclosure


def shown(comparison: view.TextAgainstTable):
    """The comparison with its figures in the page's display unit (the unit in the headers)."""
    frame = comparison.frame
    table, quoted = f"表内金额（{ctx.unit}）", f"说明中金额（{ctx.unit}）"
    return pd.DataFrame(
        {
            "项目": frame["项目"],
            table: [figure(m, ctx.unit, with_unit=False) for m in frame["table"]],
            quoted: [figure(m, ctx.unit, with_unit=False) for m in frame["quoted"]],
            "核对": frame["核对"],  # the 发布前检查's verdict on the figure
            "检查说明": frame["检查说明"],
        }
    )


st.subheader(t("“三公”经费"), help=definition("三公经费", lang()))
if d.three_public is None:
    st.info(t("未识别到“三公”经费支出表。"))
three = view.three_public_comparison(d, session.current_report(), lang())
tables.small_table(shown(three), words=("项目",))
source.caption(ctx.document, d, TableKind.THREE_PUBLIC)
if three.sentence:
    st.caption(t("情况说明原文"))
    st.text(three.sentence)
for q in three.extra:
    st.caption(
        t("说明中另列：{label} {amount}（表中无对应项）", label=md(q.label), amount=units(figure(q.amount, ctx.unit)))
    )

st.subheader(t("机关运行经费"), help=definition("机关运行经费", lang()))
running = view.running_costs_comparison(d, session.current_report(), lang())
tables.small_table(shown(running), words=("项目",))
source.caption(ctx.document, d, TableKind.BASIC_ECONOMIC)
if running.sentence:
    st.caption(t("情况说明原文"))
    st.text(running.sentence)
else:
    st.info(t("情况说明中未找到机关运行经费的金额。"))
