"""Many disclosures into one DuckDB database: ``python -m budget ingest DIR --db PATH``.

Every file under DIR is offered to the loaders (the format is recognised from the
content); a file no loader reads is skipped with its one-line reason. Each document is
keyed by the sha256 of its bytes, so ingesting the same file again replaces its rows.

Amounts go in as exact decimal strings cast to DECIMAL (never through float), in the
money unit they were printed in (column ``money_unit``); a blank cell is NULL, never 0.
An amount that does not fit its column exactly is an error for that file, not a silent
rounding.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime, UTC
from decimal import Decimal
from pathlib import Path
from collections.abc import Callable

import pandas as pd

from budget.application import files, parallel
from budget.model import Disclosure, Money, TableKind

AMOUNT = "DECIMAL(20,6)"  # printed amounts: up to 14 integer digits, 6 decimals
FINDING_AMOUNT = "DECIMAL(38,10)"  # a finding's figures may be sums or percentages

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS documents (
    sha256 VARCHAR PRIMARY KEY, name VARCHAR, path VARCHAR, format VARCHAR,
    unit_code VARCHAR, unit_name VARCHAR, year INTEGER, kind VARCHAR, money_unit VARCHAR,
    ingested_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS lines (
    sha256 VARCHAR, table_index INTEGER, table_kind VARCHAR, code VARCHAR, name VARCHAR,
    level INTEGER, column_key VARCHAR, amount {AMOUNT}, money_unit VARCHAR, "row" INTEGER,
    is_total BOOLEAN, side VARCHAR, page INTEGER
);
CREATE TABLE IF NOT EXISTS three_public (
    sha256 VARCHAR, item VARCHAR, amount {AMOUNT}, money_unit VARCHAR, total_printed BOOLEAN
);
CREATE TABLE IF NOT EXISTS performance_indicators (
    sha256 VARCHAR, project_index INTEGER, project VARCHAR, project_amount {AMOUNT},
    project_money_unit VARCHAR, level1 VARCHAR, level2 VARCHAR, level3 VARCHAR,
    description VARCHAR, target VARCHAR, basis VARCHAR, "row" INTEGER
);
CREATE TABLE IF NOT EXISTS findings (
    sha256 VARCHAR, rule VARCHAR, severity VARCHAR, message VARCHAR, location JSON,
    expected {FINDING_AMOUNT}, actual {FINDING_AMOUNT}, difference {FINDING_AMOUNT},
    unit VARCHAR, "key" VARCHAR
);
"""

# Tables holding rows of a document, deleted before the document is written again.
DOCUMENT_TABLES = ("lines", "three_public", "performance_indicators", "findings", "documents")

THREE_PUBLIC_ITEMS = (
    "total",
    "overseas",
    "vehicles",
    "vehicle_purchase",
    "vehicle_operation",
    "reception",
    "running_costs",
)


def exact(value: Decimal | None, integer_digits: int, places: int) -> str | None:
    """The plain decimal string of a value that fits DECIMAL(integer_digits + places,
    places) exactly; ValueError otherwise (never a silent rounding)."""
    if value is None:
        return None
    text = format(value, "f")
    exponent = int(value.normalize().as_tuple().exponent) if value else 0
    whole = len(str(abs(int(value)))) if abs(value) >= 1 else 0
    if -exponent > places or whole > integer_digits:
        raise ValueError(f"金额 {text} 超出数据库列的精度（{places} 位小数）")
    return text


def _amount(money: Money | None) -> str | None:
    return None if money is None else exact(money.amount, 14, 6)


# ---------------------------------------------------------------- rows of a document


def document_row(d: Disclosure, path: str, now: datetime) -> dict:
    u = d.unit
    return {
        "sha256": d.source.sha256,
        "name": d.source.name,
        "path": path,
        "format": d.source.format.value,
        "unit_code": u.code,
        "unit_name": u.name,
        "year": u.year,
        "kind": u.kind,
        "money_unit": u.money_unit.value,
        "ingested_at": now,
    }


