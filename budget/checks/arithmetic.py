"""Arithmetic within one table: rows, the classification hierarchy, totals, 三公."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from budget.checks.amounts import Comparison, compare_sum
from budget.checks.core import Category, Context, Finding, Location, Need, Severity, noted, rule
from budget.checks.places import (
    ROUNDING_NOTE,
    THREE_PUBLIC_READ,
    asset_location,
    asset_total,
    coded,
    column_label,
    figure,
    keys_of,
    level_of,
    line_location,
    main_value,
    parts_text,
    row_label,
    squash,
    sum_finding,
    sum_fields,
)
from budget.model import AssetLine, Line, Money, MoneyUnit, Table, TableKind

# The classified tables whose hierarchy is summed (budget.model.CLASSIFIED_TABLES are all
# the tables with coded rows).
CLASSIFIED = (
    TableKind.INCOME,
    TableKind.EXPENDITURE,
    TableKind.GENERAL_PUBLIC,
    TableKind.GOV_FUND,
    TableKind.STATE_CAPITAL,
    TableKind.BASIC_ECONOMIC,
)
ROW_TABLES = (*CLASSIFIED, TableKind.SUMMARY, TableKind.FISCAL_SUMMARY, TableKind.THREE_PUBLIC)

SOURCES = ("appropriation", "special_account", "business", "operating", "superior_grant", "subsidiary", "other")
OTHER_SOURCES = SOURCES[1:]
FUNDS = ("general_public", "gov_fund", "state_capital")
# what a year's income is topped up with (西安: 用事业基金弥补收支差额, 上年实户资金余额)
CARRY = ("carried_in", "carried_in_cash", "fund_offset")
# (whole, parts, keys whose presence makes this group redundant, keys that must be there:
# without its main part a row would be summed from the columns that happen to be read)
ROW_GROUPS: tuple[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    ("total", ("basic", "project", "operating_expense", "to_superior", "to_subsidiary"), (), ("basic", "project")),
    ("basic", ("personnel", "public"), (), ("personnel", "public")),
    (
        "total",
        ("personnel", "public", "project", "operating_expense", "to_superior", "to_subsidiary"),
        ("basic",),
        ("personnel", "public", "project"),
    ),
    ("total", ("personnel", "public"), ("basic", "project"), ("personnel", "public")),
    ("total", ("current", *CARRY), (), ("current",)),
    ("current", SOURCES, (), ("appropriation",)),
    ("total", (*SOURCES, *CARRY), ("current",), ("appropriation",)),
    # the appropriation printed by fund, beside the other sources (收入总表 without a 财政拨款 subtotal)
    ("total", (*FUNDS, *OTHER_SOURCES, *CARRY), ("current", "appropriation"), ("general_public",)),
    ("current", (*FUNDS, *OTHER_SOURCES), ("appropriation",), ("general_public",)),
    # funds alone (财政拨款收支总表): only where no other source is printed
    ("total", FUNDS, (*OTHER_SOURCES, *CARRY, "current"), ("general_public",)),
)

# one wrong cell reported once (budget.checks.reading.merge_cell_defects)
CELL_TEMPLATE = "{table} {row} {column} 可能填错：{count} 处核对因它不成立，都相差 {difference}（{where}）"
ROW_TEMPLATE = "{table} {row}：{whole} {actual}，{parts} = {expected}，相差 {difference}"


def _row_groups(line: Line) -> Iterator[tuple[str, tuple[str, ...]]]:
    own = keys_of(line)  # canonical -> the line's key ("of_which.basic" is the basic column)
    keys = set(own)
    for whole, parts, superseded_by, required in ROW_GROUPS:
        present = tuple(p for p in parts if p in keys)
        if whole in keys and len(present) >= 2 and keys.issuperset(required) and not keys.intersection(superseded_by):
            yield own[whole], tuple(own[p] for p in present)


def _printed_against_sum(
    ctx: Context, table: Table, printed: Money | None, values: Sequence[Money | None], rounded: int | None = None
) -> Comparison | None:
    """A printed figure against the sum of its parts; None when all are blank or it adds up exactly."""
    if printed is None and all(v is None for v in values):
        return None
    # a blank 合计 over printed parts is wrong: it counts as zero
    actual = printed if printed is not None else Money(Decimal(0), table.money_unit or ctx.unit)
    comparison = compare_sum(actual, values, rounded)
    return None if comparison.equal else comparison


@dataclass(frozen=True, slots=True)
class SumCheck:
    """One identity of a table: a printed figure against the sum of the figures it totals."""

    table: Table
    table_index: int | None
    line: Line  # where the whole is printed
    whole: str  # its column key
    parts: tuple[tuple[Line, str], ...]  # the cells summed: (line, column key)
    comparison: Comparison | None  # None: all blank, or it adds up exactly
    checked: bool  # something was printed (a blank row checks nothing)
    part_tables: tuple[int | None, ...] = ()  # the table of each part (a table continued over pages)

    @property
    def failed(self) -> bool:
        return self.comparison is not None and self.comparison.mismatch

    @property
    def printed(self) -> Money | None:
        return self.line.values.get(self.whole)

    def cells(self) -> tuple[tuple[int | None, int, str], ...]:
        """(table index, row index, column key) of every cell of the identity, the whole first."""
        tables = self.part_tables or (self.table_index,) * len(self.parts)
        parts = ((index, line.row, key) for index, (line, key) in zip(tables, self.parts, strict=True))
        return ((self.table_index, self.line.row, self.whole), *parts)


def _sum(
    ctx: Context,
    table: Table,
    line: Line,
    whole: str,
    parts: tuple[tuple[Line, str], ...],
    part_tables: tuple[int | None, ...] = (),
    rounded: int | None = None,
) -> SumCheck:
    printed = line.values.get(whole)
    values = [part.values.get(key) for part, key in parts]
    comparison = _printed_against_sum(ctx, table, printed, values, rounded)
    checked = printed is not None or any(v is not None for v in values)
    return SumCheck(table, ctx.table_index(table), line, whole, parts, comparison, checked, part_tables)


def row_checks(ctx: Context) -> tuple[SumCheck, ...]:
    """Every row identity of the classified and summary tables (合计 = Σ parts), once per run."""

    def compute(c: Context) -> tuple[SumCheck, ...]:
        found = []
        for table in c.doc.tables:
            if table.kind not in ROW_TABLES or not table.lines:
                continue
            for line in table.lines:
                for whole, parts in _row_groups(line):
                    found.append(_sum(c, table, line, whole, tuple((line, p) for p in parts)))
        return tuple(found)

    return ctx.memo("row_checks", compute)  # type: ignore[return-value]


def _sum_params(ctx: Context, check: SumCheck, labels: Sequence[str]) -> dict[str, object]:
    comparison = check.comparison
    assert comparison is not None
    return {
        "items": [
            (label, ctx.amount(part.values.get(key))) for label, (part, key) in zip(labels, check.parts, strict=True)
        ],
        "tolerance": comparison.tolerance,
        "cells": check.cells(),
        "rows": {
            (table, row): row_label(line) for (table, row, _), line in zip(check.cells(), _lines(check), strict=True)
        },
        "table": check.table.label,
        "tables": (check.table_index,),
    }


def _lines(check: SumCheck) -> tuple[Line, ...]:
    return (check.line, *(part for part, _ in check.parts))


def _row_finding(ctx: Context, check: SumCheck) -> Finding:
    table, line, whole = check.table, check.line, check.whole
    comparison = check.comparison
    assert comparison is not None
    labels = [column_label(table, key) for _, key in check.parts]
    values = [part.values.get(key) for part, key in check.parts]
    parts_str = parts_text(labels, values)
    fields = sum_fields(
        comparison,
        parts_str,
        blank=check.printed is None,
        table=table.label,
        row=row_label(line),
        whole=column_label(table, whole),
    )
    message = ROW_TEMPLATE.format(**fields)
    found = sum_finding(
        ctx,
        comparison,
        line_location(ctx, table, line, whole),
        message,
        f"{table.label} {row_label(line)}",
        column_label(table, whole),
        parts_str,
        coarse_total=_coarse_total(check),
        fields=fields,
    )
    params = _sum_params(ctx, check, labels)
    signal = misread_signal(check)
    if signal is not None and found.severity == Severity.RULE:
        return replace(noted(found, "signal", signal=signal), severity=Severity.WARNING, params=params)
    return replace(found, params=params)


NUMBER_CELL = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^-?\d+(?:\.\d+)?$")


def misread_signal(check: SumCheck) -> str | None:
    """Why a failed row sum more likely comes from the reading than from the document:
    the parts are all blank while the whole is not, or the difference is exactly another
    figure printed in the row that the sum did not take (a column the reader left out)."""
    comparison = check.comparison
    if comparison is None or not comparison.mismatch:
        return None
    parts = [part.values.get(key) for part, key in check.parts]
    printed = check.printed
    if printed is not None and printed.amount != 0 and all(p is None or p.amount == 0 for p in parts):
        return "分项栏都是空白或零，可能没有读到分项所在的栏"
    if printed is None and any(p is not None and p.amount != 0 for p in parts):
        return "合计栏读为空白，可能没有读到合计所在的栏"
    gap = abs(comparison.difference.amount)
    unit = comparison.difference.unit
    unread = _unmapped_sum(check, unit)
    if unread is not None and abs(unread - gap) <= comparison.tolerance:
        return "相差恰为本行未识别各栏之和，可能有的栏没有读到"
    used = {p.amount for p in (*parts, printed) if p is not None}
    body = check.line.row - len(check.table.header)  # Line.row counts the header rows
    row = check.table.rows[body] if 0 <= body < len(check.table.rows) else ()
    money_unit = printed.unit if printed is not None else unit
    for cell in row:
        text = cell.replace(",", "").strip()
        if (
            NUMBER_CELL.match(cell.strip())
            and Decimal(text) not in used
            and Decimal(text) != 0
            and Money(Decimal(text), money_unit).to(unit).amount.copy_abs() == gap
        ):
            return f"相差恰为本行另一栏的 {cell.strip()}，可能漏读了这一栏"
    return None


def _unmapped_sum(check: SumCheck, unit: MoneyUnit) -> Decimal | None:
    """The sum of the figures printed in the row under columns the reader gave no key."""
    table = check.table
    body = check.line.row - len(table.header)
    if not 0 <= body < len(table.rows) or not table.column_keys:
        return None
    money_unit = table.money_unit or unit
    total = Decimal(0)
    found = False
    for index, cell in enumerate(table.rows[body]):
        if index < len(table.column_keys) and table.column_keys[index] is None and NUMBER_CELL.match(cell.strip()):
            value = Decimal(cell.replace(",", "").strip())
            if value != 0:
                total += Money(value, money_unit).to(unit).amount
                found = True
    return total.copy_abs() if found else None


def _coarse_total(check: SumCheck) -> bool:
    """A whole printed in whole 元 above parts printed to the fen: rounded away, not by rounding."""
    printed = check.printed
    parts = [part.values.get(key) for part, key in check.parts]
    quanta = [p.quantum for p in parts if p is not None and p.amount != 0]
    return (
        printed is not None
        and printed.unit == MoneyUnit.YUAN
        and printed.quantum == 1
        and bool(quanta)
        and min(quanta) < 1
    )


@rule(
    "ARITH-ROW",
    "每行合计等于各分项之和",
    Category.ARITHMETIC,
    Severity.ERROR,
    ROW_TEMPLATE,
    "逐行核对合计栏与各分项栏（基本支出 + 项目支出、人员经费 + 公用经费、各收入来源），改正抄录或求和错误。",
    templates={"rounding": ROUNDING_NOTE, "cell": CELL_TEMPLATE},
    needs=(
        Need(lambda ctx: any(t.kind in ROW_TABLES and t.lines for t in ctx.doc.tables), "文件中没有可核对的收支表格"),
    ),
)
def row_totals(ctx: Context) -> Iterator[Finding]:
    for check in row_checks(ctx):
        if check.comparison is not None:
            yield _row_finding(ctx, check)


HIER_TEMPLATE = "{table} {row}：{column} {actual}，下级科目 {parts} = {expected}，相差 {difference}"


def _children(coded: Sequence[Line], parent: Line) -> list[Line]:
    level = level_of(parent)
    if level is None or not parent.code:
        return []
    # a table printed per 预算单位 has the same codes once per unit: children are the unit's own
    under = [
        c for c in coded if c is not parent and c.code and c.code.startswith(parent.code) and c.unit == parent.unit
    ]
    middle = {c.code for c in under if level_of(c) == level + 1}
    # a 项 whose 款 is not printed (西安: 3010201 津贴补贴 straight under 301) counts under the 类
    return [
        c
        for c in under
        if level_of(c) == level + 1
        or (level_of(c) == level + 2 and c.code and len(c.code) == 7 and c.code[:5] not in middle)
    ]


SCHEME_DIGITS = {TableKind.BASIC_ECONOMIC: "35"}  # economic 类 301…399 and 501…599; functional 2xx


def _well_formed(table: Table, line: Line) -> bool:
    """A code that can be in this table's classification (a misread figure is not a 类)."""
    code = line.code or ""
    return code.isdigit() and len(code) in (3, 5, 7) and code[0] in SCHEME_DIGITS.get(table.kind, "235")


