"""Items and changes the narrative states in the wordings of the corpus: each rule on a
real document (the seed) with one paragraph added, once right, once with one figure or
word changed."""

from __future__ import annotations

from decimal import Decimal

from budget.checks import Status
from tests.budget.checks.helpers import edit_text, places, result

D = Decimal
OVERVIEW = "总体情况"
WHERE = "二、单位预算安排的总体情况"

# 西安: name and code, the change as an amount and in percent
CODED = "1.行政单位离退休（2080501）26.91万元，较上年增加1.91万元，增长7.64%，增长的主要原因是：退休人员增加；"
# 普陀: last year's and this year's figures and the change amount
WITH_LAST = (
    "1. “社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）”26.91万元，主要用于离退休人员。"
    "2022年当年预算执行数为25.00万元，2023年预算安排26.91万元，比2022年预算执行数增加1.91万元。主要原因是：退休人员增加。"
)
# 上海 2026: the levels joined by dashes, 科目
DASHED = "1.“社会保障和就业支出-行政事业单位养老支出-行政单位离退休”科目26.91万元，主要用于离退休人员。"
# levels with their codes
LEVEL_CODES = "社会保障和就业支出（208类）行政事业单位养老支出（05款）行政单位离退休（01项）26.91万元。"
TWO_ITEMS = (
    "1.行政单位离退休（2080501）26.91万元，较上年增加1.91万元，增长7.64%，增长的主要原因是：退休人员增加；\n"
    "2.机关事业单位基本养老保险缴费支出（2080505）34.63万元，较上年增加2.63万元，增长8.22%，"
    "增长的主要原因是：养老保险缴费基数增加；"
)


def with_text(seed, text):
    return edit_text(seed, OVERVIEW, "都反映在预算中。", "都反映在预算中。\n" + text)


def test_coded_item_agrees_with_the_table(seed):
    for text in (CODED, WITH_LAST, DASHED, LEVEL_CODES):
        doc = with_text(seed, text)
        for rule_id in ("TEXT-ITEMS", "TEXT-NAMES"):
            res = result(doc, rule_id)
            assert (text[:12], rule_id, res.status, res.findings) == (text[:12], rule_id, Status.PASSED, ())


def test_coded_item_amount_differs(seed):
    for text in (CODED, DASHED, LEVEL_CODES):
        doc = with_text(seed, text.replace("26.91万元", "26.19万元", 1))
        res = result(doc, "TEXT-ITEMS")
        assert places(res) == {(WHERE, None, None, "error")}
        f = res.findings[0]
        assert (f.expected, f.actual, f.difference) == (D("26.91"), D("26.19"), D("-0.72"))
        assert f.location.quote[slice(*f.location.mark)] == "26.19万元"


def test_code_with_another_name(seed):
    doc = with_text(seed, CODED.replace("行政单位离退休（2080501）", "行政单位医疗（2080501）"))
    res = result(doc, "TEXT-NAMES")
    assert places(res) == {(WHERE, None, None, "warning")}
    assert res.findings[0].params == {"written": "行政单位医疗（2080501）", "expected": "行政单位离退休（2080501）"}


def test_percent_from_the_change_amount(seed):
    doc = with_text(seed, CODED)
    assert result(doc, "TEXT-PERCENT").status == Status.PASSED
    doc = with_text(seed, CODED.replace("增长7.64%", "增长7.46%"))
    res = result(doc, "TEXT-PERCENT")
    f = res.findings[0]
    assert (f.expected, f.actual, f.unit, f.severity.value) == (D("7.64"), D("7.46"), "%", "error")
    assert f.location.quote[slice(*f.location.mark)] == "7.46%"


def test_percent_of_an_overview_total(seed):
    text = "2023年收入预算1452.21万元，比2022年预算增加52.21万元，增长3.73%。"
    assert result(with_text(seed, text), "TEXT-PERCENT").status == Status.PASSED
    res = result(with_text(seed, text.replace("增长3.73%", "增长3.37%")), "TEXT-PERCENT")
    assert [(f.expected, f.actual) for f in res.findings] == [(D("3.73"), D("3.37"))]


def test_change_recomputed_from_both_years(seed):
    doc = with_text(seed, WITH_LAST)
    assert result(doc, "TEXT-CHANGE").status == Status.PASSED
    res = result(with_text(seed, WITH_LAST.replace("增加1.91万元", "增加1.19万元")), "TEXT-CHANGE")
    assert places(res) == {(WHERE, None, None, "error")}
    f = res.findings[0]
    assert (f.expected, f.actual, f.difference) == (D("1.91"), D("1.19"), D("-0.72"))
    assert result(seed, "TEXT-CHANGE").status == Status.NOT_RUN


