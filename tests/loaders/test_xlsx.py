"""Excel workbooks read into the same model as Word.

The workbook is built here from seed.docx as a finance office keeps it: one sheet per
table, the title (and any text before the table) in the first rows, merged header
cells, amounts stored as numbers with a number format (one sheet keeps them as text),
thin borders around the table. It must give the model seed.docx gives; the same
workbook saved as old binary .xls too.
"""

from __future__ import annotations

import io
import json
import re
from decimal import Decimal

import pytest

from budget.model import MoneyUnit, TableKind
from budget.export.contract import disclosure_to_dict
from loaders import LoadError, docx, load, xlsx
from loaders.blocks import Grid, Paragraph
from tests.conftest import fixture_bytes

_NUMBER = re.compile(r"^-?(0|[1-9]\d*)(\.\d+)?$")


def _layout(blocks):
    """The seed as sheets: (text rows above, grid, text rows below) per table."""
    sheets, pending = [], []
    for block in blocks:
        if isinstance(block, Paragraph):
            pending.append(block.text)
        else:
            sheets.append([pending, block, []])
            pending = []
    sheets[-1][2] = pending
    return sheets


def _vertical_merges(grid: Grid):
    """Header cells merged downwards: an empty cell under a filled one of the same
    columns, above the first row with amounts (as Word prints them once)."""
    placed = []  # (row, start col, span, text)
    for r, row in enumerate(grid.rows):
        c = 0
        for cell in row:
            placed.append((r, c, cell.span, cell.text))
            c += cell.span
    body = next(
        (r for r, row in enumerate(grid.rows) if any(_NUMBER.match(c.text) and "." in c.text for c in row)),
        len(grid.rows),
    )
    starts = {(r, c): (span, text) for r, c, span, text in placed}
    merges = {}
    for (r, c), (span, text) in starts.items():
        if not text or r + 1 >= body:
            continue
        depth = 1
        while r + depth < body and starts.get((r + depth, c)) == (span, ""):
            depth += 1
        if depth > 1 and r > 0:
            merges[(r, c)] = depth
    return placed, merges


def _number_format(text: str) -> str:
    places = len(text.split(".")[1]) if "." in text else 0
    base = "#,##0" if abs(Decimal(text)) >= 1000 else "0"
    return base + ("." + "0" * places if places else "")


def build_xlsx(blocks, text_sheet: int = 8, borders: bool = True) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Border, Side

    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    book = Workbook()
    book.remove(book.active)
    for n, (above, grid, below) in enumerate(_layout(blocks)):
        ws = book.create_sheet(f"表{n + 1}")
        width = max(sum(c.span for c in row) for row in grid.rows)
        row = 1
        for text in above:
            ws.cell(row, 1, text)
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
            row += 1
        placed, down = _vertical_merges(grid)
        for r, c, span, text in placed:
            cell = ws.cell(row + r, c + 1)
            if text and _NUMBER.match(text) and n != text_sheet:
                cell.value = float(text) if "." in text else int(text)
                cell.number_format = _number_format(text)
            elif text:
                cell.value = text
            for k in range(span if borders else 0):
                ws.cell(row + r, c + 1 + k).border = box
            depth = down.get((r, c), 1)
            if span > 1 or depth > 1:
                ws.merge_cells(start_row=row + r, start_column=c + 1, end_row=row + r + depth - 1, end_column=c + span)
        row += len(grid.rows)
        for text in below:
            ws.cell(row, 1, text)
            row += 1
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def build_xls(blocks) -> bytes:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    styles = {}
    for n, (above, grid, below) in enumerate(_layout(blocks)):
        ws = book.add_sheet(f"表{n + 1}")
        width = max(sum(c.span for c in row) for row in grid.rows)
        row = 0
        for text in above:
            ws.write_merge(row, row, 0, width - 1, text)
            row += 1
        placed, down = _vertical_merges(grid)
        for r, c, span, text in placed:
            value, style = text, xlwt.Style.default_style
            if text and _NUMBER.match(text):
                value = float(text)
                fmt = _number_format(text)
                style = styles.setdefault(fmt, xlwt.easyxf(num_format_str=fmt))
            depth = down.get((r, c), 1)
            if span > 1 or depth > 1:
                ws.write_merge(row + r, row + r + depth - 1, c, c + span - 1, value or "", style)
            elif text:
                ws.write(row + r, c, value, style)
        row += len(grid.rows)
        for text in below:
            ws.write(row, 0, text)
            row += 1
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def comparable(disclosure):
    data = disclosure_to_dict(disclosure)
    data.pop("source")
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


@pytest.fixture(scope="module")
def seed_blocks():
    return docx.read(fixture_bytes("seed.docx"))