def table_groups(tables: Sequence[Table]) -> list[list[int]]:
    """Indexes of tables that are one table continued over pages: consecutive, of one
    kind, with the same title (or none) and the same columns."""
    groups: list[list[int]] = []
    for index, table in enumerate(tables):
        if groups:
            previous = tables[groups[-1][-1]]
            same_title = squash(previous.title) == squash(table.title) or not squash(table.title)
            seen = {(ln.unit, ln.code) for i in groups[-1] for ln in tables[i].lines if ln.code}
            repeats = {(ln.unit, ln.code) for ln in table.lines if ln.code} & seen
            if (
                previous.kind == table.kind != TableKind.UNKNOWN
                and same_title
                and previous.column_keys == table.column_keys
                and not repeats  # the same codes again: another unit's block, not the next page
            ):
                groups[-1].append(index)
                continue
        groups.append([index])
    return groups


def _leaf_counts(coded: list[Line]) -> Counter[tuple[str | None, str]]:
    """For every code, how many lines of the lowest level lie under it (itself, for a leaf):
    each was rounded when printed, and a total may be worked out from them unrounded."""
    places = {(line.unit, line.code) for line in coded if line.code}
    has_children = {(unit, code[:n]) for unit, code in places for n in (3, 5) if len(code) > n}
    counts: Counter[tuple[str | None, str]] = Counter()
    for unit, code in places:
        if (unit, code) in has_children:
            continue
        for n in {3, 5, len(code)}:
            if len(code) >= n:
                counts[unit, code[:n]] += 1
    return counts


