"""The engine and the catalogue: every rule ends passed, failed or not run; the seed's
true defects are reported and nothing else is an error."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from budget.checks import CATALOGUE, RULESET_VERSION, Category, Severity, Status, run, run_rule
from budget.checks.amounts import compare, compare_sum, exceeds
from budget.checks import Finding, Location, Need
from budget.checks.core import Context, Settings, rule
from budget.model import Money, MoneyUnit, TableKind
from tests.budget.checks.helpers import without_table

D = Decimal
W = MoneyUnit.WAN_YUAN
Y = MoneyUnit.YUAN


def test_catalogue_metadata_complete():
    ids = [r.id for r in CATALOGUE]
    assert len(ids) == len(set(ids))
    for r in CATALOGUE:
        assert r.title and r.template and r.guidance
        assert isinstance(r.category, Category) and isinstance(r.severity, Severity)
    assert {r.category for r in CATALOGUE} == set(Category)


def test_every_rule_has_tests():
    here = Path(__file__).parent
    text = "".join(p.read_text(encoding="utf-8") for p in here.glob("test_*.py") if p.name != Path(__file__).name)
    untested = [r.id for r in CATALOGUE if f'"{r.id}"' not in text]
    assert untested == []


def test_seed_errors_are_its_true_defects(seed):
    report = run(seed)
    assert report.ruleset == RULESET_VERSION
    assert len(report.results) == len(CATALOGUE)
    errors = sorted(
        (f.rule, f.location.project or f.location.section) for f in report.findings if f.severity == Severity.ERROR
    )
    assert errors == [
        ("FORM-PLACEHOLDER", "海防工作经费"),  # 目标内容1
        ("FORM-PLACEHOLDER", "海防工作经费"),  # 目标内容2
        ("TEXT-ASSETS", "七、国有资产信息"),  # 326.27 in the text, 344.74 in the table
    ]
    assert report.has_errors
    # the arithmetic of the seed reconciles
    for rule_id in (
        "ARITH-ROW",
        "ARITH-HIER",
        "ARITH-TOTALS",
        "ARITH-3PUB",
        "ARITH-PROC",
        "ARITH-ASSETS",
        "XREF-SUMMARY",
        "XREF-INCOME",
        "XREF-FISCAL",
        "XREF-PART",
        "XREF-3PUB-ECON",
        "XREF-INSURANCE",
    ):
        assert report.result(rule_id).status == Status.PASSED


def test_summary_counts(seed):
    report = run(seed)
    s = report.summary()
    assert s["passed"] + s["failed"] + s["not_run"] == len(CATALOGUE)
    assert s["error"] == 3
    assert s["info"] == 1  # the 三公 vehicle costs written as 运行费 + 保险
    for r in report.results:
        assert (r.status == Status.NOT_RUN) == (r.reason is not None)


def test_keys_stable_and_unique(seed):
    first = [f.key for f in run(seed).findings]
    again = [f.key for f in run(seed).findings]
    assert first == again
    assert len(set(first)) == len(first)


def test_findings_in_reading_order(seed):
    parts = [f.location.part for f in run(seed).findings]
    assert parts == sorted(parts)


def test_a_broken_rule_is_not_run_with_its_reason(seed):
    def broken(ctx):
        raise ZeroDivisionError("boom")

    entry = rule("TEST-BROKEN", "测试", Category.FORM, Severity.ERROR, "x", "y")(broken)
    res = run_rule(entry, Context(seed, Settings()))
    assert res.status == Status.NOT_RUN
    assert "ZeroDivisionError" in res.reason
    assert entry not in CATALOGUE  # making a rule does not register it: the catalogue is a list


def test_needs_declare_when_a_rule_runs(seed):
    def listed(ctx):
        yield Finding(message="", location=Location(section="x"), params={"n": len(ctx.doc.sections)})

    needs = (TableKind.EXPENDITURE, Need(lambda ctx: len(ctx.doc.sections) > 100, "说明部分不到一百节"))
    entry = rule("TEST-NEEDS", "测试", Category.FORM, Severity.WARNING, "共 {n} 节", "y", needs=needs)(listed)
    res = run_rule(entry, Context(without_table(seed, TableKind.EXPENDITURE), Settings()))
    assert (res.status, res.reason) == (Status.NOT_RUN, "文件中没有支出总表")
    res = run_rule(entry, Context(seed, Settings()))
    assert (res.status, res.reason) == (Status.NOT_RUN, "说明部分不到一百节")
    runs = rule("TEST-RUNS", "测试", Category.FORM, Severity.WARNING, "共 {n} 节", "y", needs=needs[:1])(listed)
    (found,) = run_rule(runs, Context(seed, Settings())).findings
    # the engine renders the rule's template with the finding's params
    assert found.message == f"共 {len(seed.sections)} 节"


def test_named_templates(seed):
    def two(ctx):
        yield Finding(message="", location=Location(section="a"), params={"n": 1})
        yield Finding(message="", location=Location(section="b"), params={"n": 2}, template="other")

    entry = rule("TEST-TWO", "测试", Category.FORM, Severity.INFO, "一 {n}", "y", templates={"other": "二 {n}"})(two)
    assert [f.message for f in run_rule(entry, Context(seed, Settings())).findings] == ["一 1", "二 2"]
    assert entry.message("other", n=3) == "二 3"


def test_the_catalogue_lists_every_rule_once():
    import budget.checks as package
    from budget.checks import arithmetic, completeness, form, items, performance, reading, reconcile, text
    from budget.checks.core import Rule

    defined = [
        value
        for module in (arithmetic, reconcile, text, items, completeness, form, performance, reading)
        for value in vars(module).values()
        if isinstance(value, Rule)
    ]
    assert {r.id for r in defined} == {r.id for r in CATALOGUE}
    assert len(CATALOGUE) == len({r.id for r in CATALOGUE}) == len(package.CATALOGUE)


def test_rule_needing_a_missing_table_is_not_run(seed):
    doc = without_table(seed, TableKind.EXPENDITURE)
    report = run(doc)
    assert report.result("XREF-PART").status == Status.NOT_RUN
    assert "支出总表" in report.result("XREF-PART").reason
    assert report.result("COMPLETE-TABLES").status == Status.FAILED


def test_envelope_sum_of_rounded_items():
    # three items each rounded to 0.01 万元: up to 0.015 of difference is rounding
    c = compare_sum(Money(D("10.02"), W), [Money(D("3.34"), W)] * 3)
    assert (c.equal, c.rounding, c.mismatch, c.tolerance) == (True, False, False, D("0.015"))
    c = compare_sum(Money(D("10.03"), W), [Money(D("3.34"), W)] * 3)
    assert (c.rounding, c.mismatch, c.difference.amount) == (True, False, D("0.01"))
    c = compare_sum(Money(D("10.05"), W), [Money(D("3.34"), W)] * 3)
    assert (c.rounding, c.mismatch) == (False, True)


def test_envelope_zero_printed_without_decimals_does_not_widen_it():
    c = compare_sum(Money(D("2.26"), W), [Money(D("0"), W), Money(D("2.25"), W)])
    assert c.tolerance == D("0.010") and c.mismatch is False
    c = compare_sum(Money(D("2.28"), W), [Money(D("0"), W), Money(D("2.25"), W)])
    assert c.mismatch


def test_wan_yuan_quote_against_yuan_table():
    assert not compare(Money(D("1212.12"), W), Money(D("12121164"), Y)).mismatch
    assert compare(Money(D("1212.13"), W), Money(D("12121164"), Y)).mismatch
    assert not compare(Money(D("47500"), Y), Money(D("4.75"), W)).mismatch


def test_part_exceeds_whole():
    assert exceeds(Money(D("13500"), Y), Money(D("1.35"), W)) is None
    over = exceeds(Money(D("13600"), Y), Money(D("1.35"), W))
    assert over is not None and over.difference.amount == D("100")


def _where(report):
    return sorted(
        repr(
            (
                f.rule,
                f.severity.value,
                f.location.table,
                f.location.row,
                f.location.column,
                f.location.section,
                f.location.project,
                f.expected,
                f.actual,
            )
        )
        for f in report.findings
    )


def test_same_findings_from_docx_txt_and_pdf(seed):
    from tests.conftest import parsed

    expected = _where(run(seed))
    for name in ("seed.txt", "seed.pdf"):
        assert _where(run(parsed(name))) == expected, name


def _seed_txt_with(old: str, new: str):
    from loaders import load
    from tests.conftest import fixture_bytes

    text = fixture_bytes("seed.txt").decode("utf-8")
    assert text.count(old) == 1, old
    return load(text.replace(old, new).encode("utf-8"), "seed.txt")


def test_source_edit_fixes_the_assets_sentence():
    report = run(_seed_txt_with("上年末固定资产金额为326.27万元", "上年末固定资产金额为344.74万元"))
    assert report.result("TEXT-ASSETS").status == Status.PASSED
    assert report.summary()["error"] == 2


def test_source_edit_breaks_a_table_row():
    # 行政单位离退休 26.91 → 29.61 in the expenditure table only: the row, the hierarchy and
    # the comparison with the general-public table all see it
    from loaders import load
    from tests.conftest import fixture_bytes

    text = fixture_bytes("seed.txt").decode("utf-8")
    head, _, tail = text.partition("单位预算支出总表")
    block, _, rest = tail.partition("单位预算财政拨款收支总表")
    assert block.count("\t26.91\n") == 2
    block = block.replace("\t26.91\n", "\t29.61\n", 1)
    doc = load((head + "单位预算支出总表" + block + "单位预算财政拨款收支总表" + rest).encode("utf-8"), "seed.txt")
    report = run(doc)
    # one wrong cell, one finding: the row sum and the 款 above it fail by the same 2.70
    (row,) = report.result("ARITH-ROW").findings
    assert (row.location.table, row.location.row, row.location.column, row.difference) == (
        "expenditure",
        "2080501",
        "合计",
        D("2.70"),
    )
    assert sorted((f.rule, f.location.row, f.location.column) for f in row.consequences) == [
        ("ARITH-HIER", "20805", "合计"),
        ("ARITH-ROW", "2080501", "合计"),
    ]
    assert report.result("ARITH-HIER").findings == ()
