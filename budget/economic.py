"""Basic expenditure by the economic classification: 人员经费 and 公用经费.

A basic-expenditure table prints 合计 | 人员经费 | 公用经费, or (广州, 深圳) only 合计 by
economic 类 and 款. Then the parts follow from the codes of 部门预算支出经济分类: 人员经费 is
301 工资福利支出 and 303 对个人和家庭的补助, 公用经费 every other class (302 商品和服务支出,
310 资本性支出 …). The 基本与项目 page draws that split and the check compares 机关运行经费
with it; both read it here, so they cannot disagree.

Measured on the corpus (76 files printing both columns, the printed 公用经费合计 against
basic total − 301 − 303): equal within rounding in 44 (上海 21 of 22, 无锡 12, 普陀 2, 武汉 2,
重庆 3 of 8, 西安 4 of 23); the printed figure is smaller in 22 (西安 19 count 30239 其他交通费用
as 人员经费, 长沙 3 also 30228 工会经费 and 30299), larger in 10 (重庆 5 count 30307 医疗费补助
as 公用经费, 湖州 4 and shanghai_14 30399). A derived figure is a convention, not the
document's word: a finding that rests on it is a warning.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from budget.checks.amounts import compare_sum
from budget.model import Disclosure, Line, Money, Table, TableKind, total_of
from budget.vocabulary import clean_code, level_of_code, parent_code

# 人员经费 by the economic classification; every other class of basic expenditure is 公用经费.
PERSONNEL_CLASSES = frozenset({"301", "303"})
PARTS = (("personnel", "人员经费"), ("public", "公用经费"))


def part_of(code: str) -> str:
    """Which part of basic expenditure a 部门 economic code belongs to: personnel or public."""
    return "personnel" if code[:3] in PERSONNEL_CLASSES else "public"


def is_department_economic(code: str) -> bool:
    """A 部门预算支出经济分类 code: 类 301–399 (3 digits) or its 款 (5 digits)."""
    return len(code) in (3, 5) and code.isdigit() and "301" <= code[:3] <= "399"


def economic_table(d: Disclosure) -> Table | None:
    """The table the economic rows come from (``d.economic_table``: the basic-expenditure
    table, or 深圳's 一般公共预算支出表 by economic class), else the basic-expenditure table."""
    if d.economic_table is not None and 0 <= d.economic_table < len(d.tables):
        return d.tables[d.economic_table]
    return d.table(TableKind.BASIC_ECONOMIC)


def basic_of(line: Line) -> Money | None:
    """A row's basic spending: its 基本支出 column where the table prints one (合计 | 基本支出 |
    项目支出 by economic class), else its 合计 (a basic-expenditure table: all of it is basic)."""
    return line.values["basic"] if "basic" in line.values else line.values.get("total")


def one_per_code(lines: Sequence[Line], total: Money | None = None) -> list[Line]:
    """One row per code, the rows of a code printed several times summed exactly: a table
    printed per 预算单位 (深圳 shenzhen_02 lists 205 教育支出 for each of its 19 units) or a
    code split over two rows (西安's 30101 by 政府经济科目). Repeated codes would repeat a
    chart's ids (plotly draws nothing then) and count a figure twice. When the table also
    prints a summary block (the first unit's 类 rows already add up to ``total`` and the
    sum of every unit's would exceed it), the summary is kept instead of adding it to its parts."""
    codes = [clean_code(line.code) for line in lines]
    if len(set(filter(None, codes))) == len(list(filter(None, codes))):
        return list(lines)
    first_unit = lines[0].unit if lines else None
    if total is not None and first_unit is not None:
        first = [line for line in lines if line.unit == first_unit and level_of_code(clean_code(line.code) or "") == 1]
        every = [line for line in lines if level_of_code(clean_code(line.code) or "") == 1]
        first_sum, every_sum = total_of([line.total for line in first]), total_of([line.total for line in every])
        if (
            first_sum is not None
            and every_sum is not None
            and not compare_sum(total, [line.total for line in first]).mismatch
            and compare_sum(total, [line.total for line in every]).mismatch
        ):
            return [line for line in lines if line.unit == first_unit]
    merged: dict[str, Line] = {}
    order: list[str | Line] = []
    for line, code in zip(lines, codes, strict=True):
        if not code:
            order.append(line)
            continue
        if code not in merged:
            merged[code] = line
            order.append(code)
            continue
        kept = merged[code]
        if _printed_again(kept, line):
            continue
        keys = dict.fromkeys([*kept.values, *line.values])
        values = {k: total_of([kept.values.get(k), line.values.get(k)]) for k in keys}
        merged[code] = replace(kept, values={k: v for k, v in values.items() if v is not None}, unit=None)
    return [merged[item] if isinstance(item, str) else item for item in order]


def _printed_again(kept: Line, line: Line) -> bool:
    """The next row repeats the line: same unit, name and figures (无锡 prints a 项 under
    the 款 code 21999 with the 款's own figures). One line, not two to add."""
    return line.unit == kept.unit and line.name == kept.name and line.values == kept.values and line.row == kept.row + 1


def economic_rows(d: Disclosure) -> list[Line]:
    """The economic rows, one per code."""
    table = economic_table(d)
    total_line = table.total_line() if table else None
    return one_per_code(d.economic, total_line.total if total_line else None)


def split_by_part(d: Disclosure) -> bool:
    """Whether the economic table prints 人员经费 / 公用经费."""
    return any(line.values.get(k) is not None for line in d.economic for k in ("personnel", "public"))


def split_source(d: Disclosure) -> str | None:
    """Where the 人员经费 / 公用经费 split comes from: "printed" (the table's columns),
    "derived" (the table has no such columns; every coded row with basic spending is a
    部门 economic code, 301–399, so its class says its part), or None (no economic rows,
    or codes of another classification, such as 政府预算经济分类 50101, whose classes do
    not map one to one onto the parts)."""
    if split_by_part(d):
        return "printed"
    coded = [code for line in d.economic if (code := clean_code(line.code)) and basic_of(line) is not None]
    if coded and all(is_department_economic(code) for code in coded):
        return "derived"
    return None


def part_rows(lines: Sequence[Line], key: str, amount_of: Callable[[Line], Money | None]) -> list[tuple[Line, Money]]:
    """The coded rows of one part (personnel or public) with a positive amount, each with it."""
    found = []
    for line in lines:
        code = clean_code(line.code)
        amount = amount_of(line)
        if code and amount is not None and amount.amount > 0 and part_of(code) == key:
            found.append((line, amount))
    return found


def part_sum(rows: Sequence[tuple[Line, Money]]) -> Money | None:
    """The exact sum of a part's top rows: its 类, or a 款 whose 类 is not printed."""
    codes = {clean_code(line.code) for line, _amount in rows}
    return total_of([amount for line, amount in rows if parent_code(clean_code(line.code) or "") not in codes])


def derived_parts(d: Disclosure) -> dict[str, Money | None]:
    """人员经费 and 公用经费 of basic expenditure from the codes (``split_source`` is
    "derived"), else {}."""
    if split_source(d) != "derived":
        return {}
    rows = economic_rows(d)
    return {key: part_sum(part_rows(rows, key, basic_of)) for key, _label in PARTS}


def project_by_economic(d: Disclosure) -> tuple[Table, list[Line], Callable[[Line], Money | None]] | None:
    """Project spending by economic class, where printed: the economic table's 项目支出 column
    (深圳's 一般公共预算支出表 by economic class), else a project table whose coded rows
    are all 部门 economic codes (广州's 一般公共预算项目支出情况表（按经济分类科目）)."""
    table = economic_table(d)
    if table is not None and any("project" in line.values for line in d.economic):
        return table, economic_rows(d), lambda line: line.values.get("project")
    for table in d.tables_of(TableKind.PROJECT):
        codes = [code for line in table.lines if (code := clean_code(line.code))]
        # economic codes only (广州 adds 512 债务还本支出 of 政府预算支出经济分类); a functional
        # 类 is 201–235, a project table by project has longer codes or none
        economic_codes = all(len(code) in (3, 5) and code.isdigit() and code[:3] >= "301" for code in codes)
        if (
            codes
            and economic_codes
            and any(is_department_economic(code) for code in codes)
            and "total" in table.column_keys
        ):
            total_line = table.total_line()
            lines = one_per_code(table.coded_lines(), total_line.total if total_line else None)
            return table, lines, lambda line: line.values.get("total")
    return None


# What project money may pay of 机关运行经费 where a province counts it there: goods and
# services and the purchases of assets (302 商品和服务支出, 310 资本性支出); 312 对企业补助,
# 307 债务利息 … are no cost of running the organ.
RUNNING_PROJECT_CLASSES = frozenset({"302", "310"})


def derived_public_with_project(d: Disclosure) -> Money | None:
    """The derived 公用经费 of basic expenditure plus project spending on 302 商品和服务支出
    and 310 资本性支出, for a table without a 公用经费 column; None without the project part
    by economic class. Some provinces (广东) count project money in 机关运行经费 (their 名词解释
    lists the economic 款 whose "预算资金" it is): basic 公用经费 alone is then no upper
    limit for it (广州, 深圳: above it in 33 of 54 files, above this sum in none)."""
    if split_source(d) != "derived":
        return None
    project = project_by_economic(d)
    if project is None:
        return None
    _table, lines, amount_of = project
    basic = derived_parts(d).get("public")
    running = [line for line in lines if (clean_code(line.code) or "")[:3] in RUNNING_PROJECT_CLASSES]
    return total_of([basic, part_sum(part_rows(running, "public", amount_of))])
