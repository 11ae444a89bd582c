"""Property: whatever the bytes, load() gives a Disclosure or a LoadError, the check and
every page frame and export run on what it gives, and load + check stay within 2 s and
500 MB. Each family mutates real documents (tests/fuzz/seeds.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz import formats
from tests.fuzz.harness import exercise
from tests.fuzz.mutate import Draw


@given(st.data())
def test_word_document_xml(data):
    exercise("docx-xml", formats.word_xml(Draw(data)), "f.docx")


@given(st.data())
def test_workbook_parts(data):
    exercise("xlsx-xml", formats.sheet_xml(Draw(data)), "f.xlsx")


@given(st.data())
def test_damaged_zip_packages(data):
    exercise("zip-bytes", *formats.zip_bytes(Draw(data)))


@given(st.data())
def test_damaged_old_workbooks(data):
    exercise("xls-bytes", formats.xls_bytes(Draw(data)), "f.xls")


@given(st.data())
def test_damaged_pdfs(data):
    exercise("pdf-bytes", formats.pdf_bytes(Draw(data)), "f.pdf")


@given(st.data())
def test_text_of_random_structure(data):
    exercise("txt", formats.text_file(Draw(data)), "f.txt")


@given(st.sampled_from(formats.MAGIC), st.binary(max_size=4096))
def test_random_bytes(magic, tail):
    exercise("bytes", magic + tail, "f.bin")
