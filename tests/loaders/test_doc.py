"""Legacy Word (.doc, Word 97-2003 binary; WPS's .wps): the same document saved as .doc
and as .docx loads to the same model.

The .doc files are real Word binaries written by LibreOffice from the .docx beside them
(tests/fixtures/doc/README.md): seed.docx, two Shanghai disclosures written as Word by
tests/writers.py (a table split over two pages with its header repeated, lines typed
with Shift+Enter, titles merged over a table's first row, bold headings without style)
and a small document of the features a reader must get right (heading styles, a field,
a tab, line breaks, merged cells, a table inside a table, a page break).
"""

from __future__ import annotations

import io
import random
import struct
from decimal import Decimal
from pathlib import Path

import pytest

from budget.model import Format, MoneyUnit
from loaders import LoadError, doc, docx, load
from loaders.blocks import Grid, Paragraph
from loaders.detect import sniff
from tests import hostile, writers
from tests.conftest import FIXTURES, fixture_bytes, run_cli

DOC = Path(__file__).resolve().parents[1] / "fixtures" / "doc"
PAIRS = {
    "seed": (DOC / "seed.doc", FIXTURES / "seed.docx"),
    "wanli": (DOC / "wanli.doc", DOC / "wanli.docx"),
    "fuliyuan": (DOC / "fuliyuan.doc", DOC / "fuliyuan.docx"),
    "features": (DOC / "features.doc", DOC / "features.docx"),
}


def doc_bytes(name: str = "seed") -> bytes:
    return PAIRS[name][0].read_bytes()


@pytest.fixture(scope="module")
def seed_doc():
    return load(doc_bytes(), "seed.doc")


@pytest.mark.parametrize("name", list(PAIRS))
def test_doc_loads_to_the_same_model_as_docx(name):
    binary, openxml = PAIRS[name]
    expected = writers.comparable(load(openxml.read_bytes(), openxml.name))
    actual = writers.comparable(load(binary.read_bytes(), binary.name))
    for key in expected:  # one key at a time, so a failure names the part that differs
        assert actual[key] == expected[key], key


@pytest.mark.parametrize("name", ["wanli", "fuliyuan", "features"])
def test_doc_reads_the_blocks_docx_reads(name):
    """Block for block: paragraphs, heading hints, every cell's text and span."""
    binary, openxml = PAIRS[name]
    assert doc.read(binary.read_bytes()) == docx.read(openxml.read_bytes())


def _texts(block):
    if isinstance(block, Grid):
        # LibreOffice drops the spaces at the end of a paragraph when it reads a .docx.
        return [["\n".join(line.rstrip() for line in c.text.split("\n")) for c in row] for row in block.rows]
    return block


def test_seed_blocks_differ_only_where_two_tables_touch():
    """In seed.docx each performance form's goals row is a table of its own directly above
    the indicator table; a Word binary has no mark between two tables, so the .doc holds
    one table of both (Word itself shows them as one). The model is the same (above);
    here every other block is the same, and the joined tables hold the same cells."""
    from_docx = docx.read(fixture_bytes("seed.docx"))
    joined: list = []
    was_joined: list[bool] = []
    for block in from_docx:
        if isinstance(block, Grid) and joined and isinstance(joined[-1], Grid):
            joined[-1] = Grid(joined[-1].rows + block.rows)
            was_joined[-1] = True
        else:
            joined.append(block)
            was_joined.append(False)
    from_doc = doc.read(doc_bytes())
    assert sum(was_joined) == 13 and len(from_doc) == len(joined) == len(from_docx) - 13
    for block, expected, join in zip(from_doc, joined, was_joined, strict=True):
        if join:
            assert _texts(block) == _texts(expected)
        else:
            assert block == expected


def test_seed_doc_holds_the_seed_figures(seed_doc):
    assert seed_doc.source.format == Format.DOCX and seed_doc.source.name == "seed.doc"
    assert seed_doc.unit.name == "中共秦皇岛市海港区委政法委员会本级" and seed_doc.unit.year == 2023
    line = next(ln for ln in seed_doc.functional if ln.code == "2013602")
    assert (line.total.amount, line.total.unit, line.basic) == (Decimal("1065.08"), MoneyUnit.WAN_YUAN, None)
    assert seed_doc.three_public.vehicles.amount == Decimal("2.250000")
    assert len(seed_doc.performance) == 13 and len(seed_doc.procurement) == 6 and len(seed_doc.assets) == 6
    assert sum(len(p.indicators) for p in seed_doc.performance) == 90


