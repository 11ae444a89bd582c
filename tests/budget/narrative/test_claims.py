"""The narrative read as claims: wordings from the corpus (quoted as printed), each read
into the same structure — subject, this year's amount, last year's, the change, the
reason — and reading linear in the length of the text."""

from __future__ import annotations

import time
from dataclasses import replace
from decimal import Decimal

import pytest

from budget.model import Disclosure, Section
from budget.narrative import Kind, Role, read_claims

D = Decimal


def doc_with(seed: Disclosure, text: str, heading: str = "二、单位预算安排的总体情况", year: int = 2026) -> Disclosure:
    """The seed (a real document) with one section of narrative replaced by ``text``."""
    unit = replace(seed.unit, year=year)
    return replace(seed, unit=unit, sections=(Section(heading, text),))


def figures(claim) -> dict[str, str]:
    return {f.role.value: f.printed for f in claim.figures}


def only(seed, text, **kw):
    (claim,) = read_claims(doc_with(seed, text, **kw))
    return claim


def test_levels_in_quotes_with_last_and_this_year(seed):
    # 普陀区万里街道 2024
    claim = only(
        seed,
        "1. “一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，主要用于专项普查活动。"
        "2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%。主要原因是：项目调整。",
        year=2024,
    )
    assert claim.subject.kind == Kind.CLASSIFIED
    assert claim.subject.levels == ("一般公共服务支出", "统计信息事务", "专项普查活动")
    assert figures(claim) == {"amount": "25.77万元", "last": "60.13万元", "repeat": "25.77万元", "percent": "57.14%"}
    assert (claim.direction, claim.reason, claim.basis, claim.basis_year) == (
        "减少",
        "项目调整",
        "2023年预算执行数",
        2023,
    )


def test_levels_with_their_codes(seed):
    claim = only(seed, "公共安全支出（204类）其他公共安全支出（99款）其他公共安全支出（99项）276.93万元。")
    assert (claim.subject.code, claim.subject.name) == ("2049999", "其他公共安全支出")


def test_dashed_subject(seed):
    claim = only(seed, "1.“一般公共服务支出-其他共产党事务支出-一般行政管理事务”科目1065.08万元，主要用于日常工作。")
    assert claim.subject.levels == ("一般公共服务支出", "其他共产党事务支出", "一般行政管理事务")
    assert claim.amount.value == D("1065.08")


def test_quoted_subject_with_the_word_kemu(seed):
    # 上海 2026: 1.“教育支出”科目23,689万元
    claim = only(seed, "1.“教育支出”科目23,689万元，主要用于学校教育管理的人员、公用、专项支出。")
    assert (claim.subject.kind, claim.subject.name, claim.amount.value) == (Kind.CLASSIFIED, "教育支出", D("23689"))


def test_code_after_the_name_change_percent_and_reason(seed):
    # 西安 2026
    claim = only(
        seed, "1.行政运行（2010301）4,414.15万元，较上年增加293.55万元，增长7.12%，增长的主要原因是：人员经费增加；"
    )
    assert (claim.subject.code, claim.subject.name) == ("2010301", "行政运行")
    assert figures(claim) == {"amount": "4,414.15万元", "change": "293.55万元", "percent": "7.12%"}
    assert (claim.direction, claim.reason, claim.basis) == ("增加", "人员经费增加", "上年")


def test_code_before_the_name(seed):
    # 国家信访局 2026
    claim = only(seed, "主要是2014099其他信访事务支出，2026年预算数为3,623.98万元，占部门支出总额的7.16%。")
    assert (claim.subject.code, claim.subject.name) == ("2014099", "其他信访事务支出")


def test_change_in_the_next_sentence_belongs_to_the_item(seed):
    # 无锡 2026: the change opens its own sentence
    claim = only(
        seed,
        "（2）社会保障和就业支出（类）支出390.07万元，主要用于单位为职工缴纳的基本养老保险费、职业年金支出。"
        "与上年相比减少0.8万元，减少0.2%。主要原因是单位缴费人数减少。",
    )
    assert claim.subject.levels[0] == "社会保障和就业支出"
    assert figures(claim) == {"amount": "390.07万元", "change": "0.8万元", "percent": "0.2%"}
    assert (claim.direction, claim.reason) == ("减少", "单位缴费人数减少")


