"""Many disclosures into one DuckDB database: ``python -m budget ingest DIR --db PATH``.

Every file under DIR is offered to the loaders (the format is recognised from the
content); a file no loader reads is skipped with its one-line reason. Each document is
keyed by the sha256 of its bytes, so ingesting the same file again replaces its rows.

Amounts go in as exact decimal strings cast to DECIMAL (never through float), in the
money unit they were printed in (column ``money_unit``); a blank cell is NULL, never 0.
An amount that does not fit its column exactly is an error for that file, not a silent
rounding.

Besides the rows of each document (``documents``, ``lines``, ``three_public``,
``performance_indicators``, ``findings``, ``figures``, ``sentences``), ``refresh`` builds
the tables the 语料库 page reads, in SQL from those rows: ``units`` (one row per
document, every headline figure converted exactly to 万元), ``classes`` (functional 类
totals, 万元), ``passages`` (the sentences, numbered in reading order) and ``grams``
(the positional inverted index of the narratives: every character bigram of every
sentence with its position, stored sorted by bigram). The corpus queries themselves live
in ``budget.application.corpus_queries``.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import datetime, UTC
from decimal import Decimal
from pathlib import Path
from collections.abc import Callable

import pandas as pd

from budget.application import files, parallel
from budget.narrative.text import section_contexts, section_paragraphs, sentences
from budget.model import Disclosure, Money, MoneyUnit, TableKind
from budget.vocabulary import THREE_PUBLIC_LABELS, squash

AMOUNT = "DECIMAL(24,10)"  # printed amounts: up to 14 integer digits, 10 decimals (决算 tables
# print 万元 to 7 decimals: 174.7130240)
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
ALTER TABLE documents ADD COLUMN IF NOT EXISTS stage VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS region VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS unit_key VARCHAR;
CREATE TABLE IF NOT EXISTS figures (
    sha256 VARCHAR, measure VARCHAR, amount {AMOUNT}, money_unit VARCHAR
);
CREATE TABLE IF NOT EXISTS sentences (
    sha256 VARCHAR, "position" INTEGER, section VARCHAR, page INTEGER, sentence VARCHAR
);
CREATE TABLE IF NOT EXISTS corpus_meta ("key" VARCHAR PRIMARY KEY, value VARCHAR);
"""

# Tables holding rows of a document, deleted before the document is written again.
DOCUMENT_TABLES = (
    "lines",
    "three_public",
    "performance_indicators",
    "findings",
    "figures",
    "sentences",
    "documents",
)

# The 三公 fields as the tables print them, then 机关运行经费 (kept with them in ThreePublic).
THREE_PUBLIC_ITEMS = (*THREE_PUBLIC_LABELS, "running_costs")


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
    return None if money is None else exact(money.amount, 14, 10)


# ---------------------------------------------------------------- rows of a document


BUDGET, FINAL = "预算", "决算"


def stage_of(d: Disclosure) -> str:
    """预算 (budget) or 决算 (final accounts), as the loaders read it (Unit.stage)."""
    return d.unit.stage if d.unit.stage in (BUDGET, FINAL) else BUDGET


# A region as documents name it: a province, autonomous region or city (2–4 characters
# and 省/自治区/市, e.g. 上海市, 秦皇岛市), optionally followed by a district or county
# (普陀区, 海港区). It is looked for at the start of the unit name, after a party prefix or
# a year (中共秦皇岛市…, 2026年深圳市…), in the unit name and then in the cover headings.
_REGION = re.compile(
    r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=年)|(?<=年度)|(?<=中共)|(?<=中国共产党))(?!年|度|中共|中国共产党)"
    r"([\u4e00-\u9fff]{2,4}?(?:省|自治区|市))(?!级|委员会|场|民)([\u4e00-\u9fff]{2,3}?[区县](?![域级划]))?"
)
COVER_SECTIONS = 4  # the cover and the first headings name the unit's city when the name does not


def region_of(d: Disclosure) -> str | None:
    """The region named by the unit name or, failing that, the cover (None when neither
    names one). ``ingest --region`` overrides it for a folder of one region."""
    texts = [d.unit.name] + [f"{s.heading}\n{s.text[:200]}" for s in d.sections[:COVER_SECTIONS]]
    for text in texts:
        for line in squash_lines(text):
            match = _REGION.search(line)
            if match:
                return match.group(1) + (match.group(2) or "")
    return None


