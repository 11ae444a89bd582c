"""The 绩效目标 page: each project's indicators grouped, with the check's findings, cost caps and procurement."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pandas as pd

# The check is the one judge: the flags are its findings, the caps its reading of a target.
from budget.checks.core import CheckReport, Finding
from budget.checks.performance import cost_cap as check_cost_cap
from budget.checks.performance import is_cost, listed_with_goals_only, lists_goals_only
from budget.model import (
    Disclosure,
    Indicator,
    Money,
    MoneyUnit,
    PerformanceProject,
    ProcurementLine,
    Section,
    Table,
    TableKind,
)
from budget.views.check import findings_at
from budget.views.display import DisplayUnit, figure
from budget.views.messages import message
from budget.vocabulary import money_label, squash


@dataclass(frozen=True)
class Flag:
    """What the 发布前检查 says of one indicator or project (a finding, as the check page shows it)."""

    code: str  # the rule id
    severity: str  # "error" | "warning" | "info"
    text: str  # the finding's message


def _flag(finding: Finding, lang: str = "zh") -> Flag:
    return Flag(finding.rule, finding.severity.value, message(finding, lang))


def _of_project(project: PerformanceProject) -> Callable[[Finding], bool]:
    def where(f: Finding) -> bool:
        return f.location.table_index == project.table and f.location.project == project.name

    return where


def project_findings(report: CheckReport, project: PerformanceProject) -> tuple[Finding, ...]:
    """Every finding of the check about one project's form: its indicators (PERF-*, and the
    text rules that read them: placeholders, brackets …) and its goals."""
    rules = {r.rule.id for r in report.results}
    return findings_at(report, rules, _of_project(project))


def cost_cap(ind: Indicator, unit: MoneyUnit) -> Money | None:
    """The upper bound of a cost indicator ("≤5万元") in the document's unit, as the
    check reads it for PERF-COST-CAP."""
    if not is_cost(ind):
        return None
    cap = check_cost_cap(ind)
    return cap.to(unit) if cap is not None else None


@dataclass(frozen=True)
class ProjectView:
    index: int
    project: PerformanceProject
    groups: tuple[tuple[str, tuple[tuple[str, tuple[tuple[int, Indicator, tuple[Flag, ...]], ...]], ...]], ...]
    flag_count: int
    caps: tuple[tuple[Indicator, Money], ...]
    procurement: tuple[ProcurementLine, ...]
    notes: tuple[str, ...]  # the check's findings about the project as a whole (no goals, a cap above its money …)


def project_procurement(d: Disclosure, name: str) -> tuple[ProcurementLine, ...]:
    key = squash(name)
    return tuple(p for p in d.procurement if not p.is_total and p.project and squash(p.project) == key)


# Found at an indicator's row, but about the project's money: a note of the project.
PROJECT_RULES = ("PERF-COST-CAP",)


def checklists_and_goal_lists(d: Disclosure) -> tuple[list[int], list[Table]]:
    """The projects that get a checklist (their indexes), and the performance tables shown as
    printed: the lists of projects with their goals in words and no indicators (深圳's and
    广州's 重点项目绩效目标), nothing to tick off; where no project has a checklist, every
    performance table the reader made none of."""
    forms = [i for i, p in enumerate(d.performance) if not listed_with_goals_only(d, p)]
    checked = {d.performance[i].table for i in forms}
    tables = [
        table
        for index, table in enumerate(d.tables)
        if table.kind == TableKind.PERFORMANCE
        and not table.empty
        and index not in checked
        and (not forms or lists_goals_only(table))
    ]
    return forms, tables


# A narrative section on the goals: "四、绩效目标设置情况" (上海), "十五、预算绩效目标设置情况
# 说明" (无锡), "六、部门预算绩效目标说明" (西安). The glossary's entry on 绩效目标 is under 名词解释.
_GOALS_HEADING = re.compile(r"绩效")


def goal_passages(d: Disclosure) -> list[Section]:
    """The narrative's sections on performance goals that say something: what a document
    printing no performance table tells of its goals (how many projects, how much money,
    which ones). A contents line ("十二、项目支出绩效目标表") is a heading with no text."""
    return [s for s in d.sections if _GOALS_HEADING.search(s.heading) and s.text.strip()]


def project_view(d: Disclosure, report: CheckReport, index: int, lang: str = "zh") -> ProjectView:
    """One project's indicators grouped by level, each with the check's findings on its
    row (severity and message as the 发布前检查 gives them, with the user's settings the
    check was run with, the message in ``lang``); the project's own findings as notes."""
    project = d.performance[index]
    unit = d.unit.money_unit
    rows: dict[int, list[Flag]] = {}
    notes = []
    indicator_rows = {ind.row for ind in project.indicators if ind.row is not None}
    of_project = _of_project(project)
    for finding in project_findings(report, project):
        # a defect the check folded over several rows or forms (the same words as the target of
        # many indicators) flags each of its places on this form, with its one message
        at = [
            f.location.row_index
            for f in (finding, *finding.consequences)
            if of_project(f) and f.location.row_index in indicator_rows
        ]
        if at and finding.rule not in PROJECT_RULES:
            for row in dict.fromkeys(at):
                rows.setdefault(row, []).append(_flag(finding, lang))
        else:
            notes.append(message(finding, lang))
    level1_order: dict[str, dict[str, list]] = {}
    flag_count = 0
    caps = []
    for i, ind in enumerate(project.indicators):
        flags = tuple(rows.pop(ind.row, ())) if ind.row is not None else ()
        flag_count += sum(1 for f in flags if f.severity != "info")
        level1 = (ind.level1 or "").strip() or "（未填一级指标）"
        level2 = (ind.level2 or "").strip() or "（未填二级指标）"
        level1_order.setdefault(level1, {}).setdefault(level2, []).append((i, ind, flags))
        cap = cost_cap(ind, unit)
        if cap is not None:
            caps.append((ind, cap))
    groups = tuple((l1, tuple((l2, tuple(items)) for l2, items in l2s.items())) for l1, l2s in level1_order.items())
    procurement = project_procurement(d, project.name)
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


def checklist_frame(
    d: Disclosure, report: CheckReport, checked: set[tuple[int, int]], lang: str = "zh"
) -> pd.DataFrame:
    """Every indicator with the check's findings on it (in ``lang``) and whether the reviewer ticked it (for export)."""
    rows = []
    for p_index, project in enumerate(d.performance):
        view = project_view(d, report, p_index, lang)
        flagged = {i: flags for _, items in view.groups for _, entries in items for i, _, flags in entries}
        for i_index, ind in enumerate(project.indicators):
            flags = flagged.get(i_index, ())
            rows.append(
                {
                    "项目": project.label,
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
