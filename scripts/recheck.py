"""Re-run recognition and the check on a snapshot's pickled blocks, in seconds.

    python scripts/recheck.py SNAPDIR [--city 深圳] [--file NAME] [--docs] [--json OUT]

SNAPDIR holds ``<label>.blocks.pickle`` files (``scripts/snapshot.py take OUT --blocks``).
Each corpus file's blocks go through ``loaders.recognize.build`` and ``budget.checks.run``
with the code of this checkout; the per-city table of issue 8 is printed (docs, refused,
read, consistent, median ARITH errors), and with ``--docs`` one line per document.
A document is *read* when its unit name and year are found and it has >= 3 functional
and >= 3 economic rows; *consistent* when read and no ARITH-ROW / ARITH-HIER /
ARITH-TOTALS finding is an error.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import pickle
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

ARITH = ("ARITH-ROW", "ARITH-HIER", "ARITH-TOTALS")
# Contract keys added on this branch (docs/contract.md): left out of the fixture diff.
ADDED = ("parts", "functional_table", "economic_table")


FUNDS = ("general_public", "gov_fund", "state_capital")
SOURCES = (
    "appropriation",
    "special_account",
    "business",
    "operating",
    "superior_grant",
    "subsidiary",
    "other",
    "carried_in_cash",  # 上年实户资金余额, 用事业基金弥补收支差额, 使用非财政拨款结余: sources too
    "fund_offset",
    "non_appropriation_surplus",
)
EXPENDITURE_PARTS = ("project", "operating_expense", "to_superior", "to_subsidiary")


def proposed_row_groups(line):
    """A row-sum grouping that reads the funds of an income table as its appropriation and
    基本支出 printed as 人员经费 + 公用经费 — for measuring only (--proposed-rows, which also
    counts 上年结余 as a carry-over): the check's own rules live in budget/checks/."""
    keys = set(line.values)

    def present(parts):
        return tuple(p for p in parts if p in keys)

    sources = SOURCES if "appropriation" in keys else (*FUNDS, *SOURCES[1:])
    groups = []
    if "basic" in keys:
        groups.append(("total", present(("basic", *EXPENDITURE_PARTS))))
    else:
        groups.append(("total", present(("personnel", "public", *EXPENDITURE_PARTS))))
    groups.append(("basic", present(("personnel", "public"))))
    groups.append(("total", present(("current", "carried_in"))))
    groups.append(("current", present(sources)))
    if "current" not in keys:
        groups.append(("total", present((*sources, "carried_in"))))
    if "appropriation" in keys:
        groups.append(("appropriation", present(FUNDS)))
    elif not present(SOURCES[1:]) and "carried_in" not in keys:
        groups.append(("total", present(FUNDS)))
    for whole, parts in groups:
        if whole in keys and len(parts) >= 2:
            yield whole, parts


def proposed_carry_over(table, side, named):
    """Every row a 收支总表 prints between 本年收入合计 and 收入总计 (上年结转, 上年实户资金
    余额, 用事业基金弥补收支差额 …; 结转下年, 未安排支出的实户资金 on the other side) as one
    line to add to the year's total (--proposed-rows)."""
    from budget.model import Line, total_of
    from budget.checks.places import main_value, squash

    current = named(table, re.compile("本年收入合计" if side == "income" else "本年支出合计"), side)
    total = named(table, re.compile("收入总计" if side == "income" else "支出总计"), side)
    if current is None or total is None:
        return None
    rows = [
        ln
        for ln in table.lines
        if ln.side == side
        and current.row < ln.row < total.row
        and not squash(ln.name).startswith("其中")
        and (ln.level or 1) == 1
        and re.search(r"结转|结余|实户|弥补", squash(ln.name))
    ]
    if not rows:
        return None
    amount = total_of([main_value(ln) for ln in rows])
    return Line(name="、".join(squash(ln.name) for ln in rows), values={"total": amount}, row=rows[0].row, side=side)


def proposed_children(coded, parent):
    """The hierarchy's children within the parent's own 预算单位 (Line.unit): a 部门 that
    prints each unit's section has the same codes once per unit (--proposed-rows)."""
    from budget.checks.places import level_of

    level = level_of(parent)
    if level is None or not parent.code:
        return []
    return [
        c
        for c in coded
        if c is not parent
        and level_of(c) == level + 1
        and c.code
        and c.code.startswith(parent.code)
        and c.unit == parent.unit
    ]


