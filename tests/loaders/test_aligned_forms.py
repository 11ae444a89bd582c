"""Performance forms printed without rulings (loaders/aligned.py): corpus files with
every path object removed, read against the same files read with their rulings."""

from __future__ import annotations

import functools

import pytest

from loaders import pdf
from tests.conftest import CORPUS
from tests.loaders.test_aligned import grids, pages, rows, without_paths


def between(name: str, page: int) -> bytes:
    """Page ``page`` of the corpus file ``name`` with the pages before and after it (its
    table may go on from or onto them), now pages 1-3. Removing the paths of a whole
    60-90 page document costs about 3.5 s of CPU (PDFium writing every page's content
    again), reading it 0.4 s; these three pages read as the same rows, ruled and
    stripped, as in the whole file (checked for each test below that uses it)."""
    return pages((CORPUS / name).read_bytes(), [page - 1, page, page + 1])


@functools.cache
def readings(name: str) -> tuple[tuple, tuple]:
    """The corpus file ``name`` read as printed and with its paths removed, once per test
    process (several tests read pages of the same file: xian_21 three times, changsha_01
    and beijing_greening_part2 twice; tests/conftest.py keeps this module on one xdist
    worker). Tuples of frozen blocks, so no test changes what another reads."""
    data = (CORPUS / name).read_bytes()
    return tuple(pdf.read(data)), tuple(pdf.read(without_paths(data)))


def table_pages(name: str, page: int) -> tuple[list[tuple], list[tuple]]:
    """The rows of page ``page``'s one table, read ruled and stripped."""
    ruled_blocks, stripped_blocks = readings(name)
    (ruled,) = [g for g in grids(ruled_blocks) if g.page == page]
    (stripped,) = [g for g in grids(stripped_blocks) if g.page == page]
    return rows(ruled), rows(stripped)


@pytest.fixture(scope="module")
def greening_12():
    return table_pages("beijing_greening_part2.pdf", 12)


def test_a_name_wrapped_about_its_row_is_one_cell(greening_12):
    """北京市园林绿化局 项目支出绩效目标表 (预算12表), page 12: an indicator's name wrapped
    over two lines centred on its row's line (向国庆花坛…每区 / 至少50盆) is one cell of that
    row, as the ruled page reads it, not a row of its own with no target (the loose
    line goes to the nearest row by baseline, not to the row last made)."""
    ruled, stripped = greening_12
    wrapped = [
        (
            "",
            "",
            "",
            "",
            "",
            "产出指标",
            "数量指标",
            "向国庆花坛先进代表赠送国庆花坛花卉每区至少50盆",
            "＝",
            "800",
            "个",
        ),
        ("", "", "", "", "", "产出指标", "数量指标", "动员社会力量参与花园城市建设活动策划方案", "＝", "1", "份"),
    ]
    for row in wrapped:
        assert row in ruled
        assert row in stripped
    assert not any(row[7] in ("至少50盆", "案") for row in stripped)


def test_a_level_name_alone_on_its_line_is_a_row():
    """西安 xian_14 page 68: 生态效益指标 printed alone under 社会效益指标 (its indicator
    blank) is a row of its own, as ruled, not the rest of the cell above it."""
    data = between("xian_14.pdf", 68)  # page 68 is page 2 of the three
    (ruled,) = [rows(g) for g in grids(pdf.read(data)) if g.page == 2]
    (stripped,) = [rows(g) for g in grids(pdf.read(without_paths(data))) if g.page == 2]
    level_rows = [
        (
            "",
            "",
            "社会效益指标",
            "指标1：通过法律咨询服务，减少行政决策和工作失误，重大群体事件发生率。",
            "促进社会和谐稳定",
            "",
        ),
        ("", "", "生态效益指标", "", "", ""),
    ]
    assert ruled[-4:-2] == level_rows
    assert stripped[-4:-2] == level_rows
    assert not any("社会效益指标生态效益指标" in cell for row in stripped for cell in row if isinstance(cell, str))


def test_a_target_and_its_unit_printed_close_are_two_cells():
    """长沙 changsha_01 page 30 (部门整体支出绩效目标表): a target and its unit printed
    0.44 of a character apart (1517.95 万元, 80 %) under 指标值 | 计量单位 are two cells,
    as ruled, not one piece in 计量单位 with the target left blank; the words centred in
    指标值 (不适用) stay in that column."""
    ruled, stripped = table_pages("changsha_01.pdf", 30)
    for name, target, unit in (
        ("项目支出控制数", "417.41", "万元"),
        ("接待走访群众数量", "3000", "人次"),
        ("国家局督办件审核化解率", "80", "%"),
    ):
        for table in (ruled, stripped):
            (row,) = [r for r in table if name in r]
            at = row.index(name)
            assert row[at + 2 : at + 4] == (target, unit)
    (row,) = [r for r in stripped if "不适用该指标" in r]
    assert row[row.index("不适用该指标") + 2 : row.index("不适用该指标") + 4] == ("不适用", "")
    # (page 31: its percentages right-aligned clear of the 指标值 label are its column's too)
    ruled, stripped = table_pages("changsha_01.pdf", 31)
    for table in (ruled, stripped):
        (row,) = [r for r in table if "信访事项按期答复率" in r]
        assert row[row.index("信访事项按期答复率") + 1 : row.index("信访事项按期答复率") + 4] == ("≥", "95", "%")


