"""The vocabulary of the pre-publication check: rules, findings, results, the report.

A rule is one small pure function over a ``Disclosure`` plus its metadata: the tables
and conditions it needs (``needs``: a ``TableKind`` or a ``Need`` with its reason), its
message templates (the default one and named others), its severity and guidance. It
yields findings with their parameters; the engine (``budget.checks.run``) renders each
finding's template, runs a rule only when its needs hold (else: not run, with the
reason), and turns every outcome, including an unexpected exception, into a ``RuleResult``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from functools import cached_property

from budget.model import Disclosure, Money, MoneyUnit, Source, Table, TableKind, Unit
from budget.narrative.text import section_paragraphs


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    RULE = "rule"  # a finding's default before the engine: the severity of its rule


SEVERITY_LABELS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class Category(StrEnum):
    ARITHMETIC = "arithmetic"
    RECONCILIATION = "reconciliation"
    TEXT = "text"
    COMPLETENESS = "completeness"
    FORM = "form"
    PERFORMANCE = "performance"
    READING = "reading"


CATEGORY_LABELS = {
    Category.ARITHMETIC: "表内运算",
    Category.RECONCILIATION: "表间核对",
    Category.TEXT: "文字与表格一致",
    Category.COMPLETENESS: "完整性",
    Category.FORM: "文字规范",
    Category.PERFORMANCE: "绩效目标",
    Category.READING: "表格读取",
}


class Status(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    NOT_RUN = "not_run"


STATUS_LABELS = {Status.PASSED: "通过", Status.FAILED: "未通过", Status.NOT_RUN: "未运行"}


@dataclass(frozen=True, slots=True)
class Need:
    """A condition a rule needs to run, and the Chinese reason it does not when it fails."""

    holds: Callable[[Context], object]  # truthy when the rule can run
    reason: str
    # a more precise reason for this document, when there is one (None: ``reason``)
    explain: Callable[[Context], str | None] | None = None


Requirement = TableKind | Need


@dataclass(frozen=True, slots=True)
class Settings:
    satisfaction_threshold: Decimal = Decimal(85)  # percent; usual practice is 85–90
    copy_similarity: float = 0.9  # ratio above which two texts count as copied
    copy_min_length: int = 12  # shorter texts (指标名称 like "群众满意度") repeat legitimately


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding is: a table cell or a sentence of a section (or both for 绩效 tables).

    ``table_index``/``row_index``/``column_index`` point into ``Disclosure.tables`` and the
    table's ``rows``/``columns`` so the UI can show the fragment; ``section_index`` into
    ``Disclosure.sections``.
    """

    table: str | None = None  # TableKind value
    row: str | None = None  # code, or the row's name
    column: str | None = None  # column label as the reader knows it (合计, 基本支出 …)
    page: int | None = None
    section: str | None = None  # section heading
    quote: str | None = None  # the sentence
    project: str | None = None  # performance project name
    table_index: int | None = None
    row_index: int | None = None
    column_index: int | None = None
    section_index: int | None = None
    mark: tuple[int, int] | None = None  # the figure or words at fault within ``quote``

    def as_dict(self) -> dict[str, object]:
        """The contract form: only the fields that say where, without internal indexes."""
        keys = ("table", "row", "column", "page", "section", "quote", "project")
        return {k: getattr(self, k) for k in keys if getattr(self, k) is not None}

    @property
    def part(self) -> tuple[int, int]:
        """Reading-order key of the document part: tables and sections by their index."""
        if self.table_index is not None:
            return (0, self.table_index)
        if self.section_index is not None:
            return (1, self.section_index)
        return (2, 0)


DEFAULT_TEMPLATE = "default"

