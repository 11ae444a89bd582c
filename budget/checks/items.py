"""编制说明 items: “××（类）××（款）××（项）”53.84万元 … 比上年增加1.39% … 主要原因是：…

Each item names a line of the expenditure tables; its amount, its percentage change
(recomputed from the two quoted figures), its direction word and its reason are checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from budget.checks.amounts import compare
from budget.checks.core import Category, Context, Finding, Location, NotRun, Severity, rule
from budget.checks.quotes import AMOUNT, parse_amount, section_body, sentence_span, unwrap
from budget.checks.reconcile import class_name
from budget.checks.where import level_of, money, row_label, squash
from budget.model import Line, Money, Table, TableKind

ITEM = re.compile(
    r"(?P<cls>[^“”\"（）()。，；：:]+?)（类）(?:(?P<kuan>[^“”\"（）()。，；]+?)（款）)?(?:(?P<xiang>[^“”\"（）()。，；]+?)（项）)?[”\"]?\s*"
    r"(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万元|元)"
)
LAST_YEAR = re.compile(r"(?:执行数|预算数|决算数)为?\s*" + AMOUNT.pattern)
THIS_YEAR = re.compile(r"\d{4}年(?:预算)?安排(?:预算)?\s*" + AMOUNT.pattern)
CHANGE = re.compile(r"(增加|减少|增长|下降)\s*(\d+(?:\.\d+)?)\s*%|(持平)")
REASON = re.compile(r"主要原因是[:：]?([^。]*)")
# A name runs back from "（类）" to the last character ITEM's name may not hold.
_NAME_STOP = re.compile(r"[“”\"（）()。，；：:]")
_CLASS_MARK = "（类）"


def item_matches(text: str) -> list[re.Match[str]]:
    """``ITEM.finditer(text)`` in linear time.

    Searched directly, the lazy name in front of "（类）" is retried from every
    position of a long unpunctuated run (80,000 characters took 91 s). Each name ends
    at the one "（类）" after it and starts where its run does, so ITEM is tried once,
    anchored at the start of the run before each "（类）" (the leftmost start, as a
    search would find it).
    """
    matches: list[re.Match[str]] = []
    end = run = scanned = 0  # end of the last match, start of the current run, stops seen up to
    at = text.find(_CLASS_MARK)
    while at != -1:
        for stop in _NAME_STOP.finditer(text, scanned, at):
            run = stop.end()
        scanned = at
        start = max(run, end)
        if start < at:
            match = ITEM.match(text, start)
            if match is not None:
                matches.append(match)
                end = match.end()
        at = text.find(_CLASS_MARK, max(at + 1, end))
    return matches


@dataclass(frozen=True, slots=True)
class Item:
    names: tuple[str, str | None, str | None]  # 类, 款, 项 as written
    amount: Money
    last: Money | None
    this: Money | None
    direction: str | None  # 增加 / 减少 / 持平
    percent: Decimal | None  # as printed (unsigned)
    reason: str | None
    text: str  # the item's paragraph(s)
    mark: tuple[int, int]  # position of the head amount in text
    section_index: int
    heading: str
    this_mark: tuple[int, int] | None = None  # "2024年预算安排…" figure
    change_mark: tuple[int, int] | None = None  # "增加1.39%" / "持平"
    reason_mark: tuple[int, int] | None = None


def find_items(ctx: Context) -> tuple[Item, ...]:
    def compute(c: Context) -> tuple[Item, ...]:
        items = []
        for index, section in enumerate(c.doc.sections):
            text = "".join(unwrap(section_body(c.doc, index)))
            matches = item_matches(text)
            for i, match in enumerate(matches):
                end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
                items.append(_item(text[match.start() : end], match, index, section.heading))
        return tuple(items)

    return ctx.memo("items", compute)  # type: ignore[return-value]


def _item(body: str, match: re.Match[str], index: int, heading: str) -> Item:
    last = LAST_YEAR.search(body)
    this = THIS_YEAR.search(body)
    change = CHANGE.search(body)
    reason = REASON.search(body)
    direction = percent = None
    if change:
        direction = change.group(1) or change.group(3)
        percent = Decimal(change.group(2)) if change.group(2) else None
    offset = match.start()
    return Item(
        names=(
            squash(match.group("cls")).lstrip('0123456789.、．“"'),
            _opt(match.group("kuan")),
            _opt(match.group("xiang")),
        ),
        amount=parse_amount(match.group("num"), match.group("unit")),
        last=parse_amount(last.group(1), last.group(2)) if last else None,
        this=parse_amount(this.group(1), this.group(2)) if this else None,
        direction={"增长": "增加", "下降": "减少"}.get(direction, direction),
        percent=percent,
        reason=reason.group(1) if reason else None,
        text=body,
        mark=(match.start("num") - offset, match.end("unit") - offset),
        section_index=index,
        heading=heading,
        this_mark=(this.start(1), this.end(2)) if this else None,
        change_mark=change.span() if change else None,
        reason_mark=reason.span(1) if reason else None,
    )


def _opt(name: str | None) -> str | None:
    return squash(name) if name else None


def _listed_items(ctx: Context) -> tuple[Item, ...]:
    """The items of the 编制说明; NotRun when it does not go through them 类 by 类."""
    items = find_items(ctx)
    if not items:
        raise NotRun("编制说明没有按“类、款、项”逐项说明")
    return items


def item_location(item: Item, mark: tuple[int, int] | None = None) -> Location:
    """The sentence of the item that holds ``mark`` (default: its head amount), marked."""
    start, end = mark or item.mark
    sentence, offset = sentence_span(item.text, start)
    return Location(
        section=item.heading, quote=sentence, section_index=item.section_index, mark=(start - offset, end - offset)
    )


ITEM_TABLES = (TableKind.GENERAL_PUBLIC, TableKind.GOV_FUND, TableKind.STATE_CAPITAL, TableKind.EXPENDITURE)


def _children(table: Table, parent: Line | None, level: int) -> list[Line]:
    return [
        ln
        for ln in table.lines
        if ln.code and level_of(ln) == level and (parent is None or (parent.code and ln.code.startswith(parent.code)))
    ]


def _by_name(lines: list[Line], name: str | None, renamed: bool = False) -> Line | None:
    if name is None:
        return None
    wanted = class_name(name) if renamed else name
    return next((ln for ln in lines if (class_name(ln.name) if renamed else squash(ln.name)) == wanted), None)


def locate_item(ctx: Context, item: Item) -> tuple[Table, Line] | None:
    """The table line an item names: by 类 then 款 then 项; by 款 + 项 when the 类 differs."""
    cls, kuan, xiang = item.names
    for kind in ITEM_TABLES:
        table = ctx.doc.table(kind)
        if table is None or not table.lines:
            continue
        found = _by_name(_children(table, None, 1), cls, renamed=True)
        candidates = [found] if found is not None else _children(table, None, 1)
        for top in candidates:
            line = top if found is not None else None
            if kuan is not None:
                line = _by_name(_children(table, top, 2), kuan)
                if line is not None and xiang is not None:
                    line = _by_name(_children(table, line, 3), xiang)
            if line is not None:
                return table, line
    return None


ITEM_TEMPLATE = "“{section}”中“{name}”写 {printed}，{table} {row} 为 {value}，相差 {difference}"


def _item_name(item: Item) -> str:
    cls, kuan, xiang = item.names
    return "".join(f"{n}（{lvl}）" for n, lvl in ((cls, "类"), (kuan, "款"), (xiang, "项")) if n)


@rule(
    "TEXT-ITEMS",
    "编制说明逐项列出的科目金额与表格一致",
    Category.TEXT,
    Severity.ERROR,
    ITEM_TEMPLATE,
    "编制说明中“××（类）××（款）××（项）”的金额及“本年预算安排”金额应与一般公共预算支出表（或支出总表）中该科目的合计一致。",
)
def item_amounts(ctx: Context) -> Iterator[Finding]:
    for item in _listed_items(ctx):
        located = locate_item(ctx, item)
        if located is None:
            continue  # reported by TEXT-NAMES
        table, line = located
        for printed, mark in ((item.amount, item.mark), (item.this, item.this_mark)):
            if printed is None or line.total is None:
                continue
            comparison = compare(printed, line.total)
            if comparison.mismatch:
                yield Finding(
                    message=ITEM_TEMPLATE.format(
                        section=item.heading or "编制说明",
                        name=_item_name(item),
                        printed=printed.format(),
                        table=table.label,
                        row=row_label(line),
                        value=money(line.total),
                        difference=comparison.difference.format(),
                    ),
                    location=item_location(item, mark),
                    expected=ctx.amount(line.total),
                    actual=ctx.amount(printed),
                    difference=ctx.amount(comparison.difference),
                    unit=str(ctx.unit),
                )
                break  # one finding per item: the head figure and the repeated one name the same line


NAMES_TEMPLATE = "“{section}”中写“{written}”，{table} 中该科目为“{expected}”"


@rule(
    "TEXT-NAMES",
    "编制说明使用的科目名称与表格一致",
    Category.TEXT,
    Severity.WARNING,
    NAMES_TEMPLATE,
    "编制说明中的类、款、项名称应与表格中的科目名称完全一致，并使用当年的科目名称。",
)
def item_names(ctx: Context) -> Iterator[Finding]:
    for item in _listed_items(ctx):
        located = locate_item(ctx, item)
        if located is None:
            yield Finding(
                message=f"“{item.heading or '编制说明'}”中的“{_item_name(item)}”在支出表中找不到对应科目",
                location=item_location(item),
                actual=ctx.amount(item.amount),
                unit=str(ctx.unit),
            )
            continue
        table, line = located
        top = next(
            (ln for ln in table.lines if ln.code and line.code and level_of(ln) == 1 and line.code.startswith(ln.code)),
            None,
        )
        cls = item.names[0]
        if top is not None and squash(top.name) != cls:
            yield Finding(
                message=NAMES_TEMPLATE.format(
                    section=item.heading or "编制说明",
                    written=f"{cls}（类）",
                    table=table.label,
                    expected=f"{squash(top.name)}（{top.code}）",
                ),
                location=item_location(item),
            )


PERCENT_TEMPLATE = "“{name}”：上年 {last}，本年 {this}，应{direction}{expected}%，文中写{word}{printed}%"


def _this_year(item: Item) -> Money:
    """This year's figure (本年预算安排, else the item's head amount) in the unit of last year's."""
    return (item.this or item.amount).to(item.last.unit)


