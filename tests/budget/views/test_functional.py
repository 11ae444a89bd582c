"""budget.views.functional: the frames of its page."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal


from budget.checks import Severity, run
from budget.model import Line, Money, MoneyUnit, Table, TableKind
from budget.views import functional, overview, three_public
from tests.budget.checks.helpers import set_values
from tests.budget.views.builders import m, SEED, make_disclosure, values_by_id, EXPENDITURE


def tree(d, measure="total"):
    """The page's tree of ``d``, with the check run on ``d`` (as the app runs it with the parse)."""
    return functional.functional_hierarchy(d, run(d), measure)


def printed(seed, row: str, **values: str):
    """The seed with one row of its 支出总表 printed otherwise (the functional rows follow)."""
    d = set_values(seed, TableKind.EXPENDITURE, row, **values)
    return replace(d, functional=d.tables[d.functional_table].coded_lines())


def test_functional_hierarchy_total():
    h = tree(make_disclosure())
    v = values_by_id(h)
    assert v["root"] == m("1452.21")
    assert {k: v[k] for k in ("201", "204", "208", "210", "221")} == {
        "201": m("1065.08"),
        "204": m("276.93"),
        "208": m("61.54"),
        "210": m("32.01"),
        "221": m("16.65"),
    }
    parents = dict(zip(h.frame["id"], h.frame["parent"], strict=False))
    assert parents["2080505"] == "20805" and parents["20805"] == "208" and parents["208"] == "root"
    assert h.problems == ()
    row = h.frame.set_index("id").loc["201"]
    assert row["amount_label"] == "1,065.08 万元"
    assert row["share"] == Decimal("73.3")
    assert row["text"] == "1,065.08 万元<br>73.3%"


def test_measure_switch_changes_values():
    d = make_disclosure()
    basic = values_by_id(tree(d, "basic"))
    project = values_by_id(tree(d, "project"))
    assert "201" not in basic and basic["204"] == m("276.93") and basic["root"] == m("387.13")
    assert set(project) == {"root", "201", "20136", "2013602"}
    assert project["201"] == m("1065.08")


def test_parent_smaller_than_children_still_draws_and_the_check_says_why(seed):
    # the seed's 208 printed as 50.00 (its 款 and 项 still add up to 61.54)
    d = printed(seed, "208", total="50.00", basic="50.00")
    h = tree(d)
    # one wrong cell, reported once by the check (208 = Σ款 and 合计 = Σ类 both fail by it)
    (problem,) = h.problems
    assert (problem.rule, problem.severity, problem.location.row, problem.location.column) == (
        "ARITH-ROW",
        Severity.ERROR,
        "208",
        "合计",
    )
    assert problem.difference == Decimal("-11.54")
    assert problem in run(d).findings  # the check page's finding, not the page's own
    frame = h.frame.set_index("id")
    # geometry at least the children's sum, label still the printed figure
    assert frame.loc["208", "value"] >= frame.loc["20805", "value"]
    assert frame.loc["208", "amount_label"] == "50.00 万元"
    assert frame.loc["root", "value"] >= frame.loc[["201", "204", "208", "210", "221"], "value"].sum()
    assert tree(seed).problems == ()


def test_a_rounding_the_check_calls_a_note_is_no_problem(seed):
    # the seed's 20805 printed 61.53 over 2080501 26.91 + 2080505 34.63 = 61.54: rounding
    d = printed(seed, "20805", total="61.53", basic="61.53")
    notes = [f for f in run(d).findings if f.rule == "ARITH-HIER" and f.location.row in ("208", "20805")]
    assert {(f.location.row, f.location.column, f.severity) for f in notes} == {
        (row, column, Severity.INFO) for row in ("208", "20805") for column in ("合计", "基本支出")
    }
    assert tree(d).problems == () and tree(d, "basic").problems == ()


def test_the_problems_of_a_measure_are_the_check_findings_in_its_column(seed):
    # 2080505 printed 30.00 in 基本支出 only: 合计 ≠ 基本 + 项目 there, and 20805's 基本支出 sum breaks
    d = printed(seed, "2080505", basic="30.00")
    assert {f.location.column for f in tree(d, "basic").problems} == {"基本支出"}
    assert all(f.severity == Severity.ERROR for f in tree(d, "basic").problems)
    assert tree(d, "project").problems == ()


def test_orphan_row_attaches_to_root():
    rows = [r for r in EXPENDITURE if r[0] not in ("221", "22102")]
    h = tree(make_disclosure(rows))
    parents = dict(zip(h.frame["id"], h.frame["parent"], strict=False))
    assert parents["2210201"] == "root"


