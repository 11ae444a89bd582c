"""budget.checks.text.passage: the narrative figures the TEXT-3PUB / TEXT-RUNNING rules
compare, which the 三公经费 page shows (one reading for both)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from budget.checks import run

from budget.views import three_public
from budget.checks.core import Context, Settings
from budget.checks.text import passage, stated
from budget.model import Money, MoneyUnit

W = MoneyUnit.WAN_YUAN


def m(text: str) -> Money:
    return Money(Decimal(text), W)


def test_three_public_passage_of_the_seed(seed):
    said = passage(seed, "TEXT-3PUB")
    assert [(key, q.amount) for key, q in said.quotes] == [
        ("tp_total", m("2.56")),
        ("overseas", m("0")),
        ("vehicles", m("2.25")),
        ("vehicle_purchase", m("0")),
        ("vehicle_operation", m("1.92")),
        (None, m("0.33")),
        ("reception", m("0.31")),
    ]
    assert len(said.paragraphs) == 1 and said.paragraphs[0].startswith("2023年，我部门财政拨款“三公”经费")


def test_page_and_rule_read_the_same_figures(seed):
    """Every figure the rule names is the one the page puts in 说明中金额."""
    ruled = {s.resolved.key: s.amount for s in stated(Context(seed, Settings()), "TEXT-3PUB")}
    rows = {
        r["项目"]: r["quoted"] for r in three_public.three_public_comparison(seed, run(seed)).frame.to_dict("records")
    }
    labels = dict(three_public.THREE_PUBLIC_ITEMS)
    assert ruled.keys() == {"tp_total", "overseas", "vehicles", "vehicle_purchase", "vehicle_operation", "reception"}
    for key, amount in ruled.items():
        assert rows[labels["total" if key == "tp_total" else key]] == amount


def test_running_passage_names_economic_items(seed):
    said = passage(seed, "TEXT-RUNNING")
    assert said.quotes[0][0] == "running_costs" and said.quotes[0][1].amount == m("31.82")
    assert [key for key, _ in said.quotes[1:]] == ["economic"] * 8


def test_quotes_named_without_a_three_public_table(seed):
    """No 三公 table: the rule has nothing to compare, the page still shows what the text says."""
    doc = replace(seed, three_public=None)
    assert passage(doc, "TEXT-3PUB").quotes[0][1].amount == m("2.56")
    rows = {r["项目"]: r for r in three_public.three_public_comparison(doc, run(doc)).frame.to_dict("records")}
    assert rows["“三公”经费合计"]["quoted"] == m("2.56") and rows["“三公”经费合计"]["核对"] == "表中未列示"
