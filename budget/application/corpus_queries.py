"""The 语料库 page's questions, each ONE SQL statement over the tables ``corpus.refresh``
builds (``units``, ``classes``, ``grams``, ``sentences``).

Every amount comes back as an exact ``Decimal`` in 万元 (converted in SQL at refresh,
``corpus.to_wan``); ratios (shares, rates) are computed in SQL only to order and bin
rows, and the frames in ``budget.views.corpus`` show them from the exact amounts. Column
names that vary (a measure, a sort column) are checked against fixed lists before they
are put into SQL; every value is a parameter.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pandas as pd

from budget.application.corpus import MEASURES, ORDER_KEY, SEVERITIES

# Ratios in SQL are DOUBLE (DuckDB divides decimals in floating point): used to order and
# to bin, never shown as the figure itself.
BASES = ("amount", "share", "change", "rate")
LABEL_COLUMNS = ("unit_name", "year", "stage", "kind", "region", "money_unit", "name")
UNIT_COLUMNS = LABEL_COLUMNS + MEASURES + tuple(f"{s}s" for s in SEVERITIES)
SORTABLE = frozenset(UNIT_COLUMNS)
TIMELINE_MEASURES = ("three_public", "overseas", "vehicles", "reception")
SEARCH_LIMIT = 200
MIN_SEARCH = 2  # characters: the index holds bigrams

PAGE_TABLES = ("units", "classes", "passages", "grams", "documents", "corpus_meta")


class CorpusError(Exception):
    """The corpus cannot be opened or is not one this version reads (a Chinese sentence)."""


def connect(path: str | os.PathLike):
    """A read-only connection to a corpus built by ``python -m budget ingest``."""
    import duckdb

    if not Path(path).is_file():
        raise CorpusError(f"语料库文件不存在：{path}")
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as error:
        raise CorpusError(f"无法打开语料库 {path}：{str(error).splitlines()[0]}") from None
    present = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    missing = [t for t in PAGE_TABLES if t not in present]
    if missing:
        con.close()
        raise CorpusError(
            f"语料库 {path} 缺少数据表 {'、'.join(missing)}：请用当前版本重新导入（python -m budget ingest）"
        )
    return con


def _frame(con, sql: str, params: Sequence = ()) -> pd.DataFrame:
    """The result as a DataFrame with DECIMAL columns as Decimal objects (never float).

    A cursor per query: one cached connection is shared by the sessions' threads."""
    cursor = con.cursor()
    try:
        return cursor.sql(sql, params=list(params)).to_arrow_table().to_pandas()
    finally:
        cursor.close()


@dataclass(frozen=True)
class Filters:
    years: tuple[int, ...] = ()
    regions: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()

    def where(self, alias: str = "u") -> tuple[str, list]:
        clauses: list[str] = []
        params: list = []
        for column, values in (
            ("year", self.years),
            ("region", self.regions),
            ("kind", self.kinds),
            ("stage", self.stages),
        ):
            if values:
                clauses.append(f"{alias}.{column} IN ({', '.join('?' * len(values))})")
                params.extend(values)
        return (" AND ".join(clauses) or "TRUE"), params


def _measure(measure: str) -> str:
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}")
    return measure


def _basis(basis: str) -> str:
    if basis not in BASES:
        raise ValueError(f"unknown basis {basis!r}")
    return basis


# ---------------------------------------------------------------- what the corpus holds


def overview(con) -> dict:
    """Counts and the values the filters offer."""
    frame = _frame(
        con,
        """
        SELECT count(*) AS documents, count(DISTINCT unit_key) AS units,
               list(DISTINCT year ORDER BY year) FILTER (WHERE year IS NOT NULL) AS years,
               list(DISTINCT region ORDER BY region) FILTER (WHERE region IS NOT NULL) AS regions,
               list(DISTINCT kind ORDER BY kind) FILTER (WHERE kind IS NOT NULL) AS kinds,
               list(DISTINCT stage ORDER BY stage) FILTER (WHERE stage IS NOT NULL) AS stages,
               list(DISTINCT money_unit ORDER BY money_unit) AS money_units
        FROM units
        """,
    )
    row = frame.iloc[0].to_dict()
    for key in ("years", "regions", "kinds", "stages", "money_units"):
        values = list(row[key]) if row[key] is not None else []
        row[key] = [int(v) for v in values] if key == "years" else [str(v) for v in values]
    row["documents"], row["units"] = int(row["documents"]), int(row["units"])
    return row


# ---------------------------------------------------------------- the table of units