def _percent_range(last: Money, this: Money) -> tuple[Decimal, Decimal]:
    """The change in percent over every way the two quoted figures could have been rounded."""
    h_last = last.quantum / 2
    h_this = this.quantum.copy_abs() / 2
    values = []
    for a in (last.amount - h_last, last.amount + h_last):
        for b in (this.amount - h_this, this.amount + h_this):
            if a > 0:
                values.append((b - a) / a * 100)
    return min(values), max(values)


@rule(
    "TEXT-PERCENT",
    "增减百分比可由两个年度金额算出",
    Category.TEXT,
    Severity.ERROR,
    PERCENT_TEMPLATE,
    "增减百分比 =（本年 − 上年）÷ 上年；上年为零时不能写百分比，应写明增加的金额。",
)
def item_percentages(ctx: Context) -> Iterator[Finding]:
    items = [i for i in find_items(ctx) if i.last is not None and i.percent is not None]
    if not items:
        raise NotRun("编制说明没有同时给出上年金额和增减百分比")
    for item in items:
        this = _this_year(item)
        last = item.last
        signed = item.percent if item.direction == "增加" else -item.percent
        location = item_location(item, item.change_mark)
        if last.amount == 0:
            if this.amount != 0:
                yield Finding(
                    message=(
                        f"“{_item_name(item)}”：上年为 0，增减百分比无法计算，文中写{item.direction}{item.percent}%"
                    ),
                    location=location,
                    actual=signed,
                    unit="%",
                    severity=Severity.WARNING,
                )
            continue
        exact = (this.amount - last.amount) / last.amount * 100
        low, high = _percent_range(last, this)
        tolerance = Decimal(1).scaleb(item.percent.as_tuple().exponent) / 2
        if low - tolerance <= signed <= high + tolerance:
            continue
        expected = exact.quantize(Decimal(1).scaleb(item.percent.as_tuple().exponent))
        yield Finding(
            message=PERCENT_TEMPLATE.format(
                name=_item_name(item),
                last=last.format(),
                this=this.format(),
                direction="增加" if expected >= 0 else "减少",
                expected=abs(expected),
                word=item.direction,
                printed=item.percent,
            ),
            location=location,
            expected=expected,
            actual=signed,
            difference=signed - expected,
            unit="%",
        )


