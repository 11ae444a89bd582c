"""Page weight: DOM nodes and Chromium renderer CPU per page, and the server's time per rerun.

For each document (the built-in sample, or files given) and each width (1440 and 390 px),
one reader's tab opens 总览, uploads the document, then opens each page from the sidebar
as a reader does. After each page has settled it records:
- the DOM nodes (``document.getElementsByTagName('*').length``);
- the renderer CPU of that page switch (CDP ``Performance.getMetrics``: TaskDuration and
  ScriptDuration, the difference across the switch);
- whether the switch fetched Streamlit's Plotly chunk (4.7 MB, loaded once a tab).
A fresh load of each page of the sample (a new tab opening the page's address) is measured
likewise. The server's time per rerun of a page is AppTest's median rerun (as
benchmarks/pages.py). Every figure is also given as a ratio to 总览 in the same run.

Run: .venv/bin/python benchmarks/page_weight.py [--widths 1440,390] [--reruns N] [FILE ...]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.timing import median_seconds  # noqa: E402

CHROMIUM = next(
    (p for p in ("/usr/bin/chromium-headless-shell", "/usr/bin/chromium") if os.path.exists(p)), "/usr/bin/chromium"
)
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
# (url path, sidebar title, script); 总览 first: the baseline of every ratio.
PAGES = [
    ("overview", "总览", "pages/overview.py"),
    ("functional", "支出结构", "pages/functional.py"),
    ("performance", "绩效目标", "pages/performance.py"),
    ("tables", "原始表格", "pages/tables.py"),
    ("check", "发布前检查", "pages/check.py"),
    ("glossary", "名词解释", "pages/glossary.py"),
]
OPEN = {"绩效目标": "performance_project_", "发布前检查": "findings_part_"}  # expanders a reader opens next
SETTLE = """() => {
  const busy = !!document.querySelector("[data-stale='true'], [data-testid='stSkeleton']")
    || document.body.innerText.includes("正在解析和检查文档");
  return [busy, (document.querySelector("[data-testid='stMain']") || document.body).innerText.length];
}"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _settle(page) -> None:
    """Until the run is over: no stale element or skeleton, the text unchanged for 0.6 s."""
    page.wait_for_timeout(400)
    last, deadline = None, time.monotonic() + 120
    while time.monotonic() < deadline:
        busy, length = page.evaluate(SETTLE)
        if not busy and length == last:
            break
        last = length
        page.wait_for_timeout(600)


def _metrics(cdp) -> dict[str, float]:
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    metrics["cpu"] = _chromium_cpu()
    return metrics


_TICK = os.sysconf("SC_CLK_TCK")


