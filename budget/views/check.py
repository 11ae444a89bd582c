"""What the check page shows, as plain data: document parts in reading order, the table
fragment around a finding with the cell at fault, the sentence with the figure marked."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

import pandas as pd

from budget.checks.core import CATEGORY_LABELS, SEVERITY_LABELS, CheckReport, Finding, Status
from budget.model import TABLE_LABELS, Disclosure, TableKind, aligned
from budget.views.messages import message, reason

CONTEXT_ROWS = 2  # rows shown above and below the row at fault


@dataclass(frozen=True, slots=True)
class Part:
    order: tuple[int, int, int]  # (page when known, tables before sections, index)
    label: str

    @property
    def page(self) -> int | None:
        """The page the part starts on, when the document has pages."""
        return self.order[0] if self.order[0] < UNKNOWN_PAGE else None


UNKNOWN_PAGE = 10**6  # without pages (Word, text): tables, then sections, each in order


def part_of(doc: Disclosure, finding: Finding) -> Part:
    """The document part a finding belongs to: a table, a section, or the whole document."""
    loc = finding.location
    if loc.table_index is not None and loc.table_index < len(doc.tables):
        table = doc.tables[loc.table_index]
        if table.kind == TableKind.PERFORMANCE:
            label = f"绩效目标表：{loc.project or table.title}"
        else:
            label = TABLE_LABELS[table.kind]
        return Part((table.page or UNKNOWN_PAGE, 0, loc.table_index), label)
    if loc.section_index is not None and loc.section_index < len(doc.sections):
        section = doc.sections[loc.section_index]
        return Part((section.page or UNKNOWN_PAGE, 1, loc.section_index), section.heading.strip() or "正文")
    if loc.table:
        return Part((UNKNOWN_PAGE + 1, 0, 0), TABLE_LABELS[TableKind(loc.table)])
    if loc.section:
        return Part((UNKNOWN_PAGE + 1, 1, 0), loc.section)
    return Part((UNKNOWN_PAGE + 2, 0, 0), "全文")


def parts(doc: Disclosure, findings: list[Finding]) -> list[tuple[Part, list[Finding]]]:
    grouped: dict[Part, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(part_of(doc, finding), []).append(finding)
    return sorted(grouped.items(), key=lambda item: item[0].order)


def marked(finding: Finding) -> tuple[str, str, str] | None:
    """(before, figure, after) of the quoted sentence, or None without a quote."""
    loc = finding.location
    if not loc.quote:
        return None
    if loc.mark is None:
        return loc.quote, "", ""
    start, end = loc.mark
    return loc.quote[:start], loc.quote[start:end], loc.quote[end:]


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        name = name or "列"
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}（{seen[name]}）")
    return out


@dataclass(frozen=True, slots=True)
class Fragment:
    frame: pd.DataFrame  # the rows around the finding, as printed
    row: int | None  # position of the row at fault in ``frame``
    column: int | None  # position of the column at fault in ``frame``


def fragment(doc: Disclosure, finding: Finding) -> Fragment | None:
    """The printed rows around a table finding (performance: the project's indicators)."""
    loc = finding.location
    if loc.table_index is None or loc.table_index >= len(doc.tables):
        return None
    table = doc.tables[loc.table_index]
    if table.kind == TableKind.PERFORMANCE:
        return _indicator_fragment(doc, finding)
    if not table.rows:
        return None
    width = max(len(r) for r in table.rows)
    names = list(table.columns) if len(table.columns) == width else [f"第{i + 1}列" for i in range(width)]
    body = None if loc.row_index is None else loc.row_index - len(table.header)  # Line.row counts header rows
    if body is None or not 0 <= body < len(table.rows):
        rows = table.rows[: CONTEXT_ROWS * 2 + 1]
        at = None
    else:
        first = max(0, body - CONTEXT_ROWS)
        rows = table.rows[first : body + CONTEXT_ROWS + 1]
        at = body - first
    frame = pd.DataFrame([aligned(r, width) for r in rows], columns=_unique(names))
    column = loc.column_index if loc.column_index is not None and loc.column_index < width else None
    return Fragment(frame, at, column)


INDICATOR_COLUMNS = ["一级指标", "二级指标", "三级指标", "指标描述", "指标值", "指标值确定依据"]


def _indicator_fragment(doc: Disclosure, finding: Finding) -> Fragment | None:
    loc = finding.location
    project = next((p for p in doc.performance if p.name == loc.project), None)
    if project is None or not project.indicators or loc.row_index is None:
        return None  # a finding about the goals text: the sentence says it all
    records = [[i.level1, i.level2, i.level3, i.description, i.target, i.basis] for i in project.indicators]
    frame = pd.DataFrame([[v or "" for v in r] for r in records], columns=INDICATOR_COLUMNS)
    at = next((n for n, i in enumerate(project.indicators) if i.row == loc.row_index), None)
    column = {"指标值": 4, "指标描述": 3, "指标": 0}.get(loc.column or "") if at is not None else None
    return Fragment(frame, at, column)


@dataclass(frozen=True, slots=True)
class Group:
    """Findings that say the same thing (same rule, same message) in several places:
    reviewed together, with one action."""

    findings: tuple[Finding, ...]

    @property
    def first(self) -> Finding:
        return self.findings[0]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.findings)


