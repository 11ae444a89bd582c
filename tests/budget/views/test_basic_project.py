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


def _corpus(name: str):
    import pytest

    from tests.conftest import read  # once per run, shared
    from tests.budget.views.builders import SEED

    path = SEED.parents[1].parent / "shared" / "corpus" / name
    if not path.exists():
        pytest.skip("../shared/corpus not available")
    return read(path)


def test_a_basic_table_without_personnel_and_public_columns_is_split_by_its_codes():
    """广州's 一般公共预算基本支出情况表 prints one 预算 column per economic item, no 人员 /
    公用 split: 301 and 303 are 人员经费, the other classes 公用经费, each part the exact sum
    of its classes, named as derived (the treemap showed only the classes)."""
    d = _corpus("guangzhou_13.pdf")
    assert not basic_project.split_by_part(d)
    assert basic_project.split_source(d) == "derived"
    h = basic_project.economic_hierarchy(d, run(d))
    v = values_by_id(h)
    assert v["root"] == m("3204.78")
    assert v["personnel"] == m("2929.77")  # 301 2,577.42 + 303 352.35
    assert v["public"] == m("275.01")  # 302 272.21 + 310 2.80
    assert v["personnel/301"] == m("2577.42") and v["personnel/303"] == m("352.35")
    assert v["public/302"] == m("272.21") and v["public/310"] == m("2.80")
    assert v["personnel/30101"] == m("374.86")
    parents = dict(zip(h.frame["id"], h.frame["parent"], strict=False))
    assert parents["personnel/30101"] == "personnel/301" and parents["personnel/301"] == "personnel"
    assert parents["personnel"] == "root"
    names = dict(zip(h.frame["id"], h.frame["name"], strict=False))
    assert names["personnel"] == "人员经费（按科目推算）" and names["public"] == "公用经费（按科目推算）"
    assert basic_project.derived_parts(d) == {"personnel": m("2929.77"), "public": m("275.01")}


def test_codes_of_another_classification_are_not_split():
    """The same table with its codes in the 政府预算经济分类 (301 → 501 …: 505 mixes wages and
    running costs, so a class does not say its part): no split guessed, the classes as printed."""
    d = _corpus("guangzhou_13.pdf")
    government = {"301": "501", "302": "502", "303": "509", "310": "503"}
    economic = tuple(
        replace(line, code=government[line.code[:3]] + line.code[3:]) if line.code else line for line in d.economic
    )
    d = replace(d, economic=economic)
    assert basic_project.split_source(d) is None and basic_project.derived_parts(d) == {}
    h = basic_project.economic_hierarchy(d, run(d))
    v = values_by_id(h)
    assert v["root"] == m("3204.78") and v["501"] == m("2577.42") and v["502"] == m("272.21")
    assert v["50101"] == m("374.86")
    parents = dict(zip(h.frame["id"], h.frame["parent"], strict=False))
    assert parents["50101"] == "501" and parents["501"] == "root"
    assert not any(str(i).startswith(("personnel", "public")) for i in h.frame["id"])


def test_an_economic_table_with_basic_and_project_columns_draws_its_basic_column():
    """深圳's 一般公共预算支出表（按经济分类）prints 支出总计 | 基本支出 | 项目支出 per code and no
    人员 / 公用 columns: the treemap of basic expenditure is its 基本支出 column (it drew the
    支出总计, 384,598.56 万元, 97 % of it 312 对企业补助 of projects), split by the codes."""
    d = _corpus("shenzhen_01.pdf")
    assert d.tables[d.economic_table].kind == TableKind.GENERAL_PUBLIC_ECONOMIC
    assert basic_project.split_source(d) == "derived"
    v = values_by_id(basic_project.economic_hierarchy(d, run(d)))
    assert v["root"] == m("11826.97")
    assert v["personnel"] == m("9161.46") and v["public"] == m("2665.51")  # = 11,826.97
    assert v["personnel/301"] == m("8305.83") and v["personnel/30101"] == m("1636.40")
    assert not any(k.endswith("/312") for k in v)  # 对企业补助: project spending only (基本 0.00)


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


