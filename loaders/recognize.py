"""Blocks -> Disclosure: the table-recognition core every format shares.

A table is recognised by its title and header words, never by its position. Each grid
keeps its raw cells; a recognised one also gets parsed lines with exact amounts.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from budget.model import (
    AssetLine,
    Disclosure,
    Indicator,
    Line,
    Money,
    MoneyUnit,
    Organisation,
    PerformanceProject,
    ProcurementLine,
    Section,
    Source,
    Table,
    TableKind,
    ThreePublic,
    Unit,
)
from loaders.blocks import Block, Cell, Grid, LoadError, Paragraph

# ---------------------------------------------------------------- text normalisation

_SPACES = re.compile(r"[\s\u3000]+")
_NEEDS_CLEANING = re.compile(r'[\s"]')
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff（）()“”])\s+(?=[\u4e00-\u9fff（）()“”])")


def clean(text: str, close_gaps: bool = True) -> str:
    """Cell text as a reader means it: stray tabs and wrapping quotes dropped, blank
    lines removed, spaces inside Chinese words ("项  目") closed up when asked."""
    if not _NEEDS_CLEANING.search(text):
        return text
    text = text.replace("\t", " ").replace("\u3000", " ")
    lines = [(_CJK_GAP.sub("", line) if close_gaps else line).strip() for line in text.split("\n")]
    text = "\n".join(line for line in lines if line)
    if text.count('"') % 2 == 0 and text.startswith('"') and text.endswith('"'):
        text = text[1:-1].strip()
    elif text.count('"') == 1 and (text.startswith('"') or text.endswith('"')):
        text = text.strip('"').strip()
    return text


@functools.lru_cache(maxsize=4096)
def squash(text: str) -> str:
    """For matching words: no spaces, no punctuation differences."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


# ---------------------------------------------------------------- amounts

_NUMBER = re.compile(r"^[-−]?\d+(\.\d+)?$")
_BLANKS = {"", "-", "—", "——", "--", "－", "/", "—— ", "－－"}


def parse_amount(text: str, unit: MoneyUnit) -> Money | None:
    """"1,065.08" -> Money(1065.08); blank or a dash -> None (not reported)."""
    value = parse_number(text)
    return None if value is None else Money(value, unit)


@functools.lru_cache(maxsize=4096)
def parse_number(text: str) -> Decimal | None:
    text = squash(text).replace(",", "").replace("，", "").replace("−", "-")
    if text in _BLANKS:
        return None
    negative = text.startswith("(") and text.endswith(")")
    if negative:
        text = text[1:-1]
    if not _NUMBER.match(text):
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return -value if negative else value


def is_number(text: str) -> bool:
    return parse_number(text) is not None


# ---------------------------------------------------------------- unit line

# "单位：万元", "单位:元", "（单位：人民币元）", "单位(万元)"
_MONEY_UNIT = re.compile(r"单位\s*(?:[:：]|[（(])\s*(?:人民币)?\s*(万元|元)")
_YEAR = re.compile(r"(?:预算年度\s*[:：]\s*|^|[^\d])((?:19|20)\d{2})\s*(?:年|$)")
_UNIT_CODE_NAME = re.compile(r"^(\d{3,9})\s*([^\d\s].*)$")
# The name runs to a space or to the next piece of the line ("编制单位：XX单位：元").
_PREPARER = re.compile(
    r"(?:编制单位|编制部门|预算单位|预算主管部门|主管部门|单位名称)\s*[:：]\s*"
    r"(\S+?)(?=\s|(?:金额)?单位\s*[:：（(]|[（(]单位|预算年度|截止时间|$)"
)


def money_unit_in(text: str) -> MoneyUnit | None:
    found = _MONEY_UNIT.search(unicodedata.normalize("NFKC", text).replace(" ", ""))
    if not found:
        return None
    return MoneyUnit.WAN_YUAN if found.group(1) == "万元" else MoneyUnit.YUAN


_UNIT_WORDS = ("预算年度", "编制单位", "编制部门", "截止时间")


def _is_unit_piece(text: str) -> bool:
    text = text.replace(" ", "")
    return bool(_MONEY_UNIT.search(text)) or any(word in text for word in _UNIT_WORDS)


def _is_unit_line(cells: list[str]) -> bool:
    """A unit line, in cells or one piece: at least half its pieces say unit, year,
    preparer or date; a header row with one label "价值（金额单位：万元）" is no unit line."""
    filled = [c for c in cells if c.strip()]
    marked = sum(1 for c in filled if _is_unit_piece(c))
    return marked > 0 and 2 * marked >= len(filled) and not any(
        is_number(c) for c in filled if not _UNIT_CODE_NAME.match(c)
    )


# ---------------------------------------------------------------- classification

_TITLE_RULES: tuple[tuple[TableKind, tuple[str, ...], tuple[str, ...]], ...] = (
    # kind, all of these words, none of these words (titles are squashed first)
    (TableKind.THREE_PUBLIC, ("三公",), ()),
    (TableKind.PERFORMANCE, ("绩效目标",), ()),
    (TableKind.PROCUREMENT, ("政府采购",), ()),
    (TableKind.ASSETS, ("资产",), ()),
    (TableKind.ORGANISATION, ("机构设置",), ()),
    (TableKind.FISCAL_SUMMARY, ("财政拨款收支",), ()),
    (TableKind.SUMMARY, ("收支",), ()),
    (TableKind.BASIC_ECONOMIC, ("基本支出",), ("项目",)),
    (TableKind.GOV_FUND, ("基金",), ()),
    (TableKind.STATE_CAPITAL, ("国有资本经营",), ()),
    (TableKind.GENERAL_PUBLIC, ("一般公共预算",), ()),
    (TableKind.INCOME, ("收入",), ()),
    (TableKind.EXPENDITURE, ("支出",), ()),
)


def classify_title(title: str) -> TableKind | None:
    words = squash(title)
    if not words:
        return None
    for kind, required, excluded in _TITLE_RULES:
        if all(w in words for w in required) and not any(w in words for w in excluded):
            return kind
    return None


