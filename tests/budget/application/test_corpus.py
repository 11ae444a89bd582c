"""python -m budget ingest: the fixtures into a DuckDB corpus, exact amounts back out."""

from __future__ import annotations

import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from budget.application import corpus
from tests.conftest import FIXTURES, parsed, run_cli

ROOT = Path(__file__).resolve().parents[3]
FILES = ("seed.docx", "real/putuo_fuliyuan_2024_unit.pdf", "real/putuo_wanli_2024_dept.pdf")


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory):
    """The three fixtures (one in a subfolder, under a name that hides its format) and
    two files that are not disclosures."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copy(FIXTURES / FILES[0], folder / "seed.docx")
    (folder / "shanghai").mkdir()
    shutil.copy(FIXTURES / FILES[1], folder / "shanghai" / "fuliyuan.bin")
    shutil.copy(FIXTURES / FILES[2], folder / "shanghai" / "wanli.pdf")
    (folder / "junk.docx").write_bytes(b"\x00\x01 definitely not a document")
    (folder / "readme.txt").write_text("这里放的是预算公开文件。\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def ingested(corpus_dir, tmp_path_factory):
    db = tmp_path_factory.mktemp("db") / "corpus.duckdb"
    report = corpus.ingest(corpus_dir, db)
    return report, db


def query(db: Path, sql: str, *params):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


def test_report_names_each_file(ingested):
    report, _ = ingested
    assert [(f.path, f.ingested) for f in report.files] == [
        ("junk.docx", False),
        ("readme.txt", False),
        ("seed.docx", True),
        ("shanghai/fuliyuan.bin", True),
        ("shanghai/wanli.pdf", True),
    ]
    assert (report.ingested, report.skipped) == (3, 2)
    junk = report.files[0]
    assert junk.reason and "\n" not in junk.reason and "unrecognised" in junk.reason


def test_documents(ingested):
    _, db = ingested
    rows = query(db, "SELECT name, format, unit_code, unit_name, year, kind, money_unit FROM documents ORDER BY name")
    assert rows == [
        ("fuliyuan.bin", "pdf", None, "上海市普陀区社会福利院", 2024, "单位", "元"),
        ("seed.docx", "docx", "216001", "中共秦皇岛市海港区委政法委员会本级", 2023, "单位", "万元"),
        ("wanli.pdf", "pdf", None, "上海市普陀区人民政府万里街道办事处", 2024, "部门", "元"),
    ]


def amount(db, name, code, column="total", kind="expenditure"):
    rows = query(
        db,
        "SELECT l.amount, l.money_unit FROM lines l JOIN documents d USING (sha256) "
        "WHERE d.name = ? AND l.table_kind = ? AND l.code = ? AND l.column_key = ?",
        name,
        kind,
        code,
        column,
    )
    assert len(rows) == 1, rows
    return rows[0]


def test_exact_amounts_back(ingested):
    _, db = ingested
    assert amount(db, "seed.docx", "2013602") == (Decimal("1065.08"), "万元")
    assert amount(db, "fuliyuan.bin", "208") == (Decimal("11281624"), "元")
    assert amount(db, "seed.docx", "30101", "personnel", "basic_economic") == (Decimal("80.29"), "万元")
    # A printed blank is NULL, never 0
    assert amount(db, "seed.docx", "2013602", "basic") == (None, "万元")
    total = query(
        db,
        "SELECT amount FROM lines JOIN documents USING (sha256) WHERE documents.name = 'fuliyuan.bin' "
        "AND table_kind = 'expenditure' AND is_total AND column_key = 'total'",
    )
    assert total == [(Decimal("12121164"),)]
    # Sums in SQL stay exact decimals: the seed's 类 totals add up to its 支出总计
    (classes,) = query(
        db,
        "SELECT sum(amount) FROM lines JOIN documents USING (sha256) WHERE documents.name = 'seed.docx' "
        "AND table_kind = 'expenditure' AND level = 1 AND column_key = 'total'",
    )[0]
    assert classes == Decimal("1452.21")


def test_three_public_indicators_and_findings(ingested):
    _, db = ingested
    three = dict(
        query(db, "SELECT item, amount FROM three_public JOIN documents USING (sha256) WHERE name = 'seed.docx'")
    )
    assert three["total"] == Decimal("2.56") and three["reception"] == Decimal("0.31")
    (count,) = query(
        db, "SELECT count(*) FROM performance_indicators JOIN documents USING (sha256) WHERE name = 'seed.docx'"
    )[0]
    assert count == 90
    target = query(
        db,
        "SELECT target FROM performance_indicators JOIN documents USING (sha256) "
        "WHERE name = 'seed.docx' AND project_index = 0 ORDER BY \"row\" LIMIT 1",
    )
    assert target == [("≥4次",)]
    from budget.checks import run

    seed = parsed("seed.docx")
    findings = run(seed).findings
    stored = query(
        db,
        "SELECT rule, severity, location->>'table', expected, actual, difference FROM findings "
        'WHERE sha256 = ? ORDER BY "key"',
        seed.source.sha256,
    )
    expected = sorted(findings, key=lambda f: f.key)
    assert [(r[0], r[1]) for r in stored] == [(f.rule, f.severity.value) for f in expected]
    assert [r[2] for r in stored] == [f.location.table for f in expected]
    assert [r[3:] for r in stored] == [(f.expected, f.actual, f.difference) for f in expected]
    assert any(r[5] is not None for r in stored)


def test_reingest_replaces_rows(corpus_dir, ingested):
    _, db = ingested
    counts = "SELECT " + ", ".join(
        f"(SELECT count(*) FROM {table})"
        for table in ("documents", "lines", "three_public", "performance_indicators", "findings")
    )
    before = query(db, counts)
    again = corpus.ingest(corpus_dir, db)
    assert again.ingested == 3
    assert query(db, counts) == before
    assert before[0][0] == 3 and before[0][1] > 900


def test_an_amount_that_does_not_fit_is_refused_not_rounded():
    assert corpus.exact(Decimal("2.250000"), 14, 6) == "2.250000"
    with pytest.raises(ValueError):
        corpus.exact(Decimal("0.1234567"), 14, 6)
    with pytest.raises(ValueError):
        corpus.exact(Decimal("123456789012345"), 14, 6)


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "budget", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


@pytest.mark.slow  # the CLI in new Python processes
def test_cli_exit_codes(tmp_path):
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(FIXTURES / "seed.txt", good / "seed.txt")
    (good / "junk.docx").write_bytes(b"\x00\x01 not a document")
    db = good / "corpus.duckdb"  # inside the directory: not offered to the loaders
    result = cli("ingest", str(good), "--db", str(db))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 3 and lines[0].startswith("跳过 junk.docx：") and lines[1].startswith("导入 seed.txt：")
    assert "导入 1，跳过 1" in lines[2]
    assert query(
        db, "SELECT amount FROM lines WHERE code = '2013602' AND table_kind = 'expenditure' AND column_key = 'total'"
    ) == [(Decimal("1065.08"),)]

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "junk.pdf").write_bytes(b"%PDF-1.4 broken")
    result = cli("ingest", str(bad), "--db", str(tmp_path / "none.duckdb"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    # A folder that does not exist: the same exit status, through the same entry in this
    # process (the status the shell sees for a refusal is the new process's just above).
    assert run_cli("ingest", str(tmp_path / "missing"), "--db", str(db)).returncode == 2


SHARED = ROOT.parent / "shared" / "corpus"


def test_a_list_of_the_documents_is_skipped_with_its_line(tmp_path):
    """The shared corpus's manifest.csv names tables, amounts and 预算 in every line but
    has no table and no heading: the loaders refuse it and ingest skips it with a line
    saying why. A narrative published alone (北京's part 1) is still ingested."""
    if not (SHARED / "manifest.csv").exists():
        pytest.skip("../shared/corpus not available")
    shutil.copy(SHARED / "manifest.csv", tmp_path / "manifest.csv")
    shutil.copy(SHARED / "beijing_greening_part1.pdf", tmp_path / "part1.pdf")
    report = corpus.ingest(tmp_path, tmp_path / "c.duckdb", jobs=1)
    by_path = {f.path: f for f in report.files}
    assert not by_path["manifest.csv"].ingested
    assert (
        by_path["manifest.csv"].line().startswith("跳过 manifest.csv：文件中没有找到任何表格，看起来不是预算公开文件")
    )
    assert by_path["part1.pdf"].ingested
    assert by_path["part1.pdf"].rows.document["unit_name"] == "首都绿化委员会办公室"
    assert (report.ingested, report.skipped) == (1, 1)
