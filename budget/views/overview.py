"""The 总览 page: the headline figures with their shares, and where the money goes by 类."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from budget.checks.places import side_line
from budget.model import Disclosure, Line, Money, MoneyUnit, Table, TableKind, total_of
from budget.views.display import DisplayUnit, exact, figure, geometry
from budget.vocabulary import clean_code, level_of_code, money_label, share_label


@dataclass(frozen=True)
class Headline:
    label: str
    amount: Money | None
    share_label: str  # "占支出总计 26.7%" or ""
    key: str = ""  # income_total, expenditure_total, basic … (the 对比 page's row keys)
    share: str = ""  # "26.7%" or ""
    whole: str = ""  # what it is a share of: "支出总计" / "基本支出"
    source: TableKind | None = None  # the table the figure is read from

    @property
    def amount_label(self) -> str:
        return money_label(self.amount)


@dataclass(frozen=True)
class Overview:
    unit_name: str
    year: int | None
    money_unit: MoneyUnit
    kind: str
    headlines: tuple[Headline, ...]
    recognised_tables: int
    unknown_tables: int
    empty_tables: int
    projects: int
    indicators: int


def _side_total(table: Table | None, side: str, words: Sequence[str]) -> Money | None:
    """The total of one side of a 收支 table, found as the text rules find it (``side_line``),
    else the last printed total line of that side."""
    if table is None:
        return None
    for word in words:
        line = side_line(table, side, word, printed="total")
        if line is not None:
            return line.total
    for line in reversed(table.lines):
        if line.side == side and line.is_total and line.total is not None:
            return line.total
    return None


def income_total(d: Disclosure) -> Money | None:
    found = _side_total(d.table(TableKind.SUMMARY), "income", ("收入总计", "总计"))
    if found is None:
        table = d.table(TableKind.INCOME)
        line = table.total_line() if table else None
        found = line.total if line else None
    return found


def expenditure_line(d: Disclosure) -> Line | None:
    table = d.table(TableKind.EXPENDITURE)
    return table.total_line() if table else None


def expenditure_total(d: Disclosure) -> Money | None:
    line = expenditure_line(d)
    if line is not None and line.total is not None:
        return line.total
    return _side_total(d.table(TableKind.SUMMARY), "expenditure", ("支出总计", "总计"))


def procurement_total(d: Disclosure) -> Money | None:
    totals = [p.amount for p in d.procurement if p.is_total and p.amount is not None]
    if totals:
        return max(totals)
    return total_of([p.amount for p in d.procurement if not p.is_total])


def overview(d: Disclosure) -> Overview:
    spending = expenditure_total(d)
    line = expenditure_line(d)
    basic = line.basic if line else None
    project = line.project if line else None
    economic = d.table(TableKind.BASIC_ECONOMIC)
    economic_total = economic.total_line() if economic else None
    personnel = economic_total.personnel if economic_total else None
    public = economic_total.public if economic_total else None
    three = d.three_public.total if d.three_public else None
    procurement = procurement_total(d)

    basic_whole = economic_total.total if economic_total else basic
    summary = TableKind.SUMMARY if d.table(TableKind.SUMMARY) else TableKind.INCOME
    spending_source = TableKind.EXPENDITURE if line is not None and line.total is not None else TableKind.SUMMARY

    def head(key: str, label: str, amount: Money | None, whole_label: str, whole: Money | None, source: TableKind):
        s = share_label(amount, whole) if whole_label else ""
        return Headline(label, amount, f"占{whole_label} {s}" if s else "", key, s, whole_label if s else "", source)

    headlines = (
        head("income_total", "收入总计", income_total(d), "", None, summary),
        head("expenditure_total", "支出总计", spending, "", None, spending_source),
        head("basic", "基本支出", basic, "支出总计", spending, TableKind.EXPENDITURE),
        head("project", "项目支出", project, "支出总计", spending, TableKind.EXPENDITURE),
        head("personnel", "人员经费", personnel, "基本支出", basic_whole, TableKind.BASIC_ECONOMIC),
        head("public", "公用经费", public, "基本支出", basic_whole, TableKind.BASIC_ECONOMIC),
        head("three_public", "“三公”经费", three, "支出总计", spending, TableKind.THREE_PUBLIC),
        head("procurement", "政府采购", procurement, "支出总计", spending, TableKind.PROCUREMENT),
    )
    return Overview(
        unit_name=d.unit.name,
        year=d.unit.year,
        money_unit=d.unit.money_unit,
        kind=d.unit.kind,
        headlines=headlines,
        recognised_tables=sum(1 for t in d.tables if t.kind != TableKind.UNKNOWN),
        unknown_tables=sum(1 for t in d.tables if t.kind == TableKind.UNKNOWN),
        empty_tables=sum(1 for t in d.tables if t.empty),
        projects=len(d.performance),
        indicators=sum(len(p.indicators) for p in d.performance),
    )


def by_class(d: Disclosure, unit: DisplayUnit | None = None) -> pd.DataFrame:
    """One row per functional 类: code, name, total, basic, project (Money | None),
    with labels; sorted by total, largest first (for "where the money goes").

    With a display ``unit`` the labels are two-decimal figures in it and the values
    (geometry) are in it too; ``*_exact`` keep the figure as printed for tooltips.
    """
    spending = expenditure_total(d)

    def label(m: Money | None) -> str:
        return money_label(m) if unit is None else figure(m, unit)

    def value(m: Money | None) -> float:
        if m is None:
            return 0.0
        return float(m.amount) if unit is None else geometry(m, unit)

    rows = []
    for line in d.functional:
        code = clean_code(line.code)
        if not code or (line.level or level_of_code(code) or 0) != 1:
            continue
        row: dict[str, object] = {
            "code": code,
            "name": line.name,
            "total": line.total,
            "basic": line.basic,
            "project": line.project,
            "share_label": share_label(line.total, spending),
        }
        for key in ("total", "basic", "project"):
            amount = line.values.get(key)
            row[f"{key}_value"] = value(amount)
            row[f"{key}_label"] = label(amount)
            row[f"{key}_exact"] = exact(amount)
        rows.append(row)
    columns = ["code", "name", "total", "basic", "project", "share_label"] + [
        f"{key}_{part}" for part in ("value", "label", "exact") for key in ("total", "basic", "project")
    ]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values("total_value", ascending=False, kind="stable").reset_index(drop=True)
