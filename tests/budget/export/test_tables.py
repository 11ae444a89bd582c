"""budget.export on the real seed: every table as CSV and XLSX, the model as JSON."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from decimal import Decimal

import pandas as pd
from openpyxl import load_workbook

from budget.checks import run
from budget.export import contract
from budget.export import tables as export
from budget.views import overview, performance
from budget.model import TableKind


def test_table_csv_is_the_table_as_printed(seed_docx):
    table = seed_docx.table(TableKind.EXPENDITURE)
    data = export.table_csv(table)
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Chinese text
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == [table.title]
    body = rows[1 + (1 if table.unit_line else 0) + len(table.header) :]
    assert [r[1:4] for r in body if r[1:2] == ["2080505"]] == [["2080505", "机关事业单位基本养老保险缴费支出", "34.63"]]


def test_table_xlsx_money_cells_are_numbers_codes_stay_text(seed_docx):
    table = seed_docx.table(TableKind.EXPENDITURE)
    ws = load_workbook(io.BytesIO(export.table_xlsx(table))).active
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    row = next(r for r in rows if r[1] == "2013602")
    assert row[2] == "一般行政管理事务"
    assert Decimal(str(row[3])) == Decimal("1065.08") and isinstance(row[3], float)
    assert row[4] in (None, "")  # a blank cell stays blank, never 0
    cell = next(c for c in ws.iter_rows() if c[1].value == "2013602")[3]
    assert cell.number_format == "#,##0.00"


def test_every_table_exports(seed_docx):
    for table in seed_docx.tables:
        rows = list(csv.reader(io.StringIO(export.table_csv(table).decode("utf-8-sig"))))
        top = [[table.title]] if table.title else []
        top += [[table.unit_line]] if table.unit_line else []
        note = [[table.note]] if table.note else []
        assert rows == top + [list(r) for r in table.header + table.rows] + note
        wb = load_workbook(io.BytesIO(export.table_xlsx(table)))
        assert wb.active.max_row >= 1 + len(table.rows)
        frame = export.table_frame(table)
        assert len(frame) == len(table.rows)
        assert frame.columns.is_unique


def test_checklist_frame_exports_as_csv_and_xlsx(seed_docx):
    frame = performance.checklist_frame(seed_docx, run(seed_docx), {(0, 0), (12, 5)})
    assert len(frame) == 90
    read = pd.read_csv(io.BytesIO(export.frame_csv(frame)), encoding="utf-8-sig", keep_default_na=False)
    assert list(read.columns) == list(frame.columns)
    assert (read["已核对"] == "是").sum() == 2
    assert read.loc[0, "指标值"] == "≥4次"
    ws = load_workbook(io.BytesIO(export.frame_xlsx(frame, "绩效指标核对"))).active
    assert ws.title == "绩效指标核对" and ws.max_row == 91


def test_frame_with_money_becomes_decimal_numbers(seed_docx):
    frame = overview.by_class(seed_docx)[["code", "name", "total", "basic"]]
    ws = load_workbook(io.BytesIO(export.frame_xlsx(frame))).active
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert rows[0][:3] == ["201", "一般公共服务支出", 1065.08]
    assert rows[0][3] in (None, "")


def test_model_download_is_the_contract_form(seed_docx):
    data = json.loads(contract.to_bytes(seed_docx).decode("utf-8"))
    assert data["unit"]["money_unit"] == "万元"
    row = next(r for r in data["functional"] if r["code"] == "2013602")
    assert row["total"] == "1065.08" and row["basic"] is None
    assert len(data["tables"]) == len(seed_docx.tables)


def test_file_names_are_safe():
    assert export.file_stem("单位预算/支出总表: 2023") == "单位预算_支出总表_2023"


def test_xlsx_downloads_have_a_filter_on_the_header_row(seed_docx):
    from budget.model import TableKind
    from budget.views.performance import checklist_frame

    table = seed_docx.table(TableKind.EXPENDITURE)
    sheet = load_workbook(io.BytesIO(export.table_xlsx(table))).active
    header_row = 1 + bool(table.title) + bool(table.unit_line) + len(table.header) - 1
    assert sheet.auto_filter.ref.startswith(f"A{header_row}:")
    assert sheet.auto_filter.ref.endswith(str(header_row + len(table.rows)))
    frame = checklist_frame(seed_docx, run(seed_docx), set())
    sheet = load_workbook(io.BytesIO(export.frame_xlsx(frame, "绩效"))).active
    assert sheet.auto_filter.ref == f"A1:I{len(frame) + 1}"
    assert sheet.freeze_panes == "A2"


def test_a_control_character_in_a_cell_is_kept_visible_in_the_xlsx(seed_docx):
    table = seed_docx.tables[0]
    damaged = dataclasses.replace(table, rows=((table.rows[0][0] + "\x13", *table.rows[0][1:]), *table.rows[1:]))
    sheet = load_workbook(io.BytesIO(export.table_xlsx(damaged))).active
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert table.rows[0][0] + "\ufffd" in cells