def test_many_rows_share_labels_stay_exact():
    rows = [("201", "一般公共服务支出", "60.00", None, "60.00"), ("20101", "人大事务", "60.00", None, "60.00")]
    rows += [(f"20101{i:02d}", f"项目{i}", "1.00", None, "1.00") for i in range(1, 61)]
    h = tree(make_disclosure(rows, ("60.00", None, "60.00")))
    assert len(h.frame) == 63 and h.problems == ()
    assert set(h.frame.loc[h.frame["level"] == 3, "share_label"]) == {"1.7%"}


def test_seed_document():
    from loaders import load

    d = load(SEED.read_bytes(), SEED.name)
    v = values_by_id(tree(d))
    assert v["root"] == m("1452.21")
    assert (v["201"], v["204"], v["208"], v["210"], v["221"]) == (
        m("1065.08"),
        m("276.93"),
        m("61.54"),
        m("32.01"),
        m("16.65"),
    )
    o = overview.overview(d)
    heads = {h.label: h.amount for h in o.headlines}
    assert heads["基本支出"] == m("387.13") and heads["人员经费"] == m("355.31")
    assert heads["“三公”经费"] == m("2.56") and heads["政府采购"] == m("47.80")
    assert (o.projects, o.indicators) == (13, 90)
    c = three_public.running_costs_comparison(d, run(d))
    rows = {r["项目"]: r for r in c.frame.to_dict("records")}
    assert rows["机关运行经费（不超过基本支出表公用经费）"]["quoted"] == m("31.82")


def test_root_is_the_total_of_the_table_the_functional_rows_come_from():
    # a 支出总表 printed by unit (its 合计 all funds); the functional rows read from the 一般公共预算支出表
    d = make_disclosure()
    expenditure = d.table(TableKind.EXPENDITURE)
    by_unit = Table(
        TableKind.EXPENDITURE,
        "部门支出总表",
        (),
        (),
        lines=(Line("合计", {"total": m("9999.00"), "basic": m("999.00"), "project": m("9000.00")}, is_total=True),),
    )
    general = replace(expenditure, kind=TableKind.GENERAL_PUBLIC, title="一般公共预算支出表")
    tables = (by_unit, general, *(t for t in d.tables if t.kind != TableKind.EXPENDITURE))
    d = replace(d, tables=tables, functional_table=1)
    assert values_by_id(tree(d))["root"] == m("1452.21")
    assert values_by_id(tree(replace(d, functional_table=None)))["root"] == m("9999.00")


def test_sector_kept_across_measures_falls_back_to_its_nearest_drawn_ancestor(seed_docx):
    total = tree(seed_docx)
    project = tree(seed_docx, "project")
    assert functional.drawn_sector(total, "2080505") == "2080505"
    assert functional.drawn_sector(project, "2080505") == "root"  # no project spending under 208
    assert functional.drawn_sector(project, "2013602") == "2013602"
    assert functional.drawn_sector(total, None) == "root"
    labels = functional.sector_labels(seed_docx)
    assert list(labels)[:3] == ["root", "201", "20136"] and labels["208"] == "208 社会保障和就业支出"


def test_breadcrumb_ring_and_rows_of_a_measure(seed_docx):
    total = tree(seed_docx)
    assert functional.path_to(total, "2080505") == ["root", "208", "20805", "2080505"]
    ring = functional.ring(total, "208")
    assert list(ring["id"]) == ["20805"] and list(ring["level_share"]) == ["100.0%"]
    top = functional.ring(total, "root")
    assert list(top["id"]) == ["201", "204", "208", "210", "221"]
    assert list(top["level_share"]) == ["73.3%", "19.1%", "4.2%", "2.2%", "1.1%"]
    project = tree(seed_docx, "project")
    assert [line.code for line in functional.measure_lines(seed_docx, project, "root")] == ["201", "20136", "2013602"]
    assert len(functional.measure_lines(seed_docx, total, "root")) == 17


def test_rows_in_a_display_unit(seed_docx):
    from budget.views.display import DisplayUnit

    frame = functional.lines_frame(seed_docx.functional[:1], ["total"], DisplayUnit.YUAN)
    assert list(frame.columns) == ["科目编码", "科目名称", "合计（元）"]
    assert frame.iloc[0]["合计（元）"] == "10,650,800.00"


def test_a_column_of_zeros_is_left_out_of_the_rows(seed_docx):
    from dataclasses import replace

    from budget.model import Money, MoneyUnit
    from budget.views.display import DisplayUnit

    zero = Money(Decimal("0.00"), MoneyUnit.WAN_YUAN)
    # as 深圳 prints them: 经营支出 0.00 on every row
    lines = [replace(line, values={**line.values, "operating_expense": zero}) for line in seed_docx.functional]
    frame = functional.lines_frame(lines, ["total", "basic", "operating_expense"], DisplayUnit.WAN_YUAN)
    assert list(frame.columns) == ["科目编码", "科目名称", "合计（万元）", "基本支出（万元）"]
    only = functional.lines_frame(lines, ["operating_expense", "total"], DisplayUnit.WAN_YUAN)
    assert list(only.columns)[2] == "经营支出（万元）"  # the measure stays even when all zero


