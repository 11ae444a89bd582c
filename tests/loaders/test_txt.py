"""The text form: tab-led cells, blank-line row ends, cells running over lines."""

from __future__ import annotations

from decimal import Decimal

from budget.model import TableKind
from loaders import load
from loaders.blocks import Grid, Paragraph
from loaders.txt import read

TEXT = """单位预算支出总表
\t216001测试单位
\t预算年度：2023
\t单位：万元

\t序号
\t功能分类科目
\t合计
\t基本支出
\t项目支出

\t
\t科目编码
\t科目名称
\t
\t
\t

\t栏次
\t1
\t2
\t3
\t4
\t5

\t1
\t201
\t一般公共服务支出
\t1,065.08
\t
\t1065.08

注：示例。
一、单位职责
负责全区工作。
"""


def test_cells_rows_and_paragraphs():
    blocks = read(TEXT.encode("utf-8"))
    assert isinstance(blocks[0], Paragraph) and isinstance(blocks[1], Grid)
    grid = blocks[1]
    assert [len(r) for r in grid.rows] == [3, 5, 6, 6, 6]
    assert [c.text for c in grid.rows[-1]] == ["1", "201", "一般公共服务支出", "1,065.08", "", "1065.08"]


def test_model_from_text_with_gb18030_encoding():
    d = load(TEXT.encode("gb18030"), "t.txt")
    line = d.functional[0]
    assert (line.code, line.total.amount, line.basic, line.project.amount) == (
        "201",
        Decimal("1065.08"),
        None,
        Decimal("1065.08"),
    )
    assert d.table(TableKind.EXPENDITURE).note == "注：示例。"
    assert d.sections[-1].heading == "一、单位职责" and d.sections[-1].text == "负责全区工作。"


def test_cell_running_over_lines_and_split_rows():
    text = "绩效目标表\n\t一级指标\n\t二级指标\n\t指标值\n\n\t产出指标\n\t数量\n指标\n\n\t≥4次\n\n"
    grid = read(text.encode())[1]
    # The second row was split by a blank line inside a cell; it is joined back.
    assert [[c.text for c in r] for r in grid.rows] == [
        ["一级指标", "二级指标", "指标值"],
        ["产出指标", "数量\n指标", "≥4次"],
    ]


def test_utf16_text_with_bom_is_read(seed_txt):
    from tests.conftest import fixture_bytes

    text = fixture_bytes("seed.txt").decode("utf-8")
    for encoding in ("utf-16", "utf-16-be"):
        data = text.encode(encoding)
        if encoding == "utf-16-be":
            data = b"\xfe\xff" + data
        d = load(data, "seed-unicode.txt")
        assert d.functional == seed_txt.functional and d.unit == seed_txt.unit


# A 梧州 (广西) 部门预算 as its PDF's text gives it: lines wrapped at the page's width, ASCII
# commas. A numbered item that states its amount and runs on is a sentence, not a heading.
WRAPPED = """三、支出预算情况说明
(一)文化旅游体育与传媒支出类科目 850088.3 元,
占支出总预算 78.33%,同比减少 54357.12 元,下降 6.00 %。
(二)社会保障和就业支出类科目 116433.12 元,占支
出总预算 10.73 %,同比增加 16803.36 元,增长 14.43%。
(三)政府采购预算安排情况
2025 年政府采购预算 6429768.84 元。
(四)项目支出48100元，具体包括：
1.文化活动48100元。
"""


def test_a_numbered_item_wrapped_after_its_amount_is_not_a_heading():
    doc = load((TEXT + WRAPPED).encode(), "wrapped.txt")
    headings = [s.heading for s in doc.sections]
    assert "三、支出预算情况说明" in headings and "(三)政府采购预算安排情况" in headings
    assert not any(h.startswith(("(一)", "(二)")) for h in headings)
    assert "(四)项目支出48100元，具体包括：" in headings  # an amount that opens a list heads it
    body = next(s.text for s in doc.sections if s.heading == "三、支出预算情况说明")
    assert "占支出总预算 78.33%" in body and "出总预算 10.73 %" in body
