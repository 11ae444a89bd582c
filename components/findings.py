"""The findings of the pre-publication check: summary, filters, cards, review, exports.

The review workflow: every finding (or group of findings of one rule in one part of the
document) gets a status — 待处理, 已说明, 已改正 — and a comment. A reviewed card turns
grey with its status badge, and the summary counts only what is still to do. Notes live
in ``st.session_state["findings_notes"]`` (finding key -> (status, comment)), survive
filtering, page switches and reruns, travel into the exports, and come back from a
previous report's JSON or XLSX (by the finding's stable key) into the next draft.

Document text is never rendered as HTML: sentences and cells are escaped Markdown or
table cells.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

import pandas as pd
import streamlit as st

from budget.checks import CATEGORY_LABELS, SEVERITY_LABELS, SEVERITY_ORDER, CheckReport, Finding, Severity
from budget.checks.core import Status
from budget.export import reports
from budget.model import Disclosure
from budget.views.check import Group, findings_frame, fragment, grouped, marked, parts, rules_frame
from budget.views.labels import one, rule_guidance, rule_title
from budget.views.messages import place, reason
from components.i18n import lang, message, t, words
from components import lazy, tables
from components.style import DONE
from components.source import page_text
from components.text import md, unbroken

NOTES = "findings_notes"
_IMPORTED = "findings_imported"  # file ids of reports already merged (merge once per file)
_IMPORT_RESULT = "findings_import_result"
BADGES = {
    Severity.ERROR: ":red-badge[{label}]",
    Severity.WARNING: ":orange-badge[{label}]",
    Severity.INFO: ":blue-badge[{label}]",
}
STATUS_BADGES = {reports.EXPLAINED: ":green-badge[{label}]", reports.FIXED: ":violet-badge[{label}]"}
ICONS = {Severity.ERROR: ":material/error:", Severity.WARNING: ":material/warning:", Severity.INFO: ":material/info:"}
# A reviewed card is drawn grey: its container key starts with DONE (components.style).


def notes() -> dict[str, tuple[str, str]]:
    """Reviewer annotations of this session: finding key -> (status, comment)."""
    return dict(st.session_state.get(NOTES, {}))


def status_of(finding: Finding) -> str:
    return reports.annotation(notes(), finding)[0]


def _title(report: CheckReport, finding: Finding) -> str:
    rule = report.result(finding.rule).rule
    return rule_title(rule.id, rule.title, lang())


# ------------------------------------------------------------------ summary


def summary(report: CheckReport) -> None:
    """What is still to do (a reviewed finding leaves the counts), then the rules."""
    annotated = notes()
    open_by = dict.fromkeys(Severity, 0)
    done = {reports.EXPLAINED: 0, reports.FIXED: 0}
    for f in report.findings:
        status = reports.annotation(annotated, f)[0]
        if status == reports.TODO:
            open_by[f.severity] += 1
        else:
            done[status] += 1
    s = report.summary()
    figures = [
        (t("错误"), open_by[Severity.ERROR], t("待处理的错误；共 {total} 项，已处理的不计。", total=s["error"])),
        (t("警告"), open_by[Severity.WARNING], t("待处理的警告；共 {total} 项，已处理的不计。", total=s["warning"])),
        (t("提示"), open_by[Severity.INFO], t("待处理的提示（如四舍五入差），共 {total} 项。", total=s["info"])),
        (
            t("已处理"),
            done[reports.EXPLAINED] + done[reports.FIXED],
            t(
                "标为“已说明”{explained} 项、“已改正”{fixed} 项。",
                explained=done[reports.EXPLAINED],
                fixed=done[reports.FIXED],
            ),
        ),
    ]
    with st.container(key="cards_findings"):
        for cell, (label, value, help_text) in zip(st.columns(4, border=True), figures, strict=False):
            cell.metric(label, value, help=help_text)
    not_run = [r for r in report.results if r.reason]
    # A rule with rounding notes only has passed: said so, or "发现问题 0 条" beside 7 提示
    # (shenzhen_01) reads as a contradiction.
    noted = sum(1 for r in report.results if r.status == Status.PASSED and r.findings)
    st.caption(
        t(
            "共 {rules} 条规则：通过 {passed} 条，发现问题 {failed} 条，未运行 {not_run} 条。",
            rules=len(report.results),
            passed=s["passed"],
            failed=s["failed"],
            not_run=s["not_run"],
        )
        + (t("通过的规则中有 {noted} 条只留下提示（如四舍五入差）。", noted=noted) if noted else "")
    )
    if not_run:
        with st.expander(t("为什么有 {count} 条规则未运行？", count=len(not_run)), icon=":material/help:"):
            st.markdown(
                t(
                    "规则要核对的表格或内容在这份文档中没有找到（例如没有政府采购预算表，或没有识别出正文标题），"
                    "就无法运行。**未运行不等于通过**：请确认文档是否本来就没有这部分内容，还是没有被识别出来"
                    "（可在“原始表格”页查看识别结果）。"
                )
            )
            tables.static_table(
                pd.DataFrame(
                    {
                        t("规则"): [rule_title(r.rule.id, r.rule.title, lang()) for r in not_run],
                        t("编号"): [r.rule.id for r in not_run],
                        t("原因"): [reason(r.reason, lang()) for r in not_run],
                    }
                )
            )


# ------------------------------------------------------------------ import a previous report


def _merge_import() -> None:
    file = st.session_state.get("findings_import")
    if file is None or file.file_id in st.session_state.get(_IMPORTED, set()):
        return
    st.session_state.setdefault(_IMPORTED, set()).add(file.file_id)
    try:
        imported = reports.read_annotations(file.getvalue())
    except reports.ReportError as error:
        st.session_state[_IMPORT_RESULT] = ("error", str(error), 0, 0)
        return
    store = st.session_state.setdefault(NOTES, {})
    for key, note in imported.items():
        store.setdefault(key, note)  # a note made on this draft wins over the old one
    st.session_state[_IMPORT_RESULT] = ("ok", file.name, len(imported), 0)


def import_previous(report: CheckReport) -> None:
    """Upload last draft's report: its 已说明 / 已改正 notes carry over by finding key."""
    with st.expander(t("导入上一稿的检查报告（JSON 或 XLSX），沿用其中的处理状态和说明"), icon=":material/history:"):
        st.caption(
            t(
                "每个问题有稳定的编号（规则 + 位置的摘要）：上一稿已说明或已改正的问题，"
                "在本稿中位置不变时自动带上原来的状态和说明；"
                "本稿中已经处理过的问题不会被覆盖。"
            )
        )
        st.file_uploader(
            t("上一稿的检查报告"),
            type=None,
            key="findings_import",
            on_change=_merge_import,
            label_visibility="collapsed",
        )
        result = st.session_state.get(_IMPORT_RESULT)
        if result is None:
            return
        kind, detail, count, _ = result
        if kind == "error":
            st.error(t("无法导入：{reason}", reason=t(detail)))
            return
        keys = {f.key for f in report.findings}
        matched = sum(1 for k in notes() if k in keys)
        st.success(
            t(
                "已导入《{name}》中的 {count} 条处理记录，其中 {matched} 条对应本稿的问题；"
                "其余的问题在本稿中已不存在。",
                name=md(detail),
                count=count,
                matched=matched,
            )
        )


