"""python -m budget survey: one line per file, which identities hold, the shares."""

from __future__ import annotations

import json
import shutil

import pytest

from budget.application import survey
from tests.conftest import FIXTURES, run_cli


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("survey")
    shutil.copy(FIXTURES / "seed.docx", folder / "seed.docx")
    (folder / "sub").mkdir()
    shutil.copy(FIXTURES / "real" / "putuo_fuliyuan_2024_unit.pdf", folder / "sub" / "fuliyuan.bin")
    (folder / "notes.txt").write_text("会议纪要：没有表格。\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def report(folder):
    return survey.survey(folder, jobs=2)


def test_each_file_in_order_with_what_it_gave(report):
    assert [d.path for d in report.documents] == ["notes.txt", "seed.docx", "sub/fuliyuan.bin"]
    notes, seed, fuliyuan = report.documents
    assert notes.refused and "no tables" in notes.reason and not notes.read
    assert (seed.unit, seed.year, seed.kind, seed.money_unit) == (
        "中共秦皇岛市海港区委政法委员会本级",
        2023,
        "单位",
        "万元",
    )
    assert (seed.functional, seed.economic, len(seed.standard), seed.missing) == (17, 22, 9, ())
    assert seed.stage == "预算" and "单位预算" in seed.line()
    assert (seed.projects, seed.indicators) == (13, 90)
    assert "经济分类 22 行，绩效项目 13 个（指标 90 条）；" in seed.line()
    assert seed.read and seed.consistent and seed.arithmetic_errors == 0
    assert (fuliyuan.unit, fuliyuan.year, fuliyuan.money_unit) == ("上海市普陀区社会福利院", 2024, "元")
    assert (fuliyuan.functional, fuliyuan.economic) == (14, 26)


def test_identities_name_the_rules_that_hold(report):
    seed = report.documents[1]
    assert set(survey.ARITHMETIC_RULES) <= set(seed.identities)
    assert all(seed.identities[r] == "passed" for r in survey.ARITHMETIC_RULES)


def test_shares(report):
    assert report.shares() == {"documents": 3, "refused": 1, "read": 2, "consistent": 2}
    assert "拒收 1" in report.total_line() and "一致 2" in report.total_line()


def test_one_process_gives_the_same_report(folder, report):
    again = survey.survey(folder, jobs=1)
    strip = [{**json.loads(again.to_json())["files"][i], "seconds": 0} for i in range(3)]
    assert strip == [{**json.loads(report.to_json())["files"][i], "seconds": 0} for i in range(3)]


def test_cli_lines_json_and_exit_codes(folder, tmp_path):
    def cli(*args):
        return run_cli("survey", *args)

    text = cli(str(folder), "--jobs", "1")
    assert text.returncode == 0
    lines = text.stdout.splitlines()
    assert (
        lines[0].startswith("拒收 notes.txt") and lines[1].startswith("一致 seed.docx") and "共 3 个文件" in lines[-1]
    )
    data = json.loads(cli(str(folder), "--json", "--jobs", "1").stdout)
    assert (data["documents"], data["read"], data["files"][1]["consistent"]) == (3, 2, True)
    assert cli(str(tmp_path / "missing")).returncode == 2
    (tmp_path / "junk.bin").write_bytes(b"\x00\x01\x02")
    assert cli(str(tmp_path)).returncode == 2  # nothing readable


def test_a_basic_expenditure_table_printed_empty_is_read_with_no_economic_rows():
    """上海市域外农场管理办公室 has no basic spending of its own: its 一般公共预算基本支出表 is
    printed empty, so no economic rows is all there is to read (the report said 未读全); the
    seed, whose table has 22 rows, is read by them, and a file whose table is missing or
    unread does not pass on an empty one."""
    from tests.conftest import CORPUS, corpus_document

    if not CORPUS.exists():
        pytest.skip("../shared/corpus not available")
    farm = survey.survey_document(corpus_document("shanghai_08.pdf"), "shanghai_08.pdf", 0.0)
    assert (farm.functional, farm.economic, farm.economic_empty) == (3, 0, True)
    assert farm.read and farm.consistent
    assert "经济分类 0 行（基本支出表为空表），" in farm.line()
    guangzhou = survey.survey_document(corpus_document("guangzhou_23.pdf"), "guangzhou_23.pdf", 0.0)
    assert (guangzhou.economic, guangzhou.economic_empty, guangzhou.read) == (0, False, False)
