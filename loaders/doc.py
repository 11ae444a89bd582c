"""Legacy Word (.doc, Word 97-2003 binary; WPS writes the same format as .wps).

The OLE container is opened with olefile; the rest follows Microsoft's [MS-DOC]:

- the FIB at the start of the WordDocument stream says which table stream holds the
  document's tables (0Table/1Table), how many characters the main text has (ccpText),
  and where the piece table (Clx), the paragraph-property pages (PlcBtePapx) and the
  style sheet (STSH) are;
- the piece table maps character positions to bytes: a piece is either 8-bit text
  (cp1252, at fc/2) or UTF-16LE, so a fast-saved file reads like any other;
- a paragraph's properties (FKP pages of 512 bytes in the WordDocument stream) say
  whether it is in a table (sprmPFInTable, sprmPItap for the depth), whether its mark
  ends a row (sprmPFTtp / sprmPFInnerTtp) and where the row's cell edges are
  (sprmTDefTable), from which cell spans follow as in a .docx grid.

The result is the Block list loaders/docx.py makes of the same document saved as .docx
(body paragraphs: text only, stripped; cells: their paragraphs joined by newlines, a line
break one too; a table holding tables read as the document its cells hold), so
recognition is shared.

Every offset and count read from the file is checked against the bytes that are there
before it is used: a damaged or hostile file gets a Chinese LoadError, in time and memory
bounded by its size.
"""

from __future__ import annotations

import io
import re
import struct
from bisect import bisect_right
from dataclasses import dataclass, field

from loaders import limits
from loaders.blocks import Block, Cell, Grid, LoadError, Paragraph

DAMAGED = "旧版 Word（.doc）文件已损坏或格式不受支持，请在 Word/WPS 中另存为 .docx 后再上传。"
_WORD_IDENT = 0xA5EC
_WORD97_NFIB = 0xC0  # Word 97 writes 0x00C1; 0x00C0 and 0x00C2 are read as it (Word 6/95 are older)

# FibRgFcLcb97: the index of each (fc, lcb) pair used here.
_STSHF, _PLCF_BTE_PAPX, _CLX = 1, 13, 33

# Paragraph sprms ([MS-DOC] 2.6.2) and the table sprms a row's mark carries (2.6.4).
_IN_TABLE, _TTP, _ITAP, _INNER_CELL, _INNER_TTP = 0x2416, 0x2417, 0x6649, 0x244B, 0x244C
_OUTLINE_LEVEL, _HUGE_PAPX = 0x2640, 0x6646
_DEF_TABLE, _DEF_TABLE_10, _CHANGE_TABS, _VERT_MERGE = 0xD608, 0xD606, 0xC615, 0xD62B
_OPERAND_BYTES = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # by spra; 6 is variable

# Characters of the main text: paragraph and cell marks, fields, and what Word shows of
# the others (a non-breaking hyphen is a hyphen; an optional hyphen, a picture or an
# object anchor, a footnote reference mark show nothing here).
_MARKS = re.compile("[\r\x07\x0c\x13\x14\x15]")
_HIDDEN = dict.fromkeys(
    map(ord, "\x00\x01\x02\x03\x04\x05\x06\x08\x0e\x0f\x10\x11\x12\x16\x17\x18\x19\x1a\x1b\x1c\x1d")
)
_BODY = {**_HIDDEN, 0x09: None, 0x0B: None, 0x1E: "-", 0x1F: None}  # tabs and breaks: as docx.py
_IN_CELL = {**_BODY, 0x0B: "\n"}  # a line break in a cell separates its lines, as in docx.py

_STYLE_HEADINGS = range(1, 10)  # sti of the built-in styles 标题 1 … 标题 9


def root_streams(data: bytes) -> set[str]:
    """The names (lower case) of the streams and storages at an OLE file's root."""
    ole = _open(data)
    try:
        return {entry[0].lower() for entry in ole.listdir(streams=True, storages=True) if entry}
    except _ole_errors() as error:
        raise _damaged(f"cannot list the OLE directory: {type(error).__name__}: {error}") from None
    finally:
        ole.close()


