"""Form: numbering, duplicates, brackets, truncated sentences, placeholders, codes."""

from __future__ import annotations

from dataclasses import replace

from budget.checks import Status
from budget.model import Section, TableKind
from tests.budget.checks.helpers import edit_project, edit_text, places, rename_line, result

THREE_HEADING = "3、 财政拨款“三公”经费预算情况及增减变化原因"
ANTI_CULT = "反邪教专项资金"


def _fixed_goals(seed):
    project = next(p for p in seed.performance if p.name == ANTI_CULT)
    goals = tuple(g.replace("3.3、", "3.").replace("不发生不发生", "不发生") for g in project.goals)
    return edit_project(seed, ANTI_CULT, goals=goals)


def test_heading_numbered_3_where_4_is_expected(seed):
    res = result(seed, "FORM-NUMBERING")
    assert (THREE_HEADING, None, None, "warning") in places(res)
    assert ("performance", "绩效目标", None, "warning") in places(res)  # 3.3、防变量
    assert len(res.findings) == 2


def test_numbering_in_sequence(seed):
    doc = edit_text(_fixed_goals(seed), "三公", "3、", "四、")
    assert result(doc, "FORM-NUMBERING").status == Status.PASSED


def test_missing_heading_number(seed):
    doc = edit_text(_fixed_goals(seed), "三公", "3、", "四、")
    doc = edit_text(doc, "政府采购", "六、", "七、")
    res = result(doc, "FORM-NUMBERING")
    # 五、七、七、: the first 七 skips 六, the second repeats 七
    assert places(res) == {("七、政府采购预算情况", None, None, "warning"), ("七、国有资产信息", None, None, "warning")}


def test_numbers_printed_at_a_lines_start_are_in_sequence(seed):
    # 无锡 名词解释: "十八、…(项)：反映…" to "二十一、" printed, read as the text under "十七、"
    doc = edit_text(_fixed_goals(seed), "三公", "3、", "四、")
    doc = edit_text(doc, "政府采购", "六、", "七、")
    gap = [f.params["heading"] for f in result(doc, "FORM-NUMBERING").findings]
    assert gap[0].startswith("七、政府采购")
    sections = list(doc.sections)
    at = next(i for i, s in enumerate(sections) if s.heading.startswith("五、"))
    sections[at] = replace(
        sections[at], text=sections[at].text + "\n六、政府采购：指各级国家机关使用财政性资金采购货物。"
    )
    res = result(replace(doc, sections=tuple(sections)), "FORM-NUMBERING")
    assert not [f for f in res.findings if f.params["heading"].startswith("七、政府采购")]


def test_a_heading_repeating_the_number_before_is_one_misnumbered_heading(seed):
    # 深圳 '十六、…十六、…十八、': the second 十六 stands where 十七 belongs; 十八 follows it in sequence
    doc = edit_text(_fixed_goals(seed), "三公", "3、", "四、")
    doc = edit_text(doc, "国有资产", "七、", "六、")
    findings = result(doc, "FORM-NUMBERING").findings
    assert [(f.params["heading"], f.params["expected"]) for f in findings] == [("六、国有资产信息", "七、")]
    # the heading after skipping one more is a gap of its own
    doc = edit_text(doc, "其他需要", "九、", "十、")
    findings = result(doc, "FORM-NUMBERING").findings
    assert [(f.params["heading"], f.params["expected"]) for f in findings] == [
        ("六、国有资产信息", "七、"),
        ("十、其他需要说明的事项", "九、"),
    ]


MENTAL = "精神障碍患者管控经费"


def _goal_numbering(doc, goals):
    return [
        (f.template, f.params.get("number"), f.params.get("expected"))
        for f in result(edit_project(doc, MENTAL, goals=goals), "FORM-NUMBERING").findings
        if f.location.project == MENTAL
    ]