def _continued(ctx: Context, tables: Sequence[Table], group: list[int], coded: list[Line]) -> set[str]:
    """The 类 and 款 still open at the end of a table continued in the next one (the next
    table is of the same kind but was not joined, or the next page came out as an unnamed
    table or as text listing codes under them): their sums cannot be checked here."""
    last = coded[-1].code or ""
    open_codes = {last[:n] for n in (3, 5) if len(last) > n}
    if not open_codes:
        return set()
    last_table = tables[group[-1]]
    last_page = max(last_table.pages or (last_table.page or 0,))
    after = group[-1] + 1
    if after < len(tables):
        next_table = tables[after]
        unnamed_next_page = next_table.kind == TableKind.UNKNOWN and next_table.page == last_page + 1
        if next_table.kind == last_table.kind or unnamed_next_page:
            return open_codes
    under = re.compile(rf"(?<!\d)(?:{'|'.join(sorted(open_codes))})\d{{2,4}}(?!\d)")
    for section in ctx.doc.sections:
        if section.page == last_page + 1 and under.search(f"{section.heading}\n{section.text}"[:4000]):
            return open_codes  # the rows of the next page were read as text
    return set()


def _hierarchy_pairs(coded: list[Line], total: Line | None) -> Iterator[tuple[Line, list[Line]]]:
    for parent in coded:
        children = _children(coded, parent)
        if children:
            yield parent, children
    top = [line for line in coded if level_of(line) == 1]
    if total is not None and top:
        yield total, top


