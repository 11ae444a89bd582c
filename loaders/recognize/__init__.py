"""Blocks -> Disclosure: the table-recognition core every format shares.

A table is recognised by its title and header words, never by its position. Each grid
keeps its raw cells; a recognised one also gets parsed lines with exact amounts.
"""

from __future__ import annotations

import re
from dataclasses import replace

from budget.model import Disclosure, MoneyUnit, PerformanceProject, Section, Source, Table, TableKind
from loaders.blocks import Block, LoadError
from loaders.recognize.assemble import assemble, document_money_unit, document_printed_unit, names_a_table
from loaders.recognize.classify import is_code_label
from loaders.recognize.levels import coded_levels, with_levels
from loaders.recognize.listings import assets, directory_notes, organisations, procurement
from loaders.recognize.tables import to_table
from loaders.recognize.text import squash
from loaders.recognize.three_public import three_public as _three_public
from loaders.recognize.unit import unit as _unit

__all__ = ["build", "is_code_label", "names_a_table", "squash"]


def build(blocks: list[Block], source: Source) -> Disclosure:
    """Recognise a document's blocks; LoadError when it is not a budget disclosure."""
    grids, sections, context = assemble(blocks, source)
    # (is_budget_narrative reads the whole narrative: asked only where its answer counts)
    if not grids and not is_budget_narrative(sections):
        raise LoadError(
            "文件中没有找到任何表格，看起来不是预算公开文件（应包含收支总表等标准表格）。",
            "no tables found: not a budget disclosure",
        )
    money_unit = document_money_unit(grids) if grids else _narrative_money_unit(sections)
    printed = document_printed_unit(grids, money_unit)
    for g in grids:
        if g.money_unit is None:  # a table that says no unit is in the document's (千元 too)
            g.printed_unit = printed
    tables: list[Table] = []
    performance: list[PerformanceProject] = []
    for g in grids:
        table, projects = to_table(g, money_unit, len(tables))
        if not g.title.strip() and tables and tables[-1].kind == TableKind.PERFORMANCE and tables[-1].title:
            # A form continued in a grid of its own with no title and no 项目名称 (xian_12's 部门整体支出
            # 自评表 over two pages): the form before it names it. A form with a title of its own is
            # another, even where that title names no project (wuhan_02's 表1：项目年度绩效指标表 in a
            # 绩效评价报告, after another project's 自评表).
            before = performance[-1] if performance and performance[-1].table == len(tables) - 1 else None
            projects = [p if p.name else _going_on(replace(p, name=tables[-1].title.strip()), before) for p in projects]
        tables.append(table)
        performance += projects
    kinds = {t.kind for t in tables}
    # A disclosure published in parts is valid part by part: the 情况说明 alone (its
    # sections and text rules), a separate 绩效目标表 or 政府采购 file.
    if not kinds - {TableKind.UNKNOWN} and not is_budget_narrative(sections):
        raise LoadError(
            "文件中没有找到预算收支表格（收支总表、收入总表、支出总表等），看起来不是预算公开文件。",
            "no standard budget table found",
        )
    by_name = coded_levels(tables)
    tables = directory_notes([with_levels(t, by_name) for t in tables])
    unit = _unit(context, tables, sections, money_unit)
    context.notes += _code_notes(tables) + _unit_notes(tables)
    functional_at = _source(tables, _FUNCTIONAL_SOURCES, "2")
    economic_at = _source(tables, _ECONOMIC_SOURCES, "3")
    expenditure = tables[functional_at] if functional_at is not None else None
    economic = tables[economic_at] if economic_at is not None else None
    return Disclosure(
        source=source,
        unit=unit,
        tables=tuple(tables),
        sections=tuple(sections),
        functional=expenditure.coded_lines() if expenditure else (),
        economic=economic.coded_lines() if economic else (),
        three_public=_three_public(_first(tables, TableKind.THREE_PUBLIC)),
        performance=tuple(performance),
        procurement=procurement(tables, money_unit),
        assets=assets(_first(tables, TableKind.ASSETS), money_unit),
        organisations=organisations(_first(tables, TableKind.ORGANISATION)),
        notes=tuple(context.notes),
        functional_table=functional_at,
        economic_table=economic_at,
    )


# Where the functional and the economic rows are read, in order of preference: the
# 支出总表 lists every source of funds; when it prints no coded rows (by unit only, or
# crossed with the economic classes) the 一般公共预算支出表 is the next best.
_FUNCTIONAL_SOURCES = (TableKind.EXPENDITURE, TableKind.GENERAL_PUBLIC, TableKind.FISCAL_EXPENDITURE)
_ECONOMIC_SOURCES = (TableKind.BASIC_ECONOMIC, TableKind.GENERAL_PUBLIC_ECONOMIC, TableKind.FISCAL_BASIC_ECONOMIC)


def _source(tables: list[Table], kinds: tuple[TableKind, ...], first_digit: str) -> int | None:
    """The index of the first table of the first kind that lists at least one coded row
    of the classification (functional codes start with 2, economic with 3); failing
    that, the first table of the first kind present (its rows may be uncoded)."""
    for kind in kinds:
        for i, table in enumerate(tables):
            if table.kind == kind and any(ln.code.startswith(first_digit) for ln in table.coded_lines() if ln.code):
                return i
    for kind in kinds:
        for i, table in enumerate(tables):
            if table.kind == kind:
                return i
    return None