# ------------------------------------------------------------------ filters


@dataclass(frozen=True)
class Selection:
    severities: list[Severity]
    categories: list[str]
    rules: list[str]
    todo_only: bool = False

    def keep(self, report: CheckReport, finding: Finding, annotated: dict | None = None) -> bool:
        category = report.result(finding.rule).rule.category.value
        if self.todo_only and reports.annotation(annotated or {}, finding)[0] != reports.TODO:
            return False
        return (
            finding.severity in self.severities
            and category in self.categories
            and (not self.rules or finding.rule in self.rules)
        )


def filters(report: CheckReport) -> Selection:
    tr, language = words(), lang()
    left, right = st.columns([1, 1])
    severities = left.pills(
        t("级别"),
        list(SEVERITY_LABELS),
        selection_mode="multi",
        default=list(SEVERITY_LABELS),
        format_func=lambda s: one(SEVERITY_LABELS[s], language),
        key="findings_filter_severity",
    )
    rule_ids = sorted({f.rule for f in report.findings})
    titles = {r: _rule_title(report, r) for r in rule_ids}
    rules = right.multiselect(
        t("规则"),
        rule_ids,
        key="findings_filter_rule",
        placeholder=t("全部规则"),
        format_func=lambda r, titles=titles: f"{titles[r]} · {r}",
    )
    used = sorted({report.result(f.rule).rule.category for f in report.findings}, key=list(CATEGORY_LABELS).index)
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    categories = left.pills(
        t("类别"),
        [c.value for c in used],
        selection_mode="multi",
        default=[c.value for c in used],
        format_func=lambda c: tr(CATEGORY_LABELS[c]),
        key="findings_filter_category",
    )
    todo_only = right.toggle(t("只看待处理"), key="findings_filter_todo")
    return Selection(list(severities or []), list(categories or []), list(rules), bool(todo_only))