def hierarchy_checks(ctx: Context) -> tuple[SumCheck, ...]:
    """Every hierarchy identity (类 = Σ款 = Σ项, 合计 = Σ类) per column, once per run; a
    table continued over pages is one table, and a line repeated at a page break counts once."""

    def compute(c: Context) -> tuple[SumCheck, ...]:
        found = []
        tables = c.doc.tables
        for group in table_groups(tables):
            if tables[group[0]].kind not in CLASSIFIED:
                continue
            home: dict[int, int] = {}  # id(line) -> its table
            coded: list[Line] = []
            seen: set[tuple[str | None, str, tuple[tuple[str, object], ...]]] = set()
            total = None
            for index in group:
                table = tables[index]
                total = total or table.total_line()
                for line in table.lines:
                    if not line.code or line.is_total or not _well_formed(table, line):
                        continue
                    signature = (line.unit, line.code, tuple(sorted((k, v) for k, v in line.values.items())))
                    if signature in seen:
                        continue
                    seen.add(signature)
                    home[id(line)] = index
                    coded.append(line)
            if not coded:
                continue
            open_codes = _continued(c, tables, group, coded)
            counts = _leaf_counts(coded)
            for parent, children in _hierarchy_pairs(coded, None if open_codes else total):
                if parent.code in open_codes:
                    continue  # its lower lines go on in a table the reader did not join to this one
                table = tables[home.get(id(parent), group[0])]
                part_tables = tuple(home.get(id(child)) for child in children)
                for key in keys_of(parent).values():
                    parts = tuple((child, key) for child in children)
                    leaves = sum(counts[child.unit, child.code or ""] for child in children)
                    found.append(_sum(c, table, parent, key, parts, part_tables, leaves))
        return tuple(found)

    return ctx.memo("hierarchy_checks", compute)  # type: ignore[return-value]


GLUED_FIGURES = re.compile(r"\d{1,3}(?:,\d{3})*\.\d{2}|\d+\.\d{2}")


