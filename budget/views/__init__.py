"""What each page shows, as plain data: one module of frames per page.

A Disclosure (or a check report) in; pandas DataFrames and small dataclasses out. Pure
Python, no Streamlit. Amount columns hold ``Money`` (exact ``Decimal``); every text a
chart or table shows is formatted here from the Decimal, so plotly only ever receives
floats as geometry (sector sizes, bar lengths), never as the figures people read.
"""
