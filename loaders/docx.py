"""Word (.docx): walk word/document.xml directly with lxml.

python-docx's cell-by-cell API costs several times a raw parse; the body is a flat
sequence of <w:p> and <w:tbl>, so one pass over it is enough.
"""

from __future__ import annotations

import re

from lxml import etree

from loaders import limits
from loaders.blocks import Block, Cell, Grid, LoadError, Paragraph
from loaders.package import Package, parse_xml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _T = (W + t for t in ("p", "tbl", "tr", "tc", "t"))
_SDT, _SDT_CONTENT = W + "sdt", W + "sdtContent"
_GRID_SPAN, _V_MERGE, _VAL = W + "gridSpan", W + "vMerge", W + "val"
_BR, _CR, _TYPE = W + "br", W + "cr", W + "type"
_GRID_BEFORE = W + "gridBefore"


def read(data: bytes, package: Package | None = None) -> list[Block]:
    """The blocks of the Word file ``data``; ``package``, its zip when already opened."""
    xml = (package or Package(data, "Word ")).read("word/document.xml")
    what = "Word 文件中的 word/document.xml"
    parsed = _without_unread_leaves(xml)
    try:
        root = parse_xml(parsed, what)
    except LoadError:
        parsed = xml
        root = parse_xml(xml, what)  # (the error as the file's own bytes give it: its line and column)
    # A byte search first: most documents hide nothing, and the walk is the cost. It reads the bytes
    # parsed (a <w:vanish/> is named in them), the fewer when cut, and re's search, which skips to
    # each "v" at memory speed, takes half the time of bytes' "in" here (wanli: 66 against 133 us).
    if _VANISH_NAME.search(parsed):
        _drop_hidden_runs(root)
    body = root.find(W + "body")
    if body is None:
        raise LoadError("Word 文件中没有正文。", "no w:body")
    # Cells are values: one per text is enough, and a document repeats most of its texts
    # (blank cells, "100%", the same amounts in several tables): seed.docx prints 2,156
    # cells with 529 texts, 1,146 per table.
    return list(_blocks(body, {}))


# The empty elements of document.xml this reader never looks at: run formatting (fonts, sizes,
# bold) and the widths of cells and tables. Word writes them on every run and cell, and the
# parse pays for them (libxml2 reads a non-ASCII attribute value, "宋体", the slow way):
# seed.docx's 503 KB are 213 KB without them, parsed in a third of the time. They are cut from
# the bytes before the parse only where that cannot change what the parse gives of the rest:
# - between two tags (">" before, "<" after), so that no two texts become one;
# - with "w" bound once, on the root, to WordprocessingML, so that "w:sz" is that sz;
# - in a file with no "<!" (no comment, CDATA section or DTD whose text the cut could reach),
#   each attribute well-formed, its value without "<", ">", "&", a control character or a
#   character from U+E000 (U+FFFE and U+FFFF are none), in a file of valid UTF-8: a damaged
#   file is not mended by the cut. Where the cut bytes do not parse, the file's own bytes are
#   parsed and give their own error.
# (Left: a leaf repeating one of its attributes, or nested over 256 deep, which libxml2
# refuses and the cut would not see; no writer makes either.)
# (The names grouped by their first letters: the regex tries them at every "Pr><w:" of the file,
# and a group whose letter does not match is passed over in one test, not one per name.)
# (Only runs of leaves that open a properties element, "<w:rPr>", "<w:tcPr>", are cut: that is
# where Word writes them, and the search then stops at one in three of the file's "><w:" (seed,
# wanli), not at every tag: wanli's cut takes 0.73 ms, not 1.05. A leaf after one that stays ("<w:gridSpan
# w:val="2"/><w:tcW .../>") stays too, and the walk passes over it as before.)
# (An attribute's name, its value and the attributes of a leaf are taken possessively ("+"): what
# follows each (the "=", the closing quote, the "/>") follows no shorter match, so a backtrack into
# them would find nothing, and sre keeps no marks for one: seed's cut 3.9 -> 3.2 ms. The leaves
# themselves are not: fewer of them may be what stands before a "<".)
_LEAF = (
    rb"<w:(?:rFonts|s(?:zCs|z|pacing|napToGrid)|bCs|b|iCs|ind|i|kern|lang|color|t(?:cW|blW)|gridCol|jc|vAlign|noProof)"
    rb'(?: w:[A-Za-z]{1,32}+="[^"<>&\x00-\x1f\xef]{0,256}+")*+/>'
)
_UNREAD_LEAVES = re.compile(rb"Pr>" + _LEAF + rb"(?:" + _LEAF + rb")*(?=<)")
_W_DECLARED = re.compile(rb"xmlns:w[ \t\r\n]*=")
_W_ON_ROOT = re.compile(
    rb"(?:<\?xml(?: version=[\"']1\.0[\"'])?(?: encoding=[\"'](?i:utf-8)[\"'])?"
    rb"(?: standalone=[\"'](?:yes|no)[\"'])?\s*\?>)?"
    rb'[ \t\r\n]*<w:document [^<>]*?xmlns:w="http://schemas\.openxmlformats\.org/wordprocessingml/2006/main"'
)


