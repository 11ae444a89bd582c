"""Performance-goal tables (绩效目标表): the projects a form prints, each with its goals,
money and indicators.

A form prints one project (a header block 项目名称 | 资金金额 | 年度目标 over its indicator
grid) or several: the header block printed again before the next project's indicators, or
a 项目名称 column beside the indicators whose value changes from one project to the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from budget.model import Indicator, Money, MoneyUnit, PerformanceProject
from loaders.recognize.classify import is_total_name
from loaders.recognize.grid import TEMPLATE_MARKS, WorkingGrid, pad
from loaders.recognize.text import PRINTED_UNITS, label_unit_in, parse_amount, scaled, squash

# ---------------------------------------------------------------- performance

# A project's title, without its list number ("3、", "三、", "3 "): a number counts only
# with its separator, so the year of "2022年部门整体支出绩效目标表" stays in the name.
_PROJECT_TITLE = re.compile(
    r"^\s*(?:(?:\d{1,3}|[一二三四五六七八九十]+)\s*[、.．]\s*|\d{1,3}\s+)?(.*?)(?:项目)?"
    r"(?:绩效目标表|绩效目标申报表|绩效目标)\s*$"
)
_INDICATOR_HEADERS = ("一级指标", "二级指标", "三级指标")
# A title that is a table's number and a form's words, nothing more ("表1：项目年度绩效指标表",
# "表15" printed again over a form's next page): it names no project, and no project is named by it.
_NO_PROJECT_TITLE = re.compile(
    r"^(?:附?表[一二三四五六七八九十\d]+(?:[-－—.．]\d+)?[:：、.．]?)?(?:项目)?(?:年度)?(?:支出)?(?:绩效(?:目标|指标)表)?$"
)


def has_indicator_header(g: WorkingGrid) -> bool:
    """A row naming 一级指标 and 二级指标 (each in some cell; the cells are joined with a
    character neither word holds, so no word is found across two cells)."""
    first, second = _INDICATOR_HEADERS[:2]
    for row in g.rows:
        words = "\x00".join([squash(c) for c in row])
        if first in words and second in words:
            return True
    return False


def indicator_header_row(g: WorkingGrid) -> int | None:
    """The last row heading a form's indicators (一级指标 …, or 二级指标 beside 指标值), if any."""
    return next(
        (r for r in range(len(g.rows) - 1, -1, -1) if _is_indicator_header([squash(c) for c in g.rows[r]])), None
    )


@dataclass
class _Draft:
    """A project being read: what its header block or its row of the project columns said."""

    name: str = ""
    by_column: bool = False  # named by a 项目名称 column (not by a header block or the title)
    goals: list[str] = field(default_factory=list)
    amount: Money | None = None
    indicators: list[Indicator] = field(default_factory=list)
    page: int | None = None
    cells: list[str] = field(default_factory=list)  # the goal cells read, as printed

    def add_goals(self, text: str) -> None:
        if _PLACEHOLDER_GOAL.match(squash(text)):
            return  # "目标1：目标2：目标3：……": the template's words, left unfilled
        for line in text.split("\n"):
            if line.strip() and line not in self.goals:  # a merged cell is printed again on each page
                self.goals.append(line)

    def add_goal_cell(self, text: str) -> None:
        """A project's goal cell beside its indicators: printed again on each page it spans, the
        same text where it fits on one page, else the rest of it (the last goal goes on)."""
        if text in self.cells:
            return
        if self.cells and self.goals:
            # The rest of the cell where the page cut it: all of it where the next page prints the
            # cell again whole (changsha_02: cut at the foot of p33, whole on p34), else what it prints.
            rest = text[len(self.cells[-1]) :] if text.startswith(self.cells[-1]) else text
            first, *more = [line for line in rest.split("\n") if line.strip()] or [""]
            self.goals[-1] += first
            self.goals += more
        else:
            self.add_goals(text)
        self.cells.append(text)


_PLACEHOLDER_GOAL = re.compile(r"^(?:目标\d*[:：]?|[.。…·、,，;；])+$")


@dataclass(frozen=True, slots=True)
class _ProjectColumns:
    """Columns beside the indicators that say which project a row belongs to."""

    name: int | None = None  # 项目名称, 单位（项目）名称
    amount: int | None = None  # 资金总额, 项目总额
    goal: int | None = None  # 绩效目标, 整体绩效目标
    amount_label: str = ""


