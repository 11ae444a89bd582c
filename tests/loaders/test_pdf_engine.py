"""The PDF reader on PDFium: what it takes from the engine, tested on real fixtures
changed in one thing and on small documents built here.

The reader's layout rules were built and measured on pdfplumber's characters and
table finder; scripts/compare_engines.py compares the two engines over every fixture
and corpus file. These tests pin what PDFium is asked for: table cells from rulings,
rulings that are seen, spaces written as objects of their own, turned pages,
overprinted text, the page's visible area, truncated files.
"""

from __future__ import annotations

import hashlib
import io
import json

import pypdfium2 as pdfium
import pytest

from loaders import LoadError, pdf, rulings
from loaders.blocks import Grid, Paragraph
from tests.conftest import CORPUS, FIXTURES, fixture_bytes, pdf_blocks
from tests.loaders.test_pdf import minimal_pdf

FULIYUAN = "real/putuo_fuliyuan_2024_unit.pdf"
WANLI = "real/putuo_wanli_2024_dept.pdf"


# ---------------------------------------------------------------- documents built here


def text_pdf(content: bytes, media: bytes = b"0 0 595 842", extra: bytes = b"") -> bytes:
    """A one-page PDF drawing ``content`` with Helvetica as /F1."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [" + media + b"] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> " + extra + b">>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    return minimal_pdf(objects)


def show(x: float, y: float, text: str, size: int = 12) -> bytes:
    """One text object: ``text`` at (x, y)."""
    return b"BT /F1 %d Tf %.2f %.2f Td (%s) Tj ET\n" % (size, x, y, text.encode("latin-1"))


def first_page(data: bytes) -> pdf._Page:
    document = pdfium.PdfDocument(data)
    page = pdf._LoadPage(pdf._handle(document.raw), 0)
    try:
        parsed, _ = pdf._read_page(page, 1)
    finally:
        pdf._ClosePage(page)
        document.close()
    return parsed


def lines(page: pdf._Page) -> list[tuple[str, float]]:
    return [(item.text, round(item.x0, 1)) for item in page.items if isinstance(item, pdf._Line)]


def one_page(data: bytes, index: int, rotation: int = 0) -> bytes:
    """Page ``index`` of a PDF alone in a new document: drawn as a form XObject and,
    with ``rotation``, drawn turned the other way on a page /Rotate turns back, so that
    it displays as before (what a scanner or an imposition tool writes)."""
    source = pdfium.PdfDocument(data)
    width, height = source[index].get_size()
    target = pdfium.PdfDocument.new()
    form = source.page_as_xobject(index, target).as_pageobject()
    turn = {
        0: (pdfium.PdfMatrix(), (width, height)),
        90: (pdfium.PdfMatrix(0, 1, -1, 0, height, 0), (height, width)),
        180: (pdfium.PdfMatrix(-1, 0, 0, -1, width, height), (width, height)),
        270: (pdfium.PdfMatrix(0, -1, 1, 0, 0, width), (height, width)),
    }
    matrix, size = turn[rotation]
    form.transform(matrix)
    page = target.new_page(*size)
    page.insert_obj(form)
    page.gen_content()
    if rotation:
        page.set_rotation(rotation)
    buffer = io.BytesIO()
    target.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- ruled tables


def grid_edges(xs, ys):
    horizontal = [(xs[0], y, xs[-1], y) for y in ys]
    vertical = [(x, ys[0], x, ys[-1]) for x in xs]
    return horizontal, vertical


def test_a_ruled_grid_gives_its_cells():
    horizontal, vertical = grid_edges([0, 40, 100], [0, 20, 40])
    (table,) = rulings.find_tables(horizontal, vertical)
    assert sorted(table) == [(0, 0, 40, 20), (0, 20, 40, 40), (40, 0, 100, 20), (40, 20, 100, 40)]


def test_a_ruling_missing_inside_a_row_merges_its_cells():
    horizontal, _ = grid_edges([0, 40, 100], [0, 20, 40])
    vertical = [(0, 0, 0, 40), (100, 0, 100, 40), (40, 20, 40, 40)]  # the middle one stops at row 2
    (table,) = rulings.find_tables(horizontal, vertical)
    assert sorted(table) == [(0, 0, 100, 20), (0, 20, 40, 40), (40, 20, 100, 40)]


def test_a_ruling_broken_by_a_small_gap_is_one_line():
    horizontal, vertical = grid_edges([0, 40, 100], [0, 20])
    horizontal[0] = (0, 0, 50, 0)  # the top rule drawn in two pieces
    (table,) = rulings.find_tables(horizontal + [(52, 0, 100, 0)], vertical)
    assert sorted(table) == [(0, 0, 40, 20), (40, 0, 100, 20)]
    # six points apart the pieces are two rules: the right cell has no top, and a
    # single cell is no table
    assert rulings.find_tables(horizontal + [(56, 0, 100, 0)], vertical) == []


def test_double_rules_snap_into_one():
    horizontal, vertical = grid_edges([0, 40, 100], [0, 20, 40])
    horizontal.append((0, 21.5, 100, 21.5))  # the middle rule drawn twice, 1.5 pt apart
    (table,) = rulings.find_tables(horizontal, vertical)
    assert len(table) == 4


def test_tables_apart_are_two_tables_top_first():
    low = grid_edges([0, 40, 100], [300, 320, 340])
    high = grid_edges([0, 40, 100], [0, 20, 40])
    found = rulings.find_tables(low[0] + high[0], low[1] + high[1])
    assert [min(c[1] for c in t) for t in found] == [0, 300]


def test_many_segments_stay_fast():
    """A page drawn with thousands of short strokes (a dotted grid) is no quadratic."""
    import time

    horizontal = [(x, y, x + 1.5, y) for y in range(0, 600, 20) for x in range(0, 500, 2)]
    vertical = [(x, y, x, y + 1.5) for x in range(0, 500, 25) for y in range(0, 600, 2)]
    start = time.perf_counter()
    found = rulings.find_tables(horizontal, vertical)
    assert time.perf_counter() - start < 2.0
    assert len(found) == 1 and len(found[0]) == 29 * 19


# ---------------------------------------------------------------- rulings that are seen


def ruled_two_by_two(fill: bytes) -> bytes:
    """Two rows of two cells ruled with thin filled rectangles, a number in each cell."""
    bars = b"".join(b"%d %d 200 0.6 re\n" % (100, y) for y in (700, 680, 660))
    bars += b"".join(b"%d 660 0.6 40.6 re\n" % x for x in (100, 200, 300))
    bars = bars.replace(b"200 0.6 re", b"200.6 0.6 re")
    cells = show(110, 686, "11") + show(210, 686, "12") + show(110, 666, "21") + show(210, 666, "22")
    return text_pdf(fill + b"\n" + bars + b"f\n0 g\n" + cells)


def test_thin_black_bars_rule_a_table():
    blocks = pdf.read(ruled_two_by_two(b"0 g"))
    (grid,) = [b for b in blocks if isinstance(b, Grid)]
    assert [[c.text for c in row] for row in grid.rows] == [["11", "12"], ["21", "22"]]


def test_white_bars_are_not_rulings():
    blocks = pdf.read(ruled_two_by_two(b"1 g"))
    assert not [b for b in blocks if isinstance(b, Grid)]


# ---------------------------------------------------------------- spaces written alone


def test_a_space_written_as_its_own_object_is_a_space():
    # Helvetica: A advances 8 pt at 12 pt, a space 3.34 pt; B follows the space tight,
    # so the gap alone (0.28 em) would not make a space.
    with_space = text_pdf(show(72, 700, "A") + show(80, 700, " ") + show(83.34, 700, "B"))
    without = text_pdf(show(72, 700, "A") + show(83.34, 700, "B"))
    assert lines(first_page(with_space)) == [("A B", 72.0)]
    assert lines(first_page(without)) == [("AB", 72.0)]


def test_white_space_stepping_a_full_em_before_a_line_is_an_indent():
    # Empty objects a full em apart opening a line: ideographic spaces, not spaces.
    indent = text_pdf(show(72, 700, " ") + show(84, 700, " ") + show(96, 700, "A"))
    spaces = text_pdf(show(72, 700, " ") + show(78, 700, " ") + show(84, 700, "A"))
    assert lines(first_page(indent)) == [("A", 96.0)]
    assert lines(first_page(spaces)) == [("A", 72.0)]


# ---------------------------------------------------------------- overprinted text


@pytest.mark.parametrize(
    ("dx", "dy", "may"),
    [
        (0.0, 0.0, True),
        (1.0, 0.0, True),
        (0.0, 1.0, True),
        (-1.0, 1.0, True),
        (1.0, -1.0, True),
        (2.1, 0.0, False),
        (0.0, 4.1, False),
    ],
)
@pytest.mark.parametrize("x", [0.0, 1.9, 3.99, 250.5, -7.25])
def test_copies_a_point_apart_are_never_ruled_out(x, dx, dy, may):
    """Two characters of one text a point apart (or less) in left edge and top, wherever
    they fall on the filter's grids, may be copies; two points apart they are not
    (among characters of other texts beside them)."""
    import numpy

    texts = numpy.array([0x5E8F, 0x5E8F, 0x53F7, 0x53F7])
    x0 = numpy.array([x, x + dx, x + 0.3, x + 40.0])
    top = numpy.array([x + 100.0, x + 100.0 + dy, x + 100.0, x + 100.0])
    assert pdf._may_have_copies(texts, x0, top) is may


def test_text_printed_twice_over_itself_is_read_once():
    # A bold imitation: the same text again, shifted by a fraction of a point.
    twice = text_pdf(show(72, 700, "Total 2024") + show(72.3, 700, "Total 2024"))
    apart = text_pdf(show(72, 700, "Total 2024") + show(72, 650, "Total 2024"))
    assert [t for t, _ in lines(first_page(twice))] == ["Total 2024"]
    assert [t for t, _ in lines(first_page(apart))] == ["Total 2024", "Total 2024"]


def cjk_pdf(content: bytes) -> bytes:
    """A one-page PDF drawing ``content`` with /F2, a Chinese font PDFium knows by
    name (STSong-Light, text as UCS-2 codes: no font file needed)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F2 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (GB1) /Supplement 2 >> /DW 1000 /FontDescriptor 7 0 R >>",
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 "
        b"/Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>",
    ]
    return minimal_pdf(objects)


