"""Finding messages in English (budget.views.messages): a template for every rule template,
the same fields as the Chinese, and real documents rendered with no Chinese left but the
document's own words."""

from __future__ import annotations

import csv
import functools
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from budget.checks import CATALOGUE, run
from budget.checks.core import DEFAULT_TEMPLATE, NOTES, Finding, Location
from budget.export.contract import disclosure_to_dict
from budget.views import messages
from budget.views.messages import CJK, NOTES_EN, TEMPLATES, english, field_names, message, phrase, place
from tests.conftest import corpus_document, parsed

# The fixtures, and the corpus files that between them make the most kinds of finding
# (each rule template, with and without its notes) that the fixtures do not.
FIXTURE_NAMES = ("seed.docx", "real/putuo_wanli_2024_dept.pdf", "real/putuo_fuliyuan_2024_unit.pdf")
CORPUS_NAMES = (
    "xian_12.pdf",
    "xian_09.pdf",
    "xian_23.pdf",
    "changsha_01.pdf",
    "huzhou_01.pdf",
    "shanghai_13.pdf",
    "chongqing_01.pdf",
    "chongqing_06.pdf",
)


@functools.cache
def document(name: str):
    if name in FIXTURE_NAMES:
        return parsed(name)
    return corpus_document(name)


def templates_of(rule) -> dict[str, str]:
    return {DEFAULT_TEMPLATE: rule.template, **rule.templates}


def test_every_rule_template_has_english_with_the_same_fields():
    """A rule or template added without English fails here; so does an English template
    that asks for a field the Chinese does not fill (the same params render both)."""
    missing, different = [], []
    for rule in CATALOGUE:
        for name, chinese in templates_of(rule).items():
            english_template = TEMPLATES.get((rule.id, name))
            if english_template is None:
                missing.append((rule.id, name))
            elif set(field_names(english_template)) != set(field_names(chinese)):
                different.append((rule.id, name, set(field_names(chinese)) ^ set(field_names(english_template))))
    assert not missing
    assert not different


def test_no_english_template_is_left_without_its_rule():
    known = {(rule.id, name) for rule in CATALOGUE for name in templates_of(rule)}
    assert set(TEMPLATES) - known == set()


def test_every_note_has_english_with_the_same_fields():
    assert set(NOTES_EN) == set(NOTES)
    for name, chinese in NOTES.items():
        assert set(field_names(NOTES_EN[name])) == set(field_names(chinese)), name


@functools.cache
def _classification_names() -> str:
    """The official names of the 科目 (FORM-CODE-NAME quotes the one a code should have)."""
    path = Path(messages.__file__).parents[1] / "checks" / "codes.csv"
    with path.open(encoding="utf-8") as handle:
        return "".join("".join(row) for row in csv.reader(handle))


_NOT_CJK = re.compile(r"[^\u3400-\u9fff]+")
_NUMBERING = re.compile(r"^[一二三四五六七八九十百]+、$")  # the heading number FORM-NUMBERING expects


def _from_the_document(piece: str, text: str) -> bool:
    """Every Chinese pair of characters of ``piece`` occurs in the document's text (or the
    classification): it is the document's words, joined or cut as the rule named them."""
    if _NUMBERING.match(piece):
        return True
    for run_ in _NOT_CJK.split(piece):
        pairs = [run_[i : i + 2] for i in range(len(run_) - 1)] or ([run_] if run_ else [])
        if any(pair not in text for pair in pairs):
            return False
    return True


@pytest.mark.parametrize("name", FIXTURE_NAMES + CORPUS_NAMES)
def test_english_messages_keep_only_the_documents_words_in_chinese(name):
    """Every finding (and every failure it folds in) renders in English; the Chinese left
    in it is only text kept as printed (marked here), and that text is the document's."""
    doc = document(name)
    report = run(doc)
    text = _NOT_CJK.sub("", json.dumps(disclosure_to_dict(doc), ensure_ascii=False)) + _classification_names()
    findings = [g for f in report.findings for g in (f, *f.consequences)]
    assert findings
    for finding in findings:
        kept: list[str] = []

        def mark(piece: str, kept: list[str] = kept) -> str:
            kept.append(piece)
            return "⟦⟧"

        rule = next(r for r in CATALOGUE if r.id == finding.rule)
        assert finding.template in templates_of(rule), (finding.rule, finding.template)  # a template of its rule
        rendered = english(finding, mark)
        assert rendered is not None, (finding.rule, finding.template)
        assert not CJK.search(rendered), (finding.rule, finding.template, rendered)
        foreign = [p for p in kept if not _from_the_document(p, text)]
        assert not foreign, (finding.rule, finding.template, foreign, finding.message)
        assert message(finding, "zh") == finding.message  # the Chinese is the check's own


def test_a_sum_in_english_names_the_row_as_printed_with_its_code():
    """重庆 01's 支出总表 row 201 (a rounding note): the table and columns in English, the 科目
    code and name as printed, the figures as the Chinese gives them with the unit in English."""
    report = run(document("chongqing_01.pdf"))
    finding = next(f for f in report.findings if f.rule == "ARITH-ROW" and f.location.row == "201")
    assert finding.message == (
        "支出总表 201 一般公共服务支出：合计 15,958.96 万元，基本支出 6,420.41 + 项目支出 9,538.54 = 15,958.95，"
        "相差 0.01，在 2 项四舍五入的容差 ±0.01 之内"
    )
    assert english(finding) == (
        "Expenditure table 201 一般公共服务支出: total 15,958.96 10k yuan, Basic expenditure 6,420.41 + "
        "Project expenditure 9,538.54 = 15,958.95, a difference of 0.01, within the rounding tolerance ±0.01 of 2 items"
    )


