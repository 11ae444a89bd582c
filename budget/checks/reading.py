"""Whether a table was read reliably, and one defect reported once.

When the identities of a table fail wholesale — most of its rows, or most of one
column — the likely cause is the reading (a column shifted under a stacked header, a
last year's column taken for this year's), not dozens of wrong figures in a published
document. ``READ-TABLE`` reports that once per table, with where it went wrong, and
``set_aside`` moves the table's other findings out of the error count into that one
warning's consequences.

``merge_cell_defects`` reports one wrong cell once: a cell that breaks its row sum and
the hierarchy above it by the same amount becomes one finding at that cell, with the
failures it causes listed as its consequences.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from decimal import Decimal
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from budget.checks.arithmetic import CELL_TEMPLATE, SumCheck, hierarchy_checks, misread_signal, row_checks
from budget.checks.core import NOTES, Category, Context, Finding, Location, RuleResult, Severity, Status, noted, rule
from budget.checks.places import column_label, squash
from budget.model import COLUMN_LABELS, STANDARD_TABLES, TABLE_LABELS, Disclosure, Table, TableKind

MIN_FAILURES = 3  # fewer failed identities are read as defects of the document
WHOLESALE = 0.5  # share of a table's (or a column's) identities failing that points at the reading

# columns only an income table has, and the tables that list spending
INCOME_SOURCES = (
    "superior_grant",
    "business",
    "operating",
    "subsidiary",
    "special_account",
    "carried_in_cash",
    "fund_offset",
)
# tables of one fund, that cannot have columns by source (西安's 支出总表 and 深圳's 基本支出总表
# are laid out by source, and rightly so: not among them)
SPENDING_TABLES = (TableKind.GENERAL_PUBLIC, TableKind.GOV_FUND)
TABLES_WITH_LINES = tuple(kind for kind in STANDARD_TABLES if kind != TableKind.THREE_PUBLIC)
READ_TEMPLATE = "{table}可能没有读对：{failed} / {checked} 项表内核对不成立（{where}），这些核对结果不计为错误"


@dataclass(frozen=True, slots=True)
class Reading:
    """How a table's identities came out."""

    table: Table
    table_index: int
    checked: int
    failed: int
    columns: Counter[str]  # failed identities by the column of the whole
    checked_columns: Counter[str]
    rows: tuple[int, ...]  # row indexes of the failures
    patterns: Counter[str]  # failures of one systematic shape: "blank" whole, or off by exactly one part column

    @property
    def unreliable(self) -> bool:
        if self.failed < MIN_FAILURES:
            return False
        if self.failed >= WHOLESALE * self.checked:
            return True
        if any(count >= MIN_FAILURES for count in self.patterns.values()):
            return True  # the same misfit row after row: a column read for another
        return any(
            count >= MIN_FAILURES and count >= WHOLESALE * self.checked_columns[column]
            for column, count in self.columns.items()
        )

    def where(self) -> str:
        worst = [
            f"{column_label(self.table, column)}栏 {count}/{self.checked_columns[column]}"
            for column, count in self.columns.most_common(3)
        ]
        text = "不成立最多的是" + "、".join(worst)
        for pattern, count in self.patterns.most_common(2):
            if count >= MIN_FAILURES:
                text += f"；{count} 行{_pattern_words(self.table, pattern)}"
        return text


def _pattern_words(table: Table, pattern: str) -> str:
    if pattern == "blank":
        return "合计栏空白而分项有数"
    if pattern == "unmapped":
        return "相差恰为未识别各栏之和（有的栏没有读到）"
    return f"恰好相差{column_label(table, pattern)}栏的数（合计栏可能是小计栏）"


def _pattern(check: SumCheck) -> str | None:
    """The shape of a failure that repeats when a column was read for another."""
    comparison = check.comparison
    if comparison is None or not comparison.mismatch or check.line.is_total:
        return None
    if check.printed is None:
        return "blank"
    signal = misread_signal(check)
    if signal is not None and "未识别" in signal:
        return "unmapped"
    gap = abs(comparison.difference.amount)
    unit = comparison.difference.unit
    for line, key in check.parts:
        value = line.values.get(key)
        if value is not None and value.amount != 0 and value.to(unit).amount.copy_abs() == gap:
            return key
    return None


