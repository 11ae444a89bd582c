"""budget.views.basic_project: the frames of its page."""

from __future__ import annotations


from dataclasses import replace
from decimal import Decimal

from budget.checks import Severity, run
from budget.model import TableKind
from budget.views import basic_project
from tests.budget.checks.helpers import set_values
from tests.budget.views.builders import m, make_disclosure, values_by_id


def test_economic_hierarchy():
    h = basic_project.economic_hierarchy(make_disclosure(), run(make_disclosure()))
    v = values_by_id(h)
    assert v["root"] == m("387.13") and v["personnel"] == m("355.31") and v["public"] == m("31.82")
    assert v["public/302"] == m("31.82") and v["personnel/30101"] == m("80.29")
    parents = dict(zip(h.frame["id"], h.frame["parent"], strict=False))
    assert parents["public/30201"] == "public/302" and parents["personnel/301"] == "personnel"


def test_every_tile_is_listed_with_its_amount_and_share(seed_docx):
    from budget.views.display import DisplayUnit

    tiles = basic_project.tiles_frame(basic_project.economic_hierarchy(seed_docx, run(seed_docx), DisplayUnit.WAN_YUAN))
    names = list(tiles["科目"])
    assert names[0] == "人员经费" and "公用经费" in names
    rows = dict(zip(names, zip(tiles["金额"], tiles["占比"], strict=False), strict=False))
    assert rows["人员经费"] == ("355.31 万元", "91.8%")
    assert rows["公用经费"] == ("31.82 万元", "8.2%")
    assert rows["\u3000\u300030101 基本工资"] == ("80.29 万元", "20.7%")
    assert (
        len(tiles) == len(basic_project.economic_hierarchy(seed_docx, run(seed_docx)).frame) - 1
    )  # every tile but the root
    english = basic_project.tiles_frame(
        basic_project.economic_hierarchy(seed_docx, run(seed_docx)), lambda n: {"人员经费": "Personnel"}.get(n, n)
    )
    assert list(english["科目"])[0] == "Personnel"


def test_the_treemap_problems_are_the_check_findings_in_its_table(seed):
    assert basic_project.economic_hierarchy(seed, run(seed)).problems == ()
    # the seed's 基本支出表 with 30201 办公费 printed 5.75 (302 still says 31.82)
    d = set_values(seed, TableKind.BASIC_ECONOMIC, "30201", total="5.75", public="5.75")
    d = replace(d, economic=d.table(TableKind.BASIC_ECONOMIC).coded_lines())
    report = run(d)
    problems = basic_project.economic_hierarchy(d, report).problems
    assert {(f.rule, f.severity, f.location.row, f.location.column) for f in problems} == {
        ("ARITH-HIER", Severity.ERROR, "302", "合计"),
        ("ARITH-HIER", Severity.ERROR, "302", "公用经费"),
    }
    assert {f.difference for f in problems} == {Decimal("-1.00")} and all(f in report.findings for f in problems)


def test_a_basic_table_without_personnel_and_public_columns_opens_its_classes():
    """广州's 一般公共预算基本支出情况表 prints one 预算 column per economic item, no 人员 /
    公用 split: the treemap shows its 类 and 款 as printed (it said "no usable data")."""
    import pytest

    from tests.conftest import read  # once per run, shared
    from tests.budget.views.builders import SEED

    path = SEED.parents[1].parent / "shared" / "corpus" / "guangzhou_13.pdf"
    if not path.exists():
        pytest.skip("../shared/corpus not available")
    d = read(path)
    assert not basic_project.split_by_part(d)
    h = basic_project.economic_hierarchy(d, run(d))
    v = values_by_id(h)
    assert v["root"] == m("3204.78") and v["301"] == m("2577.42") and v["302"] == m("272.21")
    assert v["30101"] == m("374.86")
    parents = dict(zip(h.frame["id"], h.frame["parent"], strict=False))
    assert parents["30101"] == "301" and parents["301"] == "root"
    assert not any(str(i).startswith(("personnel", "public")) for i in h.frame["id"])


def test_the_seed_is_split_by_part(seed_docx):
    assert basic_project.split_by_part(seed_docx)


def test_a_code_printed_on_several_rows_is_one_tile():
    """xian_10 prints 30101 基本工资 twice (政府经济科目 50101 and 50501): one tile of the
    exact sum, so no id repeats (the treemap drew nothing)."""
    from decimal import Decimal

    import pytest

    from tests.conftest import read  # once per run, shared
    from budget.model import Money, MoneyUnit
    from tests.budget.views.builders import SEED

    path = SEED.parents[1].parent / "shared" / "corpus" / "xian_10.pdf"
    if not path.exists():
        pytest.skip("../shared/corpus not available")
    d = read(path)
    h = basic_project.economic_hierarchy(d, run(d))
    assert not h.frame["id"].duplicated().any()
    v = values_by_id(h)
    assert v["personnel/30101"] == Money(Decimal("25239677.40"), MoneyUnit.YUAN)  # 10,874,417.40 + 14,365,260.00
    assert v["personnel/301"] == Money(Decimal("99633217.06"), MoneyUnit.YUAN)
    assert h.problems == ()
