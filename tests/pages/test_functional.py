"""支出结构: the sunburst spec, the measure switch, the selected sector, the URL and bad data."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.pages.conftest import array, fixture_bytes, new_app, open_page, shown, sunburst_trace, upload

CLASSES = {"201": "1065.08", "204": "276.93", "208": "61.54", "210": "32.01", "221": "16.65"}


def spec_values(trace) -> dict[str, float]:
    """Sector sizes. They are geometry only: a parent is drawn at least as large as the
    float sum of its children, so compare them approximately; the exact figures are
    the text labels."""
    return {i: pytest.approx(v, rel=1e-12) for i, v in zip(trace["ids"], array(trace["values"]), strict=False)}


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
    # labels are formatted from the Decimal, with the unit and the share of the total
    assert texts["root"] == "1,452.21 万元"
    assert texts["201"] == "1,065.08 万元<br>73.3%"
    assert texts["221"] == "16.65 万元<br>1.1%"
    assert not at.warning


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


def test_selected_sector_shows_its_rows():
    at = open_page(new_app(), "functional")
    at.selectbox(key="sector").set_value("208").run()
    rows = at.dataframe[0].value
    assert list(rows["科目编码"]) == ["208", "20805", "2080501", "2080505"]
    assert list(rows["合计（万元）"]) == ["61.54", "61.54", "26.91", "34.63"]
    # the chart opens zoomed at the sector
    assert sunburst_trace(at)["level"] == "208"
    # a sector that the new measure does not draw falls back to all rows
    at.segmented_control(key="measure").set_value("project").run()
    assert at.selectbox(key="sector").value == "root"


def test_table_alternative_lists_every_drawn_row():
    at = open_page(new_app(), "functional")
    table = at.dataframe[1].value  # the 表 tab
    assert len(table) == 17
    row = table.set_index("科目编码").loc["208"]
    assert (row["金额"], row["占比"]) == ("61.54 万元", "4.2%")


def test_a_leaf_opens_at_its_parent():
    at = open_page(new_app(), "functional")
    at.selectbox(key="sector").set_value("2080505").run()
    assert sunburst_trace(at)["level"] == "20805"
    assert list(at.dataframe[0].value["科目编码"]) == ["2080505"]


def test_state_comes_from_the_url():
    at = new_app()
    at.query_params["measure"] = "项目支出"
    at.query_params["sector"] = "20136 其他共产党事务支出"
    open_page(at, "functional")
    assert at.segmented_control(key="measure").value == "project"
    assert at.selectbox(key="sector").value == "20136"
    assert sunburst_trace(at)["level"] == "20136"
    assert list(at.dataframe[0].value["科目编码"]) == ["20136", "2013602"]


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
    warning = shown(at.warning[0].value)
    assert "208" in warning and "11.54 万元" in warning