def each_char(x: float, y: float, text: str, size: float = 12) -> bytes:
    """``text`` one text object per character, as WPS writes it (every glyph an em
    wide; a space is a gap)."""
    return b"".join(
        b"BT /F2 %.2f Tf %.3f %.3f Td <%04X> Tj ET\n" % (size, x + k * size, y, ord(ch))
        for k, ch in enumerate(text)
        if ch != " "
    )


def test_a_fake_bold_header_is_read_once():
    # The header drawn three times, offset by 0.03 and 0.4 points, other text drawn
    # between the copies (PDFium drops a copy that directly follows its original, not
    # these: every copy comes out of its text page, as in xian_14's headers).
    header = "序号  收入  单位"
    body = each_char(72, 650, "三三  00") + each_char(72, 620, "一二")
    content = each_char(72, 700, header) + body + each_char(72.03, 700.01, header) + each_char(72.4, 699.8, header)
    assert [t for t, _ in lines(first_page(cjk_pdf(content)))] == ["序号 收入 单位", "三三 00", "一二"]
    # printed once, the same lines
    assert lines(first_page(cjk_pdf(each_char(72, 700, header) + body))) == lines(first_page(cjk_pdf(content)))


@pytest.mark.parametrize("size", [12, 4, 2.5])
def test_equal_neighbours_are_not_copies(size):
    # "三三" and "00" stand one advance apart, more than the tolerance (a fifth of the
    # em) at any size; the same three characters drawn again elsewhere are no copies.
    content = each_char(72, 700, "三三三", size) + each_char(72, 600, "00", size) + each_char(72, 500, "三", size)
    assert [t for t, _ in lines(first_page(cjk_pdf(content)))] == ["三三三", "00", "三"]