def skipped_row_signal(check: SumCheck) -> str | None:
    """A failed 类/款 sum whose difference is exactly the figures of a row under it that
    the reader did not turn into a line (two rows run together, '3011230113 … 2.3039.70'):
    the reading lost the row, not the document its figure."""
    comparison = check.comparison
    if comparison is None or not comparison.mismatch:
        return None
    table = check.table
    own = list(table.lines)
    ids = {id(line): i for i, line in enumerate(own)}
    if id(check.line) not in ids:
        return None
    last = max((ids[id(child)] for child, _ in check.parts if id(child) in ids), default=ids[id(check.line)])
    start = check.line.row
    after = [line.row for line in own[last + 1 :] if line.code]
    end = after[0] if after else len(table.header) + len(table.rows)
    read_rows = {line.row for line in own if line.code}
    gap = comparison.difference.amount.copy_abs()
    unit = comparison.difference.unit
    money_unit = table.money_unit or unit
    for number in range(start + 1, end):
        body = number - len(table.header)
        if number in read_rows or not 0 <= body < len(table.rows):
            continue
        for cell in table.rows[body]:
            figures = [Decimal(f.replace(",", "")) for f in GLUED_FIGURES.findall(cell)]
            if not figures or "".join(GLUED_FIGURES.findall(cell)) != cell.strip():
                continue
            candidates = {*figures, sum(figures, Decimal(0))}
            if any(abs(Money(f, money_unit).to(unit).amount - gap) <= comparison.tolerance for f in candidates if f):
                return f"相差恰为下面没有读成一行的“{cell.strip()}”，可能这几行读错了位"
    return None


def _hierarchy_finding(ctx: Context, check: SumCheck) -> Finding:
    table, parent, key = check.table, check.line, check.whole
    comparison = check.comparison
    assert comparison is not None
    labels = [child.code or squash(child.name) for child, _ in check.parts]
    values = [child.values.get(key) for child, _ in check.parts]
    parts = parts_text(labels, values)
    fields = sum_fields(
        comparison,
        parts,
        blank=check.printed is None,
        table=table.label,
        row=row_label(parent),
        column=column_label(table, key),
    )
    message = HIER_TEMPLATE.format(**fields)
    found = sum_finding(
        ctx,
        comparison,
        line_location(ctx, table, parent, key),
        message,
        f"{table.label} {row_label(parent)}",
        column_label(table, key),
        f"下级科目 {parts}",
        coarse_total=_coarse_total(check),
        fields=fields,
    )
    params = _sum_params(ctx, check, labels)
    signal = skipped_row_signal(check)
    if signal is not None and found.severity == Severity.RULE:
        return replace(noted(found, "signal", signal=signal), severity=Severity.WARNING, params=params)
    return replace(found, params=params)


@rule(
    "ARITH-HIER",
    "类 = Σ款 = Σ项，合计 = Σ类",
    Category.ARITHMETIC,
    Severity.ERROR,
    HIER_TEMPLATE,
    "核对科目层级：每个类、款的金额应等于其下级科目之和，合计行应等于各类之和；检查是否漏列或多列了下级科目。",
    templates={"rounding": ROUNDING_NOTE},
    needs=(coded(CLASSIFIED),),
)
def hierarchy(ctx: Context) -> Iterator[Finding]:
    for check in hierarchy_checks(ctx):
        if check.comparison is not None:
            yield _hierarchy_finding(ctx, check)


# --- 收支总表 / 财政拨款收支总表: 收入总计 = 支出总计 and friends -------------------------

INCOME_TOTAL = re.compile(r"收入总计")
EXPENDITURE_TOTAL = re.compile(r"支出总计")
INCOME_CURRENT = re.compile(r"本年收入合计")
EXPENDITURE_CURRENT = re.compile(r"本年支出合计")
CARRIED_IN = re.compile(r"上年结转|上年结余|年初.*结转|^结余、?结转$")
CARRIED_OUT = re.compile(r"年终结转|年末.*结转|结转下年")

TOTALS_TEMPLATE = "{table}：{what} {actual}，{parts} = {expected}，相差 {difference}"


def _named(table: Table, pattern: re.Pattern[str], side: str | None = None) -> Line | None:
    for line in table.lines:
        if pattern.search(squash(line.name)) and (side is None or line.side in (None, side)):
            return line
    return None


FUND_AGGREGATE = re.compile(r"^财政拨款(收入)?$")
FUND_ITEM = re.compile(r"^(一般公共预算|政府性基金|国有资本经营)")


def _items_before_total(table: Table, side: str, stop: Line | None) -> list[Line]:
    """The items of one side that add up to its total, in order, before the total row.

    Carry-over rows are left to the caller; in a table that prints 财政拨款收入 with its
    funds listed under it (Shanghai: 1、一般公共预算资金 …) the funds are sub-items.
    """
    items = []
    before = []
    for line in sorted((ln for ln in table.lines if ln.side == side), key=lambda ln: ln.row):
        if stop is not None and line.row >= stop.row or line.is_total:
            break
        before.append(line)
    for i, line in enumerate(before):
        name = squash(line.name)
        if CARRIED_IN.search(name) or CARRIED_OUT.search(name) or (line.level or 1) > 1:
            continue
        items.extend(_heading_items(before, i))
    if any(FUND_AGGREGATE.match(squash(ln.name)) for ln in items):
        items = [ln for ln in items if not FUND_ITEM.match(squash(ln.name))]
    return items


