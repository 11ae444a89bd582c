"""The 支出结构 page: 类 → 款 → 项 of the expenditure table for one measure, and its rows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from budget.model import COLUMN_LABELS, Disclosure, Line, MoneyUnit, TableKind
from budget.views.hierarchy import ROOT, Hierarchy, Node, build_hierarchy
from budget.vocabulary import clean_code, level_of_code, parent_code

MEASURES: dict[str, str] = {"total": "合计", "basic": "基本支出", "project": "项目支出"}


def functional_hierarchy(d: Disclosure, measure: str = "total") -> Hierarchy:
    """类 → 款 → 项 of the expenditure table for one measure (total/basic/project).

    A row whose amount is blank or zero for the measure is left out (nothing to draw);
    a blank parent is kept when it has drawn children.
    """
    coded = [(code, line) for line in d.functional if (code := clean_code(line.code))]
    wanted: dict[str, Line] = {}
    for code, line in coded:
        amount = line.values.get(measure)
        if amount is not None and amount.amount > 0:
            wanted[code] = line
    # Keep the ancestors of every drawn row.
    by_code = dict(coded)
    for code in list(wanted):
        parent = parent_code(code)
        while parent:
            if parent in by_code and parent not in wanted:
                wanted[parent] = by_code[parent]
            parent = parent_code(parent)
    nodes = []
    for code, line in coded:
        if code not in wanted:
            continue
        amount = line.values.get(measure)
        nodes.append(
            Node(
                id=code,
                parent=parent_code(code) or ROOT,
                name=line.name,
                amount=amount if amount is not None and amount.amount > 0 else None,
                code=code,
                level=line.level or level_of_code(code) or 0,
            )
        )
    root_amount = None
    # the root is the total of the table the functional rows were read from (the 支出总表,
    # or the 一般公共预算支出表 where the 支出总表 is printed by unit or economic class)
    table = d.tables[d.functional_table] if d.functional_table is not None else d.table(TableKind.EXPENDITURE)
    total_line = table.total_line() if table else None
    if total_line is not None:
        root_amount = total_line.values.get(measure)
    return build_hierarchy(nodes, f"{MEASURES[measure]}", root_amount)


def subtree_lines(d: Disclosure, sector: str | None) -> tuple[Line, ...]:
    """The functional rows of a sector (its own row and every row below it)."""
    if not sector or sector == ROOT:
        return tuple(line for line in d.functional if line.code)
    return tuple(line for line in d.functional if (code := clean_code(line.code)) and code.startswith(sector))


def lines_frame(lines: Iterable[Line], keys: Sequence[str], unit: MoneyUnit, drop_blank: bool = True) -> pd.DataFrame:
    """Display frame: 科目编码, 科目名称 (indented by level), one formatted column per key.

    With ``drop_blank`` a money column that is blank in every row is left out.
    """
    lines = list(lines)
    if drop_blank:
        keys = [k for k in keys if any(line.values.get(k) is not None for line in lines)] or list(keys[:1])
    rows = []
    for line in lines:
        indent = "\u3000" * max((line.level or 1) - 1, 0)
        row = {"科目编码": clean_code(line.code) or "", "科目名称": indent + line.name}
        for key in keys:
            row[f"{COLUMN_LABELS.get(key, key)}（{unit}）"] = (
                "" if (m := line.values.get(key)) is None else m.format(with_unit=False)
            )
        rows.append(row)
    columns = ["科目编码", "科目名称", *[f"{COLUMN_LABELS.get(k, k)}（{unit}）" for k in keys]]
    return pd.DataFrame(rows, columns=columns)


def functional_keys(d: Disclosure) -> list[str]:
    """The money columns the expenditure rows carry, in a sensible order."""
    present = {key for line in d.functional for key in line.values}
    order = ["total", "basic", "project", "operating_expense", "to_superior", "to_subsidiary"]
    return [k for k in order if k in present] or ["total"]
