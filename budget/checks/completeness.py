"""Completeness: every standard table (an empty one with its note) and every required part."""

from __future__ import annotations

import re
from collections.abc import Iterator

from budget.checks.core import Category, Context, Finding, Location, Need, Severity, rule
from budget.checks.places import squash
from budget.model import STANDARD_TABLES, TABLE_LABELS, Section, Table, TableKind


def _has_amounts(table: Table) -> bool:
    return any(v is not None for line in table.lines for v in line.values.values())


@rule(
    "COMPLETE-TABLES",
    "标准表格齐全",
    Category.COMPLETENESS,
    Severity.ERROR,
    "缺少{table}",
    "按《地方预决算公开操作规程》公开全部标准表格；没有数据的表格也要列出空表并说明。",
    templates={
        "unrecognised": "没有找到{table}（另有 {unknown} 张表格未能识别，可能以本地标题列出，请核对）",
        "as_text": "{table}印有标题“{title}”，表格却没有读出（多为空表），请核对",
        "later": "缺少{table}，文中也没有说明本单位没有这项预算",
        "later_explained": "没有列出{table}，文中说明没有这项预算",
    },
    # a disclosure published in parts: the 情况说明 file has no tables (its tables are another file)
    needs=(
        # …and a 绩效目标表 published on its own is no disclosure of the standard tables
        Need(
            lambda ctx: any(t.kind in STANDARD_TABLES for t in ctx.doc.tables),
            "文件中没有标准表格（只有文字部分，或只有绩效目标表）",
        ),
    ),
)
def standard_tables(ctx: Context) -> Iterator[Finding]:
    present = [t.kind for t in ctx.doc.tables if t.kind in STANDARD_TABLES]
    # tables the reader could not place (printed under local titles 公开表N, 预算0N表, 表N …):
    # a standard table not found may be one of them
    unknown = sum(1 for t in ctx.doc.tables if t.kind == TableKind.UNKNOWN)
    for kind in STANDARD_TABLES:
        if kind in present:
            continue
        printed = _printed_as_text(ctx, kind)
        if kind in LATER_TABLES and printed is None and _stated_as_none(ctx, kind):
            # a table added after the 操作规程's eight (长沙's and 重庆's templates leave it out),
            # its absence explained by the text ("本部门无国有资本经营预算拨款收支"): a note
            yield Finding(
                location=Location(table=kind.value),
                severity=Severity.INFO,
                params={"table": TABLE_LABELS[kind]},
                template="later_explained",
            )
        elif printed is not None:
            yield Finding(
                location=Location(table=kind.value, page=printed.page),
                severity=Severity.WARNING,
                params={"table": TABLE_LABELS[kind], "title": squash(printed.heading)},
                template="as_text",
            )
        elif unknown:
            yield Finding(
                location=Location(table=kind.value),
                severity=Severity.WARNING,
                params={"table": TABLE_LABELS[kind], "unknown": unknown},
                template="unrecognised",
            )
        elif kind in LATER_TABLES:
            # neither printed (empty, with its note) nor explained in the text: the reader cannot
            # tell a fund the unit does not have from a table left out; less than a missing one
            # of the eight
            yield Finding(
                location=Location(table=kind.value),
                severity=Severity.WARNING,
                params={"table": TABLE_LABELS[kind]},
                template="later",
            )
        else:
            yield Finding(location=Location(table=kind.value), params={"table": TABLE_LABELS[kind]})


# not among the eight tables of the 《地方预决算公开操作规程》: local templates may leave it out
LATER_TABLES = (TableKind.STATE_CAPITAL,)

# the words of a standard table's title, as a heading printed over a table read as text
TITLE_WORDS = {
    TableKind.SUMMARY: re.compile(r"收支(总表|总体情况表|预算总表)"),
    TableKind.INCOME: re.compile(r"收入(总表|总体情况表|预算总表)"),
    TableKind.EXPENDITURE: re.compile(r"支出(总表|总体情况表|预算总表)"),
    TableKind.FISCAL_SUMMARY: re.compile(r"财政拨款收支"),
    TableKind.GENERAL_PUBLIC: re.compile(r"一般公共预算(财政拨款)?支出(情况)?表"),
    TableKind.BASIC_ECONOMIC: re.compile(r"基本支出"),
    TableKind.GOV_FUND: re.compile(r"政府性基金"),
    TableKind.STATE_CAPITAL: re.compile(r"国有资本经营"),
    TableKind.THREE_PUBLIC: re.compile(r"三公"),
}
# what a table's body prints under its title: a total, a note, or its header's words
# (an empty table is a header only: "项目 预算数 支出功能分类科目 …")
TABLE_BODY = re.compile(r"合\s*计|注[：:]|科目(?:编码|名称)|分类科目|预算数|决算数|单位[：:]\s*(?:万元|元|千元)")
NUMBERED = re.compile(r"^[（(]?[一二三四五六七八九十\d]{1,3}[、.．)）]")