def _chromium_cpu() -> float:
    """CPU seconds (user + system) of every Chromium process this benchmark started: the
    renderers, the GPU and the browser process. Unlike TaskDuration (main-thread wall time
    in tasks), it does not grow when another engineer's job holds the CPU."""
    parents, times, names = {}, {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name, rest = stat[stat.index("(") + 1 : stat.rindex(")")], stat[stat.rindex(")") + 2 :].split()
        pid = int(entry)
        parents[pid], names[pid] = int(rest[1]), name
        times[pid] = (int(rest[11]) + int(rest[12])) / _TICK
    total, mine = 0.0, os.getpid()
    for pid, seconds in times.items():
        if "chrom" not in names[pid] and "headless" not in names[pid]:
            continue
        up = parents.get(pid)
        while up and up != mine:
            up = parents.get(up)
        if up == mine:
            total += seconds
    return total


def _measure(page, cdp, action, plotly: list[str]) -> tuple[int, float, float, float, bool, float]:
    before, fetched, start = _metrics(cdp), len(plotly), time.perf_counter()
    action()
    _settle(page)
    after = _metrics(cdp)
    wall = time.perf_counter() - start
    nodes = page.evaluate("() => document.getElementsByTagName('*').length")
    return (
        nodes,
        after["TaskDuration"] - before["TaskDuration"],
        after["ScriptDuration"] - before["ScriptDuration"],
        after["cpu"] - before["cpu"],
        len(plotly) > fetched,
        wall,
    )


def _tab(context, plotly: list[str]):
    page = context.new_page()
    page.set_default_timeout(120_000)
    page.on("response", lambda r: plotly.append(r.url) if "PlotlyChart" in r.url else None)
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    return page, cdp


def browser_rows(url: str, files: list[Path | None], widths: list[int]) -> list[tuple]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for width in widths:
            height = 1000 if width > 500 else 900
            # fresh loads of the sample's pages, each a new tab of one reader's browser
            context = browser.new_context(viewport={"width": width, "height": height})
            warm, _ = _tab(context, [])
            warm.goto(f"{url}/overview")  # scripts in the browser's cache, as for a returning reader
            _settle(warm)
            warm.close()
            for path, title, _ in PAGES:
                plotly: list[str] = []
                page, cdp = _tab(context, plotly)

                def load(page=page, path=path, title=title) -> None:
                    page.goto(f"{url}/{path}")
                    page.get_by_role("heading", name=title, exact=True).first.wait_for()

                rows.append(("fresh", "seed.docx", width, title, *_measure(page, cdp, load, plotly)))
                page.close()
            context.close()
            for file in files:
                context = browser.new_context(viewport={"width": width, "height": height})
                plotly = []
                page, cdp = _tab(context, plotly)
                page.goto(f"{url}/glossary")
                page.get_by_role("heading", name="名词解释", exact=True).first.wait_for()
                name = "seed.docx"
                if file is not None:
                    page.locator("section[data-testid='stSidebar'] input[type=file]").set_input_files(str(file))
                    name = file.name
                _settle(page)
                for _path, title, _ in PAGES:

                    def switch(page=page, title=title) -> None:
                        # the link's own click, also where the sidebar is folded away (390 px)
                        page.locator("[data-testid='stSidebarNav'] a", has_text=title).first.evaluate("a => a.click()")
                        page.get_by_role("heading", name=title, exact=True).first.wait_for()

                    rows.append(("switch", name, width, title, *_measure(page, cdp, switch, plotly)))
                    if title in OPEN:
                        # a reader's next click: open the first closed part / project
                        closed = page.locator(f"[class*='st-key-{OPEN[title]}'] details:not([open]) > summary")
                        if closed.count():

                            def click(closed=closed) -> None:
                                closed.first.click()

                            rows.append(("open", name, width, title, *_measure(page, cdp, click, plotly)))
                context.close()
        browser.close()
    return rows


def server_rows(files: list[Path | None], reruns: int) -> list[tuple[str, str, float]]:
    from streamlit.testing.v1 import AppTest

    from benchmarks.pages import _navigation_app

    _navigation_app()
    rows = []
    for file in files:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
        at.run()
        if file is not None:
            at.file_uploader[0].set_value((file.name, file.read_bytes(), "application/octet-stream"))
            at.run()
        for _, title, script in PAGES:
            at.switch_page(script).run()

            def rerun(at: AppTest = at) -> None:
                at.run()
                if at.exception:
                    raise RuntimeError(at.exception[0].value)

            rows.append((file.name if file else "seed.docx", title, median_seconds(rerun, reruns, warmup=False)))
    return rows


def _print(rows: list[tuple], server: list[tuple[str, str, float]]) -> None:
    # "open": the next click on that page (its first closed part or project), no ratio;
    # wall: until settled, with the settling wait (~1 s) in it
    base = {(r[0], r[1], r[2]): r for r in rows if r[3] == "总览"}
    print(
        f"{'load':<7}{'document':<28}{'px':>5} {'page':<8}{'nodes':>7}{'×总览':>6}"
        f"{'task ms':>9}{'×总览':>6}{'script ms':>10}{'cpu ms':>8}{'×总览':>6}{'wall s':>7}{'plotly':>7}"
    )
    for kind, name, width, title, nodes, task, script, cpu, plotly, wall in rows:
        b = base.get((kind, name, width))

        def ratio(a: float, i: int, b: tuple | None = b) -> str:
            return f"{a / max(b[i], 1e-3):>6.2f}" if b else f"{'':>6}"

        print(
            f"{kind:<7}{name[:27]:<28}{width:>5} {title:<8}{nodes:>7}{ratio(nodes, 4)}"
            f"{task * 1000:>9.0f}{ratio(task, 5)}{script * 1000:>10.0f}"
            f"{cpu * 1000:>8.0f}{ratio(cpu, 7)}{wall:>7.1f}{'yes' if plotly else '':>7}"
        )
    if server:
        first = {name: s for name, title, s in server if title == "总览"}
        print(f"\n{'document':<28}{'page':<8}{'rerun ms':>9}{'×总览':>6}")
        for name, title, seconds in server:
            print(f"{name[:27]:<28}{title:<8}{seconds * 1000:>9.0f}{seconds / first[name]:>6.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path, help="documents to upload (the sample is always measured)")
    parser.add_argument("--widths", default="1440,390")
    parser.add_argument("--reruns", type=int, default=3, help="AppTest reruns per page (0: no server timing)")
    args = parser.parse_args()
    files: list[Path | None] = [None, *args.files]
    widths = [int(w) for w in args.widths.split(",")]
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true"]
        + ["--server.port", str(port), "--server.address", "127.0.0.1", "--server.maxUploadSize", "50"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
                break
            except OSError:
                time.sleep(0.3)
        rows = browser_rows(url, files, widths)
    finally:
        server.terminate()
        server.wait(timeout=20)
    _print(rows, server_rows(files, args.reruns) if args.reruns else [])


if __name__ == "__main__":
    main()
