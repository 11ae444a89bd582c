"""Loader features on small Word documents built here, one feature at a time."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK

from budget.model import MoneyUnit, TableKind
from loaders import LoadError, load
from tests.hostile import rezip

D = Decimal
HEADER = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]


def _document(build) -> bytes:
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _table(document, rows, merges=()):
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for (r1, c1), (r2, c2) in merges:
        table.cell(r1, c1).merge(table.cell(r2, c2))
    return table


def _expenditure(document, rows, title="2024年部门支出总表", unit_row=True):
    document.add_paragraph(title)
    head = [["编制单位：测试局", "", "", "", "单位：万元"]] if unit_row else []
    _table(document, head + [HEADER] + rows)


def _load(data: bytes):
    return load(data, "t.docx")


def test_expenditure_table_with_whole_codes():
    d = _load(
        _document(
            lambda doc: _expenditure(
                doc,
                [
                    ["", "合计", "10.00", "4.00", "6.00"],
                    ["201", "一般公共服务支出", "10.00", "4.00", "6.00"],
                    ["20101", "人大事务", "10.00", "4.00", "6.00"],
                    ["2010101", "行政运行", "10.00", "4.00", "6.00"],
                ],
            )
        )
    )
    assert d.unit.kind == "部门" and d.unit.year == 2024 and d.unit.name == "测试局"
    assert [(ln.code, ln.level, ln.total.amount) for ln in d.functional] == [
        ("201", 1, D("10.00")),
        ("20101", 2, D("10.00")),
        ("2010101", 3, D("10.00")),
    ]
    assert d.table(TableKind.EXPENDITURE).total_line().project.amount == D("6.00")


def test_merged_header_cells_both_ways():
    def build(doc):
        doc.add_paragraph("单位预算支出总表")
        _table(
            doc,
            [
                ["功能分类科目", "", "合计", "本年支出", ""],
                ["科目编码", "科目名称", "", "基本支出", "项目支出"],
                ["2049999", "其他公共安全支出", "276.93", "276.93", ""],
            ],
            merges=[((0, 0), (0, 1)), ((0, 3), (0, 4)), ((0, 2), (1, 2))],
        )

    d = _load(_document(build))
    table = d.table(TableKind.EXPENDITURE)
    assert table.columns == (
        "功能分类科目/科目编码",
        "功能分类科目/科目名称",
        "合计",
        "本年支出/基本支出",
        "本年支出/项目支出",
    )
    line = d.functional[0]
    assert (line.total.amount, line.basic.amount, line.project) == (D("276.93"), D("276.93"), None)


def test_unmerged_header_words_on_two_rows():
    # The same header as above printed without merged cells: the upper words sit in
    # their first column and the others are blank.
    def build(doc):
        doc.add_paragraph("单位预算支出总表")
        _table(
            doc,
            [
                ["功能分类科目", "", "合计", "本年支出", ""],
                ["科目编码", "科目名称", "", "基本支出", "项目支出"],
                ["2049999", "其他公共安全支出", "276.93", "", "276.93"],
            ],
        )

    d = _load(_document(build))
    assert d.functional[0].project.amount == D("276.93") and d.functional[0].basic is None


def test_yuan_with_thousands_separators_and_paragraph_unit_line():
    def build(doc):
        doc.add_paragraph("2024年部门支出预算总表")
        doc.add_paragraph("编制单位：上海市普陀区测试局                     单位：元")
        _table(doc, [HEADER, ["2040601", "行政运行", "14,348,853.34", "14,348,853.34", ""]])

    d = _load(_document(build))
    assert d.unit.money_unit == MoneyUnit.YUAN and d.unit.name == "上海市普陀区测试局"
    assert d.functional[0].total.amount == D("14348853.34")
    assert d.functional[0].total.unit == MoneyUnit.YUAN
    assert d.functional[0].total.format() == "14,348,853.34 元"


def test_codes_split_into_class_columns():
    def build(doc):
        doc.add_paragraph("2024年预算单位支出预算总表")
        doc.add_paragraph("编制单位：测试单位 单位：元")
        _table(
            doc,
            [
                ["功能分类科目编码", "", "", "功能分类科目名称", "合计", "基本支出", "项目支出"],
                ["类", "款", "项", "", "", "", ""],
                ["208", "", "", "社会保障和就业支出", "1,696,828", "1,696,828", ""],
                ["208", "05", "", "行政事业单位养老支出", "1,696,828", "1,696,828", ""],
                ["", "", "02", "事业单位离退休", "538,440", "538,440", ""],
                ["208", "05", "05", "机关事业单位基本养老保险缴费支出", "1,158,388", "1,158,388", ""],
                ["", "", "", "合计", "1,696,828", "1,696,828", ""],
            ],
            merges=[((0, 0), (0, 2))],
        )

    d = _load(_document(build))
    assert [(ln.code, ln.level) for ln in d.functional] == [("208", 1), ("20805", 2), ("2080502", 3), ("2080505", 3)]
    assert d.functional[2].total.amount == D("538440")
    assert d.table(TableKind.EXPENDITURE).total_line().total.amount == D("1696828")


def test_full_width_digits_and_stray_tabs_and_quotes():
    d = _load(
        _document(
            lambda doc: _expenditure(
                doc,
                [
                    ["２０１", '"一般公共服务支出\t"', "１，０６５．０８", "", "１０６５．０８"],
                ],
            )
        )
    )
    line = d.functional[0]
    assert (line.code, line.name, line.total.amount, line.project.amount) == (
        "201",
        "一般公共服务支出",
        D("1065.08"),
        D("1065.08"),
    )


def test_table_continued_after_page_break_is_joined():
    def build(doc):
        doc.add_paragraph("单位预算支出总表")
        _table(
            doc,
            [
                ["216001测试单位", "预算年度：2023", "", "", "单位：万元"],
                HEADER,
                ["201", "一般公共服务支出", "3.00", "3.00", ""],
                ["20101", "人大事务", "3.00", "3.00", ""],
            ],
        )
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _table(doc, [HEADER, ["2010101", "行政运行", "3.00", "3.00", ""], ["", "合计", "3.00", "3.00", ""]])

    d = _load(_document(build))
    assert len(d.tables_of(TableKind.EXPENDITURE)) == 1
    assert [ln.code for ln in d.functional] == ["201", "20101", "2010101"]
    assert d.unit.code == "216001" and d.unit.year == 2023
    assert d.table(TableKind.EXPENDITURE).total_line().total.amount == D("3.00")


def test_span_of_a_table_inside_a_cell_is_not_the_outer_tables():
    """A table held in a cell (here in a content control, so the outer table is no
    layout frame) has spans of its own: an unreadable one there does not refuse the
    file, while the same value on the outer table's own cell does (tests/hostile.py)."""
    inner = (
        '<w:sdt><w:sdtContent><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="abc"/></w:tcPr>'
        "<w:p><w:r><w:t>附注</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:sdtContent></w:sdt>"
    )

    def build(doc):
        _expenditure(doc, [["201", "一般公共服务支出", "7.00", "7.00", ""], ["", "合计", "7.00", "7.00", ""]])

    data = _document(build)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    last_cell = xml.rindex("</w:tc>")
    changed = xml[:last_cell] + inner + xml[last_cell:]
    d = _load(rezip(data, {"word/document.xml": changed.encode("utf-8")}))
    assert [(ln.code, ln.total.amount) for ln in d.functional] == [("201", D("7.00"))]
    assert d.table(TableKind.EXPENDITURE).total_line().total.amount == D("7.00")
    with pytest.raises(LoadError, match="跨列数"):
        own = changed.replace("<w:tcPr>", '<w:tcPr><w:gridSpan w:val="abc"/>', 1)
        _load(rezip(data, {"word/document.xml": own.encode("utf-8")}))


