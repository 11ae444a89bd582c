"""What the narrative says item by item: the 科目 and projects it lists, and every
year-on-year change it states (amount, percent, direction word, reason).

Every claim of the narrative (``budget.narrative``) is read, whatever the wording:
``“X（类）Y（款）Z（项）”N万元``, ``行政运行（2010301）N万元``, ``“X-Y-Z”科目N万元``,
``收入预算N万元，比上年增加M万元，增长P%``, ``上年执行数为L万元，本年预算安排N万元`` …
The amounts are compared with the 科目 lines of the tables; the change is recomputed
from the figures the sentence gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from dataclasses import dataclass, replace
from decimal import ROUND_DOWN, Decimal

from budget.checks.amounts import compare_sum
from budget.checks.core import DEFAULT_TEMPLATE, Category, Context, Finding, Need, Severity, noted, rule
from budget.checks.figures import Resolved, claims, resolutions
from budget.checks.text import UNIT_TEMPLATE, check_stated, figure_location, stated
from budget.checks.places import level_of, squash
from budget.model import Money
from budget.narrative import Claim, Kind, Role, Subject
from budget.narrative.claims import DECREASE, FLAT, INCREASE, Figure
from budget.narrative.subjects import subject_of

ITEM_TEMPLATE = "“{section}”中“{name}”写 {printed}，{figure} 为 {value}，相差 {difference}"


def item_name(subject: Subject | None) -> str:
    if subject is None:
        return ""
    if any(subject.levels):
        return "".join(f"{n}（{lvl}）" for n, lvl in zip(subject.levels, ("类", "款", "项"), strict=True) if n)
    return f"{subject.name}（{subject.code}）" if subject.code else subject.name


@rule(
    "TEXT-ITEMS",
    "编制说明逐项列出的科目金额与表格一致",
    Category.TEXT,
    Severity.ERROR,
    ITEM_TEMPLATE,
    "编制说明中逐项列出的科目（“××（类）××（款）××（项）”、“行政运行（2010301）”等）及项目的金额，"
    "应与一般公共预算支出表（或支出总表、基本支出表、绩效目标表）中该科目或项目的金额一致。",
    needs=(Need(lambda ctx: stated(ctx, "TEXT-ITEMS"), "编制说明没有逐项列出科目金额"),),
    templates={"unit": UNIT_TEMPLATE},  # an item's figure in the wrong money unit, said as TEXT-UNIT says it
)
def item_amounts(ctx: Context) -> Iterator[Finding]:
    items = stated(ctx, "TEXT-ITEMS")
    reported: set[int] = set()
    # one defect, one finding: a section that states the same figure twice (in an enumeration
    # and again on its own line) and both disagree with the same table figure is one finding,
    # the repeat listed as its consequence
    found_by_figure: dict[tuple[str, str, str], Finding] = {}
    for item in items:
        if id(item.claim) in reported:
            continue  # one finding per claim: the head figure and the repeated one name the same line
        found = check_stated(ctx, item)
        if found is None or found.severity == Severity.INFO:
            continue
        reported.add(id(item.claim))
        figure = item.resolved.figures[0]
        assert figure.value is not None
        fields = {
            "section": item.claim.heading or "编制说明",
            "name": item_name(item.claim.subject),
            "printed": item.amount.format(),
            "figure": figure.label,
            "value": figure.value.format(),
            "difference": Money(found.difference or Decimal(0), ctx.unit).format(),
        }
        unit = found.rule == "TEXT-UNIT"  # a wrong unit is said as TEXT-UNIT says it
        finding = Finding(
            message=found.message if unit else ITEM_TEMPLATE.format(**fields),
            template="unit" if unit else DEFAULT_TEMPLATE,
            fields=found.fields if unit else fields,
            severity=found.severity,
            location=found.location,
            expected=found.expected,
            actual=found.actual,
            difference=found.difference,
            unit=found.unit,
            params=found.params,
        )
        if not unit:
            for name, note_fields in found.notes:  # why it is a warning: "只差末位一个单位…"
                finding = noted(finding, name, **note_fields)
        same = (fields["section"], figure.label, str(found.actual))
        first = found_by_figure.get(same)
        if first is None:
            found_by_figure[same] = finding
        else:
            found_by_figure[same] = replace(first, consequences=(*first.consequences, finding))
    yield from found_by_figure.values()


NAMES_TEMPLATE = "“{section}”中写“{written}”，{table} 中该科目为“{expected}”"


def _classified(ctx: Context) -> list[tuple[Claim, Resolved]]:
    return [(c, r) for c, r in resolutions(ctx) if c.subject is not None and c.subject.kind == Kind.CLASSIFIED]


@rule(
    "TEXT-NAMES",
    "编制说明使用的科目名称与表格一致",
    Category.TEXT,
    Severity.WARNING,
    NAMES_TEMPLATE,
    "编制说明中的类、款、项名称和编码应与表格中的科目完全一致，并使用当年的科目名称。",
    templates={"not_found": "“{section}”中的“{name}”在支出表中找不到对应科目"},
    needs=(Need(lambda ctx: _classified(ctx), "编制说明没有按科目逐项说明"),),
)
def item_names(ctx: Context) -> Iterator[Finding]:
    listed = _classified(ctx)
    # most items not in the tables: the tables were not read, not the narrative written wrong
    missing = sum(1 for _, r in listed if r.rule == "TEXT-NAMES")
    tables_read = missing * 2 <= len(listed)
    for claim, resolved in listed:
        subject = claim.subject
        assert subject is not None
        amount = claim.amount
        if resolved.rule == "TEXT-NAMES":
            if not tables_read or (amount is not None and amount.value == 0):
                continue  # an item at zero this year is rightly absent from this year's tables
            meant = _same_amount_line(ctx, subject, amount.money if amount is not None else None)
            if meant is not None:
                # "科技成果转换与扩散（项）275.06万元" (湖州) where the table prints 2060404 科技成果转化与扩散
                # 275.06 under the same 类: the name is what differs, and the table says which it is
                fields = {
                    "section": claim.heading or "编制说明",
                    "written": item_name(subject),
                    "table": meant[0],
                    "expected": meant[1],
                }
                yield Finding(
                    message=NAMES_TEMPLATE.format(**fields),
                    fields=fields,
                    location=figure_location(claim, amount or claim.figures[0]),
                    params={"written": fields["written"], "expected": fields["expected"]},
                )
                continue
            yield Finding(
                params={"section": claim.heading or "编制说明", "name": item_name(subject)},
                template="not_found",
                location=figure_location(claim, amount or claim.figures[0]),
                actual=ctx.amount(amount.money) if amount is not None and amount.money is not None else None,
                unit=str(ctx.unit),
            )
            continue
        if not resolved.figures:
            continue
        line = resolved.figures[0].line
        if line is None or not line.code:
            continue
        written, expected = _name_difference(ctx, subject, line.code, line.name, resolved.figures[0].label)
        if written is not None:
            fields = {
                "section": claim.heading or "编制说明",
                "written": written,
                "table": resolved.figures[0].label.split(" ")[0],
                "expected": expected,
            }
            finding = Finding(
                message=NAMES_TEMPLATE.format(**fields),
                fields=fields,
                location=figure_location(claim, amount or claim.figures[0]),
                params={"written": written, "expected": expected},
            )
            yield noted(finding, "name_cut") if _cut_name(subject.name, line.name) else finding


def _same_amount_line(ctx: Context, subject: Subject, amount: Money | None) -> tuple[str, str] | None:
    """The one line of the deepest level the subject names (项 or 款), under the 类 it names, whose
    total is the amount the text gives: the line the text means under another name."""
    from budget.checks.figures import FUNCTIONAL_TABLES, name_key

    cls = subject.levels[0]
    depth = 7 if subject.levels[2] else 5 if subject.levels[1] else 0
    if amount is None or cls is None or not depth:
        return None
    for kind in FUNCTIONAL_TABLES:
        table = ctx.doc.table(kind)
        if table is None:
            continue
        tops = [ln.code for ln in table.lines if ln.code and len(ln.code) == 3 and name_key(ln.name) == name_key(cls)]
        if len(tops) != 1:
            continue
        hits = [
            ln
            for ln in table.lines
            if ln.code
            and len(ln.code) == depth
            and ln.code.startswith(tops[0])
            and ln.total is not None
            and not compare_sum(ln.total, [amount.to(ln.total.unit)]).mismatch
        ]
        if len(hits) == 1:
            # the line as the table names it, with its 款 where the text names a 项 (武汉's 款
            # "行政事业单位离退休" is now 行政事业单位养老支出: the 项 alone would read the same)
            line = hits[0]
            assert line.code is not None
            parent = next((ln for ln in table.lines if ln.code == line.code[:5]), None) if depth == 7 else None
            named = f"{squash(line.name)}（{line.code}）"
            return table.label, (f"{squash(parent.name)}（{parent.code}）" + named if parent is not None else named)
    return None


def _name_difference(ctx: Context, subject: Subject, code: str, name: str, label: str) -> tuple[str | None, str]:
    """The name as written where it differs from the table's name of the line (or of its 类)."""
    from budget.checks.figures import name_key

    cls = subject.levels[0]
    if cls is not None:
        top = _class_line(ctx, code)
        if top is not None and name_key(top[1]) != name_key(cls) or (top is not None and _renamed(cls)):
            return f"{cls}（类）", f"{squash(top[1])}（{top[0]}）"
        return None, ""
    if subject.code and name_key(subject.name) not in (name_key(name), name_key(QUALIFIER.sub("", name))):
        return f"{subject.name}（{subject.code}）", f"{squash(name)}（{code}）"
    return None, ""


