"""Frames for the dashboard: a Disclosure in, pandas DataFrames and small dataclasses out.

Pure Python (no Streamlit). Amount columns hold ``Money`` (exact ``Decimal``); every text
a chart or table shows is formatted here from the Decimal, so plotly only ever receives
floats as geometry (sector sizes, bar lengths), never as the figures people read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, Overflow, localcontext
from collections.abc import Iterable, Sequence

import pandas as pd

from budget.checks.quotes import Quote
from budget.checks.text import Passage, passage
from budget.checks.where import side_line, squash
from budget.model import (
    COLUMN_LABELS,
    Disclosure,
    Indicator,
    Line,
    Money,
    MoneyUnit,
    PerformanceProject,
    ProcurementLine,
    Table,
    TableKind,
    total_of,
)

MEASURES: dict[str, str] = {"total": "合计", "basic": "基本支出", "project": "项目支出"}
ROOT = "root"


# ---------------------------------------------------------------- formatting


def money_label(money: Money | None, with_unit: bool = True) -> str:
    """ "1,065.08 万元"; an unreported amount is shown as "—" (never as 0)."""
    return "—" if money is None else money.format(with_unit=with_unit)


def share(part: Money | None, whole: Money | None) -> Decimal | None:
    """part / whole in percent, exact then rounded to 0.1; None when undefined."""
    if part is None or whole is None or not whole.amount.is_finite() or whole.amount == 0:
        return None
    with localcontext() as context:
        # Absurd figures (a huge part of a tiny whole) give no share rather than an
        # overflow; quantize needs the percent to fit the context's 28 digits.
        context.traps[Overflow] = context.traps[InvalidOperation] = False
        percent = part.to(whole.unit).amount / whole.amount * 100
        if not percent.is_finite() or percent.adjusted() >= context.prec - 2:
            return None
        return percent.quantize(Decimal("0.1"), ROUND_HALF_UP)


def share_label(part: Money | None, whole: Money | None) -> str:
    value = share(part, whole)
    return "" if value is None else f"{value}%"


def _norm_code(code: str | None) -> str | None:
    return squash(code) or None


def parent_code(code: str) -> str | None:
    """Functional 项 (7 digits) -> 款 (5) -> 类 (3); economic 款 (5) -> 类 (3)."""
    if len(code) > 5:
        return code[:5]
    if len(code) > 3:
        return code[:3]
    return None


# ---------------------------------------------------------------- hierarchies


@dataclass(frozen=True)
class Node:
    id: str
    parent: str  # "" for the root
    name: str
    amount: Money | None
    code: str | None = None
    level: int = 0


@dataclass(frozen=True)
class Hierarchy:
    """A tree ready for a sunburst/treemap.

    ``frame`` columns: id, parent, code, name, level, amount (Money | None),
    value (float geometry), amount_label, share (Decimal | None), share_label, text.
    ``problems`` lists parents smaller than the sum of their children (Chinese
    sentences); the geometry then uses the children's sum so the chart still draws,
    while the labels keep the printed figure.
    """

    frame: pd.DataFrame
    total: Money | None
    problems: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return len(self.frame) <= 1


def build_hierarchy(nodes: Sequence[Node], root_name: str, root_amount: Money | None) -> Hierarchy:
    ids = {n.id for n in nodes}
    children: dict[str, list[Node]] = {}
    fixed: list[Node] = []
    for node in nodes:
        parent = node.parent if node.parent in ids else ROOT
        node = Node(node.id, parent, node.name, node.amount, node.code, node.level)
        fixed.append(node)
        children.setdefault(parent, []).append(node)

    problems: list[str] = []
    values: dict[str, float] = {}
    sums: dict[str, Money | None] = {}

    def child_sum(node_id: str) -> Money | None:
        return total_of([c.amount for c in children.get(node_id, [])])

    def visit(node: Node) -> float:
        # Children first, so a parent is drawn at least as large as its children: a
        # parent printed smaller than their sum (bad data) would make plotly drop it.
        below = sum(visit(c) for c in children.get(node.id, []))
        own = float(node.amount.amount) if node.amount is not None else 0.0
        summed = child_sum(node.id)
        sums[node.id] = summed
        if node.amount is not None and summed is not None and summed > node.amount:
            label = f"{node.code} {node.name}" if node.code else node.name
            problems.append(
                f"{label}：列示 {node.amount.format()}，小于下级合计 {summed.format()}，"
                f"相差 {(summed - node.amount).format()}"
            )
        values[node.id] = max(own, below)
        return values[node.id]

    total = root_amount
    if total is None:
        total = child_sum(ROOT)
    root = Node(ROOT, "", root_name, total)
    visit(root)

    rows = []
    for node in [root, *fixed]:
        amount_label = money_label(node.amount)
        share_text = share_label(node.amount, total) if node.id != ROOT else ""
        text = amount_label if not share_text else f"{amount_label}<br>{share_text}"
        rows.append(
            {
                "id": node.id,
                "parent": node.parent,
                "code": node.code,
                "name": node.name,
                "level": node.level,
                "amount": node.amount,
                "value": values[node.id],
                "amount_label": amount_label,
                "share": share(node.amount, total) if node.id != ROOT else None,
                "share_label": share_text,
                "text": text,
            }
        )
    return Hierarchy(pd.DataFrame(rows), total, tuple(problems))


def functional_hierarchy(d: Disclosure, measure: str = "total") -> Hierarchy:
    """类 → 款 → 项 of the expenditure table for one measure (total/basic/project).

    A row whose amount is blank or zero for the measure is left out (nothing to draw);
    a blank parent is kept when it has drawn children.
    """
    lines = [line for line in d.functional if _norm_code(line.code)]
    wanted: dict[str, Line] = {}
    for line in lines:
        code = _norm_code(line.code)
        amount = line.values.get(measure)
        if amount is not None and amount.amount > 0:
            wanted[code] = line
    # Keep the ancestors of every drawn row.
    by_code = {_norm_code(line.code): line for line in lines}
    for code in list(wanted):
        parent = parent_code(code)
        while parent:
            if parent in by_code and parent not in wanted:
                wanted[parent] = by_code[parent]
            parent = parent_code(parent)
    nodes = []
    for line in lines:
        code = _norm_code(line.code)
        if code not in wanted:
            continue
        amount = line.values.get(measure)
        nodes.append(
            Node(
                id=code,
                parent=parent_code(code) or ROOT,
                name=line.name,
                amount=amount if amount is not None and amount.amount > 0 else None,
                code=code,
                level=line.level or _level_of(code),
            )
        )
    root_amount = None
    table = d.table(TableKind.EXPENDITURE)
    total_line = table.total_line() if table else None
    if total_line is not None:
        root_amount = total_line.values.get(measure)
    return build_hierarchy(nodes, f"{MEASURES[measure]}", root_amount)


def _level_of(code: str) -> int:
    return {3: 1, 5: 2, 7: 3}.get(len(code), 0)


def economic_hierarchy(d: Disclosure) -> Hierarchy:
    """基本支出 → 人员经费 / 公用经费 → economic 类 → 款 (basic-expenditure table)."""
    table = d.table(TableKind.BASIC_ECONOMIC)
    total_line = table.total_line() if table else None
    nodes: list[Node] = []
    for key, label in (("personnel", "人员经费"), ("public", "公用经费")):
        part_total = total_line.values.get(key) if total_line else None
        part_nodes = []
        for line in d.economic:
            code = _norm_code(line.code)
            amount = line.values.get(key)
            if not code or amount is None or amount.amount <= 0:
                continue
            parent = parent_code(code)
            part_nodes.append(
                Node(
                    id=f"{key}/{code}",
                    parent=f"{key}/{parent}" if parent else key,
                    name=line.name,
                    amount=amount,
                    code=code,
                    level=(line.level or (1 if len(code) == 3 else 2)) + 1,
                )
            )
        if part_nodes or (part_total is not None and part_total.amount > 0):
            nodes.append(Node(key, ROOT, label, part_total, None, 1))
            for node in part_nodes:
                parent = node.parent if any(n.id == node.parent for n in part_nodes) else key
                nodes.append(Node(node.id, parent, node.name, node.amount, node.code, node.level))
    root_amount = total_line.total if total_line else None
    return build_hierarchy(nodes, "基本支出", root_amount)


def subtree_lines(d: Disclosure, sector: str | None) -> tuple[Line, ...]:
    """The functional rows of a sector (its own row and every row below it)."""
    if not sector or sector == ROOT:
        return tuple(line for line in d.functional if line.code)
    return tuple(line for line in d.functional if (code := _norm_code(line.code)) and code.startswith(sector))


# ---------------------------------------------------------------- tables of lines


def lines_frame(lines: Iterable[Line], keys: Sequence[str], unit: MoneyUnit, drop_blank: bool = True) -> pd.DataFrame:
    """Display frame: 科目编码, 科目名称 (indented by level), one formatted column per key.

    With ``drop_blank`` a money column that is blank in every row is left out.
    """
    lines = list(lines)
    if drop_blank:
        keys = [k for k in keys if any(line.values.get(k) is not None for line in lines)] or list(keys[:1])
    rows = []
    for line in lines:
        indent = "\u3000" * max((line.level or 1) - 1, 0)
        row = {"科目编码": _norm_code(line.code) or "", "科目名称": indent + line.name}
        for key in keys:
            row[f"{COLUMN_LABELS.get(key, key)}（{unit}）"] = (
                "" if (m := line.values.get(key)) is None else m.format(with_unit=False)
            )
        rows.append(row)
    columns = ["科目编码", "科目名称", *[f"{COLUMN_LABELS.get(k, k)}（{unit}）" for k in keys]]
    return pd.DataFrame(rows, columns=columns)


def functional_keys(d: Disclosure) -> list[str]:
    """The money columns the expenditure rows carry, in a sensible order."""
    present = {key for line in d.functional for key in line.values}
    order = ["total", "basic", "project", "operating_expense", "to_superior", "to_subsidiary"]
    return [k for k in order if k in present] or ["total"]


# ---------------------------------------------------------------- overview


@dataclass(frozen=True)
class Headline:
    label: str
    amount: Money | None
    share_label: str  # "占支出总计 26.7%" or ""

    @property
    def amount_label(self) -> str:
        return money_label(self.amount)


@dataclass(frozen=True)
class Overview:
    unit_name: str
    year: int | None
    money_unit: MoneyUnit
    kind: str
    headlines: tuple[Headline, ...]
    recognised_tables: int
    unknown_tables: int
    empty_tables: int
    projects: int
    indicators: int


def _side_total(table: Table | None, side: str, words: Sequence[str]) -> Money | None:
    """The total of one side of a 收支 table, found as the text rules find it (``side_line``),
    else the last printed total line of that side."""
    if table is None:
        return None
    for word in words:
        line = side_line(table, side, word, printed="total")
        if line is not None:
            return line.total
    for line in reversed(table.lines):
        if line.side == side and line.is_total and line.total is not None:
            return line.total
    return None


def income_total(d: Disclosure) -> Money | None:
    found = _side_total(d.table(TableKind.SUMMARY), "income", ("收入总计", "总计"))
    if found is None:
        table = d.table(TableKind.INCOME)
        line = table.total_line() if table else None
        found = line.total if line else None
    return found


def expenditure_line(d: Disclosure) -> Line | None:
    table = d.table(TableKind.EXPENDITURE)
    return table.total_line() if table else None


def expenditure_total(d: Disclosure) -> Money | None:
    line = expenditure_line(d)
    if line is not None and line.total is not None:
        return line.total
    return _side_total(d.table(TableKind.SUMMARY), "expenditure", ("支出总计", "总计"))


def procurement_total(d: Disclosure) -> Money | None:
    totals = [p.amount for p in d.procurement if p.is_total and p.amount is not None]
    if totals:
        return max(totals)
    return total_of([p.amount for p in d.procurement if not p.is_total])


def overview(d: Disclosure) -> Overview:
    spending = expenditure_total(d)
    line = expenditure_line(d)
    basic = line.basic if line else None
    project = line.project if line else None
    economic = d.table(TableKind.BASIC_ECONOMIC)
    economic_total = economic.total_line() if economic else None
    personnel = economic_total.personnel if economic_total else None
    public = economic_total.public if economic_total else None
    three = d.three_public.total if d.three_public else None
    procurement = procurement_total(d)

    def of_spending(m: Money | None) -> str:
        s = share_label(m, spending)
        return f"占支出总计 {s}" if s else ""

    def of_basic(m: Money | None) -> str:
        whole = economic_total.total if economic_total else basic
        s = share_label(m, whole)
        return f"占基本支出 {s}" if s else ""

    headlines = (
        Headline("收入总计", income_total(d), ""),
        Headline("支出总计", spending, ""),
        Headline("基本支出", basic, of_spending(basic)),
        Headline("项目支出", project, of_spending(project)),
        Headline("人员经费", personnel, of_basic(personnel)),
        Headline("公用经费", public, of_basic(public)),
        Headline("“三公”经费", three, of_spending(three)),
        Headline("政府采购", procurement, of_spending(procurement)),
    )
    return Overview(
        unit_name=d.unit.name,
        year=d.unit.year,
        money_unit=d.unit.money_unit,
        kind=d.unit.kind,
        headlines=headlines,
        recognised_tables=sum(1 for t in d.tables if t.kind != TableKind.UNKNOWN),
        unknown_tables=sum(1 for t in d.tables if t.kind == TableKind.UNKNOWN),
        empty_tables=sum(1 for t in d.tables if t.empty),
        projects=len(d.performance),
        indicators=sum(len(p.indicators) for p in d.performance),
    )


def by_class(d: Disclosure) -> pd.DataFrame:
    """One row per functional 类: code, name, total, basic, project (Money | None),
    with labels; sorted by total, largest first (for "where the money goes")."""
    spending = expenditure_total(d)
    rows = []
    for line in d.functional:
        code = _norm_code(line.code)
        if not code or (line.level or _level_of(code)) != 1:
            continue
        rows.append(
            {
                "code": code,
                "name": line.name,
                "total": line.total,
                "basic": line.basic,
                "project": line.project,
                "total_value": float(line.total.amount) if line.total else 0.0,
                "basic_value": float(line.basic.amount) if line.basic else 0.0,
                "project_value": float(line.project.amount) if line.project else 0.0,
                "total_label": money_label(line.total),
                "basic_label": money_label(line.basic),
                "project_label": money_label(line.project),
                "share_label": share_label(line.total, spending),
            }
        )
    frame = pd.DataFrame(
        rows,
        columns=[
            "code",
            "name",
            "total",
            "basic",
            "project",
            "total_value",
            "basic_value",
            "project_value",
            "total_label",
            "basic_label",
            "project_label",
            "share_label",
        ],
    )
    return frame.sort_values("total_value", ascending=False, kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------- narrative figures

THREE_PUBLIC_ITEMS: tuple[tuple[str, str], ...] = (
    ("total", "“三公”经费合计"),
    ("overseas", "因公出国（境）费"),
    ("vehicles", "公务用车购置及运行（维护）费"),
    ("vehicle_purchase", "其中：公务用车购置费"),
    ("vehicle_operation", "其中：公务用车运行（维护）费"),
    ("reception", "公务接待费"),
)

# The narrative figures of the comparisons below are the ones the TEXT-3PUB and
# TEXT-RUNNING rules compare (budget.checks.text.passage): one reading for the page and
# the 发布前检查, so they never disagree on what the narrative says.
_BOOK_KEYS = {"tp_total": "total"}  # the rule's figure key -> ThreePublic field


@dataclass(frozen=True)
class Comparison:
    """A table figure next to what the narrative says about it."""

    frame: pd.DataFrame  # 项目, 表内金额, 说明中金额, 是否一致 (labels) + amount columns
    sentence: str | None  # the narrative sentence the figures come from
    extra: tuple[Quote, ...]  # quoted items that match no table figure


def _compare_row(label: str, table: Money | None, quoted: Money | None) -> dict:
    if table is not None and quoted is not None:
        status = "一致" if quoted.to(table.unit).amount == table.amount else "不一致"
    elif quoted is None:
        status = "说明未提及"
    else:
        status = "表中未列示"
    return {
        "项目": label,
        "table": table,
        "quoted": quoted,
        "表内金额": money_label(table),
        "说明中金额": money_label(quoted),
        "核对": status,
    }


def three_public_comparison(d: Disclosure) -> Comparison:
    """The 三公 items as in the table, next to the figures quoted in the narrative."""
    tp = d.three_public
    said = passage(d, "TEXT-3PUB")
    quoted: dict[str, Money] = {}
    extra: list[Quote] = []
    for key, q in said.quotes:
        if key is None:
            extra.append(q)
        else:
            quoted.setdefault(_BOOK_KEYS.get(key, key), q.amount)
    rows = [_compare_row(label, getattr(tp, key) if tp else None, quoted.get(key)) for key, label in THREE_PUBLIC_ITEMS]
    return Comparison(_comparison_frame(rows), _passage_text(said), tuple(extra))


def _passage_text(said: Passage) -> str | None:
    return "\n".join(said.paragraphs) if said.paragraphs else None


def _comparison_frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["项目", "table", "quoted", "表内金额", "说明中金额", "核对"])


def running_costs_comparison(d: Disclosure) -> Comparison:
    """机关运行经费 and its items as quoted in the narrative, next to table figures:
    the total against the 三公 table's 机关运行经费 (when printed) or the basic table's
    公用经费; each item against the economic 款 of the same name."""
    said = passage(d, "TEXT-RUNNING")
    total = next((q for key, q in said.quotes if key == "running_costs"), None)
    economic = d.table(TableKind.BASIC_ECONOMIC)
    economic_total = economic.total_line() if economic else None
    if d.three_public and d.three_public.running_costs is not None:
        table_total, total_label = d.three_public.running_costs, "机关运行经费（三公经费表）"
    else:
        table_total = economic_total.public if economic_total else None
        total_label = "机关运行经费（对照基本支出表公用经费）"
    rows = [_compare_row(total_label, table_total, total.amount if total else None)]
    by_name = {squash(line.name): line for line in d.economic if line.code}
    extra = []
    for key, q in said.quotes:
        line = by_name.get(squash(q.label)) if key == "economic" else None
        if line is None:
            if q is not total:
                extra.append(q)
            continue
        figure = line.public if line.public is not None else line.total
        rows.append(_compare_row(f"{line.code} {line.name}", figure, q.amount))
    for q in extra:
        rows.append(_compare_row(q.label, None, q.amount))
    return Comparison(_comparison_frame(rows), _passage_text(said), tuple(extra))


# ---------------------------------------------------------------- performance

# One reading of a target for the whole app: the checks engineer's parser, so the
# 绩效目标 page and the 发布前检查 page never disagree on what is "quantified".
from budget.checks.performance import parse_target  # noqa: E402

_UPPER_OPS = {"≤", "<=", "＜=", "<", "＜", "小于等于", "不高于", "不多于", "不超过", "不大于", "小于", "低于", "至多"}


@dataclass(frozen=True)
class Flag:
    code: str
    severity: str  # "error" | "warning" | "info"
    text: str


def _is_cost(ind: Indicator) -> bool:
    return "成本" in (ind.level2 or "") or "成本" in (ind.level1 or "")


def _is_satisfaction(ind: Indicator) -> bool:
    return "满意" in (ind.level1 or "") or "满意" in (ind.level2 or "")


def indicator_flags(ind: Indicator, satisfaction_floor: Decimal = Decimal(85)) -> tuple[Flag, ...]:
    """Well-formedness of one indicator, as a reviewer would note it."""
    flags: list[Flag] = []
    target = (ind.target or "").strip()
    parsed = parse_target(target)
    if not target:
        flags.append(Flag("target_missing", "error", "指标值缺失"))
    elif parsed is None:
        flags.append(Flag("qualitative", "warning", "定性指标值，无法衡量"))
    else:
        if not parsed.unit:
            flags.append(Flag("unit_missing", "warning", "指标值缺少计量单位"))
        if _is_cost(ind) and (parsed.operator is None or parsed.unit not in ("万元", "元")):
            flags.append(Flag("cost_form", "warning", "成本指标应写成金额上限（如 ≤20万元）"))
        if _is_satisfaction(ind) and parsed.unit == "%" and parsed.number < satisfaction_floor:
            flags.append(Flag("satisfaction_low", "warning", f"满意度目标低于 {satisfaction_floor}%"))
    if not (ind.level1 or "").strip():
        flags.append(Flag("level1_missing", "warning", "缺少一级指标"))
    if not (ind.level2 or "").strip():
        flags.append(Flag("level2_missing", "warning", "缺少二级指标"))
    if not (ind.level3 or "").strip():
        flags.append(Flag("level3_missing", "warning", "缺少三级指标名称"))
    if not (ind.description or "").strip():
        flags.append(Flag("description_missing", "info", "缺少指标描述"))
    elif squash(ind.description) == squash(ind.level3):
        flags.append(Flag("description_copy", "info", "指标描述与指标名称相同"))
    if not (ind.basis or "").strip():
        flags.append(Flag("basis_missing", "info", "缺少指标值确定依据"))
    return tuple(flags)


def cost_cap(ind: Indicator, unit: MoneyUnit) -> Money | None:
    """The upper bound of a cost indicator ("≤5万元") in the document's unit."""
    if not _is_cost(ind):
        return None
    parsed = parse_target(ind.target)
    if parsed is None or parsed.operator not in _UPPER_OPS:
        return None
    if parsed.unit.startswith("万元"):
        return Money(parsed.number, MoneyUnit.WAN_YUAN).to(unit)
    if parsed.unit.startswith("元"):
        return Money(parsed.number, MoneyUnit.YUAN).to(unit)
    return None


