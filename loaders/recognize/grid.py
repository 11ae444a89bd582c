"""The working grid: a table's cells on their way to a Table, header split from body."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from itertools import chain
from operator import attrgetter

from budget.model import MoneyUnit
from loaders import blocks, limits
from loaders.recognize.classify import is_code_label, is_name_label, is_total_name
from loaders.recognize.text import BLANKS, clean_rows, is_number, squash

# ---------------------------------------------------------------- grids


@dataclass
class WorkingGrid:
    """A grid on its way to a Table: cleaned text, header split from body."""

    rows: list[list[str]]
    spans: list[list[int]]
    title: str = ""
    unit_line: str | None = None
    money_unit: MoneyUnit | None = None
    printed_unit: str | None = None  # as printed ("千元"): money_unit is the contract unit it is read in
    note: str | None = None
    page: int | None = None
    pages: list[int] = field(default_factory=list)
    row_pages: list[int | None] = field(default_factory=list)  # the page of each row

    @property
    def width(self) -> int:
        return max(map(sum, self.spans)) if self.spans else 0


_TEXT, _SPAN = attrgetter("text"), attrgetter("span")  # (map() over a row's cells runs in C)


def from_block(grid: blocks.Grid) -> WorkingGrid:
    # Spans are expanded into columns below (_expand, pad): a width over the limit is
    # refused here, before any row is spread over it.
    limits.check("table_rows", len(grid.rows))
    spans = [list(map(_SPAN, row)) for row in grid.rows]
    if min(chain.from_iterable(spans), default=1) < 1:  # (a span a reader could not know: 1)
        spans = [[s if s > 1 else 1 for s in row_spans] for row_spans in spans]
    most = limits.current().table_columns
    if max(map(sum, spans), default=0) > most:  # (one pass in C; the row over the limit is then found)
        for row_spans in spans:
            if sum(row_spans) > most:
                limits.check("table_columns", sum(row_spans))
    rows = clean_rows([list(map(_TEXT, row)) for row in grid.rows])
    pages = list(grid.pages) or ([grid.page] if grid.page is not None else [])
    return WorkingGrid(rows, spans, page=grid.page, pages=pages, row_pages=[grid.page] * len(rows))


def _expand(row: list[str], spans: list[int], width: int, below: list[str] | None) -> list[str]:
    """One header row spread over ``width`` columns.

    With known spans (docx, pdf, xlsx) each cell repeats over its span. A text extraction
    prints merged cells once with no span: cells then take the blank slots of the row
    below (vertical merges) and share out the runs of filled slots (horizontal merges).
    """
    if sum(spans) == width:
        out: list[str] = []
        for text, span in zip(row, spans, strict=False):
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
    for text, (start, length) in zip(row, slots, strict=False):
        for col in range(start, start + length):
            out[col] = text
    return out


def _is_descriptive(label: str) -> bool:
    return is_code_label(label) or is_name_label(label)


_COLUMN_MARKER = re.compile(r"^(?:栏次|栏号|行次|\*+|[甲乙丙丁戊己]|[-—－]+|[A-Z])$")


def is_column_number_row(cells: list[str]) -> bool:
    """The row that numbers the columns (栏次 1 2 3 …, or "** | ** | 1 | 2 | 3" with
    markers over the code and name columns, or 甲 乙 1 2 …)."""
    return _numbers_columns(tuple(cells))


_ONE_OR_TWO_DIGITS = re.compile(r"\d{1,2}")


@functools.lru_cache(maxsize=4096)  # asked of each of a table's first rows several times
def _numbers_columns(cells: tuple[str, ...]) -> bool:
    filled = [squash(c) for c in cells if c]
    if not filled:
        return False
    if filled[0] == "栏次":
        return True
    numbers = [int(c) for c in filled if _ONE_OR_TWO_DIGITS.fullmatch(c)]
    markers = [c for c in filled if not _ONE_OR_TWO_DIGITS.fullmatch(c)]
    return (
        len(numbers) >= 3
        and numbers[0] in (0, 1)
        and numbers == list(range(numbers[0], numbers[0] + len(numbers)))
        and all(_COLUMN_MARKER.match(c) for c in markers)
    )


_FIRST_ITEM = re.compile(r"^(?:一|1)[、.．]\s*\S")


def looks_like_data(cells: list[str]) -> bool:
    return _looks_like_data(tuple(cells))


@functools.lru_cache(maxsize=4096)  # asked of each of a table's first rows several times
def _looks_like_data(cells: tuple[str, ...]) -> bool:
    if any(is_code(c) for c in cells):
        return True
    first = next((c for c in cells if c), "")
    if _FIRST_ITEM.match(squash(first)) and not any(is_number(c) for c in cells):
        return True  # "一、部门预算" opening the items, its amount left blank: the body starts
    return any(is_number(c) for c in cells[1:]) and not _numbers_columns(cells)


_CODE = re.compile(r"^\d{3}(\d{2}){0,2}$")


@functools.lru_cache(maxsize=4096)
def is_code(text: str) -> bool:
    return bool(_CODE.match(squash(text)))


HEADER_ROWS_MAX = 8


def split_header(g: WorkingGrid) -> tuple[list[list[str]], list[list[int]], list[list[str]]]:
    """(header rows, their spans, body rows): the body starts after a 栏次 row, or at the
    first row that carries codes or amounts."""
    top = g.rows[:HEADER_ROWS_MAX]  # headers sit at the top; don't scan long bodies
    for i, cells in enumerate(top):
        if is_column_number_row(cells):
            return g.rows[:i], g.spans[:i], g.rows[i + 1 :]
    for i, cells in enumerate(top):
        if i > 0 and looks_like_data(cells):
            return g.rows[:i], g.spans[:i], g.rows[i:]
    # A table printed empty (空表) has no data row: its header is every row above the
    # first blank (or blank 合计) row, when only such rows follow.
    for i, cells in enumerate(top):
        if i > 0 and is_blank_row(cells):
            if all(is_blank_row(r) for r in g.rows[i:]):
                return g.rows[:i], g.spans[:i], g.rows[i:]
            break
    return g.rows[:1], g.spans[:1], g.rows[1:]


def is_blank_row(cells: list[str]) -> bool:
    filled = [c for c in cells if squash(c) not in BLANKS]  # "—" prints a blank amount
    return not filled or (len(filled) == 1 and is_total_name(filled[0]))


TEMPLATE_MARKS = re.compile(r"^[*＊]+$")  # "**": a cell the template left as marks (湖州)


def labels(header: list[list[str]], spans: list[list[int]], width: int) -> list[str]:
    return list(_labels(tuple(map(tuple, header)), tuple(map(tuple, spans)), width))


@functools.lru_cache(maxsize=1024)  # tables of a kind repeat their header (one per project, per unit)
def _labels(header: tuple[tuple[str, ...], ...], spans: tuple[tuple[int, ...], ...], width: int) -> tuple[str, ...]:
    expanded: list[list[str]] = []
    below: list[str] | None = None
    for row, span in reversed(list(zip(header, spans, strict=False))):
        wide = _expand(list(row), list(span), width, below)
        expanded.insert(0, wide)
        below = wide
    labels = []
    for col in range(width):
        parts: list[str] = []
        for wide in expanded:
            text = squash(wide[col]) if col < len(wide) else ""
            # "栏次" heads a row of column numbers; "**" a row the template left as marks (湖州)
            if text and text not in parts and text != "栏次" and not TEMPLATE_MARKS.match(text):
                parts.append(text)
        labels.append("/".join(parts))
    return tuple(labels)


def pad(row: list[str], width: int, spans: list[int] | None = None) -> list[str]:
    """The row spread over ``width`` columns. A row already that wide is returned itself, not
    copied (the common case: no caller changes a padded row, each copies what it changes)."""
    if len(row) == width:
        return row
    if spans and sum(spans) == width:
        out: list[str] = []
        for text, span in zip(row, spans, strict=False):
            out += [text] + [""] * (span - 1)
        return out
    if len(row) < width and _is_merged_label_row(row):
        # Spans unknown (text form): a label printed once over the leading columns
        # ("合计" over 类/款/项) leaves the amounts in the rightmost columns.
        return row[:1] + [""] * (width - len(row)) + row[1:]
    return row + [""] * (width - len(row))


def _is_merged_label_row(row: list[str]) -> bool:
    return (
        bool(row)
        and bool(row[0])
        and not is_number(row[0])
        and not is_code(row[0])
        and any(is_number(c) for c in row[1:])
        and all(is_number(c) or not c for c in row[1:])
    )