def test_unrecognised_table_is_kept():
    def build(doc):
        _expenditure(doc, [["201", "一般公共服务支出", "1.00", "1.00", ""]])
        doc.add_paragraph("人员编制情况")
        _table(doc, [["编制数", "实有人数"], ["12", "10"]])

    d = _load(_document(build))
    unknown = d.tables_of(TableKind.UNKNOWN)
    assert len(unknown) == 1 and unknown[0].rows == (("12", "10"),)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n",
        bytes(range(256)) * 10,
        b"PK\x03\x04" + b"\x00" * 50,
    ],
    ids=["empty", "blank", "random-bytes", "truncated-zip"],
)
def test_bad_inputs_give_load_error(data):
    with pytest.raises(LoadError):
        load(data, "x.docx")


def test_truncated_real_docx_gives_load_error():
    from tests.conftest import fixture_bytes

    data = fixture_bytes("seed.docx")
    with pytest.raises(LoadError):
        load(data[: len(data) // 2], "seed.docx")


def test_docx_without_tables_is_not_a_disclosure():
    data = _document(lambda doc: doc.add_paragraph("会议纪要：今天讨论了工作安排。"))
    with pytest.raises(LoadError) as error:
        load(data, "memo.docx")
    assert "不是预算公开文件" in str(error.value)


def test_zip_that_is_not_office():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(LoadError):
        load(buffer.getvalue(), "a.docx")


def test_text_that_is_not_a_disclosure():
    with pytest.raises(LoadError):
        load("这是一段普通的文字。\n没有表格。".encode(), "a.txt")


def test_the_headings_found_at_once_are_the_paragraphs_looks_like_heading_names():
    """loaders.docx finds a container's headings with one XPath; each paragraph's own test
    (_looks_like_heading) is the definition, over the ways a paragraph's properties are written."""
    from lxml import etree

    from loaders import docx as reader
    from tests.conftest import fixture_bytes

    w = reader.W[1:-1]
    props = [
        "",
        "<w:pPr/>",
        '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>',
        '<w:pPr><w:pStyle w:val="heading 2"/></w:pPr>',
        '<w:pPr><w:pStyle w:val="MyHEADINGStyle"/></w:pPr>',
        '<w:pPr><w:pStyle w:val="HEAD\u0130NG"/></w:pPr>',  # İ lowers to "i̇": no heading
        '<w:pPr><w:pStyle w:val="Head1"/></w:pPr>',
        "<w:pPr><w:pStyle/></w:pPr>",
        '<w:pPr><w:pStyle w:val="Normal"/><w:pStyle w:val="Heading1"/></w:pPr>',  # the first counts
        '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>',
        '<w:pPr><w:jc w:val="center"/><w:outlineLvl w:val="1"/></w:pPr>',
        '<w:pPr/><w:pPr><w:outlineLvl w:val="0"/></w:pPr>',  # only the first pPr counts
        '<w:r><w:t>x</w:t></w:r><w:pPr><w:pStyle w:val="Heading2"/></w:pPr>',  # pPr not first
        '<w:pPr><w:rPr><w:outlineLvl w:val="0"/></w:rPr></w:pPr>',  # not the pPr's own
        '<w:pPr><w:pStyle w:val="Title"/><w:outlineLvl w:val="9"/></w:pPr>',
    ]
    body = etree.fromstring(
        f'<w:body xmlns:w="{w}">' + "".join(f"<w:p>{p}<w:r><w:t>段落</w:t></w:r></w:p>" for p in props) + "</w:body>"
    )
    seed = zipfile.ZipFile(io.BytesIO(fixture_bytes("seed.docx"))).read("word/document.xml")
    seed_body = etree.fromstring(seed).find(reader.W + "body")
    for container in (body, seed_body):
        expected = [p for p in container if p.tag == reader.W + "p" and reader._looks_like_heading(p)]
        assert set(reader._HEADINGS(container)) == set(expected)
    assert [reader._looks_like_heading(p) for p in body] == [
        *(False, False, True, True, True, False, False, False, False, True, True, False, True, False, True)
    ]


def test_hidden_text_is_not_read():
    """Text formatted hidden (<w:vanish/>) is not printed: a template's note to whoever fills
    it in, in a paragraph and in a cell, is not read; a run marked not hidden (w:val="0") is."""
    from docx.oxml.ns import qn

    def build(doc):
        paragraph = doc.add_paragraph("一、部门职责")
        paragraph.add_run("（填写说明：此处填写本部门主要职责，发布前删除）").font.hidden = True
        _expenditure(
            doc,
            [
                ["", "合计", "10.00", "4.00", "6.00"],
                ["201", "一般公共服务支出", "10.00", "4.00", "6.00"],
            ],
        )
        cell = doc.tables[0].cell(3, 1).paragraphs[0]
        cell.add_run("（请核对科目）").font.hidden = True
        shown = cell.add_run("（续）")
        shown.font.hidden = True
        shown._r.rPr.find(qn("w:vanish")).set(qn("w:val"), "0")

    d = _load(_document(build))
    texts = [s.text for s in d.sections] + [s.heading for s in d.sections]
    assert "一、部门职责" in texts and not any("填写说明" in t for t in texts)
    assert [ln.name for ln in d.functional] == ["一般公共服务支出（续）"]


def test_the_leaves_cut_before_the_parse_change_nothing_read(monkeypatch):
    """loaders.docx cuts the run formatting and the widths it never reads out of document.xml
    before the parse (seed.docx: 503 KB to 213 KB, parsed in a third of the time): the blocks
    are those of the whole file; where a cut could join two texts or mend a damaged file,
    nothing is cut, and a damaged file gives the error of its own bytes."""
    from loaders import docx as reader
    from tests.conftest import fixture_bytes

    seed = fixture_bytes("seed.docx")
    xml = zipfile.ZipFile(io.BytesIO(seed)).read("word/document.xml")
    assert len(reader._without_unread_leaves(xml)) < len(xml) // 2

    def without_cut(data: bytes):
        with monkeypatch.context() as patch:
            patch.setattr(reader, "_without_unread_leaves", lambda xml: xml)
            try:
                return reader.read(data)
            except LoadError as error:
                return error.args

    def with_cut(data: bytes):
        try:
            return reader.read(data)
        except LoadError as error:
            return error.args

    font = '<w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/>'.encode()
    assert xml.count(font) > 2000
    edits = [
        xml,
        xml.replace(font, font.replace("宋体".encode(), b"\xe5\xae"), 1),  # no UTF-8: refused
        xml.replace(font, font.replace(b'="', b'="\x01', 1), 1),  # no XML character: refused
        xml.replace(font, font.replace(b'="', b'="&bogus;', 1), 1),  # no such entity: refused
        xml.replace(b"<w:t>", b"<w:t>\xe7\x94\xb2" + font + b"\xe4\xb9\x99", 1),  # 甲 <rFonts/> 乙: 甲
        xml.replace(b"<w:body>", b"<w:body><!-- -->", 1),  # a comment: nothing cut
    ]
    refused = 0
    for edited in edits:
        data = rezip(seed, {"word/document.xml": edited})
        expected = without_cut(data)
        assert with_cut(data) == expected
        refused += isinstance(expected, tuple)
    assert refused == 3


def test_a_word_file_is_opened_once_and_read_as_when_opened_by_the_reader(monkeypatch):
    """sniff hands the package it opened to the reader (the central directory read once, not
    twice): the blocks are those the reader gives on its own, and a zip that is no Word file is
    not handed on."""
    from loaders import detect, package
    from loaders import docx as reader

    data = (Path(__file__).parents[1] / "fixtures" / "doc" / "wanli.docx").read_bytes()
    opened = []
    original = package.Package.__init__

    def counting(self, *args, **kwargs):
        opened.append(args[0])
        original(self, *args, **kwargs)

    monkeypatch.setattr(package.Package, "__init__", counting)
    fmt, handed = detect._sniff(data)
    assert detect.read_blocks(data, fmt, handed) == reader.read(data)
    assert len(opened) == 2  # sniff's, and the reader's own when called without one
    opened.clear()
    assert len(load(data, "wanli.docx").functional) > 0
    assert len(opened) == 1
    assert handed is not None and handed.kind == "Word "

    import openpyxl

    workbook = io.BytesIO()
    openpyxl.Workbook().save(workbook)
    assert detect._sniff(workbook.getvalue())[1] is None
