"""budget.views.three_public: the frames of its page, judged by the check run on the document."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from budget.checks import Severity, run
from budget.model import Money, MoneyUnit, TableKind
from budget.views import overview, three_public
from tests.budget.checks.helpers import edit_text, set_values
from tests.budget.views.builders import m, W


def rows_of(comparison):
    return {r["项目"]: r for r in comparison.frame.to_dict("records")}


def test_the_seed_split_of_the_vehicle_running_cost_is_the_check_note(seed):
    """运行费 1.92 + 保险 0.33 = the table's 2.25: the check calls it 提示, so does the page."""
    report = run(seed)
    c = three_public.three_public_comparison(seed, report)
    rows = rows_of(c)
    assert rows["“三公”经费合计"]["quoted"] == m("2.56") and rows["“三公”经费合计"]["核对"] == "一致"
    assert rows["因公出国（境）费"]["quoted"] == m("0")
    split = rows["其中：公务用车运行（维护）费"]
    assert (split["table"], split["quoted"], split["核对"]) == (m("2.25"), m("1.92"), "提示")
    (note,) = [f for f in report.findings if f.rule == "TEXT-3PUB"]
    assert note.severity == Severity.INFO and split["检查说明"] == note.message
    assert "公务用车运行费1.92万元 + 公务用车保险0.33万元" in note.message
    assert {r["核对"] for label, r in rows.items() if label != "其中：公务用车运行（维护）费"} == {"一致"}
    assert [q.label for q in c.extra] == ["公务用车保险"]


def test_a_figure_the_check_calls_wrong_is_an_error_with_its_tolerance(seed):
    # the seed's 三公 paragraph with 公务接待费 written 0.13 (the table says 0.31)
    d = edit_text(seed, "三公", "公务接待费0.31万元。", "公务接待费0.13万元。")
    report = run(d)
    row = rows_of(three_public.three_public_comparison(d, report))["公务接待费"]
    (error,) = [f for f in report.findings if f.rule == "TEXT-3PUB" and f.severity == Severity.ERROR]
    assert (row["table"], row["quoted"], row["核对"]) == (m("0.31"), m("0.13"), "错误")
    assert row["tolerance"] == Money(Decimal("0.005"), W) and row["容差"] == "±0.005 万元"
    assert row["检查说明"].startswith(error.message) and error.difference == Decimal("-0.18")


def test_running_costs_comparison(seed):
    report = run(seed)
    rows = rows_of(three_public.running_costs_comparison(seed, report))
    total = rows["机关运行经费（不超过基本支出表公用经费）"]
    assert total["table"] == m("31.82") and total["核对"] == "一致"
    assert rows["30201 办公费"]["table"] == m("4.75") and rows["30201 办公费"]["核对"] == "一致"
    assert {r["核对"] for r in rows.values()} == {"一致"}
    # the seed's 基本支出表 with 30299 printed 7.63 (the text says 0.59)
    d = set_values(seed, TableKind.BASIC_ECONOMIC, "30299", total="7.63", public="7.63")
    d = replace(d, economic=d.table(TableKind.BASIC_ECONOMIC).coded_lines())
    report = run(d)
    row = rows_of(three_public.running_costs_comparison(d, report))["30299 其他商品和服务支出"]
    (error,) = [f for f in report.findings if f.rule == "TEXT-RUNNING"]
    assert (error.severity, error.expected, error.actual) == (Severity.ERROR, Decimal("7.63"), Decimal("0.59"))
    assert (row["table"], row["quoted"], row["核对"]) == (m("7.63"), m("0.59"), "错误")
    assert row["检查说明"] == error.message + "（容差 ±0.005 万元）"


def test_quotes_without_a_three_public_table_are_not_judged(seed):
    d = replace(seed, three_public=None)
    rows = rows_of(three_public.three_public_comparison(d, run(d)))
    assert rows["“三公”经费合计"]["quoted"] == m("2.56") and rows["“三公”经费合计"]["核对"] == "表中未列示"


