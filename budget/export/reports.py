"""The check report as a reader takes it away: text, contract JSON, an XLSX to-do list
in the reviewers' check-form layout, and a self-contained HTML page.

Reviewer annotations travel with the report as a mapping ``finding.key -> (status,
comment)``; a finding without one is 待处理 (to do).
"""

from __future__ import annotations

import html
import io
import json
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from budget.checks import (
    CATEGORY_LABELS,
    SEVERITY_LABELS,
    STATUS_LABELS,
    CheckReport,
    Finding,
    Severity,
)
from budget.checks.completeness import REQUIRED_SECTIONS
from budget.export.tables import cells, number_format
from budget.model import Money, STANDARD_TABLES, TABLE_LABELS, TableKind
from budget.views.labels import rule_guidance, rule_title, translate
from budget.views import messages

Annotations = Mapping[str, tuple[str, str]]

TODO = "待处理"
EXPLAINED = "已说明"
FIXED = "已改正"
STATUSES = (TODO, EXPLAINED, FIXED)
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def annotation(annotations: Annotations | None, finding: Finding) -> tuple[str, str]:
    return (annotations or {}).get(finding.key, (TODO, ""))


def is_open(finding: Finding, annotations: Annotations | None) -> bool:
    """A problem that still stands: not a rounding note, not explained or fixed."""
    return finding.severity != Severity.INFO and annotation(annotations, finding)[0] == TODO


def by_severity(findings: Sequence[Finding]) -> list[tuple[Severity, list[Finding]]]:
    """The findings grouped by severity, errors first; a severity without findings is left out."""
    groups = [(severity, [f for f in findings if f.severity == severity]) for severity in SEVERITIES]
    return [(severity, found) for severity, found in groups if found]


def subject(report: CheckReport) -> str:
    """What was checked, in words: "某单位 2023年单位预算"."""
    unit = report.unit
    return f"{unit.name} {unit.year or ''}年{unit.kind}预算"


def place(finding: Finding) -> str:
    """Where, in words: "支出总表 · 2040601 · 合计" or "七、国有资产信息"."""
    loc = finding.location
    parts: list[str] = []
    if loc.table:
        kind = TableKind(loc.table)
        parts.append(
            TABLE_LABELS[kind] if kind != TableKind.PERFORMANCE or not loc.project else f"{loc.project}绩效目标表"
        )
        parts.extend(p for p in (loc.row, loc.column) if p and p != loc.project)
        if loc.page:
            parts.append(f"第 {loc.page} 页")
    elif loc.section:
        parts.append(loc.section.strip())
        if loc.page:
            parts.append(f"第 {loc.page} 页")
    return " · ".join(parts) or "全文"


# ------------------------------------------------------------------ JSON


