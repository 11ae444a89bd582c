"""PDF (text-based, as exported from WPS/Word) -> blocks, with PDFium (pypdfium2).

One pass per page: PDFium gives every character with its box, font and size, and the
page's path objects give the rulings (lines and thin filled rectangles; white cell
backgrounds are not rulings), from which ``loaders.rulings`` finds the ruled tables;
every character is then placed either in a table cell or in a text line. Runs of text
lines that stand in columns with amounts are tables without rulings (columns from text
alignment). The other lines become paragraphs by layout (first-line indent, a short
last line, extra spacing, a numbered item), across page breaks too, so sentences come
out whole.

A table continued on the next page is emitted as consecutive grids with the same
columns (recognition joins them; each grid keeps its page); a row Word broke over the
page boundary is mended into one row. Page numbers and running heads are dropped.
Encrypted, scanned (no text layer), undecodable and damaged files raise LoadError.

Coordinates are those of the page as displayed: origin at the top left of its visible
area (the CropBox, turned by /Rotate), ``top`` growing downwards, in points.
"""

from __future__ import annotations

import ctypes
import gc
import re
import zlib
from array import array
from bisect import bisect_left, bisect_right
from ctypes import c_double, c_float, c_int, c_uint, c_ulong, c_void_p
from dataclasses import dataclass, field
from functools import partial
from itertools import accumulate, repeat
from operator import attrgetter, methodcaller
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import numpy
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from loaders import aligned, limits
from loaders import rulings as ruled_tables
from loaders.blocks import Block, Cell, Grid, LoadError, Notice, Paragraph

_SNAP = 2.0  # points: rulings closer than this are one boundary
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–·\s]*\d{1,4}[-—–·\s]*|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|[Pp]age\s*\d+(?:\s*of\s*\d+)?)$"
)
_HEADING_MARK = re.compile(
    r"^(?:第[一二三四五六七八九十百]+[章节部分]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}\s*(?:[、．]|\.(?!\d)))"
)
_AMOUNT = re.compile(r"^-?[\d,]+(?:\.\d+)?$")
_SPACES = re.compile(" {2,}")


class _Char(NamedTuple):
    """One printed character. The box spans the font's em from its descent (as
    pdfminer and pdfplumber drew it): ``size`` is the em, ``base`` the baseline (fonts
    differ in ascent, so ``top`` varies along one printed line; the baseline does not;
    turned text has ``bottom`` there)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float
    size: float
    bold: bool


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
    bands: list[list[float]] | None = None  # aligned: where each column's text is printed


@dataclass
class _Page:
    number: int
    width: float
    height: float
    items: list = field(default_factory=list)  # _Line | _Table, top to bottom
    undecoded: int = 0  # characters whose font has no Unicode map: "(cid:123)"
    images: int = 0  # pictures drawn (a page of a scan is one)


def read(data: bytes, rulings: bool = True) -> list[Block]:
    """The document's blocks. ``rulings=False`` ignores drawn rulings and finds every
    table by the alignment of its text (what an unruled PDF gets; tests compare both)."""
    # A read makes hundreds of thousands of small objects (a tuple per character, per
    # ruling, per cell) that reference counting frees, and next to no reference cycles
    # (ctypes' array types, about a thousand objects): the cyclic collector, run every
    # few hundred allocations, would walk them, and the whole heap on its oldest
    # generation, over and over for nothing (10-15 % of the read). It is paused for the
    # read and collects what is left when it resumes. (Not re-enabled if the caller
    # had it off.)
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read(data, rulings)
    finally:
        if collecting:
            gc.enable()


def _read(data: bytes, rulings: bool) -> list[Block]:
    _check_streams(data)
    document = _open(data)
    limits.check("pdf_pages", len(document))
    try:
        pages, chars, images, undecoded = [], 0, 0, 0
        for index in range(len(document)):
            page = _LoadPage(_handle(document.raw), index)
            if not page:
                raise LoadError("PDF 文件已损坏或内容不完整，无法读取。", f"damaged PDF: page {index + 1} unreadable")
            try:
                parsed, count = _read_page(page, index + 1, rulings)
            finally:
                _ClosePage(page)  # the page's parsed objects go: long documents stay small
            pages.append(parsed)
            chars += count
            undecoded += parsed.undecoded
            images += parsed.images if not count else 0
    finally:
        document.close()
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


# A stream's data starts after the keyword "stream" and its end of line ("endstream"
# is not a start: told by the three bytes before, outside the pattern, since a
# look-behind at its head makes re try it at every byte of the file, 15x slower).
_STREAM_START = re.compile(rb"stream\r?\n")


def _check_streams(data: bytes) -> None:
    """Refuse a Flate stream that inflates past the limit (a 1 GiB bomb is a 1 MB file),
    before PDFium inflates it whole to parse the page.

    Each compressed stream PDFium would decode to read text (page contents, forms,
    fonts, object and cross-reference streams) is inflated here in bounded steps and
    only counted; images are skipped (text extraction never decodes them). A filter
    chain ([/FlateDecode /FlateDecode]) is inflated layer by layer: each layer's output,
    itself within the limit, is the next one's input."""
    most = limits.current().pdf_stream_bytes
    lengths: dict[bytes, int] | None = None  # indirect /Length values, read when first needed
    for match in _STREAM_START.finditer(data):
        if data[max(0, match.start() - 3) : match.start()] == b"end":
            continue
        # the stream's dictionary: from the last " obj" in the 4 KB before it (else that
        # stretch's last byte), found in place, not in a copy of those 4 KB
        start = match.start()
        at = data.rfind(b" obj", max(0, start - 4096), start)
        dictionary = data[at:start] if at >= 0 else data[max(0, start - 1) : start]
        layers = dictionary.count(b"/FlateDecode")
        if not layers or b"/Image" in dictionary:
            continue
        if not _EXPANDING.search(dictionary):
            if lengths is None and _INDIRECT_LENGTH.search(dictionary):
                lengths = _integer_objects(data)
            # Deflate cannot expand more than 1032:1 (zlib's documented bound), per
            # layer; a stream whose data cannot reach the limit is not inflated.
            if _stream_bound(data, match.end(), dictionary, lengths) * _DEFLATE_RATIO**layers <= most:
                continue
        source, at = data, match.end()
        try:
            for layer in range(layers):
                source, at = _inflated(source, at, most, keep=layer < layers - 1), 0
        except zlib.error:
            continue  # damaged data: PDFium decides what it can read of it


_DEFLATE_RATIO = 1032
_LENGTH = re.compile(rb"/Length\s+(\d+)(?:\s+(\d+)\s+R)?")
_INDIRECT_LENGTH = re.compile(rb"/Length\s+\d+\s+\d+\s+R")
_INTEGER_OBJECT = re.compile(rb"obj\s*(\d+)\s*endobj")  # found by its keyword: the number before it is read after
_OBJECT_NUMBER = re.compile(rb"(?<![\d.])(\d+)\s+(\d+)\s+$")
# Filters that can expand their input more than deflate's bound (LZW, run lengths) or
# that this guard does not know: such a stream is inflated as before, never skipped.
_EXPANDING = re.compile(rb"/(?!FlateDecode\b|ASCIIHexDecode\b|ASCII85Decode\b|AHx\b|A85\b|Fl\b)\w*Decode\b|/LZW|/RL\b")


def _integer_objects(data: bytes) -> dict[bytes, int]:
    """Every ``N G obj <integer> endobj`` in the file (where indirect /Length values
    live), the largest value where an object number is defined more than once."""
    found: dict[bytes, int] = {}
    for match in _INTEGER_OBJECT.finditer(data):
        number = _OBJECT_NUMBER.search(data, max(0, match.start() - 32), match.start())
        if number:
            key = number.group(1) + b" " + number.group(2)
            found[key] = max(found.get(key, 0), int(match.group(1)))
    return found


def _stream_bound(data: bytes, start: int, dictionary: bytes, lengths: dict[bytes, int] | None) -> int:
    """The most bytes of stream data PDFium can decode for the stream starting at
    ``start``: its declared /Length, or as far as the next "endstream" (where PDFium
    looks when the length is wrong), whichever is longer; the rest of the file when
    the length cannot be told (an indirect one not found, none declared)."""
    rest = len(data) - start
    end = data.find(b"endstream", start)
    scanned = end - start if end >= 0 else rest
    declared = 0
    found = False
    for match in _LENGTH.finditer(dictionary):
        if match.group(2) is None:
            value = int(match.group(1))
        else:
            key = match.group(1) + b" " + match.group(2)
            if lengths is None or key not in lengths:
                return rest
            value = lengths[key]
        declared = max(declared, value)
        found = True
    if not found:
        return rest
    return max(declared, scanned)


def _inflated(data: bytes, at: int, most: int, keep: bool) -> bytes:
    """The Flate data at ``at`` inflated at most 1 MB at a time and counted; refused past
    ``most`` bytes. Only a chain's inner layer is kept (``keep``), never a whole page."""
    inflater, size, kept = zlib.decompressobj(), 0, []
    view = memoryview(data)  # the input's next megabyte, without a copy of it
    while not inflater.eof and at < len(data):
        pending: bytes | memoryview = view[at : at + limits.MiB]
        at += len(pending)
        while pending and not inflater.eof:
            piece = inflater.decompress(pending, limits.MiB)
            size += len(piece)
            if size > most:
                raise limits.too_large(
                    "pdf_stream_bytes", size, "PDF 中的压缩数据流（可能是“解压炸弹”）", at_least=True
                )
            if keep:
                kept.append(piece)
            pending = inflater.unconsumed_tail
    return b"".join(kept)


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if error.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise LoadError("PDF 文件已加密（设有打开密码），请先取消密码后再上传。", "encrypted PDF") from None
        raise LoadError("PDF 文件已损坏或不完整，无法打开。", f"cannot open PDF: {error}") from None
    # A PDF is read from its end: the startxref line before the closing %%EOF says
    # where its cross-reference table is. A file whose last kilobyte holds neither was
    # cut short, and PDFium then quietly reads what it can still find (an earlier
    # revision of an amended file, the pages whose objects survived).
    tail = data[-1024:]
    if b"%%EOF" not in tail and b"startxref" not in tail:
        document.close()
        raise LoadError("PDF 文件已损坏或不完整，无法打开。", "truncated PDF: no startxref or %%EOF at the end")
    return document


# --- PDFium -------------------------------------------------------------------------
# pypdfium2.raw's bindings take typed pointers; the same functions re-declared with
# plain integer handles and addresses can be mapped over every character of a page in
# one C-level loop, writing each result into its slot of one array (per-character
# Python work is what a PDF reader spends its time on).


def _c(function, restype, *argtypes, release: bool = False):
    """``function`` called with plain integers. Most are getters that return at once,
    called once per character or object: they keep the GIL (PYFUNCTYPE), which spares
    each call releasing and taking it again (some 40 ns of 300). Loading and closing a
    page or its text takes long enough to let other threads run (``release``)."""
    address = ctypes.cast(function, c_void_p).value
    assert address, function
    prototype = ctypes.CFUNCTYPE if release else ctypes.PYFUNCTYPE
    return prototype(restype, *argtypes)(address)


def _quick(function, restype):
    """``function`` for the calls made once per character of a page with the same
    handle: without declared argument types, which ctypes would convert one by one
    (the converters cost about as much as PDFium's getter: ~200 ns a call, ~110
    without). Each argument is then passed as what it is: the handle as a c_void_p
    made once, the index as an int (a C int), an output as ``byref(buffer, offset)``.
    (Only for arguments of those types: a plain int is no pointer.)"""
    address = ctypes.cast(function, c_void_p).value
    assert address, function
    quick = ctypes.PYFUNCTYPE(restype)(address)
    quick.argtypes = None  # type: ignore[assignment]  # (ctypes' own way to declare none)
    return quick


def _handle(pointer) -> int:
    return ctypes.cast(pointer, c_void_p).value or 0


