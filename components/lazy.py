"""An expander whose content is drawn only while it is open.

A closed ``st.expander`` still holds its whole content in the page (the sample's 发布前检查
was 6,782 DOM nodes with its parts closed, 绩效目标 3,950 with its projects closed). With
``on_change`` the expander tracks its state, and a closed one is left empty; opening it
reruns the page (or the fragment it is in).

Streamlit names such an expander by its label as well as its key, and our labels carry
counts (已核对 2, 待处理 3): a tick or a review changes the label, and the expander came
back closed. Which ones the reader opened is kept here instead, in
``st.session_state["lazy_open"]`` (key -> open), and given as each run's ``expanded``.
"""

from __future__ import annotations

import streamlit as st

OPEN = "lazy_open"


def _remember(key: str) -> None:
    st.session_state.setdefault(OPEN, {})[key] = bool(st.session_state.get(key))


def expander(label: str, key: str, expanded: bool = False, icon: str | None = None):
    """The expander as a container while it is open, None while it is closed (draw
    nothing then). ``expanded``: open until the reader closes it."""
    key = key.replace(":", "_")
    opened = st.session_state.get(OPEN, {}).get(key, expanded)
    box = st.expander(label, expanded=opened, icon=icon, key=key, on_change=_remember, args=(key,))
    return box if box.open else None
