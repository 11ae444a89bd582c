"""Reconciliation across tables: the same figure printed twice, and part ≤ whole."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace

from budget import economic
from budget.checks.amounts import add_up, compare, compare_sum, exceeds, zero
from budget.checks.core import NOTES, Category, Context, Finding, Location, Need, Severity, has, rule
from budget.checks.places import (
    column_label,
    keys_of,
    level_of,
    line_location,
    main_value,
    money,
    row_label,
    THREE_PUBLIC_READ,
    side_line,
    squash,
    ROUNDING_NOTE,
    DERIVED_PUBLIC_PLACE,
    sum_finding,
    three_public_cell,
)
from budget.model import Line, Money, Table, TableKind
from budget.vocabulary import fold

# 类 names that changed; a document using the old name is still matched (and warned about).
RENAMED_CLASSES = {
    "医疗卫生与计划生育支出": "卫生健康支出",
    "医疗卫生支出": "卫生健康支出",
    "文化体育与传媒支出": "文化旅游体育与传媒支出",
    "国土海洋气象等支出": "自然资源海洋气象等支出",
}

BLANK_NOTE = NOTES["blank"]
SAME_TEMPLATE = "{place} {actual}，而{other_place} {expected}，相差 {difference}"


def _same(
    ctx: Context,
    actual: Money | None,
    expected: Money | None,
    location: Location,
    place: str,
    other_place: str,
    severity: Severity = Severity.RULE,
    rounded: int | None = None,
) -> Iterator[Finding]:
    """Two printings of one figure: a finding when they differ (blank and zero agree);
    ``rounded``: how many rounded figures ``expected`` adds up, when it is a sum."""
    unit = ctx.unit
    a = actual if actual is not None else zero(unit)
    b = expected if expected is not None else zero(unit)
    comparison = compare_sum(a, [b], rounded) if rounded else compare(a, b)
    if not comparison.mismatch:
        return
    fields = {
        "place": place,
        "actual": money(actual),
        "other_place": other_place,
        "expected": money(expected),
        "difference": comparison.difference.format(with_unit=False),
    }
    message = SAME_TEMPLATE.format(**fields)
    notes: tuple[tuple[str, Mapping[str, object]], ...] = ()
    if (actual is None) != (expected is None):
        # a figure read blank beside one printed: far more often a cell not read than one left out
        message += BLANK_NOTE
        notes = (("blank", {}),)
        severity = Severity.WARNING
    yield Finding(
        message=message,
        fields=fields,
        notes=notes,
        location=location,
        expected=ctx.amount(comparison.expected),
        actual=ctx.amount(comparison.actual),
        difference=ctx.amount(comparison.difference),
        unit=str(unit),
        severity=severity,
    )


CARRIED = re.compile(r"结转|结余")
CARRIED_OUT = re.compile(r"年终结转|年末结转|结转下年")
CARRIED_IN = re.compile(r"上年结转|年初结转|上年结余")


def class_name(name: str) -> str:
    name = squash(name)
    return RENAMED_CLASSES.get(name, name)


def _classes(table: Table) -> dict[str, Line]:
    return {class_name(ln.name): ln for ln in table.lines if ln.code and level_of(ln) == 1}


NOT_A_CLASS = re.compile(r"结转|结余|支出合计|收入合计|总计")  # 年末结转和结余, 结余分配 …: below the 类


def _side_items(table: Table, side: str) -> list[Line]:
    return [ln for ln in table.lines if ln.side == side and not ln.is_total and not NOT_A_CLASS.search(squash(ln.name))]


def _summary_by_class(ctx: Context) -> bool:
    """The summary's expenditure side lists 类 (most of its figures name a 类 of the expenditure table)."""
    summary, expenditure = ctx.table(TableKind.SUMMARY), ctx.table(TableKind.EXPENDITURE)
    classes = _classes(expenditure)
    items = [
        ln
        for ln in _side_items(summary, "expenditure")
        if (value := main_value(ln)) is not None and value.amount != 0 and not CARRIED.search(squash(ln.name))
    ]
    return bool(items) and sum(1 for ln in items if class_name(ln.name) in classes) * 2 >= len(items)


