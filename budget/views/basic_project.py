"""The 基本与项目 page: basic expenditure → 人员经费 / 公用经费 → economic 类 → 款."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from budget.checks.core import CheckReport
from budget.model import Disclosure, Line, TableKind
from budget.views.display import DisplayUnit, figure
from budget.views.hierarchy import ROOT, Hierarchy, Node, build_hierarchy, one_per_code, tree_findings
from budget.vocabulary import clean_code, level_of_code, parent_code


def economic_hierarchy(d: Disclosure, report: CheckReport, unit: DisplayUnit | None = None) -> Hierarchy:
    """基本支出 → 人员经费 / 公用经费 → economic 类 → 款 (basic-expenditure table), with the
    check's findings in that table's 合计 / 人员经费 / 公用经费 columns."""
    table = d.table(TableKind.BASIC_ECONOMIC)
    total_line = table.total_line() if table else None
    nodes: list[Node] = []
    for key, label in (("personnel", "人员经费"), ("public", "公用经费")):
        part_total = total_line.values.get(key) if total_line else None
        part_nodes = []
        for line in _by_code(d):
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
    if not nodes:
        nodes = _classes_only(d)
    root_amount = total_line.total if total_line else None
    index = next((i for i, t in enumerate(d.tables) if t is table), None) if table is not None else None
    problems = tree_findings(report, index, {"total", "personnel", "public"})
    return build_hierarchy(nodes, "基本支出", root_amount, unit, problems)


def _by_code(d: Disclosure) -> list[Line]:
    """The economic rows, one per code (西安 splits 30101 基本工资 by 政府经济科目 over two
    rows): a tile per row would repeat an id and the treemap would draw nothing."""
    table = d.table(TableKind.BASIC_ECONOMIC)
    total_line = table.total_line() if table else None
    return one_per_code(d.economic, total_line.total if total_line else None)


def split_by_part(d: Disclosure) -> bool:
    """Whether the basic-expenditure table prints 人员经费 / 公用经费 (else the treemap
    opens its economic classes directly)."""
    return any(line.values.get(k) is not None for line in d.economic for k in ("personnel", "public"))


def _classes_only(d: Disclosure) -> list[Node]:
    """基本支出 → economic 类 → 款 from a table that prints one amount per class and no
    人员 / 公用 columns (广州's 部门预算支出经济科目 | 预算): what it prints, no split guessed."""
    nodes = []
    for line in _by_code(d):
        code = clean_code(line.code)
        amount = line.values.get("total")
        if not code or amount is None or amount.amount <= 0:
            continue
        parent = parent_code(code)
        nodes.append(Node(code, parent or ROOT, line.name, amount, code, line.level or level_of_code(code) or 1))
    return nodes


def tiles_frame(h: Hierarchy, translate: Callable[[str], str] = str, unit: DisplayUnit | None = None) -> pd.DataFrame:
    """Every tile of the treemap as a row, in tree order with its level indented:
    科目 (code and name), 金额 (display label; with a ``unit``: the figure alone, the unit in
    the header), 占比 (of 基本支出). A tile without a code
    (人员经费, 公用经费) is named by us, not the document: ``translate`` gets its name."""
    frame = h.frame[h.frame["id"] != ROOT]
    depth = {ROOT: 0}
    for node, parent in zip(frame["id"], frame["parent"], strict=False):
        depth[node] = depth.get(parent, 0) + 1
    names = [
        "\u3000" * (depth[node] - 1) + (f"{code} {name}" if isinstance(code, str) and code else translate(name))
        for node, code, name in zip(frame["id"], frame["code"], frame["name"], strict=False)
    ]
    if unit is None:
        return pd.DataFrame({"科目": names, "金额": list(frame["amount_label"]), "占比": list(frame["share_label"])})
    amounts = [figure(m, unit, with_unit=False) for m in frame["amount"]]
    return pd.DataFrame({"科目": names, f"金额（{unit}）": amounts, "占比": list(frame["share_label"])})
