"""PDF (text-based, as exported from WPS/Word) -> blocks, with pdfplumber.

One pass per page: pdfplumber finds the ruled tables (rulings drawn as lines or as thin
filled rectangles; white cell backgrounds are not rulings); every character is then
placed either in a table cell or in a text line. Runs of text lines that stand in
columns with amounts are tables without rulings (columns from text alignment). The
other lines become paragraphs by layout (first-line indent, a short last line, extra
spacing, a numbered item), across page breaks too, so sentences come out whole.

A table continued on the next page is emitted as consecutive grids with the same
columns (recognition joins them; each grid keeps its page); a row Word broke over the
page boundary is mended into one row. Page numbers and running heads are dropped.
Encrypted, scanned (no text layer), undecodable and damaged files raise LoadError.
"""

from __future__ import annotations

import io
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from statistics import median

from loaders.blocks import Block, Cell, Grid, LoadError, Paragraph

_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
_SNAP = 2.0  # points: rulings closer than this are one boundary
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–·\s]*\d{1,4}[-—–·\s]*|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|[Pp]age\s*\d+(?:\s*of\s*\d+)?)$"
)
_HEADING_MARK = re.compile(
    r"^(?:第[一二三四五六七八九十百]+[章节部分]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}\s*(?:[、．]|\.(?!\d)))"
)
_AMOUNT = re.compile(r"^-?[\d,]+(?:\.\d+)?$")


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    bold: bool
    page: int


@dataclass
class _Table:
    rows: list[list[list]]  # [text, span] per printed cell
    x0: float
    x1: float
    top: float
    bottom: float
    xs: list[float]
    page: int
    aligned: bool = False  # found by text alignment, not by rulings


@dataclass
class _Page:
    number: int
    width: float
    height: float
    items: list = field(default_factory=list)  # _Line | _Table, top to bottom
    undecoded: int = 0  # characters whose font has no Unicode map: "(cid:123)"


def read(data: bytes, rulings: bool = True) -> list[Block]:
    """The document's blocks. ``rulings=False`` ignores drawn rulings and finds every
    table by the alignment of its text (what an unruled PDF gets; tests compare both)."""
    pdf = _open(data)
    try:
        pages, chars, images, undecoded = [], 0, 0, 0
        for number, page in enumerate(pdf.pages, start=1):
            parsed, count = _read_page(page, number, rulings)
            pages.append(parsed)
            chars += count
            undecoded += parsed.undecoded
            if not count:
                images += len(page.images)
            page.close()  # drop the page's parsed objects: long documents stay small
    except LoadError:
        raise
    except Exception as error:  # pdfminer raises many types for damaged content
        raise LoadError(
            "PDF 文件已损坏或内容不完整，无法读取。", f"damaged PDF: {type(error).__name__}: {error}"
        ) from None
    finally:
        pdf.close()
    if not pages:
        raise LoadError("PDF 文件中没有页面。", "the PDF has no pages")
    if chars == 0:
        if images:
            raise LoadError(
                "这是扫描图像形式的 PDF，没有可提取的文字，无法读取；请上传 Word、Excel 或可复制文字的 PDF。",
                "scanned PDF: images without a text layer",
            )
        raise LoadError("PDF 中没有可提取的文字，无法读取。", "the PDF has no text")
    if undecoded > chars * 0.3:
        raise LoadError(
            "PDF 中的文字使用了无法解码的字体（缺少字符映射），提取出的文字是乱码，无法读取；"
            "请上传 Word、Excel 或重新导出的 PDF。",
            "PDF fonts without a Unicode map: text cannot be extracted",
        )
    _drop_running_heads(pages)
    _join_split_rows(pages)
    return _blocks(pages)


def _open(data: bytes):
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        _ = pdf.pages  # parses the page tree: a truncated or encrypted file fails here
    except Exception as error:
        if _encrypted(error):
            raise LoadError("PDF 文件已加密（设有打开密码），请先取消密码后再上传。", "encrypted PDF") from None
        raise LoadError(
            "PDF 文件已损坏或不完整，无法打开。", f"cannot open PDF: {type(error).__name__}: {error}"
        ) from None
    return pdf


