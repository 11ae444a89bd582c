"""One grid -> one Table: its kind, its header and its parsed lines."""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from itertools import chain

from budget.model import CLASSIFIED_TABLES, Line, MoneyUnit, PerformanceProject, Table, TableKind
from loaders.recognize.classify import (
    classify_header,
    classify_title,
    column_keys,
    column_role,
    is_name_label,
    is_total_name,
    is_unit_list,
)
from loaders.recognize.grid import (
    HEADER_ROWS_MAX,
    WorkingGrid,
    is_blank_row,
    is_code,
    is_column_number_row,
    labels as _labels,
    looks_like_data,
    pad,
    split_header,
)
from loaders.recognize.levels import numbering_depth
from loaders.recognize.performance import has_indicator_header, performance
from loaders.recognize.text import (
    BLANKS,
    PRINTED_UNITS,
    amount_reader,
    is_number,
    label_unit_in,
    parse_amount,
    scaled,
    squash,
)
from loaders.recognize.three_public import three_public_lines

# ---------------------------------------------------------------- one table


def _drop_repeated_header(g: WorkingGrid) -> None:
    """A table printed over pages repeats its header rows (and 栏次 row) where a page
    starts; inside one grid (a text extraction, Word tables run together) they are not
    body rows."""
    first_data = next((i for i, row in enumerate(g.rows[:HEADER_ROWS_MAX]) if looks_like_data(row)), None)
    if first_data is None:
        return
    head = [row for row in g.rows[:first_data] if any(row)]  # with its 栏次 row, if any
    if not head:
        return
    firsts = {row[0] if row else None for row in head}  # (a row differs from the header in its first cell, mostly)
    keep = [
        i
        for i, row in enumerate(g.rows)
        if i <= first_data or (row[0] if row else None) not in firsts or row not in head
    ]
    if len(keep) < len(g.rows):
        if len(g.row_pages) == len(g.rows):
            g.row_pages = [g.row_pages[i] for i in keep]
        g.rows = [g.rows[i] for i in keep]
        g.spans = [g.spans[i] for i in keep]