def test_direction_against_both_years(seed):
    res = result(with_text(seed, WITH_LAST.replace("执行数增加1.91万元", "执行数减少1.91万元")), "TEXT-DIRECTION")
    assert places(res) == {(WHERE, None, None, "error")}
    assert result(with_text(seed, WITH_LAST), "TEXT-DIRECTION").status == Status.PASSED


def test_reason_copied_from_another_item(seed):
    doc = with_text(seed, TWO_ITEMS)
    assert result(doc, "TEXT-REASON-COPY").status == Status.PASSED
    doc = with_text(seed, TWO_ITEMS.replace("养老保险缴费基数增加", "行政单位离退休经费增加"))
    res = result(doc, "TEXT-REASON-COPY")
    assert places(res) == {(WHERE, None, None, "warning")}
    f = res.findings[0]
    assert f.params["other"] == "行政单位离退休"
    assert "机关事业单位基本养老保险缴费支出" in f.location.quote
    assert result(seed, "TEXT-REASON-COPY").status == Status.NOT_RUN


def test_reason_contradicts_the_direction_in_the_coded_wording(seed):
    res = result(with_text(seed, CODED.replace("退休人员增加", "经费减少")), "TEXT-REASON")
    assert places(res) == {(WHERE, None, None, "warning")}
    assert result(with_text(seed, CODED), "TEXT-REASON").status == Status.PASSED


# 西安 2025: the 会议费's reason is the 公务接待费's, copied word for word
FEES = (
    "本部门当年一般公共预算“三公”经费预算支出4.50万元，较上年减少0.50万元，下降10.00%，"
    "下降的主要原因是：本年公务接待费预算减少。其中：公务接待费2.00万元，较上年减少0.50万元，下降20.00%，"
    "下降的主要原因是：落实过紧日子相关要求，减少公务接待费预算；\n"
    "本部门当年一般公共预算会议费预算支出1.96万元，较上年减少0.04万元，下降2.00%，"
    "下降的主要原因是：落实过紧日子相关要求，减少{}预算。"
)


def test_fee_reason_copied_from_another_fee(seed):
    res = result(with_text(seed, FEES.format("公务接待费")), "TEXT-REASON-COPY")
    assert places(res) == {(WHERE, None, None, "warning")}
    f = res.findings[0]
    assert f.params["other"] == "公务接待费"
    assert "会议费" in f.params["name"]
    # its own reason; and the 三公 total giving its 接待费's reason is the total's own
    assert result(with_text(seed, FEES.format("会议费")), "TEXT-REASON-COPY").status == Status.PASSED


def test_income_and_expenditure_totals_share_their_reason(seed):
    # 广州: 收入预算 and 支出预算 balance; "…项目支出预算安排比上年有变动" is both totals' reason
    text = (
        "本部门收入预算1452.21万元，比上年减少10.00万元，主要原因是年度工作任务不同，使项目支出预算安排比上年有变动；"
        "支出预算1452.21万元，比上年减少10.00万元，主要原因是年度工作任务不同，使项目支出预算安排比上年有变动。"
    )
    assert result(with_text(seed, text), "TEXT-REASON-COPY").findings == ()


def test_increase_by_nothing_is_no_change(seed):
    # 广州: "因公出国（境）费215.6万元，比上年增加0万元，增长0%"; 深圳: "较2025年年初预算增加0.00万元"
    text = "其中：公务接待费0.31万元，比上年{}。"
    # a wording note (提示): the figures are right and nothing a reader could misread
    res = result(with_text(seed, text.format("增加0万元，增长0%")), "TEXT-DIRECTION")
    assert places(res) == {(WHERE, None, None, "info")}
    assert res.findings[0].params["printed"] == "0万元"
    res = result(with_text(seed, text.format("减少0.00万元")), "TEXT-DIRECTION")
    assert places(res) == {(WHERE, None, None, "info")}
    assert result(with_text(seed, text.format("增加0.05万元")), "TEXT-DIRECTION").findings == ()
    assert result(with_text(seed, text.format("持平")), "TEXT-DIRECTION").findings == ()