def test_texts_that_merely_overlap_are_both_kept():
    # A header spilling over the next cell's "预算数" shares the word 预算 with it, at
    # 0.4 points: only part of a run has a copy, so neither is an overprint (xian_18;
    # another line drawn between them, as there, or PDFium drops the second 预算 itself).
    content = each_char(72, 700, "政府预算支出") + each_char(72, 600, "一二三") + each_char(96.4, 700, "预算数")
    assert [t for t, _ in lines(first_page(cjk_pdf(content)))] == ["政府预预算算支数出", "一二三"]


def test_a_page_printed_three_times_over_itself_reads_as_printed_once():
    # fuliyuan's 支出总表 page drawn three times (form XObjects offset by 0.05 and 0.3
    # points): every character comes three times out of PDFium, and the blocks are
    # those of the page drawn once ("项项项目目目" without the copies dropped).
    data = fixture_bytes(FULIYUAN)
    source = pdfium.PdfDocument(data)
    width, height = source[8].get_size()
    target = pdfium.PdfDocument.new()
    page = target.new_page(width, height)
    for dx, dy in [(0, 0), (0.05, -0.02), (0.3, 0.1)]:
        form = source.page_as_xobject(8, target).as_pageobject()
        form.transform(pdfium.PdfMatrix(1, 0, 0, 1, dx, dy))
        page.insert_obj(form)
    page.gen_content()
    buffer = io.BytesIO()
    target.save(buffer)
    assert pdf.read(buffer.getvalue()) == pdf.read(one_page(data, 8))