_P, _I = c_void_p, c_int
_LoadPage = _c(pdfium_c.FPDF_LoadPage, _P, _P, _I, release=True)
_ClosePage = _c(pdfium_c.FPDF_ClosePage, None, _P, release=True)
_PageBox = _c(pdfium_c.FPDFPage_GetCropBox, _I, _P, _P, _P, _P, _P)
_MediaBox = _c(pdfium_c.FPDFPage_GetMediaBox, _I, _P, _P, _P, _P, _P)
_Rotation = _c(pdfium_c.FPDFPage_GetRotation, _I, _P)
_LoadText = _c(pdfium_c.FPDFText_LoadPage, _P, _P, release=True)
_CloseText = _c(pdfium_c.FPDFText_ClosePage, None, _P, release=True)
_CountChars = _c(pdfium_c.FPDFText_CountChars, _I, _P)
_GetText = _c(pdfium_c.FPDFText_GetText, _I, _P, _I, _I, _P)
_Unicode = _c(pdfium_c.FPDFText_GetUnicode, c_uint, _P, _I)
_IsGenerated = _c(pdfium_c.FPDFText_IsGenerated, _I, _P, _I)
_IsHyphen = _c(pdfium_c.FPDFText_IsHyphen, _I, _P, _I)
_MapError = _c(pdfium_c.FPDFText_HasUnicodeMapError, _I, _P, _I)
_Origin = _c(pdfium_c.FPDFText_GetCharOrigin, _I, _P, _I, _P, _P)
_LooseBox = _quick(pdfium_c.FPDFText_GetLooseCharBox, _I)  # (text page, index, rectangle)
_CharMatrix = _c(pdfium_c.FPDFText_GetMatrix, _I, _P, _I, _P)
_QuickMatrix = _quick(pdfium_c.FPDFText_GetMatrix, _I)  # (text page, index, matrix)
_QuickOrigin = _quick(pdfium_c.FPDFText_GetCharOrigin, _I)  # (text page, index, x, y)
_FontSize = _c(pdfium_c.FPDFText_GetFontSize, c_double, _P, _I)
# (handles as plain integers, 0 for none, to go into arrays; also the page's objects below)
_TextObject = _quick(pdfium_c.FPDFText_GetTextObject, ctypes.c_size_t)  # (text page, index)
_ObjectFont = _c(pdfium_c.FPDFTextObj_GetFont, ctypes.c_size_t, _P)
_FontName = _c(pdfium_c.FPDFFont_GetBaseFontName, c_ulong, _P, _P, c_ulong)
_FontDescent = _c(pdfium_c.FPDFFont_GetDescent, _I, _P, c_float, _P)
_GlyphWidth = _c(pdfium_c.FPDFFont_GetGlyphWidth, _I, _P, c_uint, c_float, _P)
_CountObjects = _c(pdfium_c.FPDFPage_CountObjects, _I, _P)
_GetObject = _quick(pdfium_c.FPDFPage_GetObject, ctypes.c_size_t)  # (page, index)
_CountFormObjects = _c(pdfium_c.FPDFFormObj_CountObjects, _I, _P)
_GetFormObject = _c(pdfium_c.FPDFFormObj_GetObject, ctypes.c_size_t, _P, c_ulong)
_ObjectType = _c(pdfium_c.FPDFPageObj_GetType, _I, _P)
_ObjectMatrix = _c(pdfium_c.FPDFPageObj_GetMatrix, _I, _P, _P)
_ObjectBounds = _c(pdfium_c.FPDFPageObj_GetBounds, _I, _P, _P, _P, _P, _P)
_ObjectFontSize = _c(pdfium_c.FPDFTextObj_GetFontSize, _I, _P, _P)
_FillColor = _c(pdfium_c.FPDFPageObj_GetFillColor, _I, _P, _P, _P, _P, _P)
_DrawMode = _c(pdfium_c.FPDFPath_GetDrawMode, _I, _P, _P, _P)
_CountSegments = _c(pdfium_c.FPDFPath_CountSegments, _I, _P)
_GetSegment = _c(pdfium_c.FPDFPath_GetPathSegment, _P, _P, _I)
_SegmentPoint = _c(pdfium_c.FPDFPathSegment_GetPoint, _I, _P, _P, _P)
_SegmentType = _c(pdfium_c.FPDFPathSegment_GetType, _I, _P)
_SegmentClose = _c(pdfium_c.FPDFPathSegment_GetClose, _I, _P)
_MemMove = _c(ctypes.memmove, _P, _P, _P, ctypes.c_size_t)  # (to, from, bytes)


def _values(array, n: int | None = None) -> list:
    """A ctypes array of numbers (its first ``n``) as a list, in one copy."""
    values = memoryview(array).cast("B").cast(array._type_._type_)
    return (values if n is None else values[:n]).tolist()


def _widened(array, n: int = -1) -> numpy.ndarray:
    """A ctypes array of numbers (its first ``n``) as a numpy array of float64 (floats)
    or int64 (integers): the values a list of them would hold, without making each one."""
    values = numpy.frombuffer(array, numpy.dtype(array._type_._type_), count=n)
    return values.astype(numpy.float64 if values.dtype.kind == "f" else numpy.int64)


_ARRAY_TYPES: dict = {}


def _array(ctype, n: int):
    """A zeroed ctypes array of at least ``n`` values of ``ctype``. A ctypes array type
    is a class, made anew (~12 us) for every length the cyclic collector freed since
    (a few hundred per read): lengths are rounded up to a power of two, and those
    few types kept."""
    size = 1 << max(n - 1, 0).bit_length()
    kind = _ARRAY_TYPES.get((ctype, size))
    if kind is None:
        kind = _ARRAY_TYPES[(ctype, size)] = ctype * size
    return kind()


class _Frame:
    """The page as displayed: its visible area (CropBox) turned by /Rotate. ``device``
    maps PDF user space (origin bottom left, y up) to x and y measured from the
    displayed page's bottom left; ``top = height - y``."""

    def __init__(self, page: int) -> None:
        box = (c_float * 4)()
        address = ctypes.addressof(box)
        if not _PageBox(page, address, address + 4, address + 8, address + 12):
            _MediaBox(page, address, address + 4, address + 8, address + 12)
        left, bottom, right, top = _values(box)
        x0, x1 = sorted((left, right))
        y0, y1 = sorted((bottom, top))
        if x1 - x0 < 1 or y1 - y0 < 1:  # no usable box: PDFium's default page
            x0, y0, x1, y1 = 0.0, 0.0, 612.0, 792.0
        self.rotation = _Rotation(page) % 4  # quarter turns clockwise
        # (a, b, c, d, e, f): device x = a*x + c*y + e, device y = b*x + d*y + f
        self.device = {
            0: (1.0, 0.0, 0.0, 1.0, -x0, -y0),
            1: (0.0, -1.0, 1.0, 0.0, -y0, x1),
            2: (-1.0, 0.0, 0.0, -1.0, x1, y1),
            3: (0.0, 1.0, -1.0, 0.0, y1, -x0),
        }[self.rotation]
        self.width, self.height = (x1 - x0, y1 - y0) if self.rotation % 2 == 0 else (y1 - y0, x1 - x0)

    def point(self, x: float, y: float) -> tuple[float, float]:
        """User space -> (x, top) on the displayed page."""
        a, b, c, d, e, f = self.device
        return a * x + c * y + e, self.height - (b * x + d * y + f)


# --- one page -------------------------------------------------------------------------


def _read_page(page: int, number: int, rulings: bool = True) -> tuple[_Page, int]:
    frame = _Frame(page)
    count = _CountObjects(page)
    limits.check("pdf_page_objects", count)  # before any object is read
    chars, undecoded, referenced, columns = _chars(page, frame)
    codes = _code_points(chars)  # once: finding copies and joining cells compare code points
    chars, columns, codes = _drop_overprints(chars, columns, codes)
    chars, columns, codes = _drop_off_page(chars, columns, codes, frame)
    drawn = _inventory(page, count, referenced)
    blanks = _blanks(drawn.texts, drawn.inside, referenced, frame)
    if isinstance(chars, _Chars):
        chars.extra = blanks
    else:
        chars += blanks
    result = _Page(number, frame.width, frame.height, undecoded=undecoded)
    result.images = drawn.images
    tables = []
    rules: Sequence = ()  # the page's horizontal rules: evidence of rows for tables found from text alignment
    if rulings:
        found, ruled = _rulings(drawn.paths, drawn.outers, frame)
        rules = found[0]
        # A page whose rulings are all drawn as polylines ("curves": Excel's exports, 广州)
        # has ruled tables too: their straight axis-aligned pieces are the rulings.
        if ruled or (len(found[0]) and len(found[1])):
            for cells in ruled_tables.find_tables(*found):
                grid = _Geometry(cells)
                if grid.columns > 1:  # a boxed paragraph (a framed contents page) is text
                    tables.append(grid)
    if blanks and columns is not None:
        columns = numpy.concatenate((columns, numpy.array([char[1:7] for char in blanks], numpy.float64)))
    if blanks and codes is not None:
        codes = numpy.concatenate((codes, numpy.full(len(blanks), 32, codes.dtype)))
    loose, loose_box, loose_codes = None, columns, codes
    if tables:  # each character in the first table its middle falls in, in reading order
        if columns is None:  # a page of turned or odd characters: its boxes gathered here
            columns = numpy.array([char[1:7] for char in chars], numpy.float64).reshape(-1, 6)
        x0, x1, top, bottom, base, size = columns.T
        cx = (x0 + x1) / 2
        # The glyph's middle stands a third of an em above its baseline, whatever box its
        # font's metrics give: some fonts report a descent that puts the digits' box a
        # line lower than the names printed beside them, and the box middle would place
        # every amount in the row below its name (重庆's tables). Turned text: its box.
        # (A NaN middle is in no grid, as no comparison with it holds.)
        cy = numpy.where(base < bottom, base - size * 0.35, (top + bottom) / 2)
        free = numpy.ones(len(chars), bool)
        for grid in tables:
            inside = numpy.flatnonzero(
                free & (cy >= grid.top - 1) & (cy <= grid.bottom + 1) & (cx >= grid.x0 - 1) & (cx <= grid.x1 + 1)
            )
            grid.place(inside, cx, cy, columns, chars, codes)
            free[inside] = False
        kept_at = numpy.flatnonzero(free)  # (arrays index by an array: a list would be converted item by item)
        loose, loose_box = _take(chars, kept_at.tolist()), columns[kept_at]
        loose_codes = None if codes is None else codes[kept_at]
    if loose is None:
        loose = list(chars)
    groups, joined = [], {}  # the printed lines, and their text by line
    for group, text in zip(*_printed_lines(loose, loose_box, loose_codes), strict=True):
        if text:
            groups.append(group)
            joined[id(group)] = text
    unruled, groups = aligned.tables(groups, number, rules)
    items: list = [_line(group, number, joined[id(group)]) for group in groups]
    items += [grid.table(number) for grid in tables] + unruled
    items = [item for item in items if not (isinstance(item, _Table) and not item.rows)]
    items.sort(key=lambda item: item.top)
    result.items = items
    return result, len(chars)


def _chars(page: int, frame: _Frame) -> tuple[list[_Char] | _Chars, int, numpy.ndarray, numpy.ndarray | None]:
    """Every character of PDFium's text page (spaces included, the breaks PDFium
    inserts between runs not), how many have no Unicode value ("(cid:n)"), the text
    objects they come from, and (on the usual page) the characters' boxes as an array
    of their fields x0, x1, top, bottom, base and size."""
    textpage = _LoadText(page)
    if not textpage:
        return [], 0, _NO_OBJECTS, None
    try:
        return _read_chars(textpage, frame)
    finally:
        _CloseText(textpage)


