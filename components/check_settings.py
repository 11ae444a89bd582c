"""The check's settings (budget.checks.Settings) as the user chose them, for this session.

The thresholds are the user's judgement call (a county may hold satisfaction targets to
80 %, a reviewer to 90 %), not document text, so they stay in ``st.session_state``
only: not in the link, never shared with another session. Every page that shows the
engine's findings reads the one check run with these settings (session.current_report),
so changing them here changes the findings everywhere.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import streamlit as st

from budget.checks import Settings
from components.i18n import t

# Session-state keys this component owns.
_VALUES = "check_settings_values"  # the Settings in force (kept while no page draws the control)
_SATISFACTION = "check_settings_satisfaction"  # widget: percent, 50–100
_SIMILARITY = "check_settings_similarity"  # widget: percent, 50–100
_MIN_LENGTH = "check_settings_min_length"  # widget: characters

DEFAULTS = Settings()


def current() -> Settings:
    """The settings the check runs with in this session (the defaults until changed)."""
    value = st.session_state.get(_VALUES)
    return value if isinstance(value, Settings) else DEFAULTS


def _store() -> None:
    """Copy the widgets into the session's Settings (a widget's own state is dropped on
    a page that does not draw it, so the Settings are kept under a key of their own)."""
    st.session_state[_VALUES] = replace(
        current(),
        satisfaction_threshold=Decimal(int(st.session_state[_SATISFACTION])),
        copy_similarity=int(st.session_state[_SIMILARITY]) / 100,
        copy_min_length=int(st.session_state[_MIN_LENGTH]),
    )


def _reset() -> None:
    st.session_state[_VALUES] = DEFAULTS


def control() -> Settings:
    """The 检查设置 expander; call before the page reads the report. Returns the settings."""
    settings = current()
    # The widgets show the session's Settings on every page: each page's widget is its
    # own (Streamlit drops a widget's state on a page that does not draw it), so it is
    # set from the Settings before it is drawn; a change reaches them through _store.
    st.session_state[_SATISFACTION] = int(settings.satisfaction_threshold)
    st.session_state[_SIMILARITY] = round(settings.copy_similarity * 100)
    st.session_state[_MIN_LENGTH] = settings.copy_min_length
    changed = settings != DEFAULTS
    label = t("检查设置（已调整）") if changed else t("检查设置")
    with st.expander(label, icon=":material/tune:"):
        st.caption(
            t(
                "所有页面显示的检查结果（发布前检查、三公经费、支出结构、基本与项目、绩效目标）都按此设置；"
                "设置只保存在本次会话中。"
            )
        )
        st.slider(
            t("满意度指标值不低于（%）"),
            min_value=50,
            max_value=100,
            step=1,
            key=_SATISFACTION,
            on_change=_store,
            help=t("满意度指标的目标值低于此数时提示。通常标准为 85%–90%。"),
        )
        st.slider(
            t("文字相似度达到（%）即视为照抄"),
            min_value=50,
            max_value=100,
            step=1,
            key=_SIMILARITY,
            on_change=_store,
            help=t("两段指标或目标文字的相似度达到此数时，提示为照抄。"),
        )
        st.number_input(
            t("参与比较的文字至少（字）"),
            min_value=1,
            max_value=200,
            step=1,
            key=_MIN_LENGTH,
            on_change=_store,
            help=t("更短的文字（如“群众满意度”）重复属于正常，不比较。"),
        )
        st.button(t("恢复默认设置"), on_click=_reset, disabled=not changed, key="check_settings_reset")
    return current()
