"""A grid of names and its phone table: at 390 px st.dataframe cut the 科目 names."""

from __future__ import annotations

import re

import pytest


def _keyed(node, key_prefix: str, found=None, inside: bool = False):
    """Elements (table / dataframe) inside containers whose key starts with ``key_prefix``."""
    from streamlit.testing.v1.element_tree import Block

    found = [] if found is None else found
    if isinstance(node, Block):
        block_id = getattr(node.proto, "id", "") if node.proto is not None else ""
        here = inside or bool(re.search(f"-{key_prefix}\\d+$", block_id or ""))
        for child in node.children.values():
            _keyed(child, key_prefix, found, here)
    elif inside and node.type in ("table", "dataframe"):
        found.append(node)
    return found


@pytest.mark.parametrize("page", ["basic_project", "functional"])
def test_a_grid_of_names_has_a_phone_table_with_the_same_rows(page):
    """At 390 px a grid cut every long 科目 name ("30108 机关事业单…"): each grid of names is
    drawn twice, the grid for a desktop (tables_wide_N) and a static table that wraps for
    a phone (tables_narrow_N), same rows and figures; a level's indent becomes a margin."""
    import pyarrow as pa

    from tests.pages.conftest import new_app, open_page

    at = open_page(new_app(), page)
    grids, phones = _keyed(at.main, "tables_wide_"), _keyed(at.main, "tables_narrow_")
    assert grids and len(grids) == len(phones)
    assert all(g.type == "dataframe" for g in grids) and all(p.type == "table" for p in phones)
    margins = 0
    for grid, phone in zip(grids, phones, strict=True):
        expected = grid.value.astype(str)
        name = next(c for c in grid.value.columns if c in ("科目", "科目名称"))
        if "科目编码" in expected.columns:
            # the code joins its name on a phone (five columns left names a character a line)
            joined = [f"{c} {n.lstrip(chr(0x3000))}" for c, n in zip(expected["科目编码"], expected[name], strict=True)]
            expected = expected.drop(columns=["科目编码"]).assign(**{name: joined})
            assert len(phone.value.columns) == len(grid.value.columns) - 1
        # the same headers, free to wrap (their width goes to the names: test_browser's 390 px test)
        assert list(phone.value.columns) == list(expected.columns)
        assert phone.value.astype(str).values.tolist() == expected.values.tolist()
        cells = pa.ipc.open_stream(phone.proto.arrow_data.styler.display_values).read_all().to_pandas()
        indented = [i for i, v in enumerate(phone.value[name]) if str(v).startswith("\u3000")]
        assert all(cells[name][i] == str(phone.value[name][i]).lstrip("\u3000") for i in indented)
        if indented:
            margins += 1
            assert "padding-left: 1.5em" in phone.proto.arrow_data.styler.styles  # one 　 of indent
    assert margins == (1 if page == "basic_project" else 0)  # codes say 支出结构's levels
    # 支出结构: the 明细 beside the chart and the 表 tab's table are both grids of names
    assert len(grids) == (2 if page == "functional" else 1)


def test_a_comparison_stays_a_grid_with_its_labels_pinned():
    """对比 (two documents): a column per document, row labels pinned so they stay in view
    when the grid scrolls sideways on a phone; a static table would lose that, so no phone
    table there."""
    from tests.pages.conftest import fixture_bytes, new_app, open_page, upload

    at = open_page(
        upload(new_app(), ("seed.docx", fixture_bytes("seed.docx")), ("seed.pdf", fixture_bytes("seed.pdf"))),
        "compare",
    )
    assert len(at.dataframe) == 3 and not _keyed(at.main, "tables_narrow_") and not at.table
