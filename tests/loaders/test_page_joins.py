"""Tables continued over pages: what the next page prints again is header, the rest is data.

Small Word documents with a page break inside a table, the way the corpus prints them
(the header repeated on each page, a 预算单位 section per unit); the figures are those of
the files named.
"""

from __future__ import annotations

from decimal import Decimal

from budget.model import TableKind
from loaders import load
from tests.loaders.test_layouts import SHENZHEN_HEADER, SHENZHEN_ROWS
from tests.writers import PAGE_BREAK, Span, docx_of

D = Decimal


def read(*items):
    return load(docx_of(*items), "layout.docx")


def test_a_body_row_on_the_next_page_equal_to_a_first_row_is_kept():
    """shenzhen_06 表3 by 预算单位: the second unit on the next page prints a 201 line with the
    same figures as the first unit's, which is one of the table's first four rows. Only the
    header printed again at the top of the page is header: the line is kept (before, every
    row equal to one of the first four rows was dropped, so the second unit lost its 201)."""
    second_unit = [
        [
            "深圳市信访局机关服务中心",
            "",
            "",
            "3,459.13",
            "1,866.84",
            "1,592.29",
            "0.00",
            "0.00",
            "0.00",
            "1,100.30",
            "156.69",
            "0.00",
        ],
        SHENZHEN_ROWS[1],  # "" | 201 | 一般公共服务支出 | 3,459.13 … as the first unit's
        [
            "",
            "20140",
            "信访事务",
            "3,459.13",
            "1,866.84",
            "1,592.29",
            "0.00",
            "0.00",
            "0.00",
            "1,100.30",
            "156.69",
            "0.00",
        ],
    ]
    d = read(
        "表3",
        "支出总表",
        "部门名称：深圳市信访局 单位：万元",
        SHENZHEN_HEADER + SHENZHEN_ROWS,
        PAGE_BREAK,
        "表3",
        "支出总表",
        "部门名称：深圳市信访局 单位：万元",
        SHENZHEN_HEADER + second_unit,
    )
    tables = d.tables_of(TableKind.EXPENDITURE)
    assert len(tables) == 1
    assert len(tables[0].rows) == len(SHENZHEN_ROWS) + len(second_unit)  # the header once, every body row
    coded = [(ln.unit, ln.code) for ln in tables[0].lines if ln.code]
    assert coded[-2:] == [("深圳市信访局机关服务中心", "201"), ("深圳市信访局机关服务中心", "20140")]
    assert [ln.amount for ln in (tables[0].lines[-2].total,)] == [D("3459.13")]


# ---------------------------------------------------------------- performance forms over pages (西安)

FORM = [  # xian_14 p63, 委托咨询业务: side | 一级 | 二级 | 指标内容 | 指标值 | 备注
    ["项目名称", "委托咨询业务", "", "", "", ""],
    ["主管部门", "西安市商务局", "", "", "", ""],
    ["总体目标", "目标1：通过开展第三方审核评审，提高专项资金使用效益。", "", "", "", ""],
    ["", "一级指标", "二级指标", "指标内容", "指标值", "备注"],
    ["", "", "数量指标", "指标1：评审次数", "45次", ""],
    ["", "", "", "指标2：对2022年提交的口岸建设类项目进行评审", "8个", ""],
    ["", "", "成本指标", "指标1：评审、审计费", "61.5万元", ""],
]
NEXT_PAGE = [  # xian_14 p64: the side column printed without rulings, so one column fewer
    ["", "", "指标2：中央服务业专项资金评审费", "8万元", ""],
    ["效益指标", "经济效益指标", "指标1：外贸进出口额", "持续增长", ""],
    ["满意度指标", "服务对象满意度指标", "指标1：提交项目申请的企业满意度", "≥90%", ""],
]


def test_a_form_whose_first_level_column_is_blank_on_its_first_page_goes_on_in_the_next_grid():
    """xian_14: each 一级 cell on p63 is cut by the page break and prints its label on neither
    part, so the form's 一级 column holds no label there; the next page's grid, one column
    narrower, goes on in the form's rightmost columns all the same (its level columns are the
    ones headed 一级指标 / 二级指标). Before, it was a table of its own (unknown) and the project
    had 3 indicators of 6; the first row on the new page carries the open 二级 cell (成本指标)."""
    d = read("2022年部门预算专项业务经费绩效目标表", FORM, PAGE_BREAK, NEXT_PAGE)
    (form,) = d.performance
    assert [(i.level1, i.level2, i.target) for i in form.indicators] == [
        (None, "数量指标", "45次"),
        (None, "数量指标", "8个"),
        (None, "成本指标", "61.5万元"),
        (None, "成本指标", "8万元"),
        ("效益指标", "经济效益指标", "持续增长"),
        ("满意度指标", "服务对象满意度指标", "≥90%"),
    ]
    assert [t.kind for t in d.tables] == [TableKind.PERFORMANCE]