def plain(value: object) -> Any:
    """A finding's parameter as JSON: Decimals and Money as decimal strings, tuples as lists."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, Money):
        return format(value.amount, "f")
    if isinstance(value, Mapping):
        return {str(plain(k)) if not isinstance(k, str) else k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _fields(finding: Finding, unit: bool = True) -> dict[str, Any]:
    """The contract's fields of a finding, in the contract's order (a consequence has no unit)."""
    fields: dict[str, Any] = {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "location": finding.location.as_dict(),
        "expected": _decimal(finding.expected),
        "actual": _decimal(finding.actual),
        "difference": _decimal(finding.difference),
    }
    if unit:
        fields["unit"] = finding.unit
    fields["key"] = finding.key
    return fields


def _consequence(finding: Finding) -> dict[str, Any]:
    return _fields(finding, unit=False)


def finding_dict(finding: Finding, annotations: Annotations | None = None) -> dict[str, Any]:
    status, comment = annotation(annotations, finding)
    found = _fields(finding)
    found["review"] = {"status": status, "comment": comment or None}
    # additions to the contract: the figures behind the message, and the failures one defect causes
    found["params"] = {k: plain(v) for k, v in finding.params.items() if k not in INTERNAL_PARAMS}
    found["consequences"] = [_consequence(f) for f in finding.consequences]
    return found


INTERNAL_PARAMS = ("cells", "rows", "tables")  # reader indexes, not for a report


def report_dict(report: CheckReport, annotations: Annotations | None = None) -> dict[str, Any]:
    source = report.source
    return {
        "source": {"name": source.name, "format": source.format.value, "sha256": source.sha256},
        "ruleset": report.ruleset,
        "summary": report.summary(),
        "findings": [finding_dict(f, annotations) for f in report.findings],
        "rules": [
            {
                "rule": r.rule.id,
                "title": r.rule.title,
                "category": r.rule.category.value,
                "severity": r.rule.severity.value,
                "status": r.status.value,
                "reason": r.reason,
            }
            for r in report.results
        ],
    }


def to_json(report: CheckReport, annotations: Annotations | None = None) -> str:
    return json.dumps(report_dict(report, annotations), ensure_ascii=False, indent=2)


# ------------------------------------------------------------------ text (CLI)


def to_text(report: CheckReport) -> str:
    s = report.summary()
    lines = [
        f"发布前检查：{subject(report)}（{report.source.name}）",
        f"规则版本 {report.ruleset}；错误 {s['error']}，警告 {s['warning']}，提示 {s['info']}；"
        f"规则通过 {s['passed']}，未通过 {s['failed']}，未运行 {s['not_run']}",
    ]
    for severity, found in by_severity(report.findings):
        lines.append("")
        lines.append(f"【{SEVERITY_LABELS[severity]}】{len(found)} 项")
        for n, finding in enumerate(found, 1):
            lines.append(f"{n:>3}. [{finding.rule}] {place(finding)}")
            lines.append(f"     {finding.message}")
    not_run = [r for r in report.results if r.reason]
    if not_run:
        lines.append("")
        lines.append(f"【未运行的规则】{len(not_run)} 条")
        lines.extend(f"  - [{r.rule.id}] {r.rule.title}：{r.reason}" for r in not_run)
    return "\n".join(lines)


# ------------------------------------------------------------------ the check form (XLSX)


def check_items() -> list[str]:
    """The rows of the reviewers' form: every standard table, then every required part."""
    return [TABLE_LABELS[k] for k in STANDARD_TABLES] + [part for part, _ in REQUIRED_SECTIONS] + ["其他"]


def item_of(finding: Finding) -> str:
    loc = finding.location
    if loc.table:
        kind = TableKind(loc.table)
        if kind in STANDARD_TABLES:
            return TABLE_LABELS[kind]
        if kind == TableKind.PERFORMANCE:
            return "绩效目标"
        if kind == TableKind.PROCUREMENT:
            return "政府采购"
        if kind == TableKind.ASSETS:
            return "国有资产"
    if loc.section:
        for part, pattern in REQUIRED_SECTIONS:
            if loc.section == part or pattern.search(loc.section):
                return part
    return "其他"


