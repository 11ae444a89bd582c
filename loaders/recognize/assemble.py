"""Walking the blocks once: titles, notes, unit lines, continued tables, sections."""

from __future__ import annotations

import functools
import operator
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain, compress, repeat

from budget.model import MoneyUnit, Section, Source, TableKind
from loaders.blocks import Block, Notice, Paragraph
from loaders.recognize.classify import TABLE_NUMBER, classify_title, title_words
from loaders.recognize.grid import WorkingGrid, from_block, is_code, is_column_number_row, pad
from loaders.recognize.performance import has_indicator_header, indicator_header_row
from loaders.recognize.text import clean, is_number, is_unit_line, may_say_unit, money_unit_in, printed_unit_in, squash

# ---------------------------------------------------------------- document assembly

_HEADING_1 = re.compile(r"^(?:[一二三四五六七八九十]+|\d{1,2})\s*[、.．]\s*\S")
_HEADING_2 = re.compile(r"^[（(][一二三四五六七八九十]+[）)]\s*\S")
_NOTE = re.compile(r"^(注|说明)\s*[:：]")
_LETTER = re.compile(r"[\u4e00-\u9fffA-Za-z]")  # a word, not only figures and signs


_TABLE_NUMBER = re.compile(r"^(?:附)?表[一二三四五六七八九十\d]+(?:[-－—.．]\d+)?$")


def _names_a_kind(text: str) -> bool:
    """A line that is a table's title by its words ("财政拨款支出表（功能科目）")."""
    return _is_title(text) and classify_title(text) is not None and "表" in text


def _is_qualifier(text: str) -> bool:
    words = squash(text)
    return len(words) <= 24 and words[:1] in "（(" and words[-1:] in "）)"


def _opens_bracket(text: str) -> bool:
    words = squash(text)
    return words.count("（") + words.count("(") > words.count("）") + words.count(")") and len(words) <= 60


def _closes_bracket(text: str) -> bool:
    words = squash(text)
    return words.count("）") + words.count(")") > words.count("（") + words.count("(") and len(words) <= 20


def _is_title(text: str) -> bool:
    """A table title: short, names a table, and is not a sentence."""
    words = squash(text)
    return (
        0 < len(words) <= 60
        and not words.endswith(("。", "；"))
        and ("表" in words or "预算" in words or "情况" in words or "目标" in words)
    )


_NUMBERED_1 = re.compile(r"^[一二三四五六七八九十]+[、.．]")
_NUMBERED_2 = re.compile(r"^\d{1,2}[、]")


def _heading_level(text: str) -> int | None:
    return _words_heading_level(squash(text))


# An amount with its unit and a clause after it that runs on past the line's end: a
# sentence wrapped there ("(二)社会保障和就业支出类科目116433.12元,占支"), not a heading
# (which, stating an amount, ends at it or opens a list: "（五）项目支出1,856.92万元，具体包括：").
_STATED_AMOUNT = re.compile(r"\d\s*(?:亿元|万元|元|%)\s*[,，;；].*[^:：]$")


def _words_heading_level(words: str) -> int | None:
    """``_heading_level`` of a text already squashed. Commas are either width: text
    extracted from a PDF keeps the ASCII ones it printed."""
    if len(words) > 50 or words.endswith(("。", "；", "，", ",", ";")) or _STATED_AMOUNT.search(words):
        return None
    if _NUMBERED_1.match(words):
        return 1
    if _HEADING_2.match(words) or _NUMBERED_2.match(words):
        return 2
    return None


_NUMBERED_ITEM = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、.．])")
_LEADER_DOTS = re.compile(r"(?:…|\.{3,}|·{3,})")
_TRAILING_PAGE_NUMBER = re.compile(r"\D\d{1,3}$")


def _is_contents_entry(words: str) -> bool:
    """A line of a table of contents: numbered, or with dot leaders or a page number."""
    return bool(_NUMBERED_ITEM.match(words) or _LEADER_DOTS.search(words) or _TRAILING_PAGE_NUMBER.search(words))


_SENTENCE_MARK = re.compile(r"[:：。；，,]")


def _is_hinted_heading(words: str) -> bool:
    return 0 < len(words) <= 40 and not _SENTENCE_MARK.search(words)


# The standard parts of a disclosure (domain: 职责/主要职能, 机构设置, 编制说明, 名词解释,
# 其他需要说明的事项, the cover "…2024年单位预算"): a short line naming one is a heading
# even where no styling survives (a text extraction, a workbook).
_PART_HEADING = re.compile(
    r"(?:主要职能|单位职责|部门职责|机构设置|编制说明|名词解释|需要说明的事项|(?:单位|部门)预算)$"
)
_FIRST_ITEM = re.compile(r"^一\s*[、.．]")


def _is_unstyled_heading(words: str, following: str | None) -> bool:
    """A short line naming a standard part, or one right above a list of headings that
    starts again at "一、" ("其他相关情况说明" over "一、…", "二、…")."""
    if not _is_hinted_heading(words):
        return False
    return bool(_PART_HEADING.search(words)) or (
        following is not None and bool(_FIRST_ITEM.match(following)) and _heading_level(following) == 1
    )