def test_goals_numbered_inside_one_cell_go_on_in_the_next(seed):
    # 长沙: '1.做好…。2.优化…。…5.优化…' in one cell, '6.保障好…。7.努力…' in the next
    first, second, third = next(p for p in seed.performance if p.name == MENTAL).goals
    assert third.startswith("3.")
    assert _goal_numbering(seed, (first + second, third)) == []
    assert _goal_numbering(seed, (first + second, "4" + third[1:])) == [("goal_gap", 4, 3)]


def test_goals_numbered_under_parts_of_their_own_start_again(seed):
    # 西安: '一、繁荣…', '二、为市委…', then '每年工作：1、重大课题', '2、重点课题' …
    first, second, third = next(p for p in seed.performance if p.name == MENTAL).goals
    parts = ("一、收治管控", first, second, "二、责任保险", first)
    assert _goal_numbering(seed, parts) == []
    assert _goal_numbering(seed, tuple(g for g in parts if g != "二、责任保险")) == [("goal_gap", 1, 3)]
    listed = ("一、收治管控", "每年工作：" + first, second)
    assert _goal_numbering(seed, listed) == []
    assert _goal_numbering(seed, ("一、收治管控", "每年工作：", second)) == [("goal_gap", 2, 1)]


def test_doubled_words_in_the_seed(seed):
    res = result(seed, "FORM-DUPLICATE")
    assert places(res) == {("performance", "绩效目标", None, "warning")}
    assert res.findings[0].location.project == ANTI_CULT
    assert result(_fixed_goals(seed), "FORM-DUPLICATE").status == Status.PASSED


def test_doubled_punctuation(seed):
    doc = edit_text(_fixed_goals(seed), "政府采购", "具体内容见下表。", "具体内容见下表。。")
    res = result(doc, "FORM-DUPLICATE")
    assert places(res) == {("六、政府采购预算情况", None, None, "warning")}


def test_words_overlapping_are_no_doubled_word(seed):
    # 广州 '低空航空航天发展处' (低空·航空·航天), 无锡 '监测预测预警': '空航' is no word of the document;
    # '控制控制数' (长沙) is: 控制 is written elsewhere
    fixed = _fixed_goals(seed)
    overlap = edit_text(fixed, "政府采购", "具体内容见下表。", "具体内容见下表。设低空航空航天发展处。")
    assert result(overlap, "FORM-DUPLICATE").findings == ()
    doubled = edit_text(fixed, "政府采购", "具体内容见下表。", "具体内容见下表。基本支出控制控制数，控制在预算内。")
    assert places(result(doubled, "FORM-DUPLICATE")) == {("六、政府采购预算情况", None, None, "warning")}


def test_a_word_meeting_a_parallel_construction_is_no_doubled_word(seed):
    # 北京 '构建共建共治共享的花园城市建设新格局': 构建 + 共建·共治·共享 reads '建共建共'; '构建共同' makes
    # '建共' look like a word of the document
    fixed = _fixed_goals(seed)
    sentence = "具体内容见下表。构建{}的治理格局，构建共同缔造机制。"
    parallel = edit_text(fixed, "政府采购", "具体内容见下表。", sentence.format("共建共治共享"))
    assert result(parallel, "FORM-DUPLICATE").findings == ()
    # one item written twice (共建·共建·共享) is a doubled word
    doubled = edit_text(fixed, "政府采购", "具体内容见下表。", sentence.format("共建共建共享"))
    assert places(result(doubled, "FORM-DUPLICATE")) == {("六、政府采购预算情况", None, None, "warning")}


def test_overprinted_bold_is_the_reading_not_a_doubling(seed):
    # 西安 目录: bold drawn three times over, read '表表表222年年年部部部门门门：：：'
    fixed = _fixed_goals(seed)
    bold = edit_text(
        fixed,
        "政府采购",
        "具体内容见下表。",
        "具体内容见下表。\n表表表111年年年部部部门门门收收收支支支总总总表表表：：：元元元",
    )
    assert result(bold, "FORM-DUPLICATE").findings == ()
    # one word doubled in a sentence written plainly is still one
    plain = edit_text(fixed, "政府采购", "具体内容见下表。", "具体内容见下表。主要用于主要用于办公设备购置。")
    assert places(result(plain, "FORM-DUPLICATE")) == {("六、政府采购预算情况", None, None, "warning")}


