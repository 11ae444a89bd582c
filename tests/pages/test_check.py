"""The 发布前检查 page on the sample: summary, the review workflow (已说明 leaves the
counts, 待处理 filter, groups with one action, the table of findings), notes carried into
the exports and back from a previous report."""

from __future__ import annotations

import io
import json

import pytest
from openpyxl import load_workbook
from streamlit.runtime.media_file_manager import MediaFileManager

from budget.checks import run
from tests.pages.conftest import ROOT, fixture_bytes, new_app, open_all, open_page, upload

CHECK = "pages/check.py"


@pytest.fixture
def downloads(monkeypatch):
    """What the page hands to its download buttons, by file name."""
    files: dict[str, bytes | str] = {}
    original = MediaFileManager.add

    def add(self, path_or_data, mimetype, coordinates, file_name=None, is_for_static_download=False):
        if file_name:
            files[file_name] = path_or_data
        return original(self, path_or_data, mimetype, coordinates, file_name, is_for_static_download)

    def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        # a file built when its button is clicked: built here, as the click would
        if file_name:
            files[file_name] = data_callable()
        return original_deferred(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    original_deferred = MediaFileManager.add_deferred
    monkeypatch.setattr(MediaFileManager, "add", add)
    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return files


def open_check(at):
    at.switch_page(CHECK).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def exported(files, suffix: str) -> bytes:
    name = next(n for n in files if n.endswith(suffix))
    data = files[name]
    return data if isinstance(data, bytes) else data.encode("utf-8")


def exported_json(files) -> dict:
    return json.loads(exported(files, ".json").decode("utf-8"))


def run_seed():
    from tests.conftest import SAMPLE, read

    return run(read(SAMPLE))  # the sample the app shows, parsed once per run


def assets_key() -> str:
    return next(f.key for f in run_seed().findings if f.rule == "TEXT-ASSETS")


def test_summary_on_the_sample(downloads):
    at = open_check(new_app())
    assert at.title[0].value == "发布前检查"
    m = metrics(at)
    # 15 targets in words are 8 warnings: the six "效果明显" (and two pairs) one finding each
    assert (m["错误"], m["警告"], m["提示"], m["已处理"]) == ("3", "29", "1", "0")
    report = run_seed()
    s = report.summary()
    rules = next(c.value for c in at.caption if c.value.startswith("共 "))
    counts = f"通过 {s['passed']} 条，发现问题 {s['failed']} 条，未运行 {s['not_run']} 条。"
    assert rules.startswith(f"共 {len(report.results)} 条规则：{counts}")
    # why rules did not run: an expander listing them with their reasons
    why = next(e for e in at.expander if e.label.startswith("为什么有"))
    assert f"{s['not_run']} 条规则未运行" in why.label
    assert not at.error


def test_rule_titles_come_first_ids_second():
    at = open_check(new_app())
    headline = next(m.value for m in at.markdown if "国有资产说明与固定资产占用情况表一致" in m.value)
    assert "TEXT-ASSETS" not in headline  # the id is in the caption under the title
    assert any(c.value.endswith("TEXT-ASSETS") for c in at.caption)


def test_marking_a_finding_explained_changes_the_counts_the_card_and_the_export(downloads):
    at = open_check(new_app())
    key = assets_key()
    before = next(f for f in exported_json(downloads)["findings"] if f["key"] == key)
    assert before["review"]["status"] == "待处理"

    at.text_input(key=f"findings_comment_{key}").set_value("表中含本年新购置资产")
    at.selectbox(key=f"findings_status_{key}").set_value("已说明").run()
    assert not at.exception
    m = metrics(at)
    assert (m["错误"], m["已处理"]) == ("2", "1")  # it leaves the count of what is to do
    # the card turns grey with its status badge
    done = [c for c in at.get("flex_container") if getattr(c, "key", "") and c.key.startswith("findings_done_")]
    assert len(done) == 1
    assert any(":green-badge[已说明]" in m.value for m in at.markdown)
    after = next(f for f in exported_json(downloads)["findings"] if f["key"] == key)
    assert after["review"] == {"status": "已说明", "comment": "表中含本年新购置资产"}
    assert at.session_state["findings_notes"][key] == ("已说明", "表中含本年新购置资产")


def test_only_what_is_to_do(downloads):
    at = open_check(new_app())
    key = assets_key()
    at.selectbox(key=f"findings_status_{key}").set_value("已改正").run()
    at.toggle(key="findings_filter_todo").set_value(True).run()
    keys = [s.key for s in at.selectbox if s.key and s.key.startswith("findings_status_")]
    assert f"findings_status_{key}" not in keys and keys
    after = next(f for f in exported_json(downloads)["findings"] if f["key"] == key)
    assert after["review"]["status"] == "已改正"  # filtered out, still exported with its note


def test_filter_by_severity_keeps_notes(downloads):
    at = open_check(new_app())
    key = assets_key()
    at.selectbox(key=f"findings_status_{key}").set_value("已改正").run()
    at.pills(key="findings_filter_severity").set_value(["warning"]).run()
    assert not at.exception
    keys = [s.key for s in at.selectbox if s.key and s.key.startswith("findings_status_")]
    assert f"findings_status_{key}" not in keys  # the error is filtered out …
    after = next(f for f in exported_json(downloads)["findings"] if f["key"] == key)
    assert after["review"]["status"] == "已改正"  # … and its note is still exported


def test_findings_of_one_rule_in_one_place_are_reviewed_with_one_action():
    report = run_seed()
    placeholders = [f for f in report.findings if f.rule == "FORM-PLACEHOLDER"]
    assert len(placeholders) == 2  # 海防工作经费: "目标内容1", "目标内容2"
    at = open_check(new_app())
    group = at.selectbox(key=f"findings_status_{placeholders[0].key}")
    assert group.label == "处理状态（本组 2 处）"
    assert not [s for s in at.selectbox if s.key == f"findings_status_{placeholders[1].key}"]
    group.set_value("已改正").run()
    notes = at.session_state["findings_notes"]
    assert notes[placeholders[0].key][0] == notes[placeholders[1].key][0] == "已改正"
    assert metrics(at)["错误"] == "1"  # both errors left the count


def test_a_previous_report_carries_its_notes_into_the_next_draft(downloads):
    key = assets_key()
    at = open_check(new_app())
    at.text_input(key=f"findings_comment_{key}").set_value("已在说明中解释")
    at.selectbox(key=f"findings_status_{key}").set_value("已说明").run()
    for suffix in (".json", ".xlsx"):
        report = exported(downloads, suffix)
        fresh = open_check(new_app())
        assert metrics(fresh)["已处理"] == "0"
        fresh.file_uploader(key="findings_import").set_value((f"上一稿{suffix}", report, "application/octet-stream"))
        fresh.run()
        assert not fresh.exception
        assert fresh.session_state["findings_notes"][key] == ("已说明", "已在说明中解释")
        m = metrics(fresh)
        assert (m["错误"], m["已处理"]) == ("2", "1"), suffix
        assert any("1 条对应本稿的问题" in s.value for s in fresh.success)


def test_a_file_that_is_not_a_report_is_refused_in_chinese():
    at = open_check(new_app())
    at.file_uploader(key="findings_import").set_value(("x.json", b'{"a": 1}', "application/json"))
    at.run()
    assert any("不是检查报告" in e.value for e in at.error)
    assert metrics(at)["已处理"] == "0"


def test_xlsx_export_has_numbers_and_a_filter(downloads):
    open_check(new_app())
    book = load_workbook(io.BytesIO(exported(downloads, ".xlsx")))
    sheet = book["全部问题"]
    assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:O")
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[header.index("规则")].value == "TEXT-ASSETS")
    expected = row[header.index("应为")]
    assert expected.data_type == "n" and float(expected.value) == 344.74


