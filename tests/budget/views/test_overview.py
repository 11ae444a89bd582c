"""budget.views.overview: the frames of its page."""

from __future__ import annotations

from decimal import Decimal

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


def test_classes_summed_from_item_rows_when_no_class_row_is_printed():
    """北京's 一般公共预算支出表 lists only 项 rows (2130201 行政运行 …): 钱花在哪里 and the
    basic/project bars showed nothing; the rows are summed exactly into 213 农林水支出."""
    from decimal import Decimal

    import pytest

    from budget.application.files import read_parts
    from budget.model import Money, MoneyUnit
    from budget.views.overview import by_class
    from tests.budget.views.builders import SEED

    folder = SEED.parents[1].parent / "shared" / "corpus"
    parts = [folder / "beijing_greening_part1.pdf", folder / "beijing_greening_part2.pdf"]
    if not all(p.exists() for p in parts):
        pytest.skip("../shared/corpus not available")
    rows = by_class(read_parts(parts))
    assert list(rows["code"]) == ["213"] and list(rows["name"]) == ["农林水支出"]
    wan = MoneyUnit.WAN_YUAN
    assert rows.iloc[0]["total"] == Money(Decimal("5133.737491"), wan)  # 958.957491 + 243.69 + … + 1,016.09
    assert rows.iloc[0]["basic"] == Money(Decimal("950.088291"), wan)
    assert rows.iloc[0]["project"] == Money(Decimal("4183.649200"), wan)


def test_printed_class_rows_are_used_as_printed(seed_docx):
    from budget.views.overview import by_class

    rows = by_class(seed_docx).set_index("code")
    assert list(rows.index) == ["201", "204", "208", "210", "221"]
    assert rows.loc["204", "name"] == "公共安全支出"


def test_personnel_and_running_costs_name_the_basic_spending_they_are_a_share_of():
    """湖州市卫健委 (huzhou_02): 人员经费 20,452.54 and 公用经费 707.75 万元 are read from its
    一般公共预算基本支出表 (21,160.29), which is a small part of its 基本支出 463,456.94: the
    cards said "占基本支出 96.7%" beside that card. They name their whole; the seed, whose
    two coincide (387.13), keeps "占基本支出" (test above)."""
    import pytest

    from tests.conftest import CORPUS, corpus_document

    if not (CORPUS / "huzhou_02.pdf").exists():
        pytest.skip("../shared/corpus not available")
    heads = {h.key: h for h in overview.overview(corpus_document("huzhou_02.pdf")).headlines}
    assert heads["basic"].amount == m("463456.94")
    assert heads["personnel"].amount == m("20452.54")
    assert heads["personnel"].share_label == "占一般公共预算基本支出 96.7%"
    assert heads["public"].share_label == "占一般公共预算基本支出 3.3%"


def test_procurement_stated_in_the_text_when_no_table_prints_it(seed):
    """Most documents give 政府采购 only in words (长沙市信访局: "政府采购预算总额43.9万元",
    page 9, and no 政府采购预算表): the card showed "文档中没有找到这个数字"."""
    from budget.model import Money, MoneyUnit
    from tests.conftest import corpus_document

    def card(d):
        return next(h for h in overview.overview(d).headlines if h.key == "procurement")

    stated = card(corpus_document("changsha_01.pdf"))
    assert stated.amount == Money(Decimal("43.9"), MoneyUnit.WAN_YUAN)
    assert (stated.how, stated.page, stated.share_label) == ("stated", 9, "占支出总计 2.3%")
    printed = card(seed)  # a 政府采购预算表 is read first
    assert (printed.amount, printed.how, printed.page) == (m("47.80"), "printed", None)
    # 广州市 …: neither a table nor a sentence gives the total
    assert card(corpus_document("guangzhou_23.pdf")).amount is None


def test_procurement_printed_total_not_its_subtotals_added():
    """西安市人民政府办公厅 (xian_01, p. 32) prints 合计 4,186,460.00 元 over 全额 and unit rows
    that sum their items: the card showed 12,559,380 元 (every row added, the 合计 lost)."""
    from budget.model import Money, MoneyUnit
    from tests.conftest import corpus_document

    card = next(h for h in overview.overview(corpus_document("xian_01.pdf")).headlines if h.key == "procurement")
    assert (card.amount, card.how) == (Money(Decimal("4186460.00"), MoneyUnit.YUAN), "printed")


def test_a_file_that_is_one_part_of_a_disclosure_says_what_it_lacks(seed):
    """北京 publishes its 情况说明 and its 报表 as two files: the first alone has no table,
    both together are one document; 广州市生态环境局's file holds its 部门整体支出绩效目标表
    and no standard table; the seed has all of them."""
    import pytest

    from loaders.join import join
    from tests.conftest import CORPUS, corpus_document

    if not CORPUS.exists():
        pytest.skip("../shared/corpus not available")
    narrative = corpus_document("beijing_greening_part1.pdf")
    assert (len(narrative.tables), overview.missing_part(narrative)) == (0, "tables")
    whole = join([narrative, corpus_document("beijing_greening_part2.pdf")])
    assert overview.missing_part(whole) is None
    goals = corpus_document("guangzhou_23.pdf")
    assert [t.kind.value for t in goals.tables] == ["performance"]
    assert overview.missing_part(goals) == "standard"
    assert overview.missing_part(seed) is None