@rule(
    "XREF-SUMMARY",
    "收支总表的各类支出和总计与支出总表、收入总表一致",
    Category.RECONCILIATION,
    Severity.ERROR,
    SAME_TEMPLATE,
    "收支总表中每一类支出的金额应与支出总表中该类的合计一致，收入、支出总计应与收入总表、支出总表的合计一致。",
    templates={
        "not_in_expenditure": "收支总表列出“{name}” {amount}，支出总表中没有这一类",
        "not_in_summary": "支出总表 {row} 合计 {amount}，收支总表中没有列出这一类",
        "misnamed": "收支总表列出“{name}” {amount}，支出总表中这一数额是 {row}：类的名称不一致",
    },
    needs=(
        TableKind.SUMMARY,
        TableKind.EXPENDITURE,
        has(TableKind.EXPENDITURE, "支出总表没有识别出“类”级科目", lambda t: _classes(t)),
        Need(lambda ctx: _summary_by_class(ctx), "收支总表的支出栏不是按功能分类的“类”列示"),
    ),
)
def summary_against_tables(ctx: Context) -> Iterator[Finding]:
    summary = ctx.table(TableKind.SUMMARY)
    expenditure = ctx.table(TableKind.EXPENDITURE)
    classes = _classes(expenditure)
    listed = set()
    summary_names = {class_name(ln.name) for ln in _side_items(summary, "expenditure")}
    for line in _side_items(summary, "expenditure"):
        name = class_name(line.name)
        amount = main_value(line)
        target = classes.get(name)
        if target is None:
            if amount is not None and amount.amount != 0:
                # the same amount under another 类 the summary does not list: one 类 misnamed
                twin = next(
                    (
                        (n, t)
                        for n, t in classes.items()
                        if n not in summary_names and t.total is not None and t.total.amount == amount.amount
                    ),
                    None,
                )
                if twin is not None:
                    listed.add(twin[0])
                yield Finding(
                    params={"name": squash(line.name), "amount": money(amount)}
                    | ({"row": row_label(twin[1])} if twin is not None else {}),
                    template="misnamed" if twin is not None else "not_in_expenditure",
                    location=line_location(ctx, summary, line, "total"),
                    actual=ctx.amount(amount),
                    unit=str(ctx.unit),
                )
            continue
        listed.add(name)
        yield from _same(
            ctx,
            amount,
            target.total,
            line_location(ctx, summary, line, "total"),
            f"收支总表 {squash(line.name)}",
            f"支出总表 {row_label(target)} 合计",
        )
    for name, target in classes.items():
        if name not in listed and target.total is not None and target.total.amount != 0:
            yield Finding(
                params={"row": row_label(target), "amount": money(target.total)},
                template="not_in_summary",
                location=line_location(ctx, expenditure, target, "total"),
                expected=ctx.amount(target.total),
                unit=str(ctx.unit),
            )
    yield from _summary_totals(ctx, summary, expenditure)


def _summary_totals(ctx: Context, summary: Table, expenditure: Table) -> Iterator[Finding]:
    pairs = [("expenditure", "支出总计", expenditure), ("income", "收入总计", ctx.doc.table(TableKind.INCOME))]
    for side, word, other in pairs:
        line = side_line(summary, side, word)
        total = other.total_line() if other is not None else None
        if line is None or total is None or other is None:
            continue
        yield from _same(
            ctx,
            main_value(line),
            total.total,
            line_location(ctx, summary, line, "total"),
            f"收支总表 {word}",
            f"{other.label} 合计",
        )


