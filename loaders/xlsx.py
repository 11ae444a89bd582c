"""Excel workbooks (.xlsx read from its XML parts, old .xls with xlrd) -> blocks.

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

An .xlsx is read straight from its parts (workbook, shared strings, styles, and each
sheet streamed with lxml), not through openpyxl's worksheets: those are walked by the
sheet's declared dimension and hold an object for every cell of a merged range, so one
cell at XFD1048576 or one merge over the whole sheet costs minutes and gigabytes. Here
only the cells a sheet stores are kept, a merge stays four numbers, every count is
checked against loaders.limits while reading, and nothing is ever allocated by a
declared size. openpyxl's table of built-in number formats and its date conversion
are used as they are, so values print as they did through openpyxl.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import heapq
import io
import posixpath
import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from lxml import etree

from loaders import limits
from loaders.blocks import Block, Cell, Grid, LoadError, Paragraph
from loaders.package import Package, xml_error

MAX_ROW, MAX_COL = 1_048_576, 16_384  # Excel's own sheet size
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


@dataclass
class _Sheet:
    """A sheet reduced to what is printed: text per (row, column) and the merges, in
    0-based positions among the visible rows and columns."""

    cells: dict[tuple[int, int], str] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1 (exclusive)
    ruled_rows: set[int] = field(default_factory=set)  # rows with a bordered cell
    last_row: int = -1  # the last row the sheet stores (a <row> element), even an empty one


def _damaged(what: str, english: str) -> LoadError:
    return LoadError(f"Excel 文件已损坏（{what}），无法读取。", english)


# --- hidden rows and columns ---------------------------------------------------------


class _Hidden:
    """Hidden sheet positions (1-based rows or columns), kept as merged intervals: maps a
    position to its 0-based place among the visible ones without listing positions
    (a <col min="1" max="16384" hidden="1"> is one interval, not 16,384 numbers)."""

    def __init__(self, intervals: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(intervals):
            if merged and a <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]
        self.before = [0]  # hidden positions in the intervals before interval i
        for a, b in merged:
            self.before.append(self.before[-1] + b - a + 1)

    def hidden_upto(self, position: int) -> int:
        i = bisect.bisect_right(self.starts, position)
        if i == 0:
            return 0
        return self.before[i - 1] + min(self.ends[i - 1], position) - self.starts[i - 1] + 1

    def at(self, position: int) -> int | None:
        """0-based visible place of ``position``; None when it is hidden."""
        i = bisect.bisect_right(self.starts, position)
        if i and position <= self.ends[i - 1]:
            return None
        return position - 1 - self.hidden_upto(position)

    def span(self, first: int, last: int) -> tuple[int, int] | None:
        """Visible places [start, end) of the positions first..last; None when all hidden."""
        start = first - 1 - self.hidden_upto(first - 1)
        end = last - self.hidden_upto(last)
        return (start, end) if start < end else None


@dataclass
class _RawSheet:
    """What a sheet stores, in 1-based sheet positions, before hidden rows and columns
    are closed up."""

    cells: dict[tuple[int, int], str] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1 inclusive
    ruled_rows: set[int] = field(default_factory=set)
    hidden_rows: list[tuple[int, int]] = field(default_factory=list)
    hidden_cols: list[tuple[int, int]] = field(default_factory=list)
    last_row: int = 0

    def visible(self) -> _Sheet:
        # Hidden rows and columns (helper codes, last year's figures) are not printed:
        # skip them and close the gaps, so the printed grid is what is read.
        rows, cols = _Hidden(self.hidden_rows), _Hidden(self.hidden_cols)
        sheet = _Sheet()
        for (r, c), text in self.cells.items():
            at = rows.at(r), cols.at(c)
            if at[0] is not None and at[1] is not None:
                sheet.cells[(at[0], at[1])] = text
        sheet.ruled_rows = {v for v in map(rows.at, self.ruled_rows) if v is not None}
        sheet.last_row = self.last_row - rows.hidden_upto(self.last_row) - 1
        for r0, c0, r1, c1 in self.merges:
            rs, cs = rows.span(r0, r1), cols.span(c0, c1)
            if rs and cs:
                sheet.merges.append((rs[0], cs[0], rs[1], cs[1]))
        return sheet


# --- .xlsx ---------------------------------------------------------------------------


def read(data: bytes) -> list[Block]:
    """An .xlsx workbook (OOXML zip)."""
    package = Package(data, "Excel ")
    book = _Book(package)
    tally = limits.Tally()
    sheets = [_read_sheet(package.read(path), book, tally).visible() for path in book.sheet_paths]
    return _workbook_blocks(sheets)


_CELL_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")
_INTEGER = re.compile(r"\s*[0-9]{1,9}\s*")
_NUMBER = re.compile(r"\s*[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\s*")


def _index(text: str | None, most: int, what: str) -> int:
    """A 1-based row or column number as written in an attribute, validated."""
    if text is None or not _INTEGER.fullmatch(text) or not 1 <= int(text) <= most:
        raise _damaged(f"{what}无效：“{(text or '')[:20]}”", f"invalid {what} {text!r:.40}")
    return int(text)


def _cell_ref(ref: str) -> tuple[int, int]:
    """ "B3" -> (3, 2); a reference outside Excel's sheet is a damaged file."""
    match = _CELL_REF.fullmatch(ref.strip())
    if match is None:
        raise _damaged(f"单元格位置无效：“{ref[:20]}”", f"invalid cell reference {ref!r:.40}")
    column = 0
    for letter in match.group(1).upper():
        column = column * 26 + ord(letter) - 64
    row = int(match.group(2))
    if not (1 <= row <= MAX_ROW and 1 <= column <= MAX_COL):
        raise _damaged(f"单元格位置超出工作表：“{ref[:20]}”", f"cell reference outside the sheet {ref!r:.40}")
    return row, column