def performance(g: WorkingGrid, unit: MoneyUnit, index: int, width: int | None = None) -> list[PerformanceProject]:
    """Every project the form prints, in order. (``width``: the grid's, when the caller has it.)"""
    m = _PROJECT_TITLE.match(g.title)
    title_name = m.group(1).strip() if m else ""
    power = PRINTED_UNITS[g.printed_unit][1] if g.printed_unit in PRINTED_UNITS else 0  # 千元: x1000
    width = g.width if width is None else width
    pages = g.row_pages if len(g.row_pages) == len(g.rows) else [g.page] * len(g.rows)
    drafts: list[_Draft] = []
    draft = _Draft(page=g.page)
    at: list[int | None] | None = None  # the indicator columns, from their header
    beside = _ProjectColumns()
    carried1: str | None = None
    carried2: str | None = None
    in_block = False
    below: _Below | None = None  # a label whose value is printed in the row under it
    for r, raw in enumerate(g.rows):
        spans = g.spans[r] if r < len(g.spans) else None
        row = pad(raw, width, spans)
        if not any(row):
            continue
        words = list(map(squash, row))
        if _is_indicator_header(words):
            # "计量。单位": a stray stop a text layer prints inside a header word
            header = [_STRAY.sub("", squash(c)) for c in _spread(raw, spans or [], width)]
            col = _columns(header)
            at = [col[key] for key in ("level1", "level2", "level3", "description", "target", "basis", "unit", "sense")]
            beside = _project_columns(g, r, at, width)
            in_block, below = False, None
            continue  # printed again: at the top of the next page, or over the next project's indicators
        if below is not None and (at is None or in_block):
            read, below = _read_below(draft, row, below)
            if read:
                continue
        first = next(filter(None, words))
        if at is None:
            below = _read_labels(draft, row, words, unit, power)
            continue
        if _BLOCK_LABEL.match(first):
            # The next project's 项目名称 / 资金金额 / 年度目标 block printed in the same grid: no
            # indicator up to the first row naming a level ("产出指标"), and the levels carried end.
            if draft.indicators:
                drafts.append(draft)
                draft = _Draft(page=pages[r])
            in_block, carried1, carried2 = True, None, None
            below = _read_labels(draft, row, words, unit, power)
            continue
        if in_block and not any(i is not None and i < len(words) and words[i].endswith("指标") for i in at[:2]):
            below = _read_labels(draft, row, words, unit, power)
            continue
        in_block = False
        if beside.name is not None:
            value = row[beside.name].strip() if beside.name < len(row) else ""
            named = bool(value) and not is_total_name(value)
            if named and squash(value) != (squash(draft.name) if draft.by_column else None):
                if draft.by_column or draft.indicators:
                    drafts.append(draft)
                    draft = _Draft(page=pages[r])
                draft.name, draft.by_column = value, True
                carried1 = carried2 = None
        else:
            named = True
        if named:
            if beside.amount is not None and draft.amount is None and beside.amount < len(row):
                stated, times = _unit_of(beside.amount_label, unit, power)
                draft.amount = scaled(parse_amount(row[beside.amount], stated), times)
            if beside.goal is not None and beside.goal < len(row) and row[beside.goal].strip():
                draft.add_goal_cell(row[beside.goal])
        n = len(row)
        level1, level2, level3, description, target, basis, measure, sense = (
            (row[i] or None) if i is not None and i < n else None for i in at
        )
        beside1 = _level1_beside(row, at[0]) if level1 is None and at[0] is not None else None
        if not any((beside1, level2, level3, description, target, basis)):
            continue  # the project columns only (合计, the unit's own line over its projects) or a sub-header
        if at[0] is None and at[1] is None and level3:
            level1, level2, level3 = _joined_levels(level3)
        if level3 and _NUMBERED.fullmatch(squash(level3)):
            level3 = None  # "指标1：" and nothing after it: the template's numbering, left unfilled
        last = draft.indicators[-1] if draft.indicators else None
        if (
            last is not None
            and level3
            and not any((level1, level2, description, target, basis))
            and _NUMBERED.match(squash(last.level3 or ""))
            and not _NUMBERED.match(squash(level3))
            and _WORD.search(level3)  # not a "……" placeholder
        ):
            # "指标 2：做好抗旱减灾…工" then "作" alone: a name of a numbered list wrapped onto a line of its own
            draft.indicators[-1] = replace(last, level3=(last.level3 or "") + level3)
            continue
        if (
            last is not None
            and last.level3
            and level2
            and level3
            and len(squash(level3)) == 1
            and _WORD.match(squash(level3))
            and not any((description, target, basis))
            and not _SENTENCE_END.search(squash(last.level3))
        ):
            # "…3：行政执法权威" then "性" alone in the name cell of the next row, which opens a 二级
            # of its own (xian_08): no group starts with an indicator of one character; it ends
            # the words of the row above, and the row is the group's, left without an indicator.
            draft.indicators[-1] = replace(last, level3=last.level3 + squash(level3))
            level3 = None
        if level1 and carried1 and _cut_level1(carried1, level1):
            # A 一级 label cut over two rows ("效" then "益指标", xian_17 p52: the text of the merged
            # cell set across the line between its rows): one label, the rows above take it whole,
            # and the 二级 cell beside goes on.
            joined = squash(carried1) + squash(level1)
            k = len(draft.indicators)
            while k > 0 and draft.indicators[k - 1].level1 == carried1:
                k -= 1
            draft.indicators[k:] = [replace(i, level1=joined) for i in draft.indicators[k:]]
            carried1 = joined
        elif level1 and carried1 is None and _label_below(draft.indicators, level1):
            # The label of a 一级 cell that began above, printed at the cell's middle (on the next
            # page where the break cut it: xian_14 p82, xian_18 p41): the rows above take it, and
            # a 二级 cell left blank in this row goes on.
            draft.indicators[_open_from(draft.indicators) :] = [
                replace(i, level1=level1) for i in draft.indicators[_open_from(draft.indicators) :]
            ]
            carried1 = level1
        elif level1:
            carried1, carried2 = level1, None
        elif beside1:
            carried1 = beside1  # the cut cell goes on: so does the 二级 cell beside it
        elif level2 and carried1 and not _may_hold(carried1, level2):
            # A 二级 the framework puts under another 一级 (经济效益指标 under 产出指标): the 一级 cell
            # above has ended and the label of the next one was not printed here (a cell cut by
            # the page break prints its label on one part only): unknown, not the one above.
            carried1 = None
        if level2:
            carried2 = level2
        target = _joined_target(target, sense, measure)
        comparison = squash(sense or "") or None
        draft.indicators.append(Indicator(carried1, carried2, level3, description, target, basis, r, comparison))
    drafts.append(draft)
    if at is None and not any(d.goals or d.indicators for d in drafts):
        drafts = _listed_projects(g, unit, power, width, pages) or drafts
    if len(drafts) > 1:
        # A line of the project columns with no goal and no indicator is a heading over the
        # projects (the unit's own line with their sum), not a project.
        drafts = [d for d in drafts if d.indicators or d.goals]
    return [
        PerformanceProject(
            name=d.name or title_name or ("" if _NO_PROJECT_TITLE.match(squash(g.title)) else g.title),
            goals=tuple(d.goals),
            indicators=_regrouped(d.indicators),
            amount=d.amount,
            table=index,
            page=d.page,
        )
        for d in drafts
        if d.name or title_name or d.indicators or d.goals
    ]


