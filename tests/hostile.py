"""Hostile and absurd files, built in memory (never committed): zip bombs, a cell at the
far corner of a sheet, a merge over the whole sheet, spans of two billion columns,
40,000 paragraphs, entity tricks. Test fixtures, shared by tests/loaders/test_hostile.py,
tests/fuzz and benchmarks/hostile.py.

Each builder starts from a real fixture where it can (seed.docx, a workbook written from
its model) and changes one thing, so what is measured is the hostile part.
"""

from __future__ import annotations

import functools
import io
import random
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import fixture_bytes

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
MiB = 1024 * 1024


# ---------------------------------------------------------------- zip packages


def rezip(data: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None) -> bytes:
    """The package ``data`` with some parts replaced or added."""
    replace, add = replace or {}, add or {}
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, replace.get(item.filename, source.read(item)))
        for name, part in add.items():
            target.writestr(name, part)
    return out.getvalue()


def edit_document(data: bytes, edit: Callable[[str], str]) -> bytes:
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    return rezip(data, {"word/document.xml": edit(xml).encode("utf-8")})


def before_section_end(body: str) -> Callable[[str], str]:
    """An edit putting ``body`` at the end of the document body (before w:sectPr)."""

    def edit(xml: str) -> str:
        at = xml.rindex("<w:sectPr")
        return xml[:at] + body + xml[at:]

    return edit


def seed_docx() -> bytes:
    return fixture_bytes("seed.docx")


def streamed_bomb(inflated: int, lie: int | None = None) -> bytes:
    """A .docx whose word/document.xml inflates to ``inflated`` bytes of spaces (about
    1,000 to 1 when compressed). ``lie``: the zip directory claims this size instead."""
    data = bytearray(_bomb_docx(inflated))
    if lie is not None:
        _patch_sizes(data, "word/document.xml", lie)
    return bytes(data)


@functools.cache  # two cases build the same 1 GiB bomb (1.1 s of CPU), one of them to lie about it
def _bomb_docx(inflated: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=inflated > 2**31) as part:
            part.write(f'<w:document xmlns:w="{W_NS}"><w:body>'.encode())
            chunk = b" " * MiB
            for _ in range(inflated // MiB):
                part.write(chunk)
            part.write(b"</w:body></w:document>")
    return out.getvalue()


def _patch_sizes(data: bytearray, name: str, size: int) -> None:
    """Rewrite the uncompressed size of ``name`` in its local header and in the central
    directory (a zip that lies about what it holds)."""
    encoded = name.encode()
    for signature, offset, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        at = data.find(signature)
        while at != -1:
            length = struct.unpack_from("<H", data, at + name_at - (4 if signature == b"PK\x03\x04" else 18))[0]
            if data[at + name_at : at + name_at + length] == encoded:
                struct.pack_into("<I", data, at + offset, size)
            at = data.find(signature, at + 4)


def many_members(count: int) -> bytes:
    """seed.docx with ``count`` more (empty) parts."""
    out = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(seed_docx()))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for item in source.infolist():
            z.writestr(item.filename, source.read(item))
        for i in range(count):
            z.writestr(f"customXml/x{i}.xml", b"")
    return out.getvalue()


def zip_version(version: int) -> bytes:
    """seed.docx with a central directory entry asking for zip "version 20.2" or so."""
    data = bytearray(seed_docx())
    at = data.find(b"PK\x01\x02")
    struct.pack_into("<H", data, at + 6, version)  # version needed to extract
    return bytes(data)


# ---------------------------------------------------------------- Word documents


def paragraphs(count: int, text: str = "第{i}段说明文字") -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{text.format(i=i)}</w:t></w:r></w:p>" for i in range(count))
    return edit_document(seed_docx(), before_section_end(body))


def varied(chars: int, seed: int = 1) -> str:
    """``chars`` characters of CJK text that does not compress like a bomb (a real long
    paragraph compresses a few times, not a thousand)."""
    rng = random.Random(seed)
    return "".join(chr(0x4E00 + rng.randrange(2000)) for _ in range(chars))


def long_paragraph(chars: int) -> bytes:
    return edit_document(seed_docx(), before_section_end(f"<w:p><w:r><w:t>{varied(chars)}</w:t></w:r></w:p>"))