def _encrypted(error: BaseException) -> bool:
    """pdfminer's password errors arrive wrapped (PdfminerException) or chained."""
    found: list[BaseException] = []
    seen: BaseException | None = error
    while seen is not None and seen not in found:
        found.append(seen)
        found += [arg for arg in seen.args if isinstance(arg, BaseException)]
        seen = seen.__cause__ or seen.__context__
    return any(
        "Password" in type(e).__name__ or "Encrypt" in type(e).__name__ or "password" in str(e).lower() for e in found
    )


# --- one page -------------------------------------------------------------------------


def _read_page(page, number: int, rulings: bool = True) -> tuple[_Page, int]:
    chars = [c for c in page.chars if c["text"].strip() or c["text"] == " "]
    result = _Page(number, float(page.width), float(page.height))
    result.undecoded = sum(1 for c in chars if c["text"].startswith("(cid:"))
    tables = []
    if rulings and (page.rects or page.lines):
        ruled = page.filter(_visible) if any(not _visible(r) for r in page.rects) else page
        for found in ruled.find_tables(_TABLE_SETTINGS):
            grid = _Geometry(found.cells)
            if grid.columns > 1:  # a boxed paragraph (a framed contents page) is text
                tables.append(grid)
    loose = []
    for char in chars:
        cx = (char["x0"] + char["x1"]) / 2
        cy = (char["top"] + char["bottom"]) / 2
        for grid in tables:
            if grid.x0 - 1 <= cx <= grid.x1 + 1 and grid.top - 1 <= cy <= grid.bottom + 1:
                grid.add(char, cx, cy)
                break
        else:
            loose.append(char)
    groups = [group for group in _group_lines(loose) if _join_chars(group)]
    unruled, groups = _aligned_tables(groups, number)
    items: list = [_line(group, number) for group in groups]
    items += [grid.table(number) for grid in tables] + unruled
    items = [item for item in items if not (isinstance(item, _Table) and not item.rows)]
    items.sort(key=lambda item: item.top)
    result.items = items
    return result, len(chars)


def _visible(obj: dict) -> bool:
    """Rulings are what is seen: a white, unstroked cell background is not one."""
    if obj.get("object_type") != "rect" or obj.get("stroke"):
        return True
    return bool(obj.get("fill")) and not _white(obj.get("non_stroking_color"))


def _white(color) -> bool:
    if color is None:
        return False  # the default fill is black
    values = tuple(color) if isinstance(color, (tuple, list)) else (color,)
    if not values or not all(isinstance(v, (int, float)) for v in values):
        return False
    if len(values) == 4:  # CMYK
        return all(v <= 0.01 for v in values)
    return all(v >= 0.99 for v in values)