def _cut_name(written: str, printed: str) -> bool:
    """The table's name is the start of the text's ("其他科技交流与合作支" for 其他科技交流与合作支出,
    "机关事业单位基本养老" for …保险缴费支出): a cell too narrow for the name, the text is right."""
    text, table = squash(written), squash(printed)
    return len(table) >= 4 and len(table) < len(text) and text.startswith(table)


# "一般行政管理事务（人力资源事务）" (西安): a table tells apart the many 项 of one name by their
# 款 in brackets; the 项's own name is the words before them
QUALIFIER = re.compile(r"[（(][^（）()]+[)）]$")


def _renamed(name: str) -> bool:
    from budget.checks.figures import RENAMED_CLASSES

    return squash(name) in RENAMED_CLASSES


def _class_line(ctx: Context, code: str) -> tuple[str, str] | None:
    """(code, name) of the 类 a code belongs to, as the tables print it."""
    for table in ctx.doc.tables:
        for line in table.lines:
            if line.code and len(line.code) == 3 and code.startswith(line.code) and level_of(line) == 1:
                return line.code, line.name
    return None


# ---------------------------------------------------------------- the change


def _money(claim: Claim, role: Role) -> Money | None:
    figure = claim.figure(role)
    return figure.money if figure is not None else None


def _this_year(claim: Claim) -> Money | None:
    return _money(claim, Role.REPEAT) or _money(claim, Role.AMOUNT)