# Words a budget's narrative uses (its standard parts, its subjects): a text with 预算 or
# 决算 and several of these is a disclosure's 情况说明 even without a single table.
_NARRATIVE_WORDS = (
    "收入",
    "支出",
    "三公",
    "机关运行经费",
    "政府采购",
    "国有资产",
    "绩效",
    "名词解释",
    "职责",
    "机构设置",
    "财政拨款",
)


_BUDGET_WORD = re.compile(r"[预决]算")
_AMOUNT_IN_TEXT = re.compile(r"\d[\d,.]*\s*万?元")


def is_budget_narrative(sections: list[Section]) -> bool:
    """A 情况说明 without tables: budget words and amounts under headings of its own (a
    listing that merely quotes disclosures, such as a corpus manifest, has no headings)."""
    if sum(1 for s in sections if s.heading.strip()) < 2:
        return False
    text = "".join(squash(f"{s.heading}{s.text}") for s in sections)
    if not _BUDGET_WORD.search(text) or not _AMOUNT_IN_TEXT.search(text):
        return False
    return sum(1 for word in _NARRATIVE_WORDS if word in text) >= 4


_WAN_YUAN_AMOUNT = re.compile(r"\d\s*万元")
_YUAN_AMOUNT = re.compile(r"\d\s*元")


def _narrative_money_unit(sections: list[Section]) -> MoneyUnit:
    """The unit the narrative speaks in, when there is no table to say it."""
    text = "".join(s.text for s in sections)
    wan, yuan = len(_WAN_YUAN_AMOUNT.findall(text)), len(_YUAN_AMOUNT.findall(text))
    return MoneyUnit.YUAN if yuan - wan > wan else MoneyUnit.WAN_YUAN


def _unit_notes(tables: list[Table]) -> list[str]:
    """Tables printed in 千元 or 亿元 were read in 元 or 万元 (the contract's units): the reader
    should know the printed figures are not the ones shown. One note when every table with
    amounts was, else one per table."""
    scaled = [t for t in tables if t.printed_unit and t.money_unit]
    if not scaled:
        return []
    with_amounts = [t for t in tables if t.lines]
    units = {(t.printed_unit, t.money_unit) for t in scaled}
    if len(units) == 1 and all(t.printed_unit for t in with_amounts):
        printed, unit = units.pop()
        return [f"本文件金额原以{printed}列示，已按{unit}换算（未作舍入）。"]
    return [
        f"{f'第{t.page}页 ' if t.page else ''}{t.title or t.label}：本表金额原以{t.printed_unit}列示，"
        f"已按{t.money_unit}换算（未作舍入）。"
        for t in scaled
    ]


def _code_notes(tables: list[Table]) -> list[str]:
    """Split codes read otherwise than printed ("7 11 02" under "210 11", "301 2"): the
    reader should see both, since the printed document is what gets published."""
    notes = []
    for table in tables:
        code_cols = [i for i, label in enumerate(table.columns) if is_code_label(label)]
        if len(code_cols) < 2:
            continue
        printed_rows = list(table.header) + list(table.rows)
        last = code_cols[-1]
        for line in table.lines:
            if not line.code or not 0 <= line.row < len(printed_rows):
                continue
            row = printed_rows[line.row]
            # (the cells as printed, joined, are the code: each is digits, which squash leaves as
            # they are; most codes read as printed, and this asks no cell's squash)
            if last < len(row) and "".join([row[i] for i in code_cols]) == line.code:
                continue
            cells = [squash(row[i]) if i < len(row) else "" for i in code_cols]
            # (the parts joined are the cells joined: asked first, since most codes read as printed)
            if "".join(cells) == line.code:
                continue
            parts = [c for c in cells if c]
            # Only codes printed whole from the first part on; blank leading parts are
            # inherited from the row above by design.
            if all(cells[: len(parts)]):
                where = f"第{line.page}页 " if line.page else ""
                notes.append(
                    f"{where}{table.title or table.label}：科目编码印为“{' '.join(parts)}”，"
                    f"按上下级科目读作 {line.code}（{line.name}）。"
                )
    return notes


def _going_on(project: PerformanceProject, before: PerformanceProject | None) -> PerformanceProject:
    """A form going on in a grid of its own: its first rows are still in the level cells left open
    at the foot of the page before (merged cells cut by the page break), so rows that print no
    一级 / 二级 of their own take the open ones, up to the first row that prints one."""
    if before is None or not before.indicators or not project.indicators:
        return project
    last = before.indicators[-1]
    open1, open2 = last.level1, last.level2
    indicators = []
    for indicator in project.indicators:
        if indicator.level1 is not None:
            open1 = open2 = None  # a 一级 cell of its own: the open ones ended above
        elif indicator.level2 is not None:
            open2 = None
        if open1 is None and open2 is None:
            indicators.append(indicator)
            continue
        indicators.append(replace(indicator, level1=indicator.level1 or open1, level2=indicator.level2 or open2))
    return replace(project, indicators=tuple(indicators))


def _first(tables: list[Table], kind: TableKind) -> Table | None:
    return next((t for t in tables if t.kind == kind), None)
