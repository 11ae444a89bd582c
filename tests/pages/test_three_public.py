"""三公经费: table figures next to the narrative's figures, in the page's display unit."""

from __future__ import annotations

import re

from tests.pages.conftest import new_app, open_page


def plain(header: str) -> str:
    """A header as the reader reads it: without the word joiners and Markdown escapes it is
    sent with (st.table renders its headers as Markdown)."""
    return re.sub(r"\\(.)", r"\1", header.replace("\u2060", ""))


def tables(at):
    frames = [t.value.set_axis([plain(c) for c in t.value.columns], axis=1) for t in at.table]
    return [f.set_index(f.columns[0]) for f in frames]


def test_three_public_and_running_costs_side_by_side():
    at = open_page(new_app(), "three_public")
    three, running = tables(at)
    assert three.loc["“三公”经费合计", "表内金额（万元）"] == "2.56"
    assert three.loc["“三公”经费合计", "说明中金额（万元）"] == "2.56"
    assert three.loc["公务接待费", "核对"] == "一致"
    # the narrative says 运行费 1.92 (+ 保险 0.33); the table says 运行维护费 2.25: the
    # 发布前检查 calls the split a note (提示), and the page shows its verdict and words
    split = three.loc["其中：公务用车运行（维护）费"]
    assert (split["说明中金额（万元）"], split["核对"]) == ("1.92", "提示")
    assert "拆成 公务用车运行费1.92万元 + 公务用车保险0.33万元" in split["检查说明"]
    assert set(three.drop(index="其中：公务用车运行（维护）费")["核对"]) == {"一致"}
    assert running.loc["机关运行经费（不超过基本支出表公用经费）", "说明中金额（万元）"] == "31.82"
    assert running.loc["30201 办公费", "表内金额（万元）"] == "4.75"


def test_in_yuan_and_in_english():
    at = open_page(new_app("en"), "three_public")
    at.segmented_control(key="unit").set_value("元").run()
    three, _ = tables(at)
    assert three.loc["'Three public' expenses, total", "In the table (yuan)"] == "25,600.00"
    assert three.loc["Official receptions", "Check"] == "Consistent"
    assert three.loc["of which: vehicle running and maintenance", "Check"] == "Note"


def test_the_row_label_column_is_an_item_in_english():
    """The 项目 column of 三公经费 lists 支出 items: 'Item', not 'Project' (as it read on
    shenzhen_06 in English); the bars' 项目 (project spending) stays 'Project'."""
    from budget.views.labels import translate

    at = open_page(new_app("en"), "three_public")
    frames = [element.value for element in at.get("table")] or [df.value for df in at.dataframe]
    headers = [[plain(c) for c in frame.columns] for frame in frames]
    assert headers and all(h[0] == "Item" for h in headers), headers
    assert translate("项目", "en") == "Project"


def test_a_column_no_row_fills_is_left_out():
    """机关运行经费: every figure agrees, so its 检查说明 column is blank in every row and is
    not drawn (at 390 px it took the width the verdicts needed); 三公 keeps it: one row has a note."""
    at = open_page(new_app(), "three_public")
    three, running = tables(at)
    assert "检查说明" in three.columns
    assert list(running.columns) == ["表内金额（万元）", "说明中金额（万元）", "核对"]
    assert running.loc["30201 办公费", "核对"] == "一致"


def shown_cells(table):
    """The cells of an st.table as the browser gets them (the Styler's display values)."""
    import pyarrow as pa

    return pa.ipc.open_stream(table.proto.arrow_data.styler.display_values).read_all().to_pandas()


def test_a_verdict_wraps_only_between_words():
    """At 390 px the 核对 column broke "表中未列示" and "一致（四舍五入）" a character or two a line
    (wuhan_02, xian_05): its Chinese characters are joined, a break stays possible at the
    bracket; the values (what tests and exports read) are unchanged; English wraps between words."""
    at = open_page(new_app(), "three_public")
    check = "\u2060".join("核对")  # the headers wrap between words too (below)
    for table in at.table:
        verdicts = shown_cells(table)[check]
        assert set(table.value[check]) <= {"一致", "提示", "警告", "错误", "表中未列示", "说明未提及", "说明列分项"}
        assert all(v.replace("\u2060", "") == raw for v, raw in zip(verdicts, table.value[check], strict=True))
        assert all("\u2060".join(raw) == v for v, raw in zip(verdicts, table.value[check], strict=True))
    assert shown_cells(at.table[0])["项\u2060目"][0] == "“三公”经费合计"  # document text is not touched
    english = open_page(new_app("en"), "three_public")
    assert all("\u2060" not in v for table in english.table for v in shown_cells(table)["Check"])


def test_a_header_wraps_only_between_words_and_is_sent_escaped():
    """At 390 px "说明中金额（万元）" broke as "说明中金 / 额（万元）": our headers are joined between
    Chinese characters (a break stays possible before the bracket). st.table renders its
    headers as Markdown, so they are sent escaped (English "(yuan)" as "\\(yuan\\)")."""
    at = open_page(new_app(), "three_public")
    assert list(at.table[0].value.columns)[:3] == [
        "项\u2060目",
        "表\u2060内\u2060金\u2060额（万\u2060元）",
        "说\u2060明\u2060中\u2060金\u2060额（万\u2060元）",
    ]
    english = open_page(new_app("en"), "three_public")
    english.segmented_control(key="unit").set_value("元").run()
    assert list(english.table[0].value.columns)[:2] == ["Item", "In the table \\(yuan\\)"]
