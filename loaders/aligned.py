"""Tables printed without rulings: runs of text lines whose text stands in columns.

The PDF reader (``loaders.pdf``) finds ruled tables from the page's lines and boxes;
the printed lines left over come here, and runs of them that stand in columns become
tables (``_Table`` with ``aligned=True``). This is how people print a table without
borders (or with horizontal rules only, 三线表, or rulings on the header only):

- amounts stand right-aligned in their column and names left-aligned or centred, so
  a column is the band the pieces of the amount lines occupy down the whole run; a
  header label clear of every band labels the band beside it or opens a band of its
  own (a column left blank in every row);
- a header is one or more printed lines above the first amount line; a label centred
  over several columns (a merged header cell) spans the columns its cell would cover
  (a centred label's cell is as wide on both sides of its middle), and the labels
  under it go one header row lower; a label wrapped over two lines is one label;
- a body row starts at each line with amounts (or at a line that starts an item: a
  code, 一、, 1., 其中, 合计); the other lines are the rest of wrapped cells (a name
  too long for its column, printed below it or centred about the amounts);
- a table whose header's words are column names (项目, 科目, 金额, 合计, 基本支出…) is a
  table even with no row (an empty table: recognition calls it empty);
- a table ends at a line of prose, a new title (…表) or a unit line (单位：万元).

``loaders.pdf`` is imported lazily (it imports this module).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from loaders.pdf import _Char, _Table

    Piece = list[_Char]

_AMOUNT = re.compile(r"^-?[\d,]+(?:\.\d+)?$")
_NUMERIC = frozenset("0123456789,.-")
_CENTS = re.compile(r"\d\.\d{2,}$")  # an amount in cents (or finer: 17,921.443777)
_GROUPED = re.compile(r"\d,\d{3}$")
_UNITS = frozenset("万亿千元%％")
_AFTER_NUMBER = frozenset("年月日号万亿千元%％")  # what follows a number in a label: 2026年
# A line that starts an item of its own, even with its amounts blank: a code, 一、,
# (一), 1、 1. (but not 1.5, nor a year: 2027年), 其中, a total.
_ITEM = re.compile(
    r"^(?:\d{3,}(?!\d*[.,]\d)(?!\d*年)|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}(?:[、．]|\.(?!\d))"
    r"|其中|合\s*计|总\s*计|小\s*计)"
)
# The unit line printed above a table (编制单位：… 单位：万元; 金额单位：元).
_UNIT_LINE = re.compile(r"(?:^|\s|金额)单位\s*[:：]\s*(?:人民币)?\s*(?:万?元|千元|亿元)?\s*$|^(?:金额)?单位\s*[:：]")
# A table's title: 表3, 附表1-2, …预算表, 预算01表 (short).
_TITLE = re.compile(r"^(?:附)?表\s*[\d一二三四五六七八九十]|表\s*(?:[\d\-—－一二三四五六七八九十]+\s*)?$")
# Words of column names: a header made of these is a table's header even with no row.
_COLUMN_WORDS = (
    "项目",
    "科目",
    "金额",
    "预算",
    "决算",
    "合计",
    "小计",
    "总计",
    "支出",
    "收入",
    "经费",
    "编码",
    "代码",
    "名称",
    "单位",
    "资金",
    "拨款",
    "结转",
    "结余",
    "本年",
    "上年",
    "类",
    "款",
    "项",
    "数",
)
# ... and of a performance form's indicator columns (一级指标, 三级指标, 指标值, 指标内容)
_HEADER_WORDS = (*_COLUMN_WORDS, "指标")


# The text of each piece joined once per page (a piece is asked for its text by many
# tests); each entry keeps its piece, so no other list can take its id meanwhile.
_JOINED: dict[int, tuple[list, str]] = {}


def _join_chars(line: list[_Char]) -> str:
    known = _JOINED.get(id(line))
    if known is not None and known[0] is line:
        return known[1]
    from loaders.pdf import _join_chars as join

    text = join(line)
    _JOINED[id(line)] = (line, text)
    return text


def tables(groups: list[list[_Char]], number: int, rules: Sequence = ()) -> tuple[list[_Table], list[list[_Char]]]:
    """The page's tables without rulings from its printed lines ``groups`` (page
    ``number``), and the lines left over. ``rules``: the page's horizontal rules as
    (x0, top, x1, bottom), evidence of where rows end where they are printed."""
    try:
        return _aligned_tables(groups, number, rules)
    finally:
        _JOINED.clear()
        _BLOCKS.clear()


# --- pieces -------------------------------------------------------------------------


def _whole(line: list[_Char]) -> bool:
    """A line no column gap can cut (most lines of prose), found in one cheap scan:
    without a digit or a percent sign only two thirds of a character's white between
    printed characters cuts a line (see ``_segments``), and it has none."""
    ink = None
    for char in line:
        text = char.text
        if text == " ":
            continue
        if text.isdigit() or text == "%" or text == "％":
            return False
        if ink is not None and char.x0 - ink.x1 > (ink.size if ink.size > 4 else 4) * 0.6:
            return False
        ink = char
    return True


def _segments(line: list[_Char]) -> list[list[_Char]]:
    """A printed line cut where the gap between characters is a column gap. Spaces
    are white, not ink: the gap is measured from the last character printed (a PDF
    may fill the gap between two columns with a space character)."""
    if _whole(line):
        return [_trimmed(line)]
    part = [line[0]]
    parts: list[list[_Char]] = [part]
    ink = line[0] if line[0].text != " " else None  # the part's last printed character
    digits = line[0].text.isdigit()  # the piece so far is a code: all digits
    numeric = line[0].text in _NUMERIC  # the piece so far is a number (an amount)
    # the piece's printed characters so far, kept as the line is read (not gathered
    # again at each character: that was quadratic in a long line of prose)
    printed = [line[0].text] if line[0].text != " " else []
    with_digit = bool(printed) and printed[0].isdigit()  # a digit among them
    for char in line[1:]:
        if char.text == " " or ink is None:
            part.append(char)
            if char.text != " ":
                printed.append(char.text)
                with_digit = with_digit or char.text.isdigit()
            if ink is None and char.text != " ":
                ink, digits, numeric = char, char.text.isdigit(), char.text in _NUMERIC
            continue
        gap = char.x0 - ink.x1
        size = ink.size if ink.size > 4 else 4
        if not (digits or numeric) and gap <= size * 0.6 and printed[-1] != "%" and printed[-1] != "％":
            # the piece so far is no number and ends in no %: of the cuts below only
            # a wide gap could cut here (the common case in a line of prose)
            part.append(char)
            printed.append(char.text)
            with_digit = with_digit or char.text.isdigit()
            digits = numeric = False
            ink = char
            continue
        # A full character's width of white is a column gap; so is any visible gap
        # between a code ("208", "05") or an amount and the name that follows it (an
        # amount right-aligned against a left-aligned name: 304,413,900一、教育支出),
        # and a word space between two numbers (two right-aligned amounts close up).
        code_then_name = digits and len(printed) <= 9 and not char.text.isascii() and char.text not in _AFTER_NUMBER
        number_then_name = numeric and not char.text.isascii() and char.text not in _AFTER_NUMBER and with_digit
        two_numbers = numeric and char.text[:1].isdigit() and gap > size * 0.3 and with_digit
        # An amount in cents touching the text of the next column (0.00步提高…): no
        # amount goes on with a Chinese character but its unit (万元, 亿, %).
        touching = number_then_name and char.text not in _UNITS and bool(_CENTS.search("".join(printed)))
        # Nor does an amount in cents, a percentage or a full group of thousands go on
        # with another number: two right-aligned columns printed close (5,555.07 5,555.07).
        if not touching and numeric and (char.text[:1].isdigit() or char.text == "-"):
            so_far = "".join(printed)
            # (with a visible gap: more decimals, 4,256.000000, touch)
            touching = bool(_CENTS.search(so_far) or _GROUPED.search(so_far)) and gap > size * 0.1
        elif not touching and printed[-1:] in (["%"], ["％"]) and (char.text[:1].isdigit() or char.text == "-"):
            touching = True
        # Characters of one Chinese word touch (or stand a full character apart when
        # spaced out): two thirds of one between them is two labels side by side.
        two_words = not char.text.isascii() and not ink.text.isascii() and gap > size * 0.6
        if (
            gap > size * 0.9
            or ((code_then_name or number_then_name) and gap > size * 0.2)
            or two_numbers
            or touching
            or two_words
        ):
            part = [char]
            parts.append(part)
            printed = [char.text]
            with_digit = char.text.isdigit()
            digits = char.text.isdigit()
            numeric = char.text in _NUMERIC
        else:
            part.append(char)
            printed.append(char.text)
            with_digit = with_digit or char.text.isdigit()
            digits = digits and char.text.isdigit()
            numeric = numeric and char.text in _NUMERIC
        ink = char
    if len(parts) == 1:
        return [_trimmed(parts[0])]  # the line whole: it prints (the reader keeps printed lines only)
    # (a part of spaces only prints nothing: _join_chars of it is "")
    return _spaced_out(_measured([_trimmed(part) for part in parts if any(c.text.strip() for c in part)]))


# Measure words printed after a count (1份, 45次, 8个, 3人): a target's unit, one word
# with its number (a name after a code or an amount is longer: 20101 人大事务).
_MEASURE = frozenset("个份人次天家项台辆场期篇册本件套所户名位条批座间亩")


def _measured(parts: list[list[_Char]]) -> list[list[_Char]]:
    """A count and its measure word (1 | 份, cut as a number then a name) one piece."""
    out: list[list[_Char]] = []
    for part in parts:
        last = out[-1] if out else None
        if (
            last is not None
            and len(part) <= 2
            and part[0].text in _MEASURE
            and all(c.text in _NUMERIC for c in last)
            and last[-1].text.isdigit()
            and part[0].x0 - last[-1].x1 <= 0.5 * max(part[0].size, 4)
        ):
            out[-1] = [*last, *part]
        else:
            out.append(part)
    return out


def _spaced_out(parts: list[list[_Char]]) -> list[list[_Char]]:
    """Single Chinese characters a character or so apart at even steps are one word
    spaced out (合  计, 科 目 名 称), not columns."""
    out: list[list[_Char]] = []
    for part in parts:
        last = out[-1] if out else None
        if (
            last is not None
            and len(part) == 1
            and not part[0].text.isascii()
            and not last[-1].text.isascii()
            and (len(last) == 1 or _even(last))
            and part[0].x0 - last[-1].x1 <= 1.2 * max(part[0].size, 4)
            and (len(last) == 1 or abs((part[0].x0 - last[-1].x1) - (last[-1].x0 - last[-2].x1)) <= 2)
        ):
            out[-1] = [*last, part[0]]
        else:
            out.append(part)
    # two characters spread over a wide cell (收    入, 项    目): a pair, not three
    # (类 款 项 are three columns)
    single = [len(p) == 1 and not p[0].text.isascii() for p in out]
    merged: list[list[_Char]] = []
    n = 0
    while n < len(out):
        gap = out[n + 1][0].x0 - out[n][0].x1 if n + 1 < len(out) else 0.0
        pair = (
            n + 1 < len(out)
            and single[n]
            and single[n + 1]
            and gap <= 2.5 * max(out[n][0].size, 4)
            and not (n > 0 and single[n - 1] and out[n][0].x0 - out[n - 1][-1].x1 < 2 * gap)
            and not (n + 2 < len(out) and single[n + 2] and out[n + 2][0].x0 - out[n + 1][0].x1 < 2 * gap)
        )
        if pair:
            merged.append([out[n][0], out[n + 1][0]])
            n += 2
        else:
            merged.append(out[n])
            n += 1
    return merged


def _even(part: list[_Char]) -> bool:
    """Characters at even steps with a visible gap (a word spaced out)."""
    gaps = [b.x0 - a.x1 for a, b in zip(part, part[1:], strict=False)]
    return bool(gaps) and min(gaps) > 0.5 * max(part[0].size, 4) and max(gaps) - min(gaps) <= 2


def _trimmed(part: list[_Char]) -> list[_Char]:
    """A piece without the spaces at its ends (its extent is its ink)."""
    start, stop = 0, len(part)
    while start < stop - 1 and part[start].text == " ":
        start += 1
    while stop > start + 1 and part[stop - 1].text == " ":
        stop -= 1
    return part[start:stop]


def _is_code_piece(chars: list[_Char]) -> bool:
    return 1 <= len(chars) <= 9 and all(c.text.isdigit() for c in chars)


def _is_amount(text: str) -> bool:
    return bool(_AMOUNT.match(text.replace(" ", ""))) and any(ch.isdigit() for ch in text)


def _squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _is_break(pieces: list[Piece]) -> bool:
    """A line no table goes on through: a unit line or a title."""
    if len(pieces) > 3:
        return False
    text = " ".join(_join_chars(p) for p in pieces)
    if _UNIT_LINE.search(text) and not any(_is_amount(_join_chars(p)) for p in pieces):
        return True
    return len(pieces) <= 2 and len(_squashed(text)) <= 40 and bool(_TITLE.search(_squashed(text)))


def _is_total_word(pieces: list[Piece]) -> bool:
    return len(pieces) == 1 and _squashed(_join_chars(pieces[0])) in ("合计", "总计", "小计")


# --- runs ---------------------------------------------------------------------------


def _aligned_tables(
    groups: list[list[_Char]], number: int, rules: Sequence = ()
) -> tuple[list[_Table], list[list[_Char]]]:
    """Tables printed without rulings: runs of lines whose text stands in columns.

    A run is a sequence of lines cut into two or more pieces by column gaps, with a
    line of one piece inside it when the run goes on below (a wrapped cell, a header
    label alone on its line, a row with its amounts blank). A unit line or a title ends
    it. A run with amounts on two lines or more is a table; one without is a table when
    its words are column names (a header printed with no row under it).
    """
    cut = [_segments(group) for group in groups]
    if not any(len(pieces) >= 2 for pieces in cut):
        return [], list(groups)  # no line in columns: no run starts (a page of prose)
    breaks = _Breaks(cut)
    tables: list[_Table] = []
    used: set[int] = set()
    i = 0
    while i < len(groups):
        if len(cut[i]) < 2 or breaks[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(groups) and not breaks[j + 1]:
            k = j + 1
            if len(cut[k]) >= 2 or _is_total_word(cut[k]):
                j = k
                continue
            multi = [cut[n] for n in range(i, j + 1) if len(cut[n]) >= 2]
            if _is_prose(cut[k], multi):
                break
            if _wraps(groups[j], groups[k], cut, k) or _inside(cut, breaks, k, multi):
                j = k
                continue
            break
        j = _centred_tail(cut, breaks, groups, i, j)
        j = _ruled_tail(cut, breaks, groups, i, j, rules)
        multi = [cut[n] for n in range(i, j + 1) if len(cut[n]) >= 2]
        while i > 0 and i - 1 not in used and _label_above(cut, breaks, groups, i - 1, multi):
            i -= 1
        if i > 0 and i - 1 not in used and _centred_above(cut, breaks, groups, i - 1, j):
            i -= 1
        if _is_indicator_header(cut[i]):
            # a performance form's indicators: the form's lines above them (项目名称,
            # 资金, 总体目标, up to its title) are its first rows
            while i > 0 and i - 1 not in used and not breaks[i - 1] and not _is_indicator_header(cut[i - 1]):
                i -= 1
        run = list(range(i, j + 1))
        # A number alone on the line above: the last tick of a chart's value axis, and
        # the run its category labels (a legend), not a header (printed under its title
        # or unit line).
        axis = i > 0 and len(cut[i - 1]) == 1 and _is_amount(_join_chars(cut[i - 1][0]))
        table = _aligned_table([cut[k] for k in run], [groups[k] for k in run], number, axis, rules)
        if table is not None:
            tables.append(table)
            used.update(run)
        i = j + 1
    return tables, [group for k, group in enumerate(groups) if k not in used]


def _centred_tail(cut: list[list[Piece]], breaks: _Breaks, groups: list[list[_Char]], i: int, j: int) -> int:
    """The run ``i..j`` with the lower half of its last row's cells centred on the
    row's line (the lines below it that mirror, at the same distance and in the same
    column, the lines printed above it since the row before): they end the table."""
    data = [n for n in range(i, j + 1) if _is_data(cut[n])]
    if not data:
        return j
    last = data[-1]
    base = groups[last][0].base
    # the run's columns: the bands its pieces fill (a wrapped cell's lines may start
    # at different indents, all within its column)
    bands = _merged([_extent(p) for n in range(i, j + 1) for p in cut[n]])

    def column(piece: Piece) -> int:
        return next((b for b, (b0, b1) in enumerate(bands) if _overlaps(_extent(piece), (b0, b1))), -1)

    upper = [(groups[n][0].base, column(p)) for n in range(data[-2] + 1 if len(data) > 1 else i, last) for p in cut[n]]
    k = j + 1
    while k < len(groups) and len(cut[k]) == 1 and not breaks[k]:
        below = groups[k][0].base - base
        em = max(cut[k][0][0].size, 4)
        band = column(cut[k][0])
        if band < 0 or not any(abs(base - b - below) <= 0.35 * em and c == band for b, c in upper):
            break
        j = k
        k += 1
    return j


def _ruled_tail(
    cut: list[list[Piece]], breaks: _Breaks, groups: list[list[_Char]], i: int, j: int, rules: Sequence
) -> int:
    """The run ``i..j`` with the lines above the rule printed under its last row (the
    rest of that row's cells: a code printed lower than its amounts, a wrapped name)."""
    if not len(rules) or j + 1 >= len(groups) or len(cut[j + 1]) != 1:
        return j
    x0 = min(p[0].x0 for n in range(i, j + 1) for p in cut[n])
    x1 = max(p[-1].x1 for n in range(i, j + 1) for p in cut[n])
    ys = [y for y in _rule_ys(rules, x0, x1) if y > _middle(groups[j])]
    if not ys:
        return j
    k = j + 1
    while k < len(groups) and len(cut[k]) == 1 and not breaks[k] and _middle(groups[k]) < ys[0]:
        a, b = _extent(cut[k][0])
        if a < x0 - 1 or b > x1 + 1:
            break  # (wider than the table: text under it)
        j = k
        k += 1
    return j


class _Breaks:
    """``_is_break`` of each line, worked out when first asked for (only lines in and
    next to runs are)."""

    __slots__ = ("cut", "known")

    def __init__(self, cut: list[list[Piece]]) -> None:
        self.cut = cut
        self.known: dict[int, bool] = {}

    def __getitem__(self, k: int) -> bool:
        known = self.known.get(k)
        if known is None:
            known = self.known[k] = _is_break(self.cut[k])
        return known


def _wraps(previous: list[_Char], line: list[_Char], cut, k: int) -> bool:
    """A single piece inside a table (a header label on its own line, the rest of a
    wrapped cell, a row with its amount blank), provided the table goes on below."""
    return len(cut[k]) == 1 and any(len(row) >= 2 for row in cut[k + 1 : k + 4])


def _is_prose(pieces: list[Piece], rows: list[list[Piece]]) -> bool:
    """A line of prose: a sentence (with a comma or a full stop) printed from the
    table's left edge or wider than most of it. (A long goal wrapped in a column on
    the right of a project table is a cell, not prose.)"""
    if len(pieces) != 1 or not rows:
        return False
    text = _join_chars(pieces[0])
    if len(text) < 12 or not any(mark in text for mark in "，。；：,;"):
        return False
    x0, x1 = min(r[0][0].x0 for r in rows), max(r[-1][-1].x1 for r in rows)
    a, b = _extent(pieces[0])
    return a < x0 + 2 * max(pieces[0][0].size, 4) or b - a > 0.6 * (x1 - x0)


def _label_above(cut: list[list[Piece]], breaks: _Breaks, groups: list[list[_Char]], k: int, rows) -> bool:
    """A single label on its own line just above the run, inside it (a merged header
    cell's label over some of its columns): part of the header."""
    if breaks[k] or len(cut[k]) != 1 or _is_amount(_join_chars(cut[k][0])):
        return False  # (a number is no label: a chart's axis tick)
    x0, x1 = min(r[0][0].x0 for r in rows), max(r[-1][-1].x1 for r in rows)
    a, b = _extent(cut[k][0])
    em = max(cut[k][0][0].size, 4)
    tight = groups[k + 1][0].base - groups[k][0].base <= 2.2 * em
    return tight and b - a < 0.5 * (x1 - x0) and len(_squashed(_join_chars(cut[k][0]))) <= 12


def _centred_above(cut: list[list[Piece]], breaks: _Breaks, groups: list[list[_Char]], k: int, j: int) -> bool:
    """A single piece less than a line above the run's first line, in a column that
    line leaves blank, mirrored by a single piece as far below it in the same column:
    the first row's cell wrapped over two lines and centred on its line (the row the
    page starts with, no header above it), not a title."""
    if k + 2 > j or breaks[k] or len(cut[k]) != 1 or len(cut[k + 1]) < 2 or len(cut[k + 2]) != 1:
        return False
    piece, below = cut[k][0], cut[k + 2][0]
    if _is_amount(_join_chars(piece)) or any(_overlaps(_extent(piece), _extent(p)) for p in cut[k + 1]):
        return False
    # (in one column: the run's pieces fill one band under both, a wrapped name's
    # lines may start at different indents)
    bands = _merged([_extent(p) for n in range(k + 1, j + 1) for p in cut[n]])
    if not any(_overlaps(_extent(piece), (b[0], b[1])) and _overlaps(_extent(below), (b[0], b[1])) for b in bands):
        return False
    em = max(piece[0].size, 4)
    up = groups[k + 1][0].base - groups[k][0].base
    down = groups[k + 2][0].base - groups[k + 1][0].base
    return 0 < up <= 1.2 * em and abs(up - down) <= 0.35 * em


def _inside(cut: list[list[Piece]], breaks: _Breaks, k: int, rows: list[list[Piece]]) -> bool:
    """A single piece within one column of the run so far (a cell wrapped over many
    lines: a long goal beside its project's amounts), when the run goes on with a
    line of several pieces after more such lines. Prose is as wide as the table."""
    x0, x1 = min(r[0][0].x0 for r in rows), max(r[-1][-1].x1 for r in rows)
    for n in range(k, min(k + 16, len(cut))):
        if breaks[n]:
            return False
        if len(cut[n]) >= 2:
            return True
        a, b = _extent(cut[n][0])
        em = max(cut[n][0][0].size, 4)
        if b - a > 0.6 * (max(x1, b) - min(x0, a)) or (a < x0 + 3 * em and b > x1 - 3 * em):
            return False
    return False


# --- one table ----------------------------------------------------------------------


def _extent(piece: Piece) -> tuple[float, float]:
    return piece[0].x0, piece[-1].x1


def _overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return min(a[1], b[1]) - max(a[0], b[0]) > 0


def _merged(extents: list[tuple[float, float]]) -> list[list[float]]:
    bands: list[list[float]] = []
    for x0, x1 in sorted(extents):
        if bands and x0 < bands[-1][1] - 2:  # amounts of two columns printed close may touch
            bands[-1][1] = max(bands[-1][1], x1)
        else:
            bands.append([x0, x1])
    return bands


def _is_data(row: list[Piece]) -> bool:
    """A line with amounts (not the header's column numbers: 栏次 1 | 2 | 3)."""
    if len(row) < 2:
        return False
    numbers = []
    for piece in row:
        text = _join_chars(piece)
        if _is_amount(text):
            if not text.isdigit() or len(text) > 2:
                return True  # (no column's number)
            numbers.append(text)
    return bool(numbers) and not _is_numbering(numbers)


def _is_coded_row(row: list[Piece]) -> bool:
    """A classified row: a code (类/款/项, 3 digits or more), a name, then amounts only."""
    texts = [_join_chars(p) for p in row]
    return (
        len(row) >= 3
        and _is_code_piece(row[0])
        and len(texts[0]) >= 3
        and not _is_amount(texts[1])
        and all(_is_amount(t) for t in texts[2:])
    )


def _lone_row(row: list[Piece], number: int) -> _Table:
    """One classified row alone on its page (a code, its name, its amounts): the last row
    of a table the page break pushed onto the next page, printed without its header. A
    row alone shows no column's width, only where its cells stand, so each cell is a
    column as wide as its text and the white between them columns left blank: the
    cells keep their places (``pdf._realign`` puts each under the column of the part
    before the break that holds its middle; two amounts printed far apart stay apart)."""
    xs = [x for piece in row for x in (piece[0].x0, piece[-1].x1)]
    cells: list[list] = []
    for piece in row:
        if cells:
            cells.append(["", 1])
        cells.append([_join_chars(piece), 1])
    top = min(c.top for piece in row for c in piece)
    bottom = max(c.bottom for piece in row for c in piece)
    from loaders.pdf import _Table

    bands = [[a, b] for a, b in zip(xs, xs[1:], strict=False)]
    return _Table([cells], xs[0], xs[-1], top, bottom, xs, number, aligned=True, bands=bands)


def _is_numbering(amounts: list[str]) -> bool:
    """The columns numbered under a header (1, 2, 3…: three at least, in steps of one):
    a header row, no row of amounts."""
    if len(amounts) < 3 or not all(text.isdigit() and len(text) <= 2 for text in amounts):
        return False
    return all(int(b) == int(a) + 1 for a, b in zip(amounts, amounts[1:], strict=False))


def _aligned_table(
    pieces: list[list[Piece]], lines: list[list[_Char]], number: int, axis: bool = False, rules: Sequence = ()
) -> _Table | None:
    """The table of a run of lines; ``axis``: the line above it is a number alone (a
    run with no row under it is then a chart's category labels)."""
    form = _form_table(pieces, lines, number, rules)
    if form is not None:
        return form
    data = [n for n, row in enumerate(pieces) if _is_data(row)]
    if data == [0] and len(pieces) == 1 and not axis and _is_coded_row(pieces[0]):
        return _lone_row(pieces[0], number)
    if len(data) == 1 and not axis and _is_header(pieces[: data[0]]):
        # one row under a header of column names (a unit's 收入总表: its total only)
        if sum(_is_amount(_join_chars(p)) for p in pieces[data[0]]) < 2:
            return None
    elif len(data) < 2:
        if data or axis or not _is_header(pieces):
            return None
        # a total line under the header (合计 with its amounts blank) is the one row
        split = len(pieces) - 1 if _is_total_word(pieces[-1]) else len(pieces)
        head, body = pieces[:split], pieces[split:]
        bands = _header_bands(head)
        named = True
    if data:
        start = data[0]
        # a single piece just above the first row that is no column name (a long
        # text, a name) is that row's cell wrapped above its amounts, not a label
        # (and so is a line with a long text on it: a cell wrapped above its row's
        # amounts, 绩效目标 beside the name of the first project, no column's name)
        while start > 0 and (
            (len(pieces[start - 1]) == 1 and not _is_label(pieces[start - 1][0]))
            or any(_is_text(piece) for piece in pieces[start - 1])
        ):
            start -= 1
        # (and so is every line below the header's rule, where one is printed)
        start = _under_rule(pieces, lines, start, [n for n in data if _of_amounts(pieces[n])], rules)
        head, body = pieces[:start], pieces[start:]
        bands = _data_bands([pieces[n] for n in data], head)
        named = bool(head) and _is_header(head, least=2)
        if not named and not any(
            len(pieces[n]) >= 3 and sum(_is_amount(_join_chars(p)) for p in pieces[n]) >= 2 for n in data
        ):
            # a row of three cells with two amounts at least: numbers beside labels
            # are a chart's (an axis, a legend)
            return None
    if len(bands) < (2 if named else 3):
        # two columns are a list with amounts (a contents page), not a table, unless
        # a header of column names stands over them (项目 | 金额)
        return None
    rows = _header_rows(head, bands) + _body_rows(body, lines[len(head) :], bands, rules)
    xs = [bands[0][0]] + [(a[1] + b[0]) / 2 for a, b in zip(bands, bands[1:], strict=False)] + [bands[-1][1]]
    top = min(c.top for line in lines for c in line)
    bottom = max(c.bottom for line in lines for c in line)
    from loaders.pdf import _Table

    return _Table(rows, xs[0], xs[-1], top, bottom, xs, number, aligned=True, bands=[list(b) for b in bands])


# The labels of a performance form's indicator columns (绩效目标表: 一级指标 | 二级指标 |
# 三级指标 | 指标值; 指标名称, 指标内容).
_INDICATOR_LABEL = re.compile(r"^(?:[一二三]级指标|绩效指标|指标(?:名称|内容|值|性质))")


def _is_indicator_header(row: list[Piece]) -> bool:
    """A line of a performance form's indicator columns' labels (two at least)."""
    return len(row) >= 3 and sum(bool(_INDICATOR_LABEL.match(_squashed(_join_chars(p)))) for p in row) >= 2


def _form_table(
    pieces: list[list[Piece]], lines: list[list[_Char]], number: int, rules: Sequence = ()
) -> _Table | None:
    """A performance form's indicator rows under their header (一级指标 | 二级指标 |
    三级指标 | 指标值, labels of two indicator columns at least on one line), their
    targets words as often as amounts (全年, 逐步提高, 1份, 95): each line below the
    header with two cells or more is a row, but for a line of cells wrapped about a
    row's line (a line as far on its other side); the lines of one piece are the rest
    of its cells (wrapped, or centred over several rows). The columns are the bands of
    every line below the header, labelled by the header. A form's page with no
    header (its indicators go on from the page before) is one when it prints the
    indicators' level names (数量指标, 社会效益指标…) on two lines at least. None when
    the run has neither."""
    at = next((n for n, row in enumerate(pieces) if _is_indicator_header(row)), None)
    if at is None:
        if len({n for n, _ in _level_names(pieces)}) < 2:
            return None
        at = -1  # (no header: every line is the form's indicators)
    below = range(at + 1, len(pieces))
    if sum(len(pieces[n]) >= 2 for n in below) < 2:
        return None  # (no two rows under the header)
    pieces = _cut_at_edges(pieces, below)
    data = [n for n in below if _is_data(pieces[n])]
    bases = [line[0].base for line in lines]
    head = [pieces[at]] if at >= 0 else []
    # The header's labels wrapped above and below its line (年度指标 / 值, 二级 / 指标,
    # centred on it): short words within a line and three quarters of it, no amount
    # and no indicator's level name, each a line of the header of its own.
    tier: set[int] = set()
    if head:
        em = max(pieces[at][0][0].size, 4)
        for n in range(len(pieces)):
            if n != at and abs(bases[n] - bases[at]) <= 1.75 * em:
                for p in pieces[n]:
                    text = _squashed(_join_chars(p))
                    if len(text) <= 6 and not _is_amount(text) and not _LEVEL_NAME.match(text):
                        tier.add(id(p))
        head += [[p] for n in range(len(pieces)) for p in pieces[n] if id(p) in tier]
        pieces = [[p for p in row if id(p) not in tier] for row in pieces]
        pieces = _cut_at_labels(pieces, below, [p for row in head for p in row])
    bands = _labelled(
        _data_bands([pieces[n] for n in below], head), head[0] if head else [], [pieces[n] for n in below]
    )
    targets_over = [p for p in (head[0] if head else []) if _TARGET_LABEL.search(_squashed(_join_chars(p)))]
    bands = _one_label(bands, targets_over, [p for row in head for p in row], [pieces[n] for n in below])
    if len(bands) < 3:
        return None
    # A label printed one character a line (年/度/绩/效/指/标 down a narrow column) is
    # no part of the lines it stands on: one cell's text, as tall as its rows.
    stacked = _stacked([pieces[n] for n in below], bands)
    # (nor is a sign or a unit printed alone in its column, one a row: ≤ / ＝ before a
    # target, 个 / 份 after its amount; a label's characters are Chinese words')
    stacked -= {
        id(p)
        for n in below
        for k, p in enumerate(pieces[n])
        if not "\u4e00" <= p[0].text <= "\u9fff" or (k and _is_amount(_join_chars(pieces[n][k - 1])))
    }
    columns = {n: {_band_of(p, bands)[0] for p in pieces[n] if id(p) not in stacked} for n in below}
    multi = [n for n in below if len(columns[n]) >= 2]

    def mirrored(n: int, middle: bool = True) -> bool:
        """A line of a row's cells wrapped about the row's line (centred on it): a
        line as far on its other side in the same columns, and the row's line with
        cells in other columns than this line's (one line cells centred on it), as
        this one has cells in columns the row's line leaves blank or the row's line
        in two columns more (the middle line of a cell of three lines); rows alike,
        one under the other, are no wraps of each other."""
        em = max(lines[n][0].size, 4)
        mine = columns[n]
        return bool(mine) and any(
            0 < abs(bases[m] - bases[n]) <= 2.5 * em
            and not columns[m] <= mine
            and (not mine <= columns[m] or (middle and len(columns[m] - mine) >= 2))
            and any(
                k != n and abs(bases[k] - (2 * bases[m] - bases[n])) <= 0.35 * em and columns[k] & mine for k in below
            )
            for m in multi
        )

    wraps = {n for n in below if n not in data and mirrored(n)}
    # (a line of one piece joins the line of one piece a few points above it, the
    # two one row, unless either is a wrap of cells in a column of their own)
    alone = {n for n in below if n not in data and mirrored(n, middle=False)}
    if sum(n not in wraps for n in multi) < 2:
        return None
    # The columns the header labels left of the indicators' (left of its first
    # indicator label and of the first level name: 项目名称 | 项目金额 | 绩效目标 before
    # 一级指标 | 产出指标) hold a project's cells, merged over all its indicators: a long
    # goal wraps down them beside every indicator, so a line is no row's line for its
    # pieces there (an indicator's name wrapped beside a goal's line is the rest of the
    # name's cell, centred on its row's line). A column with no label of its own (年度
    # 绩效指标 printed down it, centred on the indicators) is no project's: its piece
    # beside a name still makes a row's line, as before.
    first = min(
        [_band_of(p, bands)[0] for row in head for p in row if _INDICATOR_LABEL.match(_squashed(_join_chars(p)))]
        + [_band_of(p, bands)[0] for _, p in _level_names([pieces[n] for n in below])],
        default=0,
    )
    project = {b for row in head for p in row for b in range(_band_of(p, bands)[0], _band_of(p, bands)[1] + 1)}
    project = {b for b in project if b < first}
    body: list[tuple[list[Piece], list[_Char], bool]] = []  # (pieces, characters, a row's line)
    previous = -1  # the line of body[-1]
    for n in below:
        kept = [p for p in pieces[n] if id(p) not in stacked]
        last = body[-1] if body else None
        em = max(lines[n][0].size, 4)
        if (
            last is not None
            and len(kept) == 1
            and len(last[0]) == 1
            and id(last[0][0]) not in stacked
            and n not in alone
            and previous not in alone
            and kept[0][0].base - last[0][0][0].base < 0.75 * em
            and _band_of(kept[0], bands) != _band_of(last[0][0], bands)
        ):
            # (two cells of one row printed a few points apart: one line)
            body[-1] = ([*last[0], kept[0]], last[1], True)
        elif kept:
            own = [p for p in kept if _band_of(p, bands)[0] not in project]
            body.append((kept, lines[n], len(own) >= 2 and n not in wraps))
            previous = n
        body += [([piece], piece, False) for piece in pieces[n] if id(piece) in stacked]
    # The columns left of the indicators' names where most rows print nothing hold
    # the cells merged over several rows (一级指标, 二级指标): their text is placed by
    # the rows it is centred on, even when printed on a row's line.
    lines_of_rows = [row for row, _, start in body if start]
    filled = [sum(any(_band_of(p, bands)[0] == b for p in row) for row in lines_of_rows) for b in range(len(bands))]
    names = [_band_of(p, bands)[0] for p in (head[0] if head else []) if _NAME_LABEL.match(_squashed(_join_chars(p)))]
    if not names and not head:
        # (a page going on without its header: the column after the level names')
        levels = [_band_of(p, bands)[1] for _, p in _level_names(pieces)]
        names = [max(levels) + 1] if levels and max(levels) + 1 < len(bands) else []
    if not names:  # (no header names them: the first column printed in most rows)
        names = [b for b in range(len(bands)) if 2 * filled[b] >= len(lines_of_rows)][:1]
    sparse = {b for b in range(names[0] if names else 0) if 2 * filled[b] < len(lines_of_rows)}
    # A row's line prints its indicator's name, its target or an amount: a line of
    # texts only right of the targets' column (实际完成值, 偏差原因 wrapped side by side
    # above or below their row's line) is the rest of its row's cells.
    targets = [
        _band_of(p, bands)[1] for p in (head[0] if head else []) if _TARGET_LABEL.search(_squashed(_join_chars(p)))
    ]
    if targets or names:
        target = targets[0] if targets else names[0] + 1
        body = [
            (kept, chars, start and any(_band_of(p, bands)[0] <= target or _is_amount(_join_chars(p)) for p in kept))
            for kept, chars, start in body
        ]
    rows: list[list[Piece]] = []
    texts: list[list[_Char]] = []
    starts: set[int] = set()
    for kept, chars, start in body:
        merged = [p for p in kept if start and _band_of(p, bands)[0] in sparse]
        own = [p for p in kept if not any(p is m for m in merged)]
        if own:
            if start:
                starts.add(len(rows))
            rows.append(own)
            texts.append(chars)
        for piece in merged:
            rows.append([piece])
            texts.append(piece)
    if len(starts) < 2:
        return None
    upper = [(row, line) for row, line in zip(pieces[: max(at, 0)], lines[: max(at, 0)], strict=True) if row]
    read = _upper_rows([row for row, _ in upper], [line for _, line in upper], bands)
    read += _header_rows(head, bands) + _body_rows(rows, texts, bands, rules, starts=starts, headless=at < 0)
    xs = [bands[0][0]] + [(a[1] + b[0]) / 2 for a, b in zip(bands, bands[1:], strict=False)] + [bands[-1][1]]
    top = min(c.top for line in lines for c in line)
    bottom = max(c.bottom for line in lines for c in line)
    from loaders.pdf import _Table

    return _Table(read, xs[0], xs[-1], top, bottom, xs, number, aligned=True)


# The names of the indicators' levels (the national framework's 一级/二级指标).
_LEVEL_NAME = re.compile(
    r"^(?:产出|效益|满意度|成本|数量|质量|时效|经济效益|社会效益|生态效益|可持续影响|服务对象满意度?|社会公众满意度?)指标"
)
_NAME_LABEL = re.compile(r"^(?:三级指标|指标(?:名称|内容))")
_TARGET_LABEL = re.compile(r"(?:指标|目标)值$")


def _cut_at_edges(pieces: list[list[Piece]], below: range) -> list[list[Piece]]:
    """The lines with a piece cut where a column's left edge runs through it: a
    character with some white before it (a quarter of one) where three pieces or more
    of the lines under the header start (a goal's text wrapped up to the next column,
    国庆花卉 | 产出指标, printed closer than a column gap)."""
    starts = sorted(p[0].x0 for n in below for p in pieces[n])
    edges = [x for k, x in enumerate(starts) if bisect_right(starts, x + 1) - bisect_right(starts, x - 1) >= 3]
    if not edges:
        return pieces
    out = []
    for row in pieces:
        cut: list[Piece] = []
        for piece in row:
            part = [piece[0]]
            for prev, char in zip(piece, piece[1:], strict=False):
                size = max(char.size, 4)
                if (
                    char.text.strip()
                    and prev.text.strip()
                    and char.x0 - prev.x1 >= 0.25 * size
                    and any(abs(char.x0 - e) <= 1 for e in edges)
                ):
                    cut.append(part)
                    part = []
                part.append(char)
            cut.append(part)
        out.append(cut)
    return out


def _cut_at_labels(pieces: list[list[Piece]], below: range, labels: list[Piece]) -> list[list[Piece]]:
    """The lines under a form's header with a piece cut after an amount, at a gap (a
    quarter of a character at least) in the white between two header labels side by
    side, the amount in the left label's column and the rest in the right one's: a
    cell of each column printed closer than a column gap (a target and its unit,
    1517.95 | 万元 under 指标值 | 计量单位, 0.44 of a character apart, which the gaps of
    prose, 0.25 apart, forbid cutting on width alone; a name's words are no amount,
    指标 | 1：…)."""
    spans = sorted(_extent(p) for p in labels)
    # (two labels side by side: no label between them, neither over the other; with
    # the right edge of the label before them and the left edge of the one after)
    pairs = [
        (
            max((s[1] for s in spans if s[1] < a[0]), default=float("-inf")),
            a,
            b,
            min((s[0] for s in spans if s[0] > b[1]), default=float("inf")),
        )
        for a, b in zip(spans, spans[1:], strict=False)
        if a[1] < b[0] and not any(a[1] < s[0] and s[1] < b[0] for s in spans)
    ]
    if not pairs:
        return pieces
    out = [list(row) for row in pieces]
    for n in below:
        cut: list[Piece] = []
        for piece in out[n]:
            part = [piece[0]]
            for prev, char in zip(piece, piece[1:], strict=False):
                if (
                    char.text.strip()
                    and prev.text.strip()
                    and char.x0 - prev.x1 >= 0.25 * max(char.size, 4)
                    and _is_amount(_join_chars(part))
                    and any(
                        # (the amount in the left label's column, past its middle, the
                        # rest in the right one's, starting by its label, an em at most
                        # before it: 18 | 万笔；13万张 left of 指标值 is one target)
                        start < part[0].x0
                        and (a[0] + a[1]) / 2 < prev.x1 <= b[0]
                        and max(a[1], b[0] - max(char.size, 4)) <= char.x0
                        and piece[-1].x1 < stop
                        for start, a, b, stop in pairs
                    )
                ):
                    cut.append(_trimmed(part))
                    part = []
                part.append(char)
            cut.append(_trimmed(part))
        out[n] = cut
    return out


def _level_names(pieces: list[list[Piece]]) -> list[tuple[int, Piece]]:
    """The pieces that print an indicator's level name (数量指标, 社会效益指标…) and
    their lines: a name in one piece, or wrapped in its cell onto the line below (满意度
    / 指标, 服务对象 / 满意度指标: the piece under it, a line and a half lower at most,
    in its column), both its pieces."""
    out: list[tuple[int, Piece]] = []
    for n, row in enumerate(pieces):
        for piece in row:
            text = _squashed(_join_chars(piece))
            if _LEVEL_NAME.match(text):
                out.append((n, piece))
            em = max(piece[0].size, 4)
            for k in range(n + 1, min(n + 3, len(pieces))):
                for p in pieces[k]:
                    if (
                        0 < p[0].base - piece[0].base <= 2.5 * em
                        and _overlaps(_extent(p), _extent(piece))
                        and _LEVEL_NAME.match(text + _squashed(_join_chars(p)))
                    ):
                        out += [(n, piece), (k, p)]
    return out


def _labelled(bands: list[list[float]], labels: list[Piece], lines: list[list[Piece]]) -> list[list[float]]:
    """The bands with a header label's own band (over no text) joined to the band on
    its left when no label stands over that one: the label centred in a wide cell
    over values printed from the cell's left (指标值 over 1份, 逐步提高)."""
    extents = [_extent(p) for row in lines for p in row]
    over = [_extent(p) for p in labels]
    out: list[list[float]] = []
    for band in bands:
        empty = not any(_overlaps(e, (band[0], band[1])) for e in extents)
        if (
            out
            and empty
            and any(_overlaps(o, (band[0], band[1])) for o in over)
            and not any(_overlaps(o, (out[-1][0], out[-1][1])) for o in over)
        ):
            out[-1] = [out[-1][0], band[1]]
        else:
            out.append(list(band))
    return out


def _one_label(
    bands: list[list[float]], targets: list[Piece], labels: list[Piece], lines: list[list[Piece]]
) -> list[list[float]]:
    """The bands with two side by side under a target's label (指标值) and under no
    other label joined when no line prints in both: the targets' column with its words
    centred (不适用, 合规) and its amounts right-aligned (1517.95), printed at two places."""
    under = [[k for k, p in enumerate(labels) if _overlaps(_extent(p), (b[0], b[1]))] for b in bands]
    over = [top if len(top) == 1 and any(labels[top[0]] is t for t in targets) else [] for top in under]
    out: list[list[float]] = []
    tops: list[list[int]] = []
    for band, top, bare in zip(bands, over, under, strict=True):
        # (amounts right-aligned clear of the label, under no label: its column's too)
        if not bare and tops and tops[-1]:
            top = tops[-1]
        if (
            out
            and top
            and tops[-1] == top
            and not any(
                any(_overlaps(_extent(p), (out[-1][0], out[-1][1])) for p in row)
                and any(_overlaps(_extent(p), (band[0], band[1])) for p in row)
                for row in lines
            )
        ):
            out[-1] = [out[-1][0], band[1]]
        else:
            out.append(list(band))
            tops.append(top)
    return out


def _upper_rows(pieces: list[list[Piece]], lines: list[list[_Char]], bands: list[list[float]]) -> list[list[list]]:
    """A form's rows above its indicators (项目名称 | name, 资金 | amounts, 总体目标 |
    goals): a row per line of two cells or more; a text wrapped over several lines of
    one piece in one column one cell (its lines at most two and a half lines apart),
    and a label printed one character a line that cell's label."""
    stacked = _stacked(pieces, bands)
    merged = _merged_labels(pieces, bands, stacked)
    rows: list[dict] = []
    labels: list[list[Piece]] = []  # the stacked labels, their characters in order
    for row, line in zip(pieces, lines, strict=True):
        kept = [p for p in row if id(p) not in stacked and id(p) not in merged]
        if len(kept) >= 2:
            em = max(line[0].size, 4)
            for label in [m for m in merged.values() if m[0] is None and m[1][0][0].base - line[0].base <= 2.5 * em]:
                label[0] = len(rows)  # (the first row of two cells beside it takes it)
        for piece in row:
            if id(piece) in stacked:
                if labels and _band_of(labels[-1][-1], bands) == _band_of(piece, bands):
                    gap = piece[0].base - labels[-1][-1][0].base
                    if gap <= 2.5 * max(piece[0].size, 4):
                        labels[-1].append(piece)
                        continue
                labels.append([piece])
        if not kept:
            continue
        last = rows[-1] if rows else None
        if (
            last is not None
            and len(kept) == 1
            and last.get("text")
            and _band_of(kept[0], bands)[0] in last["cells"]
            and kept[0][0].base - last["bottom"] <= 2.5 * max(kept[0][0].size, 4)
        ):
            b0, b1 = _band_of(kept[0], bands)
            last["cells"][b0][1].append((kept[0][0].base, _join_chars(kept[0]), kept[0][-1].x1))
            last["bottom"] = kept[0][0].base
            continue
        new = _new_row(kept, line, bands)
        new["text"] = len(kept) == 1
        new["bottom"] = line[0].base
        rows.append(new)
    for placed in {id(m): m for m in merged.values()}.values():
        n, parts = placed
        if n is None or n >= len(rows):
            continue
        b0, b1 = _band_of(parts[0], bands)
        cell = rows[n]["cells"].setdefault(b0, [b1 - b0 + 1, []])
        cell[1].insert(0, (rows[n]["base"] - 1, _joined([_join_chars(p) for p in parts]), parts[0][-1].x1))
    for label in labels:
        # (the row the label stands beside: the first whose lines reach its first character)
        top = label[0][0].base
        n = next((k for k, r in enumerate(rows) if r["bottom"] >= top - 0.5 * max(label[0][0].size, 4)), None)
        if n is None:
            continue
        b0, b1 = _band_of(label[0], bands)
        cell = rows[n]["cells"].setdefault(b0, [b1 - b0 + 1, []])
        # (a label sorts before its row's text: keyed by its row's line)
        text = "".join(_join_chars(p) for p in label)
        cell[1].insert(0, (rows[n]["base"] - 1, text, label[0][-1].x1))
    out = []
    for r in rows:
        cells = _cells(r)
        first = min(cells)
        if first > 0:
            # nothing is printed left of a form's label: its cell starts at the form's left
            text, span = cells.pop(first)
            cells[0] = [text, span + first]
        out.append(_laid_out(cells, len(bands)))
    return out


def _merged_labels(pieces: list[list[Piece]], bands: list[list[float]], stacked: set[int]) -> dict[int, list]:
    """A form's label merged over several rows of two cells (资金金额 / （万元） beside
    实施期资金总额 | 142.00 and 其中：财政拨款 | 142.00): lines of one piece in one column,
    at most two lines and a half apart, with lines of two cells between them that
    print nothing in that column. Each piece's id -> [its row (set by the caller), the
    label's pieces]."""
    out: dict[int, list] = {}
    single = [(n, row[0]) for n, row in enumerate(pieces) if len(row) == 1 and id(row[0]) not in stacked]
    for (n, a), (k, b) in zip(single, single[1:], strict=False):
        if _band_of(a, bands) != _band_of(b, bands) or b[0].base - a[-1].base > 2.5 * max(a[0].size, 4):
            continue
        between = pieces[n + 1 : k]
        band = _band_of(a, bands)[0]
        if not between or any(len(r) < 2 or any(_band_of(p, bands)[0] == band for p in r) for r in between):
            continue
        label = out.get(id(a)) or [None, [a]]
        label[1].append(b)
        out[id(a)] = out[id(b)] = label
    return out


def _stacked(lines: list[list[Piece]], bands: list[list[float]]) -> set[int]:
    """The pieces of labels printed one character a line: single Chinese characters
    in one column on consecutive lines (two at least, less than two lines and a half
    apart), nothing else of that column between them."""
    columns: dict[int, list[tuple[float, Piece]]] = {}
    for row in lines:
        for piece in row:
            columns.setdefault(_band_of(piece, bands)[0], []).append((piece[0].base, piece))
    out: set[int] = set()
    for items in columns.values():
        items.sort(key=lambda item: item[0])
        run: list[Piece] = []
        for base, piece in [*items, (float("inf"), [])]:
            single = len(piece) == 1 and not piece[0].text.isascii()
            if single and run and base - run[-1][0].base <= 2.5 * max(piece[0].size, 4):
                run.append(piece)
                continue
            if len(run) >= 2:
                out.update(id(p) for p in run)
            run = [piece] if single else []
    return out


def _loose_by_column(
    loose: list[tuple[list[Piece], list[_Char]]], bands: list[list[float]]
) -> dict[int, list[tuple[float, Piece, tuple[int, int]]]]:
    """The loose lines' pieces by the column they start in: (baseline, piece, its band span)."""
    columns: dict[int, list[tuple[float, Piece, tuple[int, int]]]] = {}
    for row, _ in loose:
        for piece in row:
            span = _band_of(piece, bands)
            columns.setdefault(span[0], []).append((piece[0].base, piece, span))
    return columns


def _spanning(
    rows: list[dict], loose: list[tuple[list[Piece], list[_Char]]], bands: list[list[float]], headless: bool = False
) -> list[tuple[int, Piece, tuple[int, int]]]:
    """The rows of the loose pieces of cells merged over several rows (一级指标 and
    二级指标 beside their indicators, a label printed down a narrow column), each
    printed centred on its rows: a column's loose lines less than two lines and a half
    apart are one cell, which begins at the first row after the cell above it in
    its column and covers the rows down to the mirror of that row's line about the
    cell's middle; its text goes to that first row (where rulings put a merged
    cell's). A cell whose column holds a row's own text just above it is that cell
    wrapped (left loose)."""
    columns = _loose_by_column(loose, bands)
    bases = [r["base"] for r in rows]
    out: list[tuple[int, Piece, tuple[int, int]]] = []
    for band, items in columns.items():
        items.sort(key=lambda item: item[0])
        em = max(items[0][1][0].size, 4)
        own = [n for n, r in enumerate(rows) if band in r["cells"]]
        blocks: list[list[tuple[float, Piece, tuple[int, int]]]] = []
        for item in items:
            last = blocks[-1][-1][0] if blocks else None
            if (
                last is not None
                and item[0] - last <= 2.5 * em
                and not any(last < bases[n] < item[0] for n in own)
                and not _level_after_level(blocks[-1], item[1])
            ):
                blocks[-1].append(item)
            else:
                blocks.append([item])
        if not own and (len(blocks) >= 2 or headless):
            # a column of merged cells only (二级指标): they cover its rows, one after
            # the other, each about as far above its middle as below it
            middles = [(block[0][0] + block[-1][0]) / 2 for block in blocks]
            firsts = _tiled(bases, middles, em, broken=headless)
            if firsts is not None:
                out += [
                    (first, piece, span)
                    for first, block in zip(firsts, blocks, strict=True)
                    for _, piece, span in block
                ]
                continue
        end = -1  # the last row covered by the cell above in this column
        for block in blocks:
            top, bottom = block[0][0], block[-1][0]
            if any(0 < top - bases[n] <= 2.5 * em for n in own):
                continue  # (a row's own cell wrapped below its line)
            first = max([end, *(n for n in own if bases[n] < top)]) + 1
            if first >= len(rows):
                continue
            mirror = top + bottom - bases[first]
            end = max(n for n in range(first, len(rows)) if n == first or bases[n] <= mirror + 0.5 * em)
            out += [(first, piece, span) for _, piece, span in block]
    return out


def _level_after_level(block: list[tuple[float, Piece, tuple[int, int]]], piece: Piece) -> bool:
    """A level's name under a cell that is a level's whole name (时效指标 / 成本指标, each
    merged over its one row, printed a line apart): two cells, not one wrapped (服务对象
    / 满意度指标 is one: 服务对象 is no whole name)."""
    above = _squashed(_joined([_join_chars(p) for _, p, _ in block]))
    return bool(_LEVEL_NAME.fullmatch(above) and _LEVEL_NAME.match(_squashed(_join_chars(piece))))


def _tiled(bases: list[float], middles: list[float], em: float, broken: bool) -> list[int] | None:
    """The first row of each of the cells centred at ``middles`` that cover, one
    after the other, the rows at ``bases`` from the first (the rows after the last
    cell may be the next page's cell's): the cuts that put each cell's middle
    nearest the middle of its first and last rows' lines, each middle within its
    rows. On a page that goes on from the page before (``broken``) the rows before
    the first cell may be the earlier page's cell; or the first cell began there
    (its middle then says nothing of its rows: an em's cost)."""
    count, size = len(middles), len(bases)
    if count > size:
        return None
    inf = float("inf")
    # best[k][e]: the least cost of cells 0..k with cell k ending at row e
    best = [[inf] * size for _ in range(count)]
    back = [[-1] * size for _ in range(count)]
    for k, middle in enumerate(middles):
        for e in range(k, size):
            for start in range(e + 1):
                # (the first cell from the first row, or later on a page that goes on)
                first = 0.0 if start == 0 or broken else inf
                before = first if k == 0 else best[k - 1][start - 1] if start else inf
                if before == inf or not bases[start] - em <= middle <= bases[e] + em:
                    continue
                off = abs(bases[start] + bases[e] - 2 * middle)
                if k == 0 and broken and start == 0:
                    off = min(off, em)
                if before + off < best[k][e]:
                    best[k][e], back[k][e] = before + off, start
    last = min(range(size), key=lambda e: best[-1][e])
    if best[-1][last] == inf:
        return None
    firsts, e = [], last
    for k in range(count - 1, -1, -1):
        start = back[k][e]
        firsts.append(start)
        e = start - 1
    return firsts[::-1]


def _cells(row: dict) -> dict[int, list]:
    """A row's cells by first column: their texts joined in reading order, and span."""
    return {
        b: [_joined([t for _, t, _ in sorted(entries, key=lambda e: (round(e[0]), e[2]))]), span]
        for b, (span, entries) in row["cells"].items()
    }


def _is_header(pieces: list[list[Piece]], least: int = 3) -> bool:
    """Lines of column names (a table's header): most pieces are short labels made of
    column-name words, none is prose; ``least`` labels side by side on a line."""
    labels = [_squashed(_join_chars(p)) for row in pieces for p in row]
    if len(labels) < least or len(pieces) > 8 or any(len(label) > 16 for label in labels):
        return False
    # (a label spaced out over its cell, 项    目, counts as the word it spells)
    named = sum(any(word in label for word in _HEADER_WORDS) or len(label) == 1 for label in labels)
    words = sum(
        _squashed(" ".join(_join_chars(p) for p in row)).count(word) for row in pieces for word in _HEADER_WORDS
    )
    return words >= 2 and named * 2 >= len(labels) and max(len(row) for row in pieces) >= least


def _is_label(piece: Piece) -> bool:
    """A column's name: a short text with a column word in it (a word of one character,
    类 款 项 数, only in a label of three characters at most: 社会信用建设工作专项 is a
    project's name)."""
    text = _squashed(_join_chars(piece))
    return len(text) <= 10 and any(word in text for word in _COLUMN_WORDS if len(word) > 1 or len(text) <= 3)


def _is_text(piece: Piece) -> bool:
    """A piece no header holds: a sentence, longer than any column's name, or long
    with no column word in it."""
    text = _squashed(_join_chars(piece))
    if len(text) > 24 or (len(text) > 12 and any(mark in text for mark in "，。；")):
        return True
    return len(text) > 16 and not any(word in text for word in _COLUMN_WORDS if len(word) > 1)


def _data_bands(data: list[list[Piece]], head: list[list[Piece]]) -> list[list[float]]:
    extents = [_extent(p) for row in data for p in row]
    bands = _merged(extents)
    numeric = [_right_aligned([p for row in data for p in row if _overlaps(_extent(p), (b0, b1))]) for b0, b1 in bands]
    every = [piece for row in head for piece in row]
    # (the table's edges are its header's too: a first column of amounts owns the
    # white on its left up to the header's first label, 合计 centred over 67.59)
    outline = extents + [_extent(p) for p in every]
    edges = (min(e[0] for e in outline), max(e[1] for e in outline))
    # A header label clear of every band labels the column it is centred over: a
    # column of amounts printed right-aligned owns the white on their left (its cell
    # runs from the band before it), a column of names the white on their right. A
    # label centred over no column is a column left blank in every row: a band of its
    # own. (A label over several columns' labels is a merged cell's: no band of its own.)
    for piece in every:
        x0, x1 = _extent(piece)
        if any(_overlaps((x0, x1), (b0, b1)) for b0, b1 in bands) or _is_parent(piece, every, edges):
            continue
        middle, em = (x0 + x1) / 2, max(piece[0].size, 4)
        cells = []
        for n, (b0, b1) in enumerate(bands):
            if numeric[n]:
                start, stop = (bands[n - 1][1] if n else edges[0]), b1
            else:
                start, stop = b0, (bands[n + 1][0] if n + 1 < len(bands) else edges[1])
            off = abs((start + stop) / 2 - middle)
            # (a column labelled by another label beside this one is not this one's)
            # (nor one with another label beside this one between them: cells on one
            # line do not overlap, 购置费 | 运行费 over 运行费's amounts only)
            taken = any(
                other is not piece
                and abs(other[0].base - piece[0].base) <= 1.5 * em
                and not _overlaps(_extent(other), (x0, x1))
                and (
                    _overlaps(_extent(other), (b0, b1))
                    or (x1 <= other[0].x0 and other[-1].x1 <= b0)
                    or (b1 <= other[0].x0 and other[-1].x1 <= x0)
                )
                for other in every
            )
            # (a column of amounts no other label claims: its label centred in a cell
            # from the amounts' right end leftwards, narrower than the white left of
            # them: 合计 just left of its amounts beside a wide name column)
            centred = off <= max(3 * em, (stop - start) / 4) or (numeric[n] and 2 * middle - stop >= start - em)
            if not taken and start - em <= x0 and x1 <= stop + em and centred:
                cells.append((off, n))
        if cells:
            nearest = min(cells)[1]
            bands[nearest] = [min(bands[nearest][0], x0), max(bands[nearest][1], x1)]
        else:
            bands.append([x0, x1])
            numeric.append(False)
            order = sorted(range(len(bands)), key=lambda n: bands[n][0])
            bands, numeric = [bands[n] for n in order], [numeric[n] for n in order]
    return bands


def _right_aligned(pieces: list[Piece]) -> bool:
    """A column printed right-aligned (amounts): more of its pieces share their right
    end than their left end (names share their left end, a 合计 centred among them
    aside); when as many do (codes indented by level, 301 over 30101), the ends that
    line up better; when neither shows, a column of amounts is right-aligned."""
    if pieces:
        lefts = sorted(p[0].x0 for p in pieces)
        rights = sorted(p[-1].x1 for p in pieces)
        shared_left, shared_right = _shared(lefts), _shared(rights)
        if shared_left != shared_right:
            return shared_right > shared_left
        if abs((lefts[-1] - lefts[0]) - (rights[-1] - rights[0])) > 1:
            return rights[-1] - rights[0] < lefts[-1] - lefts[0]
    amounts = sum(_is_amount(_join_chars(p)) for p in pieces)
    return amounts > len(pieces) - amounts


def _shared(edges: list[float]) -> int:
    """How many of the sorted ``edges`` stand at one place (within a point)."""
    most, start = 0, 0
    for end, edge in enumerate(edges):
        while edge - edges[start] > 1:
            start += 1
        most = max(most, end - start + 1)
    return most


def _cell_edges(piece: Piece, head: list[Piece], left: float, right: float) -> tuple[float, float]:
    """How far a header label's cell can reach on its line: up to the labels beside it."""
    x0, x1 = _extent(piece)
    base, em = piece[0].base, max(piece[0].size, 4)
    for other in head:
        if other is not piece and abs(other[0].base - base) <= 0.5 * em:
            o0, o1 = _extent(other)
            if o1 <= x0:
                left = max(left, o1)
            elif o0 >= x1:
                right = min(right, o0)
    return left, right


def _is_parent(piece: Piece, head: list[Piece], edges: tuple[float, float]) -> bool:
    """A label over two labels or more printed a line or more below it, side by side,
    within its cell (as wide on both sides of its middle, up to the labels beside it)."""
    x0, x1 = _extent(piece)
    base, em = piece[0].base, max(piece[0].size, 4)
    left, right = _cell_edges(piece, head, *edges)
    middle = (x0 + x1) / 2
    half = min(middle - left, right - middle)
    under = sorted(
        _extent(other)
        for other in head
        if other[0].base - base >= 1.5 * em
        and abs((other[0].x0 + other[-1].x1) / 2 - middle) < half
        and _below(other, piece, head)
        and not _tall(other, piece, head)
    )
    return any(not _overlaps(a, b) for a, b in zip(under, under[1:], strict=False))


# Each header's labels' blocks (their wrapped lines with them) found once: the entry
# keeps its header, so no other list can take its id meanwhile.
_BLOCKS: dict[int, tuple[list, dict[int, tuple[float, float]]]] = {}


def _block(piece: Piece, head: list[Piece]) -> tuple[float, float]:
    """The top and bottom of a header label with the lines it is wrapped onto, chained
    up and down: a line less than a line and three quarters lower and no wider
    (centred under it or starting where it does). A header's wrapped lines are
    printed at one pitch, the nearest two lines that could be one label's: a label a
    tier lower, further down, is under it (本年收入 over 财政拨款 centred under it),
    not its next line."""
    known = _BLOCKS.get(id(head))
    if known is None or known[0] is not head:
        known = _BLOCKS[id(head)] = (head, _blocks(head))
    return known[1][id(piece)]


def _blocks(head: list[Piece]) -> dict[int, tuple[float, float]]:
    boxes = [(p[0].base, p[0].x0, p[-1].x1, max(p[0].size, 4)) for p in head]
    links = [
        (lower[0] - upper[0], a, b)
        for a, upper in enumerate(boxes)
        for b, lower in enumerate(boxes)
        if 0 < lower[0] - upper[0] < 1.75 * upper[3]
        and upper[1] - upper[3] <= lower[1]
        and lower[2] <= upper[2] + upper[3]
    ]
    reach = 1.1 * min(gap for gap, _, _ in links) + 0.5 if links else 0.0
    links = [(gap, a, b) for gap, a, b in links if gap <= reach]
    if len(links) == 1:
        # one such pair alone, the lower with labels beside it on its line: a label
        # over the labels of its columns (一般公共预算支出 over 小计 | 其中：基本支出 |
        # 项目支出), not a label wrapped
        _, _, b = links[0]
        if any(n != b and abs(box[0] - boxes[b][0]) <= 0.5 * boxes[b][3] for n, box in enumerate(boxes)):
            links = []
    down: dict[int, tuple[float, int]] = {}
    up: dict[int, tuple[float, int]] = {}
    for gap, a, b in links:
        if a not in down or gap < down[a][0]:
            down[a] = (gap, b)
        if b not in up or gap < up[b][0]:
            up[b] = (gap, a)
    out = {}
    for n, piece in enumerate(head):
        top, bottom = piece[0].top, piece[0].bottom
        for step in (down, up):
            k, seen = n, {n}
            while k in step and step[k][1] not in seen:
                k = step[k][1]
                seen.add(k)
                top, bottom = min(top, head[k][0].top), max(bottom, head[k][0].bottom)
        out[id(piece)] = (top, bottom)
    return out


def _below(other: Piece, piece: Piece, head: list[Piece]) -> bool:
    """``other`` printed under ``piece``: its label (wrapped lines with it) starts
    below the end of ``piece``'s."""
    return _block(other, head)[0] >= _block(piece, head)[1] - 0.1 * max(piece[0].size, 4)


def _tall(other: Piece, piece: Piece, head: list[Piece]) -> bool:
    """A label printed lower than ``piece`` that is no label under it: a column's label
    as tall as the header from ``piece``'s line down (centred across every tier beside
    a merged cell: 合计 beside 本年收入 over 小计 | 一般公共预算资金). Nothing is printed
    under it, and its middle (wrapped lines with it) is nearer the middle of the
    header from the top of ``piece`` than the middle of the header below ``piece``."""
    top, bottom = _block(other, head)
    x0, x1 = _extent(other)
    em = max(other[0].size, 4)
    if any(o[0].top >= bottom - 0.1 * em and _overlaps(_extent(o), (x0, x1)) for o in head):
        return False
    lowest = max(o[0].bottom for o in head)
    from_top = (piece[0].top + lowest) / 2
    below = (max(c.bottom for c in piece) + lowest) / 2
    return (top + bottom) / 2 < (from_top + below) / 2


def _header_bands(head: list[list[Piece]]) -> list[list[float]]:
    """Columns of a header alone: the labels that stand over no two others side by
    side (a merged cell's label does)."""
    extents = [_extent(p) for row in head for p in row]
    every = [p for row in head for p in row]
    edges = (min(e[0] for e in extents), max(e[1] for e in extents))
    leaves = []
    for piece, e in zip(every, extents, strict=True):
        if _is_parent(piece, every, edges):
            continue
        under = sorted(o for o in extents if o != e and _overlaps(e, o) and o[1] - o[0] < e[1] - e[0])
        if any(not _overlaps(a, b) for a, b in zip(under, under[1:], strict=False)):
            continue
        leaves.append(e)
    return _merged(leaves)


def _cell_range(piece: Piece, head: list[Piece], bands: list[list[float]]) -> tuple[int, int]:
    """The bands a header label's cell covers: those its text overlaps or, for a
    merged cell's label, those of the labels printed under it. A merged cell's label
    is centred over its columns: its cell is as wide on both sides of its middle (up
    to the labels beside it on its line), the labels a line or more lower whose middle
    falls in it are under it, and their columns are centred about its middle. (A
    label only half a line lower is centred in a taller cell beside it, not under it.)"""
    x0, x1 = _extent(piece)
    base, em = piece[0].base, max(piece[0].size, 4)
    hit = [b for b, (b0, b1) in enumerate(bands) if _overlaps((x0, x1), (b0, b1))]
    middle = (x0 + x1) / 2
    if not hit:  # in a gap between bands: the nearest band by centre
        hit = [min(range(len(bands)), key=lambda b: abs((bands[b][0] + bands[b][1]) / 2 - middle))]
    left, right = _cell_edges(piece, head, bands[0][0], bands[-1][1])
    half = min(middle - left, right - middle)
    under = [
        _band_of(other, bands)
        for other in head
        if other[0].base - base >= 1.5 * em
        and abs((other[0].x0 + other[-1].x1) / 2 - middle) < half
        and _below(other, piece, head)
        and not _tall(other, piece, head)
    ]
    # labels under it in two columns at least (a label wrapped onto the lines below
    # it stays in its own column); a label under the merged cell beside it (nearer
    # this one's middle than that one's label) is left out: the labels off centre,
    # the farthest first, as long as two columns are left
    while len(set(under)) >= 2:
        first, last = min(b for b, _ in under + [(min(hit), 0)]), max(b for _, b in under + [(0, max(hit))])
        # the columns' edges lie between the bands' (a name column is wider than its
        # longest name): its middle between the middles of the inner and outer edges
        inner = (bands[first][0] + bands[last][1]) / 2
        outer = (
            (bands[first - 1][1] if first else left) + (bands[last + 1][0] if last + 1 < len(bands) else right)
        ) / 2
        if min(inner, outer) - 2 * em <= middle <= max(inner, outer) + 2 * em:
            return first, last
        if middle < min(inner, outer) and last > max(hit):
            under = [(f, la) for f, la in under if la < last]
        elif middle > max(inner, outer) and first < min(hit):
            under = [(f, la) for f, la in under if f > first]
        else:
            break
    return min(hit), max(hit)


def _joined(texts: list[str]) -> str:
    """A cell's printed lines as one text: Chinese and numbers go on without a space."""
    text = ""
    for part in texts:
        if text and text[-1].isascii() and text[-1].isalnum() and part[:1].isascii() and part[:1].isalnum():
            text += " "
        text += part
    return text


def _header_rows(head: list[list[Piece]], bands: list[list[float]]) -> list[list[list]]:
    """The header's rows: a label over several columns one row above the labels
    under it; labels on several printed lines in one cell joined."""
    if not head:
        return []
    # The columns' numbers (栏次 1 | 2 | 3, ** over the name columns) printed under
    # the labels: a row of their own, the header's last.
    numbers = head[-1]
    texts = [_join_chars(p) for p in numbers]
    if (
        len(head) > 1
        and _is_numbering([t for t in texts if t.isdigit()])
        and all(t.isdigit() or not t.strip("*＊") for t in texts)
    ):
        numbered = {_band_of(piece, bands)[0]: [text, 1] for piece, text in zip(numbers, texts, strict=True)}
        return [*_header_rows(head[:-1], bands), _laid_out(numbered, len(bands))]
    labels = []  # (first band, last band, top, text)
    every = [piece for row in head for piece in row]
    for row in head:
        for piece in row:
            first, last = _cell_range(piece, every, bands)
            labels.append((first, last, piece[0].base, _join_chars(piece)))
    # A label's level: how many wider labels above it cover its columns.
    levels = []
    for first, last, base, _ in labels:
        over = [
            1
            for f, la, b, _ in labels
            if b < base and f <= first and la >= last and (la - f) > (last - first) and (la > f)
        ]
        levels.append(len(over))
    rows = []
    for level in range(max(levels) + 1):
        cells: dict[int, tuple[int, list[str]]] = {}
        for (first, last, _, text), lv in sorted(zip(labels, levels, strict=True), key=lambda item: item[0][2]):
            if lv != level:
                continue
            span, texts = cells.get(first, (1, []))
            cells[first] = (max(span, last - first + 1), [*texts, text])
        rows.append(_laid_out({b: [_joined(t), s] for b, (s, t) in cells.items()}, len(bands)))
    return rows


def _laid_out(cells: dict[int, list], width: int) -> list[list]:
    """A row of ``width`` columns from cells by first column (a wider cell covers the
    columns after it unless one of them has a cell of its own)."""
    out, b = [], 0
    while b < width:
        text, span = cells.get(b, ["", 1])
        span = max(min(span, width - b), 1)
        for c in range(b + 1, b + span):
            if c in cells:
                span = c - b
                break
        out.append([text, span])
        b += span
    return out


def _band_of(piece: Piece, bands: list[list[float]]) -> tuple[int, int]:
    x0, x1 = _extent(piece)
    # (amounts of two columns printed close may touch the next column's band)
    hit = [b for b, (b0, b1) in enumerate(bands) if min(x1, b1) - max(x0, b0) > min(2, (x1 - x0) / 2)]
    if not hit:  # in a gap between bands: the nearest band by centre
        centre = (x0 + x1) / 2
        hit = [min(range(len(bands)), key=lambda b: abs((bands[b][0] + bands[b][1]) / 2 - centre))]
    return hit[0], hit[-1]


def _body_rows(
    body: list[list[Piece]],
    lines: list[list[_Char]],
    bands: list[list[float]],
    rules: Sequence = (),
    starts: set[int] | None = None,
    headless: bool = False,
) -> list[list[list]]:
    """A row per line with amounts or that starts an item; every other line's pieces
    go to the row nearest by baseline (a cell wrapped below its first line, or centred
    about the row's amounts), into the cell of their column: when that cell already
    holds text, only when one of the two lines fills its column (a wrap does; a short
    name with its amounts blank is a row of its own)."""
    rows: list[dict] = []  # per row: base, and per first band [span, [(base, text, x1)]]
    loose: list[tuple[list[Piece], list[_Char]]] = []
    codes: set[int] = set()  # the codes printed off their rows' line (see _code_beside)
    for n, (row, line) in enumerate(zip(body, lines, strict=False)):
        first = _join_chars(row[0])
        beside = starts is None and _code_beside(n, body, lines, bands)
        # (a numbered line of a long text wrapped in its cell is no item: 1.定期对…)
        if (
            (n in starts)
            if starts is not None
            else not beside
            and (_is_data(row) or (_ITEM.match(first) and (_band_of(row[0], bands)[0] <= 1 or len(first) <= 16)))
        ):
            rows.append(_new_row(row, line, bands))
        else:
            loose.append((row, line))
            if beside:
                codes.add(id(row[0]))
    if not rows:  # no row to go on in: each line a row (a total under an empty table's header)
        rows = [_new_row(row, line, bands) for row, line in loose]
        loose = []
    ends: dict[int, float] = {}  # the right end of each column's longest line in the body
    for row in body:
        for piece in row:
            b0 = _band_of(piece, bands)[0]
            ends[b0] = max(ends.get(b0, 0.0), piece[-1].x1)
    centred = _ruled(rows, loose, bands, rules) if len(rules) else None
    if centred is None:
        centred = _centred(rows, loose, bands)
    if centred is not None:
        for n, piece, (b0, b1) in centred:
            entry = (piece[0].base, _join_chars(piece), piece[-1].x1)
            rows[n]["cells"].setdefault(b0, [b1 - b0 + 1, []])[1].append(entry)
        # (the pieces of the columns not centred stay loose)
        taken = {id(piece) for _, piece, _ in centred}
        loose = [(kept, line) for row, line in loose if (kept := [p for p in row if id(p) not in taken])]
    if starts is not None:  # (a performance form's merged cells: see _form_table)
        tall = _spanning(rows, loose, bands, headless)
        for n, piece, (b0, b1) in tall:
            entry = (piece[0].base, _join_chars(piece), piece[-1].x1)
            rows[n]["cells"].setdefault(b0, [b1 - b0 + 1, []])[1].append(entry)
        taken = {id(piece) for _, piece, _ in tall}
        loose = [(kept, line) for row, line in loose if (kept := [p for p in row if id(p) not in taken])]
    for row, line in loose:
        base = line[0].base
        placed = [(piece, _band_of(piece, bands), (piece[0].base, _join_chars(piece), piece[-1].x1)) for piece in row]
        # The row above when its cell goes on (a wrap) or is empty (a cell centred
        # about its amounts, this line below them); the row below only when its cell
        # is empty (this line above the amounts of a centred cell). Nearest first.
        # (by baseline, not by place in ``rows``: a loose line that became a row of its
        # own was appended after the rows below it)
        above = max(
            (n for n in range(len(rows)) if rows[n]["base"] <= base), key=lambda n: rows[n]["base"], default=None
        )
        below = min(
            (n for n in range(len(rows)) if rows[n]["base"] > base), key=lambda n: rows[n]["base"], default=None
        )
        candidates = [(base - rows[above]["base"], 0, above)] if above is not None else []
        candidates += [(rows[below]["base"] - base, 1, below)] if below is not None else []
        for _, downward, n in sorted(candidates):
            target = rows[n]["cells"]
            if all(
                (target.get(b0) is None and (not _is_amount(entry[1]) or id(piece) in codes))
                or (not downward and _goes_on(target.get(b0), entry, piece, bands, b0, ends))
                for piece, (b0, _), entry in placed
            ):
                for _, (b0, b1), entry in placed:
                    target.setdefault(b0, [b1 - b0 + 1, []])[1].append(entry)
                break
        else:  # a row of its own
            rows.append({"base": base, "cells": {b0: [b1 - b0 + 1, [entry]] for _, (b0, b1), entry in placed}})
    rows.sort(key=lambda r: r["base"])
    if starts is not None:
        for r in rows:
            _total_across(r["cells"])
    out = []
    for r in rows:
        if not r["cells"]:
            continue  # (merged into the row of amounts between the same rules)
        out.append(_laid_out(_cells(r), len(bands)))
    return out


def _code_beside(n: int, body: list[list[Piece]], lines: list[list[_Char]], bands: list[list[float]]) -> bool:
    """Line ``n`` is a code (and the rest of a wrapped name) printed half a line off
    the amounts of its row: no amount, and its height overlaps that of the line next to
    it, a line of amounts with its code's column blank (a code cell aligned lower or
    higher than the row's other cells). Two rows' lines never overlap."""
    row = body[n]
    if not _is_code_piece(row[0]) or any(_is_amount(_join_chars(p)) for p in row[1:]):
        return False
    column = _band_of(row[0], bands)[0]
    if column > 1:
        return False  # (a code further right: a unit's code in its own column, 单位编码)
    top, bottom = min(c.top for c in lines[n]), max(c.bottom for c in lines[n])
    for k in (n - 1, n + 1):
        if not 0 <= k < len(body) or any(_band_of(p, bands)[0] == column for p in body[k]):
            continue
        other = lines[k]
        if min(c.top for c in other) < bottom and max(c.bottom for c in other) > top and _is_data(body[k]):
            return True
    return False


def _total_across(cells: dict[int, list]) -> None:
    """A form's total line (总分 | 100 | 98 under the indicators' scores): its word is
    printed in the cell merged over every column left of its amounts (as ruled), not
    in the column it happens to stand in (the indicators' names')."""
    if len(cells) < 2:
        return
    first, *others = sorted(cells)
    if first == 0 or _squashed(_joined([t for _, t, _ in cells[first][1]])) not in ("总分", "合计", "总计"):
        return
    if all(_is_amount(t) for b in others for _, t, _ in cells[b][1]):
        cells[0] = [others[0], cells.pop(first)[1]]


def _ruled(
    rows: list[dict], loose: list[tuple[list[Piece], list[_Char]]], bands: list[list[float]], rules: Sequence
) -> list[tuple[int, Piece, tuple[int, int]]] | None:
    """The rows of the loose lines' pieces when horizontal rules across the table
    print where its rows end: each piece goes to the one row between the same two
    rules. None when a piece has no row, or several, between its rules (a 三线表 rules
    its header and its end only): the rules then say nothing of its rows."""
    ys = _rule_ys(rules, bands[0][0], bands[-1][1])
    if len(ys) < 2:
        return None

    def between(line: list[_Char]) -> int:
        return bisect_right(ys, _middle(line))

    owners: dict[int, list[int]] = {}
    for n, row in enumerate(rows):
        owners.setdefault(between(row["line"]), []).append(n)
    if len(owners) < 2:
        return None
    # Between two rules, one row of amounts and lines that start an item with none
    # (a code printed lower than its row's amounts): one row.
    merged: dict[int, int] = {}
    for owner in owners.values():
        full = [n for n in owner if _has_amounts(rows[n])]
        if len(owner) > 1 and len(full) == 1:
            merged.update((n, full[0]) for n in owner if n != full[0])
    out: list[tuple[int, Piece, tuple[int, int]]] = []
    for pieces, line in loose:
        owner = owners.get(between(line), [])
        if len({merged.get(n, n) for n in owner}) != 1:
            return None
        out += [(merged.get(owner[0], owner[0]), piece, _band_of(piece, bands)) for piece in pieces]
    for n, into in merged.items():  # (the rows merged are left empty: dropped by the caller)
        for band, (span, entries) in rows[n]["cells"].items():
            cell = rows[into]["cells"].setdefault(band, [span, []])
            cell[1].extend(entries)
        rows[n]["cells"] = {}
    return out


def _rule_ys(rules: Sequence, x0: float, x1: float) -> list[float]:
    """The heights of the horizontal rules across half of ``x0``-``x1`` at least."""
    return sorted(
        (float(top) + float(bottom)) / 2
        for left, top, right, bottom in rules
        if min(float(right), x1) - max(float(left), x0) >= 0.5 * (x1 - x0)
    )


def _middle(line: list[_Char]) -> float:
    """A line's glyphs' middle: a third of an em above its baseline."""
    return line[0].base - 0.35 * line[0].size


def _under_rule(
    pieces: list[list[Piece]], lines: list[list[_Char]], start: int, data: list[int], rules: Sequence
) -> int:
    """The first line of the body: ``start``, or the first line under the rule printed
    between the header's labels and the first row of amounts (lines of one piece under
    it are the first row's cells, wrapped above its amounts; labels side by side under
    a rule are a lower tier of the header)."""
    if not len(rules) or start == 0 or not data:
        return start
    first = data[0]
    x0 = min(c.x0 for line in lines[: first + 1] for c in line if c.text != " ")
    x1 = max(c.x1 for line in lines[: first + 1] for c in line if c.text != " ")
    every = _rule_ys(rules, x0, x1)
    middle = _middle(lines[first])
    ys = [y for y in every if _middle(lines[0]) < y < middle]
    if not ys:
        return start
    # (the rule is the first row's top: no farther above its amounts than the row's
    # end, the next rule or row, below them; a rule between the header's tiers is not)
    below = [y for y in every if y > middle] + [_middle(lines[n]) for n in data[1:2]]
    if below and middle - ys[-1] > min(below) - middle + 0.5 * lines[first][0].size:
        return start
    while start > 0 and _middle(lines[start - 1]) > ys[-1] and len(pieces[start - 1]) == 1:
        start -= 1
    return start


def _of_amounts(row: list[Piece]) -> bool:
    """A line of amounts (a code alone, 2080505, makes none)."""
    amounts = [text for text in (_join_chars(p) for p in row) if _is_amount(text)]
    return len(amounts) >= 2 or any(not text.isdigit() for text in amounts)


def _has_amounts(row: dict) -> bool:
    """A row with amounts in it (a code alone, 2080505, is none)."""
    amounts = [e[1] for _, entries in row["cells"].values() for e in entries if _is_amount(e[1])]
    return len(amounts) >= 2 or any(not text.isdigit() for text in amounts)


def _centred(
    rows: list[dict], loose: list[tuple[list[Piece], list[_Char]]], bands: list[list[float]]
) -> list[tuple[int, Piece, tuple[int, int]]] | None:
    """The rows of the loose lines' pieces in the columns whose cells are centred on
    their row's line (a spreadsheet's export centres each cell's text vertically: a
    long goal wrapped over five lines has its row's amounts beside its third): in such
    a column, the pieces above a row's line are mirrored by as many below it, at the
    same distances. A column whose pieces do not pair so (cells printed from their
    row's line down, read by ``_body_rows``; a cell merged over several rows, centred
    on their middle; an amount among them) keeps its pieces loose. None when no cell
    shows the centring (a piece above the first row of its column that no row above
    can own, its cell wrapped from the row's line up)."""
    if not loose or not rows:
        return None
    columns = _loose_by_column(loose, bands)
    bases = [r["base"] for r in rows]
    out: list[tuple[int, Piece, tuple[int, int]]] = []
    shown = False
    for band, pieces in columns.items():
        paired = _paired(rows, bases, band, pieces)
        if paired is not None:
            out += paired[0]
            shown = shown or paired[1]
    return out if shown else None


def _paired(
    rows: list[dict], bases: list[float], band: int, pieces: list[tuple[float, Piece, tuple[int, int]]]
) -> tuple[list[tuple[int, Piece, tuple[int, int]]], bool] | None:
    """The rows of one column's loose pieces, each piece above a row's line paired
    with its mirror below it, and whether a piece stands above the first row of its
    column's cells (the centring shown); None when one does not pair."""
    if any(_is_amount(_join_chars(p[1])) for p in pieces):
        return None
    pieces.sort(key=lambda p: p[0])
    em = max(pieces[0][1][0].size, 4)
    left = list(pieces)
    out: list[tuple[int, Piece, tuple[int, int]]] = []
    shown = False
    for n, base in enumerate(bases):
        below = bases[n + 1] if n + 1 < len(bases) else float("inf")
        upper = [p for p in left if p[0] < base]
        if not upper:
            continue
        if n == 0 or band not in rows[n - 1]["cells"] and not any(k == n - 1 for k, _, _ in out):
            shown = True
        for p in upper:
            mirror = 2 * base - p[0]
            match = [q for q in left if base < q[0] < below and abs(q[0] - mirror) <= 0.35 * em]
            if not match:
                return None
            left.remove(p)
            left.remove(match[0])
            out += [(n, p[1], p[2]), (n, match[0][1], match[0][2])]
    return None if left else (out, shown)


def _goes_on(
    cell: list | None, entry: tuple, piece: Piece, bands: list[list[float]], band: int, ends: dict[int, float]
) -> bool:
    """A loose line's piece goes on in the cell of its column in the row nearest it:
    an empty cell takes it; one holding text when one of the two lines fills the
    column (a wrapped name does), never an amount."""
    if _is_amount(entry[1]):
        return False
    if cell is None:
        return True
    if any(_is_amount(text) for _, text, _ in cell[1]):
        return False  # (an amount's cell holds the amount only: it reaches the column's right end)
    if _LEVEL_NAME.fullmatch(entry[1]):
        return False  # (an indicator level's whole name, 生态效益指标, is the rest of no other cell)
    right = bands[min(band + cell[0] - 1, len(bands) - 1)][1]
    # the column is as wide as its longest line anywhere in the table's body (rows
    # with their amounts blank show it too)
    right = max(right, ends.get(band, right))
    widest = max(x1 for _, _, x1 in [*cell[1], entry])
    return widest >= right - 2 * max(piece[0].size, 4)


def _new_row(row: list[Piece], line: list[_Char], bands: list[list[float]]) -> dict:
    cells: dict[int, list] = {}
    for piece in row:
        b0, b1 = _band_of(piece, bands)
        entry = (piece[0].base, _join_chars(piece), piece[-1].x1)
        cells.setdefault(b0, [b1 - b0 + 1, []])[1].append(entry)
    return {"base": line[0].base, "cells": cells, "line": line}