def test_change_of_a_project_after_its_parts(seed):
    # 深圳 2026: an item, its parts, then "。较…增加" for the item
    claims = read_claims(
        doc_with(
            seed,
            "1.安全生产和应急管理专项经费40.00万元,主要用于1200m³移动式排水设施采购40万元，用于增强口岸应急排水能力。"
            "较2025年年初预算增加40万元，增幅100.0%。",
        )
    )
    item = claims[0]
    assert item.subject.name == "安全生产和应急管理专项经费"
    assert figures(item) == {"amount": "40.00万元", "change": "40万元", "percent": "100.0%"}
    assert (item.basis, item.basis_year) == ("2025年年初预算", 2025)


def test_subject_from_the_phrase_before_the_sentence(seed):
    # 深圳 2026: 1.因公出国（境）费用。2026年预算数36.14万元…
    claim = only(
        seed,
        "1.因公出国（境）费用。2026年预算数36.14万元，较2025年年初预算增加18.26万元，主要是我办根据核定的出国人数编制预算。",
    )
    assert (claim.subject.key, claim.topic) == ("overseas", None)
    assert figures(claim) == {"amount": "36.14万元", "change": "18.26万元"}
    assert claim.reason == "我办根据核定的出国人数编制预算"


def test_overview_with_the_organisation_in_the_label(seed):
    claims = read_claims(
        doc_with(
            seed,
            "2026 年深圳市人民政府口岸办公室部门预算收入55,884.67万元，较2025年年初预算增加2,757.53万元，增长5.2%。",
        )
    )
    (claim,) = claims
    assert (claim.subject.kind, claim.subject.key) == (Kind.CONCEPT, "income_total")
    assert figures(claim) == {"amount": "55,884.67万元", "change": "2,757.53万元", "percent": "5.2%"}


def test_the_total_of_an_income_source_list(seed):
    claims = read_claims(
        doc_with(
            seed,
            "2024年，上海市普陀区人民政府万里街道办事处收入预算15621.11万元，其中：财政拨款收入15621.11万元，"
            "比2023年预算减少876.75万元；事业收入0.00万元；事业单位经营收入0.00万元；其他收入0.00万元。",
            year=2024,
        )
    )
    assert [c.subject.key for c in claims] == ["income_total", "appropriation_income", "business", "operating", "other"]
    assert figures(claims[1]) == {"amount": "15621.11万元", "change": "876.75万元"}
    assert claims[1].within.key == "income_total"


def test_percent_in_brackets_and_flat_wording(seed):
    claims = read_claims(
        doc_with(
            seed,
            "其中：因公出国（境）经费0万元，较上年无变化；公务接待费5.77万元，较上年减少0.03万元（0.5%），与上年基本持平；"
            "公务用车运行维护费75万元，较上年增加75万元，",
            heading="“三公”经费",
        )
    )
    overseas, reception, vehicles = claims
    assert overseas.direction == "持平"
    assert figures(reception) == {"amount": "5.77万元", "change": "0.03万元", "percent": "0.5%"}
    assert (vehicles.subject.key, vehicles.topic) == ("vehicle_operation", "three_public")


def test_limits_and_shares_are_not_amounts(seed):
    claims = read_claims(
        doc_with(
            seed,
            "截至2025年12月，共有车辆2辆；单价100万元以上设备21台（套）。基本支出3,305.86万元，占0.34%；",
            heading="国有资产占用情况",
        )
    )
    roles = [[f.role for f in c.figures] for c in claims]
    assert roles == [[Role.LIMIT], [Role.AMOUNT, Role.SHARE]]
    assert claims[1].subject.key == "basic"