def squash_lines(text: str) -> list[str]:
    return [squash(line) for line in text.split("\n") if line.strip()]


# What a loader may return as the unit name when it found none: a part heading of the
# document (第二部分, 五、), not a unit.
_NOT_A_NAME = re.compile(r"^(?:第[一二三四五六七八九十\d]+(?:部分|章|节|篇)|[一二三四五六七八九十]+[、.．]?)?$")


def unit_key(d: Disclosure, region: str | None) -> str:
    """Which rows are the same unit in other years and stages: the region with the unit
    code, or with the name (without spaces) where the document prints no code. A
    document with neither is a unit of its own (keyed by its sha256), never merged with
    other nameless documents."""
    name = squash(d.unit.name).strip("-—－·")
    if d.unit.code:
        return f"{region or ''}/{d.unit.code}"
    if _NOT_A_NAME.match(name):
        return f"{region or ''}/#{d.source.sha256}"
    return f"{region or ''}/{name}"


def document_row(d: Disclosure, path: str, now: datetime, region: str | None = None) -> dict:
    u = d.unit
    region = region or region_of(d)
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
        "stage": stage_of(d),
        "region": region,
        "unit_key": unit_key(d, region),
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


# The headline figures of a document, as the 总览 and 对比 pages read them, plus
# 机关运行经费: the figure a table prints, else the one the narrative quotes.
MEASURES = (
    "income_total",
    "expenditure_total",
    "basic",
    "project",
    "personnel",
    "public",
    "three_public",
    "overseas",
    "vehicles",
    "vehicle_purchase",
    "vehicle_operation",
    "reception",
    "running_costs",
    "procurement",
)


def running_costs(d: Disclosure) -> Money | None:
    if d.three_public is not None and d.three_public.running_costs is not None:
        return d.three_public.running_costs
    from budget.checks.text import passage

    return next((q.amount for key, q in passage(d, "TEXT-RUNNING").quotes if key == "running_costs"), None)


def figure_rows(d: Disclosure) -> list[dict]:
    from budget.views.compare import headline_amounts

    amounts = headline_amounts(d)
    amounts["running_costs"] = running_costs(d)
    return [
        {"sha256": d.source.sha256, "measure": m, "amount": _amount(money), "money_unit": money.unit.value}
        for m in MEASURES
        if (money := amounts.get(m)) is not None
    ]


def sentence_rows(d: Disclosure) -> list[dict]:
    """Every sentence of the narrative (PDF line wraps joined), with its section."""
    rows: list[dict] = []
    contexts = section_contexts(d)
    for index, section in enumerate(d.sections):
        for paragraph, _ in section_paragraphs(d, index):
            for sentence in sentences(paragraph):
                rows.append(
                    {
                        "sha256": d.source.sha256,
                        "position": len(rows),
                        "section": contexts[index],
                        "page": section.page,
                        "sentence": sentence,
                    }
                )
    return rows


# ---------------------------------------------------------------- the database

# Columns cast from text on insert (exact decimals), per table.
_CASTS = {
    "lines": {"amount": AMOUNT},
    "three_public": {"amount": AMOUNT},
    "performance_indicators": {"project_amount": AMOUNT},
    "figures": {"amount": AMOUNT},
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
        "stage",
        "region",
        "unit_key",
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
    "figures": ["sha256", "measure", "amount", "money_unit"],
    "sentences": ["sha256", "position", "section", "page", "sentence"],
}


def connect(path: str | os.PathLike):
    import duckdb

    con = duckdb.connect(str(path))
    con.execute(SCHEMA)
    return con


# ---------------------------------------------------------------- tables the page reads

WAN_YUAN = "DECIMAL(38,14)"  # a figure converted to 万元: 4 more decimals than printed


def to_wan(amount: str, unit: str) -> str:
    """SQL for an amount in 万元, exactly. In DuckDB a DECIMAL divided by 10000 is a DOUBLE,
    so 元 is multiplied by the exact DECIMAL 0.0001 instead (DECIMAL(24,10) × DECIMAL(5,4)
    = DECIMAL(29,14): every digit kept)."""
    return (
        f"CAST(CASE {unit} WHEN '{MoneyUnit.YUAN.value}' THEN {amount} * CAST(0.0001 AS DECIMAL(5,4)) "
        f"WHEN '{MoneyUnit.WAN_YUAN.value}' THEN {amount} END AS {WAN_YUAN})"
    )


