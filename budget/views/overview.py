"""The 总览 page: the headline figures with their shares, and where the money goes by 类."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from budget.checks.places import side_line
from budget.views.basic_project import basic_of, economic_table, part_totals
from budget.model import STANDARD_TABLES, Disclosure, Line, Money, MoneyUnit, Table, TableKind, total_of
from budget.views.display import DisplayUnit, exact, figure, geometry
from budget.views.hierarchy import one_per_code
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
    # "printed"; "summed": the exact sum of the printed rows (the total row lacks it);
    # "derived": worked out from the table's codes (人员 / 公用 from 301–399), not printed;
    # "stated": no table prints it, the narrative does (on ``page``)
    how: str = "printed"
    page: int | None = None

    @property
    def derived(self) -> bool:
        return self.how == "derived"

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


def missing_part(d: Disclosure) -> str | None:
    """What a file that may be one part of a disclosure lacks: "tables" when it has no table
    at all (北京's 情况说明, published apart from its 报表), "standard" when none of its tables
    is a standard one (广州's 部门整体支出绩效目标表 published alone); else None. Parts
    uploaded together are read as one document, so the page can say what to add."""
    if not d.tables:
        return "tables" if d.sections else None
    kinds = {t.kind for t in d.tables}
    return None if kinds & set(STANDARD_TABLES) else "standard"


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


def amount_of(line: Line, key: str) -> Money | None:
    """A row's figure for a measure (total / basic / project). 基本支出 printed only as its
    two parts (西安's 人员经费支出 | 公用经费支出 | 专项业务经费支出 columns, no 基本支出
    column) is their exact sum: 基本支出 is 人员经费 plus 公用经费 by definition."""
    value = line.values.get(key)
    if value is None and key == "basic":
        return total_of([line.values.get(part) for part in ("personnel", "public")])
    return value


def expenditure_line(d: Disclosure) -> Line | None:
    table = d.table(TableKind.EXPENDITURE)
    return table.total_line() if table else None


def functional_total_line(d: Disclosure) -> Line | None:
    """The total row of the table the functional rows come from (``d.functional_table``),
    else of the 支出总表."""
    if d.functional_table is not None:
        line = d.tables[d.functional_table].total_line()
        if line is not None:
            return line
    return expenditure_line(d)


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


def stated_procurement(d: Disclosure) -> tuple[Money, int | None] | None:
    """The 政府采购 total the narrative states, as TEXT-PROC reads it, and its page: most
    documents give it only in words (95 of the 138 corpus files print no 政府采购预算表,
    and all but two of those state the total)."""
    from budget.checks.places import quote_page
    from budget.checks.text import passage

    quote = next((q for key, q in passage(d, "TEXT-PROC").quotes if key == "procurement"), None)
    if quote is None:
        return None
    section = d.sections[quote.section_index] if 0 <= quote.section_index < len(d.sections) else None
    return quote.amount, quote_page(section, quote.sentence) if section is not None else None


# The funds an economic table's basic spending is of, when it is not all of them.
_BASIC_OF: Mapping[TableKind, str] = {
    TableKind.BASIC_ECONOMIC: "一般公共预算",
    TableKind.GENERAL_PUBLIC_ECONOMIC: "一般公共预算",
    TableKind.FISCAL_BASIC_ECONOMIC: "财政拨款",
}


def overview(d: Disclosure) -> Overview:
    spending = expenditure_total(d)
    line = expenditure_line(d)
    basic = amount_of(line, "basic") if line else None
    project = line.project if line else None
    parts_source = TableKind.EXPENDITURE
    split = functional_total_line(d)
    if basic is None and project is None and split is not None and split.total == spending:
        # The 支出总表 lists funding sources, not 基本 / 项目 (西安); the functional table
        # of the same total splits it (its kind says which table the figures come from).
        basic, project = amount_of(split, "basic"), split.project
        parts_source = d.tables[d.functional_table].kind if d.functional_table is not None else parts_source
    # 人员经费 / 公用经费 as the 基本与项目 page draws them: printed on the total row, else the
    # sum of the part's printed classes (决算 tables whose total row carries one part), else
    # (no such columns: 广州, 深圳) by the economic codes.
    parts = part_totals(d)
    personnel, personnel_how = parts.get("personnel", (None, "printed"))
    public, public_how = parts.get("public", (None, "printed"))
    table = economic_table(d)
    parts_source_economic: TableKind | None = table.kind if table is not None else TableKind.BASIC_ECONOMIC
    parts_line = table.total_line() if table else None
    three = d.three_public.total if d.three_public else None
    procurement, procurement_how, procurement_page = procurement_total(d), "printed", None
    if procurement is None and (stated := stated_procurement(d)) is not None:
        (procurement, procurement_page), procurement_how = stated, "stated"

    # 人员 / 公用 are shares of the basic spending of the table they are read from (as the
    # 基本与项目 page draws them), which is often the 一般公共预算 part of it only: named so
    # when it is not the 基本支出 on the card beside them (湖州市卫健委: 20,452.54 of
    # 21,160.29 一般公共预算基本支出, 4.4% of all 463,456.94 基本支出).
    basic_whole = basic_of(parts_line) if parts_line else basic
    if parts_line is not None and basic_whole is None and personnel is not None and public is not None:
        basic_whole = personnel + public  # the table's 合计 not read: its two parts
    basic_whole_label = "基本支出"
    if table is not None and basic is not None and basic_whole is not None and basic_whole != basic:
        basic_whole_label = _BASIC_OF.get(table.kind, "") + "基本支出"
    summary = TableKind.SUMMARY if d.table(TableKind.SUMMARY) else TableKind.INCOME
    spending_source = TableKind.EXPENDITURE if line is not None and line.total is not None else TableKind.SUMMARY

    def head(
        key: str,
        label: str,
        amount: Money | None,
        whole_label: str,
        whole: Money | None,
        source: TableKind | None,
        how: str = "printed",
        page: int | None = None,
    ):
        s = share_label(amount, whole) if whole_label else ""
        return Headline(
            label, amount, f"占{whole_label} {s}" if s else "", key, s, whole_label if s else "", source, how, page
        )

    headlines = (
        head("income_total", "收入总计", income_total(d), "", None, summary),
        head("expenditure_total", "支出总计", spending, "", None, spending_source),
        head("basic", "基本支出", basic, "支出总计", spending, parts_source),
        head("project", "项目支出", project, "支出总计", spending, parts_source),
        head("personnel", "人员经费", personnel, basic_whole_label, basic_whole, parts_source_economic, personnel_how),
        head("public", "公用经费", public, basic_whole_label, basic_whole, parts_source_economic, public_how),
        head("three_public", "“三公”经费", three, "支出总计", spending, TableKind.THREE_PUBLIC),
        head(
            "procurement",
            "政府采购",
            procurement,
            "支出总计",
            spending,
            TableKind.PROCUREMENT,
            procurement_how,
            procurement_page,
        ),
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


def _classes(d: Disclosure) -> list[tuple[str, str, dict[str, Money | None]]]:
    """(类 code, name, total / basic / project) of the functional rows. A table that
    prints only 款 or 项 rows (北京's 一般公共预算支出表 lists 2130201 行政运行 … and no
    213 row) is summed exactly into its 类 from its shallowest rows, named by the
    government classification."""
    from budget.checks.form import REFERENCE

    keys = ("total", "basic", "project")
    total_line = functional_total_line(d)
    rows = one_per_code(d.functional, total_line.total if total_line else None)
    coded = [(code, line) for line in rows if (code := clean_code(line.code))]
    level = {code: line.level or level_of_code(code) or 0 for code, line in coded}
    printed = [(c, line.name, {k: amount_of(line, k) for k in keys}) for c, line in coded if level[c] == 1]
    if printed:
        return printed
    by_class: dict[str, list[Line]] = {}
    for code, line in coded:
        by_class.setdefault(code[:3], []).append(line)
    classes = []
    for cls, lines in by_class.items():
        shallowest = min(level[clean_code(line.code) or ""] for line in lines)
        rows = [line for line in lines if level[clean_code(line.code) or ""] == shallowest]
        name = REFERENCE.get(("func", cls), cls)
        classes.append((cls, name, {k: total_of([amount_of(line, k) for line in rows]) for k in keys}))
    return classes


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
    for code, name, amounts in _classes(d):
        row: dict[str, object] = {
            "code": code,
            "name": name,
            "total": amounts["total"],
            "basic": amounts["basic"],
            "project": amounts["project"],
            "share_label": share_label(amounts["total"], spending),
        }
        for key in ("total", "basic", "project"):
            amount = amounts[key]
            row[f"{key}_value"] = value(amount)
            row[f"{key}_label"] = label(amount)
            row[f"{key}_exact"] = exact(amount)
        rows.append(row)
    columns = ["code", "name", "total", "basic", "project", "share_label"] + [
        f"{key}_{part}" for part in ("value", "label", "exact") for key in ("total", "basic", "project")
    ]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values("total_value", ascending=False, kind="stable").reset_index(drop=True)