class _Geometry:
    """A found table's cells on a grid of column and row boundaries."""

    def __init__(self, cells: list[tuple[float, float, float, float]]) -> None:
        self.xs = _snap([c[0] for c in cells] + [c[2] for c in cells])
        self.ys = _snap([c[1] for c in cells] + [c[3] for c in cells])
        self.x0, self.x1, self.top, self.bottom = self.xs[0], self.xs[-1], self.ys[0], self.ys[-1]
        self.columns = len(self.xs) - 1
        self.owner = [[None] * self.columns for _ in range(len(self.ys) - 1)]
        self.spans = []  # (row0, col0, row1, col1)
        for index, (x0, top, x1, bottom) in enumerate(cells):
            c0, c1 = _nearest(self.xs, x0), _nearest(self.xs, x1)
            r0, r1 = _nearest(self.ys, top), _nearest(self.ys, bottom)
            self.spans.append((r0, c0, max(r1, r0 + 1), max(c1, c0 + 1)))
            for r in range(r0, max(r1, r0 + 1)):
                for c in range(c0, max(c1, c0 + 1)):
                    if r < len(self.owner) and c < self.columns:
                        self.owner[r][c] = index
        self.chars: list[list] = [[] for _ in cells]

    def add(self, char: dict, cx: float, cy: float) -> None:
        r = min(max(bisect_right(self.ys, cy) - 1, 0), len(self.owner) - 1)
        c = min(max(bisect_right(self.xs, cx) - 1, 0), self.columns - 1)
        index = self.owner[r][c]
        if index is not None:
            self.chars[index].append(char)

    def table(self, number: int) -> _Table:
        rows = []
        for r, owners in enumerate(self.owner):
            row, c = [], 0
            while c < self.columns:
                index = owners[c]
                if index is None:
                    row.append(["", 1])
                    c += 1
                    continue
                r0, c0, _, c1 = self.spans[index]
                # A cell merged down from a row above is printed once: empty here.
                text = _cell_text(self.chars[index]) if r0 == r else ""
                row.append([text, max(c1 - c, 1)])
                c = max(c1, c + 1)
            rows.append(row)  # blank rows too: "rows as printed", as Word gives them
        return _Table(rows, self.x0, self.x1, self.top, self.bottom, self.xs, number)


# --- tables without rulings ----------------------------------------------------------


def _segments(line: list[dict]) -> list[list[dict]]:
    """A printed line cut where the gap between characters is a column gap."""
    parts: list[list[dict]] = [[line[0]]]
    for char in line[1:]:
        last = parts[-1][-1]
        gap = char["x0"] - last["x1"]
        size = max(last["size"], 4)
        # A full character's width of white is a column gap; so is any visible gap
        # between a code ("208", "05") and the name that follows it.
        code_then_name = _is_code_piece(parts[-1]) and not char["text"].isascii()
        if gap > size * 0.9 or (code_then_name and gap > size * 0.2):
            parts.append([char])
        else:
            parts[-1].append(char)
    return [part for part in parts if _join_chars(part)]


def _is_code_piece(chars: list[dict]) -> bool:
    return 1 <= len(chars) <= 9 and all(c["text"].isdigit() for c in chars)


def _is_amount(text: str) -> bool:
    return bool(_AMOUNT.match(text.replace(" ", ""))) and any(ch.isdigit() for ch in text)


def _aligned_tables(groups: list[list[dict]], number: int) -> tuple[list[_Table], list[list[dict]]]:
    """Tables printed without rulings: runs of lines whose text stands in columns.

    A run is a sequence of lines cut into two or more pieces by column gaps, with
    amounts on at least two of them. Columns are the bands that the pieces of the
    lines with amounts occupy; a header piece over several bands is a merged cell. A
    one-piece line tight under a row continues that row's cell (a wrapped name).
    """
    cut = [_segments(group) for group in groups]
    tables: list[_Table] = []
    used: set[int] = set()
    i = 0
    while i < len(groups):
        if len(cut[i]) < 2:
            i += 1
            continue
        j = i
        while j + 1 < len(groups) and (len(cut[j + 1]) >= 2 or _wraps(groups[j], groups[j + 1], cut, j + 1)):
            j += 1
        run = list(range(i, j + 1))
        table = _aligned_table([cut[k] for k in run], [groups[k] for k in run], number)
        if table is not None:
            tables.append(table)
            used.update(run)
        i = j + 1
    return tables, [group for k, group in enumerate(groups) if k not in used]


def _wraps(previous: list[dict], line: list[dict], cut, k: int) -> bool:
    """A single piece inside a table (a header label on its own line, the rest of a
    wrapped cell, a row with its amount blank), provided the table goes on below."""
    return len(cut[k]) == 1 and any(len(row) >= 2 for row in cut[k + 1 : k + 4])