SEVERITIES = ("error", "warning", "info")
ORDER_KEY = "_order"  # suffix of the DOUBLE column beside each figure of ``units``


def _units_sql() -> str:
    # A DOUBLE beside each figure, to order and bin by shares and rates: converting
    # DECIMAL(38,14) to DOUBLE on every query cost more than the rest of the query.
    # What the page shows is always the exact DECIMAL.
    order_keys = ", ".join(f"CAST(n.{m} AS DOUBLE) AS {m}{ORDER_KEY}" for m in MEASURES)
    measures = ",\n".join(
        f"max({to_wan('f.amount', 'f.money_unit')}) FILTER (WHERE f.measure = '{m}') AS {m}" for m in MEASURES
    )
    counts = ",\n".join(
        f"(SELECT count(*) FROM findings x WHERE x.sha256 = d.sha256 AND x.severity = '{s}') AS {s}s"
        for s in SEVERITIES
    )
    # ``doc``: a small integer per document, numbered newest year first, so that search
    # hits come out in reading order by sorting integers.
    return f"""
CREATE OR REPLACE TABLE units AS
WITH numbered AS (
    SELECT CAST(row_number() OVER (ORDER BY year DESC NULLS LAST, unit_name, sha256) AS INTEGER) AS doc, *
    FROM (
        SELECT d.sha256, d.unit_key, d.unit_name, d.unit_code, d.year, d.stage, d.kind, d.region,
               d.money_unit, d.name, d.path,
               {measures},
               {counts}
        FROM documents d LEFT JOIN figures f USING (sha256)
        GROUP BY ALL
    )
),
-- The same unit and stage in the year before (one document of it when printed twice).
earlier AS (SELECT unit_key, stage, year, min(doc) AS doc FROM numbered GROUP BY ALL)
SELECT n.*, e.doc AS previous_doc,
       {order_keys}
FROM numbered n
LEFT JOIN earlier e ON e.unit_key = n.unit_key AND e.stage = n.stage AND e.year = n.year - 1
ORDER BY n.doc
"""


CLASSES_SQL = f"""
CREATE OR REPLACE TABLE classes AS
SELECT d.sha256, d.unit_key, d.year, d.stage, l.code, any_value(l.name) AS name,
       sum({to_wan("l.amount", "l.money_unit")}) AS amount
FROM lines l JOIN documents d USING (sha256)
WHERE l.table_kind = '{TableKind.EXPENDITURE.value}' AND l.column_key = 'total' AND l.level = 1
      AND l.code IS NOT NULL AND NOT l.is_total
GROUP BY ALL
ORDER BY d.unit_key, d.year, l.code
"""

# The sentences numbered in the documents' order (``units.doc``), then by position.
PASSAGES_SQL = """
CREATE OR REPLACE TABLE passages AS
SELECT CAST(row_number() OVER (ORDER BY u.doc, s."position") AS INTEGER) AS sentence_id, u.doc,
       s.section, s.page, s.sentence
FROM sentences s JOIN units u USING (sha256)
ORDER BY sentence_id
"""

# The positional inverted index of the narratives: one row per character bigram of each
# sentence (whitespace removed) with its position, sorted by bigram so that DuckDB's
# min/max index of each row group skips every group that cannot hold a searched bigram.
# A phrase matches where its bigrams sit at consecutive positions: the index alone
# answers it, without reading the sentences.
GRAMS_SQL = """
CREATE OR REPLACE TABLE grams AS
SELECT substr(t.text, r.i, 2) AS gram, t.doc, t.sentence_id, CAST(r.i AS INTEGER) AS pos
FROM (SELECT sentence_id, doc, regexp_replace(sentence, '\\s+', '', 'g') AS text FROM passages) t,
     range(1, length(t.text)) r(i)
ORDER BY gram, sentence_id, pos
"""

INDEXES = (
    "CREATE UNIQUE INDEX IF NOT EXISTS units_sha256 ON units (sha256)",
    "CREATE INDEX IF NOT EXISTS units_unit_key ON units (unit_key)",
    "CREATE INDEX IF NOT EXISTS classes_unit_key ON classes (unit_key)",
)


