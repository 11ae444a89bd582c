"""A legacy Word (.doc) or WPS (.wps) upload shows the same figures as the .docx."""

from __future__ import annotations

from pathlib import Path

from tests.pages.conftest import banner, new_app, upload

DOC = Path(__file__).resolve().parents[1] / "fixtures" / "doc"


def _metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label.startswith(label))


def test_a_doc_upload_shows_the_seed_figures():
    at = upload(new_app(), ("seed.doc", (DOC / "seed.doc").read_bytes()))
    assert not at.exception and not at.main.error
    assert "已上传" in banner(at) and "中共秦皇岛市海港区委政法委员会本级" in banner(at)
    assert _metric(at, "支出总计") == "1,452.21"  # as for seed.docx (tests/pages/test_app.py)
    assert _metric(at, "“三公”经费") == "2.56"
    assert _metric(at, "绩效项目 / 指标") == "13 / 90"


def test_the_upload_help_names_the_legacy_word_formats():
    at = new_app()
    uploader = [*at.main.get("file_uploader"), *at.sidebar.get("file_uploader")][0]
    help_text = uploader.proto.help
    assert ".doc" in help_text.replace(".docx", "") and ".wps" in help_text