def to_table(g: WorkingGrid, doc_unit: MoneyUnit, index: int) -> tuple[Table, list[PerformanceProject]]:
    _drop_repeated_header(g)
    header, spans, body = split_header(g)
    width = g.width
    labels = _labels(header, spans, width)
    kind = classify_title(g.title) or classify_header(labels + [c for r in g.rows[:2] for c in r])
    if kind is None and has_indicator_header(g):
        # a form on a page of its own with no title (xian_09's 专项（项目）名称 forms): its
        # 一级指标 | 二级指标 row is below the header block, past the rows the header test reads
        kind = TableKind.PERFORMANCE
    if kind is None:
        kind = TableKind.ORGANISATION if is_unit_list(labels, body) else TableKind.UNKNOWN
    if kind in CLASSIFIED_TABLES and not any(looks_like_data(r) or is_column_number_row(r) for r in g.rows):
        # Printed empty (空表) with no 栏次 row and no blank row to end the header (a
        # workbook drops blank rows): every row above a blank or 合计 row is header.
        n = next((i for i, r in enumerate(g.rows) if i > 0 and is_blank_row(r)), len(g.rows))
        header, spans, body = g.rows[:n], g.spans[:n], g.rows[n:]
        labels = _labels(header, spans, width)
    if kind == TableKind.PERFORMANCE and not classify_title(g.title) and not has_indicator_header(g):
        kind = TableKind.UNKNOWN
    if kind in _BY_ECONOMIC_CLASS and _classified_by_economic_class(labels):
        kind = _BY_ECONOMIC_CLASS[kind]
    if g.money_unit is None and (stated := _unit_of_labels(labels)):
        g.money_unit, g.printed_unit = PRINTED_UNITS[stated][0], stated  # "金额（千元）", and no unit line
    unit = g.money_unit or doc_unit
    body_spans = g.spans[len(g.spans) - len(body) :]
    padded = [pad(r, width, s) for r, s in zip(body, body_spans, strict=False)]
    # (map() and chain: the cell loops of every table, run in C)
    empty = not any(map(any, padded)) or all(
        is_total_name(" ".join(row)) and not any(is_number(c) for c in row) for row in padded if any(row)
    )
    if kind in CLASSIFIED_TABLES and not any(map(is_number, chain.from_iterable(padded))):
        empty = True  # header rows and a blank 合计 only: the header split found no body
    keys = column_keys(labels, kind)
    if kind in CLASSIFIED_TABLES and "total" not in keys and [k for k in keys if k and k[:6] != "budget"] == ["amount"]:
        # One amount column (金额, 预算数; a 决算数 beside the year's budget): the row's total, as in the contract
        keys = ["total" if k == "amount" else k for k in keys]
    projects: list[PerformanceProject] = []
    lines: tuple[Line, ...] = ()
    # A table continued over pages: each row its own page. The line builders that make most
    # lines give each its row's page as they make it (a line rebuilt for it costs as much again);
    # the others' lines are put on their pages below.
    row_pages = g.row_pages if len(g.row_pages) == len(g.rows) else None
    if kind in CLASSIFIED_TABLES and not _two_sides(labels):
        lines = _blocked_lines(padded, labels, kind, unit, len(header), g.page, row_pages) or _classified_lines(
            padded, labels, keys, unit, body_offset=len(header), page=g.page, kind=kind, row_pages=row_pages
        )
    elif kind in (TableKind.SUMMARY, TableKind.FISCAL_SUMMARY) or (kind in CLASSIFIED_TABLES and _two_sides(labels)):
        lines = _two_sided_lines(padded, labels, keys, unit, len(header), g.page, row_pages)
    elif kind == TableKind.THREE_PUBLIC:
        lines = three_public_lines(padded, labels, keys, unit, len(header), g.page)
    elif kind == TableKind.PERFORMANCE:
        projects = performance(g, unit, index, width)
    if kind in _BY_ECONOMIC_CLASS and _economic_codes_only(lines):
        kind = _BY_ECONOMIC_CLASS[kind]
    power = PRINTED_UNITS[g.printed_unit][1] if g.printed_unit in PRINTED_UNITS else 0
    if power:  # printed in 千元 or 亿元: read exactly in the contract's 元 or 万元
        lines = tuple(_scaled_line(ln, power) for ln in lines)
    if row_pages is not None:  # (the lines not made on their pages: 三公 tables')
        pages, rows = row_pages, len(g.rows)
        lines = tuple(
            replace(ln, page=pages[ln.row]) if 0 <= ln.row < rows and pages[ln.row] != ln.page else ln for ln in lines
        )
    table = Table(
        kind=kind,
        title=g.title,
        header=tuple(map(tuple, header)),
        rows=tuple(map(tuple, body)),
        columns=tuple(labels),
        column_keys=tuple(keys),
        lines=lines,
        empty=empty,
        note=g.note,
        money_unit=unit,
        unit_line=g.unit_line,
        page=g.page,
        pages=tuple(g.pages),
        printed_unit=g.printed_unit if power else None,
    )
    return table, projects


def _page(row: int, page: int | None, row_pages: list[int | None] | None) -> int | None:
    """The page a line of printed row ``row`` is on: its row's, when the table says each row's."""
    return row_pages[row] if row_pages is not None and 0 <= row < len(row_pages) else page


def _unit_of_labels(labels: list[str]) -> str | None:
    """The unit the money columns' labels print ("合计（千元）"), when they print one only (a
    单价（元） beside a 金额（万元） says nothing of the table as a whole)."""
    stated = {u for label in labels if column_role(label) == "money" and (u := label_unit_in(label))}
    return stated.pop() if len(stated) == 1 else None


def _scaled_line(line: Line, power: int) -> Line:
    return replace(line, values={k: scaled(v, power) for k, v in line.values.items()})


# A spending table titled like the functional ones ("支出总表", "一般公共预算支出表") whose rows
# are economic classes: the kind that says so, so that no rule reads its rows as functional
# ones (a 支出总表 printed as "部门预算支出经济分类科目 | 合计 | 基本支出 | 项目支出").
_BY_ECONOMIC_CLASS = {
    TableKind.EXPENDITURE: TableKind.EXPENDITURE_ECONOMIC,
    TableKind.GENERAL_PUBLIC: TableKind.GENERAL_PUBLIC_ECONOMIC,
}


