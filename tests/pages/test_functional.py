"""支出结构: the sunburst spec, the measure switch keeping the sector, the breadcrumb, the
list beside the chart, the rows following the measure, the URL and bad data."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from tests.pages.conftest import (
    array,
    fixture_bytes,
    new_app,
    open_all,
    open_page,
    plotly_specs,
    shown,
    sunburst_trace,
    upload,
)

CLASSES = {"201": "1065.08", "204": "276.93", "208": "61.54", "210": "32.01", "221": "16.65"}


def spec_values(trace) -> dict[str, float]:
    """Sector sizes. They are geometry only: a parent is drawn at least as large as the
    float sum of its children, so compare them approximately; the exact figures are
    the text labels."""
    return {i: pytest.approx(v, rel=1e-12) for i, v in zip(trace["ids"], array(trace["values"]), strict=False)}


def ring(at):
    """The list beside the chart (the sectors of the ring the chart opens at)."""
    return at.dataframe[0].value


def rows(at):
    """The rows under the chart (明细)."""
    return at.dataframe[1].value


def test_sunburst_ids_values_and_labels_for_the_seed():
    at = open_page(new_app(), "functional")
    trace = sunburst_trace(at)
    values = spec_values(trace)
    parents = dict(zip(trace["ids"], trace["parents"], strict=False))
    texts = dict(zip(trace["ids"], trace["text"], strict=False))
    assert values["root"] == float(Decimal("1452.21"))
    for code, amount in CLASSES.items():
        assert values[code] == float(Decimal(amount))
        assert parents[code] == "root"
    assert [i for i in trace["ids"] if len(i) == 7] == [
        "2013602",
        "2049999",
        "2080501",
        "2080505",
        "2101101",
        "2101103",
        "2210201",
    ]
    assert parents["2080505"] == "20805" and values["2080505"] == 34.63
    # labels are formatted from the Decimal, in the display unit, with the share of the total
    assert texts["root"] == "1,452.21 万元"
    assert texts["201"] == "1,065.08 万元<br>73.3%"
    assert texts["221"] == "16.65 万元<br>1.1%"
    # never upside down; the hover gives the exact printed figure
    assert trace["insidetextorientation"] == "horizontal"
    assert "原文" in trace["hovertemplate"]
    assert not at.warning


def test_the_list_beside_the_chart_has_every_sector_of_the_ring_with_amounts():
    at = open_page(new_app(), "functional")
    listed = ring(at)
    assert list(listed["科目"]) == [
        "201 一般公共服务支出",
        "204 公共安全支出",
        "208 社会保障和就业支出",
        "210 卫生健康支出",
        "221 住房保障支出",
    ]
    assert list(listed["金额（万元）"]) == [
        "1,065.08（73.3%）",
        "276.93（19.1%）",
        "61.54（4.2%）",
        "32.01（2.2%）",
        "16.65（1.1%）",  # the smallest sector, too small for its label in the chart
    ]


def test_measure_switch_changes_the_values():
    at = open_page(new_app(), "functional")
    at.segmented_control(key="measure").set_value("basic").run()
    basic = spec_values(sunburst_trace(at))
    assert "201" not in basic
    assert basic["root"] == 387.13 and basic["204"] == 276.93 and basic["208"] == 61.54
    at.segmented_control(key="measure").set_value("project").run()
    project = spec_values(sunburst_trace(at))
    assert set(project) == {"root", "201", "20136", "2013602"}
    assert project["201"] == 1065.08 and project["root"] == 1065.08


def test_selected_sector_shows_its_rows_and_survives_a_measure_change():
    at = open_page(new_app(), "functional")
    at.selectbox(key="sector").set_value("208").run()
    assert list(rows(at)["科目编码"]) == ["208", "20805", "2080501", "2080505"]
    assert list(rows(at)["合计（万元）"]) == ["61.54", "61.54", "26.91", "34.63"]
    # the chart opens zoomed at the sector, the list shows its 款
    assert sunburst_trace(at)["level"] == "208"
    assert list(ring(at)["科目"]) == ["20805 行政事业单位养老支出"]
    # 项目支出 has nothing under 208: the selection is kept, the chart shows all and says why
    at.segmented_control(key="measure").set_value("project").run()
    assert at.selectbox(key="sector").value == "208"
    assert "level" not in sunburst_trace(at)
    assert any("208 社会保障和就业支出" in i.value and "项目支出" in i.value for i in at.info)
    # back to 合计: the sector is there again
    at.segmented_control(key="measure").set_value("total").run()
    assert sunburst_trace(at)["level"] == "208"
    assert not at.info


def test_the_rows_follow_the_measure():
    at = open_page(new_app(), "functional")
    assert len(rows(at)) == 17
    at.segmented_control(key="measure").set_value("project").run()
    shown = rows(at)
    assert list(shown["科目编码"]) == ["201", "20136", "2013602"]
    assert list(shown.columns)[2] == "项目支出（万元）"  # the measure first
    assert any(c.value == "明细：全部科目（3 行）" for c in at.caption)


def test_table_alternative_lists_every_drawn_row():
    at = open_page(new_app(), "functional")
    table = at.dataframe[2].value  # the 表 tab
    assert len(table) == 17
    row = table.set_index("科目编码").loc["208"]
    assert (row["金额"], row["占比"]) == ("61.54 万元", "4.2%")


def test_a_leaf_opens_at_its_parent_with_a_breadcrumb_back():
    at = open_page(new_app(), "functional")
    at.selectbox(key="sector").set_value("2080505").run()
    assert sunburst_trace(at)["level"] == "20805"
    assert list(rows(at)["科目编码"]) == ["2080505"]
    crumbs = [b for b in at.button if b.key and b.key.startswith("sunburst_crumb_")]
    # every step back is a button; where we are is plain text
    assert [b.key.removeprefix("sunburst_crumb_") for b in crumbs] == ["root", "208", "20805"]
    assert any(m.value.replace("\\", "") == "**2080505 机关事业单位基本养老保险缴费支出**" for m in at.markdown)
    assert crumbs[1].label.replace("\\", "") == "208 社会保障和就业支出"
    crumbs[1].click().run()
    assert at.selectbox(key="sector").value == "208"
    assert sunburst_trace(at)["level"] == "208"


def test_display_unit_reaches_the_chart_and_the_rows():
    at = open_page(new_app(), "functional")
    at.segmented_control(key="unit").set_value("元").run()
    texts = dict(zip(sunburst_trace(at)["ids"], sunburst_trace(at)["text"], strict=False))
    assert texts["root"] == "14,522,100.00 元"
    assert list(rows(at)["合计（元）"])[:2] == ["10,650,800.00", "10,650,800.00"]


def test_chart_images_can_be_downloaded():
    at = open_page(new_app(), "functional")
    config = json.loads(at.get("plotly_chart")[0].proto.config)
    assert config["displayModeBar"] is True and config["modeBarButtons"] == [["toImage"]]
    assert plotly_specs(at)


def test_state_comes_from_the_url():
    at = new_app()
    at.query_params["measure"] = "项目支出"
    at.query_params["sector"] = "20136 其他共产党事务支出"
    open_page(at, "functional")
    assert at.segmented_control(key="measure").value == "project"
    assert at.selectbox(key="sector").value == "20136"
    assert sunburst_trace(at)["level"] == "20136"
    assert list(rows(at)["科目编码"]) == ["20136", "2013602"]


def _seed_with_208_printed_as_50() -> bytes:
    """seed.txt with one figure changed: 支出总表 208 合计 61.54 -> 50.00 (its 款 and 项
    still add up to 61.54)."""
    text = fixture_bytes("seed.txt").decode("utf-8")
    start = text.index("单位预算支出总表")
    row = "\t208\n\t社会保障和就业支出\n\t61.54\n"
    at = text.index(row, start)
    return (text[:at] + row.replace("61.54", "50.00") + text[at + len(row) :]).encode("utf-8")


def test_parent_smaller_than_children_still_draws_and_says_so():
    at = upload(new_app(), ("seed_bad.txt", _seed_with_208_printed_as_50()))
    open_page(at, "functional")
    trace = sunburst_trace(at)
    values = dict(zip(trace["ids"], array(trace["values"]), strict=False))
    texts = dict(zip(trace["ids"], trace["text"], strict=False))
    assert values["208"] >= values["2080501"] + values["2080505"]  # drawn, not dropped
    assert texts["208"].startswith("50.00 万元")  # the label keeps the printed figure
    # the 发布前检查's finding, with its severity: one wrong cell (208 合计), reported once
    (warning,) = [shown(w.value) for w in at.warning]
    assert warning.startswith("发布前检查（错误）：")
    assert "支出总表 208 合计 可能填错" in warning and "11.54" in warning


def _seed_with_20805_printed_as_61_53() -> bytes:
    """seed.txt with one row changed: 支出总表 20805 合计 and 基本支出 61.54 -> 61.53, over
    2080501 26.91 + 2080505 34.63 = 61.54 (a difference rounding explains)."""
    text = fixture_bytes("seed.txt").decode("utf-8")
    start = text.index("单位预算支出总表")
    row = "\t20805\n\t行政事业单位养老支出\n\t61.54\n\t61.54\n"
    at = text.index(row, start)
    return (text[:at] + row.replace("61.54", "61.53") + text[at + len(row) :]).encode("utf-8")


def test_a_rounding_the_check_calls_a_note_is_not_bad_data():
    at = upload(new_app(), ("seed_rounded.txt", _seed_with_20805_printed_as_61_53()))
    open_page(at, "functional")
    assert not at.warning and not at.error  # the check calls 20805 = Σ项 a 提示, so no box here
    assert dict(zip(sunburst_trace(at)["ids"], sunburst_trace(at)["text"], strict=False))["20805"].startswith("61.53")
    open_all(at.switch_page("pages/check.py").run())  # its part opened (a note's part opens closed)
    assert "在 2 项四舍五入的容差 ±0.01 之内" in " ".join(shown(m.value) for m in at.markdown)


def test_in_english_the_figures_carry_english_units_the_names_stay_as_printed():
    at = open_page(new_app("en"), "functional")
    trace = sunburst_trace(at)
    texts = dict(zip(trace["ids"], trace["text"], strict=False))
    assert texts["root"] == "1,452.21 10k yuan"
    assert texts["201"] == "1,065.08 10k yuan<br>73.3%"
    labels = dict(zip(trace["ids"], trace["labels"], strict=False))
    assert labels["201"].replace("<br>", "") == "一般公共服务支出"
    assert labels["root"] == "Total"
    assert list(rows(at).columns)[:3] == ["Code", "Name", "Total (10k yuan)"]


def test_the_list_beside_the_chart_leaves_room_for_its_widest_figure():
    """深圳 (shenzhen_01) in 万元: the list's first figure "357,233.33（91.9%）" was cut at
    "357,233.33（91." at 390 px in a fixed 170 px column; the column is as wide as its
    widest figure (and narrower for short ones: the seed's)."""
    from pathlib import Path

    from tests.pages.conftest import ROOT

    path = ROOT.parent / "shared" / "corpus" / "shenzhen_01.pdf"
    if not Path(path).exists():
        pytest.skip("../shared/corpus not available")
    at = open_page(upload(new_app(), ("shenzhen_01.pdf", path.read_bytes())), "functional")
    listed = ring(at)
    assert listed.iloc[0, 1] == "357,233.33（91.9%）"
    widths = {name: spec.get("width") for name, spec in json.loads(at.dataframe[0].proto.columns).items()}
    assert widths["金额（万元）"] >= 180, widths
    at.segmented_control(key="unit").set_value("元").run()
    assert ring(at).iloc[0, 1] == "3,572,333,300.00（91.9%）"
    wide = json.loads(at.dataframe[0].proto.columns)["金额（元）"]["width"]
    assert wide >= 220 and wide > widths["金额（万元）"]
    seed = json.loads(open_page(new_app(), "functional").dataframe[0].proto.columns)["金额（万元）"]["width"]
    assert seed < widths["金额（万元）"]