def classify_header(labels: list[str]) -> TableKind | None:
    joined = "|".join(squash(label) for label in labels)
    if "一级指标" in joined or "绩效目标" in joined:
        return TableKind.PERFORMANCE
    if "单位性质" in joined or "经费保障形式" in joined:
        return TableKind.ORGANISATION
    if "采购" in joined and "数量" in joined:
        return TableKind.PROCUREMENT
    if "因公出国" in joined or "公务接待" in joined:
        return TableKind.THREE_PUBLIC
    if "人员经费" in joined and "公用经费" in joined and "经济分类" in joined:
        return TableKind.BASIC_ECONOMIC
    return None


# Header word -> canonical column key; the most specific word of a column label wins.
_COLUMN_WORDS: tuple[tuple[str, str], ...] = (
    ("上年结转", "carried_in"),
    ("人员经费", "personnel"),
    ("公用经费", "public"),
    ("基本支出", "basic"),
    ("项目支出", "project"),
    ("经营支出", "operating_expense"),
    ("上缴上级", "to_superior"),
    ("上解上级", "to_superior"),
    ("对附属单位", "to_subsidiary"),
    ("财政专户", "special_account"),
    ("财政拨款", "appropriation"),
    ("经营收入", "operating"),
    ("事业收入", "business"),
    ("上级补助", "superior_grant"),
    ("附属单位上缴", "subsidiary"),
    ("其他收入", "other"),
    ("一般公共预算", "general_public"),
    ("政府性基金", "gov_fund"),
    ("基金预算", "gov_fund"),
    ("国有资本经营", "state_capital"),
    ("小计", "current"),
    ("合计", "total"),
    ("预算数", "amount"),
    ("金额", "amount"),
)


def column_key(label: str, kind: TableKind) -> str | None:
    """The canonical key of a money column, from the label's last (most specific) part."""
    parts = [squash(p) for p in label.split("/") if p]
    for part in reversed(parts):
        for word, key in _COLUMN_WORDS:
            if word in part:
                if key == "appropriation" and kind != TableKind.INCOME:
                    continue  # "一般公共预算财政拨款" in other tables is the fund column
                if key == "current" and kind != TableKind.INCOME:
                    key = "total"
                return key
    return None


def _is_code_label(label: str) -> bool:
    last = squash(label.split("/")[-1])
    return "编码" in last or "代码" in last or last in {"类", "款", "项", "科目编码"}


def _is_name_label(label: str) -> bool:
    last = squash(label.split("/")[-1])
    return "名称" in last or last in {"项目", "科目"}


# ---------------------------------------------------------------- grids


@dataclass
class _Grid:
    """A grid on its way to a Table: cleaned text, header split from body."""

    rows: list[list[str]]
    spans: list[list[int]]
    title: str = ""
    unit_line: str | None = None
    money_unit: MoneyUnit | None = None
    note: str | None = None
    page: int | None = None
    pages: list[int] = field(default_factory=list)
    row_pages: list[int | None] = field(default_factory=list)  # the page of each row

    @property
    def width(self) -> int:
        return max(sum(s) for s in self.spans) if self.spans else 0


def _from_block(grid: Grid) -> _Grid:
    rows = [[clean(c.text) for c in row] for row in grid.rows]
    spans = [[max(c.span, 1) for c in row] for row in grid.rows]
    pages = list(grid.pages) or ([grid.page] if grid.page is not None else [])
    return _Grid(rows, spans, page=grid.page, pages=pages, row_pages=[grid.page] * len(rows))


