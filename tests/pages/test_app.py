"""Every page runs on the sample and on every fixture, in both languages; uploads,
honest links, one display unit, one error message for a bad file."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from tests.pages.conftest import (
    LANGUAGES,
    PAGES,
    ROOT,
    banner,
    cjk,
    fixture_bytes,
    new_app,
    open_all,
    open_page,
    shown,
    upload,
)

FIXTURE_FILES = [
    "seed.docx",
    "seed.txt",
    "seed.pdf",
    "real/putuo_fuliyuan_2024_unit.pdf",
    "real/putuo_wanli_2024_dept.pdf",
]


def plain(markdown: str) -> str:
    """Markdown as read: without the escaping backslashes."""
    return markdown.replace("\\", "")


def our_labels(at) -> list[str]:
    """The words the interface itself writes on a page (titles, headings, metric and widget
    labels), not the document's: widgets whose label carries document text are left out."""
    labels = [e.value for e in (*at.title, *at.subheader, *at.header)]
    labels += [m.label for m in at.metric]
    for kind in ("button", "download_button", "selectbox", "multiselect", "text_input", "toggle", "radio"):
        for widget in at.get(kind):
            key = getattr(widget, "key", None) or ""
            if key.startswith(("sunburst_crumb_",)):
                continue  # breadcrumb: the sectors' names as printed
            if getattr(widget, "label", None):
                labels.append(widget.label)
    for widget in (*at.get("segmented_control"), *at.get("pills")):
        if widget.key != "lang":  # the language switch is bilingual on purpose
            labels.append(widget.label)
    return labels


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_runs_on_the_sample(page, lang):
    at = open_all(open_page(new_app(lang), page))  # what a closed part, project or table holds too
    assert at.title[0].value
    assert not at.error, [e.value for e in at.error]
    labels = our_labels(at)
    assert labels
    if lang == "en":
        assert [label for label in labels if cjk(label)] == []
    else:
        assert any(cjk(label) for label in labels)
    if page == "overview":
        assert ("示例" if lang == "zh" else "Sample") in banner(at)


@pytest.mark.parametrize("name", FIXTURE_FILES)
def test_every_page_runs_on_each_fixture(name):
    at = upload(new_app(), (name.split("/")[-1], fixture_bytes(name)))
    assert not at.exception and not at.error, [e.value for e in at.error]
    for page in PAGES:
        open_all(open_page(at, page))
        assert not at.error, (page, [e.value for e in at.error])
    open_page(at, "overview")
    assert "示例" not in banner(at) and name.split("/")[-1] in plain(banner(at))


def test_every_page_runs_on_a_pdf_in_english():
    at = upload(new_app("en"), ("putuo_wanli_2024_dept.pdf", fixture_bytes("real/putuo_wanli_2024_dept.pdf")))
    for page in PAGES:
        open_all(open_page(at, page))
        assert not at.error, (page, [e.value for e in at.error])
        assert [label for label in our_labels(at) if cjk(label)] == [], page


def metric(at, label_start: str) -> str:
    for m in at.metric:
        if m.label.startswith(label_start):
            return m.value
    raise AssertionError(label_start)


def test_upload_changes_what_pages_show():
    at = new_app()
    assert "示例" in banner(at) and "seed.docx" in plain(banner(at))
    upload(at, ("putuo_wanli_2024_dept.pdf", fixture_bytes("real/putuo_wanli_2024_dept.pdf")))
    assert "上海市普陀区人民政府万里街道办事处" in banner(at) and "示例" not in banner(at)
    assert "原文金额单位：元" in banner(at)
    # a 元 document on a 万元 page: every card in 万元, two decimals
    labels = [m.label for m in at.metric if "（" in m.label]
    assert labels and all(label.endswith("（万元）") for label in labels)
    assert all(len(m.value.rpartition(".")[2]) == 2 for m in at.metric if "（" in m.label and m.value != "—")
    # the uploaded seed itself: same figures as the sample, but no longer labelled 示例
    at = new_app()
    upload(at, ("seed.docx", fixture_bytes("seed.docx")))
    assert "示例" not in banner(at) and "已上传" in banner(at)
    assert metric(at, "支出总计") == "1,452.21"
    assert metric(at, "“三公”经费") == "2.56"


