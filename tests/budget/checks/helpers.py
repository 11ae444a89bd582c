"""Helpers that change one thing in the real parsed seed (dataclasses.replace)."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from budget.checks import CATALOGUE, RuleResult, Settings, run_rule
from budget.checks.core import Context
from budget.model import Disclosure, Line, Money, TableKind


def result(doc: Disclosure, rule_id: str, settings: Settings | None = None) -> RuleResult:
    rule = next(r for r in CATALOGUE if r.id == rule_id)
    return run_rule(rule, Context(doc, settings or Settings()))


def places(res: RuleResult) -> set[tuple]:
    """(table or section, row, column, severity) of every finding: what tests assert on."""
    return {
        (f.location.table or f.location.section, f.location.row, f.location.column, f.severity.value)
        for f in res.findings
    }


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _matches(line: Line, row: str, side: str | None) -> bool:
    return (line.code == row or _squash(line.name) == row) and (side is None or line.side == side)


def set_values(doc: Disclosure, kind: TableKind, row: str, side: str | None = None, **values: str | None) -> Disclosure:
    """The document with some amounts of one row of one table replaced."""
    table = doc.table(kind)
    assert table is not None
    unit = table.money_unit or doc.unit.money_unit
    changed = 0
    lines = []
    for line in table.lines:
        if _matches(line, row, side):
            new = dict(line.values)
            for key, amount in values.items():
                new[key] = None if amount is None else Money(Decimal(amount), unit)
            line = replace(line, values=new)
            changed += 1
        lines.append(line)
    assert changed, f"no row {row} in {kind}"
    return with_table(doc, kind, replace(table, lines=tuple(lines)))


def rename_line(
    doc: Disclosure, kind: TableKind, row: str, name: str | None = None, code: str | None = None
) -> Disclosure:
    table = doc.table(kind)
    lines = tuple(
        replace(ln, name=name or ln.name, code=code or ln.code) if _matches(ln, row, None) else ln for ln in table.lines
    )
    return with_table(doc, kind, replace(table, lines=lines))


def with_table(doc: Disclosure, kind: TableKind, table) -> Disclosure:
    tables = tuple(table if t.kind == kind and t is doc.table(kind) else t for t in doc.tables)
    return replace(doc, tables=tables)


def edit_table(doc: Disclosure, kind: TableKind, **fields) -> Disclosure:
    """The document with some fields (lines, note, unit_line …) of its table of one kind replaced."""
    return with_table(doc, kind, replace(doc.table(kind), **fields))


def edit_three_public(doc: Disclosure, **fields) -> Disclosure:
    """The document with some figures of its 三公 table replaced."""
    return replace(doc, three_public=replace(doc.three_public, **fields))


def without_table(doc: Disclosure, kind: TableKind) -> Disclosure:
    return replace(doc, tables=tuple(t for t in doc.tables if t.kind != kind))


def edit_text(doc: Disclosure, heading_part: str, old: str, new: str) -> Disclosure:
    """Replace ``old`` by ``new`` in the section whose heading contains ``heading_part``."""
    sections = []
    done = False
    for section in doc.sections:
        if not done and heading_part in section.heading:
            if old in section.heading:
                section = replace(section, heading=section.heading.replace(old, new, 1))
                done = True
            elif old in section.text:
                section = replace(section, text=section.text.replace(old, new, 1))
                done = True
        sections.append(section)
    assert done, f"{old!r} not found under {heading_part!r}"
    return replace(doc, sections=tuple(sections))


def without_section(doc: Disclosure, heading_part: str) -> Disclosure:
    return replace(doc, sections=tuple(s for s in doc.sections if heading_part not in s.heading))


def edit_project(doc: Disclosure, name: str, **fields) -> Disclosure:
    projects = tuple(replace(p, **fields) if p.name == name else p for p in doc.performance)
    assert projects != doc.performance
    return replace(doc, performance=projects)


def without_goals(doc: Disclosure, name: str) -> Disclosure:
    """The project with no goal: none read, and its form's 绩效目标 row left blank."""
    project = next(p for p in doc.performance if p.name == name)
    assert project.table is not None
    table = doc.tables[project.table]

    def blank(rows):
        return tuple(
            (row[0], *("" for _ in row[1:])) if row and re.search(r"目标$", row[0].strip()) else row for row in rows
        )

    blanked = replace(table, header=blank(table.header), rows=blank(table.rows))
    assert blanked != table, f"no goal row in the form of {name}"
    tables = tuple(blanked if i == project.table else t for i, t in enumerate(doc.tables))
    return edit_project(replace(doc, tables=tables), name, goals=())


def edit_indicator(doc: Disclosure, project: str, level3: str, **fields) -> Disclosure:
    p = next(p for p in doc.performance if p.name == project)
    indicators = tuple(replace(i, **fields) if i.level3 == level3 else i for i in p.indicators)
    assert indicators != p.indicators, f"no indicator {level3} in {project}"
    return edit_project(doc, project, indicators=indicators)


def money(doc: Disclosure, amount: str) -> Money:
    return Money(Decimal(amount), doc.unit.money_unit)
