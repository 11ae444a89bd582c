"""Trees for sunbursts and treemaps: nodes with exact amounts, geometry that always draws."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

import pandas as pd

from budget.checks.core import CheckReport, Finding, Severity
from budget.checks.places import canonical
from budget.economic import one_per_code as one_per_code  # re-exported: functional, overview
from budget.model import Money, total_of
from budget.views.check import findings_at
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
    ``problems``: what the 发布前检查 found in the rows drawn (errors and warnings, as
    the check page rates them); the tree does not judge. Where a parent is printed
    smaller than its children's sum, the geometry uses the sum so the chart still
    draws, while the labels keep the printed figure.
    """

    frame: pd.DataFrame
    total: Money | None
    problems: tuple[Finding, ...] = ()

    @property
    def empty(self) -> bool:
        return len(self.frame) <= 1


def build_hierarchy(
    nodes: Sequence[Node],
    root_name: str,
    root_amount: Money | None,
    unit: DisplayUnit | None = None,
    problems: Sequence[Finding] = (),
) -> Hierarchy:
    """The tree of ``nodes`` under a root; with a display ``unit`` the labels are
    two-decimal figures in it (``exact_label`` keeps the printed figure either way);
    ``problems``: the check's findings in the rows drawn."""
    ids = {n.id for n in nodes}
    children: dict[str, list[Node]] = {}
    fixed: list[Node] = []
    for node in nodes:
        parent = node.parent if node.parent in ids else ROOT
        node = Node(node.id, parent, node.name, node.amount, node.code, node.level)
        fixed.append(node)
        children.setdefault(parent, []).append(node)

    values: dict[str, float] = {}

    def child_sum(node_id: str) -> Money | None:
        return total_of([c.amount for c in children.get(node_id, [])])

    def visit(node: Node) -> float:
        # Children first, so a parent is drawn at least as large as its children: a
        # parent printed smaller than their sum (bad data) would make plotly drop it.
        below = sum(visit(c) for c in children.get(node.id, []))
        own = float(node.amount.amount) if node.amount is not None else 0.0
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


# What a tree's rows can fail in the check: their sums, and the reading of their table.
TREE_RULES = ("ARITH-HIER", "ARITH-ROW", "READ-TABLE")


def tree_findings(report: CheckReport, table_index: int | None, keys: Collection[str]) -> tuple[Finding, ...]:
    """The check's errors and warnings in the rows of one table a tree draws: its sums
    in the columns ``keys`` (类 = Σ款, 合计 = Σ类; a row's 合计 = its parts) and whether the
    table was read reliably — with the engine's severity and tolerance (a rounding note
    is not a problem here: the check page lists it)."""
    if table_index is None:
        return ()

    def where(f: Finding) -> bool:
        if f.location.table_index != table_index:
            return False
        if f.rule == "READ-TABLE":
            return True
        cells = f.params.get("cells")
        whole = cells[0][2] if isinstance(cells, tuple) and cells else None
        return isinstance(whole, str) and (canonical(whole) or whole) in keys

    found = findings_at(report, TREE_RULES, where)
    return tuple(f for f in found if f.severity in (Severity.ERROR, Severity.WARNING))