def test_shanghai_three_public_listed_over_paragraphs(wanli):
    """Shanghai style: "其中：" then （一）（二）（三） paragraphs; the table is in 万元 while
    the document is in 元."""
    d = wanli
    assert d.unit.money_unit == MoneyUnit.YUAN
    rows = rows_of(three_public.three_public_comparison(d, run(d)))
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
    9,661,624.87 元 as 966.16 万元 agree within the quote's rounding, as the check finds
    (no TEXT-3PUB / TEXT-RUNNING finding on them); they read 不一致."""
    import pytest

    from tests.conftest import read  # once per run, shared
    from tests.budget.views.builders import SEED

    path = SEED.parents[1].parent / "shared" / "corpus" / "xian_10.pdf"
    if not path.exists():
        pytest.skip("../shared/corpus not available")
    d = read(path)
    report = run(d)
    rows = three_public.three_public_comparison(d, report).frame.set_index("项目")
    assert rows.loc["“三公”经费合计", "核对"] == "一致（四舍五入）"
    assert rows.loc["公务接待费", "核对"] == "一致（四舍五入）"  # 57,650.00 元 / 5.77 万元
    assert rows.loc["其中：公务用车运行（维护）费", "核对"] == "一致"  # 750,000.00 元 / 75 万元
    running = three_public.running_costs_comparison(d, report).frame
    assert list(running["核对"]) == ["一致（四舍五入）"]


def test_running_costs_within_the_public_costs_are_not_called_equal():
    """chongqing_05 states 机关运行经费 2,115.63 万元; its basic table's 公用经费 is
    10,116.70 万元, the bound the check holds it to: 未超过, never 一致."""
    from tests.conftest import read  # once per run, shared
    from tests.loaders.test_corpus import CORPUS

    d = read(CORPUS / "chongqing_05.pdf")
    (row,) = three_public.running_costs_comparison(d, run(d)).frame.to_dict("records")
    assert (row["table"], row["quoted"], row["核对"]) == (m("10116.70"), m("2115.63"), "未超过")


def test_a_vehicle_line_the_narrative_states_by_its_parts_is_not_said_to_be_missing(wanli):
    """重庆 (chongqing_03) prints one 公务用车购置及运行费 line, 112.00 万元, and its narrative
    gives the two parts instead (运行维护费 112.00万元, 购置费 0万元): each part is compared
    on its own row, and the combined line reads 说明列分项, not 说明未提及. Where the narrative
    states the combined figure itself (wanli) it is compared as before."""
    from tests.conftest import corpus_document

    d = corpus_document("chongqing_03.pdf")
    rows = rows_of(three_public.three_public_comparison(d, run(d)))
    vehicles = rows["公务用车购置及运行（维护）费"]
    assert (vehicles["table"], vehicles["quoted"], vehicles["核对"]) == (m("112.00"), None, "说明列分项")
    operation = rows["其中：公务用车运行（维护）费"]
    assert (operation["table"], operation["quoted"], operation["核对"]) == (m("112.00"), m("112.00"), "一致")
    assert rows["其中：公务用车购置费"]["quoted"] == m("0")
    stated = rows_of(three_public.three_public_comparison(wanli, run(wanli)))
    assert stated["公务用车购置及运行（维护）费"]["核对"] == "一致"


def test_running_costs_against_the_derived_limit_where_no_table_prints_public_costs():
    """深圳 shenzhen_31 prints neither 机关运行经费 nor 公用经费: the page sets the text's 809.59
    against the limit TEXT-RUNNING derives from the codes (1,401.11), as a limit."""
    from tests.conftest import CORPUS, corpus_document

    if not CORPUS.exists():
        import pytest

        pytest.skip("../shared/corpus not available")
    d = corpus_document("shenzhen_31.pdf")
    rows = rows_of(three_public.running_costs_comparison(d, run(d)))
    total = rows["机关运行经费（不超过按经济分类推算的上限）"]
    assert (total["table"], total["quoted"], total["核对"]) == (m("1401.11"), m("809.59"), "未超过")