def readings(ctx: Context) -> tuple[Reading, ...]:
    """Every table with identities, how they came out (once per run)."""

    def compute(c: Context) -> tuple[Reading, ...]:
        by_table: dict[int, list[SumCheck]] = defaultdict(list)
        row_set = {id(k) for k in row_checks(c)}
        for check in (*row_checks(c), *hierarchy_checks(c)):
            if check.table_index is not None and check.checked:
                by_table[check.table_index].append(check)
        found = []
        for index, checks in sorted(by_table.items()):
            failed = [k for k in checks if k.failed]
            found.append(
                Reading(
                    table=checks[0].table,
                    table_index=index,
                    checked=len(checks),
                    failed=len(failed),
                    columns=Counter(k.whole for k in failed),
                    checked_columns=Counter(k.whole for k in checks),
                    rows=tuple(sorted({k.line.row for k in failed})),
                    patterns=Counter(p for p in (_pattern(k) for k in failed if id(k) in row_set) if p is not None),
                )
            )
        return tuple(found)

    return ctx.memo("readings", compute)  # type: ignore[return-value]


ECONOMIC_CODE = re.compile(r"^3\d{4}$")
NUMBER = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^-?\d+\.\d+$")
AMOUNT_IN_NAME = re.compile(r"\d{1,3}(?:,\d{3})*\.\d{2}")
FIGURE_THEN_NAME = re.compile(r"-?\d{1,3}(?:,\d{3})*\.\d{2}\s*[一二三四五六七八九十（(]*[、.）)]?\s*[\u4e00-\u9fff]")
UNREAD_TEMPLATE = "{table}可能没有读对：表中印有 {printed} 个金额，读出的各行却{what}，这张表的核对结果不计为错误"


def _two_codes(cell: str) -> bool:
    """Two 科目编码 run together in one cell ('3011230113', '20602012060203')."""
    if not cell.isdigit() or len(cell) < 8:
        return False
    return any(len(cell) - n in (3, 5, 7) and cell[n : n + 3] == cell[:3] for n in (3, 5, 7) if len(cell) > n)


def _unread_tables(ctx: Context) -> Iterator[Finding]:
    """Tables printed with figures whose lines came out without them (every amount blank,
    or the figures read into the row names): no identity fails, nothing can be trusted."""
    for index, table in enumerate(ctx.doc.tables):
        if table.kind not in TABLES_WITH_LINES or not table.lines:
            continue
        printed = sum(1 for row in table.rows for cell in row if NUMBER.match(cell.strip()))
        blank = all(v is None for line in table.lines for v in line.values.values())
        named = sum(1 for line in table.lines if AMOUNT_IN_NAME.search(line.name))
        coded = sum(
            1
            for line in table.lines
            if line.code
            and line.code.isdigit()
            and any(v is not None and v.amount == int(line.code) for v in line.values.values())
        )
        glued = [cell for row in table.rows for cell in row[:2] if _two_codes(cell.strip())]
        mixed = sum(1 for row in table.rows for cell in row if FIGURE_THEN_NAME.match(cell.strip()))
        empty = sum(1 for line in table.lines if all(v is None for v in line.values.values()))
        if mixed * 5 < len(table.rows) and empty * 2 <= len(table.lines):
            mixed = 0  # a few cells run together in a long table whose other rows were read: they stand
        sources = [k for k in table.column_keys if k and k.split(".")[0] in INCOME_SOURCES]
        misfiled = table.kind in SPENDING_TABLES and len(sources) >= 2
        figured_rows = sum(1 for row in table.rows if any(NUMBER.match(cell.strip()) for cell in row))
        figured_lines = sum(1 for line in table.lines if any(v is not None for v in line.values.values()))
        few = figured_rows >= 2 * MIN_FAILURES and figured_lines * 3 < figured_rows
        if printed < MIN_FAILURES or not (
            blank or named >= MIN_FAILURES or coded >= MIN_FAILURES or mixed >= MIN_FAILURES or glued or few or misfiled
        ):
            continue
        if misfiled:
            shown = "、".join(column_label(table, k) for k in sources[:3])
            what = f"按收入来源分栏（{shown}），不像这张表（可能是收入总表或支出总表被认作了它）"
        elif blank:
            what = "没有一个金额"
        elif few:
            what = f"只有 {figured_lines} 行有金额（印有金额的有 {figured_rows} 行）"
        elif mixed >= MIN_FAILURES:
            what = f"有 {mixed} 格把一栏的金额和下一栏的名称读成了一格"
        elif glued:
            what = f"有 {len(glued)} 处把两行读成了一行（如科目编码“{glued[0].strip()}”），其后的名称与金额可能错了行"
        elif coded >= MIN_FAILURES:
            what = f"有 {coded} 行把科目编码读成了金额"
        else:
            what = f"有 {named} 行把金额读进了名称"
        fields = {"table": table.label, "printed": printed, "what": what}
        yield Finding(
            message=UNREAD_TEMPLATE.format(**fields),
            fields=fields,
            location=Location(table=table.kind.value, page=table.page, table_index=index),
            params={"printed": printed, "blank": blank, "named": named, "glued": len(glued), "mixed": mixed},
            template="unread",
        )


