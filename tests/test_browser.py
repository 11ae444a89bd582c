"""The app in a real browser: upload seed.docx, see the sunburst drawn, click a sector,
see the performance projects. Drives system Chromium through Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
SEED = ROOT.parent / "shared" / "fixtures" / "seed.docx"
if not SEED.exists():
    SEED = ROOT / "samples" / "seed.docx"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="system Chromium not installed (make test installs it)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server():
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("streamlit did not start")
            time.sleep(0.3)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def test_dashboard_in_a_browser(server, tmp_path):
    """One walk through the app as a person would, on a fresh server: a shared link to a
    page, then upload, the sunburst, the performance checklists and the check page."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1600})
            page.set_default_timeout(30_000)
            expect.set_options(timeout=30_000)

            # A shared link reaching the fresh server before anyone opened the home page
            # still shows the app (sidebar, uploader) and the state in the link.
            page.goto(f"{server}/functional?measure=项目支出")
            expect(page.get_by_role("heading", name="支出结构")).to_be_visible()
            expect(page.locator("section[data-testid='stSidebar'] input[type=file]")).to_be_attached()
            # 项目支出 only: root + 201 + 20136 + 2013602
            expect(page.locator(".js-plotly-plot g.slice path.surface")).to_have_count(4)

            page.goto(server)
            expect(page.get_by_role("heading", name="总览")).to_be_visible()
            expect(page.get_by_text("示例", exact=True)).to_be_visible()

            page.locator("section[data-testid='stSidebar'] input[type=file]").set_input_files(str(SEED))
            expect(page.get_by_text("已上传", exact=True)).to_be_visible()
            expect(page.locator("[data-testid='stMetricValue']").first).to_have_text("1,452.21")

            page.locator("[data-testid='stSidebarNav'] a", has_text="支出结构").click()
            expect(page.get_by_role("heading", name="支出结构")).to_be_visible()
            slices = page.locator(".js-plotly-plot g.slice path.surface")
            expect(slices.first).to_be_attached()
            assert slices.count() >= 18  # root + 5 类 + 5 款 + 7 项
            page.locator(".js-plotly-plot g.slice", has_text="公共安全支出").first.click()
            # the click reached Python: the sector picker and the rows below follow it
            expect(page.get_by_text("明细：204（3 行）")).to_be_visible()
            expect(page.get_by_role("combobox", name="选中的科目（点击图中扇区也可选择）")).to_have_value(
                "204 公共安全支出"
            )
            page.screenshot(path=str(tmp_path / "functional.png"), full_page=True)
            # a click on the centre goes back up
            page.locator(".js-plotly-plot g.slice", has_text="公共安全支出").first.click()
            expect(page.get_by_text("明细：全部科目（17 行）")).to_be_visible()

            page.locator("[data-testid='stSidebarNav'] a", has_text="绩效目标").click()
            expect(page.get_by_role("heading", name="绩效目标")).to_be_visible()
            expanders = page.locator("[data-testid='stExpander']")
            expect(expanders).to_have_count(13)
            expect(expanders.first).to_contain_text("反邪教专项资金")
            expect(expanders.last).to_contain_text("重要时点安防经费")
            page.screenshot(path=str(tmp_path / "performance.png"), full_page=True)
            assert (tmp_path / "performance.png").stat().st_size > 10_000

            # The check page: the summary, then the assets finding with its figure marked.
            page.locator("[data-testid='stSidebarNav'] a", has_text="发布前检查").click()
            expect(page.get_by_role("heading", name="发布前检查")).to_be_visible()
            expect(page.get_by_text("规则未运行").first).to_be_visible()
            page.get_by_text("七、国有资产信息").first.click()
            expect(page.get_by_text("【326.27万元】").first).to_be_visible()
            expect(page.get_by_role("button", name="下载检查表（XLSX）")).to_be_visible()
            page.screenshot(path=str(tmp_path / "check.png"), full_page=True)
        finally:
            browser.close()
