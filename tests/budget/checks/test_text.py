"""Text against tables: amounts quoted in the narrative, percentages, directions, names."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from budget.checks import Settings, Status
from budget.model import Section, TableKind
from tests.budget.checks.helpers import edit_text, places, result, set_values
from tests.conftest import corpus_document

D = Decimal
OVERVIEW = "总体情况"
RUNNING = "机关运行经费"
THREE = "三公"
ITEM = (
    "1. “社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）”26.91万元，主要用于离退休人员。"
    "2022年当年预算执行数为25.00万元，2023年预算安排26.91万元，比2022年预算执行数增加7.64%。主要原因是：退休人员增加。"
)


def with_item(seed, text=ITEM):
    return edit_text(seed, OVERVIEW, "都反映在预算中。", "都反映在预算中。\n" + text)


def test_totals_not_run_when_not_quoted(seed):
    res = result(seed, "TEXT-TOTALS")
    assert res.status == Status.NOT_RUN


def test_totals_quoted_right_and_wrong(seed):
    doc = edit_text(
        seed, OVERVIEW, "都反映在预算中。", "都反映在预算中。2023年收入预算1452.21万元，支出预算1400.00万元。"
    )
    res = result(doc, "TEXT-TOTALS")
    assert places(res) == {("二、单位预算安排的总体情况", None, None, "error")}
    f = res.findings[0]
    assert (f.expected, f.actual, f.difference) == (D("1452.21"), D("1400.00"), D("-52.21"))
    assert "支出预算" in f.location.quote


def test_totals_quoted_right(seed):
    doc = edit_text(
        seed, OVERVIEW, "都反映在预算中。", "都反映在预算中。2023年收入预算1452.21万元，其中财政拨款收入1452.21万元。"
    )
    assert result(doc, "TEXT-TOTALS").status == Status.PASSED


def test_running_costs_items_match_in_the_seed(seed):
    res = result(seed, "TEXT-RUNNING")
    assert (res.status, res.findings) == (Status.PASSED, ())


def test_running_costs_item_misquoted(seed):
    doc = edit_text(seed, RUNNING, "办公费4.75万元", "办公费4.57万元")
    res = result(doc, "TEXT-RUNNING")
    assert places(res) == {("三、机关运行经费安排情况", None, None, "error")}
    f = res.findings[0]
    assert (f.expected, f.actual) == (D("4.75"), D("4.57"))


def test_running_costs_above_public_expenditure(seed):
    doc = edit_text(seed, RUNNING, "安排支出31.82万元", "安排支出41.82万元")
    res = result(doc, "TEXT-RUNNING")
    assert len(res.findings) == 1
    assert (res.findings[0].expected, res.findings[0].difference) == (D("31.82"), D("10.00"))


def test_quote_in_yuan_converted_exactly(seed):
    doc = edit_text(seed, RUNNING, "办公费4.75万元", "办公费47500元")
    assert result(doc, "TEXT-RUNNING").status == Status.PASSED
    assert result(doc, "TEXT-UNIT").status == Status.PASSED


def test_wrong_money_unit(seed):
    doc = edit_text(seed, RUNNING, "办公费4.75万元", "办公费4.75元")
    unit = result(doc, "TEXT-UNIT")
    assert places(unit) == {("三、机关运行经费安排情况", None, None, "error")}
    assert unit.findings[0].actual == D("0.000475")
    # reported once, as a unit error, not again as a wrong figure
    assert result(doc, "TEXT-RUNNING").findings == ()


def test_three_public_in_the_seed_notes_the_split_vehicle_costs(seed):
    res = result(seed, "TEXT-3PUB")
    assert res.status == Status.PASSED
    (note,) = res.findings
    assert note.severity.value == "info"
    assert (note.expected, note.actual, note.difference) == (D("2.250000"), D("2.25"), D("0"))
    assert "1.92" in note.location.quote


def test_three_public_total_misquoted(seed):
    doc = edit_text(seed, THREE, "预算安排2.56万元", "预算安排2.65万元")
    res = result(doc, "TEXT-3PUB")
    errors = [f for f in res.findings if f.severity.value == "error"]
    assert [(f.expected, f.actual) for f in errors] == [(D("2.560000"), D("2.65"))]


def test_three_public_reception_misquoted_only_in_its_section(seed):
    doc = edit_text(seed, THREE, "公务接待费0.31万元。", "公务接待费0.13万元。")
    res = result(doc, "TEXT-3PUB")
    errors = [f for f in res.findings if f.severity.value == "error"]
    assert [(f.location.section, f.actual) for f in errors] == [(doc.sections[4].heading, D("0.13"))]
    assert result(doc, "TEXT-RUNNING").status == Status.PASSED


def test_procurement_total(seed):
    assert result(seed, "TEXT-PROC").status == Status.PASSED
    doc = edit_text(seed, "政府采购", "47.80万元", "47.08万元")
    res = result(doc, "TEXT-PROC")
    assert places(res) == {("六、政府采购预算情况", None, None, "error")}
    assert res.findings[0].difference == D("-0.72")


def test_procurement_stated_without_its_table_says_the_table_is_missing(fuliyuan):
    """普陀's unit states "政府采购预算120.60万元" and prints no 政府采购预算表: the rule
    cannot run, and said the text gives no such amount (a finance officer would look for a
    sentence that is there)."""
    from budget.views.messages import reason

    res = result(fuliyuan, "TEXT-PROC")
    assert res.status == Status.NOT_RUN
    assert res.reason == "正文写了这一类金额，但文件中没有政府采购预算表"
    assert reason(res.reason, "en") == (
        "The text gives amounts of this kind, but the document has no government procurement table"
    )
    # 西安 (xian_15): no procurement figure in its text, no table: the text is what lacks it
    assert result(corpus_document("xian_15.pdf"), "TEXT-PROC").reason == "正文中没有写出这一类金额"
    # the seed states it and prints the table: the rule runs
    assert result(fuliyuan, "TEXT-3PUB").status == Status.PASSED


def test_procurement_stated_beside_a_procurement_column_of_the_expenditure_table():
    """深圳 prints no 政府采购预算表; its 支出总表 has a 2026年政府采购项目 column, whose total
    the text states: 科技创新局's text says 620 万元 where the column totals 520.00."""
    (finding,) = result(corpus_document("shenzhen_25.pdf"), "TEXT-PROC").findings
    assert (finding.actual, finding.expected, finding.difference) == (D("620"), D("520.00"), D("100.00"))
    assert "支出总表 政府采购项目合计" in finding.message
    assert result(corpus_document("shenzhen_01.pdf"), "TEXT-PROC").status == Status.PASSED  # 7,558.99 both
    # an expense named after the work ("市本级政府采购业务费3600.00万元") is no procurement total
    assert result(corpus_document("shenzhen_27.pdf"), "TEXT-PROC").status == Status.PASSED