_FIB_AT_SECTOR = re.compile(rb"\xec\xa5(?:[\xc0-\xff]\x00|[\x00-\x13]\x01)")


def has_word_header(data: bytes) -> bool:
    """Whether a sector of an OLE file (one olefile cannot open) starts with a Word 97+
    FIB (wIdent 0xA5EC, nFib 0x00C0-0x01FF): a damaged .doc, not some other Office file."""
    return any(m.start() and m.start() % 512 == 0 for m in _FIB_AT_SECTOR.finditer(data))


def read(data: bytes) -> list[Block]:
    ole = _open(data)
    try:
        word = _stream(ole, "WordDocument", len(data))
        fib = _Fib(word)
        table = _stream(ole, fib.table_stream, len(data))
        data_stream = _stream(ole, "Data", len(data)) if ole.exists("Data") else b""
    finally:
        ole.close()
    pieces, prcs = _piece_table(table, fib)
    text = _main_text(word, pieces, fib.ccp_text)
    properties = _Properties(word, table, data_stream, fib, prcs)
    styles = _heading_styles(table, fib)
    return _Builder(styles).blocks(_paragraphs(text, pieces, properties))


# ---------------------------------------------------------------- bytes


def _damaged(english: str) -> LoadError:
    return LoadError(DAMAGED, f"damaged .doc: {english}")


def _u8(buf: bytes, at: int) -> int:
    if not 0 <= at < len(buf):
        raise _damaged(f"byte at {at} beyond {len(buf)}")
    return buf[at]


def _u16(buf: bytes, at: int) -> int:
    if not 0 <= at <= len(buf) - 2:
        raise _damaged(f"uint16 at {at} beyond {len(buf)}")
    return buf[at] | buf[at + 1] << 8


def _u32(buf: bytes, at: int) -> int:
    if not 0 <= at <= len(buf) - 4:
        raise _damaged(f"uint32 at {at} beyond {len(buf)}")
    return int.from_bytes(buf[at : at + 4], "little")


def _span(buf: bytes, at: int, length: int, what: str) -> bytes:
    """``length`` bytes at ``at``, all of them inside ``buf``."""
    if at < 0 or length < 0 or at + length > len(buf):
        raise _damaged(f"{what}: {length} bytes at {at}, stream holds {len(buf)}")
    return buf[at : at + length]


# ---------------------------------------------------------------- the container


def _ole_errors() -> tuple[type[BaseException], ...]:
    # What olefile raises for a damaged container: OSError for what it checks, and the
    # struct/index/recursion errors of its parser meeting bad bytes.
    return (OSError, ValueError, struct.error, IndexError, KeyError, RecursionError, TypeError)


def _open(data: bytes):
    import olefile

    try:
        return olefile.OleFileIO(io.BytesIO(data))
    except _ole_errors() as error:
        raise LoadError(
            "旧版 Office 文件（.doc/.xls）的文件结构已损坏，无法读取。",
            f"damaged OLE file: {type(error).__name__}: {error}",
        ) from None


def _stream(ole, name: str, file_size: int) -> bytes:
    """A stream's bytes. A stream cannot be larger than the file that holds it: checked
    before it is read, so a sector chain that loops is read at most that far."""
    try:
        if not ole.exists(name):
            raise LoadError(f"Word 文件中缺少“{name}”部分，文件可能已损坏。", f"no {name} stream")
        size = ole.get_size(name)
        if size > file_size:
            raise _damaged(f"{name} stream declares {size} bytes in a file of {file_size}")
        return ole.openstream(name).read()
    except _ole_errors() as error:
        raise _damaged(f"cannot read {name}: {type(error).__name__}: {error}") from None


# ---------------------------------------------------------------- the FIB