def _without_unread_leaves(xml: bytes) -> bytes:
    # (b"!" first: one byte is searched for at memory speed, and Chinese text writes "！")
    if (b"!" in xml and b"<!" in xml) or len(_W_DECLARED.findall(xml)) != 1 or not _W_ON_ROOT.match(xml):
        return xml
    try:
        xml.decode()
    except UnicodeDecodeError:
        return xml
    # A run's or a cell's properties that held only such leaves are left empty, "<w:rPr></w:rPr>":
    # the element goes too, where it stands between two tags (no two texts become one, and "w" is
    # WordprocessingML, as checked above). Nothing reads an empty one (a <w:vanish/> is no leaf cut,
    # a span stays in its cell's), and each costs the parse a node: 2,083 of wanli's 2,185 cells,
    # 1,988 cells and 2,163 runs of seed's. (bytes.replace, not a regex: 0.2 ms each on seed, where
    # the parse saves 1.2.)
    cut = _UNREAD_LEAVES.sub(b"Pr>", xml)
    return cut.replace(b"><w:tcPr></w:tcPr><", b"><").replace(b"><w:rPr></w:rPr><", b"><")


_R, _R_PR, _VANISH = W + "r", W + "rPr", W + "vanish"
_VANISH_NAME = re.compile(rb"vanish")
_OFF = {"0", "false", "off"}


def _drop_hidden_runs(root: etree._Element) -> None:
    """Text formatted hidden (字体 › 隐藏, <w:vanish/> in a run's properties) is not printed,
    and is not read: a template's instructions to the one filling it in, notes left for a
    reviewer. (A hidden paragraph mark, in a paragraph's properties, hides no text.)"""
    for vanish in list(root.iter(_VANISH)):
        properties = vanish.getparent()
        run = properties.getparent() if properties is not None and properties.tag == _R_PR else None
        if run is not None and run.tag == _R and (vanish.get(_VAL) or "true").strip().lower() not in _OFF:
            parent = run.getparent()
            if parent is not None:
                parent.remove(run)


_INTEGER = re.compile(r"[+-]?[0-9]+")  # xsd:integer, as the schema types it


def _span(node: etree._Element) -> int:
    """A cell's w:gridSpan (or a row's w:gridBefore): how many grid columns it covers.

    Validated where it is read: Word writes a decimal integer ("1.5" or "abc" is a
    damaged file), and a span wider than any table (2147483648) is refused before a
    grid is built from it."""
    value = (node.get(_VAL) or "1").strip()
    if not _INTEGER.fullmatch(value):
        tag = etree.QName(node).localname
        raise LoadError(
            f"Word 表格中合并单元格的跨列数无效（{tag}=“{value[:20]}”），文件可能已损坏。",
            f"invalid w:{tag} value {value[:40]!r}",
        )
    digits = value.lstrip("+-")
    span = 1 if value.startswith("-") else max(int(digits) if len(digits) <= 18 else 10**18, 1)
    limits.check("table_columns", span, "Word 表格中的合并单元格")
    return span


