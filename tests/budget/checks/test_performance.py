"""Performance indicators: quantified, cost caps, levels, satisfaction, copies."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from budget.checks import Settings, Status
from tests.budget.checks.helpers import edit_indicator, edit_project, result, without_goals

D = Decimal


def rows(res):
    return {(f.location.project, f.location.row, f.location.column, f.severity.value) for f in res.findings}


def only(seed, *names):
    return replace(seed, performance=tuple(p for p in seed.performance if p.name in names))


def test_every_target_filled_in_the_seed(seed):
    assert result(seed, "PERF-EMPTY").status == Status.PASSED


def test_empty_target(seed):
    doc = edit_indicator(seed, "海防工作经费", "工作完成及时性", target="")
    res = result(doc, "PERF-EMPTY")
    assert rows(res) == {("海防工作经费", "工作完成及时性", "指标值", "error")}


def test_qualitative_targets_in_the_seed(seed):
    res = result(seed, "PERF-QUANT")
    found = rows(res)
    assert ("海防工作经费", "管辖海域事故发生率", "指标值", "warning") in found  # 较上年明显降低
    assert ("政法干警保险", "意外伤害保险制度持续性", "指标值", "warning") in found  # 长期有效
    assert ("反邪教专项资金", "社会环境净化提升", "指标值", "warning") in found  # 效果明显
    # 15 targets in words; the six that read "效果明显" are one defect, one finding with its places
    assert sum(len(f.consequences) or 1 for f in res.findings) == 15
    assert len(res.findings) == 8
    folded = {f.params["target"]: (f.params["count"], len(f.consequences)) for f in res.findings if f.consequences}
    assert folded == {"效果明显": (6, 6), "效果良好": (2, 2), "较上年明显提升": (2, 2)}


def test_quantified_targets(seed):
    doc = only(seed, "扫黑除恶专项斗争资金")
    assert result(doc, "PERF-QUANT").status == Status.PASSED
    doc = edit_indicator(doc, "扫黑除恶专项斗争资金", "重点案件办理完成率", target="≥90")
    assert rows(result(doc, "PERF-QUANT")) == {("扫黑除恶专项斗争资金", "重点案件办理完成率", "指标值", "warning")}


def test_cost_without_operator_in_the_seed(seed):
    res = result(seed, "PERF-COST")
    assert rows(res) == {("司法救助金", "费用预算控制数", "指标值", "warning")}
    doc = edit_indicator(seed, "司法救助金", "费用预算控制数", target="≤20万元")
    assert result(doc, "PERF-COST").status == Status.PASSED


def test_cost_caps_within_project_money_in_the_seed(seed):
    assert result(seed, "PERF-COST-CAP").status == Status.PASSED


def test_cost_cap_above_the_project_budget(seed):
    doc = edit_indicator(
        seed, "精神障碍患者管控经费", "严重精神障碍患者监护人责任险,收治危险精神障碍患者经费。", target="≤40万元"
    )
    res = result(doc, "PERF-COST-CAP")
    assert len(res.findings) == 1
    f = res.findings[0]
    assert (f.location.project, f.expected, f.actual, f.difference) == (
        "精神障碍患者管控经费",
        D("36.00"),
        D("40"),
        D("4.00"),
    )


def test_cost_cap_above_all_project_expenditure(seed):
    doc = edit_indicator(seed, "流动人口专管员补助经费（劳务派遣）", "费用预算控制数", target="≤1100万元")
    res = result(doc, "PERF-COST-CAP")
    assert [(f.expected, f.actual) for f in res.findings] == [(D("1065.08"), D("1100"))]


def test_a_whole_department_form_is_not_capped_by_all_project_expenditure(seed):
    """changsha_01 部门整体支出绩效目标表 caps 基本支出 at 1,517.95 万元: above the 417.41 万元
    of all projects, and rightly so (a department's whole spending is more than its projects')."""
    doc = edit_indicator(seed, "流动人口专管员补助经费（劳务派遣）", "费用预算控制数", target="≤1100万元")
    assert result(doc, "PERF-COST-CAP").findings  # a project's form: capped by all projects' money
    projects = tuple(
        replace(p, name="2026年部门整体支出", amount=None) if p.name == "流动人口专管员补助经费（劳务派遣）" else p
        for p in doc.performance
    )
    assert not result(replace(doc, performance=projects), "PERF-COST-CAP").findings


def test_levels_complete_in_the_seed(seed):
    assert result(seed, "PERF-LEVELS").status == Status.PASSED


def test_missing_timeliness_indicator(seed):
    project = next(p for p in seed.performance if p.name == "司法救助金")
    doc = edit_project(seed, "司法救助金", indicators=tuple(i for i in project.indicators if "时效" not in i.level2))
    res = result(doc, "PERF-LEVELS")
    assert rows(res) == {("司法救助金", "绩效目标", None, "warning")}
    assert "时效指标" in res.findings[0].message


def test_satisfaction_below_threshold_in_the_seed(seed):
    res = result(seed, "PERF-SATISFACTION")
    assert len(res.findings) == 1
    f = res.findings[0]
    assert (f.location.project, f.expected, f.actual, f.unit) == ("见义勇为奖励经费", D(85), D(80), "%")


def test_satisfaction_threshold_is_a_setting(seed):
    assert result(seed, "PERF-SATISFACTION", Settings(satisfaction_threshold=D(80))).status == Status.PASSED
    res = result(seed, "PERF-SATISFACTION", Settings(satisfaction_threshold=D(90)))
    assert {f.location.project for f in res.findings} == {"见义勇为奖励经费", "平安志愿者组织发动经费"}


def test_name_equal_to_description_in_the_seed(seed):
    res = result(seed, "PERF-NAME-DESC")
    assert ("扫黑除恶专项斗争资金", "全区人民群众安全感", "指标描述", "warning") in rows(res)
    assert len(res.findings) == 6


def test_name_differs_from_description(seed):
    assert result(only(seed, "反邪教专项资金"), "PERF-NAME-DESC").status == Status.PASSED


def test_copied_indicator_text_in_the_seed(seed):
    res = result(seed, "PERF-COPY")
    found = rows(res)
    # 政法干警保险 copies 平安志愿者组织发动经费's 社会效益 description almost word for word
    assert ("政法干警保险", "提升社会治安风险防范水平", "指标描述", "warning") in found
    # and 智慧网格 repeats 精神障碍患者管控经费's 社会秩序改善提升 indicator
    assert ("智慧网格建设运行经费", "社会秩序改善提升", "指标描述", "warning") in found


def test_no_copies_in_distinct_projects(seed):
    assert result(only(seed, "扫黑除恶专项斗争资金", "海防工作经费"), "PERF-COPY").status == Status.PASSED


def test_goals_present_in_the_seed(seed):
    assert result(seed, "PERF-GOALS").status == Status.PASSED
    res = result(without_goals(seed, "司法救助金"), "PERF-GOALS")
    assert rows(res) == {("司法救助金", "绩效目标", None, "warning")}


def test_a_goal_the_form_prints_but_the_reader_did_not_take_is_there(seed):
    # 武汉/西安 决算's 绩效自评表: "年度总体目标 | 预期目标 | 实际完成情况" over the goal's text
    assert result(edit_project(seed, "司法救助金", goals=()), "PERF-GOALS").findings == ()
    blank = without_goals(seed, "司法救助金")
    index = next(p.table for p in blank.performance if p.name == "司法救助金")
    table = blank.tables[index]

    def form(goal):
        body = (("年度总体目标", "预期目标", "实际完成情况"), ("", goal, ""), *table.rows)
        return replace(blank, tables=tuple(replace(t, rows=body) if t is table else t for t in blank.tables))

    assert result(form("保障办公业务楼设备设施运行完好，保证来访接待业务顺利开展"), "PERF-GOALS").findings == ()
    assert rows(result(form(""), "PERF-GOALS")) == {("司法救助金", "绩效目标", None, "warning")}


def test_performance_rules_not_run_without_goals(seed):
    doc = replace(seed, performance=())
    for rule_id in ("PERF-EMPTY", "PERF-QUANT", "PERF-COPY"):
        assert result(doc, rule_id).status == Status.NOT_RUN


def test_range_target_is_quantified(seed):
    doc = edit_indicator(
        only(seed, "扫黑除恶专项斗争资金"), "扫黑除恶专项斗争资金", "重点案件办理完成率", target="90%-95%"
    )
    assert result(doc, "PERF-QUANT").status == Status.PASSED


def test_form_header_rows_are_not_indicators(seed):
    # a form that opens with its header block, read into the indicators part
    project = next(p for p in seed.performance if p.name == "海防工作经费")
    first = project.indicators[0]
    header = (
        replace(first, level1="项目名称", level2="海防工作经费", level3="", description="", target=""),
        replace(first, level1="年度资金申请总额", level2="", level3="", description="", target=""),
        replace(first, level1="一级指标", level2="二级指标", level3="三级指标", description="指标值", target="指标值"),
        replace(first, level1="效益指标", level2="经济效益指标", level3="", description="", target=""),
    )
    doc = edit_project(seed, "海防工作经费", indicators=header + project.indicators)
    for rule_id in ("PERF-EMPTY", "PERF-QUANT"):
        assert result(doc, rule_id).findings == result(seed, rule_id).findings, rule_id
    # an indicator with a name and no target is still empty
    doc = edit_project(seed, "海防工作经费", indicators=(replace(first, target=""),) + project.indicators[1:])
    assert rows(result(doc, "PERF-EMPTY")) == {("海防工作经费", first.level3, "指标值", "error")}


def with_form_header(seed, period="2023年1月至2023年12月", total="10.00", part="10.00"):
    """The seed's first performance form with the header block a 西安 form opens with."""
    from budget.model import TableKind

    table = next(t for t in seed.tables if t.kind == TableKind.PERFORMANCE)
    block = (
        ("主管部门", "中共秦皇岛市海港区委政法委员会", "实施期限", period),
        ("资金金额（万元）", "年度资金总额：", total),
        ("", "其中：财政拨款", part),
    )
    changed = replace(table, rows=block + table.rows)
    return replace(seed, tables=tuple(changed if t is table else t for t in seed.tables))