def test_features_are_read_as_word_shows_them():
    blocks = doc.read(doc_bytes("features"))
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    grids = [b for b in blocks if isinstance(b, Grid)]
    # the built-in heading styles (标题 1, 标题 2) are heading hints, body paragraphs are not
    assert [p.text for p in paragraphs if p.heading] == ["一、部门职责", "二、收支预算表"]
    texts = [p.text for p in paragraphs]
    assert "详见预算公开网站。" in texts  # a HYPERLINK field: its result, not its code
    assert "HYPERLINK".encode("utf-16-le") in doc_bytes("features")  # the code is in the file
    assert "正文第一段，接着一个换行之后的文字。" in texts and "制表符之后" in texts
    assert texts[-2:] == ["分页之前", "分页之后"]
    table, inner = grids
    assert [(c.text, c.span) for c in table.rows[0]] == [("科目编码", 1), ("科目名称", 1), ("支出\n", 2)]
    assert [c.text for c in table.rows[1]] == ["", "", "基本支出", "项目支出"]  # merged down: printed once
    assert table.rows[3][1].text == "人大事务\n（续）"  # a line break in a cell
    # the layout frame's cells are read as the document they hold: its text, then its table
    assert texts[texts.index("注：表格之后的说明。") + 1] == "框内说明"
    assert inner.rows == ((docx_cell("项目"), docx_cell("金额")), (docx_cell("公务接待费"), docx_cell("3.50")))


def docx_cell(text: str):
    from loaders.blocks import Cell

    return Cell(text)


# ---------------------------------------------------------------- detection


def test_detect_routes_word_binaries_to_the_doc_reader_and_workbooks_to_xlsx():
    from tests.loaders.test_xlsx import build_xls

    assert sniff(doc_bytes()) == Format.DOCX
    xls = build_xls(docx.read(fixture_bytes("seed.docx")))
    assert sniff(xls) == Format.XLSX
    assert load(xls, "seed.xls").tables  # still read by xlrd
    # seed.doc's bookmark table holds "Book": a byte search for the name would send it to xlrd
    assert "Book".encode("utf-16-le") in doc_bytes()


def test_wps_files_of_the_same_format_are_read():
    d = load(doc_bytes("fuliyuan"), "fuliyuan.wps")
    assert writers.comparable(d) == writers.comparable(load(PAIRS["fuliyuan"][1].read_bytes(), "fuliyuan.docx"))


def test_an_ole_file_that_is_neither_word_nor_excel_is_refused():
    data = bytearray(doc_bytes("features"))
    at = data.find("WordDocument".encode("utf-16-le"))
    data[at : at + 24] = "WordDocumenX".encode("utf-16-le")
    with pytest.raises(LoadError, match="不是 Word"):
        load(bytes(data), "x.doc")


def test_encrypted_and_word95_files_get_their_own_message():
    encrypted = hostile.edit_doc_stream("WordDocument", lambda w: w.__setitem__(0x0B, w[0x0B] | 0x01))
    with pytest.raises(LoadError, match="已加密"):
        load(encrypted, "x.doc")
    word95 = hostile.edit_doc_stream("WordDocument", lambda w: struct.pack_into("<H", w, 2, 0x68))
    with pytest.raises(LoadError, match="Word 6.0/95"):
        load(word95, "x.doc")
    assert load(hostile.edit_doc_stream("WordDocument", lambda w: None), "x.doc").tables  # the edit itself is harmless


def test_rtf_saved_as_doc_gets_a_precise_message():
    with pytest.raises(LoadError, match="RTF"):
        load(b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl} \\par}", "renamed.doc")
    assert sniff(b"{rtf1 is text}\n") == Format.TXT  # without the backslash it is no RTF


# ---------------------------------------------------------------- damaged files