def test_one_figure_stated_twice_is_one_finding(seed):
    # 深圳: "包括…对个人和家庭的补助支出439.45万元、…" and again "（三）对个人和家庭补助支出439.45万元，
    # 主要是离退休人员经费。": one wrong figure, one finding, the repeat its consequence
    again = "\n（二）行政单位离退休（2080501）{}万元，主要用于离退休人员。"
    wrong = CODED.replace("26.91万元", "26.19万元", 1)
    res = result(with_text(seed, wrong + again.format("26.19")), "TEXT-ITEMS")
    assert places(res) == {(WHERE, None, None, "error")} and len(res.findings) == 1
    (f,) = res.findings
    assert (f.expected, f.actual) == (D("26.91"), D("26.19"))
    assert [(c.rule, c.expected, c.actual) for c in f.consequences] == [("TEXT-ITEMS", D("26.91"), D("26.19"))]
    # two different wrong figures are two defects
    res = result(with_text(seed, wrong + again.format("26.18")), "TEXT-ITEMS")
    assert sorted(f.actual for f in res.findings) == [D("26.18"), D("26.19")]
    assert all(f.consequences == () for f in res.findings)


def test_a_wrong_percentage_says_how_it_was_worked_out(seed):
    # 西安: "较上年增加74.97万元（92.82%）" on 80.77 万元: the change over this year's amount
    # 湖州 "下降 5.0%" for 5.11%, 西安 "（26.30%）" for 26.34%: cut off and padded with zeros
    cases = {
        "增长7.10%": "this_base",
        "增长107.64%": "ratio",
        "增长0.08%": "fraction",
        "增长7.46%": None,
        "增长7.0%": "truncated",
        "增长7.60%": "truncated",
        "增长7.00%": "truncated",
        "增长7.70%": None,
    }
    for printed, cause in cases.items():
        (finding,) = result(with_text(seed, CODED.replace("增长7.64%", printed)), "TEXT-PERCENT").findings
        assert [name for name, _ in finding.notes] == ([cause] if cause else []), printed
        assert finding.expected == D("7.64").quantize(D(printed[2:-1]))  # to the digits printed


# 湖州: the structure of the appropriation, each item with its share of the whole
SHARES = "其中：人员经费500.00万元，占34.4%；公用经费300.00万元，占20.7%；项目支出652.21万元，占44.9%。"


def test_a_percentage_right_for_the_first_of_two_figures(seed):
    # 普陀 万里 住房公积金（项）: "350.35万元 … 执行数为348.52万元，2024年预算安排352.67万元，增加0.53%":
    # the percent is the change to the first figure; the repeat disagrees with it (TEXT-ITEMS)
    text = (
        "1. “社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）”26.91万元，主要用于离退休人员。"
        "2022年当年预算执行数为25.00万元，2023年预算安排{repeat}万元，比2022年预算执行数增加{percent}。"
    )
    assert result(with_text(seed, text.format(repeat="27.19", percent="7.64%")), "TEXT-PERCENT").findings == ()
    # the same repeat, a percent right for neither figure: still wrong, recomputed from the repeat
    (finding,) = result(with_text(seed, text.format(repeat="27.19", percent="9.64%")), "TEXT-PERCENT").findings
    assert (finding.expected, finding.actual) == (D("8.76"), D("9.64"))


def test_shares_of_the_items_listed(seed):
    assert result(with_text(seed, SHARES), "TEXT-SHARE").status == Status.PASSED
    # 湖州 03: one share moved by 0.1 so that the four make 100.0 (5356.01 ÷ 6838.41 = 78.3%, printed 78.4%)
    res = result(with_text(seed, SHARES.replace("占34.4%", "占34.5%")), "TEXT-SHARE")
    (finding,) = res.findings
    assert (finding.expected, finding.actual, finding.params["items"]) == (D("34.4"), D("34.5"), 3)
    assert finding.location.quote[slice(*finding.location.mark)] == "34.5%"


def test_shares_not_of_a_whole_are_not_judged(seed):
    # shares of something else (of the department's total, not of these items): they do not make 100%
    partial = SHARES.replace("占44.9%", "占30.0%")
    assert result(with_text(seed, partial), "TEXT-SHARE").status in (Status.PASSED, Status.NOT_RUN)


def test_a_reason_saying_nothing_changed(seed):
    # 广州: "公务接待费22.21万元，比上年减少0.3万元，下降1.3%，主要原因是基本与上年持平，无增减变化"
    unchanged = CODED.replace("退休人员增加", "与上年基本持平，无增减变化")
    (finding,) = result(with_text(seed, unchanged), "TEXT-REASON").findings
    assert (finding.template, finding.params["change"], finding.params["direction"]) == (
        "unchanged",
        "1.91 万元",
        "增加",
    )
    # "基本持平" alone allows a small change
    nearly = CODED.replace("退休人员增加", "与上年基本持平")
    assert result(with_text(seed, nearly), "TEXT-REASON").status == Status.PASSED