def _rule_title(report: CheckReport, rule_id: str) -> str:
    rule = report.result(rule_id).rule
    return rule_title(rule.id, rule.title, lang())


# ------------------------------------------------------------------ review


def _save(keys: tuple[str, ...], widget: str) -> None:
    store = st.session_state.setdefault(NOTES, {})
    status = st.session_state[f"findings_status_{widget}"]
    comment = st.session_state.get(f"findings_comment_{widget}", "")
    for key in keys:
        store[key] = (status, comment)


def review(group: Group) -> None:
    """Status and comment of a finding or a group (one action for all its findings)."""
    annotated = notes()
    first = group.first
    status, comment = reports.annotation(annotated, first)
    widget = first.key
    status_key, comment_key = f"findings_status_{widget}", f"findings_comment_{widget}"
    st.session_state[status_key] = status  # the store is the truth; widgets only edit it
    st.session_state[comment_key] = comment
    left, right = st.columns([1, 3])
    left.selectbox(
        t("处理状态") if len(group.findings) == 1 else t("处理状态（本组 {count} 处）", count=len(group.findings)),
        reports.STATUSES,
        format_func=words(),
        key=status_key,
        on_change=_save,
        args=(group.keys, widget),
    )
    right.text_input(
        t("说明（导出时一并带出）"),
        key=comment_key,
        on_change=_save,
        args=(group.keys, widget),
        placeholder=t("例如：差额为本年新购置资产，已在说明中解释"),
    )


_FIGURE = re.compile(r"^[-+]?[\d,]+(?:\.\d+)?%?$")


def _evidence_table(frame: pd.DataFrame, row: int | None, column: int | None) -> None:
    """The printed rows around the finding as a static table (nothing clipped), the row
    at fault tinted and the cell at fault marked."""

    def style(data: pd.DataFrame) -> pd.DataFrame:
        # A cell never narrower than a figure: a wide table scrolls sideways instead of
        # breaking its figures and headers into one character per line.
        styles = data.map(
            lambda v: (
                "min-width: 6.5em; white-space: nowrap"
                + ("; text-align: right !important" if _FIGURE.match(str(v).strip()) else "")
            )
        )
        if row is not None:
            styles.iloc[row, :] = styles.iloc[row, :] + "; background-color: #fff4ce"
            if column is not None:
                styles.iloc[row, column] += "; background-color: #f9c8c4; font-weight: bold; outline: 2px solid #C0392B"
        return styles

    tables.static_table(frame, style(frame))


def evidence(doc: Disclosure, finding: Finding) -> None:
    piece = fragment(doc, finding)
    if piece is not None:
        _evidence_table(piece.frame, piece.row, piece.column)
    quote = marked(finding)
    if quote is not None:
        before, figure, after = quote
        mark = f":red-background[**【{md(figure)}】**]" if figure else ""
        st.markdown(f"> {md(before)}{mark}{md(after)}")