@dataclass
class Gathered:
    """What the walk gathers beside grids and sections, for the unit and the notes."""

    source: Source
    unit_lines: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    cover: list[str] = field(default_factory=list)  # the paragraphs of the first page, before any table


def _turns(body: list[str], pages: list[int | None]) -> tuple[tuple[int, int], ...]:
    """(offset, page) where the body's text, its paragraphs joined by newlines, starts
    and where it goes on to a later page (Section.turns)."""
    turns: list[tuple[int, int]] = []
    offset = 0
    for text, page in zip(body, pages, strict=True):
        if page is not None and (not turns or page > turns[-1][1]):
            turns.append((offset, page))
        offset += len(text) + 1
    return tuple(turns)


def assemble(blocks: list[Block], source: Source) -> tuple[list[WorkingGrid], list[Section], Gathered]:
    """Walk the blocks once: attach titles and notes to grids, join continued grids,
    and collect the narrative into sections."""
    context = Gathered(source)
    grids: list[WorkingGrid] = []
    sections: list[Section] = []
    heading, level, page = "", 1, None  # the open section
    body: list[str] = []
    body_pages: list[int | None] = []  # the page of each paragraph of the body
    pending: list[Paragraph] = []  # paragraphs since the last grid, not yet placed
    in_contents = [False]  # inside a table of contents
    first_page = next((b.page for b in blocks if b.page is not None), None)

    def close_section() -> None:
        nonlocal body, body_pages
        if heading or body:
            sections.append(Section(heading, "\n".join(body), level, page, _turns(body, body_pages)))
        body, body_pages = [], []

    def flush(keep_title: bool) -> str:
        """Place pending paragraphs into the narrative; return the table title if the
        last ones name the grid that follows."""
        nonlocal heading, level, page
        title_parts: list[str] = []
        fragments: list[Paragraph] = []
        if keep_title and len(pending) >= 2 and _is_qualifier(pending[-1].text) and names_a_table(pending[-2].text):
            # "…支出明细表" over "（按经济分类科目分）": the qualifier is part of the title
            tail = pending.pop()
            pending[-1] = Paragraph(pending[-1].text + tail.text, pending[-1].page, pending[-1].heading)
        if keep_title and len(pending) >= 2 and _opens_bracket(pending[-2].text) and _closes_bracket(pending[-1].text):
            # A title wrapped inside its brackets ("…（按支出功能分类科" / "目-不含上年结转）")
            tail = pending.pop()
            pending[-1] = Paragraph(pending[-1].text + tail.text, pending[-1].page, pending[-1].heading)
        if keep_title and pending and not names_a_table(pending[-1].text) and not _names_a_kind(pending[-1].text):
            # Header words a reader set outside the table ("部门预算", "一般公共预算拨款")
            # under the real title ("部门综合预算收入总表"): the title is the one that names a table.
            back = next(
                (
                    k
                    for k in range(2, min(len(pending), 4) + 1)
                    if names_a_table(pending[-k].text) and not _TABLE_NUMBER.match(squash(pending[-k].text))
                ),
                None,
            )
            if back is not None and all(len(squash(p.text)) <= 16 for p in pending[-back + 1 :]):
                fragments = pending[-back + 1 :]
                del pending[-back + 1 :]
        if keep_title and pending and _is_title(pending[-1].text):
            title_parts.append(pending.pop().text)
            # A two-line title ("2024年" / "部门收支总表") when the last line alone names nothing.
            if (
                pending
                and not classify_title(title_parts[0])
                and _is_title(pending[-1].text)
                and _heading_level(pending[-1].text) is None
            ):
                title_parts.insert(0, pending.pop().text)
            if pending and _TABLE_NUMBER.match(squash(pending[-1].text)):
                pending.pop()  # "表1" / "附表3" above the title numbers the table, says nothing
        pending.extend(fragments)  # kept in the narrative: nothing read is dropped
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
                    body_pages.append(p.page)
                    continue
                in_contents[0] = False
            lvl = _words_heading_level(words)
            following = pending[n + 1].text if n + 1 < len(pending) else None
            if lvl is None and (p.heading and _is_hinted_heading(words) or _is_unstyled_heading(words, following)):
                lvl = 1  # unnumbered, but set as a heading ("名词解释", "2024年单位预算编制说明")
            if lvl is not None:
                close_section()
                heading, level, page = p.text, lvl, p.page
            else:
                body.append(p.text)
                body_pages.append(p.page)
        pending.clear()
        return " ".join(title_parts)

    for block in blocks:
        if isinstance(block, Notice):
            context.notes.append(block.text)
            continue
        if isinstance(block, Paragraph):
            text = clean(block.text, close_gaps=False).replace("\n", " ")
            if not text:
                continue
            para = block if text == block.text else Paragraph(text, block.page, block.heading)
            if not grids and len(context.cover) < 12 and (block.page is None or block.page == first_page):
                context.cover.append(text)
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
        for g in _split_at_title_rows(from_block(block)):
            if not g.rows:
                continue
            if _is_chart(g):
                # The figures it holds (the bars' labels) are text of the page, with the rest of
                # the chart's words (its title, axis, legend) that the reader set there.
                lines = (clean(" ".join(c for c in row if c), close_gaps=False).replace("\n", " ") for row in g.rows)
                pending.extend(Paragraph(line, g.page) for line in lines if line)
                continue
            title_row = _take_title_row(g)
            if grids and title_row is None and pending:
                _take_stray_rows(grids[-1], g, pending)
            same_title = title_row is None or (bool(grids) and squash(title_row) == squash(grids[-1].title))
            overflow: list[Paragraph] = []
            if grids and same_title and _continues(grids[-1], g, pending, overflow):
                _join(grids[-1], g)
                pending.clear()
                # the words of cells cut by the page break: kept in the notes, where they were printed
                context.notes += [
                    f"第{p.page}页：表格跨页处印有“{p.text}”（被分页截断的单元格续文），未放回单元格。"
                    for p in overflow
                ]
                continue
            if grids and title_row is None and _continues_the_indicators(grids[-1], g, pending):
                pending.clear()
                continue
            if grids and title_row is None and _goes_on_cell_by_cell(grids[-1], g, pending):
                flush(keep_title=False)  # what is left between the parts is text of the page before
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
                g.money_unit, g.printed_unit = money_unit_in(g.unit_line), printed_unit_in(g.unit_line)
            _take_unit_row(g)
            if g.title:
                context.titles.append(g.title)
            grids.append(g)
    flush(keep_title=False)
    close_section()
    return grids, sections, context


