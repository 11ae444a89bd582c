"""budget.views.overview: the frames of its page."""

from __future__ import annotations


from budget.views import overview
from tests.budget.views.builders import m, make_disclosure


def test_overview_headlines_and_shares():
    o = overview.overview(make_disclosure())
    heads = {h.label: h for h in o.headlines}
    assert heads["收入总计"].amount == m("1452.21")
    assert heads["支出总计"].amount == m("1452.21")
    assert heads["基本支出"].amount == m("387.13") and heads["基本支出"].share_label == "占支出总计 26.7%"
    assert heads["项目支出"].share_label == "占支出总计 73.3%"
    assert heads["人员经费"].amount == m("355.31") and heads["人员经费"].share_label == "占基本支出 91.8%"
    assert heads["“三公”经费"].amount == m("2.56")
    assert heads["政府采购"].amount == m("47.80")
    assert (o.recognised_tables, o.unknown_tables, o.projects, o.indicators) == (3, 1, 2, 6)


def test_by_class_sorted_with_labels():
    frame = overview.by_class(make_disclosure())
    assert list(frame["code"]) == ["201", "204", "208", "210", "221"]
    assert frame.loc[0, "project"] == m("1065.08") and frame.loc[0, "basic"] is None
    assert frame.loc[0, "basic_label"] == "—"