def test_project_period_within_the_budget_year(seed):
    assert result(seed, "PERF-PERIOD").status == Status.NOT_RUN
    assert result(with_form_header(seed), "PERF-PERIOD").status == Status.PASSED
    assert result(with_form_header(seed, period="2022年-2024年"), "PERF-PERIOD").status == Status.PASSED
    res = result(with_form_header(seed, period="2022年1月至2022年12月"), "PERF-PERIOD")
    (f,) = res.findings
    assert (f.location.row, f.expected, f.actual, f.params["period"]) == (
        "实施期限",
        D(2023),
        D(2022),
        "2022年1月至2022年12月",
    )


def test_appropriation_within_the_form_total(seed):
    assert result(seed, "PERF-FUNDS").status == Status.NOT_RUN
    assert result(with_form_header(seed), "PERF-FUNDS").status == Status.PASSED
    res = result(with_form_header(seed, part="12.00"), "PERF-FUNDS")
    (f,) = res.findings
    assert (f.expected, f.actual, f.difference, f.severity.value) == (D("10.00"), D("12.00"), D("2.00"), "error")


def test_cost_written_as_a_floor(seed):
    # 西安: 成本指标 "宣传片拍摄成本 ≥25万元" — at least so much is no cap
    doc = edit_indicator(seed, "司法救助金", "费用预算控制数", target="≥20万元")
    res = result(doc, "PERF-COST")
    assert rows(res) == {("司法救助金", "费用预算控制数", "指标值", "warning")}
    assert "下限" in res.findings[0].message
    doc = edit_indicator(seed, "司法救助金", "费用预算控制数", target="≤20万元")
    assert result(doc, "PERF-COST").status == Status.PASSED
    # a rate is not money: "成本节约率 ≥10%" is a floor by right
    doc = edit_indicator(seed, "司法救助金", "费用预算控制数", target="≥10%")
    assert not any("下限" in f.message for f in result(doc, "PERF-COST").findings)