def _signed(claim: Claim, value: Decimal) -> Decimal | None:
    if claim.direction == INCREASE:
        return value
    if claim.direction == DECREASE:
        return -value
    return None


def _half(money: Money) -> Decimal:
    return money.quantum.copy_abs() / 2


def _percent_bounds(claim: Claim, this: Money | None = None) -> tuple[Decimal, Decimal, Decimal, Money, Money] | None:
    """(low, high, exact, last, this) of the change in percent the claim's figures allow
    (this year's figure as the claim gives it last, unless ``this`` is given)."""
    this = this or _this_year(claim)
    last = _money(claim, Role.LAST)
    change = _money(claim, Role.CHANGE)
    if this is None:
        return None
    if last is not None:
        if last.amount <= 0:
            return None
        this_ = this.to(last.unit) if this.unit != last.unit else this
        h_last, h_this = _half(last), _half(this_)
        values = [
            (t - a) / a * 100
            for a in (last.amount - h_last, last.amount + h_last)
            for t in (this_.amount - h_this, this_.amount + h_this)
            if a > 0
        ]
        exact = (this_.amount - last.amount) / last.amount * 100
        return min(values), max(values), exact, last, this_
    if change is not None:
        change_ = change.to(this.unit) if change.unit != this.unit else change
        signed = _signed(claim, change_.amount)
        if signed is None:
            return None
        h_this, h_change = _half(this), _half(change_)
        values = []
        for t in (this.amount - h_this, this.amount + h_this):
            for c in (signed - h_change, signed + h_change):
                base = t - c
                if base > 0:
                    values.append(c / base * 100)
        last_value = this.amount - signed
        if last_value <= 0 or not values:
            return None
        exact = signed / last_value * 100
        return min(values), max(values), exact, Money(last_value, this.unit), this
    return None


PERCENT_TEMPLATE = "“{name}”：上年 {last}，本年 {this}，应{direction}{expected}%，文中写{word}{printed}%"


def _percent_claims(ctx: Context) -> list[Claim]:
    return [
        c
        for c in claims(ctx)
        if c.percent is not None
        and c.direction in (INCREASE, DECREASE)
        and _this_year(c) is not None
        and (c.last is not None or c.change is not None)
    ]


