"""The pre-publication check (发布前检查): a catalogue of rules run over a Disclosure.

``run(disclosure)`` runs every rule of ``CATALOGUE`` and returns a ``CheckReport``: each
rule ends passed, failed (with findings) or not run (with the reason its needs do not
hold). A rule that raises is reported as not run with the error, never crashes the run.
After all rules, one wrong cell is reported once and the findings of a table read
unreliably are set aside (``budget.checks.reading``).
"""

from __future__ import annotations

from dataclasses import replace

from budget.checks import places, reading
from budget.checks.catalogue import CATALOGUE
from budget.checks.core import (
    CATEGORY_LABELS,
    DEFAULT_TEMPLATE,
    SEVERITY_LABELS,
    SEVERITY_ORDER,
    STATUS_LABELS,
    Category,
    CheckReport,
    Context,
    Finding,
    Location,
    Need,
    Rule,
    RuleResult,
    Settings,
    Severity,
    Status,
)
from budget.model import TABLE_LABELS, Disclosure, TableKind

RULESET_VERSION = "2026.12-1"

__all__ = [
    "CATALOGUE",
    "CATEGORY_LABELS",
    "RULESET_VERSION",
    "SEVERITY_LABELS",
    "SEVERITY_ORDER",
    "STATUS_LABELS",
    "Category",
    "CheckReport",
    "Finding",
    "Location",
    "Need",
    "Rule",
    "RuleResult",
    "Settings",
    "Severity",
    "Status",
    "run",
    "run_rule",
]


def unmet(ctx: Context, rule: Rule) -> str | None:
    """Why a rule cannot run on this document (its first need that does not hold), or None."""
    absent = [TABLE_LABELS[k] for k in rule.needs if isinstance(k, TableKind) and ctx.doc.table(k) is None]
    if absent:
        return f"文件中没有{'、'.join(absent)}"
    for need in rule.needs:
        if isinstance(need, Need) and not need.holds(ctx):
            return (need.explain(ctx) if need.explain is not None else None) or need.reason
    return None


def _render(rule: Rule, finding: Finding) -> str:
    """A finding's message: as the rule wrote it, or its template filled with its params."""
    if finding.message:
        return finding.message
    template = rule.template if finding.template == DEFAULT_TEMPLATE else rule.templates[finding.template]
    return template.format(**finding.params)


def _settled(rule: Rule, finding: Finding) -> Finding:
    """The finding (and the consequences it lists, unless another rule's) with its rule,
    severity and message."""
    severity = rule.severity if finding.severity == Severity.RULE else finding.severity
    return replace(
        finding,
        rule=rule.id,
        severity=severity,
        message=_render(rule, finding),
        consequences=tuple(f if f.rule else _settled(rule, f) for f in finding.consequences),
    )


# A finding quotes its sentence; a sentence can be a whole 50,000-character paragraph
# with thousands of findings in it (one per doubled word), and the report would hold
# every copy (210 MB of JSON for one such paragraph). Longer quotes keep a window
# around the marked words; no real sentence is that long (the corpus: 2,415 at most).
QUOTE_MOST, QUOTE_WINDOW = 5_000, 300


def _windowed(finding: Finding) -> Finding:
    loc = finding.location
    if loc.quote is None or len(loc.quote) <= QUOTE_MOST:
        return finding
    start, end = loc.mark or (0, 0)
    first, last = max(start - QUOTE_WINDOW, 0), min(end + QUOTE_WINDOW, len(loc.quote))
    head, tail = ("…" if first else ""), ("…" if last < len(loc.quote) else "")
    quote = head + loc.quote[first:last] + tail
    mark = (start - first + len(head), end - first + len(head)) if loc.mark else None
    return replace(finding, location=replace(loc, quote=quote, mark=mark))


def _finish(rule: Rule, findings: list[Finding]) -> RuleResult:
    done = []
    seen: dict[str, int] = {}
    for finding in findings:
        finding = _windowed(_settled(rule, finding))
        key = finding.identity()
        seen[key] = seen.get(key, 0) + 1
        done.append(replace(finding, key=key if seen[key] == 1 else f"{key}-{seen[key]}"))
    # Rounding notes alone do not fail a rule: the figures agree within rounding.
    failed = any(f.severity != Severity.INFO for f in done)
    return RuleResult(rule, Status.FAILED if failed else Status.PASSED, tuple(done))


def run_rule(rule: Rule, ctx: Context) -> RuleResult:
    try:
        reason = unmet(ctx, rule)
        if reason:
            return RuleResult(rule, Status.NOT_RUN, reason=reason)
        findings = [places.with_page(finding, ctx.doc) for finding in rule.check(ctx)]
    except Exception as error:  # one broken rule must not hide the others' results
        return RuleResult(rule, Status.NOT_RUN, reason=f"规则运行出错：{type(error).__name__}: {error}")
    return _finish(rule, findings)


def run(disclosure: Disclosure, settings: Settings | None = None) -> CheckReport:
    ctx = Context(disclosure, settings or Settings())
    results = tuple(run_rule(rule, ctx) for rule in CATALOGUE)
    results = reading.merge_text_into_totals(reading.merge_cell_defects(results, disclosure))
    results = reading.set_aside(reading.merge_unfilled_forms(results), disclosure)
    return CheckReport(disclosure.source, disclosure.unit, RULESET_VERSION, results)