def _is_chart(g: WorkingGrid) -> bool:
    """A chart's gridlines, ruled like a table (xian_17's and xian_21's bar charts): rows of
    cells nearly all blank, and no word in any of them (no header, no label), nothing a reader
    could take for a table. A table's rows cut off on the next page are filled (amounts under
    the header of the page before), so they are not taken for one."""
    if len(g.rows) < 3:
        return False
    # (asked of every grid, and a table is mostly filled: its cells counted in C, and the filled
    # ones listed only for a grid that may be a chart)
    cells = sum(map(len, g.rows))
    blank = sum([row.count("") for row in g.rows])
    if (cells - blank) * 4 > cells:
        return False
    return not any(_LETTER.search(cell) for row in g.rows for cell in row if cell)


def _split_at_title_rows(g: WorkingGrid) -> list[WorkingGrid]:
    """Tables printed one after another with nothing between them run together (Word
    joins adjacent tables; a text extraction cannot tell them apart): a row that is a
    single cell naming a table starts the next one."""
    cuts = [
        i
        for i in range(1, len(g.rows) - 1)
        if len(g.rows[i]) == 1 and names_a_table(g.rows[i][0]) and any(any(r) for r in g.rows[:i])
    ]  # (blank rows above the first title are no table of their own)
    if not cuts:
        return [g]
    parts = []
    for a, b in zip([0, *cuts], [*cuts, len(g.rows)], strict=False):
        pages = g.row_pages[a:b]
        page = pages[0] if pages else g.page
        on = sorted({p for p in pages if p is not None}) or list(g.pages)
        parts.append(WorkingGrid(g.rows[a:b], g.spans[a:b], page=page, pages=on, row_pages=pages))
    return parts


_DISTINCT_TABLES = (
    TableKind.ORGANISATION,
    TableKind.PROCUREMENT,
    TableKind.ASSETS,
    TableKind.THREE_PUBLIC,
    TableKind.PERFORMANCE,
)


_CONTINUED_TABLE = re.compile(r"表(?:[（(]续[）)])?$|续表$")
_UNIT_TABLE_START = re.compile(r"(?:(?:19|20)\d{2}年度?)?(?:预算)?(?:单位|部门)")


@functools.lru_cache(maxsize=4096)  # asked of each paragraph before a table, and of title rows
def names_a_table(text: str) -> bool:
    """A table's title standing alone in a cell: it ends with 表 ("…收支总表", "…（续）"),
    or it starts like a title ("2024年", "单位", "部门") and names a table no cell text
    would ("单位机构设置情况", "单位政府采购预算"); "…费用支出情况" in a cell is not one."""
    text = text.replace("\n", "")
    words = squash(text)
    if not _is_title(text) or is_unit_line([text]):
        return False
    if _CONTINUED_TABLE.search(words):
        return True
    return classify_title(text) in _DISTINCT_TABLES and bool(_UNIT_TABLE_START.match(words))


def _take_title_row(g: WorkingGrid) -> str | None:
    """A title printed as the table's first row, one cell across the table (a table
    pasted from a workbook): "2024年部门收支总表" above the unit line and the header."""
    lead = 0
    while lead < len(g.rows) - 1 and not any(g.rows[lead]):
        lead += 1  # blank rows a converter left above the title row
    if len(g.rows) - lead < 2:
        return None
    filled = [c for c in g.rows[lead] if c]
    if len(filled) != 1:
        return None
    text = filled[0].replace("\n", "")
    if not names_a_table(text):
        return None
    del g.rows[: lead + 1], g.spans[: lead + 1]
    if g.row_pages:
        del g.row_pages[: lead + 1]
    return text


_UNIT_MARK = re.compile(r"(?:编制单位|编制部门|预算年度|截止时间|金额单位|单位)\s*[:：]")


