"""The 原始表格 page: each table as printed, its amount columns found and separated.

Cells stay the document's text. The only change is to amount cells, which get thousands
separators when printed without them ("14348853.34" -> "14,348,853.34"): the digits and
decimals are the printed ones, so the figure is exactly the one in the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from budget.export.tables import table_frame
from budget.model import Table

_PLAIN_NUMBER = re.compile(r"^(?P<sign>-?)(?P<int>\d+)(?P<frac>\.\d+)?$")
_NUMBER = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_DASHES = {"", "-", "—", "——", "－", "/"}


@dataclass(frozen=True)
class PrintedTable:
    frame: pd.DataFrame  # text cells, amount cells with separators
    amount_columns: frozenset[int]  # positions of the amount columns


def with_separators(cell: str) -> str:
    """ "14348853.34" -> "14,348,853.34"; anything but a plain number is left as printed."""
    text = cell.strip()
    m = _PLAIN_NUMBER.match(text)
    if not m:
        return cell
    return f"{m['sign']}{int(m['int']):,}{m['frac'] or ''}"


def _looks_like_amounts(values: list[str]) -> bool:
    """A column of numbers with decimals or separators (codes are bare digit runs)."""
    filled = [v.strip() for v in values if v.strip() not in _DASHES]
    if not filled or not all(_NUMBER.match(v) for v in filled):
        return False
    return any("." in v or "," in v for v in filled)


def amount_columns(table: Table, frame: pd.DataFrame) -> frozenset[int]:
    """The money columns the loader recognised; in a table it did not recognise, the
    columns whose every filled cell is a number with decimals or separators."""
    keys = list(table.column_keys)
    known = {i for i, key in enumerate(keys) if key is not None and i < frame.shape[1]}
    if known:
        return frozenset(known)
    return frozenset(i for i in range(frame.shape[1]) if _looks_like_amounts([str(v) for v in frame.iloc[:, i]]))


def printed(table: Table) -> PrintedTable:
    frame = table_frame(table)
    columns = amount_columns(table, frame)
    for i in columns:
        frame.iloc[:, i] = [with_separators(str(v)) for v in frame.iloc[:, i]]
    return PrintedTable(frame, columns)