def test_a_target_with_its_unit_in_one_column_stays_whole():
    """The cut needs a label over each part: 西安 xian_09 page 54 prints 18万笔；13万张 in
    its one 指标值 column (18 left of the label) and xian_17 page 46 prints 指标1：… and
    1份 in their own columns; each is one cell, as ruled."""

    def page_rows(name: str, page: int) -> tuple[list[tuple], list[tuple]]:
        data = between(name, page)  # page ``page`` is page 2 of the three
        return tuple(  # type: ignore[return-value]
            [r for g in grids(pdf.read(d)) if g.page == 2 for r in rows(g)] for d in (data, without_paths(data))
        )

    ruled, stripped = page_rows("xian_09.pdf", 54)
    assert any(r[-1] == "18万笔；13万张；45万笔" for r in ruled)
    assert any(r[-1] == "18万笔；13万张；45万笔" for r in stripped)
    ruled, stripped = page_rows("xian_17.pdf", 46)
    assert ("", "产出指标", "数量指标", ("指标1：西安市政务诚信建设整体评估报告；", 2), ("1份", 2), "") in ruled
    assert ("年度绩效指标", "产出指标", "数量指标", "指标1：西安市政务诚信建设整体评估报告；", "1份", "") in stripped


def test_a_name_wrapped_beside_a_long_goal_is_one_cell():
    """北京市园林绿化局 项目支出绩效目标表, page 15: the project's goal (绩效目标, left of
    一级指标) wraps down its column beside every indicator, so the lines of an
    indicator's name wrapped about its row's line (通过森林质量… over two lines about 效益指标
    | 经济效益指标 | 定性 | 良好) print two pieces each; they are the rest of the name's
    cell, as ruled, not rows of their own with no target."""
    ruled, stripped = table_pages("beijing_greening_part2.pdf", 15)
    for start, target in (("通过森林质量", "良好"), ("推进了全民参与", "良好")):
        (want,) = [r for r in ruled if any(str(c).startswith(f'"{start}') for c in r)]
        assert want in stripped
        assert target in want
    assert not any(str(c).startswith(("周边餐饮业", "务植树讲解", "强人们对")) for r in stripped for c in r)
    name = [c for r in stripped for c in r if str(c).startswith('"推进了全民参与')]
    assert name == [c for r in ruled for c in r if str(c).startswith('"推进了全民参与')]
    assert name[0].endswith("增强人们对自然资源的保护意识。")


def test_a_level_name_beside_a_target_still_makes_a_row():
    """西安 xian_21 page 31 (header 一级 / 指标 wrapped, no project columns left of the
    indicators): a line of the level-1 column's 效 益 指 标 and a target is a row's line
    (the level-1 column is an indicator column, not a project's), so 指标 2：发挥气象防灾减灾
    第一道防线的作用 keeps its target 人民群众防灾减灾意识增强, as ruled."""
    ruled, stripped = (
        [r for g in grids(blocks) if g.page == 31 for r in rows(g)] for blocks in readings("xian_21.pdf")
    )
    for table in (ruled, stripped):
        (row,) = [r for r in table if "指标 2：发挥气象防灾减灾第一道防线的作用" in r]
        assert row[-1] == "人民群众防灾减灾意识增强"
    assert ("", "", "", "指标 1：发挥人影作业在抗旱减灾、森林火险、水源地", "效果明显，获得好评") in stripped


def test_a_label_down_an_unlabelled_column_still_makes_a_row():
    """西安 xian_21 page 32: 年度绩效 / 指标 printed down the column left of 一级指标, which
    the header labels not (no project's column), centred on the indicators; its piece
    beside 指标 2：人影常态化 makes that line a row's line, so the name is not joined onto
    the name above it (灾业务系统维持指标 2：…), and 指标 4 keeps its 36 万元/年."""
    stripped = [r for g in grids(readings("xian_21.pdf")[1]) if g.page == 32 for r in rows(g)]
    assert ("年度绩效指标", "", "", "指标 2：人影常态化", "") in stripped
    assert ("", "", "", "指标 4：防雷安全监管及气象执法", "36 万元/年") in stripped
    assert not any("系统维持指标 2" in str(c) for r in stripped for c in r)


def test_level_names_a_line_apart_are_cells_of_their_own():
    """西安 xian_15 page 37: 数量指标, 质量指标, 时效指标 (二级指标, each merged over its one
    row) print a line apart; each whole level name is a cell of its own, as ruled, not
    one cell 数量指标质量指标时效指标… over the four rows."""
    ruled, stripped = table_pages("xian_15.pdf", 37)
    for row in (
        ("", "产出指标", "数量指标", "建成公租房户数", "2210户", ""),
        ("", "", "质量指标", "公租房质量", "达到验收标准", ""),
        ("", "", "时效指标", "建设完成时间", "及时", ""),
    ):
        assert row in ruled
        assert row[1:] in [r[1:] for r in stripped]
    assert not any("数量指标质量指标" in str(c) for r in stripped for c in r)


def test_a_level_name_wrapped_in_its_cell_stays_one():
    """西安 xian_21 page 32: 经济效益 / 指标 and 社会效益 / 指标 wrapped in their cells (the
    first line no whole level name) are still one cell each, as ruled."""
    ruled, stripped = (
        [c for g in grids(blocks) if g.page == 32 for r in rows(g) for c in r] for blocks in readings("xian_21.pdf")
    )
    for name in ("经济效益 指标", "社会效益 指标"):
        assert name in ruled
        assert name in stripped
