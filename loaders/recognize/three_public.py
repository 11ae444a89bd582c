"""The 三公 table: its lines and the ThreePublic totals."""

from __future__ import annotations

import re

from budget.model import Line, Money, Table, ThreePublic
from loaders.recognize.text import is_number, parse_amount, squash

# ---------------------------------------------------------------- 三公

_THREE_PUBLIC_WORDS: tuple[tuple[str, str], ...] = (
    ("机关运行经费", "running_costs"),
    ("购置及运", "vehicles"),
    ("购置和运", "vehicles"),
    ("购置费", "vehicle_purchase"),
    ("运行", "vehicle_operation"),
    ("因公出国", "overseas"),
    ("公务接待", "reception"),
    ("合计", "total"),
    ("小计", "vehicles"),
)


def _three_public_key(text: str) -> str | None:
    words = squash(text)
    if words.startswith("其中") and "购置费" not in words:
        return None  # "其中：教学科研人员因公出国（境）费" is a part of an item
    if words.startswith("其他因公出国"):
        return None
    for word, key in _THREE_PUBLIC_WORDS:
        if word in words:
            return key
    return None


def three_public_lines(rows, labels, keys, unit, body_offset, page) -> tuple[Line, ...]:
    """Either one row per item (Hebei) or one row with an item per column (Shanghai)."""
    lines: list[Line] = []
    money_cols = [i for i, k in enumerate(keys) if k]
    for r, row in enumerate(rows):
        name_cell = next(
            (c for c in row if c and not is_number(c) and not re.fullmatch(r"[一二三四五六七八九十]+", c)), ""
        )
        item = _three_public_key(name_cell) if name_cell else None
        if item:
            values = {keys[i]: parse_amount(row[i], unit) for i in money_cols}
            lines.append(
                Line(name=name_cell, values=values, code=item, row=body_offset + r, is_total=item == "total", page=page)
            )
    if lines:
        return tuple(lines)
    # Column-wise: the labels name the items; the first row with amounts holds them.
    for r, row in enumerate(rows):
        amounts = {i: parse_amount(row[i], unit) for i in range(len(row))}
        if not any(v is not None for v in amounts.values()):
            continue
        for i, label in enumerate(labels):
            item = _three_public_key(label.split("/")[-1]) or _three_public_key(label)
            if item and i < len(row):
                lines.append(
                    Line(
                        name=label,
                        values={"total": amounts[i]},
                        code=item,
                        row=body_offset + r,
                        is_total=item == "total",
                        page=page,
                    )
                )
        break
    return tuple(lines)


def three_public(table: Table | None) -> ThreePublic | None:
    if table is None or table.empty:
        return None
    found: dict[str, Money | None] = {}
    for line in table.lines:
        if line.code and line.code not in found:
            found[line.code] = line.values.get("total", next(iter(line.values.values()), None))
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
