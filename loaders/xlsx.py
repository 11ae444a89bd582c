"""Excel workbooks (.xlsx with openpyxl, old .xls with xlrd) -> blocks.

Finance offices keep a disclosure as one sheet per table: a title (and sometimes a unit
line) in the first rows, merged header cells, amounts stored as numbers or as text, and
a note under the table. Each sheet becomes the paragraphs above its table, the table as
a grid with spans, and the paragraphs below it; a sheet with several tables one under
another (blank rows between them) gives that for each. A sheet that is all text (an 编制说明
pasted into a workbook) becomes paragraphs only.

Numbers are turned into the text the cell prints: the float is read back as the short
decimal Excel shows (1065.08, not 1065.0799999), and the cell's number format
gives the printed scale ("0.00" -> "6.40", "0%" -> "90%"). Floats are read to Excel's
15 significant digits, so 0.1 + 0.2 prints "0.3".
"""

from __future__ import annotations

import bisect
import datetime as _dt
import io
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from loaders.blocks import Block, Cell, Grid, LoadError, Paragraph


@dataclass
class _Sheet:
    """A sheet reduced to what is printed: text per (row, column) and the merges."""

    cells: dict[tuple[int, int], str] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1 (exclusive)
    ruled_rows: set[int] = field(default_factory=set)  # rows with a bordered cell