def test_fixed_assets_in_the_seed_differ_from_the_table(seed):
    res = result(seed, "TEXT-ASSETS")
    assert places(res) == {("七、国有资产信息", None, None, "error")}
    f = res.findings[0]
    assert (f.expected, f.actual, f.difference) == (D("344.74"), D("326.27"), D("-18.47"))


def test_fixed_assets_quoted_right(seed):
    doc = edit_text(seed, "国有资产", "326.27万元", "344.74万元")
    assert result(doc, "TEXT-ASSETS").status == Status.PASSED


def test_items_not_run_on_the_seed(seed):
    for rule_id in ("TEXT-ITEMS", "TEXT-NAMES", "TEXT-PERCENT", "TEXT-DIRECTION", "TEXT-REASON"):
        assert result(seed, rule_id).status == Status.NOT_RUN


def test_item_consistent(seed):
    doc = with_item(seed)
    for rule_id in ("TEXT-ITEMS", "TEXT-NAMES", "TEXT-PERCENT", "TEXT-DIRECTION", "TEXT-REASON"):
        res = result(doc, rule_id)
        assert (rule_id, res.status, res.findings) == (rule_id, Status.PASSED, ())


def test_item_amount_differs_from_table(seed):
    doc = with_item(seed, ITEM.replace("”26.91万元", "”26.19万元"))
    res = result(doc, "TEXT-ITEMS")
    assert places(res) == {("二、单位预算安排的总体情况", None, None, "error")}
    f = res.findings[0]
    assert (f.expected, f.actual, f.difference) == (D("26.91"), D("26.19"), D("-0.72"))