# ---------------------------------------------------------------- the page as displayed


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_page_turned_by_rotate_reads_as_displayed(rotation):
    # fuliyuan's 支出总表 page, drawn turned and turned back by /Rotate, and drawn
    # inside a form XObject: the same blocks as the page drawn plainly.
    data = fixture_bytes(FULIYUAN)
    plain = pdf.read(one_page(data, 8))
    assert any(isinstance(b, Grid) and len(b.rows) > 10 for b in plain)
    assert pdf.read(one_page(data, 8, rotation)) == plain


def test_coordinates_start_at_the_visible_page():
    # The same text on a page whose box starts at (-12, 12): its place on the page as
    # displayed is the same.
    content = show(100, 800, "Header") + show(100, 400, "Body")
    plain = first_page(text_pdf(content))
    shifted = first_page(
        text_pdf(
            content.replace(b"100.00 800.00", b"88.00 812.00").replace(b"100.00 400.00", b"88.00 412.00"),
            media=b"-12 12 583 854",
        )
    )
    assert [(i.text, round(i.x0, 2), round(i.top, 2)) for i in plain.items] == [
        (i.text, round(i.x0, 2), round(i.top, 2)) for i in shifted.items
    ]


# ---------------------------------------------------------------- damaged files


def test_a_file_with_a_broken_cross_reference_but_complete_is_read():
    # startxref points nowhere: PDFium rebuilds the table; the file still ends with %%EOF.
    data = fixture_bytes(FULIYUAN)
    at = data.rindex(b"startxref")
    broken = data[:at] + b"startxref\n12\n%%EOF\n"
    assert pdf.read(broken) == pdf.read(data)


def amended(text: str) -> bytes:
    """A one-page PDF with an incremental update that replaces the page's text (what
    an editor saving changes appends to the file)."""
    base = text_pdf(show(72, 700, "First revision"))
    previous = int(base[base.rindex(b"startxref") + 10 :].split()[0])
    body = b"".join(show(72, 700 - 14 * i, f"{text} {i}") for i in range(40))
    update = b"4 0 obj\n<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream\nendobj\n"
    xref = len(base) + len(update)
    update += b"xref\n0 1\n0000000000 65535 f \n4 1\n%010d 00000 n \n" % len(base)
    update += b"trailer\n<< /Size 6 /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (previous, xref)
    return base + update


def test_an_amended_file_cut_short_is_refused_not_read_as_its_first_revision():
    data = amended("Second revision")
    assert [b.text for b in pdf.read(data)][0].startswith("Second revision 0")
    cut = data[: int(len(data) * 0.8)]
    document = pdfium.PdfDocument(cut)  # PDFium alone opens the first revision
    assert document[0].get_textpage().get_text_range() == "First revision"
    document.close()
    with pytest.raises(LoadError) as error:
        pdf.read(cut)
    assert error.value.english.startswith("truncated PDF")


# ---------------------------------------------------------------- the fixtures, block for block