WHOLE = [  # xian_10 p67-68, 2022年部门整体支出绩效目标表: side | 一级 | 二级 | 指标内容 | 指标值
    ["部门（单位）名称", "西安市住房和城乡建设局", "", "", ""],
    ["年度总体目标", "目标1：高标准推进重大项目。", "", "", ""],
    ["", "一级指标", "二级指标", "指标内容", "指标值"],
    ["", "产出指标", "成本指标", "指标1：人员经费成本", "11639.05成本"],
    ["", "", "经济效益指标", "指标1：收购配建房的租金收入", "≧730.08万元/年"],
]
WHOLE_NEXT = [  # p68: the 一级 label of the cut cell printed in the side column with its label
    ["效益指标 年度绩效指标", "", "社会效益指标", "指标1：解决住房困难家庭户数", "≧2703户"],
    ["", "满意度指标", "服务对象满意度指标", "指标1：群众满意度", "≥90%"],
]


def test_a_first_level_label_in_the_side_column_and_no_first_level_carried_into_another_group():
    """xian_10 p67-68: the 效益指标 cell is cut by the page break; its label comes on p68 in the
    side column ("效益指标 年度绩效指标"), so the rows there are 效益指标's (before: 产出指标,
    carried from p67). The 经济效益指标 row on p67 is no 产出指标 row either: the framework puts
    that 二级 under 效益指标, so the 产出指标 cell above has ended there, and the label of the
    one it opens was not printed on its page: unknown (before: 产出指标)."""
    d = read("2022年部门整体支出绩效目标表", WHOLE, PAGE_BREAK, WHOLE_NEXT)
    (form,) = d.performance
    assert [(i.level1, i.level2) for i in form.indicators] == [
        ("产出指标", "成本指标"),
        (None, "经济效益指标"),
        ("效益指标", "社会效益指标"),
        ("满意度指标", "服务对象满意度指标"),
    ]


def test_a_form_with_first_levels_of_its_own_carries_them_into_any_group():
    """The framework only tells where its own 一级 end: a form's own 一级 names ("履职效能") carry on
    over every 二级 of its merged cell, whatever the 二级 is called."""
    own = [row[:] for row in WHOLE]
    own[3] = ["", "履职效能", "成本指标", "指标1：人员经费成本", "11639.05成本"]
    d = read("2022年部门整体支出绩效目标表", own)
    (form,) = d.performance
    assert [(i.level1, i.level2) for i in form.indicators] == [("履职效能", "成本指标"), ("履职效能", "经济效益指标")]


def test_a_form_going_on_in_a_grid_of_its_own_takes_the_open_level_cells():
    """The next page prints the indicator header again over one column fewer (no side column), so
    its grid is a table of its own: its first row prints no 一级 and no 二级, being in the cells left
    open at the foot of the page before (产出指标 / 成本指标), as merged cells are (before: None)."""
    first = [*FORM[:3], FORM[3], ["", "产出指标", "数量指标", "指标1：评审次数", "45次", ""], FORM[6]]
    again = [["一级指标", "二级指标", "指标内容", "指标值", "备注"], *NEXT_PAGE]
    d = read("2022年部门预算专项业务经费绩效目标表", first, PAGE_BREAK, again)
    going_on = d.performance[-1]
    assert [(i.level1, i.level2, i.target) for i in going_on.indicators] == [
        ("产出指标", "成本指标", "8万元"),
        ("效益指标", "经济效益指标", "持续增长"),
        ("满意度指标", "服务对象满意度指标", "≥90%"),
    ]


LEGAL_AID = [  # xian_04 p73, 法律援助业务经费: side | 一级 | 二级 | 指标内容 | 指标值 | 权重
    ["项目名称", "法律援助业务经费", "", "", "", ""],
    ["主管部门", "西安市司法局", "", "", "", ""],
    ["年度目标", "保障困难群众获得法律援助。", "", "", "", ""],
    ["", "一级指标", "二级指标", "三级指标", "指标值", "权重"],
    ["", "产出指标", "数量指标", "法律援助结案数(件)", "≥6000", "10"],
    ["", "", "质量指标", "法律援助案件质量合格率", "≥95%", "10"],
    ["", "", "", "法律援助补贴发放时间(月)", "≤12", "5"],
]
LEGAL_AID_NEXT = [  # p74: one column fewer; the cut 时效指标 cell's label and the side label printed between
    ["", "", "及时发放", "≤100%", "5"],
    ["", "", "举办时间(月)", "≤12", "1"],
    ["满意度指标", "服务对象满意度指标", "受援人满意度", "≥95%", "10"],
]