def _aligned_table(pieces: list[list[list[dict]]], lines: list[list[dict]], number: int) -> _Table | None:
    data = [row for row in pieces if any(_is_amount(_join_chars(p)) for p in row) and len(row) >= 2]
    if len(data) < 2:
        return None
    bands: list[list[float]] = []
    for x0, x1 in sorted((p[0]["x0"], p[-1]["x1"]) for row in data for p in row):
        if bands and x0 <= bands[-1][1] + 1:
            bands[-1][1] = max(bands[-1][1], x1)
        else:
            bands.append([x0, x1])
    # A header piece clear of every band labels the band beside it (a centred label
    # over right-aligned amounts, within two and a half characters) or, farther, a
    # column left blank in every data row: that opens a band of its own.
    for row in pieces:
        if row in data:
            continue
        for piece in row:
            x0, x1 = piece[0]["x0"], piece[-1]["x1"]
            if any(min(x1, b1) - max(x0, b0) > 0 for b0, b1 in bands):
                continue
            # Amounts sit right-aligned under a centred label: look right first.
            gap, nearest = min(
                (max(b0 - x1, x0 - b1) - (0.5 if b0 >= x1 else 0), n) for n, (b0, b1) in enumerate(bands)
            )
            if gap <= 2.5 * max(piece[0]["size"], 4):
                bands[nearest] = [min(bands[nearest][0], x0), max(bands[nearest][1], x1)]
            else:
                bands.append([x0, x1])
                bands.sort()
    if len(bands) < 3:
        return None  # two columns are a list with amounts (a contents page), not a table
    rows: list[list[list]] = []
    previous = None
    for row, line in zip(pieces, lines, strict=False):
        tight = previous is not None and _baseline(line[0]) - _baseline(previous[0]) < 1.5 * max(line[0]["size"], 4)
        previous = line
        if len(row) == 1 and rows and tight and _is_continuation(row, rows, bands):
            continue
        cells: list[list] = [["", 1] for _ in bands]
        covered = [False] * len(bands)
        for piece in row:
            x0, x1 = piece[0]["x0"], piece[-1]["x1"]
            hit = [b for b, (b0, b1) in enumerate(bands) if min(x1, b1) - max(x0, b0) > 0]
            if not hit:  # in a gap between bands: the nearest band by centre
                centre = (x0 + x1) / 2
                hit = [min(range(len(bands)), key=lambda b: abs((bands[b][0] + bands[b][1]) / 2 - centre))]
            first, last = hit[0], hit[-1]
            text = _join_chars(piece)
            cells[first][0] = f"{cells[first][0]} {text}".strip()
            if last > first and not any(covered[first + 1 : last + 1]):
                cells[first][1] = last - first + 1
                for b in range(first + 1, last + 1):
                    covered[b] = True
            covered[first] = True
        out, b = [], 0
        while b < len(cells):
            cells[b][1] = max(min(cells[b][1], len(cells) - b), 1)
            out.append(cells[b])
            b += cells[b][1]
        rows.append(out)
    xs = [bands[0][0]] + [(a[1] + b[0]) / 2 for a, b in zip(bands, bands[1:], strict=False)] + [bands[-1][1]]
    top = min(c["top"] for line in lines for c in line)
    bottom = max(c["bottom"] for line in lines for c in line)
    return _Table(rows, xs[0], xs[-1], top, bottom, xs, number, aligned=True)


def _is_continuation(row: list[list[dict]], rows: list[list[list]], bands) -> bool:
    """Append a wrapped cell's next line to the row above; True when done."""
    piece = row[0]
    centre = (piece[0]["x0"] + piece[-1]["x1"]) / 2
    band = min(range(len(bands)), key=lambda b: abs((bands[b][0] + bands[b][1]) / 2 - centre))
    position = 0
    for cell in rows[-1]:
        if position == band:
            if not cell[0] or _is_amount(_join_chars(piece)):
                return False
            cell[0] += _join_chars(piece)
            return True
        position += cell[1]
    return False


def _snap(values: list[float]) -> list[float]:
    result: list[float] = []
    for value in sorted(values):
        if result and value - result[-1] <= _SNAP:
            continue
        result.append(value)
    return result


