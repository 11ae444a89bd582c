"""The 语料库 page in a real browser (Debian Chromium through Playwright), on the demo
corpus built from samples/: open it, sort, search, and follow a row to its document."""

from __future__ import annotations

import os

import pytest

from tests.conftest import demo_corpus
from tests.test_browser import CHROMIUM, CONTEXT, ROOT, settle, streamlit_server

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="system Chromium not installed (make test installs it)"),
]

AUDIT = "上海市审计局"


@pytest.fixture(scope="module")
def server():
    db = demo_corpus()  # the demo corpus as `make run` builds it, once per run (shared with tests/pages)
    env = {**os.environ, "BUDGETLENS_CORPUS": str(db), "BUDGETLENS_CORPUS_DOCUMENTS": str(ROOT / "samples")}
    with streamlit_server(env=env) as url:
        yield url


def _rows(page, index: int = 0):
    """The body rows of a dataframe, from the grid's accessible table (the cells are drawn
    on a canvas)."""
    return page.locator("[data-testid='stDataFrame']").nth(index).locator("table tbody tr")


def _click_row(page, row: int, index: int = 0) -> None:
    """Click the selection box of a body row (header and rows are 35 px high)."""
    settle(page)
    box = page.locator("[data-testid='stDataFrame']").nth(index).bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 35 * row + 17)


def test_corpus_page_in_a_browser(server, browser, tmp_path):
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1440, "height": 1200}, **CONTEXT)
    try:
        page = context.new_page()
        # Generous: the suite runs this beside other browser and page tests on 2 cores.
        page.set_default_timeout(60_000)
        expect.set_options(timeout=60_000)

        # A link straight to the page on a fresh server: the app's navigation and sidebar.
        # A second link, to another page, opened at the same moment (another tab, so a
        # session of its own): Streamlit starts a run that reaches a fresh server while
        # the first tab's is still importing as an old-style pages/ app, the page file
        # alone. It too gets the app (the uploader, the Chinese menu), not file names.
        second = context.new_page()
        second.set_default_timeout(60_000)
        page.goto(f"{server}/corpus")
        second.goto(f"{server}/functional")
        expect(page.get_by_role("heading", name="语料库")).to_be_visible()
        expect(page.locator("[data-testid='stSidebarNav'] a", has_text="语料库")).to_be_visible()
        expect(second.get_by_role("heading", name="支出结构")).to_be_visible()
        expect(second.locator("section[data-testid='stSidebar'] input[type=file]")).to_have_count(1)
        expect(second.locator("[data-testid='stSidebarNav'] a", has_text="基本与项目")).to_be_visible()
        expect(second.locator("[data-testid='stSidebarNav'] a", has_text="basic project")).to_have_count(0)
        second.close()
        expect(_rows(page)).to_have_count(7)
        expect(_rows(page).first).to_contain_text("上海市数据局")  # 支出总计, largest first

        # Sort by 三公, largest first: the 审计局 (237.92 万元) leads.
        page.get_by_role("combobox", name="排序").click()
        page.get_by_role("option", name="“三公”经费", exact=True).click()
        expect(_rows(page).first).to_contain_text(AUDIT)
        page.screenshot(path=str(tmp_path / "corpus_units.png"), full_page=True)

        # Search the narratives.
        page.get_by_role("tab", name="全文检索").click()
        box = page.get_by_label("在编制说明等文字部分中检索")
        box.fill("公务接待")
        box.press("Enter")
        expect(page.get_by_text("共 24 句，来自 7 份文档。")).to_be_visible()
        expect(_rows(page).first).to_contain_text("公务接待")
        page.screenshot(path=str(tmp_path / "corpus_search.png"), full_page=True)

        # Back to the units; one click on a row opens that document's 总览.
        page.get_by_role("tab", name="单位一览").click()
        # the table of units is back (not the search hits still on screen while it reruns)
        expect(page.get_by_text("共 7 份文档")).to_be_visible()
        expect(page.get_by_role("combobox", name="排序")).to_be_visible()
        expect(_rows(page).first).to_contain_text(AUDIT)
        _click_row(page, 0)
        expect(page.get_by_role("heading", name="总览")).to_be_visible()
        expect(page.get_by_text(AUDIT).first).to_be_visible()
        # It is now in this session: the other pages show it too.
        page.locator("[data-testid='stSidebarNav'] a", has_text="三公经费").click()
        expect(page.get_by_role("heading", name="三公经费")).to_be_visible()
        expect(page.get_by_text("237.92").first).to_be_visible()
        # The link names the document (?doc= its sha256 prefix): opened in a fresh
        # context (another reader), it shows the same published document from the corpus.
        link = page.url
        assert "doc=" in link
        other = browser.new_context(viewport={"width": 390, "height": 844}, **CONTEXT).new_page()
        other.set_default_timeout(60_000)
        other.goto(link)
        expect(other.get_by_role("heading", name="三公经费")).to_be_visible()
        expect(other.get_by_text(AUDIT).first).to_be_visible()
        expect(other.get_by_text("237.92").first).to_be_visible()
        expect(other.get_by_text("此链接指向的文档尚未加载")).to_have_count(0)
        other.context.close()
    finally:
        context.close()