def test_final_accounts_budget_and_completion(seed):
    doc = doc_with(
        seed,
        "4.教育支出（类）进修及培训（款）培训支出（项）。年初预算181.29万元，支出决算151.03万元，完成年初预算的83.31%。"
        "决算数小于年初预算数的主要原因是：受疫情影响，单位减少培训。",
        heading="2022年度一般公共预算财政拨款支出决算情况说明",
        year=2022,
    )
    doc = replace(doc, unit=replace(doc.unit, stage="决算"), sections=(Section("2022年度部门决算", ""), *doc.sections))
    (claim,) = read_claims(doc)
    assert claim.subject.levels == ("教育支出", "进修及培训", "培训支出")
    assert figures(claim) == {"budgeted": "181.29万元", "amount": "151.03万元", "completion": "83.31%"}


def test_every_money_figure_is_in_one_claim(seed):
    text = (
        "2026年本部门收入预算16,410.71万元，比上年减少11,230.54万元，下降40.6%，主要原因是机构改革；"
        "支出预算16,410.71万元，比上年减少11,230.54万元。单价在100万元以上的设备19台等。"
    )
    claims = read_claims(doc_with(seed, text))
    money = [f.printed for c in claims for f in c.figures if f.is_money]
    assert money == ["16,410.71万元", "11,230.54万元", "16,410.71万元", "11,230.54万元", "100万元"]


@pytest.mark.timed
@pytest.mark.parametrize(
    "text",
    [
        "（类）" * 20000,
        "1" * 40000 + "万元" + "2" * 40000,
        "比上年增加" * 16000,
        "主要原因是" * 16000 + "增加1万元",
        "公务用车购置及运行维护费" * 6000 + "（" * 5000 + "1万元" * 3000,
        "“" + "教育支出（类）" * 8000 + "”1万元",
        "；".join(["增加1万元，主要原因是"] * 6000),
    ],
)
def test_reading_is_linear_on_long_unpunctuated_text(seed, text):
    doc = doc_with(seed, text)
    start = time.process_time()  # this process's CPU: the work, not the neighbours
    read_claims(doc)
    assert time.process_time() - start < 3.0


def test_an_amount_inside_the_reason_explains_the_change(seed):
    # 西安 2022: "…增加74.97万元，增加的主要原因是…而增加了133万元。"
    (claim,) = read_claims(
        doc_with(
            seed, "公务用车运行维护费210万元，较上年增加133万元，增加的主要原因是预算下达口径发生变化而增加了133万元。"
        )
    )
    assert figures(claim) == {"amount": "210万元", "change": "133万元", "detail": "133万元"}


def test_the_amount_of_a_counted_purchase(seed):
    # 深圳 2026: "计划购置车辆1辆、12万元"
    claims = read_claims(
        doc_with(seed, "2026年计划购置车辆1辆、12万元，主要是更新配置机要通信用车。", heading="国有资产占用情况")
    )
    assert [(c.subject.key, figures(c)) for c in claims] == [("asset_purchase", {"amount": "12万元"})]


def test_the_basis_printed_with_its_figure(seed):
    # 北京 2026: "比2025年年初预算数4,956.01万元增加177.73万元，增长3.59%"
    claim = only(seed, "2026年度收入预算5,133.74万元，比2025年年初预算数4,956.01万元增加177.73万元，增长3.59%。")
    assert figures(claim) == {
        "amount": "5,133.74万元",
        "last": "4,956.01万元",
        "change": "177.73万元",
        "percent": "3.59%",
    }


def test_a_change_after_an_enumeration_is_the_totals(seed):
    # 西安 2026: "预算收入…，其中：a、b、c，较上年减少…，下降…"
    claims = read_claims(
        doc_with(
            seed,
            "本部门当年预算收入344,447.70万元，其中：一般公共预算拨款324,638.50万元、上年结转13,102.70万元、"
            "其他收入3,444.00万元，较上年减少129,422.00万元，下降27.31%。",
        )
    )
    total = claims[0]
    assert (total.subject.key, figures(total)) == (
        "income_total",
        {"amount": "344,447.70万元", "change": "129,422.00万元", "percent": "27.31%"},
    )
    assert [figures(c) for c in claims[1:]] == [
        {"amount": "324,638.50万元"},
        {"amount": "13,102.70万元"},
        {"amount": "3,444.00万元"},
    ]


# ---------------------------------------------------------------- from the precision audit