def to_xlsx(report: CheckReport, annotations: Annotations | None = None, lang: str = "zh") -> bytes:
    """The reviewers' check form, every finding (应为/实为/差额 as numbers, with a filter),
    and the rules; headers and our own words in ``lang``, document text as printed."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    def tr(text: str) -> str:
        return translate(text, lang)

    book = Workbook()
    form = book.active
    form.title = tr("检查表")
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    form.append(cells([tr("发布前检查表：{subject}").format(subject=subject(report))]))
    form.append(
        cells(
            [
                tr("文件 {name}  SHA-256 {sha}  规则版本 {ruleset}").format(
                    name=report.source.name, sha=report.source.sha256, ruleset=report.ruleset
                )
            ]
        )
    )
    form.append(cells([tr(h) for h in ("序号", "检查项目", "符合要求", "问题数", "问题")]))
    for cell in form[3]:
        cell.font = bold
    red = PatternFill("solid", fgColor="FDE2E1")
    for n, item in enumerate(check_items(), 1):
        found = [f for f in report.findings if item_of(f) == item]
        open_ = [f for f in found if is_open(f, annotations)]
        problems = "\n".join(
            f"[{tr(SEVERITY_LABELS[f.severity])}] {messages.message(f, lang)}"
            for f in found
            if f.severity != Severity.INFO
        )
        form.append(cells([n, tr(item), tr("否") if open_ else tr("是"), len(open_), problems]))
        if open_:
            form.cell(form.max_row, 3).fill = red
        for cell in form[form.max_row]:
            cell.alignment = wrap
    for column, width in zip("ABCDE", (6, 24, 10, 8, 100), strict=False):
        form.column_dimensions[column].width = width
    form.auto_filter.ref = f"A3:E{form.max_row}"

    sheet = book.create_sheet(tr("全部问题"))
    sheet.append(cells([tr(h) for h in FINDING_COLUMNS]))
    for cell in sheet[1]:
        cell.font = bold
    rules = {r.rule.id: r.rule for r in report.results}
    for n, f in enumerate(report.findings, 1):
        status, comment = annotation(annotations, f)
        rule = rules.get(f.rule)
        sheet.append(
            cells(
                [
                    n,
                    f.key,
                    tr(SEVERITY_LABELS[f.severity]),
                    f.rule,
                    rule_title(f.rule, rule.title, lang) if rule else "",
                    tr(CATEGORY_LABELS[rule.category]) if rule else "",
                    messages.place(f, lang),
                    messages.message(f, lang),
                    f.expected,
                    f.actual,
                    f.difference,
                    f.unit,
                    tr(status),
                    "",
                    comment,
                ]
            )
        )
        for cell in sheet[sheet.max_row]:
            cell.alignment = wrap
            if isinstance(cell.value, Decimal):
                # A number a reviewer can sum and sort, shown with the decimals it has.
                cell.number_format = number_format(cell.value)
    for column, width in zip(
        "ABCDEFGHIJKLMNO", (6, 22, 8, 18, 30, 12, 30, 80, 14, 14, 14, 6, 10, 10, 40), strict=False
    ):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:O{max(sheet.max_row, 1)}"

    rules_sheet = book.create_sheet(tr("规则"))
    rules_sheet.append(cells([tr(h) for h in ("规则", "名称", "类别", "结果", "未运行原因", "说明")]))
    for cell in rules_sheet[1]:
        cell.font = bold
    for r in report.results:
        rules_sheet.append(
            cells(
                [
                    r.rule.id,
                    rule_title(r.rule.id, r.rule.title, lang),
                    tr(CATEGORY_LABELS[r.rule.category]),
                    tr(STATUS_LABELS[r.status]),
                    messages.reason(r.reason, lang),
                    rule_guidance(r.rule.id, r.rule.guidance, lang),
                ]
            )
        )
    rules_sheet.freeze_panes = "A2"
    rules_sheet.auto_filter.ref = f"A1:F{max(rules_sheet.max_row, 1)}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


FINDING_COLUMNS = (
    "序号",
    "编号",
    "级别",
    "规则",
    "规则名称",
    "类别",
    "位置",
    "问题说明",
    "应为",
    "实为",
    "差额",
    "单位",
    "状态",
    "负责人",
    "备注",
)


# ------------------------------------------------------------------ a previous report back in


class ReportError(ValueError):
    """A file that is not a check report this program wrote; ``str()`` is Chinese."""


def _status(value: object) -> str | None:
    """A review status as written by either language of the export, canonical (Chinese)."""
    text = str(value or "").strip()
    for status in STATUSES:
        if text in (status, translate(status, "en")):
            return status
    return None


def read_annotations(data: bytes) -> dict[str, tuple[str, str]]:
    """The reviewer's notes of a previous report (the JSON or XLSX download of the
    check page), by finding key: only findings with a status other than 待处理 or with a
    comment. Raises ReportError for anything else."""
    if data[:2] == b"PK":
        return _xlsx_annotations(data)
    try:
        report = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ReportError("不是检查报告：既不是 JSON 也不是 XLSX 文件。") from error
    findings = report.get("findings") if isinstance(report, dict) else None
    if not isinstance(findings, list):
        raise ReportError("不是检查报告：JSON 中没有 findings。")
    out: dict[str, tuple[str, str]] = {}
    for finding in findings:
        if not isinstance(finding, dict) or not isinstance(finding.get("key"), str):
            continue
        review = finding.get("review") or {}
        status = _status(review.get("status")) or TODO
        comment = str(review.get("comment") or "")
        if status != TODO or comment:
            out[finding["key"]] = (status, comment)
    return out


def _xlsx_annotations(data: bytes) -> dict[str, tuple[str, str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - any unreadable workbook is "not a report"
        raise ReportError("不是检查报告：无法打开这个 XLSX 文件。") from error
    names = {translate("全部问题", lang) for lang in ("zh", "en")}
    sheet = next((book[n] for n in book.sheetnames if n in names), None)
    if sheet is None:
        raise ReportError("不是检查报告：XLSX 中没有“全部问题”工作表。")
    rows = sheet.iter_rows(values_only=True)
    header = [str(h or "") for h in next(rows, ())]

    def column(label: str) -> int:
        for lang in ("zh", "en"):
            if translate(label, lang) in header:
                return header.index(translate(label, lang))
        raise ReportError(f"不是检查报告：“全部问题”工作表缺少“{label}”列。")

    key_at, status_at, comment_at = column("编号"), column("状态"), column("备注")
    out: dict[str, tuple[str, str]] = {}
    for row in rows:
        if len(row) <= max(key_at, status_at, comment_at) or not row[key_at]:
            continue
        status = _status(row[status_at]) or TODO
        comment = str(row[comment_at] or "")
        if status != TODO or comment:
            out[str(row[key_at])] = (status, comment)
    return out


# ------------------------------------------------------------------ HTML

STYLE = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222;line-height:1.5}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:.5em 0}
td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3}.error{color:#b3261e}.warning{color:#8a5a00}.info{color:#1a5fb4}
.muted{color:#666;font-size:.9em}
"""