def test_display_unit_switch_converts_every_card_exactly():
    at = new_app()
    at.segmented_control(key="unit").set_value("元").run()
    assert metric(at, "支出总计（元）") == "14,522,100.00"
    assert metric(at, "公用经费（元）") == "318,200.00"
    at.segmented_control(key="unit").set_value("亿元").run()
    assert metric(at, "支出总计（亿元）") == "0.15"
    assert metric(at, "“三公”经费（亿元）") == "0.00"  # 25,600 元: exact in the hover, 0.00 on the card
    three = next(m for m in at.metric if m.label.startswith("“三公”经费"))
    assert "2.56 万元" in three.help  # the exact printed figure
    # other pages follow it (in the browser it is the link's ?unit=)
    open_page(at, "functional")
    assert at.segmented_control(key="unit").value == "亿元"


def test_several_documents_get_a_selector():
    at = upload(
        new_app(),
        ("seed.docx", fixture_bytes("seed.docx")),
        ("putuo_fuliyuan_2024_unit.pdf", fixture_bytes("real/putuo_fuliyuan_2024_unit.pdf")),
    )
    selector = at.sidebar.selectbox[0]
    assert len(selector.options) == 2
    assert "中共秦皇岛市海港区委政法委员会本级" in banner(at)
    selector.select_index(1).run()
    assert "上海市普陀区社会福利院" in banner(at)
    # which document is on screen is said on every page, not only in the sidebar
    for page in ("functional", "basic_project", "three_public", "performance", "tables", "check"):
        open_page(at, page)
        assert "上海市普陀区社会福利院" in banner(at), page
    open_page(at, "overview")
    assert "上海市普陀区社会福利院" in banner(at)


def test_unreadable_upload_is_one_chinese_message_in_the_main_area():
    at = upload(new_app(), ("broken.docx", b"this is not a word document"))
    assert not at.exception
    assert not at.sidebar.error and not at.sidebar.info
    errors = [shown(e.value) for e in at.main.error]
    assert len(errors) == 1
    assert "broken" in errors[0] and cjk(errors[0]) and "Traceback" not in errors[0]
    # the sample is still shown, labelled as such
    assert "示例" in banner(at)
    at = upload(new_app("en"), ("broken.docx", b"this is not a word document"))
    errors = [e.value for e in at.main.error]
    assert len(errors) == 1 and errors[0].startswith("Cannot read")


def test_overview_headlines_for_the_sample():
    at = new_app()
    values = {m.label: m.value for m in at.metric}
    assert values["收入总计（万元）"] == "1,452.21"
    assert values["基本支出（万元）"] == "387.13"
    assert values["人员经费（万元）"] == "355.31"
    assert values["政府采购（万元）"] == "47.80"
    assert values["绩效项目 / 指标"] == "13 / 90"
    assert Decimal(values["项目支出（万元）"].replace(",", "")) == Decimal("1065.08")
    basic = next(m for m in at.metric if m.label == "基本支出（万元）")
    assert "保障机构正常运转" in basic.help  # the plain definition on hover


SEED_PREFIX = hashlib.sha256(fixture_bytes("seed.docx")).hexdigest()[:12]


def test_the_link_names_the_document_on_screen():
    at = new_app()
    assert at.query_params["doc"] == "sample"
    upload(at, ("seed.docx", fixture_bytes("seed.docx")))
    assert at.query_params["doc"] == SEED_PREFIX