def _read_chars(textpage: int, frame: _Frame) -> tuple[list[_Char] | _Chars, int, numpy.ndarray, numpy.ndarray | None]:
    n = _CountChars(textpage)
    if n <= 0:
        return [], 0, _NO_OBJECTS, None
    # Each character's text object (0 for the breaks PDFium inserts), and each object's
    # font: per-character values go into arrays, which place a page's characters in a
    # few whole-array steps instead of a Python step per character.
    every_object = numpy.fromiter(map(_TextObject, repeat(c_void_p(textpage), n), range(n)), numpy.uint64, n)
    buffer = _array(ctypes.c_uint16, n + 1)
    written = _GetText(textpage, 0, n, ctypes.addressof(buffer))
    text = bytes(buffer)[: 2 * max(written - 1, 0)].decode("utf-16-le", "replace")
    if len(text) != n:  # characters PDFium keeps out of its text (controls, surrogates)
        text = "".join(map(chr, map(_Unicode, repeat(textpage, n), range(n))))
    # The characters of one text object mostly stand together (a run): each run's
    # object is asked for its font once, and the run's characters share it. (Whether
    # an object's characters are all in one run does not matter: a run is asked on its
    # own.) Found by comparing neighbours, not by sorting the objects. The breaks
    # PDFium inserts (no object) have no font: PDFium answers 0 without being asked.
    opens_run = numpy.empty(n, bool)
    opens_run[0] = True
    numpy.not_equal(every_object[1:], every_object[:-1], out=opens_run[1:])
    starts = numpy.flatnonzero(opens_run)
    runs = every_object[starts]
    run_fonts = numpy.zeros(len(runs), numpy.uint64)
    printed = numpy.flatnonzero(runs)
    run_fonts[printed] = numpy.fromiter(map(_ObjectFont, runs[printed].tolist()), numpy.uint64, len(printed))
    font_of = run_fonts[numpy.cumsum(opens_run) - 1]  # each character its run's
    # A font without a Unicode map has none for any of its characters: each font is
    # asked on its first character, and only a font that fails there on every one.
    # (A font's first run starts at its first character.)
    order = numpy.argsort(run_fonts, kind="stable")  # (numpy.unique with return_index, without its overhead)
    opens = numpy.empty(len(order), bool)
    opens[:1] = True
    numpy.not_equal(run_fonts[order[1:]], run_fonts[order[:-1]], out=opens[1:])
    fonts, first = run_fonts[order[opens]], order[opens]
    failing = {font for font, i in zip(fonts.tolist(), starts[first].tolist(), strict=True) if _MapError(textpage, i)}
    if failing:
        errors = [font in failing and _MapError(textpage, i) for i, font in enumerate(font_of.tolist())]
    else:
        errors = [0] * n
    undecoded = 0
    # (three scans for the odd code points: far cheaper than a set of the page's characters)
    if not failing and not any(odd in text for odd in _ODD):  # the usual page: printed text and spaces
        # Every character but white space, and the spaces PDFium did not insert itself:
        # the white space found by a regular expression (re's \s is str.isspace), the
        # rest kept in one array step. A space PDFium inserted between runs has no text
        # object (every printed character has one), so only a space inside an object
        # is asked about (on all 6,346 corpus pages: 19,050 spaces printed, 285,966
        # inserted, 284,822 of those without an object).
        keep = numpy.ones(n, bool)
        white = numpy.fromiter(map(_START, _WHITE.finditer(text)), numpy.intp)
        keep[white] = False
        typed = False  # a space kept
        for i in white[every_object[white] != 0].tolist():
            if text[i] == " " and not _IsGenerated(textpage, i):
                keep[i] = typed = True
        kept_at = numpy.flatnonzero(keep)
        kept = kept_at.tolist()
        # without a space kept, the characters kept are the text without its white space
        texts = list(map(text.__getitem__, kept)) if typed else list(_WHITE.sub("", text))
    else:
        texts, kept, undecoded = _odd_chars(textpage, text, errors)
        kept_at = numpy.array(kept, numpy.intp)
    referenced = ruled_tables.distinct(runs[runs != 0])  # the text objects drawn from, sorted
    if not kept:
        return [], undecoded, referenced, None

    # left, top, right, bottom: single precision from PDFium, widened exactly (as a
    # Python float from each would be), straight from the buffer PDFium wrote into
    boxes = _read_each(_LooseBox, textpage, kept, c_float, 4, (0,), as_array=True).reshape(-1, 4)
    fonts_kept = font_of[kept_at]
    # Characters of one font and one em share their size and direction: the matrix is
    # read once per such style (WPS writes every character as an object of its own),
    # on the style's first character. The loose box's height is the em, scaled.
    lefts, tops, rights, bottoms = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    style_of, firsts = _styles_of(fonts_kept, tops - bottoms)
    names: dict[int, tuple[str, float]] = {}
    # each style's first character asked for its matrix, em and origin, each getter
    # mapped over all of them (a page of many sizes has thousands of styles: seed.pdf)
    indices = [kept[k] for k in firsts]
    matrices = _read_each(_QuickMatrix, textpage, indices, c_float, 6, (0,))
    origins = _read_each(_QuickOrigin, textpage, indices, c_double, 2, (0, 1))
    ems = list(map(_FontSize, repeat(textpage, len(indices)), indices))
    styles = [
        _style_of(matrices[6 * n : 6 * n + 4], em, origins[2 * n], origins[2 * n + 1], font, frame, names, left, bottom)
        for n, (em, font, (left, _, _, bottom)) in enumerate(
            zip(ems, fonts_kept[firsts].tolist(), boxes[firsts].tolist(), strict=True)
        )
    ]
    if not all(style[4] and style[6] is not None for style in styles):
        box = boxes.ravel().tolist()
        upright = {}  # by (font, em), as the characters one by one would keep them
        for style, k in zip(styles, firsts, strict=True):
            if style[4]:
                upright[(int(fonts_kept[k]), box[4 * k + 1] - box[4 * k + 3])] = style
        chars = _place_each(textpage, frame, texts, kept, fonts_kept.tolist(), box, names, upright)
        return chars, undecoded, referenced, None
    # The usual page: every style upright, its loose box the em box (the origin is the
    # box's foot, lifted), each character placed from its box alone (the same
    # arithmetic, in the same order, as one character at a time).
    scale, size, descent, bold, _, _, lift = (numpy.array(column)[style_of] for column in zip(*styles, strict=True))
    a0, b0, c0, d0, e0, f0 = frame.device
    height = frame.height
    y = bottoms - lift
    dx = a0 * lefts + c0 * y + e0
    dy = b0 * lefts + d0 * y + f0
    advance = numpy.abs((rights - lefts) * scale)  # PDFium may give a turned box either way round
    under = height - (dy + descent)
    base = height - dy
    columns = numpy.stack((dx, dx + advance, under - size, under, base, size), 1)
    bold = bold.tolist()
    for k in numpy.flatnonzero(~(advance < 1.5 * size)).tolist():
        x0, _, _, _, foot, em = columns[k].tolist()
        columns[k] = _vertical(texts[k], x0, foot, em, bold[k])[1:7]
    return _Chars(texts, columns, bold), undecoded, referenced, columns


def _drop_overprints(chars: list[_Char] | _Chars, columns: numpy.ndarray | None, codes: numpy.ndarray | None) -> tuple:
    """The characters without their overprinted copies, their boxes' array and their
    code points (``codes``, None when one is not a single character).

    Fake bold (and some exports' overprint) draws a text two to nine times, each copy
    offset by a few hundredths of a point up to about half of one; PDFium reports every
    copy, and the text would read "序序序号号号". A copy is a character with the same
    text as another whose box it covers almost exactly: its left edge, right edge and
    top each within a tolerance of the other's. A genuine neighbour with the same text
    ("三三", "00", "..") stands a whole advance away, and the narrowest advance of a
    proportional font is about a quarter of an em: the tolerance is a fifth of the em,
    at most 1 point (copies are offset by half a point at most).

    What is drawn again is a whole run of text (the characters printed one against the
    next): a character is dropped only when every character of its run has such a
    copy. Two different texts that merely overlap (a header spilling over the next
    cell, "政府预算支出…" over "预算数") share a word, not a run, and both are kept. Of
    each set of copies the one drawn first is kept. Found in whole-array steps: a page
    without copies costs two sorts."""
    n = len(chars)
    if n < 2:
        return chars, columns, codes
    box = columns if columns is not None else numpy.array([char[1:7] for char in chars], numpy.float64)
    texts = codes
    if texts is None:  # a "(cid:n)" among them: the texts numbered instead
        each = chars.texts if isinstance(chars, _Chars) else [char.text for char in chars]
        texts = numpy.unique(numpy.array(each, object), return_inverse=True)[1]
    x0, x1, top, size = box[:, 0], box[:, 1], box[:, 2], box[:, 5]
    if not _may_have_copies(texts, x0, top):  # most pages: no two sorts, no bands
        return chars, columns, codes
    tolerance = numpy.minimum(1.0, 0.2 * size)
    # Bands: one text's characters by top, a band broken where the next top is further
    # than the tolerance; then each band left to right, a copy being within the
    # tolerance of the character before it in all three edges.
    order = numpy.lexsort((top, texts))
    ordered = texts[order]
    same = ordered[1:] == ordered[:-1]
    near = numpy.abs(numpy.diff(top[order])) <= tolerance[order][:-1]
    band = numpy.empty(n, numpy.intp)
    band[order] = numpy.cumsum(numpy.concatenate(([True], ~(same & near))))
    order = numpy.lexsort((x0, band))  # stable: equal x0 in reading order
    t = tolerance[order][:-1]
    ordered = band[order]
    # the left edges first: on most pages no two characters of a band come that close,
    # and the other two edges need not be looked at
    copy = (ordered[1:] == ordered[:-1]) & (numpy.abs(numpy.diff(x0[order])) <= t)
    if not copy.any():
        return chars, columns, codes
    copy &= (numpy.abs(numpy.diff(x1[order])) <= t) & (numpy.abs(numpy.diff(top[order])) <= t)
    if not copy.any():
        return chars, columns, codes
    # the sets of copies (runs of ``copy`` in that order): which character has one, and
    # which one each set keeps (the lowest index)
    starts = numpy.flatnonzero(numpy.concatenate(([True], ~copy)))
    group = numpy.empty(n, numpy.intp)
    group[order] = numpy.cumsum(numpy.concatenate(([True], ~copy))) - 1
    copied = numpy.bincount(group, minlength=len(starts))[group] > 1
    first = numpy.zeros(n, bool)
    first[numpy.minimum.reduceat(order, starts)] = True
    # runs of text in reading order: the next character starts where this one ends
    joined = (numpy.abs(x0[1:] - x1[:-1]) <= 0.2 * size[:-1]) & (numpy.abs(top[1:] - top[:-1]) <= tolerance[:-1])
    run = numpy.cumsum(numpy.concatenate(([True], ~joined))) - 1
    whole = numpy.bincount(run, ~copied)[run] == 0  # every character of its run has a copy
    keep = first | ~whole
    if keep.all():
        return chars, columns, codes
    kept = numpy.flatnonzero(keep)
    return (
        chars.subset(kept.tolist()) if isinstance(chars, _Chars) else [chars[k] for k in kept.tolist()],
        None if columns is None else columns[kept],
        None if codes is None else codes[kept],
    )


