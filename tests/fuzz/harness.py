"""What every fuzz input goes through: load, check, and everything a page or an export
computes from the result, within the time and memory budget.

A LoadError is an answer (the input is refused with a sentence); any other exception is
a bug and fails the test with the input as its reproducer. Counts per family, and the
slowest and largest inputs, are written for the summary `make fuzz` prints.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from budget.checks import CheckReport, run
from budget.export import contract, reports
from budget.export import tables as table_export
from budget.model import Disclosure, Format, Source
from budget.views import basic_project, compare, functional, overview, performance, three_public
from budget.views import check as check_view
from loaders import LoadError, limits, load
from loaders.blocks import Block
from loaders.recognize import build

SECONDS = 2.0  # load + check, per input: CPU time of this process (wall time on a shared
# machine measures the neighbours; it is recorded too)
MEGABYTES = 500
STATS_DIR = Path(os.environ.get("FUZZ_STATS", Path(__file__).resolve().parents[2] / ".pytest_cache" / "fuzz"))
_STATUS = Path("/proc/self/status")


@dataclass
class Family:
    read: int = 0
    refused: int = 0
    slowest: float = 0.0  # CPU seconds
    slowest_wall: float = 0.0
    largest: float = 0.0


STATS: dict[str, Family] = {}
REFUSALS: dict[str, Counter[str]] = {}


def _rss_kb(field: str) -> int | None:
    try:
        return int(re.search(rf"{field}:\s+(\d+)", _STATUS.read_text()).group(1))  # type: ignore[union-attr]
    except (OSError, AttributeError):
        return None


def _clock() -> tuple[float, float]:
    return time.process_time(), time.perf_counter()


def _since(began: tuple[float, float]) -> tuple[float, float]:
    return time.process_time() - began[0], time.perf_counter() - began[1]


def _reset_peak() -> int | None:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return None
    return _rss_kb("VmRSS")


def exercise(family: str, data: bytes, name: str) -> Disclosure | None:
    """Load and check ``data``, then compute every page frame and export; the model,
    or None when refused. Fails on a bug or when the budget is exceeded."""
    start = _reset_peak()
    began = _clock()
    try:
        d = load(data, name)
    except LoadError as error:
        _count(family, None, _since(began), start, error)
        return None
    report = _check(d)
    _count(family, d, _since(began), start, None)
    every_frame(d, report)
    return d


def exercise_blocks(family: str, blocks: list[Block], fmt: Format) -> Disclosure | None:
    """Recognition (with the block limits load() applies first) and what follows."""
    start = _reset_peak()
    began = _clock()
    try:
        limits.check_blocks(blocks)
        d = build(blocks, Source(f"b.{fmt}", fmt, "0" * 64))
    except LoadError as error:
        _count(family, None, _since(began), start, error)
        return None
    report = _check(d)
    _count(family, d, _since(began), start, None)
    every_frame(d, report)
    return d


def exercise_model(family: str, d: Disclosure) -> None:
    """The check, the pages and the exports on a model (from blocks or a changed model)."""
    start = _reset_peak()
    began = _clock()
    report = _check(d)
    _count(family, d, _since(began), start, None)
    every_frame(d, report)


def _check(d: Disclosure) -> CheckReport:
    """The check; a rule that crashed (the engine reports it as not run, so that one
    broken rule does not hide the others) is a bug here."""
    report = run(d)
    crashed = [r for r in report.results if (r.reason or "").startswith("规则运行出错")]
    assert not crashed, f"rule {crashed[0].rule.id} crashed: {crashed[0].reason}"
    return report


def _count(
    family: str, d: Disclosure | None, spent: tuple[float, float], start_kb: int | None, error: LoadError | None
) -> None:
    seconds, wall = spent
    peak = _rss_kb("VmHWM")
    megabytes = (peak - start_kb) / 1024 if peak is not None and start_kb is not None else 0.0
    stats = STATS.setdefault(family, Family())
    if d is None:
        stats.refused += 1
        REFUSALS.setdefault(family, Counter())[(error.english if error else "").split(":")[0][:60]] += 1
    else:
        stats.read += 1
    stats.slowest = max(stats.slowest, seconds)
    stats.slowest_wall = max(stats.slowest_wall, wall)
    stats.largest = max(stats.largest, megabytes)
    assert seconds < SECONDS, f"{family}: load + check took {seconds:.2f} s CPU ({wall:.2f} s wall)"
    assert megabytes < MEGABYTES, f"{family}: load + check used {megabytes:.0f} MB"


def every_frame(d: Disclosure, report: CheckReport) -> None:
    """What the pages and the exports compute from a model (no Streamlit)."""
    o = overview.overview(d)
    assert o is not None
    overview.by_class(d)
    for measure in functional.MEASURES:
        tree = functional.functional_hierarchy(d, report, measure)
        for sector in list(tree.frame["id"])[:3]:
            lines = functional.subtree_lines(d, sector)
            functional.lines_frame(lines, functional.functional_keys(d), d.unit.money_unit)
    basic_project.economic_hierarchy(d, report)
    three_public.three_public_comparison(d, report)
    three_public.running_costs_comparison(d, report)
    checked: set[tuple[int, int]] = set()
    for index in range(len(d.performance)):
        view = performance.project_view(d, report, index)
        performance.project_budget(d, view)
        performance.procurement_frame(performance.project_procurement(d, view.project.name), d.unit.money_unit)
        checked |= {(index, i) for i in range(len(view.project.indicators))}
    performance.checklist_frame(d, report, checked)
    entries = [("a.docx", d), ("b.docx", d)]
    headlines, classes = compare.headline_table(entries), compare.class_table(entries)
    compare.documents_frame(entries)
    compare.class_bar_frame(classes)
    compare.export_frame(headlines, classes)
    findings = list(report.findings)
    check_view.parts(d, findings)
    check_view.findings_frame(report, findings, {})
    check_view.rules_frame(report)
    for finding in findings:
        check_view.fragment(d, finding)
        check_view.marked(finding)
        reports.place(finding)
    reports.to_json(report)
    reports.to_html(report)
    reports.to_xlsx(report)
    contract.to_bytes(d)
    for table in d.tables:
        table_export.table_csv(table)
    if d.tables:
        table_export.table_xlsx(d.tables[0])


def write_stats(worker: str) -> None:
    if not STATS:
        return
    STATS_DIR.mkdir(parents=True, exist_ok=True)
    out = {
        family: {**vars(stats), "refusals": dict(REFUSALS.get(family, Counter()).most_common(8))}
        for family, stats in STATS.items()
    }
    (STATS_DIR / f"{worker}.json").write_text(json.dumps(out, ensure_ascii=False, indent=1))


def summary(since: float) -> list[str]:
    total: dict[str, dict] = {}
    for path in sorted(STATS_DIR.glob("*.json")) if STATS_DIR.exists() else []:
        if path.stat().st_mtime < since:
            continue
        for family, stats in json.loads(path.read_text()).items():
            row = total.setdefault(
                family, {"read": 0, "refused": 0, "slowest": 0.0, "slowest_wall": 0.0, "largest": 0.0, "refusals": {}}
            )
            row["read"] += stats["read"]
            row["refused"] += stats["refused"]
            row["slowest"] = max(row["slowest"], stats["slowest"])
            row["slowest_wall"] = max(row["slowest_wall"], stats.get("slowest_wall", 0.0))
            row["largest"] = max(row["largest"], stats["largest"])
            for reason, count in stats["refusals"].items():
                row["refusals"][reason] = row["refusals"].get(reason, 0) + count
    if not total:
        return []
    lines = [f"{'family':<16}{'inputs':>8}{'read':>8}{'refused':>9}{'max CPU s':>11}{'max wall s':>11}{'peak MB':>9}"]
    for family, row in sorted(total.items()):
        inputs = row["read"] + row["refused"]
        lines.append(
            f"{family:<16}{inputs:>8}{row['read']:>8}{row['refused']:>9}{row['slowest']:>11.2f}"
            f"{row['slowest_wall']:>11.2f}{row['largest']:>9.0f}"
        )
    all_inputs = sum(r["read"] + r["refused"] for r in total.values())
    lines.append(f"{'all':<16}{all_inputs:>8}  (0 unexpected exceptions: any would have failed its test)")
    for family, row in sorted(total.items()):
        top = sorted(row["refusals"].items(), key=lambda kv: -kv[1])[:4]
        if top:
            lines.append(f"  {family} refusals: " + "; ".join(f"{reason or '?'} ×{n}" for reason, n in top))
    return lines
