"""Every limit in loaders.limits, tested on a real document that is exactly at it (read)
and the same document one over it (refused, with a Chinese sentence naming the limit).

"One over" is made by lowering the limit by one rather than by growing the file, so each
case stays a real fixture; tests/loaders/test_hostile.py and benchmarks/hostile.py
measure files just under and over the default limits.
"""

from __future__ import annotations

import io
import math
import zipfile

import pytest

from loaders import LoadError, limits, load
from loaders.blocks import Grid, Paragraph
from loaders.detect import read_blocks, sniff
from tests import hostile
from tests.conftest import fixture_bytes


def _blocks(data: bytes):
    return read_blocks(data, sniff(data))


def _paragraphs(data):
    return [b for b in _blocks(data) if isinstance(b, Paragraph)]


def _cells(data):
    return [c for b in _blocks(data) if isinstance(b, Grid) for row in b.rows for c in row]


def _zip(data):
    return zipfile.ZipFile(io.BytesIO(data)).infolist()


def _part(data, name="word/document.xml"):
    return next(i for i in _zip(data) if i.filename == name)


def _sheets(data):
    package = zipfile.ZipFile(io.BytesIO(data))
    return [package.read(i) for i in package.infolist() if i.filename.startswith("xl/worksheets/sheet")]


def _ratio_docx():
    return hostile.paragraphs(20_000, "第{i}段说明")  # document.xml over 1 MB, where the ratio is checked


CASES = {
    # limit: (file, file name, the file's own value of what the limit counts)
    "file_bytes": (lambda: fixture_bytes("seed.txt"), "seed.txt", len),
    "zip_members": (hostile.seed_docx, "seed.docx", lambda d: len(_zip(d))),
    "package_bytes": (hostile.seed_docx, "seed.docx", lambda d: sum(i.file_size for i in _zip(d))),
    "part_bytes": (hostile.seed_docx, "seed.docx", lambda d: _part(d).file_size),
    "compression_ratio": (_ratio_docx, "r.docx", lambda d: math.ceil(_part(d).file_size / _part(d).compress_size)),
    "paragraphs": (hostile.seed_docx, "seed.docx", lambda d: len(_paragraphs(d))),
    "paragraph_chars": (hostile.seed_docx, "seed.docx", lambda d: max(len(p.text) for p in _paragraphs(d))),
    "table_cells": (hostile.seed_docx, "seed.docx", lambda d: len(_cells(d))),
    "table_rows": (
        hostile.seed_docx,
        "seed.docx",
        lambda d: max(len(b.rows) for b in _blocks(d) if isinstance(b, Grid)),
    ),
    "table_columns": (
        hostile.seed_docx,
        "seed.docx",
        lambda d: max(sum(c.span for c in row) for b in _blocks(d) if isinstance(b, Grid) for row in b.rows),
    ),
    "cell_chars": (hostile.seed_docx, "seed.docx", lambda d: max(len(c.text) for c in _cells(d))),
    "document_chars": (
        hostile.seed_docx,
        "seed.docx",
        lambda d: sum(len(p.text) for p in _paragraphs(d)) + sum(len(c.text) for c in _cells(d)),
    ),
    "nesting": (lambda: hostile.nested_frames(3), "n.docx", lambda d: 3),
    "sheet_rows": (hostile.seed_xlsx, "seed.xlsx", lambda d: max(s.count(b"<row ") for s in _sheets(d))),
    "merged_ranges": (hostile.seed_xlsx, "seed.xlsx", lambda d: max(s.count(b"<mergeCell ") for s in _sheets(d))),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_document_at_a_limit_is_read_and_one_over_is_refused(name):
    build, file_name, value = CASES[name]
    data = build()
    at = value(data)
    assert 0 < at < getattr(limits.current(), name)  # the real document is within the default
    with limits.override(**{name: at}):
        assert load(data, file_name).tables
    with limits.override(**{name: at - 1}), pytest.raises(LoadError) as refused:
        load(data, file_name)
    assert refused.value.english.startswith(f"{name} ")
    assert "超过上限" in refused.value.message


def test_every_document_limit_is_tested():
    app = {"parse_seconds", "parse_memory_bytes", "parse_workers"}  # tests/budget/application/test_worker.py
    pdf = {"pdf_pages", "pdf_page_objects", "pdf_stream_bytes"}  # tests/loaders/test_pdf_limits.py
    assert set(vars(limits.Limits())) - app - pdf == set(CASES)


def test_messages_name_what_was_too_large():
    error = limits.too_large("table_rows", 200_000)
    assert error.message == "单个表格的行数（200,000 行）超过上限（20,000 行），无法读取。"
    assert error.english == "table_rows 200000 > 20000"
    assert "（1,024 MB）超过上限（256 MB）" in limits.too_large("package_bytes", 1024 * limits.MiB).message


def test_a_limit_set_by_the_environment(monkeypatch):
    monkeypatch.setenv("BUDGETLENS_LIMIT_TABLE_ROWS", "12")
    assert limits.Limits.from_environment().table_rows == 12
    assert limits.Limits.from_environment().table_columns == limits.Limits().table_columns
