"""The check's settings (检查设置) are the user's: set on 绩效目标 or 发布前检查, they
decide the findings of every page, for this session only, and the parse cache keeps a
report per settings."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from budget.checks import Settings
from components import session
from tests.pages.conftest import fixture_bytes, new_app, open_all, open_page, shown, upload

SEED = fixture_bytes("seed.docx")
# 见义勇为奖励经费's satisfaction target is ≥80%: below the default floor of 85 %, not below 80 %.
FLAG = "“见义勇为奖励经费”的满意度指标"
FLOOR = "check_settings_satisfaction"


def texts(at) -> str:
    """Everything the page wrote in Markdown (captions, markdown, alerts), as shown, with
    every part and project opened (drawn only when open)."""
    open_all(at)
    parts = [e.value for kind in ("markdown", "caption", "warning", "info", "error") for e in getattr(at, kind)]
    return shown("\n".join(str(p) for p in parts))


def satisfaction_flagged(at) -> bool:
    return any(FLAG in line and "低于 85%" in line for line in texts(at).splitlines())


def seed_app():
    return upload(new_app(), ("seed.docx", SEED))


def test_the_floor_set_on_the_performance_page_decides_its_flags_and_the_check_page():
    at = open_page(seed_app(), "performance")
    assert satisfaction_flagged(at)
    assert at.slider(key=FLOOR).value == 85
    at.slider(key=FLOOR).set_value(80).run()
    assert not at.exception
    assert FLAG not in texts(at)
    assert "检查设置（已调整）" in [e.label for e in at.expander]
    # the same settings on the 发布前检查 page (and its slider shows them)
    open_page(at, "check")
    assert at.slider(key=FLOOR).value == 80
    assert FLAG not in texts(at)
    # back to the default: flagged again on both pages
    at.button(key="check_settings_reset").click().run()
    assert at.slider(key=FLOOR).value == 85
    assert satisfaction_flagged(at)
    open_page(at, "performance")
    assert satisfaction_flagged(at)


def test_the_floor_set_on_the_check_page_reaches_the_performance_page():
    at = open_page(seed_app(), "check")
    assert satisfaction_flagged(at)
    at.slider(key=FLOOR).set_value(80).run()
    assert FLAG not in texts(at)
    open_page(at, "three_public")  # a page without the control keeps the settings
    open_page(at, "performance")
    assert at.slider(key=FLOOR).value == 80
    assert FLAG not in texts(at)


def test_the_parse_cache_keeps_one_report_per_settings():
    at = open_page(seed_app(), "performance")
    at.slider(key=FLOOR).set_value(80).run()
    key = hashlib.sha256(SEED).hexdigest()
    lenient = Settings(satisfaction_threshold=Decimal(80))
    default = session._cache[(key, "seed.docx", Settings())].report
    chosen = session._cache[(key, "seed.docx", lenient)].report
    assert [f.rule for f in default.findings].count("PERF-SATISFACTION") == 1
    assert "PERF-SATISFACTION" not in [f.rule for f in chosen.findings]
    assert len(session._cache) <= session._CACHE_SIZE


def test_the_control_in_english():
    at = open_page(new_app("en"), "check")
    (expander,) = [e for e in at.expander if e.label in ("Check settings", "Check settings (changed)")]
    assert expander.label == "Check settings"
    assert at.slider(key=FLOOR).label == "Satisfaction targets at least (%)"
    assert any("follow these settings" in c.value for c in at.caption)


# Shared links carry the settings (?satisfaction=80): the other end sees the same findings.


def linked_app(**params: str):
    """The app opened from a shared link with these query parameters."""
    from streamlit.testing.v1 import AppTest

    from tests.pages.conftest import APP

    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update(params)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def link(at) -> dict[str, str]:
    """The link's query parameters as the address bar shows them after the run."""
    return {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}


def test_changed_settings_are_written_into_the_link_and_the_defaults_are_not():
    at = open_page(seed_app(), "performance")
    assert "satisfaction" not in link(at)
    at.slider(key=FLOOR).set_value(80).run()
    assert link(at)["satisfaction"] == "80"
    assert "similarity" not in link(at) and "min_length" not in link(at)
    open_page(at, "three_public")  # a page without the control keeps them in the link
    assert link(at)["satisfaction"] == "80"
    assert any("满意度指标值不低于 80%" in c.value and "链接已记下" in c.value for c in at.caption)
    open_page(at, "check")
    at.button(key="check_settings_reset").click().run()
    assert "satisfaction" not in link(at)


def test_a_link_with_settings_opens_the_same_findings_on_the_other_end():
    default = open_page(linked_app(doc="sample"), "performance")
    assert satisfaction_flagged(default)
    at = open_page(linked_app(doc="sample", satisfaction="80", min_length="20"), "performance")
    assert at.slider(key=FLOOR).value == 80
    assert at.number_input(key="check_settings_min_length").value == 20
    assert FLAG not in texts(at)
    assert "检查设置（已调整）" in [e.label for e in at.expander]
    notice = [c.value for c in at.caption if "链接带来的检查设置" in c.value]
    assert notice and "满意度指标值不低于 80%" in notice[0] and "至少 20 字" in notice[0]
    open_page(at, "check")  # every page follows them
    assert FLAG not in texts(at)
    assert link(at)["satisfaction"] == "80" and link(at)["min_length"] == "20"


def test_a_misspelt_setting_in_a_link_is_not_guessed_and_the_page_says_so():
    at = open_page(linked_app(doc="sample", satisfaction="8O"), "performance")
    assert at.slider(key=FLOOR).value == 85
    assert satisfaction_flagged(at)
    (warning,) = [w.value for w in at.warning if "无法识别" in w.value]
    assert "satisfaction=8O" in shown(warning) and "50–100" in warning
    assert "satisfaction" not in link(at)  # the link now says what the page shows
    out_of_range = open_page(linked_app(doc="sample", similarity="120"), "check")
    assert any("similarity=120" in shown(w.value) for w in out_of_range.warning)


def test_a_link_to_an_upload_says_the_settings_travel_but_the_document_does_not():
    key = hashlib.sha256(SEED).hexdigest()
    at = linked_app(doc=key[:12], satisfaction="80")
    assert [t.value for t in at.title] == ["此链接指向的文档尚未加载"]
    assert any("满意度指标值不低于 80%" in i.value and "上传同一文件后" in i.value for i in at.info)
    upload(at, ("seed.docx", SEED))
    open_page(at, "performance")
    assert FLAG not in texts(at)  # once uploaded: what the sender saw, with the sender's floor
    assert at.slider(key=FLOOR).value == 80


def test_the_link_notices_in_english():
    at = linked_app(doc="sample", satisfaction="80", lang="English")
    open_page(at, "check")
    assert any("the check settings the link brought: satisfaction targets at least 80%" in c.value for c in at.caption)
    bad = open_page(linked_app(doc="sample", satisfaction="x", lang="English"), "check")
    assert any("is not understood" in w.value for w in bad.warning)
