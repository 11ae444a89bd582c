"""budget.views.three_public: the frames of its page."""

from __future__ import annotations

from decimal import Decimal


from budget.views import overview, three_public
from budget.model import Money, MoneyUnit
from tests.budget.views.builders import m, W, make_disclosure


def test_three_public_comparison():
    c = three_public.three_public_comparison(make_disclosure())
    rows = {r["项目"]: r for r in c.frame.to_dict("records")}
    assert rows["“三公”经费合计"]["quoted"] == m("2.56") and rows["“三公”经费合计"]["核对"] == "一致"
    assert rows["因公出国（境）费"]["quoted"] == m("0")
    assert rows["其中：公务用车运行（维护）费"]["quoted"] == m("1.92")
    assert rows["其中：公务用车运行（维护）费"]["核对"] == "不一致"
    assert [q.label for q in c.extra] == ["公务用车保险"]


def test_running_costs_comparison():
    c = three_public.running_costs_comparison(make_disclosure())
    rows = {r["项目"]: r for r in c.frame.to_dict("records")}
    total = rows["机关运行经费（对照基本支出表公用经费）"]
    assert total["table"] == m("31.82") and total["核对"] == "一致"
    assert rows["30201 办公费"]["核对"] == "一致"
    assert rows["30299 其他商品和服务支出"]["table"] == m("7.63")
    assert rows["30299 其他商品和服务支出"]["核对"] == "不一致"
    assert rows["工会经费"]["核对"] == "表中未列示"


def test_shanghai_three_public_listed_over_paragraphs(wanli):
    """Shanghai style: "其中：" then （一）（二）（三） paragraphs; the table is in 万元 while
    the document is in 元."""
    d = wanli
    assert d.unit.money_unit == MoneyUnit.YUAN
    rows = {r["项目"]: r for r in three_public.three_public_comparison(d).frame.to_dict("records")}
    w = lambda s: Money(Decimal(s), W)  # noqa: E731
    assert rows["“三公”经费合计"]["quoted"] == w("47.91")
    assert rows["公务用车购置及运行（维护）费"]["quoted"] == w("46.56")
    assert rows["其中：公务用车购置费"]["quoted"] == w("25")
    assert rows["其中：公务用车运行（维护）费"]["quoted"] == w("21.56")
    assert rows["公务接待费"]["quoted"] == w("1.35")
    assert {r["核对"] for r in rows.values()} == {"一致"}
    # shares across units: the 三公 table is in 万元, the totals in 元
    heads = {h.label: h for h in overview.overview(d).headlines}
    assert heads["“三公”经费"].share_label == "占支出总计 0.3%"  # 479,100 元 / 156,211,123 元
    assert heads["基本支出"].share_label == "占支出总计 63.8%"


def test_a_rounded_quote_agrees():
    """xian_10 (元 tables, 万元 narrative): 807,650.00 元 quoted as 80.77 万元 and
    9,661,624.87 元 as 966.16 万元 agree within the quote's rounding; they read 不一致."""
    import pytest

    from budget.application.files import read
    from tests.budget.views.builders import SEED

    path = SEED.parents[1].parent / "shared" / "corpus" / "xian_10.pdf"
    if not path.exists():
        pytest.skip("../shared/corpus not available")
    d = read(path)
    rows = three_public.three_public_comparison(d).frame.set_index("项目")
    assert rows.loc["“三公”经费合计", "核对"] == "一致（四舍五入）"
    assert rows.loc["公务接待费", "核对"] == "一致（四舍五入）"  # 57,650.00 元 / 5.77 万元
    assert rows.loc["其中：公务用车运行（维护）费", "核对"] == "一致"  # 750,000.00 元 / 75 万元
    running = three_public.running_costs_comparison(d).frame
    assert list(running["核对"]) == ["一致（四舍五入）"]
