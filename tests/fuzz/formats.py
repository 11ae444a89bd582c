"""One mutation per input family, from a chooser (see mutate.py) to the bytes of a file."""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

from tests.fuzz import mutate, seeds
from tests.fuzz.mutate import NASTY_TEXT, NASTY_VALUES, Chooser
from tests.hostile import rezip

_ESCAPED_TEXT = [escape(text) for text in NASTY_TEXT]

WORD_VALUE = re.compile(r'\bw:(?:val|w|type|vMerge|hMerge)="([^"]*)"')
WORD_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")
WORD_TAGS = ["w:p", "w:tr", "w:tc", "w:tbl", "w:r", "w:tcPr", "w:trPr", "w:sdt", "w:sdtContent", "w:body"]

SHEET_VALUE = re.compile(
    r'\b(?:r|t|s|ref|min|max|hidden|numFmtId|borderId|formatCode|state|date1904|style|count|spans)="([^"]*)"'
)
SHEET_TEXT = re.compile(r"<(?:v|t)(?: [^>]*)?>([^<]*)</(?:v|t)>")
SHEET_TAGS = ["row", "c", "mergeCell", "mergeCells", "col", "si", "xf", "border", "sheet", "sheetData", "numFmt"]


def _mutate_xml(xml: str, chooser: Chooser, values, texts, tags) -> str:
    for _ in range(chooser.integer(1, 4)):
        action = chooser.integer(0, 9)
        if action < 4:
            xml = mutate.replace_values(xml, chooser, values, NASTY_VALUES)
        elif action < 7:
            xml = mutate.replace_values(xml, chooser, texts, _ESCAPED_TEXT)
        elif action < 9:
            xml = mutate.cut_element(xml, chooser, tags)
        else:
            xml = mutate.damage_text(xml, chooser)
    return xml


def _part(data: bytes, name: str) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(name).decode("utf-8")


def word_xml(chooser: Chooser) -> bytes:
    """A Word file whose document.xml has absurd values, odd text, missing, repeated or
    emptied elements, or is cut short."""
    data = chooser.choice(seeds.docx())
    xml = _mutate_xml(_part(data, "word/document.xml"), chooser, WORD_VALUE, WORD_TEXT, WORD_TAGS)
    return rezip(data, {"word/document.xml": xml.encode("utf-8")})


def sheet_xml(chooser: Chooser) -> bytes:
    """A workbook with one of its parts (a sheet, the styles, the shared strings or the
    workbook part) changed the same way."""
    data = chooser.choice(seeds.xlsx())
    names = sorted(
        n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if n.endswith(".xml") and n.startswith("xl/")
    )
    sheets = [n for n in names if "worksheets/" in n]
    name = chooser.choice(sheets + sheets + names)
    xml = _mutate_xml(_part(data, name), chooser, SHEET_VALUE, SHEET_TEXT, SHEET_TAGS)
    return rezip(data, {name: xml.encode("utf-8")})


def zip_bytes(chooser: Chooser) -> tuple[bytes, str]:
    """A Word file or workbook with bytes of the zip itself overwritten or cut."""
    if chooser.integer(0, 1):
        return mutate.flip_bytes(chooser.choice(seeds.docx()), chooser), "z.docx"
    return mutate.flip_bytes(chooser.choice(seeds.xlsx()), chooser), "z.xlsx"


def xls_bytes(chooser: Chooser) -> bytes:
    return mutate.flip_bytes(chooser.choice(seeds.xls()), chooser, most=40)


def pdf_bytes(chooser: Chooser) -> bytes:
    return mutate.flip_bytes(chooser.choice(seeds.pdf()), chooser, most=40)


def text_file(chooser: Chooser) -> bytes:
    """A text file of real lines, table cells (tab lines), blanks and odd text in a random
    order, in one of the encodings the reader accepts."""
    source = chooser.choice(seeds.txt()).decode("utf-8-sig").splitlines()
    lines: list[str] = []
    for _ in range(chooser.integer(1, 60)):
        kind = chooser.integer(0, 7)
        if kind <= 3:
            start = chooser.integer(0, len(source) - 1)
            lines += source[start : start + chooser.integer(1, 40)]
        elif kind == 4:
            lines.append("\t" + chooser.choice(NASTY_TEXT))
        elif kind == 5:
            lines.append("")
        elif kind == 6:
            lines.append(chooser.choice(NASTY_TEXT) + chooser.choice(NASTY_TEXT))
        else:
            lines += ["\t" + chooser.choice(NASTY_TEXT) for _ in range(chooser.integer(1, 30))]
    text = chooser.choice(["\n", "\r\n", "\r"]).join(lines)
    encoding = chooser.choice(["utf-8", "utf-8-sig", "gb18030", "utf-16"])
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        return text.encode("utf-8")


MAGIC = [
    b"",
    b"PK\x03\x04",
    b"%PDF-1.7\n",
    bytes.fromhex("d0cf11e0a1b11ae1"),
    b"\xff\xfe",
    b"\xfe\xff",
    b"\xef\xbb\xbf",
]
