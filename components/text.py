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


def unbroken(label: str) -> str:
    """One of our short labels ("第 20 页", "6 项指标", "⚠ 2") kept on one line: at 390 px an
    expander's title wraps, and a plain space let "页" or a count start a line of its own."""
    return label.replace(" ", "\u00a0")
