"""The 三公 table: its lines and the ThreePublic totals.

Two layouts: one row per item (因公出国 / 公务用车 / 公务接待 down the first column), or
one column per item under a header that may nest them (三公 over its 小计 and items, 公务
用车 over 小计 / 购置费 / 运行费, each split by fund or by year, 会议费 and 培训费 beside the
三公 group). In the second, the row read is the 合计 (or the only) row, or this year's;
a column of an earlier year, of the change, or of the 预算数 beside a 决算数 is not read.
"""

from __future__ import annotations

import re

from budget.model import Line, Money, Table, ThreePublic, total_of
from loaders.recognize.text import is_number, parse_amount, squash

# ---------------------------------------------------------------- 三公

_THREE_PUBLIC_WORDS: tuple[tuple[str, str], ...] = (
    ("机关运行经费", "running_costs"),
    ("行政经费", "running_costs"),
    ("购置及运", "vehicles"),
    ("购置和运", "vehicles"),
    ("购置费", "vehicle_purchase"),
    ("运行", "vehicle_operation"),
    ("因公出国", "overseas"),
    ("公务接待", "reception"),
    ("合计", "total"),
    ("小计", "vehicles"),
    ("三公", "total"),
)


_OF_WHICH = re.compile(r"^其中[:：](?=[（(]?[一二三四五六七八九十\d]+[）)、.．])")


def _three_public_key(text: str) -> str | None:
    words = squash(text)
    # "其中：（一）因公出国（境）支出" lists the items under the total: an item, numbered
    words = _OF_WHICH.sub("", words)
    if words.startswith("其中") and "购置费" not in words:
        return None  # "其中：教学科研人员因公出国（境）费" is a part of an item
    if words.startswith("其他因公出国"):
        return None
    for word, key in _THREE_PUBLIC_WORDS:
        if word in words:
            return key
    return None


# Column layout: what one header part names.
_ITEM_WORDS: tuple[tuple[str, str], ...] = (
    ("机关运行经费", "running_costs"),
    ("会议费", "meeting"),
    ("培训费", "training"),
    ("购置及运", "vehicles"),
    ("购置和运", "vehicles"),
    ("公务用车费", "vehicles"),
    ("购置", "vehicle_purchase"),
    ("运行", "vehicle_operation"),
    ("因公出国", "overseas"),
    ("出国", "overseas"),
    ("公务接待", "reception"),
    ("三公", "total"),
)
_SUBTOTAL = re.compile(r"^(?:小计|合计|总计)$")
_CHANGE = re.compile(r"增减|变化|变动|增长|比上年|上年")
_FUND = re.compile(r"一般公共预算|政府性基金|国有资本经营|财政拨款")


def _item_of(part: str) -> str | None:
    for word, key in _ITEM_WORDS:
        if word in part:
            return key
    return None


_YEAR_LABEL = re.compile(r"(?:19|20)\d{2}年.*")


def _column_items(labels: list[str]) -> list[tuple[str | None, tuple[str, ...]]]:
    """Per column: the item it holds and the parts that say which variant of it (year,
    预算数/决算数, fund, change)."""
    out: list[tuple[str | None, tuple[str, ...]]] = []
    for label in labels:
        parts = [squash(p) for p in label.split("/") if squash(p)]
        item = None
        at = len(parts)
        for k in range(len(parts) - 1, -1, -1):
            found = _item_of(parts[k])
            if found is not None:
                item, at = found, k
                break
            if _SUBTOTAL.match(parts[k]) or _FUND.search(parts[k]) or _YEAR_LABEL.fullmatch(parts[k]):
                continue
        if item is None and any(_SUBTOTAL.match(p) for p in parts):
            item = "table_total"  # the table's own 合计: the 三公 total only with nothing else beside it
            at = next(k for k, p in enumerate(parts) if _SUBTOTAL.match(p))
        variant = tuple(p for k, p in enumerate(parts) if k != at and not _SUBTOTAL.match(p) and _item_of(p) is None)
        out.append((item, variant))
    return out


_YEAR_IN_TEXT = re.compile(r"((?:19|20)\d{2})年")


def _variant_rank(variant: tuple[str, ...]) -> tuple[int, int, int]:
    """Higher is better: not a change column, the latest year, 决算数 over 预算数, 当年 over 上年."""
    text = "".join(variant)
    if _CHANGE.search(text.replace("上年结转", "")) and "当年" not in text:
        return (-1, 0, 0)
    years = [int(y) for y in _YEAR_IN_TEXT.findall(text)]
    return (0, max(years, default=0), 1 if "决算" in text else 0)


def _row_to_read(rows: list[list[str]], unit) -> list[str] | None:
    """The 合计 row, or this year's row (a 年度 column), or the only row with amounts."""
    with_amounts = [r for r in rows if any(parse_amount(c, unit) is not None for c in r)]
    if not with_amounts:
        return None
    for row in with_amounts:
        if any(squash(c) in ("合计", "总计") for c in row if c and not is_number(c)):
            return row
    year = re.compile(r"^((?:19|20)\d{2})年?$")
    dated = [(int(m.group(1)), row) for row in with_amounts for c in row if (m := year.match(squash(c)))]
    if dated:
        return max(dated, key=lambda d: d[0])[1]
    # Rows 预算数 / 决算数 (a 决算's table: the year's budget above what was spent): the
    # 决算数 is the year's figure; "2024年预算数" under "2023年决算数" is the later year's.
    stages = [(_stage_rank(_row_label(row)), row) for row in with_amounts]
    ranked = [(rank, row) for rank, row in stages if rank is not None]
    if len(ranked) >= 2:
        return max(ranked, key=lambda d: d[0])[1]
    return with_amounts[0]


