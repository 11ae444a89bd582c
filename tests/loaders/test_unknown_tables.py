"""Tables the corpus left unknown, by kind of table: the standard ones now read, the others kept
unknown (shown as 未识别的表格, never dropped).

Rows are xian_09's 专项资金 forms (pp. 52-63: one form a page, no title over it) and the
tables of contents and 会议费 lists of the xian files, as read.
"""

from __future__ import annotations

from decimal import Decimal

from budget.model import Money, MoneyUnit, TableKind
from loaders import load
from tests.writers import PAGE_BREAK, docx_of

D = Decimal

SUMMARY_HEADER = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
SPENDING = [
    ["", "合计", "123.50", "", "123.50"],
    ["208", "社会保障和就业支出", "123.50", "", "123.50"],
    ["20801", "人力资源和社会保障管理事务", "123.50", "", "123.50"],
    ["2080109", "社会保险经办机构", "123.50", "", "123.50"],
]
FORM = [
    ["专项（项目）名称", "社保大厦物业费"],
    ["主管部门", "西安市人力资源和社会保障局"],
    ["资金金额（万元）", "实施期资金总额：", "123.50"],
    ["", "其中：财政拨款", "123.50"],
    ["总体目标", "年度目标"],
    ["", "满足驻厦各单位工作需要，给办事群众提供良好的办事场所和洁净环境。"],
    ["绩效指标", "一级指标", "二级指标", "指标内容", "指标值"],
    ["", "产出指标", "数量指标", "物业管理面积", "≥30000平方米"],
    ["", "", "成本指标", "物业管理成本", "123.5万元/年"],
    ["", "满意度指标", "服务对象满意度指标", "驻厦单位满意度", "≥90%"],
]

# what comes before on xian_09's pages: the 支出总表, and the titled first form of the series
BEFORE = (
    "2020年部门支出总表",
    "单位：万元",
    [SUMMARY_HEADER, *SPENDING],
    "2020年部门专项业务经费重点项目绩效目标表",
    [["专项（项目）名称", "网络建设维护"], *FORM[1:]],
    PAGE_BREAK,
)


def read(*items):
    return load(docx_of(*items), "forms.docx")


def test_an_untitled_form_with_its_indicator_header_is_a_performance_form():
    """xian_09 prints one 专项资金 form a page under no title: its 一级指标 | 二级指标 row is the
    seventh, past the rows the header test reads (before: unknown, its 9 indicators unread)."""
    d = read(*BEFORE, FORM)
    assert d.tables[2].kind == TableKind.PERFORMANCE
    first, project = d.performance
    assert (
        first.name == "网络建设维护" and project.name == "社保大厦物业费"
    )  # named by "专项（项目）名称" as by 项目名称
    assert project.amount == Money(D("123.50"), MoneyUnit.WAN_YUAN)
    assert [(i.level1, i.level2, i.level3) for i in project.indicators] == [
        ("产出指标", "数量指标", "物业管理面积"),
        ("产出指标", "成本指标", "物业管理成本"),
        ("满意度指标", "服务对象满意度指标", "驻厦单位满意度"),
    ]


def test_the_label_and_the_name_in_one_cell():
    """xian_09 p60: the second form of a grid prints "专项（项目）名称伯乐奖" in one cell."""
    second = [["专项（项目）名称伯乐奖"], *FORM[1:]]
    d = read(*BEFORE, FORM + second)
    assert [p.name for p in d.performance] == ["网络建设维护", "社保大厦物业费", "伯乐奖"]


def test_the_same_rows_without_an_indicator_header_stay_unknown():
    """Without the 一级指标 | 二级指标 row, and no form before it in the same layout, nothing says
    the grid is a form: it is kept as a table not understood."""
    rows = [r for r in FORM if "一级指标" not in r]
    d = read(*BEFORE[:3], PAGE_BREAK, "以下是专项资金的情况。", rows)
    assert d.tables[1].kind == TableKind.UNKNOWN and not d.performance


