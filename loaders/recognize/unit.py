"""The unit (单位/部门) a disclosure is about: code, name, year."""

from __future__ import annotations

import re
from collections import Counter

from budget.model import MoneyUnit, Section, Table, Unit
from loaders.recognize.assemble import Context
from loaders.recognize.text import PREPARER, UNIT_CODE_NAME, squash

# ---------------------------------------------------------------- the unit


def unit(context: Context, tables: list[Table], sections: list[Section], money_unit: MoneyUnit) -> Unit:
    code = name = None
    year = None
    for line in [t.unit_line for t in tables if t.unit_line] + context.unit_lines:
        for part in re.split(r"\s{2,}|\s(?=预算年度|单位[:：]|截止)", line):
            part = part.strip()
            m = UNIT_CODE_NAME.match(part)
            if m and not name and "：" not in part and ":" not in part:
                code, name = m.group(1), m.group(2).strip()
            p = PREPARER.search(part)
            if p and not name:
                name = p.group(1).strip()
            y = re.search(r"预算年度\s*[:：]\s*(\d{4})", part)
            if y and year is None:
                year = int(y.group(1))
        if name and year:
            break
    texts = [s.heading for s in sections] + context.titles + [s.text[:200] for s in sections[:3]]
    if year is None:
        titles = context.titles + [s.heading for s in sections]
        years = Counter(int(m) for t in titles for m in re.findall(r"((?:19|20)\d{2})\s*年", t))
        year = years.most_common(1)[0][0] if years else None
    if not name:
        for t in texts:
            m = re.match(r"^(.+?)(?:(?:19|20)\d{2})年(?:度)?(?:单位|部门)预算", squash(t))
            if m:
                name = m.group(1)
                break
    kinds = Counter(
        k
        for t in context.titles + [s.heading for s in sections]
        for k in re.findall(r"(?:^|年|预算)(单位|部门)", squash(t))
    )
    kind = kinds.most_common(1)[0][0] if kinds else "单位"
    return Unit(code=code, name=name or "", year=year, money_unit=money_unit, kind=kind)
