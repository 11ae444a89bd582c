"""Every input the fuzz suite found that failed, kept as a small named test."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budget.model import Money, MoneyUnit
from tests.fuzz.harness import exercise
from tests.hostile import edit_document, seed_docx


@pytest.mark.parametrize(
    ("amount", "places", "printed"),
    [
        ("1E+30", None, "1,000,000,000,000,000,000,000,000,000,000"),
        ("99999999999999999999999999.99", 2, "99,999,999,999,999,999,999,999,999.99"),
        ("123456789012345678901234567890.125000", None, "123,456,789,012,345,678,901,234,567,890.125000"),
        ("1E-30", None, "0.000000000000000000000000000001"),
        ("2.250000", None, "2.25"),
    ],
)
def test_money_format_of_absurd_amounts(amount, places, printed):
    """model fuzz: InvalidOperation in Money.format (quantize over 28 digits) on a
    30-digit amount, which any table cell can print."""
    assert Money(Decimal(amount), MoneyUnit.WAN_YUAN).format(with_unit=False, places=places) == printed


def test_a_blank_figure_over_printed_parts_is_compared_as_a_printable_zero():
    """model fuzz (ARITH-HIER and ARITH-TOTALS on a model in 元): a blank figure over
    printed parts is compared as zero through Money(0, unit), an int amount that
    Money.format could not print (AttributeError, which the engine reports as
    "规则运行出错" and the rule as not run)."""
    from budget.checks import arithmetic
    from budget.checks.core import Context, Settings
    from loaders import load

    d = load(seed_docx(), "seed.docx")
    table = d.tables[0]
    comparison = arithmetic._printed_against_sum(
        Context(d, Settings()), table, None, [None, Money(Decimal("7"), MoneyUnit.WAN_YUAN)]
    )
    assert comparison is not None and comparison.actual.format() == "0 万元"


def test_a_thirty_digit_amount_in_a_word_table_reaches_every_page():
    data = edit_document(seed_docx(), lambda xml: xml.replace(">1065.08<", ">" + "9" * 30 + ".125<"))
    assert exercise("regression", data, "big.docx") is not None


@pytest.mark.timed
def test_a_long_paragraph_of_doubled_words_gives_a_bounded_report():
    """50,000 characters of 支支支…: FORM-DUPLICATE finds 4,168 doubled words, each
    quoting the whole paragraph (210 MB of report JSON, 0.6 s to key them). Long quotes
    now keep a window around the marked words."""
    import time

    from budget.checks import run
    from budget.export import reports
    from budget.views.check import marked
    from loaders import load
    from tests.hostile import before_section_end

    d = load(
        edit_document(seed_docx(), before_section_end(f"<w:p><w:r><w:t>{'支' * 50_000}</w:t></w:r></w:p>")), "x.docx"
    )
    started = time.process_time()
    report = run(d)
    assert time.process_time() - started < 0.5
    doubled = [f for f in report.findings if f.rule == "FORM-DUPLICATE" and "支支" in (f.location.quote or "")]
    assert len(doubled) > 4_000
    assert all(len(f.location.quote or "") < 700 for f in doubled)
    assert all(marked(f)[1].startswith("支支") for f in doubled)  # the mark still points at the words
    assert len(reports.to_json(report)) < 10_000_000
