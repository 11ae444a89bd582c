"""budget.economic: 人员经费 / 公用经费 by the codes where the table prints no such columns,
and the limit of 机关运行经费 the check derives from them, on real corpus documents."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest

from budget import economic
from budget.model import Money, MoneyUnit, TableKind
from tests.conftest import CORPUS, ROOT, corpus_document


def wan(amount: str) -> Money:
    return Money(Decimal(amount), MoneyUnit.WAN_YUAN)


@pytest.fixture(autouse=True)
def _corpus():
    if not CORPUS.exists():
        pytest.skip("../shared/corpus not available")


def test_guangzhou_basic_table_is_split_by_its_codes_and_its_project_table_read_by_class():
    """广州 guangzhou_05 表6 prints 合计 16,310.73 by economic 类 / 款 only; 表7 prints the project
    spending by economic class (302 7,976.11, 310 1,299.91, 312 95,792.00)."""
    d = corpus_document("guangzhou_05.pdf")
    assert economic.split_source(d) == "derived"
    assert economic.derived_parts(d) == {
        "personnel": wan("14866.24"),  # 301 12,873.54 + 303 1,992.70
        "public": wan("1444.48"),  # 302 1,427.58 + 310 16.90
    }
    table, _lines, _amount_of = economic.project_by_economic(d)
    assert table.kind == TableKind.PROJECT and "按经济分类" in table.title
    # 1,444.48 + 7,976.11 + 1,299.91: 312 对企业补助 is no running cost of the organ
    assert economic.derived_public_with_project(d) == wan("10720.50")


def test_shenzhen_economic_table_gives_basic_and_project_columns():
    """深圳 shenzhen_31 表8 一般公共预算支出表（按经济分类）: 基本支出 302 285.17 + 310 38.75,
    项目支出 302 1,077.19 and 310 0.00."""
    d = corpus_document("shenzhen_31.pdf")
    assert economic.derived_parts(d)["public"] == wan("323.92")
    assert economic.derived_public_with_project(d) == wan("1401.11")


def test_a_table_printing_the_columns_is_not_derived():
    """上海 shanghai_04 prints 人员经费 and 公用经费: nothing is derived there."""
    d = corpus_document("shanghai_04.pdf")
    assert economic.split_source(d) == "printed"
    assert economic.derived_parts(d) == {} and economic.derived_public_with_project(d) is None


def test_the_domain_module_imports_first():
    """budget.economic imports budget.checks.amounts, and the checks import budget.economic:
    either may be imported first."""
    done = subprocess.run(
        [sys.executable, "-c", "import budget.economic, budget.checks; print(len(budget.checks.CATALOGUE))"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
