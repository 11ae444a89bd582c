"""Table kinds from titles and headers, column roles and keys: the words of the corpus's
layouts (local numbers 预算01表 / 公开02表 / 表3, 部门综合预算, 按经济分类 …)."""

from __future__ import annotations

import pytest

from budget.model import TableKind
from loaders.recognize.classify import classify_title, column_keys, column_role, is_total_name, title_words


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("2026年部门预算财政拨款收支总表", TableKind.FISCAL_SUMMARY),
        ("预算01表 部门收支总表", TableKind.SUMMARY),
        ("部门综合预算收支总表", TableKind.SUMMARY),
        ("公开03表 部门支出总表", TableKind.EXPENDITURE),
        ("预算03表 一般公共预算财政拨款支出表", TableKind.GENERAL_PUBLIC),
        ("一般公共预算支出表（按经济分类）", TableKind.GENERAL_PUBLIC_ECONOMIC),
        ("基本支出总表", TableKind.BASIC_ECONOMIC),
        ("项目支出总表", TableKind.PROJECT),
        ("“三公”经费支出预算表", TableKind.THREE_PUBLIC),
        ("政府性基金预算支出表", TableKind.GOV_FUND),
        ("国有资本经营预算支出表", TableKind.STATE_CAPITAL),
    ],
)
def test_kind_from_title(title, kind):
    assert classify_title(title) == kind


@pytest.mark.parametrize(
    ("title", "words"),
    [
        ("预算01表收支总表", "收支总表"),
        ("表3 一般公共预算支出表", "一般公共预算支出表"),
        ("附表3一般公共预算支出表", "一般公共预算支出表"),
        ("表三 部门收支总表", "部门收支总表"),
        ("表三一般公共预算支出表", "一般公共预算支出表"),
    ],
)
def test_local_number_stripped_and_only_it(title, words):
    """表3 / 表三 is the table's number; the 一 of 一般公共预算 is not part of it."""
    assert title_words(title) == words


def test_a_numbered_general_public_table_is_not_the_expenditure_table():
    assert classify_title("表3 一般公共预算支出表") == TableKind.GENERAL_PUBLIC


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("预算单位", "unit"),
        ("单位名称", "unit"),
        ("科目编码", "code"),
        ("功能分类科目名称", "name"),
        ("合计", "money"),
        ("政府采购项目", "money"),
        ("经营支出", "money"),
        ("备注", "text"),
    ],
)
def test_column_role(label, role):
    assert column_role(label) == role


def test_column_keys_of_an_expenditure_header():
    assert column_keys(["科目编码", "科目名称", "合计", "基本支出", "项目支出"], TableKind.EXPENDITURE) == [
        None,
        None,
        "total",
        "basic",
        "project",
    ]


@pytest.mark.parametrize(
    ("name", "total"), [("合计", True), ("总计", True), ("本年支出合计", True), ("基本支出", False)]
)
def test_total_names(name, total):
    assert is_total_name(name) is total


