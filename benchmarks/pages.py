"""Warm rerun time of each dashboard page, as a ratio to an empty page in the same run.

Each page is opened once (parse cache filled), then rerun several times through
AppTest; the median is compared with the median rerun of a page that only writes a
title. Run: .venv/bin/python benchmarks/pages.py [--reruns N] [--file PATH]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.runtime.pages_manager import PagesManager  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from benchmarks.timing import median_seconds  # noqa: E402

PAGES = {
    "总览": "pages/overview.py",
    "支出结构": "pages/functional.py",
    "基本与项目": "pages/basic_project.py",
    "三公经费": "pages/three_public.py",
    "绩效目标": "pages/performance.py",
    "原始表格": "pages/tables.py",
}


def _navigation_app() -> None:
    # AppTest otherwise treats app.py as an old-style pages/ app from its second run
    # on and runs the page file alone (see tests/pages/conftest.py).
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init


def _median_rerun(at: AppTest, reruns: int) -> float:
    def rerun() -> None:
        at.run()
        if at.exception:
            raise RuntimeError(at.exception[0].value)

    return median_seconds(rerun, reruns, warmup=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reruns", type=int, default=9)
    parser.add_argument("--file", type=Path, help="a disclosure to upload instead of the sample")
    args = parser.parse_args()
    _navigation_app()

    empty = AppTest.from_string("import streamlit as st\nst.title('空白页')", default_timeout=120)
    empty.run()
    baseline = _median_rerun(empty, args.reruns)

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    if args.file:
        at.file_uploader[0].set_value((args.file.name, args.file.read_bytes(), "application/octet-stream"))
        at.run()
    document = args.file.name if args.file else "内置示例 seed.docx"
    rows = []
    for title, path in PAGES.items():
        at.switch_page(path).run()  # cold: page switch, caches filled
        rows.append((title, _median_rerun(at, args.reruns)))

    print(f"文档：{document}；每页重跑 {args.reruns} 次取中位数")
    print(f"{'页面':<8}{'中位数 (ms)':>12}{'相对空白页':>12}")
    print(f"{'空白页':<8}{baseline * 1000:>12.1f}{1:>12.1f}")
    for title, seconds in rows:
        print(f"{title:<8}{seconds * 1000:>12.1f}{seconds / baseline:>12.1f}")


if __name__ == "__main__":
    main()