def _classified_by_economic_class(labels: list[str]) -> bool:
    """The header's classification columns name the economic classes and not the functional."""
    words = "".join(squash(label) for label in labels if column_role(label) in ("code", "name"))
    return "经济" in words and "功能" not in words


def _economic_codes_only(lines: tuple[Line, ...]) -> bool:
    """Every coded row is an economic class (部门 301…399, 政府 501…599), none a functional one
    (201…299): a header that says only "科目编码 | 科目名称" over economic rows."""
    codes = [ln.code for ln in lines if ln.code]
    return len(codes) >= 2 and all(code[0] in "35" for code in codes)


# "[201]一般公共服务支出", "2130201-行政运行", "30101 基本工资": a code printed in the name cell.
_CODE_IN_NAME = re.compile(r"^[\[【]?(\d{3}(?:\d{2}){0,2})[\]】]?(?:\s*[-－—_:：]\s*|\s+|(?=[^\d\s]))(\S.*)$")


_ECONOMIC_KINDS = (
    TableKind.BASIC_ECONOMIC,
    TableKind.FISCAL_BASIC_ECONOMIC,
    TableKind.GENERAL_PUBLIC_ECONOMIC,
    TableKind.EXPENDITURE_ECONOMIC,
)


def _classification_columns(labels: list[str], roles: list[str], kind) -> tuple[list[int], list[int], bool]:
    """(code columns, name columns, crossed) of a classified table.

    Some tables print two classifications side by side: the 部门 and the 政府 economic
    classes (one row per 部门 款), or the functional 项 crossed with both economic ones
    (one row per combination, Beijing's 支出总表). The table's own classification is the
    one read as the row's code (部门 economic in an economic table, functional in the
    others); a functional table crossed with economic classes has no row code at all."""
    code_cols = [i for i, role in enumerate(roles) if role == "code"]
    name_cols = [i for i, role in enumerate(roles) if role == "name"]
    groups: list[list[int]] = []
    for i in code_cols:
        if groups and groups[-1][-1] == i - 1:
            groups[-1].append(i)
        else:
            groups.append([i])
    columns = groups if len(groups) > 1 else ([] if code_cols else [[i] for i in name_cols])
    if len(columns) < 2:
        return code_cols, name_cols, False
    economic = kind in _ECONOMIC_KINDS

    def scheme(cols: list[int]) -> str:
        words = "".join(squash(labels[i]) for i in cols)
        if "功能" in words:
            return "functional"
        return "government" if "政府" in words else "economic" if "经济" in words else ""

    schemes = [scheme(cols) for cols in columns]
    if not economic and "functional" in schemes and ("economic" in schemes or "government" in schemes):
        return [], name_cols, True  # one row per combination of classes: no class of its own
    wanted = "economic" if economic else "functional"
    chosen = columns[schemes.index(wanted)] if wanted in schemes else columns[0]
    if not groups or len(groups) < 2:  # codes in the name cells: the chosen name column only
        return [], chosen, True
    following = [i for i in name_cols if i > chosen[-1]]
    later = [g[0] for g in groups if g[0] > chosen[-1]]
    names = [i for i in following if not later or i < later[0]][:1]
    return chosen, names, True


_CODE_AND_NAME = re.compile(r"^(\d{3}(?:\d{2}){0,2})\s*(.*)$")
_CODE_LEVEL = {3: 1, 5: 2, 7: 3}  # 类, 款, 项 by the length of the code