def test_the_overview_cards_take_the_derived_split_and_say_so():
    """总览's 人员经费 / 公用经费 cards of a document that prints no split (they read "not
    found"): the sums by the codes, marked derived; the 对比 page keeps printed figures only."""
    from budget.views.compare import headline_amounts
    from budget.views.overview import overview

    d = _corpus("guangzhou_13.pdf")
    heads = {h.key: h for h in overview(d).headlines}
    assert heads["personnel"].amount == m("2929.77") and heads["personnel"].derived
    assert heads["public"].amount == m("275.01") and heads["public"].derived
    assert heads["personnel"].share == "91.4%"  # of 基本支出 3,204.78
    assert heads["personnel"].source == TableKind.BASIC_ECONOMIC
    assert not heads["basic"].derived
    amounts = headline_amounts(d)
    assert amounts["personnel"] is None and amounts["public"] is None


def test_a_printed_split_on_the_overview_is_not_derived(seed_docx):
    from budget.views.overview import overview

    heads = {h.key: h for h in overview(seed_docx).headlines}
    assert heads["personnel"].amount == m("355.31") and not heads["personnel"].derived


def _without_public_total(d):
    """The disclosure with its economic table's total row carrying no 公用经费 (as the reader
    left xian_12's and wuhan_02's 决算 tables before it read the third block's 公用经费合计)."""
    index = d.economic_table
    table = d.tables[index]
    lines = tuple(
        replace(line, values={k: v for k, v in line.values.items() if k != "public"}) if line.is_total else line
        for line in table.lines
    )
    tables = list(d.tables)
    tables[index] = replace(table, lines=lines)
    return replace(d, tables=tuple(tables))


def test_a_part_whose_total_is_not_read_is_the_sum_of_its_classes():
    """xian_12 (决算) prints 人员经费合计 96,513.21 and, at the end of its third block, 公用经费合计
    2,093.08. Read from the total row, both are drawn as printed; with that cell taken off the
    total row, 公用经费 is 302 2,085.91 + 310 7.17 (the same figure), and 基本支出 both parts
    (it was 人员经费 alone, shown as 100.0 %)."""
    printed = _corpus("xian_12.pdf")
    assert basic_project.split_source(printed) == "printed"
    assert basic_project.part_totals(printed)["public"] == (m("2093.08"), "printed")
    d = _without_public_total(printed)
    assert basic_project.part_totals(d)["public"] == (m("2093.08"), "summed")
    h = basic_project.economic_hierarchy(d, run(d))
    v = values_by_id(h)
    assert v["personnel"] == m("96513.21")  # as printed on the total row
    assert v["public"] == m("2093.08") and v["public/302"] == m("2085.91") and v["public/310"] == m("7.17")
    assert v["root"] == m("98606.29")
    shares = dict(zip(h.frame["id"], h.frame["share_label"], strict=False))
    assert shares["personnel"] == "97.9%" and shares["public"] == "2.1%"
    assert values_by_id(basic_project.economic_hierarchy(printed, run(printed))) == v


def test_the_overview_cards_of_a_final_account_with_one_part_on_its_total_row():
    """wuhan_02 (决算) with 公用经费 taken off its total row: the card is the sum of its printed
    classes, marked so, and both are shares of their sum (the cards read "not found" and no
    share); as read (both on the total row), the same figures, printed."""
    from budget.views.overview import overview

    printed = _corpus("wuhan_02.pdf")
    d = _without_public_total(printed)
    heads = {h.key: h for h in overview(d).headlines}
    personnel, public = heads["personnel"], heads["public"]
    assert personnel.amount == m("7967.72") and personnel.how == "printed"
    assert public.how == "summed" and public.amount == m("2266.65")
    whole = personnel.amount + public.amount
    assert values_by_id(basic_project.economic_hierarchy(d, run(d)))["root"] == whole
    assert (personnel.share, public.share) == ("77.9%", "22.1%")
    # their whole is the 一般公共预算 basic spending (10,234.37), not the card's 基本支出 11,073.11
    assert personnel.whole == "一般公共预算基本支出" and heads["basic"].amount == m("11073.11")
    as_read = {h.key: h for h in overview(printed).headlines}
    assert (as_read["public"].amount, as_read["public"].how) == (m("2266.65"), "printed")
