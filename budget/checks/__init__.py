"""The pre-publication check (发布前检查): a catalogue of rules run over a Disclosure.

``run(disclosure)`` runs every rule of ``CATALOGUE`` and returns a ``CheckReport``: each
rule ends passed, failed (with findings) or not run (with the reason). A rule that
raises is reported as not run with the error, never crashes the run.
"""

from __future__ import annotations

from dataclasses import replace

from budget.checks.core import (
    CATALOGUE,
    CATEGORY_LABELS,
    SEVERITY_LABELS,
    SEVERITY_ORDER,
    STATUS_LABELS,
    Category,
    CheckReport,
    Context,
    Finding,
    Location,
    NotRun,
    Rule,
    RuleResult,
    Settings,
    Severity,
    Status,
)

# Importing the families registers their rules, in the order the catalogue lists them.
from budget.checks import arithmetic, reconcile, text, items, completeness, form, performance, reading  # noqa: E402,F401
from budget.model import Disclosure, TableKind

RULESET_VERSION = "2026.11-1"

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
    "Rule",
    "RuleResult",
    "Settings",
    "Severity",
    "Status",
    "run",
    "run_rule",
]


def _missing(ctx: Context, needs: tuple[TableKind, ...]) -> str | None:
    from budget.model import TABLE_LABELS

    absent = [TABLE_LABELS[k] for k in needs if ctx.doc.table(k) is None]
    return f"文件中没有{'、'.join(absent)}" if absent else None


def _finish(rule: Rule, findings: list[Finding]) -> RuleResult:
    done = []
    seen: dict[str, int] = {}
    for finding in findings:
        severity = rule.severity if finding.severity == Severity.RULE else finding.severity
        finding = replace(finding, rule=rule.id, severity=severity)
        key = finding.identity()
        seen[key] = seen.get(key, 0) + 1
        done.append(replace(finding, key=key if seen[key] == 1 else f"{key}-{seen[key]}"))
    # Rounding notes alone do not fail a rule: the figures agree within rounding.
    failed = any(f.severity != Severity.INFO for f in done)
    return RuleResult(rule, Status.FAILED if failed else Status.PASSED, tuple(done))


def run_rule(rule: Rule, ctx: Context) -> RuleResult:
    reason = _missing(ctx, rule.needs)
    if reason:
        return RuleResult(rule, Status.NOT_RUN, reason=reason)
    try:
        findings = list(rule.check(ctx))
    except NotRun as why:
        return RuleResult(rule, Status.NOT_RUN, reason=str(why))
    except Exception as error:  # one broken rule must not hide the others' results
        return RuleResult(rule, Status.NOT_RUN, reason=f"规则运行出错：{type(error).__name__}: {error}")
    return _finish(rule, findings)


def run(disclosure: Disclosure, settings: Settings | None = None) -> CheckReport:
    ctx = Context(disclosure, settings or Settings())
    results = tuple(run_rule(rule, ctx) for rule in CATALOGUE)
    results = reading.set_aside(reading.merge_cell_defects(results, disclosure), disclosure)
    return CheckReport(disclosure.source, disclosure.unit, RULESET_VERSION, results)