# The paragraphs ``_looks_like_heading`` says are headings, all of a container's at once (one
# XPath in libxml2 costs a fraction of three find() calls per paragraph). ASCII lowering is
# str.lower() here: no other character lowers to one of the letters of "heading" (only İ and
# the Kelvin sign lower to ASCII letters at all, "i̇" and "k").
_HEADINGS = etree.XPath(
    "w:p[w:pPr[1]/w:outlineLvl or contains(translate(w:pPr[1]/w:pStyle[1]/@w:val,"
    " 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), 'heading')]",
    namespaces={"w": W[1:-1]},
)


def _blocks(container: etree._Element, made: dict[str, Cell], depth: int = 0):
    limits.check("nesting", depth)
    # (lxml keeps one proxy per element while it lives: the set's own are those the loop meets)
    headings = set(_HEADINGS(container))
    for child in container:
        tag = child.tag
        if tag == _P:
            text = _paragraph_text(child).strip()
            if text:
                yield Paragraph(text, heading=child in headings)
        elif tag == _TBL:
            rows = _plain_table_rows(child, made)
            if rows is None:  # the table holds another table
                cells = [tc for tr in child.iterchildren(_TR) for tc in tr.iterchildren(_TC)]
                if any(tc.find(_TBL) is not None for tc in cells):
                    # A layout frame (a table whose cells hold the real tables, used for
                    # borders or centring): its cells are read as the document they hold.
                    for tc in cells:
                        yield from _blocks(tc, made, depth + 1)
                    continue
                rows = _table_rows(child, nested=True)
            if rows:
                yield Grid(rows)
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content, made, depth + 1)


_PLAIN_TAGS = (_TR, _TC, _P, _T, _BR, _CR, _GRID_SPAN, _V_MERGE, _GRID_BEFORE, _TBL)


def _plain_table_rows(table: etree._Element, made: dict[str, Cell]) -> tuple[tuple[Cell, ...], ...] | None:
    """The rows of a table that holds no other table (every element in it is then its
    own), or None when it holds one: the walk of ``_table_rows`` without the ownership
    checks, and without a separate search for inner tables (which costs a walk of its own)."""
    try:
        return _walk_plain(table, made)
    except _HoldsTable:
        return None
    except LoadError:
        # In a table that holds another one, a span out of its place in a cell's properties
        # is not the table's own, and ``_table_rows`` never reads it.
        if next(table.iterdescendants(_TBL), None) is not None:
            return None
        raise


class _HoldsTable(Exception):
    pass


def _walk_plain(table: etree._Element, made: dict[str, Cell]) -> tuple[tuple[Cell, ...], ...]:
    # This loop runs for every paragraph, text run and cell of every table and costs
    # about as much as the XML parse itself: the commonest elements are tested first
    # (w:p, w:t, then w:tc and w:tr: a w:t no longer waits on two failed tests of the
    # cell's tags), nothing is read twice, and the names it uses on every element are
    # local. The cell's text grows as one string (most cells print one run: no list to
    # fill, join and empty for each).
    p_tag, tc_tag, tr_tag, t_tag = _P, _TC, _TR, _T
    cell_or_row = (tc_tag, tr_tag)  # (built once: "in (tc_tag, tr_tag)" builds a tuple per element)
    rows: list[tuple[Cell, ...]] = []
    row: list[Cell] | None = None
    text = ""  # the current cell's text so far
    in_cell = in_paragraph = False
    span, continued = 1, False
    for node in table.iterdescendants(_PLAIN_TAGS):
        tag = node.tag
        if tag == p_tag:
            if in_cell:
                if in_paragraph:
                    text += "\n"
                in_paragraph = True
        elif tag == t_tag:
            if in_paragraph:
                more = node.text
                if more:
                    text += more
        elif tag in cell_or_row:
            if in_cell and row is not None:
                if continued:
                    text = ""
                if span == 1:
                    done = made.get(text)
                    if done is None:
                        done = made[text] = Cell(text)
                    row.append(done)
                else:
                    row.append(Cell(text, span))
            text = ""
            in_paragraph, span, continued = False, 1, False
            if tag == tc_tag:
                in_cell = True
            else:
                in_cell = False
                if row:
                    rows.append(tuple(row))
                row = []
        elif tag == _V_MERGE:
            # <w:vMerge/> without val continues the cell above: printed once.
            continued = node.get(_VAL) != "restart"
        elif tag == _GRID_SPAN:
            span = _span(node)
        elif tag == _GRID_BEFORE:
            if row is not None:
                row.append(Cell("", _span(node)))
        elif tag == _TBL:
            raise _HoldsTable
        elif in_paragraph and node.get(_TYPE) in (None, "textWrapping"):
            text += "\n"  # a w:br or w:cr
    if in_cell and row is not None:
        row.append(Cell("" if continued else text, span))
    if row:
        rows.append(tuple(row))
    return tuple(rows)