# What a rule appends to a message in some cases (``Finding.notes`` names them).
NOTES: Mapping[str, str] = {
    "exceeds": "，超出 {items} 项四舍五入的容差 ±{tolerance}",
    "coarse": "（合计以元取整，分项列到分：合计应按分项之和列示）",
    "signal": "（{signal}）",
    "last_digit": "（只差末位一个单位，多半是截去而不是四舍五入）",
    "one_unit": "（只差末位一个单位）",
    "name_cut": "（表中的名称是文中名称的开头一段：多半是表格栏宽不够，名称印得不全）",
    "blank": "（一边读为空白，请核对原表）",
    "text_states": "（正文写的 {stated} 与分项之和相符：多半是表中的合计印错）",
    "repeats": "（同一处共 {count} 处）",
    "this_base": "（{printed}% 正是增减额除以本年金额：增减百分比应以上年金额为分母）",
    "ratio": "（{printed} 正是两年金额之比，不是增减百分比）",
    "fraction": "（{printed} 是增减比例未乘以 100）",
    "truncated": "（{printed}% 是把百分比截去后面的位数再补零写成的：末尾的 0 不是算出来的）",
}


def noted(finding: Finding, name: str, **fields: object) -> Finding:
    """The finding with the note ``name`` appended to its message (and recorded in ``notes``)."""
    message = finding.message + NOTES[name].format(**fields)
    return replace(finding, message=message, notes=(*finding.notes, (name, fields)))


