"""The 基本与项目 page: basic expenditure → 人员经费 / 公用经费 → economic 类 → 款."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pandas as pd

from budget import economic
from budget.checks.core import CheckReport
from budget.economic import basic_of as basic_of  # re-exported: the pages and 总览 read them here
from budget.economic import derived_parts as derived_parts
from budget.economic import economic_rows
from budget.economic import economic_table as economic_table
from budget.economic import split_by_part as split_by_part
from budget.economic import split_source as split_source
from budget.model import Disclosure, Line, Money, total_of
from budget.views.display import DisplayUnit, figure
from budget.views.hierarchy import ROOT, Hierarchy, Node, build_hierarchy, tree_findings
from budget.vocabulary import clean_code, level_of_code, parent_code


# The split itself (PERSONNEL_CLASSES, part_of, split_source, derived_parts …) is the
# domain's, in budget/economic.py: the check compares 机关运行经费 with the same figures.
PARTS = economic.PARTS
# The name of a part's tile when the split is ours, not the document's.
DERIVED_NAMES = {"personnel": "人员经费（按科目推算）", "public": "公用经费（按科目推算）"}


def economic_hierarchy(d: Disclosure, report: CheckReport, unit: DisplayUnit | None = None) -> Hierarchy:
    """基本支出 → 人员经费 / 公用经费 → economic 类 → 款, with the check's findings in the
    columns drawn. The parts are the table's own 人员经费 / 公用经费 columns; a table without
    them is split by its codes (``split_source`` says which), one that cannot be split
    (no 部门 economic codes) opens its classes directly."""
    table = economic_table(d)
    total_line = table.total_line() if table else None
    source = split_source(d)
    nodes = _printed_parts(d, total_line) if source == "printed" else _derived_parts(d) if source == "derived" else []
    if not nodes:
        nodes = _classes_only(d)
    root_amount = basic_of(total_line) if total_line else None
    index = next((i for i, t in enumerate(d.tables) if t is table), None) if table is not None else None
    keys = {"total", "personnel", "public"} if source == "printed" else {"total", "basic"}
    problems = tree_findings(report, index, keys)
    return build_hierarchy(nodes, "基本支出", root_amount, unit, problems)


def _printed_parts(d: Disclosure, total_line: Line | None) -> list[Node]:
    """The parts as the table prints them: each row's 人员经费 and 公用经费 cells."""
    nodes: list[Node] = []
    for key, label in PARTS:
        part_total = total_line.values.get(key) if total_line else None
        part_nodes = []
        for line in _by_code(d):
            code = clean_code(line.code)
            amount = line.values.get(key)
            if not code or amount is None or amount.amount <= 0:
                continue
            part_nodes.append(_node(key, code, line, amount))
        attached = _attached(key, part_nodes)
        if part_total is None:
            # The total row names no figure for the part (xian_12's 决算 table prints 公用经费合计
            # at the end of its third block, not read): the exact sum of its printed classes,
            # else the root took 人员经费 alone for the whole of basic expenditure (100.0 %).
            part_total = total_of([n.amount for n in attached if n.parent == key])
        if attached or (part_total is not None and part_total.amount > 0):
            nodes.append(Node(key, ROOT, label, part_total, None, 1))
            nodes.extend(attached)
    return nodes


def _derived_parts(d: Disclosure) -> list[Node]:
    """The parts from the codes: every row under the part of its class, each part the
    exact sum of its top rows (its 类, or 款 where a class is not printed), as the domain
    sums them (``derived_parts``)."""
    nodes: list[Node] = []
    rows = _by_code(d)
    for key, _label in PARTS:
        part = economic.part_rows(rows, key, basic_of)
        attached = _attached(key, [_node(key, clean_code(line.code) or "", line, amount) for line, amount in part])
        if attached:
            nodes.append(Node(key, ROOT, DERIVED_NAMES[key], economic.part_sum(part), None, 1))
            nodes.extend(attached)
    return nodes


def _node(key: str, code: str, line: Line, amount: Money) -> Node:
    parent = parent_code(code)
    return Node(
        id=f"{key}/{code}",
        parent=f"{key}/{parent}" if parent else key,
        name=line.name,
        amount=amount,
        code=code,
        level=(line.level or level_of_code(code) or 2) + 1,
    )


def _attached(key: str, part_nodes: list[Node]) -> list[Node]:
    """A part's rows, each under its printed parent, else directly under the part."""
    ids = {n.id for n in part_nodes}
    return [replace(n, parent=n.parent if n.parent in ids else key) for n in part_nodes]


def _by_code(d: Disclosure) -> list[Line]:
    """The economic rows, one per code (西安 splits 30101 基本工资 by 政府经济科目 over two
    rows): a tile per row would repeat an id and the treemap would draw nothing."""
    return economic_rows(d)


def part_totals(d: Disclosure) -> dict[str, tuple[Money | None, str]]:
    """人员经费 and 公用经费 with where each comes from: "printed" (the total row's cell),
    "summed" (the table prints the column but its total row does not carry it: the exact
    sum of its classes), "derived" (no such columns: by the codes); {} without a split."""
    source = split_source(d)
    if source == "derived":
        return {key: (amount, "derived") for key, amount in derived_parts(d).items()}
    if source != "printed":
        return {}
    table = economic_table(d)
    total_line = table.total_line() if table else None
    nodes = {n.id: n for n in _printed_parts(d, total_line)}
    out: dict[str, tuple[Money | None, str]] = {}
    for key, _label in PARTS:
        printed = total_line.values.get(key) if total_line else None
        if printed is not None:
            out[key] = (printed, "printed")
        else:
            out[key] = (nodes[key].amount if key in nodes else None, "summed")
    return out


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