def _heading_items(lines: Sequence[Line], i: int) -> list[Line]:
    """The item at ``i``; or, when it is a heading printed blank over numbered items
    (西安: 一、部门预算 | blank, then 1、财政拨款 …, 2、上级补助收入 …), those items."""
    line = lines[i]
    if main_value(line) is not None:
        return [line]
    under = []
    for after in lines[i + 1 :]:
        if (after.level or 1) <= 1:
            break
        under.append(after)
    top = min((ln.level or 2 for ln in under), default=None)
    return [ln for ln in under if ln.level == top and not CARRIED_IN.search(squash(ln.name))] or [line]


def _totals_findings(
    ctx: Context,
    table: Table,
    whole: Line,
    parts: Sequence[Line | None],
    keys: Sequence[str] | None = None,
    rounded: int | None = None,
) -> Iterator[Finding]:
    """``whole`` = Σ ``parts`` for every amount column of ``whole`` (or the given keys);
    ``rounded``: how many rounded figures lie under the parts (a total worked out unrounded)."""
    present = [p for p in parts if p is not None]
    for key in keys or list(whole.values):
        printed = whole.values.get(key)
        values = [_value(p, key) for p in present]
        comparison = _printed_against_sum(ctx, table, printed, values, rounded)
        if comparison is None:
            continue
        parts_str = parts_text([squash(p.name) for p in present], values)
        what = squash(whole.name) + (f"（{column_label(table, key)}）" if key not in ("amount", "total") else "")
        fields = sum_fields(comparison, parts_str, blank=printed is None, table=table.label, what=what)
        message = TOTALS_TEMPLATE.format(**fields)
        location = line_location(ctx, table, whole, key)
        yield sum_finding(ctx, comparison, location, message, table.label, what, parts_str, fields=fields)


def _value(line: Line, key: str) -> Money | None:
    if key in line.values:
        return line.values[key]
    return main_value(line) if key in ("amount", "total") else None


def _summary_identities(ctx: Context, table: Table) -> Iterator[Finding]:
    income_total = _named(table, INCOME_TOTAL, "income")
    expenditure_total = _named(table, EXPENDITURE_TOTAL, "expenditure")
    income_current = _named(table, INCOME_CURRENT, "income")
    expenditure_current = _named(table, EXPENDITURE_CURRENT, "expenditure")
    if income_total is not None and expenditure_total is not None:
        key = "amount" if "amount" in income_total.values else "total"
        yield from _totals_findings(ctx, table, income_total, [expenditure_total], [key])
    for side, current, total, carried in (
        ("income", income_current, income_total, CARRIED_IN),
        ("expenditure", expenditure_current, expenditure_total, CARRIED_OUT),
    ):
        if total is None or current is None:
            continue
        parts = [current, _named(table, carried, side)]
        between = _between(table, side, current, total)
        if between and _sum_matches(total, [current, *between]):
            parts = [current, *between]  # 西安: 上年实户资金余额, 用事业基金弥补收支差额, 未安排支出的实户资金
        # 支出总计 may be worked out from the unrounded items under 本年支出合计
        yield from _totals_findings(ctx, table, total, parts, rounded=_figures_on(table, side, total, current))
    for side, current, total, carried in (
        ("income", income_current, income_total, CARRIED_IN),
        ("expenditure", expenditure_current, expenditure_total, CARRIED_OUT),
    ):
        whole = current or total
        if whole is None:
            continue
        items = _items_before_total(table, side, whole)
        extra = [] if current is not None else [_named(table, carried, side)]
        if items:
            rounded = _figures_on(table, side, whole)
            for key in whole.values:  # the breakdowns found column by column
                kept = _without_subitems(whole, items, extra, key)
                yield from _totals_findings(ctx, table, whole, [*kept, *extra], [key], rounded=rounded)


def _figures_on(table: Table, side: str, *besides: Line) -> int:
    """How many figures one side prints apart from its totals: a total may be worked out
    from all of them unrounded."""
    return sum(
        1
        for line in table.lines
        if line.side == side and all(line is not b for b in besides) and main_value(line) is not None
    )


def _between(table: Table, side: str, current: Line, total: Line) -> list[Line]:
    """The lines of one side printed between 本年收入合计 and 收入总计 (what is added to
    this year's to make the total), their 其中 breakdowns left out."""
    return [
        line
        for line in table.lines
        if line.side == side
        and current.row < line.row < total.row
        and not squash(line.name).startswith("其中")
        and (line.level or 1) == 1
        and main_value(line) is not None
    ]