def _title_before_unit(text: str) -> tuple[str | None, str]:
    """(title, unit line) of a line that prints both; (None, text) otherwise."""
    mark = _UNIT_MARK.search(text)
    if mark is None:
        return None, text
    title = text[: mark.start()].strip()
    if title and names_a_table(title):
        return title, text[mark.start() :].strip()
    return None, text


_SENTENCE_PUNCTUATION = re.compile(r"[，。；]")


def _is_unit_paragraph(text: str) -> bool:
    """A unit line set as a paragraph between title and table ("编制单位：… 单位：元",
    "216001名称 截止时间：2022-12-31"): short, no sentence punctuation."""
    if not may_say_unit(text):
        return False  # (most paragraphs: no unit word, nothing to squash)
    words = squash(text)
    return len(words) < 80 and not _SENTENCE_PUNCTUATION.search(words) and is_unit_line([text])


def _take_unit_row(g: WorkingGrid) -> None:
    """The unit line inside the table ("216001单位名称 | 预算年度：2023 | 单位：万元")."""
    for i, cells in enumerate(g.rows[:2]):
        if is_unit_line(cells):
            line = " ".join(c for c in cells if c)
            g.unit_line = f"{g.unit_line} {line}".strip() if g.unit_line else line
            del g.rows[i], g.spans[i]
            if i < len(g.row_pages):
                del g.row_pages[i]
            break
    if g.unit_line and money_unit_in(g.unit_line):
        g.money_unit, g.printed_unit = money_unit_in(g.unit_line), printed_unit_in(g.unit_line)
    if g.money_unit is None:
        for cells in g.rows[:3]:
            unit = money_unit_in(" ".join(cells))
            if unit:
                g.money_unit, g.printed_unit = unit, printed_unit_in(" ".join(cells))
                break


_PAGE_NUMBER = re.compile(r"[-—第]*\d+[-—页]*")


def _continues(
    previous: WorkingGrid, g: WorkingGrid, pending: list[Paragraph], overflow: list[Paragraph] | None = None
) -> bool:
    """A grid continues the previous one when nothing but page furniture or a repeated
    title sits between them and the column count agrees. Where the rows go on numbered
    (行次 12 on one page, 13 on the next), a short line between is the end of cells the page
    break cut ("(基本建设) 出" of xian_17's 收支总表): it is put in ``overflow``."""
    if _is_goals_only(previous) and not pending and has_indicator_header(g):
        return True  # a project's goals table followed by its indicator table
    if not previous.rows and not pending:
        return True  # only the unit line fitted above a page break: the table follows
    between = [squash(p.text) for p in pending]
    allowed = {squash(previous.title), title_words(previous.title), ""}
    unit_line = squash(previous.unit_line or "")
    printed_again = _repeats_the_header(previous, g)
    numbered = _numbering_goes_on(previous, g)
    # (the cells' words, gathered once for all the lines between: see _in_cells)
    in_g: _CellWords | None = None
    on_last_page: _CellWords | None = None
    for paragraph, text in zip(pending, between, strict=True):
        if text in allowed or "续" in text or _PAGE_NUMBER.fullmatch(text):
            continue
        # (the tests that need no cell come first: each of them lets the line pass, whatever the
        # others say, and the cells' words cost a pass over the rows)
        if TABLE_NUMBER.fullmatch(text) or (previous.title and title_words(text) == title_words(previous.title)):
            continue  # the table's number ("表3", "公开01表") or its title repeated with it
        if len(text) >= 4 and text in squash(previous.title):
            continue  # a line of a title set over two lines, repeated
        if is_unit_line([text]) and (not unit_line or text in unit_line):
            continue  # the unit line printed again on the new page
        cell_words = len(text) >= 4 and not names_a_table(text)  # (_in_cells needs four or more)
        if cell_words and printed_again:
            in_g = in_g or _CellWords(g.rows)
            if _in_cells(text, in_g):
                # The words a cell could not hold on its page, run out under the table (changsha_02's
                # goal on p33): the next page prints the cell again whole, under the same header.
                continue
        if cell_words:
            on_last_page = on_last_page or _CellWords.on_last_page(previous)
            if _in_cells(text, on_last_page):
                # A tall cell the page break cut, printed again whole on the new page and shifted
                # up so that its words already read stand above the table, out of sight
                # (beijing_meteo_part2 p34: the goal of the project going on from p33).
                continue
        if numbered and len(text) <= 16 and not _SENTENCE_PUNCTUATION.search(text) and not names_a_table(text):
            if overflow is not None:
                overflow.append(paragraph)
            continue
        return False
    width = previous.width
    if width != g.width:
        # a form going on over the page under its indicator header printed again (chongqing_02
        # p26-27): the header's cells are the same, the grids' widths need not be (merged cells above)
        header = indicator_header_row(previous) if "指标" in "".join(g.rows[0]) else None
        if header is None and "指标" in "".join(g.rows[0]):
            # a form's header block alone on its page (部门（单位）名称, 年度主要任务, 年度总体目标), its
            # indicators on the next under their header, only the table's number between (xian_20 p81-82)
            return classify_title(previous.title) == TableKind.PERFORMANCE and indicator_header_row(g) in (0, 1)
        return header is not None and g.rows[0] == previous.rows[header]
    first = g.rows[0]
    if _fills_the_form_again(previous.rows[0], first):
        return False
    repeated = any(first == row for row in previous.rows[:4])
    if width < 3 and not repeated:
        return False  # a narrow grid continues one only under the same header
    return repeated or not pending or bool(between)