@dataclass(frozen=True)
class ProjectView:
    index: int
    project: PerformanceProject
    groups: tuple[tuple[str, tuple[tuple[str, tuple[tuple[int, Indicator, tuple[Flag, ...]], ...]], ...]], ...]
    flag_count: int
    caps: tuple[tuple[Indicator, Money], ...]
    procurement: tuple[ProcurementLine, ...]
    notes: tuple[str, ...]  # project-level findings (a cap above the budget, no goals …)


def _goal_is_placeholder(goal: str) -> bool:
    return bool(re.search(r"目标内容\s*\d|XX|××|……", goal))


def project_procurement(d: Disclosure, name: str) -> tuple[ProcurementLine, ...]:
    key = squash(name)
    return tuple(p for p in d.procurement if not p.is_total and p.project and squash(p.project) == key)


def project_view(d: Disclosure, index: int, satisfaction_floor: Decimal = Decimal(85)) -> ProjectView:
    project = d.performance[index]
    unit = d.unit.money_unit
    level1_order: dict[str, dict[str, list]] = {}
    flag_count = 0
    caps = []
    for i, ind in enumerate(project.indicators):
        flags = indicator_flags(ind, satisfaction_floor)
        flag_count += sum(1 for f in flags if f.severity != "info")
        level1 = (ind.level1 or "").strip() or "（未填一级指标）"
        level2 = (ind.level2 or "").strip() or "（未填二级指标）"
        level1_order.setdefault(level1, {}).setdefault(level2, []).append((i, ind, flags))
        cap = cost_cap(ind, unit)
        if cap is not None:
            caps.append((ind, cap))
    groups = tuple((l1, tuple((l2, tuple(items)) for l2, items in l2s.items())) for l1, l2s in level1_order.items())
    procurement = project_procurement(d, project.name)
    budget = project.amount
    if budget is None:
        budgets = [p.project_amount for p in procurement if p.project_amount is not None]
        budget = budgets[0] if budgets else None
    notes = []
    for ind, cap in caps:
        if budget is not None and cap > budget.to(cap.unit):
            notes.append(f"成本上限 {cap.format()}（{ind.level3}）高于项目预算 {budget.format()}")
    if not project.goals:
        notes.append("未填写绩效目标")
    for goal in project.goals:
        if _goal_is_placeholder(goal):
            notes.append(f"绩效目标疑似占位文字：“{goal}”")
    return ProjectView(index, project, groups, flag_count, tuple(caps), procurement, tuple(notes))


