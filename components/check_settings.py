"""The check's settings (budget.checks.Settings) as the user chose them, for this session.

The thresholds are the user's judgement call (a county may hold satisfaction targets to
80 %, a reviewer to 90 %), not document text. Every page that shows the engine's findings
reads the one check run with these settings (session.current_report), so changing them
here changes the findings everywhere.

The link carries them (``?satisfaction=80&similarity=95&min_length=20``, only those
that differ from the defaults): a journalist who shares a finding found with a lenient
floor sends the floor with it, and the other end sees the same findings. A link opens a
session with its settings once (``follow_link``); from then on the session writes its
settings into the link on every run, so the address bar always says what the findings
follow. A value the link spells wrongly is not guessed: the defaults are kept for it and
the page says so.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import streamlit as st

from budget.checks import Settings
from components.i18n import t
from components.text import md

# Session-state keys this component owns.
_VALUES = "check_settings_values"  # the Settings in force (kept while no page draws the control)
_SATISFACTION = "check_settings_satisfaction"  # widget: percent, 50–100
_SIMILARITY = "check_settings_similarity"  # widget: percent, 50–100
_MIN_LENGTH = "check_settings_min_length"  # widget: characters
_LINKED = "check_settings_linked"  # (settings the link asked for or None, values it spelled wrongly)

# Query parameters of the settings in a link: (parameter, Settings field, lowest, highest),
# the same bounds as the widgets below (a link cannot ask for what the control cannot show).
PARAMETERS: tuple[tuple[str, str, int, int], ...] = (
    ("satisfaction", "satisfaction_threshold", 50, 100),
    ("similarity", "copy_similarity", 50, 100),
    ("min_length", "copy_min_length", 1, 200),
)

DEFAULTS = Settings()


def current() -> Settings:
    """The settings the check runs with in this session (the defaults until changed)."""
    value = st.session_state.get(_VALUES)
    return value if isinstance(value, Settings) else DEFAULTS


def _as_integer(settings: Settings, field: str) -> int:
    """A setting as the control and the link show it: a whole percent, or characters."""
    value = getattr(settings, field)
    return round(value * 100) if field == "copy_similarity" else int(value)


def _with(settings: Settings, field: str, number: int) -> Settings:
    if field == "satisfaction_threshold":
        return replace(settings, satisfaction_threshold=Decimal(number))
    if field == "copy_similarity":
        return replace(settings, copy_similarity=number / 100)
    return replace(settings, copy_min_length=number)


def from_link(params: dict[str, str]) -> tuple[Settings | None, tuple[tuple[str, str], ...]]:
    """The settings a link's query parameters ask for (None when it names none), and the
    (parameter, value) pairs that are not a whole number within the control's bounds."""
    settings = DEFAULTS
    wrong: list[tuple[str, str]] = []
    named = False
    for name, field, lowest, highest in PARAMETERS:
        raw = params.get(name)
        if raw is None:
            continue
        named = True
        text = raw.strip()
        if not text.isascii() or not text.isdigit() or not lowest <= int(text) <= highest:
            wrong.append((name, raw))
            continue
        settings = _with(settings, field, int(text))
    return (settings if named else None), tuple(wrong)


def link_parameters(settings: Settings) -> dict[str, str]:
    """The query parameters that carry ``settings`` (only those that differ from the defaults)."""
    return {
        name: str(_as_integer(settings, field))
        for name, field, _lowest, _highest in PARAMETERS
        if _as_integer(settings, field) != _as_integer(DEFAULTS, field)
    }


def follow_link() -> None:
    """Open the session with the link's settings (first run only), then write the
    session's settings into the link. Call from app.py before anything is parsed."""
    if _LINKED not in st.session_state:
        asked, wrong = from_link({name: st.query_params[name] for name, *_ in PARAMETERS if name in st.query_params})
        st.session_state[_LINKED] = (asked, wrong)
        if asked is not None:
            st.session_state[_VALUES] = asked
    wanted = link_parameters(current())
    for name, *_ in PARAMETERS:
        if name in wanted:
            if st.query_params.get(name) != wanted[name]:
                st.query_params[name] = wanted[name]
        elif name in st.query_params:
            del st.query_params[name]


def describe(settings: Settings) -> str:
    """The settings that differ from the defaults, in the interface language ("" for none)."""
    parts = []
    if settings.satisfaction_threshold != DEFAULTS.satisfaction_threshold:
        parts.append(t("满意度指标值不低于 {value}%", value=_as_integer(settings, "satisfaction_threshold")))
    if settings.copy_similarity != DEFAULTS.copy_similarity:
        parts.append(t("文字相似度达到 {value}% 即视为照抄", value=_as_integer(settings, "copy_similarity")))
    if settings.copy_min_length != DEFAULTS.copy_min_length:
        parts.append(t("至少 {value} 字的文字才参与比较", value=settings.copy_min_length))
    return t("、").join(parts)


def linked_notice() -> None:
    """On a page with findings: say that they follow settings other than the defaults
    (from the link or set here), and which link values were not understood."""
    asked, wrong = st.session_state.get(_LINKED) or (None, ())
    for name, value in wrong:
        st.warning(
            t(
                "链接中的检查设置 {name}={value} 无法识别（应为 {lowest}–{highest} 的整数），这一项按默认设置检查；"
                "发链接的人看到的检查结果可能与这里不同。",
                name=md(name),
                value=md(value),
                lowest=next(lo for n, _f, lo, _hi in PARAMETERS if n == name),
                highest=next(hi for n, _f, _lo, hi in PARAMETERS if n == name),
            ),
            icon=":material/link_off:",
        )
    settings = current()
    if settings == DEFAULTS:
        return
    if asked is not None and settings == asked:
        text = t("检查结果按链接带来的检查设置：{settings}（默认设置下的结果可能不同）。", settings=describe(settings))
    else:
        text = t("检查结果按调整过的检查设置：{settings}；页面链接已记下这些设置。", settings=describe(settings))
    st.caption(f":material/tune: {text}")


def _store() -> None:
    """Copy the widgets into the session's Settings (a widget's own state is dropped on
    a page that does not draw it, so the Settings are kept under a key of their own)."""
    st.session_state[_VALUES] = replace(
        current(),
        satisfaction_threshold=Decimal(int(st.session_state[_SATISFACTION])),
        copy_similarity=int(st.session_state[_SIMILARITY]) / 100,
        copy_min_length=int(st.session_state[_MIN_LENGTH]),
    )
    _settled()


def _reset() -> None:
    st.session_state[_VALUES] = DEFAULTS
    _settled()


def _settled() -> None:
    """The user chose settings here: the link's misspelt values no longer matter."""
    asked, _wrong = st.session_state.get(_LINKED) or (None, ())
    st.session_state[_LINKED] = (asked, ())


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
                "调整过的设置记在页面链接中，分享链接时一并带上。"
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