def test_the_seed_assets_figure_in_english(seed):
    """TEXT-ASSETS on the sample: the sentence's words as printed, our words in English."""
    finding = next(f for f in run(seed).findings if f.rule == "TEXT-ASSETS")
    fields = finding.fields
    assert english(finding) == (
        f"“{fields['section']}” says “{fields['label']}{fields['printed']}”; Fixed assets table total assets is "
        f"{str(fields['value']).replace('万元', '10k yuan')}, a difference of "
        f"{str(fields['difference']).replace('万元', '10k yuan')}"
    )


def test_appended_notes_follow_in_english():
    """A note the rule appended (the blank-side note of a reconciliation) is appended in English."""
    location = Location(table="income")
    fields = {
        "place": "收支总表 收入总计",
        "actual": "空白",
        "other_place": "收入总表 合计",
        "expected": "195,774,300 元",
        "difference": "-195,774,300",
    }
    finding = Finding(message="…", location=location, rule="XREF-SUMMARY", fields=fields, notes=(("blank", {}),))
    assert english(finding) == (
        "Income and expenditure summary Total income blank, but Income table total 195,774,300 yuan, "
        "a difference of -195,774,300 (one side was read blank: please check the original table)"
    )


def test_phrase_translates_our_words_and_keeps_the_documents():
    # a row after its code is the document's name, even when it reads like one of our words
    assert phrase("一般公共预算支出表 2010101 基本支出") == "General public budget expenditure table 2010101 基本支出"
    assert (
        phrase("基本支出 6,420.41 + 项目支出 9,538.54") == "Basic expenditure 6,420.41 + Project expenditure 9,538.54"
    )
    assert phrase("收入总表 合计（加年初结转和结余）") == "Income table total (plus carry-over from last year)"
    assert phrase("政府办公厅（室）及相关机构事务") == "政府办公厅（室）及相关机构事务"
    assert phrase("基本支出表 公用经费合计（机关运行经费不超过此数）") == (
        "Basic expenditure table total public costs (running costs may not exceed this)"
    )


def test_a_finding_of_an_unknown_template_keeps_its_chinese():
    finding = Finding(message="某条消息", location=Location(), rule="NO-SUCH-RULE")
    assert english(finding) is None
    assert message(finding, "en") == "某条消息"


def test_places_in_english():
    cell = Finding(location=Location(table="expenditure", row="2010101", column="合计", page=3), rule="ARITH-ROW")
    assert place(cell, "en") == "Expenditure table · 2010101 · Total · page 3"
    assert place(cell, "zh") == "支出总表 · 2010101 · 合计 · 第 3 页"
    goals = Finding(
        location=Location(table="performance", project="海防工作经费", row="绩效目标"), rule="FORM-PLACEHOLDER"
    )
    assert place(goals, "en") == "海防工作经费 — Project performance table · performance goals"
    assert place(Finding(location=Location(section="七、国有资产信息")), "en") == "七、国有资产信息"


def test_decimal_fields_render_as_the_chinese_does():
    """Numbers in params (a threshold, a count) print as str.format prints them in Chinese."""
    finding = Finding(
        location=Location(),
        rule="PERF-SATISFACTION",
        params={"project": "项目甲", "indicator": "满意度", "target": "≥80%", "threshold": Decimal("85")},
    )
    assert english(finding) == "“项目甲”: the satisfaction indicator “满意度” is ≥80%, below 85%"


def test_the_english_exports_give_the_english_messages(seed):
    """The HTML report and the XLSX form in English carry the same English messages as the
    page (the JSON keeps the check's Chinese: it is the contract)."""
    import html
    import io

    from openpyxl import load_workbook

    from budget.export.reports import to_html, to_json, to_xlsx
    from budget.views.labels import translate

    report = run(seed)
    page = to_html(report, None, "en")
    for finding in report.findings:
        assert html.escape(english(finding) or "") in page
        assert html.escape(finding.message) not in page
    book = load_workbook(io.BytesIO(to_xlsx(report, None, "en")), read_only=True)
    rows = list(book[translate("全部问题", "en")].iter_rows(values_only=True))
    column = rows[0].index(translate("问题", "en"))
    assert [row[column] for row in rows[1:]] == [english(f) for f in report.findings]
    assert [f["message"] for f in json.loads(to_json(report))["findings"]] == [f.message for f in report.findings]


def test_every_reason_a_rule_gives_for_not_running_has_english():
    """A rule given a need without English fails here (the not-run table reads it in English)."""
    from budget.checks.core import Need
    from budget.views.messages import REASONS

    reasons = {need.reason for rule in CATALOGUE for need in rule.needs if isinstance(need, Need)}
    assert reasons - set(REASONS) == set()
    assert not any(CJK.search(english_reason) for english_reason in REASONS.values())


@pytest.mark.parametrize("name", FIXTURE_NAMES + CORPUS_NAMES)
def test_not_run_reasons_in_english(name):
    """Why each rule did not run on a real document, in English: the needs' reasons, the
    tables missing (budget.checks.unmet) and a rule's own failure."""
    from budget.views.messages import reason

    report = run(document(name))
    reasons = [r.reason for r in report.results if r.reason]
    assert reasons
    for text in reasons:
        assert not CJK.search(reason(text, "en")), text
        assert reason(text, "zh") == text
    assert reason("文件中没有政府采购预算表、固定资产占用情况表", "en") == (
        "The document has no Government procurement table, Fixed assets table"
    )
    assert reason("规则运行出错：KeyError: 'x'", "en") == "The rule failed: KeyError: 'x'"