def test_item_percentage_recomputed(seed):
    doc = with_item(seed, ITEM.replace("增加7.64%", "增加7.46%"))
    res = result(doc, "TEXT-PERCENT")
    f = res.findings[0]
    assert (f.expected, f.actual, f.unit) == (D("7.64"), D("7.46"), "%")
    assert result(doc, "TEXT-DIRECTION").status == Status.PASSED


def test_item_direction_word(seed):
    doc = with_item(seed, ITEM.replace("增加7.64%", "减少7.64%"))
    res = result(doc, "TEXT-DIRECTION")
    assert places(res) == {("二、单位预算安排的总体情况", None, None, "error")}
    assert res.findings[0].difference == D("1.91")


def test_item_percentage_from_zero(seed):
    doc = with_item(seed, ITEM.replace("执行数为25.00万元", "执行数为0.00万元").replace("增加7.64%", "增加100.00%"))
    res = result(doc, "TEXT-PERCENT")
    assert places(res) == {("二、单位预算安排的总体情况", None, None, "warning")}


def test_item_reason_contradicts_direction(seed):
    doc = with_item(seed, ITEM.replace("退休人员增加", "退休人员减少"))
    res = result(doc, "TEXT-REASON")
    assert places(res) == {("二、单位预算安排的总体情况", None, None, "warning")}


def test_item_class_name_differs_from_table(seed):
    doc = with_item(seed, ITEM.replace("社会保障和就业支出（类）", "社会保障就业支出（类）"))
    res = result(doc, "TEXT-NAMES")
    assert places(res) == {("二、单位预算安排的总体情况", None, None, "warning")}
    # still found by its 款 and 项, so the amount is checked too
    assert result(doc, "TEXT-ITEMS").status == Status.PASSED


def test_self_reference_as_department_in_a_unit_budget(seed):
    res = result(seed, "TEXT-KIND")
    assert len(res.findings) == 1
    assert "我部门" in res.findings[0].location.quote
    doc = edit_text(seed, THREE, "我部门", "我单位")
    assert result(doc, "TEXT-KIND").status == Status.PASSED


def test_comparison_year(seed):
    assert result(seed, "TEXT-YEAR").status == Status.PASSED
    doc = edit_text(seed, THREE, "与2022年相比", "与2021年相比")
    res = result(doc, "TEXT-YEAR")
    assert [(f.expected, f.actual) for f in res.findings] == [(D(2022), D(2021))]


def test_one_year_end_against_the_one_before(seed):
    # 北京 2026: "主要原因是…2025年底项目的结转结余收入较2024年底有所下降"
    def years(text):
        doc = replace(seed, sections=(*seed.sections, Section("二、收入预算情况说明", text, level=1)))
        return [(f.expected, f.actual) for f in result(doc, "TEXT-YEAR").findings]

    assert years("主要原因是2022年底项目的结转结余收入较2021年底有所下降。") == []
    assert years("主要原因是项目的结转结余收入较2021年底有所下降。") == [(D(2022), D(2021))]


def test_settings_do_not_change_text_rules(seed):
    assert result(seed, "TEXT-ASSETS", Settings(satisfaction_threshold=D(90))).status == Status.FAILED


def test_totals_in_other_wordings(seed):
    doc = edit_text(
        seed,
        OVERVIEW,
        "都反映在预算中。",
        "都反映在预算中。2023年收支预算总额1452.21万元，其中支出预算总额1425.21万元。",
    )
    res = result(doc, "TEXT-TOTALS")
    assert [(f.expected, f.actual) for f in res.findings] == [(D("1452.21"), D("1425.21"))]