@rule(
    "TEXT-PERCENT",
    "增减百分比可由两个年度金额算出",
    Category.TEXT,
    Severity.ERROR,
    PERCENT_TEMPLATE,
    "增减百分比 =（本年 − 上年）÷ 上年，上年 = 本年 − 增减额；上年为零时不能写百分比，应写明增加的金额。",
    templates={"zero_base": "“{name}”：上年为 0，增减百分比无法计算，文中写{word}{printed}%"},
    needs=(Need(_percent_claims, "正文没有同时给出本年金额、上年金额（或增减额）和增减百分比"),),
)
def item_percentages(ctx: Context) -> Iterator[Finding]:
    for claim in _percent_claims(ctx):
        percent = claim.percent
        assert percent is not None
        signed = percent.value if claim.direction == INCREASE else -percent.value
        location = figure_location(claim, percent)
        last = _money(claim, Role.LAST)
        this = _this_year(claim)
        assert this is not None
        if last is not None and last.amount == 0 or (last is None and _zero_base(claim)):
            if this.amount != 0:
                yield Finding(
                    params={"name": _name(claim), "word": claim.direction, "printed": percent.value},
                    template="zero_base",
                    location=location,
                    actual=signed,
                    unit="%",
                    severity=Severity.WARNING,
                )
            continue
        bounds = _percent_bounds(claim)
        if bounds is None:
            continue
        low, high, exact, last_m, this_m = bounds
        exponent = percent.value.as_tuple().exponent
        places = int(exponent) if isinstance(exponent, int) else 0
        tolerance = Decimal(1).scaleb(places) / 2
        if low - tolerance <= signed <= high + tolerance:
            continue
        if _fits_other_amount(claim, signed, tolerance):
            # "住房公积金（项）350.35万元 … 2024年预算安排352.67万元，增加0.53%": the percent is right
            # for the first figure; the two figures of this year disagree (TEXT-ITEMS says which is
            # the table's). Recomputing it from the repeat would ask to change a right percentage.
            continue
        expected = exact.quantize(Decimal(1).scaleb(places))
        # within one unit of the last printed digit of the range: cut off, not rounded
        near = low - 2 * tolerance <= signed <= high + 2 * tolerance
        fields = {
            "name": _name(claim),
            "last": last_m.format(),
            "this": this_m.format(),
            "direction": INCREASE if expected >= 0 else DECREASE,
            "expected": abs(expected),
            "word": claim.direction,
            "printed": percent.value,
        }
        finding = Finding(
            severity=Severity.WARNING if near else Severity.RULE,
            message=PERCENT_TEMPLATE.format(**fields),
            fields=fields,
            location=location,
            expected=expected,
            actual=signed,
            difference=signed - expected,
            unit="%",
            params={"low": low, "high": high, "tolerance": tolerance, "from": "上年金额" if last else "增减额"},
        )
        cause = _percent_cause(last_m.amount, this_m.amount, percent.value, tolerance)
        yield noted(finding, cause, printed=percent.value) if cause else finding


def _fits_other_amount(claim: Claim, signed: Decimal, tolerance: Decimal) -> bool:
    """The claim states this year's figure twice, the two differ, and the printed percent is the
    change from last year to the first of them."""
    amount, repeat = _money(claim, Role.AMOUNT), _money(claim, Role.REPEAT)
    if amount is None or repeat is None or not compare_sum(amount, [repeat]).mismatch:
        return False
    bounds = _percent_bounds(claim, amount)
    return bounds is not None and bounds[0] - tolerance <= signed <= bounds[1] + tolerance


def _percent_cause(last: Decimal, this: Decimal, printed: Decimal, tolerance: Decimal) -> str | None:
    """How a wrong percentage was worked out, when one usual slip gives exactly the printed
    figure: the change over this year's amount (not last year's), this year's amount over last
    year's (a ratio, not a change), the change as a fraction not multiplied by 100, or the
    percentage cut off to fewer digits than it is printed with (4.48% printed 4.0%)."""
    if this == 0 or last == 0:
        return None
    change = abs(this - last)
    slips = (
        ("this_base", change / abs(this) * 100),
        ("ratio", this / last * 100),
        ("ratio", this / last),
        ("ratio", last / this),
        ("fraction", change / abs(last)),
        ("fraction", change / abs(this)),
    )
    for name, value in slips:
        if abs(value - printed) <= tolerance:
            return name
    exact = change / abs(last) * 100
    for digits in range(max(0, -int(printed.as_tuple().exponent))):
        # printed with zeros after the cut ("4.0", "26.30", "275.00"): the figure was truncated
        # to ``digits`` decimals and padded, not rounded (湖州 and 西安 print them so)
        step = Decimal(1).scaleb(-digits)
        if printed == (exact / step).to_integral_value(rounding=ROUND_DOWN) * step:
            return "truncated"
    return None


def _zero_base(claim: Claim) -> bool:
    """Last year was zero: the change equals this year's figure."""
    this, change = _this_year(claim), _money(claim, Role.CHANGE)
    if this is None or change is None or claim.direction != INCREASE:
        return False
    return not compare_sum(this, [change]).mismatch and this.amount != 0


def _name(claim: Claim) -> str:
    return item_name(claim.subject) or "正文所述金额"


DIRECTION_TEMPLATE = "“{name}”：上年 {last}，本年 {this}，应为“{expected}”，文中写“{actual}”"


def _direction(last: Money, this: Money) -> str:
    if this.amount > last.amount:
        return INCREASE
    if this.amount < last.amount:
        return DECREASE
    return FLAT


def _zero_changes(ctx: Context) -> list[Claim]:
    """Claims that say 增加 or 减少 by a change printed as zero ("增加0万元", "减少0.00万元")."""
    return [
        c
        for c in claims(ctx)
        if c.direction in (INCREASE, DECREASE) and c.change is not None and c.change.value == 0 and c.last is None
    ]