@rule(
    "READ-TABLE",
    "表格读取可靠（表内核对大面积不成立时多半是没有读对）",
    Category.READING,
    Severity.WARNING,
    READ_TEMPLATE,
    "对照原文核对这张表：若原表数字无误，是读取出了问题（多为表头多层合并、列错位），请反馈；若原表确有错误，逐行改正。",
    templates={
        "unread": UNREAD_TEMPLATE,
        "three_public": (
            "{table}可能没有读对：读出的“三公”经费数字有的在表中找不到（{fields}），这张表的核对结果不计为错误"
        ),
        "budget_row": "{table}可能没有读对：决算读成了预算数一行（{fields}），这张表的核对结果不计为错误",
        "economic_rows": (
            "{table}可能没有读对：读出的这张表有 {rows} 行经济分类科目（302xx、303xx），"
            "多半是基本支出表的一页，这张表的核对结果不计为错误"
        ),
    },
)
def read_tables(ctx: Context) -> Iterator[Finding]:
    yield from _unread_tables(ctx)
    yield from _unread_three_public(ctx)
    for reading in readings(ctx):
        if not reading.unreliable:
            continue
        table = reading.table
        fields = {"table": table.label, "failed": reading.failed, "checked": reading.checked, "where": reading.where()}
        yield Finding(
            message=READ_TEMPLATE.format(**fields),
            fields=fields,
            location=Location(table=table.kind.value, page=table.page, table_index=reading.table_index),
            params={
                "checked": reading.checked,
                "failed": reading.failed,
                "columns": dict(reading.columns),
                "rows": reading.rows,
            },
        )


THREE_PUBLIC_LABELS = {
    "total": "合计",
    "overseas": "因公出国（境）费",
    "vehicles": "公务用车购置及运行费",
    "vehicle_purchase": "公务用车购置费",
    "vehicle_operation": "公务用车运行费",
    "reception": "公务接待费",
}
THREE_PUBLIC_FIELDS = ("total", "overseas", "vehicles", "vehicle_purchase", "vehicle_operation", "reception")


