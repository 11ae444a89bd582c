"""A reviewer's checklist of one project's performance goals and indicators.

Ticks live in ``st.session_state["checklist_ticks"]`` ({document key: {(project,
indicator)}}), so they survive page switches and can be exported; each checkbox only
mirrors that set.
"""

from __future__ import annotations

import streamlit as st

from budget.model import Disclosure
from budget.views.display import DisplayUnit, figure
from budget.views.performance import ProjectView, procurement_frame, project_budget
from components.i18n import t, units
from components.tables import money_table
from components.text import md

TICKS = "checklist_ticks"
_SEVERITY_COLOUR = {"error": "red", "warning": "orange", "info": "gray"}
PLACEHOLDERS = ("（未填一级指标）", "（未填二级指标）")  # budget.views.performance's names for a blank level


def ticks(doc_key: str) -> set[tuple[int, int]]:
    store = st.session_state.setdefault(TICKS, {})
    return store.setdefault(doc_key, set())


def _toggle(doc_key: str, item: tuple[int, int], widget_key: str) -> None:
    chosen = ticks(doc_key)
    if st.session_state.get(widget_key):
        chosen.add(item)
    else:
        chosen.discard(item)


def flag_text(text: str) -> str:
    """A flag's words in the interface language (its number, if any, kept)."""
    return t(text)


def _level(name: str) -> str:
    """An indicator level as printed; our placeholder for a blank one is translated."""
    return t(name) if name in PLACEHOLDERS else md(name)


def indicator_checklist(d: Disclosure, view: ProjectView, doc_key: str, unit: DisplayUnit) -> tuple[int, int]:
    """Draw one project's checklist; return (ticked, total) indicators."""
    project = view.project
    chosen = ticks(doc_key)
    total = len(project.indicators)
    done = sum(1 for i in range(total) if (view.index, i) in chosen)
    st.progress(done / total if total else 0.0, text=t("已核对 {done} / {total} 项指标", done=done, total=total))

    if view.notes:
        st.warning("\n".join(f"- {md(note)}" for note in view.notes), icon="⚠️")

    st.markdown(f"**{t('绩效目标')}**")
    if project.goals:
        # Goals are usually numbered in the document already; one per line.
        st.markdown("  \n".join(md(goal) for goal in project.goals))
    else:
        st.caption(t("（未填写）"))

    budget = project_budget(d, view)
    if view.caps or view.procurement or budget is not None:
        st.markdown(f"**{t('成本与预算')}**")
        lines = [t("- 项目预算：{amount}", amount=units(figure(budget, unit)) if budget else t("绩效表未列示"))]
        lines += [
            t("- 成本上限（{indicator}）：{amount}", indicator=md(ind.level3), amount=units(figure(cap, unit)))
            for ind, cap in view.caps
        ]
        st.markdown("\n".join(lines))
        if view.procurement:
            st.caption(t("同名项目的政府采购预算"))
            money_table(procurement_frame(view.procurement, d.unit.money_unit, unit))

    for level1, level2_groups in view.groups:
        for level2, items in level2_groups:
            st.markdown(f"**{_level(level1)}** › {_level(level2)}")
            for index, ind, flags in items:
                key = f"checklist_{doc_key[:12]}_{view.index}_{index}"
                target = f"**{md(ind.target)}**" if ind.target else f":red[{t('（无指标值）')}]"
                left, right = st.columns([5, 7], vertical_alignment="top")
                with left:
                    st.checkbox(
                        f"{md(ind.level3) or t('（未填指标名称）')}　{target}",
                        value=(view.index, index) in chosen,
                        key=key,
                        on_change=_toggle,
                        args=(doc_key, (view.index, index), key),
                    )
                parts = [f":{_SEVERITY_COLOUR[f.severity]}-badge[{md(flag_text(f.text))}]" for f in flags]
                if ind.description:
                    parts.append(md(ind.description))
                if ind.basis:
                    parts.append(t("依据：{basis}", basis=md(ind.basis)))
                right.caption("　".join(parts) or "\u00a0")
    return done, total
