"""The unit (单位/部门) a disclosure is about: code, name, year, and 预算 or 决算."""

from __future__ import annotations

import re
from collections import Counter

from budget.model import MoneyUnit, Section, Table, Unit
from loaders.recognize.assemble import Gathered
from loaders.recognize.classify import title_words
from loaders.recognize.text import PREPARER, UNIT_CODE_NAME, squash

# ---------------------------------------------------------------- the unit

_YEAR = r"(?:19|20)\d{2}年度?"
_BUDGET = r"(?:市级|区级|县级|省级)?(?:部门|单位)(?:综合|整体)?(?:预算|决算)"
# "2026年深圳市信访局部门预算", "西安市住房和城乡建设局2022年部门综合预算", "湖州市…局2026年部门预算"
_NAME_AFTER_YEAR = re.compile(rf"^{_YEAR}(?P<name>.+?)(?:{_YEAR})?{_BUDGET}")
_NAME_BEFORE_YEAR = re.compile(rf"^(?P<name>.+?){_YEAR}{_BUDGET}")
# Headings that are never a unit's name: "第二部分", "附件2", "目录", a numbered heading.
_NOT_A_NAME = re.compile(
    r"^(?:第[一二三四五六七八九十\d]+(?:部分|章|节)|附件\d*|附表\d*|目录|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d+[、.．])"
)


_PART_PREFIX = re.compile(r"^.*第[一二三四五六七八九十\d]+(?:部分|章|节)")
_NOT_NAME_WORDS = re.compile(r"预算|决算|公开|说明|目录|解释|情况|单位：|^\d")


def _clean_name(name: str | None) -> str | None:
    """A candidate name without a leading part heading; None when nothing like a name is left."""
    if not name:
        return None
    name = name.strip(" ：:，,。")
    name = _PART_PREFIX.sub("", name)  # "名词解释第二部分2026年…"
    while True:
        m = _NOT_A_NAME.match(name)
        if not m:
            break
        name = name[m.end() :].strip(" ：:")
    if not 2 <= len(name) <= 50 or _NOT_NAME_WORDS.search(name):
        return None
    return name


_LINE_PIECES = re.compile(r"\s{2,}|\s(?=预算年度|单位[:：]|截止)")
_BUDGET_YEAR = re.compile(r"预算年度\s*[:：]\s*(\d{4})")
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_NAME_BEFORE_TITLE_YEAR = re.compile(r"^(.+?)(?:(?:19|20)\d{2})年(?:度)?(?:单位|部门)(?:综合|整体)?[预决]算")
_UNIT_OR_DEPARTMENT_WORD = re.compile(r"(?:^|年|年度|预算|决算)(单位|部门)")
_KIND_BEFORE_BUDGET = re.compile(r"(单位|部门)(?:综合|整体)?[预决]算")


def unit(context: Gathered, tables: list[Table], sections: list[Section], money_unit: MoneyUnit) -> Unit:
    code = name = None
    year = None
    for line in [t.unit_line for t in tables if t.unit_line] + context.unit_lines:
        for part in _LINE_PIECES.split(line):
            part = part.strip()
            m = UNIT_CODE_NAME.match(part)
            if m and not name and "：" not in part and ":" not in part:
                code, name = m.group(1), _clean_name(m.group(2).strip())
            p = PREPARER.search(part)
            if p and not name:
                name = _clean_name(p.group(1).strip())
            y = _BUDGET_YEAR.search(part)
            if y and year is None:
                year = int(y.group(1))
        if name and year:
            break
    if not name:
        name = _cover_name(context.cover)
    texts = [s.heading for s in sections] + context.titles + [s.text[:200] for s in sections[:3]]
    if year is None:
        titles = context.cover + context.titles + [s.heading for s in sections]
        years = Counter(int(m) for t in titles for m in _TITLE_YEAR.findall(t))
        year = years.most_common(1)[0][0] if years else None
    if not name:
        for t in texts:
            m = _NAME_BEFORE_TITLE_YEAR.match(squash(t))
            if m and _clean_name(m.group(1)):
                name = _clean_name(m.group(1))
                break
    if not name:
        name = _name_in_duties(sections) or _name_in_forms(tables)
    kinds = Counter(
        k for t in context.titles + [s.heading for s in sections] for k in _UNIT_OR_DEPARTMENT_WORD.findall(squash(t))
    )
    if not kinds:  # no title says it: the cover's "…部门预算" does
        kinds = Counter(k for t in context.cover + context.titles for k in _KIND_BEFORE_BUDGET.findall(squash(t)))
    kind = kinds.most_common(1)[0][0] if kinds else "单位"
    return Unit(code=code, name=name or "", year=year, money_unit=money_unit, kind=kind, stage=_stage(context, tables))


