"""Document text inside Streamlit markdown: escaped, so it shows literally."""

from __future__ import annotations

import re


def md(text: str | None) -> str:
    """Escape markdown syntax so document text can not format, link or inject."""
    return re.sub(r"([\\`*_{}\[\]()<>#+\-.!|~:$])", r"\\\1", text or "")
