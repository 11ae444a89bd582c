"""In English the check's findings read in English on every page that shows them: 发布前检查,
三公经费, 支出结构 (and 基本与项目, the same component), 绩效目标. The Chinese messages are
the check's own (the JSON keeps them); the pages render the English of the same findings."""

from __future__ import annotations

import re

from budget.checks import run
from budget.views.messages import CJK, english
from tests.conftest import CORPUS, SAMPLE, read
from tests.pages.conftest import new_app, open_all, open_page, shown, upload
from tests.pages.test_app import corpus_file


def sample_report():
    return run(read(SAMPLE))  # the sample the app shows, parsed once per run


def page_text(at) -> str:
    """Every markdown, caption and warning of the page, as a reader sees it with every
    part and project opened (drawn only when open)."""
    open_all(at)
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [w.value for w in at.warning]
    return shown("\n".join(parts))


def test_the_check_page_in_english_shows_every_finding_in_english():
    at = open_page(new_app("en"), "check")
    text = page_text(at)
    report = sample_report()
    assert report.findings
    for finding in report.findings:
        assert english(finding) in text, finding.message
        assert finding.message not in text  # the Chinese is not shown beside it
    # the same page in Chinese shows the check's Chinese messages
    text_zh = page_text(open_page(new_app(), "check"))
    assert all(f.message in text_zh for f in report.findings)


def test_the_check_page_places_are_in_english():
    at = open_all(open_page(new_app("en"), "check"))
    # a card's place is its caption, or in a group each place's small grey line
    places = [c.value for c in at.caption] + [
        p for m in at.markdown for p in re.findall(r":small\[:gray\[(.*)\]\]", m.value)
    ]
    captions = [shown(p).replace("\u00a0", " ") for p in places]  # page labels hold no-break spaces
    assert any(c.startswith("海防工作经费 — Project performance table · performance goals") for c in captions)
    assert not any("第 " in c and " 页" in c for c in captions)


def test_three_public_check_notes_in_english():
    """The sample's 运行费 + 保险 split of 运行维护费: the 检查说明 is the check's note in English."""
    at = open_page(new_app("en"), "three_public")
    three = at.table[0].value.set_index(at.table[0].value.columns[0])
    note = shown(three.loc["of which: vehicle running and maintenance", "What the check says"])
    parts = "公务用车运行费1.92万元 + 公务用车保险0.33万元"  # the sentence's words, as printed
    assert f"splits 'Three public' expenses table Vehicle running (maintenance) 2.25 10k yuan into {parts}" in note
    split = next(f for f in sample_report().findings if f.rule == "TEXT-3PUB" and f.template == "split")
    assert note == english(split)
    # the Chinese left is the section's heading and the sentence's words, as printed
    assert not CJK.search(note.replace(parts, "").replace(str(split.fields["section"]), "")), note


def test_performance_flags_and_notes_in_english():
    at = open_all(open_page(new_app("en"), "performance"))
    captions = shown(" ".join(c.value for c in at.caption))
    assert (
        "6 indicators have the same target “效果明显”, not quantified: “反邪教专项资金”“社会环境净化提升”" in captions
    )
    assert "没有量化" not in captions
    warnings = shown(" ".join(w.value for w in at.warning))
    assert "“海防工作经费 performance goals” has the placeholder “目标内容1”" in warnings


def test_functional_page_notes_in_english():
    """深圳 24's 支出结构: the check's findings on the rows drawn (its 支出总表 read unreliably),
    above the chart in English."""
    name, data = corpus_file("shenzhen_24.pdf")
    at = open_page(upload(new_app("en"), (name, data)), "functional")
    warnings = [shown(w.value) for w in at.warning]
    assert len(warnings) == 1
    head, _, rest = warnings[0].partition("\n\n")
    assert head == "Pre-publication check (Warnings):"
    lines = [line.removeprefix("- ") for line in rest.split("\n") if line.startswith("- ")]
    # the same bytes read under the same name as the upload, from the run's shared reading
    # (tests/budget/checks/test_performance.py reads it too): 1.9 s of CPU a parse
    read_table = next(
        f for f in run(read(CORPUS / name)).findings if f.rule == "READ-TABLE" and f.location.table == "expenditure"
    )
    assert lines == [english(read_table)]
    assert lines[0].startswith("Expenditure table may be misread: 13 / 2178 checks within the table fail")
    assert not CJK.search(lines[0])


def test_why_rules_did_not_run_in_english():
    """The not-run table and the rules' results under 'How we check' give the reasons in English."""
    at = open_page(new_app("en"), "check")
    reasons = next(t.value for t in at.table if "Reason" in t.value.columns)
    assert len(reasons) == sum(1 for r in sample_report().results if r.status.value == "not_run")
    assert not any(CJK.search(shown(str(v))) for v in reasons["Reason"]), list(reasons["Reason"])
    results = next(d.value for d in at.dataframe if "Result for this file" in d.value.columns)
    assert not any(CJK.search(str(v)) for v in results["Result for this file"]), list(results["Result for this file"])
    assert {v.split(":")[0] for v in results["Result for this file"]} <= {"Passed", "Failed", "Not run"}
