"""The check's settings (检查设置) are the user's: set on 绩效目标 or 发布前检查, they
decide the findings of every page, for this session only, and the parse cache keeps a
report per settings."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from budget.checks import Settings
from components import session
from tests.pages.conftest import fixture_bytes, new_app, open_page, shown, upload

SEED = fixture_bytes("seed.docx")
# 见义勇为奖励经费's satisfaction target is ≥80%: below the default floor of 85 %, not below 80 %.
FLAG = "“见义勇为奖励经费”的满意度指标"
FLOOR = "check_settings_satisfaction"


def texts(at) -> str:
    """Everything the page wrote in Markdown (captions, markdown, alerts), as shown."""
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
