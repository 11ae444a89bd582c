"""Document text made inert wherever it is shown: it must print as typed, never format.

Every string that comes from a document (or a file name) and reaches Streamlit
markdown (st.markdown, st.caption, st.error/warning/info, widget and expander labels)
goes through ``md``; every such string that reaches a Plotly figure (labels, hover
text, legend names) goes through ``plot``. Dataframes and st.text/st.code show text
as it is and need neither.
"""

from __future__ import annotations

import re

# Every ASCII character Streamlit's markdown gives a meaning: CommonMark and GFM
# (emphasis, code, links, images, lists, headings, quotes, tables, strikethrough, HTML
# and entities &…;), LaTeX ($), and Streamlit's directives (:red[…], :material/…:,
# emoji shortcodes). Escaped with a backslash, each prints as itself.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$=&^\"'])")


def md(text: str | None) -> str:
    """``text`` for a markdown context: shows exactly as typed, line breaks kept."""
    escaped = _MARKDOWN.sub(r"\\\1", text or "")
    # A line break is a hard break (two spaces), so lines stay lines; leading spaces
    # would otherwise start an indented code block.
    return "  \n".join(line.strip() for line in escaped.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def plot(text: object) -> str:
    """``text`` for a Plotly label, hover text or legend: Plotly reads a subset of HTML
    (<b>, <i>, <a href>, <br>, entities) in them, so &, < and > are written as entities."""
    out = ("" if text is None else str(text)).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # Plotly typesets a label that starts (and ends) with $ as LaTeX: a zero-width space
    # in front keeps it text.
    return "\u200b" + out if out.startswith("$") else out


# Two Chinese characters side by side (ideographs, kana, hangul): a line may break between any two.
_CJK = "[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]"
_CJK_PAIR = re.compile(f"(?<={_CJK})(?={_CJK})")
WORD_JOINER = "\u2060"  # invisible; no line break on either side


def unbroken(label: str) -> str:
    """One of our short labels ("第 20 页", "6 项指标", "已核对 0", "⚠ 2") kept on one line: at
    390 px an expander's title wraps, and a plain space let "页" or a count start a line of its
    own; Chinese breaks between any two characters (wuhan_02's "已核 / 对 0"), so those are
    joined too."""
    return _CJK_PAIR.sub(WORD_JOINER, label.replace(" ", "\u00a0"))


def whole_words(text: str) -> str:
    """A Chinese word or phrase that wraps only where a space or a bracket allows: "表中未列示"
    broke a character or two a line in a narrow table column at 390 px."""
    return _CJK_PAIR.sub(WORD_JOINER, text)