def _directed(ctx: Context) -> list[Claim]:
    return [c for c in claims(ctx) if c.last is not None and c.direction is not None and _this_year(c) is not None]


@rule(
    "TEXT-DIRECTION",
    "增加/减少/持平与两个年度金额的大小一致",
    Category.TEXT,
    Severity.ERROR,
    DIRECTION_TEMPLATE,
    "本年大于上年写“增加”，小于写“减少”，相等写“持平”。",
    templates={"zero": "“{name}”写“{word}{printed}”：金额没有变化，应写“持平”或“与上年相同”"},
    needs=(
        Need(
            lambda ctx: _directed(ctx) or _zero_changes(ctx),
            "正文没有同时给出本年、上年金额和增减方向",
        ),
    ),
)
def item_directions(ctx: Context) -> Iterator[Finding]:
    for claim in _zero_changes(ctx):
        change = claim.change
        assert change is not None
        # "比上年增加0万元，增长0%": an increase of nothing is no change. The figures are right and
        # the sense is plain (nothing changed); it is a template's wording (95 times in 广州, 深圳 and
        # 西安, always with a zero beside it), not something a reader could misread: a note (提示),
        # not a warning an officer must act on before publication
        yield Finding(
            location=figure_location(claim, span=claim.direction_span),
            template="zero",
            severity=Severity.INFO,
            params={"name": _name(claim), "word": claim.direction, "printed": change.printed},
        )
    for claim in _directed(ctx):
        last, this = _money(claim, Role.LAST), _this_year(claim)
        assert last is not None and this is not None
        this_ = this.to(last.unit) if this.unit != last.unit else this
        if not compare_sum(this_, [last]).mismatch and claim.direction == FLAT:
            continue
        expected = _direction(last, this_) if compare_sum(this_, [last]).mismatch else FLAT
        if expected != claim.direction:
            fields = {
                "name": _name(claim),
                "last": last.format(),
                "this": this_.format(),
                "expected": expected,
                "actual": claim.direction,
            }
            yield Finding(
                message=DIRECTION_TEMPLATE.format(**fields),
                fields=fields,
                location=figure_location(claim, span=claim.direction_span),
                expected=ctx.amount(this_),
                actual=ctx.amount(last),
                difference=ctx.amount(this_ - last),
                unit=str(ctx.unit),
            )


CHANGE_TEMPLATE = "“{name}”：本年 {this} − 上年 {last} = {expected}，文中写{word} {printed}"


def _with_change(ctx: Context) -> list[Claim]:
    return [
        c
        for c in claims(ctx)
        if c.last is not None and c.change is not None and _this_year(c) is not None and c.direction is not None
    ]


@rule(
    "TEXT-CHANGE",
    "增减额等于本年金额减上年金额",
    Category.TEXT,
    Severity.ERROR,
    CHANGE_TEMPLATE,
    "增减额 = 本年金额 − 上年金额；三个数字同时写出时应能相互印证，检查是否抄错了其中一个。",
    needs=(Need(_with_change, "正文没有同时写出本年金额、上年金额和增减额"),),
)
def stated_changes(ctx: Context) -> Iterator[Finding]:
    for claim in _with_change(ctx):
        last, change, this = _money(claim, Role.LAST), _money(claim, Role.CHANGE), _this_year(claim)
        assert last is not None and change is not None and this is not None
        signed = _signed(claim, change.amount)
        if signed is None:
            continue
        comparison = compare_sum(Money(signed, change.unit), [this, -last])
        if not comparison.mismatch:
            continue
        figure = claim.change
        assert figure is not None
        fields = {
            "name": _name(claim),
            "this": this.format(),
            "last": last.format(),
            "expected": comparison.expected.format(),
            "word": claim.direction,
            "printed": change.format(),
        }
        yield Finding(
            message=CHANGE_TEMPLATE.format(**fields),
            fields=fields,
            location=figure_location(claim, figure),
            expected=ctx.amount(comparison.expected),
            actual=ctx.amount(comparison.actual),
            difference=ctx.amount(comparison.difference),
            unit=str(ctx.unit),
            params={"tolerance": comparison.tolerance, "items": [str(this), str(last)]},
        )


# ---------------------------------------------------------------- the reason


def _reasoned(ctx: Context) -> list[Claim]:
    return [c for c in claims(ctx) if c.reason and c.direction in (INCREASE, DECREASE)]