def _listed_projects(g: WorkingGrid, unit: MoneyUnit, power: int, width: int, pages: list[int | None]) -> list[_Draft]:
    """Projects listed a row each, with no indicators: 项目名称 | 预算数 | 绩效目标 (the key
    projects' goals a department prints in its narrative, a unit's column before them where
    the department lists its units' projects). A goal the page cut goes on in a row of its own,
    its other cells blank, and the header is printed again over the next page."""
    for r, raw in enumerate(g.rows):
        if not _is_column_header_row(raw):
            continue
        spread = _spread(raw, g.spans[r] if r < len(g.spans) else [], width)
        header = [squash(c) for c in spread]
        name = next((c for c, h in enumerate(header) if _LISTED_NAME.match(h)), None)
        goal = next((c for c, h in enumerate(header) if _LISTED_GOAL.match(h)), None)
        if name is not None and goal is not None:
            break
    else:
        return []
    # the project's money: 预算数（万元）, 金额（单位：万元）; not a 预算单位's name
    amount = next(
        (c for c, h in enumerate(header) if any(w in h for w in _MONEY_HEADERS) and "名称" not in h and h != "单位"),
        None,
    )
    stated, times = _unit_of(header[amount], unit, power) if amount is not None else (unit, power)
    # A department's list of its units' projects (二级预算单位名称 | 一级项目名称 | …): each
    # project is named with its unit, as the same name under two units is two projects, and
    # the narrative of one unit names its own projects (深圳's 综合管理 of each unit, one listed).
    owner = next((c for c, h in enumerate(header) if c != name and h.endswith("单位名称")), None)
    drafts: list[_Draft] = []
    owners: list[str] = []
    for k in range(r + 1, len(g.rows)):
        row = pad(g.rows[k], width, g.spans[k] if k < len(g.spans) else None)
        words = [squash(c) for c in row]
        if not any(words) or words == header or all(TEMPLATE_MARKS.match(w) for w in words if w):
            continue
        value = row[name].strip()
        if value and not is_total_name(value):
            draft = _Draft(name=value, by_column=True, page=pages[k])
            if amount is not None:
                draft.amount = scaled(parse_amount(row[amount], stated), times)
            drafts.append(draft)
            # a unit's cell merged over its projects' rows is printed once: the rows under it are its
            printed = row[owner].strip() if owner is not None else ""
            owners.append(printed or (owners[-1] if owners else ""))
        elif value or not drafts or (amount is not None and row[amount].strip()):
            continue  # the total line, or a line that is not the goal of the project above going on
        if row[goal].strip():
            drafts[-1].add_goal_cell(_unwrapped(row[goal]))
    if len(set(owners)) > 1:
        for draft, unit_name in zip(drafts, owners, strict=True):
            if unit_name:
                draft.name = f"{draft.name}（{unit_name}）"
    return drafts