def _numbering_goes_on(previous: WorkingGrid, g: WorkingGrid) -> bool:
    """The rows are numbered in their first column and the grid's first number follows the
    previous grid's last one (a 行次 / 序号 column running on over the page break)."""
    if not previous.rows or not g.rows or not previous.rows[-1] or not g.rows[0]:
        return False
    last, first = squash(previous.rows[-1][0]), squash(g.rows[0][0])
    return last.isdigit() and first.isdigit() and int(first) == int(last) + 1


def _repeats_the_header(previous: WorkingGrid, g: WorkingGrid) -> bool:
    """The grid opens with the previous grid's header rows, printed again on the new page."""
    # (the rows first: the widths cost a pass over every row's spans, and the rows mostly differ)
    return bool(g.rows) and g.rows[:2] == previous.rows[:2] and any(g.rows[0]) and g.width == previous.width


class _CellWords:
    """The squashed words of some rows' cells, one cell a line, for ``_in_cells``. Squashed
    words hold no whitespace, so a squashed text is in one of the lines exactly when it is in
    one cell; one search of the joined words replaces a squash and a search per cell, for
    every line tested (a table's cells, for each line of text between two of its grids)."""

    def __init__(self, rows: list[list[str]]) -> None:
        self.words = "\n".join(map(squash, chain.from_iterable(rows)))

    @classmethod
    def on_last_page(cls, g: WorkingGrid) -> _CellWords:
        """The cells of the grid's rows on the last page it has reached (none: no page known)."""
        if not g.row_pages:
            return cls([])
        on_it = map(operator.eq, g.row_pages, repeat(g.row_pages[-1]))  # (in C: a joined grid has many rows)
        return cls(list(compress(g.rows, on_it)))


def _in_cells(text: str, cells: _CellWords) -> bool:
    """The squashed words (four or more) are in one of the cells."""
    return len(text) >= 4 and "\n" not in text and text in cells.words


_LEVEL_HEADER = re.compile(r"^[一二]级指标")


def _is_level(text: str) -> bool:
    words = squash(text)
    return 2 < len(words) <= 12 and words.endswith("指标")


# The characters of a form's side and level labels ("年度绩效指标", "产出指标", "效益指标" …).
_LABEL_CHARACTERS = frozenset("年度绩效指标总体目标产出效益满意成本")


def _is_label_piece(text: str) -> bool:
    """A piece of a side label printed down the page ("年度绩", "效益指", "标"): a few of its
    characters, no word of its own; the form's cells say what it labels."""
    return 0 < len(text) <= 3 and set(text) <= _LABEL_CHARACTERS


# The levels of the forms' standard frame, by tier (the newer frame makes 成本指标 a 一级 too:
# the form's own rows say which, see ``_tier_of``).
_LEVEL_TIERS = {
    **dict.fromkeys(("产出指标", "效益指标", "满意度指标"), "一级"),
    **dict.fromkeys(
        ("数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标")
        + ("可持续影响指标", "服务对象满意度指标", "社会公众或服务对象满意度指标"),
        "二级",
    ),
}


def _tier_of(text: str, body: list[list[str]], tiers: dict[str, int]) -> str | None:
    """一级 or 二级: the column the form's rows print the level in, else the frame's tier."""
    for tier, column in tiers.items():
        if any(column < len(row) and squash(row[column]) == text for row in body):
            return tier
    return _LEVEL_TIERS.get(text)