def test_the_next_form_without_an_indicator_header_is_read_under_the_form_before():
    """xian_09 p63 prints its form with no 一级指标 | 二级指标 row, after a form in the same
    layout that prints one: its indicators are read under that header, as the next project."""
    rows = [r for r in FORM if "一级指标" not in r]
    d = read(*BEFORE, rows)
    assert TableKind.UNKNOWN not in {t.kind for t in d.tables}
    assert [p.name for p in d.performance] == ["网络建设维护", "社保大厦物业费"]
    assert [(i.level1, i.level2, i.level3) for i in d.performance[1].indicators] == [
        ("产出指标", "数量指标", "物业管理面积"),
        ("产出指标", "成本指标", "物业管理成本"),
        ("满意度指标", "服务对象满意度指标", "驻厦单位满意度"),
    ]


def test_tables_that_are_no_standard_table_are_kept_as_what_they_list():
    """A table of contents of the tables (xian's 报表目录) and a list of meetings (会议费明细表)
    are no standard table: kept as printed, named for what they list."""
    contents = [
        ["报表", "报表名称", "是否空表", "公开空表理由"],
        ["表1", "2022年部门综合预算收支总表", "", ""],
        ["表2", "2022年部门综合预算收入总表", "", ""],
    ]
    meetings = [
        ["序号", "会议名称", "时间", "人数", "金额", "备注"],
        ["1", "全市审计业务会", "2026-3-26", "100", "2.00", ""],
    ]
    d = read(
        "2022年部门支出总表", "单位：万元", [SUMMARY_HEADER, *SPENDING], PAGE_BREAK, contents, "会议费明细表", meetings
    )
    assert [t.kind for t in d.tables] == [TableKind.EXPENDITURE, TableKind.CONTENTS, TableKind.MEETINGS]
    assert d.tables[2].rows[0][1] == "全市审计业务会"


# xian_17's 收支总表 (元), rows 1-3 on p20 and 4-6 on p21: a cell cut by the page break
# ("(5)资本性支出(基本建设)") prints its end between the two parts
SUMMARY_PAGE_1 = [
    ["序号", "收入", "", "支出", ""],
    ["", "项目", "预算数", "支出功能分科目（按大类）", "预算数"],
    ["1", "一、部门预算", "1056072667.43", "一、部门预算", "1055907667.43"],
    ["2", "1、财政拨款", "1053807667.43", "1、一般公共服务支出", "1042664903.00"],
    ["3", "6、其他收入", "0.00", "11、节能环保支出", "6532318.95"],
]
SUMMARY_PAGE_2 = [
    ["4", "上年实户资金余额", "3392047.63", "未安排支出的实户资金", "3392047.63"],
    ["5", "", "", "", ""],
    ["6", "收入总计", "1059464715.06", "支出总计", "1059464715.06"],
]


def test_a_summary_cut_by_a_page_break_with_a_cells_end_between_goes_on():
    """The rows go on numbered (3, then 4): the short line between the parts is the end of a cut
    cell, not text; the table goes on (before: the second part was a table not understood) and the
    line is kept in the notes."""
    d = read("2022年部门综合预算收支总表", "金额单位：元", SUMMARY_PAGE_1, "(基本建设) 出", SUMMARY_PAGE_2)
    assert [t.kind for t in d.tables] == [TableKind.SUMMARY]
    assert [r[0] for r in d.tables[0].rows][-3:] == ["4", "5", "6"]
    assert any("“(基本建设) 出”" in note for note in d.notes)


def test_a_part_whose_numbers_do_not_go_on_is_another_table():
    """The same parts numbered 1-3 twice: the line between is text, the second part a table of its own."""
    again = [[str(int(r[0]) - 3), *r[1:]] for r in SUMMARY_PAGE_2]
    d = read("2022年部门综合预算收支总表", "金额单位：元", SUMMARY_PAGE_1, "(基本建设) 出", again)
    assert len(d.tables) == 2
    assert not any("“(基本建设) 出”" in note for note in d.notes)