def _unwrapped(text: str) -> str:
    """A goal cell as one goal: its lines joined (a list prints one goal a project, its
    numbered parts inline, and a line break where a page cut the cell: "…支出不超过" then
    "63799705.73元；6.…")."""
    return "".join(line.strip() for line in text.split("\n"))


# The headers of a list of projects and their goals ("一级项目名称", "项目"; "绩效目标")
_LISTED_NAME = re.compile(r"^(?:[一二]级)?(?:专项)?项目(?:名称)?$")
_LISTED_GOAL = re.compile(r"^(?:年度|项目|整体)?(?:总体)?(?:绩效)?目标$")  # 湖州's "项目总体绩效目标"


_NUMBER = re.compile(r"^指标\s*(\d+)\s*[:：]")


def _regrouped(indicators: list[Indicator]) -> tuple[Indicator, ...]:
    """Numbered indicators (指标1…指标n under each 二级) whose 二级 cell prints its label in the
    middle of its rows, not on its first (a merged cell's text set at its centre: xian_09
    p50's 成本指标 beside 指标5 of 13): the rows above the label carried the 二级 of the group
    before. Where the numbering starts again under the same 二级 and one new 二级 is printed
    further down before it starts again, the whole numbered group is that one's."""
    numbers = [int(m[1]) if (m := _NUMBER.match(squash(i.level3 or ""))) else None for i in indicators]
    out = list(indicators)
    start = 0
    while start < len(out):
        end = start + 1
        while end < len(out) and numbers[start] is not None and (numbers[end] or 0) > (numbers[end - 1] or 0):
            end += 1  # 指标1, 指标2, … : one numbered group
        group, before = out[start:end], out[start - 1] if start else None
        if (
            numbers[start] is not None
            and before is not None
            and (group[0].level1, group[0].level2) == (before.level1, before.level2)
            and all(i.level1 == before.level1 for i in group)
        ):
            later = {i.level2 for i in group} - {before.level2}
            label = later.pop() if len(later) == 1 else None
            if label and squash(label).endswith("指标"):  # a whole label, not a piece of a cut one
                out[start:end] = [replace(i, level2=label) for i in group]
        start = end
    return tuple(out)


# The 一级 names of the national framework (产出, 效益, 满意度; 成本 since 财预〔2021〕101号).
_LEVEL1_NAME = re.compile(r"^(?:产出|效益|满意度|成本)指标")


# The 一级 each 二级 of the framework belongs to (成本指标 was a 产出 二级 before 2021).
_FRAMEWORK = (
    (re.compile(r"效益|可持续"), ("效益指标",)),
    (re.compile(r"满意"), ("满意度指标",)),
    (re.compile(r"成本"), ("产出指标", "成本指标")),
    (re.compile(r"数量|质量|时效"), ("产出指标",)),
)