def _continues_the_indicators(previous: WorkingGrid, g: WorkingGrid, pending: list[Paragraph]) -> bool:
    """A narrower grid on the next page holding the rest of a form's indicators: the outer columns
    of the form (its side label, the 一级 column) printed there with no rulings the reader could
    follow, so only the inner ones came out as a grid (xian_17's 部门整体支出 form: 二级 | 指标内容 |
    指标值 on p57, 一级 | 二级 | 指标内容 | 指标值 on p58). The grid goes on in the form's rightmost
    columns when each of its leading columns holds levels ("质量指标") where the form's rows hold
    them; a side label printed between ("年度绩效指标") goes back in the form's first column.
    The grid may also be as wide as the form: its outer cells closed at the page's top rule
    (loaders.rulings), with their labels printed again above the page's edge and cut off
    (xian_11 p47: "产出指标", "质量指标" between the parts). Joins and returns True, else
    changes nothing."""
    if not g.rows or not previous.rows:
        return False
    # The shape and the narrow grid's levels first: finding the header rows reads every row of both grids.
    width = len(previous.rows[-1])
    narrow = g.width
    if not 2 <= narrow <= width or any(len(row) != narrow for row in g.rows):
        return False
    leading = [j for j in range(narrow) if any(_is_level(row[j]) for row in g.rows)]
    # (as wide as the form, its first column may hold nothing on this page: the side label's
    # cell cut by the break, its label printed on another page)
    first_free = narrow == width and not any(row[0] for row in g.rows)
    start = 1 if first_free and leading and leading[0] == 1 else 0
    if not leading or leading != list(range(start, start + len(leading))) or start + len(leading) > narrow - 2:
        return False  # levels first, then at least the name and the value
    header = indicator_header_row(previous)
    if header is None or indicator_header_row(g) is not None:
        return False
    spans = previous.spans[-1]
    offset = width - narrow
    body = [row for row in previous.rows[header + 1 :] if len(row) == width]
    # The level columns: those headed 一级指标 / 二级指标, and those holding levels (a 一级 column
    # with its header unprinted). A level column of the form may hold no label at all on its
    # first page (xian_14: each 一级 cell cut by the page break, its label printed on neither part).
    header_cells = pad(previous.rows[header], width, previous.spans[header])
    headed = [c for c, cell in enumerate(header_cells) if _LEVEL_HEADER.match(squash(cell))]
    levels = [c for c in range(width) if c in headed or any(_is_level(row[c]) for row in body)]
    tiers = {squash(cell)[:2]: c for c, cell in enumerate(header_cells) if _LEVEL_HEADER.match(squash(cell))}
    # The form's first column, outside its levels, printed on this page with the side label
    # ("年度绩效指标", no tier) in it: the grid is as wide as the form (its cells closed at the
    # page's top rule, xian_11 p47).
    side = (
        offset == 0
        and 0 not in levels
        and all(not row[0] or not _tier_of(squash(row[0]), body, tiers) for row in g.rows)
    )
    if any(offset + j not in levels for j in leading if not (side and j == 0)):
        return False
    # (the first row's level cell may hold the rest of a label the break cut, "效益指 | 标": the
    # label is the cell's above, on the page before)
    cut = [j for j in leading if g.rows[0][j] and not _is_level(g.rows[0][j]) and _is_label_piece(squash(g.rows[0][j]))]
    if any(
        row[j] and not _is_level(row[j]) and not (k == 0 and j in cut) for k, row in enumerate(g.rows) for j in leading
    ):
        return False
    labels = []
    # A level printed between the parts (xian_04's "时效指标" above p74) is the level of a merged
    # cell the break cut: it goes in its column of the first row going on, when that cell is empty.
    first = [""] * offset + g.rows[0]
    placed: dict[int, str] = {}
    for p in pending:
        for piece in p.text.split():
            text = squash(piece)
            if not text or _PAGE_NUMBER.fullmatch(text) or _is_label_piece(text):
                continue
            tier = _tier_of(text, body, tiers)
            column = tiers.get(tier) if tier else None
            if column is not None:
                if squash(first[column]) == text:
                    continue  # the first row's own level cell, printed again out of sight above it
                if first[column] or column in placed:
                    return False  # the row prints a level of its own there: the word's row is unknown
                placed[column] = piece
                continue
            if not _is_level(text) or offset < 1 or 0 in levels:
                return False
            labels.append(piece)
    for j in cut:
        _complete_cut_label(previous, offset + j, squash(g.rows[0][j]))
    for k, (row, page) in enumerate(zip(g.rows, g.row_pages or [g.page] * len(g.rows), strict=False)):
        cells = [""] * offset + row
        if k == 0:
            for j in cut:
                cells[offset + j] = ""
        if k == 0 and labels:
            cells[0] = " ".join(labels)
        if k == 0:
            for column, word in placed.items():
                cells[column] = word
        _append_row(previous, cells, spans, page)
    _take_pages(previous, g)
    return True


def _append_row(grid: WorkingGrid, cells: list[str], spans: list[int], page: int | None) -> None:
    grid.rows.append(cells)
    grid.spans.append(list(spans))
    grid.row_pages.append(page)


def _take_pages(grid: WorkingGrid, g: WorkingGrid) -> None:
    """The pages of ``g``, joined to ``grid``, are the grid's too."""
    for number in g.pages:
        if number not in grid.pages:
            grid.pages.append(number)


def _complete_cut_label(previous: WorkingGrid, column: int, rest: str) -> None:
    """The end of a level label the page break cut ("标" at the top of xian_05 p38) goes back on
    its beginning, the label cell above the break ("效益指" on p37), when the two make a level
    of the frame; where the cell above holds a whole label already, nothing changes."""
    for row in reversed(previous.rows):
        if column < len(row) and row[column]:
            joined = squash(row[column]) + rest
            if not _is_level(row[column]) and joined in _LEVEL_TIERS:
                row[column] = joined
            return


# The characters of the standard frame's level names, beside those of the side label: the
# pieces of a level cell the page break cut ("数量指" over "标") are printed of these only.
_LEVEL_CHARACTERS = _LABEL_CHARACTERS | frozenset("".join(_LEVEL_TIERS))


def _is_level_piece(text: str) -> bool:
    """A piece of a side or level label cut by a page break ("数量指", "标绩效指"), or the side
    label whole ("年度绩效指标"): no word of its own, the form's cells say what it labels."""
    return 0 < len(text) <= 6 and set(text) <= _LEVEL_CHARACTERS


