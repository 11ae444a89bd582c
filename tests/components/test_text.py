"""The one escaping of document text: whatever a document holds, it shows as typed."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from components.text import md, plot

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[link](javascript:alert(1))",
    "**bold**",
    "$x^2$",
    "`code`",
    ":red[红色] :material/warning: :smile:",
    "# 标题",
    "1. 第一",
    "- 列表",
    "> 引用",
    "| a | b |",
    "~~删除~~",
    "www.example.com",
    "&lt;b&gt;",
    "===",
]
MARKUP = set("\\`*_{}[]()<>#+-.!|~:$=&^")


def _unescaped(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


@given(st.text(alphabet=st.sampled_from(sorted(MARKUP) + list("ab 中文\n")), max_size=60))
def test_every_markup_character_is_escaped_and_nothing_else_changes(text):
    escaped = md(text)
    # every markup character is preceded by a backslash (escapes pair up left to right)
    for match in re.finditer(r"\\.|.", escaped, flags=re.S):
        piece = match.group(0)
        assert len(piece) == 2 or piece not in MARKUP, (text, escaped)
    lines = [line.strip() for line in text.split("\n")]
    assert _unescaped(escaped).split("  \n") == lines


def test_payloads_are_inert():
    for payload in PAYLOADS:
        escaped = md(payload)
        assert _unescaped(escaped) == payload
        assert "<" not in escaped.replace("\\<", "") and "[" not in escaped.replace("\\[", "")


def test_line_breaks_stay_line_breaks():
    assert md("第一行\n第二行") == "第一行  \n第二行"
    assert md(None) == ""


def test_plotly_text_shows_tags_as_typed():
    assert plot("<b>粗体</b> & <a href='x'>") == "&lt;b&gt;粗体&lt;/b&gt; &amp; &lt;a href='x'&gt;"
    assert plot(None) == ""
