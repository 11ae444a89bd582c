"""The 编制说明 item search is linear: same matches as the plain regex search, and a long
unpunctuated paragraph costs milliseconds (80,000 characters took 91 s before)."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from budget.checks.items import ITEM, item_matches

# Names, the three level marks, figures, units, and every character that stops a name.
PIECES = ["一般公共服务", "教育支出", "（类）", "（款）", "（项）", "53.84", "1,200", "万元", "元", "“", "”", '"']
PIECES += list("。，；：:（）() 0")


def spans(matches):
    return [(m.span(), m.groupdict()) for m in matches]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_same_matches_as_the_regex_search(pieces):
    text = "".join(pieces)
    assert spans(item_matches(text)) == spans(ITEM.finditer(text))


def test_real_item_paragraph():
    text = "“一般公共服务支出（类）人大事务（款）行政运行（项）”53.84万元，比上年增加1.39%。教育支出（类）10万元。"
    found = item_matches(text)
    assert [m.group("cls") for m in found] == ["一般公共服务支出", "教育支出"]
    assert [m.group("num") for m in found] == ["53.84", "10"]


def test_long_unpunctuated_text_is_linear():
    for text in ("支" * 200_000, ("支出（类）" * 40_000), "教育" * 50_000 + "（类）10万元"):
        started = time.perf_counter()
        found = item_matches(text)
        assert time.perf_counter() - started < 0.5
    assert [m.group("num") for m in found] == ["10"]