def folded(
    findings: Iterable[Finding],
    pattern: Callable[[Finding], Hashable | None],
    fold: Callable[[list[Finding]], Finding],
) -> Iterator[Finding]:
    """The findings, those of one pattern (``pattern``'s key; None: a finding of its own) folded
    into one by ``fold``: one defect repeated over a document (the same words in 78 forms, every
    bracket of one wrong width) is one finding with its count and places, each place one of
    its consequences (kept in the report, out of the count)."""
    groups: dict[Hashable, list[Finding]] = {}
    for finding in findings:
        key = pattern(finding)
        if key is None:
            yield finding
        else:
            groups.setdefault(key, []).append(finding)
    for group in groups.values():
        yield group[0] if len(group) == 1 else fold(group)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem. Amounts are Decimals in ``unit`` (the document's money unit, or "%")."""

    message: str = ""  # empty: the engine renders the rule's template with ``params``
    location: Location = field(kw_only=True)
    expected: Decimal | None = None
    actual: Decimal | None = None
    difference: Decimal | None = None
    unit: str | None = None
    rule: str = ""  # filled in by the engine
    severity: Severity = Severity.RULE  # RULE: the rule's own severity (the engine sets it)
    key: str = ""  # stable identity for reviewer annotations, filled in by the engine
    template: str = DEFAULT_TEMPLATE  # the rule's template the engine renders with ``params`` (no message given)
    # the figures behind the message: template fields, the items summed and the tolerance
    params: Mapping[str, object] = field(default_factory=dict)
    consequences: tuple[Finding, ...] = ()  # other failures this one defect causes
    # A message the rule rendered itself (``message`` given): its template's fields beyond
    # ``params`` and the notes appended to it, by name (``NOTES``) with their fields, so the
    # interface renders the same finding in English (budget.views.messages). Not in the JSON.
    fields: Mapping[str, object] = field(default_factory=dict)
    notes: tuple[tuple[str, Mapping[str, object]], ...] = ()

    def identity(self) -> str:
        loc = self.location
        parts = (self.rule, loc.table, loc.table_index, loc.row, loc.column, loc.section, loc.quote, loc.project)
        digest = hashlib.sha1("|".join("" if p is None else str(p) for p in parts).encode("utf-8"))
        return f"{self.rule}:{digest.hexdigest()[:10]}"


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    title: str  # Chinese, what is checked
    category: Category
    severity: Severity  # the severity of an ordinary finding of this rule
    template: str  # Chinese message template (str.format fields) of an ordinary finding
    guidance: str  # one sentence: how to fix
    check: Callable[[Context], Iterable[Finding]] = field(repr=False, compare=False)
    needs: tuple[Requirement, ...] = ()  # tables and conditions without which it cannot run
    templates: Mapping[str, str] = field(default_factory=dict)  # other findings' templates, by name

    def message(self, name: str = DEFAULT_TEMPLATE, **fields: object) -> str:
        """A message rendered from the default or a named template."""
        template = self.template if name == DEFAULT_TEMPLATE else self.templates[name]
        return template.format(**fields)

    def table_kinds(self) -> tuple[TableKind, ...]:
        """The kinds of table the rule compares (its table needs)."""
        return tuple(n for n in self.needs if isinstance(n, TableKind))


@dataclass(frozen=True, slots=True)
class RuleResult:
    rule: Rule
    status: Status
    findings: tuple[Finding, ...] = ()
    reason: str | None = None


@dataclass(frozen=True)
class CheckReport:
    source: Source
    unit: Unit
    ruleset: str
    results: tuple[RuleResult, ...]

    @cached_property
    def findings(self) -> tuple[Finding, ...]:
        """All findings, in reading order of the document, errors first within a place."""
        items = [f for r in self.results for f in r.findings]
        return tuple(
            sorted(items, key=lambda f: (f.location.part, f.location.row_index or 0, SEVERITY_ORDER[f.severity]))
        )

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def count_status(self, status: Status) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def has_errors(self) -> bool:
        return self.count(Severity.ERROR) > 0

    def summary(self) -> dict[str, int]:
        return {
            "error": self.count(Severity.ERROR),
            "warning": self.count(Severity.WARNING),
            "info": self.count(Severity.INFO),
            "passed": self.count_status(Status.PASSED),
            "failed": self.count_status(Status.FAILED),
            "not_run": self.count_status(Status.NOT_RUN),
        }

    def result(self, rule_id: str) -> RuleResult:
        for result in self.results:
            if result.rule.id == rule_id:
                return result
        raise KeyError(rule_id)


class Context:
    """What a rule sees: the document, the settings and shared, computed-once views."""

    def __init__(self, doc: Disclosure, settings: Settings) -> None:
        self.doc = doc
        self.settings = settings
        self._memo: dict[str, object] = {}
        self._paragraphs: dict[int, list[tuple[str, tuple[int, ...]]]] = {}

    def memo(self, name: str, compute: Callable[[Context], object]) -> object:
        """A view computed once per run and shared by the rules that need it."""
        if name not in self._memo:
            self._memo[name] = compute(self)
        return self._memo[name]

    def section_paragraphs(self, index: int) -> list[tuple[str, tuple[int, ...]]]:
        """``budget.narrative.text.section_paragraphs`` of the document, unwrapped once per run:
        half a dozen rules read every section's paragraphs (the list is shared: read it, never change it)."""
        found = self._paragraphs.get(index)
        if found is None:
            found = self._paragraphs[index] = section_paragraphs(self.doc, index)
        return found

    @property
    def unit(self) -> MoneyUnit:
        return self.doc.unit.money_unit

    def table(self, kind: TableKind) -> Table:
        """The table of a kind the rule declared it needs (so it is there)."""
        table = self.doc.table(kind)
        if table is None:
            raise LookupError(f"no {kind} table: declare it in the rule's needs")
        return table

    def table_index(self, table: Table) -> int | None:
        for index, candidate in enumerate(self.doc.tables):
            if candidate is table:
                return index
        return None

    def amount(self, money: Money | None) -> Decimal | None:
        """An amount in the document's money unit (exact), for a finding's figures."""
        if money is None:
            return None
        return money.to(self.unit).amount

    @cached_property
    def quotes(self):  # -> tuple[budget.checks.quotes.Quote, ...]
        from budget.checks.quotes import find_quotes

        return find_quotes(self.doc, self.section_paragraphs)


def rule(
    id: str,
    title: str,
    category: Category,
    severity: Severity,
    template: str,
    guidance: str,
    needs: tuple[Requirement, ...] = (),
    templates: Mapping[str, str] | None = None,
) -> Callable[[Callable[[Context], Iterable[Finding]]], Rule]:
    """Make a rule of a check function and its metadata (the catalogue lists it)."""

    def make(check: Callable[[Context], Iterable[Finding]]) -> Rule:
        return Rule(id, title, category, severity, template, guidance, check, needs, dict(templates or {}))

    return make


def has(kind: TableKind, reason: str, what: Callable[[Table], object]) -> Need:
    """A need on a table of the document: it is there and ``what`` holds for it."""
    return Need(lambda ctx: (table := ctx.doc.table(kind)) is not None and what(table), reason)