def _cut_level1(above: str, level1: str) -> bool:
    """Whether a 一级 label is the end of the one above: neither is a name of the framework, the
    two together are."""
    first, second = squash(above), squash(level1)
    return (
        not _LEVEL1_NAME.match(first)
        and not _LEVEL1_NAME.match(second)
        and bool(_LEVEL1_NAME.fullmatch(first + second))
    )


def _may_hold(level1: str, level2: str) -> bool:
    """Whether a 二级 may stand under a 一级: always, unless both are names of the framework and
    the framework puts the 二级 under another 一级."""
    name = squash(level1)
    if not _LEVEL1_NAME.fullmatch(name):
        return True  # a form's own 一级 names: no framework to go by
    words = squash(level2)
    parents = next((parents for word, parents in _FRAMEWORK if word.search(words)), None)
    return parents is None or name in parents


def _open_from(indicators: list[Indicator]) -> int:
    """Where the run of indicators with no 一级 at the end of the list begins."""
    k = len(indicators)
    while k > 0 and indicators[k - 1].level1 is None:
        k -= 1
    return k


def _label_below(indicators: list[Indicator], level1: str) -> bool:
    """Whether a 一级 printed below is the one of the indicators read above it with none: each of
    them has a 二级 the framework puts under that 一级 (a 一级 of the form's own names, or a 二级
    outside the framework, says nothing: those rows keep no 一级)."""
    name = squash(level1)
    run = indicators[_open_from(indicators) :]
    if not run or not _LEVEL1_NAME.fullmatch(name):
        return False
    for indicator in run:
        words = squash(indicator.level2 or "")
        parents = next((parents for word, parents in _FRAMEWORK if word.search(words)), None) if words else None
        if parents is None or name not in parents:
            return False
    return True


def _level1_beside(row: list[str], column: int) -> str | None:
    """A 一级 label printed left of its column, in the form's side column ("效益指标 年度绩效指标"):
    a 一级 cell cut by a page break prints its label on the next page where the reader finds no
    ruling between the two columns (xian_10 p68, xian_14 p75)."""
    for cell in row[:column]:
        m = _LEVEL1_NAME.match(squash(cell))
        if m:
            return m.group(0)
    return None


def _read_labels(draft: _Draft, row: list[str], words: list[str], unit: MoneyUnit, power: int) -> _Below | None:
    """A row of the header block: "项目名称 | …", "资金金额（万元） | 实施期资金总额： | 58.97",
    "年度目标 | …". Returns the label whose value is printed under it ("总体目标 | 实施期总目标 |
    年度总目标" over the goals, "总体资金情况 | 预算支出总额 | …" over the amounts), if any."""
    at = next(i for i, w in enumerate(words) if w)
    label = words[at]
    rest = [(i, c) for i, c in enumerate(row) if i > at and c.strip()]
    if not rest:
        glued = _NAME_GLUED.match(_BRACKETS.sub("", label))
        if glued and not draft.name:  # "专项（项目）名称伯乐奖": the label and the name in one cell
            draft.name = glued.group(1)
        elif _GOAL_LABEL.fullmatch(label):
            # "当年整体绩效目标" alone in its row, the goal in the row under it (chongqing_07 p28)
            return _Below("goal", at, unit)
        return None
    if at > 0 and not ("目标" in label and "指标" not in label):
        return None  # a line under the label of the row above ("其中：财政拨款", "年度资金总额 | 年初 | 全年")
    if "项目名称" in _BRACKETS.sub("", label):  # "专项（项目）名称" too (xian's 专项资金 forms)
        if not _BLOCK_LABEL.match(words[rest[0][0]]):  # "项目名称 | (blank) | 主管部门 | …": a form left blank
            draft.name = rest[0][1]
    elif "目标" in label and "指标" not in label:
        heads = [(i, words[i]) for i, _ in rest]
        if (
            all(len(w) <= 12 for _, w in heads)
            and any("目标" in w for _, w in heads[:2])
            and (len(heads) >= 2 or heads[0][1].endswith("目标"))
        ):
            # "总体目标 | 实施期总目标 | 年度总目标", "年度总体目标完成情况 | 预期目标 | 实际完成情况",
            # "总体目标 | 年度目标" over the goals
            return _Below("goal", _the_years(heads), unit)
        draft.add_goals(rest[-1][1])
    elif ("资金" in label or "金额" in label or label.endswith("预算")) and not label.startswith(("其中", "其他")):
        unit, power = _unit_of(label, unit, power)
        amount = scaled(_labelled_amount(rest, words, unit), power)
        heads = [(i, words[i]) for i, _ in rest]
        if amount is None and sum(1 for _, w in heads if "预算" in w or "总额" in w) == 1:
            # "总体资金情况（万元） | 预算支出总额 | 财政拨款 | 其他资金" over the figures; not where it
            # prints several budgets (年初预算数 | 全年预算数): which one the targets were set by is unknown
            return _Below("amount", next(i for i, w in heads if "预算" in w or "总额" in w), unit, power)
        if draft.amount is None:
            draft.amount = amount
    return None


