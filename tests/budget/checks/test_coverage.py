"""Where the narrative's figures are placed (compared with a table figure, or stated not
comparable with the reason): 深圳's wording of the spending and its parts, on the seed
with one paragraph added."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from budget.checks import Status
from budget.checks.core import Context, Settings
from budget.checks.figures import resolutions
from budget.model import TableKind
from tests.budget.checks.helpers import edit_table, edit_text, result

D = Decimal
# 深圳 2026: "深圳市统计局（本级）预算 5,417.80 万元，包括在职人员经费…、对个人和家庭的补助支出…、增人增资…"
SPENDING = (
    "本单位预算{total}万元，包括在职人员经费300.00万元、公用经费31.82万元、"
    "对个人和家庭的补助支出{family}万元、增人增资28.34万元、项目支出1065.08万元。"
)


def with_spending(seed, total="1452.21", family="26.97"):
    text = SPENDING.format(total=total, family=family)
    return edit_text(seed, "总体情况", "都反映在预算中。", "都反映在预算中。" + text)


def _resolved(doc, name):
    return next(r for c, r in resolutions(Context(doc, Settings())) if c.subject is not None and c.subject.name == name)


def test_the_units_budget_is_its_spending_total(seed):
    doc = with_spending(seed)
    figures = _resolved(doc, "预算").figures
    assert [f.value.amount for f in figures if f.value is not None] and all(
        f.value.amount == D("1452.21") for f in figures if f.value is not None
    )
    assert result(doc, "TEXT-TOTALS").status == Status.PASSED
    assert result(with_spending(seed, total="1425.21"), "TEXT-TOTALS").status == Status.FAILED


def test_parts_of_personnel_spending_are_stated_not_comparable(seed):
    doc = with_spending(seed)
    for name in ("在职人员经费", "增人增资"):
        resolved = _resolved(doc, name)
        assert (resolved.figures, resolved.reason) == ((), "人员经费中的一部分：表格没有按此分列")


def _uncoded(doc):
    table = doc.table(TableKind.BASIC_ECONOMIC)
    return edit_table(doc, TableKind.BASIC_ECONOMIC, lines=tuple(replace(ln, code=None) for ln in table.lines))


def test_family_support_against_a_basic_table_without_codes(seed):
    # 深圳's 基本支出总表 names its 款 without codes; the text's part is at most the table's line
    doc = _uncoded(with_spending(seed))
    figure = _resolved(doc, "对个人和家庭的补助支出").figures[0]
    assert figure.value.amount == D("26.97")
    assert result(doc, "TEXT-ITEMS").findings == ()
    assert result(_uncoded(with_spending(seed, family="20.00")), "TEXT-ITEMS").findings == ()
    res = result(_uncoded(with_spending(seed, family="30.00")), "TEXT-ITEMS")
    assert [(f.actual, f.expected) for f in res.findings if f.severity.value == "error"] == [(D("30.00"), D("26.97"))]