def test_dates_deadlines_and_numbers_in_words_are_quantified(seed):
    # targets of the corpus judged in the PERF-QUANT sample: 西安, 广州, 长沙
    base = only(seed, "扫黑除恶专项斗争资金")
    name, indicator = "扫黑除恶专项斗争资金", "重点案件办理完成率"
    for target in (
        "2021年1月1日至2021年12月31日",
        "12月15日",
        "年底前完成",
        "2022.12",
        "在20个工作日内",
        "均大于95%",
        "日均300人左右",
        "暂停业务天数0",
        "≧95%",
        "定性",
        "无",
    ):
        doc = edit_indicator(base, name, indicator, target=target)
        assert result(doc, "PERF-QUANT").status == Status.PASSED, target
    # words without a figure are not
    for target in ("有效保障", "较上年提升", "长期"):
        doc = edit_indicator(base, name, indicator, target=target)
        assert rows(result(doc, "PERF-QUANT")) == {(name, indicator, "指标值", "warning")}, target
    # a bare year-like figure with decimals is money or a rate, not a date: still no unit
    doc = edit_indicator(base, name, indicator, target="1181.51")
    assert rows(result(doc, "PERF-QUANT")) == {(name, indicator, "指标值", "warning")}


def test_deadline_written_as_a_rate(seed):
    # 西安 2025: 时效指标 "合同支付完成时限" 指标值 "100%"
    base = only(seed, "扫黑除恶专项斗争资金")
    name = "扫黑除恶专项斗争资金"
    project = next(p for p in base.performance if p.name == name)
    first = project.indicators[0]
    deadline = replace(first, level2="时效指标", level3="合同支付完成时限", target="100%")
    doc = edit_project(base, name, indicators=(deadline,) + project.indicators[1:])
    res = result(doc, "PERF-QUANT")
    assert [(f.location.row, f.params["target"]) for f in res.findings] == [("合同支付完成时限", "100%")]
    assert "时限" in res.findings[0].message
    # by a date it is quantified; a rate named as one ("支付及时率 100%") is a rate
    for level3, target in (("合同支付完成时限", "2025年12月31日前"), ("合同支付及时率", "100%")):
        doc = edit_project(
            base, name, indicators=(replace(deadline, level3=level3, target=target),) + project.indicators[1:]
        )
        assert result(doc, "PERF-QUANT").status == Status.PASSED, level3