def _unread_three_public(ctx: Context) -> Iterator[Finding]:
    """The 三公 figures as read must be figures the 三公 table prints: one that is printed
    nowhere in it (a 上年/当年/增减 block read as another) makes the reading unreliable."""
    tp = ctx.doc.three_public
    table = ctx.doc.table(TableKind.THREE_PUBLIC)
    if tp is None or table is None:
        return
    printed = {
        Decimal(part.replace(",", ""))
        for row in (*table.header, *table.rows)
        for cell in row
        for part in cell.split()
        if NUMBER.match(part) or part.replace(",", "").isdigit()
    }
    missing = [
        name
        for name in THREE_PUBLIC_FIELDS
        if (value := getattr(tp, name)) is not None
        and value.amount != 0
        and (value.amount not in printed or value.amount < 0)  # a negative figure is a change column's
    ]
    if tp.total_printed is False and "total" in missing:
        missing.remove("total")  # a total the reader added up is no printed figure
    economic = [row for row in table.rows if any(ECONOMIC_CODE.match(cell.strip()) for cell in row[:3])]
    if len(economic) >= MIN_FAILURES:
        # rows of 302xx/303xx: a page of the basic-expenditure table taken for the 三公 table
        yield Finding(
            location=Location(table=table.kind.value, page=table.page, table_index=ctx.table_index(table)),
            params={"table": table.label, "rows": len(economic)},
            template="economic_rows",
        )
        return
    budget_row = _budget_row_read(ctx, table)
    if budget_row:
        yield Finding(
            location=Location(table=table.kind.value, page=table.page, table_index=ctx.table_index(table)),
            params={"table": table.label, "fields": "、".join(THREE_PUBLIC_LABELS[m] for m in budget_row)},
            template="budget_row",
        )
        return
    if missing:
        index = ctx.table_index(table)
        yield Finding(
            location=Location(table=table.kind.value, page=table.page, table_index=index),
            params={"table": table.label, "fields": "、".join(THREE_PUBLIC_LABELS[m] for m in missing)},
            template="three_public",
        )


def _budget_row_read(ctx: Context, table: Table) -> list[str]:
    """In a 决算 the 三公 figures are the 决算数 row's; those read from its 预算数 row instead."""
    tp = ctx.doc.three_public
    if tp is None or ctx.doc.unit.stage != "决算":
        return []

    def figures(word: str) -> set[Decimal]:
        return {
            Decimal(cell.replace(",", ""))
            for row in table.rows
            if row and squash(row[0]).startswith(word)
            for cell in row[1:]
            if NUMBER.match(cell.strip())
        }

    budget, final = figures("预算"), figures("决算")
    if not budget or not final:
        return []
    return [
        name
        for name in THREE_PUBLIC_FIELDS
        if (value := getattr(tp, name)) is not None and value.amount in budget - final
    ]


# ---------------------------------------------------------------- after all rules ran

READ_RULE = "READ-TABLE"


def _tables_of(finding: Finding) -> set[int]:
    tables = {finding.location.table_index} if finding.location.table_index is not None else set()
    listed = finding.params.get("tables") if finding.params else None
    if isinstance(listed, (tuple, list)):
        tables.update(t for t in listed if isinstance(t, int))
    return tables


def _status(result: RuleResult, findings: tuple[Finding, ...], aside: int) -> RuleResult:
    failed = any(f.severity != Severity.INFO for f in findings)
    reason = result.reason
    if aside:
        reason = f"{aside} 项结果出自读取不可靠的表格，已归入 READ-TABLE，不计为错误"
    status = Status.FAILED if failed else Status.PASSED
    return replace(result, status=status, findings=findings, reason=reason)


def set_aside(results: Sequence[RuleResult], doc: Disclosure) -> tuple[RuleResult, ...]:
    """Findings of other rules in a table READ-TABLE found unreliable — located there,
    comparing a figure of it, or of a rule that compares that kind of table with another —
    become consequences of its one warning: kept in the report, out of the error count."""
    read = next((r for r in results if r.rule.id == READ_RULE), None)
    if read is None or not read.findings:
        return tuple(results)
    unreliable: dict[int, Finding] = {}
    for f in read.findings:  # one warning a table: the first, most specific reason (unread before failing sums)
        if f.location.table_index is not None:
            unreliable.setdefault(f.location.table_index, f)
    first_of_kind: dict[TableKind, int] = {}
    for index, table in enumerate(doc.tables):
        first_of_kind.setdefault(table.kind, index)
    moved: dict[int, list[Finding]] = defaultdict(list)
    done = []
    for result in results:
        if result is read or result.status != Status.FAILED:
            done.append(result)
            continue
        kept = []
        aside = 0
        compared = {first_of_kind[k] for k in result.rule.needs if k in first_of_kind} & unreliable.keys()
        for finding in result.findings:
            hit = sorted((_tables_of(finding) | compared) & unreliable.keys())
            if hit and finding.severity != Severity.INFO:
                moved[hit[0]].append(finding)
                aside += 1
            elif hit:
                aside += 1  # a rounding note of an unreliable table is no note
            else:
                kept.append(finding)
        done.append(_status(result, tuple(kept), aside) if aside else result)
    findings = tuple(
        replace(
            f, consequences=tuple(moved.get(index, ())), params={**f.params, "set_aside": len(moved.get(index, ()))}
        )
        for index, f in unreliable.items()
    )
    return tuple(replace(r, findings=findings) if r is read else r for r in done)