def digest(blocks) -> str:
    plain = [
        ["p", b.text, b.page, b.heading]
        if isinstance(b, Paragraph)
        else ["g", [[[c.text, c.span] for c in row] for row in b.rows], b.page]
        for b in blocks
    ]
    return hashlib.sha256(json.dumps(plain, ensure_ascii=False).encode()).hexdigest()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # The blocks pdfplumber's engine gave (/work/snap/base, the snapshot taken with
        # scripts/snapshot.py --blocks at the commit before PDFium), digested here.
        (FULIYUAN, "cff027ed2e39c7220283b0a0a85bf7f659cf0c71eb5845392ae1febac7b56f1b"),
        (WANLI, "8295d1a0d87ebc91d6ae7a3de19eb7e0ab53ee502d4fe2ef9d61097ab2296c19"),
    ],
)
def test_the_shanghai_fixtures_give_pdfplumbers_blocks(name, expected):
    assert digest(list(pdf_blocks(name))) == expected


# ---------------------------------------------------------------- whole-array steps


def test_white_space_is_what_str_isspace_says():
    """The reader finds a page's white space with re's \\s: the same characters."""
    assert all(bool(pdf._WHITE.match(chr(c))) == chr(c).isspace() for c in range(0x110000))


def test_rulings_merged_in_arrays_as_in_the_loop():
    import random

    import numpy

    rng = random.Random(7)
    for _ in range(300):
        edges = []
        for _ in range(rng.randint(1, 200)):
            y = round(rng.uniform(0, 60) * 4) / 4  # quarter points: snaps, joins and ties happen
            x0 = round(rng.uniform(0, 100) * 4) / 4
            edges.append((x0, y, x0 + round(rng.uniform(0, 20) * 4) / 4, y))
        assert rulings._merge_arrays(numpy.array(edges), True) == rulings._merge(edges, True)
        upright = [(y, x0, y2, x1) for x0, y, x1, y2 in edges]
        assert rulings._merge_arrays(numpy.array(upright), False) == rulings._merge(upright, False)


@pytest.mark.parametrize("name", ["seed.pdf", "real/putuo_fuliyuan_2024_unit.pdf"])
def test_whole_array_steps_read_as_one_at_a_time(monkeypatch, name):
    """Every page's paths classified in arrays, and its rulings merged in arrays, give
    the blocks the path-by-path code gives; so do the cells joined from arrays and
    the characters added to cells one by one, and the lines outside tables grouped and
    joined in arrays. (The blank objects: test_blanks_found_in_arrays_as_one_at_a_time.)"""
    data = fixture_bytes(name)
    monkeypatch.setattr(pdf, "_ARRAY_PATHS", 10**9)
    monkeypatch.setattr(rulings, "ARRAY_EDGES", 10**9)
    monkeypatch.setattr(pdf, "_ARRAY_CHARS", 10**9)
    monkeypatch.setattr(pdf, "_code_points", lambda chars: None)
    one_by_one = pdf.read(data)
    monkeypatch.undo()
    monkeypatch.setattr(pdf, "_ARRAY_PATHS", 1)
    monkeypatch.setattr(rulings, "ARRAY_EDGES", 1)
    monkeypatch.setattr(pdf, "_ARRAY_CHARS", 1)
    arrays = pdf.read(data)
    assert any(isinstance(block, Grid) for block in arrays)
    assert arrays == one_by_one


