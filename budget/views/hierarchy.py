"""Trees for sunbursts and treemaps: nodes with exact amounts, geometry that always draws."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from budget.model import Money, total_of
from budget.views.display import DisplayUnit, exact, figure
from budget.vocabulary import money_label, share, share_label

ROOT = "root"


@dataclass(frozen=True)
class Node:
    id: str
    parent: str  # "" for the root
    name: str
    amount: Money | None
    code: str | None = None
    level: int = 0


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
        node = Node(node.id, parent, node.name, node.amount, node.code, node.level)
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
        if node.amount is not None and summed is not None and summed > node.amount:
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