def _sum_matches(whole: Line, parts: Sequence[Line | None], key: str | None = None) -> bool:
    printed = main_value(whole) if key is None else _value(whole, key)
    values = [main_value(p) if key is None else _value(p, key) for p in parts if p is not None]
    return printed is not None and not compare_sum(printed, values).mismatch


def _without_subitems(whole: Line, items: list[Line], extra: list[Line | None], key: str) -> list[Line]:
    """Items with printed breakdowns removed, when that is what makes the total add up.

    Some tables list an item and then its parts (一、基本支出 387.13, 人员经费 355.31, 公用经费
    31.82) without marking the parts; an item equal to the sum of the run of items right
    after it is taken as their subtotal — only if the sum then matches the total.
    """
    if _sum_matches(whole, [*items, *extra], key):
        return items
    kept: list[Line] = []
    skip_until = -1
    for i, item in enumerate(items):
        if i <= skip_until:
            continue
        kept.append(item)
        value = _value(item, key)
        if value is None or value.amount == 0:
            continue
        running = None
        for j in range(i + 1, len(items)):
            part = _value(items[j], key)
            running = part if running is None else (running + part if part is not None else running)
            if running is not None and running.amount == value.amount:
                skip_until = j
                break
    return kept if _sum_matches(whole, [*kept, *extra], key) else items


def _summary_tables(ctx: Context) -> list[Table]:
    return [t for t in ctx.doc.tables if t.kind in (TableKind.SUMMARY, TableKind.FISCAL_SUMMARY) and t.lines]


@rule(
    "ARITH-TOTALS",
    "收入总计 = 支出总计，总计 = 本年合计 + 结转，本年合计 = 各项之和",
    Category.ARITHMETIC,
    Severity.ERROR,
    TOTALS_TEMPLATE,
    "核对收支总表和财政拨款收支总表：收入总计应等于支出总计，本年合计应等于所列各项之和，总计应等于本年合计加结转结余。",
    needs=(Need(_summary_tables, "文件中没有收支总表或财政拨款收支总表"),),
    templates={"rounding": ROUNDING_NOTE},
)
def summary_totals(ctx: Context) -> Iterator[Finding]:
    for table in _summary_tables(ctx):
        # one wrong (or blank) total breaking several identities by the same amount: one
        # finding, the other identities its consequences
        first: dict[tuple[object, ...], int] = {}
        found: list[Finding] = []
        for finding in _summary_identities(ctx, table):
            where = (finding.location.row, finding.location.column, finding.difference)
            if finding.severity != Severity.INFO and where in first:
                i = first[where]
                found[i] = replace(found[i], consequences=(*found[i].consequences, finding))
                continue
            if finding.severity != Severity.INFO:
                first[where] = len(found)
            found.append(finding)
        yield from found


THREE_TEMPLATE = "“三公”经费支出表：{what} {actual}，{parts} = {expected}，相差 {difference}"


def _three_public_location(ctx: Context, column: str) -> Location:
    table = ctx.doc.table(TableKind.THREE_PUBLIC)
    return Location(
        table=TableKind.THREE_PUBLIC.value,
        row=column,
        column=column,
        page=table.page if table else None,
        table_index=ctx.table_index(table) if table else None,
    )


@rule(
    "ARITH-3PUB",
    "“三公”经费合计 = 出国 + 公务用车 + 接待；公务用车 = 购置 + 运行",
    Category.ARITHMETIC,
    Severity.ERROR,
    THREE_TEMPLATE,
    "核对“三公”经费支出表：合计应等于因公出国（境）费、公务用车购置及运行（维护）费、公务接待费之和，公务用车费应等于购置费与运行费之和。",
    needs=(THREE_PUBLIC_READ,),
    templates={"rounding": ROUNDING_NOTE},
)
def three_public_sums(ctx: Context) -> Iterator[Finding]:
    tp = ctx.doc.three_public
    assert tp is not None
    checks: list[tuple[str, Money | None, tuple[str, ...], tuple[Money | None, ...]]] = []
    if tp.total is not None and tp.total_printed:
        checks.append(
            (
                "合计",
                tp.total,
                ("因公出国（境）费", "公务用车购置及运行费", "公务接待费"),
                (tp.overseas, tp.vehicles, tp.reception),
            )
        )
    if tp.vehicles is not None or tp.vehicle_purchase is not None or tp.vehicle_operation is not None:
        checks.append(
            ("公务用车购置及运行费", tp.vehicles, ("购置费", "运行费"), (tp.vehicle_purchase, tp.vehicle_operation))
        )
    for what, printed, labels, values in checks:
        if printed is None:
            continue
        comparison = compare_sum(printed, values)
        if comparison.equal:
            continue
        parts = parts_text(labels, values)
        fields = sum_fields(comparison, parts, what=what)
        location = _three_public_location(ctx, what)
        message = THREE_TEMPLATE.format(**fields)
        yield sum_finding(ctx, comparison, location, message, "“三公”经费支出表", what, parts, fields=fields)