def test_a_comma_before_a_semicolon_is_doubled_punctuation(seed):
    # 长沙: "拟召开年度公安工作…会议，人数800人，；培训费预算163.46万元"
    doc = edit_text(_fixed_goals(seed), "政府采购", "具体内容见下表。", "具体内容见下表，；另见附件。")
    assert places(result(doc, "FORM-DUPLICATE")) == {("六、政府采购预算情况", None, None, "warning")}
    one = edit_text(_fixed_goals(seed), "政府采购", "具体内容见下表。", "具体内容见下表；另见附件。")
    assert result(one, "FORM-DUPLICATE").findings == ()


def test_mixed_width_bracket_in_the_seed(seed):
    res = result(seed, "FORM-BRACKETS")
    assert places(res) == {(THREE_HEADING, None, None, "warning")}
    fixed = edit_text(seed, "三公", "0.33万元)", "0.33万元）")
    assert result(fixed, "FORM-BRACKETS").status == Status.PASSED


def test_unclosed_quote(seed):
    fixed = edit_text(seed, "三公", "0.33万元)", "0.33万元）")
    doc = edit_text(fixed, "政府采购", "具体内容见下表。", "具体内容见“下表。")
    res = result(doc, "FORM-BRACKETS")
    assert places(res) == {("六、政府采购预算情况", None, None, "warning")}


def test_a_title_broken_over_two_lines_closes_its_bracket(seed):
    # 深圳 cover: "2026年深圳市公安局交通管理局（本" | "级）部门预算" read as two headings
    fixed = edit_text(seed, "三公", "0.33万元)", "0.33万元）")
    broken = (Section("2026年深圳市公安局交通管理局（本", "", level=1), Section("级）部门预算", "", level=1))
    doc = replace(fixed, sections=(*broken, *fixed.sections))
    assert result(doc, "FORM-BRACKETS").findings == ()
    # an opener closed nowhere is still one
    unclosed = (Section("2026年深圳市公安局交通管理局（本", "", level=1), Section("级部门预算", "", level=1))
    doc = replace(fixed, sections=(*unclosed, *fixed.sections))
    assert [f.params["problem"] for f in result(doc, "FORM-BRACKETS").findings] == ["“（”没有对应的“）”"]


def test_truncated_sentence(seed):
    assert result(seed, "FORM-TRUNCATED").status == Status.PASSED
    doc = edit_text(seed, "机关运行经费", "主要用于单位日常办公运转所需支出。", "主要用于。")
    res = result(doc, "FORM-TRUNCATED")
    assert places(res) == {("三、机关运行经费安排情况", None, None, "warning")}


def test_placeholders_in_the_seed(seed):
    res = result(seed, "FORM-PLACEHOLDER")
    assert [(f.location.project, f.location.row, f.severity.value) for f in res.findings] == [
        ("海防工作经费", "绩效目标", "error"),
        ("海防工作经费", "绩效目标", "error"),
    ]


def test_placeholder_in_narrative(seed):
    project = next(p for p in seed.performance if p.name == "海防工作经费")
    doc = edit_project(seed, "海防工作经费", goals=("1.组织联防演练。",) * 1 + project.goals[2:])
    assert result(doc, "FORM-PLACEHOLDER").status == Status.PASSED
    doc = edit_text(doc, "政府采购", "具体内容见下表。", "具体内容见XX表。")
    res = result(doc, "FORM-PLACEHOLDER")
    assert places(res) == {("六、政府采购预算情况", None, None, "error")}


def test_codes_well_formed_in_the_seed(seed):
    assert result(seed, "FORM-CODE").status == Status.PASSED


def test_malformed_code(seed):
    doc = rename_line(seed, TableKind.GENERAL_PUBLIC, "2101103", code="210113")
    res = result(doc, "FORM-CODE")
    assert places(res) == {("general_public", "210113", "科目编码", "warning")}


