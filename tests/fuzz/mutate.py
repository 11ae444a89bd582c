"""Mutations of real documents, driven by a chooser.

The same mutation code runs under Hypothesis (``Draw``: every choice is drawn, so a
failure shrinks to a small reproducer) and from a plain seed (``Seeded``: the AppTest
over fuzz survivors and the regression tests replay an input from one number).
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from typing import TypeVar

from hypothesis import strategies as st

T = TypeVar("T")


class Seeded:
    def __init__(self, seed: int) -> None:
        self._random = random.Random(seed)

    def integer(self, low: int, high: int) -> int:
        return self._random.randint(low, high)

    def choice(self, options: Sequence[T]) -> T:
        return options[self._random.randrange(len(options))]


class Draw:
    def __init__(self, data) -> None:  # hypothesis st.data()
        self._data = data

    def integer(self, low: int, high: int) -> int:
        return self._data.draw(st.integers(low, high))

    def choice(self, options: Sequence[T]) -> T:
        return options[self._data.draw(st.integers(0, len(options) - 1))]


Chooser = Seeded | Draw

# What a damaged or hostile file puts where a number, a name or a span belongs.
NASTY_VALUES = [
    "",
    "0",
    "-1",
    "1.5",
    "abc",
    "2147483648",
    "99999999999999999999",
    "1e5",
    " 3 ",
    "０",
    "NaN",
    "Infinity",
    "-0",
    "1E+308",
    "1e999",
    "restart",
    "continue",
    "true",
    "XFD1048576",
    "A0",
    "ZZZZ1",
    "A1:XFD1048576",
    "B2:A1",
    "1:1",
    "$A$1",
    "&amp;",
]
NASTY_TEXT = [
    "",
    " ",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[link](javascript:alert(1))",
    "**bold** _i_ `code` $x^2$",
    "合计",
    "总计",
    "单位：万元",
    "单位：元",
    "201",
    "2010101",
    "1,065.08",
    "-",
    "—",
    "(5.00)",
    "0.00",
    "99999999999999999999999999999999.99",
    "0.0000000000000000000000000001",
    "一、收支预算总体情况",
    "（一）",
    "比上年增加10%",
    "一般公共服务支出（类）53.84万元",
    "“三公”经费",
    "\u202e\u200b",
    "😀",
    "支" * 300,
]


def replace_values(text: str, chooser: Chooser, pattern: re.Pattern[str], pool: Sequence[str], most: int = 6) -> str:
    """Replace up to ``most`` matches of ``pattern``'s group 1 with values from ``pool``."""
    matches = list(pattern.finditer(text))
    if not matches:
        return text
    pieces, last = [], 0
    chosen = sorted({chooser.integer(0, len(matches) - 1) for _ in range(chooser.integer(1, most))})
    for index in chosen:
        match = matches[index]
        pieces += [text[last : match.start(1)], chooser.choice(pool)]
        last = match.end(1)
    return "".join(pieces) + text[last:]


def cut_element(xml: str, chooser: Chooser, tags: Sequence[str]) -> str:
    """Delete, duplicate (up to 20 times) or empty one element of a kind in ``tags``."""
    tag = chooser.choice(tags)
    starts = [m.start() for m in re.finditer(rf"<{re.escape(tag)}[ >/]", xml)]
    if not starts:
        return xml
    start = chooser.choice(starts)
    end = xml.find(f"</{tag}>", start)
    if end == -1:
        return xml
    end += len(tag) + 3
    action = chooser.integer(0, 2)
    if action == 0:
        return xml[:start] + xml[end:]
    if action == 1:
        return xml[:start] + xml[start:end] * chooser.integer(2, 20) + xml[end:]
    return xml[:start] + f"<{tag}/>" + xml[end:]


def damage_text(xml: str, chooser: Chooser) -> str:
    """Cut the XML short, or insert a stray tag or bytes in it."""
    at = chooser.integer(0, len(xml))
    action = chooser.integer(0, 2)
    if action == 0:
        return xml[:at]
    if action == 1:
        return xml[:at] + chooser.choice(["<", "</w:p>", "<x>", "&", "&bogus;", "]]>", "\x00", "<!--"]) + xml[at:]
    return xml[:at] + xml[at + chooser.integer(1, 200) :]


def flip_bytes(data: bytes, chooser: Chooser, most: int = 24) -> bytes:
    """Overwrite up to ``most`` bytes, and sometimes cut the file short. The first 8
    bytes (the format's magic) are mostly kept, so the damage reaches a reader."""
    out = bytearray(data)
    first = 0 if chooser.integer(0, 9) == 0 else 8
    for _ in range(chooser.integer(1, most)):
        out[len(out) - 1 - chooser.integer(0, len(out) - 1 - first)] = chooser.integer(0, 255)
    if chooser.integer(0, 4) == 0:
        del out[len(out) - chooser.integer(0, len(out) - 1 - first) :]
    return bytes(out)