def _range_ref(ref: str) -> tuple[int, int, int, int]:
    """ "A1:C2" -> (1, 1, 2, 3): r0, c0, r1, c1 inclusive."""
    first, _, last = ref.partition(":")
    (r0, c0), (r1, c1) = _cell_ref(first), _cell_ref(last or first)
    return min(r0, r1), min(c0, c1), max(r0, r1), max(c0, c1)


class _Book:
    """The workbook part: which sheets are shown and where they are, the shared
    strings, the cell styles (number format, border) and the date system."""

    def __init__(self, package: Package) -> None:
        self.package = package
        root = package.xml("xl/workbook.xml")
        ns = _STRICT if root.tag == f"{{{_STRICT}}}workbook" else _MAIN
        self.ns = "{" + ns + "}"
        rel = "{" + (_STRICT_REL if ns == _STRICT else _REL) + "}id"
        properties = root.find(self.ns + "workbookPr")
        self.epoch = _dt.datetime(1899, 12, 30)
        if properties is not None and properties.get("date1904") in ("1", "true"):
            self.epoch = _dt.datetime(1904, 1, 1)
        targets = self._relationships("xl/_rels/workbook.xml.rels")
        self.sheet_paths = []
        for sheet in root.iter(self.ns + "sheet"):
            target = targets.get(sheet.get(rel) or "")
            if target is None or not target[1].endswith("/worksheet"):
                continue  # a chart sheet, or a sheet whose part is not in the package
            if (sheet.get("state") or "visible") == "visible":
                self.sheet_paths.append(target[0])
        self.strings = self._shared_strings(targets)
        self._styles(targets)

    def _relationships(self, path: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (part path, relationship type)."""
        if not self.package.has(path):
            return {}
        found = {}
        for rel in self.package.xml(path).iter(_PACKAGE_REL):
            target = rel.get("Target") or ""
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            found[rel.get("Id") or ""] = (part, rel.get("Type") or "")
        return found

    def _part(self, targets: dict[str, tuple[str, str]], kind: str, default: str) -> str | None:
        for part, rel_type in targets.values():
            if rel_type.endswith("/" + kind):
                return part
        return default if self.package.has(default) else None

    def _shared_strings(self, targets: dict[str, tuple[str, str]]) -> list[str]:
        path = self._part(targets, "sharedStrings", "xl/sharedStrings.xml")
        if path is None:
            return []
        strings: list[str] = []
        most = limits.current().table_cells
        si, t, r = self.ns + "si", self.ns + "t", self.ns + "r"
        for node in _stream(self.package.read(path), path, (si,)):
            # Plain text, then the runs of rich text; phonetic guides (rPh) are not printed.
            snippets = [node.findtext(t) or ""] + [run.findtext(t) or "" for run in node.iterchildren(r)]
            strings.append("".join(snippets).replace("x005F_", ""))
            if len(strings) > most:
                raise limits.too_large("table_cells", len(strings), "Excel 共享字符串表")
        return strings

    def _styles(self, targets: dict[str, tuple[str, str]]) -> None:
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

        self.formats: list[str] = []  # per cell style (the s attribute): number format
        self.dates: list[int] = []  # 0: a number, 1: a date, 2: a duration
        self.bordered: list[bool] = []
        path = self._part(targets, "styles", "xl/styles.xml")
        if path is None:
            return
        root = self.package.xml(path)
        ns = self.ns
        custom = {}
        for fmt in root.iter(ns + "numFmt"):
            custom[fmt.get("numFmtId")] = fmt.get("formatCode") or "General"
        sides = [ns + s for s in ("left", "right", "top", "bottom", "start", "end")]
        borders = []
        box = root.find(ns + "borders")
        for border in box.iterchildren(ns + "border") if box is not None else ():
            borders.append(any(border.find(side) is not None and border.find(side).get("style") for side in sides))
        xfs = root.find(ns + "cellXfs")
        for xf in xfs.iterchildren(ns + "xf") if xfs is not None else ():
            number = xf.get("numFmtId") or "0"
            fmt = custom.get(number)
            if fmt is None:
                fmt = BUILTIN_FORMATS.get(int(number), "General") if number.isdigit() else "General"
            self.formats.append(fmt)
            self.dates.append(2 if is_timedelta_format(fmt) else 1 if is_date_format(fmt) else 0)
            border = xf.get("borderId") or "0"
            self.bordered.append(border.isdigit() and int(border) < len(borders) and borders[int(border)])


def _stream(xml: bytes, what: str, tags: tuple[str, ...]) -> Iterator[etree._Element]:
    """The elements ``tags`` of a part as it is parsed, each freed once it is used, so a
    sheet of any length is held one row at a time."""
    events = etree.iterparse(
        io.BytesIO(xml),
        events=("end",),
        tag=tags,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    try:
        for _, node in events:
            yield node
            node.clear(keep_tail=False)
            while node.getprevious() is not None:
                del node.getparent()[0]
    except etree.XMLSyntaxError as error:
        raise xml_error(error, f"Excel 文件中的 {what}") from None


_ROW_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")
_CELL_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")


def _read_sheet(xml: bytes, book: _Book, tally: limits.Tally) -> _RawSheet:
    # Counted in the bytes before anything is parsed (a few milliseconds for the
    # largest sheet allowed): a sheet of 200,000 rows is refused at once, not after
    # the first 50,000 have been read.
    limits.check("sheet_rows", sum(1 for _ in _ROW_START.finditer(xml)))
    limits.check("table_cells", tally.cells + sum(1 for _ in _CELL_START.finditer(xml)))
    ns = book.ns
    row_tag, col_tag, merge_tag = ns + "row", ns + "col", ns + "mergeCell"
    cell_tag, value_tag, inline_tag = ns + "c", ns + "v", ns + "is"
    text_tag, run_tag = ns + "t", ns + "r"
    lim = limits.current()
    sheet = _RawSheet()
    rows = 0
    row_number = 0
    for node in _stream(xml, "工作表", (row_tag, col_tag, merge_tag)):
        if node.tag == col_tag:
            if node.get("hidden") in ("1", "true"):
                first = _index(node.get("min"), MAX_COL, "列号")
                sheet.hidden_cols.append((first, max(first, _index(node.get("max") or str(first), MAX_COL, "列号"))))
            continue
        if node.tag == merge_tag:
            sheet.merges.append(_range_ref(node.get("ref") or ""))
            if len(sheet.merges) > lim.merged_ranges:
                raise limits.too_large("merged_ranges", len(sheet.merges))
            continue
        rows += 1
        if rows > lim.sheet_rows:
            raise limits.too_large("sheet_rows", rows)
        r = node.get("r")
        row_number = _index(r, MAX_ROW, "行号") if r is not None else row_number + 1
        sheet.last_row = max(sheet.last_row, row_number)
        if node.get("hidden") in ("1", "true"):
            sheet.hidden_rows.append((row_number, row_number))
        column = 0
        for cell in node.iterchildren(cell_tag):
            ref = cell.get("r")
            if ref is not None:
                at, column = _cell_ref(ref)
            else:
                at, column = row_number, column + 1
                if column > MAX_COL:
                    raise _damaged("一行中的单元格超出工作表", "more cells in a row than the sheet has columns")
            style = cell.get("s")
            index = _index(style, 1 << 30, "单元格样式") if style not in (None, "0") else 0
            index = index if index < len(book.formats) else 0  # an unknown style: the default, as Excel repairs it
            if index < len(book.bordered) and book.bordered[index]:
                sheet.ruled_rows.add(at)
            text = _xlsx_text(cell, index, book, value_tag, inline_tag, text_tag, run_tag)
            tally.cell(text)
            if text:
                sheet.cells[(at, column)] = text
            sheet.last_row = max(sheet.last_row, at)
    return sheet


def _xlsx_text(cell, style: int, book: _Book, value_tag, inline_tag, text_tag, run_tag) -> str:
    """The text a cell prints (the cached value of a formula: what the sheet shows)."""
    kind = cell.get("t") or "n"
    fmt = book.formats[style] if style < len(book.formats) else "General"
    if kind == "inlineStr":
        node = cell.find(inline_tag)
        if node is None:
            return ""
        runs = [node.findtext(text_tag) or ""] + [run.findtext(text_tag) or "" for run in node.iterchildren(run_tag)]
        return _value_text("".join(runs), fmt)
    value = cell.findtext(value_tag)
    if not value:
        return ""
    if kind == "n":
        number = _number(value)
        date = book.dates[style] if style < len(book.dates) else 0
        if date and isinstance(number, (int, float)):
            from openpyxl.utils.datetime import from_excel

            try:
                return _value_text(from_excel(number, book.epoch, timedelta=date == 2), fmt)
            except (OverflowError, ValueError):
                return "#VALUE!"  # a serial outside the calendar: what Excel shows
        return _value_text(number, fmt)
    if kind == "s":
        if not _INTEGER.fullmatch(value) or int(value) >= len(book.strings):
            raise _damaged(f"共享字符串编号无效：“{value[:20]}”", f"invalid shared string index {value!r:.40}")
        return _value_text(book.strings[int(value)], fmt)
    if kind == "b":
        if value.strip() not in ("0", "1", "true", "false"):
            raise _damaged(f"逻辑值无效：“{value[:20]}”", f"invalid boolean {value!r:.40}")
        return _value_text(value.strip() in ("1", "true"), fmt)
    if kind == "d":
        from openpyxl.utils.datetime import from_ISO8601

        try:
            return _value_text(from_ISO8601(value), fmt)
        except (ValueError, OverflowError, TypeError):
            return _value_text(value, "@")
    return _value_text(value, "@")  # str (a formula's text), e (#DIV/0! …) and unknown types print as stored


def _number(text: str) -> int | float:
    """A number as stored (<v>1065.08</v>); anything else in a number cell is damage."""
    if not _NUMBER.fullmatch(text):
        raise _damaged(f"数值无效：“{text[:20]}”", f"invalid number {text!r:.40}")
    text = text.strip()
    if any(mark in text for mark in ".eE") or len(text) > 30:
        return float(text)  # Excel stores 15 significant digits; a longer integer is not one it wrote
    return int(text)


# --- .xls ----------------------------------------------------------------------------


def _xls_errors() -> tuple[type[BaseException], ...]:
    # What xlrd raises for a damaged or unsupported file: its own errors, and the
    # struct/index/key/assertion errors of its record parser meeting bad bytes.
    import xlrd
    from xlrd.compdoc import CompDocError

    return (
        xlrd.XLRDError,
        CompDocError,
        struct.error,
        AssertionError,
        IndexError,
        KeyError,
        ValueError,
        TypeError,
        UnicodeError,
        OverflowError,
        EOFError,
        ZeroDivisionError,
    )


def read_xls(data: bytes) -> list[Block]:
    """An old binary .xls workbook (BIFF, Excel 97-2003)."""
    import xlrd

    errors = _xls_errors()
    try:
        # ragged_rows: each row only as long as its cells (not every row padded to the
        # widest), so one far cell does not cost rows x columns.
        book = xlrd.open_workbook(
            file_contents=data, formatting_info=True, on_demand=True, ragged_rows=True, logfile=io.StringIO()
        )
    except errors as error:
        if "encrypt" in str(error).lower():
            raise LoadError("Excel 文件已加密（设有密码），请先取消密码保护后再上传。", "encrypted .xls") from None
        raise LoadError(
            "旧版 Excel（.xls）文件已损坏或格式不受支持，请另存为 .xlsx 后再上传。",
            f"cannot read .xls: {type(error).__name__}: {error}",
        ) from None
    try:
        tally = limits.Tally()
        sheets = []
        for index in range(book.nsheets):
            try:
                ws = book.sheet_by_index(index)
            except errors as error:
                raise LoadError(
                    "旧版 Excel（.xls）文件已损坏，无法读取。", f"damaged .xls sheet: {type(error).__name__}: {error}"
                ) from None
            if getattr(ws, "visibility", 0) != 0:
                continue
            sheets.append(_xls_sheet(book, ws, tally).visible())
    finally:
        book.release_resources()
    return _workbook_blocks(sheets)


def _xls_sheet(book, ws, tally: limits.Tally) -> _RawSheet:
    lim = limits.current()
    sheet = _RawSheet()
    sheet.hidden_rows = [(r + 1, r + 1) for r, info in ws.rowinfo_map.items() if info.hidden]
    sheet.hidden_cols = [(c + 1, c + 1) for c, info in ws.colinfo_map.items() if info.hidden]
    if ws.nrows > lim.sheet_rows:
        raise limits.too_large("sheet_rows", ws.nrows)
    sheet.last_row = ws.nrows
    for r in range(ws.nrows):
        for c in range(ws.row_len(r)):
            text = _xls_text(book, ws, r, c)
            tally.cell(text)
            if text:
                sheet.cells[(r + 1, c + 1)] = text
    if len(ws.merged_cells) > lim.merged_ranges:
        raise limits.too_large("merged_ranges", len(ws.merged_cells))
    for r0, r1, c0, c1 in ws.merged_cells:
        if r0 < r1 and c0 < c1:
            sheet.merges.append((r0 + 1, c0 + 1, r1, c1))
    return sheet


def _xls_text(book, ws, r: int, c: int) -> str:
    import xlrd

    cell = ws.cell(r, c)
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return ""
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        xf_index = ws.cell_xf_index(r, c)
        xf = book.xf_list[xf_index] if 0 <= xf_index < len(book.xf_list) else None
        fmt = book.format_map.get(xf.format_key) if xf is not None else None
        return _value_text(cell.value, fmt.format_str if fmt else "General")
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return _value_text(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode), "")
        except (OverflowError, ValueError):
            return "#VALUE!"
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
    places = min(len(digits.group(1) or ""), 30) if digits else 0  # Excel shows at most 30 decimals
    trailing = re.search(r"[0#?](,+)(?![0#?])", section)
    if trailing:  # "#,##0," prints thousands
        amount = amount.scaleb(-3 * min(len(trailing.group(1)), 10))
    minimum = min(len(re.sub(r"[^0]", "", digits.group(1) or "")), places) if digits else 0
    with localcontext() as context:
        # Enough digits for any float Excel can store (1E+308) at the places shown.
        context.prec = max(context.prec, amount.adjusted() + places + 3)
        text = format(amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), "f")
    if "." in text and minimum < places:  # optional digits (#) print only when needed
        whole, fraction = text.split(".")
        fraction = fraction.rstrip("0").ljust(minimum, "0")
        text = f"{whole}.{fraction}" if fraction else whole
    return text + ("%" if percent else "")


# --- sheets -> blocks ----------------------------------------------------------------
#
# Work here follows what the sheet stores (its filled cells, its merges), never the
# area they span: a merged block is walked row by row only where rows are printed, and
# a grid is built only after its size has been checked.


def _workbook_blocks(sheets: list[_Sheet]) -> list[Block]:
    blocks: list[Block] = []
    for sheet in sheets:
        blocks += _sheet_blocks(sheet)
    if not blocks:
        raise LoadError("Excel 文件中没有任何内容。", "the workbook is empty")
    return blocks


@dataclass(frozen=True, slots=True)
class _Merge:
    r0: int
    c0: int
    r1: int  # exclusive
    c1: int  # exclusive


def _sheet_blocks(sheet: _Sheet) -> list[Block]:
    if not sheet.cells:
        return []
    # Only a merged block that prints something shapes the table (an empty one prints
    # nothing); Excel keeps a merged block's text in its top-left cell. A block merged
    # past the last row the sheet stores ends there: a merge over the whole sheet is as
    # long as the sheet, not a million rows.
    last_row = max(sheet.last_row, max(r for r, _ in sheet.cells), max(sheet.ruled_rows, default=0))
    merges = sorted(
        {
            _Merge(r0, c0, min(r1, last_row + 1), c1)
            for r0, c0, r1, c1 in sheet.merges
            if (r0, c0) in sheet.cells and r1 > r0 and c1 > c0
        },
        key=lambda m: (m.r0, m.c0),
    )
    rows = _rows(sheet, merges)
    by_row: dict[int, list[tuple[int, str]]] = {}
    for (r, c), text in sorted(sheet.cells.items()):
        by_row.setdefault(r, []).append((c, text))
    parts = _parts(sheet, by_row, rows)
    starts = [part[0] for part in parts]
    in_part: list[list[_Merge]] = [[] for _ in parts]
    for merge in merges:  # a merged block's rows are contiguous: it lies in one part
        in_part[bisect.bisect_right(starts, merge.r0) - 1].append(merge)
    blocks: list[Block] = []
    for part, part_merges in zip(parts, in_part, strict=True):
        blocks += _part_blocks(sheet, by_row, part, part_merges)
    return blocks


def _rows(sheet: _Sheet, merges: list[_Merge]) -> list[int]:
    """The rows that print something or lie inside a printing merged block, counted
    before they are listed."""
    spans: list[list[int]] = []
    for merge in merges:  # sorted by first row
        if spans and merge.r0 <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], merge.r1)
        else:
            spans.append([merge.r0, merge.r1])
    filled = sorted({r for r, _ in sheet.cells})
    starts = [a for a, _ in spans]

    def covered(r: int) -> bool:
        i = bisect.bisect_right(starts, r) - 1
        return i >= 0 and r < spans[i][1]

    alone = [r for r in filled if not covered(r)]
    limits.check("sheet_rows", len(alone) + sum(b - a for a, b in spans))
    return sorted(alone + [r for a, b in spans for r in range(a, b)])


def _parts(sheet: _Sheet, by_row: dict[int, list[tuple[int, str]]], rows: list[int]) -> list[list[int]]:
    """A sheet holding several tables one under another: a new part starts after an
    empty, unruled row when the next row prints one piece only (a title or a line of
    text), never inside a table."""
    ruled = sorted(sheet.ruled_rows)
    parts: list[list[int]] = [[]]
    for r in rows:
        previous = parts[-1][-1] if parts[-1] else None
        if previous is not None and r > previous + 1 and len(by_row.get(r, ())) == 1:
            i = bisect.bisect_right(ruled, previous)
            if i == len(ruled) or ruled[i] >= r:  # no ruled row in the gap
                parts.append([])
        parts[-1].append(r)
    return parts


def _sweep(rows: list[int], merges: list[_Merge], width: int) -> Iterator[tuple[int, list[tuple[int, _Merge]], int]]:
    """For each row, in order: the merged blocks over it sorted by first column (a live
    list: use it before the next row), and how many are narrower than ``width``.
    Merged blocks that overlap are damage (Excel refuses to open such a file)."""
    active: list[tuple[int, _Merge]] = []
    ends: list[tuple[int, int]] = []  # (end row, first column) of the active blocks, a heap
    narrow = pending = 0
    for r in rows:
        while ends and ends[0][0] <= r:
            _, c0 = heapq.heappop(ends)
            merge = active.pop(bisect.bisect_left(active, c0, key=_first_column))[1]
            narrow -= merge.c1 - merge.c0 < width
        while pending < len(merges) and merges[pending].r0 <= r:
            merge = merges[pending]
            pending += 1
            if merge.r1 <= r:
                continue
            i = bisect.bisect_left(active, merge.c0, key=_first_column)
            if (i < len(active) and active[i][1].c0 < merge.c1) or (i > 0 and active[i - 1][1].c1 > merge.c0):
                raise _damaged("合并单元格区域相互重叠", "overlapping merged ranges")
            active.insert(i, (merge.c0, merge))
            heapq.heappush(ends, (merge.r1, merge.c0))
            narrow += merge.c1 - merge.c0 < width
        yield r, active, narrow


def _first_column(item: tuple[int, _Merge]) -> int:
    return item[0]


def _owner(active: list[tuple[int, _Merge]], c: int) -> _Merge | None:
    i = bisect.bisect_right(active, c, key=_first_column) - 1
    return active[i][1] if i >= 0 and c < active[i][1].c1 else None


def _part_blocks(
    sheet: _Sheet, by_row: dict[int, list[tuple[int, str]]], rows: list[int], merges: list[_Merge]
) -> list[Block]:
    """One part of a sheet: text above the table, the table as a grid, text below."""
    cols = [c for r in rows for c, _ in by_row.get(r, ())]
    first_col = min(cols + [m.c0 for m in merges])
    last_col = max(cols + [m.c1 - 1 for m in merges])
    width = last_col - first_col + 1

    # The table runs from the first to the last row that is ruled, prints two or more
    # pieces or holds a merged block narrower than the sheet; single pieces above it are
    # its title (and unit line), below it its notes.
    printed: dict[int, list[str]] = {}  # the distinct printed pieces of a row
    tabular = []
    for r, active, narrow in _sweep(rows, merges, width):
        # A merged block prints once, in its top-left cell.
        pieces = [text for c, text in by_row.get(r, ()) if (m := _owner(active, c)) is None or (m.r0, m.c0) == (r, c)]
        if pieces:
            printed[r] = pieces
        if r in sheet.ruled_rows or len(pieces) >= 2 or narrow:
            tabular.append(r)
    if not tabular:
        return [Paragraph(" ".join(printed[r])) for r in rows if r in printed]
    top, bottom = tabular[0], tabular[-1]
    # A block merged downwards from inside the table belongs to it.
    bottom = max([bottom] + [m.r1 - 1 for m in merges if top <= m.r0 <= bottom])
    limits.check("table_rows", bottom - top + 1)
    limits.check("table_columns", width)
    limits.check("table_cells", (bottom - top + 1) * width)
    blocks: list[Block] = [Paragraph(" ".join(printed[r])) for r in rows if r < top and r in printed]
    inside = set(rows)
    sweep = _sweep([r for r in range(top, bottom + 1) if r in inside], merges, width)
    step = next(sweep, None)
    grid_rows = []
    for r in range(top, bottom + 1):
        if step is not None and step[0] == r:
            grid_rows.append(_grid_row(sheet, r, step[1], first_col, last_col))
            step = next(sweep, None)
        else:  # an empty row inside the table (no merged block reaches it)
            grid_rows.append(tuple(Cell("") for _ in range(width)))
    blocks.append(Grid(tuple(grid_rows)))
    blocks += [Paragraph(" ".join(printed[r])) for r in rows if r > bottom and r in printed]
    return blocks


def _grid_row(sheet: _Sheet, r: int, active: list[tuple[int, _Merge]], first_col: int, last_col: int):
    cells, c = [], first_col
    while c <= last_col:
        merge = _owner(active, c)
        if merge is None:
            cells.append(Cell(sheet.cells.get((r, c), "")))
            c += 1
            continue
        span = min(merge.c1, last_col + 1) - c
        # Merged down from a row above: printed once, so empty here (as Word has it).
        text = sheet.cells.get((merge.r0, merge.c0), "") if merge.r0 == r else ""
        cells.append(Cell(text, span))
        c += span
    return tuple(cells)
