"""Exports of the check report: contract JSON, the XLSX check form, the HTML page."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest
from openpyxl import load_workbook

from budget.export import reports
from budget.checks import run


@pytest.fixture(scope="module")
def report(seed_docx):
    return run(seed_docx)


def assets_finding(report):
    return next(f for f in report.findings if f.rule == "TEXT-ASSETS")


def test_json_contract(report, seed_docx):
    data = json.loads(reports.to_json(report))
    assert data["source"] == {"name": "seed.docx", "format": "docx", "sha256": seed_docx.source.sha256}
    assert data["ruleset"] == report.ruleset
    assert data["summary"] == report.summary()
    assert {r["status"] for r in data["rules"]} <= {"passed", "failed", "not_run"}
    assets = next(f for f in data["findings"] if f["rule"] == "TEXT-ASSETS")
    assert (assets["expected"], assets["actual"], assets["difference"]) == ("344.74", "326.27", "-18.47")
    assert assets["location"]["section"] == "七、国有资产信息"
    assert "section_index" not in assets["location"]
    assert assets["review"] == {"status": "待处理", "comment": None}


def test_json_not_ascii_escaped(report):
    assert "国有资产" in reports.to_json(report)


def test_annotation_carried_into_json(report):
    key = assets_finding(report).key
    data = json.loads(reports.to_json(report, {key: ("已说明", "表内含本年新购置资产")}))
    found = next(f for f in data["findings"] if f["key"] == key)
    assert found["review"] == {"status": "已说明", "comment": "表内含本年新购置资产"}


def test_xlsx_check_form(report):
    book = load_workbook(io.BytesIO(reports.to_xlsx(report)))
    assert book.sheetnames == ["检查表", "全部问题", "规则"]
    form = book["检查表"]
    rows = {r[1]: r for r in form.iter_rows(min_row=4, values_only=True)}
    assert rows["收支总表"][2] == "是"
    assert rows["国有资产"][2] == "否"
    assert "326.27" in rows["国有资产"][4]
    assert rows["绩效目标"][2] == "否"
    findings = list(book["全部问题"].iter_rows(min_row=2, values_only=True))
    assert len(findings) == len(report.findings)
    assert {r[12] for r in findings} == {"待处理"}


def test_explained_finding_changes_the_check_form(report):
    key = assets_finding(report).key
    book = load_workbook(io.BytesIO(reports.to_xlsx(report, {key: ("已说明", "见说明")})))
    rows = {r[1]: r for r in book["检查表"].iter_rows(min_row=4, values_only=True)}
    assert rows["国有资产"][2] == "是"
    annotated = next(r for r in book["全部问题"].iter_rows(min_row=2, values_only=True) if r[1] == key)
    assert (annotated[12], annotated[14]) == ("已说明", "见说明")


def test_html_is_self_contained_and_escapes_document_text(seed_docx):
    sections = tuple(
        replace(s, text=s.text.replace("上年末", "<script>alert</script>上年末")) if "国有资产" in s.heading else s
        for s in seed_docx.sections
    )
    page = reports.to_html(run(replace(seed_docx, sections=sections)))
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert "http" not in page.split("</style>")[0]  # no external assets
    assert page.startswith("<!DOCTYPE html>")


def test_text_report_groups_by_severity(report):
    text = reports.to_text(report)
    assert text.index("【错误】3 项") < text.index("【警告】") < text.index("【提示】1 项")


def test_xlsx_amounts_are_numbers_with_a_filter(report):
    book = load_workbook(io.BytesIO(reports.to_xlsx(report)))
    sheet = book["全部问题"]
    assert sheet.auto_filter.ref == f"A1:O{sheet.max_row}"
    assets = next(r for r in sheet.iter_rows(min_row=2) if r[3].value == "TEXT-ASSETS")
    expected, actual, difference = (cell.value for cell in assets[8:11])
    assert (float(expected), float(actual), float(difference)) == (344.74, 326.27, -18.47)
    assert all(cell.data_type == "n" for cell in assets[8:11])
    assert assets[8].number_format == "#,##0.00"


def test_english_xlsx_and_html_headers(report):
    book = load_workbook(io.BytesIO(reports.to_xlsx(report, lang="en")))
    assert book.sheetnames == ["Check form", "All findings", "Rule"]
    assert [c.value for c in book["All findings"][1]][:4] == ["No.", "Id", "Severity", "Rule"]
    page = reports.to_html(report, lang="en")
    assert "<th>Errors</th>" in page and "Pre-publication check" in page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_annotations_come_back_from_both_downloads(report, lang):
    key = assets_finding(report).key
    notes = {key: ("已说明", "表内含本年新购置资产"), report.findings[0].key: ("已改正", "")}
    for data in (reports.to_json(report, notes).encode("utf-8"), reports.to_xlsx(report, notes, lang)):
        assert reports.read_annotations(data) == notes


def test_a_file_that_is_not_a_report_is_refused(report):
    for data in (b"not json", b'{"findings": 3}', b"PK\x03\x04broken"):
        with pytest.raises(reports.ReportError):
            reports.read_annotations(data)
    assert reports.read_annotations(reports.to_json(report).encode("utf-8")) == {}  # nothing reviewed yet


def test_a_control_character_in_document_text_is_kept_visible_in_the_xlsx(report):
    """A damaged PDF read a control character into a quoted name (found by the fuzz
    suite: openpyxl refused the whole workbook); it shows as U+FFFD, the rest as printed."""
    finding = assets_finding(report)
    damaged = replace(finding, message=finding.message + "乱码“Ã\x13”")
    results = tuple(
        replace(r, findings=(damaged,)) if r.rule.id == finding.rule else replace(r, findings=())
        for r in report.results
    )
    book = load_workbook(io.BytesIO(reports.to_xlsx(replace(report, results=results))))
    (row,) = book["全部问题"].iter_rows(min_row=2, values_only=True)
    assert row[7].endswith("乱码“Ã\ufffd”")