def test_check_page_in_english(downloads):
    at = open_check(new_app("en"))
    assert at.title[0].value == "Pre-publication check"
    assert set(metrics(at)) == {"Errors", "Warnings", "Notes", "Reviewed"}
    assert any("The state assets narrative agrees with the fixed assets table" in m.value for m in at.markdown)
    book = load_workbook(io.BytesIO(exported(downloads, ".xlsx")))
    assert book.sheetnames == ["Check form", "All findings", "Rule"]


def test_check_page_on_a_shanghai_pdf(downloads):
    at = upload(new_app(), ("putuo_wanli_2024_dept.pdf", fixture_bytes("real/putuo_wanli_2024_dept.pdf")))
    open_check(at)
    # 住房公积金（项）: the repeated figure 352.67 (TEXT-ITEMS); its "增加0.53%" is right for 350.35
    assert metrics(at)["错误"] == "1"
    assert not at.error


def test_document_text_in_a_finding_never_formats_or_links():
    text = fixture_bytes("seed.txt").decode("utf-8")
    hostile = "**[点我](javascript:alert(1))**<b>$x$</b>"
    assert "上年末固定资产金额" in text
    data = text.replace("上年末固定资产金额", hostile + "上年末固定资产金额", 1).encode("utf-8")
    at = open_check(upload(new_app(), ("seed_hostile.txt", data)))
    shown = [m.value for m in at.markdown if "点我" in m.value]
    assert shown, "the finding quoting the sentence is on the page"
    for value in shown:
        assert "[点我](" not in value and "**[" not in value and "<b>" not in value and "$x$" not in value
        assert "\\[点我\\]\\(javascript" in value  # escaped: shown as printed
    assert any(":red-background[**【326\\.27万元】**]" in value for value in shown)  # the figure still marked


