"""绩效目标: every project and indicator listed, flags shown, ticks kept in the session."""

from __future__ import annotations

from tests.pages.conftest import new_app, open_page, shown

PROJECTS = [
    "反邪教专项资金",
    "海防工作经费",
    "见义勇为奖励经费",
    "精神障碍患者管控经费",
    "流动人口专管员补助经费（劳务派遣）",
    "平安志愿者组织发动经费",
    "扫黑除恶专项斗争资金",
    "社会治安综合治理经费",
    "司法救助金",
    "政法干警保险",
    "政法网建设租用维护费",
    "智慧网格建设运行经费",
    "重要时点安防经费",
]


def project_expanders(at):
    return [e for e in at.expander if e.key and e.key.startswith("performance_project_")]


def open_projects(at, indices=None):
    """Open projects as a reader clicks them (all by default): a project's checklist is
    drawn only when it is open."""
    for n, e in enumerate(project_expanders(at)):
        if indices is None or n in indices:
            at.session_state[e.key] = True
    return at.run()


def test_lists_13_projects_and_90_indicators():
    at = open_page(new_app(), "performance")
    expanders = project_expanders(at)
    assert len(expanders) == 13
    labels = [e.label for e in expanders]
    for label, name in zip(labels, PROJECTS, strict=False):
        assert label.replace("\\", "").startswith(name)
    assert len(at.checkbox) == 0  # closed projects draw nothing
    assert len(open_projects(at).checkbox) == 90
    counts = [next(p for p in _plain(e.label).split("　·　") if p.endswith(" 项指标")) for e in expanders]
    assert sum(int(c.split()[0]) for c in counts) == 90


def test_flags_and_placeholder_goal_are_shown():
    at = open_projects(open_page(new_app(), "performance"))
    captions = " ".join(c.value for c in at.caption)
    # the check's findings on the indicators: the six "效果明显" targets are one PERF-QUANT warning
    assert "6 个指标的指标值都写“效果明显”，没有量化：“反邪教专项资金”“社会环境净化提升”" in shown(captions)
    warnings = [w.value for w in at.warning]
    assert any("目标内容" in w for w in warnings)  # 海防工作经费: "1.目标内容1"


def test_ticks_make_progress_and_survive_a_page_switch():
    at = open_projects(open_page(new_app(), "performance"), {0})
    first = [c for c in at.checkbox if c.key.endswith("_0_0") or c.key.endswith("_0_1")]
    for box in first:
        box.check()
    at.run()
    open_projects(at, {0})  # AppTest sends no expander state: the project is opened again
    progress = at.get("progress")[0]
    assert "2 / 7" in progress.proto.text
    open_page(at, "overview")
    open_projects(open_page(at, "performance"), {0})
    assert [c.value for c in at.checkbox][:3] == [True, True, False]
    assert "已\u2060核\u2060对\u00a02" in project_expanders(at)[0].label  # joined: one line at 390 px


def test_a_table_of_goals_without_indicators_is_shown_as_printed():
    """广州's 重点项目绩效目标 table lists projects, budgets and goals in words, no
    indicators: the page says so and shows the table (it said no table was recognised)."""
    from pathlib import Path

    import pytest

    from tests.pages.conftest import ROOT, upload

    path = ROOT.parent / "shared" / "corpus" / "guangzhou_13.pdf"
    if not Path(path).exists():
        pytest.skip("../shared/corpus not available")
    at = open_page(upload(new_app(), ("guangzhou_13.pdf", path.read_bytes())), "performance")
    assert not at.exception and not at.error
    assert "没有一级、二级、三级指标" in at.info[0].value
    (card,) = [x.value for x in at.text if "云客服服务外包项目" in x.value]
    assert card.startswith("项目：云客服服务外包项目\n") and "252.28" in card and "组建专业的客服服务团队" in card
    assert not project_expanders(at)
    # printed figures do not follow a display unit, so there is no switch to suggest they do
    assert not [c for c in at.segmented_control if c.key == "unit"]
    sample = open_page(new_app(), "performance")  # the sample's checklists convert their figures
    assert [c for c in sample.segmented_control if c.key == "unit"]