def test_expenditure_after_a_semicolon_opens_its_own_list(seed):
    # 西安 2022: the change after the expenditure's list is the expenditure's, not its last item's
    claims = read_claims(
        doc_with(
            seed,
            "本部门当年预算收入344,447.70万元，其中：一般公共预算拨款324,638.50万元、上年结转13,102.70万元，"
            "较上年减少129,422.00万元，下降27.31%；本部门当年预算支出344,447.70万元，其中：一般公共预算拨款"
            "324,638.50万元、上年结转13,102.70万元，较上年减少129,422.00万元，下降27.31%。",
        )
    )
    changed = [(c.subject.key, c.within.key if c.within else None) for c in claims if c.change is not None]
    assert changed == [("income_total", None), ("expenditure_total", None)]
    listed = [c.within.key for c in claims if c.subject.key == "carried_in"]
    assert listed == ["income_total", "expenditure_total"]


def test_a_page_number_taken_for_a_heading_does_not_end_the_sentence(seed):
    # 重庆: '— 3 —' between '支出比2025年减少' and '86,685.29万元，主要是…'
    doc = replace(
        seed,
        sections=(
            Section("（二）支出预算", "2026年年初预算数174,900.64万元。支出比2025年减少"),
            Section("— 3 —", "86,685.29万元，主要是基本支出增加4,372.14万元。"),
        ),
    )
    claims = read_claims(doc)
    total = next(c for c in claims if c.amount is not None and c.amount.printed == "174,900.64万元")
    assert total.change is not None and total.change.printed == "86,685.29万元"
    assert not [c for c in claims if c.amount is not None and c.amount.printed == "86,685.29万元"]


def test_another_organisations_unit_budget_keeps_its_name(seed):
    # 深圳人社局: a 分局's own section '…龙华分局部门预算收入5,127.91万元'
    doc = replace(seed, unit=replace(seed.unit, name="深圳市人力资源和社会保障局"))
    claim = read_claims(
        doc_with(doc, "深圳市社会保险基金管理局龙华分局部门预算收入5,127.91万元，包括在职人员经费2,781.70万元。")
    )[0]
    assert claim.subject.kind == Kind.NAMED and "龙华分局" in claim.subject.name
    own = only(doc, "深圳市人力资源和社会保障局部门预算收入571,347.93万元。")
    assert own.subject.key == "income_total"


def test_a_projects_own_carry_over_is_listed_under_it(seed):
    # 深圳口岸办: '免除查验没有问题作业服务费7,083.34万元，上年结转564.09万元，用于…'
    claims = read_claims(
        doc_with(seed, "免除查验没有问题作业服务费7,083.34万元，上年结转564.09万元，用于开展吊装移位仓储工作。")
    )
    carried = next(c for c in claims if c.subject.key == "carried_in")
    assert carried.within is not None and carried.within.name == "免除查验没有问题作业服务费"
    (alone,) = read_claims(doc_with(seed, "上年结转564.09万元，用于开展吊装移位仓储工作。"))
    assert alone.within is None


def test_a_kind_of_project_money_after_a_dash_is_named(seed):
    claim = read_claims(
        doc_with(seed, "1.上级下达资金——政府性基金预算482万元，主要是中央集中彩票公益金结转结余482万元。")
    )[0]
    assert claim.subject.kind == Kind.NAMED
    assert only(seed, "政府性基金预算482万元。").subject.key == "gov_fund"


def test_a_kuan_and_xiang_ending_like_an_organisation_stay_a_kemu(seed):
    # 无锡: '广播电视学校（项）' is no 学校, '其他公立医院支出（项）' no 医院
    doc = replace(
        seed, sections=(Section("（一）教育支出（类）", "11.广播电视教育（款）广播电视学校（项）支出6,658.29万元。"),)
    )
    (claim,) = read_claims(doc)
    assert claim.subject.levels == (None, "广播电视教育", "广播电视学校")


def test_daily_public_costs_are_not_the_public_costs_total(seed):
    # 西安: '日常公用经费109.15万元' is one organisation's (its 机关运行经费)
    assert only(seed, "日常公用经费109.15万元。").subject.kind == Kind.NAMED
    assert only(seed, "公用经费109.15万元。").subject.key == "public"