def grouped(findings: Sequence[Finding]) -> list[Group]:
    """The findings with identical ones (rule and message) together, in first-seen order."""
    by_text: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        by_text.setdefault((finding.rule, finding.message), []).append(finding)
    return [Group(tuple(items)) for items in by_text.values()]


def findings_frame(
    report: CheckReport, findings: list[Finding], statuses: dict[str, str], lang: str = "zh"
) -> pd.DataFrame:
    """One row per finding; the message in ``lang``, the other columns' words in Chinese (the page translates them)."""
    rules = {r.rule.id: r.rule for r in report.results}
    return pd.DataFrame(
        {
            "级别": [SEVERITY_LABELS[f.severity] for f in findings],
            "规则": [f.rule for f in findings],
            "类别": [CATEGORY_LABELS[rules[f.rule].category] if f.rule in rules else "" for f in findings],
            "问题": [message(f, lang) for f in findings],
            "状态": [statuses.get(f.key, "待处理") for f in findings],
        }
    )


def rules_frame(report: CheckReport, lang: str = "zh") -> pd.DataFrame:
    """Every rule with its result on this document (the result and why not run in ``lang``)."""
    from budget.checks.core import STATUS_LABELS
    from budget.views.labels import translate

    colon = ": " if lang == "en" else "："

    return pd.DataFrame(
        {
            "规则": [r.rule.id for r in report.results],
            "检查内容": [r.rule.title for r in report.results],
            "类别": [CATEGORY_LABELS[r.rule.category] for r in report.results],
            "级别": [SEVERITY_LABELS[r.rule.severity] for r in report.results],
            "本文件结果": [
                translate(STATUS_LABELS[r.status], lang) + (colon + reason(r.reason, lang) if r.reason else "")
                for r in report.results
            ],
            "怎么改": [r.rule.guidance for r in report.results],
        }
    )


# ---------------------------------------------------------------- the check beside a page's figures


def findings_at(report: CheckReport, rules: Collection[str], where: Callable[[Finding], bool]) -> tuple[Finding, ...]:
    """The check's findings of ``rules`` at a place a page draws (``where``), as the check
    page lists them: a failure the engine folded into another finding (one wrong cell, a
    table read unreliably) is shown as that finding. Pages never judge on their own."""
    found: dict[str, Finding] = {}
    for finding in report.findings:
        if finding.rule in rules and where(finding):
            found.setdefault(finding.key, finding)
        if any(c.rule in rules and where(c) for c in finding.consequences):
            found.setdefault(finding.key, finding)
    return tuple(found.values())


def ran(report: CheckReport, rule_id: str) -> bool:
    """The rule ran on this document (passed or found problems)."""
    try:
        return report.result(rule_id).status != Status.NOT_RUN
    except KeyError:
        return False


def verdict(finding: Finding | None) -> str:
    """A comparison's 核对 cell: the severity the check gives the figure, 一致 without a finding."""
    return "一致" if finding is None else SEVERITY_LABELS[finding.severity]