def test_a_target_the_form_declares_qualitative_is_not_asked_to_be_quantified(seed):
    # 长沙's and 北京's forms print 指标值类型 / 指标性质 beside the value: "定性" declares words
    flagged = ("海防工作经费", "管辖海域事故发生率", "指标值", "warning")  # 较上年明显降低
    assert flagged in rows(result(seed, "PERF-QUANT"))
    declared = edit_indicator(seed, "海防工作经费", "管辖海域事故发生率", comparison="定性")
    assert flagged not in rows(result(declared, "PERF-QUANT"))
    compared = edit_indicator(seed, "海防工作经费", "管辖海域事故发生率", comparison="≥")
    assert flagged in rows(result(compared, "PERF-QUANT"))


def test_a_form_without_any_indicator_levels_is_one_finding(seed):
    project = next(p for p in seed.performance if p.name == "司法救助金")
    bare = tuple(replace(i, level1="", level2="") for i in project.indicators)
    res = result(edit_project(seed, "司法救助金", indicators=bare), "PERF-LEVELS")
    assert [(f.location.project, f.template, f.params["count"]) for f in res.findings] == [
        ("司法救助金", "form_unlevelled", len(bare))
    ]
    one = (replace(project.indicators[0], level2=""),) + project.indicators[1:]
    res = result(edit_project(seed, "司法救助金", indicators=one), "PERF-LEVELS")
    templates = [f.template for f in res.findings]  # (and the level it no longer has, as missing)
    assert templates.count("unlevelled") == 1 and "form_unlevelled" not in templates


def test_projects_of_one_unfilled_form_are_one_finding(seed):
    # 重庆's 一般性项目 form prints several projects one after another (序号 | 项目名称 | … ): a form that
    # classifies none of them is one defect of the form, not one per project
    names = [p.name for p in seed.performance if p.indicators][:2]
    first = next(p for p in seed.performance if p.name == names[0])
    doc = seed
    for name in names:
        project = next(p for p in doc.performance if p.name == name)
        bare = tuple(replace(i, level1="", level2="") for i in project.indicators)
        doc = edit_project(doc, name, indicators=bare, table=first.table)
    res = result(doc, "PERF-LEVELS")
    counts = sum(len(p.indicators) for p in doc.performance if p.name in names)
    assert [(f.location.project, f.template, f.params["projects"], f.params["count"]) for f in res.findings] == [
        (names[0], "forms_unlevelled", 2, counts)
    ]
    # the same two projects printed in forms of their own: one finding for each form
    second = next(p for p in seed.performance if p.name == names[1])
    apart = edit_project(doc, names[1], table=second.table)
    assert first.table != second.table
    assert sorted((f.location.project, f.template) for f in result(apart, "PERF-LEVELS").findings) == sorted(
        (name, "form_unlevelled") for name in names
    )


