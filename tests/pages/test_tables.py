"""原始表格: every table listed (recognised or not) with its downloads."""

from __future__ import annotations

import re

from tests.conftest import SAMPLE, read
from tests.pages.conftest import new_app, open_all, open_page


def test_every_table_is_listed_with_downloads():
    d = read(SAMPLE)  # the sample the app shows, parsed once per run
    at = open_page(new_app(), "tables")
    expanders = [e for e in at.expander if e.key and e.key.startswith("tables_table_")]
    assert len(expanders) == len(d.tables) == 25
    assert sum("（空表）" in e.label for e in expanders) == 2
    assert not at.dataframe  # closed, a table draws nothing
    open_all(at)
    assert len(at.dataframe) == 25
    keys = {b.key for b in at.download_button if b.key}
    assert {f"tables_csv_{i}" for i in range(25)} <= keys and {f"tables_xlsx_{i}" for i in range(25)} <= keys
    # the expenditure table as printed, 18 body rows
    expenditure = next(i for i, t in enumerate(d.tables) if t.kind == "expenditure")
    assert len(at.dataframe[expenditure].value) == 18


def test_amounts_are_right_aligned_with_separators_digits_as_printed():
    d = read(SAMPLE)  # the sample the app shows, parsed once per run
    at = open_all(open_page(new_app(), "tables"))
    expenditure = next(i for i, t in enumerate(d.tables) if t.kind == "expenditure")
    shown = at.dataframe[expenditure].value
    printed = d.tables[expenditure].rows
    assert "1452.21" in printed[0] and "1,452.21" in list(shown.iloc[0])
    assert list(shown.iloc[1])[0] == printed[1][0]  # codes untouched
    config = at.dataframe[expenditure].proto.columns
    assert "right" in config  # amount columns are right-aligned


def test_a_table_title_keeps_its_page_number_with_its_word():
    """At 390 px an expander's title wraps: "第 20 页" stays on one line (no-break spaces)."""
    from tests.pages.conftest import fixture_bytes, upload

    at = open_page(upload(new_app(), ("seed.pdf", fixture_bytes("seed.pdf"))), "tables")
    labels = [e.label for e in at.expander if e.key and e.key.startswith("tables_table_")]
    paged = [label for label in labels if "页" in label]
    assert paged and all(re.search(r"第\u00a0\d+\u00a0页$", label) for label in paged), paged


def test_a_table_titled_by_its_kind_is_not_named_twice():
    """xian_03's 会议费明细表 is titled by its kind's very name: listed once, not
    "会议费明细表 · 会议费明细表"; a title of its own keeps its kind beside it."""
    import pytest

    from tests.conftest import CORPUS
    from tests.pages.conftest import upload

    if not (CORPUS / "xian_03.pdf").exists():
        pytest.skip("../shared/corpus not available")
    at = open_page(upload(new_app(), ("xian_03.pdf", (CORPUS / "xian_03.pdf").read_bytes())), "tables")
    labels = [e.label for e in at.expander if e.key and e.key.startswith("tables_table_")]
    assert "会议费明细表　·　第\u00a017\u00a0页" in labels
    assert "部门综合预算收支总表　·　收支总表　·　第\u00a022\u00a0页" in labels