@rule(
    "XREF-INCOME",
    "收入总表合计 = 支出总表合计",
    Category.RECONCILIATION,
    Severity.ERROR,
    SAME_TEMPLATE,
    "收入总表的合计应等于支出总表的合计（收支平衡）；不一致时检查漏列的收入来源或支出科目。",
    needs=(
        TableKind.INCOME,
        TableKind.EXPENDITURE,
        Need(
            lambda ctx: ctx.table(TableKind.INCOME).total_line() and ctx.table(TableKind.EXPENDITURE).total_line(),
            "收入总表或支出总表没有合计行",
        ),
    ),
)
def income_equals_expenditure(ctx: Context) -> Iterator[Finding]:
    income = ctx.table(TableKind.INCOME).total_line()
    expenditure = ctx.table(TableKind.EXPENDITURE).total_line()
    assert income is not None and expenditure is not None
    table = ctx.table(TableKind.INCOME)
    carried = _carried_out(ctx)
    spent = expenditure.total
    if carried is not None and spent == income.total and "carried_in" in keys_of(income):
        # both tables list last year's money among their columns (西安: 上年结转, 实户资金): the
        # 支出总表 spends what the summary calls 结转下年 too
        carried = None
    if spent is not None and carried is not None and income.total is not None:
        spent = Money(spent.amount + carried.to(spent.unit).amount, spent.unit)
    received = income.total
    # a 决算's income table lists the year's income only: what came in from last year is the summary's
    brought = _carried_in(ctx) if carried is not None and "carried_in" not in keys_of(income) else None
    if received is not None and brought is not None:
        received = Money(received.amount + brought.to(received.unit).amount, received.unit)
    # and its summary balances them with 使用非财政拨款结余 (income) and 结余分配 (spending)
    surplus_used = _summary_figure(ctx, "income", SURPLUS_USED) if brought is not None else None
    distributed = _summary_figure(ctx, "expenditure", DISTRIBUTED) if brought is not None else None
    if received is not None and surplus_used is not None:
        received = Money(received.amount + surplus_used.to(received.unit).amount, received.unit)
    if spent is not None and distributed is not None:
        spent = Money(spent.amount + distributed.to(spent.unit).amount, spent.unit)
    for found in _same(
        ctx,
        received,
        spent,
        line_location(ctx, table, income, "total"),
        "收入总表 合计"
        + ("（加使用非财政拨款结余）" if surplus_used is not None else "")
        + ("（加年初结转和结余）" if brought is not None else ""),
        "支出总表 合计"
        + ("（加结余分配）" if distributed is not None else "")
        + ("（加结转下年）" if carried is not None else ""),
        # each side a sum of rounded rows: the envelope counts them
        rounded=sum(
            x is not None for x in (income.total, brought, surplus_used, expenditure.total, carried, distributed)
        )
        if surplus_used is not None or distributed is not None
        else None,
    ):
        surplus = found.difference is not None and found.difference > 0
        # more income than spending may be carried over or left unallocated (决算: the year-end balance);
        # in a 决算 whose carry-overs were not read, the gap may be them
        unknown_balance = ctx.doc.unit.stage == "决算" and (carried is None or brought is None)
        yield replace(found, severity=Severity.WARNING) if surplus or unknown_balance else found


def _carried_in(ctx: Context) -> Money | None:
    """What the 收支总表 brings from last year (上年结转 / 年初结转和结余), when it prints it."""
    summary = ctx.doc.table(TableKind.SUMMARY)
    if summary is None:
        return None
    line = next(
        (ln for ln in summary.lines if ln.side in (None, "income") and CARRIED_IN.search(squash(ln.name))), None
    )
    value = main_value(line) if line is not None else None
    return value if value is not None and value.amount != 0 else None


SURPLUS_USED = re.compile(r"使用非财政拨款结余|用事业基金弥补收支差额")
DISTRIBUTED = re.compile(r"^结余分配")


def _summary_figure(ctx: Context, side: str, pattern: re.Pattern[str]) -> Money | None:
    """A 收支总表 row's figure by its name, on one side; None when blank or not printed."""
    summary = ctx.doc.table(TableKind.SUMMARY)
    if summary is None:
        return None
    line = next((ln for ln in summary.lines if ln.side in (None, side) and pattern.search(squash(ln.name))), None)
    value = main_value(line) if line is not None else None
    return value if value is not None and value.amount != 0 else None


def _carried_out(ctx: Context) -> Money | None:
    """What the 收支总表 carries to next year (年终结转 / 结转下年), when it prints it."""
    summary = ctx.doc.table(TableKind.SUMMARY)
    if summary is None:
        return None
    line = next(
        (ln for ln in summary.lines if ln.side in (None, "expenditure") and CARRIED_OUT.search(squash(ln.name))), None
    )
    return main_value(line) if line is not None else None


FUNDS = (
    ("general_public", TableKind.GENERAL_PUBLIC),
    ("gov_fund", TableKind.GOV_FUND),
    ("state_capital", TableKind.STATE_CAPITAL),
)


def _fund_total(table: Table | None) -> Money | None:
    if table is None or table.empty:
        return None
    line = table.total_line()
    return line.total if line is not None else None


