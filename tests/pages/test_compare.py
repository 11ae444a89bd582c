"""对比: several uploaded documents side by side; fewer than two explains how."""

from __future__ import annotations

from tests.pages.conftest import fixture_bytes, new_app, open_page, plotly_specs, upload

SEED = "中共秦皇岛市海港区委政法委员会本级 2023年（万元）"
FULIYUAN = "上海市普陀区社会福利院 2024年（万元）"


def test_without_two_documents_the_page_explains_itself():
    at = open_page(new_app(), "compare")  # only the built-in sample
    assert "上传两份或更多" in at.info[0].value
    assert len(at.dataframe) == 0 and not plotly_specs(at)
    upload(at, ("seed.docx", fixture_bytes("seed.docx")))
    assert not at.exception
    assert "上传两份或更多" in at.info[0].value
    assert len(at.dataframe) == 0


def test_two_uploads_side_by_side_in_wan_yuan():
    at = new_app()
    upload(
        at,
        ("seed.docx", fixture_bytes("seed.docx")),
        ("putuo_fuliyuan_2024_unit.pdf", fixture_bytes("real/putuo_fuliyuan_2024_unit.pdf")),
    )
    open_page(at, "compare")
    documents, headlines, classes = (frame.value for frame in at.dataframe)
    assert documents.set_index("").loc["金额单位（原文）"].tolist() == ["万元", "元"]
    headlines = headlines.set_index("")
    assert list(headlines.columns) == [SEED, FULIYUAN]
    assert headlines.loc["支出总计", SEED] == "1,452.21"
    assert headlines.loc["支出总计", FULIYUAN] == "1,212.12"  # 12,121,164 元, two decimals on screen
    assert headlines.loc["人员经费", FULIYUAN] == "738.02"
    assert headlines.loc["政府采购", FULIYUAN] == "120.60"  # stated in its text, no table
    assert headlines.loc["　　其中：公务用车购置费", FULIYUAN] == "—"
    classes = classes.set_index("科目编码")
    assert classes.loc["208", FULIYUAN] == "1,128.16" and classes.loc["208", SEED] == "61.54"
    assert classes.loc["201", FULIYUAN] == "—"
    bars = [trace for spec in plotly_specs(at) for trace in spec["data"] if trace["type"] == "bar"]
    # drawn last-first so the first document's bar is on top of each group
    assert [trace["name"] for trace in bars] == [FULIYUAN.removesuffix("（万元）"), SEED.removesuffix("（万元）")]
    assert "1,128.16" in bars[0]["text"]
    assert "1,128.1624 万元" in bars[0]["customdata"]  # the exact figure in the hover
    assert len(at.get("download_button")) == 2


def test_one_display_unit_for_the_whole_page():
    at = new_app()
    upload(
        at,
        ("seed.docx", fixture_bytes("seed.docx")),
        ("putuo_fuliyuan_2024_unit.pdf", fixture_bytes("real/putuo_fuliyuan_2024_unit.pdf")),
    )
    open_page(at, "compare")
    at.segmented_control(key="unit").set_value("元").run()
    _, headlines, classes = (frame.value for frame in at.dataframe)
    headlines = headlines.set_index("")
    assert headlines.loc["支出总计", "上海市普陀区社会福利院 2024年（元）"] == "12,121,164.00"
    assert headlines.loc["支出总计", "中共秦皇岛市海港区委政法委员会本级 2023年（元）"] == "14,522,100.00"