def test_the_filter_pills_are_the_ones_the_phone_css_wraps():
    """components/style.py wraps the pills of containers keyed FILTERS… (at 390 px a category
    was cut in half): the check page's filters carry that prefix, and the page emits the rule."""
    from components.style import CSS, FILTERS

    at = open_page(new_app(), "check")
    keys = [p.key for p in at.get("button_group") if p.key] or [p.key for p in at.pills if p.key]
    assert "findings_filter_category" in keys and all(k.startswith(FILTERS) for k in keys if "filter" in k)
    assert f'[class*="st-key-{FILTERS}"] [data-testid="stButtonGroup"] > div' in CSS
    assert any(CSS.strip() in h.proto.body for h in at.get("html"))


def _part_labels(at) -> list[str]:
    return [
        e.label.replace("\u2060", "").replace("\u00a0", " ").replace("\\", "")
        for e in at.expander
        if e.key and e.key.startswith("findings_part_")
    ]


def test_each_part_says_its_page_and_how_many_places():
    """The check as a to-do list: each part of the document names the page to turn to (a
    PDF) and counts its places ("4 处"), in reading order: seed.pdf's 海防工作经费 form on
    page 10 holds 4 findings, 七、国有资产信息 on page 18 one; a Word file has no pages."""
    at = open_check(upload(new_app(), ("seed.pdf", fixture_bytes("seed.pdf"))))
    labels = _part_labels(at)
    assert "绩效目标表：海防工作经费　·　第 10 页（4 处，待处理 4）" in labels, labels
    assert labels[-1] == "七、国有资产信息　·　第 18 页（1 处，待处理 1）", labels
    pages = [int(label.split("第 ")[1].split(" 页")[0]) for label in labels]
    assert len(pages) == len(labels) and pages == sorted(pages)
    word = _part_labels(open_check(new_app()))
    assert word and not any("　·　第 " in label for label in word), word
    assert all(label.endswith("）") and " 处，待处理 " in label for label in word)


