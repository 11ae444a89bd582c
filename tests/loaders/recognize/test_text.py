"""Cell text to amounts and money units, and the numbering of a 收支总表's rows."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest

from budget.model import Money, MoneyUnit
from loaders.recognize.grid import is_code, is_column_number_row
from loaders.recognize.levels import numbering_depth
from loaders.recognize.text import money_unit_in, nfkc, parse_amount, parse_number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1,065.08", Decimal("1065.08")),
        ("1065.083456", Decimal("1065.083456")),  # 决算 tables print up to 6 decimals
        ("12,345", Decimal("12345")),
        ("-12.5", Decimal("-12.5")),
        ("（12）", Decimal("-12")),  # accountants' brackets
        ("0", Decimal("0")),
    ],
)
def test_numbers_as_printed(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["", "—", "1.2.3"])
def test_blank_and_malformed_cells_are_not_numbers(text):
    """A blank cell is not zero."""
    assert parse_number(text) is None
    assert parse_amount(text, MoneyUnit.WAN_YUAN) is None


def test_an_amount_keeps_its_unit_and_digits():
    assert parse_amount("1,065.083456", MoneyUnit.WAN_YUAN) == Money(Decimal("1065.083456"), MoneyUnit.WAN_YUAN)


@pytest.mark.parametrize(
    ("line", "unit"),
    [("单位：万元", MoneyUnit.WAN_YUAN), ("单位:万元", MoneyUnit.WAN_YUAN), ("金额单位：元", MoneyUnit.YUAN)],
)
def test_money_unit_of_a_unit_line(line, unit):
    assert money_unit_in(line) == unit


def test_a_unit_name_line_is_no_money_unit():
    assert money_unit_in("编制单位：xx") is None


@pytest.mark.parametrize(
    ("name", "depth"), [("一、部门预算", 1), ("（一）基本支出", 2), ("1、财政拨款", 3), ("其他", None)]
)
def test_numbering_depth(name, depth):
    assert numbering_depth(name) == depth


def test_codes_and_column_number_rows():
    assert is_code("2010301") and is_code("201 03") and not is_code("合计")
    assert is_column_number_row(["栏次", "1", "2", "3"])


@pytest.mark.parametrize(
    "text",
    [
        "一般公共服务支出",  # NFKC already
        "单位：万元（人民币）",  # fullwidth punctuation
        "合计\u3000\u3000１２３，４５６．７８",  # ideographic spaces, fullwidth digits
        "目标1：……",  # an ellipsis
        "①项目Ⅻ",  # circled and Roman numbers
        "Ａ\u0301ｅ\u0308",  # a fullwidth letter under a combining mark: composed after it is replaced
        "ﬁ\u3000ｶ\uff9e",  # compatibility forms outside the table: normalised as before
        "e\u0301\u0327（",
    ],
)
def test_nfkc_is_unicodedata_nfkc(text):
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


def test_nfkc_over_every_character_of_the_table():
    for code in [*range(0xFF01, 0xFF5F), 0x3000, 0x2026, *range(0x2160, 0x2180), *range(0x2460, 0x249C)]:
        for text in (chr(code), f"a{chr(code)}\u0301", f"\u0301{chr(code)}字"):
            assert nfkc(text) == unicodedata.normalize("NFKC", text), hex(code)


def test_squash_removes_what_the_spaces_pattern_matches_and_nothing_else():
    """squash() cuts with str.split(): every character re's [\\s\\u3000] matches, and only those."""
    import sys

    from loaders.recognize import text

    spaces = "".join(chr(c) for c in range(sys.maxunicode + 1) if text._SPACES.fullmatch(chr(c)))
    assert {" ", "\t", "\n", "\u3000", "\xa0", "\u2003"} <= set(spaces)
    assert text.squash(f"项{spaces}目 1") == "项目1"
    others = "".join(chr(c) for c in range(0x3100) if not text._SPACES.fullmatch(chr(c)) and chr(c).isprintable())
    assert text.squash.__wrapped__(others) == text._SPACES.sub("", text.nfkc(others))


@pytest.mark.parametrize(
    "line",
    [
        "单位：万元",
        "（单位：人民币元）",
        "预算年度：2024",
        "编制单位：测试局",
        "编制部门：测试局",
        "填报单位：X",
        "截止时间：2024-12-31",
        "部门：南漳县招商服务中心",
    ],
)
def test_every_unit_piece_holds_a_character_the_prefilter_looks_for(line):
    """is_unit_line skips the search for a text with none of 单/部/预/截: each kind of unit piece holds one."""
    from loaders.recognize import text

    assert text._says_unit(line) and text.may_say_unit(line) and text.is_unit_line([line])
    assert not text.may_say_unit("第1段说明文字") and not text.is_unit_line(["第1段说明文字"])
