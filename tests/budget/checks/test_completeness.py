"""Completeness: standard tables, empty-table notes, required parts."""

from __future__ import annotations

from dataclasses import replace

from budget.checks import Status
from budget.model import Section, TableKind
from tests.budget.checks.helpers import edit_table, edit_text, places, result, without_section, without_table


def test_all_standard_tables_in_the_seed(seed):
    assert result(seed, "COMPLETE-TABLES").status == Status.PASSED


def test_missing_standard_table(seed):
    res = result(without_table(seed, TableKind.GOV_FUND), "COMPLETE-TABLES")
    assert places(res) == {("gov_fund", None, None, "error")}


def test_missing_state_capital_table_unexplained_is_a_warning(seed):
    # not among the eight tables of the 操作规程 (长沙's and 重庆's templates leave it out), but
    # a document that neither prints it (empty, with its note) nor says why leaves the reader guessing
    res = result(without_table(seed, TableKind.STATE_CAPITAL), "COMPLETE-TABLES")
    assert places(res) == {("state_capital", None, None, "warning")}
    assert res.findings[0].template == "later"


def test_missing_state_capital_table_explained_in_the_text_is_a_note(seed):
    # 西安: "本部门无当年国有资本经营预算拨款收支，并在财政拨款收支总体情况表中列示", no table
    doc = without_table(seed, TableKind.STATE_CAPITAL)
    said = "即全部收入和支出都反映在预算中。本单位无国有资本经营预算拨款收支。"
    doc = edit_text(doc, "总体情况", "即全部收入和支出都反映在预算中。", said)
    res = result(doc, "COMPLETE-TABLES")
    assert places(res) == {("state_capital", None, None, "info")}
    assert res.findings[0].template == "later_explained"


def test_a_table_printed_but_read_as_text_is_a_warning(seed):
    # 广州: an empty 政府性基金预算支出情况表 came out as a heading and its 合计/注 lines
    doc = without_table(seed, TableKind.GOV_FUND)
    sections = (
        *doc.sections,
        Section("政府性基金预算支出情况表", "", page=16),
        Section(
            "功能分类科目 政府性基金预算支出",
            "科目编码 科目名称 小计\n合计 0.00 0.00 0.00\n注：本表本年无发生额。",
            page=16,
        ),
    )
    res = result(replace(doc, sections=sections), "COMPLETE-TABLES")
    assert places(res) == {("gov_fund", None, None, "warning")}
    assert (res.findings[0].template, res.findings[0].location.page) == ("as_text", 16)


def test_an_empty_table_printed_as_its_header_only_is_printed_not_missing(seed):
    # 西安 (xian_01, its rulings lost): the empty 部门综合预算政府性基金收支表 gives its title
    # as a heading and its header's words as text, no 合计 and no note
    doc = without_table(seed, TableKind.GOV_FUND)
    header = (
        "收入 支出\n部门预算支出经济分类科目（按大 政府预算支出经济分类科目（按大\n"
        "项目 预算数 支出功能分类科目（按大类） 预算数"
    )
    printed = replace(doc, sections=(*doc.sections, Section("部门综合预算政府性基金收支表", header, page=21)))
    res = result(printed, "COMPLETE-TABLES")
    assert places(res) == {("gov_fund", None, None, "warning")}
    assert (res.findings[0].template, res.findings[0].location.page) == ("as_text", 21)
    # a heading of that name over prose is no table printed: the table is missing
    prose = replace(
        doc, sections=(*doc.sections, Section("部门综合预算政府性基金收支表", "本部门无政府性基金收支。", page=21))
    )
    assert places(result(prose, "COMPLETE-TABLES")) == {("gov_fund", None, None, "error")}


def test_a_performance_form_on_its_own_is_not_checked_for_tables(seed):
    doc = replace(seed, tables=tuple(t for t in seed.tables if t.kind == TableKind.PERFORMANCE))
    assert result(doc, "COMPLETE-TABLES").status == Status.NOT_RUN


def test_empty_tables_have_their_note_in_the_seed(seed):
    assert result(seed, "COMPLETE-EMPTY").status == Status.PASSED


def test_empty_table_without_note(seed):
    table = seed.table(TableKind.GOV_FUND)
    doc = edit_table(seed, TableKind.GOV_FUND, note=None)
    res = result(doc, "COMPLETE-EMPTY")
    assert places(res) == {("gov_fund", None, None, "warning")}
    assert res.findings[0].location.table_index == seed.tables.index(table)


def test_table_with_data_noted_as_empty(seed):
    doc = edit_table(seed, TableKind.THREE_PUBLIC, note="注：本单位无“三公”经费预算，故本表为空表。")
    res = result(doc, "COMPLETE-EMPTY")
    assert places(res) == {("three_public", None, None, "warning")}


def test_required_sections_in_the_seed(seed):
    assert result(seed, "COMPLETE-SECTIONS").status == Status.PASSED