PROC_TEMPLATE = "政府采购预算表 {row}：金额 {actual}，{parts} = {expected}，相差 {difference}"


@rule(
    "ARITH-PROC",
    "政府采购：数量 × 单价 = 金额，合计 = 各项之和",
    Category.ARITHMETIC,
    Severity.ERROR,
    PROC_TEMPLATE,
    "核对政府采购预算表每一行的数量、单价和金额，以及合计行是否等于各行之和。",
    needs=(Need(lambda ctx: ctx.doc.procurement, "文件中没有政府采购预算表"),),
    templates={"rounding": ROUNDING_NOTE},
)
def procurement_sums(ctx: Context) -> Iterator[Finding]:
    lines = ctx.doc.procurement
    table = ctx.doc.table(TableKind.PROCUREMENT)
    index = ctx.table_index(table) if table else None
    items = [p for p in lines if not p.is_total]
    for p in items:
        if p.amount is None or p.quantity is None or p.unit_price is None:
            continue
        expected = Money(p.quantity * p.unit_price.amount, p.unit_price.unit)
        # the unit price is rounded: quantity × half its last digit is the envelope
        tolerance = abs(p.quantity) * p.unit_price.quantum / 2
        difference = p.amount.to(expected.unit).amount - expected.amount
        if abs(difference) <= tolerance:
            continue
        parts = f"数量 {p.quantity} × 单价 {figure(p.unit_price)}"
        fields: dict[str, object] = {
            "row": p.item,
            "actual": p.amount.format(),
            "parts": parts,
            "expected": expected.format(with_unit=False),
            "difference": Money(difference, expected.unit).format(with_unit=False),
        }
        yield Finding(
            message=PROC_TEMPLATE.format(**fields),
            fields=fields,
            location=Location(
                table=TableKind.PROCUREMENT.value, row=p.item, column="金额", table_index=index, row_index=p.row
            ),
            expected=ctx.amount(expected),
            actual=ctx.amount(p.amount),
            difference=ctx.amount(Money(difference, expected.unit)),
            unit=str(ctx.unit),
        )
    totals = [p for p in lines if p.is_total and p.amount is not None]
    if totals and items:
        whole = totals[0]
        assert whole.amount is not None
        values = [p.amount for p in items]
        comparison = compare_sum(whole.amount, values)
        if not comparison.equal:
            parts = parts_text([p.item for p in items], values)
            fields = sum_fields(comparison, parts, row="合计")
            message = PROC_TEMPLATE.format(**fields)
            location = Location(
                table=TableKind.PROCUREMENT.value, row="合计", column="金额", table_index=index, row_index=whole.row
            )
            yield sum_finding(ctx, comparison, location, message, "政府采购预算表", "合计", parts, fields=fields)


ASSET_TEMPLATE = "固定资产占用情况表：资产总额 {actual}，{parts} = {expected}，相差 {difference}"
ASSET_ITEM = re.compile(r"^\d+[、.．]")


def _asset_items(ctx: Context) -> list[AssetLine]:
    return [a for a in ctx.doc.assets if ASSET_ITEM.match(squash(a.item))]


@rule(
    "ARITH-ASSETS",
    "固定资产：资产总额 = 各类资产之和",
    Category.ARITHMETIC,
    Severity.ERROR,
    ASSET_TEMPLATE,
    "核对固定资产占用情况表：资产总额应等于房屋、车辆、设备、其他固定资产等各类价值之和（“其中”项不重复计入）。",
    needs=(
        Need(lambda ctx: ctx.doc.assets, "文件中没有固定资产占用情况表"),
        Need(lambda ctx: asset_total(ctx) is not None and _asset_items(ctx), "固定资产表没有资产总额行或编号的分类行"),
    ),
    templates={"rounding": ROUNDING_NOTE},
)
def asset_sums(ctx: Context) -> Iterator[Finding]:
    total = asset_total(ctx)
    items = _asset_items(ctx)
    assert total is not None
    values = [a.value for a in items]
    assert total.value is not None  # asset_total: the first total with a value
    comparison = compare_sum(total.value, values)
    if comparison.equal:
        return
    parts = parts_text([squash(a.item) for a in items], values)
    fields = sum_fields(comparison, parts)
    message = ASSET_TEMPLATE.format(**fields)
    location = asset_location(ctx, total)
    yield sum_finding(ctx, comparison, location, message, "固定资产占用情况表", "资产总额", parts, fields=fields)