def unit_table(con, filters: Filters, sort: str = "expenditure_total", descending: bool = True, limit: int = 1000):
    """One row per document: labels, every headline figure (万元), findings by severity;
    sorted in SQL (blank figures last, then in reading order); ``matching`` = rows before
    the limit. The sort runs on (key, doc) pairs only; the wide rows are read for the
    rows shown."""
    if sort not in SORTABLE:
        raise ValueError(f"unknown sort column {sort!r}")
    where, params = filters.where()
    columns = ", ".join(f"u.{c}" for c in UNIT_COLUMNS)
    return _frame(
        con,
        f"""
        WITH chosen AS (SELECT u.doc, u.{sort} AS key FROM units u WHERE {where}),
        top AS (SELECT doc FROM chosen ORDER BY key {"DESC" if descending else "ASC"} NULLS LAST, doc LIMIT ?)
        SELECT u.sha256, u.unit_key, {columns}, (SELECT count(*) FROM chosen) AS matching
        FROM top JOIN units u USING (doc)
        ORDER BY u.{sort} {"DESC" if descending else "ASC"} NULLS LAST, u.doc
        """,
        [*params, limit],
    )


# ---------------------------------------------------------------- rankings and distributions


def _metric_sql(measure: str, basis: str) -> tuple[str, str]:
    """(the previous-year join, the metric expression) for a measure on a basis."""
    m = _measure(measure)
    basis = _basis(basis)
    join = ""
    if basis in ("change", "rate"):
        # The same unit, the same stage, the year before: found once, at refresh.
        join = "LEFT JOIN units p ON p.doc = u.previous_doc"
    # Ratios only order and bin the rows: on the DOUBLE keys beside each figure; the
    # figures shown are computed from the exact amounts.
    f, total = f"{m}{ORDER_KEY}", f"expenditure_total{ORDER_KEY}"
    metric = {
        "amount": f"u.{m}",
        "share": f"u.{f} * 100 / NULLIF(u.{total}, 0)",
        "change": f"u.{m} - p.{m}",
        "rate": f"(u.{f} - p.{f}) * 100 / NULLIF(p.{f}, 0)",
    }[basis]
    return join, metric


def _key_sql(measure: str, basis: str) -> str:
    """The metric as a DOUBLE from the order keys, to bin and to compare with a draft."""
    m = _measure(measure)
    f, total = f"{m}{ORDER_KEY}", f"expenditure_total{ORDER_KEY}"
    return {
        "amount": f"u.{f}",
        "share": f"u.{f} * 100 / NULLIF(u.{total}, 0)",
        "change": f"u.{f} - p.{f}",
        "rate": f"(u.{f} - p.{f}) * 100 / NULLIF(p.{f}, 0)",
    }[_basis(basis)]


def ranking(con, measure: str, basis: str, filters: Filters, limit: int = 20, descending: bool = True):
    """The units ranked by a headline figure as an amount, a share of the unit's 支出总计,
    or the change on the same unit's previous year (amount or rate); exact amounts
    (``amount``, ``whole``, ``previous``) come with the ordering ``metric``."""
    join, metric = _metric_sql(measure, basis)
    m = _measure(measure)
    previous = f"p.{m}" if join else "CAST(NULL AS DECIMAL(38,14))"
    order = "DESC" if descending else "ASC"
    where, params = filters.where()
    return _frame(
        con,
        f"""
        WITH ranked AS (
            SELECT u.doc, {metric} AS metric FROM units u {join} WHERE {where} AND {metric} IS NOT NULL
        ),
        top AS (SELECT doc, metric FROM ranked ORDER BY metric {order}, doc LIMIT ?)
        SELECT u.sha256, u.unit_key, u.unit_name, u.year, u.stage, u.kind, u.region,
               u.{m} AS amount, u.expenditure_total AS whole, {previous} AS previous,
               top.metric, (SELECT count(*) FROM ranked) AS matching
        FROM top JOIN units u USING (doc) {join}
        ORDER BY top.metric {order}, u.doc
        """,
        [*params, limit],
    )


def distribution(con, measure: str, basis: str, filters: Filters, bins: int = 30):
    """The metric over every matching unit in equal-width bins: ``low``, ``high`` (the bin's
    bounds, DOUBLE: a chart's axis) and ``units``; plus min, max and median of all."""
    join, _ = _metric_sql(measure, basis)
    key = _key_sql(measure, basis)
    where, params = filters.where()
    return _frame(
        con,
        f"""
        WITH v AS (SELECT {key} AS x FROM units u {join} WHERE {where} AND {key} IS NOT NULL),
        b AS (SELECT min(x) AS lo, max(x) AS hi, median(x) AS mid, count(*) AS n FROM v),
        binned AS (
            SELECT CASE WHEN b.hi = b.lo THEN 0
                        ELSE least(CAST(floor((v.x - b.lo) / (b.hi - b.lo) * ?) AS INTEGER), ? - 1) END AS bin,
                   count(*) AS units
            FROM v, b GROUP BY bin
        )
        SELECT binned.bin,
               b.lo + (b.hi - b.lo) * binned.bin / ? AS low,
               b.lo + (b.hi - b.lo) * (binned.bin + 1) / ? AS high,
               binned.units, b.lo AS minimum, b.hi AS maximum, b.mid AS median, b.n AS total
        FROM binned, b ORDER BY binned.bin
        """,
        [*params, bins, bins, bins, bins],
    )


