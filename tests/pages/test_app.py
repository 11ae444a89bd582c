"""Every page runs on the sample and on every fixture uploaded through the sidebar."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.pages.conftest import PAGES, banner, fixture_bytes, new_app, open_page, shown, upload

FIXTURE_FILES = [
    "seed.docx",
    "seed.txt",
    "seed.pdf",
    "real/putuo_fuliyuan_2024_unit.pdf",
    "real/putuo_wanli_2024_dept.pdf",
]


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_runs_on_the_sample(page):
    at = open_page(new_app(), page)
    assert at.title[0].value
    assert not at.error, [e.value for e in at.error]
    if page == "overview":
        assert "示例" in banner(at)


@pytest.mark.parametrize("name", FIXTURE_FILES)
def test_every_page_runs_on_each_fixture(name):
    at = upload(new_app(), (name.split("/")[-1], fixture_bytes(name)))
    assert not at.exception and not at.error, [e.value for e in at.error]
    for page in PAGES:
        open_page(at, page)
        assert not at.error, (page, [e.value for e in at.error])
    open_page(at, "overview")
    assert "示例" not in banner(at) and name.split("/")[-1] in banner(at)


def metric(at, label_start: str) -> str:
    for m in at.metric:
        if m.label.startswith(label_start):
            return m.value
    raise AssertionError(label_start)


def test_upload_changes_what_pages_show():
    at = new_app()
    assert "示例" in banner(at) and "seed.docx" in banner(at)
    upload(at, ("putuo_wanli_2024_dept.pdf", fixture_bytes("real/putuo_wanli_2024_dept.pdf")))
    assert "上海市普陀区人民政府万里街道办事处" in banner(at) and "示例" not in banner(at)
    assert metric(at, "支出总计").endswith(".00") or "," in metric(at, "支出总计")
    assert "元" in [m.label for m in at.metric if m.label.startswith("支出总计")][0]
    # the uploaded seed itself: same figures as the sample, but no longer labelled 示例
    at = new_app()
    upload(at, ("seed.docx", fixture_bytes("seed.docx")))
    assert "示例" not in banner(at) and "已上传" in banner(at)
    assert metric(at, "支出总计") == "1,452.21"
    assert metric(at, "“三公”经费") == "2.56"


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
    # the choice survives a page switch
    open_page(at, "three_public")
    open_page(at, "overview")
    assert "上海市普陀区社会福利院" in banner(at)


def test_unreadable_upload_is_a_chinese_error_not_a_traceback():
    at = upload(new_app(), ("broken.docx", b"this is not a word document"))
    assert not at.exception
    errors = [shown(e.value) for e in at.sidebar.error]
    assert errors and "broken.docx" in errors[0]
    assert "Traceback" not in errors[0]
    # the sample is still shown, labelled as such
    assert "示例" in banner(at)


def test_overview_headlines_for_the_sample():
    at = new_app()
    values = {m.label: m.value for m in at.metric}
    assert values["收入总计（万元）"] == "1,452.21"
    assert values["基本支出（万元）"] == "387.13"
    assert values["人员经费（万元）"] == "355.31"
    assert values["政府采购（万元）"] == "47.80"
    assert values["绩效项目 / 指标"] == "13 / 90"
    assert Decimal(values["项目支出（万元）"].replace(",", "")) == Decimal("1065.08")
