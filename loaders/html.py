"""Word's "save as web page" (HTML, or MHT: the page and its pictures in one MIME message).

Government sites often publish such files under a .doc name. The page is read into the
Block list loaders/docx.py makes of the same document: body paragraphs (<p>, <h1>-<h6>,
list items) as text, stripped; a table's cells as their paragraphs joined by newlines, a
<br> one too; colspan as the cell's span, the rows under a rowspan given an empty cell
there (as a .docx's vMerge continuation); a table holding tables read as the document
its cells hold. Scripts, styles and comments are not text, nor what the page does not show:
elements styled display:none (Word hides a table of contents' page numbers so) and Word's
field codes (" TOC \\o "1-3" \\h", " PAGEREF _Toc… \\h"), of which, as in a .doc, only the
result is read.
"""

from __future__ import annotations

import email
import email.policy
import re

from lxml import etree
from lxml import html as lxml_html

from loaders import limits
from loaders.blocks import Block, Cell, Grid, LoadError, Paragraph

_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""")
_GB = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936"}
_BLOCK_TAGS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "div",
    "table",
    "ul",
    "ol",
    "body",
    "center",
    "blockquote",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SKIP = {"script", "style", "head", "title", "xml"}


def read(data: bytes) -> list[Block]:
    page = _mht_page(data) if data.lstrip()[:13].lower() == b"mime-version:" else data
    text = _decode(page)
    try:
        root = lxml_html.document_fromstring(text, parser=lxml_html.HTMLParser(huge_tree=False))
    except (etree.ParserError, ValueError) as error:
        raise LoadError("网页文件（HTML）无法解析，文件可能已损坏。", f"cannot parse HTML: {error}") from None
    body = root.find("body")
    if body is None:
        raise LoadError("网页文件中没有正文。", "no <body>")
    if "field-begin" in text:
        _drop_field_codes(body)
    if _HIDDEN.search(text):
        _drop_hidden(body)
    return list(_Reader().blocks(body, 0))


# Word marks a field with empty spans: <span style='mso-element:field-begin'>, the code,
# field-separator, the result, field-end. They may sit in different elements (a field
# begins in one span and its code runs on in the next), so the code is found in document
# order, not within one element.
_FIELD_MARK = re.compile(r"mso-element\s*:\s*field-(begin|separator|end)")
_HIDDEN = re.compile(r"display\s*:\s*none")


def _drop_field_codes(body: etree._Element) -> None:
    """Blank the text between each field's begin and separator marks (a field in a field's
    code is code too; one in its result has a code of its own)."""
    fields: list[bool] = []  # per open field: still in its code
    for event, element in etree.iterwalk(body, events=("start", "end")):
        if not isinstance(element.tag, str):
            if event == "end" and element.tail and any(fields):
                element.tail = None
            continue
        if event == "start":
            mark = _FIELD_MARK.search(element.get("style") or "")
            if mark is None:
                if element.text and any(fields):
                    element.text = None
            elif mark.group(1) == "begin":
                fields.append(True)
            elif fields and mark.group(1) == "separator":
                fields[-1] = False
            elif fields:
                fields.pop()
        elif element.tail and any(fields):
            element.tail = None


def _drop_hidden(body: etree._Element) -> None:
    """Elements the page does not show (their tail, outside them, stays)."""
    hidden = [e for e in body.iterdescendants() if isinstance(e.tag, str) and _HIDDEN.search(e.get("style") or "")]
    for element in hidden:
        element.drop_tree()  # one inside another dropped before goes with it: harmless


def _mht_page(data: bytes) -> bytes:
    """The HTML part of an MHT file (decoded from quoted-printable or base64), with its
    charset declared in front so that _decode finds it."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                charset = part.get_content_charset()
                head = f'<meta charset="{charset}">'.encode() if charset else b""
                return head + payload
    raise LoadError("MHT 文件中没有网页正文（text/html）。", "MHT without a text/html part")


def _decode(page: bytes) -> str:
    """The page's text by its declared charset (GB2312 pages are read as GB18030, which
    contains it); UTF-8 when none is declared."""
    found = _CHARSET.search(page[:4096])
    name = found.group(1).decode("ascii").lower() if found else "utf-8"
    if name in _GB:
        name = "gb18030"
    try:
        return page.decode(name, errors="replace")
    except LookupError:
        return page.decode("utf-8", errors="replace")


