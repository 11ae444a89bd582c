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