class _Fib:
    """The few fields of the File Information Block that reading the text needs."""

    def __init__(self, word: bytes) -> None:
        if len(word) < 32 or _u16(word, 0) != _WORD_IDENT:
            raise LoadError("这不是 Word 文档（.doc 文件头无效），文件可能已损坏。", "bad FIB wIdent")
        n_fib = _u16(word, 2)
        flags = _u16(word, 0x0A)
        if flags & 0x0100:  # fEncrypted (also set for XOR obfuscation)
            raise LoadError("Word 文件已加密（设有密码），请先取消密码保护后再上传。", "encrypted .doc")
        if n_fib < _WORD97_NFIB:
            raise LoadError(
                "这是 Word 6.0/95 格式的 .doc 文件，格式过旧，请在 Word/WPS 中另存为 .docx 后再上传。",
                f"Word 6/95 file (nFib {n_fib:#x})",
            )
        self.table_stream = "1Table" if flags & 0x0200 else "0Table"
        at = 32
        csw = _u16(word, at)
        at += 2 + 2 * csw
        cslw = _u16(word, at)
        if cslw < 4:
            raise _damaged(f"FibRgLw97 of {cslw} longs")
        self.ccp_text = _u32(word, at + 2 + 3 * 4)
        at += 2 + 4 * cslw
        pairs = _u16(word, at)
        if pairs <= _CLX:
            raise _damaged(f"FibRgFcLcb of {pairs} pairs")
        self._blob = _span(word, at + 2, 8 * pairs, "FibRgFcLcb")
        limits.check("document_chars", self.ccp_text, "Word 文档")

    def fc_lcb(self, index: int) -> tuple[int, int]:
        return _u32(self._blob, 8 * index), _u32(self._blob, 8 * index + 4)


# ---------------------------------------------------------------- text


@dataclass(frozen=True, slots=True)
class _Piece:
    cp: int  # first character position
    end: int  # one past the last
    fc: int  # byte offset of its first character in the WordDocument stream
    width: int  # bytes per character: 1 (cp1252) or 2 (UTF-16LE)
    prm: int