def test_the_parts_given_after_a_kemu_are_its_own(seed):
    # 西安 部门: '（1）进修及培训（20508）102.32万元，…。具体为：人员经费0.00万元…；公用经费28.32万元…'
    text = (
        "（1）进修及培训（20508）102.32万元，较上年增加102.32万元。具体为：人员经费0.00万元，较上年无变化；"
        "公用经费28.32万元，较上年增加28.32万元。"
    )
    parts = [c for c in read_claims(doc_with(seed, text)) if c.subject.key in ("personnel", "public")]
    assert [(c.subject.key, c.within.code if c.within else None) for c in parts] == [
        ("personnel", "20508"),
        ("public", "20508"),
    ]
    plain = "（1）进修及培训（20508）102.32万元，较上年增加102.32万元。人员经费0.00万元；公用经费28.32万元。"
    assert not [
        c.within for c in read_claims(doc_with(seed, plain)) if c.subject.key in ("personnel", "public") and c.within
    ]


def _units_sections(seed, heading: str):
    department = replace(seed, unit=replace(seed.unit, name="深圳市人力资源和社会保障局", kind="部门"))
    return replace(
        department,
        sections=(
            Section("第三部分 部门预算支出具体情况", "", level=1),
            Section(heading, "深圳市劳动人事争议仲裁院预算4,720.86万元。", level=1),
            Section("（五）项目支出2,149.05万元，具体包括：", "劳动关系管理2,149.05万元。", level=2),
            Section("第四部分 政府采购预算情况", "政府采购预算10.00万元。", level=1),
        ),
    )


def test_a_units_section_in_a_departments_disclosure_is_that_units(seed):
    # 深圳 部门: each unit's own budget under '二、深圳市劳动人事争议仲裁院'
    claims = read_claims(_units_sections(seed, "二、深圳市劳动人事争议仲裁院"))
    project = next(c for c in claims if c.subject.key == "project")
    assert project.organisation == "深圳市劳动人事争议仲裁院"
    assert next(c for c in claims if c.subject.key == "procurement").organisation is None
    own = read_claims(_units_sections(seed, "二、部门预算支出情况"))
    assert next(c for c in own if c.subject.key == "project").organisation is None


def test_a_caption_and_a_numbered_item_do_not_run_on(seed):
    # 北京 2026: "图2：基本支出和项目支出情况" over "（三）年终结转结余资金0元。" — the caption is no
    # subject of the item's 0元
    text = (
        "（二）项目支出。项目支出预算28756.68万元，占本年支出预算93.44%。其中：\n"
        "图2：基本支出和项目支出情况\n（三）年终结转结余资金0元。"
    )
    claims = read_claims(doc_with(seed, text))
    zero = [c for c in claims if c.amount is not None and c.amount.printed == "0元"]
    assert zero and all("基本支出" not in (c.subject.name if c.subject else "") for c in zero)
    assert all("图2" not in c.paragraph for c in zero)
    # a line wrapped mid-sentence still joins the one before
    (claim,) = [c for c in read_claims(doc_with(seed, "本年项目支出预算\n28756.68万元。")) if c.amount is not None]
    assert claim.amount.printed == "28756.68万元"


# Wording of provinces outside ../shared, as published (梧州 广西, 绵竹 四川, a 湖南 county's
# 决算): ASCII punctuation from a PDF's text, the basis with its figure, "总收支".


def test_a_reason_ends_at_an_ascii_semicolon_before_the_listed_items(seed):
    claims = read_claims(
        doc_with(
            seed,
            "2018年度本部门一般公共预算财政拨款安排的“三公”经费支出2.05万元,较上年减少0.03万元,减少了1.44%,"
            "原因为严格落实中央八项规定精神,厉行节约;其中:因公出国(境)支出0万元;公务用车购置支出0万元;"
            "公务用车运行维护费用支出0万元;公务接待费支出2.05万元,占“三公”经费的100%。",
            year=2018,
        )
    )
    total = claims[0]
    assert total.subject.key == "tp_total" and total.reason == "严格落实中央八项规定精神,厉行节约"
    assert figures(total) == {"amount": "2.05万元", "change": "0.03万元", "percent": "1.44%"}
    assert [c.subject.key for c in claims[1:]] == ["overseas", "vehicle_purchase", "vehicle_operation", "reception"]
    assert figures(claims[-1]) == {"amount": "2.05万元", "share": "100%"}


