"""Helpers for page tests: the real app under AppTest, documents uploaded through the
sidebar uploader."""

from __future__ import annotations

import ast
import base64
import json
import re
from pathlib import Path

import numpy as np

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from tests.conftest import FIXTURES, fixture_bytes  # noqa: F401 - re-exported to the page tests

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


def _app_pages() -> dict[str, str]:
    """url path -> script of every page app.py registers (its PAGES list), so a page
    added there is tested without touching this file."""
    tree = ast.parse(Path(APP).read_text(encoding="utf-8"))
    for node in tree.body:
        target = (
            node.target
            if isinstance(node, ast.AnnAssign)
            else node.targets[0]
            if isinstance(node, ast.Assign)
            else None
        )
        if isinstance(target, ast.Name) and target.id == "PAGES" and node.value is not None:
            return {path: script for script, _title, _icon, path in ast.literal_eval(node.value)}
    raise AssertionError("app.py has no PAGES list")


PAGES = _app_pages()
LANGUAGES = ("zh", "en")

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


@pytest.fixture(autouse=True, scope="session")
def _components_scanned_once():
    """Every AppTest scans the metadata of each installed distribution for Streamlit
    components (none of ours are), about 0.06 s of CPU per test; the installed packages
    do not change during a run, so scan once per test process."""
    import functools

    from streamlit.components.v2 import manifest_scanner

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            manifest_scanner, "scan_component_manifests", functools.cache(manifest_scanner.scan_component_manifests)
        )
        yield


def new_app(lang: str = "zh") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if lang != "zh":
        at.segmented_control(key="lang").set_value({"en": "English"}[lang]).run()
        assert not at.exception, [e.value for e in at.exception]
    return at


def upload(at: AppTest, *files: tuple[str, bytes]) -> AppTest:
    at.file_uploader[0].set_value(
        [(name, data, MIME.get(Path(name).suffix, "application/octet-stream")) for name, data in files]
    )
    at.run()
    return at


def open_page(at: AppTest, page: str) -> AppTest:
    at.switch_page(PAGES[page]).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


# The expanders whose content is drawn only while open (on_change="rerun"): the check's
# parts and their cards' lists and sources, the performance page's projects, the tables.
LAZY = ("findings_part_", "findings_more_", "findings_sources_", "performance_project_", "tables_table_")


def open_all(at: AppTest, prefixes: tuple[str, ...] = LAZY) -> AppTest:
    """Open every such expander, as a reader clicks each, until none is left closed (an
    opened part shows its cards' expanders). AppTest sends no expander state back, so
    each run is told again of all those opened."""
    opened: set[str] = set()
    for _ in range(6):
        keys = {e.key for e in at.expander if e.key and e.key.startswith(prefixes)}
        if keys <= opened:
            return at
        opened |= keys
        for key in opened:
            at.session_state[key] = True
        at.run()
        assert not at.exception, [e.value for e in at.exception]
    raise AssertionError("expanders kept appearing")


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
    """The document banner (the markdown naming the document on screen), as shown."""
    for element in at.markdown:
        if "原文金额单位" in element.value or "printed in" in element.value:
            return shown(element.value)
    raise AssertionError("no document banner")


def cjk(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def array(value) -> list:
    """A plotly array from the figure JSON (plain list, or typed {"dtype", "bdata"})."""
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    return list(value)