class _Reader:
    def __init__(self) -> None:
        self._made: dict[str, Cell] = {}

    def blocks(self, container: etree._Element, depth: int):
        limits.check("nesting", depth)
        parts: list[str] = []  # inline text directly in the container, between its blocks
        heading = False
        for node in _children_with_text(container):
            if isinstance(node, str):
                parts.append(node)
                continue
            tag = node.tag if isinstance(node.tag, str) else ""
            if tag in _SKIP or not tag:
                if node.tail:
                    parts.append(node.tail)
                continue
            if tag == "table" or tag in _BLOCK_TAGS or _holds_block(node):
                yield from self._paragraph(parts, heading)
                parts = []
                if tag == "table":
                    yield from self._table(node, depth)
                elif _holds_block(node):
                    yield from self.blocks(node, depth + 1)
                else:
                    yield from self._paragraph([_text(node, in_cell=False)], tag in _HEADINGS)
                if node.tail:
                    parts.append(node.tail)
            else:
                parts.append(_text(node, in_cell=False))
                if node.tail:
                    parts.append(node.tail)
        yield from self._paragraph(parts, heading)

    def _paragraph(self, parts: list[str], heading: bool):
        text = "".join(parts).strip()
        if text:
            yield Paragraph(text, heading=heading)

    def _table(self, table: etree._Element, depth: int):
        rows = [tr for tr in table.iter("tr") if _owner(tr) is table]
        cells = [(tr, [td for td in tr if td.tag in ("td", "th")]) for tr in rows]
        if any(td.find(".//table") is not None for _, tds in cells for td in tds):
            # A layout frame: its cells are read as the document they hold.
            for _, tds in cells:
                for td in tds:
                    yield from self.blocks(td, depth + 1)
            return
        grid: list[tuple[Cell, ...]] = []
        below: dict[int, tuple[int, int]] = {}  # grid column -> (rows still covered, span)
        for _, tds in cells:
            row: list[Cell] = []
            column = 0
            for td in tds:
                column = self._covered(below, column, row)
                span = _number(td.get("colspan"))
                limits.check("table_columns", span, "网页表格中的合并单元格")
                down = _number(td.get("rowspan"))
                limits.check("table_rows", down, "网页表格中的合并单元格")
                text = _text(td, in_cell=True)
                if span == 1:
                    cell = self._made.get(text)
                    if cell is None:
                        cell = self._made[text] = Cell(text)
                else:
                    cell = Cell(text, span)
                row.append(cell)
                if down > 1:
                    below[column] = (down - 1, span)
                column += span
            self._covered(below, column, row, to_end=True)
            if row:
                grid.append(tuple(row))
        if grid:
            yield Grid(tuple(grid))

    @staticmethod
    def _covered(below: dict[int, tuple[int, int]], column: int, row: list[Cell], to_end: bool = False) -> int:
        """Empty cells where a rowspan from above covers the row (at ``column``, or every
        one left at the row's end), as a .docx prints a vMerge continuation."""
        while column in below or (to_end and any(c >= column for c in below)):
            if column not in below:
                column = min(c for c in below if c >= column)
            left, span = below.pop(column)
            row.append(Cell("", span))
            if left > 1:
                below[column] = (left - 1, span)
            column += span
        return column


def _owner(tr: etree._Element) -> etree._Element | None:
    node = tr.getparent()
    while node is not None and node.tag != "table":
        node = node.getparent()
    return node


def _holds_block(node: etree._Element) -> bool:
    return node.tag in ("div", "body", "center", "blockquote") and any(
        isinstance(c.tag, str) and (c.tag in _BLOCK_TAGS) for c in node
    )


def _children_with_text(container: etree._Element):
    if container.text:
        yield container.text
    yield from container


def _number(value: str | None) -> int:
    """A colspan or rowspan: not a number is 1 (as a browser reads it); a huge one stays
    huge (at most 10**12), for the limits to refuse."""
    digits = (value or "1").strip()
    if not digits.isascii() or not digits.isdigit():
        return 1
    return max(int(digits) if len(digits) <= 12 else 10**12, 1)


_BREAK = "\x00"  # a line break the page shows (a <br>, a paragraph's end in a cell)
_SOURCE_BREAK = re.compile(r"[ \t\r\n]*[\t\r\n][ \t\r\n]*")  # white space with a line break or a tab
_BODY_BREAK = "\x02"  # a <br> in body text: nothing, with the source's line break after it
_AROUND_BODY_BREAK = re.compile(" ?\x02 ?")


def _text(node: etree._Element, in_cell: bool) -> str:
    """A block's text as shown: <br> is a new line in a cell and nothing in body text (as
    docx.py reads a break), a cell's paragraphs are its lines. A line break in the HTML
    source is a space on the page, as a browser shows it (writers wrap their source
    lines at a space: seed.docx's "3、 财政拨款" is "3、\\n财政拨款" in LibreOffice's HTML)."""
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIP or not tag:
            return
        if tag == "br" and _ends_block(element):
            pass  # a <br> at a block's end shows no line (an empty paragraph's placeholder)
        elif in_cell and (tag == "br" or (tag in _CELL_LINES and parts)):
            parts.append(_BREAK)
        elif tag == "br":
            parts.append(_BODY_BREAK)
        if element.text:
            parts.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(node)
    text = _SOURCE_BREAK.sub(" ", "".join(parts))
    if not in_cell:
        return _AROUND_BODY_BREAK.sub("", text)
    # A cell's lines without the source's indentation around them.
    return "\n".join(line.strip() for line in text.split(_BREAK))


_CELL_LINES = {"p", "div", "li", *_HEADINGS}


def _ends_block(br: etree._Element) -> bool:
    """Whether nothing follows a <br> up to the end of its paragraph (or cell)."""
    node: etree._Element | None = br
    while node is not None and node.tag not in _CELL_LINES and node.tag not in ("td", "th"):
        if (node.tail or "").strip() or node.getnext() is not None:
            return False
        node = node.getparent()
    return True