def test_the_summary_counts_the_problems_the_projects_show():
    at = open_page(new_app(), "performance")
    marked = [e.label.split("⚠")[1].strip() for e in project_expanders(at) if "⚠" in e.label]
    summary = next(m.value for m in at.markdown if "标出的问题" in m.value)
    assert marked and f"标出的问题 **{sum(map(int, marked))}** 处" in summary


def test_a_project_title_keeps_each_count_with_its_word():
    """At 390 px the expander title wraps: "6 项指标", "已核对 0" and "⚠ 2" each stay on one line
    (no-break spaces, word joiners), the parts may still wrap at the separators."""
    at = open_page(new_app(), "performance")
    labels = [e.label for e in project_expanders(at)]
    # a no-break space, and the Chinese characters joined: wuhan_02's "已核对 0" broke as "已核 / 对 0"
    assert all("\u00a0项\u2060指\u2060标" in label and "已\u2060核\u2060对\u00a00" in label for label in labels)
    flagged = [label for label in labels if "⚠" in label]
    assert flagged and all("⚠\u00a0" in label for label in flagged)
    assert all("　·　" in label for label in labels)


def _plain(label: str) -> str:
    return label.replace("\u2060", "").replace("\u00a0", " ").replace("\\", "")


def test_a_project_title_says_what_it_costs():
    """A council member's first question of a project is its money: the title carries the
    budget the document gives it (the seed: two projects, through their procurement lines),
    in the page's unit; a project without one shows no figure."""
    at = open_page(new_app(), "performance")
    labels = {_plain(e.label).split("　·　")[0]: _plain(e.label).split("　·　") for e in project_expanders(at)}
    assert labels["精神障碍患者管控经费"][1] == "36.00 万元"
    assert labels["社会治安综合治理经费"][1] == "100.00 万元"
    assert labels["司法救助金"][1].endswith(" 项指标")  # no budget in the document: no figure
    assert sum(1 for parts in labels.values() if parts[1].endswith("万元")) == 2
    at.segmented_control(key="unit").set_value("元").run()
    labels = {_plain(e.label).split("　·　")[0]: _plain(e.label).split("　·　") for e in project_expanders(at)}
    assert labels["社会治安综合治理经费"][1] == "1,000,000.00 元"


def test_a_document_without_performance_tables_shows_what_its_text_says_of_the_goals():
    """上海's unit budgets print no performance table, only a section on how many projects
    have goals and for how much: the page shows that section as printed, with its page
    (it said no table was recognised, and nothing more)."""
    from tests.pages.conftest import ROOT, upload

    path = ROOT / "samples" / "corpus" / "shanghai_04.pdf"
    at = open_page(upload(new_app(), (path.name, path.read_bytes())), "performance")
    assert not at.exception and not at.error
    assert [i.value for i in at.info] == ["这份文档没有项目绩效目标表；正文中关于绩效目标的说明如下。"]
    (passage,) = [x.value for x in at.text if "绩效目标" in x.value]
    assert passage.startswith("四、绩效目标设置情况\n")
    assert "本单位编报绩效目标的项目共1个，涉及项目预算资金22,743.68万元，主要是热线服务保障经费" in passage
    assert any(c.value.startswith("来源：正文 · [第\xa020\xa0页") and "#page=20)" in c.value for c in at.caption)
    assert not project_expanders(at)


def test_a_document_saying_nothing_of_its_goals_says_none_were_recognised():
    """重庆市委宣传部's budget mentions 绩效 only in passing, under no heading of its own."""
    from pathlib import Path

    import pytest

    from tests.pages.conftest import ROOT, upload

    path = ROOT.parent / "shared" / "corpus" / "chongqing_03.pdf"
    if not Path(path).exists():
        pytest.skip("../shared/corpus not available")
    at = open_page(upload(new_app(), (path.name, path.read_bytes())), "performance")
    assert not at.exception and not at.error
    assert [i.value for i in at.info] == ["这份文档中没有识别到项目绩效目标表。"]
    assert not at.text