def line_rows(d: Disclosure) -> list[dict]:
    """One row per amount cell of every recognised table (blank cells as NULL)."""
    rows = []
    for index, table in enumerate(d.tables):
        if table.kind == TableKind.UNKNOWN:
            continue
        fallback = (table.money_unit or d.unit.money_unit).value
        for line in table.lines:
            for key, money in line.values.items():
                rows.append(
                    {
                        "sha256": d.source.sha256,
                        "table_index": index,
                        "table_kind": table.kind.value,
                        "code": line.code,
                        "name": line.name,
                        "level": line.level,
                        "column_key": key,
                        "amount": _amount(money),
                        "money_unit": money.unit.value if money is not None else fallback,
                        "row": line.row,
                        "is_total": line.is_total,
                        "side": line.side,
                        "page": line.page,
                    }
                )
    return rows


def three_public_rows(d: Disclosure) -> list[dict]:
    tp = d.three_public
    if tp is None:
        return []
    return [
        {
            "sha256": d.source.sha256,
            "item": item,
            "amount": _amount(money),
            "money_unit": money.unit.value,
            "total_printed": tp.total_printed,
        }
        for item in THREE_PUBLIC_ITEMS
        if (money := getattr(tp, item)) is not None
    ]


def indicator_rows(d: Disclosure) -> list[dict]:
    rows = []
    for index, project in enumerate(d.performance):
        for indicator in project.indicators:
            rows.append(
                {
                    "sha256": d.source.sha256,
                    "project_index": index,
                    "project": project.name,
                    "project_amount": _amount(project.amount),
                    "project_money_unit": project.amount.unit.value if project.amount else None,
                    "level1": indicator.level1,
                    "level2": indicator.level2,
                    "level3": indicator.level3,
                    "description": indicator.description,
                    "target": indicator.target,
                    "basis": indicator.basis,
                    "row": indicator.row,
                }
            )
    return rows


def finding_rows(d: Disclosure) -> list[dict]:
    """The pre-publication check's findings (budget.checks.run), contract fields."""
    from budget.checks import run

    return [
        {
            "sha256": d.source.sha256,
            "rule": f.rule,
            "severity": f.severity.value,
            "message": f.message,
            "location": json.dumps(f.location.as_dict(), ensure_ascii=False),
            "expected": exact(f.expected, 28, 10),
            "actual": exact(f.actual, 28, 10),
            "difference": exact(f.difference, 28, 10),
            "unit": f.unit,
            "key": f.key,
        }
        for f in run(d).findings
    ]


# ---------------------------------------------------------------- the database

# Columns cast from text on insert (exact decimals), per table.
_CASTS = {
    "lines": {"amount": AMOUNT},
    "three_public": {"amount": AMOUNT},
    "performance_indicators": {"project_amount": AMOUNT},
    "findings": {
        "expected": FINDING_AMOUNT,
        "actual": FINDING_AMOUNT,
        "difference": FINDING_AMOUNT,
        "location": "JSON",
    },
}

_COLUMNS = {
    "documents": [
        "sha256",
        "name",
        "path",
        "format",
        "unit_code",
        "unit_name",
        "year",
        "kind",
        "money_unit",
        "ingested_at",
    ],
    "lines": [
        "sha256",
        "table_index",
        "table_kind",
        "code",
        "name",
        "level",
        "column_key",
        "amount",
        "money_unit",
        "row",
        "is_total",
        "side",
        "page",
    ],
    "three_public": ["sha256", "item", "amount", "money_unit", "total_printed"],
    "performance_indicators": [
        "sha256",
        "project_index",
        "project",
        "project_amount",
        "project_money_unit",
        "level1",
        "level2",
        "level3",
        "description",
        "target",
        "basis",
        "row",
    ],
    "findings": [
        "sha256",
        "rule",
        "severity",
        "message",
        "location",
        "expected",
        "actual",
        "difference",
        "unit",
        "key",
    ],
}


def connect(path: str | os.PathLike):
    import duckdb

    con = duckdb.connect(str(path))
    con.execute(SCHEMA)
    return con


