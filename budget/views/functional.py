"""The 支出结构 page: 类 → 款 → 项 of the expenditure table for one measure, and its rows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from budget.checks.core import CheckReport
from budget.model import COLUMN_LABELS, Disclosure, Line, Money, MoneyUnit, TableKind
from budget.views.display import DisplayUnit, figure
from budget.views.hierarchy import ROOT, Hierarchy, Node, build_hierarchy, one_per_code, tree_findings
from budget.views.overview import amount_of, functional_total_line
from budget.vocabulary import clean_code, level_of_code, parent_code, share_label

MEASURES: dict[str, str] = {"total": "合计", "basic": "基本支出", "project": "项目支出"}


def functional_hierarchy(
    d: Disclosure, report: CheckReport, measure: str = "total", unit: DisplayUnit | None = None
) -> Hierarchy:
    """类 → 款 → 项 of the expenditure table for one measure (total/basic/project), with
    the check's findings in that table's column for the measure (``Hierarchy.problems``).

    A row whose amount is blank or zero for the measure is left out (nothing to draw);
    a blank parent is kept when it has drawn children.
    """
    coded = [(code, line) for line in functional_rows(d) if (code := clean_code(line.code))]
    wanted: dict[str, Line] = {}
    for code, line in coded:
        amount = amount_of(line, measure)
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
        amount = amount_of(line, measure)
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
    total_line = functional_total_line(d)  # the total of the rows drawn
    if total_line is not None:
        root_amount = amount_of(total_line, measure)
    # the check's findings in the measure's column of the table the rows come from (基本支出
    # drawn as 人员 + 公用 where it is printed only as those two: their columns too)
    keys = {measure, "personnel", "public"} if measure == "basic" else {measure}
    problems = tree_findings(report, _functional_index(d), keys)
    return build_hierarchy(nodes, f"{MEASURES[measure]}", root_amount, unit, problems)


def _functional_index(d: Disclosure) -> int | None:
    """The table the functional rows come from (else the 支出总表)."""
    if d.functional_table is not None:
        return d.functional_table
    return next((i for i, t in enumerate(d.tables) if t.kind == TableKind.EXPENDITURE), None)


def functional_rows(d: Disclosure) -> list[Line]:
    """The functional rows, one per code (a table printed per 预算单位 summed by code)."""
    total_line = functional_total_line(d)
    return one_per_code(d.functional, total_line.total if total_line else None)


def subtree_lines(d: Disclosure, sector: str | None) -> tuple[Line, ...]:
    """The functional rows of a sector (its own row and every row below it)."""
    rows = functional_rows(d)
    if not sector or sector == ROOT:
        return tuple(line for line in rows if line.code)
    return tuple(line for line in rows if (code := clean_code(line.code)) and code.startswith(sector))


def lines_frame(
    lines: Iterable[Line],
    keys: Sequence[str],
    unit: MoneyUnit | DisplayUnit,
    drop_blank: bool = True,
) -> pd.DataFrame:
    """Display frame: 科目编码, 科目名称 (indented by level), one formatted column per key.

    A ``DisplayUnit`` converts every amount to it with two decimals; a ``MoneyUnit`` (the
    document's own) keeps the figures as printed. With ``drop_blank`` a money column that
    is blank or zero in every row is left out (except the first).
    """
    lines = list(lines)
    if drop_blank:
        # A column with nothing but blanks and zeros (经营支出 printed 0.00 on every row)
        # says nothing; the first key, the measure, always stays.
        keys = [
            k for i, k in enumerate(keys) if i == 0 or any((m := line.values.get(k)) and m.amount for line in lines)
        ] or list(keys[:1])

    def text(m: Money | None) -> str:
        if m is None:
            return ""
        return figure(m, unit, with_unit=False) if isinstance(unit, DisplayUnit) else m.format(with_unit=False)

    rows = []
    for line in lines:
        indent = "\u3000" * max((line.level or 1) - 1, 0)
        row = {"科目编码": clean_code(line.code) or "", "科目名称": indent + line.name}
        for key in keys:
            row[f"{COLUMN_LABELS.get(key, key)}（{unit}）"] = text(line.values.get(key))
        rows.append(row)
    columns = ["科目编码", "科目名称", *[f"{COLUMN_LABELS.get(k, k)}（{unit}）" for k in keys]]
    return pd.DataFrame(rows, columns=columns)


def functional_keys(d: Disclosure) -> list[str]:
    """The money columns the expenditure rows carry, in a sensible order."""
    present = {key for line in d.functional for key in line.values}
    # 人员 / 公用 where a table prints 基本支出 as those two columns (西安), as printed.
    order = ["total", "basic", "personnel", "public", "project", "operating_expense", "to_superior", "to_subsidiary"]
    return [k for k in order if k in present] or ["total"]


def sector_labels(d: Disclosure) -> dict[str, str]:
    """Every sector a link or the picker can name, under any measure: ROOT first, then
    each coded row as "208 社会保障和就业支出", in the order printed."""
    out = {ROOT: "全部科目"}
    for line in d.functional:
        code = clean_code(line.code)
        if code and code not in out:
            out[code] = f"{code} {line.name}"
    return out


def drawn_sector(h: Hierarchy, wanted: str | None) -> str:
    """The sector to show for ``wanted`` under this measure: itself when drawn, else its
    nearest drawn ancestor (a 款 without project spending shows its 类), else ROOT."""
    ids = set(h.frame["id"])
    node = wanted
    while node and node != ROOT:
        if node in ids:
            return node
        node = parent_code(node)
    return ROOT


def path_to(h: Hierarchy, node: str) -> list[str]:
    """ROOT, …, ``node``: the breadcrumb of a drawn sector."""
    parents = dict(zip(h.frame["id"], h.frame["parent"], strict=False))
    path = [node]
    while path[-1] in parents and parents[path[-1]] not in ("", None):
        path.append(parents[path[-1]])
    if path[-1] != ROOT:
        path.append(ROOT)
    return path[::-1]


def ring(h: Hierarchy, level: str) -> pd.DataFrame:
    """The sectors directly under ``level`` (what the chart's inner ring shows there),
    largest first: id, code, name, amount, amount_label, exact_label, share of ``level``."""
    frame = h.frame
    children = frame[frame["parent"] == level].copy()
    whole = frame.loc[frame["id"] == level, "amount"]
    total = whole.iloc[0] if len(whole) and whole.iloc[0] is not None else h.total
    children["level_share"] = [share_label(a, total) for a in children["amount"]]
    children = children.sort_values("value", ascending=False, kind="stable")
    return children[["id", "code", "name", "amount", "amount_label", "exact_label", "level_share"]].reset_index(
        drop=True
    )


def measure_lines(d: Disclosure, h: Hierarchy, sector: str | None) -> tuple[Line, ...]:
    """The rows of a sector that the measure draws (its own and those below it)."""
    drawn = set(h.frame["id"])
    return tuple(line for line in subtree_lines(d, sector) if clean_code(line.code) in drawn)
