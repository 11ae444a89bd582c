"""What a document may hold, declared once, checked before the work it would cost.

The dashboard parses whatever is uploaded, so every size a file declares (zip members,
spans, rows, pages) is checked against a named limit before it is used, and a file over
a limit is refused with a Chinese sentence naming what was too large. The defaults are
generous: ten times or more what the largest real disclosure holds (the 138 corpus
documents: at most 26,454 cells, 67 rows in a table, 30 columns, 2,177 paragraphs,
1,530 characters in a cell, 158,000 characters in all).

A limit can be changed for a deployment with an environment variable named after it
(``BUDGETLENS_LIMIT_TABLE_ROWS=50000``) and for a test with ``override(table_rows=10)``.

XML depth is not among them: lxml parses with ``huge_tree`` off, so libxml2 itself
refuses elements nested deeper than 256 and text nodes over 10,000,000 bytes
(``xml_error`` turns that into the same kind of sentence).
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain
from operator import attrgetter

from loaders.blocks import Block, Cell, Grid, LoadError, Notice, Paragraph

MiB = 1024 * 1024


def _limit(default: int, what: str, unit: str) -> int:
    return field(default=default, metadata={"what": what, "unit": unit})


@dataclass(frozen=True)
class Limits:
    # The upload itself (also Streamlit's server.maxUploadSize).
    file_bytes: int = _limit(50 * MiB, "文件大小", "MB")
    # Word and Excel files are zip packages: checked from the zip directory, before
    # anything is decompressed.
    zip_members: int = _limit(2_000, "压缩包中的部件数", "个")
    package_bytes: int = _limit(256 * MiB, "压缩包解压后的总大小", "MB")
    part_bytes: int = _limit(32 * MiB, "压缩包中单个部件（如正文、工作表）解压后的大小", "MB")
    compression_ratio: int = _limit(200, "压缩包中部件的压缩比", "倍")  # parts over 1 MB; seed.docx: 24
    # What the document holds, in any format.
    paragraphs: int = _limit(50_000, "段落数", "段")
    paragraph_chars: int = _limit(50_000, "单个段落（文本中的一行）的字数", "字")
    table_cells: int = _limit(200_000, "表格单元格总数", "个")
    table_rows: int = _limit(20_000, "单个表格的行数", "行")
    table_columns: int = _limit(200, "单个表格的列数（含合并单元格跨越的列）", "列")
    cell_chars: int = _limit(20_000, "单个单元格的字数", "字")
    document_chars: int = _limit(2_000_000, "全文字数", "字")
    nesting: int = _limit(32, "表格或内容控件的嵌套层数", "层")
    # Excel: cells are kept as the sheet stores them, never by its declared dimension.
    sheet_rows: int = _limit(50_000, "工作表中的行数", "行")
    merged_ranges: int = _limit(20_000, "工作表中的合并单元格区域数", "个")
    # PDF.
    pdf_pages: int = _limit(2_000, "PDF 页数", "页")
    pdf_page_objects: int = _limit(50_000, "PDF 单页上的对象数", "个")
    pdf_stream_bytes: int = _limit(64 * MiB, "PDF 中单个数据流解压后的大小", "MB")
    # The app: one parse (and its check) per worker process, within a budget.
    parse_seconds: int = _limit(30, "解析和检查所用时间", "秒")
    parse_memory_bytes: int = _limit(1024 * MiB, "解析和检查另需的内存（工作进程启动之外）", "MB")
    parse_workers: int = _limit(2, "同时解析的文档数", "个")

    @staticmethod
    def from_environment() -> Limits:
        changes = {}
        for f in dataclasses.fields(Limits):
            value = os.environ.get(f"BUDGETLENS_LIMIT_{f.name.upper()}")
            if value:
                changes[f.name] = int(value)
        return Limits(**changes)


_DEFAULT = Limits.from_environment()
_active: contextvars.ContextVar[Limits | None] = contextvars.ContextVar("limits", default=None)


def current() -> Limits:
    return _active.get() or _DEFAULT


@contextlib.contextmanager
def override(**changes: int) -> Iterator[Limits]:
    """Other limits for the code inside (tests: a file just under and just over)."""
    token = _active.set(dataclasses.replace(current(), **changes))
    try:
        yield current()
    finally:
        _active.reset(token)


_FIELDS = {f.name: f for f in dataclasses.fields(Limits)}


def _shown(value: float, unit: str) -> str:
    if unit == "MB":
        shown = value / MiB
        return f"{shown:,.1f} MB" if shown < 10 and shown != int(shown) else f"{shown:,.0f} MB"
    return f"{value:,.0f} {unit}"


def too_large(name: str, value: float, context: str = "", at_least: bool = False) -> LoadError:
    """The refusal for ``value`` over limit ``name`` ("表格行数（200,000 行）超过上限（20,000 行）");
    ``at_least``: the work stopped at ``value``, the real size is larger."""
    meta = _FIELDS[name].metadata
    limit = getattr(current(), name)
    where = f"{context}：" if context else ""
    shown = ("超过 " if at_least else "") + _shown(value, meta["unit"])
    return LoadError(
        f"{where}{meta['what']}（{shown}）超过上限（{_shown(limit, meta['unit'])}），无法读取。",
        f"{name} {'>=' if at_least else ''}{value:.0f} > {limit}",
    )


def check(name: str, value: float, context: str = "") -> None:
    """Refuse when ``value`` is over the limit ``name``."""
    if value > getattr(current(), name):
        raise too_large(name, value, context)


_TEXT, _SPAN = attrgetter("text"), attrgetter("span")


class Tally:
    """Counts that grow while a reader works (paragraphs, cells, characters), each
    refused the moment it passes its limit, so the work stops there."""

    def __init__(self) -> None:
        self.limits = current()
        self.paragraphs = self.cells = self.chars = 0

    def paragraph(self, text: str) -> None:
        self.paragraphs += 1
        if self.paragraphs > self.limits.paragraphs:
            raise too_large("paragraphs", self.paragraphs)
        self._text(text, "paragraph_chars")

    def cell(self, text: str) -> None:
        self.cells += 1
        if self.cells > self.limits.table_cells:
            raise too_large("table_cells", self.cells)
        self._text(text, "cell_chars")

    def within(self, rows: tuple[tuple[Cell, ...], ...]) -> bool:
        """Count a grid's cells and characters at once when no limit can be passed inside it
        (the cells one by one cost as much as a tenth of a Word file's parse); False, with
        nothing counted, when one may be: ``check_blocks`` then counts them one by one."""
        cells = list(chain.from_iterable(rows))
        lengths = list(map(len, map(_TEXT, cells)))
        chars = sum(lengths)
        if (
            self.cells + len(lengths) > self.limits.table_cells
            or max(lengths, default=0) > self.limits.cell_chars
            or self.chars + chars > self.limits.document_chars
        ):
            return False
        # No row is wider than its most cells times the widest span (in C, over the cells at once;
        # most cells span one column): only a grid that could be over the limit has its rows summed.
        widest = max(map(len, rows), default=0) * max(map(_SPAN, cells), default=0)
        if widest > self.limits.table_columns and max(map(sum, map(_spans, rows))) > self.limits.table_columns:
            return False
        self.cells += len(lengths)
        self.chars += chars
        return True

    def _text(self, text: str, limit: str) -> None:
        if len(text) > getattr(self.limits, limit):
            raise too_large(limit, len(text))
        self.chars += len(text)
        if self.chars > self.limits.document_chars:
            raise too_large("document_chars", self.chars)


def _spans(row: tuple[Cell, ...]) -> list[int]:
    return list(map(_SPAN, row))


def check_blocks(blocks: list[Block]) -> None:
    """What a reader produced, within the limits, before recognition works on it (every
    reader also stops early where its input could make it expand)."""
    tally = Tally()
    paragraph_types = (Paragraph, Notice)  # (a tuple: isinstance of a union costs more)
    for block in blocks:
        if isinstance(block, paragraph_types):
            tally.paragraph(block.text)
            continue
        assert isinstance(block, Grid)
        check("table_rows", len(block.rows))
        if tally.within(block.rows):
            continue
        for row in block.rows:  # over a limit: find the cell where it is passed, and say so
            width = 0
            for cell in row:
                tally.cell(cell.text)
                width += cell.span
            check("table_columns", width)