def test_code_names_agree_with_the_classification_in_the_seed(seed):
    assert result(seed, "FORM-CODE-NAME").status == Status.PASSED


def test_code_with_another_items_name(seed):
    doc = rename_line(seed, TableKind.BASIC_ECONOMIC, "30201", name="印刷费")
    res = result(doc, "FORM-CODE-NAME")
    assert places(res) == {("basic_economic", "30201", "科目名称", "warning")}


def test_code_name_tolerates_bracket_width_and_short_forms(seed):
    doc = rename_line(seed, TableKind.BASIC_ECONOMIC, "30108", name="机关事业单位基本养老保险费")
    assert result(doc, "FORM-CODE-NAME").status == Status.PASSED


def test_no_garbled_text_in_the_seed(seed):
    assert result(seed, "FORM-GARBLED").status == Status.PASSED


def test_garbled_text(seed):
    doc = edit_text(seed, "政府采购", "具体内容见下表。", "具体内容见锟斤拷下表\ufffd。")
    res = result(doc, "FORM-GARBLED")
    assert places(res) == {("六、政府采购预算情况", None, None, "warning")}
    assert [f.location.quote[slice(*f.location.mark)] for f in res.findings] == ["锟斤拷", "\ufffd"]


def test_list_numbering_with_a_closing_bracket_is_not_unbalanced(seed):
    fixed = edit_text(seed, "三公", "0.33万元)", "0.33万元）")
    doc = edit_text(fixed, "政府采购", "2023年，", "1）2023年，")
    assert result(doc, "FORM-BRACKETS").status == Status.PASSED


def test_dot_leaders_of_a_table_of_contents_are_not_placeholders(seed):
    # 国家信访局: "第一部分 国家信访局基本情况...............................2一、部门职责……2"
    toc = "第一部分 基本情况...............................2一、部门职责……………………2二、机构设置......3"
    doc = edit_text(seed, "政府采购", "具体内容见下表。", "具体内容见下表。\n" + toc)
    project = next(p for p in seed.performance if p.name == "海防工作经费")
    doc = edit_project(doc, "海防工作经费", goals=("1.组织联防演练。",) + project.goals[2:])
    assert result(doc, "FORM-PLACEHOLDER").status == Status.PASSED
    # an ellipsis left in a sentence is still one
    doc = edit_text(doc, "政府采购", "具体内容见下表。", "具体内容见……。")
    assert places(result(doc, "FORM-PLACEHOLDER")) == {("六、政府采购预算情况", None, None, "error")}


def test_template_alternatives_left_in_the_text(seed):
    # 西安 2022: "较上年增加（减少）0万元（0%），增加（减少）的主要原因是…"
    assert result(seed, "FORM-LEFTOVER").status == Status.PASSED
    doc = edit_text(seed, "三公", "与2022年相比无变化。", "与2022年相比增加（减少）0万元。")
    res = result(doc, "FORM-LEFTOVER")
    assert [(f.location.section, f.params["text"], f.severity.value) for f in res.findings] == [
        (doc.sections[4].heading, "增加（减少）", "error")
    ]
    doc = edit_text(seed, "政府采购", "具体内容见下表。", "具体内容见下表。（请核实是否有涉密项目）")
    assert [f.params["text"] for f in result(doc, "FORM-LEFTOVER").findings] == ["（请核实是否有涉密项目）"]


def test_sentence_without_final_punctuation(seed):
    assert result(seed, "FORM-UNPUNCTUATED").status == Status.PASSED
    doc = edit_text(seed, "政府采购", "具体内容见下表。", "具体内容见下表，已按要求列入预算")
    res = result(doc, "FORM-UNPUNCTUATED")
    assert places(res) == {("六、政府采购预算情况", None, None, "warning")}
    # a sentence cut at a page break ("…方向、") goes on in the next part
    doc = edit_text(seed, "政府采购", "具体内容见下表。", "具体内容见下表，已按要求列入预算、")
    assert result(doc, "FORM-UNPUNCTUATED").status == Status.PASSED
    # 西安: "…争取国家和省政府政策支持。（发展处）": the office in charge after the full stop
    doc = edit_text(seed, "政府采购", "具体内容见下表。", "具体内容见下表，已按要求列入预算。（办公室）")
    assert result(doc, "FORM-UNPUNCTUATED").status == Status.PASSED
    doc = edit_text(seed, "政府采购", "具体内容见下表。", "具体内容见下表，已按要求列入预算（办公室）")
    assert places(result(doc, "FORM-UNPUNCTUATED")) == {("六、政府采购预算情况", None, None, "warning")}