def text_nodes(count: int) -> bytes:
    """One paragraph of ``count`` one-character runs."""
    runs = "".join(f"<w:r><w:t>{c}</w:t></w:r>" for c in varied(count))
    return edit_document(seed_docx(), before_section_end(f"<w:p>{runs}</w:p>"))


def grid_span(value: str, attribute: str = "gridSpan") -> bytes:
    """seed.docx with the first gridSpan's value replaced (or a gridBefore added)."""

    def edit(xml: str) -> str:
        if attribute == "gridBefore":
            return xml.replace("<w:tr>", f'<w:tr><w:trPr><w:gridBefore w:val="{value}"/></w:trPr>', 1)
        return re.sub(r'<w:gridSpan w:val="\d+"/>', f'<w:gridSpan w:val="{value}"/>', xml, count=1)

    return edit_document(seed_docx(), edit)


def nested_frames(depth: int) -> bytes:
    """seed.docx with its first table inside ``depth`` one-cell layout frames."""

    def edit(xml: str) -> str:
        start = xml.index("<w:tbl>")
        end = xml.index("</w:tbl>", start) + len("</w:tbl>")
        table = xml[start:end]
        for _ in range(depth):
            table = f"<w:tbl><w:tr><w:tc>{table}<w:p/></w:tc></w:tr></w:tbl>"
        return xml[:start] + table + xml[end:]

    return edit_document(seed_docx(), edit)


def deep_xml(depth: int) -> bytes:
    return edit_document(
        seed_docx(), before_section_end("<w:sdt><w:sdtContent>" * depth + "</w:sdtContent></w:sdt>" * depth)
    )


