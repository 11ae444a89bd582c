"""The 发布前检查 page on the sample: summary, findings, review notes carried into exports."""

from __future__ import annotations

import json

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from budget.checks import run
from tests.pages.conftest import fixture_bytes, new_app, upload

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

    monkeypatch.setattr(MediaFileManager, "add", add)
    return files


def open_check(at):
    at.switch_page(CHECK).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def exported_json(files) -> dict:
    name = next(n for n in files if n.endswith(".json"))
    data = files[name]
    return json.loads(data.decode("utf-8") if isinstance(data, bytes) else data)


def test_summary_on_the_sample(downloads):
    at = open_check(new_app())
    assert at.title[0].value == "发布前检查"
    m = metrics(at)
    assert (m["错误"], m["提示"]) == ("3", "1")
    assert int(m["规则通过"]) + int(m["规则未通过"]) + int(m["规则未运行"]) == len(run_seed().results)
    assert not at.error


def run_seed():
    from loaders import load
    from tests.pages.conftest import ROOT

    return run(load((ROOT / "samples" / "seed.docx").read_bytes(), "seed.docx"))


def test_marking_a_finding_explained_changes_the_export(downloads):
    at = open_check(new_app())
    key = next(f.key for f in run_seed().findings if f.rule == "TEXT-ASSETS")
    before = next(f for f in exported_json(downloads)["findings"] if f["key"] == key)
    assert before["review"]["status"] == "待处理"

    at.text_input(key=f"findings_comment_{key}").set_value("表中含本年新购置资产")
    at.selectbox(key=f"findings_status_{key}").set_value("已说明").run()
    assert not at.exception
    after = next(f for f in exported_json(downloads)["findings"] if f["key"] == key)
    assert after["review"] == {"status": "已说明", "comment": "表中含本年新购置资产"}
    assert at.session_state["findings_notes"][key] == ("已说明", "表中含本年新购置资产")


def test_filter_by_severity_keeps_notes(downloads):
    at = open_check(new_app())
    key = next(f.key for f in run_seed().findings if f.rule == "TEXT-ASSETS")
    at.selectbox(key=f"findings_status_{key}").set_value("已改正").run()
    at.pills(key="findings_filter_severity").set_value(["warning"]).run()
    assert not at.exception
    keys = [s.key for s in at.selectbox if s.key and s.key.startswith("findings_status_")]
    assert f"findings_status_{key}" not in keys  # the error is filtered out …
    after = next(f for f in exported_json(downloads)["findings"] if f["key"] == key)
    assert after["review"]["status"] == "已改正"  # … and its note is still exported


def test_check_page_on_a_shanghai_pdf(downloads):
    at = upload(new_app(), ("putuo_wanli_2024_dept.pdf", fixture_bytes("real/putuo_wanli_2024_dept.pdf")))
    open_check(at)
    assert metrics(at)["错误"] == "2"
    assert not at.error