def _goes_on_cell_by_cell(previous: WorkingGrid, g: WorkingGrid, pending: list[Paragraph]) -> bool:
    """A form's indicator rows going on over the page in a grid of their own, cell for cell under
    the form's indicator header but spread otherwise (the reader found other column edges on the
    new page: xian_05 p43, six cells over six columns where the form's spread them over eight),
    with one column fewer at the left (the side label's, cut off: xian_06 p51) or one more (the
    side label printed only on the new page: xian_18 p41); or the next project's form in the same
    layout that prints no indicator header of its own (xian_09 p63). The grid's rows are the
    form's when its cells under the form's 一级 / 二级 headers hold levels (or nothing), the cells
    left of them nothing or the side label, and the lines between the parts are page furniture
    or pieces of labels. Joins and returns True, taking the lines it read from ``pending`` (the
    text left there is the page's before, printed under the form); else changes nothing."""
    if not g.rows or not previous.rows:
        return False
    n = len(previous.rows[-1])
    cells = {len(row) for row in g.rows}
    if len(cells) != 1 and not _opens_the_next_form(previous, g):
        return False
    if not any(_is_level(cell) for row in g.rows for cell in row):
        return False  # (before the form's header is looked for: that reads every row of the grid before)
    header = indicator_header_row(previous)
    if header is None or len(previous.rows[header]) != n or indicator_header_row(g) is not None:
        return False
    names = [squash(c) for c in previous.rows[header]]
    levels = [c for c, name in enumerate(names) if _LEVEL_HEADER.match(name)]
    if not levels or levels[-1] + 2 >= n:
        return False  # levels, then at least the name and the value
    if _opens_the_next_form(previous, g):
        # The next project's header block, then its indicator rows cell for cell under the form's header
        body = [row for row in g.rows if len(row) == n and any(_is_level(row[c]) for c in levels)]
        if not body or g.width != previous.width or pending:
            return False
        rows = body
        shift = 0
    else:
        k = cells.pop()
        shift = n - k  # cells missing at the left (a side column fewer), or one too many
        if shift < -1 or shift > levels[0] or k < 3:  # (only the side label's columns may be missing)
            return False
        rows = [([""] * shift + row) if shift >= 0 else row[1:] for row in g.rows]
        if shift < 0 and not all(not row[0] or _is_level_piece(squash(row[0])) for row in g.rows):
            return False  # the extra cell is a side label, or the grid is no part of the form
    if not any(_is_level(row[c]) for row in rows for c in levels):
        return False
    for row in rows:
        for c in range(levels[-1] + 1):
            word = squash(row[c])
            if word and not _is_level_piece(word) and not (c in levels and _is_level(word)):
                return False  # a word of its own left of the indicator's name: another table's row
    used: list[Paragraph] = []
    placed: dict[int, str] = {}
    tiers = {name[:2]: c for c, name in enumerate(names) if _LEVEL_HEADER.match(name)}
    for p in pending:
        words = squash(p.text)
        if _PAGE_NUMBER.fullmatch(words) or TABLE_NUMBER.fullmatch(words) or _TABLE_NUMBER.match(words):
            used.append(p)
            continue
        if words and words in (squash(previous.title), title_words(previous.title)):
            used.append(p)
            continue
        pieces = [squash(piece) for piece in p.text.split()]
        if pieces and all(_is_level(w) or _is_level_piece(w) for w in pieces):
            for w in pieces:
                tier = _tier_of(w, previous.rows[header + 1 :], tiers) if _is_level(w) else None
                column = tiers.get(tier) if tier else None
                if column is None or squash(rows[0][column]) == w:
                    continue  # a piece, or the first row's own level printed again above it
                if rows[0][column] or column in placed:
                    return False  # the row prints a level of its own there: the word's row is unknown
                placed[column] = w
            used.append(p)
            continue
        if p.page is not None and g.page is not None and p.page < g.page and not _is_title(p.text):
            continue  # text under the form on the page before: it stays in the narrative
        return False
    if _opens_the_next_form(previous, g):
        # The next project's form, header block and all: the form's reader starts a project there.
        previous.rows += g.rows
        previous.spans += g.spans
        previous.row_pages += g.row_pages
    else:
        spans = previous.spans[-1]
        for j, (row, page) in enumerate(zip(rows, g.row_pages or [g.page] * len(rows), strict=False)):
            if j == 0:
                row = [placed.get(c, cell) for c, cell in enumerate(row)]
            _append_row(previous, row, spans, page)
    _take_pages(previous, g)
    pending[:] = [p for p in pending if p not in used]
    return True


def _opens_the_next_form(previous: WorkingGrid, g: WorkingGrid) -> bool:
    """The grid opens with the form's own first label for another project ("专项（项目）名称 | …")."""
    return bool(g.rows[0]) and _fills_the_form_again(previous.rows[0], g.rows[0])


def _row_shape(row: list[str]) -> list[str]:
    """What each filled cell of a body row is: "n" an amount, "c" a code, "t" text."""
    return ["n" if is_number(c) and not is_code(c) else "c" if is_code(c) else "t" for c in row if c]