def _classified_lines(rows, labels, keys, unit, body_offset, page, kind=None, row_pages=None) -> tuple[Line, ...]:
    """The lines of a classified table. ``row_pages``: the page of each of the table's rows (header
    rows first, as ``Line.row`` counts them), when it is printed over pages; else all are on ``page``."""
    roles = [column_role(label) for label in labels]
    code_cols, name_cols, crossed = _classification_columns(labels, roles, kind)
    if crossed and not code_cols and len(name_cols) > 1:
        name_cols = [i for i, role in enumerate(roles) if role == "name"]  # names only, joined
        crossed_names = True
    else:
        crossed_names = False
    unit_cols = [i for i, role in enumerate(roles) if role == "unit"]
    money_cols = [i for i, key in enumerate(keys) if key]
    label_cols = name_cols or unit_cols
    if len(label_cols) == 1 and label_cols[0] + 1 in money_cols:  # (else no row can overflow: asked once)
        # (_overflow_into_name of every row, its tests inline: most rows' amount cell holds no words)
        name_at = label_cols[0]
        at = name_at + 1
        rows = [
            row
            if at >= len(row) or not row[name_at] or _words_and_amount(row[at]) is None
            else _overflow_into_name(row, label_cols, money_cols)
            for row in rows
        ]
    rows, row_at = _mend_wrapped_names(rows, code_cols, name_cols, money_cols)
    money_keys = [(keys[i], i) for i in money_cols]
    read = amount_reader(unit)  # (parse_amount in the table's unit, cached by the text alone)
    # (one name column, the common case: its cell is the name, with no list to join per row)
    name_col = name_cols[0] if len(name_cols) == 1 else None
    code_col = code_cols[0] if len(code_cols) == 1 else None
    pages = len(row_pages) if row_pages is not None else 0
    lines: list[Line] = []
    parts_above: tuple[str, ...] = ()
    current_unit: str | None = None
    sectioned = bool(unit_cols)  # rows belong to the 预算单位 that heads their section
    unit_rows: list[int] = []  # indexes into lines of rows that name a 预算单位 and no 科目
    for r, row in enumerate(rows):
        if not any(row):
            continue
        if code_col is not None:  # (the common case, asked of every row: _code_of's first test, inline)
            printed = squash(row[code_col])
            code = printed if is_code(printed) else None
        else:
            code, parts_above = _code_of(row, code_cols, parts_above)
        if name_col is not None:
            name = row[name_col]
        else:
            name = " ".join([row[i] for i in name_cols if row[i]]) if name_cols else ""
        unit_name = " ".join([row[i] for i in unit_cols if row[i]]) if unit_cols else ""
        if not code and name and any(_UNIT_CODE.match(squash(row[i])) for i in code_cols):
            # "125001 | 西安市安全生产监督管理局": a unit's code (six or nine digits, no
            # class) in the code column heads that unit's section of the table
            unit_name, name = name, ""
            sectioned = True
        if not code and not name and not unit_name:
            # Codes and names in one cell ("2013602 一般行政管理事务") or no header words.
            # (a dash prints a blank amount, not a name)
            first = next((c for c in row if c and squash(c) not in BLANKS and not is_number(c) or is_code(c)), "")
            m = _CODE_AND_NAME.match(first)
            code, name = (m.group(1), m.group(2)) if m else (None, first)
        elif not code and name and not crossed_names:
            m = _CODE_IN_NAME.match(name)
            if m:
                code, name = m.group(1), m.group(2).strip()
        values = {key: read(row[i]) for key, i in money_keys}
        total_row = not code and is_total_name(name or unit_name or " ".join(row))
        is_unit_row = not code and not name and bool(unit_name) and not total_row
        if is_unit_row:
            current_unit = unit_name
        if not (code or total_row or name or is_unit_row or any(v is not None for v in values.values())):
            continue
        if is_unit_row:
            unit_rows.append(len(lines))
        at = body_offset + row_at[r]
        lines.append(
            Line(
                name=name or (unit_name if is_unit_row else "") or ("合计" if total_row else ""),
                values=values,
                code=code,
                level=_CODE_LEVEL.get(len(code)) if code else None,
                row=at,
                is_total=total_row,
                page=row_pages[at] if 0 <= at < pages else page,  # (row_pages None: pages 0; _page inline)
                unit=current_unit if sectioned and (code or is_unit_row) else None,
            )
        )
    if unit_rows and unit_rows[0] == 0 and not any(line.is_total for line in lines):
        # No 合计 row: the first unit row, above everything, is the whole table's (a 部门
        # prints itself first, then each of its units).
        lines[0] = replace(lines[0], is_total=True)
    return tuple(lines)


def _mostly_amounts(rows, col: int) -> bool:
    cells = [row[col] for row in rows if col < len(row) and row[col]]
    return len(cells) >= 2 and sum(1 for c in cells if is_number(c)) >= 0.8 * len(cells)


def _two_sides(labels: list[str]) -> bool:
    """A header over 收入 and 支出 sides (a fund's 收支表 laid out as a 收支总表)."""
    tops = {squash(label.split("/")[0]) for label in labels}
    return {"收入", "支出"} <= tops


