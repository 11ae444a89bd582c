"""python -m budget parse: the contract's JSON and exit codes, run as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, run_cli

ROOT = Path(__file__).resolve().parents[3]

run = run_cli


def run_process(*args: str) -> subprocess.CompletedProcess:
    """The CLI in a new Python process: the exit status and streams the shell sees."""
    return subprocess.run(
        [sys.executable, "-m", "budget", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_parse_json_follows_the_contract():
    result = run("parse", str(FIXTURES / "seed.docx"), "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert "\\u" not in result.stdout  # UTF-8, not ASCII-escaped
    assert doc["source"]["format"] == "docx" and len(doc["source"]["sha256"]) == 64
    assert doc["unit"] == {
        "code": "216001",
        "name": "中共秦皇岛市海港区委政法委员会本级",
        "year": 2023,
        "money_unit": "万元",
        "kind": "单位",
        "stage": "预算",
    }
    # where functional and economic were read (indexes into "tables"), and the parts of a
    # disclosure published in several files (none here)
    assert doc["functional_table"] == 2 and doc["tables"][2]["kind"] == "expenditure"
    assert doc["economic_table"] == 5 and doc["tables"][5]["kind"] == "basic_economic"
    assert doc["parts"] == []
    first = doc["functional"][2]
    assert first["other"] == {"operating_expense": None, "to_superior": None, "to_subsidiary": None}  # printed, blank
    del first["other"]
    assert first == {
        "code": "2013602",
        "name": "一般行政管理事务",
        "level": 3,
        "total": "1065.08",
        "basic": None,
        "project": "1065.08",
    }
    assert doc["economic"][1] == {
        "code": "30101",
        "name": "基本工资",
        "level": 2,
        "total": "80.29",
        "personnel": "80.29",
        "public": None,
    }
    assert doc["three_public"]["total"] == "2.560000" and doc["three_public"]["reception"] == "0.310000"
    assert len(doc["performance"]) == 13
    assert doc["performance"][0]["indicators"][0]["target"] == "≥4次"
    kinds = [t["kind"] for t in doc["tables"]]
    assert kinds[:9] == [
        "summary",
        "income",
        "expenditure",
        "fiscal_summary",
        "general_public",
        "basic_economic",
        "gov_fund",
        "state_capital",
        "three_public",
    ]
    gov_fund = doc["tables"][6]
    assert gov_fund["empty"] is True and gov_fund["note"].startswith("注：")
    assert any(s["heading"] == "八、名词解释" for s in doc["sections"])


def test_parse_summary_is_readable():
    result = run("parse", str(FIXTURES / "seed.txt"))
    assert result.returncode == 0
    assert "支出合计 1,452.21 万元" in result.stdout and "绩效项目 13 个（指标 90 条）" in result.stdout


@pytest.mark.slow  # the CLI in a new Python process
def test_unreadable_input_exits_2_with_one_line(tmp_path):
    bad = tmp_path / "notes.docx"
    bad.write_bytes(b"\x00\x01 definitely not a document")
    result = run_process("parse", str(bad), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_missing_file_exits_2():
    result = run("parse", "/nonexistent/file.docx")
    assert result.returncode == 2 and "无法" in result.stderr


def test_parse_and_check_the_parts_of_one_disclosure(tmp_path):
    """Beijing publishes 情况说明 and 报表 as two files: ``parse A B`` reads them as one."""
    from tests.loaders.test_layouts import NARRATIVE, TABLES
    from tests.writers import docx_of

    (tmp_path / "part1.docx").write_bytes(docx_of(*NARRATIVE))
    (tmp_path / "part2.docx").write_bytes(docx_of(*TABLES))
    result = run("parse", str(tmp_path / "part1.docx"), str(tmp_path / "part2.docx"), "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert [p["name"] for p in doc["parts"]] == ["part1.docx", "part2.docx"]
    assert doc["unit"]["name"] == "北京市气象局" and [f["code"] for f in doc["functional"]] == ["2200509", "2200504"]
    assert doc["tables"][doc["functional_table"]]["kind"] == "general_public"
    checked = run("check", str(tmp_path / "part1.docx"), str(tmp_path / "part2.docx"), "--json")
    assert checked.returncode in (0, 1) and json.loads(checked.stdout)["source"]["name"] == "part1.docx + part2.docx"


def test_parts_of_two_units_exit_2(tmp_path):
    from tests.loaders.test_layouts import NARRATIVE
    from tests.writers import docx_of

    (tmp_path / "a.docx").write_bytes(docx_of(*NARRATIVE))
    (tmp_path / "b.docx").write_bytes(docx_of(*[p.replace("北京市气象局", "首都绿化委员会办公室") for p in NARRATIVE]))
    result = run("parse", str(tmp_path / "a.docx"), str(tmp_path / "b.docx"))
    assert result.returncode == 2 and "同一单位" in result.stderr and len(result.stderr.strip().splitlines()) == 1