def _fiscal_total(fiscal: Table) -> Line | None:
    # with nothing carried over a table may close its expenditure side with 支出合计 (重庆): that closing
    # total row is the side's 支出总计 under another word
    return (
        side_line(fiscal, "expenditure", "支出总计")
        or side_line(fiscal, "expenditure", "本年支出合计")
        or next((ln for ln in fiscal.lines if ln.side == "expenditure" and ln.is_total), None)
    )


@rule(
    "XREF-FISCAL",
    "财政拨款收支总表各资金栏 = 相应支出表合计；一般公共预算基本支出 = 基本支出表合计",
    Category.RECONCILIATION,
    Severity.ERROR,
    SAME_TEMPLATE,
    "财政拨款收支总表中一般公共预算、政府性基金、国有资本经营各栏的支出总计应分别等于三张支出表的合计；一般公共预算支出表的基本支出合计应等于基本支出表合计。",
    needs=(
        TableKind.FISCAL_SUMMARY,
        has(TableKind.FISCAL_SUMMARY, "财政拨款收支总表没有支出总计行", lambda t: _fiscal_total(t)),
    ),
)
def fiscal_summary_against_tables(ctx: Context) -> Iterator[Finding]:
    fiscal = ctx.table(TableKind.FISCAL_SUMMARY)
    total = _fiscal_total(fiscal)
    assert total is not None
    for key, kind in FUNDS:
        if key not in total.values:
            continue
        table = ctx.doc.table(kind)
        if table is None:
            continue
        yield from _same(
            ctx,
            total.values.get(key),
            _fund_total(table),
            line_location(ctx, fiscal, total, key),
            f"财政拨款收支总表 支出总计（{column_label(fiscal, key)}）",
            f"{table.label} 合计",
        )
    yield from _basic_against_economic(ctx)


def _basic_against_economic(ctx: Context) -> Iterator[Finding]:
    general = ctx.doc.table(TableKind.GENERAL_PUBLIC)
    economic = ctx.doc.table(TableKind.BASIC_ECONOMIC)
    if general is None or economic is None:
        return
    g, e = general.total_line(), economic.total_line()
    if g is None or e is None or "basic" not in g.values:
        return
    whole, place, rounded = e.total, "基本支出表 合计", None
    if "total" not in e.values and e.personnel is not None and e.public is not None:
        # a 决算 prints 人员经费合计 and 公用经费合计 and no 合计 of both: the basic total is their sum
        whole, place, rounded = e.personnel + e.public, "基本支出表 人员经费合计 + 公用经费合计", 2
    yield from _same(
        ctx,
        g.basic,
        whole,
        line_location(ctx, general, g, "basic"),
        "一般公共预算支出表 合计（基本支出）",
        place,
        rounded=rounded,
    )


PART_TEMPLATE = "{place} {actual}，大于{whole_place} {expected}，超出 {difference}"


def _part_finding(
    ctx: Context, part: Money | None, whole: Money | None, location: Location, place: str, whole_place: str
) -> Iterator[Finding]:
    """A finding when ``part`` is larger than ``whole`` beyond rounding (a blank whole is zero)."""
    if part is None:
        return
    comparison = exceeds(part, whole if whole is not None else zero(part.unit))
    if comparison is None:
        return
    fields = {
        "place": place,
        "actual": money(part),
        "whole_place": whole_place,
        "expected": money(whole),
        "difference": comparison.difference.format(with_unit=False),
    }
    yield Finding(
        message=PART_TEMPLATE.format(**fields),
        fields=fields,
        location=location,
        expected=ctx.amount(comparison.expected),
        actual=ctx.amount(comparison.actual),
        difference=ctx.amount(comparison.difference),
        unit=str(ctx.unit),
    )


def _functional_expenditure(ctx: Context) -> Table | None:
    """The 支出总表 when the disclosure's functional rows were read from it (some provinces
    print it by unit or crossed with the economic classes: then the rows come from the
    一般公共预算支出表 and there is no all-funds figure per 科目 to compare with)."""
    index = ctx.doc.functional_table
    table = ctx.doc.tables[index] if index is not None and index < len(ctx.doc.tables) else None
    return table if table is not None and table.kind == TableKind.EXPENDITURE else None


def _same_classification(ctx: Context) -> bool:
    """Most coded lines of the general-public table are lines of the expenditure table too."""
    table = _functional_expenditure(ctx)
    if table is None:
        return False
    general = {ln.code for ln in ctx.table(TableKind.GENERAL_PUBLIC).lines if ln.code}
    expenditure = {ln.code for ln in table.lines if ln.code}
    return bool(general) and len(general & expenditure) * 2 >= len(general)


