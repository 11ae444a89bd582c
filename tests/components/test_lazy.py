"""components.lazy: a closed expander draws nothing; one the reader opened stays open when
its label changes (Streamlit names an expander by its label too: a tick's count in the
label had closed it)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _app() -> None:
    import streamlit as st

    from components import lazy

    count = st.session_state.setdefault("count", 0)
    st.button("+1", key="more", on_click=lambda: st.session_state.update(count=count + 1))
    for name in ("a", "b"):
        box = lazy.expander(f"{name}（{count} 处）", f"part_{name}")
        if box is not None:
            with box:
                st.markdown(f"content {name}")


def test_closed_draws_nothing_and_an_opened_one_stays_open_when_its_label_changes():
    at = AppTest.from_function(_app).run()
    assert [e.label for e in at.expander] == ["a（0 处）", "b（0 处）"]
    assert not at.markdown  # both closed: nothing drawn
    at.session_state["lazy_open"] = {"part_a": True}  # what the reader's click on a left behind
    at.run()
    assert [m.value for m in at.markdown] == ["content a"]
    at.button(key="more").click().run()  # the labels change
    assert [e.label for e in at.expander] == ["a（1 处）", "b（1 处）"]
    assert [m.value for m in at.markdown] == ["content a"]  # still open, the other still closed