@dataclass(frozen=True, slots=True)
class _Below:
    """A label whose value is printed in the row under it, in this column."""

    what: str  # "goal" | "amount"
    column: int
    unit: MoneyUnit
    power: int = 0  # printed in 千元 / 亿元: scaled by 10**power into ``unit``


def _the_years(heads: list[tuple[int, str]]) -> int:
    """Of goal sub-labels side by side, the column of the year's own (实施期总目标 | 年度总目标), else
    the one that is a goal (预期目标 | 实际完成情况)."""
    goals = [i for i, w in heads if "目标" in w]
    return next((i for i, w in heads if "年度" in w and "目标" in w), goals[-1])


def _unit_of(label: str, unit: MoneyUnit, power: int) -> tuple[MoneyUnit, int]:
    """The unit a money label states ("资金金额（万元）", "（千元）" read in 元 x1000), else the table's."""
    stated = label_unit_in(label) or ("万元" if "万元" in label else "元" if _YUAN_LABEL.search(label) else None)
    return PRINTED_UNITS[stated] if stated else (unit, power)


_NUMBERED = re.compile(r"^指标\d+[:：]")  # "指标3：", the names of a numbered list
_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_SENTENCE_STOP = re.compile(r"[。；;，,]")
_SENTENCE_END = re.compile(r"[。；;!！?？]$")
_BRACKETS = re.compile(r"[（()）]")
_NAME_GLUED = re.compile(r"^(?:专项)?项目名称[:：]?(.{2,})$")
# A goal's label alone in its row ("当年整体绩效目标", "年度总体目标"), its words under it.
_GOAL_LABEL = re.compile(r"(?:\d{4}年)?(?:当年|年度|本年)?(?:整体|总体)?(?:绩效)?目标")
_YUAN_LABEL = re.compile(r"[（(]元[)）]|单位[:：]元")


def _read_below(draft: _Draft, row: list[str], below: _Below) -> tuple[bool, _Below | None]:
    """The value under a label of the row before: (whether the row was read, the label still
    waiting). An amount's label waits over sub-header rows ("合计 | 基本支出 | 项目支出" between
    预算支出总额 and its figure)."""
    cell = row[below.column] if below.column < len(row) else ""
    if below.what == "goal" and _BLOCK_LABEL.match(squash(cell)):
        return False, None  # the next label of the block: the goal was left blank
    if below.what == "goal":
        if cell.strip():
            draft.add_goals(cell)
        return True, None
    amount = scaled(parse_amount(cell, below.unit), below.power)
    if amount is not None:
        if draft.amount is None:
            draft.amount = amount
        return True, None
    if not cell.strip() and not any(parse_amount(c, below.unit) for c in row):
        return True, below
    return False, None


def _labelled_amount(rest: list[tuple[int, str]], words: list[str], unit: MoneyUnit) -> Money | None:
    """The first amount after a money label; the year's one where the row prints the whole
    period's too ("实施期资金总额： | 600 | 年度资金总额： | 200")."""
    found = None
    previous = ""
    for i, cell in rest:
        amount = parse_amount(cell, unit)
        if amount is not None:
            if "年度" in previous:
                return amount
            found = found or amount
        previous = words[i]
    return found


