"""Text against tables: every amount the narrative quotes, compared with the figure it names.

Each quote is named once (``named_quotes``) and the rules below take the quotes of their
topic: totals of the 编制说明, 机关运行经费 and its items, 三公, procurement, fixed assets.
A figure quoted in 万元 from a table in 元 is converted exactly and compared within the
rounding of the quoted figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from budget.checks.amounts import add_up, compare, exceeds, zero
from budget.checks.core import Category, Context, Finding, Location, NotRun, Settings, Severity, rule
from budget.checks.quotes import Quote, section_paragraphs, sentence_span
from budget.checks.where import (
    asset_location,
    asset_total,
    line_location,
    money,
    row_label,
    side_line,
    squash,
    three_public_cell,
)
from budget.model import Disclosure, Line, Money, MoneyUnit, Section, Table, TableKind


@dataclass(frozen=True, slots=True)
class Figure:
    label: str  # where the table prints it, in words: "收支总表 收入总计"
    value: Money | None
    location: Location
    bound: bool = False  # the quote may be smaller (the table figure is an upper limit)


@dataclass(frozen=True, slots=True)
class Named:
    quote: Quote
    rule: str
    figure: Figure
    key: str = ""  # the figure's key in the book ("income_total" …)


# ---------------------------------------------------------------- the figures book


def _line_figure(ctx: Context, table: Table | None, line: Line | None, key: str, label: str) -> Figure | None:
    if table is None or line is None or key not in line.values:
        return None
    return Figure(label, line.values[key], line_location(ctx, table, line, key))


def _table_location(ctx: Context, table: Table | None, kind: TableKind) -> Location:
    return Location(table=kind.value, table_index=ctx.table_index(table) if table else None)


def _fund_figure(ctx: Context, kind: TableKind, label: str) -> Figure | None:
    table = ctx.doc.table(kind)
    if table is None:
        return None
    total = table.total_line()
    has_amounts = any(v is not None for ln in table.lines for v in ln.values.values())
    if table.empty or not has_amounts:  # printed empty: nothing of this fund
        return Figure(f"{label}（空表）", zero(table.money_unit or ctx.unit), _table_location(ctx, table, kind))
    return _line_figure(ctx, table, total, "total", f"{label} 合计")


def _three_public_figures(ctx: Context) -> dict[str, Figure]:
    tp = ctx.doc.three_public
    if tp is None:
        return {}
    book = {}
    items = (
        ("overseas", "因公出国（境）费"),
        ("vehicles", "公务用车购置及运行费"),
        ("vehicle_purchase", "公务用车购置费"),
        ("vehicle_operation", "公务用车运行（维护）费"),
        ("reception", "公务接待费"),
    )
    for key, label in items:
        book[key] = Figure(f"“三公”经费表 {label}", getattr(tp, key), three_public_cell(ctx, label))
    total = tp.total
    if total is None or not tp.total_printed:
        total = add_up([p for p in (tp.overseas, tp.vehicles, tp.reception) if p is not None])
        book["tp_total"] = Figure("“三公”经费表各项之和", total, three_public_cell(ctx, "合计"))
    else:
        book["tp_total"] = Figure("“三公”经费表 合计", total, three_public_cell(ctx, "合计"))
    if tp.running_costs is not None:
        book["running_costs"] = Figure(
            "“三公”经费和机关运行经费表 机关运行经费", tp.running_costs, three_public_cell(ctx, "机关运行经费")
        )
    return book


def _procurement_figures(ctx: Context) -> dict[str, Figure]:
    lines = ctx.doc.procurement
    if not lines:
        return {}
    table = ctx.doc.table(TableKind.PROCUREMENT)
    where = _table_location(ctx, table, TableKind.PROCUREMENT)
    items = [p for p in lines if not p.is_total and p.amount is not None]
    total = next((p.amount for p in lines if p.is_total and p.amount is not None), None)
    if total is None:
        total = add_up([p.amount for p in items])
    book = {"procurement": Figure("政府采购预算表 合计", total, where)}
    if items and all(p.catalogue_code for p in items):
        unit = items[0].amount.unit
        for key, prefix, label in (("goods", "A", "货物"), ("works", "B", "工程"), ("services", "C", "服务")):
            amounts = [p.amount for p in items if p.catalogue_code.upper().startswith(prefix)]
            value = add_up(amounts) if amounts else zero(unit)
            book[key] = Figure(f"政府采购预算表 {label}类（目录编码 {prefix} 开头）合计", value, where)
    return book


def _asset_figures(ctx: Context) -> dict[str, Figure]:
    line = asset_total(ctx)
    if line is None:
        return {}
    return {"assets": Figure(f"固定资产占用情况表 {squash(line.item)}", line.value, asset_location(ctx, line))}


def build_book(ctx: Context) -> dict[str, Figure]:
    doc = ctx.doc
    summary = doc.table(TableKind.SUMMARY)
    income = doc.table(TableKind.INCOME)
    expenditure = doc.table(TableKind.EXPENDITURE)
    fiscal = doc.table(TableKind.FISCAL_SUMMARY)
    economic = doc.table(TableKind.BASIC_ECONOMIC)
    income_line = income.total_line() if income else None
    expenditure_line = expenditure.total_line() if expenditure else None
    economic_line = economic.total_line() if economic else None
    candidates = {
        "income_total": _line_figure(
            ctx, summary, side_line(summary, "income", "收入总计"), "total", "收支总表 收入总计"
        )
        or _line_figure(ctx, income, income_line, "total", "收入总表 合计"),
        "expenditure_total": _line_figure(
            ctx, summary, side_line(summary, "expenditure", "支出总计"), "total", "收支总表 支出总计"
        )
        or _line_figure(ctx, expenditure, expenditure_line, "total", "支出总表 合计"),
        "appropriation_income": _line_figure(ctx, income, income_line, "appropriation", "收入总表 财政拨款收入合计")
        or _line_figure(ctx, fiscal, side_line(fiscal, "income", "收入总计"), "total", "财政拨款收支总表 收入总计"),
        "appropriation_expenditure": _line_figure(
            ctx, fiscal, side_line(fiscal, "expenditure", "支出总计"), "total", "财政拨款收支总表 支出总计"
        ),
        "general_public": _fund_figure(ctx, TableKind.GENERAL_PUBLIC, "一般公共预算支出表"),
        "gov_fund": _fund_figure(ctx, TableKind.GOV_FUND, "政府性基金预算支出表"),
        "state_capital": _fund_figure(ctx, TableKind.STATE_CAPITAL, "国有资本经营预算支出表"),
        "business": _line_figure(ctx, income, income_line, "business", "收入总表 事业收入合计"),
        "operating": _line_figure(ctx, income, income_line, "operating", "收入总表 经营收入合计"),
        "other": _line_figure(ctx, income, income_line, "other", "收入总表 其他收入合计"),
        "basic": _line_figure(ctx, expenditure, expenditure_line, "basic", "支出总表 基本支出合计"),
        "project": _line_figure(ctx, expenditure, expenditure_line, "project", "支出总表 项目支出合计"),
        "personnel": _line_figure(ctx, economic, economic_line, "personnel", "基本支出表 人员经费合计"),
        "public": _line_figure(ctx, economic, economic_line, "public", "基本支出表 公用经费合计"),
    }
    book = {k: v for k, v in candidates.items() if v is not None}
    book.update(_three_public_figures(ctx))
    if "running_costs" not in book and "public" in book:
        public = book["public"]
        book["running_costs"] = Figure(
            f"{public.label}（机关运行经费不超过此数）", public.value, public.location, bound=True
        )
    if "project" in book:
        project = book["project"]
        book["performance_money"] = Figure(
            f"{project.label}（绩效目标涉及的资金不超过此数）", project.value, project.location, bound=True
        )
    book.update(_procurement_figures(ctx))
    book.update(_asset_figures(ctx))
    return book


# ---------------------------------------------------------------- naming the quotes

# A label with these words quotes a change, last year's figure, a plan or a limit.
NOT_A_LEVEL = re.compile(
    r"比|较|增加|减少|增长|下降|同比|持平|执行数|拟|预留|中小|小型|微型|用款计划|季度|每|平均|以上|以下"
)

# (rule, label pattern, figure key), most specific first.
CONCEPTS: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (rule_id, re.compile(pattern), key)
    for rule_id, pattern, key in (
        ("TEXT-3PUB", r"三公", "tp_total"),
        ("TEXT-3PUB", r"公务用车购置及运", "vehicles"),
        ("TEXT-3PUB", r"公务用车购置费|车辆购置费", "vehicle_purchase"),
        ("TEXT-3PUB", r"公务用车运行(维护)?费|公务用车运维费", "vehicle_operation"),
        ("TEXT-3PUB", r"因公出国", "overseas"),
        ("TEXT-3PUB", r"公务接待费", "reception"),
        ("TEXT-RUNNING", r"机关运行(经)?费", "running_costs"),
        ("TEXT-PROC", r"政府采购货物", "goods"),
        ("TEXT-PROC", r"政府采购工程", "works"),
        ("TEXT-PROC", r"政府采购服务", "services"),
        ("TEXT-PROC", r"政府采购", "procurement"),
        ("TEXT-ASSETS", r"固定资产(金额|总额|总值|原值|价值)?$", "assets"),
        ("TEXT-TOTALS", r"涉及项目预算资金|绩效目标.*资金", "performance_money"),
        ("TEXT-TOTALS", r"一般公共预算(拨款|财政拨款)?(收入|支出)", "general_public"),
        ("TEXT-TOTALS", r"政府性基金(预算)?(拨款|财政拨款)?(收入|支出)", "gov_fund"),
        ("TEXT-TOTALS", r"国有资本经营预算(拨款|财政拨款)?(收入|支出)", "state_capital"),
        ("TEXT-TOTALS", r"财政拨款收入", "appropriation_income"),
        ("TEXT-TOTALS", r"财政拨款支出", "appropriation_expenditure"),
        ("TEXT-TOTALS", r"事业单位经营收入|^经营收入", "operating"),
        ("TEXT-TOTALS", r"事业收入", "business"),
        ("TEXT-TOTALS", r"^其他收入", "other"),
        (
            "TEXT-TOTALS",
            r"收入预算(总额|总计|合计)?$|收入总(计|额)|收入合计|总收入|预算收入|收支(预算)?总(额|计|预算)|收支预算$"
            r"|^(本年|全年)?收入$",
            "income_total",
        ),
        (
            "TEXT-TOTALS",
            r"支出预算(总额|总计|合计)?$|支出总(计|额)|支出合计|总支出|预算支出|^(本年|全年)?支出$",
            "expenditure_total",
        ),
        ("TEXT-TOTALS", r"基本支出", "basic"),
        ("TEXT-TOTALS", r"项目支出", "project"),
        ("TEXT-TOTALS", r"人员经费", "personnel"),
        ("TEXT-TOTALS", r"公用经费", "public"),
    )
)


TOPICS = (("three_public", "三公"), ("running", "机关运行"))


def topic(quote: Quote) -> str | None:
    """三公 or 机关运行经费: the nearest mention before the figure (sentence, paragraph, headings)."""
    for text in (quote.sentence[: quote.start], quote.paragraph, quote.heading, quote.context):
        found = [(text.rfind(word), name) for name, word in TOPICS if word in text]
        if found:
            return max(found)[1]
    return None


def _economic_figure(ctx: Context, label: str) -> Figure | None:
    table = ctx.doc.table(TableKind.BASIC_ECONOMIC)
    if table is None or not label:
        return None
    for line in table.lines:
        if line.code and squash(line.name) == label:
            key = "public" if line.values.get("public") is not None else "total"
            return Figure(f"基本支出表 {row_label(line)}", line.values.get(key), line_location(ctx, table, line, key))
    return None


def quote_concept(ctx: Context, quote: Quote) -> tuple[str, str] | None:
    """(rule, figure key) a quote names, whether or not the document prints that figure;
    key "economic": an economic 款 of the basic table, named in a 机关运行经费 passage."""
    if quote.threshold or NOT_A_LEVEL.search(quote.label):
        return None
    subject = topic(quote)
    if subject == "running" and _economic_figure(ctx, quote.label) is not None:
        return "TEXT-RUNNING", "economic"
    for rule_id, pattern, key in CONCEPTS:
        if rule_id == "TEXT-3PUB" and key != "tp_total" and subject != "three_public":
            continue
        if pattern.search(quote.label):
            return rule_id, key
    return None


def name_quote(ctx: Context, quote: Quote, book: dict[str, Figure]) -> Named | None:
    concept = quote_concept(ctx, quote)
    if concept is None:
        return None
    rule_id, key = concept
    figure = _economic_figure(ctx, quote.label) if key == "economic" else book.get(key)
    return Named(quote, rule_id, figure, key) if figure is not None else None


def named_quotes(ctx: Context) -> tuple[tuple[Quote, Named | None], ...]:
    def compute(c: Context) -> tuple[tuple[Quote, Named | None], ...]:
        book = build_book(c)
        return tuple((q, name_quote(c, q, book)) for q in c.quotes)

    return ctx.memo("named_quotes", compute)  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class Passage:
    """What the narrative says on one rule's topic, read as the rule reads it: the
    paragraphs (of one section) quoting figures the rule compares, and their amounts."""

    paragraphs: tuple[str, ...]
    # every amount of those paragraphs in reading order, with the figure key it names for
    # this rule (None: it names nothing the rule compares); changes and limits left out
    quotes: tuple[tuple[str | None, Quote], ...]


def passage(doc: Disclosure, rule_id: str) -> Passage:
    """The first passage on the topic of a text rule (TEXT-3PUB, TEXT-RUNNING …); the
    三公经费 page builds its comparisons from it, so page and rule cannot disagree."""
    ctx = Context(doc, Settings())
    named = [(q, quote_concept(ctx, q)) for q in ctx.quotes]
    first = next((q for q, c in named if c is not None and c[0] == rule_id), None)
    if first is None:
        return Passage((), ())
    places = list(
        dict.fromkeys(
            (q.section_index, q.paragraph)
            for q, c in named
            if c is not None and c[0] == rule_id and q.section_index == first.section_index
        )
    )
    quotes = tuple(
        (c[1] if c is not None and c[0] == rule_id else None, q)
        for q, c in named
        if (q.section_index, q.paragraph) in places and not q.threshold and not NOT_A_LEVEL.search(q.label)
    )
    return Passage(tuple(paragraph for _, paragraph in places), quotes)


# ---------------------------------------------------------------- comparing

QUOTE_TEMPLATE = "“{section}”中写“{label}{printed}”，{figure} 为 {value}，相差 {difference}"
SPLIT_TEMPLATE = "“{section}”把{figure} {value} 拆成 {parts}，合计与表格一致，但表格中没有这些分项"
UNIT_TEMPLATE = "“{section}”中写“{label}{printed}”，{figure} 为 {value}：金额单位写错了（应为{unit}）"
BOUND_TEMPLATE = "“{section}”中写“{label}{printed}”，超过{figure} {value}，超出 {difference}"


def quote_location(quote: Quote) -> Location:
    return Location(
        section=quote.heading, quote=quote.sentence, section_index=quote.section_index, mark=(quote.start, quote.end)
    )


def _section_name(quote: Quote) -> str:
    return quote.heading or "正文"


def _split_note(ctx: Context, named: Named, pairs: tuple[tuple[Quote, Named | None], ...]) -> Finding | None:
    """A figure written as the sum of sub-items the table does not have (运行费 + 保险)."""
    quote, figure = named.quote, named.figure
    following = [
        q
        for q, n in pairs
        if q.sentence == quote.sentence
        and q.section_index == quote.section_index
        and q.start > quote.start
        and n is None
        and not q.threshold
    ]
    total = quote.amount
    used = [quote]
    for extra in following:
        total = total.to(extra.amount.unit) + extra.amount if total.unit != extra.amount.unit else total + extra.amount
        used.append(extra)
        if not compare(total, figure.value).mismatch:
            parts = " + ".join(f"{q.label}{q.printed}" for q in used)
            return Finding(
                message=SPLIT_TEMPLATE.format(
                    section=_section_name(quote), figure=figure.label, value=money(figure.value), parts=parts
                ),
                location=quote_location(quote),
                expected=ctx.amount(figure.value),
                actual=ctx.amount(total),
                difference=Decimal(0),
                unit=str(ctx.unit),
                severity=Severity.INFO,
            )
    return None


def _wrong_unit(quote: Quote, value: Money) -> MoneyUnit | None:
    other = MoneyUnit.YUAN if quote.amount.unit == MoneyUnit.WAN_YUAN else MoneyUnit.WAN_YUAN
    if quote.amount.amount != 0 and not compare(Money(quote.amount.amount, other), value).mismatch:
        return other
    return None


def _quote_finding(
    ctx: Context, named: Named, template: str, difference: Money, rule_id: str = "", **fields: object
) -> Finding:
    """A quoted figure against the table's: ``template`` filled with both, the amounts in the document's unit."""
    quote, figure = named.quote, named.figure
    message = template.format(
        section=_section_name(quote),
        label=quote.label,
        printed=quote.printed,
        figure=figure.label,
        value=money(figure.value),
        difference=difference.format(),
        **fields,
    )
    return Finding(
        message=message,
        location=quote_location(quote),
        expected=ctx.amount(figure.value),
        actual=ctx.amount(quote.amount),
        difference=ctx.amount(difference),
        unit=str(ctx.unit),
        rule=rule_id,
    )


def check_named(ctx: Context, named: Named, pairs: tuple[tuple[Quote, Named | None], ...]) -> Finding | None:
    quote, figure = named.quote, named.figure
    if figure.value is None:
        return None  # blank in the table: a quoted figure cannot be compared
    if figure.bound:
        over = exceeds(quote.amount, figure.value)
        return None if over is None else _quote_finding(ctx, named, BOUND_TEMPLATE, over.difference)
    comparison = compare(quote.amount, figure.value)
    if not comparison.mismatch:
        return None
    unit = _wrong_unit(quote, figure.value)
    if unit is not None:
        return _quote_finding(ctx, named, UNIT_TEMPLATE, comparison.difference, "TEXT-UNIT", unit=unit)
    split = _split_note(ctx, named, pairs)
    if split is not None:
        return split
    return _quote_finding(ctx, named, QUOTE_TEMPLATE, comparison.difference)


def quote_findings(ctx: Context, rule_id: str) -> Iterator[Finding]:
    pairs = named_quotes(ctx)
    named = [n for _, n in pairs if n is not None and n.rule == rule_id]
    if not named:
        raise NotRun("正文中没有引用这一类金额")
    for item in named:
        found = check_named(ctx, item, pairs)
        if found is not None and found.rule in ("", rule_id):
            yield found


def _quote_rule(rule_id: str, title: str, guidance: str):
    @rule(rule_id, title, Category.TEXT, Severity.ERROR, QUOTE_TEMPLATE, guidance)
    def check(ctx: Context) -> Iterator[Finding]:
        return quote_findings(ctx, rule_id)

    return check


text_totals = _quote_rule(
    "TEXT-TOTALS",
    "编制说明中的收支总额、各项收入与表格一致",
    "编制说明中的收入、支出总额、财政拨款及各资金来源金额应与收支总表、收入总表、财政拨款收支总表一致。",
)
text_running = _quote_rule(
    "TEXT-RUNNING",
    "机关运行经费及其各项金额与基本支出表一致",
    "机关运行经费的说明中各项金额应与基本支出表中同名经济科目的公用经费一致，总额不能超过公用经费合计。",
)
text_three_public = _quote_rule(
    "TEXT-3PUB",
    "“三公”经费说明与“三公”经费表一致",
    "“三公”经费说明中的合计及因公出国（境）、公务用车购置及运行、公务接待各项金额应与“三公”经费支出表一致。",
)
text_procurement = _quote_rule(
    "TEXT-PROC",
    "政府采购说明与政府采购预算表一致",
    "政府采购预算说明中的总额及货物、工程、服务金额应与政府采购预算表一致。",
)
text_assets = _quote_rule(
    "TEXT-ASSETS",
    "国有资产说明与固定资产占用情况表一致",
    "国有资产说明中的固定资产金额应与固定资产占用情况表的资产总额一致（注意截止日期相同）。",
)


@rule(
    "TEXT-UNIT",
    "正文金额单位（元/万元）正确",
    Category.TEXT,
    Severity.ERROR,
    UNIT_TEMPLATE,
    "正文金额的单位应与数值相符：表格以元为单位时，正文写万元需要换算（除以一万）。",
)
def text_units(ctx: Context) -> Iterator[Finding]:
    pairs = named_quotes(ctx)
    if not any(n is not None for _, n in pairs):
        raise NotRun("正文中没有可与表格对照的金额")
    for _, named in pairs:
        if named is None:
            continue
        found = check_named(ctx, named, pairs)
        if found is not None and found.rule == "TEXT-UNIT":
            yield found


# ---------------------------------------------------------------- names of the unit

SELF = re.compile(r"[我本](部门|单位)")


@rule(
    "TEXT-KIND",
    "正文自称（本单位/本部门）与预算类型一致",
    Category.TEXT,
    Severity.WARNING,
    "“{section}”中自称“{word}”，而本文件是{kind}预算",
    "单位预算中应自称“本单位/我单位”，部门预算中应自称“本部门/我部门”。",
)
def self_reference(ctx: Context) -> Iterator[Finding]:
    kind = ctx.doc.unit.kind
    if kind not in ("单位", "部门"):
        raise NotRun("无法判断本文件是单位预算还是部门预算")
    for index, section, paragraph, match in _paragraph_matches(ctx, SELF):
        if match.group(1) != kind:
            yield Finding(
                message=f"“{section.heading or '正文'}”中自称“{match.group(0)}”，而本文件是{kind}预算",
                location=_marked_location(section.heading, index, paragraph, match),
            )


def _paragraph_matches(ctx: Context, pattern: re.Pattern[str]) -> Iterator[tuple[int, Section, str, re.Match[str]]]:
    """Every match of ``pattern`` in the narrative, with its section (index and all) and paragraph."""
    for index, section in enumerate(ctx.doc.sections):
        for paragraph, _ in section_paragraphs(ctx.doc, index):
            for match in pattern.finditer(paragraph):
                yield index, section, paragraph, match


def _marked_location(heading: str, index: int, paragraph: str, match: re.Match[str]) -> Location:
    sentence, start = sentence_span(paragraph, match.start())
    return Location(
        section=heading, quote=sentence, section_index=index, mark=(match.start() - start, match.end() - start)
    )


YEAR_COMPARISON = re.compile(r"(?:与|比|较|同)(\d{4})年")


@rule(
    "TEXT-YEAR",
    "对比年度是上一年",
    Category.TEXT,
    Severity.WARNING,
    "“{section}”中与 {written} 年比较，而本预算是 {year} 年，上一年应为 {expected} 年",
    "年度预算应与上一年比较；检查是否沿用了往年的说明文字。",
)
def comparison_year(ctx: Context) -> Iterator[Finding]:
    year = ctx.doc.unit.year
    if year is None:
        raise NotRun("无法识别预算年度")
    for index, section, paragraph, match in _paragraph_matches(ctx, YEAR_COMPARISON):
        written = int(match.group(1))
        # a budget may compare with the last closed accounts, two years back (决算)
        final_accounts = written == year - 2 and "决算" in paragraph[match.end() : match.end() + 8]
        if written != year - 1 and not final_accounts:
            yield Finding(
                message=(
                    f"“{section.heading or '正文'}”中与 {written} 年比较，"
                    f"而本预算是 {year} 年，上一年应为 {year - 1} 年"
                ),
                location=_marked_location(section.heading, index, paragraph, match),
                expected=Decimal(year - 1),
                actual=Decimal(written),
            )