def _cover_name(cover: list[str]) -> str | None:
    """The unit named on the cover: "预算单位：…", or the name around the year in the
    cover's title, which is often set over two lines ("2026年" / "…部门预算")."""
    text = "".join(squash(t) for t in cover)
    p = PREPARER.search(text)
    if p and _clean_name(p.group(1)):
        return _clean_name(p.group(1))
    for start in range(len(cover)):
        joined = "".join(squash(t) for t in cover[start : start + 3])
        for pattern in (_NAME_AFTER_YEAR, _NAME_BEFORE_YEAR):
            m = pattern.match(joined)
            if m and _clean_name(m.group("name")):
                return _clean_name(m.group("name"))
    return None


# "北京市气象局属于公益性事业单位，职责是…", "深圳市信访局的主要职责是…": the first
# sentence of the 职责 part names the unit, ending in an organisation's word.
_ORGANISATION = re.compile(
    r"^(?:[（(][一二三四五六七八九十]+[）)])?(?P<name>[\u4e00-\u9fff（）()]{2,40}?"
    r"(?:局|委员会|委|办公室|厅|院|中心|部|所|站|馆|处|会|社|队|学校|学院|大学|园|场|台|室))"
    r"(?:属于|是|为|的主要职责|主要职责|职责|负责|成立于|系)"
)


_DUTIES_HEADING = re.compile(r"职责|职能|概况|基本情况")


def _name_in_duties(sections: list[Section]) -> str | None:
    for section in sections:
        if not _DUTIES_HEADING.search(squash(section.heading)):
            continue
        m = _ORGANISATION.match(squash(section.text[:80]))
        if m and _clean_name(m.group("name")):
            return _clean_name(m.group("name"))
    return None


_NAME_LABEL = re.compile(r"(?:预算)?(?:部门|单位)(?:[（(]单位[）)])?名称")


def _name_in_forms(tables: list[Table]) -> str | None:
    """A form's "部门名称 | 北京市气象局" row (绩效目标表, 整体支出表)."""
    for table in tables:
        for row in table.header + table.rows:
            cells = [c for c in row if c]
            for label, value in zip(cells, cells[1:], strict=False):
                if _NAME_LABEL.fullmatch(squash(label)) and _clean_name(value):
                    return _clean_name(value)
    return None


_BUDGET_TABLE_WORD = re.compile(r"预算(?:表|总表|明细表|情况表)")
_FINAL_ACCOUNTS_COVER = re.compile(r"(?:部门|单位)决算")
_BUDGET_COVER = re.compile(r"(?:部门|单位)(?:综合)?预算")


def _stage(context: Gathered, tables: list[Table]) -> str:
    """决算 when the tables say so ("收入支出决算总表", "…支出决算表") more often than 预算
    ("…预算表"), or when the cover names a 决算 and no table says 预算."""
    words = [title_words(t.title) for t in tables]
    final = sum(1 for w in words if "决算" in w)
    budget = sum(1 for w in words if _BUDGET_TABLE_WORD.search(w) and "决算" not in w)
    if final != budget:
        return "决算" if final > budget else "预算"
    cover = "".join(squash(t) for t in context.cover)
    said_final = _FINAL_ACCOUNTS_COVER.search(cover) and not _BUDGET_COVER.search(cover)
    return "决算" if said_final else "预算"