# ---------------------------------------------------------------- wording of other provinces


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # 决算 titles of the national template and of the provinces that reword it
        ("收入支出决算总表", TableKind.SUMMARY),
        ("收入决算总表", TableKind.INCOME),
        ("支出决算总表", TableKind.EXPENDITURE),
        ("财政拨款支出决算明细表", TableKind.FISCAL_EXPENDITURE),
        ("一般公共预算财政拨款基本支出决算明细表", TableKind.BASIC_ECONOMIC),
        ("一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表", TableKind.THREE_PUBLIC),
        ("国有资本经营预算财政拨款收入支出决算表", TableKind.STATE_CAPITAL),
        # the older template's general-budget table, laid out as the fund tables (年初结转 |
        # 本年收入 | 本年支出 | 年末结转 by 科目): not the 财政拨款收支总表 (before: fiscal_summary)
        ("一般公共预算财政拨款收入支出决算表", TableKind.GENERAL_PUBLIC),
        ("一般公共预算财政拨款收支表", TableKind.GENERAL_PUBLIC),
        ("财政拨款收支决算总表", TableKind.FISCAL_SUMMARY),
        # a fund's 收入支出 table is the fund's (before: the 收支总表)
        ("政府性基金预算收入支出表", TableKind.GOV_FUND),
        ("国有资本经营预算收入支出决算表", TableKind.STATE_CAPITAL),
        ("国有资本经营预算收支表", TableKind.STATE_CAPITAL),
        ("一般公共预算收入支出表", TableKind.GENERAL_PUBLIC),
        # budgets
        ("收支预算总表", TableKind.SUMMARY),
        ("财务收支预算总表", TableKind.SUMMARY),
        ("单位收支总体情况表", TableKind.SUMMARY),
        ("部门财政拨款收支预算总表", TableKind.FISCAL_SUMMARY),
        ("一般公共预算支出功能分类预算表", TableKind.GENERAL_PUBLIC),
        ("一般公共预算支出预算表（按功能分类）", TableKind.GENERAL_PUBLIC),
        ("一般公共预算支出预算表（按经济分类）", TableKind.GENERAL_PUBLIC_ECONOMIC),
        ("一般公共预算拨款支出预算表", TableKind.GENERAL_PUBLIC),
        ("一般公共预算基本支出经济分类预算表", TableKind.BASIC_ECONOMIC),
        ("项目支出预算明细表", TableKind.PROJECT),
        ("政府采购预算明细表", TableKind.PROCUREMENT),
        ("政府性基金支出预算表", TableKind.GOV_FUND),
        ("一般公共预算“三公”经费支出情况表", TableKind.THREE_PUBLIC),
        # "财拨" is 财政拨款 (xian_18 表11: before, the 支出总表; then the 财政拨款支出表): the
        # spending of last year's appropriations carried over
        ("表11-财拨结转支出表", TableKind.CARRYOVER),
    ],
)
def test_kind_from_the_wording_of_other_provinces(title, kind):
    assert classify_title(title) == kind


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # "项目" alone in a basic table's title names its items, not the 项目支出 (before: the
        # 支出总表, since the basic rule excluded any "项目")
        ("基本支出预算表（人员类、运转类公用经费项目）", TableKind.BASIC_ECONOMIC),
        ("基本支出项目明细表", TableKind.BASIC_ECONOMIC),
        ("部门基本支出项目预算表", TableKind.BASIC_ECONOMIC),
        ("一般公共预算基本支出预算表", TableKind.BASIC_ECONOMIC),
        # both parts named: the table of spending the rest of the title names, with its
        # 基本支出 | 项目支出 columns (before: the 项目支出表 for all of them)
        ("一般公共预算支出预算表（基本支出和项目支出）", TableKind.GENERAL_PUBLIC),
        ("财政拨款支出预算表（按基本支出和项目支出）", TableKind.FISCAL_EXPENDITURE),
        ("部门基本支出和项目支出预算表", TableKind.EXPENDITURE),
        ("部门预算项目支出及基本支出表", TableKind.EXPENDITURE),
        # one part only: that part's table, as before
        ("一般公共预算财政拨款项目支出决算表", TableKind.PROJECT),
        ("一般公共预算财政拨款基本支出决算表", TableKind.BASIC_ECONOMIC),
    ],
)
def test_basic_and_project_in_a_title(title, kind):
    assert classify_title(title) == kind


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("会议费、培训费支出预算表（不含上年结转）", None),
        ("培训费支出明细表", TableKind.TRAINING),
        ("会议费支出表", TableKind.MEETINGS),
        ("2022年部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表", TableKind.THREE_PUBLIC),
        ("2022年部门综合预算专项业务经费支出表（不含上年结转）", TableKind.PROJECT),
    ],
)
def test_a_meetings_or_training_title_is_no_expenditure_table(title, kind):
    """The second line of a 三公 title (xian_20): the header says what it is; a table of
    their own is a list of meetings or trainings. Neither is a 支出总表 (before: expenditure)."""
    assert classify_title(title) == kind


@pytest.mark.parametrize(
    ("labels", "kind", "keys"),
    [
        # a carry-over named with its fund or with more words between
        (["上年财政拨款结转", "年终结转"], TableKind.INCOME, ["carried_in", "carried_out"]),
        (["年初财政拨款结转和结余", "年末财政拨款结转和结余"], TableKind.SUMMARY, ["carried_in", "carried_out"]),
        # before: 上年实户资金 stays cash, 使用非财政拨款结余 the surplus used
        (
            ["上年实户资金余额", "使用非财政拨款结余"],
            TableKind.SUMMARY,
            ["carried_in_cash", "non_appropriation_surplus"],
        ),
        (["纳入专户管理的非税收入", "财政专户管理资金"], TableKind.INCOME, ["special_account", "special_account.2"]),
        (
            ["2026年预算安排", "2025年预算安排", "同比增减"],
            TableKind.GENERAL_PUBLIC,
            ["amount", "amount@2025", "change"],
        ),
        (["当年预算数", "增幅"], TableKind.GENERAL_PUBLIC, ["amount", "change"]),
        (["本年度预算额"], TableKind.GENERAL_PUBLIC, ["amount"]),
    ],
)
def test_column_words_of_other_provinces(labels, kind, keys):
    assert column_keys(labels, kind) == keys


@pytest.mark.parametrize(
    ("labels", "keys"),
    [
        (["年初预算数", "调整预算数", "决算数"], ["budget.initial", "budget.adjusted", "amount"]),
        (["预算数/基本支出", "决算数/基本支出"], ["budget.basic", "basic"]),
        (["2024年预算数", "2024年决算数"], ["budget", "amount"]),
        # a budget: last year's 决算数 beside this year's 预算数 is the earlier year's
        (["2025年决算数", "2026年预算数"], ["amount@2025", "amount"]),
        # a budget with no 决算 column: its 预算数 is the amount
        (["2026年预算数"], ["amount"]),
        # the 决算数 group over 小计 | 基本 | 项目 beside the budget columns
        (
            ["年初预算数", "调整预算数", "决算数/小计", "决算数/基本支出", "决算数/项目支出"],
            ["budget.initial", "budget.adjusted", "total", "basic", "project"],
        ),
        # a budget printing last year's budget and execution beside this year's budget
        (["2025年预算数", "2025年执行数", "2026年预算数"], ["budget", "amount@2025", "amount"]),
    ],
)
def test_the_years_budget_beside_a_final_figure(labels, keys):
    assert column_keys(labels, TableKind.GENERAL_PUBLIC) == keys