def card(doc: Disclosure, report: CheckReport, group: Group) -> None:
    """One finding (or a group of one rule in one part): what is wrong, where, the
    evidence, how to fix, and the reviewer's note. Reviewed cards turn grey."""
    first = group.first
    rule = report.result(first.rule).rule
    status = status_of(first)
    key = f"{DONE}{first.key}" if status != reports.TODO else f"findings_card_{first.key}"
    with st.container(border=True, key=key.replace(":", "_")):
        badges = [BADGES[first.severity].format(label=one(SEVERITY_LABELS[first.severity], lang()))]
        if status in STATUS_BADGES:
            badges.append(STATUS_BADGES[status].format(label=t(status)))
        count = f" · {t('{count} 处', count=len(group.findings))}" if len(group.findings) > 1 else ""
        st.markdown(f"{' '.join(badges)} **{md(rule_title(rule.id, rule.title, lang()))}**{count}")
        if len(group.findings) == 1:
            st.caption(f"{md(place(first, lang()))} · {rule.id}")
            st.markdown(md(message(first)))
            evidence(doc, first)
        else:
            st.caption(rule.id)
            shown = 3
            st.markdown(_places(group.findings[:shown], 1))  # one element, not two a place
            if len(group.findings) > shown:
                rest = lazy.expander(
                    t("另外 {count} 处", count=len(group.findings) - shown), f"findings_more_{first.key}"
                )
                if rest is not None:
                    with rest:
                        st.markdown(_places(group.findings[shown:], shown + 1))
            sources = lazy.expander(t("每一处的原文"), f"findings_sources_{first.key}")
            if sources is not None:
                with sources:
                    for finding in group.findings:
                        evidence(doc, finding)
        st.caption(t("怎么改：{guidance}", guidance=md(rule_guidance(rule.id, rule.guidance, lang()))))
        review(group)


def _places(findings: Sequence[Finding], start: int) -> str:
    """Numbered findings, each its message and, in small grey type, its place: one
    Markdown element for them all (two elements a place were half a card's DOM)."""
    return "\n\n".join(
        f"{n}\\. {md(message(f))}  \n:small[:gray[{md(place(f, lang()))}]]" for n, f in enumerate(findings, start)
    )


def by_part(doc: Disclosure, report: CheckReport, findings: list[Finding]) -> None:
    if not findings:
        st.success(t("没有符合筛选条件的问题。"))
        return
    for part, items in parts(doc, findings):
        worst = min(items, key=lambda f: SEVERITY_ORDER[f.severity]).severity
        todo = sum(1 for f in items if status_of(f) == reports.TODO)
        # Where it is (the page, as the finance officer turns to it) and how much is left.
        where = md(t(part.label)) + (f"　·　{unbroken(page_text(part.page))}" if part.page else "")
        label = t("{part}（{count} 处，待处理 {todo}）", part=where, count=len(items), todo=todo)
        # Keyed by the part (components.lazy keeps it open when a review changes the counts
        # in its label) and by the document: a part opened in one is not opened in the next.
        digest = hashlib.sha1(part.label.encode("utf-8")).hexdigest()[:8]
        key = "findings_part_" + "_".join(str(n) for n in part.order) + f"_{digest}_{report.source.sha256[:8]}"
        box = lazy.expander(label, key, expanded=worst == Severity.ERROR, icon=ICONS[worst])
        if box is None:
            continue
        with box:
            by_rule: dict[str, list[Finding]] = {}
            for finding in items:
                by_rule.setdefault(finding.rule, []).append(finding)
            for rule_findings in by_rule.values():
                for group in grouped_in_part(rule_findings):
                    card(doc, report, group)


def grouped_in_part(findings: list[Finding]) -> list[Group]:
    """Findings of one rule in one part: one group (one action), identical ones together."""
    return [Group(tuple(findings))] if len(findings) > 1 else grouped(findings)


def _edit_table(editor: str, shown: list[Finding]) -> None:
    changes = st.session_state.get(editor, {}).get("edited_rows", {})
    store = st.session_state.setdefault(NOTES, {})
    names = {t(s): s for s in reports.STATUSES}
    for row, edit in changes.items():
        finding = shown[int(row)]
        status, comment = reports.annotation(store, finding)
        status = names.get(edit.get(t("状态"), t(status)), status)
        comment = edit.get(t("说明"), comment) or ""
        store[finding.key] = (status, comment)


