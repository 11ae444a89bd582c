"""Shared helpers to name places and figures the way a finance officer reads them."""

from __future__ import annotations

import re
from dataclasses import replace
from collections.abc import Collection, Iterable, Mapping, Sequence
from decimal import Decimal

from budget.checks.amounts import Comparison
from budget.checks.core import DEFAULT_TEMPLATE, NOTES, Context, Finding, Location, Need, Severity
from budget.model import COLUMN_LABELS, AssetLine, Disclosure, Line, Money, Section, Table, TableKind

CN_ITEM = re.compile(r"^[一二三四五六七八九十]+、")  # top-level item: 一、… 三十一、…
SPACES = re.compile(r"\s+")


def squash(text: str) -> str:
    """Text without any whitespace (names are compared this way). str.split() cuts at the
    characters re's \\s matches (both ask Py_UNICODE_ISSPACE), at a fraction of re.sub's cost."""
    return "".join((text or "").split())


def money(value: Money | None) -> str:
    return "空白" if value is None else value.format()


def figure(value: Money | None) -> str:
    return "空白" if value is None else value.format(with_unit=False)


QUALIFIED = re.compile(r"@|\.\d+$|^(?:prior|change)")


def canonical(key: str) -> str | None:
    """A column key as the rules know it: "of_which.basic" (其中：基本支出) is basic; a
    year-qualified, prior-year, change or second column of a name is none of this year's."""
    if QUALIFIED.search(key):
        return None
    return key.removeprefix("of_which.") or None


def keys_of(line: Line) -> dict[str, str]:
    """canonical key -> the line's own key, the first column of each name."""
    found: dict[str, str] = {}
    for key in line.values:
        base = canonical(key)
        if base is not None and base not in found:
            found[base] = key
    return found


# keys the readers give that the model has no label for yet
EXTRA_LABELS = {
    "carried_in_cash": "上年实户资金余额",
    "fund_offset": "用事业基金弥补收支差额",
    "carried_out": "结转下年",
    "surplus_distribution": "结余分配",
    "non_appropriation_surplus": "非财政拨款结余",
    "unit_funds": "单位资金",
}


def column_label(table: Table, key: str) -> str:
    name = canonical(key) or key
    label = COLUMN_LABELS.get(name) or EXTRA_LABELS.get(name)
    if label is not None:
        return label
    base, _, number = key.partition(".")
    if base == "amount" and number.isdigit():
        return f"第 {number} 个金额栏"  # 西安's 收支总表: one amount column per classification
    return key


def _code(line: Line) -> str | None:
    """A classification code; the keys some readers put in ``code`` (overseas …) are not."""
    return line.code if line.code and line.code.isdigit() else None


def row_label(line: Line) -> str:
    name = squash(line.name)
    if not _code(line):
        return name
    # a table printed per 预算单位 repeats its codes: the unit tells which row
    return f"{squash(line.unit)} {_code(line)} {name}" if line.unit else f"{_code(line)} {name}"


def line_location(ctx: Context, table: Table, line: Line, key: str | None = None) -> Location:
    column_index = table.column_keys.index(key) if key and key in table.column_keys else None
    return Location(
        table=table.kind.value,
        row=_code(line) or squash(line.name),
        column=column_label(table, key) if key else None,
        page=line.page if line.page is not None else table.page,
        table_index=ctx.table_index(table),
        row_index=line.row,
        column_index=column_index,
    )


def side_line(table: Table | None, side: str, word: str, printed: str | None = None) -> Line | None:
    """The first line of one side (income / expenditure) whose name contains ``word``;
    with ``printed``, the first such line that has a figure in that column."""
    if table is None:
        return None
    return next(
        (
            ln
            for ln in table.lines
            if ln.side == side and word in squash(ln.name) and (printed is None or ln.values.get(printed) is not None)
        ),
        None,
    )


def three_public_cell(ctx: Context, row: str) -> Location:
    """An item of the 三公 table (its row and column are named alike)."""
    table = ctx.doc.table(TableKind.THREE_PUBLIC)
    return Location(
        table=TableKind.THREE_PUBLIC.value, row=row, column=row, table_index=ctx.table_index(table) if table else None
    )


ASSET_TOTAL = re.compile(r"资产总额|合计|总计")


def asset_total(ctx: Context) -> AssetLine | None:
    """The 资产总额 line of the fixed-assets table: the first total with a value."""
    return next((a for a in ctx.doc.assets if ASSET_TOTAL.search(squash(a.item)) and a.value is not None), None)


def asset_location(ctx: Context, line: AssetLine) -> Location:
    table = ctx.doc.table(TableKind.ASSETS)
    return Location(
        table=TableKind.ASSETS.value,
        row=squash(line.item),
        column="价值",
        table_index=ctx.table_index(table) if table else None,
        row_index=line.row,
    )


def level_of(line: Line) -> int | None:
    if line.level is not None:
        return line.level
    if line.code and line.code.isdigit():
        return {3: 1, 5: 2, 7: 3}.get(len(line.code))
    return None


def main_value(line: Line) -> Money | None:
    """The line's single amount: 合计 when it has one, else 预算数, else its only figure."""
    for key in ("total", "amount"):
        if key in line.values:
            return line.values[key]
    present = [v for v in line.values.values() if v is not None]
    return present[0] if len(present) == 1 else None


def parts_text(labels: Sequence[str], values: Sequence[Money | None]) -> str:
    shown = [f"{label} {figure(value)}" for label, value in zip(labels, values, strict=False)]
    return " + ".join(shown) if shown else "（无分项）"


