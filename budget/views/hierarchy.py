"""Trees for sunbursts and treemaps: nodes with exact amounts, geometry that always draws."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import pandas as pd

from budget.checks.amounts import compare_sum
from budget.model import Line, Money, total_of
from budget.views.display import DisplayUnit, exact, figure
from budget.vocabulary import clean_code, level_of_code, money_label, share, share_label

ROOT = "root"


@dataclass(frozen=True)
class Node:
    id: str
    parent: str  # "" for the root
    name: str
    amount: Money | None
    code: str | None = None
    level: int = 0
    printed: int = 1  # printed figures summed into it (a code listed per 预算单位: one each)


@dataclass(frozen=True)
class Hierarchy:
    """A tree ready for a sunburst/treemap.

    ``frame`` columns: id, parent, code, name, level, amount (Money | None),
    value (float geometry), amount_label, exact_label, share (Decimal | None), share_label,
    text.
    ``problems`` lists parents smaller than the sum of their children (Chinese
    sentences); the geometry then uses the children's sum so the chart still draws,
    while the labels keep the printed figure.
    """

    frame: pd.DataFrame
    total: Money | None
    problems: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return len(self.frame) <= 1


def one_per_code(lines: Sequence[Line], total: Money | None = None) -> list[Line]:
    """One row per code, the rows of a code printed several times summed exactly: a table
    printed per 预算单位 (深圳 shenzhen_02 lists 205 教育支出 for each of its 19 units) or a
    code split over two rows (西安's 30101 by 政府经济科目). Repeated codes would repeat a
    chart's ids, and plotly draws nothing then. When the table also prints a summary
    block (the first unit's 类 rows already add up to ``total`` and the sum of every
    unit's would exceed it), the summary is kept instead of adding it to its parts."""
    codes = [clean_code(line.code) for line in lines]
    if len(set(filter(None, codes))) == len(list(filter(None, codes))):
        return list(lines)
    first_unit = lines[0].unit if lines else None
    if total is not None and first_unit is not None:
        first = [line for line in lines if line.unit == first_unit and level_of_code(clean_code(line.code) or "") == 1]
        every = [line for line in lines if level_of_code(clean_code(line.code) or "") == 1]
        first_sum, every_sum = total_of([line.total for line in first]), total_of([line.total for line in every])
        if (
            first_sum is not None
            and every_sum is not None
            and not compare_sum(total, [line.total for line in first]).mismatch
            and compare_sum(total, [line.total for line in every]).mismatch
        ):
            return [line for line in lines if line.unit == first_unit]
    merged: dict[str, Line] = {}
    order: list[str | Line] = []
    for line, code in zip(lines, codes, strict=True):
        if not code:
            order.append(line)
            continue
        if code not in merged:
            merged[code] = line
            order.append(code)
            continue
        kept = merged[code]
        keys = dict.fromkeys([*kept.values, *line.values])
        values = {k: total_of([kept.values.get(k), line.values.get(k)]) for k in keys}
        merged[code] = replace(kept, values={k: v for k, v in values.items() if v is not None}, unit=None)
    return [merged[item] if isinstance(item, str) else item for item in order]


def _beyond_rounding(node: Node, kids: Sequence[Node]) -> bool:
    """The node against its children beyond rounding: half a unit of the last digit for
    every printed figure involved (a node summed from 19 units' rows counts 19)."""
    assert node.amount is not None
    comparison = compare_sum(node.amount, [c.amount for c in kids])
    per_figure = comparison.tolerance / max(comparison.items, 1)
    # As the check counts it: the items summed; a node itself summed from n rows adds n − 1.
    figures = node.printed - 1 + sum(c.printed for c in kids if c.amount is not None)
    return abs(comparison.difference.amount) > per_figure * figures


def build_hierarchy(
    nodes: Sequence[Node], root_name: str, root_amount: Money | None, unit: DisplayUnit | None = None
) -> Hierarchy:
    """The tree of ``nodes`` under a root; with a display ``unit`` the labels are
    two-decimal figures in it (``exact_label`` keeps the printed figure either way)."""
    ids = {n.id for n in nodes}
    children: dict[str, list[Node]] = {}
    fixed: list[Node] = []
    for node in nodes:
        parent = node.parent if node.parent in ids else ROOT
        node = Node(node.id, parent, node.name, node.amount, node.code, node.level, node.printed)
        fixed.append(node)
        children.setdefault(parent, []).append(node)

    problems: list[str] = []
    values: dict[str, float] = {}
    sums: dict[str, Money | None] = {}

    def child_sum(node_id: str) -> Money | None:
        return total_of([c.amount for c in children.get(node_id, [])])

    def visit(node: Node) -> float:
        # Children first, so a parent is drawn at least as large as its children: a
        # parent printed smaller than their sum (bad data) would make plotly drop it.
        below = sum(visit(c) for c in children.get(node.id, []))
        own = float(node.amount.amount) if node.amount is not None else 0.0
        summed = child_sum(node.id)
        sums[node.id] = summed
        # Only beyond rounding: a total of rounded items may differ from their sum by
        # half a unit of the last digit per item (wuhan_02's 合计 14,572.53 against
        # 14,572.54 is rounding, not bad data; the check reports it as a note).
        beyond = summed is not None and node.amount is not None and _beyond_rounding(node, children.get(node.id, []))
        if node.amount is not None and summed is not None and summed > node.amount and beyond:
            label = f"{node.code} {node.name}" if node.code else node.name
            problems.append(
                f"{label}：列示 {node.amount.format()}，小于下级合计 {summed.format()}，"
                f"相差 {(summed - node.amount).format()}"
            )
        values[node.id] = max(own, below)
        return values[node.id]

    total = root_amount
    if total is None:
        total = child_sum(ROOT)
    root = Node(ROOT, "", root_name, total)
    visit(root)

    rows = []
    for node in [root, *fixed]:
        amount_label = money_label(node.amount) if unit is None else figure(node.amount, unit)
        share_text = share_label(node.amount, total) if node.id != ROOT else ""
        text = amount_label if not share_text else f"{amount_label}<br>{share_text}"
        rows.append(
            {
                "id": node.id,
                "parent": node.parent,
                "code": node.code,
                "name": node.name,
                "level": node.level,
                "amount": node.amount,
                "value": values[node.id],
                "amount_label": amount_label,
                "exact_label": exact(node.amount),
                "share": share(node.amount, total) if node.id != ROOT else None,
                "share_label": share_text,
                "text": text,
            }
        )
    return Hierarchy(pd.DataFrame(rows), total, tuple(problems))