# ---------------------------------------------------------------- one defect, one finding

SUM_RULES = ("ARITH-ROW", "ARITH-HIER")


def _cells(finding: Finding) -> tuple[tuple[int | None, int, str], ...]:
    cells = finding.params.get("cells") if finding.params else None
    return tuple(cells) if isinstance(cells, (tuple, list)) else ()


def merge_cell_defects(results: Sequence[RuleResult], doc: Disclosure) -> tuple[RuleResult, ...]:
    """Sum failures of one table that differ by the same amount and share one cell: that
    cell is wrong; report it once (under ARITH-ROW), the failures as consequences."""
    failures = [
        (result.rule.id, f)
        for result in results
        if result.rule.id in SUM_RULES
        for f in result.findings
        if f.severity == Severity.ERROR and f.difference is not None and _cells(f)
    ]
    groups: dict[tuple[int | None, object], list[tuple[str, Finding]]] = defaultdict(list)
    for rule_id, finding in failures:
        groups[(finding.location.table_index, abs(finding.difference or 0))].append((rule_id, finding))
    merged: list[Finding] = []
    absorbed: set[str] = set()
    for (_, difference), members in groups.items():
        if len(members) < 2:
            continue
        counts = Counter(cell for _, f in members for cell in set(_cells(f)))
        cell, count = counts.most_common(1)[0]
        if count < 2:
            continue
        linked = [(rule_id, f) for rule_id, f in members if cell in _cells(f)]
        merged.append(_merged(cell, linked, difference, doc))
        absorbed.update(f.key for _, f in linked)
    if not merged:
        return tuple(results)
    done = []
    for result in results:
        if result.rule.id not in SUM_RULES:
            done.append(result)
            continue
        kept = tuple(f for f in result.findings if f.key not in absorbed)
        if result.rule.id == SUM_RULES[0]:
            kept = (*kept, *merged)
        done.append(_status(result, kept, 0) if kept != result.findings else result)
    return tuple(done)


def _merged(
    cell: tuple[int | None, int, str], linked: list[tuple[str, Finding]], difference: object, doc: Disclosure
) -> Finding:
    first = linked[0][1]
    table_index, row_index, column = cell
    table = doc.tables[table_index] if table_index is not None and table_index < len(doc.tables) else None
    column_index = table.column_keys.index(column) if table is not None and column in table.column_keys else None
    label = COLUMN_LABELS.get(column, column)
    row = next(
        (
            f.location.row
            for _, f in linked
            if (f.location.table_index, f.location.row_index) == (table_index, row_index)
        ),
        None,
    )
    rows = next((f.params.get("rows") for _, f in linked if isinstance(f.params.get("rows"), dict)), {})
    row = row or (rows.get((table_index, row_index)) if isinstance(rows, dict) else None) or f"第 {row_index + 1} 行"
    location = replace(
        first.location, row=row, row_index=row_index, column=label, column_index=column_index, table_index=table_index
    )
    where = "；".join(f.message.split("，", 1)[0] for _, f in linked)
    fields = {
        "table": first.params.get("table", ""),
        "row": row,
        "column": label,
        "count": len(linked),
        "difference": first.difference,
        "where": where,
        # each identity's head ("支出总表 201 一般公共服务支出：合计 …"), for another language
        "linked": tuple(f for _, f in linked),
    }
    message = CELL_TEMPLATE.format(**fields)
    digest = hashlib.sha1("|".join(f.key for _, f in linked).encode("utf-8")).hexdigest()[:10]
    return replace(
        first,
        message=message,
        location=location,
        key=f"ARITH-ROW:{digest}",
        rule="ARITH-ROW",
        template="cell",
        fields=fields,
        notes=(),
        consequences=tuple(f for _, f in linked),
        params={"cell": cell, "difference": difference, "table": first.params.get("table", "")},
    )