def _printed_as_text(ctx: Context, kind: TableKind) -> Section | None:
    """A heading with the table's title over a table body (合计, 注：…) that the reader
    gave as text: the table is printed, not read (empty tables most of all)."""
    words = TITLE_WORDS.get(kind)
    if words is None:
        return None
    sections = ctx.doc.sections
    for index, section in enumerate(sections):
        heading = squash(section.heading)
        if not heading.endswith("表") or NUMBERED.match(heading) or not words.search(heading):
            continue
        body = " ".join(s.text[:400] for s in sections[index : index + 2])
        if TABLE_BODY.search(body):
            return section
    return None


EMPTY_NOTE = re.compile(r"空表|无.{0,20}(预算|支出|收入|经费|数据)|没有")


STANDARD = Need(lambda ctx: any(t.kind in STANDARD_TABLES for t in ctx.doc.tables), "文件中没有标准表格")


@rule(
    "COMPLETE-EMPTY",
    "空表列示并说明；注明“空表”的表格确实没有数据",
    Category.COMPLETENESS,
    Severity.WARNING,
    "{table}没有数据，也没有说明为什么是空表",
    templates={"noted": "{table}列有金额，但注释写“{note}”"},
    guidance="没有数据的表格应列出空表并加注说明（如“注：本单位无政府性基金预算财政拨款，故本表为空表”）；有数据的表格不应再注明空表。",
    needs=(STANDARD,),
)
def empty_tables(ctx: Context) -> Iterator[Finding]:
    for table in (t for t in ctx.doc.tables if t.kind in STANDARD_TABLES):
        has_amounts = _has_amounts(table) or (table.kind == TableKind.THREE_PUBLIC and ctx.doc.three_public is not None)
        note = table.note or ""
        location = Location(table=table.kind.value, page=table.page, table_index=ctx.table_index(table))
        if (table.empty or not has_amounts) and not EMPTY_NOTE.search(note) and not _stated_as_none(ctx, table.kind):
            yield Finding(location=location, params={"table": table.label})
        elif has_amounts and not table.empty and "空表" in note and _nonzero(ctx, table):
            yield Finding(location=location, params={"table": table.label, "note": note}, template="noted")


# What an empty table is about, as the text names it: an empty table is explained where the
# document says so anywhere, under the table or in the 编制说明 ("政府性基金拨款支出预算为0",
# "2026年“三公”经费预算数为0，与2025年预算持平", "本部门无当年政府性基金预算收支，并已公开空表",
# "备注：本单位无政府性基金预算安排的支出，故此表无数据" printed as a paragraph of its own)
EMPTY_SUBJECTS = {
    TableKind.GOV_FUND: "政府性基金",
    TableKind.STATE_CAPITAL: "国有资本经营",
    TableKind.THREE_PUBLIC: "三公",
    TableKind.GENERAL_PUBLIC: "一般公共预算",
    TableKind.BASIC_ECONOMIC: "基本支出",
}
ZERO_AMOUNT = r"(?<![\d.,，])0(?:\.0+)?(?![\d.])"


def _none_pattern(subject: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?:无|没有|未安排|不涉及)[^。；;\n\d]{{0,12}}{subject}"  # 无政府性基金…, 没有使用政府性基金…
        rf"|{subject}[^。；;\n\d]{{0,24}}{ZERO_AMOUNT}"  # 政府性基金拨款支出预算为0, 三公经费预算数为0.00万元
        rf"|{subject}[^。；;\n]{{0,40}}(?:空表|无数据)"  # 政府性基金预算支出表为空表
    )


def _stated_as_none(ctx: Context, kind: TableKind) -> bool:
    """The document says, in a sentence of its own, that the table's fund or item is zero or
    absent: the empty table is explained (not missing, not unexplained)."""
    subject = EMPTY_SUBJECTS.get(kind)
    if subject is None:
        return False
    pattern = _none_pattern(subject)
    texts = [s.text for s in ctx.doc.sections] + [t.note or "" for t in ctx.doc.tables]
    return any(pattern.search(squash(text)) for text in texts)


def _nonzero(ctx: Context, table: Table) -> bool:
    if table.kind == TableKind.THREE_PUBLIC and ctx.doc.three_public is not None:
        tp = ctx.doc.three_public
        values = (tp.total, tp.overseas, tp.vehicles, tp.reception, tp.running_costs)
        return any(v is not None and v.amount != 0 for v in values)
    return any(v is not None and v.amount != 0 for line in table.lines for v in line.values.values())


# Required narrative parts and the words their headings use (tolerant to wording).
REQUIRED_SECTIONS = (
    ("职责", re.compile(r"职责|职能")),
    ("机构设置", re.compile(r"机构")),
    ("总体情况", re.compile(r"总体情况|编制说明|收支预算情况|预算情况说明|收支情况")),
    ("机关运行经费", re.compile(r"机关运行")),
    ("“三公”经费", re.compile(r"三公")),
    ("政府采购", re.compile(r"政府采购")),
    ("国有资产", re.compile(r"国有资产|固定资产")),
    ("绩效目标", re.compile(r"绩效")),
    ("名词解释", re.compile(r"名词解释|名词说明|术语")),
)
SHORT_LINE = 40
MIN_NARRATIVE = 600  # characters: less is a table part's notes, not a 情况说明
TABLE_HEADING = re.compile(r"^(?:预算|决算|公开)?\d{1,2}表|^表[一二三四五六七八九十\d]{1,3}|表$")


