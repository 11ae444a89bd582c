"""Performance-goal tables: one PerformanceProject per form."""

from __future__ import annotations

import re

from budget.model import Indicator, Money, MoneyUnit, PerformanceProject
from loaders.recognize.grid import WorkingGrid, pad
from loaders.recognize.text import parse_amount, squash

# ---------------------------------------------------------------- performance

# A project's title, without its list number ("3、", "三、", "3 "): a number counts only
# with its separator, so the year of "2022年部门整体支出绩效目标表" stays in the name.
_PROJECT_TITLE = re.compile(
    r"^\s*(?:(?:\d{1,3}|[一二三四五六七八九十]+)\s*[、.．]\s*|\d{1,3}\s+)?(.*?)(?:项目)?"
    r"(?:绩效目标表|绩效目标申报表|绩效目标)\s*$"
)
_INDICATOR_HEADERS = ("一级指标", "二级指标", "三级指标")


def has_indicator_header(g: WorkingGrid) -> bool:
    """A row naming 一级指标 and 二级指标 (each in some cell; the cells are joined with a
    character neither word holds, so no word is found across two cells)."""
    first, second = _INDICATOR_HEADERS[:2]
    for row in g.rows:
        words = "\x00".join([squash(c) for c in row])
        if first in words and second in words:
            return True
    return False


def performance(g: WorkingGrid, unit: MoneyUnit, index: int) -> PerformanceProject | None:
    name = ""
    m = _PROJECT_TITLE.match(g.title)
    if m:
        name = m.group(1).strip()
    goals: list[str] = []
    amount: Money | None = None
    header_at = None
    for i, row in enumerate(g.rows):
        words = [squash(c) for c in row]
        if _is_indicator_header(words):
            header_at = i
            break
        label = words[0] if words else ""
        rest = [c for c in row[1:] if c]
        if "项目名称" in label and rest:
            name = rest[0]
        elif ("绩效目标" in label or "年度目标" in label) and rest:
            goals += [line for line in rest[-1].split("\n") if line.strip()]
        elif ("资金" in label or "金额" in label) and rest:
            amount = parse_amount(rest[0], unit) or amount
    indicators: list[Indicator] = []
    if header_at is not None:
        width = g.width
        # "计量。单位": a stray stop a text layer prints inside a header word
        header = [_STRAY.sub("", squash(c)) for c in _spread(g.rows[header_at], g.spans[header_at], width)]
        col = _columns(header)
        at = [col[key] for key in ("level1", "level2", "level3", "description", "target", "basis", "unit", "sense")]
        carried1: str | None = None
        carried2: str | None = None
        in_block = False
        for r in range(header_at + 1, len(g.rows)):
            row = pad(g.rows[r], width, g.spans[r] if r < len(g.spans) else None)
            if not any(row):
                continue
            words = [squash(c) for c in row]
            if _is_indicator_header(words):
                in_block = False
                continue  # printed again: at the top of the next page, or over the next form's indicators
            if _BLOCK_LABEL.match(next(w for w in words if w)):
                # The next form's 项目名称 / 资金金额 / 年度目标 block printed in the same grid: no
                # indicator up to the first row naming a level ("产出指标"), and the levels carried end.
                in_block, carried1, carried2 = True, None, None
                continue
            if in_block and not any(i is not None and i < len(words) and words[i].endswith("指标") for i in at[:2]):
                continue
            in_block = False
            n = len(row)
            level1, level2, level3, description, target, basis, measure, sense = (
                (row[i] or None) if i is not None and i < n else None for i in at
            )
            if level1:
                carried1, carried2 = level1, None
            if level2:
                carried2 = level2
            target = _joined_target(target, sense, measure)
            comparison = squash(sense or "") or None
            indicators.append(Indicator(carried1, carried2, level3, description, target, basis, r, comparison))
    if not name and not indicators and not goals:
        return None
    return PerformanceProject(
        name=name or g.title, goals=tuple(goals), indicators=tuple(indicators), amount=amount, table=index, page=g.page
    )


_STRAY = re.compile(r"[。．.、·]")
# The first cell of a form's header block (项目名称 | …, 资金金额（万元） | …, 年度目标 | …).
_BLOCK_LABEL = re.compile(
    r"^(?:项目名称|主管部门|实施单位|预算单位|资金金额|项目资金|年度资金|年度目标|年度总体目标|总体目标|项目概况)"
)
# A column header naming the indicator itself where a form prints no 一级/二级/三级 levels
# ("绩效指标 | 指标名称 | 指标性质 | 指标值 | 计量单位").
_NAME_HEADERS = ("指标名称", "绩效指标名称")
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
    if any(w.startswith("一级指标") for w in words):
        return True
    return any(w in _NAME_HEADERS for w in words) and any(_is_value_header(w) for w in words)


def _is_value_header(h: str) -> bool:
    return "指标值" in h and not any(word in h for word in _NOT_THE_VALUE)


def _spread(row: list[str], spans: list[int], width: int) -> list[str]:
    """A header row over the grid's columns: a label printed over two columns ("其中：" over
    财政资金 and 其他资金) stands over both, so the labels after it keep their columns."""
    if sum(spans) != width or len(row) == width:
        return row
    out: list[str] = []
    for text, span in zip(row, spans, strict=False):
        out += [text] * span
    return out


def _columns(header: list[str]) -> dict[str, int | None]:
    def first(test) -> int | None:
        return next((i for i, h in enumerate(header) if h and test(h)), None)

    col = {
        "level1": first(lambda h: "一级" in h),
        "level2": first(lambda h: "二级" in h),
        "level3": first(lambda h: "三级" in h),
        "description": first(lambda h: "描述" in h),
        "target": first(_is_value_header),
        "basis": first(lambda h: "依据" in h),
        "unit": first(lambda h: bool(_UNIT_HEADER.search(h))),
        "sense": first(lambda h: bool(_SENSE_HEADER.search(h))),
    }
    if col["level3"] is None and col["level1"] is None:
        col["level3"] = first(lambda h: h in _NAME_HEADERS)
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