def _expand(row: list[str], spans: list[int], width: int, below: list[str] | None) -> list[str]:
    """One header row spread over ``width`` columns.

    With known spans (docx, pdf, xlsx) each cell repeats over its span. A text extraction
    prints merged cells once with no span: cells then take the blank slots of the row
    below (vertical merges) and share out the runs of filled slots (horizontal merges).
    """
    if sum(spans) == width:
        out: list[str] = []
        for text, span in zip(row, spans):
            out += [text] * span
        return out
    if below is None or len(below) != width:
        return row + [""] * (width - len(row))
    slots: list[tuple[int, int]] = []  # (start, length): blank slots are length-1 runs
    i = 0
    while i < width:
        if not below[i]:
            slots.append((i, 1))
            i += 1
        else:
            j = i
            while j < width and below[j]:
                j += 1
            slots.append((i, j - i))
            i = j
    # Split the longest runs until there is one slot per printed cell.
    while len(slots) < len(row):
        k = max(range(len(slots)), key=lambda n: slots[n][1])
        start, length = slots[k]
        if length < 2:
            break
        # A cut lies on a cell edge of the row below (a merged cell spans whole cells):
        # where a label repeats ("项目 金额 | 项目 合计 …") a new group starts; else where
        # the code and name columns end ("项目" over them, "支出预算" over the amounts).
        edges = [j for j in range(start + 1, start + length) if below[j] != below[j - 1]]
        labelled = [j for j in edges if _is_descriptive(below[j - 1]) and not _is_descriptive(below[j])]
        repeated = [j for j in edges if below[j] == below[start]]
        middle = start + length / 2
        cut = (repeated or labelled or sorted(edges, key=lambda j: (abs(j - middle), j)) or [start + length // 2])[0]
        slots[k : k + 1] = [(start, cut - start), (cut, start + length - cut)]
    out = [""] * width
    for text, (start, length) in zip(row, slots):
        for col in range(start, start + length):
            out[col] = text
    return out


def _is_descriptive(label: str) -> bool:
    return _is_code_label(label) or _is_name_label(label)


def _is_column_number_row(cells: list[str]) -> bool:
    filled = [c for c in cells if c]
    return bool(filled) and (
        squash(filled[0]) == "栏次"
        or (len(filled) >= 3 and all(re.fullmatch(r"\d{1,2}", c) for c in filled) and filled[0] == "1")
    )


def _looks_like_data(cells: list[str]) -> bool:
    if any(_is_code(c) for c in cells):
        return True
    return any(is_number(c) for c in cells[1:]) and not _is_column_number_row(cells)


_CODE = re.compile(r"^\d{3}(\d{2}){0,2}$")


def _is_code(text: str) -> bool:
    return bool(_CODE.match(squash(text)))


_HEADER_ROWS_MAX = 8


def _split_header(g: _Grid) -> tuple[list[list[str]], list[list[int]], list[list[str]]]:
    """(header rows, their spans, body rows): the body starts after a 栏次 row, or at the
    first row that carries codes or amounts."""
    top = g.rows[:_HEADER_ROWS_MAX]  # headers sit at the top; don't scan long bodies
    for i, cells in enumerate(top):
        if _is_column_number_row(cells):
            return g.rows[:i], g.spans[:i], g.rows[i + 1 :]
    for i, cells in enumerate(top):
        if i > 0 and _looks_like_data(cells):
            return g.rows[:i], g.spans[:i], g.rows[i:]
    # A table printed empty (空表) has no data row: its header is every row above the
    # first blank (or blank 合计) row, when only such rows follow.
    for i, cells in enumerate(top):
        if i > 0 and _is_blank_row(cells):
            if all(_is_blank_row(r) for r in g.rows[i:]):
                return g.rows[:i], g.spans[:i], g.rows[i:]
            break
    return g.rows[:1], g.spans[:1], g.rows[1:]


def _is_blank_row(cells: list[str]) -> bool:
    filled = [c for c in cells if squash(c) not in _BLANKS]  # "—" prints a blank amount
    return not filled or (len(filled) == 1 and _is_total_name(filled[0]))


def _labels(header: list[list[str]], spans: list[list[int]], width: int) -> list[str]:
    expanded: list[list[str]] = []
    below: list[str] | None = None
    for row, span in reversed(list(zip(header, spans))):
        wide = _expand(row, span, width, below)
        expanded.insert(0, wide)
        below = wide
    labels = []
    for col in range(width):
        parts: list[str] = []
        for wide in expanded:
            text = squash(wide[col]) if col < len(wide) else ""
            if text and text not in parts and text != "栏次":
                parts.append(text)
        labels.append("/".join(parts))
    return labels


def _pad(row: list[str], width: int, spans: list[int] | None = None) -> list[str]:
    if spans and sum(spans) == width and len(row) != width:
        out: list[str] = []
        for text, span in zip(row, spans):
            out += [text] + [""] * (span - 1)
        return out
    if len(row) < width and _is_merged_label_row(row):
        # Spans unknown (text form): a label printed once over the leading columns
        # ("合计" over 类/款/项) leaves the amounts in the rightmost columns.
        return row[:1] + [""] * (width - len(row)) + row[1:]
    return row + [""] * (width - len(row))


def _is_merged_label_row(row: list[str]) -> bool:
    return (
        bool(row) and bool(row[0]) and not is_number(row[0]) and not _is_code(row[0])
        and any(is_number(c) for c in row[1:]) and all(is_number(c) or not c for c in row[1:])
    )


# ---------------------------------------------------------------- document assembly

_HEADING_1 = re.compile(r"^(?:[一二三四五六七八九十]+|\d{1,2})\s*[、.．]\s*\S")
_HEADING_2 = re.compile(r"^[（(][一二三四五六七八九十]+[）)]\s*\S")
_NOTE = re.compile(r"^(注|说明)\s*[:：]")


_TABLE_NUMBER = re.compile(r"^(?:附)?表[一二三四五六七八九十\d]+(?:[-－—.．]\d+)?$")


def _is_title(text: str) -> bool:
    """A table title: short, names a table, and is not a sentence."""
    words = squash(text)
    return 0 < len(words) <= 60 and not words.endswith(("。", "；")) and (
        "表" in words or "预算" in words or "情况" in words or "目标" in words
    )


def _heading_level(text: str) -> int | None:
    words = squash(text)
    if len(words) > 50 or words.endswith(("。", "；", "，")):
        return None
    if re.match(r"^[一二三四五六七八九十]+[、.．]", words):
        return 1
    if _HEADING_2.match(words) or re.match(r"^\d{1,2}[、]", words):
        return 2
    return None


def _is_contents_entry(words: str) -> bool:
    """A line of a table of contents: numbered, or with dot leaders or a page number."""
    return bool(
        re.match(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、.．])", words)
        or re.search(r"(?:…|\.{3,}|·{3,})", words)
        or re.search(r"\D\d{1,3}$", words)
    )


def _is_hinted_heading(words: str) -> bool:
    return 0 < len(words) <= 40 and not re.search(r"[:：。；，,]", words)


# The standard parts of a disclosure (domain: 职责/主要职能, 机构设置, 编制说明, 名词解释,
# 其他需要说明的事项, the cover "…2024年单位预算"): a short line naming one is a heading
# even where no styling survives (a text extraction, a workbook).
_PART_HEADING = re.compile(r"(?:主要职能|单位职责|部门职责|机构设置|编制说明|名词解释|需要说明的事项|(?:单位|部门)预算)$")
_FIRST_ITEM = re.compile(r"^一\s*[、.．]")


def _is_unstyled_heading(words: str, following: str | None) -> bool:
    """A short line naming a standard part, or one right above a list of headings that
    starts again at "一、" ("其他相关情况说明" over "一、…", "二、…")."""
    if not _is_hinted_heading(words):
        return False
    return bool(_PART_HEADING.search(words)) or (following is not None and bool(_FIRST_ITEM.match(following)) and _heading_level(following) == 1)


@dataclass
class _Context:
    source: Source
    unit_lines: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def build(blocks: list[Block], source: Source) -> Disclosure:
    """Recognise a document's blocks; LoadError when it is not a budget disclosure."""
    grids, sections, context = _assemble(blocks, source)
    if not grids:
        raise LoadError(
            "文件中没有找到任何表格，看起来不是预算公开文件（应包含收支总表等标准表格）。",
            "no tables found: not a budget disclosure",
        )
    money_unit = _document_money_unit(grids)
    tables: list[Table] = []
    performance: list[PerformanceProject] = []
    for g in grids:
        table, project = _recognise(g, money_unit, len(tables))
        tables.append(table)
        if project is not None:
            performance.append(project)
    kinds = {t.kind for t in tables}
    if not kinds & {TableKind.SUMMARY, TableKind.INCOME, TableKind.EXPENDITURE, TableKind.GENERAL_PUBLIC, TableKind.BASIC_ECONOMIC}:
        raise LoadError(
            "文件中没有找到预算收支表格（收支总表、收入总表、支出总表等），看起来不是预算公开文件。",
            "no standard budget table found",
        )
    unit = _unit(context, tables, sections, money_unit)
    context.notes += _code_notes(tables)
    expenditure = _first(tables, TableKind.EXPENDITURE) or _first(tables, TableKind.GENERAL_PUBLIC)
    economic = _first(tables, TableKind.BASIC_ECONOMIC)
    return Disclosure(
        source=source,
        unit=unit,
        tables=tuple(tables),
        sections=tuple(sections),
        functional=expenditure.coded_lines() if expenditure else (),
        economic=economic.coded_lines() if economic else (),
        three_public=_three_public(_first(tables, TableKind.THREE_PUBLIC)),
        performance=tuple(performance),
        procurement=_procurement(_first(tables, TableKind.PROCUREMENT), money_unit),
        assets=_assets(_first(tables, TableKind.ASSETS), money_unit),
        organisations=_organisations(_first(tables, TableKind.ORGANISATION)),
        notes=tuple(context.notes),
    )


def _code_notes(tables: list[Table]) -> list[str]:
    """Split codes read otherwise than printed ("7 11 02" under "210 11", "301 2"): the
    reader should see both, since the printed document is what gets published."""
    notes = []
    for table in tables:
        code_cols = [i for i, label in enumerate(table.columns) if _is_code_label(label)]
        if len(code_cols) < 2:
            continue
        printed_rows = list(table.header) + list(table.rows)
        for line in table.lines:
            if not line.code or not 0 <= line.row < len(printed_rows):
                continue
            cells = [squash(printed_rows[line.row][i]) if i < len(printed_rows[line.row]) else "" for i in code_cols]
            parts = [c for c in cells if c]
            # Only codes printed whole from the first part on; blank leading parts are
            # inherited from the row above by design.
            if all(cells[: len(parts)]) and "".join(parts) != line.code:
                where = f"第{line.page}页 " if line.page else ""
                notes.append(f"{where}{table.title or table.label}：科目编码印为“{' '.join(parts)}”，按上下级科目读作 {line.code}（{line.name}）。")
    return notes


def _first(tables: list[Table], kind: TableKind) -> Table | None:
    return next((t for t in tables if t.kind == kind), None)


def _assemble(blocks: list[Block], source: Source) -> tuple[list[_Grid], list[Section], _Context]:
    """Walk the blocks once: attach titles and notes to grids, join continued grids,
    and collect the narrative into sections."""
    context = _Context(source)
    grids: list[_Grid] = []
    sections: list[Section] = []
    heading, level, page, body = "", 1, None, []  # the open section
    pending: list[Paragraph] = []  # paragraphs since the last grid, not yet placed
    in_contents = [False]  # inside a table of contents

    def close_section() -> None:
        nonlocal body
        if heading or body:
            sections.append(Section(heading, "\n".join(body), level, page))
        body = []

    def flush(keep_title: bool) -> str:
        """Place pending paragraphs into the narrative; return the table title if the
        last ones name the grid that follows."""
        nonlocal heading, level, page
        title_parts: list[str] = []
        if keep_title and pending and _is_title(pending[-1].text):
            title_parts.append(pending.pop().text)
            # A two-line title ("2024年" / "部门收支总表") when the last line alone names nothing.
            if pending and not classify_title(title_parts[0]) and _is_title(pending[-1].text) and _heading_level(pending[-1].text) is None:
                title_parts.insert(0, pending.pop().text)
            if pending and _TABLE_NUMBER.match(squash(pending[-1].text)):
                pending.pop()  # "表1" / "附表3" above the title numbers the table, says nothing
        for n, p in enumerate(pending):
            words = squash(p.text)
            if words in ("目录", "目次"):
                close_section()
                heading, level, page = p.text, 1, p.page
                in_contents[0] = True
                continue
            if in_contents[0]:
                if _is_contents_entry(words):
                    body.append(p.text)  # listed, not opened: the real heading comes later
                    continue
                in_contents[0] = False
            lvl = _heading_level(p.text)
            following = pending[n + 1].text if n + 1 < len(pending) else None
            if lvl is None and (p.heading and _is_hinted_heading(words) or _is_unstyled_heading(words, following)):
                lvl = 1  # unnumbered, but set as a heading ("名词解释", "2024年单位预算编制说明")
            if lvl is not None:
                close_section()
                heading, level, page = p.text, lvl, p.page
            else:
                body.append(p.text)
        pending.clear()
        return " ".join(title_parts)

    for block in blocks:
        if isinstance(block, Paragraph):
            text = clean(block.text, close_gaps=False).replace("\n", " ")
            if not text:
                continue
            para = Paragraph(text, block.page, block.heading)
            if grids and not pending and _NOTE.match(text) and grids[-1].note is None:
                grids[-1].note = text  # "注：…" printed under a table belongs to it
                continue
            if _is_unit_paragraph(text):
                title, text = _title_before_unit(text)
                if title:  # "2024年部门收支总表    单位：元" on one line
                    pending.append(Paragraph(title, block.page, block.heading))
                    para = Paragraph(text, block.page, block.heading)
                context.unit_lines.append(text)
                pending.append(para)
                continue
            pending.append(para)
            continue
        for g in _split_at_title_rows(_from_block(block)):
            if not g.rows:
                continue
            title_row = _take_title_row(g)
            same_title = title_row is None or (bool(grids) and squash(title_row) == squash(grids[-1].title))
            if grids and same_title and _continues(grids[-1], g, pending):
                _join(grids[-1], g)
                pending.clear()
                continue
            unit_paragraphs = [p.text for p in pending if p.text in context.unit_lines]
            pending[:] = [p for p in pending if p.text not in context.unit_lines]
            if title_row is not None:
                flush(keep_title=False)  # the table prints its own title: what is above is text
                g.title = title_row
            else:
                g.title = flush(keep_title=True)
            if unit_paragraphs:
                g.unit_line = " ".join(unit_paragraphs)
                g.money_unit = money_unit_in(g.unit_line)
            _take_unit_row(g)
            if g.title:
                context.titles.append(g.title)
            grids.append(g)
    flush(keep_title=False)
    close_section()
    return grids, sections, context


def _split_at_title_rows(g: _Grid) -> list[_Grid]:
    """Tables printed one after another with nothing between them run together (Word
    joins adjacent tables; a text extraction cannot tell them apart): a row that is a
    single cell naming a table starts the next one."""
    cuts = [i for i in range(1, len(g.rows) - 1) if len(g.rows[i]) == 1 and _names_a_table(g.rows[i][0])]
    if not cuts:
        return [g]
    parts = []
    for a, b in zip([0, *cuts], [*cuts, len(g.rows)]):
        pages = g.row_pages[a:b]
        page = pages[0] if pages else g.page
        on = sorted({p for p in pages if p is not None}) or list(g.pages)
        parts.append(_Grid(g.rows[a:b], g.spans[a:b], page=page, pages=on, row_pages=pages))
    return parts


_DISTINCT_TABLES = (TableKind.ORGANISATION, TableKind.PROCUREMENT, TableKind.ASSETS, TableKind.THREE_PUBLIC, TableKind.PERFORMANCE)


def _names_a_table(text: str) -> bool:
    """A table's title standing alone in a cell: it ends with 表 ("…收支总表", "…（续）"),
    or it starts like a title ("2024年", "单位", "部门") and names a table no cell text
    would ("单位机构设置情况", "单位政府采购预算"); "…费用支出情况" in a cell is not one."""
    text = text.replace("\n", "")
    words = squash(text)
    if not _is_title(text) or _is_unit_line([text]):
        return False
    if re.search(r"表(?:[（(]续[）)])?$|续表$", words):
        return True
    return classify_title(text) in _DISTINCT_TABLES and bool(re.match(r"(?:(?:19|20)\d{2}年度?)?(?:预算)?(?:单位|部门)", words))


def _take_title_row(g: _Grid) -> str | None:
    """A title printed as the table's first row, one cell across the table (a table
    pasted from a workbook): "2024年部门收支总表" above the unit line and the header."""
    if len(g.rows) < 2:
        return None
    filled = [c for c in g.rows[0] if c]
    if len(filled) != 1:
        return None
    text = filled[0].replace("\n", "")
    if not _names_a_table(text):
        return None
    del g.rows[0], g.spans[0]
    if g.row_pages:
        del g.row_pages[0]
    return text


_UNIT_MARK = re.compile(r"(?:编制单位|编制部门|预算年度|截止时间|金额单位|单位)\s*[:：]")


def _title_before_unit(text: str) -> tuple[str | None, str]:
    """(title, unit line) of a line that prints both; (None, text) otherwise."""
    mark = _UNIT_MARK.search(text)
    title = text[: mark.start()].strip() if mark else ""
    if title and _names_a_table(title):
        return title, text[mark.start() :].strip()
    return None, text


def _is_unit_paragraph(text: str) -> bool:
    """A unit line set as a paragraph between title and table ("编制单位：… 单位：元",
    "216001名称 截止时间：2022-12-31"): short, no sentence punctuation."""
    words = squash(text)
    return len(words) < 80 and not re.search(r"[，。；]", words) and _is_unit_line([text])


def _take_unit_row(g: _Grid) -> None:
    """The unit line inside the table ("216001单位名称 | 预算年度：2023 | 单位：万元")."""
    for i, cells in enumerate(g.rows[:2]):
        if _is_unit_line(cells):
            line = " ".join(c for c in cells if c)
            g.unit_line = f"{g.unit_line} {line}".strip() if g.unit_line else line
            del g.rows[i], g.spans[i]
            if i < len(g.row_pages):
                del g.row_pages[i]
            break
    if g.unit_line:
        g.money_unit = money_unit_in(g.unit_line) or g.money_unit
    if g.money_unit is None:
        for cells in g.rows[:3]:
            unit = money_unit_in(" ".join(cells))
            if unit:
                g.money_unit = unit
                break


def _continues(previous: _Grid, g: _Grid, pending: list[Paragraph]) -> bool:
    """A grid continues the previous one when nothing but page furniture or a repeated
    title sits between them and the column count agrees."""
    if _is_goals_only(previous) and not pending and _has_indicator_header(g):
        return True  # a project's goals table followed by its indicator table
    if not previous.rows and not pending:
        return True  # only the unit line fitted above a page break: the table follows
    between = [squash(p.text) for p in pending]
    allowed = {squash(previous.title), ""}
    for text in between:
        if text in allowed or "续" in text or re.fullmatch(r"[-—第]*\d+[-—页]*", text):
            continue
        return False
    if previous.width != g.width or previous.width < 3:
        return False
    first = g.rows[0]
    if _fills_the_form_again(previous.rows[0], first):
        return False
    head = previous.rows[: len(previous.rows)]
    repeated = any(first == row for row in head[:4])
    return repeated or not pending or bool(between)


def _fills_the_form_again(previous_first: list[str], first: list[str]) -> bool:
    """One form per project under one title ("项目支出绩效目标表"): a grid that opens with
    the same name label for another name ("项目名称 | 海防工作经费") is the next form."""
    if not first or not previous_first or first == previous_first:
        return False
    label = squash(first[0])
    return "名称" in label and label == squash(previous_first[0])


def _is_goals_only(g: _Grid) -> bool:
    return bool(g.rows) and "绩效目标" in squash(g.rows[0][0]) and not _has_indicator_header(g)


def _join(previous: _Grid, g: _Grid) -> None:
    if _is_goals_only(previous):
        previous.rows += g.rows
        previous.spans += g.spans
        previous.row_pages += g.row_pages
        return
    header_rows = previous.rows[:4]
    for cells, spans, page in zip(g.rows, g.spans, g.row_pages):
        if cells in header_rows or _is_column_number_row(cells) or _is_unit_line(cells):
            continue
        previous.rows.append(cells)
        previous.spans.append(spans)
        previous.row_pages.append(page)
    for p in g.pages:
        if p not in previous.pages:
            previous.pages.append(p)


def _document_money_unit(grids: list[_Grid]) -> MoneyUnit:
    units = Counter(g.money_unit for g in grids if g.money_unit is not None)
    return units.most_common(1)[0][0] if units else MoneyUnit.WAN_YUAN


# ---------------------------------------------------------------- one table


def _drop_repeated_header(g: _Grid) -> None:
    """A table printed over pages repeats its header rows (and 栏次 row) where a page
    starts; inside one grid (a text extraction, Word tables run together) they are not
    body rows."""
    first_data = next((i for i, row in enumerate(g.rows[:_HEADER_ROWS_MAX]) if _looks_like_data(row)), None)
    if first_data is None:
        return
    head = [row for row in g.rows[:first_data] if any(row)]  # with its 栏次 row, if any
    keep = [i for i, row in enumerate(g.rows) if i <= first_data or row not in head]
    if len(keep) < len(g.rows):
        if len(g.row_pages) == len(g.rows):
            g.row_pages = [g.row_pages[i] for i in keep]
        g.rows = [g.rows[i] for i in keep]
        g.spans = [g.spans[i] for i in keep]


def _recognise(g: _Grid, doc_unit: MoneyUnit, index: int) -> tuple[Table, PerformanceProject | None]:
    _drop_repeated_header(g)
    header, spans, body = _split_header(g)
    width = g.width
    labels = _labels(header, spans, width)
    kind = classify_title(g.title) or classify_header(labels + [c for r in g.rows[:2] for c in r]) or TableKind.UNKNOWN
    if kind in _CLASSIFIED and not any(_looks_like_data(r) or _is_column_number_row(r) for r in g.rows):
        # Printed empty (空表) with no 栏次 row and no blank row to end the header (a
        # workbook drops blank rows): every row above a blank or 合计 row is header.
        n = next((i for i, r in enumerate(g.rows) if i > 0 and _is_blank_row(r)), len(g.rows))
        header, spans, body = g.rows[:n], g.spans[:n], g.rows[n:]
        labels = _labels(header, spans, width)
    if kind == TableKind.PERFORMANCE and not classify_title(g.title) and not _has_indicator_header(g):
        kind = TableKind.UNKNOWN
    unit = g.money_unit or doc_unit
    body_spans = g.spans[len(g.spans) - len(body) :]
    padded = [_pad(r, width, s) for r, s in zip(body, body_spans)]
    empty = not any(any(c for c in row) for row in padded) or all(
        _is_total_name(" ".join(row)) and not any(is_number(c) for c in row) for row in padded if any(row)
    )
    if kind in _CLASSIFIED and not any(is_number(c) for row in padded for c in row):
        empty = True  # header rows and a blank 合计 only: the header split found no body
    keys: list[str | None] = [column_key(label, kind) if not (_is_code_label(label) or _is_name_label(label)) else None for label in labels]
    project = None
    lines: tuple[Line, ...] = ()
    if kind in (TableKind.INCOME, TableKind.EXPENDITURE, TableKind.GENERAL_PUBLIC, TableKind.GOV_FUND, TableKind.STATE_CAPITAL, TableKind.BASIC_ECONOMIC):
        lines = _classified_lines(padded, labels, keys, unit, body_offset=len(header), page=g.page)
    elif kind in (TableKind.SUMMARY, TableKind.FISCAL_SUMMARY):
        lines = _two_sided_lines(padded, labels, keys, unit, body_offset=len(header), page=g.page)
    elif kind == TableKind.THREE_PUBLIC:
        lines = _three_public_lines(padded, labels, keys, unit, len(header), g.page)
    elif kind == TableKind.PERFORMANCE:
        project = _performance(g, unit, index)
    if len(g.row_pages) == len(g.rows):  # a table continued over pages: each row its own page
        lines = tuple(replace(l, page=g.row_pages[l.row]) if 0 <= l.row < len(g.rows) else l for l in lines)
    table = Table(
        kind=kind,
        title=g.title,
        header=tuple(tuple(r) for r in header),
        rows=tuple(tuple(r) for r in body),
        columns=tuple(labels),
        column_keys=tuple(keys),
        lines=lines,
        empty=empty,
        note=g.note,
        money_unit=unit,
        unit_line=g.unit_line,
        page=g.page,
        pages=tuple(g.pages),
    )
    return table, project


def _is_total_name(text: str) -> bool:
    words = squash(text)
    return "合计" in words or "总计" in words


def _classified_lines(rows, labels, keys, unit, body_offset, page) -> tuple[Line, ...]:
    code_cols = [i for i, label in enumerate(labels) if _is_code_label(label)]
    name_cols = [i for i, label in enumerate(labels) if _is_name_label(label) and i not in code_cols]
    money_cols = [i for i, key in enumerate(keys) if key]
    lines: list[Line] = []
    parts_above: list[str] = []
    for r, row in enumerate(rows):
        if not any(row):
            continue
        code, parts_above = _code_of(row, code_cols, parts_above)
        name = " ".join(row[i] for i in name_cols if row[i]) if name_cols else ""
        if not code and not name:
            # Codes and names in one cell ("2013602 一般行政管理事务") or no header words.
            # (a dash prints a blank amount, not a name)
            first = next((c for c in row if c and squash(c) not in _BLANKS and not re.fullmatch(r"\d{1,3}", c) or _is_code(c)), "")
            m = re.match(r"^(\d{3}(?:\d{2}){0,2})\s*(.*)$", first)
            code, name = (m.group(1), m.group(2)) if m else (None, first)
        values = {keys[i]: parse_amount(row[i], unit) for i in money_cols}
        total_row = not code and _is_total_name(name or " ".join(row))
        if not code and not total_row and not any(v is not None for v in values.values()) and not name:
            continue
        lines.append(
            Line(
                name=name or ("合计" if total_row else ""),
                values=values,
                code=code,
                level={3: 1, 5: 2, 7: 3}.get(len(code)) if code else None,
                row=body_offset + r,
                is_total=total_row,
                page=page,
            )
        )
    return tuple(lines)


_CLASSIFIED = (
    TableKind.INCOME, TableKind.EXPENDITURE, TableKind.GENERAL_PUBLIC, TableKind.GOV_FUND,
    TableKind.STATE_CAPITAL, TableKind.BASIC_ECONOMIC,
)


def _code_of(row: list[str], code_cols: list[int], above: list[str]) -> tuple[str | None, list[str]]:
    """The code of a row, whole ("2013602") or split into 类/款/项 columns ("208 05 02");
    a split code with blank leading parts takes them from the row above."""
    if not code_cols:
        return None, above
    parts = [squash(row[i]) for i in code_cols]
    if len(code_cols) == 1:
        code = parts[0]
        return (code if _is_code(code) else None), above
    if not any(parts):
        return None, above
    # 款/项 typed as numbers lose their leading zero in the source workbook ("301 2").
    parts = [p.zfill(2) if k > 0 and len(p) == 1 and p.isdigit() else p for k, p in enumerate(parts)]
    # A 类 cell that is not a 3-digit code under a known 款 ("7 11 02" after "210 11")
    # is a misprint; the rows above name the 类.
    if len(above) >= 2 and parts[0] and len(parts[0]) != 3 and parts[1] == above[1]:
        parts[0] = above[0]
    filled = [p if p else (above[k] if k < len(above) and not any(parts[:k + 1]) else "") for k, p in enumerate(parts)]
    depth = max(k for k, p in enumerate(parts) if p) + 1
    code = "".join(filled[:depth])
    if not _is_code(code):
        return None, above
    return code, filled[:depth]


def _two_sided_lines(rows, labels, keys, unit, body_offset, page) -> tuple[Line, ...]:
    """收支总表 and 财政拨款收支总表 print income items on the left, expenditure on the
    right: each side is a name column followed by its amount columns."""
    name_cols = [i for i, label in enumerate(labels) if _is_name_label(label)]
    if not name_cols:
        name_cols = [i for i, k in enumerate(keys) if k is None and i > 0][:2]
    sides: list[tuple[str, int, list[int]]] = []
    for n, col in enumerate(name_cols):
        end = name_cols[n + 1] if n + 1 < len(name_cols) else len(labels)
        side = "income" if n == 0 else "expenditure"
        if "支出" in labels[col] and n == 0 and len(name_cols) == 1:
            side = "expenditure"
        sides.append((side, col, [i for i in range(col + 1, end) if keys[i]]))
    lines: list[Line] = []
    for r, row in enumerate(rows):
        for side, name_col, money_cols in sides:
            name = row[name_col]
            if not name:
                continue
            values = {keys[i]: parse_amount(row[i], unit) for i in money_cols}
            if "total" not in values and len(money_cols) == 1:
                values = {"total": values[keys[money_cols[0]]]}
            lines.append(
                Line(
                    name=re.sub(r"^[一二三四五六七八九十]+[、.．]\s*|^\d+[、.．]\s*", "", name),
                    values=values,
                    row=body_offset + r,
                    is_total=_is_total_name(name),
                    side=side,
                    page=page,
                )
            )
    return tuple(lines)


# ---------------------------------------------------------------- 三公

_THREE_PUBLIC_WORDS: tuple[tuple[str, str], ...] = (
    ("机关运行经费", "running_costs"),
    ("购置及运", "vehicles"),
    ("购置和运", "vehicles"),
    ("购置费", "vehicle_purchase"),
    ("运行", "vehicle_operation"),
    ("因公出国", "overseas"),
    ("公务接待", "reception"),
    ("合计", "total"),
    ("小计", "vehicles"),
)


def _three_public_key(text: str) -> str | None:
    words = squash(text)
    if words.startswith("其中") and "购置费" not in words:
        return None  # "其中：教学科研人员因公出国（境）费" is a part of an item
    if words.startswith("其他因公出国"):
        return None
    for word, key in _THREE_PUBLIC_WORDS:
        if word in words:
            return key
    return None


def _three_public_lines(rows, labels, keys, unit, body_offset, page) -> tuple[Line, ...]:
    """Either one row per item (Hebei) or one row with an item per column (Shanghai)."""
    lines: list[Line] = []
    money_cols = [i for i, k in enumerate(keys) if k]
    for r, row in enumerate(rows):
        name_cell = next((c for c in row if c and not is_number(c) and not re.fullmatch(r"[一二三四五六七八九十]+", c)), "")
        item = _three_public_key(name_cell) if name_cell else None
        if item:
            values = {keys[i]: parse_amount(row[i], unit) for i in money_cols}
            lines.append(Line(name=name_cell, values=values, code=item, row=body_offset + r, is_total=item == "total", page=page))
    if lines:
        return tuple(lines)
    # Column-wise: the labels name the items; the first row with amounts holds them.
    for r, row in enumerate(rows):
        amounts = {i: parse_amount(row[i], unit) for i in range(len(row))}
        if not any(v is not None for v in amounts.values()):
            continue
        for i, label in enumerate(labels):
            item = _three_public_key(label.split("/")[-1]) or _three_public_key(label)
            if item and i < len(row):
                lines.append(Line(name=label, values={"total": amounts[i]}, code=item, row=body_offset + r, is_total=item == "total", page=page))
        break
    return tuple(lines)


def _three_public(table: Table | None) -> ThreePublic | None:
    if table is None or table.empty:
        return None
    found: dict[str, Money | None] = {}
    for line in table.lines:
        if line.code and line.code not in found:
            found[line.code] = line.values.get("total", next(iter(line.values.values()), None))
    items = [found.get(k) for k in ("overseas", "vehicles", "reception")]
    total = found.get("total")
    printed = "total" in found
    if not printed:
        present = [a for a in items if a is not None]
        total = sum(present[1:], present[0]) if present else None
    vehicles = found.get("vehicles")
    if vehicles is None and ("vehicle_purchase" in found or "vehicle_operation" in found):
        parts = [a for a in (found.get("vehicle_purchase"), found.get("vehicle_operation")) if a is not None]
        vehicles = sum(parts[1:], parts[0]) if parts else None
    return ThreePublic(
        total=total,
        overseas=found.get("overseas"),
        vehicles=vehicles,
        vehicle_purchase=found.get("vehicle_purchase"),
        vehicle_operation=found.get("vehicle_operation"),
        reception=found.get("reception"),
        running_costs=found.get("running_costs"),
        total_printed=printed,
    )


# ---------------------------------------------------------------- performance

_PROJECT_TITLE = re.compile(r"^\s*(?:\d{1,3}|[一二三四五六七八九十]+)?\s*[、.．]?\s*(.*?)(?:项目)?(?:绩效目标表|绩效目标申报表|绩效目标)\s*$")
_INDICATOR_HEADERS = ("一级指标", "二级指标", "三级指标")


def _has_indicator_header(g: _Grid) -> bool:
    return any(all(any(h in squash(c) for c in row) for h in _INDICATOR_HEADERS[:2]) for row in g.rows)


def _performance(g: _Grid, unit: MoneyUnit, index: int) -> PerformanceProject | None:
    name = ""
    m = _PROJECT_TITLE.match(g.title)
    if m:
        name = m.group(1).strip()
    goals: list[str] = []
    amount: Money | None = None
    header_at = None
    for i, row in enumerate(g.rows):
        words = [squash(c) for c in row]
        if any(w.startswith("一级指标") for w in words):
            header_at = i
            break
        label = words[0] if words else ""
        rest = [c for c in row[1:] if c]
        if "项目名称" in label and rest:
            name = rest[0]
        elif ("绩效目标" in label or "年度目标" in label) and rest:
            goals += [line for line in rest[-1].split("\n") if line.strip()]
        elif ("资金" in label or "金额" in label) and rest:
            amount = parse_amount(rest[0], unit) or amount
    indicators: list[Indicator] = []
    if header_at is not None:
        header = [squash(c) for c in g.rows[header_at]]
        col = {key: next((i for i, h in enumerate(header) if word in h), None) for key, word in (
            ("level1", "一级"), ("level2", "二级"), ("level3", "三级"), ("description", "描述"),
            ("target", "指标值"), ("basis", "依据"))}
        if col["target"] == col["basis"]:
            col["target"] = next((i for i, h in enumerate(header) if h == "指标值"), col["target"])
        carried = {"level1": None, "level2": None}
        for r in range(header_at + 1, len(g.rows)):
            row = g.rows[r]
            if not any(row):
                continue

            def cell(key: str) -> str | None:
                i = col[key]
                return (row[i] or None) if i is not None and i < len(row) else None

            level1, level2 = cell("level1"), cell("level2")
            if level1:
                carried["level1"], carried["level2"] = level1, None
            if level2:
                carried["level2"] = level2
            indicators.append(
                Indicator(
                    level1=carried["level1"],
                    level2=carried["level2"],
                    level3=cell("level3"),
                    description=cell("description"),
                    target=cell("target"),
                    basis=cell("basis"),
                    row=r,
                )
            )
    if not name and not indicators and not goals:
        return None
    return PerformanceProject(name=name or g.title, goals=tuple(goals), indicators=tuple(indicators), amount=amount, table=index, page=g.page)


# ---------------------------------------------------------------- other tables


def _column(table: Table, *words: str) -> int | None:
    for i, label in enumerate(table.columns):
        if all(w in label for w in words):
            return i
    return None


def _procurement(table: Table | None, doc_unit: MoneyUnit) -> tuple[ProcurementLine, ...]:
    if table is None:
        return ()
    unit = table.money_unit or doc_unit
    cols = {
        "project": _column(table, "项目名称") if _column(table, "项目名称") is not None else _column(table, "项目"),
        "project_amount": _column(table, "预算资金"),
        "item": _column(table, "物品") if _column(table, "物品") is not None else _column(table, "品目"),
        "code": _column(table, "目录"),
        "measure": _column(table, "计量"),
        "quantity": _column(table, "数量"),
        "price": _column(table, "单价"),
        "amount": _column(table, "合计") if _column(table, "合计") is not None else _column(table, "金额"),
        "sme": _column(table, "中小"),
    }

    def get(row: tuple[str, ...], key: str) -> str:
        i = cols[key]
        return row[i] if i is not None and i < len(row) else ""

    lines = []
    project = None
    project_amount = None
    for r, row in enumerate(table.rows):
        if not any(row):
            continue
        if get(row, "project"):
            project = get(row, "project")
            project_amount = parse_amount(get(row, "project_amount"), unit)
        is_total = _is_total_name(" ".join(row[:2])) or squash(project or "").endswith("小计")
        lines.append(
            ProcurementLine(
                project=project,
                item=get(row, "item"),
                catalogue_code=get(row, "code") or None,
                measure=get(row, "measure") or None,
                quantity=parse_number(get(row, "quantity")),
                unit_price=parse_amount(get(row, "price"), unit),
                amount=parse_amount(get(row, "amount"), unit),
                project_amount=project_amount,
                sme_reserve=parse_amount(get(row, "sme"), unit),
                is_total=is_total,
                row=len(table.header) + r,
            )
        )
    return tuple(lines)


def _assets(table: Table | None, doc_unit: MoneyUnit) -> tuple[AssetLine, ...]:
    if table is None:
        return ()
    unit = money_unit_in("单位：" + "".join(table.columns).split("单位")[-1].lstrip(":：")) if "单位" in "".join(table.columns) else None
    unit = unit or table.money_unit or doc_unit
    value_col = _column(table, "价值") if _column(table, "价值") is not None else _column(table, "金额")
    quantity_col = _column(table, "数量")
    lines = []
    for r, row in enumerate(table.rows):
        if not row or not row[0]:
            continue
        lines.append(
            AssetLine(
                item=row[0],
                quantity=parse_number(row[quantity_col]) if quantity_col is not None and quantity_col < len(row) else None,
                value=parse_amount(row[value_col], unit) if value_col is not None and value_col < len(row) else None,
                row=len(table.header) + r,
            )
        )
    return tuple(lines)


def _organisations(table: Table | None) -> tuple[Organisation, ...]:
    if table is None:
        return ()
    cols = {k: _column(table, w) for k, w in (("name", "名称"), ("nature", "性质"), ("rank", "规格"), ("funding", "经费"))}
    out = []
    for row in table.rows:
        def get(key: str) -> str | None:
            i = cols[key]
            return (row[i] or None) if i is not None and i < len(row) else None

        name = get("name")
        if name:
            out.append(Organisation(name, get("nature"), get("rank"), get("funding")))
    return tuple(out)


# ---------------------------------------------------------------- the unit


def _unit(context: _Context, tables: list[Table], sections: list[Section], money_unit: MoneyUnit) -> Unit:
    code = name = None
    year = None
    for line in [t.unit_line for t in tables if t.unit_line] + context.unit_lines:
        for part in re.split(r"\s{2,}|\s(?=预算年度|单位[:：]|截止)", line):
            part = part.strip()
            m = _UNIT_CODE_NAME.match(part)
            if m and not name and "：" not in part and ":" not in part:
                code, name = m.group(1), m.group(2).strip()
            p = _PREPARER.search(part)
            if p and not name:
                name = p.group(1).strip()
            y = re.search(r"预算年度\s*[:：]\s*(\d{4})", part)
            if y and year is None:
                year = int(y.group(1))
        if name and year:
            break
    texts = [s.heading for s in sections] + context.titles + [s.text[:200] for s in sections[:3]]
    if year is None:
        titles = context.titles + [s.heading for s in sections]
        years = Counter(int(m) for t in titles for m in re.findall(r"((?:19|20)\d{2})\s*年", t))
        year = years.most_common(1)[0][0] if years else None
    if not name:
        for t in texts:
            m = re.match(r"^(.+?)(?:(?:19|20)\d{2})年(?:度)?(?:单位|部门)预算", squash(t))
            if m:
                name = m.group(1)
                break
    kinds = Counter(k for t in context.titles + [s.heading for s in sections] for k in re.findall(r"(?:^|年|预算)(单位|部门)", squash(t)))
    kind = kinds.most_common(1)[0][0] if kinds else "单位"
    return Unit(code=code, name=name or "", year=year, money_unit=money_unit, kind=kind)