def test_names_in_xian_tables_with_their_kuan_in_brackets():
    # 西安 09: the table prints "一般行政管理事务（人力资源事务）（2011002）", the text
    # "一般行政管理事务（2011002）": the 项's name, right; "资本性支出（310）" in the economic
    # breakdown of all appropriations is not in the basic-expenditure table (projects' spending);
    # "…住房补贴随之增加（19）机关事业单位基本养老保险缴费支出（2080505）" is item 19's name
    from tests.conftest import corpus_document

    found = result(corpus_document("xian_09.pdf"), "TEXT-NAMES").findings
    assert [(f.params.get("written"), f.params.get("expected")) for f in found] == [
        ("归口管理的行政单位离退休（2080501）", "行政单位离退休（2080501）")  # the name before 2019: still fires
    ]


def test_a_name_cut_in_the_table_says_so():
    # 西安 23: "其他科技交流与合作支（2060899）" in the table, "…合作支出" in the text; "科技成果转化扩散"
    # for 科技成果转化与扩散 is the text's slip, not a cut
    from tests.conftest import corpus_document

    found = result(corpus_document("xian_23.pdf"), "TEXT-NAMES").findings
    notes = {f.params["written"]: [n for n, _ in f.notes] for f in found}
    assert notes["其他科技交流与合作支出（2060899）"] == ["name_cut"]
    assert notes["科技成果转化扩散（2060404）"] == []


def test_an_item_named_otherwise_names_the_table_line_of_its_amount():
    # 湖州 02: "科学技术支出（类）技术研究与开发（款）科技成果转换与扩散（项）275.06万元", the table's
    # 2060404 is 科技成果转化与扩散 275.06: the one 项 of that 类 with the amount, named as the table has it
    from tests.conftest import corpus_document

    found = result(corpus_document("huzhou_02.pdf"), "TEXT-NAMES").findings
    assert {(f.template, f.params["expected"]) for f in found} == {
        ("default", "技术研究与开发（20604）科技成果转化与扩散（2060404）"),
        ("default", "公共卫生（21004）突发公共卫生事件应急处置（2100410）"),
    }
    # 西安 20: a code the tables do not have ("（2089901）", named by code, not by levels): not found
    (missing,) = result(corpus_document("xian_20.pdf"), "TEXT-NAMES").findings
    assert (missing.template, missing.params["name"]) == ("not_found", "其他社会保障和就业支出（2089901）")


def test_shares_listed_one_a_line_make_one_list():
    # 无锡 01: "本年一般公共预算收入196,278.67万元，占19.93%；" … one item a line, fourteen lines; the
    # printed shares add up to 100.00 only because 32,640 ÷ 984,760.87 = 3.3145% is printed 3.32%
    from tests.conftest import corpus_document

    (finding,) = result(corpus_document("wuxi_01.pdf"), "TEXT-SHARE").findings
    assert (finding.expected, finding.actual, finding.params["items"]) == (D("3.31"), D("3.32"), 14)
    assert finding.params["base"] == "984,760.87 万元"
    assert finding.location.quote[slice(*finding.location.mark)] == "3.32%"


def test_a_share_of_the_whole_it_is_listed_under():
    # 长沙 01: "一般公共预算拨款支出1935.36万元，其中：一般公共服务支出1935.36万元，占100.00%": one item,
    # judged against the amount it is listed under
    from tests.conftest import corpus_document
    from tests.budget.checks.helpers import edit_text

    doc = corpus_document("changsha_01.pdf")
    res = result(doc, "TEXT-SHARE")
    assert (res.status, res.findings) == (Status.PASSED, ())
    wrong = edit_text(doc, "一般公共预算拨款支出", "1935.36万元，占100.00%", "1935.36万元，占90.00%")
    (finding,) = result(wrong, "TEXT-SHARE").findings
    assert (finding.template, finding.expected, finding.actual) == ("whole", D("100.00"), D("90.00"))
    assert finding.params["base"] == "1,935.36 万元"


def test_items_larger_than_the_whole_are_not_its_parts():
    # 武汉 01: "收入…包括：一般公共预算当年拨款收入16,474.82万元、…；支出包括：一般公共服务支出15,291.3万元，
    # 占81.65%；…": the expenditure items add up to more than the income they follow, so their shares
    # are of their own sum (18,728.94), not of 16,474.82
    from tests.conftest import corpus_document

    res = result(corpus_document("wuhan_01.pdf"), "TEXT-SHARE")
    assert (res.status, res.findings) == (Status.PASSED, ())


def test_no_shares_no_share_rule():
    # 上海 01 states no share at all: nothing to judge
    from tests.conftest import corpus_document

    assert result(corpus_document("shanghai_01.pdf"), "TEXT-SHARE").status == Status.NOT_RUN
