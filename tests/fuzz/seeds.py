"""The real documents the fuzz inputs start from, in every format, built once per run.

The fixtures themselves (seed.docx/.txt/.pdf, two Shanghai PDFs) and the same models
written back out in the other formats (tests/writers.py), so a mutation of a Word file
or a workbook starts from a real disclosure's structure.
"""

from __future__ import annotations

import functools
import io

from budget.model import Disclosure
from loaders import load
from tests import writers
from tests.conftest import fixture_bytes

PDFS = ["seed.pdf", "real/putuo_fuliyuan_2024_unit.pdf", "real/putuo_wanli_2024_dept.pdf"]


@functools.cache
def models() -> dict[str, Disclosure]:
    found = {"seed": load(fixture_bytes("seed.docx"), "seed.docx")}
    found["fuliyuan"] = load(fixture_bytes(PDFS[1]), "fuliyuan.pdf")
    return found


@functools.cache
def docx() -> list[bytes]:
    m = models()
    return [fixture_bytes("seed.docx"), writers.to_docx(m["fuliyuan"], line_breaks=True, title_in_table=True)]


@functools.cache
def xlsx() -> list[bytes]:
    m = models()
    return [writers.to_xlsx(m["seed"]), writers.to_xlsx(m["fuliyuan"], numbers=False, one_sheet=True)]


@functools.cache
def xls() -> list[bytes]:
    from loaders import docx as word
    from tests.loaders.test_xlsx import build_xls

    return [build_xls(word.read(fixture_bytes("seed.docx")))]


@functools.cache
def txt() -> list[bytes]:
    return [fixture_bytes("seed.txt"), writers.to_txt(models()["fuliyuan"])]


@functools.cache
def pdf() -> list[bytes]:
    """A few pages of each PDF fixture (a whole one takes about 2 s to read, the fuzz
    budget for one input)."""
    import pypdfium2 as pdfium

    out = []
    for name, pages in ((PDFS[0], [0, 1, 2]), (PDFS[1], [0, 1]), (PDFS[2], [3, 4])):
        source = pdfium.PdfDocument(fixture_bytes(name))
        cut = pdfium.PdfDocument.new()
        cut.import_pages(source, pages)
        buffer = io.BytesIO()
        cut.save(buffer)
        out.append(buffer.getvalue())
    return out