# ---------------------------------------------------------------- a wrong total seen from the text

TEXT_STATES = NOTES["text_states"]


def _table_label(finding: Finding) -> str | None:
    kind = finding.location.table
    try:
        return TABLE_LABELS[TableKind(kind)] if kind else None
    except ValueError:
        return None


def _sees_the_same_total(text: Finding, total: Finding) -> bool:
    """The text finding compares a sentence with the very figure the sum failure calls wrong
    (same table, same printed amount), and the sentence states what the parts add up to."""
    label = _table_label(total)
    figure = text.params.get("figure") if text.params else None
    if label is None or not isinstance(figure, str) or not figure.startswith(label):
        return False
    if None in (text.expected, text.actual, total.expected, total.actual) or text.unit != total.unit:
        return False
    assert text.expected is not None and text.actual is not None and total.expected is not None
    tolerance = Decimal(str(total.params.get("tolerance", "0"))) + Decimal(str(text.params.get("tolerance", "0")))
    return text.expected == total.actual and abs(text.actual - total.expected) <= tolerance


def _same_cell(other: Finding, total: Finding) -> bool:
    """The cross-table finding is about the very cell the sum failure calls wrong (same table,
    row and column, same printed figure), and the other table shows what the parts add up to."""
    a, b = other.location, total.location
    if (a.table, a.row, a.column) != (b.table, b.row, b.column) or a.table is None:
        return False
    if None in (other.expected, other.actual, total.expected, total.actual) or other.unit != total.unit:
        return False
    assert other.expected is not None and total.expected is not None
    tolerance = Decimal(str(total.params.get("tolerance", "0")))
    return other.actual == total.actual and abs(other.expected - total.expected) <= tolerance


def merge_text_into_totals(results: Sequence[RuleResult]) -> tuple[RuleResult, ...]:
    """One defect, one finding: a total printed wrong in a table fails its sum (ARITH-TOTALS)
    and, where the narrative states the right figure, the text comparison (TEXT-TOTALS) too;
    where another table prints the right figure, the cross-table comparison (XREF-SUMMARY).
    The sum failure is the finding; the others' disagreement is listed as its consequence."""
    results = _fold_into_totals(results, "TEXT-TOTALS", _sees_the_same_total, (Severity.ERROR,), noting=True)
    return _fold_into_totals(results, "XREF-SUMMARY", _same_cell, (Severity.ERROR, Severity.WARNING), noting=False)


def _fold_into_totals(
    results: Sequence[RuleResult],
    rule_id: str,
    same: Callable[[Finding, Finding], bool],
    severities: tuple[Severity, ...],
    noting: bool,
) -> tuple[RuleResult, ...]:
    totals = [f for r in results if r.rule.id == "ARITH-TOTALS" for f in r.findings if f.severity == Severity.ERROR]
    if not totals:
        return tuple(results)
    folded: dict[str, list[Finding]] = defaultdict(list)
    absorbed: set[str] = set()
    for result in results:
        if result.rule.id != rule_id:
            continue
        for finding in result.findings:
            if finding.severity not in severities:
                continue
            total = next((t for t in totals if same(finding, t)), None)
            if total is not None:
                folded[total.key].append(finding)
                absorbed.add(finding.key)
    if not absorbed:
        return tuple(results)
    done = []
    for result in results:
        if result.rule.id == "ARITH-TOTALS":
            findings = tuple(
                replace(
                    noted(f, "text_states", stated=folded[f.key][0].params.get("stated", "")) if noting else f,
                    consequences=(*f.consequences, *folded[f.key]),
                )
                if f.key in folded
                else f
                for f in result.findings
            )
            done.append(replace(result, findings=findings))
        elif result.rule.id == rule_id:
            done.append(_status(result, tuple(f for f in result.findings if f.key not in absorbed), 0))
        else:
            done.append(result)
    return tuple(done)