@rule(
    "TEXT-REASON",
    "增减原因与增减方向不矛盾",
    Category.TEXT,
    Severity.WARNING,
    "“{name}”{direction}，但原因写“{reason}”",
    "说明增减原因时，原因的方向应与金额的增减一致（减少时不应写“经费增加”，有增减时不应写“无增减变化”）。",
    templates={"unchanged": "“{name}”{direction}{change}，原因却写“{reason}”：没有变化就不应有增减"},
    needs=(Need(lambda ctx: _reasoned(ctx), "正文没有给出增减原因"),),
)
def item_reasons(ctx: Context) -> Iterator[Finding]:
    for claim in _reasoned(ctx):
        reason = claim.reason or ""
        words = {w for w in (INCREASE, DECREASE) if w in reason}
        change = _money(claim, Role.CHANGE)
        if NO_CHANGE.search(squash(reason)) and change is not None and change.amount != 0:
            # 广州: "比上年减少0.05万元，下降0.5%，主要原因是与上年基本持平，无增减变化"
            params = {"name": _name(claim), "direction": claim.direction, "change": change.format(), "reason": reason}
            yield Finding(location=figure_location(claim, span=claim.reason_span), params=params, template="unchanged")
        elif len(words) == 1 and claim.direction not in words and _about_itself(claim, reason):
            yield Finding(
                location=figure_location(claim, span=claim.reason_span),
                params={"name": _name(claim), "direction": claim.direction, "reason": reason},
            )


# A reason that says there was no change at all ("基本持平" allows a small one)
NO_CHANGE = re.compile(r"无增减变化|没有增减变化|无变化|没有变化|未发生变化|保持不变|无增减(?!幅)")


def _about_itself(claim: Claim, reason: str) -> bool:
    """A reason that speaks of the item's own money ("经费增加"), not of a cause that
    grows while the item shrinks ("人员减少" for a rising 医疗 item is a contradiction too):
    only short reasons, one clause, are compared."""
    return len(reason) <= 40 and "，" not in reason and "；" not in reason


def _item_reasons(ctx: Context) -> list[Claim]:
    return [c for c in claims(ctx) if c.reason and c.subject is not None and c.subject.kind == Kind.CLASSIFIED]


MOVED = re.compile(r"调整至|调整到|调整为|调至|调入|调出|编入|列入|计入|纳入|划入|划转|转入|转列|改列|归入|移至|单列")


def _siblings(a: Subject | None, b: Subject | None) -> bool:
    """Two 科目 of one 类/款 by their printed codes (2080501 and 2080505): where a reason naming
    the other is most likely the line above copied."""
    if a is None or b is None or not a.code or not b.code or len(a.code) != len(b.code) or len(a.code) < 5:
        return False
    return a.code != b.code and a.code[:-2] == b.code[:-2]


def _level(subject: Subject) -> int | None:
    if subject.code:
        return {3: 1, 5: 2, 7: 3}.get(len(subject.code))
    named = [i for i, name in enumerate(subject.levels) if name]
    return named[-1] + 1 if named else None


def _above(a: Subject | None, b: Subject | None) -> bool:
    """``a`` is of a higher level than ``b`` (a 类 may give its 项's reason as its own)."""
    if a is None or b is None:
        return False
    la, lb = _level(a), _level(b)
    return la is not None and lb is not None and la < lb


def _alike(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a == b or SequenceMatcher(None, a, b).ratio() >= 0.8)


@rule(
    "TEXT-REASON-COPY",
    "增减原因不是从别的科目照抄的",
    Category.TEXT,
    Severity.WARNING,
    "“{name}”的增减原因写的是“{other}”：“{reason}”",
    "每个科目的增减原因应说明该科目本身的变化；原因中出现另一个科目的名称，多半是复制上一条后没有改。",
    needs=(Need(lambda ctx: _item_reasons(ctx) or _fee_reasons(ctx), "编制说明没有逐项给出科目的增减原因"),),
)
def copied_reasons(ctx: Context) -> Iterator[Finding]:
    yield from _copied_item_reasons(ctx)
    yield from _copied_fee_reasons(ctx)


def _copied_item_reasons(ctx: Context) -> Iterator[Finding]:
    items = _item_reasons(ctx)
    names = {squash(c.subject.name) for c in items if c.subject is not None and len(squash(c.subject.name)) >= 4}
    by_name: dict[str, list[Claim]] = {}
    for c in items:
        if c.subject is not None:
            by_name.setdefault(squash(c.subject.name), []).append(c)
    for claim in items:
        assert claim.subject is not None
        own = squash(claim.subject.name)
        reason = squash(claim.reason or "")
        if own in reason or any(own in n or n in own for n in names if n in reason):
            continue
        # a reason naming another 科目 is often right: money moved to it ("调整至社会保障和就业支出（类）"),
        # a 类 explained by its 项, a functional 科目 by an economic one; unless it reads as that 科目's own
        others = [
            n
            for n in names
            if n != own
            and n in reason
            and any(
                not MOVED.search(reason)  # both sides of a move give one reason
                and (
                    _siblings(claim.subject, o.subject)
                    or (_alike(reason, squash(o.reason or "")) and not _above(claim.subject, o.subject))
                )
                for o in by_name.get(n, ())
            )
        ]
        if others:
            other = max(others, key=len)
            yield Finding(
                location=figure_location(claim, span=claim.reason_span),
                params={"name": _name(claim), "other": other, "reason": claim.reason},
            )


