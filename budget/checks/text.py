"""Text against tables: every amount the narrative states, compared with the figure it names.

The narrative is read once into claims (``budget.narrative``); ``figures.resolve`` takes
each claim to the table figure it names and the rule that compares them: totals of the
编制说明, 机关运行经费 and its items, 三公, procurement, fixed assets. A figure stated in
万元 from a table in 元 is converted exactly and compared within the rounding of the
stated figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import ROUND_DOWN, Decimal

from budget.checks.amounts import Comparison, compare, exceeds, quantum_in
from budget.checks.core import (
    DEFAULT_TEMPLATE,
    NOTES,
    Category,
    Context,
    Finding,
    Location,
    Need,
    Settings,
    Severity,
    noted,
    rule,
)
from budget.checks.figures import Bound, Resolved, TableFigure, resolutions
from budget.checks.quotes import Quote
from budget.narrative.text import sentence_span
from budget.checks.places import money, squash
from budget.model import Disclosure, Money, MoneyUnit, Section
from budget.narrative import Claim, Figure, Role
from budget.narrative.text import section_contexts

COMPARED = (Role.AMOUNT, Role.REPEAT)


@dataclass(frozen=True, slots=True)
class Stated:
    """One stated figure (this year's amount, or its repetition) with what it names."""

    claim: Claim
    figure: Figure
    resolved: Resolved

    @property
    def amount(self) -> Money:
        value = self.figure.money
        assert value is not None
        return value


def stated(ctx: Context, rule_id: str | None = None) -> tuple[Stated, ...]:
    """Every stated this-year figure compared with a table figure (by ``rule_id``)."""
    found = []
    for claim, resolved in resolutions(ctx):
        if resolved.rule is None or (rule_id is not None and resolved.rule != rule_id) or not resolved.figures:
            continue
        for figure in claim.figures:
            if figure.role in COMPARED and figure.money is not None:
                found.append(Stated(claim, figure, resolved))
    return tuple(found)


def uncompared(ctx: Context, rule_id: str) -> str | None:
    """Why the figures the text states on a rule's topic have nothing to be compared
    with (no 政府采购预算表, a column the table does not print), or None when the text
    states none: "the text gives no such amounts" would send the user looking for a
    sentence that is there."""
    why = next((r.reason for _, r in resolutions(ctx) if r.rule == rule_id and not r.figures and r.reason), None)
    return f"{STATED_UNCOMPARED}{why}" if why else None


STATED_UNCOMPARED = "正文写了这一类金额，但"


def figure_location(claim: Claim, figure: Figure | None = None, span: tuple[int, int] | None = None) -> Location:
    """The sentence of a claim holding a figure (or a span of its paragraph), marked."""
    start, end = span if span is not None else ((figure.start, figure.end) if figure is not None else (0, 0))
    sentence, offset = sentence_span(claim.paragraph, start)
    return Location(
        section=claim.heading,
        quote=sentence,
        section_index=claim.section_index,
        mark=(start - offset, end - offset),
    )


def _section_name(claim: Claim) -> str:
    return claim.heading or "正文"


def _label(claim: Claim) -> str:
    return claim.subject.name if claim.subject is not None else ""


# ---------------------------------------------------------------- comparing

QUOTE_TEMPLATE = "“{section}”中写“{label}{printed}”，{figure} 为 {value}，相差 {difference}"
SPLIT_TEMPLATE = "“{section}”把{figure} {value} 拆成 {parts}，合计与表格一致，但表格中没有这些分项"
UNIT_TEMPLATE = "“{section}”中写“{label}{printed}”，{figure} 为 {value}：金额单位写错了（应为{unit}）"
BOUND_TEMPLATE = "“{section}”中写“{label}{printed}”，超过{figure} {value}，超出 {difference}"
LAST_YEAR_TEMPLATE = (
    "“{section}”中写“{label}{printed}”，{figure} 为 {value}，恰是文中的上年数 {last}：请核对表格是否列成了上年数"
)
BUDGETED_TEMPLATE = (
    "“{section}”中写“{label}{printed}”，{figure} 为 {value}，"
    "恰是文中的年初预算数 {budgeted}：请核对表格是否读成了预算栏"
)
LAST_DIGIT_NOTE = NOTES["last_digit"]
LOWER_TEMPLATE = "“{section}”中写“{label}{printed}”，小于{figure} {value}（表中只是其中一部分），少 {difference}"


STATED_TEMPLATES = {
    "split": SPLIT_TEMPLATE,
    "bound": BOUND_TEMPLATE,
    "lower": LOWER_TEMPLATE,
    "last_year": LAST_YEAR_TEMPLATE,
    "budgeted": BUDGETED_TEMPLATE,
}


def _agrees(amount: Money, figure: TableFigure) -> bool:
    if figure.value is None:
        return True  # blank in the table: a stated figure cannot be compared
    if figure.bound == Bound.UPPER:
        return exceeds(amount, figure.value) is None
    if figure.bound == Bound.LOWER:
        return exceeds(figure.value, amount) is None
    return not compare(amount, figure.value).mismatch


def _wrong_unit(amount: Money, value: Money) -> MoneyUnit | None:
    other = MoneyUnit.YUAN if amount.unit == MoneyUnit.WAN_YUAN else MoneyUnit.WAN_YUAN
    if amount.amount != 0 and not compare(Money(amount.amount, other), value).mismatch:
        return other
    return None


def _finding(
    ctx: Context, item: Stated, figure: TableFigure, name: str, comparison: Comparison, **fields: object
) -> Finding:
    """A stated figure against a table figure, with the message of the template ``name``
    (``STATED_TEMPLATES``, the rules' templates of that name)."""
    template = (
        QUOTE_TEMPLATE if name == DEFAULT_TEMPLATE else UNIT_TEMPLATE if name == "unit" else STATED_TEMPLATES[name]
    )
    claim = item.claim
    assert figure.value is not None
    said = {
        "section": _section_name(claim),
        "label": _label(claim),
        "printed": item.figure.printed,
        "figure": figure.label,
        "value": money(figure.value),
        "difference": comparison.difference.format(),
        **fields,
    }
    return Finding(
        message=template.format(**said),
        template=name,
        fields=said,
        location=figure_location(claim, item.figure),
        expected=ctx.amount(figure.value),
        actual=ctx.amount(item.amount),
        difference=ctx.amount(comparison.difference),
        unit=str(ctx.unit),
        params={
            "figure": figure.label,
            "tolerance": comparison.tolerance,
            "stated": item.figure.printed,
            "tables": (figure.location.table_index,),
        },
    )


def _split_note(ctx: Context, item: Stated, figure: TableFigure) -> Finding | None:
    """A figure written as the sum of sub-items the table does not have (运行费 + 保险)."""
    claim = item.claim
    assert figure.value is not None
    sentence, offset = sentence_span(claim.paragraph, item.figure.start)
    end = offset + len(sentence)
    following = [
        (c, f)
        for c, r in resolutions(ctx)
        if c.paragraph is claim.paragraph
        and c.section_index == claim.section_index
        and (r.rule is None or not r.figures)
        for f in c.figures
        if f.role == Role.AMOUNT and item.figure.end <= f.start < end and f.money is not None
    ]
    total = item.amount
    used = [(claim, item.figure)]
    for extra_claim, extra in following:
        value = extra.money
        assert value is not None
        total = total.to(value.unit) + value if total.unit != value.unit else total + value
        used.append((extra_claim, extra))
        if not compare(total, figure.value).mismatch:
            parts = " + ".join(f"{_label(c)}{f.printed}" for c, f in used)
            said = {
                "section": _section_name(claim),
                "figure": figure.label,
                "value": money(figure.value),
                "parts": parts,
            }
            return Finding(
                message=SPLIT_TEMPLATE.format(**said),
                template="split",
                fields=said,
                location=figure_location(claim, item.figure),
                expected=ctx.amount(figure.value),
                actual=ctx.amount(total),
                difference=Decimal(0),
                unit=str(ctx.unit),
                severity=Severity.INFO,
                params={"figure": figure.label, "parts": [f.printed for _, f in used]},
            )
    return None


def check_stated(ctx: Context, item: Stated) -> Finding | None:
    """A stated figure against the table figures it may name: nothing when one agrees;
    else a unit error, a split into sub-items, or a wrong figure (against the first)."""
    figures = item.resolved.figures
    if any(_agrees(item.amount, f) for f in figures):
        return None
    figure = figures[0]
    assert figure.value is not None
    comparison = compare(item.amount, figure.value)
    if figure.bound in (Bound.UPPER, Bound.LOWER):
        off = exceeds(item.amount, figure.value) if figure.bound == Bound.UPPER else exceeds(figure.value, item.amount)
        assert off is not None
        found = _finding(ctx, item, figure, "bound" if figure.bound == Bound.UPPER else "lower", off)
        if abs(off.difference.amount) <= quantum_in(item.amount, off.difference.unit):
            return replace(noted(found, _last_digit(item.amount, figure.value)), severity=Severity.WARNING)
        if figure.derived:
            # a limit computed from the codes by a convention, not a figure the document prints
            return replace(found, severity=Severity.WARNING)
        return found
    unit = _wrong_unit(item.amount, figure.value)
    if unit is not None:
        found = _finding(ctx, item, figure, "unit", comparison, unit=unit)
        return replace(found, rule="TEXT-UNIT", template=DEFAULT_TEMPLATE)  # TEXT-UNIT's own template
    split = _split_note(ctx, item, figure)
    if split is not None:
        return split
    if abs(comparison.difference.amount) <= quantum_in(item.amount, comparison.difference.unit):
        # off by one unit of the stated figure's last digit: cut off instead of rounded
        found = _finding(ctx, item, figure, DEFAULT_TEMPLATE, comparison)
        return replace(noted(found, _last_digit(item.amount, figure.value)), severity=Severity.WARNING)
    budgeted = item.claim.figure(Role.BUDGETED)
    planned = budgeted.money if budgeted is not None else None
    if planned is not None and not compare(planned, figure.value).mismatch:
        # final accounts: the table figure is the year's budget the sentence gives, not the outturn
        found = _finding(ctx, item, figure, "budgeted", comparison, budgeted=planned.format())
        return replace(found, severity=Severity.WARNING)
    last = last_year(item.claim)
    if last is not None and not compare(last, figure.value).mismatch and compare(last, item.amount).mismatch:
        # the table figure is last year's as the sentence gives it: a column or row read
        # for the wrong year far more often than a table printed with last year's figure
        found = _finding(ctx, item, figure, "last_year", comparison, last=last.format())
        return replace(found, severity=Severity.WARNING)
    return _finding(ctx, item, figure, DEFAULT_TEMPLATE, comparison)


def _last_digit(stated: Money, table: Money) -> str:
    """The note of a figure one unit of its last digit off the table's: "cut off" only when the
    table figure cut to the stated digits (toward zero) gives it ("1,361万元" for 13,616,271 元);
    a figure above the table's (74,868.34 for 74,868.33, 70,376.87 for 703,768,605.79 元) was
    not cut off, it is one unit off."""
    exact = table.to(stated.unit).amount if table.unit != stated.unit else table.amount
    cut = exact.quantize(stated.quantum.copy_abs(), rounding=ROUND_DOWN)
    return "last_digit" if cut == stated.amount and cut != exact.quantize(stated.quantum.copy_abs()) else "one_unit"


def last_year(claim: Claim) -> Money | None:
    """Last year's figure of a claim: as written, or this year's less the stated change."""
    last = claim.last.money if claim.last is not None else None
    if last is not None:
        return last
    this = claim.amount.money if claim.amount is not None else None
    change = claim.change.money if claim.change is not None else None
    if this is None or change is None or claim.direction not in ("增加", "减少"):
        return None
    change = change.to(this.unit) if change.unit != this.unit else change
    return this - change if claim.direction == "增加" else this + change


def stated_findings(ctx: Context, rule_id: str) -> Iterator[Finding]:
    for item in stated(ctx, rule_id):
        found = check_stated(ctx, item)
        if found is not None and found.rule in ("", rule_id):
            yield found


def _text_rule(rule_id: str, title: str, guidance: str):
    @rule(
        rule_id,
        title,
        Category.TEXT,
        Severity.ERROR,
        QUOTE_TEMPLATE,
        guidance,
        needs=(
            Need(
                lambda ctx: stated(ctx, rule_id),
                "正文中没有写出这一类金额",
                explain=lambda ctx: uncompared(ctx, rule_id),
            ),
        ),
        templates=STATED_TEMPLATES,
    )
    def check(ctx: Context) -> Iterator[Finding]:
        return stated_findings(ctx, rule_id)

    return check


text_totals = _text_rule(
    "TEXT-TOTALS",
    "编制说明中的收支总额、各项收入与表格一致",
    "编制说明中的收入、支出总额、财政拨款及各资金来源金额应与收支总表、收入总表、财政拨款收支总表一致。",
)
text_running = _text_rule(
    "TEXT-RUNNING",
    "机关运行经费及其各项金额与基本支出表一致",
    "机关运行经费的说明中各项金额应与基本支出表中同名经济科目的公用经费一致，总额不能超过公用经费合计；"
    "表格既未列机关运行经费也未列公用经费时，总额不能超过按经济分类推算的上限（见 XREF-RUNNING），超出为警告。",
)
text_three_public = _text_rule(
    "TEXT-3PUB",
    "“三公”经费说明与“三公”经费表一致",
    "“三公”经费说明中的合计及因公出国（境）、公务用车购置及运行、公务接待各项金额应与“三公”经费支出表一致。",
)
text_procurement = _text_rule(
    "TEXT-PROC",
    "政府采购说明与政府采购预算表一致",
    "政府采购预算说明中的总额及货物、工程、服务金额应与政府采购预算表一致。",
)
text_assets = _text_rule(
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
    needs=(Need(lambda ctx: stated(ctx), "正文中没有可与表格对照的金额"),),
)
def text_units(ctx: Context) -> Iterator[Finding]:
    for item in stated(ctx):
        found = check_stated(ctx, item)
        if found is not None and found.rule == "TEXT-UNIT":
            yield found


# ---------------------------------------------------------------- what a page shows


@dataclass(frozen=True, slots=True)
class Passage:
    """What the narrative says on one rule's topic, read as the rule reads it: the
    paragraphs (of one section) stating figures the rule compares, and their amounts."""

    paragraphs: tuple[str, ...]
    # every this-year figure of those paragraphs in reading order, with the figure key it
    # names for this rule (None: it names nothing the rule compares)
    quotes: tuple[tuple[str | None, Quote], ...]


def _quote(claim: Claim, figure: Figure, context: str) -> Quote:
    sentence, offset = sentence_span(claim.paragraph, figure.start)
    value = figure.money
    assert value is not None
    return Quote(
        amount=value,
        printed=figure.printed,
        label=_label(claim),
        sentence=sentence,
        start=figure.start - offset,
        end=figure.end - offset,
        section_index=claim.section_index,
        heading=claim.heading,
        paragraph=claim.paragraph,
        context=context,
        threshold=False,
    )


def passage(doc: Disclosure, rule_id: str) -> Passage:
    """The first passage on the topic of a text rule (TEXT-3PUB, TEXT-RUNNING …); the
    三公经费 page builds its comparisons from it, so page and rule cannot disagree."""
    ctx = Context(doc, Settings())
    pairs = [(c, r) for c, r in resolutions(ctx) if any(f.role in COMPARED and f.money for f in c.figures)]
    first = next((c for c, r in pairs if r.rule == rule_id), None)
    if first is None:
        return Passage((), ())
    places = list(
        dict.fromkeys(c.paragraph for c, r in pairs if r.rule == rule_id and c.section_index == first.section_index)
    )
    contexts = section_contexts(doc)
    quotes = []
    for claim, resolved in pairs:
        if claim.section_index != first.section_index or claim.paragraph not in places:
            continue
        key = resolved.key if resolved.rule == rule_id else None
        for figure in claim.figures:
            if figure.role == Role.AMOUNT and figure.money is not None:
                quotes.append((key, _quote(claim, figure, contexts[claim.section_index])))
    return Passage(tuple(places), tuple(quotes))


# ---------------------------------------------------------------- names of the unit

# 本 closing another word is no self-reference: 基本单位 (a statistics term: "基本单位…统计调查"),
# 成本单位, 样本单位, 资本部门
SELF = re.compile(r"(?:我|(?<![基根成资样文版日标原])本)(部门|单位)")
GLOSSARY = re.compile(r"名词解释|术语解释|名词说明")
# how a document names itself: "2026年部门预算", "单位预算编制说明" (not the 部门预算经济分类 term)
OWN_NAME = re.compile(r"(部门|单位)(?:预算|决算)(?!支出经济分类|经济分类)")
# "部门预算安排购置车辆" in a 单位预算: the other kind's budget named as this document's
OTHER_NAME = re.compile(r"(?<![主管下属所属二级基层各本])部门(?:预算|决算)(?!支出经济分类|经济分类|公开|管理|绩效)")


# a 部门 that is one unit says so: "长沙市信访局部门只有本级，没有其他二级预算单位", "本部门无独立核算
# 下属单位，部门预算为本级预算", "无下属预算单位"
ONE_UNIT = re.compile(
    r"只有(?:部门)?本级|(?:没有|无)(?:其他|独立核算的?)?(?:二级|下属|所属)(?:预算)?单位|部门预算(?:仅|只)?为本级预算"
    r"|(?<![\d一二三四五六七八九十])共(?:1|一)家(?:基层)?(?:预算)?单位"  # 深圳 "…（本级）共 1 家基层单位"
)

OWN_UNIT_TITLE = re.compile(r"[（(]本级[)）]")  # "2026年深圳市统计局（本级）部门预算": the 部门's own unit


def document_kind(ctx: Context) -> str | None:
    """单位 or 部门 as the document names itself in its headings; the reader's guess otherwise."""
    counts = {"单位": 0, "部门": 0}
    for section in ctx.doc.sections:
        for match in OWN_NAME.finditer(section.heading):
            counts[match.group(1)] += 1
    unit, department = counts["单位"], counts["部门"]
    if unit and unit >= 3 * department:
        return "单位"
    if department and department >= 3 * unit:
        return "部门"
    kind = ctx.doc.unit.kind
    return kind if kind in ("单位", "部门") else None


@rule(
    "TEXT-KIND",
    "正文的称谓（本单位/本部门、单位预算/部门预算）与预算类型一致",
    Category.TEXT,
    Severity.WARNING,
    "“{section}”中{verb}“{word}”，而本文件是{kind}预算",
    "单位预算中应自称“本单位/我单位”、写“单位预算”，部门预算中应自称“本部门/我部门”；沿用别的文件的说明时尤其要改。",
    needs=(Need(lambda ctx: document_kind(ctx), "无法判断本文件是单位预算还是部门预算"),),
)
def self_reference(ctx: Context) -> Iterator[Finding]:
    # the kind the document names itself by in its headings ("2026年深圳市医疗保障局（本级）部门预算",
    # "第二部分 部门预算收支总体情况"), the reader's guess otherwise
    named = document_kind(ctx)
    kind = named if named in ("单位", "部门") else None
    if kind is not None:
        contexts = section_contexts(ctx.doc)
        one_unit = kind == "部门" and (
            any(ONE_UNIT.search(squash(s.text)) for s in ctx.doc.sections)
            or any(OWN_UNIT_TITLE.search(squash(s.heading)) for s in ctx.doc.sections[:3])
        )
        for index, section, paragraph, match in _paragraph_matches(ctx, SELF):
            if GLOSSARY.search(contexts[index]):
                continue  # a term's definition speaks of any 单位 ("附属单位上缴收入：指本单位所属…")
            if one_unit and match.group(1) == "单位":
                continue  # a 部门 of one unit is that unit: it may call itself 本单位
            if match.group(1) != kind:
                yield _kind_finding(section, index, paragraph, match, kind, "自称")
    # a 部门预算 speaks of its units rightly (and a one-unit 部门 of 本单位); a 单位 has no 部门预算
    if named == "单位":
        for index, section, paragraph, match in _body_matches(ctx, OTHER_NAME):
            yield _kind_finding(section, index, paragraph, match, named)


def _kind_finding(
    section: Section, index: int, paragraph: str, match: re.Match[str], kind: str, verb: str = "写"
) -> Finding:
    return Finding(
        location=_marked_location(section.heading, index, paragraph, match),
        params={"section": section.heading or "正文", "verb": verb, "word": match.group(0), "kind": kind},
    )


def _body_matches(ctx: Context, pattern: re.Pattern[str]) -> Iterator[tuple[int, Section, str, re.Match[str]]]:
    """Matches in the text of the sections, not in their headings (titles, table lists)."""
    for index, section, paragraph, match in _paragraph_matches(ctx, pattern):
        if paragraph != section.heading.strip():
            yield index, section, paragraph, match


LEVELS = "省级|市级|区级|县级"
OWN_LEVEL = re.compile(rf"({LEVELS})(?:部门|单位)(?:预算|决算)")
OTHER_LEVEL = re.compile(
    rf"({LEVELS})预算(?:主管部门|单位)|({LEVELS})(?:部门|单位)(?:预算|决算)|使用({LEVELS})财政拨款"
    rf"|与({LEVELS})财政有经费领拨关系|({LEVELS})预算主管部门"
)


def document_level(ctx: Context) -> str | None:
    """区级, 市级 … as the document's title says ("上海市普陀区2024年区级部门预算")."""
    for section in ctx.doc.sections[:4]:
        match = OWN_LEVEL.search(section.heading) or OWN_LEVEL.search(section.text[:200])
        if match is not None:
            return match.group(1)
    return None


@rule(
    "TEXT-LEVEL",
    "正文的预算级次（市级/区级……）与本文件一致",
    Category.TEXT,
    Severity.WARNING,
    "“{section}”中写“{word}”，而本文件是{level}预算",
    "名词解释和说明中的预算级次应与本文件一致（区级预算写“区级财政拨款”）；多半是沿用了上级的模板。",
    needs=(Need(lambda ctx: document_level(ctx), "文件标题没有写明预算级次（市级、区级……）"),),
)
def budget_level(ctx: Context) -> Iterator[Finding]:
    level = document_level(ctx)
    for index, section, paragraph, match in _body_matches(ctx, OTHER_LEVEL):
        written = next(g for g in match.groups() if g)
        if written != level:
            yield Finding(
                location=_marked_location(section.heading, index, paragraph, match),
                params={"section": section.heading or "正文", "word": match.group(0), "level": level},
            )


def _paragraph_matches(ctx: Context, pattern: re.Pattern[str]) -> Iterator[tuple[int, Section, str, re.Match[str]]]:
    """Every match of ``pattern`` in the narrative, with its section (index and all) and paragraph."""
    for index, section in enumerate(ctx.doc.sections):
        for paragraph, _ in ctx.section_paragraphs(index):
            for match in pattern.finditer(paragraph):
                yield index, section, paragraph, match


def _marked_location(heading: str, index: int, paragraph: str, match: re.Match[str]) -> Location:
    sentence, start = sentence_span(paragraph, match.start())
    return Location(
        section=heading, quote=sentence, section_index=index, mark=(match.start() - start, match.end() - start)
    )


# "单位价值50万元以上设备8台，其中，单位价值100万元以上设备15台" (长沙): a count and, after 其中, its
# parts in the same measure word, to the end of the clause. Vehicles and equipment only: their
# parts are subsets of the whole (a head count's "其中" may go on to other counts).
COUNT_WHOLE = re.compile(r"(?<![\d.])(\d+)\s*(辆|台|套)(?:[（(]套[)）])?\s*[，,]?\s*其中\s*[，,：:]?")
COUNT_CLAUSE_END = re.compile(r"[。；;]")


def _counted_parts(paragraph: str) -> Iterator[tuple[re.Match[str], int, int]]:
    """Each count with parts after 其中: the match, the whole, the parts' sum (parts > whole only)."""
    for whole in COUNT_WHOLE.finditer(paragraph):
        end = COUNT_CLAUSE_END.search(paragraph, whole.end())
        rest = paragraph[whole.end() : end.start() if end else len(paragraph)]
        measure = whole.group(2)
        parts = [int(n) for n in re.findall(rf"(?<![\d.])(\d+)\s*{measure}", rest)]
        if not parts:
            continue
        total = int(whole.group(1))
        if max(parts) > total or (len(parts) > 1 and sum(parts) > total):
            yield whole, total, max(parts) if len(parts) == 1 or max(parts) > total else sum(parts)


@rule(
    "TEXT-COUNTS",
    "“其中”所列车辆、设备数量不多于总数",
    Category.TEXT,
    Severity.WARNING,
    "“{section}”中写“{sentence}”：其中所列 {parts}，多于总数 {whole}",
    "“共有××台，其中××台”中的部分不能多于总数；检查是否把数量或分类写错。",
)
def counted_parts(ctx: Context) -> Iterator[Finding]:
    for index, section in enumerate(ctx.doc.sections):
        if "其中" not in section.text:
            continue  # (the common case: no paragraph of it to read)
        for paragraph, _ in ctx.section_paragraphs(index):
            for whole, total, parts in _counted_parts(paragraph):
                location = _marked_location(section.heading, index, paragraph, whole)
                yield Finding(
                    params={
                        "section": section.heading or "正文",
                        "sentence": location.quote or "",
                        "parts": parts,
                        "whole": total,
                    },
                    location=location,
                    expected=Decimal(total),
                    actual=Decimal(parts),
                )


YEAR_COMPARISON = re.compile(r"(?:与|比|较|同)(\d{4})年")


@rule(
    "TEXT-YEAR",
    "对比年度是上一年",
    Category.TEXT,
    Severity.WARNING,
    "“{section}”中与 {written} 年比较，而本预算是 {year} 年，上一年应为 {expected} 年",
    "年度预算应与上一年比较；检查是否沿用了往年的说明文字。",
    needs=(Need(lambda ctx: ctx.doc.unit.year, "无法识别预算年度"),),
)
def comparison_year(ctx: Context) -> Iterator[Finding]:
    year = ctx.doc.unit.year
    assert year is not None
    for index, section, paragraph, match in _paragraph_matches(ctx, YEAR_COMPARISON):
        written = int(match.group(1))
        # a budget may compare with the last closed accounts, two years back (决算)
        final_accounts = written == year - 2 and "决算" in paragraph[match.end() : match.end() + 8]
        # "2025年底项目的结转结余收入较2024年底有所下降": one year-end against the one before it
        year_ends = paragraph[match.end() - 1 : match.end() + 1] in ("年底", "年末") and re.search(
            rf"{written + 1}\s*年[底末]", paragraph[: match.start()]
        )
        if written != year - 1 and not final_accounts and not year_ends:
            yield Finding(
                params={"section": section.heading or "正文", "written": written, "year": year, "expected": year - 1},
                location=_marked_location(section.heading, index, paragraph, match),
                expected=Decimal(year - 1),
                actual=Decimal(written),
            )
