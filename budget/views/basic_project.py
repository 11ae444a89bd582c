"""The 基本与项目 page: basic expenditure → 人员经费 / 公用经费 → economic 类 → 款."""

from __future__ import annotations

from budget.model import Disclosure, TableKind
from budget.views.hierarchy import ROOT, Hierarchy, Node, build_hierarchy
from budget.vocabulary import clean_code, level_of_code, parent_code


def economic_hierarchy(d: Disclosure) -> Hierarchy:
    """基本支出 → 人员经费 / 公用经费 → economic 类 → 款 (basic-expenditure table)."""
    table = d.table(TableKind.BASIC_ECONOMIC)
    total_line = table.total_line() if table else None
    nodes: list[Node] = []
    for key, label in (("personnel", "人员经费"), ("public", "公用经费")):
        part_total = total_line.values.get(key) if total_line else None
        part_nodes = []
        for line in d.economic:
            code = clean_code(line.code)
            amount = line.values.get(key)
            if not code or amount is None or amount.amount <= 0:
                continue
            parent = parent_code(code)
            part_nodes.append(
                Node(
                    id=f"{key}/{code}",
                    parent=f"{key}/{parent}" if parent else key,
                    name=line.name,
                    amount=amount,
                    code=code,
                    level=(line.level or level_of_code(code) or 2) + 1,
                )
            )
        if part_nodes or (part_total is not None and part_total.amount > 0):
            nodes.append(Node(key, ROOT, label, part_total, None, 1))
            for node in part_nodes:
                parent = node.parent if any(n.id == node.parent for n in part_nodes) else key
                nodes.append(Node(node.id, parent, node.name, node.amount, node.code, node.level))
    root_amount = total_line.total if total_line else None
    return build_hierarchy(nodes, "基本支出", root_amount)