def coded_tables(ctx: Context, kinds: Collection[TableKind]) -> list[Table]:
    """The tables of these kinds that list coded lines."""
    return [t for t in ctx.doc.tables if t.kind in kinds and t.coded_lines()]


def coded(kinds: Collection[TableKind]) -> Need:
    """A rule's need: a table of these kinds with coded lines."""
    return Need(lambda ctx: coded_tables(ctx, kinds), "文件中没有带科目编码的表格")


THREE_PUBLIC_READ = Need(lambda ctx: ctx.doc.three_public is not None, "文件中没有可读的“三公”经费支出表")
NARRATIVE = Need(lambda ctx: ctx.doc.sections, "文件中没有识别出文字说明部分")


def sum_fields(comparison: Comparison, parts: str, blank: bool = False, **fields: object) -> dict[str, object]:
    """A sum rule's template fields: the printed figure (or 空白), the parts, their sum and the difference."""
    return {
        "actual": "空白" if blank else comparison.actual.format(),
        "parts": parts,
        "expected": comparison.expected.format(with_unit=False),
        "difference": comparison.difference.format(with_unit=False),
        **fields,
    }


def sum_message(template: str, comparison: Comparison, parts: str, blank: bool = False, **fields: object) -> str:
    """A sum rule's message: the printed figure (or 空白), the parts, their sum and the difference."""
    return template.format(**sum_fields(comparison, parts, blank, **fields))


ROUNDING_NOTE = (
    "{place}：{what} {actual}，{parts} = {expected}，相差 {difference}，在 {items} 项四舍五入的容差 ±{tolerance} 之内"
)


COARSE_NOTE = NOTES["coarse"]


def sum_finding(
    ctx: Context,
    comparison: Comparison,
    location: Location,
    message: str,
    place: str,
    what: str,
    parts: str,
    coarse_total: bool = False,
    fields: Mapping[str, object] | None = None,
) -> Finding:
    """An error when outside the rounding envelope, an info note when inside it; a total
    printed in whole 元 above parts printed to the fen is a warning (it was rounded off,
    not rounded: the fen of the parts are lost)."""
    unit = ctx.unit
    difference = ctx.amount(comparison.difference)
    template, notes = DEFAULT_TEMPLATE, []
    if comparison.mismatch and comparison.tolerance > 0:
        exceeded = {"items": comparison.items, "tolerance": _plain(comparison.tolerance)}
        message += NOTES["exceeds"].format(**exceeded)
        notes.append(("exceeds", exceeded))
    severity = Severity.RULE
    if comparison.rounding:
        template, notes = "rounding", []
        fields = {
            "place": place,
            "what": what,
            "actual": comparison.actual.format(),
            "parts": parts,
            "expected": comparison.expected.format(with_unit=False),
            "difference": comparison.difference.format(with_unit=False),
            "items": comparison.items,
            "tolerance": _plain(comparison.tolerance),
        }
        message = ROUNDING_NOTE.format(**fields)
        severity = Severity.INFO
        if coarse_total:
            message += COARSE_NOTE
            notes.append(("coarse", {}))
            severity = Severity.WARNING
    return Finding(
        message=message,
        location=location,
        expected=ctx.amount(comparison.expected),
        actual=ctx.amount(comparison.actual),
        difference=difference,
        unit=str(unit),
        severity=severity,
        params={"tolerance": comparison.tolerance},
        template=template,
        fields=dict(fields or {}),
        notes=tuple(notes),
    )


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def first(items: Iterable[Line]) -> Line | None:
    return next(iter(items), None)


def with_page(finding: Finding, doc: Disclosure) -> Finding:
    """The finding with the page it is printed on, where the rule named a table or a
    section and not the page: a table's first page (a performance form's findings), the
    page of the paragraph its quote starts in (a section's). A reviewer turns to it."""
    loc = finding.location
    if loc.page is not None:
        return finding
    page = None
    if loc.table_index is not None and 0 <= loc.table_index < len(doc.tables):
        page = doc.tables[loc.table_index].page
    elif loc.section_index is not None and 0 <= loc.section_index < len(doc.sections):
        page = quote_page(doc.sections[loc.section_index], loc.quote)
    return finding if page is None else replace(finding, location=replace(loc, page=page))


def quote_page(section: Section, quote: str | None) -> int | None:
    """The page where ``quote`` starts in the section: looked up without line breaks, as
    a quote is a sentence of the unwrapped text; the heading's page when not found."""
    if not quote or not section.turns:
        return section.page
    key = quote.strip("…").replace("\n", "")[:24]
    text = section.text
    flat = text.replace("\n", "")
    at = flat.find(key) if key else -1
    if at < 0:
        return section.page
    # back to an offset in the text: a line break whose flat position is at or before
    # the quote's comes before it
    breaks = 0
    for k, position in enumerate(_breaks(text)):
        if position - k > at:
            break
        breaks += 1
    return section.page_at(at + breaks)


def _breaks(text: str) -> Iterable[int]:
    start = text.find("\n")
    while start >= 0:
        yield start
        start = text.find("\n", start + 1)


# What 机关运行经费 is compared with when no table prints 公用经费 (XREF-RUNNING, TEXT-RUNNING):
# the limit derived from the economic codes (budget.economic.derived_public_with_project).
DERIVED_PUBLIC_PLACE = (
    "按经济分类推算的上限（基本支出表未列公用经费：基本支出中 301、303 以外各类与项目支出中 302、310 类之和）"
)