def _blanks_one_at_a_time(texts: list[int], inside: dict, referenced: set[int], frame) -> list:
    """The typed spaces as the reader found them object by object before they were
    found in arrays (loaders.pdf._blanks): the reference the arrays must agree with."""
    missing = [k for k, obj in enumerate(texts) if obj not in referenced]
    placed: dict = {}
    names: dict = {}
    styles: dict = {}

    def place(obj):
        if obj in placed:
            return placed[obj]
        bounds = pdf._read_all(pdf._ObjectBounds, [obj], pdf.c_float, 4, (0, 1, 2, 3))
        (size,) = pdf._read_all(pdf._ObjectFontSize, [obj], pdf.c_float, 1, (0,))
        a, bb, c, d, e, f = pdf._read_all(pdf._ObjectMatrix, [obj], pdf.c_float, 6, (0,))
        font = pdf._ObjectFont(obj)
        A, B, C, D, E, F = inside.get(obj, pdf._IDENTITY)
        a, bb, c, d, e, f = (
            a * A + bb * C,
            a * B + bb * D,
            c * A + d * C,
            c * B + d * D,
            e * A + f * C + E,
            e * B + f * D + F,
        )
        ra, rb, rc, rd, re_, rf = frame.device
        da, db, dc, dd = ra * a + rc * bb, rb * a + rd * bb, ra * c + rc * d, rb * c + rd * d
        if not (db == 0 and dc == 0 and da > 0 and dd > 0):
            placed[obj] = None
            return None
        if font not in styles:
            name, descent = pdf._font(font, names)
            styles[font] = (descent, pdf._is_bold(name), pdf._space_width(font))
        descent, bold, width = styles[font]
        em = round(dd * size, 4)
        x, y = ra * e + rc * f + re_, rb * e + rd * f + rf
        left, bottom, right, _ = bounds
        ox, oy = max(left, right), bottom
        ux, uy = A * ox + C * oy + E, B * ox + D * oy + F
        empty = abs(right - left) < 0.01
        height = frame.height
        placed[obj] = (height - y, x, em, height - (y + descent * em), bold, width, empty, ra * ux + rc * uy + re_)
        return placed[obj]

    out: list = []
    run: list = []

    def close() -> None:
        if not run:
            return
        after = run[-1][0] + 1
        first, (base, x, em, *_rest) = run[0]
        before = place(texts[first - 1]) if first else None
        follows_text = (
            before is not None
            and not before[6]
            and abs(before[0] - base) <= 0.35 * max(em, 4)
            and x - 0.5 * em <= before[7] <= x + 0.5 * em
        )
        if not follows_text:
            steps = [b[1] - a[1] for (_, a), (_, b) in zip(run, run[1:], strict=False)]
            nxt = place(texts[after]) if after < len(texts) else None
            if nxt is not None and abs(nxt[0] - run[-1][1][0]) <= 0.35 * max(em, 4):
                steps.append(nxt[1] - run[-1][1][1])
            if steps and 0.875 * em <= steps[0] < 1.25 * em:
                run.clear()
                return
        for _, (base, x, em, bottom, bold, width, _, _) in run:
            out.append(pdf._Char(" ", x, x + width * em, bottom - em, bottom, base, em, bold))
        run.clear()

    for index in missing:
        if run and index != run[-1][0] + 1:
            close()
        here = place(texts[index])
        if here is None or not here[6]:
            close()
            continue
        if run and abs(run[-1][1][0] - here[0]) > 0.35 * max(here[2], 4):
            close()
        run.append((index, here))
    close()
    return out


@pytest.mark.parametrize(
    "path", [FIXTURES / WANLI, CORPUS / "huzhou_02.pdf", CORPUS / "chongqing_02.pdf", CORPUS / "xian_01.pdf"]
)
@pytest.mark.parametrize("array_blanks", [1, 10**9])  # every page in arrays; every page in plain Python
def test_blanks_found_in_arrays_as_one_at_a_time(monkeypatch, path, array_blanks):
    """The typed spaces of every page (WPS types hundreds a page: runs of them, spaces
    after text, ideographic indents left out) found in arrays, or run by run for a
    page of few, are those found object by object."""
    monkeypatch.setattr(pdf, "_ARRAY_BLANKS", array_blanks)
    pages = []
    found = pdf._blanks

    def both(texts, inside, referenced, frame):
        blanks = found(texts, inside, referenced, frame)
        known = set(referenced.tolist())
        empty = sum(obj not in known for obj in texts.tolist())
        pages.append((blanks, _blanks_one_at_a_time(texts.tolist(), inside, known, frame), empty))
        return blanks

    monkeypatch.setattr(pdf, "_blanks", both)
    pdf.read(path.read_bytes())
    kept = sum(len(arrays) for arrays, _, _ in pages)
    assert kept > 50  # the document types spaces: the test sees them
    if path.parent == CORPUS:  # and some are left out (indents): the test sees both
        assert sum(empty for _, _, empty in pages) > kept
    for arrays, one_by_one, _ in pages:
        assert arrays == one_by_one