@rule(
    "XREF-PART",
    "每个科目：一般公共预算支出 ≤ 支出总表（财政拨款是全部资金的一部分）",
    Category.RECONCILIATION,
    Severity.ERROR,
    PART_TEMPLATE,
    "一般公共预算支出表中每个科目的金额不能超过支出总表中同一科目的金额；超出说明两表抄录不一致或支出总表漏列了科目。",
    templates={"not_in_expenditure": "一般公共预算支出表 {row} 合计 {amount}，支出总表中没有这个科目"},
    needs=(
        TableKind.GENERAL_PUBLIC,
        TableKind.EXPENDITURE,
        Need(
            _same_classification,
            "支出总表不是按功能分类科目列示的，或与一般公共预算支出表的科目大多对不上（可能按单位或经济分类列示）",
        ),
    ),
)
def appropriation_within_all_funds(ctx: Context) -> Iterator[Finding]:
    general = ctx.table(TableKind.GENERAL_PUBLIC)
    expenditure = _functional_expenditure(ctx)
    assert expenditure is not None  # the Need above
    # printed per 预算单位 in both tables: a unit's 科目 against the same unit's
    per_unit = all({ln.unit for ln in t.lines if ln.code} != {None} for t in (general, expenditure))
    by_code = {(ln.unit if per_unit else None, ln.code): ln for ln in expenditure.lines if ln.code}
    for line in general.lines:
        if not line.code:
            continue
        whole = by_code.get((line.unit if per_unit else None, line.code))
        if whole is None:
            if line.total is not None and line.total.amount != 0:
                yield Finding(
                    params={"row": row_label(line), "amount": money(line.total)},
                    template="not_in_expenditure",
                    location=line_location(ctx, general, line, "total"),
                    actual=ctx.amount(line.total),
                    unit=str(ctx.unit),
                )
            continue
        for key in ("total", "basic", "project"):
            if key not in line.values or key not in whole.values:
                continue
            yield from _part_finding(
                ctx,
                line.values[key],
                whole.values[key],
                line_location(ctx, general, line, key),
                f"一般公共预算支出表 {row_label(line)} {column_label(general, key)}",
                f"支出总表同一科目的 {money(whole.values[key])}",
            )


def _printed_public_total(ctx: Context) -> Line | None:
    """The basic-expenditure table's total row, where it prints a 公用经费 column."""
    table = ctx.doc.table(TableKind.BASIC_ECONOMIC)
    total = table.total_line() if table is not None else None
    return total if total is not None and "public" in total.values else None


@rule(
    "XREF-RUNNING",
    "机关运行经费 ≤ 基本支出表的公用经费",
    Category.RECONCILIATION,
    Severity.ERROR,
    PART_TEMPLATE,
    "机关运行经费来自基本支出中的日常公用经费，不能超过基本支出表的公用经费合计。基本支出表没有公用经费栏时按经济分类推算："
    "301 工资福利支出、303 对个人和家庭的补助为人员经费，其余各类为公用经费；"
    "有的地方（如广东）的机关运行经费（行政经费）按经济科目统计、也含项目支出中的商品和服务支出和资本性支出，"
    "所以推算的上限再加上项目支出中 302、310 类。"
    "推算的上限不是文件印出的数字，超出时作为警告，请核对。",
    needs=(
        TableKind.BASIC_ECONOMIC,
        Need(lambda ctx: ctx.doc.three_public and ctx.doc.three_public.running_costs, "表格中没有列出机关运行经费"),
        Need(
            lambda ctx: (
                _printed_public_total(ctx) is not None or economic.derived_public_with_project(ctx.doc) is not None
            ),
            "基本支出表没有公用经费合计，也不能按经济分类推算（没有按经济分类列示的基本支出和项目支出）",
        ),
    ),
)
def running_costs_within_public(ctx: Context) -> Iterator[Finding]:
    tp = ctx.doc.three_public
    assert tp is not None
    place = three_public_cell(ctx, "机关运行经费")
    printed = _printed_public_total(ctx)
    if printed is not None:
        yield from _part_finding(ctx, tp.running_costs, printed.public, place, "机关运行经费", "基本支出表公用经费合计")
        return
    # No 公用经费 column (广州): the limit is derived from the codes, by a convention the
    # corpus shows is not every province's (西安 counts some 302 款 as 人员经费); a breach
    # is for the finance officer to look at, not an error of the document.
    derived = economic.derived_public_with_project(ctx.doc)
    for found in _part_finding(ctx, tp.running_costs, derived, place, "机关运行经费", DERIVED_PUBLIC_PLACE):
        yield replace(found, severity=Severity.WARNING)