# a total and its parts may give one reason: the 三公 total "公务接待费减少" is the 接待费's own
PARTS_OF = {
    "tp_total": {"overseas", "vehicles", "vehicle_purchase", "vehicle_operation", "reception"},
    "vehicles": {"vehicle_purchase", "vehicle_operation"},
}


def _fee_reasons(ctx: Context) -> list[Claim]:
    """Changes of things that are not 科目 (三公 and its items, 会议费, 培训费, 机关运行经费 …)
    given with a reason."""
    return [
        c
        for c in claims(ctx)
        if c.reason
        and c.direction in (INCREASE, DECREASE)
        and c.subject is not None
        and c.subject.kind in (Kind.CONCEPT, Kind.NAMED)
        and len(squash(c.subject.name)) >= 3
    ]


def _whole_and_part(a: Subject, b: Subject) -> bool:
    return bool(a.key and b.key) and (b.key in PARTS_OF.get(a.key or "", ()) or a.key in PARTS_OF.get(b.key or "", ()))


def _both_totals(a: Subject, b: Subject) -> bool:
    """Two totals of the budget (收入预算 and 支出预算 balance): one cause moves both."""
    return all(s.key is not None and s.key.endswith("_total") and s.key not in PARTS_OF for s in (a, b))


def _copied_fee_reasons(ctx: Context) -> Iterator[Finding]:
    """A reason word for word another item's of the same passage that names that item and
    not its own ("会议费…减少，原因是…减少公务接待费预算", copied from the 公务接待费 line)."""
    fees = _fee_reasons(ctx)
    for claim in fees:
        assert claim.subject is not None
        own = squash(claim.subject.name)
        reason = squash(claim.reason or "")
        if MOVED.search(reason):
            continue
        for other in fees:
            assert other.subject is not None
            name = squash(other.subject.name)
            if (
                other is claim
                or other.section_index != claim.section_index
                or claim.subject.same(other.subject)
                or _whole_and_part(claim.subject, other.subject)
                or _both_totals(claim.subject, other.subject)
                or name not in reason
                or name in own
                or own in reason
                or not _alike(reason, squash(other.reason or ""))
            ):
                continue
            yield Finding(
                location=figure_location(claim, span=claim.reason_span),
                params={"name": _name(claim), "other": other.subject.name, "reason": claim.reason},
            )
            break


# A list of items, each with its share of the whole ("一般公共服务（类）支出5356.01万元，占78.4%；
# 社会保障和就业（类）支出796.52万元，占11.6%；…"). Listed under the whole it divides ("…支出预算合计
# 3,210.1万元，其中：基本支出2,235.04万元，占69.63%；"), a share is of that whole's amount. Listed on its
# own, shares that make up the whole (they add up to 100% within their rounding) have the items' sum
# as their base. Each share is its item's amount over the base, rounded to the printed decimals.
SHARES_WHOLE = Decimal(100)
LIST_GOES_ON = "；;"  # a list with one item a line: each line but the last ends with a semicolon


@dataclass(frozen=True, slots=True)
class _Shares:
    items: tuple[tuple[Claim, Money], ...]
    whole: Claim | None = None  # the claim they are listed under, whose amount is their base


def _one_share(claim: Claim) -> Money | None:
    """The amount of a claim stating one amount and one share of it, else None."""
    shares = [f for f in claim.figures if f.role == Role.SHARE]
    amounts = [f.money for f in claim.figures if f.role == Role.AMOUNT and f.money is not None]
    return amounts[0] if len(shares) == 1 and len(amounts) == 1 else None


def _continues(previous: Claim, claim: Claim) -> bool:
    """The claim is the next item of the list ``previous`` is in: in the same sentence, or on
    the next line of a list whose line ended with a semicolon right after the share."""
    if claim.section_index != previous.section_index:
        return False
    after = previous.paragraph[_share(previous).end :]
    if claim.paragraph is previous.paragraph:
        return "。" not in after[: claim.start - _share(previous).end]
    return after.strip() in tuple(LIST_GOES_ON)


def _share_words(claim: Claim) -> str:
    """What a share names after its 占 ("占本年支出合计的" → "本年支出合计"; "占比", "占" → "")."""
    share = _share(claim)
    head = claim.paragraph[max(0, share.start - 30) : share.start]
    at = head.rfind("占")
    words = squash(head[at + 1 :]) if at >= 0 else ""
    return re.sub(r"^比|的$", "", words)


def _whole(earlier: list[Claim], claim: Claim) -> Claim | None:
    """The claim the first item of a list is listed under ("其中：…"), when it has an amount
    and the item's share names nothing else."""
    if claim.within is None:
        return None
    parent = next(
        (
            c
            for c in reversed(earlier)
            if c.paragraph is claim.paragraph and claim.within.same(c.subject) and c.amount is not None
        ),
        None,
    )
    words = _share_words(claim)
    if parent is None or (words and not claim.within.same(subject_of(words))):
        return None
    return parent