def test_a_form_goes_on_past_the_pieces_of_its_side_label_and_a_cut_level():
    """xian_04 p73-74: between the parts the page prints "时效指标" (the label of a cut 二级 cell)
    and the side label 年度绩效指标 set down the page in pieces ("年度绩", "效指标 产出指标"). The
    pieces are the side label's; the 二级 goes in its column of the first row going on. Before,
    the second part was a table not understood and its 3 indicators unread."""
    d = read(
        "部门专项业务经费绩效目标表", LEGAL_AID, "时效指标", PAGE_BREAK, "年度绩", "效指标 产出指标", LEGAL_AID_NEXT
    )
    assert [t.kind for t in d.tables] == [TableKind.PERFORMANCE]
    (form,) = d.performance
    assert [(i.level1, i.level2, i.level3) for i in form.indicators][-3:] == [
        ("产出指标", "时效指标", "及时发放"),
        ("产出指标", "时效指标", "举办时间(月)"),
        ("满意度指标", "服务对象满意度指标", "受援人满意度"),
    ]


def test_a_line_of_text_between_the_parts_keeps_them_apart():
    """The same parts with a sentence between: no label's piece, the second part stays a table of its own."""
    d = read("部门专项业务经费绩效目标表", LEGAL_AID, PAGE_BREAK, "以上为本单位年度绩效目标。", LEGAL_AID_NEXT)
    assert [t.kind for t in d.tables][0] == TableKind.PERFORMANCE and len(d.tables) == 2


# chongqing_02 p26-27, 2026年市级重点专项资金绩效目标表 (一级项目): the indicator header printed
# again over the rest of the form on p27, in a grid of its own width (no merged name cell there)
CQ_HEADER = ["绩效指标", "指标名称", "指标性质", "指标值", "计量单位", "指标权重(%)", "是否核心"]
CQ_FORM = [
    ["项目名称", Span("市商务发展专项", 3), "主管部门", Span("重庆市商务委员会", 4)],
    ["当年预算", Span("46,794.00", 3), "市级支出", Span("40,624.00", 4)],
    ["当年绩效目标", Span("2026年,全市商务经济稳中有进。", 8)],
    ["绩效指标", Span("指标名称", 3), "指标性质", "指标值", "计量单位", "指标权重(%)", "是否核心"],
    ["", Span("重要商品储备数量", 3), "≥", "7500", "吨", "10", "是"],
    ["", Span("举办展会活动场次", 3), "≥", "143", "场次", "10", "是"],
]
CQ_NEXT = [
    CQ_HEADER,
    ["", "新增限额以上商贸市场主体数量", "≥", "2000", "家", "5", "否"],
    ["", "年度预算执行率", "=", "100", "%", "10", "否"],
]


def test_a_form_goes_on_under_its_indicator_header_printed_again_in_a_grid_of_another_width():
    """Before, the p27 part was a table not understood and the project had 2 of its 4 indicators."""
    d = read("2026年市级重点专项资金绩效目标表 (一级项目)", "单位:万元", CQ_FORM, PAGE_BREAK, "— 2 6 —", CQ_NEXT)
    assert [t.kind for t in d.tables] == [TableKind.PERFORMANCE]
    (form,) = d.performance
    assert form.name == "市商务发展专项"
    assert [(i.level3 or i.description, i.target) for i in form.indicators] == [
        ("重要商品储备数量", "≥7500吨"),
        ("举办展会活动场次", "≥143场次"),
        ("新增限额以上商贸市场主体数量", "≥2000家"),
        ("年度预算执行率", "=100%"),
    ]


def test_a_grid_of_another_width_under_another_header_is_another_table():
    other = [["序号", "项目名称", "指标名称", "指标值", "计量单位", "权重", "是否核心"], *CQ_NEXT[1:]]
    d = read("2026年市级重点专项资金绩效目标表 (一级项目)", "单位:万元", CQ_FORM, PAGE_BREAK, other)
    assert len(d.tables) == 2