def test_a_template_without_level_columns_is_not_an_unfilled_form(seed):
    # 重庆 市级重点专项资金绩效目标表: 指标名称 | 指标性质 | 指标值 | 计量单位, no 一级/二级 columns
    project = next(p for p in seed.performance if p.name == "司法救助金")
    bare = edit_project(
        seed, "司法救助金", indicators=tuple(replace(i, level1="", level2="") for i in project.indicators)
    )
    table = bare.tables[project.table]

    def without_level_headers(rows):
        return tuple(tuple("" if c.strip() in ("一级指标", "二级指标") else c for c in row) for row in rows)

    template = replace(table, header=without_level_headers(table.header), rows=without_level_headers(table.rows))
    doc = replace(bare, tables=tuple(template if t is table else t for t in bare.tables))
    # not a form left unfilled: a template that cannot classify, one finding for the document
    (finding,) = result(doc, "PERF-LEVELS").findings
    assert (finding.template, finding.params["projects"], finding.params["count"]) == ("no_level_columns", 1, 7)
    assert finding.location.project == "司法救助金"


def test_a_second_level_names_its_first(seed):
    # 西安: '效 | 社会效益指标', the 一级 cell "效益指标" broken by a page break
    project = next(p for p in seed.performance if p.name == "司法救助金")
    cut = tuple(replace(i, level1="效") if "效益" in (i.level1 or "") else i for i in project.indicators)
    assert result(edit_project(seed, "司法救助金", indicators=cut), "PERF-LEVELS").findings == ()
    gone = tuple(
        replace(i, level1="效", level2="可持续影响") if "效益" in (i.level1 or "") else i for i in project.indicators
    )
    res = result(edit_project(seed, "司法救助金", indicators=gone), "PERF-LEVELS")
    assert [f.params.get("missing") for f in res.findings if f.template == "default"] == ["效益指标"]


def test_a_cost_per_year_or_person_is_written_in_money(seed):
    for target in ("≤58.8万元/年", "≤30元/人", "≤5元／次"):
        doc = edit_indicator(seed, "司法救助金", "费用预算控制数", target=target)
        assert result(doc, "PERF-COST").status == Status.PASSED, target
    for target in ("≤30人/次", "≤100%"):  # a rate or a count is not money
        doc = edit_indicator(seed, "司法救助金", "费用预算控制数", target=target)
        assert rows(result(doc, "PERF-COST")) == {("司法救助金", "费用预算控制数", "指标值", "warning")}, target
    floor = edit_indicator(seed, "司法救助金", "费用预算控制数", target="≥30元/人")
    assert [f.template for f in result(floor, "PERF-COST").findings] == ["floor"]


def cost(seed, **fields):
    """PERF-COST on the seed with 司法救助金's cost indicator "费用预算控制数 | 20万元" changed."""
    project = next(p for p in seed.performance if p.name == "司法救助金")
    inds = tuple(replace(i, **fields) if i.level3 == "费用预算控制数" else i for i in project.indicators)
    return result(edit_project(seed, "司法救助金", indicators=inds), "PERF-COST")


def test_a_cost_unit_printed_with_the_name(seed):
    # 西安: "办案邮寄(万元) | 15.5", "人民调解员案件调解补贴（元/件） | ≤500": the unit is in the name
    for name in ("办案邮寄(万元)", "人民调解员案件调解补贴（元/件）", "空调(台/元)", "法律咨询服务成本（万/年）"):
        assert cost(seed, level3=name, target="≤500").status == Status.PASSED, name
        (finding,) = cost(seed, level3=name, target="500").findings
        assert finding.params["missing"] == "运算符（≤）", name
    # without the unit in the name, a bare number lacks both
    (finding,) = cost(seed, target="500").findings
    assert finding.params["missing"] == "运算符（≤）和金额单位（万元/元）"


def test_money_in_its_other_units_and_one_cap_per_item(seed):
    for target in ("≤7.3万", "≤19.53亿元", "≤42.38万元；≤88.65万元"):
        assert cost(seed, target=target).status == Status.PASSED, target
    for target in ("78万", "19.53亿元", "≤42.38万元；88.65万元"):
        (finding,) = cost(seed, target=target).findings
        assert finding.params["missing"] == "运算符（≤）", target


def test_a_cost_capped_in_words(seed):
    # 西安: "实际购房金额的50%，最高100万元" states its cap and its money
    assert cost(seed, target="实际购房金额的50%，最高100万元").status == Status.PASSED
    (finding,) = cost(seed, target="设备购置金额").findings
    assert finding.params["missing"] == "运算符（≤）和金额单位（万元/元）"


