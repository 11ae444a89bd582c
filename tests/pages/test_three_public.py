"""三公经费: table figures next to the narrative's figures."""

from __future__ import annotations

from tests.pages.conftest import new_app, open_page


def test_three_public_and_running_costs_side_by_side():
    at = open_page(new_app(), "three_public")
    three = at.dataframe[0].value.set_index("项目")
    assert three.loc["“三公”经费合计", "表内金额"] == "2.56 万元"
    assert three.loc["“三公”经费合计", "说明中金额"] == "2.56 万元"
    assert three.loc["公务接待费", "核对"] == "一致"
    # the narrative says 运行费 1.92 (+ 保险 0.33); the table says 运行维护费 2.25
    assert three.loc["其中：公务用车运行（维护）费", "说明中金额"] == "1.92 万元"
    assert three.loc["其中：公务用车运行（维护）费", "核对"] == "不一致"
    running = at.dataframe[1].value.set_index("项目")
    assert running.loc["机关运行经费（对照基本支出表公用经费）", "说明中金额"] == "31.82 万元"
    assert running.loc["30201 办公费", "表内金额"] == "4.75 万元"