def test_the_last_year_figure_printed_after_its_year_and_de(seed):
    (total, overseas) = read_claims(
        doc_with(
            seed,
            "2025年“三公”经费预算总额为1969万元,较2024年的2190万元减少221万元,下降10.1%;"
            "其中:因公出国(境)经费40万元,较上年持平。",
            year=2025,
        )
    )
    assert figures(total) == {"amount": "1969万元", "last": "2190万元", "change": "221万元", "percent": "10.1%"}
    assert (overseas.subject.key, overseas.direction) == ("overseas", "持平")


def test_a_percent_change_without_an_amount_names_its_subject_without_the_comparison(seed):
    (claim,) = read_claims(doc_with(seed, "财政拨款总收支较上年下降 3.85 %,主要原因是 2025年人员减少。", year=2025))
    assert (claim.subject.key, claim.direction) == ("appropriation_total", "减少")
    assert figures(claim) == {"percent": "3.85 %"}
    (named,) = read_claims(doc_with(seed, "事业运行经费比上年减少3.85%。", year=2025))
    assert named.subject.name == "事业运行经费"


def test_totals_called_zong_yusuan(seed):
    text = "2025年支出总预算1085203.63 元，其中：基本支出预算 1037103.63 元，占支出总预算的 95.57%。"
    (expenditure, basic) = read_claims(doc_with(seed, text, year=2025))
    assert expenditure.subject.key == "expenditure_total" and basic.within.key == "expenditure_total"


def test_last_years_figure_in_brackets_after_the_bare_word(seed):
    (claim,) = read_claims(doc_with(seed, "机关运行经费预算35.60万元（上年38.20万元），减少2.60万元，下降6.81%。"))
    assert claim.subject.key == "running_costs"
    assert figures(claim) == {"amount": "35.60万元", "last": "38.20万元", "change": "2.60万元", "percent": "6.81%"}


def test_a_share_in_a_sentence_of_its_own_is_the_share_of_what_it_names(seed):
    claims = read_claims(
        doc_with(
            seed,
            "2024年部门预算安排政府采购预算总额128.5万元,其中:政府采购货物预算18.5万元,政府采购工程预算0万元,"
            "政府采购服务预算110万元。授予中小企业合同金额占政府采购预算总额的100%。",
            year=2024,
        )
    )
    assert [c.subject.key for c in claims] == ["procurement", "goods", "works", "services", "sme"]
    assert figures(claims[3]) == {"amount": "110万元"} and figures(claims[4]) == {"share": "100%"}
    # a share right after its amount stays that amount's
    (basic,) = read_claims(doc_with(seed, "基本支出预算 1037103.63 元，占支出总预算的 95.57%。"))
    assert figures(basic) == {"amount": "1037103.63 元", "share": "95.57%"}


@pytest.mark.parametrize(
    "text",
    [
        # 无锡: "其中：拟采购货物支出2万元、拟采购工程支出0万元、拟采购服务支出110.9万元"
        "2026年度政府采购支出预算总额112.9万元，其中：拟采购货物支出2万元、拟采购工程支出0万元、拟采购服务支出110.9万元。",
        "2025年政府采购预算总额112.9万元，其中：采购货物类2万元，采购工程类0万元，采购服务类110.9万元。",
        "政府采购预算112.9万元，其中货物采购预算2万元、工程采购预算0万元、服务采购预算110.9万元。",
    ],
)
def test_the_kinds_of_procurement_however_worded(seed, text):
    claims = read_claims(doc_with(seed, text, heading="七、政府采购情况"))
    assert [(c.subject.key, figures(c)["amount"]) for c in claims] == [
        ("procurement", "112.9万元"),
        ("goods", "2万元"),
        ("works", "0万元"),
        ("services", "110.9万元"),
    ]