_CHINESE_NUMERAL = re.compile(r"[一二三四五六七八九十]+")


_STAGE_ROW = re.compile(r"^(?:((?:19|20)\d{2})年度?)?(?:全年|年初|调整后?)?(预算|决算|执行)(?:数|金额)?$")


def _row_label(row: list[str]) -> str:
    return next((squash(c) for c in row if c and not is_number(c)), "")


def _stage_rank(label: str) -> tuple[int, int] | None:
    """(year, 决算/执行 over 预算) of a row labelled as a stage of the year's money; None otherwise."""
    m = _STAGE_ROW.match(label)
    if m is None:
        return None
    return (int(m.group(1) or 0), 0 if m.group(2) == "预算" else 1)


def three_public_lines(rows, labels, keys, unit, body_offset, page) -> tuple[Line, ...]:
    """Either one row per item (Hebei) or one row with an item per column (Shanghai)."""
    lines: list[Line] = []
    money_cols = [i for i, k in enumerate(keys) if k]
    for r, row in enumerate(rows):
        name_cell = next((c for c in row if c and not is_number(c) and not _CHINESE_NUMERAL.fullmatch(c)), "")
        item = _three_public_key(name_cell) if name_cell else None
        if item:
            values = {keys[i]: parse_amount(row[i], unit) for i in money_cols}
            lines.append(
                Line(name=name_cell, values=values, code=item, row=body_offset + r, is_total=item == "total", page=page)
            )
    columns = _column_items(labels)
    column_items = {item for item, _ in columns if item and item not in ("table_total", "meeting", "training")}
    if len({ln.code for ln in lines} - {"total"}) >= 2 or (lines and len(column_items) < 2):
        return tuple(lines)  # one row per item
    # Column-wise: the labels name the items; one row holds them.
    row = _row_to_read(rows, unit)
    if row is None:
        return ()
    r = rows.index(row)
    best: dict[str, tuple[int, int, int]] = {}
    for item, variant in columns:
        if item:
            rank = _variant_rank(variant)
            best[item] = max(best.get(item, rank), rank)
    chosen: dict[str, list[int]] = {}
    for i, (item, variant) in enumerate(columns):
        if item and i < len(row) and _variant_rank(variant) == best[item] and best[item][0] >= 0:
            chosen.setdefault(item, []).append(i)
    out: list[Line] = []
    for item, cols in chosen.items():
        # The same item split by fund (一般公共预算 | 政府性基金 | 国有资本经营): its parts.
        amounts = [parse_amount(row[i], unit) for i in cols]
        amount = amounts[0] if len(amounts) == 1 else total_of(amounts)
        out.append(
            Line(
                name=labels[cols[0]],
                values={"total": amount},
                code=item,
                row=body_offset + r,
                is_total=item in ("total", "table_total"),
                page=page,
            )
        )
    return tuple(out)


def _own_amount(line: Line) -> Money | None:
    """The item's figure: its 合计, else this year's amount (a 决算数 beside the year's
    budget, qualified "budget…"; "2026年预算数" beside "amount@2025"), else its first column."""
    for key in ("total", "amount"):
        if key in line.values:
            return line.values[key]
    own = [k for k in line.values if not k.startswith("budget")]
    return line.values[own[0] if own else next(iter(line.values), "")] if line.values else None


def three_public(table: Table | None) -> ThreePublic | None:
    if table is None or table.empty:
        return None
    found: dict[str, Money | None] = {}
    for line in table.lines:
        if line.code and line.code not in found:
            found[line.code] = _own_amount(line)
    if "total" not in found and "table_total" in found and not {"meeting", "training"} & set(found):
        found["total"] = found["table_total"]  # the table holds nothing but 三公: its 合计 is theirs
    items = [found.get(k) for k in ("overseas", "vehicles", "reception")]
    total = found.get("total")
    printed = "total" in found
    if not printed:
        present = [a for a in items if a is not None]
        total = sum(present[1:], present[0]) if present else None
    vehicles = found.get("vehicles")
    if vehicles is None and ("vehicle_purchase" in found or "vehicle_operation" in found):
        parts = [a for a in (found.get("vehicle_purchase"), found.get("vehicle_operation")) if a is not None]
        vehicles = sum(parts[1:], parts[0]) if parts else None
    return ThreePublic(
        total=total,
        overseas=found.get("overseas"),
        vehicles=vehicles,
        vehicle_purchase=found.get("vehicle_purchase"),
        vehicle_operation=found.get("vehicle_operation"),
        reception=found.get("reception"),
        running_costs=found.get("running_costs"),
        total_printed=printed,
    )
