"""Performance-goal tables: one PerformanceProject per form."""

from __future__ import annotations

import re

from budget.model import Indicator, Money, MoneyUnit, PerformanceProject
from loaders.recognize.grid import WorkingGrid
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
        if any(w.startswith("一级指标") for w in words):
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
        header = [squash(c) for c in g.rows[header_at]]
        col = {
            key: next((i for i, h in enumerate(header) if word in h), None)
            for key, word in (
                ("level1", "一级"),
                ("level2", "二级"),
                ("level3", "三级"),
                ("description", "描述"),
                ("target", "指标值"),
                ("basis", "依据"),
            )
        }
        if col["target"] == col["basis"]:
            col["target"] = next((i for i, h in enumerate(header) if h == "指标值"), col["target"])
        at = [col[key] for key in ("level1", "level2", "level3", "description", "target", "basis")]
        carried1: str | None = None
        carried2: str | None = None
        for r in range(header_at + 1, len(g.rows)):
            row = g.rows[r]
            if not any(row):
                continue
            n = len(row)
            level1, level2, level3, description, target, basis = (
                (row[i] or None) if i is not None and i < n else None for i in at
            )
            if level1:
                carried1, carried2 = level1, None
            if level2:
                carried2 = level2
            indicators.append(Indicator(carried1, carried2, level3, description, target, basis, r))
    if not name and not indicators and not goals:
        return None
    return PerformanceProject(
        name=name or g.title, goals=tuple(goals), indicators=tuple(indicators), amount=amount, table=index, page=g.page
    )
