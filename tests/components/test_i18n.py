"""The English switch is complete: every Chinese label the interface writes has an
English entry, and document text is left as printed."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from budget.checks import CATALOGUE, CATEGORY_LABELS, SEVERITY_LABELS, STATUS_LABELS
from budget.checks.completeness import REQUIRED_SECTIONS
from budget.export import reports
from budget.model import COLUMN_LABELS, TABLE_LABELS
from budget.views import compare, corpus, functional, three_public
from budget.views.display import DISPLAY_UNITS
from budget.views.labels import EN, RULES, rule_guidance, rule_title, translate
from budget.views.overview import overview

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "components").glob("*.py"))]


def _literals() -> dict[str, str]:
    """Every string literal handed to t() or page.header() in the interface, and where."""
    found: dict[str, str] = {}
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name not in ("t", "header"):
                continue
            for arg in node.args[: 1 if name == "t" else 2]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.setdefault(arg.value, path.name)
    return found


def test_the_scan_sees_the_interface():
    literals = _literals()
    assert len(literals) > 150
    assert "上传预算公开文档（可多选）" in literals and "发布前检查" in literals


@pytest.mark.parametrize("text", sorted(_literals()))
def test_every_interface_label_has_english(text):
    assert text in EN, f"no English for {text!r} ({_literals()[text]})"


def _cjk(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def test_english_entries_are_english():
    # The label of the switch itself is bilingual on purpose; nothing else keeps Chinese
    # except document examples quoted in guidance.
    chinese = [k for k, v in EN.items() if _cjk(v) and k != "语言 · Language"]
    assert chinese == []


def test_vocabulary_of_the_domain_is_translated():
    words = [
        *TABLE_LABELS.values(),
        *COLUMN_LABELS.values(),
        *SEVERITY_LABELS.values(),
        *CATEGORY_LABELS.values(),
        *STATUS_LABELS.values(),
        *reports.STATUSES,
        *reports.check_items(),
        *reports.FINDING_COLUMNS,
        *functional.MEASURES.values(),
        *(str(u) for u in DISPLAY_UNITS),
        *(label for _, label in three_public.THREE_PUBLIC_ITEMS),
        *(label.strip("\u3000") for _, label in compare.HEADLINE_ITEMS),
        *[part for part, _ in REQUIRED_SECTIONS],
        "单位",
        "部门",
        # the 语料库 page: its pickers, headers (with any display unit) and our cell words
        *corpus.MEASURE_LABELS.values(),
        *corpus.BASIS_CHOICES.values(),
        *corpus.SORT_LABELS.values(),
        *(corpus.basis_label(b, u) for b in corpus.BASIS_CHOICES for u in DISPLAY_UNITS),
        *(header for u in DISPLAY_UNITS for _, header in corpus.unit_columns(u)),
        *corpus.WORD_COLUMNS,
        *corpus.TIMELINE_LABELS.values(),
        "预算",
        "决算",
        "2024年（亿元）",
    ]
    missing = sorted({w for w in words if translate(w, "en") == w})
    assert missing == []


def test_headline_labels_are_translated(seed_docx):
    for head in overview(seed_docx).headlines:
        assert translate(head.label, "en") != head.label
        if head.whole:
            assert translate(head.whole, "en") != head.whole


def test_every_rule_has_an_english_title_and_guidance():
    missing = [r.id for r in CATALOGUE if r.id not in RULES]
    assert missing == []
    for rule in CATALOGUE:
        english = rule_title(rule.id, rule.title, "en")
        assert english != rule.title and sum(c.isascii() and c.isalpha() for c in english) > 10
        assert rule_title(rule.id, rule.title, "zh") == rule.title
        assert rule_guidance(rule.id, rule.guidance, "zh") == rule.guidance


def test_composite_labels():
    assert translate("合计（万元）", "en") == "Total (10k yuan)"
    assert translate("　其中：公务用车购置费", "en") == "  of which: vehicle purchase"
    assert translate("绩效目标表：反邪教专项资金", "en") == "Performance table: 反邪教专项资金"
    assert translate("满意度目标低于 80%", "en") == "satisfaction target below 80%"


def test_document_text_and_chinese_mode_stay_as_printed():
    assert translate("上海市普陀区社会福利院", "en") == "上海市普陀区社会福利院"
    assert translate("合计（万元）", "zh") == "合计（万元）"
    assert translate("", "en") == ""
