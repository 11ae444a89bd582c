"""Page-wide CSS: a few rules for phones and for reviewed findings (our own constant text).

Streamlit stacks every column below 640 px, so eight headline cards become eight
screens of scrolling on a phone; here they stay two to a row with a smaller figure.
Containers are addressed by their ``key`` (Streamlit gives each a ``st-key-…`` class).
"""

from __future__ import annotations

import streamlit as st

HEADLINES = "cards_headline"  # container key of the overview's cards
CARDS = "cards_"  # key prefix of a container of cards that stay two to a row on a phone
DONE = "findings_done_"  # container key prefix of a reviewed finding
# Key prefix of the check's filter pills: Streamlit lays pills in one row that scrolls
# sideways without a scrollbar, so at 390 px 完整性 was cut in half and the categories after
# it hidden; they wrap instead.
FILTERS = "findings_filter_"
WIDE, NARROW = "tables_wide_", "tables_narrow_"  # a grid and its phone table (components.tables)

CSS = f"""
<style>
[class*="st-key-{DONE}"] {{ background: #F4F6F8; opacity: 0.72; }}
[class*="st-key-{DONE}"] [data-testid="stTable"] {{ filter: grayscale(0.6); }}
/* A card's label wraps between words, not inside one: at 390 px "“三公”经费（万元）" broke as
   "（万 / 元）". keep-all breaks Chinese only at punctuation; anywhere is the fallback for a
   word wider than the card. */
[class*="st-key-{CARDS}"] [data-testid="stMetricLabel"] p {{
  white-space: normal; word-break: keep-all; overflow-wrap: anywhere;
}}
[class*="st-key-{FILTERS}"] [data-testid="stButtonGroup"] > div {{ flex-wrap: wrap; overflow-x: visible; }}
/* A grid and its phone table (components.tables.money_table): one of them by the width. */
@media (min-width: 641px) {{ [class*="st-key-{NARROW}"] {{ display: none; }} }}
@media (max-width: 640px) {{
  [class*="st-key-{WIDE}"] {{ display: none; }}
  [class*="st-key-{CARDS}"] [data-testid="stHorizontalBlock"] {{ flex-direction: row; flex-wrap: wrap; gap: 0.5rem; }}
  [class*="st-key-{CARDS}"] [data-testid="stColumn"] {{
    flex: 1 1 calc(50% - 0.5rem) !important; min-width: calc(50% - 0.5rem) !important; width: auto !important;
  }}
  [class*="st-key-{CARDS}"] [data-testid="stMetricValue"] {{ font-size: 1.35rem; }}
}}
</style>
"""


def page_style() -> None:
    st.html(CSS)
