"""The 政府采购预算表 as each city of the corpus prints it: its amounts found by their header
words, its printed 合计 kept, its 小计 rows (a class, a unit, a funding group) known as such
so that nothing is counted twice. Figures read off the printed pages."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import CORPUS, corpus_document

D = Decimal
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not here")


def lines(name: str):
    return [(p.catalogue_code, p.item, p.amount.amount if p.amount else None, p.is_total) for p in _read(name)]


def _read(name: str):
    return corpus_document(name).procurement


def items_sum(name: str) -> Decimal:
    return sum((p.amount.amount for p in _read(name) if not p.is_total and p.amount is not None), D(0))


def test_chongqing_amounts_under_zongji_and_the_total_across_two_columns():
    """chongqing_02 (p. 24): 项目编号 | 项目 | 总计 | 一般公共预算拨款收入 …; 合计 spans the first
    two columns, so its row has one cell fewer. The amounts were all read as blank."""
    assert lines("chongqing_02.pdf") == [
        (None, "合计", D("6546.82"), True),
        ("A", "货物", D("1267.79"), False),
        ("B", "工程", D("465.53"), False),
        ("C", "服务", D("4813.50"), False),
    ]


def test_wuxi_amounts_under_a_two_tier_header_and_its_subtotals():
    """wuxi_01 (p. 30): 资金来源 over 一般公共预算资金 | 政府性基金 | 其他资金 | 上年结转, 总计 beside
    it; 货物 and 服务 over their units, each unit over its items."""
    assert lines("wuxi_01.pdf") == [
        (None, "合计", D("112.90"), True),
        (None, "货物", D("2.00"), True),
        (None, "无锡市交通运输局(本级)", D("2.00"), True),
        (None, "复印纸", D("2.00"), False),
        (None, "服务", D("110.90"), True),
        (None, "无锡市交通运输局(本级)", D("110.90"), True),
        (None, "其他印刷服务", D("5.00"), False),
        (None, "其他咨询服务", D("105.90"), False),
    ]
    assert _read("wuxi_01.pdf")[3].project == "商品和服务支出(公用经费定额)"


def test_xian_total_kept_and_its_groups_not_counted_twice():
    """xian_01 (p. 32): 合计 4,186,460.00 元 spanning 科目编码 … 规格型号; each 全额 row and each
    unit row sums the items under it. The 总览 showed 12,559,380 元 (every row added up)."""
    read = lines("xian_01.pdf")
    assert read[:4] == [
        (None, "合计", D("4186460.00"), True),
        (None, "全额", D("890360.00"), True),
        (None, "西安市人民政府办公厅", D("890360.00"), True),
        ("A02021119", "条码扫描器", D("6000.00"), False),
    ]
    assert sum(1 for line in read if line[3]) == 7  # 合计 and three 全额 over three units
    assert items_sum("xian_01.pdf") == D("4186460.00")


def test_xian_row_without_catalogue_is_an_item_of_its_unit():
    """xian_03: 公安其他业务经费（内容涉密） is printed with no 采购目录 and sums nothing: it is an
    item of 西安市公安局 (60,780,868.59 元 with it), not a subtotal."""
    secret = [p for p in _read("xian_03.pdf") if "涉密" in p.item]
    assert len(secret) == 8 and not any(p.is_total for p in secret)
    assert secret[0].amount.amount == D("23690000.00")
    assert items_sum("xian_03.pdf") == D("391328302.13")


def test_xian_table_over_twelve_pages_is_one_table():
    """xian_08 (pp. 66–77, 万元): the title and header repeat on every page; 合计 9,493.70 on
    the first, the items on all twelve."""
    read = _read("xian_08.pdf")
    assert read[0].is_total and read[0].amount.amount == D("9493.70")
    assert items_sum("xian_08.pdf") == D("9493.70")


def test_beijing_classes_and_total_as_before():
    """beijing_meteo_part2 (预算10表): 采购类别 | 金额, A-货物 and C-服务, 合计 last: read right
    before (its classes now also named and coded: A 货物, C 服务)."""
    assert [(p.amount.amount, p.is_total) for p in _read("beijing_meteo_part2.pdf")] == [
        (D("264.126846"), False),
        (D("8341.932000"), False),
        (D("8606.058846"), True),
    ]
    assert [(code, item) for code, item, _, _ in lines("beijing_meteo_part2.pdf")[:2]] == [("A", "货物"), ("C", "服务")]