# 三公 items and the economic 款 that pay for them in basic expenditure (part ≤ whole).
# Matched by name as well as code: some documents number their 款 differently.
THREE_PUBLIC_ECONOMIC = (
    ("30212", re.compile(r"因公出国"), "overseas", "因公出国（境）费"),
    ("30217", re.compile(r"公务接待"), "reception", "公务接待费"),
    ("30231", re.compile(r"公务用车运行"), "vehicle_operation", "公务用车运行（维护）费"),
    ("31013", re.compile(r"公务用车购置"), "vehicle_purchase", "公务用车购置费"),
)


def economic_line(lines: list[Line], code: str, pattern: re.Pattern[str]) -> Line | None:
    """The 款 with this code and a name that fits it, else the one 款 whose name fits."""
    named = [ln for ln in lines if ln.code and len(ln.code) == 5 and pattern.search(squash(ln.name))]
    same_code = [ln for ln in named if ln.code == code]
    if same_code:
        return same_code[0]
    return named[0] if len(named) == 1 else None


@rule(
    "XREF-3PUB-ECON",
    "基本支出中的三公相关科目 ≤ “三公”经费表",
    Category.RECONCILIATION,
    Severity.ERROR,
    PART_TEMPLATE,
    "基本支出表中 30212 因公出国（境）费用、30217 公务接待费、30231 公务用车运行维护费、31013 公务用车购置"
    "只是“三公”经费的一部分，不能超过“三公”经费表的相应金额。",
    needs=(TableKind.BASIC_ECONOMIC, THREE_PUBLIC_READ),
)
def economic_within_three_public(ctx: Context) -> Iterator[Finding]:
    tp = ctx.doc.three_public
    assert tp is not None
    economic = ctx.table(TableKind.BASIC_ECONOMIC)
    lines = list(economic.lines)
    for code, pattern, attribute, label in THREE_PUBLIC_ECONOMIC:
        line = economic_line(lines, code, pattern)
        whole = getattr(tp, attribute)
        if line is None or line.total is None or whole is None:
            continue
        yield from _part_finding(
            ctx,
            line.total,
            whole,
            line_location(ctx, economic, line, "total"),
            f"基本支出表 {row_label(line)}",
            f"“三公”经费表{label}",
        )


# Contributions by economic 款 that mirror functional 项 (basic expenditure, same money).
MIRRORS = (
    ("30108", re.compile(r"养老"), ("2080505",)),
    ("30109", re.compile(r"年金"), ("2080506",)),
    ("30110", re.compile(r"基本医疗"), ("2101101", "2101102")),
    ("30111", re.compile(r"医疗补助"), ("2101103",)),
    ("30113", re.compile(r"公积金"), ("2210201",)),
)


