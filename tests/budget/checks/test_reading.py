"""No false alarms from misreading: a table whose identities fail wholesale is one warning
(its results out of the error count), one wrong cell is one finding, a total rounded to
whole 元 is a warning, and a difference that is another figure of the row points at the
reading. Each on the seed with one thing changed."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from budget.checks import Severity, Status, run
from budget.model import Money, MoneyUnit, TableKind
from tests.budget.checks.helpers import edit_table, edit_text, places, result, set_values

D = Decimal


def scaled_column(doc, kind, key, factor):
    """Every figure of one column multiplied: a column read from the wrong place."""
    table = doc.table(kind)
    lines = []
    for line in table.lines:
        values = dict(line.values)
        if values.get(key) is not None:
            values[key] = Money(values[key].amount * factor, values[key].unit)
        lines.append(replace(line, values=values))
    return edit_table(doc, kind, lines=tuple(lines))


def test_tables_read_reliably_in_the_seed(seed):
    res = result(seed, "READ-TABLE")
    assert (res.status, res.findings) == (Status.PASSED, ())


def test_a_column_failing_wholesale_is_one_warning(seed):
    doc = scaled_column(seed, TableKind.EXPENDITURE, "basic", D(10))
    report = run(doc)
    (read,) = report.result("READ-TABLE").findings
    assert (read.severity, read.location.table) == (Severity.WARNING, "expenditure")
    # every row with a 基本支出 figure fails its 合计 = 基本 + 项目: most of that column
    assert read.params["columns"] == {"total": read.params["failed"]} and read.params["failed"] >= 3
    # the row failures are its consequences, not errors
    assert {f.rule for f in read.consequences} == {"ARITH-ROW"}
    assert not [f for f in report.findings if f.severity == Severity.ERROR and f.location.table == "expenditure"]
    assert report.result("ARITH-ROW").status == Status.PASSED
    assert "READ-TABLE" in report.result("ARITH-ROW").reason


def test_one_wrong_cell_is_an_error_not_a_reading_problem(seed):
    doc = set_values(seed, TableKind.EXPENDITURE, "2013602", project="1000.00")
    report = run(doc)
    assert report.result("READ-TABLE").status == Status.PASSED
    # the row and the 款 20136 above it fail by the same 65.08: the 项目支出 cell is wrong
    assert places(report.result("ARITH-ROW")) == {("expenditure", "2013602", "项目支出", "error")}


def test_one_wrong_cell_breaking_row_and_hierarchy_is_one_finding(seed):
    # 2080501 行政单位离退休: basic 26.91 -> 29.61 breaks its row (合计 26.91) and the 款 20805 above it
    doc = set_values(seed, TableKind.EXPENDITURE, "2080501", basic="29.61")
    report = run(doc)
    (found,) = report.result("ARITH-ROW").findings
    assert (found.location.row, found.location.column, found.difference) == ("2080501", "基本支出", D("-2.70"))
    assert sorted((f.rule, f.location.row) for f in found.consequences) == [
        ("ARITH-HIER", "20805"),
        ("ARITH-ROW", "2080501"),
    ]
    assert report.result("ARITH-HIER").findings == ()


def test_total_in_whole_yuan_above_fen_parts_is_a_warning(seed):
    yuan = MoneyUnit.YUAN
    table = seed.table(TableKind.BASIC_ECONOMIC)
    total = next(ln for ln in table.lines if ln.is_total)
    values = {"total": Money(D("3871300"), yuan), "personnel": Money(D("3553100.40"), yuan)}
    values["public"] = Money(D("318199.70"), yuan)  # 3871300.10 to the fen: 0.10 元 lost
    lines = tuple(replace(ln, values=values) if ln is total else ln for ln in table.lines)
    doc = edit_table(seed, TableKind.BASIC_ECONOMIC, lines=lines, money_unit=yuan)
    res = result(doc, "ARITH-ROW")
    (f,) = [f for f in res.findings if f.location.row == "合计"]
    assert (f.severity, f.difference) == (Severity.WARNING, D("-0.10") / 10000)  # in the document's 万元
    # parts in whole 元 like the total: a difference of 1 元 over two items is a rounding note
    values = {"total": Money(D("3871300"), yuan), "personnel": Money(D("3553100"), yuan)}
    values["public"] = Money(D("318201"), yuan)
    lines = tuple(replace(ln, values=values) if ln is total else ln for ln in table.lines)
    doc = edit_table(seed, TableKind.BASIC_ECONOMIC, lines=lines, money_unit=yuan)
    (f,) = [f for f in result(doc, "ARITH-ROW").findings if f.location.row == "合计"]
    assert f.severity == Severity.INFO


def test_parts_not_read_point_at_the_reading(seed):
    # 2013602: 合计 1065.08 printed, 基本 and 项目 blank as read: the parts' column was not read
    doc = set_values(seed, TableKind.EXPENDITURE, "2013602", project=None)
    (f,) = [f for f in result(doc, "ARITH-ROW").findings if f.location.row == "2013602"]
    assert (f.severity, f.difference) == (Severity.WARNING, D("1065.08"))
    doc = set_values(seed, TableKind.EXPENDITURE, "2013602", basic="10.00")
    (f,) = [f for f in result(doc, "ARITH-ROW").findings if f.location.row == "2013602"]
    assert f.severity == Severity.ERROR


def test_the_same_misfit_row_after_row_is_a_reading_problem(seed):
    # 合计 read blank in three rows that print a 项目支出 figure: the 合计 column was not read there
    doc = seed
    for row in ("201", "20136", "2013602"):
        doc = set_values(doc, TableKind.EXPENDITURE, row, total=None)
    report = run(doc)
    (read,) = report.result("READ-TABLE").findings
    assert read.location.table == "expenditure"
    assert not [f for f in report.findings if f.severity == Severity.ERROR and f.location.table == "expenditure"]
    # twice is two errors of the document
    doc = set_values(
        set_values(seed, TableKind.EXPENDITURE, "2013602", total=None), TableKind.EXPENDITURE, "204", total=None
    )
    assert run(doc).result("READ-TABLE").findings == ()


def test_three_public_figures_printed_nowhere_in_their_table(seed):
    # 西安: a 上年 / 当年 / 增减 table read into figures it does not print
    assert run(seed).result("READ-TABLE").findings == ()
    doc = replace(seed, three_public=replace(seed.three_public, overseas=Money(D("6.00"), MoneyUnit.WAN_YUAN)))
    report = run(doc)
    (read,) = report.result("READ-TABLE").findings
    assert (read.location.table, read.params["fields"]) == ("three_public", "因公出国（境）费")
    assert not [f for f in report.findings if f.severity == Severity.ERROR and f.rule in ("ARITH-3PUB", "TEXT-3PUB")]


def test_a_table_whose_figures_came_out_blank(seed):
    # 广州: a summary table printed with figures, every line read without one
    table = seed.table(TableKind.SUMMARY)
    lines = tuple(replace(ln, values=dict.fromkeys(ln.values)) for ln in table.lines)
    report = run(edit_table(seed, TableKind.SUMMARY, lines=lines))
    (read,) = report.result("READ-TABLE").findings
    assert (read.location.table, read.params["blank"]) == ("summary", True)
    assert not [f for f in report.findings if f.severity == Severity.ERROR and f.rule.startswith("XREF-SUMMARY")]


def test_codes_read_as_amounts(seed):
    # a column shifted left: the 科目编码 came out as the first amount of every line
    table = seed.table(TableKind.GENERAL_PUBLIC)
    lines = tuple(
        replace(ln, values={**ln.values, "total": Money(D(ln.code), table.money_unit or seed.unit.money_unit)})
        if ln.code
        else ln
        for ln in table.lines
    )
    report = run(edit_table(seed, TableKind.GENERAL_PUBLIC, lines=lines))
    unread = [f for f in report.result("READ-TABLE").findings if f.template == "unread"]
    assert [f.location.table for f in unread] == ["general_public"]
    assert not [f for f in report.findings if f.severity == Severity.ERROR and f.location.table == "general_public"]


def test_codes_equal_to_an_amount_once_are_no_reading_problem(seed):
    doc = set_values(seed, TableKind.GENERAL_PUBLIC, "2210201", total="2210201")
    unread = [f for f in run(doc).result("READ-TABLE").findings if f.template == "unread"]
    assert unread == []


def test_a_wrong_total_the_text_states_right_is_one_finding(seed):
    # 湖州: 财政拨款收支总表 总计 42,673.03 against its 类 192,207.76, and the text's "总预算192207.76万元"
    # compared with that total: one defect, the sum failure, with the text's disagreement as its consequence
    doc = edit_text(seed, "总体情况", "都反映在预算中。", "都反映在预算中。2023年收入预算1452.21万元。")
    wrong = set_values(doc, TableKind.SUMMARY, "收入总计", "income", total="1425.12")
    report = run(wrong)
    errors = [f for r in report.results for f in r.findings if f.severity == Severity.ERROR]
    totals = [f for f in errors if f.rule == "ARITH-TOTALS"]
    assert [f.rule for f in errors if f.rule.startswith("TEXT-TOTALS")] == []
    assert len(totals) == 1 and "TEXT-TOTALS" in {c.rule for c in totals[0].consequences}
    assert (totals[0].actual, totals[0].expected) == (D("1425.12"), D("1452.21"))
    # a text stating neither figure is a second defect of its own
    other = edit_text(wrong, "总体情况", "2023年收入预算1452.21万元。", "2023年收入预算1400.00万元。")
    report = run(other)
    rules = [f.rule for r in report.results for f in r.findings if f.severity == Severity.ERROR]
    assert "TEXT-TOTALS" in rules and "ARITH-TOTALS" in rules


def test_a_wrong_total_another_table_prints_right_is_one_finding(seed):
    # 上海: 收支总表 收入总计 printed blank; its sum and the 收入总表 合计 both say 195,774,300:
    # one defect, the sum failure, with the cross-table comparison as its consequence
    wrong = set_values(seed, TableKind.SUMMARY, "收入总计", "income", total="1425.12")
    report = run(wrong)
    shown = [f for f in report.findings if f.severity != Severity.INFO]
    assert [f.rule for f in shown if f.rule == "XREF-SUMMARY"] == []
    (total,) = [f for f in shown if f.rule == "ARITH-TOTALS"]
    (xref,) = [c for c in total.consequences if c.rule == "XREF-SUMMARY"]
    assert (xref.actual, xref.expected) == (total.actual, total.expected) == (D("1425.12"), D("1452.21"))
    # the other table printing a third figure is a disagreement of its own
    other = set_values(wrong, TableKind.INCOME, "合计", total="1400.00")
    shown = [f for f in run(other).findings if f.severity != Severity.INFO]
    assert "XREF-SUMMARY" in {f.rule for f in shown}


# ---------------------------------------------------------------- READ-UNIT


def _tables_in(unit_line: str, other: str = "单位：万元"):
    """beijing_meteo_part2's 预算03表 as 支出总表 in ``unit_line``, beside its 一般公共预算支出表 in
    ``other`` (tests/loaders/test_units builds both)."""
    from tests.loaders.test_units import HEADER, IN_QIAN, IN_WAN, IN_YI, read

    rows = {"千元": IN_QIAN, "亿元": IN_YI, "万元": IN_WAN}
    first = next(rows[u] for u in rows if u in unit_line)
    second = next(rows[u] for u in rows if u in other)
    return read("2024年部门支出总表", unit_line, [HEADER, *first], "2024年一般公共预算支出表", other, [HEADER, *second])


def test_the_report_says_once_which_tables_were_printed_in_qian_yuan():
    import json

    from budget.export.reports import to_html, to_json, to_text
    from budget.views.messages import message

    report = run(_tables_in("金额单位：千元"))
    (finding,) = [f for f in report.findings if f.rule == "READ-UNIT"]
    assert finding.severity == Severity.INFO
    assert finding.params == {"printed": "千元", "unit": "元", "factor": "1,000", "tables": "支出总表"}
    assert (finding.location.table, finding.location.table_index) == ("expenditure", 0)
    assert finding.message.startswith("支出总表原以千元列示，已换算为元（× 1,000，未作舍入）")
    assert message(finding, "en").startswith("Expenditure table: printed in thousand yuan, converted to yuan")
    # a note, not a defect: the rule passes, and every export carries it once
    assert next(r for r in report.results if r.rule.id == "READ-UNIT").status == Status.PASSED
    exported = json.loads(to_json(report))["findings"]
    assert [f["severity"] for f in exported if f["rule"] == "READ-UNIT"] == ["info"]
    assert to_text(report).count("原以千元列示") == 1 and to_html(report).count("原以千元列示") == 1
    assert to_html(report, lang="en").count("printed in thousand yuan") == 1


def test_every_table_in_yi_yuan_is_said_once_for_the_document():
    from tests.loaders.test_units import HEADER, IN_YI, read

    doc = read("2024年部门支出总表", "单位：亿元", [HEADER, *IN_YI], "2024年一般公共预算支出表", [HEADER, *IN_YI])
    (finding,) = [f for f in run(doc).findings if f.rule == "READ-UNIT"]
    assert finding.template == "all" and (finding.params["printed"], finding.params["unit"]) == ("亿元", "万元")
    assert finding.message.startswith("本文件各表金额原以亿元列示，已换算为万元（× 10,000")


def test_no_unit_note_on_tables_printed_in_wan_yuan(seed):
    # the same tables printed in 万元, and the seed (万元): nothing converted, nothing said
    assert [f for f in run(_tables_in("单位：万元")).findings if f.rule == "READ-UNIT"] == []
    assert result(seed, "READ-UNIT").findings == () and result(seed, "READ-UNIT").status == Status.PASSED


def test_a_form_left_as_its_template_is_one_error():
    # 西安 11's 2022年专项资金总体绩效目标表: "……" in its nine indicator rows is PERF-EMPTY's one
    # finding; FORM-PLACEHOLDER's "……" of those rows is its consequence, not a second error
    from tests.conftest import corpus_document

    report = run(corpus_document("xian_11.pdf"))
    (form,) = [f for f in report.findings if f.rule == "PERF-EMPTY" and f.template == "placeholder"]
    assert [(c.rule, c.params["text"]) for c in form.consequences] == [("FORM-PLACEHOLDER", "……")]
    assert report.result("FORM-PLACEHOLDER").status == Status.PASSED


def test_placeholder_goals_are_not_folded(seed):
    # the seed's goals "目标内容1", "目标内容2": no form left empty, FORM-PLACEHOLDER's own errors
    report = run(seed)
    assert [f.params["text"] for f in report.findings if f.rule == "FORM-PLACEHOLDER"] == ["目标内容1", "目标内容2"]