DIRECTION_TEMPLATE = "“{name}”：上年 {last}，本年 {this}，应为“{expected}”，文中写“{actual}”"


def _direction(last: Money, this: Money) -> str:
    if this.amount > last.amount:
        return "增加"
    if this.amount < last.amount:
        return "减少"
    return "持平"


@rule(
    "TEXT-DIRECTION",
    "增加/减少/持平与两个年度金额的大小一致",
    Category.TEXT,
    Severity.ERROR,
    DIRECTION_TEMPLATE,
    "本年大于上年写“增加”，小于写“减少”，相等写“持平”。",
)
def item_directions(ctx: Context) -> Iterator[Finding]:
    items = [i for i in find_items(ctx) if i.last is not None and i.direction is not None]
    if not items:
        raise NotRun("编制说明没有同时给出上年金额和增减方向")
    for item in items:
        this = _this_year(item)
        expected = _direction(item.last, this)
        if expected != item.direction:
            yield Finding(
                message=DIRECTION_TEMPLATE.format(
                    name=_item_name(item),
                    last=item.last.format(),
                    this=this.format(),
                    expected=expected,
                    actual=item.direction,
                ),
                location=item_location(item, item.change_mark),
                expected=ctx.amount(this),
                actual=ctx.amount(item.last),
                difference=ctx.amount(this - item.last),
                unit=str(ctx.unit),
            )


@rule(
    "TEXT-REASON",
    "增减原因与增减方向不矛盾",
    Category.TEXT,
    Severity.WARNING,
    "“{name}”{direction}，但原因写“{reason}”",
    "说明增减原因时，原因的方向应与金额的增减一致（减少时不应写“经费增加”）。",
)
def item_reasons(ctx: Context) -> Iterator[Finding]:
    items = [i for i in find_items(ctx) if i.reason and i.direction in ("增加", "减少")]
    if not items:
        raise NotRun("编制说明没有给出增减原因")
    for item in items:
        words = {w for w in ("增加", "减少") if w in item.reason}
        if len(words) == 1 and item.direction not in words:
            yield Finding(
                message=f"“{_item_name(item)}”{item.direction}，但原因写“{item.reason}”",
                location=item_location(item, item.reason_mark),
            )
