"""Several files of one disclosure -> one Disclosure.

Some units publish a disclosure in parts: Beijing prints the 情况说明 (附件1) and the
报表 (附件2) as two PDFs, others put the 绩效目标表 or the 政府采购 tables in a file of
their own. Each part is read on its own (a narrative-only part is valid); ``join`` puts
them together in the order given: the tables and sections one after another, the unit
from the parts that name it, the functional and economic rows from the part that prints
them. Parts of different units or years are refused, as is the same file twice.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace

from budget.model import Disclosure, Line, PerformanceProject, Section, Source, Table, Unit
from loaders.blocks import LoadError
from loaders.recognize.text import squash


def _same_unit(a: str, b: str) -> bool:
    """Names as printed by two parts: equal, or one the other with a qualifier ("（本级）")."""
    a, b = squash(a), squash(b)
    return not a or not b or a == b or a in b or b in a


def _unit(parts: Sequence[Disclosure]) -> Unit:
    names = [p.unit.name for p in parts if p.unit.name]
    years = {p.unit.year for p in parts if p.unit.year is not None}
    for name in names[1:]:
        if not _same_unit(names[0], name):
            raise LoadError(
                f"这些文件不是同一单位的公开文件（“{names[0]}”和“{name}”），不能合并为一份。",
                "the files are not of the same unit",
            )
    if len(years) > 1:
        shown = "、".join(str(y) for y in sorted(years))
        raise LoadError(
            f"这些文件不是同一年度的公开文件（{shown}年），不能合并为一份。", "the files are of different years"
        )
    # The part with tables says the money unit and the stage; the narrative says best
    # whether it is a 单位 or a 部门; the longest name is the fullest.
    main = max(parts, key=lambda p: len(p.tables))
    narrative = max(parts, key=lambda p: len(p.sections))
    return Unit(
        code=next((p.unit.code for p in parts if p.unit.code), None),
        name=max(names, key=len) if names else "",
        year=next(iter(years), None),
        money_unit=main.unit.money_unit,
        kind=narrative.unit.kind,
        stage=main.unit.stage,
    )


def join(parts: Sequence[Disclosure]) -> Disclosure:
    """One disclosure from its parts, in the order given; a single part is itself."""
    if not parts:
        raise LoadError("没有要合并的文件。", "nothing to join")
    if len(parts) == 1:
        return parts[0]
    seen: set[str] = set()
    for part in parts:
        if part.source.sha256 in seen:
            raise LoadError(f"同一个文件（{part.source.name}）选了两次。", "the same file was given twice")
        seen.add(part.source.sha256)
    unit = _unit(parts)
    tables: list[Table] = []
    sections: list[Section] = []
    performance: list[PerformanceProject] = []
    notes: list[str] = []
    functional_table = economic_table = None
    functional: tuple[Line, ...] = ()
    economic: tuple[Line, ...] = ()
    for part in parts:
        offset = len(tables)
        tables += part.tables
        sections += part.sections
        performance += [replace(p, table=None if p.table is None else p.table + offset) for p in part.performance]
        notes += [f"{part.source.name}：{note}" for note in part.notes]
        if not functional and part.functional:
            functional, functional_table = part.functional, _shifted(part.functional_table, offset)
        if not economic and part.economic:
            economic, economic_table = part.economic, _shifted(part.economic_table, offset)
    digest = hashlib.sha256("".join(p.source.sha256 for p in parts).encode("ascii")).hexdigest()
    source = Source(" + ".join(p.source.name for p in parts), parts[0].source.format, digest)
    return Disclosure(
        source=source,
        unit=unit,
        tables=tuple(tables),
        sections=tuple(sections),
        functional=functional,
        economic=economic,
        three_public=next((p.three_public for p in parts if p.three_public is not None), None),
        performance=tuple(performance),
        procurement=next((p.procurement for p in parts if p.procurement), ()),
        assets=next((p.assets for p in parts if p.assets), ()),
        organisations=next((p.organisations for p in parts if p.organisations), ()),
        notes=tuple(notes),
        functional_table=functional_table,
        economic_table=economic_table,
        parts=tuple(p.source for p in parts),
    )


def _shifted(index: int | None, offset: int) -> int | None:
    return None if index is None else index + offset