def test_running_costs_and_three_public_in_one_section(seed):
    # both topics under one heading: each figure goes with the nearest topic word before it
    doc = edit_text(
        seed,
        RUNNING,
        "其他商品和服务支出0.59万元。",
        "其他商品和服务支出0.59万元。“三公”经费预算2.56万元，其中公务接待费0.31万元。",
    )
    assert result(doc, "TEXT-RUNNING").status == Status.PASSED
    assert result(doc, "TEXT-3PUB").status == Status.PASSED
    doc = edit_text(doc, RUNNING, "其中公务接待费0.31万元", "其中公务接待费0.13万元")
    res = result(doc, "TEXT-3PUB")
    assert [(f.location.section, f.actual) for f in res.findings if f.severity.value == "error"] == [
        ("三、机关运行经费安排情况", D("0.13"))
    ]
    assert result(doc, "TEXT-RUNNING").status == Status.PASSED


def test_comparison_with_final_accounts_two_years_back(seed):
    doc = edit_text(seed, THREE, "与2022年相比", "与2021年决算相比")
    assert result(doc, "TEXT-YEAR").status == Status.PASSED


def test_totals_after_a_semicolon(seed):
    doc = edit_text(seed, OVERVIEW, "都反映在预算中。", "都反映在预算中。本年收入1452.21万元；支出1452.12万元。")
    res = result(doc, "TEXT-TOTALS")
    assert [(f.expected, f.actual) for f in res.findings] == [(D("1452.21"), D("1452.12"))]


def test_department_budget_named_in_a_unit_budget(seed):
    # 上海 2026 单位预算: "2026年部门预算安排购置车辆0辆"
    before = {f.params["word"] for f in result(seed, "TEXT-KIND").findings}
    doc = edit_text(seed, "国有资产", "本年度拟购置固定资产", "2023年部门预算安排购置车辆0辆。本年度拟购置固定资产")
    words = [f.params["word"] for f in result(doc, "TEXT-KIND").findings]
    assert sorted(words) == sorted([*before, "部门预算"])
    # the classification's name is no such wording
    doc = edit_text(seed, "国有资产", "本年度拟购置固定资产", "按部门预算支出经济分类列示。本年度拟购置固定资产")
    assert {f.params["word"] for f in result(doc, "TEXT-KIND").findings} == before


def test_comparison_with_this_years_budget(seed):
    # "比2023年预算" in a 2023 budget: last year's wording carried over
    doc = edit_text(seed, THREE, "与2022年相比", "比2023年预算相比")
    res = result(doc, "TEXT-YEAR")
    assert [(f.expected, f.actual) for f in res.findings] == [(D(2022), D(2023))]


def test_level_of_another_budget(seed):
    titled = edit_text(seed, "收支预算", "2023年单位预算信息公开", "2023年区级单位预算信息公开")
    assert result(seed, "TEXT-LEVEL").status == Status.NOT_RUN
    assert result(titled, "TEXT-LEVEL").status == Status.PASSED
    doc = edit_text(titled, "名词解释", "指区级财政当年拨付的资金", "指市级预算主管部门当年拨付的资金")
    res = result(doc, "TEXT-LEVEL")
    assert [(f.params["word"], f.params["level"]) for f in res.findings] == [("市级预算主管部门", "区级")]


def test_final_accounts_table_read_in_its_budget_column(seed):
    # 西安 决算: "公务接待费预算1.86万元，支出决算0.11万元" against a table read in its 预算 column
    from dataclasses import replace

    final = replace(seed, unit=replace(seed.unit, stage="决算"))
    doc = edit_text(final, THREE, "公务接待费0.31万元。", "公务接待费预算0.31万元，支出决算0.11万元。")
    (f,) = [f for f in result(doc, "TEXT-3PUB").findings if f.actual == D("0.11")]
    assert (f.severity.value, f.expected) == ("warning", D("0.31"))
    doc = edit_text(final, THREE, "公务接待费0.31万元。", "公务接待费预算0.50万元，支出决算0.11万元。")
    (f,) = [f for f in result(doc, "TEXT-3PUB").findings if f.actual == D("0.11")]
    assert f.severity.value == "error"