@rule(
    "XREF-INSURANCE",
    "社保、医保、公积金：经济分类款与功能分类项相互对应",
    Category.RECONCILIATION,
    Severity.WARNING,
    SAME_TEMPLATE,
    "养老保险、职业年金、医疗保险、住房公积金在基本支出表（经济分类）和一般公共预算支出表（功能分类）中通常金额相同；不同时请核实或在说明中解释。",
    needs=(TableKind.BASIC_ECONOMIC, TableKind.GENERAL_PUBLIC),
    templates={"rounding": ROUNDING_NOTE},
)
def insurance_mirrors(ctx: Context) -> Iterator[Finding]:
    economic = ctx.table(TableKind.BASIC_ECONOMIC)
    general = ctx.table(TableKind.GENERAL_PUBLIC)
    lines = list(economic.lines)
    # a table printed per 预算单位 lists each code once per unit (西安's 部门 tables, with or
    # without the unit's name read): the 部门's figure is the sum over its units, on both sides
    func: dict[str, list[Line]] = {}
    for ln in general.lines:
        if ln.code:
            func.setdefault(ln.code, []).append(ln)
    pending = []
    for code, pattern, functional_codes in MIRRORS:
        line = economic_line(lines, code, pattern)
        matches = [func[c] for c in functional_codes if c in func]
        if line is None or line.total is None or not matches:
            continue
        units = [ln for ln in lines if ln.code == line.code and ln.total is not None]
        total = add_up([ln.total for ln in units if ln.total is not None])
        values = [add_up([v for v in map(_basic, group) if v is not None]) for group in matches]
        present = [v for v in values if v is not None]
        if not present or total is None:
            continue
        pending.append((code, line, units, total, matches, values, present))
    for code, line, units, total, matches, values, present in pending:
        expected = add_up(present)
        names = "、".join(_code_label(group) for group in matches)
        place = f"基本支出表 {_code_label(units)}"
        # the figures rounded on both sides: the units' rows and the 项
        summed = compare_sum(total, present, rounded=len(units) + len(present) - 1)
        if summed.rounding:
            # two 项 printed rounded (2101101 + 2101102) against one 款: 214.62 vs 162.24 + 52.39
            # differs within the rounding of three printed figures, a note as the other sums give
            yield sum_finding(
                ctx,
                summed,
                line_location(ctx, economic, line, "total"),
                "",
                place,
                "金额",
                "一般公共预算支出表 "
                + " + ".join(
                    f"{_code_label(group)} {v.format(with_unit=False)}"
                    for group, v in zip(matches, values, strict=True)
                    if v is not None
                ),
            )
            continue
        if code in MEDICAL and summed.mismatch and _medical_agrees(lines, func):
            # 上海: no 2101103 line, 行政单位医疗 carries 30110 + 30111 (6,100,000 = 4,220,000 + 1,880,000)
            continue
        yield from _same(
            ctx,
            total,
            expected,
            line_location(ctx, economic, line, "total"),
            place,
            f"一般公共预算支出表 {names}（基本支出）",
        )


MEDICAL = ("30110", "30111")  # 职工基本医疗 and 公务员医疗补助: one group of 项 (2101101–2101103)
MEDICAL_ITEMS = ("2101101", "2101102", "2101103")


def _medical_agrees(lines: list[Line], func: Mapping[str, list[Line]]) -> bool:
    """The medical contributions as a whole match the medical 项 as a whole, however the
    document split 30110 / 30111 between 行政单位医疗, 事业单位医疗 and 公务员医疗补助."""
    economic = [
        ln.total
        for code, pattern in zip(MEDICAL, (re.compile(r"基本医疗"), re.compile(r"医疗补助")), strict=True)
        if (first := economic_line(lines, code, pattern)) is not None
        for ln in lines
        if ln.code == first.code and ln.total is not None
    ]
    functional = [v for c in MEDICAL_ITEMS for ln in func.get(c, []) if (v := _basic(ln)) is not None]
    if not economic or not functional:
        return False
    # exactly: the same money split otherwise, not two figures a rounding apart
    whole, parts = add_up(functional), add_up(economic)
    return whole is not None and parts is not None and whole.to(parts.unit).amount == parts.amount


def _basic(line: Line) -> Money | None:
    """The line's basic expenditure: its 基本支出 column, or (西安: 人员经费支出 | 公用经费支出 |
    专项业务经费支出, no 基本支出 column) its personnel and public parts, else its total."""
    if "basic" in line.values:
        return line.basic
    parts = [line.values[k] for k in ("personnel", "public") if k in line.values]
    if parts:
        return add_up([p for p in parts if p is not None])
    return line.total


def _code_label(group: list[Line]) -> str:
    """A row's code and name, with its unit where one unit's row is meant; the code alone
    stands for the sum over the units of a table printed per 预算单位."""
    if len(group) == 1:
        return row_label(group[0])
    first = group[0]
    return f"{first.code} {squash(first.name)}（各单位合计）"


NAME_TEMPLATE = "{place} 写作“{actual}”，{other_place} 写作“{expected}”"