def by_severity(report: CheckReport, findings: list[Finding]) -> None:
    """Every finding as a row, by severity; status and comment editable one by one."""
    annotated = notes()
    for severity, items in reports.by_severity(findings):
        st.subheader(f"{t(SEVERITY_LABELS[severity])}（{len(items)}）")
        statuses = {k: v[0] for k, v in annotated.items()}
        frame = findings_frame(report, items, statuses, lang())
        frame["规则"] = [f"{_rule_title(report, f.rule)} · {f.rule}" for f in items]
        frame["级别"] = [one(v, lang()) for v in frame["级别"]]
        frame["类别"] = [t(v) for v in frame["类别"]]
        frame["状态"] = [t(v) for v in frame["状态"]]
        frame["说明"] = [reports.annotation(annotated, f)[1] for f in items]
        frame.columns = [t(c) for c in frame.columns]
        editor = f"findings_editor_{severity.value}"
        st.data_editor(
            frame,
            hide_index=True,
            width="stretch",
            key=editor,
            on_change=_edit_table,
            args=(editor, items),
            disabled=[c for c in frame.columns if c not in (t("状态"), t("说明"))],
            column_config={
                t("问题"): st.column_config.TextColumn(width="large"),
                t("状态"): st.column_config.SelectboxColumn(options=[t(s) for s in reports.STATUSES], required=True),
                t("说明"): st.column_config.TextColumn(width="medium"),
            },
        )


# ------------------------------------------------------------------ exports


def downloads(report: CheckReport) -> None:
    # The files are built on every run of the check's fragment (0.13 s on the sample), not
    # on click: a file Streamlit builds on click (data=callable) is registered for the run
    # that drew its button, and a click just after the reader opened a part (a rerun) went
    # unanswered in the browser test — no download at all.
    stem = PurePath(report.source.name).stem or "document"
    annotated, language = notes(), lang()
    suffix = t("发布前检查")
    left, middle, right = st.columns(3)
    left.download_button(
        t("下载 JSON"),
        reports.to_json(report, annotated),
        file_name=f"{stem}_{suffix}.json",
        mime="application/json",
        key="findings_download_json",
        on_click="ignore",
    )
    middle.download_button(
        t("下载检查表（XLSX）"),
        reports.to_xlsx(report, annotated, language),
        file_name=f"{stem}_{suffix}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="findings_download_xlsx",
        on_click="ignore",
    )
    right.download_button(
        t("下载报告（HTML）"),
        reports.to_html(report, annotated, language),
        file_name=f"{stem}_{suffix}.html",
        mime="text/html",
        key="findings_download_html",
        on_click="ignore",
    )
    st.caption(t("下载的 JSON 或 XLSX 可在下一稿的检查中导入，已说明的问题会沿用原来的状态和说明。"))


def how_we_check(report: CheckReport) -> None:
    with st.expander(t("我们怎么检查")):
        st.markdown(
            t(
                "每条规则是一个独立的检查：表内运算、表间核对、文字与表格一致、完整性、文字规范和绩效目标。"
                "金额一律按十进制精确计算；多个四舍五入的数相加，与合计相差不超过“项数 × 末位半个单位”时只作提示。"
                "正文用万元、表格用元时先精确换算，再按正文数字的精度比较。"
            )
        )
        frame = rules_frame(report, lang())
        frame["检查内容"] = [rule_title(r.rule.id, r.rule.title, lang()) for r in report.results]
        frame["怎么改"] = [rule_guidance(r.rule.id, r.rule.guidance, lang()) for r in report.results]
        frame["类别"] = [t(v) for v in frame["类别"]]
        frame["级别"] = [t(v) for v in frame["级别"]]
        frame = frame[["检查内容", "规则", "类别", "级别", "本文件结果", "怎么改"]]
        frame.columns = [t(c) for c in frame.columns]
        st.dataframe(frame, hide_index=True, column_config={t("怎么改"): st.column_config.TextColumn(width="large")})
        st.caption(t("规则版本 {ruleset}", ruleset=report.ruleset))


def at_place(found: Sequence[Finding], note: str = "") -> None:
    """The check's findings about what a page draws, as the 发布前检查 rates them: the
    errors, then the warnings, each in a box headed by the severity (``note``: what the
    drawing does about them). The page shows them; it never judges on its own. (A
    yellow box both: st.error is the app's own failure to read a document.)"""
    for severity in (Severity.ERROR, Severity.WARNING):
        shown = [f for f in found if f.severity == severity]
        if shown:
            head = t("发布前检查（{severity}）：", severity=t(SEVERITY_LABELS[severity]))
            lines = "\n".join(f"- {md(message(f))}" for f in shown)
            st.warning(f"{head}\n\n{lines}" + (f"\n\n{note}" if note else ""), icon=ICONS[severity])