def test_a_rounding_difference_is_not_called_bad_data(seed):
    """The seed's 2080501 printed 26.92 (20805's items 61.55 against its 61.54), or its 208
    printed 61.53 over 20805 61.54 (itself of two rounded 项): within rounding as the check
    counts it (half a unit per rounded figure under the sum, as wuhan_02's 合计 14,572.53
    against 14,572.54 of five classes): the check's notes, no problem on the page."""
    for row, values in (
        ("2080501", {"total": "26.92", "basic": "26.92"}),
        ("208", {"total": "61.53", "basic": "61.53"}),
    ):
        d = printed(seed, row, **values)
        notes = {(f.location.row, f.severity) for f in run(d).findings if f.rule == "ARITH-HIER"}
        assert notes and all(severity == Severity.INFO for _, severity in notes)
        h = tree(d)
        assert h.problems == ()
    assert h.frame.set_index("id").loc["208", "amount_label"] == "61.53 万元"


def test_basic_printed_as_its_two_parts():
    """xian_10 (西安市住房和城乡建设局, 元) prints 人员经费支出 | 公用经费支出 | 专项业务经费支出
    and no 基本支出 column: 基本支出 is their exact sum on the cards, the bars and the
    sunburst's 基本支出 measure (it was '—' and an empty chart); the detail keeps both parts."""
    import pytest

    from tests.conftest import read  # once per run, shared

    path = SEED.parents[1].parent / "shared" / "corpus" / "xian_10.pdf"
    if not path.exists():
        pytest.skip("../shared/corpus not available")
    d = read(path)
    cards = {h.label: h.amount for h in overview.overview(d).headlines}
    assert cards["基本支出"] == Money(Decimal("116390476.03"), MoneyUnit.YUAN)  # 106,728,851.16 + 9,661,624.87
    basic = values_by_id(tree(d, "basic"))
    assert basic["201"] == Money(Decimal("3729770.06"), MoneyUnit.YUAN)  # 3,282,427.83 + 447,342.23
    assert basic["root"] == cards["基本支出"]
    assert functional.functional_keys(d)[:4] == ["total", "personnel", "public", "project"]
    row = overview.by_class(d).set_index("code").loc["201"]
    assert row["basic"] == basic["201"] and row["project"] == Money(Decimal("5329960.00"), MoneyUnit.YUAN)


def test_a_printed_basic_column_is_used_as_printed():
    d = make_disclosure()
    assert values_by_id(tree(d, "basic"))["204"] == m("276.93")


def test_a_table_printed_per_unit_is_summed_by_code():
    """shenzhen_02's 支出总表 lists every class for each of its 21 预算单位: the sunburst
    repeated ids (364) and drew nothing, with false 'bad data' warnings; one node per code
    now, the exact sum over the units (205 教育支出 113,716.98 万元 of 571,347.93)."""
    import pytest

    from tests.conftest import read  # once per run, shared

    path = SEED.parents[1].parent / "shared" / "corpus" / "shenzhen_02.pdf"
    if not path.exists():
        pytest.skip("../shared/corpus not available")
    d = read(path)
    h = tree(d)
    assert not h.frame["id"].duplicated().any()
    v = values_by_id(h)
    assert v["root"] == m("571347.93") and v["205"] == m("113716.98")
    assert [row for row in functional.subtree_lines(d, "205") if row.code == "205"][0].total == m("113716.98")
    assert list(overview.by_class(d)["code"])[:3] == ["206", "208", "205"]
    # 22102 summed from 19 units' rounded rows is 0.03 below its items: rounding, not bad data
    assert h.problems == ()


def test_a_table_with_each_code_once_is_kept_as_printed(seed_docx):
    from budget.views.hierarchy import one_per_code

    assert one_per_code(seed_docx.functional) == list(seed_docx.functional)


def test_a_line_printed_again_under_the_same_code_is_drawn_once():
    """wuxi_07's 支出总表 prints 21999 其他支出 502.00 twice in a row (a 项 under its 款's
    code): one sector of 502.00, and the 类 add up to the table's 合计, not 502.00 more."""
    from tests.conftest import corpus_document

    d = corpus_document("wuxi_07.pdf")
    h = functional.functional_hierarchy(d, run(d))
    frame = h.frame.set_index("id")
    assert h.total == m("9947.88")
    assert sum(Decimal(str(v)) for v in h.frame.loc[h.frame["level"] == 1, "value"]).quantize(
        Decimal("0.01")
    ) == Decimal("9947.88")
    assert [c for c in h.frame["code"] if c == "21999"] == ["21999"] and frame.loc["21999", "amount"] == m("502.00")