def standing(con, measure: str, basis: str, filters: Filters, value: float):
    """Where a value (a draft's figure, never stored) stands among the matching units:
    how many are above it, below it and in all."""
    join, metric = _metric_sql(measure, basis)
    where, params = filters.where()
    return (
        _frame(
            con,
            f"""
        SELECT count(*) AS total,
               count(*) FILTER (WHERE {metric} > ?) AS above,
               count(*) FILTER (WHERE {metric} < ?) AS below,
               CAST(median({metric}) AS DOUBLE) AS median
        FROM units u {join}
        WHERE {where} AND {metric} IS NOT NULL
        """,
            [value, value, *params],
        )
        .iloc[0]
        .to_dict()
    )


def standings(con, filters: Filters, amounts: dict[str, Decimal]):
    """For each measure of a draft (exact amounts in 万元, never stored): how many
    matching units report it, how many are above the draft's figure, and the median.
    One statement for all measures."""
    measures = [m for m in MEASURES if amounts.get(m) is not None]
    if not measures:
        return pd.DataFrame(columns=["measure", "total", "above", "median"])
    where, params = filters.where()
    parts = ", ".join(
        f"count(u.{m}) AS {m}_total, count(*) FILTER (WHERE u.{m} > ?) AS {m}_above, median(u.{m}) AS {m}_median"
        for m in measures
    )
    row = _frame(con, f"SELECT {parts} FROM units u WHERE {where}", [*(amounts[m] for m in measures), *params])
    record = row.iloc[0].to_dict()
    return pd.DataFrame(
        [
            {
                "measure": m,
                "total": int(record[f"{m}_total"]),
                "above": int(record[f"{m}_above"]),
                "median": record[f"{m}_median"],
            }
            for m in measures
        ]
    )


def previous_figure(con, unit_key: str, stage: str, year: int, measure: str) -> Decimal | None:
    """The figure of the same unit and stage in the year before (for a draft's change)."""
    m = _measure(measure)
    frame = _frame(
        con,
        f"SELECT max({m}) AS amount FROM units WHERE unit_key = ? AND stage = ? AND year = ?",
        [unit_key, stage, year - 1],
    )
    value = frame.iloc[0]["amount"]
    return None if value is None or pd.isna(value) else value


# ---------------------------------------------------------------- one unit


def units_matching(con, filters: Filters, name: str = "", limit: int = 200):
    """Units whose name contains ``name``, those with the most years first."""
    where, params = filters.where()
    return _frame(
        con,
        f"""
        SELECT u.unit_key, any_value(u.unit_name ORDER BY u.year DESC) AS unit_name,
               any_value(u.region) AS region, count(DISTINCT u.year) AS years,
               list(DISTINCT u.year ORDER BY u.year) AS year_list,
               count(DISTINCT u.stage) AS stages
        FROM units u
        WHERE {where} AND (? = '' OR contains(u.unit_name, ?))
        GROUP BY u.unit_key
        ORDER BY years DESC, stages DESC, unit_name, u.unit_key
        LIMIT ?
        """,
        [*params, name, name, limit],
    )


def timeline(con, unit_key: str):
    """Every year and stage of one unit: its functional 类 totals and its 三公 figures,
    one row per (year, stage, series) with the amount in 万元."""
    three = ", ".join(TIMELINE_MEASURES)
    return _frame(
        con,
        f"""
        SELECT year, stage, 'class' AS family, code AS series, name, amount
        FROM classes WHERE unit_key = ? AND year IS NOT NULL
        UNION ALL
        SELECT year, stage, 'three_public' AS family, measure AS series, NULL AS name, amount
        FROM (UNPIVOT (SELECT year, stage, {three} FROM units WHERE unit_key = ? AND year IS NOT NULL)
              ON {three} INTO NAME measure VALUE amount)
        ORDER BY family, series, year, stage
        """,
        [unit_key, unit_key],
    )


def stage_pairs(con, filters: Filters, limit: int = 200):
    """(unit, year) where the corpus holds both the 预算 and the 决算."""
    where, params = filters.where()
    return _frame(
        con,
        f"""
        SELECT u.unit_key, u.year, any_value(u.unit_name) AS unit_name, any_value(u.region) AS region
        FROM units u
        WHERE {where} AND u.year IS NOT NULL
        GROUP BY u.unit_key, u.year
        HAVING count(DISTINCT u.stage) = 2
        ORDER BY u.year DESC, unit_name
        LIMIT ?
        """,
        [*params, limit],
    )