def _narrative_size(ctx: Context) -> int:
    """Characters of text under headings that are not tables' titles (the text of a table
    part is its cells' and notes', under no heading or a table's)."""
    return sum(
        len(s.text) for s in ctx.doc.sections if squash(s.heading) and not TABLE_HEADING.search(squash(s.heading))
    )


def heading_texts(ctx: Context) -> list[str]:
    """Section headings plus short unpunctuated lines (headings a reader did not mark)."""
    texts = [squash(s.heading) for s in ctx.doc.sections if s.heading]
    for section in ctx.doc.sections:
        for line in section.text.split("\n"):
            line = squash(line)
            if line and len(line) <= SHORT_LINE and "。" not in line:
                texts.append(line)
            lead = RUN_IN.match(line)
            if lead is not None:  # "（二）政府采购情况。所属各预算单位…": a heading run into its paragraph
                texts.append(lead.group(1))
    return texts


RUN_IN = re.compile(r"^[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]([^。：:，,]{2,24})[。：:]")


@rule(
    "COMPLETE-SECTIONS",
    "必备的说明部分齐全",
    Category.COMPLETENESS,
    Severity.ERROR,
    "没有找到“{part}”部分",
    "预算公开说明应包括职责、机构设置、总体情况、机关运行经费、“三公”经费、政府采购、国有资产、绩效目标和名词解释。",
    needs=(Need(lambda ctx: _narrative_size(ctx) >= MIN_NARRATIVE, "文件中几乎没有文字说明（只有表格部分）"),),
)
def required_sections(ctx: Context) -> Iterator[Finding]:
    texts = heading_texts(ctx)
    for part, pattern in REQUIRED_SECTIONS:
        if not any(pattern.search(t) for t in texts):
            yield Finding(location=Location(section=part), params={"part": part})


OVERVIEW = re.compile(r"总体情况|编制说明")


def _overviews(ctx: Context) -> list[tuple[int, Section]]:
    return [(i, s) for i, s in enumerate(ctx.doc.sections) if OVERVIEW.search(s.heading)]


@rule(
    "COMPLETE-OVERVIEW",
    "总体情况说明了收支总额",
    Category.COMPLETENESS,
    Severity.WARNING,
    "“{section}”没有写出收入、支出总额",
    "总体情况（编制说明）应写明本年收入、支出预算总额及与上年相比的增减和原因。",
    needs=(Need(_overviews, "没有找到总体情况（编制说明）部分"),),
)
def overview_figures(ctx: Context) -> Iterator[Finding]:
    from budget.checks.figures import resolutions

    sections = _overviews(ctx)
    keys = {"income_total", "expenditure_total"}
    if not any(r.key in keys for _, r in resolutions(ctx)):
        index, section = sections[0]
        first = section.text.split("\n")[0][:120]
        yield Finding(
            location=Location(section=section.heading, quote=first or None, section_index=index),
            params={"section": section.heading},
        )


# "与上年预算数相同"（无锡）: the same as last year is a change stated
CHANGE_EXPLAINED = re.compile(r"增加|减少|持平|无变化|不变|无增减|增长|下降|原因|与上年[^。；]{0,8}(?:相同|一致)")
TABLE_TITLE = re.compile(r"表(?:[（(][^（）()]*[)）])?$")
THREE_PUBLIC_SENTENCE = re.compile(r"[^。\n]*三公[^。\n]*")


def _three_public_sections(ctx: Context) -> list[tuple[int, Section]]:
    return [(i, s) for i, s in enumerate(ctx.doc.sections) if "三公" in s.heading]


@rule(
    "COMPLETE-3PUB-REASON",
    "“三公”经费说明了增减变化及原因",
    Category.COMPLETENESS,
    Severity.WARNING,
    "“{section}”没有说明“三公”经费与上年相比的增减变化及原因",
    "“三公”经费说明应写明与上年相比增加、减少或持平，以及变化的原因。",
    needs=(Need(_three_public_sections, "没有找到“三公”经费说明部分"),),
)
def three_public_reasons(ctx: Context) -> Iterator[Finding]:
    # the explanation, not a table's title taken for a heading ("（七）…“三公”经费支出表") nor a 目录 line
    passages = [(i, s) for i, s in _three_public_sections(ctx) if not TABLE_TITLE.search(squash(s.heading))]
    if not passages or any(CHANGE_EXPLAINED.search(s.text) for _, s in passages):
        return
    if any(
        CHANGE_EXPLAINED.search(sentence)
        for sentence in THREE_PUBLIC_SENTENCE.findall("\n".join(s.text for s in ctx.doc.sections))
    ):
        return  # explained under another heading (机关运行经费 and 三公 in one passage)
    index, section = passages[0]
    yield Finding(location=Location(section=section.heading, section_index=index), params={"section": section.heading})
