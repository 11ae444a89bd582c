"""Text of cells and lines: cleaning, amounts, the unit line."""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from collections.abc import Callable
from itertools import chain

from budget.model import Money, MoneyUnit

# ---------------------------------------------------------------- text normalisation

_SPACES = re.compile(r"[\s\u3000]+")
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff（）()“”])\s+(?=[\u4e00-\u9fff（）()“”])")


def _needs_cleaning(text: str) -> bool:
    """A quote or whitespace in the text (``re.search(r'[\\s"]', text)``, at a third of its cost on
    long text): str.split() cuts at the characters ``\\s`` matches (both ask Py_UNICODE_ISSPACE),
    and gives back one piece, the text itself, when it holds none (no piece for "" or spaces)."""
    if '"' in text:
        return True
    pieces = text.split(None, 1)
    return (len(pieces) != 1 or pieces[0] != text) if pieces else bool(text)


def clean(text: str, close_gaps: bool = True) -> str:
    """Cell text as a reader means it: stray tabs and wrapping quotes dropped, blank
    lines removed, spaces inside Chinese words ("项  目") closed up when asked."""
    if not _needs_cleaning(text):
        return text
    if '"' not in text:
        if not close_gaps and "\n" not in text and "\t" not in text and "\u3000" not in text:
            # One line, no quote, no gap to close (a paragraph with spaces, wanli's 57 of 131): the
            # steps below strip it and do nothing else.
            return text.strip()
        pieces = text.split()
        if "".join(pieces) == text.replace("\n", ""):
            # Its only whitespace is line breaks (a cell of several lines, the commonest case):
            # the lines as they are, the blank ones dropped, which is all the steps below do.
            return "\n".join(pieces)
    text = text.replace("\t", " ").replace("\u3000", " ")
    lines = [(_CJK_GAP.sub("", line) if close_gaps else line).strip() for line in text.split("\n")]
    text = "\n".join(line for line in lines if line)
    if text.count('"') % 2 == 0 and text.startswith('"') and text.endswith('"'):
        text = text[1:-1].strip()
    elif text.count('"') == 1 and (text.startswith('"') or text.endswith('"')):
        text = text.strip('"').strip()
    return text


def clean_row(texts: list[str]) -> list[str]:
    """``clean`` of every cell of a row. Most rows need no cleaning at all, and one test of the
    whole row's text says so (what it looks for is single characters: joining makes none)."""
    if not _needs_cleaning("".join(texts)):
        return texts
    return [clean(text) for text in texts]


def clean_rows(rows: list[list[str]]) -> list[list[str]]:
    """``clean_row`` of every row of a grid. Most grids need no cleaning at all (wanli's 8 of 10,
    every one of fuliyuan's), and one test of the whole grid's text says so, as for a row."""
    if not _needs_cleaning("".join(chain.from_iterable(rows))):
        return rows
    return [clean_row(texts) for texts in rows]


def _compatibility_forms() -> dict[int, str]:
    """The characters that keep a Chinese cell's text from being NFKC already, each mapped
    to its full compatibility decomposition: fullwidth ASCII ("（", "：", "，", "１"), the
    ideographic space, "…", Roman numerals and circled numbers."""
    table = {}
    for code in (*range(0xFF01, 0xFF5F), 0x3000, 0x2026, *range(0x2160, 0x2180), *range(0x2460, 0x249C)):
        decomposed = unicodedata.normalize("NFKD", chr(code))
        if decomposed != chr(code) and decomposed.isascii():
            table[code] = decomposed
    return table