def stages_of(con, unit_key: str, year: int):
    """The 预算 and the 决算 rows of one unit and year (every headline figure, 万元)."""
    measures = ", ".join(MEASURES)
    return _frame(
        con,
        f"""
        SELECT sha256, unit_name, stage, name, {measures}
        FROM units WHERE unit_key = ? AND year = ?
        ORDER BY stage DESC, name
        """,
        [unit_key, year],
    )


# ---------------------------------------------------------------- search


def bigrams(text: str) -> list[tuple[int, str]]:
    """(offset, bigram) pairs that cover a query, whitespace removed (as indexed): every
    other bigram and the last one. Their positions fix every character of the phrase, so
    a match of these is a match of the whole query, with half the index rows to read."""
    squashed = "".join(text.split())
    offsets = sorted({*range(0, len(squashed) - 1, 2), len(squashed) - 2} - {-1})
    return [(k, squashed[k : k + 2]) for k in offsets if k >= 0]


def search(con, text: str, filters: Filters, limit: int = SEARCH_LIMIT):
    """Sentences of the narratives containing ``text`` (whitespace ignored), newest
    documents first. The positional index answers it: a sentence matches where the
    query's bigrams sit at consecutive positions (same start = position − offset, all
    of them present). ``matching`` = every hit before the limit."""
    grams = bigrams(text)
    if not grams:
        raise ValueError(f"a search needs at least {MIN_SEARCH} characters")
    where, params = filters.where()
    wanted = ", ".join("(?, ?)" for _ in grams)
    distinct = list(dict.fromkeys(g for _, g in grams))
    # Filters pick documents before the index rows are grouped (a common bigram in one
    # year: most of its rows are dropped before the grouping); without any filter no
    # units are read until the hits are cut.
    filtered = f"AND g.doc IN (SELECT u.doc FROM units u WHERE {where})" if params else ""
    return _frame(
        con,
        f"""
        WITH wanted(k, gram) AS (VALUES {wanted}),
        starts AS (
            SELECT g.sentence_id, any_value(g.doc) AS doc
            FROM grams g JOIN wanted w ON g.gram = w.gram
            WHERE g.gram IN ({", ".join("?" * len(distinct))}) {filtered}
            GROUP BY g.sentence_id, g.pos - w.k
            HAVING count(*) = ?
        ),
        hits AS (
            SELECT h.sentence_id, h.doc, count(*) OVER () AS matching
            FROM (SELECT sentence_id, any_value(doc) AS doc FROM starts GROUP BY sentence_id) h
            ORDER BY h.sentence_id
            LIMIT ?
        )
        SELECT u.sha256, u.unit_key, u.unit_name, u.year, u.stage, u.region, p.section, p.page, p.sentence,
               hits.matching
        FROM hits JOIN passages p ON p.sentence_id = hits.sentence_id JOIN units u ON u.doc = hits.doc
        ORDER BY hits.sentence_id
        """,
        [*(v for pair in grams for v in pair), *distinct, *params, len(grams), limit],
    )


# ---------------------------------------------------------------- a document's file


@dataclass(frozen=True)
class DocumentFile:
    sha256: str
    name: str
    path: Path  # the file in the corpus folder


def document_named(con, prefix: str) -> str | None:
    """The sha256 of the one corpus document whose digest starts with ``prefix`` (how a
    shared link names it), or None when none or several do."""
    if not prefix or not re.fullmatch(r"[0-9a-f]+", prefix):
        return None
    cursor = con.cursor()
    try:
        rows = cursor.execute("SELECT sha256 FROM documents WHERE starts_with(sha256, ?) LIMIT 2", [prefix]).fetchall()
    finally:
        cursor.close()
    return rows[0][0] if len(rows) == 1 else None


def document_file(con, sha256: str, directory: str | os.PathLike | None = None) -> DocumentFile | None:
    """Where a corpus document's file is: under ``directory`` (else the folder it was
    ingested from); None when the corpus has no such document or the path leaves the
    folder."""
    cursor = con.cursor()
    try:
        rows = cursor.execute(
            """
            SELECT d.name, d.path, (SELECT value FROM corpus_meta WHERE "key" = 'directory') AS directory
            FROM documents d WHERE d.sha256 = ?
            """,
            [sha256],
        ).fetchall()
    finally:
        cursor.close()
    if not rows:
        return None
    name, relative, ingested_from = rows[0]
    folder = Path(directory or ingested_from or ".").resolve()
    path = (folder / relative).resolve()
    if not path.is_relative_to(folder):
        return None
    return DocumentFile(sha256, name, path)