def xxe(kind: str) -> bytes:
    """document.xml with an external entity (``file``), a parameter entity (``parameter``)
    or nested entities (``laughs``, the billion laughs)."""
    xml = zipfile.ZipFile(io.BytesIO(seed_docx())).read("word/document.xml").decode("utf-8")
    head, _, rest = xml.partition("?>")
    doctype = {
        "file": '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        "network": '<!DOCTYPE d [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>',
        "parameter": '<!DOCTYPE d [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>',
        "laughs": "<!DOCTYPE d [<!ENTITY a0 'ha'>"
        + "".join(f"<!ENTITY a{i} '{('&a' + str(i - 1) + ';') * 10}'>" for i in range(1, 10))
        + "]>",
    }[kind]
    entity = "&a9;" if kind == "laughs" else "&x;"
    rest = rest.replace("<w:t>", f"<w:t>{entity}", 1) if kind != "parameter" else rest
    return rezip(seed_docx(), {"word/document.xml": (head + "?>" + doctype + rest).encode("utf-8")})


# ---------------------------------------------------------------- Excel workbooks


@functools.lru_cache(maxsize=1)
def seed_xlsx() -> bytes:
    from loaders import load
    from tests import writers

    return writers.to_xlsx(load(seed_docx(), "seed.docx"))


def _first_sheet(data: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode("utf-8")


def edit_sheet(edit: Callable[[str], str], data: bytes | None = None) -> bytes:
    data = data or seed_xlsx()
    return rezip(data, {"xl/worksheets/sheet1.xml": edit(_first_sheet(data)).encode("utf-8")})


def far_corner_cell(ref: str = "XFD1048576") -> bytes:
    """The seed workbook with one more cell, at the far corner of its first sheet."""

    def edit(xml: str) -> str:
        row = re.search(r"\d+", ref[::-1]).group(0)[::-1]  # type: ignore[union-attr]
        cell = f'<row r="{row}"><c r="{ref}" t="inlineStr"><is><t>角落</t></is></c></row>'
        return xml.replace("</sheetData>", cell + "</sheetData>").replace(
            '<dimension ref="', f'<dimension ref="A1:{ref}" x="'
        )

    return edit_sheet(edit)


def whole_sheet_merge() -> bytes:
    """The seed workbook's first sheet with one more merge: A1 to the far corner."""
    return merge("A1:XFD1048576")


def merge(ref: str) -> bytes:
    def edit(xml: str) -> str:
        if "<mergeCells" not in xml:
            return xml.replace(
                "</sheetData>", f'</sheetData><mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>'
            )
        return re.sub(r'<mergeCells count="(\d+)">', rf'<mergeCells count="\1"><mergeCell ref="{ref}"/>', xml)

    return edit_sheet(edit)


def filled_rows(count: int, columns: int = 5) -> bytes:
    """The seed workbook with ``count`` more filled rows under its first sheet's table."""

    def edit(xml: str) -> str:
        last = max(int(r) for r in re.findall(r'<row r="(\d+)"', xml))
        letters = "ABCDEFGHIJ"[:columns]
        rows = "".join(
            f'<row r="{r}">' + "".join(f'<c r="{c}{r}"><v>{r}</v></c>' for c in letters) + "</row>"
            for r in range(last + 1, last + 1 + count)
        )
        return xml.replace("</sheetData>", rows + "</sheetData>")

    return edit_sheet(edit)


def sheet_cell(xml_cell: str) -> bytes:
    """The seed workbook with one more row holding the cell ``xml_cell`` (raw XML)."""

    def edit(xml: str) -> str:
        last = max(int(r) for r in re.findall(r'<row r="(\d+)"', xml))
        return xml.replace("</sheetData>", f'<row r="{last + 1}">{xml_cell.format(r=last + 1)}</row></sheetData>')

    return edit_sheet(edit)


# ---------------------------------------------------------------- text


def text_lines(count: int, width: int) -> bytes:
    return fixture_bytes("seed.txt") + ("\n".join("说" * width for _ in range(count))).encode("utf-8")


# ---------------------------------------------------------------- legacy Word (.doc)

DOC_FIXTURES = Path(__file__).parent / "fixtures" / "doc"


def seed_doc() -> bytes:
    """seed.docx saved as Word 97-2003 by LibreOffice (tests/fixtures/doc/README.md)."""
    return (DOC_FIXTURES / "seed.doc").read_bytes()


def edit_doc_stream(name: str, edit: Callable[[bytearray], None], data: bytes | None = None) -> bytes:
    """seed.doc with one of its streams changed in place (same size: olefile rewrites
    the stream's own sectors)."""
    import olefile

    out = io.BytesIO(data or seed_doc())
    ole = olefile.OleFileIO(out, write_mode=True)
    stream = bytearray(ole.openstream(name).read())
    edit(stream)
    ole.write_stream(name, bytes(stream))
    ole.close()
    return out.getvalue()


def _fib_pairs(word: bytearray) -> int:
    """Where FibRgFcLcb97's (fc, lcb) pairs start in the WordDocument stream."""
    csw = struct.unpack_from("<H", word, 32)[0]
    cslw = struct.unpack_from("<H", word, 34 + 2 * csw)[0]
    return 36 + 2 * csw + 4 * cslw + 2


def doc_fib(field: str, value: int) -> bytes:
    """seed.doc with one FIB value replaced: ``ccpText`` or the lcb of ``Clx``/``PlcfBtePapx``."""

    def edit(word: bytearray) -> None:
        csw = struct.unpack_from("<H", word, 32)[0]
        at = {
            "ccpText": 36 + 2 * csw + 12,
            "lcbClx": _fib_pairs(word) + 8 * 33 + 4,
            "lcbPlcfBtePapx": _fib_pairs(word) + 8 * 13 + 4,
        }[field]
        struct.pack_into("<I", word, at, value)

    return edit_doc_stream("WordDocument", edit)


def _table_stream(word: bytes) -> str:
    return "1Table" if struct.unpack_from("<H", word, 10)[0] & 0x0200 else "0Table"


def doc_piece_outside() -> bytes:
    """seed.doc whose first piece's text starts far beyond the end of the WordDocument stream."""
    import olefile

    word = olefile.OleFileIO(io.BytesIO(seed_doc())).openstream("WordDocument").read()
    fc_clx = struct.unpack_from("<I", word, _fib_pairs(bytearray(word)) + 8 * 33)[0]

    def edit(table: bytearray) -> None:
        at = fc_clx
        while table[at] == 0x01:  # skip the Prcs
            at += 3 + struct.unpack_from("<H", table, at + 1)[0]
        count = (struct.unpack_from("<I", table, at + 1)[0] - 4) // 12
        pcd = at + 5 + 4 * (count + 1)
        struct.pack_into("<I", table, pcd + 2, 0x3FFFFFF0)

    return edit_doc_stream(_table_stream(word), edit)


def doc_fkp_runs(runs: int) -> bytes:
    """seed.doc whose first paragraph-property page says it holds ``runs`` paragraphs (at most 29 fit)."""

    def edit(word: bytearray) -> None:
        import olefile

        table = olefile.OleFileIO(io.BytesIO(seed_doc())).openstream(_table_stream(word)).read()
        fc, lcb = struct.unpack_from("<II", word, _fib_pairs(word) + 8 * 13)
        count = (lcb - 4) // 8
        page = struct.unpack_from("<I", table, fc + 4 * (count + 1))[0] & 0x3FFFFF
        word[page * 512 + 511] = runs

    return edit_doc_stream("WordDocument", edit)


def doc_fields(count: int) -> bytes:
    """seed.doc whose text opens ``count`` fields one inside the other (its characters overwritten)."""

    def edit(word: bytearray) -> None:
        word[0x800 : 0x800 + 2 * count] = "\x13".encode("utf-16-le") * count

    return edit_doc_stream("WordDocument", edit)


def doc_sector_loop() -> bytes:
    """seed.doc whose WordDocument stream's sector chain points back at its own first sector."""
    import olefile

    data = bytearray(seed_doc())
    ole = olefile.OleFileIO(io.BytesIO(bytes(data)))
    entry = next(e for e in ole.direntries if e is not None and e.name == "WordDocument")
    first = entry.isectStart
    fat_sector = struct.unpack_from("<I", data, 0x4C + 4 * (first // 128))[0]  # the header's DIFAT
    struct.pack_into("<I", data, (fat_sector + 1) * 512 + 4 * (first % 128) + 4 * 5, first)
    return bytes(data)


# ---------------------------------------------------------------- web pages (Word's "save as web page")


def seed_html() -> bytes:
    """seed.docx as LibreOffice writes it as HTML (tests/fixtures/html/README.md)."""
    return (Path(__file__).parent / "fixtures" / "html" / "seed.html").read_bytes()


def html_attribute(name: str, value: str) -> bytes:
    """seed.html with the first table cell given ``name="value"`` (colspan, rowspan)."""
    return seed_html().replace(b"<td ", f'<td {name}="{value}" '.encode(), 1)


def html_frames(depth: int) -> bytes:
    """seed.html with its first table inside ``depth`` one-cell layout frames."""
    page = seed_html()
    start = page.index(b"<table")
    end = page.index(b"</table>", start) + len(b"</table>")
    table = page[start:end]
    for _ in range(depth):
        table = b"<table><tr><td>" + table + b"</td></tr></table>"
    return page[:start] + table + page[end:]


# ---------------------------------------------------------------- the list


@dataclass(frozen=True)
class Hostile:
    name: str
    build: Callable[[], bytes]
    refused: bool | None  # True: must be refused; False: must be read; None: either
    file_name: str = "hostile.docx"


HOSTILE: list[Hostile] = [
    Hostile("zip bomb: document.xml declared 1 GiB", lambda: streamed_bomb(1024 * MiB), True),
    Hostile("zip bomb: 1 GiB, directory says 10 KB", lambda: streamed_bomb(1024 * MiB, lie=10_000), True),
    Hostile("zip bomb: 31 MiB of spaces (ratio over 1000)", lambda: streamed_bomb(31 * MiB), True),
    Hostile("100,000 zip members", lambda: many_members(100_000), True),
    Hostile('zip "version 20.2"', lambda: zip_version(202), True),
    Hostile("40,000 short paragraphs", lambda: paragraphs(40_000), False),
    Hostile("60,000 short paragraphs", lambda: paragraphs(60_000), True),
    Hostile("a 5 MB paragraph", lambda: long_paragraph(5 * 1024 * 1024 // 3), True),
    Hostile("200,000 text runs in one paragraph", lambda: text_nodes(200_000), True),
    Hostile('gridSpan="2147483648"', lambda: grid_span("2147483648"), True),
    Hostile('gridSpan="10000000"', lambda: grid_span("10000000"), True),
    Hostile('gridSpan="1.5"', lambda: grid_span("1.5"), True),
    Hostile('gridSpan="abc"', lambda: grid_span("abc"), True),
    Hostile('gridBefore="99999999999999999999"', lambda: grid_span("9" * 20, "gridBefore"), True),
    Hostile("tables nested 40 deep", lambda: nested_frames(40), True),
    Hostile("XML nested 300 deep", lambda: deep_xml(300), True),
    Hostile("external entity (file)", lambda: xxe("file"), None),
    Hostile("external entity (network)", lambda: xxe("network"), None),
    Hostile("parameter entity", lambda: xxe("parameter"), None),
    Hostile("billion laughs", lambda: xxe("laughs"), None),
    Hostile("workbook: a cell at XFD1048576", far_corner_cell, False, "hostile.xlsx"),
    Hostile("workbook: the whole sheet merged", whole_sheet_merge, False, "hostile.xlsx"),
    Hostile("workbook: A1:A1048576 merged", lambda: merge("A1:A1048576"), False, "hostile.xlsx"),
    Hostile("workbook: 200,000 filled rows", lambda: filled_rows(200_000, columns=3), True, "hostile.xlsx"),
    Hostile("text: 10 lines of 1,000,000 characters", lambda: text_lines(10, 1_000_000), True, "hostile.txt"),
    Hostile("PDF: 1 GiB Flate bomb", lambda: flate_bomb_pdf(1024 * MiB), True, "hostile.pdf"),
    Hostile("PDF: 200,000 text objects on one page", lambda: tiny_text_objects(200_000), True, "hostile.pdf"),
    Hostile("PDF: 3,000 pages", lambda: many_pages(3_000), True, "hostile.pdf"),
    Hostile("doc: cut in half", lambda: seed_doc()[: len(seed_doc()) // 2], True, "hostile.doc"),
    Hostile("doc: a piece of text beyond the stream", doc_piece_outside, True, "hostile.doc"),
    Hostile("doc: lcbClx 4 GB", lambda: doc_fib("lcbClx", 0xFFFFFFFF), True, "hostile.doc"),
    Hostile("doc: ccpText 2 billion", lambda: doc_fib("ccpText", 2_000_000_000), True, "hostile.doc"),
    Hostile("doc: lcbPlcfBtePapx 4 GB", lambda: doc_fib("lcbPlcfBtePapx", 0xFFFFFFF0), True, "hostile.doc"),
    Hostile("doc: a property page of 255 paragraphs", lambda: doc_fkp_runs(255), True, "hostile.doc"),
    Hostile("doc: 5,000 fields nested", lambda: doc_fields(5_000), True, "hostile.doc"),
    Hostile("doc: a sector chain that loops", doc_sector_loop, True, "hostile.doc"),
    Hostile('web page: colspan="10000000"', lambda: html_attribute("colspan", "10000000"), True, "hostile.doc"),
    Hostile('web page: rowspan="10000000"', lambda: html_attribute("rowspan", "10000000"), True, "hostile.doc"),
    Hostile('web page: colspan="2147483648"', lambda: html_attribute("colspan", "2147483648"), True, "hostile.doc"),
    Hostile("web page: tables nested 40 deep", lambda: html_frames(40), True, "hostile.doc"),
]


# ---------------------------------------------------------------- PDF


def pdf(contents: list[bytes], compress: bool = True, level: int = 6) -> bytes:
    """A PDF of one page per content stream (Flate-compressed), text in Helvetica."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    font = 3
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    kids = []
    for content in contents:
        stream = zlib.compress(content, level) if compress else content
        flate = b" /Filter /FlateDecode" if compress else b""
        objects.append(b"<< /Length %d%s >>\nstream\n" % (len(stream), flate) + stream + b"\nendstream")
        content_ref = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (content_ref, font)
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def text_page(lines: list[str]) -> bytes:
    """A content stream printing ``lines`` (ASCII) down the page."""
    parts = [b"BT /F1 10 Tf 50 800 Td 14 TL"]
    for line in lines:
        parts.append(b"(%s) '" % line.encode("latin-1"))
    parts.append(b"ET")
    return b"\n".join(parts)


def _flate_spaces(head: bytes, mebibytes: int) -> bytes:
    """zlib data of ``head`` followed by ``mebibytes`` MiB of spaces, compressed about 1,000
    to 1, without compressing the whole (2.8 s of CPU for 1 GiB at level 9): each MiB of
    spaces is ended by a sync flush, so once the 32 KiB window holds only spaces every
    further MiB compresses to the same bytes, which are repeated. The header, the final
    block and the Adler-32 of all the data make it the zlib stream it stands for."""
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate: header and checksum below
    chunk = b" " * MiB
    parts = [raw.compress(head)]
    if mebibytes:
        parts.append(raw.compress(chunk) + raw.flush(zlib.Z_SYNC_FLUSH))  # the window fills with spaces
    if mebibytes > 1:
        parts.append((raw.compress(chunk) + raw.flush(zlib.Z_SYNC_FLUSH)) * (mebibytes - 1))
    parts.append(raw.flush())
    checksum = zlib.adler32(head)
    for _ in range(mebibytes):
        checksum = zlib.adler32(chunk, checksum)
    return b"\x78\xda" + b"".join(parts) + struct.pack(">I", checksum)


def flate_bomb_pdf(inflated: int, layers: int = 1) -> bytes:
    """One page whose content stream inflates to ``inflated`` bytes (spaces, then some
    text), compressed about 1,000 to 1; ``layers`` > 1 compresses it again that many
    times (/Filter [/FlateDecode /FlateDecode]: the first layer alone inflates small)."""
    stream = _flate_spaces(text_page(["bomb"]) + b"\n", inflated // MiB)
    for _ in range(layers - 1):
        stream = zlib.compress(stream, 9)
    data = pdf([b"PLACEHOLDER"], compress=True)
    if layers > 1:
        data = data.replace(b"/Filter /FlateDecode", b"/Filter [" + b" /FlateDecode" * layers + b" ]")
    placeholder = zlib.compress(b"PLACEHOLDER", 6)
    return data.replace(b"/Length %d" % len(placeholder), b"/Length %d" % len(stream)).replace(placeholder, stream)


def tiny_text_objects(count: int) -> bytes:
    """One page of ``count`` text objects of one character each."""
    body = b"\n".join(b"BT /F1 1 Tf %d %d Td (a) Tj ET" % (i % 500, i // 500 % 800) for i in range(count))
    return pdf([body])


def many_pages(count: int) -> bytes:
    return pdf([text_page([f"page {i}"]) for i in range(count)])


# ---------------------------------------------------------------- injection

SCRIPT, IMAGE, LINK = "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[link](javascript:alert(1))"
BOLD, LATEX, HTML_TAGS = "**bold**", "$x^2$", "<b>粗</b><i>斜</i>"
PAYLOADS = [SCRIPT, IMAGE, LINK, BOLD, LATEX, HTML_TAGS]
INJECTION_NAME = f"注入{IMAGE}{BOLD}{LATEX}.docx"


def injection_docx() -> bytes:
    """seed.docx with markup typed into its text: the unit's name, a class name (charts,
    tables, the check), a project name (its expander), an indicator value (a checkbox
    label), a table note (a caption) and a paragraph of the narrative."""
    from xml.sax.saxutils import escape

    def edit(xml: str) -> str:
        swaps = {  # whole cell texts (">…<") or pieces of text
            "中共秦皇岛市海港区委政法委员会本级": f"中共秦皇岛市海港区委政法委员会本级{BOLD}{LATEX}",
            ">公共安全支出<": f">{escape(f'公共安全{HTML_TAGS}支出{SCRIPT}')}<",
            "反邪教专项资金": f"反邪教{SCRIPT}专项资金",
            ">≥90%<": f">{escape(f'≥90%`{LINK}`')}<",
            "空表列示。": f"空表列示。{IMAGE}{LATEX}",
        }
        for old, new in swaps.items():
            xml = xml.replace(old, new if old.startswith(">") else escape(new))
        paragraph = escape("说明：" + "；".join(PAYLOADS) + "。")
        return before_section_end(f"<w:p><w:r><w:t>{paragraph}</w:t></w:r></w:p>")(xml)

    return edit_document(seed_docx(), edit)