def _project_columns(g: WorkingGrid, r: int, at: list[int | None], width: int) -> _ProjectColumns:
    """The 项目名称, money and goal columns beside the indicators, from the header rows over
    them (the indicator header and the column-header rows directly above it)."""
    top = r
    while top > 0 and r - top < 3 and _is_column_header_row(g.rows[top - 1]):
        top -= 1
    spread = [_spread(g.rows[k], g.spans[k] if k < len(g.spans) else [], width) for k in range(top, r + 1)]
    labels = []
    for c in range(width):
        parts: list[str] = []
        for cells in spread:
            word = squash(cells[c]) if c < len(cells) else ""
            if word and word not in parts:
                parts.append(word)
        labels.append("/".join(parts))
    taken = {i for i in at if i is not None}

    def first(test) -> int | None:
        return next((c for c, h in enumerate(labels) if c not in taken and h and "指标" not in h and test(h)), None)

    amount = first(lambda h: any(w in h for w in _MONEY_HEADERS) and not any(w in h for w in _NOT_THE_AMOUNT))
    return _ProjectColumns(
        name=first(lambda h: "项目" in h.split("/")[-1] and ("名称" in h or h.split("/")[-1] == "项目")),
        amount=amount,
        goal=first(lambda h: "目标" in h.split("/")[-1]),
        amount_label=labels[amount] if amount is not None else "",
    )


def _is_column_header_row(row: list[str]) -> bool:
    """A row of column headers over the indicator header ("单位编码 | 单位（项目）名称 | 资金总额
    | 绩效目标 | 绩效指标"), not a labelled row of a header block ("年度目标 | …")."""
    cells = [squash(c) for c in row if squash(c)]
    return (
        len(cells) >= 2
        and all(len(c) <= 16 and not _SENTENCE_STOP.search(c) for c in cells)  # headers are short words
        and not _BLOCK_LABEL.match(cells[0])
        and "目标" not in cells[0]
        and not any(parse_amount(c, MoneyUnit.YUAN) for c in cells)
    )


def _joined_levels(name: str) -> tuple[str | None, str | None, str]:
    """ "产出指标数量指标栽植苗木" in one 绩效指标 cell → (产出指标, 数量指标, 栽植苗木)."""
    m = _JOINED_LEVELS.match(name)
    if m is None:
        return None, None, name
    return m.group(1), m.group(2), m.group(3)


_STRAY = re.compile(r"[。．.、·]")
# The first cell of a form's header block (项目名称 | …, 资金金额（万元） | …, 年度目标 | …).
_BLOCK_LABEL = re.compile(
    r"^(?:(?:专项[（(])?项目[）)]?名称|主管部门|实施单位|预算单位|资金金额|项目资金|年度资金|年度目标|年度总体目标|总体目标|项目概况)"
)
# A column header naming the indicator itself where a form prints no 一级/二级/三级 levels
# ("绩效指标 | 指标名称 | 指标性质 | 指标值 | 计量单位").
_NAME_HEADERS = ("指标名称", "绩效指标名称", "指标内容")
# A 绩效指标 column holding the levels and the name in one cell ("产出指标数量指标栽植苗木"),
# where a form prints neither the levels nor 指标名称 in columns of their own.
_JOINED_HEADER = "绩效指标"
_NAMES = frozenset((*_NAME_HEADERS, _JOINED_HEADER))
_JOINED_LEVELS = re.compile(r"^\s*(产出指标|效益指标|满意度指标|成本指标)\s*((?:(?!指标)\S){1,12}指标)\s*(\S.*)$", re.S)
# Headers of the project's money column beside the indicators (资金总额, 项目总额, 预算金额),
# and of the columns beside it that are parts of it or no money (其中：财政资金, 按收入性质分).
_MONEY_HEADERS = ("总额", "金额", "资金", "预算")
_NOT_THE_AMOUNT = ("目标", "其中", "其他", "性质", "类型")
# Headers holding 指标值 that are not the value: its kind, its basis, its explanation.
_NOT_THE_VALUE = ("类型", "性质", "依据", "确定", "内容", "说明", "解释", "单位", "方向")
# The unit printed in a column of its own (度量单位, 计量单位, 绩效度量单位, 单位).
_UNIT_HEADER = re.compile(r"(?:度量|计量|指标值?)单位$|^单位$")
# The comparison printed in a column of its own: 指标值类型 / 指标性质 ("≥", "＝", "定性").
_SENSE_HEADER = re.compile(r"指标值?类型|指标性质|运算符|比较符|符号$")
_OPERATOR = re.compile(
    r"^(?:≥|≤|≧|≦|>=|<=|＞=|＜=|>|<|＞|＜|=|＝|大于等于|小于等于|不低于|不高于|不少于|不多于|不超过|不大于|不小于"
    r"|大于|小于|低于|高于|超过|达到|至少|至多)"
)
_FIGURE_START = re.compile(r"^[-+]?\d")
_FIGURE_END = re.compile(r"\d$")


