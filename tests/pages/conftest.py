"""Helpers for page tests: the real app under AppTest, documents uploaded through the
sidebar uploader."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import numpy as np

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT.parent / "shared" / "fixtures"
APP = str(ROOT / "app.py")

PAGES = {
    "overview": "pages/overview.py",
    "functional": "pages/functional.py",
    "basic_project": "pages/basic_project.py",
    "three_public": "pages/three_public.py",
    "performance": "pages/performance.py",
    "tables": "pages/tables.py",
    "compare": "pages/compare.py",
}

MIME = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".txt": "text/plain",
    ".pdf": "application/pdf",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@pytest.fixture(autouse=True)
def _navigation_app(monkeypatch):
    """Run app.py as the st.navigation app it is, on every AppTest run.

    AppTest builds a new PagesManager for each run and, because a ``pages/`` folder
    sits next to app.py, takes the app for an old-style multipage app: from the second
    run on it executes the page file alone, without app.py (no sidebar, no uploader).
    The server flips that flag once st.navigation has run and keeps it; do the same.
    """
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


def new_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def upload(at: AppTest, *files: tuple[str, bytes]) -> AppTest:
    at.file_uploader[0].set_value(
        [(name, data, MIME.get(Path(name).suffix, "application/octet-stream")) for name, data in files]
    )
    at.run()
    return at


def fixture_bytes(name: str) -> bytes:
    path = FIXTURES / name
    if not path.exists():
        pytest.skip(f"fixture {name} not available")
    return path.read_bytes()


def open_page(at: AppTest, page: str) -> AppTest:
    at.switch_page(PAGES[page]).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def plotly_specs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def sunburst_trace(at: AppTest) -> dict:
    for spec in plotly_specs(at):
        for trace in spec["data"]:
            if trace.get("type") == "sunburst":
                return trace
    raise AssertionError("no sunburst on the page")


def shown(markdown: str) -> str:
    """What a reader sees of a markdown source whose document text is escaped
    (components.text.md): the backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def banner(at: AppTest) -> str:
    """The document banner (first markdown naming the document), as shown."""
    for element in at.markdown:
        if "金额单位" in element.value:
            return shown(element.value)
    raise AssertionError("no document banner")


def array(value) -> list:
    """A plotly array from the figure JSON (plain list, or typed {"dtype", "bdata"})."""
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    return list(value)