def _insert(con, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    columns = _COLUMNS[table]
    # Object columns: pandas would turn a blank integer into NaN (a float) and might
    # guess at the decimal strings; DuckDB reads the Python values as they are.
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    casts = _CASTS.get(table, {})
    select = ", ".join(f'CAST("{c}" AS {casts[c]})' if c in casts else f'"{c}"' for c in columns)
    quoted = ", ".join(f'"{c}"' for c in columns)
    con.register("incoming", frame)
    try:
        con.execute(f"INSERT INTO {table} ({quoted}) SELECT {select} FROM incoming")
    finally:
        con.unregister("incoming")


@dataclass(frozen=True)
class Rows:
    """Everything written for one document."""

    document: dict
    lines: list[dict]
    three_public: list[dict]
    indicators: list[dict]
    findings: list[dict]

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f["severity"] == "error")


def rows_of(d: Disclosure, path: str, now: datetime) -> Rows:
    return Rows(document_row(d, path, now), line_rows(d), three_public_rows(d), indicator_rows(d), finding_rows(d))


def store(con, rows: Rows) -> None:
    """Replace one document's rows (by sha256) in one transaction."""
    sha = rows.document["sha256"]
    con.execute("BEGIN TRANSACTION")
    try:
        for table in DOCUMENT_TABLES:
            con.execute(f"DELETE FROM {table} WHERE sha256 = ?", [sha])
        _insert(con, "documents", [rows.document])
        _insert(con, "lines", rows.lines)
        _insert(con, "three_public", rows.three_public)
        _insert(con, "performance_indicators", rows.indicators)
        _insert(con, "findings", rows.findings)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


# ---------------------------------------------------------------- a directory


@dataclass(frozen=True)
class FileResult:
    path: str  # relative to the directory
    rows: Rows | None = None  # None when skipped
    reason: str | None = None  # why it was skipped (one line)

    @property
    def ingested(self) -> bool:
        return self.rows is not None

    def line(self) -> str:
        if self.rows is None:
            return f"跳过 {self.path}：{self.reason}"
        doc = self.rows.document
        year = f"{doc['year']}年" if doc["year"] else "年度不详"
        return (
            f"导入 {self.path}：{doc['unit_name']} {year}{doc['kind']}预算（{doc['format']}，{doc['money_unit']}）"
            f"；金额 {len(self.rows.lines)} 项，“三公” {len(self.rows.three_public)} 项，"
            f"绩效指标 {len(self.rows.indicators)} 条，检查发现 {len(self.rows.findings)} 条（错误 {self.rows.errors}）"
        )


@dataclass
class IngestReport:
    directory: str
    database: str
    files: list[FileResult] = field(default_factory=list)

    @property
    def ingested(self) -> int:
        return sum(1 for f in self.files if f.ingested)

    @property
    def skipped(self) -> int:
        return len(self.files) - self.ingested

    def total_line(self) -> str:
        return f"共 {len(self.files)} 个文件：导入 {self.ingested}，跳过 {self.skipped}；数据库 {self.database}"


def _read_rows(job: tuple[str, str]) -> FileResult:
    """Load and check one file (in a worker process); the rows to store, or why not."""
    path, relative = job
    try:
        d = files.read(path)
        return FileResult(relative, rows_of(d, relative, datetime.now(UTC).replace(tzinfo=None)))
    except Exception as error:  # noqa: BLE001 - one bad file is reported, never a crash
        return FileResult(relative, reason=files.reason(error))


def ingest(
    directory: str | os.PathLike,
    database: str | os.PathLike,
    progress: Callable[[FileResult], None] | None = None,
    jobs: int | None = None,
) -> IngestReport:
    """Read every file under ``directory`` into ``database`` (reading on ``jobs``
    processes, writing in this one); report each file in a stable order."""
    directory = Path(directory)
    report = IngestReport(str(directory), str(database))
    con = connect(database)
    # The database may live inside the directory; it is not a document.
    own = {Path(f"{database}{suffix}").resolve() for suffix in ("", ".wal")}
    work = [(str(p), str(p.relative_to(directory))) for p in files.walk(directory) if p.resolve() not in own]
    try:
        for result in parallel.ordered_map(_read_rows, work, jobs):
            if result.rows is not None:
                try:
                    store(con, result.rows)
                except Exception as error:  # noqa: BLE001 - e.g. an amount too wide for its column
                    result = FileResult(result.path, reason=files.reason(error))
            report.files.append(result)
            if progress is not None:
                progress(result)
    finally:
        con.close()
    return report