def _blocks(labels: list[str]) -> list[tuple[int, int]]:
    """Column ranges of a table printed as blocks side by side, each its own code, name
    and amount columns (决算: 人员经费 | 公用经费 | 公用经费 continued); [] for one block."""
    roles = [column_role(label) for label in labels]
    starts = [i for i, role in enumerate(roles) if role == "code" and (i == 0 or roles[i - 1] != "code")]
    if len(starts) < 2:
        return []
    ranges = list(zip(starts, [*starts[1:], len(labels)], strict=True))
    for a, b in ranges:
        inner = roles[a:b]
        if "name" not in inner or "money" not in inner:
            return []
    return ranges


def _block_key(rows, a: int, b: int, at: int) -> str | None:
    """A block's column named by its 合计 row when its header does not name it: the
    "人员经费合计" or "公用经费合计" printed at the left of the block's total."""
    for row in rows:
        if at < len(row) and is_number(row[at]):
            label = next((c for c in reversed(row[:at]) if c and not is_number(c)), "")
            words = squash(label)
            if is_total_name(words) and "人员" in words:
                return "personnel"
            if is_total_name(words) and "公用" in words:
                return "public"
    return None


def _blocked_lines(rows, labels, kind, unit, body_offset, page, row_pages=None) -> tuple[Line, ...]:
    """The lines of a table printed in blocks, block after block; a row's amount in a
    block is its only one, so it is the row's total as well as its block's column (人员
    经费 or 公用经费). A 合计 row spanning a block's code and name holds that block's total."""
    blocks = _blocks(labels)
    plan: list[tuple[int, int, list[str | None], str | None]] = []
    for a, b in blocks:
        keys = column_keys(labels[a:b], kind)
        money = [i for i, key in enumerate(keys) if key]
        if len(money) != 1:
            return ()
        key = keys[money[0]]
        plan.append((a, b, keys, key if key in ("personnel", "public") else _block_key(rows, a, b, a + money[0])))
    # A block its header and its rows do not name is the one its neighbour's 合计 label
    # spans over from the right ("公用经费合计" across the last two blocks).
    for n in range(len(plan) - 2, -1, -1):
        if plan[n][3] is None:
            plan[n] = (*plan[n][:3], plan[n + 1][3])
    lines: list[Line] = []
    for a, b, keys, named in plan:
        key = named or next(k for k in keys if k)
        keys = [key if k else None for k in keys]
        block_labels = labels[a:b]
        block_rows = [row[a:b] for row in rows]
        for line in _classified_lines(block_rows, block_labels, keys, unit, body_offset, page, kind, row_pages):
            name = line.name
            if not line.code and not name:  # a 合计 label spanning into this block from the left
                r = line.row - body_offset
                name = next((c for c in reversed(rows[r][:a]) if c and not is_number(c)), "")
            total = not line.code and is_total_name(name)
            r = line.row - body_offset
            if total and line.values[key] is None and any(is_number(c) for c in rows[r][b:]):
                continue  # the label spans on: its amount stands in a later block
            values = dict(line.values) if total else {"total": line.values[key], **line.values}
            lines.append(replace(line, name=name or line.name, values=values, is_total=total or line.is_total))
    return _one_total_row(lines)


def _one_total_row(lines: list[Line]) -> tuple[Line, ...]:
    """The blocks' 合计 cells of one printed row ("人员经费合计 7,967.72 | 公用经费合计
    2,266.65") are one line, the table's total, with each block's column: the 基本支出
    total row of a 决算 is printed this way (its 合计 of both is not printed)."""
    totals = [ln for ln in lines if ln.is_total and not ln.code]
    rows = {ln.row for ln in totals}
    if len(totals) < 2 or len(rows) != 1 or len({k for ln in totals for k in ln.values}) < len(totals):
        return tuple(lines)
    values: dict = {}
    for ln in totals:
        values.update(ln.values)
    merged = replace(totals[0], name="、".join(squash(ln.name) for ln in totals), values=values)
    kept = [ln for ln in lines if ln not in totals]
    return (*kept, merged)


_UNIT_CODE = re.compile(r"^(?:\d{6}|\d{9})$")
_OVERFLOW = re.compile(r"^(?P<text>[^\d\s\-−(（][^\d]*?)\s*(?P<amount>[-−]?[\d,]+(?:\.\d+)?)$")