def _nearest(bounds: list[float], value: float) -> int:
    return min(range(len(bounds)), key=lambda i: abs(bounds[i] - value))


def _baseline(char: dict) -> float:
    # Fonts differ in ascent, so "top" varies along one printed line; the baseline does not.
    matrix = char.get("matrix")
    if matrix and char.get("upright", True):
        return char["top"] + (char["y1"] - matrix[5])
    return char["bottom"]


def _group_lines(chars: list[dict]) -> list[list[dict]]:
    """Characters -> printed lines (by baseline), each sorted left to right."""
    lines: list[list[dict]] = []
    for char in sorted(chars, key=_baseline):
        base = _baseline(char)
        if lines and abs(base - lines[-1][0]["_base"]) <= max(char["size"], 4) * 0.35:
            lines[-1].append(char)
        else:
            char = dict(char)
            char["_base"] = base
            lines.append([char])
    return [sorted(line, key=lambda c: c["x0"]) for line in lines]


def _join_chars(line: list[dict]) -> str:
    parts, last = [], None
    for char in line:
        text = char["text"]
        # A gap wider than the CJK/Latin auto-spacing of Word and WPS is a space.
        if (
            last is not None
            and text != " "
            and parts
            and parts[-1] != " "
            and char["x0"] - last["x1"] > max(char["size"], 4) * 0.45
        ):
            parts.append(" ")
        parts.append(text)
        last = char
    return re.sub(r" {2,}", " ", "".join(parts)).strip()


def _line(chars: list[dict], number: int) -> _Line:
    sizes = [c["size"] for c in chars if c["text"].strip()] or [chars[0]["size"]]
    bold = sum(_is_bold(c["fontname"]) for c in chars) > len(chars) / 2
    return _Line(
        text=_join_chars(chars),
        x0=min(c["x0"] for c in chars),
        x1=max(c["x1"] for c in chars),
        top=min(c["top"] for c in chars),
        bottom=max(c["bottom"] for c in chars),
        baseline=chars[0].get("_base", _baseline(chars[0])),
        size=round(median(sizes), 1),
        bold=bold,
        page=number,
    )


def _is_bold(fontname: str) -> bool:
    name = fontname.lower()
    return "bold" in name or "hei" in name or "black" in name or name.endswith(",b")


def _cell_text(chars: list[dict]) -> str:
    """A cell's wrapped lines rejoined: Chinese and numbers continue without a space.

    A line that ends well short of the cell's longest line, or a numbered line, starts
    a new paragraph inside the cell (a list of goals): that break is kept as a newline,
    as Word keeps it.
    """
    lines = _group_lines(chars)
    right = max((line[-1]["x1"] for line in lines), default=0)
    text = ""
    for n, line in enumerate(lines):
        part = _join_chars(line)
        if text and part:
            previous = lines[n - 1]
            if previous[-1]["x1"] < right - 2.5 * max(previous[-1]["size"], 4) or _HEADING_MARK.match(part):
                text += "\n"
            elif text[-1].isascii() and text[-1].isalpha() and part[0].isascii() and part[0].isalpha():
                text += " "
        text += part
    return text


# --- across pages -------------------------------------------------------------------


def _drop_running_heads(pages: list[_Page]) -> None:
    """Page numbers and running headers/footers are not part of the document's text."""
    bands: dict[str, int] = {}
    for page in pages:
        for item in page.items:
            if isinstance(item, _Line) and _in_margin(item, page):
                bands[item.text] = bands.get(item.text, 0) + 1
    repeated = {text for text, count in bands.items() if count >= 3 and count >= len(pages) / 2}
    for page in pages:
        page.items = [
            item
            for item in page.items
            if not (
                isinstance(item, _Line)
                and _in_margin(item, page)
                and (_PAGE_NUMBER.match(item.text) or item.text in repeated)
            )
        ]


