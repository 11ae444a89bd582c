"""Levels of rows printed without codes: a 收支总表 lists 类, 款 and 项 by name only.

A row's level comes from its numbering ("一、" over "（一）" over "1."), and where a side
prints no number, from its name: the name of a coded row elsewhere in the same document
(its code's length), or one of the national 类 names. A total, a carry-over or a row
nobody can place keeps no level, as before.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from budget.model import Table, TableKind
from loaders.recognize.classify import is_total_name
from loaders.recognize.text import squash

# 政府收支分类科目 支出功能分类 类 (with the names earlier years used), and the 类 of the
# 部门预算支出经济分类: a row with one of these names is a 类 wherever it is printed.
LEVEL_1_NAMES = frozenset(
    {
        "一般公共服务支出",
        "外交支出",
        "国防支出",
        "公共安全支出",
        "教育支出",
        "科学技术支出",
        "文化旅游体育与传媒支出",
        "文化体育与传媒支出",
        "社会保障和就业支出",
        "社会保险基金支出",
        "卫生健康支出",
        "医疗卫生与计划生育支出",
        "医疗卫生支出",
        "节能环保支出",
        "城乡社区支出",
        "农林水支出",
        "交通运输支出",
        "资源勘探工业信息等支出",
        "资源勘探信息等支出",
        "商业服务业等支出",
        "金融支出",
        "援助其他地区支出",
        "自然资源海洋气象等支出",
        "国土海洋气象等支出",
        "住房保障支出",
        "粮油物资储备支出",
        "国有资本经营预算支出",
        "灾害防治及应急管理支出",
        "预备费",
        "其他支出",
        "转移性支出",
        "债务还本支出",
        "债务付息支出",
        "债务发行费用支出",
        "抗疫特别国债安排的支出",
        "工资福利支出",
        "商品和服务支出",
        "对个人和家庭的补助",
        "对企业补助",
        "资本性支出",
        "债务利息及费用支出",
    }
)

_MARKS = (
    (re.compile(r"^[一二三四五六七八九十]+[、.．]"), 1),
    (re.compile(r"^[（(][一二三四五六七八九十]+[）)]"), 2),
    (re.compile(r"^(?:\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)])"), 3),
    (re.compile(r"^[①-⑳]"), 4),
)
_NOT_AN_ITEM = re.compile(r"结转|结余|合计|总计|小计")


@functools.lru_cache(maxsize=4096)  # asked of every line of a two-sided table
def numbering_depth(name: str) -> int | None:
    """How deep a printed number puts a row: 一、 is 1, （一） 2, 1. or (1) 3, ① 4."""
    words = squash(name)
    for pattern, depth in _MARKS:
        if pattern.match(words):
            return depth
    return None


def coded_levels(tables: list[Table]) -> dict[str, frozenset[int]]:
    """Name -> the levels the document's functional rows of that name have (a 收支总表
    lists functional classes; "住房公积金" is a 项 there, not the economic 款)."""
    seen: dict[str, set[int]] = {}
    for table in tables:
        for line in table.lines:  # (the coded ones: the test asks for a code)
            if line.level is not None and line.code and line.code.isdigit() and line.code.startswith("2"):
                seen.setdefault(squash(line.name), set()).add(line.level)
    return {name: frozenset(levels) for name, levels in seen.items()}


def _name_level(name: str, by_name: dict[str, frozenset[int]], previous: tuple[str, int] | None) -> int | None:
    """The level of an unnumbered row by its name. A name printed at several levels
    ("其他支出" as 类, 款 and 项) is one level below the row above when it repeats that
    row's name, else the highest level it can have there."""
    words = squash(name)
    levels = by_name.get(words) or (frozenset({1}) if words in LEVEL_1_NAMES else frozenset())
    if len(levels) <= 1:
        return next(iter(levels), None)
    if previous is not None and previous[0] == words and previous[1] + 1 in levels:
        return previous[1] + 1
    fitting = [lv for lv in levels if previous is None or lv <= previous[1] + 1]
    return min(fitting or levels)


def with_levels(table: Table, by_name: dict[str, frozenset[int]]) -> Table:
    """The summary table with a level on every item row it can place. Its lines come
    with the numbering depth of their printed name as ``level`` (None: unnumbered)."""
    if table.kind not in (TableKind.SUMMARY, TableKind.FISCAL_SUMMARY) or not table.lines:
        return table
    # Each line's level is worked out first and the line rebuilt once, only when it
    # changes (dataclasses.replace costs more than the rest of this function).
    lines = table.lines
    levels: list[int | None] = [None] * len(lines)
    depths = {i: line.level for i, line in enumerate(lines)}
    for side in ("income", "expenditure", None):
        at = [i for i, line in enumerate(lines) if line.side == side]
        numbered = sorted({d for i in at if (d := depths.get(i)) is not None})
        shift = 0
        if len(numbered) == 1:
            # Only "1. 2. 3." numbers, each run under an unnumbered row ("财政拨款" over
            # "1.一般公共预算拨款"): the unnumbered rows are the items, the numbers their parts.
            first = next(k for k, i in enumerate(at) if depths.get(i) is not None)
            head = lines[at[first - 1]] if first > 0 else None
            if head is not None and not head.is_total and not is_total_name(head.name) and numbered[0] > 1:
                shift = 1
        rank = {d: n + 1 + shift for n, d in enumerate(numbered)}
        above: int | None = None
        previous: tuple[str, int] | None = None
        for i in at:
            line = lines[i]
            if line.is_total or is_total_name(line.name):
                above = None
                continue
            depth = depths.get(i)
            if depth is not None:
                level: int | None = rank[depth]
                above = level
                previous = (squash(line.name), rank[depth])
            elif _NOT_AN_ITEM.search(squash(line.name)):
                continue  # 上年结转, 结转下年: not an item of the side, whatever is above it
            else:
                level = _name_level(line.name, by_name, previous)
                if level is None and shift:
                    level = 1  # the unnumbered rows the numbered runs stand under
                elif level is None and above is not None:
                    level = above + 1  # an unnumbered row under a numbered one is its part
            if level is not None:
                levels[i] = level
                previous = (squash(line.name), level)
    placed = tuple(ln if ln.level == lv else replace(ln, level=lv) for ln, lv in zip(lines, levels, strict=True))
    return replace(table, lines=placed)