_WORD_CHARACTER = re.compile(r"[\u4e00-\u9fff（）()]")  # what the words of an overprinted name are made of


def _overflow_into_name(row: list[str], name_cols: list[int], money_cols: list[int]) -> list[str]:
    """A name too long for its cell runs on into the amount cell beside it ("机关事业单位
    职业年金" | "缴费支出43608.96"): the words go back to the name, the amount stays."""
    if len(name_cols) != 1 or name_cols[0] + 1 not in money_cols:
        return row
    at = name_cols[0] + 1
    if at >= len(row) or not row[name_cols[0]]:
        return row
    split = _words_and_amount(row[at])
    if split is None:
        return row
    text, amount = split
    out = list(row)
    out[name_cols[0]] = row[name_cols[0]] + text
    out[at] = amount
    return out


@functools.lru_cache(maxsize=4096)  # asked of the amount cell of every row: amounts recur
def _words_and_amount(cell: str) -> tuple[str, str] | None:
    """The words overprinting an amount cell and the amount, or None when it holds no words."""
    m = _OVERFLOW.match(cell)
    if m is not None:
        return m.group("text"), m.group("amount")
    if not _WORD_CHARACTER.search(cell):
        return None  # an amount and nothing else (the common case): no words to give back
    # The words printed over the amount itself, their characters interleaved with its
    # digits ("障中18心39311.66"): the words are the ones that are no digits.
    words = "".join(ch for ch in cell if "\u4e00" <= ch <= "\u9fff" or ch in "（）()")
    amount = "".join(ch for ch in cell if not ("\u4e00" <= ch <= "\u9fff" or ch in "（）()")).strip()
    if not words or not is_number(amount):
        return None
    return words, amount


def _mend_wrapped_names(rows, code_cols, name_cols, money_cols) -> tuple[list[list[str]], list[int]]:
    """Rows with a name wrapped onto the line above and/or below its code (a reader that
    takes each printed line for a row): "| 政府办公厅（室）及相关机构事 |" over "| 20103 | |
    8,801.45 |" over "| 务 |" is one row. Returns the rows and, per row, its printed index."""
    if len(name_cols) != 1 or not code_cols:
        return rows, list(range(len(rows)))
    name = name_cols[0]
    if not any(row[name] and len(row) - row.count("") == 1 for row in rows):
        return rows, list(range(len(rows)))  # (no row prints its name cell alone: none is mended)

    def fragment(row: list[str]) -> bool:
        # (asked of every row: the name cell first, then up to the first other cell printed)
        # (the name cell printed and no other: one cell of the row is not "", counted in C)
        if not row[name] or len(row) - row.count("") != 1:
            return False
        return not is_total_name(row[name])

    def bare(row: list[str]) -> bool:  # a code and amounts, no name
        return not row[name] and any(row[i] for i in code_cols) and any(is_number(row[i]) for i in money_cols)

    out: list[list[str]] = []
    at: list[int] = []
    r = 0
    while r < len(rows):
        row = rows[r]
        if fragment(row) and r + 1 < len(rows) and bare(rows[r + 1]):
            merged = list(rows[r + 1])
            text = row[name]
            taken = 2
            if r + 2 < len(rows) and fragment(rows[r + 2]) and not (r + 3 < len(rows) and bare(rows[r + 3])):
                text += rows[r + 2][name]
                taken = 3
            merged[name] = text
            out.append(merged)
            at.append(r + 1)
            r += taken
            continue
        out.append(row)
        at.append(r)
        r += 1
    return out, at


def _code_of(row: list[str], code_cols: list[int], above: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]]:
    """The code of a row, whole ("2013602") or split into 类/款/项 columns ("208 05 02");
    a split code with blank leading parts takes them from the row above."""
    if not code_cols:
        return None, above
    if len(code_cols) == 1:  # (the common case, asked of every row: no list of parts)
        code = squash(row[code_cols[0]])
        return (code if is_code(code) else None), above
    return _split_code(tuple([squash(row[i]) for i in code_cols]), above)