def with_code_printed(seed, code, printed):
    """The seed with one code cell of the expenditure table printed otherwise (the line keeps its code)."""
    table = seed.table(TableKind.EXPENDITURE)
    line = next(ln for ln in table.lines if ln.code == code)
    body = line.row - len(table.header)
    row = list(table.rows[body])
    row[row.index(code)] = printed
    rows = table.rows[:body] + (tuple(row),) + table.rows[body + 1 :]
    changed = replace(table, rows=rows)
    return replace(seed, tables=tuple(changed if t is table else t for t in seed.tables))


def test_code_printed_in_wrong_groups(seed):
    assert result(seed, "FORM-CODE-PRINTED").status == Status.PASSED
    # the usual split of a 项 code is no defect
    assert result(with_code_printed(seed, "2013602", "201 36 02"), "FORM-CODE-PRINTED").status == Status.PASSED
    res = result(with_code_printed(seed, "2013602", "201 36 2"), "FORM-CODE-PRINTED")
    (f,) = res.findings
    assert (f.location.row, f.params["printed"], f.params["code"]) == ("2013602", "201 36 2", "2013602")


def test_dot_between_chinese_words(seed):
    # 上海 2026: "农业新品种、新农具．新技术引进" (for 、)
    sentence = "主要用于农业新品种、新农具{}新技术引进、试验、示范。"
    doc = edit_text(seed, "政府采购", "具体内容见下表。", "具体内容见下表。" + sentence.format("．"))
    res = result(doc, "FORM-DOT")
    assert [(f.location.section, f.params["dot"], f.severity.value) for f in res.findings] == [
        ("六、政府采购预算情况", "．", "warning")
    ]
    doc = edit_text(seed, "政府采购", "具体内容见下表。", "具体内容见下表。" + sentence.format("、"))
    assert result(doc, "FORM-DOT").status == Status.PASSED
    # a unit joined by dots in brackets (广州: "＜326元/（车道.公里.次）") is written so
    doc = edit_text(seed, "政府采购", "具体内容见下表。", "具体内容见下表。检测单价＜326元/（车道.公里.次）。")
    assert result(doc, "FORM-DOT").status == Status.PASSED


def test_an_unfilled_template_is_one_placeholder_finding(seed):
    # a form left as its template prints "……" in every indicator row: one defect, the
    # repeats counted in the message (xian_11's 2022年专项资金总体 printed it in nine rows)
    project = next(p for p in seed.performance if p.name == "海防工作经费")
    unfilled = tuple(replace(ind, level3="……", description=None, target=None) for ind in project.indicators)
    doc = edit_project(seed, "海防工作经费", goals=("1.组织联防演练。",) + project.goals[2:], indicators=unfilled)
    res = result(doc, "FORM-PLACEHOLDER")
    assert len(unfilled) > 1
    assert [(f.location.project, f.params["text"]) for f in res.findings] == [("海防工作经费", "……")]
    assert res.findings[0].message.endswith(f"（同一处共 {len(unfilled)} 处）")
    # the same placeholder in two places is two findings
    doc = edit_text(doc, "政府采购", "具体内容见下表。", "具体内容见……。")
    assert len(result(doc, "FORM-PLACEHOLDER").findings) == 2