def _table_rows(table: etree._Element, nested: bool) -> tuple[tuple[Cell, ...], ...]:
    """One walk over the table's elements (an iterator per cell or a find() per
    property costs several times the XML parse itself). A cell's text is gathered as
    it comes: its paragraphs joined by newlines, a typed line break one too.

    Only a table that holds another table needs the (costly) ownership checks; one
    that does not is read by ``_walk_plain``, the same walk without them."""
    rows: list[tuple[Cell, ...]] = []
    row: list[Cell] | None = None
    parts: list[str] = []  # the current cell's text so far
    in_cell = in_paragraph = False
    span, continued = 1, False

    def close_cell() -> None:
        if row is not None and in_cell:
            row.append(Cell("" if continued else "".join(parts), span))

    for node in table.iter(_TR, _TC, _P, _T, _BR, _CR, _GRID_SPAN, _V_MERGE, _GRID_BEFORE):
        tag = node.tag
        if tag == _T:
            if in_paragraph:
                parts.append(node.text or "")
        elif tag == _P:
            if in_cell:
                if in_paragraph:
                    parts.append("\n")
                in_paragraph = True
        elif tag == _TC:
            if not nested or node.getparent().getparent() is table:
                close_cell()
                parts, in_cell, in_paragraph, span, continued = [], True, False, 1, False
        elif tag == _TR:
            if not nested or node.getparent() is table:
                close_cell()
                in_cell = in_paragraph = False
                if row:
                    rows.append(tuple(row))
                row = []
        elif tag == _GRID_BEFORE:
            # A row that starts some grid columns in (<w:gridBefore>): those columns
            # print nothing; keep them so the cells stay under their header.
            if row is not None and (not nested or node.getparent().getparent().getparent() is table):
                row.append(Cell("", _span(node)))
        elif tag in (_BR, _CR):
            # A line break typed in a cell (Shift+Enter) separates its lines as a new
            # paragraph would: "1.…<br/>2.…" is two goals, not one.
            if in_paragraph and node.get(_TYPE) in (None, "textWrapping"):
                parts.append("\n")
        elif not nested or node.getparent().getparent().getparent().getparent() is table:
            if tag == _GRID_SPAN:
                span = _span(node)
            else:
                # <w:vMerge/> without val continues the cell above: printed once.
                continued = node.get(_VAL) != "restart"
    close_cell()
    if row:
        rows.append(tuple(row))
    return tuple(rows)


def _paragraph_text(p: etree._Element) -> str:
    # Text runs only: tabs and breaks inside a paragraph carry no meaning for us.
    return "".join([t.text or "" for t in p.iter(_T)])


def _looks_like_heading(p: etree._Element) -> bool:
    props = p.find(W + "pPr")
    if props is None:
        return False
    style = props.find(W + "pStyle")
    if style is not None and "heading" in (style.get(W + "val") or "").lower():
        return True
    return props.find(W + "outlineLvl") is not None