def _share_groups(ctx: Context) -> list[_Shares]:
    """Lists of claims, each with one amount and one share, that can be judged: listed under
    the whole they name (one item at least), or making up the whole (two items at least, the
    same unit)."""
    runs: list[tuple[list[tuple[Claim, Money]], Claim | None]] = []
    earlier: list[Claim] = []
    previous: Claim | None = None
    for claim in claims(ctx):
        amount = _one_share(claim)
        if amount is None:
            previous = None
        elif previous is not None and _continues(previous, claim) and runs[-1][0][0][1].unit == amount.unit:
            runs[-1][0].append((claim, amount))
            previous = claim
        else:
            runs.append(([(claim, amount)], _whole(earlier, claim)))
            previous = claim
        earlier.append(claim)
    groups = []
    for items, whole in runs:
        base = whole.amount.money if whole is not None and whole.amount is not None else None
        if (
            base is not None
            and base.amount > 0
            and base.unit == items[0][1].unit
            and not any(_share_words(claim) for claim, _ in items[1:])
            and not _exceeds(items, base)
        ):
            groups.append(_Shares(tuple(items), whole))
            continue
        printed = [_share(claim).value for claim, _ in items]
        slack = sum(Decimal(1).scaleb(_places(value)) / 2 for value in printed)
        if len(items) >= 2 and abs(sum(printed) - SHARES_WHOLE) <= slack:
            groups.append(_Shares(tuple(items)))
    return groups


def _exceeds(items: list[tuple[Claim, Money]], whole: Money) -> bool:
    """The items listed add up to more than the whole beyond their rounding: they are not
    its parts ("收入…包括：…；支出包括：…" read as listed under the income)."""
    parts = sum((amount.amount for _, amount in items), Decimal(0))
    return parts - whole.amount > sum((_half_unit(amount) for _, amount in items), _half_unit(whole))


def _share(claim: Claim) -> Figure:
    return next(f for f in claim.figures if f.role == Role.SHARE)


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return int(exponent) if isinstance(exponent, int) else 0


def _half_unit(amount: Money) -> Decimal:
    return Decimal(1).scaleb(_places(amount.amount)) / 2  # an amount rounded to its printed digits


SHARE_TEMPLATE = "“{name}”{amount}，文中写占{printed}%；所列 {items} 项合计 {base}，应占{expected}%"
WHOLE_TEMPLATE = "“{name}”{amount}，文中写占{printed}%；{whole}为 {base}，应占{expected}%"


@rule(
    "TEXT-SHARE",
    "占比等于该项金额除以所列各项之和",
    Category.TEXT,
    Severity.WARNING,
    SHARE_TEMPLATE,
    "占比 =该项金额 ÷ 各项之和（列在总额之下时为 ÷ 该总额），逐项四舍五入；不要为凑成 100% 调整其中一项。",
    templates={"whole": WHOLE_TEMPLATE},
    needs=(Need(_share_groups, "正文没有列出一组带占比、合计为 100% 的金额"),),
)
def item_shares(ctx: Context) -> Iterator[Finding]:
    for group in _share_groups(ctx):
        items = group.items
        if group.whole is not None:
            whole = group.whole.amount.money if group.whole.amount is not None else None
            assert whole is not None
            base, base_half, others = whole.amount, _half_unit(whole), 0
        else:
            base = sum((amount.amount for _, amount in items), Decimal(0))
            base_half, others = Decimal(0), len(items) - 2
        half = _half_unit(items[0][1])
        for claim, amount in items:
            share = _share(claim)
            # the bounds of the share the rounded amounts allow: this item at its lowest, the base at
            # its highest (the other items at their highest, or the stated whole), and the other way round
            low = (amount.amount - half) / (base + base_half + half * others) * 100
            high = (amount.amount + half) / (base - base_half - half * others) * 100
            tolerance = Decimal(1).scaleb(_places(share.value)) / 2
            if low - tolerance <= share.value <= high + tolerance:
                continue
            expected = (amount.amount / base * 100).quantize(Decimal(1).scaleb(_places(share.value)))
            whole_or_items = {"whole": _name(group.whole)} if group.whole is not None else {"items": len(items)}
            params = {
                "name": _name(claim),
                "amount": amount.format(),
                "printed": share.value,
                **whole_or_items,
                "base": Money(base, amount.unit).format(),
                "expected": expected,
            }
            yield Finding(
                location=figure_location(claim, share),
                template="whole" if group.whole is not None else DEFAULT_TEMPLATE,
                params=params,
                expected=expected,
                actual=share.value,
                difference=share.value - expected,
                unit="%",
            )