def _may_have_copies(texts: numpy.ndarray, x0: numpy.ndarray, top: numpy.ndarray) -> bool:
    """Whether two characters of one text stand within a point of each other in both
    their left edge and their top, as each copy does (its tolerance is a point at most):
    False rules copies out. Told by one sort of whole numbers per grid of 4-point rows
    (the text, the row and the left edge in half points in one key): two tops a point
    apart share a row of the grid at 0, 4, 8 .. or of the one at 2, 6, 10 ..., and two
    characters of one text and row sorted by their left edge have the closest two
    next to each other (a point apart: at most 2 half points, 3 with rounding).
    Coordinates beyond a million points (or NaN) are not ruled out."""
    if not ((numpy.abs(x0) < _FAR) & (numpy.abs(top) < _FAR)).all():
        return True
    text = texts.astype(numpy.int64) << 41  # (code points have 21 bits; rows 19, half points 22)
    column = ((x0 + _FAR) * 2 // 1).astype(numpy.int64)
    for shift in (0.0, 2.0):
        key = numpy.sort(text | (((top + (_FAR + shift)) // 4).astype(numpy.int64) << 22) | column)
        if ((key[1:] >> 22 == key[:-1] >> 22) & (key[1:] - key[:-1] <= 3)).any():
            return True
    return False


_FAR = 1e6


def _drop_off_page(
    chars: list[_Char] | _Chars, columns: numpy.ndarray | None, codes: numpy.ndarray | None, frame
) -> tuple:
    """The characters without those whose middle lies above or below the page (no reader
    sees them). A spreadsheet's export prints a tall merged cell cut by a page break again
    whole on the next page, shifted up so that only its lower part would show: the words
    already read on the page before would come out a second time as lines above the table
    (beijing_meteo_part2 p34: the goal of 气象综合探测系统维持费, read in its cell on p33).
    Text beside the page is kept: exports print a table's unit line out to the right of
    the page's edge, and that line is the table's unit (chongqing_05 p33: 单位：万元)."""
    if not len(chars):
        return chars, columns, codes
    box = columns if columns is not None else numpy.array([char[1:7] for char in chars], numpy.float64)
    middle = (box[:, 2] + box[:, 3]) / 2
    outside = (middle < 0) | (middle > frame.height)
    if not outside.any():  # (a NaN middle compares false: kept, as before)
        return chars, columns, codes
    kept = numpy.flatnonzero(~outside)
    return (
        chars.subset(kept.tolist()) if isinstance(chars, _Chars) else [chars[k] for k in kept.tolist()],
        None if columns is None else columns[kept],
        None if codes is None else codes[kept],
    )


_WHITE = re.compile(r"\s")
_START = methodcaller("start")
_new_char = partial(tuple.__new__, _Char)  # a _Char from its fields' tuple, without the call's parsing


class _Chars:
    """A page's characters kept as the arrays they were computed in (texts, boxes as
    the rows of ``columns``, boldness), then its blanks (``extra``): a _Char is made
    only when asked for. Most characters of a page of tables go into their cells in
    array steps and are never needed one by one."""

    __slots__ = ("texts", "columns", "bold", "extra")

    def __init__(self, texts: list[str], columns: numpy.ndarray, bold: list[bool]) -> None:
        self.texts, self.columns, self.bold = texts, columns, bold
        self.extra: list[_Char] = []

    def __len__(self) -> int:
        return len(self.texts) + len(self.extra)

    def __iter__(self) -> Iterator[_Char]:
        # every character: the arrays as they are, without picking them index by index
        made = list(map(_new_char, zip(self.texts, *self.columns.T.tolist(), self.bold, strict=True)))
        made += self.extra
        return iter(made)

    def take(self, indices: list[int]) -> list[_Char]:
        """The characters at ``indices`` (ascending), made."""
        n = len(self.texts)
        own = [k for k in indices if k < n] if indices and indices[-1] >= n else indices
        texts, bold = self.texts, self.bold
        rows = self.columns[numpy.array(own, numpy.intp)]  # (an array converts in one step, a list item by item)
        made = list(map(_new_char, zip([texts[k] for k in own], *rows.T.tolist(), [bold[k] for k in own], strict=True)))
        return made + [self.extra[k - n] for k in indices[len(own) :]]

    def subset(self, indices: list[int]) -> _Chars:
        texts, bold = self.texts, self.bold
        rows = self.columns[numpy.array(indices, numpy.intp)]
        return _Chars([texts[k] for k in indices], rows, [bold[k] for k in indices])


def _take(chars: list[_Char] | _Chars, indices: list[int]) -> list[_Char]:
    return chars.take(indices) if isinstance(chars, _Chars) else [chars[k] for k in indices]


def _styles_of(fonts: numpy.ndarray, heights: numpy.ndarray) -> tuple[numpy.ndarray, list[int]]:
    """Each character's style number, by (font, em height), and each style's first
    character. (A NaN height, from a broken box, equals nothing: a style of its own.)"""
    order = numpy.lexsort((heights, fonts))  # stable: a style's characters in reading order
    fonts, heights = fonts[order], heights[order]
    starts = numpy.ones(len(order), bool)
    starts[1:] = (fonts[1:] != fonts[:-1]) | (heights[1:] != heights[:-1])
    style_of = numpy.empty(len(order), numpy.intp)
    style_of[order] = numpy.cumsum(starts) - 1
    return style_of, order[starts].tolist()


def _vertical(ch: str, x0: float, foot: float, size: float, bold: bool) -> _Char:
    """Vertical writing (an Identity-V font): PDFium's loose box then leaves out the
    text's scale, and its origin is the foot of the glyph's em square; pdfminer put
    the baseline at the PDF's default vertical origin (DW2 [880 -1000]), 0.88 em above it."""
    return _Char(ch, x0, x0 + size, foot - size, foot, foot - 0.88 * size, size, bold)


def _place_each(
    textpage: int,
    frame: _Frame,
    texts: list[str],
    kept: list[int],
    fonts: list[int],
    box: list,
    names: dict,
    styles: dict,
) -> list[_Char]:
    """Characters placed one by one: a page with turned text (each character its own
    style), or with a font whose loose box is the glyph's own box (its origin asked
    for each character). ``styles`` are the upright styles, by (font, em)."""
    out: list[_Char] = []
    a0, b0, c0, d0, e0, f0 = frame.device
    height = frame.height
    new = tuple.__new__
    last_font: int | None = None
    last_height: float | None = None
    style: tuple = ()
    origin = (c_double * 2)()
    at = ctypes.addressof(origin)
    columns = (texts, kept, fonts, box[0::4], box[1::4], box[2::4], box[3::4])
    for ch, i, font, left, top, right, bottom in zip(*columns, strict=True):
        em_height = top - bottom
        if font != last_font or em_height != last_height:
            key = (font, em_height)
            style = styles.get(key) or _style(textpage, i, font, frame, names, left, bottom, top)
            if style[4]:
                styles[key] = style
                last_font, last_height = key
            else:  # turned text: every character its own
                last_font = last_height = None
        scale, size, descent, bold, upright, factor, lift = style
        if lift is not None:  # the loose box is the em box: the origin is its foot, lifted
            x, y = left, bottom - lift
        else:
            _Origin(textpage, i, at, at + 8)
            x, y = origin[0], origin[1]
        if upright:  # the common case: the em box is the origin, advance and size
            dx, dy = a0 * x + c0 * y + e0, b0 * x + d0 * y + f0
            advance = (right - left) * scale
            if advance < 0:  # PDFium may give a turned box either way round
                advance = -advance
            if advance < 1.5 * size:
                under = height - (dy + descent)
                out.append(new(_Char, (ch, dx, dx + advance, under - size, under, height - dy, size, bold)))
            else:
                # Vertical writing (an Identity-V font): PDFium's loose box then leaves
                # out the text's scale, and its origin is the foot of the glyph's em
                # square; pdfminer put the baseline at the PDF's default vertical
                # origin (DW2 [880 -1000]), 0.88 em above it.
                x0 = dx + (left - x) * factor
                foot = height - dy
                out.append(new(_Char, (ch, x0, x0 + size, foot - size, foot, foot - 0.88 * size, size, bold)))
        else:
            out.append(_turned(textpage, i, ch, x, y, font, bold, frame, names))
    return out


_ODD = set("\x00\x02\ufffe")  # code points PDFium puts for a hyphen or a glyph without one


def _odd_chars(textpage: int, text: str, errors: list) -> tuple[list[str], list[int], int]:
    """The characters kept, their indices and how many have no Unicode value, on a
    page with undecodable or marked characters."""
    texts: list[str] = []
    kept: list[int] = []
    undecoded = 0
    for i, (ch, error) in enumerate(zip(text, errors, strict=True)):
        if error:  # PDFium substitutes the raw code; pdfminer printed "(cid:n)"
            ch = f"(cid:{ord(ch)})"
            undecoded += 1
        elif ch in "\x00\x02\ufffe":
            if _IsHyphen(textpage, i):
                ch = "-"  # a hyphen ending a line, which PDFium marks
            else:  # a glyph with no code at all
                ch = "(cid:0)"
                undecoded += 1
        elif not ch.strip() and (ch != " " or _IsGenerated(textpage, i)):
            continue  # a break or gap PDFium inserted, or white space
        texts.append(ch)
        kept.append(i)
    return texts, kept, undecoded


def _read_each(
    function, textpage: int, indices: list[int], ctype, count: int, slots: tuple[int, ...], as_array: bool = False
):
    """``function(textpage, i, *pointers)`` for every character index (a ``_quick``
    function), each call writing ``count`` values into its own stretch of one array;
    the values, in order (a list, or ``as_array`` a numpy array of float64, for
    floats). ``slots`` are the offsets (in values) of the pointers passed."""
    k = len(indices)
    array = _array(ctype, count * k)
    size = ctypes.sizeof(ctype)
    step = size * count
    pointers = [map(ctypes.byref, repeat(array), range(size * slot, size * slot + step * k, step)) for slot in slots]
    list(map(function, repeat(c_void_p(textpage), k), indices, *pointers))
    if as_array:
        return _widened(array, count * k)
    return _values(array, count * k)


def _style(
    textpage: int, index: int, font: int | None, frame: _Frame, names: dict, left: float, bottom: float, top: float
) -> tuple:
    """What the characters of one font, size and direction share: (advance scale,
    size, descent, bold, upright, text scale, lift). ``size`` is the em as printed
    (the font size times the text's scale). ``lift`` is how far the origin sits above
    the bottom of PDFium's loose box, when that box is the em box (from the font's
    ascent and descent: the same for every character of the style); None when PDFium
    fell back to the glyph's own box, which has to be asked for each character."""
    matrix = (c_float * 6)()
    _CharMatrix(textpage, index, ctypes.addressof(matrix))
    em = _FontSize(textpage, index)
    origin = (c_double * 2)()
    at = ctypes.addressof(origin)
    _Origin(textpage, index, at, at + 8)
    return _style_of(matrix[:4], em, origin[0], origin[1], font, frame, names, left, bottom)


def _style_of(
    matrix: list[float],
    em: float,
    x: float,
    y: float,
    font: int | None,
    frame: _Frame,
    names: dict,
    left: float,
    bottom: float,
) -> tuple:
    """_style from what PDFium gave for the character: the first four values of its
    matrix, its font size and its origin (x, y)."""
    a, b, c, d = matrix
    # The loose box starts at the origin unless PDFium fell back to the glyph's box
    # (a font without ascent and descent), which starts at the glyph's own left edge.
    lift = bottom - y if b == 0 and c == 0 and abs(left - x) < 1e-3 else None
    ra, rb, rc, rd = frame.device[:4]
    # the character's axes on the displayed page (y up)
    da, db, dc, dd = ra * a + rc * b, rb * a + rd * b, ra * c + rc * d, rb * c + rd * d
    name, descent = names.get(font) or _font(font, names)
    upright = db == 0 and dc == 0 and da > 0 and dd > 0 and a != 0
    # PDFium's loose box advances by ``a`` in user space; on the displayed page by da
    scale = da / a if a else 0.0
    size = dd * em if upright else em * (dc * dc + dd * dd) ** 0.5
    # PDFium computes in single precision: 15.95 comes out as 15.9500002. Sizes are
    # printed to hundredths of a point; rounded so, a line's size (to a tenth) does not
    # flip between 15.9 and 16.0 on that noise.
    size = round(size, 4)
    return scale, size, descent * size, _is_bold(name), upright, size / em if em else 1.0, lift


def _font(font: int | None, fonts: dict) -> tuple[str, float]:
    """A font's PDF name (/BaseFont, subset prefix included) and its descent per em."""
    name, descent = "", 0.0
    if font:
        buffer = ctypes.create_string_buffer(256)
        length = _FontName(font, ctypes.addressof(buffer), 256)
        raw = buffer.raw[: max(length - 1, 0)] if length <= 256 else b""
        name = raw.decode("utf-8", "replace")
        value = c_float()
        if _FontDescent(font, 1.0, ctypes.addressof(value)):
            descent = value.value
    fonts[font] = (name, descent)
    return name, descent


def _turned(
    textpage: int, index: int, text: str, x: float, y: float, font: int | None, bold: bool, frame: _Frame, names
) -> _Char:
    """A character whose text is turned in PDF space (turned text, a page turned by
    /Rotate, mirrored text). PDFium's loose box does not turn with it; the box is
    then drawn as pdfminer drew every box: from the origin along the advance, and
    from the descent up one em, through the character's matrix. A character not
    upright on the displayed page has its baseline at its bottom."""
    matrix = (c_float * 6)()
    _CharMatrix(textpage, index, ctypes.addressof(matrix))
    a, b, c, d = matrix[0], matrix[1], matrix[2], matrix[3]
    em = _FontSize(textpage, index)
    ra, rb, rc, rd, re_, rf = frame.device
    da, db, dc, dd = ra * a + rc * b, rb * a + rd * b, ra * c + rc * d, rb * c + rd * d
    ox, oy = ra * x + rc * y + re_, rb * x + rd * y + rf
    width = c_float()
    code = ord(text) if len(text) == 1 else 0x20
    advance = width.value if font and _GlyphWidth(font, code, 1.0, ctypes.addressof(width)) else 1.0
    _, descent = names.get(font) or _font(font, names)
    low, high = descent * em, (descent + 1) * em  # the em's bottom and top in text space
    p0 = (ox + dc * low, oy + dd * low)
    p1 = (ox + da * advance * em + dc * high, oy + db * advance * em + dd * high)
    x0, x1 = sorted((p0[0], p1[0]))
    y0, y1 = sorted((p0[1], p1[1]))
    height = frame.height
    size = round(y1 - y0, 4)  # pdfminer's size: the box's height
    upright = da * dd > 0 and db * dc <= 0
    base = height - oy if upright else height - y0
    return _Char(text, x0, x1, height - y1, height - y0, base, size, bold)


@dataclass
class _Drawn:
    """What a page draws, form XObjects opened: its path objects (``outers``: the matrix of
    the space they live in: a form's objects live in the form's space), its text
    objects in drawing order (an array of handles; ``inside`` has that matrix for those
    in a form), and how many pictures."""

    paths: list = field(default_factory=list)
    outers: list = field(default_factory=list)  # each path's space: the matrix of its form, or _IDENTITY
    texts: numpy.ndarray = field(default_factory=lambda: numpy.empty(0, numpy.uint64))
    inside: dict = field(default_factory=dict)
    images: int = 0
    objects: int = 0  # counted against limits.pdf_page_objects, a form's objects included


_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_NO_OBJECTS = numpy.empty(0, numpy.uint64)
_TEXT, _PATH = pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_PATH
_IMAGE, _FORM = pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM


def _inventory(page: int, count: int, texts: numpy.ndarray) -> _Drawn:
    """The page's ``count`` objects sorted out. ``texts`` are objects known to be text
    (those the text page's characters come from, sorted): their type is not asked for
    again (WPS writes every character as an object of its own)."""
    drawn = _Drawn()
    drawn.objects = count
    found: list[numpy.ndarray] = []
    objects = numpy.fromiter(map(_GetObject, repeat(c_void_p(page), count), range(count)), numpy.uint64, count)
    _sort_objects(drawn, found, objects, _IDENTITY, texts)
    drawn.texts = numpy.concatenate(found) if found else numpy.empty(0, numpy.uint64)
    return drawn


def _among(values: numpy.ndarray, known: numpy.ndarray) -> numpy.ndarray:
    """Which of ``values`` are in ``known`` (sorted, distinct): one binary search each."""
    if not len(known):
        return numpy.zeros(len(values), bool)
    at = numpy.minimum(numpy.searchsorted(known, values), len(known) - 1)
    return known[at] == values


def _sort_objects(drawn: _Drawn, found: list, objects: numpy.ndarray, outer: tuple, texts: numpy.ndarray) -> None:
    """``objects`` (handles, in drawing order) sorted into ``drawn``; their text
    objects appended to ``found`` as arrays, in drawing order."""
    # Only the objects the text page did not draw from are asked for their type
    # (most of a WPS page's objects are its characters).
    kinds = numpy.full(len(objects), _TEXT, numpy.int64)
    others = ~_among(objects, texts)
    kinds[others] = numpy.fromiter(map(_ObjectType, objects[others].tolist()), numpy.int64, int(others.sum()))
    forms = numpy.flatnonzero(kinds == _FORM).tolist()
    start = 0
    matrix = (c_float * 6)()
    for at in forms + [len(objects)]:  # the stretches between forms in one sweep each; a form's objects in place
        part, part_kinds = objects[start:at], kinds[start:at]
        text = part[part_kinds == _TEXT]
        found.append(text)
        if outer is not _IDENTITY:
            drawn.inside.update(dict.fromkeys(text.tolist(), outer))
        paths = part[part_kinds == _PATH].tolist()
        drawn.paths += paths
        drawn.outers += [outer] * len(paths)
        drawn.images += int(numpy.count_nonzero(part_kinds == _IMAGE))
        if at == len(objects):
            break
        obj = int(objects[at])
        _ObjectMatrix(obj, ctypes.addressof(matrix))
        n = _CountFormObjects(obj)
        drawn.objects += n  # a form's objects count on the page that draws it
        limits.check("pdf_page_objects", drawn.objects)
        inner = _compose(tuple(_values(matrix)), outer)
        children = numpy.fromiter(map(_GetFormObject, repeat(obj, n), range(n)), numpy.uint64, n)
        _sort_objects(drawn, found, children, inner, texts)
        start = at + 1


def _blanks(texts: numpy.ndarray, inside: dict, referenced: numpy.ndarray, frame: _Frame) -> list[_Char]:
    """The spaces typed as text objects of their own.

    PDFium's text page leaves out a text object that prints nothing, and WPS writes
    every character as one, so a space typed between words, after an amount or to
    indent a line would be lost. The reader was built on pdfminer's characters, which
    kept such spaces (and dropped other white space, ideographic spaces included):
    they come back as a space at the object's origin. PDFium cannot say which
    character an empty object holds, so its place in the text tells: white space
    written right after printed text is a space; a run of white space that opens a
    line (or a cell) stepping a full em at a time is ideographic spaces (the "　　" of
    an indent), left out as pdfminer left them.

    Found in whole-array steps (WPS pages type hundreds): the text objects the text
    page left out (``missing``), runs of them on one baseline, and what stands before
    and after each run.
    """
    missing = numpy.flatnonzero(~_among(texts, referenced))
    if not len(missing):
        return []
    if len(missing) < _ARRAY_BLANKS:
        return _blanks_each(texts, missing.tolist(), inside, frame)
    n = len(texts)
    # the objects looked at: the missing ones and their neighbours in drawing order
    near = ruled_tables.distinct(numpy.concatenate((missing - 1, missing, missing + 1)))
    near = near[(near >= 0) & (near < n)]
    upright, base, x, empty, ink, y, dd = _placed(texts[near], inside, frame)
    at = numpy.searchsorted(near, missing)  # each missing object among ``near``
    base_m, x_m = base[at], x[at]
    em, bottom, bold, width = _blank_style(texts[missing], y[at], dd[at], frame.height)
    # A run: consecutive missing objects that are upright and print nothing (one that
    # prints is a repeat PDFium dropped), each on the baseline of the one before.
    usable = upright[at] & empty[at]
    k = len(missing)
    joins = numpy.zeros(k, bool)
    joins[1:] = (
        (missing[1:] == missing[:-1] + 1)
        & usable[:-1]
        & ~(numpy.abs(base_m[:-1] - base_m[1:]) > 0.35 * numpy.maximum(em[1:], 4))
    )
    members = numpy.flatnonzero(usable)
    if not len(members):
        return []
    starts = numpy.flatnonzero(usable & ~joins)
    run_of = (numpy.cumsum(usable & ~joins) - 1)[members]
    lasts = members[numpy.flatnonzero(numpy.append(run_of[1:] != run_of[:-1], True))]
    em_f, base_f, x_f = em[starts], base_m[starts], x_m[starts]
    near_of = 0.35 * numpy.maximum(em_f, 4)
    # White space right after printed text is a space.
    first = missing[starts]
    has_before = first > 0
    b = numpy.searchsorted(near, numpy.where(has_before, first - 1, 0))
    follows = (
        has_before
        & upright[b]
        & ~empty[b]
        & (numpy.abs(base[b] - base_f) <= near_of)
        & (x_f - 0.5 * em_f <= ink[b])
        & (ink[b] <= x_f + 0.5 * em_f)
    )
    # Else a run stepping a full em from its first to its second (or the object after
    # it on its baseline) is ideographic spaces.
    longer = lasts > starts
    second = numpy.minimum(starts + 1, k - 1)
    after = missing[lasts] + 1
    has_next = after < n
    a = numpy.searchsorted(near, numpy.where(has_next, after, n - 1))
    next_step = has_next & upright[a] & (numpy.abs(base[a] - base_m[lasts]) <= near_of)
    step = numpy.where(longer, x_m[second] - x_f, x[a] - x_m[lasts])
    stepped = longer | next_step
    ideographic = ~follows & stepped & (0.875 * em_f <= step) & (step < 1.25 * em_f)
    kept = members[~ideographic[run_of]]
    return [
        _Char(" ", left, left + w * e, under - e, under, line, e, b)
        for left, e, under, line, b, w in zip(
            x_m[kept].tolist(),
            em[kept].tolist(),
            bottom[kept].tolist(),
            base_m[kept].tolist(),
            bold[kept].tolist(),
            width[kept].tolist(),
            strict=True,
        )
    ]


# Below this many blank objects a page's are looked at one by one (the same tests, in
# the same arithmetic): the whole-array steps cost numpy's fixed cost each, some 60 of
# them, more than a loop over a few dozen objects (a page of a WPS table types a few).
_ARRAY_BLANKS = 64


def _blanks_each(texts: numpy.ndarray, missing: list[int], inside: dict, frame: _Frame) -> list[_Char]:
    """``_blanks`` for a page of few blank objects (``missing``: their places among
    ``texts``), run by run in plain Python."""
    n = len(texts)
    near = sorted({j for i in missing for j in (i - 1, i, i + 1) if 0 <= j < n})
    place = {j: p for p, j in enumerate(near)}
    upright, base, x, empty, ink, y, dd = (column.tolist() for column in _placed(texts[near], inside, frame))
    at = [place[i] for i in missing]
    em, bottom, bold, width = (
        column.tolist()
        for column in _blank_style(
            texts[missing], numpy.array([y[p] for p in at]), numpy.array([dd[p] for p in at]), frame.height
        )
    )
    usable = [upright[p] and empty[p] for p in at]
    # the runs: (first, last) places among ``missing``
    runs: list[list[int]] = []
    for k, i in enumerate(missing):
        if not usable[k]:
            continue
        if (
            runs
            and runs[-1][1] == k - 1
            and i == missing[k - 1] + 1
            and not abs(base[at[k - 1]] - base[at[k]]) > 0.35 * max(em[k], 4)
        ):
            runs[-1][1] = k
        else:
            runs.append([k, k])
    found = []
    for start, last in runs:
        em_f, base_f, x_f = em[start], base[at[start]], x[at[start]]
        near_of = 0.35 * max(em_f, 4)
        # White space right after printed text is a space.
        first = missing[start]
        follows = False
        if first > 0:
            b = place[first - 1]
            follows = (
                upright[b]
                and not empty[b]
                and abs(base[b] - base_f) <= near_of
                and x_f - 0.5 * em_f <= ink[b]
                and ink[b] <= x_f + 0.5 * em_f
            )
        # Else a run stepping a full em from its first to its second (or the object
        # after it on its baseline) is ideographic spaces.
        if not follows:
            after = missing[last] + 1
            step = None
            if last > start:
                step = x[at[start + 1]] - x_f
            elif after < n and upright[place[after]] and abs(base[place[after]] - base[at[last]]) <= near_of:
                step = x[place[after]] - x[at[last]]
            if step is not None and 0.875 * em_f <= step and step < 1.25 * em_f:
                continue
        for k in range(start, last + 1):
            left, e, under = x[at[k]], em[k], bottom[k]
            found.append(_Char(" ", left, left + width[k] * e, under - e, under, base[at[k]], e, bold[k]))
    return found


def _placed(objects: numpy.ndarray, inside: dict, frame: _Frame) -> tuple:
    """Where text objects sit on the displayed page, as arrays: upright, baseline, x,
    prints nothing, the right edge of its ink, and (for the em) the origin's y and the
    vertical scale. The arithmetic in the order a single object's would go, so the
    values are those one at a time would give."""
    handles = objects.tolist()
    bounds = _read_all(_ObjectBounds, handles, c_float, 4, (0, 1, 2, 3), as_array=True).reshape(-1, 4)
    matrices = _read_all(_ObjectMatrix, handles, c_float, 6, (0,), as_array=True).reshape(-1, 6)
    # without a form on the page every object is in user space: the same products, by scalars
    outer = (
        numpy.array([inside.get(obj, _IDENTITY) for obj in handles], numpy.float64).reshape(-1, 6) if inside else None
    )
    A, B, C, D, E, F = _IDENTITY if outer is None else outer.T
    # the object's matrix, its form's, then the page's turn: da .. dd its axes on the
    # displayed page, (x, y) its origin there (_compose_arrays: the same sums of products)
    composed = _compose_arrays(matrices, _IDENTITY if outer is None else outer)
    da, db, dc, dd, x, y = _compose_arrays(composed, frame.device).T
    ra, rb, rc, rd, re_, rf = frame.device
    upright = (db == 0) & (dc == 0) & (da > 0) & (dd > 0)
    left, bottom, right = bounds[:, 0], bounds[:, 1], bounds[:, 2]
    ox = numpy.where(right > left, right, left)  # max(left, right)
    ux, uy = A * ox + C * bottom + E, B * ox + D * bottom + F
    ink = ra * ux + rc * uy + re_
    empty = numpy.abs(right - left) < 0.01
    return upright, frame.height - y, x, empty, ink, y, dd


def _blank_style(objects: numpy.ndarray, y: numpy.ndarray, dd: numpy.ndarray, height: float) -> tuple:
    """For text objects that print nothing (at origin height ``y``, scaled ``dd``):
    their em, the em's bottom, boldness and the space's width per em, as arrays (what
    a font gives, once per font)."""
    handles = objects.tolist()
    sizes = _read_all(_ObjectFontSize, handles, c_float, 1, (0,), as_array=True)
    names: dict = {}
    styles: dict = {}  # by font: (descent per em, bold, space width per em)
    fonts = list(map(_ObjectFont, handles))
    for font in set(fonts):
        name, per_em = _font(font, names)
        styles[font] = (per_em, _is_bold(name), _space_width(font))
    descent, bold, width = (numpy.array(column) for column in zip(*map(styles.__getitem__, fonts), strict=True))
    # rounded one by one: Python's round, as a single object's em was (each value once:
    # a page's blanks share a few sizes)
    values = (dd * sizes).tolist()
    rounded = {value: round(value, 4) for value in set(values)}
    em = numpy.array([rounded[value] for value in values])
    return em, height - (y + descent * em), bold, width


def _space_width(font: int | None) -> float:
    """The advance of the font's space, per em. (PDFium looks the "glyph" up as a
    Unicode value in the font's character map; a font that maps no space answers with
    its default width, an em, and a space is taken to be half of one.)"""
    width = c_float()
    if font and _GlyphWidth(font, 0x20, 1.0, ctypes.addressof(width)) and 0 < width.value < 0.75:
        return width.value
    return 0.5


def _compose(inner: tuple, outer: tuple) -> tuple:
    """The matrix applying ``inner`` then ``outer``."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


_SEGMENT_OPERATOR = {pdfium_c.FPDF_SEGMENT_MOVETO: "m", pdfium_c.FPDF_SEGMENT_LINETO: "l"}


def _rulings(objects: list[int], outers: list, frame: _Frame) -> tuple[tuple[list, list], bool]:
    """The page's rulings as horizontal and vertical edges, and whether it draws any
    line or rectangle at all.

    Paths are read as pdfminer reads them (each subpath on its own: a single segment
    is a line, four sides closing an axis-aligned box a rectangle, anything else a
    curve whose straight axis-aligned pieces still count), so the tables found are
    those the reader was measured on. A rectangle counts if it is stroked or filled
    with a colour that shows: white cell backgrounds are not rulings.
    """
    horizontal: list[tuple] = []
    vertical: list[tuple] = []
    drawn = False
    # (a limit on paths or segments per page fits here)
    if not objects:
        return (horizontal, vertical), drawn
    # Every path's draw mode, matrix and segments, each read in one sweep.
    many = len(objects) >= _ARRAY_PATHS  # then read into arrays, not lists
    modes = _read_all(_DrawMode, objects, c_int, 2, (0, 1), as_array=many)
    own = _read_all(_ObjectMatrix, objects, c_float, 6, (0,), as_array=many)
    counts = [n if n > 0 else 0 for n in map(_CountSegments, objects)]
    if many:
        return _rulings_arrays(outers, frame, objects, modes, own, counts)
    xs, ys, kinds, closes = _path_points(objects, counts)
    unstroked = [obj for k, obj in enumerate(objects) if modes[2 * k] and not modes[2 * k + 1]]
    colors = _read_all(_FillColor, unstroked, c_uint, 4, (0, 1, 2, 3)) if unstroked else []
    fills = {obj: colors[4 * k : 4 * k + 3] for k, obj in enumerate(unstroked)}
    # Each path's matrix: its own, its form's, then the page's turn (paths of a page
    # mostly share one: each distinct one is composed once), and every point moved
    # onto the displayed page, a run of paths with one matrix at a time.
    placed: dict[tuple, tuple] = {}
    matrices = []
    for mine in zip(zip(*[iter(own)] * 6, strict=True), outers, strict=True):
        matrix = placed.get(mine)
        if matrix is None:
            matrix = placed[mine] = _compose(_compose(mine[0], mine[1]), frame.device)
        matrices.append(matrix)
    xs, ys = _displayed(xs, ys, matrices, counts, frame.height)
    first = 0
    for k, obj in enumerate(objects):
        n = counts[k]
        start, first = first, first + n
        fill, stroke = modes[2 * k], modes[2 * k + 1]
        if not fill and not stroke or n < 2:
            continue  # a clipping path paints nothing
        kind = kinds[start:first]
        # The common shapes read straight: a line, and four sides (a box, or the
        # mitred piece of a border, which pdfminer took for a curve).
        if n == 2 and kind == _LINE_PATH and not closes[start + 1]:
            drawn = True
            px, py, qx, qy = xs[start], ys[start], xs[start + 1], ys[start + 1]
            if px == qx:
                vertical.append((px, py, px, qy) if py < qy else (px, qy, px, py))
            elif py == qy:
                horizontal.append((px, py, qx, py) if px < qx else (qx, py, px, py))
            continue
        shown = bool(stroke) or min(fills[obj]) < 250  # white (or nearly) is not seen
        if n == 5 and kind == _BOX_PATH and not any(closes[start : start + 4]):
            # a box (what _shape_edges finds first), read straight: WPS draws every cell so
            bx, by = xs[start:first], ys[start:first]
            (x0, x1, x2, x3, x4), (y0, y1, y2, y3, y4) = bx, by
            square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
                y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
            )
            if x0 == x4 and y0 == y4 and square:  # back at its start: _is_box
                drawn = True
                if shown:
                    left, right, top, bottom = min(bx), max(bx), min(by), max(by)
                    horizontal += [(left, top, right, top), (left, bottom, right, bottom)]
                    vertical += [(left, top, left, bottom), (right, top, right, bottom)]
                continue
        pts = list(zip(xs[start:first], ys[start:first], strict=True))
        drawn |= _shape_edges(kind, closes[start:first], pts, shown, horizontal, vertical)
    return (horizontal, vertical), drawn


def _shape_edges(kind: bytes, close, pts: list, shown: bool, horizontal: list, vertical: list) -> bool:
    """The edges of one painted path other than a plain line (its segment types
    ``kind``, close flags and displayed points); whether it draws a line or a box."""
    # Four sides: a box, or the mitred piece of a border, which pdfminer took for a curve.
    if len(pts) == 5 and kind == _BOX_PATH and not any(close[:4]):
        if pts[0] == pts[4] and _is_box(pts):
            if shown:
                _edges("rect", pts, horizontal, vertical)
            return True
        _edges("curve", pts + [pts[0]] if close[4] and pts[4] != pts[0] else pts, horizontal, vertical)
        return False
    drawn = False
    path: list[tuple[str, tuple[float, float]]] = []
    pending = 0  # Bézier points: PDFium gives three per curve segment
    for kind_, closed, p in zip(kind, close, pts, strict=True):
        if kind_ == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            pending += 1
            if pending == 3:
                path.append(("c", p))
                pending = 0
        else:
            path.append((_SEGMENT_OPERATOR.get(kind_, "l"), p))
            pending = 0
        if closed:
            path.append(("h", p))
    for found, corners in _subpaths(path):
        drawn |= found in ("line", "rect")
        if found == "rect" and not shown:
            continue
        _edges(found, corners, horizontal, vertical)
    return drawn


# A page drawing this many paths has them classified in whole-array steps (西安's
# pages draw hundreds of boxes each); fewer are read path by path, which costs less
# than numpy's fixed cost per call.
_ARRAY_PATHS = 128
_NO_EDGES = numpy.empty((0, 4))


def _compose_arrays(inner: numpy.ndarray, outer) -> numpy.ndarray:
    """``_compose`` for rows of matrices (``outer``: rows of them, or one), the same
    arithmetic in the same order."""
    # The six sums of products at once, column by column: (a, a, c, c, e, e) times
    # (A, B, A, B, A, B) plus (b, b, d, d, f, f) times (C, D, C, D, C, D), then E and F
    # added to the last two (adding 0 to the others would turn a -0.0 into 0.0).
    if isinstance(outer, numpy.ndarray):
        A, B, C, D, E, F = outer.T
        firsts, seconds, shifts = numpy.stack((A, B) * 3, 1), numpy.stack((C, D) * 3, 1), numpy.stack((E, F), 1)
    else:
        A, B, C, D, E, F = outer
        firsts, seconds, shifts = numpy.array((A, B) * 3), numpy.array((C, D) * 3), numpy.array((E, F))
    composed = inner[:, _FIRSTS] * firsts + inner[:, _SECONDS] * seconds
    composed[:, 4:] += shifts
    return composed


_FIRSTS, _SECONDS = numpy.array([0, 0, 2, 2, 4, 4]), numpy.array([1, 1, 3, 3, 5, 5])


def _rulings_arrays(
    outer: list, frame: _Frame, objects: list, modes: numpy.ndarray, own: numpy.ndarray, counts: list[int]
):
    """``_rulings`` for a page of many paths: every point placed, and the lines and
    boxes (nearly every path) classified, in whole-array steps; the other paths one by
    one as before. The edges come out in the same order (by path, then as each path
    gives them), as arrays of (x0, top, x1, bottom)."""
    k = len(objects)
    mode = modes.reshape(k, 2)
    fill, stroke = mode[:, 0] != 0, mode[:, 1] != 0
    count = numpy.array(counts, numpy.int64)
    xs, ys, kinds, closes = _path_points(objects, counts, arrays=True)
    shown = stroke.copy()
    unstroked = numpy.flatnonzero(fill & ~stroke)
    if len(unstroked):
        colors = _read_all(_FillColor, [objects[i] for i in unstroked.tolist()], c_uint, 4, (0, 1, 2, 3), as_array=True)
        shown[unstroked] = colors.reshape(-1, 4)[:, :3].min(axis=1) < 250  # white is not seen
    outers = _IDENTITY if all(o is _IDENTITY for o in outer) else numpy.array(outer, numpy.float64)
    matrix = _compose_arrays(_compose_arrays(own.reshape(k, 6), outers), frame.device)
    each = numpy.repeat(matrix, count, axis=0)
    x = each[:, 0] * xs + each[:, 2] * ys + each[:, 4]
    y = frame.height - (each[:, 1] * xs + each[:, 3] * ys + each[:, 5])
    start = numpy.cumsum(count) - count
    painted = (fill | stroke) & (count >= 2)
    # a line: moveto, lineto, not closed
    line = painted & (count == 2)
    at = start[line]
    line[line] = (kinds[at] == _MOVETO) & (kinds[at + 1] == _LINETO) & (closes[at + 1] == 0)
    # four sides: moveto and four linetos, the first four unclosed: a box when they
    # return to the start axis-aligned, else the mitred piece of a border (a "curve")
    sides = painted & (count == 5)
    at = start[sides]
    ok = kinds[at] == _MOVETO
    for j in range(1, 5):
        ok &= kinds[at + j] == _LINETO
    for j in range(4):
        ok &= closes[at + j] == 0
    sides[sides] = ok
    at = start[sides]
    px, py = [x[at + j] for j in range(5)], [y[at + j] for j in range(5)]
    returns = (px[0] == px[4]) & (py[0] == py[4])
    square = ((px[0] == px[1]) & (py[1] == py[2]) & (px[2] == px[3]) & (py[3] == py[0])) | (
        (py[0] == py[1]) & (px[1] == px[2]) & (py[2] == py[3]) & (px[3] == px[0])
    )
    is_box = returns & square
    box = numpy.zeros(k, bool)
    box[numpy.flatnonzero(sides)[is_box]] = True
    drawn = bool(line.any() or box.any())
    pieces: list[tuple] = [([], [], []), ([], [], [])]  # (path numbers, place in the path, edges) per direction

    def add(which: int, numbers: numpy.ndarray, place: int, edges: numpy.ndarray) -> None:
        pieces[which][0].append(numbers)
        pieces[which][1].append(numpy.full(len(numbers), place))
        pieces[which][2].append(edges)

    def segments(p0, q0, p1, q1, numbers: numpy.ndarray, place: int) -> None:
        """_edges for one segment of each path: vertical where x stays (a dot too),
        else horizontal where y does; a slanted one is no ruling."""
        upright = p0 == p1
        level = ~upright & (q0 == q1)
        low, high = numpy.where(q0 < q1, q0, q1), numpy.where(q0 < q1, q1, q0)
        add(1, numbers[upright], place, numpy.stack((p0, low, p0, high), 1)[upright])
        left, right = numpy.where(p0 < p1, p0, p1), numpy.where(p0 < p1, p1, p0)
        add(0, numbers[level], place, numpy.stack((left, q0, right, q0), 1)[level])

    # (each kind only when the page has one: numpy's cost per step is paid on empty arrays too)
    if line.any():
        at = start[line]
        segments(x[at], y[at], x[at + 1], y[at + 1], numpy.flatnonzero(line), 0)
    # boxes that show: two horizontal and two vertical edges each, in _edges' order
    seen = box & shown
    if seen.any():
        at = start[seen]
        bx, by = numpy.stack([x[at + j] for j in range(5)], 1), numpy.stack([y[at + j] for j in range(5)], 1)
        x0, x1, top, bottom = bx.min(1), bx.max(1), by.min(1), by.max(1)
        number = numpy.flatnonzero(seen)
        add(0, number, 0, numpy.stack((x0, top, x1, top), 1))
        add(0, number, 1, numpy.stack((x0, bottom, x1, bottom), 1))
        add(1, number, 0, numpy.stack((x0, top, x0, bottom), 1))
        add(1, number, 1, numpy.stack((x1, top, x1, bottom), 1))
    # mitred pieces: their sides in turn, and back to the start when closed short of it
    mitred = ~is_box
    if mitred.any():
        number = numpy.flatnonzero(sides)[mitred]
        px, py = [v[mitred] for v in px], [v[mitred] for v in py]
        for j in range(4):
            segments(px[j], py[j], px[j + 1], py[j + 1], number, j)
        back = (closes[start[number] + 4] != 0) & ((px[4] != px[0]) | (py[4] != py[0]))
        segments(px[4][back], py[4][back], px[0][back], py[0][back], number[back], 4)
    # every other painted path, one at a time
    rest = numpy.flatnonzero(painted & ~line & ~sides).tolist()
    if rest:
        horizontal: list[tuple] = []
        vertical: list[tuple] = []
        h_of: list[int] = []
        v_of: list[int] = []
        starts, shows = start.tolist(), shown.tolist()
        for n in rest:
            a, b = starts[n], starts[n] + counts[n]
            pts = list(zip(x[a:b].tolist(), y[a:b].tolist(), strict=True))
            before_h, before_v = len(horizontal), len(vertical)
            drawn |= _shape_edges(bytes(kinds[a:b]), closes[a:b].tolist(), pts, shows[n], horizontal, vertical)
            h_of += [n] * (len(horizontal) - before_h)
            v_of += [n] * (len(vertical) - before_v)
        pieces[0][0].append(numpy.array(h_of, numpy.int64))
        pieces[0][1].append(numpy.arange(len(h_of)))
        pieces[0][2].append(numpy.array(horizontal, numpy.float64).reshape(-1, 4))
        pieces[1][0].append(numpy.array(v_of, numpy.int64))
        pieces[1][1].append(numpy.arange(len(v_of)))
        pieces[1][2].append(numpy.array(vertical, numpy.float64).reshape(-1, 4))
    found = []
    for numbers, places, edges in pieces:
        if not edges:
            found.append(_NO_EDGES)
            continue
        rows = numpy.concatenate(edges)
        order = numpy.lexsort((numpy.concatenate(places), numpy.concatenate(numbers)))
        found.append(rows[order] if len(rows) else _NO_EDGES)
    return (found[0], found[1]), drawn


def _displayed(xs: list, ys: list, matrices: list, counts: list[int], height: float) -> tuple[list, list]:
    """The points (x, y) of paths in their own space, ``counts`` of them per path, as
    (x, top) on the displayed page through each path's matrix."""
    out_x: list[float] = []
    out_y: list[float] = []
    start = 0
    k = 0
    while k < len(matrices):
        matrix, stop = matrices[k], start + counts[k]
        k += 1
        while k < len(matrices) and matrices[k] is matrix:  # a run of paths sharing it
            stop += counts[k]
            k += 1
        a, b, c, d, e, f = matrix
        run = list(zip(xs[start:stop], ys[start:stop], strict=True))
        out_x += [a * x + c * y + e for x, y in run]
        out_y += [height - (b * x + d * y + f) for x, y in run]
        start = stop
    return out_x, out_y


_MOVETO, _LINETO = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO
_LINE_PATH = bytes([pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO])
_BOX_PATH = bytes([pdfium_c.FPDF_SEGMENT_MOVETO] + [pdfium_c.FPDF_SEGMENT_LINETO] * 4)

# PDFium's handle to a path segment is the address of the point in its path's array
# of points (CFX_Path::Point: x and y as floats, the segment type as a byte, the close
# flag as a byte, two bytes of padding), so a path's points can be copied in one read
# instead of three calls per segment (西安's pages draw hundreds of boxes each). The
# layout is checked against the API once, on the longest path of the first page that
# has one of two segments or more (its handles one array apart, and every value as the
# API reads it); if it differs (another PDFium build), every point is asked for
# through the API.
_POINT_SIZE = 12
_points_in_memory: bool | None = None


def _path_points(objects: list[int], counts: list[int], arrays: bool = False) -> tuple:
    """Every segment of every path, in order: its x and y (in the path's own space),
    its type, and whether it closes its subpath (set where a subpath ends: before the
    next moveto, or at its path's end). Lists and bytes, or (``arrays``) numpy arrays."""
    global _points_in_memory
    total = sum(counts)
    if not total:
        if arrays:
            return numpy.empty(0), numpy.empty(0), numpy.empty(0, numpy.uint8), numpy.empty(0, numpy.uint8)
        return [], [], b"", bytearray()
    drawing = [obj for obj, n in zip(objects, counts, strict=True) if n]
    sizes = [n * _POINT_SIZE for n in counts if n]
    if _points_in_memory is None:  # decided once, on the page's longest path (two segments at least)
        longest = max(range(len(drawing)), key=sizes.__getitem__)
        if sizes[longest] >= 2 * _POINT_SIZE:
            _points_in_memory = _layout_matches(drawing[longest], sizes[longest] // _POINT_SIZE)
    if _points_in_memory:
        # each path's points copied straight from PDFium's array into its stretch of
        # one buffer (one call per path, no bytes object per path)
        buffer = _array(ctypes.c_char, total * _POINT_SIZE)
        base = ctypes.addressof(buffer)
        places = accumulate(sizes[:-1], initial=base)
        list(map(_MemMove, places, map(_GetSegment, drawing, repeat(0, len(drawing))), sizes))
        raw = buffer.raw[: total * _POINT_SIZE]
        if arrays:
            floats_ = numpy.frombuffer(raw, numpy.float32).reshape(total, 3)
            codes = numpy.frombuffer(raw, numpy.uint8).reshape(total, _POINT_SIZE)
            kinds_, flags_ = codes[:, 8].copy(), codes[:, 9]
            ends = numpy.zeros(total, bool)
            ends[numpy.cumsum([n for n in counts if n]) - 1] = True
            after = numpy.append(kinds_[1:] == _MOVETO, True)
            closes_ = ((flags_ != 0) & (ends | after)).astype(numpy.uint8)
            return floats_[:, 0].astype(numpy.float64), floats_[:, 1].astype(numpy.float64), kinds_, closes_
        floats = array("f", raw)
        xs, ys, kinds, flags = floats[0::3].tolist(), floats[1::3].tolist(), raw[8::_POINT_SIZE], raw[9::_POINT_SIZE]
    else:
        owners = [obj for obj, n in zip(objects, counts, strict=True) for _ in range(n)]
        segments = list(map(_GetSegment, owners, [k for n in counts for k in range(n)]))
        points = _read_all(_SegmentPoint, segments, c_float, 2, (0, 1))
        xs, ys, kinds = points[0::2], points[1::2], bytes(t % 256 for t in map(_SegmentType, segments))
        flags = bytes(map(_SegmentClose, segments))
    closes = bytearray(total)
    if any(flags):
        path_ends = set(accumulate(counts))
        for k, flag in enumerate(flags):
            if flag and (k + 1 in path_ends or kinds[k + 1] == _MOVETO):
                closes[k] = 1
    if arrays:
        as_bytes = numpy.frombuffer(bytes(kinds), numpy.uint8), numpy.frombuffer(bytes(closes), numpy.uint8)
        return numpy.array(xs, numpy.float64), numpy.array(ys, numpy.float64), *as_bytes
    return xs, ys, kinds, closes


def _layout_matches(path: int, n: int) -> bool:
    """Whether the ``n`` segments of ``path`` are handed out ``_POINT_SIZE`` bytes apart
    (one array), and read from memory as the API gives them."""
    segments = list(map(_GetSegment, repeat(path, n), range(n)))
    if not segments[0] or segments != list(range(segments[0], segments[0] + n * _POINT_SIZE, _POINT_SIZE)):
        return False
    raw = ctypes.string_at(segments[0], n * _POINT_SIZE)
    floats = array("f", raw)
    points = _read_all(_SegmentPoint, segments, c_float, 2, (0, 1))
    return (
        floats[0::3].tolist() == points[0::2]
        and floats[1::3].tolist() == points[1::2]
        and list(raw[8::_POINT_SIZE]) == list(map(_SegmentType, segments))
        and list(raw[9::_POINT_SIZE]) == list(map(_SegmentClose, segments))
    )


def _read_all(function, handles: list[int], ctype, count: int, slots: tuple[int, ...], as_array: bool = False):
    """``function(handle, *addresses)`` for every handle, each call writing ``count``
    values into its own stretch of one array; the values, in order (a list, or
    ``as_array`` a numpy array: float64 for floats, int64 for integers, widened
    exactly from the buffer PDFium wrote into)."""
    k = len(handles)
    array = _array(ctype, count * k)
    size = ctypes.sizeof(ctype)
    base = ctypes.addressof(array)
    step = size * count
    addresses = [range(base + size * slot, base + size * slot + step * k, step) for slot in slots]
    list(map(function, handles, *addresses))
    if as_array:
        return _widened(array, count * k)
    return _values(array, count * k)


def _subpaths(path: list[tuple[str, tuple[float, float]]]):
    """(kind, points) per subpath, as pdfminer classifies them: "line", "rect" or
    "curve"; a closing "h" returns to the subpath's first point."""
    start = 0
    while start < len(path):
        stop = start + 1
        while stop < len(path) and path[stop][0] != "m":
            stop += 1
        ops = path[start:stop]
        start = stop
        if ops[0][0] != "m" or len(ops) < 2:
            continue
        shape = "".join(op for op, _ in ops)
        pts = [p if op != "h" else ops[0][1] for op, p in ops]
        if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
            shape = shape[:-2] + "h"  # a redundant side back to the start
            pts.pop()
        if shape in ("mlh", "ml"):
            yield "line", pts[:2]
        elif shape in ("mlllh", "mllll") and pts[0] == pts[4] and _is_box(pts):
            yield "rect", pts
        else:
            yield "curve", pts


def _is_box(pts: list[tuple[float, float]]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = pts[:4]
    return (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)


def _edges(shape: str, pts: list[tuple[float, float]], horizontal: list, vertical: list) -> None:
    if shape == "rect":
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
        horizontal += [(x0, top, x1, top), (x0, bottom, x1, bottom)]
        vertical += [(x0, top, x0, bottom), (x1, top, x1, bottom)]
        return
    px, py = pts[0]
    for qx, qy in pts[1:]:
        if px == qx:
            vertical.append((px, py, px, qy) if py < qy else (px, qy, px, py))
        elif py == qy:
            horizontal.append((px, py, qx, py) if px < qx else (qx, py, px, py))
        # a slanted stroke (a diagonal header line, a chart) is no ruling
        px, py = qx, qy


class _Geometry:
    """A found table's cells on a grid of column and row boundaries."""

    def __init__(self, cells: list[tuple[float, float, float, float]]) -> None:
        self.xs = _snap([c[0] for c in cells] + [c[2] for c in cells])
        self.ys = _snap([c[1] for c in cells] + [c[3] for c in cells])
        self.x0, self.x1, self.top, self.bottom = self.xs[0], self.xs[-1], self.ys[0], self.ys[-1]
        self.columns = len(self.xs) - 1
        self.rows = len(self.ys) - 1
        self.owner: list[list[int]] = [[-1] * self.columns for _ in range(self.rows)]  # -1: no cell
        self.spans: list[tuple[int, int, int, int]] = []  # (row0, col0, row1, col1)
        # cells share their corners: each coordinate is placed once
        column = {v: _nearest(self.xs, v) for v in {c[0] for c in cells} | {c[2] for c in cells}}
        row = {v: _nearest(self.ys, v) for v in {c[1] for c in cells} | {c[3] for c in cells}}
        spans, owner, rows, columns = self.spans, self.owner, self.rows, self.columns
        for index, (x0, top, x1, bottom) in enumerate(cells):
            c0, c1, r0, r1 = column[x0], column[x1], row[top], row[bottom]
            if r1 <= r0:
                r1 = r0 + 1
            if c1 <= c0:
                c1 = c0 + 1
            spans.append((r0, c0, r1, c1))
            for r in range(r0, min(r1, rows)):
                owners = owner[r]
                for c in range(c0, min(c1, columns)):
                    owners[c] = index
        self.chars: list[list] = [[] for _ in cells]
        self.texts: dict[int, str] = {}  # cell texts joined from arrays (place), by cell

    def place(self, inside: numpy.ndarray, cx, cy, columns: numpy.ndarray, chars: list[_Char] | _Chars, codes) -> None:
        """The page's characters ``inside`` (indices, in reading order) into the cells
        that own their middles, and each cell's text joined: whole-array steps for
        every cell at once, as ``add`` and ``_cell_text`` would do them character by
        character. ``codes`` are the page's characters as code points (None when one
        is not a single character: "(cid:n)")."""
        if not len(inside):
            return
        owner = numpy.array(self.owner, numpy.int64).reshape(self.rows, self.columns)
        r = numpy.clip(numpy.searchsorted(numpy.array(self.ys), cy[inside], "right") - 1, 0, self.rows - 1)
        c = numpy.clip(numpy.searchsorted(numpy.array(self.xs), cx[inside], "right") - 1, 0, self.columns - 1)
        cell = owner[r, c]
        kept = cell >= 0
        members, cell = inside[kept], cell[kept]
        box = columns[members]
        if codes is None or numpy.isnan(box).any() or not self._join(members, cell, box, codes):
            self.add(_take(chars, members.tolist()), [], [], known=cell.tolist())

    def _join(self, members: numpy.ndarray, cell: numpy.ndarray, box: numpy.ndarray, codes: numpy.ndarray) -> bool:
        """Each cell's text from its characters ``members`` (cell numbers ``cell``,
        fields ``box``): _group_lines, _join_chars and _cell_text in array steps. False
        (nothing done) when a printed line would not be told by the gaps between the
        sorted baselines alone (a line drifting down), which only the one-by-one
        grouping decides."""
        if not len(members):
            return True
        x0, x1, base, size = box[:, 0], box[:, 1], box[:, 4], box[:, 5]
        # _group_lines: by cell, then baseline (stable: reading order among equals); a
        # line starts at a new cell or past its first character's baseline by more than
        # 0.35 of the character's em (4 points at least). A gap that large between
        # neighbours always starts one; when no character strays that far from its
        # line's first, those are all the starts.
        order = numpy.lexsort((base, cell))
        cell_s, base_s, size_s = cell[order], base[order], size[order]
        reach = numpy.where(size_s > 4, size_s, 4) * 0.35
        starts = numpy.empty(len(order), bool)
        starts[0] = True
        starts[1:] = (cell_s[1:] != cell_s[:-1]) | (base_s[1:] - base_s[:-1] > reach[1:])
        line = numpy.cumsum(starts) - 1
        first = numpy.flatnonzero(starts)
        if (base_s - base_s[first][line] > reach).any():
            return False
        # each line left to right (stable), then _join_chars: a space before a character
        # whose gap from the one before is wider than 0.45 em, neither being a space
        order = order[numpy.lexsort((x0[order], line))]
        right, em = x1[order], size[order]
        parts = _line_texts(codes[members[order]], x0[order], right, em, first)
        last = numpy.append(first[1:] - 1, len(order) - 1)
        line_cell = cell_s[first].tolist()
        rights, ems = right[last].tolist(), em[last].tolist()
        texts = self.texts
        n, lines = 0, len(parts)
        while n < lines:
            stop = n + 1
            while stop < lines and line_cell[stop] == line_cell[n]:
                stop += 1
            if stop == n + 1:  # most cells: one printed line
                texts[line_cell[n]] = parts[n]
            else:
                texts[line_cell[n]] = _rejoin(parts[n:stop], rights[n:stop], ems[n:stop])
            n = stop
        return True

    def add(self, chars: list[_Char], cxs: list[float], cys: list[float], known: list[int] | None = None) -> None:
        """Each character (its middle at cx, cy) into the cell that owns its place
        (``known``: the cells, already found)."""
        if known is not None:
            for char, at in zip(chars, known, strict=True):
                self.chars[at].append(char)
            return
        ys, xs, rows, columns, owner, cells = self.ys, self.xs, self.rows - 1, self.columns - 1, self.owner, self.chars
        for char, cx, cy in zip(chars, cxs, cys, strict=True):
            r = bisect_right(ys, cy) - 1
            r = 0 if r < 0 else (rows if r > rows else r)
            c = bisect_right(xs, cx) - 1
            c = 0 if c < 0 else (columns if c > columns else c)
            index = owner[r][c]
            if index >= 0:
                cells[index].append(char)

    def table(self, number: int) -> _Table:
        rows = []
        columns, spans, texts, chars = self.columns, self.spans, self.texts, self.chars
        for r, owners in enumerate(self.owner):
            row, c = [], 0
            while c < columns:
                index = owners[c]
                if index < 0:
                    row.append(["", 1])
                    c += 1
                    continue
                r0, c0, _, c1 = spans[index]
                # A cell merged down from a row above is printed once: empty here.
                text = "" if r0 != r else texts[index] if index in texts else _cell_text(chars[index])
                row.append([text, max(c1 - c, 1)])
                c = max(c1, c + 1)
            rows.append(row)  # blank rows too: "rows as printed", as Word gives them
        return _Table(rows, self.x0, self.x1, self.top, self.bottom, self.xs, number)


def _snap(values: list[float]) -> list[float]:
    result: list[float] = []
    for value in sorted(values):
        if result and value - result[-1] <= _SNAP:
            continue
        result.append(value)
    return result


def _nearest(bounds: list[float], value: float) -> int:
    """The index of the bound nearest ``value`` (the first of two as near); bounds ascend."""
    i = bisect_left(bounds, value)
    if i == 0:
        return 0
    if i == len(bounds) or value - bounds[i - 1] <= bounds[i] - value:
        return i - 1
    return i


_by_base = attrgetter("base")
_by_x0 = attrgetter("x0")
_TEXT_OF = attrgetter("text")


# Below this many characters lines are grouped in plain Python (numpy's cost per call
# is more than the loop it saves).
_ARRAY_CHARS = 64


def _printed_lines(chars: list[_Char], box: numpy.ndarray | None, codes) -> tuple[list[list[_Char]], list[str]]:
    """The printed lines of ``chars`` (_group_lines) and each one's text (_join_chars).
    ``box``: the characters' fields x0 .. size as an array, and ``codes`` their code
    points, when the page has them: then in whole-array steps."""
    if box is not None and codes is not None and len(chars) >= _ARRAY_CHARS:
        found = _printed_lines_arrays(chars, box, codes)
        if found is not None:
            return found
    groups = _group_lines(chars)
    return groups, [_join_chars(group) for group in groups]


def _group_lines(chars: list[_Char]) -> list[list[_Char]]:
    """Characters -> printed lines (by baseline), each sorted left to right."""
    lines: list[list[_Char]] = []
    line: list[_Char] = []
    start = 0.0  # the baseline of the line's first character
    for char in sorted(chars, key=_by_base):
        size = char.size
        if line and char.base - start <= (size if size > 4 else 4) * 0.35:  # sorted: never below start
            line.append(char)
        else:
            line = [char]
            lines.append(line)
            start = char.base
    return [sorted(line, key=_by_x0) for line in lines]


def _printed_lines_arrays(chars: list[_Char], box: numpy.ndarray, codes: numpy.ndarray) -> tuple | None:
    """_group_lines and _join_chars in whole-array steps: the same lines in the same
    order (stable sorts, the same comparisons) and their texts, or None when a line
    would not be told by the gaps between sorted baselines alone (a line drifting down
    past 0.35 em from its first character, or a NaN), which only the one-by-one
    grouping decides."""
    x0, x1, base, size = box[:, 0], box[:, 1], box[:, 4], box[:, 5]
    if numpy.isnan(box).any():
        return None
    order = numpy.argsort(base, kind="stable")
    base_s = base[order]
    size_s = size[order]
    reach = numpy.where(size_s > 4, size_s, 4) * 0.35
    starts = numpy.empty(len(order), bool)
    starts[0] = True
    starts[1:] = base_s[1:] - base_s[:-1] > reach[1:]
    line = numpy.cumsum(starts) - 1
    first = numpy.flatnonzero(starts)
    if (base_s - base_s[first][line] > reach).any():
        return None
    order = order[numpy.lexsort((x0[order], line))]  # each line left to right (stable)
    placed = [chars[k] for k in order.tolist()]
    bounds = first.tolist() + [len(order)]
    groups = [placed[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    return groups, _line_texts(codes[order], x0[order], x1[order], size[order], first)


def _line_texts(points: numpy.ndarray, left, right, em, first: numpy.ndarray) -> list[str]:
    """_join_chars for lines of characters in arrays (code points, x0, x1, size), each
    line left to right from its start in ``first``: a space before a character whose
    gap from the one before is wider than 0.45 em, neither being a space; runs of spaces
    made one, and the line stripped."""
    spaced = numpy.zeros(len(points), bool)
    spaced[1:] = (
        (points[1:] != 32) & (points[:-1] != 32) & (left[1:] - right[:-1] > numpy.where(em > 4, em, 4)[1:] * 0.45)
    )
    spaced[first] = False
    shift = numpy.cumsum(spaced)  # spaces inserted up to and including each character
    # each character moved on by the spaces inserted before it, the places left spaces
    # (numpy.insert does the same in many more steps)
    spread = numpy.full(len(points) + int(shift[-1]) if len(points) else 0, 32, "<u4")
    spread[numpy.arange(len(points)) + shift] = points
    text = spread.tobytes().decode("utf-32-le")
    at = (first + shift[first]).tolist()
    ends = at[1:] + [len(text)]
    parts = [text[a:b] for a, b in zip(at, ends, strict=True)]
    return [(_SPACES.sub(" ", part) if "  " in part else part).strip() for part in parts]


def _join_chars(line: list[_Char]) -> str:
    parts: list[str] = []
    add = parts.append
    previous, last_x1 = " ", 0.0  # no space before the first character
    for text, x0, x1, _, _, _, size, _ in line:  # unpacked: cheaper than reading fields by name
        # A gap wider than the CJK/Latin auto-spacing of Word and WPS is a space.
        if text != " " and previous != " " and x0 - last_x1 > (size if size > 4 else 4) * 0.45:
            add(" ")
        add(text)
        previous, last_x1 = text, x1
    joined = "".join(parts)
    return (_SPACES.sub(" ", joined) if "  " in joined else joined).strip()


def _line(chars: list[_Char], number: int, text: str | None = None) -> _Line:
    # the characters' fields as columns, in one pass
    texts, x0s, x1s, tops, bottoms, _, ems, bolds = zip(*chars, strict=True)
    sizes = [em for t, em in zip(texts, ems, strict=True) if t != " "] or [ems[0]]
    return _Line(
        text=_join_chars(chars) if text is None else text,
        x0=min(x0s),
        x1=max(x1s),
        top=min(tops),
        bottom=max(bottoms),
        baseline=chars[0].base,
        size=round(_median(sizes), 1),
        bold=sum(bolds) > len(chars) / 2,
        page=number,
    )


def _median(values: list[float]) -> float:
    """statistics.median, without its checks (a line's sizes: called for every line)."""
    ordered = sorted(values)
    half = len(ordered) // 2
    return ordered[half] if len(ordered) % 2 else (ordered[half - 1] + ordered[half]) / 2


def _is_bold(fontname: str) -> bool:
    name = fontname.lower()
    return "bold" in name or "hei" in name or "black" in name or name.endswith(",b")


def _cell_text(chars: list[_Char]) -> str:
    """A cell's wrapped lines rejoined: Chinese and numbers continue without a space.

    A line that ends well short of the cell's longest line, or a numbered line, starts
    a new paragraph inside the cell (a list of goals): that break is kept as a newline,
    as Word keeps it. A line of white space alone (spaces under a wrapped word) is no
    line: the break is judged on the printed line before it.
    """
    if not chars:
        return ""
    grouped = _group_lines(chars)
    if len(grouped) == 1:  # most cells: one printed line
        return _join_chars(grouped[0])
    parts = [_join_chars(line) for line in grouped]
    return _rejoin(parts, [line[-1].x1 for line in grouped], [line[-1].size for line in grouped])


def _rejoin(parts: list[str], rights: list[float], sizes: list[float]) -> str:
    """A cell's printed lines (their text, where each ends, its last character's em)
    as _cell_text joins them; a line of no text is no line."""
    printed = [n for n, part in enumerate(parts) if part]
    right = max((rights[n] for n in printed), default=0)
    text = ""
    for k, n in enumerate(printed):
        part = parts[n]
        if text:
            previous = printed[k - 1]
            if rights[previous] < right - 2.5 * max(sizes[previous], 4) or _HEADING_MARK.match(part):
                text += "\n"
            elif text[-1].isascii() and text[-1].isalpha() and part[0].isascii() and part[0].isalpha():
                text += " "
        text += part
    return text


def _code_points(chars: list[_Char] | _Chars) -> numpy.ndarray | None:
    """The characters' texts as code points, or None when one is not a single
    character ("(cid:12)") or cannot be written (a lone surrogate)."""
    text = "".join(chars.texts if isinstance(chars, _Chars) else map(_TEXT_OF, chars))
    if len(text) != len(chars):
        return None
    try:
        return numpy.frombuffer(text.encode("utf-32-le"), "<u4")
    except UnicodeEncodeError:
        return None


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
        # (a page number printed under the table, above the foot margin, ends no table)
        items = list(page.items)
        while items and isinstance(items[-1], _Line) and _PAGE_NUMBER.match(items[-1].text):
            items.pop()
        last = items[-1] if items else None
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
    each cell in the column of the earlier part whose text its column's text overlaps
    most (a column's boundaries lie halfway to the next column's text, far off beside a
    column blank on one page), else the one whose boundaries hold its middle."""

    def column(k: int) -> int:
        if table.bands and previous.bands:
            b0, b1 = table.bands[k]
            overlap, best = max((min(b1, p1) - max(b0, p0), n) for n, (p0, p1) in enumerate(previous.bands))
            if overlap > 0:
                return best
        x = (table.xs[k] + table.xs[k + 1]) / 2
        return min(max(bisect_right(previous.xs, x) - 1, 0), len(previous.xs) - 2)

    width = len(previous.xs) - 1
    for n, row in enumerate(table.rows):
        cells: list[list] = [["", 1] for _ in range(width)]
        start = 0
        for text, span in row:
            stop = min(start + span, len(table.xs) - 1)
            if start >= stop:
                break
            first, last = column(start), column(stop - 1)
            if text:
                cells[first][0] = f"{cells[first][0]} {text}".strip()
                cells[first][1] = max(cells[first][1], last - first + 1)
            start += span
        out, c = [], 0
        while c < width:
            out.append(cells[c])
            c += max(min(cells[c][1], width - c), 1)
        table.rows[n] = out
    table.xs, table.bands = list(previous.xs), previous.bands


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
        if not page.items and page.images:
            # A scanned page inside a document with text: say so rather than read nothing.
            flush()
            previous = None
            text = f"第{page.number}页只有图片，没有可提取的文字（扫描件或图表），其内容未能读取。"
            blocks.append(Notice(text, page=page.number))
            continue
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
    return max(weights, key=lambda size: weights[size]) if weights else 10.5


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