def test_a_social_or_ecological_cost_in_its_own_unit(seed):
    assert cost(seed, level2="生态环境成本指标", target="≤0.5亩").status == Status.PASSED
    (finding,) = cost(seed, level2="经济成本指标", target="≤0.5亩").findings
    assert finding.params["missing"] == "金额单位（万元/元）"


def test_an_output_category_under_a_carried_cost_level_is_no_cost(seed):
    # 西安: the 一级 "成本指标" carried over the next rows: "成本指标 | 数量指标 | 清查户数（万户） | ≥110"
    doc = edit_indicator(seed, "司法救助金", "息诉罢访次数", level1="成本指标", target="≥110")
    assert not any(f.location.row == "息诉罢访次数" for f in result(doc, "PERF-COST").findings)
    doc = edit_indicator(seed, "司法救助金", "息诉罢访次数", level1="成本指标", level2="经济成本指标", target="≥110")
    assert {f.location.row for f in result(doc, "PERF-COST").findings} >= {"息诉罢访次数"}


def test_cost_targets_without_their_cap_are_one_finding(seed):
    doc = edit_indicator(seed, "海防工作经费", "费用预算控制数", target="20万元")
    res = result(doc, "PERF-COST")
    (finding,) = res.findings
    assert (finding.template, finding.params["count"], finding.params["missing"]) == ("repeated", 2, "运算符（≤）")
    assert {finding.location.project, *(c.location.project for c in finding.consequences)} == {
        "司法救助金",
        "海防工作经费",
    }
    assert (
        finding.params["places"] == "“海防工作经费”“费用预算控制数”（20万元）、“司法救助金”“费用预算控制数”（20万元）"
    )


def test_a_cost_target_is_judged_once(seed):
    # "项目完成成本 | 207.38": PERF-COST's (no cap, no unit), not PERF-QUANT's too
    doc = edit_indicator(seed, "司法救助金", "费用预算控制数", target="207.38")
    assert not any(f.location.row == "费用预算控制数" for f in result(doc, "PERF-QUANT").findings)
    assert [f.location.row for f in result(doc, "PERF-COST").findings] == ["费用预算控制数"]


def test_an_amount_in_words_is_quantified(seed):
    # 西安: "设备购入后每年给医院增加收入 | 每年累计收入约1100万元"
    doc = edit_indicator(seed, "司法救助金", "促进社会和谐稳定", target="每年累计收入约1100万元")
    assert not any(f.location.row == "促进社会和谐稳定" for f in result(doc, "PERF-QUANT").findings)


def quant(seed, target, indicator="息诉罢访次数"):
    doc = edit_indicator(seed, "司法救助金", indicator, target=target)
    return [f.template for f in result(doc, "PERF-QUANT").findings if f.location.row == indicator]


def test_counts_in_words_and_rows_not_used(seed):
    # 西安: "建立市级安全生产专业应急救援队伍 | 一支", "办公设备购置等 | 约6类", "指标 | / | /"
    for target in ("一支", "两次", "约6类", "/", "——"):
        assert quant(seed, target) == [], target
    assert quant(seed, "有一定幅度下降") == ["default"]


def test_several_figures_each_with_its_unit(seed):
    # 西安: "维护子系统数量、维护系统功能模块数量 | ≥45、≥1000": quantified, without units
    assert quant(seed, "≥45、≥1000", "司法救助业务达标率") == ["no_unit"]
    assert quant(seed, "≥45%、≥1000%", "司法救助业务达标率") == []


def test_a_count_named_by_its_unit_needs_no_unit(seed):
    # 西安: "培训人次 | 265", "单位职工人数 | 346": the name is the count of its unit
    for name in ("培训人次", "单位职工人数", "开展活动场次"):
        doc = edit_indicator(seed, "司法救助金", "息诉罢访次数", target="265")
        doc = edit_project(
            doc,
            "司法救助金",
            indicators=tuple(
                replace(i, level3=name) if i.level3 == "息诉罢访次数" else i
                for i in next(p for p in doc.performance if p.name == "司法救助金").indicators
            ),
        )
        assert not any(f.location.row == name for f in result(doc, "PERF-QUANT").findings), name
    assert quant(seed, "265") == []  # "息诉罢访次数" is a count too
    # a name that is not a count keeps asking for the unit
    assert quant(seed, "100", "司法救助业务达标率") == ["no_unit"]