def _take_stray_rows(previous: WorkingGrid, g: WorkingGrid, pending: list[Paragraph]) -> None:
    """A table row a page break left outside the rulings of both parts ("24 215 资源勘探
    工业信息等支出 1021805239.60 …" as a line of text above the continued grid): a pending
    line whose pieces have the shape of the previous grid's last row is that row again,
    put at the top of the grid that follows, under its repeated header, in reading order."""
    candidates = [p for p in pending if len(p.text.split()) >= 3 and any(is_number(t) for t in p.text.split())]
    if not candidates or not previous.rows:
        return
    width = previous.width
    if width != g.width:
        return
    templates = {}  # shape -> positions, from the previous grid's body rows (the last of a shape)
    for row, spans in zip(previous.rows, previous.spans, strict=False):
        if len(row) != width or sum(spans) != width:
            continue
        shape = tuple(_row_shape(row))
        if len(shape) >= 3 and "n" in shape:
            templates[shape] = [i for i, c in enumerate(row) if c]
    below = _repeated_header_length(previous, g)
    for p in candidates:
        tokens = p.text.split()
        positions = templates.get(tuple(_row_shape(tokens)))
        if positions is None:
            continue
        row = [""] * width
        for at, token in zip(positions, tokens, strict=True):
            row[at] = token
        _take_wrapped_cell(previous, row, p, pending)
        g.rows.insert(below, row)
        g.spans.insert(below, [1] * len(row))
        if g.row_pages:
            g.row_pages.insert(below, p.page)
        below += 1
        pending.remove(p)


def _take_wrapped_cell(previous: WorkingGrid, row: list[str], line: Paragraph, pending: list[Paragraph]) -> None:
    """A stray row's text cell set over several lines, centred on the row: its lines sit right
    above and below the row's line (xian_23 p31: "(2)商品和服务支出（302） 1768.13 …" between
    "2022年度人员增加，…专项业" and "务费增加612.10万元。", the 主要原因 of the row). They are put back
    in the row's one empty cell whose column holds text in the previous grid, so that they are
    not taken for narrative between the table's parts (which kept the parts apart)."""
    text_columns = {
        i for r in previous.rows[1:] if len(r) == len(row) for i, c in enumerate(r) if c and _row_shape([c]) == ["t"]
    }
    empty = [i for i, c in enumerate(row) if not c and i in text_columns and i > 0]
    if len(empty) != 1:
        return
    at = pending.index(line)

    def wrapped(p: Paragraph) -> bool:
        words = squash(p.text)
        return (
            p.page == line.page
            and len(p.text.split()) == 1
            and not is_number(words)
            and _words_heading_level(words) is None
            and not names_a_table(words)
            and not is_unit_line([words])
        )

    start = at
    while start > 0 and wrapped(pending[start - 1]):
        start -= 1
    end = at + 1
    while end < len(pending) and wrapped(pending[end]):
        end += 1
    lines = pending[start:at] + pending[at + 1 : end]
    if not lines:
        return
    row[empty[0]] = "".join(p.text for p in lines)
    for p in lines:
        pending.remove(p)


def _fills_the_form_again(previous_first: list[str], first: list[str]) -> bool:
    """One form per project under one title ("项目支出绩效目标表"): a grid that opens with
    the same name label for another name ("项目名称 | 海防工作经费") is the next form."""
    if not first or not previous_first or first == previous_first:
        return False
    label = squash(first[0])
    return "名称" in label and label == squash(previous_first[0])


def _is_goals_only(g: WorkingGrid) -> bool:
    return bool(g.rows) and "绩效目标" in squash(g.rows[0][0]) and not has_indicator_header(g)


def _join(previous: WorkingGrid, g: WorkingGrid) -> None:
    if _is_goals_only(previous):
        previous.rows += g.rows
        previous.spans += g.spans
        previous.row_pages += g.row_pages
        return
    # a grid of another width goes on under a form's indicator header printed again: the header
    # stays, the form's reader takes the columns from it again (the cells fall otherwise there)
    skip = _repeated_header_length(previous, g) if g.width == previous.width else 0
    previous.rows += g.rows[skip:]
    previous.spans += g.spans[skip:]
    previous.row_pages += g.row_pages[skip:]
    for p in g.pages:
        if p not in previous.pages:
            previous.pages.append(p)


def _repeated_header_length(previous: WorkingGrid, g: WorkingGrid) -> int:
    """How many of the grid's first rows print the previous grid's header again (its first
    rows, the 栏次 row, the unit line) where a page starts. Only this leading run is header:
    a body row further down that equals one of the first rows (a 合计, a code line printed
    twice) is data and is kept."""
    header_rows = previous.rows[:4]
    n = 0
    while n < len(g.rows) and (g.rows[n] in header_rows or is_column_number_row(g.rows[n]) or is_unit_line(g.rows[n])):
        n += 1
    return n


def document_money_unit(grids: list[WorkingGrid]) -> MoneyUnit:
    units = Counter(g.money_unit for g in grids if g.money_unit is not None)
    return units.most_common(1)[0][0] if units else MoneyUnit.WAN_YUAN


def document_printed_unit(grids: list[WorkingGrid], unit: MoneyUnit) -> str:
    """The unit the document prints its amounts in, read in ``unit`` ("千元" when its tables
    say 千元): what a table that says no unit of its own is printed in."""
    printed = Counter(g.printed_unit for g in grids if g.money_unit == unit and g.printed_unit)
    return printed.most_common(1)[0][0] if printed else str(unit)