def test_parts_of_a_count_are_no_more_than_the_whole(seed):
    # 长沙: "单位价值50万元以上设备8台，其中，单位价值100万元以上设备15台"
    def counted(text):
        doc = replace(seed, sections=(*seed.sections, Section("（五）国有资产占用使用情况", text, level=2)))
        return [(f.expected, f.actual) for f in result(doc, "TEXT-COUNTS").findings]

    vehicles = (
        "本单位共有公务用车102辆，其中，机要通信用车1辆，执法执勤用车84辆，特种专业技术用车12辆，其他公务用车4辆；"
    )
    assert counted(vehicles + "单位价值50万元以上设备8台，其中，单位价值100万元以上设备5台。") == []
    assert counted(vehicles + "单位价值50万元以上设备8台，其中，单位价值100万元以上设备15台。") == [(D(8), D(15))]
    # the parts together more than the whole
    assert counted("共有公务用车10辆，其中，机要通信用车6辆，执法执勤用车6辆。") == [(D(10), D(12))]


def test_this_years_appropriation_is_without_the_carry_over(seed):
    # 北京: "（一）本年财政拨款收入17921.44万元" against 财政拨款收支总表 本年收入合计 17,921.44, not its
    # 收入总计 30,767.65 (with 上年结转结余 12,846.20); the 收入总表 prints no 财政拨款 column
    carried = set_values(seed, TableKind.FISCAL_SUMMARY, "年初财政拨款结转和结余", "income", total="100.00")
    carried = set_values(carried, TableKind.FISCAL_SUMMARY, "收入总计", "income", total="1552.21")
    carried = set_values(carried, TableKind.INCOME, "合计", appropriation=None)

    def totals(text):
        doc = edit_text(carried, OVERVIEW, "都反映在预算中。", "都反映在预算中。" + text)
        return [(f.expected, f.actual) for f in result(doc, "TEXT-TOTALS").findings if f.severity.value == "error"]

    assert totals("本年财政拨款收入1452.21万元。") == []
    assert totals("本年财政拨款收入1400.00万元。") == [(D("1452.21"), D("1400.00"))]


def test_budget_without_total_may_be_this_years_budget():
    # 西安 17: "预算收入105946.48万元 … 预算支出105590.77万元": the expenditure is the summary's
    # 本年支出合计 105,590.77 万元 (the 支出总计 105,946.47 adds 结转下年 and 未安排支出的实户资金)
    doc = corpus_document("xian_17.pdf")
    section = "收支预算总体情况"

    def errors(d):
        return [(f.expected, f.actual) for f in result(d, "TEXT-TOTALS").findings if f.severity.value == "error"]

    assert errors(doc) == []
    # a figure that is neither the total nor this year's budget is still wrong
    wrong = edit_text(doc, section, "预算支出105590.77万元", "预算支出105509.77万元")
    assert errors(wrong) == [(D("1059464715.06"), D("1055097700.00"))]
    # "支出总计" names the total only: this year's budget under that name is wrong
    total = edit_text(doc, section, "预算支出105590.77万元", "预算支出总计105590.77万元")
    assert errors(total) == [(D("1059464715.06"), D("1055907700.00"))]