def test_rules_passed_with_notes_only_are_said_to_be():
    """shenzhen_01: 7 提示 beside "发现问题 1 条" (its list of goals without indicators) read as
    a contradiction; the caption says how many passed rules left notes only (rounding); 万里街道,
    without notes, gets no such clause."""
    path = ROOT.parent / "shared" / "corpus" / "shenzhen_01.pdf"
    if not path.exists():
        pytest.skip("../shared/corpus not available")
    at = open_check(upload(new_app(), ("shenzhen_01.pdf", path.read_bytes())))
    m = metrics(at)
    assert (m["错误"], m["警告"], m["提示"]) == ("0", "1", "7")
    rules = next(c.value for c in at.caption if c.value.startswith("共 "))
    assert "发现问题 1 条" in rules and rules.endswith("通过的规则中有 4 条只留下提示（如四舍五入差）。"), (
        rules
    )  # ARITH-ROW, -HIER, -TOTALS, TEXT-DIRECTION
    seed = next(c.value for c in open_check(new_app()).caption if c.value.startswith("共 "))
    assert seed.endswith("通过的规则中有 1 条只留下提示（如四舍五入差）。"), seed
    wanli = open_check(upload(new_app(), ("wanli.pdf", fixture_bytes("real/putuo_wanli_2024_dept.pdf"))))
    assert metrics(wanli)["提示"] == "0"
    assert not any("只留下提示" in c.value for c in wanli.caption)  # no note: no clause


def test_a_closed_part_or_tab_draws_nothing_and_every_finding_is_one_click_away():
    """Page weight: a closed part's cards and the tab not shown are not in the page (a
    closed st.expander holds its whole content: the sample's check was 6,782 DOM nodes).
    Parts with an error open by themselves; opening every part shows every finding, and
    the 逐条列表 tab lists them all."""
    report = run_seed()
    at = open_check(new_app())
    cards = lambda: {c.key for c in at.get("flex_container") if (c.key or "").startswith("findings_card_")}  # noqa: E731
    errors = {f.key for f in report.findings if f.severity.value == "error"}
    drawn = cards()
    assert drawn  # the parts with an error are open …
    assert {k.replace(":", "_") for k in errors} & {k.removeprefix("findings_card_") for k in drawn}
    listings = lambda: [d.value for d in at.dataframe if "问题" in d.value.columns]  # noqa: E731
    assert not listings()  # 逐条列表 not drawn
    open_all(at)
    assert drawn < cards()  # … the others drew nothing until opened
    firsts = {k.removeprefix("findings_card_") for k in cards()}
    text = "\n".join(m.value for m in at.markdown)
    for finding in report.findings:  # each a card of its own, or one of its group's places
        assert finding.key.replace(":", "_") in firsts or shown_message(finding) in text, finding.key
    at.session_state["findings_view"] = "逐条列表"
    at.run()
    assert not cards()  # the parts are not drawn beside the list
    assert sum(len(frame) for frame in listings()) == len(report.findings)


def shown_message(finding) -> str:
    from components.text import md

    return md(finding.message)


def test_an_evidence_table_sends_a_documents_headers_escaped():
    """st.table renders its headers as Markdown, and took them from the frame's columns
    (the escaping of the Styler's index never reached the browser): a document's header
    such as huzhou_04's "**" (its 绩效目标 table heads every column with it) must print as
    typed."""
    from streamlit.testing.v1 import AppTest

    def page():
        import pandas as pd

        from components import findings

        frame = pd.DataFrame([["湖州市军用饮食供应和供水站", "35.00"]], columns=["单位名称 **", "金额 **"])
        findings._evidence_table(frame, 0, 1)

    at = AppTest.from_function(page).run()
    assert not at.exception
    assert list(at.table[0].value.columns) == ["单位名称 \\*\\*", "金额 \\*\\*"]
    assert "#f9c8c4" in at.table[0].proto.arrow_data.styler.styles  # the cell at fault is still marked