def _piece_table(table: bytes, fib: _Fib) -> tuple[list[_Piece], list[bytes]]:
    """The pieces of the main text, and the property lists (Prc) a piece's prm may name."""
    fc, lcb = fib.fc_lcb(_CLX)
    clx = _span(table, fc, lcb, "Clx")
    prcs: list[bytes] = []
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # Prc: clxt, cbGrpprl (int16), grpprl
        size = _u16(clx, at + 1)
        if size > 0x3FA2:  # [MS-DOC] 2.9.209: at most 0x3FA2 bytes
            raise _damaged(f"Prc of {size} bytes")
        prcs.append(_span(clx, at + 3, size, "Prc"))
        at += 3 + size
    if _u8(clx, at) != 0x02:
        raise _damaged("Clx without a piece table")
    plc = _span(clx, at + 5, _u32(clx, at + 1), "PlcPcd")
    count = (len(plc) - 4) // 12
    if count < 1 or 4 * (count + 1) + 8 * count != len(plc):
        raise _damaged(f"PlcPcd of {len(plc)} bytes")
    pieces = []
    previous = 0
    for i in range(count):
        cp, end = _u32(plc, 4 * i), _u32(plc, 4 * i + 4)
        if cp != previous or end < cp:  # contiguous from 0: a text position is a CP
            raise _damaged(f"piece table out of order at piece {i}")
        previous = end
        pcd = 4 * (count + 1) + 8 * i
        raw = _u32(plc, pcd + 2)
        compressed = bool(raw & 0x40000000)
        offset = raw & 0x3FFFFFFF
        pieces.append(
            _Piece(cp, end, offset // 2 if compressed else offset, 1 if compressed else 2, _u16(plc, pcd + 6))
        )
        if end >= fib.ccp_text:
            break
    return pieces, prcs


def _main_text(word: bytes, pieces: list[_Piece], ccp_text: int) -> str:
    parts = []
    covered = 0
    for piece in pieces:
        count = min(piece.end, ccp_text) - piece.cp
        if count <= 0:
            continue
        raw = _span(word, piece.fc, count * piece.width, "text piece")
        parts.append(raw.decode("cp1252" if piece.width == 1 else "utf-16-le", errors="replace"))
        covered = piece.cp + count
    if covered < ccp_text:
        raise _damaged(f"piece table covers {covered} of {ccp_text} characters")
    return "".join(parts)


# ---------------------------------------------------------------- properties


@dataclass(slots=True)
class _Props:
    """What a paragraph's properties say about its place in the document."""

    istd: int = 0
    in_table: bool = False
    depth: int = 0  # sprmPItap: 1 in a table, 2 in a table in a table …
    row_end: bool = False  # sprmPFTtp
    inner_cell: bool = False
    inner_row_end: bool = False
    outline: int | None = None
    edges: tuple[int, ...] = ()  # the row's cell edges (sprmTDefTable), on a row's mark
    horizontal: tuple[int, ...] = ()  # per cell: TC80 horzMerge (2, 3: merged into the cell before)
    vertical: dict[int, int] = field(default_factory=dict)  # per cell: vertMerge (1, 2: continues the cell above)


class _Properties:
    """Paragraph properties by the byte offset of the paragraph's mark."""

    def __init__(self, word: bytes, table: bytes, data: bytes, fib: _Fib, prcs: list[bytes]) -> None:
        self._data, self._prcs = data, prcs
        fc, lcb = fib.fc_lcb(_PLCF_BTE_PAPX)
        plc = _span(table, fc, lcb, "PlcBtePapx")
        count = (len(plc) - 4) // 8 if len(plc) >= 12 else 0
        if 4 * (count + 1) + 4 * count != len(plc):
            raise _damaged(f"PlcBtePapx of {len(plc)} bytes")
        self._starts: list[int] = []  # paragraph runs: the byte ranges of their text …
        self._runs: list[tuple[int, bytes]] = []  # … (end, istd + grpprl: b"" for none)
        seen: set[int] = set()
        for i in range(count):
            page = (_u32(plc, 4 * (count + 1) + 4 * i) & 0x3FFFFF) * 512
            if page not in seen:  # a page named twice is read once
                seen.add(page)
                self._read_page(_span(word, page, 512, "PAPX FKP"))
        order = sorted(range(len(self._starts)), key=self._starts.__getitem__)
        self._starts = [self._starts[i] for i in order]
        self._runs = [self._runs[i] for i in order]
        # Paragraphs share their properties' bytes (every cell of a table, most body text):
        # each distinct list is read once (seed.doc: 2,574 paragraphs, 60 lists).
        self._cache: dict[tuple[bytes, int], _Props] = {}

    def _read_page(self, page: bytes) -> None:
        runs = page[511]
        if not 1 <= runs <= 0x1D:
            raise _damaged(f"PAPX FKP with {runs} runs")
        # rgfc and rgbx of at most 0x1D runs lie inside the 512 bytes: no check needed.
        edges = struct.unpack_from(f"<{runs + 1}I", page)
        for i in range(runs):
            start, end = edges[i], edges[i + 1]
            offset = 2 * page[4 * (runs + 1) + 13 * i]  # BxPap.bOffset: in words; 0 is no properties
            grpprl = b""
            if offset:
                cb = _u8(page, offset)
                if cb:
                    grpprl = _span(page, offset + 1, 2 * cb - 1, "PapxInFkp")
                else:
                    grpprl = _span(page, offset + 2, 2 * _u8(page, offset + 1), "PapxInFkp")
            self._starts.append(start)
            self._runs.append((end, grpprl))

    def at(self, fc: int, prm: int) -> _Props:
        i = bisect_right(self._starts, fc) - 1
        grpprl = self._runs[i][1] if i >= 0 and fc < self._runs[i][0] else b""
        key = (grpprl, prm)
        props = self._cache.get(key)
        if props is None:
            props = self._cache[key] = self._read(grpprl, prm)
        return props

    def _read(self, grpprl: bytes, prm: int) -> _Props:
        props = _Props()
        if len(grpprl) >= 2:
            props.istd = _u16(grpprl, 0)
            self._apply(props, grpprl, 2, huge=True)
        if prm & 1:  # Prm1: the piece's properties are the Prc it names
            index = prm >> 1
            if index < len(self._prcs):
                self._apply(props, self._prcs[index], 0, huge=False)
        return props

    def _apply(self, props: _Props, grpprl: bytes, at: int, huge: bool) -> None:
        for sprm, start, end in _sprms(grpprl, at):
            if sprm == _IN_TABLE:
                props.in_table = bool(_u8(grpprl, start))
            elif sprm == _ITAP:
                props.depth = min(_u32(grpprl, start), 1 << 16)
            elif sprm == _TTP:
                props.row_end = bool(_u8(grpprl, start))
            elif sprm == _INNER_CELL:
                props.inner_cell = bool(_u8(grpprl, start))
            elif sprm == _INNER_TTP:
                props.inner_row_end = bool(_u8(grpprl, start))
            elif sprm == _OUTLINE_LEVEL:
                props.outline = _u8(grpprl, start)
            elif sprm in (_DEF_TABLE, _DEF_TABLE_10):
                _define_table(props, grpprl[start:end])
            elif sprm == _VERT_MERGE and end - start >= 3:
                props.vertical[grpprl[start + 1]] = grpprl[start + 2]
            elif sprm == _HUGE_PAPX and huge:
                # The paragraph's properties did not fit its page: they are in the Data stream.
                fc = _u32(grpprl, start)
                size = _u16(self._data, fc)
                self._apply(props, _span(self._data, fc + 2, size, "huge PAPX"), 0, huge=False)


def _sprms(grpprl: bytes, at: int):
    """(sprm, operand start, operand end) of each Prl in ``grpprl`` from ``at``."""
    end = len(grpprl)
    while at + 2 <= end:
        sprm = grpprl[at] | grpprl[at + 1] << 8
        at += 2
        spra = sprm >> 13
        if spra != 6:
            size = _OPERAND_BYTES[spra]
        elif sprm in (_DEF_TABLE, _DEF_TABLE_10):
            # cb (2 bytes) counts the rest of the operand plus one ([MS-DOC] 2.9.305).
            size = 2 + max(_u16(grpprl, at) - 1, 0)
            at_operand = at + 2
            if at + size > end:
                raise _damaged(f"sprm {sprm:#06x} operand past its grpprl")
            yield sprm, at_operand, at + size
            at += size
            continue
        elif sprm == _CHANGE_TABS and _u8(grpprl, at) == 255:
            # PChgTabsOperand of 255 bytes or more: its two arrays say how long it is.
            deleted = _u8(grpprl, at + 1)
            added = _u8(grpprl, at + 2 + 4 * deleted)
            size = 1 + 1 + 4 * deleted + 1 + 3 * added
        else:
            size = 1 + _u8(grpprl, at)
        if at + size > end:
            raise _damaged(f"sprm {sprm:#06x} operand past its grpprl")
        yield sprm, at + (1 if spra == 6 else 0), at + size
        at += size


def _define_table(props: _Props, operand: bytes) -> None:
    """A row's TDefTableOperand: its cells' edges (twips) and their merge flags."""
    if not operand:
        return
    cells = operand[0]
    if 2 * (cells + 1) + 1 > len(operand):
        raise _damaged(f"sprmTDefTable of {cells} cells in {len(operand)} bytes")
    props.edges = struct.unpack_from(f"<{cells + 1}h", operand, 1)
    tc = 1 + 2 * (cells + 1)
    described = min(cells, (len(operand) - tc) // 20)  # cells without a TC80 take the default
    flags = [_u16(operand, tc + 20 * i) for i in range(described)]
    props.horizontal = tuple(f & 0x3 for f in flags)
    props.vertical = {i: (f >> 5) & 0x3 for i, f in enumerate(flags) if (f >> 5) & 0x3}


def _heading_styles(table: bytes, fib: _Fib) -> frozenset[int]:
    """The istd of the styles that are built-in headings (sti 1-9: 标题 1 … 标题 9)."""
    fc, lcb = fib.fc_lcb(_STSHF)
    if not lcb:
        return frozenset()
    stsh = _span(table, fc, lcb, "STSH")
    header = _u16(stsh, 0)
    count = _u16(stsh, 2)
    at = 2 + header
    headings = set()
    for istd in range(count):
        size = _u16(stsh, at)
        if size >= 2 and _u16(stsh, at + 2) & 0x0FFF in _STYLE_HEADINGS:
            headings.add(istd)
        at += 2 + size
        if at >= len(stsh):
            break
    return frozenset(headings)


# ---------------------------------------------------------------- paragraphs


@dataclass(frozen=True, slots=True)
class _Paragraph:
    text: str  # as stored, fields' codes left out
    mark: str  # "\r", "\x07" (end of cell) or "\x0c" (section break)
    props: _Props


def _paragraphs(text: str, pieces: list[_Piece], properties: _Properties):
    """The main text cut at its paragraph marks, each with its properties. A field's code
    (between \\x13 and \\x14) is left out, its result kept, as Word shows it."""
    starts = [p.cp for p in pieces]
    parts: list[str] = []
    start = 0
    fields: list[bool] = []  # per open field: still in its code
    in_code = 0
    for match in _MARKS.finditer(text):
        at = match.start()
        char = text[at]
        if not in_code:
            parts.append(text[start:at])
        start = at + 1
        if char == "\x13":
            limits.check("nesting", len(fields), "Word 文档中的域")
            fields.append(True)
            in_code += 1
        elif char == "\x14":
            if fields and fields[-1]:
                fields[-1] = False
                in_code -= 1
        elif char == "\x15":
            if fields and fields.pop():
                in_code -= 1
        else:
            piece = pieces[bisect_right(starts, at) - 1]
            fc = piece.fc + (at - piece.cp) * piece.width
            yield _Paragraph("".join(parts), char, properties.at(fc, piece.prm))
            parts = []
    if start < len(text) and not in_code:
        parts.append(text[start:])
    if any(parts):
        yield _Paragraph("".join(parts), "\r", _Props())


# ---------------------------------------------------------------- tables


@dataclass(slots=True)
class _Table:
    rows: list[tuple[list[_CellItems], _Props]] = field(default_factory=list)
    row: list[_CellItems] = field(default_factory=list)
    cell: _CellItems = field(default_factory=lambda: _CellItems())
    holds_table: bool = False


@dataclass(slots=True)
class _CellItems:
    items: list[_Paragraph | _Table] = field(default_factory=list)


class _Builder:
    """Paragraphs in, blocks out: tables from the cell and row marks, as docx.py reads
    the same document's <w:tbl>."""

    def __init__(self, headings: frozenset[int]) -> None:
        self._headings = headings
        self._made: dict[str, Cell] = {}

    def blocks(self, paragraphs) -> list[Block]:
        document = _CellItems()
        open_tables: list[_Table] = []
        for paragraph in paragraphs:
            props = paragraph.props
            depth = max(props.depth, 1) if props.in_table else 0
            while len(open_tables) > depth:
                self._close(open_tables, document)
            if len(open_tables) < depth:
                limits.check("nesting", depth)
                while len(open_tables) < depth:
                    open_tables.append(_Table())
            if not depth:
                document.items.append(paragraph)
                continue
            table = open_tables[-1]
            if depth == 1:
                row_end, cell_end = props.row_end, paragraph.mark == "\x07" and not props.row_end
            else:
                row_end, cell_end = props.inner_row_end, props.inner_cell and not props.inner_row_end
            if row_end:
                if table.cell.items:  # text before a row's mark without a cell's own mark
                    table.row.append(table.cell)
                table.rows.append((table.row, props))
                table.row, table.cell = [], _CellItems()
                continue
            table.cell.items.append(paragraph)
            if cell_end:
                table.row.append(table.cell)
                table.cell = _CellItems()
        while open_tables:
            self._close(open_tables, document)
        return list(self._emit(document.items))

    def _close(self, open_tables: list[_Table], document: _CellItems) -> None:
        table = open_tables.pop()
        if table.cell.items:
            table.row.append(table.cell)
        if table.row:
            table.rows.append((table.row, _Props()))
        if open_tables:
            parent = open_tables[-1]
            parent.cell.items.append(table)
            parent.holds_table = True
        else:
            document.items.append(table)

    def _emit(self, items: list[_Paragraph | _Table]):
        for item in items:
            if isinstance(item, _Paragraph):
                text = item.text.translate(_BODY).strip()
                if text:
                    props = item.props
                    heading = props.istd in self._headings or props.outline is not None
                    yield Paragraph(text, heading=heading)
            elif item.holds_table:
                # A layout frame: its cells are read as the document they hold.
                for cells, _ in item.rows:
                    for cell in cells:
                        yield from self._emit(cell.items)
            else:
                rows = self._rows(item)
                if rows:
                    yield Grid(rows)

    def _rows(self, table: _Table) -> tuple[tuple[Cell, ...], ...]:
        edges = sorted({e for _, props in table.rows for e in props.edges})
        grid = _snap(edges)
        rows = []
        for cells, props in table.rows:
            row: list[Cell] = []
            spans = _spans(props, len(cells), grid)
            before = spans.pop(0)
            if before:
                row.append(Cell("", before))
            for i, cell in enumerate(cells):
                span = spans[i] if i < len(spans) else 1
                if span == 0:  # merged into the cell before it (TC80 horzMerge)
                    continue
                continued = props.vertical.get(i, 0) in (1, 2)
                text = "" if continued else self._cell_text(cell)
                if span == 1:
                    done = self._made.get(text)
                    if done is None:
                        done = self._made[text] = Cell(text)
                    row.append(done)
                else:
                    row.append(Cell(text, span))
            if row:
                rows.append(tuple(row))
        return tuple(rows)

    def _cell_text(self, cell: _CellItems) -> str:
        lines = []
        for item in cell.items:
            if isinstance(item, _Paragraph):
                lines.append(item.text.translate(_IN_CELL))
        return "\n".join(lines)


_SNAP = 15  # twips (0.75 pt): edges closer than this are one grid line, as Word aligns them


def _snap(edges: list[int]) -> list[int]:
    grid: list[int] = []
    for edge in edges:
        if not grid or edge - grid[-1] > _SNAP:
            grid.append(edge)
    return grid


def _spans(props: _Props, cells: int, grid: list[int]) -> list[int]:
    """[grid columns before the first cell, then each cell's span (0: merged into the one
    before)] from the row's cell edges on the table's grid."""
    edges = props.edges
    if len(edges) != cells + 1 or not grid:
        return [0] + [1] * cells
    position = [_column(grid, e) for e in edges]
    spans = [max(position[0], 0)]
    spans += [max(position[i + 1] - position[i], 1) for i in range(cells)]
    limits.check("table_columns", max(spans), "Word 表格中的合并单元格")
    for i, merge in enumerate(props.horizontal):
        if merge in (2, 3) and 0 < i < cells:
            # Word 97's horizontal merge: the cell is part of the one before it.
            j = i - 1
            while j > 0 and spans[j + 1] == 0:
                j -= 1
            spans[j + 1] += spans[i + 1]
            spans[i + 1] = 0
    return spans


def _column(grid: list[int], edge: int) -> int:
    """The grid line an edge falls on (the nearest)."""
    i = bisect_right(grid, edge + _SNAP) - 1
    return max(i, 0)