def test_rows_of_one_form_without_levels_are_one_finding(seed):
    # 西安 14: most rows of a form printed without their 一级/二级 cells: one defect of the form
    project = next(p for p in seed.performance if p.name == "司法救助金")
    two = tuple(replace(i, level2="") if n < 2 else i for n, i in enumerate(project.indicators))
    res = result(edit_project(seed, "司法救助金", indicators=two), "PERF-LEVELS")
    (folded,) = [f for f in res.findings if f.template == "some_unlevelled"]
    assert (folded.params["count"], [c.location.row for c in folded.consequences]) == (
        2,
        ["息诉罢访次数", "司法救助业务达标率"],
    )
    assert not any(f.template == "unlevelled" for f in res.findings)


def test_a_figure_compared_or_with_a_symbol_unit_inside_words_is_quantified():
    # 西安 22: "生产系统故障恢复时间小于60分钟", "颗粒物≤5mg/m3；二氧化硫≤25mg/m3；…" are figures to
    # check against; "制定《西安市2022年主要污染物总量减排实施方案》，督促…" is words, still not quantified
    from tests.conftest import corpus_document

    found = result(corpus_document("xian_22.pdf"), "PERF-QUANT").findings
    targets = {str(f.params.get("target")) for f in found} | {
        str(c.params.get("target")) for f in found for c in f.consequences
    }
    assert "生产系统故障恢复时间小于60分钟" not in targets
    assert not any(t.startswith("颗粒物≤5mg/m3") for t in targets)
    assert any(t.startswith("制定《西安市2022年主要污染物总量减排实施方案》") for t in targets)
    # a bare "≥90" (西安 04, 服务对象满意度) is still a number without its unit
    found = result(corpus_document("xian_04.pdf"), "PERF-QUANT").findings
    bare = [c for f in found for c in (f.consequences or (f,)) if c.template == "no_unit"]
    assert {str(c.params["target"]) for c in bare} >= {"≥90", "≥95"}


def test_a_form_that_prints_no_project_name_is_named_as_such():
    """wuhan_02's indicator form is titled only 表1：项目年度绩效指标表: the loader keeps
    its name empty, and a finding on it says there is no name rather than quoting “”."""
    from budget.checks import run
    from budget.model import UNNAMED_PROJECT
    from budget.views.messages import english
    from tests.conftest import CORPUS, read

    doc = read(CORPUS / "wuhan_02.pdf")
    assert [p.name for p in doc.performance].count("") == 1
    findings = [
        f
        for r in run(doc).results
        for f in r.findings
        if r.rule.id.startswith("PERF-") and f.params.get("project") == UNNAMED_PROJECT
    ]
    assert findings and all(f.message.startswith(f"“{UNNAMED_PROJECT}”的") for f in findings)
    assert "“”" not in " ".join(f.message for f in findings)
    assert all((english(f) or "").count("(no project name printed)") == 1 for f in findings)


def test_a_named_project_keeps_its_printed_name_in_messages(seed):
    from budget.checks import run

    names = {p.name for p in seed.performance}
    perf = [f for r in run(seed).results for f in r.findings if r.rule.id.startswith("PERF-")]
    assert perf and all(f.params["project"] in names for f in perf if "project" in f.params)


def test_a_list_of_goals_without_indicators_is_one_finding_not_one_a_project():
    """广州's 重点项目 list prints 60 projects' goals and no indicators: said once."""
    from tests.conftest import corpus_document

    (finding,) = result(corpus_document("guangzhou_01.pdf"), "PERF-LEVELS").findings
    assert finding.template == "goals_only" and finding.params["projects"] == 60
    assert "60 个项目的绩效目标表只列出项目的目标和金额" in finding.message
    # a form with indicators is judged indicator by indicator (the sample's are complete)
    assert all(f.template != "goals_only" for f in result(corpus_document("xian_10.pdf"), "PERF-LEVELS").findings)


def test_a_project_name_two_units_share_is_not_matched_to_either():
    """深圳's 综合管理 of the 环境研究院, listed, is not the 综合管理 another unit's text spends."""
    from tests.conftest import corpus_document

    doc = corpus_document("shenzhen_24.pdf")
    assert "综合管理（深圳市环境研究院）" in [p.name for p in doc.performance]
    assert not [f for f in result(doc, "TEXT-ITEMS").findings if "综合管理" in f.message]