def _is_indicator_header(words: list[str]) -> bool:
    """The row heading the indicators: 一级指标 …, or an indicator name beside its 指标值."""
    # Each word a test needs is first looked for in the row's words joined (one search in C
    # answers for most rows), then word by word.
    joined = "\x00".join(words)
    if "指标" not in joined:
        return False
    if "一级指标" in joined and any(w.startswith("一级指标") for w in words):
        return True
    if "指标值" not in joined:
        return False  # the tests below need a value header
    second = "二级指标" in joined and any(w.startswith("二级指标") for w in words)
    # (second: 一级指标 left unprinted over its column, xian_17's 部门整体支出 form)
    if not second and _NAMES.isdisjoint(words):
        return False
    return any(_is_value_header(w) for w in words)


def _is_value_header(h: str) -> bool:
    # "指标值", or the target named as such ("目标值", "指标目标值", "目标值(标准)" in Jilin's forms)
    return ("指标值" in h or "目标值" in h) and not any(word in h for word in _NOT_THE_VALUE)


def _spread(row: list[str], spans: list[int], width: int) -> list[str]:
    """A header row over the grid's columns: a label printed over two columns ("其中：" over
    财政资金 and 其他资金) stands over both, so the labels after it keep their columns."""
    if sum(spans) != width or len(row) == width:
        return row
    out: list[str] = []
    for text, span in zip(row, spans, strict=False):
        out += [text] * span
    return out


_COLUMN_KEYS = ("level1", "level2", "level3", "description", "target", "basis", "unit", "sense")
_COLUMN_WORDS = (("level1", "一级"), ("level2", "二级"), ("level3", "三级"), ("description", "描述"), ("basis", "依据"))


def _columns(header: list[str]) -> dict[str, int | None]:
    def first(test) -> int | None:
        return next((i for i, h in enumerate(header) if h and test(h)), None)

    # Each key is the first header that has its mark, all found in one pass over the
    # headers (a search per key, each with its own test function, cost a form as much as
    # its first rows did).
    col: dict[str, int | None] = dict.fromkeys(_COLUMN_KEYS)
    for i, h in enumerate(header):
        if not h:
            continue
        for key, word in _COLUMN_WORDS:
            if word in h and col[key] is None:
                col[key] = i
        if col["target"] is None and _is_value_header(h):
            col["target"] = i
        if col["unit"] is None and _UNIT_HEADER.search(h):
            col["unit"] = i
        if col["sense"] is None and _SENSE_HEADER.search(h):
            col["sense"] = i
    if col["level3"] is None:  # the name under a header of its own: 一级 | 二级 | 指标内容 | 指标值 (西安)
        col["level3"] = first(lambda h: h in _NAME_HEADERS)
    if col["level3"] is None and col["level1"] is None and col["level2"] is None:
        col["level3"] = first(lambda h: h == _JOINED_HEADER)
    level2 = col["level2"]
    if col["level1"] is None and level2 and not header[level2 - 1] and level2 - 1 not in col.values():
        col["level1"] = level2 - 1  # the column left of 二级指标 with its header unprinted
    if col["target"] is None:  # a header that only says 指标值 with other words ("指标值（定量）")
        col["target"] = first(lambda h: "指标值" in h and "依据" not in h)
    return col


def _joined_target(value: str | None, sense: str | None, measure: str | None) -> str | None:
    """The 指标值 with the comparison and the unit its form prints in columns of their own
    ("≥" | "95" | "%" → "≥95%"). A figure only: a written target ("按时", "不适用") takes
    neither, and a value that already says them is left as printed."""
    if not value:
        return value
    text = value.strip()
    sense = squash(sense or "")
    measure = squash(measure or "")
    if sense and _OPERATOR.match(sense) and _FIGURE_START.match(text):
        text = sense + text
    if measure and _FIGURE_END.search(text) and not text.endswith(measure):
        text += measure
    return text