def _in_margin(line: _Line, page: _Page) -> bool:
    return line.bottom < page.height * 0.08 or line.top > page.height * 0.9


def _join_split_rows(pages: list[_Page]) -> None:
    """A table row that Word broke over a page boundary is one row.

    The continuation carries only the overflowing text: no amounts, and text only in
    cells that the row above the break also fills.
    """
    previous: _Table | None = None
    for page in pages:
        first = page.items[0] if page.items else None
        if isinstance(first, _Table) and previous is not None and previous.rows and first.rows:
            _align_columns(previous, first)
            head, tail = previous.rows[-1], first.rows[0]
            if _layout(head) == _layout(tail) and _is_overflow(head, tail):
                for cell, extra in zip(head, tail, strict=False):
                    cell[0] += extra[0]
                first.rows.pop(0)
        last = page.items[-1] if page.items else None
        previous = last if isinstance(last, _Table) else None
    for page in pages:
        page.items = [item for item in page.items if not (isinstance(item, _Table) and not item.rows)]


def _align_columns(previous: _Table, table: _Table) -> None:
    """Give both parts of a table broken over pages the same columns.

    One part may lack rulings the other has (a 合计 row spanning the code columns, a
    unit-line row left alone above the break), so the coarser part's cells are
    re-spanned on the finer part's column boundaries.
    """
    if previous.aligned and table.aligned:
        _realign(previous, table)
        return
    if abs(previous.x0 - table.x0) > 3 * _SNAP or abs(previous.x1 - table.x1) > 3 * _SNAP:
        return
    coarse, fine = (table, previous) if len(table.xs) < len(previous.xs) else (previous, table)
    if len(coarse.xs) == len(fine.xs):
        return
    if not all(min(abs(x - f) for f in fine.xs) <= 2 * _SNAP for x in coarse.xs):
        return
    for row in coarse.rows:
        start = 0
        for cell in row:
            left = _nearest(fine.xs, coarse.xs[start])
            start = min(start + cell[1], len(coarse.xs) - 1)
            cell[1] = max(_nearest(fine.xs, coarse.xs[start]) - left, 1)
    coarse.xs = list(fine.xs)


def _realign(previous: _Table, table: _Table) -> None:
    """An unruled table's next page has columns found afresh from its own text: put
    each cell in the column of the earlier part whose band holds its middle."""

    def column(x: float) -> int:
        return min(max(bisect_right(previous.xs, x) - 1, 0), len(previous.xs) - 2)

    width = len(previous.xs) - 1
    for n, row in enumerate(table.rows):
        cells: list[list] = [["", 1] for _ in range(width)]
        start = 0
        for text, span in row:
            stop = min(start + span, len(table.xs) - 1)
            if start >= stop:
                break
            left = (table.xs[start] + table.xs[start + 1]) / 2
            right = (table.xs[stop - 1] + table.xs[stop]) / 2
            first, last = column(left), column(right)
            if text:
                cells[first][0] = f"{cells[first][0]} {text}".strip()
                cells[first][1] = max(cells[first][1], last - first + 1)
            start += span
        out, c = [], 0
        while c < width:
            out.append(cells[c])
            c += max(min(cells[c][1], width - c), 1)
        table.rows[n] = out
    table.xs = list(previous.xs)


def _layout(row: list[list]) -> tuple[int, ...]:
    return tuple(span for _, span in row)


def _is_overflow(head: list[list], tail: list[list]) -> bool:
    filled = [bool(text) for text, _ in tail]
    # Short cells are printed whole before the break; only the tallest few overflow.
    if not any(filled) or sum(filled) * 2 > sum(bool(text) for text, _ in head):
        return False
    for (text, _), (above, _) in zip(tail, head, strict=False):
        if text and (not above or _AMOUNT.match(text.replace(" ", ""))):
            return False
    return True


# --- blocks -------------------------------------------------------------------------


