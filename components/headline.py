"""Headline figures of a disclosure as metric cards, all in the page's display unit."""

from __future__ import annotations

import streamlit as st

from budget.views.display import DisplayUnit, exact, figure, is_rounded
from budget.views.glossary import definition
from budget.views.overview import Overview
from components import source
from components.i18n import lang, t, units
from components.page import PageContext
from components.style import HEADLINES

# A card of a four-card row at 1440 px holds about this many characters of a figure at
# the metric's size; longer figures (元 documents shown in 元) get fewer cards per row.
_FITS = {4: 10, 3: 14, 2: 22}


def cards_per_row(texts: list[str], most: int = 4) -> int:
    longest = max((len(text) for text in texts), default=0)
    return next((n for n in sorted(_FITS, reverse=True) if n <= most and longest <= _FITS[n]), 1)


def balanced(count: int, per_row: int) -> int:
    """At most ``per_row`` cards a row, as many in every row: 8 cards three a row left an
    empty bordered card at 1440 px, and at 390 px Streamlit wraps three columns as two and
    one, so every third card stood alone across the screen. The largest divisor of
    ``count`` that fits (at least 2), else ``per_row``."""
    return next((n for n in range(per_row, 1, -1) if count % n == 0), per_row)


def headline_metrics(o: Overview, ctx: PageContext) -> None:
    """The headline figures, with their share, the exact printed figure and the definition
    on hover, and the table (and PDF page) each comes from."""
    unit: DisplayUnit = ctx.unit
    heads = list(o.headlines)
    texts = [figure(h.amount, unit, with_unit=False) for h in heads]
    per_row = balanced(len(heads), cards_per_row(texts))
    with st.container(key=HEADLINES):
        _cards(heads, texts, per_row, ctx)


def _cards(heads: list, texts: list[str], per_row: int, ctx: PageContext) -> None:
    unit = ctx.unit
    for start in range(0, len(heads), per_row):
        columns = st.columns(per_row, border=True)
        for column, head, text in zip(
            columns, heads[start : start + per_row], texts[start : start + per_row], strict=False
        ):
            with column:
                help_lines = []
                meaning = definition(head.label, lang())
                if meaning:
                    help_lines.append(meaning)
                if head.derived:
                    help_lines.append(
                        t(
                            "文档没有分列人员经费和公用经费：301 工资福利支出、303 对个人和家庭的补助计为人员经费，"
                            "其余各类计为公用经费，按基本支出各科目相加。"
                        )
                    )
                elif head.how == "stated" and head.amount is not None:
                    help_lines.append(
                        t("文档没有列出这一项的表格：数字取自正文的说明，{figure}。", figure=units(exact(head.amount)))
                    )
                elif head.how == "summed" and head.amount is not None:
                    help_lines.append(
                        t("表的合计行没有这一项：按表中各类相加，{figure}。", figure=units(exact(head.amount)))
                    )
                elif head.amount is not None:
                    help_lines.append(t("原文数字：{figure}", figure=units(exact(head.amount))))
                    if is_rounded(head.amount, unit):
                        help_lines.append(t("卡片上的数字已换算为{unit}并四舍五入到两位小数。", unit=t(str(unit))))
                st.metric(
                    t("{label}（{unit}）", label=t(head.label), unit=t(str(unit))),
                    text,
                    help="\n\n".join(help_lines) or None,
                )
                share = t("占{whole} {share}", whole=t(head.whole), share=head.share) if head.share else "\u00a0"
                st.caption(share)
                if head.amount is None:
                    st.caption(t("文档中没有找到这个数字。"))
                elif head.how == "stated":
                    st.caption(source.text_source(ctx.document, ctx.disclosure, head.page))
                elif head.how in ("derived", "summed"):
                    where = source.kind_source(ctx.document, ctx.disclosure, head.source)
                    how = t("按科目编码推算，文档未印出") if head.derived else t("表中各类相加")
                    st.caption(how + (f" · {where}" if where else ""))
                else:
                    st.caption(source.kind_source(ctx.document, ctx.disclosure, head.source) or "\u00a0")
