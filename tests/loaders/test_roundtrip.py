"""Every real document, written out again in every format a finance office uses, loads
to the same model: what one format's reader understands, the others must too.

load(write(load(fixture))) is compared with load(fixture) on everything a reader of the
document sees (tests.writers.comparable: unit, tables in order with kind, title, empty
flag, note, column labels and every line with exact Decimals, 三公, performance,
procurement, assets, organisations, sections, notes) — pages and printed cell text
excepted.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budget.model import MoneyUnit, TableKind
from loaders import load
from tests import writers
from tests.conftest import parsed

FIXTURES = {
    "seed": "seed.docx",
    "fuliyuan": "real/putuo_fuliyuan_2024_unit.pdf",
    "wanli": "real/putuo_wanli_2024_dept.pdf",
    # The seed's other two forms: a model from a text extraction (header spans unknown)
    # and from a PDF must survive a rewrite as well.
    "seed-txt": "seed.txt",
    "seed-pdf": "seed.pdf",
}

WRITERS = {
    "docx-unit-row": (lambda d: writers.to_docx(d, unit_in_table=True), "out.docx"),
    "docx-unit-paragraph": (lambda d: writers.to_docx(d, unit_in_table=False), "out.docx"),
    "xlsx-numbers": (lambda d: writers.to_xlsx(d, numbers=True), "out.xlsx"),
    "xlsx-text": (lambda d: writers.to_xlsx(d, numbers=False, unit_in_table=False), "out.xlsx"),
    "xlsx-accounting": (lambda d: writers.to_xlsx(d, accounting=True), "out.xlsx"),
    "txt": (writers.to_txt, "out.txt"),
}


@pytest.fixture(scope="module")
def originals():
    def get(key):
        return parsed(FIXTURES[key])  # read once per test process, shared with other modules

    return get


@pytest.mark.parametrize("written", list(WRITERS), ids=list(WRITERS))
@pytest.mark.parametrize("fixture", list(FIXTURES), ids=list(FIXTURES))
def test_written_document_loads_to_the_same_model(originals, fixture, written):
    original = originals(fixture)
    write, name = WRITERS[written]
    again = load(write(original), name)
    assert again.source.format == name.rsplit(".", 1)[-1]
    expected, actual = writers.comparable(original), writers.comparable(again)
    for key in expected:  # one key at a time, so a failure names the part that differs
        assert actual[key] == expected[key], key


def test_comparison_sees_the_figures(originals):
    """The comparison is not vacuous: the models compared hold the real figures."""
    seed, wanli = writers.comparable(originals("seed")), writers.comparable(originals("wanli"))
    line = next(ln for ln in seed["functional"] if ln["code"] == "2013602")
    assert line["values"]["total"] == ["1065.08", "万元"] and line["values"]["basic"] is None
    assert seed["three_public"]["vehicles"] == ["2.250000", "万元"]
    assert len(seed["performance"]) == 13 and len(seed["procurement"]) == 6 and len(seed["assets"]) == 6
    assert wanli["unit"] == [None, "上海市普陀区人民政府万里街道办事处", 2024, "元", "部门"]
    assert sum(1 for ln in wanli["functional"] if ln["level"] == 3) > 30


def test_written_workbook_stores_amounts_as_numbers(originals):
    from io import BytesIO

    from openpyxl import load_workbook

    book = load_workbook(BytesIO(writers.to_xlsx(originals("fuliyuan"), numbers=True)))
    values = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert 9501164 in values and "9,501,164" not in values
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value == 9501164]
    assert {c.number_format for c in cells} == {"#,##0"}


def test_written_word_has_real_merged_header_cells(originals):
    import io

    import docx

    document = docx.Document(io.BytesIO(writers.to_docx(originals("fuliyuan"))))
    xml = document.tables[1]._tbl.xml  # 收入预算总表: 项目 over 4 columns, 类/款/项 under 编码
    assert 'w:gridSpan w:val="4"' in xml and 'w:gridSpan w:val="3"' in xml and "w:vMerge" in xml
    again = load(writers.to_docx(originals("fuliyuan")), "out.docx")
    income = again.table(TableKind.INCOME)
    assert income.columns[:4] == (
        "项目/功能分类科目编码/类",
        "项目/功能分类科目编码/款",
        "项目/功能分类科目编码/项",
        "项目/功能分类科目名称",
    )
    total = income.total_line()
    assert (total.total.amount, total.total.unit) == (Decimal("12121164"), MoneyUnit.YUAN)


def test_header_spans_rebuilt_from_column_labels(originals):
    summary = originals("fuliyuan").table(TableKind.SUMMARY)
    assert writers.header_spans(summary) == [[2, 5], [1, 1, 1, 4], [1, 1, 1, 1, 2, 1], [1, 1, 1, 1, 1, 1, 1]]


def test_empty_tables_keep_their_whole_header(originals):
    """An empty table (空表) has no data row to end its header: the header runs to the
    first blank or 合计 row (Shanghai), or to the 栏次 row (seed), and no header row is
    read as a line."""
    for key in ("fuliyuan", "wanli"):
        gov_fund = originals(key).table(TableKind.GOV_FUND)
        assert gov_fund.empty and len(gov_fund.header) == 3
        assert gov_fund.columns[3:] == (
            "项目/功能分类科目名称",
            "政府性基金预算支出/合计",
            "政府性基金预算支出/基本支出",
            "政府性基金预算支出/项目支出",
        )
        assert [(ln.name, ln.is_total) for ln in gov_fund.lines] == [("合计", True)]
    seed = originals("seed").table(TableKind.STATE_CAPITAL)
    assert seed.empty and seed.lines == ()
    assert seed.columns == ("序号", "功能分类科目/科目编码", "功能分类科目/科目名称", "合计", "基本支出", "项目支出")