def _blocks(pages: list[_Page]) -> list[Block]:
    lines = [item for page in pages for item in page.items if isinstance(item, _Line)]
    body = _body_size(lines)
    pitch = _line_pitch(pages)
    margins = {page.number: _margins(page, body) for page in pages}
    blocks: list[Block] = []
    current: list[_Line] = []
    previous: _Line | None = None

    def flush() -> None:
        if current:
            blocks.append(_paragraph(current, body, pages[current[0].page - 1], margins))
            current.clear()

    for page in pages:
        for item in page.items:
            if isinstance(item, _Table):
                flush()
                previous = None
                blocks.append(
                    Grid(tuple(tuple(Cell(text, span) for text, span in row) for row in item.rows), page=item.page)
                )
                continue
            if previous is not None and _continues(previous, item, body, pitch, margins, pages):
                current.append(item)
            else:
                flush()
                current.append(item)
            previous = item
    flush()
    return blocks


def _body_size(lines: list[_Line]) -> float:
    weights: dict[float, int] = {}
    for line in lines:
        weights[line.size] = weights.get(line.size, 0) + len(line.text)
    return max(weights, key=weights.get) if weights else 10.5


def _line_pitch(pages: list[_Page]) -> dict[float, float]:
    """The usual distance between lines of one paragraph, per font size."""
    gaps: dict[float, list[float]] = {}
    for page in pages:
        for a, b in zip(page.items, page.items[1:], strict=False):
            if isinstance(a, _Line) and isinstance(b, _Line) and a.size == b.size:
                gap = b.baseline - a.baseline
                if gap >= a.size * 0.9:
                    gaps.setdefault(a.size, []).append(gap)
    result = {}
    for size, values in gaps.items():
        values.sort()
        result[size] = values[len(values) // 10]  # tight lines are the paragraph's own
    return result


def _margins(page: _Page, body: float) -> tuple[float, float]:
    lines = [i for i in page.items if isinstance(i, _Line) and abs(i.size - body) < 0.6]
    if not lines:
        lines = [i for i in page.items if isinstance(i, _Line)]
    if not lines:
        return 0.0, page.width
    return min(line.x0 for line in lines), max(line.x1 for line in lines)


def _continues(previous: _Line, line: _Line, body: float, pitch, margins, pages) -> bool:
    """Whether ``line`` carries on the paragraph that ``previous`` belongs to."""
    if abs(previous.size - line.size) > 0.6 or previous.bold != line.bold:
        return False
    left, right = margins[line.page]
    _, previous_right = margins[previous.page]
    if previous.x1 < previous_right - 2 * previous.size:
        return False  # the previous line ended short: its paragraph ended
    if line.x0 > left + 0.8 * line.size:
        return False  # first-line indent
    if _HEADING_MARK.match(line.text):
        return False  # a numbered item starts its own paragraph
    if _is_centered(previous, pages[previous.page - 1], margins) or _is_centered(line, pages[line.page - 1], margins):
        return False
    if previous.page == line.page:
        usual = pitch.get(line.size, line.size * 1.5)
        if line.baseline - previous.baseline > usual * 1.3:
            return False  # extra space between paragraphs
    return True


def _is_centered(line: _Line, page: _Page, margins) -> bool:
    left, right = margins[line.page]
    middle = (left + right) / 2
    return line.x0 > left + 3 * line.size and abs((line.x0 + line.x1) / 2 - middle) < line.size * 1.5


def _paragraph(lines: list[_Line], body: float, page: _Page, margins) -> Paragraph:
    text = ""
    for line in lines:
        if text and text[-1].isascii() and text[-1].isalpha() and line.text[:1].isascii() and line.text[:1].isalpha():
            text += " "
        text += line.text
    first = lines[0]
    heading = len(lines) == 1 and (
        first.size > body * 1.15
        or first.bold
        or _is_centered(first, page, margins)
        or (
            _HEADING_MARK.match(first.text) is not None
            and len(first.text) <= 40
            and not first.text.endswith(("。", "；", ";"))
        )
    )
    return Paragraph(text, page=first.page, heading=heading)