def _build(path: Path, name: str):
    from budget.model import Format, Source
    from loaders.recognize import build

    return build(pickle.loads(path.read_bytes()), Source(name, Format.PDF, hashlib.sha256(name.encode()).hexdigest()))


def one(paths: list[Path], name: str) -> dict:
    """The row of one document: one file, or the parts of one disclosure joined."""
    from budget.checks import run
    from budget.checks.core import Severity
    from budget.model import TableKind
    from loaders import LoadError, join

    start = time.perf_counter()
    try:
        d = join([_build(path, path.name.removesuffix(".blocks.pickle")) for path in paths])
    except LoadError as error:
        return {"file": name, "status": "refused", "reason": error.message, "arith": None, "tables": False}
    report = run(d)
    arith = [f for f in report.findings if f.severity == Severity.ERROR and f.rule in ARITH]
    # A table the check says it could not rely on counts against consistency (as in survey)
    arith += [f for f in report.findings if f.rule == "READ-TABLE"]
    read = bool(d.unit.name) and bool(d.unit.year) and len(d.functional) >= 3 and len(d.economic) >= 3
    kinds = {t.kind for t in d.tables}
    return {
        "file": name,
        "status": "read" if read else "unread",
        "arith": len(arith),
        "unit": d.unit.name,
        "year": d.unit.year,
        "stage": d.unit.stage,
        "functional": len(d.functional),
        "economic": len(d.economic),
        "kinds": [t.kind.value for t in d.tables],
        # the standard tables a document must contain to be measured (a 情况说明 alone, a
        # 绩效目标表 alone are valid inputs but not read as budgets)
        "tables": bool(kinds & {TableKind.SUMMARY, TableKind.INCOME, TableKind.EXPENDITURE, TableKind.GENERAL_PUBLIC}),
        "errors": [f"{f.rule} {f.message}" for f in arith[:5]],
        "seconds": round(time.perf_counter() - start, 3),
    }


def fixtures(snap: Path, against: Path | None = None) -> int:
    """Rebuild every fixture from its blocks in SNAP and compare model and check JSON with
    SNAP's own (or with those of ``against``, a snapshot taken before)."""
    import difflib

    from budget.checks import run
    from budget.export import reports
    from budget.export.contract import disclosure_to_dict
    from budget.model import Format, Source
    from loaders.recognize import build

    reference = against or snap
    changed = 0
    for path in sorted(snap.glob("*.blocks.pickle")):
        label = path.name.removesuffix(".blocks.pickle")
        known = label if label.startswith("fixtures__") else _fixture_label(label)
        if not known.startswith("fixtures__") or not (reference / f"{known}.model.json").exists():
            continue  # a corpus file
        before = json.loads((reference / f"{known}.model.json").read_text(encoding="utf-8"))
        source = before["source"]
        d = build(pickle.loads(path.read_bytes()), Source(source["name"], Format(source["format"]), source["sha256"]))
        model = disclosure_to_dict(d)
        for key in ADDED:  # keys this branch added to the contract: not a change of what was read
            model.pop(key, None)
        model["unit"].pop("stage", None)
        after = {"model": model, "check": json.loads(reports.to_json(run(d)))}
        for part in ("model", "check"):
            old_json = json.loads((reference / f"{known}.{part}.json").read_text(encoding="utf-8"))
            if part == "model":
                for key in ADDED:
                    old_json.pop(key, None)
                old_json["unit"].pop("stage", None)
            old = json.dumps(old_json, ensure_ascii=False, indent=1)
            new = json.dumps(after[part], ensure_ascii=False, indent=1)
            if old != new:
                changed += 1
                print(f"== {label} {part} differs")
                for line in list(difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=1))[2:60]:
                    print("   ", line[:200])
    print(f"{changed} fixture snapshot(s) differ")
    return 1 if changed else 0


