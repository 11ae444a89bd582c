"""The corpus report: ``python -m budget survey DIR [--json]``.

One line per document under DIR — unit, year, the standard tables found, rows read,
which identities hold, seconds — then the shares. It is how a user sees what a folder
of disclosures gives, and how a developer sees that a loader change for one layout did
not break another: run it before and after.

A document counts as *read* when its unit name and year are found and the model has at
least three functional and three economic rows; as *consistent* when, moreover, the
check raises no error in the table arithmetic (row sums, the class/款/项 hierarchy, the
totals) and finds no table it could not rely on. Published documents rarely break their
own arithmetic, so a wave of such errors means the document was misread.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from budget.application import files, parallel
from budget.checks import CATALOGUE, Category, Severity, Status, run
from budget.model import STANDARD_TABLES, TABLE_LABELS, Disclosure, Table, TableKind

# The identities a document's tables must satisfy (the rules that check them).
IDENTITY_RULES = tuple(r.id for r in CATALOGUE if r.category in (Category.ARITHMETIC, Category.RECONCILIATION))
# A misreading shows first as broken table arithmetic, or as a table the check found it
# could not rely on (READ-TABLE: its identities fail wholesale; the check then keeps
# their findings out of the error count, but the document was not read right).
ARITHMETIC_RULES = ("ARITH-ROW", "ARITH-HIER", "ARITH-TOTALS")
UNRELIABLE_RULE = "READ-TABLE"
MIN_ROWS = 3


@dataclass(frozen=True)
class DocumentSurvey:
    """What one file gave (``reason`` set when it was refused)."""

    path: str
    seconds: float
    reason: str | None = None
    format: str | None = None
    unit: str | None = None
    code: str | None = None
    year: int | None = None
    kind: str | None = None  # 单位 / 部门
    stage: str | None = None  # 预算 / 决算
    money_unit: str | None = None
    tables: int = 0
    unknown_tables: int = 0
    standard: tuple[str, ...] = ()  # standard table kinds found
    missing: tuple[str, ...] = ()  # standard table kinds not found
    functional: int = 0
    economic: int = 0
    # the basic-expenditure table is printed and empty (a unit with no basic spending of its
    # own, 上海市域外农场管理办公室's): no economic rows is then all there is to read
    economic_empty: bool = False
    projects: int = 0
    indicators: int = 0
    identities: dict[str, str] = field(default_factory=dict)  # rule id -> passed / failed / not_run
    arithmetic_errors: int = 0
    unreliable_tables: int = 0
    errors: int = 0
    warnings: int = 0

    @property
    def refused(self) -> bool:
        return self.reason is not None

    @property
    def read(self) -> bool:
        return (
            not self.refused
            and bool(self.unit)
            and self.year is not None
            and self.functional >= MIN_ROWS
            and (self.economic >= MIN_ROWS or self.economic_empty)
        )

    @property
    def consistent(self) -> bool:
        return self.read and self.arithmetic_errors == 0 and self.unreliable_tables == 0

    def line(self) -> str:
        if self.refused:
            return f"拒收 {self.path}：{self.reason}（{self.seconds:.1f} 秒）"
        held = sum(1 for s in self.identities.values() if s == Status.PASSED)
        ran = sum(1 for s in self.identities.values() if s != Status.NOT_RUN)
        verdict = "一致" if self.consistent else "已读取" if self.read else "未读全"
        year = f"{self.year}年" if self.year else "年度不详"
        empty = "（基本支出表为空表）" if self.economic_empty else ""
        missing = f"，缺 {'、'.join(TABLE_LABELS[TableKind(k)] for k in self.missing)}" if self.missing else ""
        return (
            f"{verdict} {self.path}：{self.unit or '单位不详'} {year}{self.kind or ''}{self.stage or '预算'}"
            f"（{self.money_unit}）；标准表 {len(self.standard)}/{len(STANDARD_TABLES)}{missing}；"
            f"功能分类 {self.functional} 行，经济分类 {self.economic} 行{empty}，"
            f"绩效项目 {self.projects} 个（指标 {self.indicators} 条）；"
            f"恒等式 {held}/{ran} 成立，表内运算错误 {self.arithmetic_errors}"
            f"{f'，读取不可靠的表 {self.unreliable_tables}' if self.unreliable_tables else ''}；{self.seconds:.1f} 秒"
        )


def survey_document(d: Disclosure, path: str, seconds: float) -> DocumentSurvey:
    report = run(d)
    kinds = {t.kind for t in d.tables}
    errors = [f for f in report.findings if f.severity == Severity.ERROR]
    return DocumentSurvey(
        path=path,
        seconds=seconds,
        format=d.source.format.value,
        unit=d.unit.name or None,
        code=d.unit.code,
        year=d.unit.year,
        kind=d.unit.kind,
        stage=d.unit.stage,
        money_unit=d.unit.money_unit.value,
        tables=len(d.tables),
        unknown_tables=sum(1 for t in d.tables if t.kind == TableKind.UNKNOWN),
        standard=tuple(k.value for k in STANDARD_TABLES if k in kinds),
        missing=tuple(k.value for k in STANDARD_TABLES if k not in kinds),
        functional=len(d.functional),
        economic=len(d.economic),
        economic_empty=not d.economic and _printed_empty(d.table(TableKind.BASIC_ECONOMIC)),
        projects=len(d.performance),
        indicators=sum(len(p.indicators) for p in d.performance),
        identities={r.rule.id: r.status.value for r in report.results if r.rule.id in IDENTITY_RULES},
        arithmetic_errors=sum(1 for f in errors if f.rule in ARITHMETIC_RULES),
        unreliable_tables=sum(1 for f in report.findings if f.rule == UNRELIABLE_RULE),
        errors=len(errors),
        warnings=report.count(Severity.WARNING),
    )


def _printed_empty(table: Table | None) -> bool:
    return table is not None and table.empty


def _survey_file(job: tuple[str, str]) -> DocumentSurvey:
    path, relative = job
    start = time.perf_counter()
    try:
        d = files.read(path)
        return survey_document(d, relative, time.perf_counter() - start)
    except Exception as error:  # noqa: BLE001 - one file's failure is its line, not the end of the report
        return DocumentSurvey(relative, time.perf_counter() - start, reason=files.reason(error))


@dataclass(frozen=True)
class Survey:
    directory: str
    documents: tuple[DocumentSurvey, ...]
    seconds: float

    def count(self, test: Callable[[DocumentSurvey], bool]) -> int:
        return sum(1 for d in self.documents if test(d))

    def shares(self) -> dict[str, int]:
        return {
            "documents": len(self.documents),
            "refused": self.count(lambda d: d.refused),
            "read": self.count(lambda d: d.read),
            "consistent": self.count(lambda d: d.consistent),
        }

    def total_line(self) -> str:
        s = self.shares()
        n = max(s["documents"], 1)
        return (
            f"共 {s['documents']} 个文件：拒收 {s['refused']}，读取 {s['read']}（{s['read'] / n:.0%}），"
            f"一致 {s['consistent']}（{s['consistent'] / n:.0%}）；用时 {self.seconds:.0f} 秒"
        )

    def to_json(self) -> str:
        documents = [
            {**asdict(d), "refused": d.refused, "read": d.read, "consistent": d.consistent} for d in self.documents
        ]
        payload = {"directory": self.directory, "seconds": round(self.seconds, 2), **self.shares()}
        return json.dumps({**payload, "files": documents}, ensure_ascii=False, indent=2)


def survey(
    directory: str | os.PathLike,
    jobs: int | None = None,
    progress: Callable[[DocumentSurvey], None] | None = None,
    paths: Sequence[Path] | None = None,
) -> Survey:
    """Survey every file under ``directory`` (or just ``paths`` under it) on ``jobs`` processes."""
    directory = Path(directory)
    start = time.perf_counter()
    chosen = list(paths) if paths is not None else list(files.walk(directory))
    work = [(str(p), str(p.relative_to(directory))) for p in chosen]
    documents = []
    for result in parallel.ordered_map(_survey_file, work, jobs):
        documents.append(result)
        if progress is not None:
            progress(result)
    return Survey(str(directory), tuple(documents), time.perf_counter() - start)