@rule(
    "XREF-NAMES",
    "同一科目在各表中名称一致（使用现行科目名称）",
    Category.RECONCILIATION,
    Severity.WARNING,
    NAME_TEMPLATE,
    "同一科目编码在各表中应使用同一名称，并使用当年的科目名称（例如 210 现为“卫生健康支出”）。",
    needs=(TableKind.EXPENDITURE,),
)
def names_consistent(ctx: Context) -> Iterator[Finding]:
    expenditure = ctx.table(TableKind.EXPENDITURE)
    names = {ln.code: squash(ln.name) for ln in expenditure.lines if ln.code}
    for table in ctx.doc.tables:
        if table is expenditure:
            continue
        if table.kind in (TableKind.INCOME, TableKind.GENERAL_PUBLIC, TableKind.GOV_FUND, TableKind.STATE_CAPITAL):
            for line in table.lines:
                expected = names.get(line.code) if line.code else None
                if expected and squash(line.name) != expected:
                    fields = {
                        "place": f"{table.label} {line.code}",
                        "actual": squash(line.name),
                        "other_place": "支出总表",
                        "expected": expected,
                    }
                    yield Finding(
                        message=NAME_TEMPLATE.format(**fields),
                        fields=fields,
                        location=line_location(ctx, table, line),
                    )
        if table.kind in (TableKind.SUMMARY, TableKind.FISCAL_SUMMARY):
            for line in _side_items(table, "expenditure"):
                name = squash(line.name)
                if name in RENAMED_CLASSES:
                    fields = {
                        "place": table.label,
                        "actual": name,
                        "other_place": "现行科目名称",
                        "expected": RENAMED_CLASSES[name],
                    }
                    yield Finding(
                        message=NAME_TEMPLATE.format(**fields),
                        fields=fields,
                        location=line_location(ctx, table, line),
                    )


# "编制单位：", "公开01表部门：", "资金主管部门:": the label before the unit's name
TABLE_LABEL = re.compile(r"^(?:公开|预算|部门|单位)?\d{1,2}表\s*")
UNIT_PREFIX = re.compile(r"^[\u4e00-\u9fff]{0,6}?(?:单位|部门)(?:名称)?[:：]\s*")
UNIT_END = re.compile(r"\s|预算年度|单位[:：]|金额单位|截止|日期")
UNIT_YEAR = re.compile(r"预算年度[:：]\s*(\d{4})")
UNIT_CODE = re.compile(r"^(\d{3,})[-－—_]?")
MONEY_WORDS = re.compile(r"^(?:万元|元|千元|亿元)$")


def unit_line_parts(line: str) -> tuple[str | None, str, int | None]:
    """(code, name, year) of a table's unit line "216001某单位 预算年度：2023 单位：万元"."""
    text = TABLE_LABEL.sub("", line.strip())
    code_match = UNIT_CODE.match(text)
    code = code_match.group(1) if code_match else None
    text = UNIT_PREFIX.sub("", text[code_match.end() :] if code_match else text)
    name = UNIT_END.split(text, maxsplit=1)[0]
    if MONEY_WORDS.match(squash(name)):
        name = ""  # "单位：万元": the money unit, no name
    year = UNIT_YEAR.search(line)
    return code, squash(name), int(year.group(1)) if year else None


@rule(
    "XREF-UNIT",
    "各表所列单位名称、编码和预算年度与文件一致",
    Category.RECONCILIATION,
    Severity.WARNING,
    "{table}的表头写“{written}”，而本文件是“{expected}”",
    "每张表表头的编制单位、单位编码和预算年度应与本文件一致；不一致多半是套用了其他单位或往年的表格。",
    needs=(Need(lambda ctx: ctx.doc.unit.name and any(t.unit_line for t in ctx.doc.tables), "表格没有列出编制单位"),),
)
def unit_lines(ctx: Context) -> Iterator[Finding]:
    unit = ctx.doc.unit
    for table in (t for t in ctx.doc.tables if t.unit_line):
        code, name, year = unit_line_parts(table.unit_line or "")
        problems = []
        if name and fold(name) != fold(unit.name):  # "（本级）" and "(本级)" are one name
            problems.append((name, squash(unit.name)))
        if code and unit.code and code != unit.code:
            problems.append((code, unit.code))
        if year and unit.year and year != unit.year:
            problems.append((f"{year}年", f"{unit.year}年"))
        for written, expected in problems:
            yield Finding(
                params={"table": table.label, "written": written, "expected": expected},
                location=Location(
                    table=table.kind.value,
                    row="表头",
                    column="编制单位",
                    page=table.page,
                    quote=table.unit_line,
                    table_index=ctx.table_index(table),
                ),
            )