def test_a_total_one_unit_off_says_cut_off_only_when_it_was(seed):
    # 上海 26: "收入预算1,361万元" for 13,616,271 元 is cut off (rounded it is 1,362); 西安 08's
    # "74868.34万元" for 74,868.33 万元 is above the table's figure: one unit off, nothing cut off
    doc = set_values(seed, TableKind.SUMMARY, "收入总计", "income", total="1452.87")

    def notes(stated):
        text = f"都反映在预算中。2023年收入预算{stated}万元。"
        (found,) = result(edit_text(doc, OVERVIEW, "都反映在预算中。", text), "TEXT-TOTALS").findings
        return found.severity.value, [name for name, _ in found.notes]

    assert notes("1452.8") == ("warning", ["last_digit"])  # 1452.87 cut to one decimal (rounded: 1452.9)
    assert notes("1452.88") == ("warning", ["one_unit"])
    assert notes("1452.86") == ("warning", ["one_unit"])  # two decimals printed: nothing was cut off


def test_a_department_of_one_unit_may_call_itself_the_unit():
    # 深圳 14: "深圳市审计局系统包括：深圳市审计局（本级）共 1 家基层单位" and "2026 年本单位机关运行经费…":
    # a 部门 of one unit is that unit; 深圳 18 (共5家基层单位) saying 本单位 is still the wrong word
    assert result(corpus_document("shenzhen_14.pdf"), "TEXT-KIND").findings == ()
    found = result(corpus_document("shenzhen_18.pdf"), "TEXT-KIND").findings
    assert [(f.params["word"], f.params["kind"]) for f in found] == [("本单位", "部门")]


def test_procurement_total_and_parts_of_every_layout_compared():
    """The 政府采购预算表 of 重庆 (总计 beside the sources of funds), 无锡 (总计 beside a two-tier
    资金来源) and 西安 (合计 spanning the code columns, subtotals per unit) were read without a
    total: TEXT-PROC did not run ("没有品目编码") on 40 files that print one."""
    # 重庆: total and goods/works/services by the A/B/C rows; the share of 一般公共预算拨款 the
    # text lists after them (5,499.84万元: 货物564.79 …) is that column's, not compared with 合计
    res = result(corpus_document("chongqing_02.pdf"), "TEXT-PROC")
    assert (res.status, res.findings) == (Status.PASSED, ())
    # 无锡: 货物 | 服务 rows over their units and items
    assert result(corpus_document("wuxi_01.pdf"), "TEXT-PROC").status == Status.PASSED
    # 西安: 合计 4,186,460.00 元, the text's 418.65万元
    assert result(corpus_document("xian_01.pdf"), "TEXT-PROC").status == Status.PASSED
    # xian_11 says 工程类预算0万元 while its table lists a B (工程) item of 300,000 元
    res = result(corpus_document("xian_11.pdf"), "TEXT-PROC")
    works = [f for f in res.findings if "工程" in f.message]
    assert [(f.expected, f.actual) for f in works] == [(D("300000"), D("0"))]


def test_procurement_table_printed_without_its_total_says_so():
    """wuxi_03 prints the 政府采购支出表 with a blank 合计: the rule cannot run, and said the
    table had no 品目编码."""
    from budget.views.messages import reason

    res = result(corpus_document("wuxi_03.pdf"), "TEXT-PROC")
    assert res.status == Status.NOT_RUN
    assert res.reason == "正文写了这一类金额，但政府采购预算表没有印出合计金额"
    assert reason(res.reason, "en") == (
        "The text gives amounts of this kind, but the government procurement table prints no total"
    )


def test_running_costs_against_the_limit_derived_from_the_codes():
    """深圳 shenzhen_31 writes 机关运行经费财政拨款预算809.59万元 and no table prints it or 公用经费:
    the basic 公用经费 by the codes is 323.92 (its 机关运行经费 counts project spending: 租赁费
    489.49 is all project), the limit with the project's 302 and 310 classes 1,401.11."""
    doc = corpus_document("shenzhen_31.pdf")
    res = result(doc, "TEXT-RUNNING")
    assert (res.status, res.findings) == (Status.PASSED, ())
    over = result(edit_text(doc, "机关运行经费", "预算809.59万元", "预算1,809.59万元"), "TEXT-RUNNING")
    assert [f.severity.value for f in over.findings] == ["warning"]  # the limit is ours, not printed
    assert (over.findings[0].expected, over.findings[0].difference) == (D("1401.11"), D("408.48"))
