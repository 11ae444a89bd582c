"""基本与项目: the treemap of basic expenditure says where its 人员经费 / 公用经费 come from."""

from __future__ import annotations

import re

import pytest

from tests.pages.conftest import ROOT, new_app, open_page, shown, upload

CORPUS = ROOT.parent / "shared" / "corpus"
DERIVED = "按科目编码推算"


def corpus_file(name: str) -> tuple[str, bytes]:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"corpus file {name} not available")
    return name, path.read_bytes()


def tiles(at) -> list[str]:
    """The 科目 column of the tile listing next to the treemap."""
    (frame,) = [df.value for df in at.dataframe if "科目" in df.value.columns or "Item" in df.value.columns]
    return [shown(str(name)).strip("\u3000 ") for name in frame.iloc[:, 0]]


def test_a_split_derived_from_the_codes_is_said_to_be_derived():
    """深圳's economic table prints 支出总计 | 基本支出 | 项目支出, no 人员 / 公用 columns."""
    at = open_page(upload(new_app(), corpus_file("shenzhen_01.pdf")), "basic_project")
    (notice,) = [i.value for i in at.info if DERIVED in i.value]
    assert "301 工资福利支出" in notice and "303 对个人和家庭的补助" in notice and "不是文档印出的数字" in notice
    names = tiles(at)
    assert names[0] == "人员经费（按科目推算）" and "公用经费（按科目推算）" in names
    assert "301 工资福利支出" in names and "312 对企业补助" not in names  # 312: project spending only
    assert any("一般公共预算支出表（按经济分类）" in c.value for c in at.caption)  # its source, not "基本支出表"
    at.segmented_control(key="lang").set_value("English").run()
    assert any("derived from the codes, not printed" in i.value for i in at.info)
    assert tiles(at)[0] == "Personnel costs (derived from the codes)"


def test_a_printed_split_is_not_called_derived():
    at = open_page(new_app(), "basic_project")  # the sample prints 人员经费 | 公用经费
    assert not [i for i in at.info if DERIVED in i.value]
    assert tiles(at)[0] == "人员经费"


def test_the_overview_card_says_the_split_is_derived():
    at = upload(new_app(), corpus_file("shenzhen_01.pdf"))
    cards = {m.label: m.value for m in at.metric}
    assert cards["人员经费（万元）"] == "9,161.46" and cards["公用经费（万元）"] == "2,665.51"
    assert any(c.value.startswith("按科目编码推算，文档未印出") for c in at.caption)
    # every card has its figure: 政府采购, printed in no table, is the text's (人员经费 and
    # 公用经费 were not found either before they were derived)
    assert "文档中没有找到这个数字。" not in [c.value for c in at.caption]
    assert any(c.value.startswith("来源：正文") for c in at.caption)
    seed = new_app()  # the sample prints its split: no such note
    assert not any("按科目编码推算" in c.value for c in seed.caption)


def test_a_final_account_card_read_from_its_total_row_is_not_called_summed():
    """wuhan_02 (决算) prints both parts on its total row: printed figures, each with its share
    (the summed case is built in tests/budget/views/test_basic_project.py)."""
    at = upload(new_app(), corpus_file("wuhan_02.pdf"))
    cards = {m.label: m.value for m in at.metric}
    assert cards["人员经费（万元）"] == "7,967.72" and cards["公用经费（万元）"] == "2,266.65"
    captions = [c.value for c in at.caption]
    assert not any(c.startswith("表中各类相加") for c in captions)
    # shares of the 一般公共预算 basic spending they are read from (10,234.37), named so beside
    # the 基本支出 card's 11,073.11
    assert sum(c.startswith("占一般公共预算基本支出") for c in captions) == 2


def test_a_source_keeps_its_page_link_on_one_line():
    """ "来源：支出总表 · 第 150 页 ↗": no-break spaces, so at 390 px "第" does not end a line."""
    from tests.pages.conftest import fixture_bytes

    at = upload(new_app(), ("seed.pdf", fixture_bytes("seed.pdf")))
    sources = [c.value for c in at.caption if c.value.startswith("来源：")]
    assert len(sources) >= 6 and all(re.search(r"\[第\u00a0\d+\u00a0页\u00a0↗\]\(", s) for s in sources), sources


def test_a_bar_never_covers_the_names_of_the_row_below():
    """guangzhou_04 (and huzhou_04) at 1440 and 390 px: each bar was drawn over the next
    row's name (住房保障支出 under the bar above): the plot area gave a row 73 px where the
    labels were placed for 78. Between a bar's label (its bottom 3 px above the bar) and the
    bottom edge of the bar above there must be room for the label's two lines of 14 px text."""
    from tests.pages.conftest import plotly_specs

    at = open_page(upload(new_app(), corpus_file("guangzhou_04.pdf")), "basic_project")
    (spec,) = [s for s in plotly_specs(at) if s["layout"].get("barmode") == "stack"]
    layout = spec["layout"]
    low, high = layout["yaxis"]["range"]
    row = (layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]) / (high - low)  # px per row
    bar = spec["data"][0]["width"] * row
    shifts = {a["yshift"] for a in layout["annotations"]}
    assert len(layout["annotations"]) == 6 and len(shifts) == 1  # six 类, one label each
    assert row - bar / 2 - shifts.pop() >= 42
