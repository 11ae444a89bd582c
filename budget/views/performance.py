"""The 绩效目标 page: each project's indicators grouped, with flags, cost caps and procurement."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

# One reading of a target for the whole app: the check's parser, so the 绩效目标 page and
# the 发布前检查 page never disagree on what is "quantified".
from budget.checks.performance import parse_target
from budget.model import Disclosure, Indicator, Money, MoneyUnit, PerformanceProject, ProcurementLine
from budget.views.display import DisplayUnit, figure
from budget.vocabulary import money_label, squash

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


def procurement_frame(
    lines: Iterable[ProcurementLine], unit: MoneyUnit, display: DisplayUnit | None = None
) -> pd.DataFrame:
    """The procurement lines of a project; amounts as printed, or in ``display`` (two decimals)."""

    def amount(m: Money | None) -> str:
        return money_label(m, with_unit=False) if display is None else figure(m, display, with_unit=False)

    shown = display or unit
    rows = [
        {
            "采购物品": p.item,
            "目录编码": p.catalogue_code or "",
            "数量": "" if p.quantity is None else f"{p.quantity:f}",
            "计量单位": p.measure or "",
            f"采购金额（{shown}）": amount(p.amount),
            f"项目预算（{shown}）": amount(p.project_amount),
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