def project_budget(d: Disclosure, view: ProjectView) -> Money | None:
    if view.project.amount is not None:
        return view.project.amount
    amounts = [p.project_amount for p in view.procurement if p.project_amount is not None]
    return amounts[0] if amounts else None


def procurement_frame(lines: Iterable[ProcurementLine], unit: MoneyUnit) -> pd.DataFrame:
    rows = [
        {
            "采购物品": p.item,
            "目录编码": p.catalogue_code or "",
            "数量": "" if p.quantity is None else f"{p.quantity:f}",
            "计量单位": p.measure or "",
            f"采购金额（{unit}）": money_label(p.amount, with_unit=False),
            f"项目预算（{unit}）": money_label(p.project_amount, with_unit=False),
        }
        for p in lines
    ]
    return pd.DataFrame(rows)


def checklist_frame(d: Disclosure, checked: set[tuple[int, int]]) -> pd.DataFrame:
    """Every indicator with its flags and whether the reviewer ticked it (for export)."""
    rows = []
    for p_index, project in enumerate(d.performance):
        for i_index, ind in enumerate(project.indicators):
            flags = indicator_flags(ind)
            rows.append(
                {
                    "项目": project.name,
                    "一级指标": ind.level1 or "",
                    "二级指标": ind.level2 or "",
                    "三级指标": ind.level3 or "",
                    "指标描述": ind.description or "",
                    "指标值": ind.target or "",
                    "确定依据": ind.basis or "",
                    "提示": "；".join(f.text for f in flags),
                    "已核对": "是" if (p_index, i_index) in checked else "否",
                }
            )
    return pd.DataFrame(
        rows,
        columns=["项目", "一级指标", "二级指标", "三级指标", "指标描述", "指标值", "确定依据", "提示", "已核对"],
    )