@functools.lru_cache(maxsize=4096)  # a table's rows repeat their parts and the parts above them
def _split_code(parts: tuple[str, ...], above: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]]:
    if not any(parts):
        return None, above
    filled_parts = [p for p in parts if p]
    if len(filled_parts) == 1 and len(filled_parts[0]) > 3 and is_code(filled_parts[0]):
        # One code column indented into two ("301" left, "30101" a step right): whole codes.
        code = filled_parts[0]
        return code, (code[:3], code[3:5], code[5:7])[: {5: 2, 7: 3}[len(code)]]
    # 款/项 typed as numbers lose their leading zero in the source workbook ("301 2").
    fixed = [p.zfill(2) if k > 0 and len(p) == 1 and p.isdigit() else p for k, p in enumerate(parts)]
    # A 类 cell that is not a 3-digit code under a known 款 ("7 11 02" after "210 11")
    # is a misprint; the rows above name the 类.
    if len(above) >= 2 and fixed[0] and len(fixed[0]) != 3 and fixed[1] == above[1]:
        fixed[0] = above[0]
    filled = tuple(
        p if p else (above[k] if k < len(above) and not any(fixed[: k + 1]) else "") for k, p in enumerate(fixed)
    )
    depth = max(k for k, p in enumerate(fixed) if p) + 1
    code = "".join(filled[:depth])
    if not is_code(code):
        return None, above
    return code, filled[:depth]


_ITEM_NUMBER = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*|^\d+[、.．]\s*")


def _expenditure_side(words: str) -> str:
    """The side of one of several expenditure columns of a 收支总表, from its header words."""
    if "功能" in words:
        return "expenditure"
    if "政府" in words:
        return "expenditure.government"
    if "经济" in words:
        return "expenditure.economic"
    if words.endswith("类别"):
        return "expenditure.kind"  # 基本支出 / 项目支出
    return "expenditure"


def _two_sided_lines(rows, labels, keys, unit, body_offset, page, row_pages=None) -> tuple[Line, ...]:
    """收支总表 and 财政拨款收支总表 print income items on the left, expenditure on the
    right: each side is a name column followed by its amount columns."""
    name_cols = [i for i, label in enumerate(labels) if is_name_label(label)]
    if not name_cols:
        name_cols = [i for i, k in enumerate(keys) if k is None and i > 0][:2]
    sides: list[tuple[str, int, list[int]]] = []
    for n, col in enumerate(name_cols):
        end = name_cols[n + 1] if n + 1 < len(name_cols) else len(labels)
        side = "income" if n == 0 else "expenditure"
        if "支出" in labels[col] and n == 0 and len(name_cols) == 1:
            side = "expenditure"
        if n > 0 and len(name_cols) > 2:
            # More expenditure sides (Shaanxi: by function, then by 部门 and by 政府 economic
            # class; Shandong: by kind 基本/项目, by 政府 and 部门 class, then by function): the
            # same spending again, so a side of its own name; the functional one is the spending.
            side = _expenditure_side(squash(labels[col]))
        # A column of amounts under a label no word names (header texts overprinting each
        # other, "部门预预算算数支") is still the side's amount column.
        numeric = [
            i
            for i in range(col + 1, end)
            if not keys[i] and column_role(labels[i]) == "money" and _mostly_amounts(rows, i)
        ]  # (a 行次 column of row numbers is no amount)
        sides.append((side, col, [i for i in range(col + 1, end) if keys[i] or i in numeric]))
    # Each side's keys, worked out once for all its rows (a side with one amount column and no
    # total key: that amount is the total).
    plans = []
    for side, name_col, money_cols in sides:
        side_keys = [keys[i] or "amount" for i in money_cols]
        if "total" not in side_keys and len(money_cols) == 1:
            side_keys = ["total"]
        plans.append((side, name_col, money_cols, side_keys))
    lines: list[Line] = []
    for r, row in enumerate(rows):
        for side, name_col, money_cols, side_keys in plans:
            name = row[name_col]
            if not name:
                continue
            values = {key: parse_amount(row[i], unit) for key, i in zip(side_keys, money_cols, strict=True)}
            lines.append(
                Line(
                    name=_ITEM_NUMBER.sub("", name),
                    values=values,
                    level=numbering_depth(name),  # made a level once every table is read (levels.py)
                    row=body_offset + r,
                    is_total=is_total_name(name),
                    side=side,
                    page=_page(body_offset + r, page, row_pages),
                )
            )
    return tuple(lines)