def _fixture_label(name: str) -> str:
    """A bare fixture name as the labels of a snapshot taken from the main checkout."""
    if name.startswith("putuo_"):
        return f"fixtures__real__{name}"
    return f"fixtures__{name}" if name.startswith("seed.") else name


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("snap")
    parser.add_argument("--city")
    parser.add_argument("--file")
    parser.add_argument("--docs", action="store_true")
    parser.add_argument("--json")
    parser.add_argument("--fixtures", action="store_true", help="diff the fixtures' model/check JSON against SNAP")
    parser.add_argument("--proposed-rows", action="store_true", help="measure with proposed_row_groups (see there)")
    parser.add_argument("--against", type=Path, help="with --fixtures: the snapshot to compare with")
    parser.add_argument("--join-parts", action="store_true", help="read NAME_part1, NAME_part2 … as one disclosure")
    args = parser.parse_args()
    if args.proposed_rows:
        from budget.checks import arithmetic

        arithmetic._row_groups = proposed_row_groups
        arithmetic._children = proposed_children
        plain_named = arithmetic._named

        def named(table, pattern, side=None):
            if pattern in (arithmetic.CARRIED_IN, arithmetic.CARRIED_OUT) and side:
                return proposed_carry_over(table, side, plain_named) or plain_named(table, pattern, side)
            return plain_named(table, pattern, side)

        arithmetic._named = named
        # "上年结余、结转" (Shenzhen) is a carry-over too
        arithmetic.CARRIED_IN = re.compile(r"上年结转|上年结余|年初.*结转|年初.*结余")
    snap = Path(args.snap)
    if args.fixtures:
        sys.exit(fixtures(snap, args.against))
    with open(SHARED / "corpus" / "manifest.csv", encoding="utf-8") as f:
        manifest = list(csv.DictReader(f))
    results: dict[str, list[dict]] = {}
    groups: dict[tuple[str, str], list[str]] = {}
    for row in manifest:
        if args.city and row["city"] != args.city:
            continue
        if args.file and args.file not in row["file"]:
            continue
        part = re.match(r"^(.+)_part\d+\.\w+$", row["file"])
        key = (row["city"], f"{part.group(1)} (parts)" if part and args.join_parts else row["file"])
        groups.setdefault(key, []).append(row["file"])
    for (city, name), files in groups.items():
        paths = []
        for file in files:
            path = snap / f"corpus__{file}.blocks.pickle"
            if not path.exists():  # a snapshot taken from a worktree labels files by name only
                path = snap / f"{file}.blocks.pickle"
            paths.append(path)
        if not all(p.exists() for p in paths):
            result = {"file": name, "status": "refused", "reason": "(no blocks)", "arith": None, "tables": False}
        else:
            result = one(paths, name)
        results.setdefault(city, []).append(result)
    totals = [0, 0, 0, 0, 0]
    print(f"{'city':<6} docs refused read consistent medianARITH  with-tables read% consistent%")
    for city, docs in results.items():
        refused = sum(1 for d in docs if d["status"] == "refused")
        read = sum(1 for d in docs if d["status"] == "read")
        consistent = sum(1 for d in docs if d["status"] == "read" and d["arith"] == 0)
        tables = sum(1 for d in docs if d.get("tables"))
        med = statistics.median([d["arith"] for d in docs if d["arith"] is not None] or [0])
        share = f"{read / tables:>6.0%} {consistent / tables:>11.0%}" if tables else ""
        print(f"{city:<6} {len(docs):>4} {refused:>7} {read:>4} {consistent:>10} {med:>11}  {tables:>11} {share}")
        for i, n in enumerate((len(docs), refused, read, consistent, tables)):
            totals[i] += n
    docs_n, refused_n, read_n, consistent_n, tables_n = totals
    print(
        f"{'total':<6} {docs_n:>4} {refused_n:>7} {read_n:>4} {consistent_n:>10} {'':>11}  {tables_n:>11} "
        f"{read_n / max(tables_n, 1):>6.1%} {consistent_n / max(tables_n, 1):>11.1%}"
    )
    if args.docs:
        for city, docs in results.items():
            for d in docs:
                if d["status"] == "refused":
                    print(f"{city} {d['file']}: refused {d['reason']}")
                    continue
                flag = "OK " if d["status"] == "read" and d["arith"] == 0 else "-- "
                print(
                    f"{flag}{city} {d['file']}: {d['status']} arith={d['arith']} unit={d['unit']!r} year={d['year']} "
                    f"fn={d['functional']} ec={d['economic']} {d['seconds']}s"
                )
                for e in d["errors"][:3]:
                    print(f"      {e}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