_COMPATIBILITY_FORMS = _compatibility_forms()


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, the same string, at a fraction of the cost
    for the texts it changes: CPython composes those character by character (a fifth of
    recognition's instructions on a fresh process). Replacing a character by its full
    compatibility decomposition leaves the NFKD form, hence the NFKC form, unchanged; what
    is then already NFKC needs nothing more, anything else is normalised as before."""
    if unicodedata.is_normalized("NFKC", text):
        return text
    text = text.translate(_COMPATIBILITY_FORMS)
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


@functools.lru_cache(maxsize=4096)
def squash(text: str) -> str:
    """For matching words: no spaces, no punctuation differences. (str.split() cuts at the
    characters ``_SPACES`` matches, U+3000 among them: both ask Py_UNICODE_ISSPACE.)"""
    return "".join(nfkc(text).split())


# ---------------------------------------------------------------- amounts

_NUMBER = re.compile(r"^[-−]?\d+(\.\d+)?$")
BLANKS = {"", "-", "—", "——", "--", "－", "/", "—— ", "－－"}


@functools.lru_cache(maxsize=8192)  # a document prints most amounts in several tables; Money is a value
def parse_amount(text: str, unit: MoneyUnit) -> Money | None:
    """ "1,065.08" -> Money(1065.08); blank or a dash -> None (not reported)."""
    value = parse_number(text)
    return None if value is None else Money(value, unit)


@functools.cache  # one per unit a table is read in
def amount_reader(unit: MoneyUnit) -> Callable[[str], Money | None]:
    """``parse_amount`` in one unit, cached by the text alone: a table reads every money cell
    in its own unit, and a cache of one string looks up at half the cost of a (text, unit) pair's."""

    @functools.lru_cache(maxsize=8192)
    def read(text: str) -> Money | None:
        return parse_amount(text, unit)

    return read


@functools.lru_cache(maxsize=4096)
def parse_number(text: str) -> Decimal | None:
    text = squash(text).replace(",", "").replace("，", "").replace("−", "-")
    if text in BLANKS:
        return None
    if text.startswith("△") and len(text) > 1:
        text = "-" + text[1:]  # "△12.30": the minus of Chinese accounts (a decrease in a 增减 column)
    negative = text.startswith("(") and text.endswith(")")
    if negative:
        text = text[1:-1]
    if not _NUMBER.match(text):
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return -value if negative else value


def is_number(text: str) -> bool:
    return parse_number(text) is not None


# ---------------------------------------------------------------- unit line

# "单位：万元", "单位:元", "（单位：人民币元）", "单位(万元)"; some provinces print 千元 or
# 亿元 ("金额单位：千元", "单位：亿元"), which the contract has no unit for: see ``printed_unit_in``.
_MONEY_UNIT = re.compile(r"单位\s*(?:[:：]|[（(])\s*(?:人民币)?\s*(亿元|万元|千元|元)")
# The contract unit a printed unit is read in, and the power of ten its amounts are scaled
# by (exactly, Decimal.scaleb): 千元 are read as 元 (x1000), 亿元 as 万元 (x10000).
PRINTED_UNITS: dict[str, tuple[MoneyUnit, int]] = {
    "元": (MoneyUnit.YUAN, 0),
    "千元": (MoneyUnit.YUAN, 3),
    "万元": (MoneyUnit.WAN_YUAN, 0),
    "亿元": (MoneyUnit.WAN_YUAN, 4),
}
# A unit in a header label: "金额（千元）", "预算数(亿元)", "合计（单位：千元）".
_LABEL_UNIT = re.compile(r"[（(]\s*(?:金额)?(?:单位\s*[:：]?)?\s*(?:人民币)?\s*(亿元|万元|千元|元)\s*[）)]")
_YEAR = re.compile(r"(?:预算年度\s*[:：]\s*|^|[^\d])((?:19|20)\d{2})\s*(?:年|$)")
UNIT_CODE_NAME = re.compile(r"^(\d{3,9})\s*[-－—_]?\s*([^\d\s\-－—_].*)$")
# The name runs to a space or to the next piece of the line ("编制单位：XX单位：元").
PREPARER = re.compile(
    r"(?:编制单位|编制部门|填报单位|报送单位|预算单位|决算单位|预算主管部门|主管部门|单位名称|部门名称"
    r"|部门[（(]单位[）)]名称|单位[（(]部门[）)]名称|(?<![\u4e00-\u9fff])部门)\s*[:：]\s*"
    r"(\S+?)(?=\s|(?:金额)?单位\s*[:：（(]|[（(]单位|预算年度|截止时间|保密审查|部门主要负责人|$)"
)


def money_unit_in(text: str) -> MoneyUnit | None:
    """The contract unit a unit line's amounts are read in (千元 in 元, 亿元 in 万元)."""
    printed = printed_unit_in(text)
    return None if printed is None else PRINTED_UNITS[printed][0]


def printed_unit_in(text: str) -> str | None:
    """The unit a unit line prints ("单位：千元" -> "千元"). Every unit ends in 元, and no character
    becomes 元 under NFKC (checked over all of Unicode): a text without one says none. Most of
    the texts asked (a table's first rows joined) have none: no hash of a long text, no search."""
    return _printed_unit_in(text) if "元" in text else None


@functools.lru_cache(maxsize=4096)  # asked of every unit line and of a table's first rows
def _printed_unit_in(text: str) -> str | None:
    found = _MONEY_UNIT.search(nfkc(text).replace(" ", ""))
    return found.group(1) if found else None


@functools.lru_cache(maxsize=4096)
def label_unit_in(label: str) -> str | None:
    """The unit a header label prints ("金额（千元）" -> "千元")."""
    found = _LABEL_UNIT.search(nfkc(label).replace(" ", ""))
    return found.group(1) if found else None


def scaled(money: Money | None, power: int) -> Money | None:
    """An amount printed in a unit the contract lacks, in its contract unit: the digits times
    10**power exactly, no rounding ("1.234" 千元 -> 1234 元); an integral result is kept at
    the scale of a whole unit (quantum 1), never 1.2E+4."""
    if money is None or not power:
        return money
    amount = money.amount.scaleb(power)
    if amount.as_tuple().exponent > 0:  # type: ignore[operator]
        amount = amount.quantize(Decimal(1))
    return Money(amount, money.unit)


_UNIT_WORDS = ("预算年度", "编制单位", "编制部门", "填报单位", "截止时间")
# "部门：南漳县招商服务中心" alone on its line between a 决算 table's number and its unit (湖北's
# 公开01表), "单位名称:重庆市经济和信息化委员会" under a form's title (重庆's 绩效目标表): the
# preparer's label and a name, nothing else.
_DEPARTMENT_LINE = re.compile(r"^(?:部门|单位名称)[:：][^\s:：，。；,;]{2,40}$")


def may_say_unit(text: str) -> bool:
    """False when ``text`` cannot be a piece of a unit line: every word one looks for holds
    单, 部, 预 or 截, and most paragraphs and cells hold none (no search, no cache entry)."""
    return "单" in text or "部" in text or "预" in text or "截" in text


def _is_unit_piece(text: str) -> bool:
    return may_say_unit(text) and _says_unit(text)


@functools.lru_cache(maxsize=4096)  # asked of every cell of a table's first rows, and of every short paragraph
def _says_unit(text: str) -> bool:
    text = text.replace(" ", "")
    return (
        bool(_MONEY_UNIT.search(text))
        or any(word in text for word in _UNIT_WORDS)
        or bool(_DEPARTMENT_LINE.match(text))
    )


def is_unit_line(cells: list[str]) -> bool:
    """A unit line, in cells or one piece: at least half its pieces say unit, year,
    preparer or date; a header row with one label "价值（金额单位：万元）" is no unit line."""
    filled = [c for c in cells if c.strip()]
    marked = sum(1 for c in filled if _is_unit_piece(c))
    return (
        marked > 0
        and 2 * marked >= len(filled)
        and not any(is_number(c) for c in filled if not UNIT_CODE_NAME.match(c))
    )