def to_html(report: CheckReport, annotations: Annotations | None = None, lang: str = "zh") -> str:
    e = html.escape

    def tr(text: str) -> str:
        return e(translate(text, lang))

    s = report.summary()
    heads = ("错误", "警告", "提示", "规则通过", "未通过", "未运行")
    out = [
        f"<!DOCTYPE html><html lang='{'en' if lang == 'en' else 'zh-CN'}'><head><meta charset='utf-8'>",
        f"<title>{tr('发布前检查')} {e(report.unit.name)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{tr('发布前检查')}：{e(subject(report))}</h1>",
        f"<p class='muted'>{tr('文件')} {e(report.source.name)} · SHA-256 {e(report.source.sha256)}"
        f" · {tr('规则版本')} {e(report.ruleset)}</p>",
        "<table><tr>" + "".join(f"<th>{tr(h)}</th>" for h in heads) + "</tr>",
        f"<tr><td>{s['error']}</td><td>{s['warning']}</td><td>{s['info']}</td><td>{s['passed']}</td>"
        f"<td>{s['failed']}</td><td>{s['not_run']}</td></tr></table>",
    ]
    for severity, found in by_severity(report.findings):
        out.append(f"<h2 class='{severity.value}'>{tr(SEVERITY_LABELS[severity])}（{len(found)}）</h2>")
        out.append(
            "<table><tr><th>#</th>"
            + "".join(f"<th>{tr(h)}</th>" for h in ("规则", "位置", "问题", "原文", "状态", "备注"))
            + "</tr>"
        )
        for n, f in enumerate(found, 1):
            status, comment = annotation(annotations, f)
            quote = f.location.quote or ""
            out.append(
                f"<tr><td>{n}</td><td>{e(f.rule)}</td><td>{e(messages.place(f, lang))}</td>"
                f"<td>{e(messages.message(f, lang))}</td>"
                f"<td class='muted'>{e(quote)}</td><td>{tr(status)}</td><td>{e(comment)}</td></tr>"
            )
        out.append("</table>")
    out.append(
        f"<h2>{tr('规则')}</h2><table><tr>"
        + "".join(f"<th>{tr(h)}</th>" for h in ("规则", "名称", "类别", "结果", "说明"))
        + "</tr>"
    )
    for r in report.results:
        guidance = rule_guidance(r.rule.id, r.rule.guidance, lang)
        colon = ": " if lang == "en" else "："
        note = f"{translate('未运行', lang)}{colon}{messages.reason(r.reason, lang)}" if r.reason else guidance
        out.append(
            f"<tr><td>{e(r.rule.id)}</td><td>{e(rule_title(r.rule.id, r.rule.title, lang))}</td>"
            f"<td>{tr(CATEGORY_LABELS[r.rule.category])}</td>"
            f"<td>{tr(STATUS_LABELS[r.status])}</td><td>{e(note)}</td></tr>"
        )
    out.append("</table></body></html>")
    return "\n".join(out)