def merge_unfilled_forms(results: Sequence[RuleResult]) -> tuple[RuleResult, ...]:
    """One defect, one finding: a performance form left as its template ("……" in every
    indicator row, 西安 11's 2022年专项资金总体) is PERF-EMPTY's "placeholder" finding; the
    placeholders FORM-PLACEHOLDER finds in that form's rows become its consequences."""
    empty = next((r for r in results if r.rule.id == "PERF-EMPTY"), None)
    forms = {f.location.project: f for f in (empty.findings if empty else ()) if f.template == "placeholder"}
    if not forms:
        return tuple(results)
    moved: dict[str | None, list[Finding]] = defaultdict(list)
    done = []
    for result in results:
        if result.rule.id != "FORM-PLACEHOLDER":
            done.append(result)
            continue
        kept = []
        for finding in result.findings:
            loc = finding.location
            if (
                loc.project in forms
                and loc.column == "三级指标"
                and set(str(finding.params.get("text", ""))) <= set("….。·")
            ):
                moved[loc.project].append(finding)
            else:
                kept.append(finding)
        done.append(_status(result, tuple(kept), 0) if moved else result)
    if not moved:
        return tuple(results)
    return tuple(
        _status(
            r,
            tuple(
                replace(f, consequences=(*f.consequences, *moved[f.location.project]))
                if f.template == "placeholder" and f.location.project in moved
                else f
                for f in r.findings
            ),
            0,
        )
        if r.rule.id == "PERF-EMPTY"
        else r
        for r in done
    )


# ---------------------------------------------------------------- the units printed

# The contract's units are 元 and 万元; 千元 and 亿元 are read exactly into them (loaders:
# ``Table.printed_unit``). The factor is the one the printed figures were multiplied by.
SCALE_FACTORS = {"千元": "1,000", "亿元": "10,000"}
CONVERTED_TEMPLATE = (
    "{tables}原以{printed}列示，已换算为{unit}（× {factor}，未作舍入）：页面和报告中的金额均为换算后的数"
)


@rule(
    "READ-UNIT",
    "以千元、亿元列示的表格已换算为元、万元",
    Category.READING,
    Severity.INFO,
    CONVERTED_TEMPLATE,
    "金额以元或万元核对和显示：以千元列示的表格按 × 1,000 换算为元，以亿元列示的按 × 10,000 换算为万元，"
    "不作舍入；与原表对照时请换算回原单位。",
    templates={
        "all": (
            "本文件各表金额原以{printed}列示，已换算为{unit}（× {factor}，未作舍入）：页面和报告中的金额均为换算后的数"
        )
    },
)
def converted_units(ctx: Context) -> Iterator[Finding]:
    # one note per document (per printed unit, in the rare document printed in both): which
    # tables, or "every table" when each table with amounts was printed so
    scaled = [(i, t) for i, t in enumerate(ctx.doc.tables) if t.printed_unit and t.money_unit]
    with_amounts = [t for t in ctx.doc.tables if t.lines]
    groups: dict[tuple[str, str], list[tuple[int, Table]]] = {}
    for index, table in scaled:
        assert table.printed_unit is not None and table.money_unit is not None
        groups.setdefault((table.printed_unit, str(table.money_unit)), []).append((index, table))
    for (printed, unit), group in groups.items():
        every = len(groups) == 1 and all(t.printed_unit for t in with_amounts)
        index, first = group[0]
        listed = "、".join(f"{t.label}（第 {t.page} 页）" if t.page else t.label for _, t in group)
        yield Finding(
            template="all" if every else "default",
            params={
                "printed": printed,
                "unit": unit,
                "factor": SCALE_FACTORS.get(printed, ""),
                **({} if every else {"tables": listed}),
            },
            location=Location(table=first.kind.value, page=first.page, table_index=index),
        )
