"""The text extraction form (seed.txt): paragraphs are lines; table cells are lines that
start with a tab; a row ends at a blank line; a cell may continue on following lines.

The extraction keeps no merge information, so blank paragraphs inside a cell also show
up as blank lines. Rows are therefore re-joined: after a table's first full-width row, a
run of short rows whose cells add up to exactly the width is one row split by blanks.
"""

from __future__ import annotations

import re
from collections import Counter

from loaders import limits
from loaders.blocks import Block, Cell, Grid, LoadError, Paragraph

_RESIDUE = re.compile(r"\[bookmark: [^\]]*\]")


def read(data: bytes) -> list[Block]:
    text = _decode(data)
    lim = limits.current()
    longest = max(lim.paragraph_chars, lim.cell_chars)
    blocks: list[Block] = []
    rows: list[list[list[str]]] = []  # rows of cells of lines
    row: list[list[str]] = []
    after_blank = True

    def end_row() -> None:
        nonlocal row
        if row:
            rows.append(row)
            row = []
            if len(rows) > lim.table_rows:
                raise limits.too_large("table_rows", len(rows))

    def end_table() -> None:
        end_row()
        # Tables printed one after another run together in the text form: a one-cell
        # row naming a table is the next table's title, as a paragraph would be.
        start = 0
        for i, r in enumerate(rows + [[]]):
            title = i < len(rows) - 1 and len(r) == 1 and _names_a_table(_cell_text(r[0]))
            if i == len(rows) or title:
                if start < i:
                    blocks.append(Grid(_join_split_rows([[_cell_text(c) for c in r] for r in rows[start:i]])))
                if title:
                    blocks.append(Paragraph(_cell_text(r[0]).replace("\n", "").strip()))
                start = i + 1
        rows.clear()

    for raw in text.splitlines():
        # A line is part of one paragraph or one cell: a line longer than either may be
        # is refused before any rule (or regex) runs over it.
        if len(raw) > longest:
            raise limits.too_large("paragraph_chars", len(raw))
        line = _RESIDUE.sub("", raw)
        if line.startswith("\t"):
            row.append([line[1:]])
            if len(row) > lim.table_columns:
                raise limits.too_large("table_columns", len(row))
            after_blank = False
        elif not line.strip():
            end_row()
            after_blank = True
        elif row and not after_blank:
            row[-1].append(line)  # the cell goes on over a line break
        else:
            end_table()
            blocks.append(Paragraph(line.strip()))
            after_blank = False
    end_table()
    return blocks


def _names_a_table(text: str) -> bool:
    from loaders.recognize import names_a_table as names

    return names(text)


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")  # the BOM says which byte order
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise LoadError("文本文件的编码无法识别（应为 UTF-8、GB18030 或带 BOM 的 UTF-16）。", "undecodable text")


def _cell_text(lines: list[str]) -> str:
    return "\n".join(lines)


def _join_split_rows(rows: list[list[str]]) -> tuple[tuple[Cell, ...], ...]:
    width = _width(rows)
    joined: list[list[str]] = []
    seen_full = False
    i = 0
    head: set[tuple[str, ...]] = set()  # the rows above the first full-width one: the header
    while i < len(rows):
        current = _drop_stray_empties(rows[i], width)
        if not seen_full:
            head.add(tuple(current))
        # A header row repeated after a page break is not part of a row split by blanks.
        if seen_full and len(current) < width and tuple(current) not in head:
            j, merged = i + 1, list(current)
            while len(merged) < width and j < len(rows):
                merged += _drop_stray_empties(rows[j], width)
                j += 1
            merged = _drop_stray_empties(merged, width)
            if len(merged) == width:
                current, i = merged, j - 1
        seen_full = seen_full or len(current) == width
        joined.append(current)
        i += 1
    return tuple(tuple(Cell(text) for text in r) for r in joined)


def _width(rows: list[list[str]]) -> int:
    """The table's column count: its most common row length, or its longest row with no
    blank cell (a header) when blank-line splits make the common length too short."""
    lengths = Counter(len(r) for r in rows)
    common = max(lengths, key=lambda n: (lengths[n], n))
    full = [len(r) for r in rows if all(c.strip() for c in r)]
    return max([common, *full])


def _drop_stray_empties(row: list[str], width: int) -> list[str]:
    """A tab-only line right after a text cell is sometimes extraction residue, not a
    cell; drop such blanks (never the first cell) while the row is too wide."""
    row = list(row)
    i = 1
    while len(row) > width and i < len(row):
        if not row[i].strip() and row[i - 1].strip():
            del row[i]
        else:
            i += 1
    return row