def refresh(con) -> None:
    """Rebuild the tables the 语料库 page reads (units, classes, grams) and their indexes
    from the rows of every document, in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(_units_sql())
        con.execute(CLASSES_SQL)
        con.execute(PASSAGES_SQL)
        con.execute(GRAMS_SQL)
        for statement in INDEXES:
            con.execute(statement)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def set_meta(con, key: str, value: str) -> None:
    con.execute('INSERT OR REPLACE INTO corpus_meta ("key", value) VALUES (?, ?)', [key, value])


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
    figures: list[dict] = field(default_factory=list)
    sentences: list[dict] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f["severity"] == "error")


def rows_of(d: Disclosure, path: str, now: datetime, region: str | None = None) -> Rows:
    return Rows(
        document_row(d, path, now, region),
        line_rows(d),
        three_public_rows(d),
        indicator_rows(d),
        finding_rows(d),
        figure_rows(d),
        sentence_rows(d),
    )


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
        _insert(con, "figures", rows.figures)
        _insert(con, "sentences", rows.sentences)
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


def _read_rows(job: tuple[str, str, str | None]) -> FileResult:
    """Load and check one file (in a worker process); the rows to store, or why not."""
    path, relative, region = job
    try:
        d = files.read(path)
        return FileResult(relative, rows_of(d, relative, datetime.now(UTC).replace(tzinfo=None), region))
    except Exception as error:  # noqa: BLE001 - one bad file is reported, never a crash
        return FileResult(relative, reason=files.reason(error))


def ingest(
    directory: str | os.PathLike,
    database: str | os.PathLike,
    progress: Callable[[FileResult], None] | None = None,
    jobs: int | None = None,
    region: str | None = None,
    parquet: str | os.PathLike | None = None,
) -> IngestReport:
    """Read every file under ``directory`` into ``database`` (reading on ``jobs``
    processes, writing in this one); report each file in a stable order. ``region``
    names the region of every file (else each document's own, see ``region_of``);
    ``parquet`` also writes every table as Parquet partitioned by year and region."""
    directory = Path(directory)
    report = IngestReport(str(directory), str(database))
    con = connect(database)
    # The database may live inside the directory; it is not a document.
    own = {Path(f"{database}{suffix}").resolve() for suffix in ("", ".wal")}
    work = [(str(p), str(p.relative_to(directory)), region) for p in files.walk(directory) if p.resolve() not in own]
    try:
        # The page's indexes are rebuilt by refresh; rows are replaced without them.
        for statement in INDEXES:
            con.execute(f"DROP INDEX IF EXISTS {statement.split(' ON ')[0].split()[-1]}")
        for result in parallel.ordered_map(_read_rows, work, jobs):
            if result.rows is not None:
                try:
                    store(con, result.rows)
                except Exception as error:  # noqa: BLE001 - e.g. an amount too wide for its column
                    result = FileResult(result.path, reason=files.reason(error))
            report.files.append(result)
            if progress is not None:
                progress(result)
        # Where the documents are: the page opens a corpus document from this folder.
        set_meta(con, "directory", str(directory.resolve()))
        refresh(con)
        if parquet is not None:
            write_parquet(con, parquet)
    finally:
        con.close()
    return report


# ---------------------------------------------------------------- Parquet

# Every table, with the year and region of its document, for engines that read Parquet
# (DuckDB over object storage, Spark, Trino). DECIMAL columns stay Parquet decimals.
PARQUET_TABLES = (
    "documents",
    "lines",
    "three_public",
    "performance_indicators",
    "findings",
    "figures",
    "sentences",
    "units",
    "classes",
)
NO_REGION = "未注明"  # the partition of documents that name no region


def write_parquet(con, directory: str | os.PathLike) -> list[Path]:
    """``DIR/<table>/year=…/region=…/*.parquet`` for every table; the folders written."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in PARQUET_TABLES:
        target = out / table
        if table in ("documents", "units"):
            select = f"SELECT t.* REPLACE (coalesce(t.region, '{NO_REGION}') AS region) FROM {table} t"
        else:
            select = (
                f"SELECT t.*, d.year, coalesce(d.region, '{NO_REGION}') AS region "
                f"FROM {table} t JOIN documents d USING (sha256)"
            )
        con.execute(
            f"COPY ({select}) TO '{_sql_text(target)}' "
            "(FORMAT parquet, PARTITION_BY (year, region), OVERWRITE_OR_IGNORE, FILENAME_PATTERN 'part_{i}')"
        )
        written.append(target)
    return written


def _sql_text(path: Path) -> str:
    return str(path).replace("'", "''")
