"""Shared look-ups of budget.checks.places (the overview reads the summary totals through them)."""

from __future__ import annotations

from decimal import Decimal

from budget.views import overview
from budget.checks.places import side_line
from budget.model import Money, MoneyUnit, TableKind
from tests.budget.checks.helpers import set_values


def test_side_line_printed_skips_a_blank_total(seed):
    summary = seed.table(TableKind.SUMMARY)
    assert side_line(summary, "income", "收入总计").total == Money(Decimal("1452.21"), MoneyUnit.WAN_YUAN)
    blank = set_values(seed, TableKind.SUMMARY, "收入总计", side="income", total=None)
    table = blank.table(TableKind.SUMMARY)
    assert side_line(table, "income", "收入总计").total is None
    assert side_line(table, "income", "收入总计", printed="total") is None
    # the overview then falls back to the income table's 合计
    assert overview.income_total(blank) == Money(Decimal("1452.21"), MoneyUnit.WAN_YUAN)


def _findings(doc, rule: str):
    from budget.checks import run

    return [f for f in run(doc).findings if f.rule == rule]


def test_a_text_finding_names_the_page_its_sentence_is_printed_on():
    """xian_09's section on functional classes runs from page 13 to 16; each TEXT-NAMES
    finding gives the page of its own paragraph (checked against the PDF's text layer): three
    names changed in the table, one (归口管理的行政单位离退休, p16) as the document prints it."""
    from budget.export.reports import place
    from budget.views.messages import place as place_in
    from tests.conftest import corpus_document

    from budget.model import TableKind
    from tests.budget.checks.helpers import rename_line

    # three 项 renamed in the table (the text's names are right: the table adds its 款 in brackets)
    doc = corpus_document("xian_09.pdf")
    for code, name in (("2011002", "一般行政事务"), ("2080101", "机关行政运行"), ("2080108", "信息化管理")):
        doc = rename_line(doc, TableKind.GENERAL_PUBLIC, code, name=name)
    pages = {}
    for finding in _findings(doc, "TEXT-NAMES"):
        for code in ("2011002", "2080101", "2080108", "2080501"):
            if f"（{code}）" in (finding.location.quote or ""):
                pages[code] = finding.location.page
                if code == "2080101":
                    assert place(finding) == "2、支出按功能科目分类的明细情况 · 第 14 页"
                    assert place_in(finding, "en").endswith(" · page 14")
    assert pages == {"2011002": 13, "2080101": 14, "2080108": 15, "2080501": 16}


def test_a_performance_form_finding_names_the_form_page():
    from tests.conftest import corpus_document

    doc = corpus_document("xian_09.pdf")
    found = _findings(doc, "PERF-QUANT")
    assert found
    assert all(f.location.page == doc.tables[f.location.table_index].page is not None for f in found)


def test_a_document_without_pages_gives_none(seed):
    from budget.checks import run

    assert all(f.location.page is None for f in run(seed).findings)


def test_page_at_follows_the_turns_of_a_section():
    from budget.model import Section

    section = Section("一、说明", "第一段\n第二段\n第三段", page=3, turns=((0, 3), (8, 4)))
    assert [section.page_at(at) for at in (0, 7, 8, 11)] == [3, 3, 4, 4]
    assert Section("二、", "文字", page=5).page_at(1) == 5


def test_squash_removes_exactly_the_whitespace_the_spaces_pattern_matches():
    import sys

    from budget.checks import places

    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    assert places.squash(every) == places.SPACES.sub("", every)
    assert places.squash(" 2024 年\u3000预算\n") == "2024年预算" and places.squash(None) == ""
