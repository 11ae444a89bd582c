"""Downloads: each table as CSV and XLSX bytes, frames as CSV/XLSX, the model as JSON.

Pure Python. CSV is UTF-8 with a BOM so Excel opens Chinese text correctly. In XLSX a
money cell is written as a number (Decimal, formatted with the printed number of
decimals); every other cell stays text exactly as printed.
"""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal, InvalidOperation
from collections.abc import Iterable
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from budget.model import Money, Table

_NUMBER = re.compile(r"^-?\d[\d,]*(?:\.\d+)?$")


def table_columns(table: Table) -> list[str]:
    """One unique label per body column (from ``columns`` or the joined header rows)."""
    width = max([len(r) for r in table.rows] + [len(table.columns)] + [len(h) for h in table.header] + [0])
    labels: list[str] = []
    for i in range(width):
        if i < len(table.columns) and table.columns[i]:
            label = table.columns[i]
        else:
            parts: list[str] = []
            for header_row in table.header:
                cell = header_row[i].strip() if i < len(header_row) else ""
                if cell and (not parts or parts[-1] != cell):
                    parts.append(cell)
            label = "/".join(parts) or f"第{i + 1}列"
        labels.append(label)
    seen: dict[str, int] = {}
    unique = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        unique.append(label if seen[label] == 1 else f"{label}（{seen[label]}）")
    return unique


def table_frame(table: Table) -> pd.DataFrame:
    """The table's body as printed (text cells), with one column per body column."""
    columns = table_columns(table)
    rows = [list(r) + [""] * (len(columns) - len(r)) for r in table.rows]
    return pd.DataFrame(rows, columns=columns)


def table_csv(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    if table.title:
        writer.writerow([table.title])
    if table.unit_line:
        writer.writerow([table.unit_line])
    for header_row in table.header:
        writer.writerow(header_row)
    writer.writerows(table.rows)
    if table.note:
        writer.writerow([table.note])
    return out.getvalue().encode("utf-8-sig")


def _number(cell: str) -> Decimal | None:
    text = cell.strip()
    if not _NUMBER.match(text):
        return None
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def cells(values: Iterable[Any]) -> list[Any]:
    """A worksheet row: control characters (a damaged document can carry them; a
    workbook cannot hold them) shown as U+FFFD, so the text is kept and the file opens."""
    return [ILLEGAL_CHARACTERS_RE.sub("\ufffd", v) if isinstance(v, str) else v for v in values]


def number_format(value: Decimal) -> str:
    places = max(-int(value.as_tuple().exponent), 0)
    return "#,##0" + ("." + "0" * places if places else "")


def table_xlsx(table: Table) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = _sheet_name(table.title or table.label)
    bold = Font(bold=True)
    if table.title:
        ws.append(cells([table.title]))
        ws.cell(ws.max_row, 1).font = bold
    if table.unit_line:
        ws.append(cells([table.unit_line]))
    for header_row in table.header:
        ws.append(cells(list(header_row)))
        for cell in ws[ws.max_row]:
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    keys = list(table.column_keys)
    first_body = ws.max_row + 1
    for row in table.rows:
        ws.append(cells(list(row)))
        for i, text in enumerate(row):
            # Only columns the loader knows to hold money become numbers; codes such as
            # "2013602" stay text.
            if i < len(keys) and keys[i] is not None and (value := _number(text)) is not None:
                cell = ws.cell(ws.max_row, i + 1)
                cell.value = value
                cell.number_format = number_format(value)
    width = max([len(r) for r in table.rows] + [len(h) for h in table.header] + [0])
    if table.header and table.rows and width:
        # The filter on the last header row, over the body (the title and unit lines above stay out).
        ws.auto_filter.ref = f"A{first_body - 1}:{get_column_letter(width)}{ws.max_row}"
    if table.note:
        ws.append(cells([table.note]))
    return _save(wb)


def _plain(value: Any) -> Any:
    if isinstance(value, Money):
        return value.amount
    if value is None:
        return ""
    return value


def frame_csv(frame: pd.DataFrame) -> bytes:
    return frame.map(_plain).to_csv(index=False).encode("utf-8-sig")


def frame_xlsx(frame: pd.DataFrame, sheet: str = "Sheet1") -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = _sheet_name(sheet)
    ws.append(cells([str(c) for c in frame.columns]))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in frame.itertuples(index=False):
        values = [_plain(v) for v in row]
        ws.append(cells(values))
        for i, value in enumerate(values):
            if isinstance(value, Decimal):
                ws.cell(ws.max_row, i + 1).number_format = number_format(value)
    if len(frame.columns):
        # A filter on the header row and the header kept in view: the sheet is read as a list.
        ws.auto_filter.ref = f"A1:{get_column_letter(len(frame.columns))}{max(ws.max_row, 1)}"
        ws.freeze_panes = "A2"
    return _save(wb)


def file_stem(text: str) -> str:
    """A download file name from a title: no path separators or odd characters."""
    stem = re.sub(r"[\\/:*?\"<>|\s]+", "_", text).strip("_")
    return stem[:80] or "table"


def _sheet_name(text: str) -> str:
    # Excel: at most 31 characters, none of []:*?/\
    return re.sub(r"[\[\]:*?/\\]", "_", text)[:31] or "Sheet1"


def _save(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