def test_workbook_reads_back_the_blocks_of_the_document(seed_blocks):
    blocks = xlsx.read(build_xlsx(seed_blocks))
    assert [type(b) for b in blocks] == [type(b) for b in seed_blocks]
    grids = [(b, a) for b, a in zip(blocks, seed_blocks, strict=False) if isinstance(a, Grid)]
    assert all(b.rows == a.rows for b, a in grids)
    first = grids[0][0]
    assert [(c.text, c.span) for c in first.rows[1]] == [("序号", 1), ("收入", 2), ("支出", 2)]
    assert [(c.text, c.span) for c in first.rows[2]][:2] == [("", 1), ("项  目", 1)]  # 序号 merged down


def test_built_workbook_has_merged_headers_and_number_cells(seed_blocks):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(build_xlsx(seed_blocks)))
    ws = book.worksheets[0]
    merges = {str(m) for m in ws.merged_cells.ranges}
    assert "A1:E1" in merges and "A4:A5" in merges  # title row; 序号 down two header rows
    assert ws["C7"].value == 1452.21 and ws["C7"].number_format == "#,##0.00"


@pytest.mark.parametrize("borders", [True, False])
def test_xlsx_gives_the_model_of_seed_docx(seed_docx, seed_blocks, borders):
    from_xlsx = load(build_xlsx(seed_blocks, borders=borders), "seed.xlsx")
    assert from_xlsx.source.format == "xlsx"
    assert comparable(from_xlsx) == comparable(seed_docx)
    assert [t.kind for t in from_xlsx.tables][:9] == [
        TableKind.SUMMARY,
        TableKind.INCOME,
        TableKind.EXPENDITURE,
        TableKind.FISCAL_SUMMARY,
        TableKind.GENERAL_PUBLIC,
        TableKind.BASIC_ECONOMIC,
        TableKind.GOV_FUND,
        TableKind.STATE_CAPITAL,
        TableKind.THREE_PUBLIC,
    ]
    line = next(ln for ln in from_xlsx.functional if ln.code == "2013602")
    assert (line.total.amount, line.total.unit, line.project.amount, line.basic) == (
        Decimal("1065.08"),
        MoneyUnit.WAN_YUAN,
        Decimal("1065.08"),
        None,
    )
    assert from_xlsx.three_public.vehicles.amount == Decimal("2.250000")  # the sheet keeps text


def test_old_binary_xls_gives_the_same_model(seed_docx, seed_blocks):
    data = build_xls(seed_blocks)
    assert data[:8] == bytes.fromhex("d0cf11e0a1b11ae1")
    assert comparable(load(data, "seed.xls")) == comparable(seed_docx)


@pytest.mark.parametrize(
    ("value", "number_format", "printed"),
    [
        (1065.08, "General", "1065.08"),  # the float 1065.0799999… prints as typed
        (1065.08, "#,##0.00", "1065.08"),
        (6.4, "0.00", "6.40"),
        (1065.0, "General", "1065"),
        (12121164, "#,##0", "12121164"),
        (2.25, "0.000000", "2.250000"),
        (0.1 + 0.2, "General", "0.3"),
        (0.9, "0%", "90%"),
        (0.905, "0.0%", "90.5%"),
        (-5.5, "0.00;[Red]-0.00", "-5.50"),
        (3.125, "#,##0.0#", "3.13"),
        (1234567, "#,##0,", "1235"),
    ],
)
def test_number_cells_print_as_formatted(value, number_format, printed):
    assert xlsx._number_text(value, number_format) == printed


def test_amount_keeps_its_printed_scale_through_recognition():
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(["2024年部门支出预算总表"])
    ws.append(["编制部门：某部门", None, None, None, "单位：万元"])
    ws.append(["功能分类科目编码", "功能分类科目名称", "合计", "基本支出", "项目支出"])
    ws.append(["201", "一般公共服务支出", 1065.08, None, 1065.08])
    ws.append(["20136", "其他共产党事务支出", 6.4, 6.4, 0])
    for row in ws.iter_rows(min_row=4):
        for cell in row[2:]:
            cell.number_format = "0.00"
    buffer = io.BytesIO()
    book.save(buffer)
    d = load(buffer.getvalue(), "one.xlsx")
    amounts = [(ln.code, ln.total.amount, ln.basic and ln.basic.amount, ln.project.amount) for ln in d.functional]
    assert amounts == [
        ("201", Decimal("1065.08"), None, Decimal("1065.08")),
        ("20136", Decimal("6.40"), Decimal("6.40"), Decimal("0.00")),
    ]
    assert str(d.functional[1].total.amount) == "6.40" and d.unit.money_unit == MoneyUnit.WAN_YUAN
    assert d.functional[0].basic is None  # an empty cell is not reported, not zero
    assert d.unit.name == "某部门" and d.unit.kind == "部门"


def test_damaged_workbooks_are_refused(seed_blocks):
    data = build_xlsx(seed_blocks)
    with pytest.raises(LoadError):
        load(data[: len(data) // 2], "cut.xlsx")
    with pytest.raises(LoadError):
        xlsx.read_xls(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600)