def test_a_link_to_a_document_not_loaded_says_so_and_offers_the_upload():
    at = new_app()
    at.query_params["doc"] = SEED_PREFIX
    at.run()
    assert at.title[0].value == "此链接指向的文档尚未加载"
    assert SEED_PREFIX in at.warning[0].value
    assert not at.metric and not at.get("plotly_chart")  # no other document's figures
    assert len(at.main.get("file_uploader")) == 1 and not at.sidebar.get("file_uploader")
    # another file does not satisfy the link
    upload(at, ("putuo_fuliyuan_2024_unit.pdf", fixture_bytes("real/putuo_fuliyuan_2024_unit.pdf")))
    assert at.title[0].value == "此链接指向的文档尚未加载"
    # the same file does: the page shows it
    upload(
        at,
        ("putuo_fuliyuan_2024_unit.pdf", fixture_bytes("real/putuo_fuliyuan_2024_unit.pdf")),
        ("seed.docx", fixture_bytes("seed.docx")),
    )
    assert at.title[0].value == "总览"
    assert "中共秦皇岛市海港区委政法委员会本级" in banner(at) and "已上传" in banner(at)
    assert at.sidebar.get("file_uploader")


def test_a_missing_link_can_be_left_for_the_sample():
    at = new_app("en")
    at.query_params["doc"] = "0123456789ab"
    at.run()
    assert at.title[0].value == "The document this link points to is not loaded"
    at.button[0].click().run()
    assert at.title[0].value == "Overview" and "Sample" in banner(at)


CORPUS = ROOT.parent / "shared" / "corpus"


def corpus_file(name: str) -> tuple[str, bytes]:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"corpus file {name} not available")
    return name, path.read_bytes()


def test_a_disclosure_in_two_files_is_one_document_and_can_be_split_again():
    # 首都绿化委员会办公室 2026: the 情况说明 and the 报表 as two PDFs
    at = upload(new_app(), corpus_file("beijing_greening_part1.pdf"), corpus_file("beijing_greening_part2.pdf"))
    assert not at.sidebar.selectbox  # one document, not two
    assert "beijing_greening_part1.pdf + beijing_greening_part2.pdf" in plain(banner(at))
    assert "首都绿化委员会办公室" in banner(at)
    assert any("由 2 个文件合并而成" in c.value for c in at.sidebar.caption)
    assert not [i for i in at.info if "一并上传" in i.value]  # nothing is missing now
    open_page(at, "functional")
    assert not at.error and at.get("plotly_chart")  # the 报表's functional rows
    open_page(at, "check")
    assert not at.error
    # split again: two documents, the 报表 alone and the 说明 alone
    join = next(t for t in at.sidebar.toggle if t.key and t.key.startswith("session_join_"))
    assert join.value is True
    join.set_value(False).run()
    assert len(at.sidebar.selectbox[0].options) == 2
    assert any("是一份公开文件的几个部分" in c.value for c in at.sidebar.caption)
    next(t for t in at.sidebar.toggle if t.key == join.key).set_value(True).run()
    assert not at.sidebar.selectbox


def test_a_part_of_a_disclosure_uploaded_alone_is_told_what_to_add():
    """The 情况说明 alone has no table; 广州市生态环境局's file only its 部门整体支出绩效目标表:
    the 总览 says so and that the other parts, uploaded with it, make one document."""
    narrative = upload(new_app(), corpus_file("beijing_greening_part1.pdf"))
    (info,) = [i.value for i in narrative.info if "一并上传" in i.value]
    assert info.startswith("这份文件中没有预算表格，只有文字说明。") and "两部分会合为一份文档" in info
    goals = upload(new_app(), corpus_file("guangzhou_23.pdf"))
    (info,) = [i.value for i in goals.info if "一并上传" in i.value]
    assert info.startswith("这份文件中没有收支总表等标准预算表格，可能只是预算公开文件的一部分")
    assert not [i for i in new_app().info if "一并上传" in i.value]  # the sample is whole


