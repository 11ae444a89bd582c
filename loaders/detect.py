"""Recognise the format from the bytes (never from the file name) and load."""

from __future__ import annotations

import hashlib
import re

from budget.model import Disclosure, Format, Source
from loaders import limits
from loaders.blocks import Block, LoadError
from loaders.package import Package

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
UTF16_LE_BOM, UTF16_BE_BOM = b"\xff\xfe", b"\xfe\xff"
_BLANK = re.compile(rb"\s*")


def sniff(data: bytes) -> Format:
    """The format of ``data``, or LoadError saying why it cannot be read."""
    return _sniff(data)[0]


def _sniff(data: bytes) -> tuple[Format, Package | None]:
    """The format, and the zip package opened to tell Word from Excel (None for any other
    format): handed to the reader, which would otherwise open the zip again (a Word file's
    central directory read twice costs a fifth of a small file's parse)."""
    limits.check("file_bytes", len(data))
    if _BLANK.fullmatch(data):  # (data.strip() would copy the whole upload)
        raise LoadError("文件是空的，没有可读取的内容。", "the file is empty")
    if data.startswith(b"%PDF"):
        return Format.PDF, None
    if data.startswith(b"PK"):
        package = Package(data)
        if package.has("word/document.xml"):
            package.kind = "Word "  # (the reader's messages name the format; sniff's do not)
            return Format.DOCX, package
        if package.has("xl/workbook.xml"):
            return Format.XLSX, None
        raise LoadError("这是一个压缩包，但不是 Word（.docx）或 Excel（.xlsx）文档。", "zip is not docx/xlsx")
    if data.startswith(OLE2_MAGIC):
        return _sniff_ole(data), None
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{\\rtf"):
        raise LoadError(
            "这是 RTF 格式的文件（常以 .doc 为扩展名），请在 Word/WPS 中另存为 .docx 后再上传。", "RTF is not supported"
        )
    if _web_page(head):
        return Format.DOCX, None  # a web page (Word's "save as web page" above all): loaders.html reads it
    if data.startswith((UTF16_LE_BOM, UTF16_BE_BOM)):
        return Format.TXT, None  # Windows Notepad's "Unicode" text: zero bytes are normal there
    if b"\x00" in data[:4096]:
        raise LoadError(
            "无法识别的文件格式：请上传 .docx、.doc、.pdf、.xlsx 或文本（.txt）格式的预算公开文件。",
            "unrecognised binary format",
        )
    return Format.TXT, None


def _web_page(head: bytes) -> bool:
    """An HTML page, or an MHT file (the page and its pictures in one MIME message):
    what Word's "save as web page" writes, and sites often publish under a .doc name."""
    if head.startswith(b"mime-version:"):
        return b"multipart/related" in head
    return head.startswith((b"<html", b"<!doctype html"))


def _sniff_ole(data: bytes) -> Format:
    """An OLE file (Office 97-2003) by the streams at its root: WordDocument is a .doc
    (or WPS's .wps, the same format), Workbook or Book a .xls. (A byte search for the
    names misleads: a .doc's bookmarks table holds "Book", its text may hold anything.)"""
    from loaders import doc

    try:
        streams = doc.root_streams(data)
    except LoadError:
        # olefile cannot read the container (cut short, a broken directory): a Word file
        # still shows its FIB at the start of a sector; xlrd reads the others on its own,
        # and says what is wrong with them.
        if doc.has_word_header(data):
            raise LoadError(doc.DAMAGED, "damaged .doc: the OLE container cannot be read") from None
        if b"W\x00o\x00r\x00k\x00b\x00o\x00o\x00k" in data or b"B\x00o\x00o\x00k" in data:
            return Format.XLSX
        raise
    if "worddocument" in streams:
        return Format.DOCX  # legacy Word binary: loaders.doc reads it into the same blocks
    if "workbook" in streams or "book" in streams:
        return Format.XLSX  # old binary .xls; the xlsx module decides whether it can read it
    if "encryptioninfo" in streams or "encryptedpackage" in streams:
        raise LoadError("文件已加密（设有密码），请先取消密码保护后再上传。", "encrypted Office file")
    raise LoadError(
        "这是旧版 Office 文件，但不是 Word（.doc/.wps）或 Excel（.xls）文档，无法读取。",
        f"OLE file without WordDocument or Workbook ({', '.join(sorted(streams))[:80]})",
    )


def read_blocks(data: bytes, fmt: Format, package: Package | None = None) -> list[Block]:
    """The blocks of ``data`` in format ``fmt``; ``package``, the Word package ``sniff``
    opened, when there is one."""
    # Imported lazily so a missing optional reader never breaks the others.
    if fmt == Format.DOCX and data.startswith(OLE2_MAGIC):
        from loaders import doc

        return doc.read(data)
    if fmt == Format.DOCX and not data.startswith(b"PK"):
        from loaders import html

        return html.read(data)
    if fmt == Format.DOCX:
        from loaders import docx

        return docx.read(data, package)
    if fmt == Format.TXT:
        from loaders import txt

        return txt.read(data)
    if fmt == Format.PDF:
        from loaders import pdf

        return pdf.read(data)
    from loaders import xlsx

    if data.startswith(OLE2_MAGIC):
        reader = getattr(xlsx, "read_xls", None)
        if reader is None:
            raise LoadError("这是旧版 Excel（.xls）文件，请另存为 .xlsx 后再上传。", "legacy .xls is not supported")
        return reader(data)
    return xlsx.read(data)


def load(data: bytes, name: str) -> Disclosure:
    """Read a disclosure in any supported format; LoadError for anything else.

    Each reader turns what its libraries raise for malformed input into a precise
    LoadError where it is raised; anything else escaping here is a bug, and is left to
    surface as one (the fuzz tests look for exactly that).
    """
    from loaders.recognize import build

    fmt, package = _sniff(data)
    source = Source(name=name, format=fmt, sha256=hashlib.sha256(data).hexdigest())
    blocks = read_blocks(data, fmt, package)
    limits.check_blocks(blocks)
    return build(blocks, source)