@pytest.mark.parametrize(
    ("build", "english"),
    [
        (lambda: doc_bytes()[: len(doc_bytes()) // 2], "OLE container"),
        (hostile.doc_piece_outside, "text piece"),
        (lambda: hostile.doc_fib("lcbClx", 0xFFFFFFFF), "Clx"),
        (lambda: hostile.doc_fib("lcbPlcfBtePapx", 0xFFFFFFF0), "PlcBtePapx"),
        (lambda: hostile.doc_fkp_runs(255), "FKP"),
        (hostile.doc_sector_loop, "damaged .doc"),
    ],
    ids=["cut", "piece-outside", "clx", "btepapx", "fkp-runs", "sector-loop"],
)
def test_damaged_doc_gets_the_word_message(build, english):
    with pytest.raises(LoadError) as refused:
        load(build(), "damaged.doc")
    assert refused.value.message == doc.DAMAGED and english in refused.value.english


def _structures(word: bytes, table: bytes) -> list[tuple[str, int]]:
    """Byte positions holding the structures read (the FIB, the piece table, the property
    pages and the style sheet), where damage reaches the reader rather than the text."""
    pairs = hostile._fib_pairs(bytearray(word))
    places = [("WordDocument", i) for i in range(0, pairs + 8 * 34)]
    fc, lcb = struct.unpack_from("<II", word, pairs + 8 * 13)
    places += [("1Table", i) for i in range(fc, fc + lcb)]
    count = (lcb - 4) // 8
    for i in range(count):
        page = (struct.unpack_from("<I", table, fc + 4 * (count + 1) + 4 * i)[0] & 0x3FFFFF) * 512
        places += [("WordDocument", page + j) for j in range(512)]
    for index in (1, 33):  # the style sheet, the Clx
        fc, lcb = struct.unpack_from("<II", word, pairs + 8 * index)
        places += [("1Table", i) for i in range(fc, fc + lcb)]
    return places


def _file_offsets(data: bytes, name: str) -> list[int]:
    """Where each byte of a (large, FAT-stored) stream lies in the OLE file."""
    import olefile

    ole = olefile.OleFileIO(io.BytesIO(data))
    entry = ole.direntries[ole._find(name)]
    assert entry.size >= ole.minisectorcutoff
    offsets, sector = [], entry.isectStart
    while len(offsets) < entry.size:
        offsets += range((sector + 1) * ole.sectorsize, (sector + 2) * ole.sectorsize)
        sector = ole.fat[sector]
    return offsets[: entry.size]


def test_damage_to_any_structure_is_a_load_error_or_a_reading():
    """Bytes overwritten at random in the structures: never an IndexError, struct.error or
    anything else, only a reading or a LoadError (a fixed seed: the same 60 files each run)."""
    import olefile

    original = doc_bytes()
    ole = olefile.OleFileIO(io.BytesIO(original))
    word, table = ole.openstream("WordDocument").read(), ole.openstream("1Table").read()
    where = {name: _file_offsets(original, name) for name in ("WordDocument", "1Table")}
    places = [where[name][at] for name, at in _structures(word, table)]
    rng = random.Random(20)
    outcomes = {"read": 0, "refused": 0}
    for _ in range(60):
        data = bytearray(original)
        for _ in range(rng.randint(1, 6)):
            data[rng.choice(places)] = rng.randrange(256)
        try:
            doc.read(bytes(data))
            outcomes["read"] += 1
        except LoadError:
            outcomes["refused"] += 1
    assert outcomes["read"] > 5 and outcomes["refused"] > 5  # both happen: the damage reached the reader


# ---------------------------------------------------------------- the CLI


def test_cli_checks_a_doc(tmp_path):
    import json

    path = tmp_path / "seed.doc"
    path.write_bytes(doc_bytes())
    done = run_cli("check", str(path), "--json")
    from_docx = json.loads(run_cli("check", str(FIXTURES / "seed.docx"), "--json").stdout)
    assert done.returncode == 1  # the seed's three errors, as for seed.docx
    report = json.loads(done.stdout)
    assert report["summary"] == from_docx["summary"] and report["summary"]["error"] == 3
    assert [f["rule"] for f in report["findings"]] == [f["rule"] for f in from_docx["findings"]]