def read(data: bytes) -> list[Block]:
    """An .xlsx workbook (OOXML zip)."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # Not read_only: read-only worksheets do not expose merged cells, and merges are
        # how the header says which columns a label covers. data_only: cached results of
        # formulas, which is what the sheet shows.
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (InvalidFileException, KeyError, ValueError, OSError, EOFError, TypeError) as error:
        raise LoadError(
            "Excel 文件已损坏或不完整，无法读取。", f"cannot open workbook: {type(error).__name__}: {error}"
        ) from None
    except Exception as error:  # zipfile/lxml errors of a damaged package
        raise LoadError(
            "Excel 文件已损坏或不完整，无法读取。", f"cannot open workbook: {type(error).__name__}: {error}"
        ) from None
    sheets = []
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue
        sheet = _Sheet()
        # Hidden rows and columns (helper codes, last year's figures) are not printed:
        # skip them and close the gaps, so the printed grid is what is read.
        row_at = _Visible({r for r, dim in ws.row_dimensions.items() if dim.hidden})
        col_at = _Visible(
            {
                c
                for dim in ws.column_dimensions.values()
                if dim.hidden
                for c in range(dim.min or 1, (dim.max or dim.min or 1) + 1)
            }
        )
        for row in ws.iter_rows():
            for cell in row:
                r, c = row_at(cell.row), col_at(cell.column)
                if r is None or c is None:
                    continue
                if cell.has_style and _bordered(cell.border):
                    sheet.ruled_rows.add(r)
                if cell.value is None:
                    continue
                text = _value_text(cell.value, cell.number_format)
                if text:
                    sheet.cells[(r, c)] = text
        for merged in ws.merged_cells.ranges:
            rows = [r for r in map(row_at, range(merged.min_row, merged.max_row + 1)) if r is not None]
            cols = [c for c in map(col_at, range(merged.min_col, merged.max_col + 1)) if c is not None]
            if rows and cols:
                sheet.merges.append((rows[0], cols[0], rows[-1] + 1, cols[-1] + 1))
        sheets.append(sheet)
    return _workbook_blocks(sheets)


class _Visible:
    """1-based sheet position -> 0-based position among the visible ones (None: hidden)."""

    def __init__(self, hidden: set[int]) -> None:
        self.hidden, self.sorted = hidden, sorted(hidden)

    def __call__(self, position: int) -> int | None:
        if not self.hidden:
            return position - 1
        if position in self.hidden:
            return None
        return position - 1 - bisect.bisect_left(self.sorted, position)


def _bordered(border) -> bool:
    return any(getattr(side, "style", None) for side in (border.left, border.right, border.top, border.bottom))


def read_xls(data: bytes) -> list[Block]:
    """An old binary .xls workbook (BIFF, Excel 97-2003)."""
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except Exception as error:  # xlrd raises XLRDError, CompDocError, struct errors …
        if "encrypt" in str(error).lower():
            raise LoadError("Excel 文件已加密（设有密码），请先取消密码保护后再上传。", "encrypted .xls") from None
        raise LoadError(
            "旧版 Excel（.xls）文件已损坏或格式不受支持，请另存为 .xlsx 后再上传。",
            f"cannot read .xls: {type(error).__name__}: {error}",
        ) from None
    try:
        sheets = []
        for index in range(book.nsheets):
            ws = book.sheet_by_index(index)
            if getattr(ws, "visibility", 0) != 0:
                continue
            sheet = _Sheet()
            row_at = _Visible({r + 1 for r, info in ws.rowinfo_map.items() if info.hidden})
            col_at = _Visible({c + 1 for c, info in ws.colinfo_map.items() if info.hidden})
            for r in range(ws.nrows):
                for c in range(ws.ncols):
                    text = _xls_text(book, ws, r, c)
                    at = (row_at(r + 1), col_at(c + 1))
                    if text and None not in at:
                        sheet.cells[at] = text
            for r0, r1, c0, c1 in ws.merged_cells:
                rows = [r for r in map(row_at, range(r0 + 1, r1 + 1)) if r is not None]
                cols = [c for c in map(col_at, range(c0 + 1, c1 + 1)) if c is not None]
                if rows and cols:
                    sheet.merges.append((rows[0], cols[0], rows[-1] + 1, cols[-1] + 1))
            sheets.append(sheet)
    except LoadError:
        raise
    except Exception as error:
        raise LoadError(
            "旧版 Excel（.xls）文件已损坏，无法读取。", f"damaged .xls: {type(error).__name__}: {error}"
        ) from None
    finally:
        book.release_resources()
    return _workbook_blocks(sheets)


def _xls_text(book, ws, r: int, c: int) -> str:
    import xlrd

    cell = ws.cell(r, c)
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return ""
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        xf = book.xf_list[ws.cell_xf_index(r, c)]
        fmt = book.format_map.get(xf.format_key)
        return _value_text(cell.value, fmt.format_str if fmt else "General")
    if cell.ctype == xlrd.XL_CELL_DATE:
        return _value_text(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode), "")
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if cell.value else "FALSE"
    return _value_text(cell.value, "@")


# --- values -----------------------------------------------------------------------


def _value_text(value, number_format: str | None) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float, Decimal)):
        return _number_text(value, number_format or "General")
    if isinstance(value, _dt.datetime):
        return value.strftime("%Y-%m-%d") if value.time() == _dt.time() else value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").strip()


_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')


def _number_text(value: int | float | Decimal, number_format: str) -> str:
    """A number as the cell prints it, without thousands separators."""
    try:
        # Excel keeps 15 significant digits; beyond them a float is binary noise.
        amount = Decimal(format(value, ".15g")) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        return str(value)
    if not amount.is_finite():
        return ""
    section = _QUOTED.sub("", number_format.split(";")[0])
    if section.strip().lower() in ("general", "@", "") or not re.search(r"[0#?]", section):
        # General prints the shortest form: 1065.0 stored as a float prints "1065".
        if amount == amount.to_integral_value():
            return str(int(amount))
        return format(amount.normalize(), "f")
    percent = "%" in section
    if percent:
        amount *= 100
    digits = re.search(r"[0#?,]+(?:\.([0#?]*))?", section)
    places = len(digits.group(1) or "") if digits else 0
    trailing = re.search(r"[0#?](,+)(?![0#?])", section)
    if trailing:  # "#,##0," prints thousands
        amount /= Decimal(1000) ** len(trailing.group(1))
    minimum = len(re.sub(r"[^0]", "", digits.group(1) or "")) if digits else 0
    text = format(amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), "f")
    if "." in text and minimum < places:  # optional digits (#) print only when needed
        whole, fraction = text.split(".")
        fraction = fraction.rstrip("0").ljust(minimum, "0")
        text = f"{whole}.{fraction}" if fraction else whole
    return text + ("%" if percent else "")


# --- sheets -> blocks ----------------------------------------------------------------


def _workbook_blocks(sheets: list[_Sheet]) -> list[Block]:
    blocks: list[Block] = []
    for sheet in sheets:
        blocks += _sheet_blocks(sheet)
    if not blocks:
        raise LoadError("Excel 文件中没有任何内容。", "the workbook is empty")
    return blocks


def _sheet_blocks(sheet: _Sheet) -> list[Block]:
    if not sheet.cells:
        return []
    owner: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for merge in sheet.merges:
        r0, c0, r1, c1 = merge
        if not any((r, c) in sheet.cells for r in range(r0, r1) for c in range(c0, c1)):
            continue  # an empty merged block prints nothing and shapes nothing
        for r in range(r0, r1):
            for c in range(c0, c1):
                owner[(r, c)] = merge
    rows = sorted({r for r, _ in sheet.cells} | {r for r, _ in owner})
    blocks: list[Block] = []
    for part in _parts(sheet, owner, rows):
        blocks += _part_blocks(sheet, owner, part)
    return blocks


def _parts(sheet: _Sheet, owner, rows: list[int]) -> list[list[int]]:
    """A sheet holding several tables one under another: a new part starts after an
    empty, unruled row when the next row prints one piece only (a title or a line of
    text), never inside a table."""
    pieces: dict[int, set] = {}
    for r, c in sheet.cells:
        pieces.setdefault(r, set()).add(owner.get((r, c), (r, c)))
    parts: list[list[int]] = [[]]
    for r in rows:
        previous = parts[-1][-1] if parts[-1] else None
        gap = (
            previous is not None and r > previous + 1 and not any(g in sheet.ruled_rows for g in range(previous + 1, r))
        )
        if gap and len(pieces.get(r, ())) == 1:
            parts.append([])
        parts[-1].append(r)
    return parts


def _part_blocks(sheet: _Sheet, owner, rows: list[int]) -> list[Block]:
    """One part of a sheet: text above the table, the table as a grid, text below."""
    inside = set(rows)
    owner = {k: m for k, m in owner.items() if k[0] in inside}
    cols = [c for r, c in sheet.cells if r in inside]
    first_col = min(cols + [c for _, c in owner])
    last_col = max(cols + [m[3] - 1 for m in owner.values()])

    def printed(r: int) -> list[str]:
        """The distinct printed pieces of a row: a merged block counts once."""
        seen, out = set(), []
        for c in range(first_col, last_col + 1):
            merge = owner.get((r, c))
            key = merge or (r, c)
            if key in seen:
                continue
            seen.add(key)
            text = sheet.cells.get((merge[0], merge[1]) if merge else (r, c), "")
            if text and not (merge and merge[0] != r):
                out.append(text)
        return out

    # The table runs from the first to the last row that is ruled, prints two or more
    # pieces or holds a merged block narrower than the sheet; single pieces above it are
    # its title (and unit line), below it its notes.
    width = last_col - first_col + 1
    tabular = [
        r
        for r in rows
        if r in sheet.ruled_rows or len(printed(r)) >= 2 or _partial_merge(r, owner, first_col, last_col, width)
    ]
    if not tabular:
        return [Paragraph(" ".join(printed(r))) for r in rows if printed(r)]
    top, bottom = tabular[0], tabular[-1]
    # A block merged downwards from inside the table belongs to it.
    bottom = max([bottom] + [m[2] - 1 for m in owner.values() if top <= m[0] <= bottom])
    blocks: list[Block] = [Paragraph(" ".join(printed(r))) for r in rows if r < top and printed(r)]
    grid_rows = []
    for r in range(top, bottom + 1):
        cells, c = [], first_col
        while c <= last_col:
            merge = owner.get((r, c))
            if merge is None:
                cells.append(Cell(sheet.cells.get((r, c), "")))
                c += 1
                continue
            r0, c0, _, c1 = merge
            span = min(c1, last_col + 1) - c
            # Merged down from a row above: printed once, so empty here (as Word has it).
            text = sheet.cells.get((r0, c0), "") if r0 == r else ""
            cells.append(Cell(text, span))
            c += span
        grid_rows.append(tuple(cells))
    blocks.append(Grid(tuple(grid_rows)))
    blocks += [Paragraph(" ".join(printed(r))) for r in rows if r > bottom and printed(r)]
    return blocks


def _partial_merge(r: int, owner, first_col: int, last_col: int, width: int) -> bool:
    """A merged block narrower than the sheet (a header group, a 合计 over the code
    columns) is table structure; a title merged across the whole width is not."""
    return any((m := owner.get((r, c))) is not None and m[3] - m[1] < width for c in range(first_col, last_col + 1))