def test_missing_glossary(seed):
    res = result(without_section(seed, "名词解释"), "COMPLETE-SECTIONS")
    assert places(res) == {("名词解释", None, None, "error")}


def test_missing_procurement_and_assets(seed):
    doc = without_section(without_section(seed, "政府采购"), "国有资产")
    res = result(doc, "COMPLETE-SECTIONS")
    assert places(res) == {("政府采购", None, None, "error"), ("国有资产", None, None, "error")}


def test_overview_without_totals_in_the_seed(seed):
    res = result(seed, "COMPLETE-OVERVIEW")
    assert places(res) == {("二、单位预算安排的总体情况", None, None, "warning")}


def test_overview_with_totals(seed):
    doc = edit_text(
        seed, "总体情况", "都反映在预算中。", "都反映在预算中。2023年收入预算1452.21万元，支出预算1452.21万元。"
    )
    assert result(doc, "COMPLETE-OVERVIEW").status == Status.PASSED


def test_three_public_change_explained_in_the_seed(seed):
    assert result(seed, "COMPLETE-3PUB-REASON").status == Status.PASSED


def test_three_public_change_not_explained(seed):
    doc = edit_text(seed, "三公", "与2022年相比无变化。", "")
    res = result(doc, "COMPLETE-3PUB-REASON")
    assert places(res) == {(seed.sections[4].heading, None, None, "warning")}


def test_table_not_found_among_unrecognised_tables_is_a_warning(seed):
    # the 政府性基金预算支出表 printed under a local title the reader did not recognise
    table = seed.table(TableKind.GOV_FUND)
    local = replace(table, kind=TableKind.UNKNOWN, title="预算07表")
    doc = replace(seed, tables=tuple(local if t is table else t for t in seed.tables))
    res = result(doc, "COMPLETE-TABLES")
    assert places(res) == {("gov_fund", None, None, "warning")}
    assert res.findings[0].params == {"table": "政府性基金预算支出表", "unknown": 1}


def test_state_capital_table_unrecognised_but_explained_is_a_note(seed):
    # its note ("无国有资本经营预算财政拨款预算，空表列示") says there is none: nothing to look for
    table = seed.table(TableKind.STATE_CAPITAL)
    local = replace(table, kind=TableKind.UNKNOWN, title="预算08表")
    doc = replace(seed, tables=tuple(local if t is table else t for t in seed.tables))
    res = result(doc, "COMPLETE-TABLES")
    assert places(res) == {("state_capital", None, None, "info")}
    silent = replace(doc, tables=tuple(replace(t, note=None) if t is local else t for t in doc.tables))
    assert places(result(silent, "COMPLETE-TABLES")) == {("state_capital", None, None, "warning")}


def test_a_part_of_a_disclosure_published_in_two_files(seed):
    # 北京: the 情况说明 and the 报表 are two files
    narrative_only = replace(seed, tables=())
    assert result(narrative_only, "COMPLETE-TABLES").status == Status.NOT_RUN
    tables_only = replace(seed, sections=seed.sections[:1])
    assert result(tables_only, "COMPLETE-SECTIONS").status == Status.NOT_RUN
    assert result(seed, "COMPLETE-SECTIONS").status == Status.PASSED


def test_three_public_same_as_last_year_is_a_change_stated(seed):
    # 无锡: "…“三公”经费支出预算0万元，与上年预算数相同。"
    doc = edit_text(seed, "三公", "与2022年相比无变化。", "与上年预算数相同。")
    assert result(doc, "COMPLETE-3PUB-REASON").status == Status.PASSED
    doc = edit_text(seed, "三公", "与2022年相比无变化。", "与上年预算数。")
    assert places(result(doc, "COMPLETE-3PUB-REASON")) == {(seed.sections[4].heading, None, None, "warning")}


def test_empty_table_the_text_states_as_zero(seed):
    # 上海: the 政府性基金 table printed empty, no note under it; the 编制说明 says
    # "政府性基金拨款支出预算为0": the empty table is explained
    bare = edit_table(seed, TableKind.GOV_FUND, note=None)
    assert places(result(bare, "COMPLETE-EMPTY")) == {("gov_fund", None, None, "warning")}
    for sentence in ("政府性基金拨款支出预算为0。", "本单位无政府性基金预算安排的支出，故此表无数据。"):
        doc = edit_text(bare, "总体情况", "都反映在预算中。", "都反映在预算中。" + sentence)
        assert (sentence, result(doc, "COMPLETE-EMPTY").findings) == (sentence, ())
    # a figure that is not zero, or another fund's zero, explains nothing
    for sentence in ("政府性基金拨款支出预算为10万元。", "国有资本经营预算拨款支出预算为0。"):
        doc = edit_text(bare, "总体情况", "都反映在预算中。", "都反映在预算中。" + sentence)
        assert (sentence, places(result(doc, "COMPLETE-EMPTY"))) == (sentence, {("gov_fund", None, None, "warning")})