def test_two_complete_disclosures_of_one_unit_stay_two():
    at = upload(new_app(), ("seed.docx", fixture_bytes("seed.docx")), ("seed.txt", fixture_bytes("seed.txt")))
    assert len(at.sidebar.selectbox[0].options) == 2
    assert not [t for t in at.sidebar.toggle if t.key and t.key.startswith("session_join_")]


@pytest.mark.parametrize("name", ["shanghai_12.pdf", "shenzhen_05.pdf", "wuxi_05.pdf", "chongqing_06.pdf"])
def test_every_page_runs_on_corpus_documents_of_four_cities(name):
    at = upload(new_app(), corpus_file(name))
    for page in PAGES:
        open_all(open_page(at, page))
        assert not at.error, (page, [e.value for e in at.error])
    open_page(at, "overview")
    assert name in plain(banner(at))


def test_final_accounts_are_not_called_a_budget():
    """wuhan_02.pdf is 国家信访局's 2024 部门决算: the banner on every page said 部门预算."""
    path = ROOT.parent / "shared" / "corpus" / "wuhan_02.pdf"
    if not path.exists():
        pytest.skip("../shared/corpus not available")
    at = upload(new_app(), ("wuhan_02.pdf", path.read_bytes()))
    assert "国家信访局" in banner(at) and "2024年 部门决算" in banner(at) and "预算" not in banner(at)
    at.segmented_control(key="lang").set_value("English").run()
    assert "2024 Department final accounts" in banner(at)


def test_an_address_that_is_no_page_keeps_streamlits_notice(monkeypatch):
    """/no_such_page: Streamlit queues its "page not found" notice and falls back to the
    hidden home page, which switched to 总览 — a new run, whose start drops every message
    not yet sent to the browser. On a busy machine the notice was lost (the browser test
    test_streamlit_speaks_chinese… failed in full runs: no dialog at all). 总览 is drawn in
    the same run now, so the notice is never dropped; the address / still opens /overview."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from streamlit.runtime.forward_msg_queue import ForwardMsgQueue
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.testing.v1 import AppTest

    from tests.pages.conftest import APP

    dropped: list[ForwardMsg] = []
    clear = ForwardMsgQueue.clear

    def recording_clear(self, *args, **kwargs):
        before = [m for m in self._queue if m.WhichOneof("type") == "page_not_found"]
        clear(self, *args, **kwargs)
        dropped.extend(m for m in before if m not in self._queue)

    monkeypatch.setattr(ForwardMsgQueue, "clear", recording_clear)
    sent: list[int] = []
    enqueue = ForwardMsgQueue.enqueue

    def counting_enqueue(self, msg):
        if msg.WhichOneof("type") == "page_not_found":
            sent.append(1)
        enqueue(self, msg)

    monkeypatch.setattr(ForwardMsgQueue, "enqueue", counting_enqueue)
    intent = PagesManager.set_script_intent
    asked = {"name": "no_such_page"}

    def by_name(self, page_script_hash, page_name):
        # AppTest asks by page hash only; the browser's first request asks for /no_such_page
        # by name (a switch_page after it asks for its page, as in the browser)
        wanted, asked["name"] = asked["name"], ""
        intent(self, "" if wanted else page_script_hash, wanted or page_name)

    monkeypatch.setattr(PagesManager, "set_script_intent", by_name)
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.title] == ["总览"]
    assert sent == [1], sent  # Streamlit did tell the browser
    assert not dropped, "the page-not-found notice was dropped by a rerun"
    assert "示例" in banner(at)  # 总览 of the sample, drawn in place
    # the root: 总览 at its own address, as before (switch_page, no notice)
    root = AppTest.from_file(APP, default_timeout=120)
    root.run()
    assert [e.value for e in root.title] == ["总览"] and not dropped and sent == [1]
    assert root._finished_page_script_hash != at._finished_page_script_hash  # /overview, not the home page
