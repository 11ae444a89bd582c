"""Word (.docx): walk word/document.xml directly with lxml.

python-docx's cell-by-cell API costs several times a raw parse; the body is a flat
sequence of <w:p> and <w:tbl>, so one pass over it is enough.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from loaders.blocks import Block, Cell, Grid, LoadError, Paragraph

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _T, _TAB, _BR = (W + t for t in ("p", "tbl", "tr", "tc", "t", "tab", "br"))
_SDT, _SDT_CONTENT, _TCPR = W + "sdt", W + "sdtContent", W + "tcPr"
_TEXT_TAGS = {_T, _TAB, _BR}


def read(data: bytes) -> list[Block]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError, EOFError) as error:
        raise LoadError("Word 文件已损坏，无法读取正文。", f"cannot read word/document.xml: {error}") from None
    try:
        root = etree.fromstring(xml, parser=etree.XMLParser(huge_tree=True, resolve_entities=False))
    except etree.XMLSyntaxError as error:
        raise LoadError("Word 文件的正文已损坏，无法解析。", f"invalid document.xml: {error}") from None
    body = root.find(W + "body")
    if body is None:
        raise LoadError("Word 文件中没有正文。", "no w:body")
    return list(_blocks(body))


def _blocks(container: etree._Element):
    for child in container:
        tag = child.tag
        if tag == _P:
            text = _paragraph_text(child)
            if text.strip():
                yield Paragraph(text.strip(), heading=_looks_like_heading(child))
        elif tag == _TBL:
            rows = tuple(_row(tr) for tr in child.iter(_TR) if _own_row(tr, child))
            if rows:
                yield Grid(rows)
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)


def _own_row(tr: etree._Element, table: etree._Element) -> bool:
    # A nested table's rows belong to the cell that holds it, not to this table.
    parent = tr.getparent()
    return parent is table


def _row(tr: etree._Element) -> tuple[Cell, ...]:
    cells = []
    for tc in tr.iterchildren(_TC):
        span, continued = 1, False
        props = tc.find(_TCPR)
        if props is not None:
            grid_span = props.find(W + "gridSpan")
            if grid_span is not None:
                span = int(grid_span.get(W + "val", "1") or 1)
            v_merge = props.find(W + "vMerge")
            # <w:vMerge/> without val continues the cell above: printed once, so empty here.
            continued = v_merge is not None and v_merge.get(W + "val") != "restart"
        text = "" if continued else "\n".join(_paragraph_text(p) for p in tc.iter(_P))
        cells.append(Cell(text, span))
    return tuple(cells)


def _paragraph_text(p: etree._Element) -> str:
    parts = []
    for node in p.iter(_T, _TAB, _BR):
        if node.tag == _T:
            parts.append(node.text or "")
        elif node.tag == _TAB:
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _looks_like_heading(p: etree._Element) -> bool:
    props = p.find(W + "pPr")
    if props is None:
        return False
    style = props.find(W + "pStyle")
    if style is not None and "heading" in (style.get(W + "val") or "").lower():
        return True
    return props.find(W + "outlineLvl") is not None