def test_the_repeats_of_a_placeholder_read_in_english(seed):
    from budget.views.messages import english

    project = next(p for p in seed.performance if p.name == "海防工作经费")
    unfilled = tuple(replace(ind, level3="……", description=None, target=None) for ind in project.indicators)
    doc = edit_project(seed, "海防工作经费", goals=("1.组织联防演练。",) + project.goals[2:], indicators=unfilled)
    (finding,) = result(doc, "FORM-PLACEHOLDER").findings
    assert finding.message.startswith("“海防工作经费 ……”中有占位文字“……”")
    assert english(finding).endswith(f" ({len(unfilled)} times in the same place)")


def test_brackets_of_mixed_width_over_a_document_are_one_finding(seed):
    # 西安: "(2050803）" in each of 38 sentences: one habit, one replacement to make
    doc = edit_text(seed, "政府采购", "具体内容见下表。", "具体内容见下表（附表)。")
    res = result(doc, "FORM-BRACKETS")
    (finding,) = res.findings
    assert (finding.template, finding.params["count"], len(finding.consequences)) == ("repeated", 2, 2)
    assert finding.params["places"] == f"“{THREE_HEADING}”、“六、政府采购预算情况”"
    # an unclosed bracket is a defect of its own sentence, not folded with them
    doc = edit_text(doc, "机关运行经费", "主要用于单位日常办公运转所需支出。", "主要用于单位日常办公（运转所需支出。")
    assert sorted(f.template for f in result(doc, "FORM-BRACKETS").findings) == ["default", "repeated"]


def test_every_placeholder_starts_with_a_character_the_prefilter_looks_for():
    """FORM-PLACEHOLDER skips a text holding none of PLACEHOLDER_START's characters: each branch
    of PLACEHOLDER must start with one (a branch added without its character fails here)."""
    import re

    from budget.checks.form import PLACEHOLDER, PLACEHOLDER_START

    samples = [
        "XX",
        "ＸＸＸ",
        "××",
        "某某",
        "目标内容1",
        "指标内容 2",
        "……",
        "...",
        "待填",
        "待补充",
        "此处填写",
        "请填写",
        "TODO",
    ]
    branches = re._parser.parse(PLACEHOLDER.pattern)[0][1][1]  # type: ignore[attr-defined]
    assert len(branches) == 11  # the samples cover each branch (目标/指标 and 待填/待补充 share one)
    for sample in samples:
        match = PLACEHOLDER.search(f"前文{sample}后文")
        assert match is not None and match.group(0).startswith(sample[:1]), sample
        assert PLACEHOLDER_START.match(match.group(0)), sample
    assert PLACEHOLDER_START.search("第1段说明文字") is None


def test_a_title_mark_typed_for_a_comparison_sign():
    # 西安 08's forms: "》95%" for ≥95%: a sign to retype, not a bracket left open; 北京's
    # "《首都“互联网+全民义务植树”基地管理办法(试行)" is still a 《 without its 》
    from tests.conftest import corpus_document

    (finding,) = result(corpus_document("xian_08.pdf"), "FORM-BRACKETS").findings
    assert finding.params["problem"] == "把“》”当作大于号（应写“>或≥”）" and finding.params["count"] == 2
    found = result(corpus_document("beijing_greening_part2.pdf"), "FORM-BRACKETS").findings
    assert [f.params["problem"] for f in found] == ["“《”没有对应的“》”"]


def test_template_alternatives_repeated_in_one_place_are_one_finding():
    # 西安 11 "六、部门预算“三公”经费等预算情况说明": "增加（减少）" four times in the template's
    # sentences, one defect: one finding with its count, the other three kept as consequences;
    # another place with the words is a finding of its own
    from tests.conftest import corpus_document

    doc = corpus_document("xian_11.pdf")
    (finding,) = result(doc, "FORM-LEFTOVER").findings
    assert (finding.params["text"], finding.notes, len(finding.consequences)) == (
        "增加（减少）",
        (("repeats", {"count": 4}),),
        3,
    )
    heading = next(s.heading for s in doc.sections if "机构" in s.heading or "职责" in s.heading)
    other = edit_text(
        doc,
        heading,
        "。",
        "，较上年增加（减少）。",
    )
    assert sorted(len(f.consequences) for f in result(other, "FORM-LEFTOVER").findings) == [0, 3]
