"""The PDF limits on a real PDF at each limit (read) and one over it (refused)."""

from __future__ import annotations

import re
import zlib

import pypdfium2 as pdfium
import pytest

from loaders import LoadError, limits, load, pdf
from tests import hostile
from tests.conftest import fixture_bytes

SEED = "seed.pdf"


def _pages(data: bytes) -> int:
    return len(pdfium.PdfDocument(data))


def _most_objects(data: bytes) -> int:
    """The most objects on one page, the objects inside its forms included."""
    document = pdfium.PdfDocument(data)
    return max(sum(1 for _ in document[i].get_objects(max_depth=64)) for i in range(len(document)))


def _largest_stream(data: bytes) -> int:
    """The largest Flate stream (not an image), inflated."""
    largest = 0
    for match in re.finditer(rb"(?<!end)stream\r?\n", data):
        head = data[max(0, match.start() - 4096) : match.start()]
        dictionary = head[head.rfind(b" obj") :]
        if b"/FlateDecode" not in dictionary or b"/Image" in dictionary:
            continue
        try:
            largest = max(largest, len(zlib.decompressobj().decompress(data[match.end() :])))
        except zlib.error:
            continue
    return largest


CASES = {"pdf_pages": _pages, "pdf_page_objects": _most_objects, "pdf_stream_bytes": _largest_stream}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_pdf_at_a_limit_is_read_and_one_over_is_refused(name):
    data = fixture_bytes(SEED)
    at = CASES[name](data)
    assert 0 < at < getattr(limits.current(), name)
    with limits.override(**{name: at}):
        assert load(data, SEED).tables
    with limits.override(**{name: at - 1}), pytest.raises(LoadError) as refused:
        load(data, SEED)
    assert refused.value.english.startswith(f"{name} ")


def test_a_flate_bomb_is_refused_before_it_is_inflated():
    with pytest.raises(LoadError) as refused:
        load(hostile.flate_bomb_pdf(256 * limits.MiB), "bomb.pdf")
    assert "解压后的大小（超过 65 MB）" in refused.value.message


def test_a_flate_bomb_under_a_second_flate_layer_is_refused():
    """[/FlateDecode /FlateDecode]: the outer layer inflates to a few hundred KB, the
    inner one to 256 MB; PDFium would inflate both."""
    bomb = hostile.flate_bomb_pdf(256 * limits.MiB, layers=2)
    assert len(bomb) < limits.MiB
    with pytest.raises(LoadError) as refused:
        load(bomb, "bomb.pdf")
    assert "解压后的大小（超过 65 MB）" in refused.value.message


def _bomb_with_length(length: bytes, extra: bytes = b"") -> bytes:
    """The 256 MB bomb with its /Length replaced by ``length`` (``extra`` objects are
    written before the trailer's cross-reference, where PDFium does not need them)."""
    bomb = hostile.flate_bomb_pdf(256 * limits.MiB)
    declared = re.search(rb"/Length \d+", bomb)
    assert declared
    bomb = bomb[: declared.start()] + b"/Length " + length + bomb[declared.end() :]
    return bomb.replace(b"xref\n", extra + b"xref\n", 1)


@pytest.mark.parametrize(
    "length, extra",
    [
        (b"10", b""),  # declared short: PDFium reads on to "endstream"
        (b"99 0 R", b"99 0 obj\n10\nendobj\n"),  # an indirect length, short too
        (b"98 0 R", b""),  # an indirect length that is nowhere
    ],
)
def test_a_flate_bomb_whose_length_lies_is_refused(length, extra):
    with pytest.raises(LoadError) as refused:
        load(_bomb_with_length(length, extra), "bomb.pdf")
    assert "解压后的大小（超过 65 MB）" in refused.value.message


def test_a_stream_too_short_to_reach_the_limit_is_not_inflated(monkeypatch):
    """Deflate expands at most 1032:1: a 1 KB content stream is not inflated under a
    64 MB limit, and is once the limit is within its reach."""
    inflated = []
    real = pdf._inflated
    monkeypatch.setattr(pdf, "_inflated", lambda *args, **kwargs: inflated.append(1) or real(*args, **kwargs))
    data = hostile.pdf([hostile.text_page(["a line of text"] * 20)])
    pdf._check_streams(data)
    assert inflated == []
    with limits.override(pdf_stream_bytes=1000):  # more than the page inflates to, within its reach
        pdf._check_streams(data)
    assert inflated == [1]
